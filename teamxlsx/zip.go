package teamxlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// sortedZip is the ZIP writer excelize saves through: it compresses each
// part as it comes and writes the archive, parts in a fixed order, on
// Close. excelize adds the parts of streamed sheets in map order, so
// without it two saves of one workbook differ in the order of their parts.
// The parts are held compressed until Close.
type sortedZip struct {
	w     io.Writer
	parts []*part
	cur   *part
}

// part is one compressed file of the archive.
type part struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (p *part) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

// Create starts the part name; the previous part is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &part{name: name, crc: crc32.NewIEEE()}
	fw, err := flate.NewWriter(&p.data, flate.DefaultCompression)
	if err != nil {
		return nil, err
	}
	p.fw = fw
	z.cur = p
	z.parts = append(z.parts, p)
	return p, nil
}

func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.fw.Close()
	z.cur.fw = nil // its window and tables: about 600 kB a part
	z.cur = nil
	return err
}

// AddFS is not needed to save a workbook.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("teamxlsx: AddFS not supported") }

// Close writes the archive: the parts in reverse byte order of name, as
// excelize orders the parts it does not stream, each with no modification
// time.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *part) int { return strings.Compare(b.name, a.name) })
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               p.name,
			Method:             zip.Deflate,
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.data.Len()),
			UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if _, err := p.data.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}
