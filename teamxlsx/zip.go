package teamxlsx

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"io"
)

// archive is the ZIP file team.xlsx is, written part after part straight
// to w: each part is compressed as it is written, nothing is held but the
// compressor's state and a 64 KB buffer. The parts come in the order they
// are started (Write's order is fixed), stamped with no modification time,
// so the same workbook is the same bytes.
type archive struct {
	zw *zip.Writer
	w  *bufio.Writer // the part being written
	fw *flate.Writer // one compressor for every part, reset for each
}

func newArchive(w io.Writer) *archive {
	a := &archive{zw: zip.NewWriter(w), w: bufio.NewWriterSize(nil, 64<<10)}
	// BestSpeed: the sheets are ~400 bytes of markup a row, mostly the same
	// tags; a slower level buys a few per cent of size for twice the time.
	a.zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if a.fw == nil {
			fw, err := flate.NewWriter(out, flate.BestSpeed)
			a.fw = fw
			return fw, err
		}
		a.fw.Reset(out)
		return a.fw, nil
	})
	return a
}

// part starts the part name; the previous part is complete.
func (a *archive) part(name string) error {
	if err := a.w.Flush(); err != nil {
		return err
	}
	// Create stamps no time (the zero FileHeader.Modified): 1980-00-00.
	pw, err := a.zw.Create(name)
	if err != nil {
		return err
	}
	a.w.Reset(pw)
	return nil
}

// close completes the last part and writes the archive's directory.
func (a *archive) close() error {
	if err := a.w.Flush(); err != nil {
		return err
	}
	return a.zw.Close()
}
