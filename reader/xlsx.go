package reader

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
)

// The xlsx reader is excelize's streaming Rows iterator, with its unzip
// limits set and guarded from outside, so that what one hostile workbook
// costs is bounded and every way it can fail is reported:
//
//   - the first bytes say what the file is: an old .xls, an encrypted
//     workbook (both OLE files), random bytes, a PDF named .xlsx;
//   - the zip directory is bounded (limits.max_xml_memory_mb) before
//     archive/zip reads it, the parts are counted, and their declared sizes
//     summed against limits.max_unzip_mb (archive/zip fails a part that
//     unzips to more than it declares), so a zip bomb is refused unopened;
//   - excelize holds every part in memory except worksheets and shared
//     strings over limits.max_xml_memory_mb: those parts together are
//     bounded by memoryFactor × limits.max_xml_memory_mb, so that a huge
//     image or other binary part, or many sheets each under the limit, in
//     a small file are refused unread;
//   - each worksheet part (and the shared strings) is streamed once through
//     the decompressor and an xmlGuard before excelize reads it: a part cut
//     short, or whose XML does not end, is reported, since excelize's
//     iterator would stop early without a word (the rows before the damage
//     are still read); a sheet with a single text run over
//     limits.max_xml_memory_mb (a cell excelize would decode whole), a tag
//     or comment over 1 MB, or a DOCTYPE is refused before excelize sees it;
//   - excelize reads cached values only (RawCellValue; formulas are never
//     evaluated, external links never followed) and any panic inside it
//     becomes an issue for that file, not a crash.

// maxParts is the most parts a workbook may have.
const maxParts = 100000

// sharedStringsFactor bounds the shared string table, which excelize holds
// in memory: at most this many times limits.max_xml_memory_mb (64 MB by
// default; a workbook with more unique text needs a higher limit).
const sharedStringsFactor = 4

// memoryFactor bounds the parts excelize holds in memory: at most this
// many times limits.max_xml_memory_mb (128 MB by default).
const memoryFactor = 8

type xlsxBook struct {
	f        *excelize.File
	lim      limits
	date1904 bool
	sheetChecks
}

// sheetChecks is what streaming the worksheets through the guard found,
// by sheet name.
type sheetChecks struct {
	damaged  map[string]*issueError  // why its data is damaged
	refused  map[string]*issueError  // why it is not read at all
	formulas map[string]*formulaScan // its formula cells saved without a value, when it has any
}

// openXLSX opens the workbook at path, of size bytes. Its errors are
// reasons for data-issues.csv.
func openXLSX(path string, size int64, lim limits) (_ *xlsxBook, err error) {
	checkSheets, err := checkXLSX(path, size, lim)
	if err != nil {
		return nil, err
	}
	// The worksheets are streamed through the guard while excelize opens
	// the file, on the other core: opening only copies large sheets to temp
	// files (the parts it reads whole were checked above), and no row is
	// parsed before the guard has passed every sheet.
	type sheetsChecked struct {
		sheetChecks
		err error
	}
	checked := make(chan sheetsChecked, 1)
	go func() {
		c, err := checkSheets()
		checked <- sheetsChecked{c, err}
	}()
	f, openErr := openExcelize(path, lim)
	c := <-checked
	switch {
	case c.err != nil:
		if f != nil {
			f.Close()
		}
		return nil, c.err
	case openErr != nil:
		return nil, openErr
	}
	defer recoverAs(&err, "workbook")
	b := &xlsxBook{f: f, lim: lim, sheetChecks: c.sheetChecks}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b, nil
}

// openExcelize opens the workbook with excelize, with the limits set.
func openExcelize(path string, lim limits) (_ *excelize.File, err error) {
	defer recoverAs(&err, "workbook")
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit:    lim.unzipBytes,
		UnzipXMLSizeLimit: min(lim.xmlMemoryBytes, lim.unzipBytes),
		RawCellValue:      true,
	})
	if err != nil {
		return nil, explainXLSXError(err)
	}
	return f, nil
}

// recoverAs turns a panic inside excelize into an error for data-issues.csv.
func recoverAs(err *error, what string) {
	if r := recover(); r != nil {
		*err = issuef(repcard.IssueDamaged, "the %s is malformed in a way the xlsx library cannot read (%v); open it in Excel and save it again", what, r)
	}
}

// checkXLSX looks at the file before excelize opens it. It returns
// checkSheets, which streams the worksheets through the guard and returns
// the sheets whose parts are damaged (cut short) and the sheets that are
// not to be read at all, with the reasons, and the formula cells saved
// without a value; it must be called once.
func checkXLSX(path string, size int64, lim limits) (checkSheets func() (sheetChecks, error), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(err)
	}
	defer func() {
		if checkSheets == nil {
			f.Close()
		}
	}()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.HasPrefix(head, oleMagic) {
		return nil, describeOLE(f, size)
	}
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) && !bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		return nil, issuef(repcard.IssueWrongFormat, "not an .xlsx workbook: %s", describeBytes(f))
	}
	if err := checkZipDirectory(f, size, lim); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return nil, issuef(repcard.IssueDamaged, "workbook is damaged (%v): it may be cut short or only partly copied; save it again", err)
	}
	if len(zr.File) > maxParts {
		return nil, overLimit("zip file has %d parts, more than a workbook ever has (%d)", len(zr.File), maxParts)
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		streamed := (strings.HasPrefix(name, "xl/worksheets/sheet") || name == "xl/sharedstrings.xml") &&
			zf.UncompressedSize64 > uint64(min(lim.xmlMemoryBytes, lim.unzipBytes))
		if !streamed {
			inMemory += zf.UncompressedSize64
		}
		if total > uint64(lim.unzipBytes) {
			return nil, overLimit("workbook unzips to more than %d MB, the limit (limits.max_unzip_mb): a zip bomb, or a workbook too large to read", lim.unzipBytes>>20)
		}
		if strings.EqualFold(zf.Name, "xl/workbook.bin") {
			return nil, &issueError{repcard.IssueWrongFormat, "Excel binary workbook (.xlsb) named .xlsx: open it in Excel and save it as .xlsx or .csv"}
		}
		if name := strings.ToLower(zf.Name); strings.HasSuffix(name, ".xml") && !strings.HasPrefix(name, "xl/worksheets/") &&
			name != "xl/sharedstrings.xml" && zf.UncompressedSize64 > uint64(lim.xmlMemoryBytes)*sharedStringsFactor {
			// Styles, theme, calculation chain, workbook: excelize reads
			// these whole when it opens the file.
			return nil, overLimit("the workbook's part %s unzips to %d MB, more than %d × limits.max_xml_memory_mb: not a spreadsheet's, or a zip bomb",
				zf.Name, zf.UncompressedSize64>>20, sharedStringsFactor)
		}
		if strings.EqualFold(zf.Name, "xl/sharedStrings.xml") {
			if limit := uint64(lim.xmlMemoryBytes) * sharedStringsFactor; zf.UncompressedSize64 > limit {
				return nil, overLimit("the workbook's shared strings unzip to %d MB, more than %d × limits.max_xml_memory_mb", zf.UncompressedSize64>>20, sharedStringsFactor)
			}
			why, _, items := checkPart(zf, "</sst>", lim, "<si", nil)
			if why != nil {
				return nil, why.in("the shared strings")
			}
			if limit := int(lim.xmlMemoryBytes >> 4); items > limit {
				// excelize spends about 200 bytes and up to 15 µs on each.
				return nil, overLimit("the workbook's shared strings hold %d strings, more than %d (one per 16 bytes of limits.max_xml_memory_mb)", items, limit)
			}
		}
	}
	if limit := memoryFactor * uint64(lim.xmlMemoryBytes); inMemory > limit {
		return nil, overLimit("the workbook's parts held in memory (styles, images, sheets under limits.max_xml_memory_mb …) unzip to %d MB, more than %d × limits.max_xml_memory_mb", inMemory>>20, memoryFactor)
	}
	parts := sheetParts(zr, lim)
	return func() (sheetChecks, error) {
		defer f.Close()
		return checkSheetParts(zr, parts, lim)
	}, nil
}

// checkSheetParts streams every worksheet part through the guard, and
// through a formulaScan.
func checkSheetParts(zr *zip.Reader, parts map[string]string, lim limits) (sheetChecks, error) {
	c := sheetChecks{damaged: map[string]*issueError{}, refused: map[string]*issueError{}, formulas: map[string]*formulaScan{}}
	for _, zf := range zr.File {
		name := strings.ToLower(zf.Name)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		var formulas formulaScan
		why, refuse, _ := checkPart(zf, "worksheet>", lim, "", &formulas)
		found := false
		for sheet, part := range parts {
			if part != name {
				continue
			}
			found = true
			switch {
			case why != nil && refuse:
				c.refused[sheet] = why
			case why != nil:
				c.damaged[sheet] = why
			}
			if formulas.cols != nil {
				c.formulas[sheet] = &formulas
			}
		}
		if why != nil && refuse && !found {
			return sheetChecks{}, why.in("worksheet " + zf.Name)
		}
	}
	return c, nil
}

// sheetParts maps each sheet's name to its worksheet part (lower case),
// from xl/workbook.xml and its relationships. A workbook whose structure
// cannot be read gives an empty map: excelize then reports it.
func sheetParts(zr *zip.Reader, lim limits) map[string]string {
	read := func(name string, v any) bool {
		for _, zf := range zr.File {
			if strings.EqualFold(zf.Name, name) && zf.UncompressedSize64 <= uint64(max(lim.xmlMemoryBytes, 1<<20)) {
				rc, err := zf.Open()
				if err != nil {
					return false
				}
				defer rc.Close()
				return xml.NewDecoder(rc).Decode(v) == nil
			}
		}
		return false
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if !read("xl/workbook.xml", &wb) || !read("xl/_rels/workbook.xml.rels", &rels) {
		return out
	}
	for _, sh := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == sh.ID {
				t := strings.TrimPrefix(strings.ReplaceAll(r.Target, "\\", "/"), "/")
				if !strings.HasPrefix(strings.ToLower(t), "xl/") {
					t = "xl/" + t
				}
				out[sh.Name] = strings.ToLower(t)
			}
		}
	}
	return out
}

// checkPart streams a part through the decompressor and an xmlGuard, and
// on to also when it is set, and says what is wrong with it, or nil: it
// must unzip whole and end with its closing tag. refuse says that excelize
// must not read it at all: a text run (a cell) over
// limits.max_xml_memory_mb, which excelize would hold whole, a tag or
// comment over 1 MB, or a DOCTYPE. When count is set (such
// as "<si"), n is how many elements start with it.
func checkPart(zf *zip.File, end string, lim limits, count string, also io.Writer) (why *issueError, refuse bool, n int) {
	rc, err := zf.Open()
	if err != nil {
		return issuef(repcard.IssueDamaged, "sheet data cannot be unzipped (%v)", err), false, 0
	}
	defer rc.Close()
	tail := tailWriter{count: []byte(count)}
	g := newXMLGuard(rc, zf.Name, int(lim.xmlMemoryBytes), maxMarkupBytes, false)
	var w io.Writer = &tail
	if also != nil {
		w = io.MultiWriter(&tail, also)
	}
	if _, err := io.Copy(w, g); err != nil {
		var ge *guardError
		if errors.As(err, &ge) {
			return &issueError{ge.kind, "not read: " + ge.msg}, true, tail.n
		}
		if inner := errors.Unwrap(err); inner != nil {
			err = inner // the guard says which part; the reason says which sheet
		}
		return issuef(repcard.IssueDamaged, "sheet data is damaged (%v): the file was cut short or altered; rows after the damage are missing", err), false, tail.n
	}
	if g.cut > 0 {
		return issuef(repcard.IssueOverLimit, "not read: a cell holds more than %d MB of text, more than limits.max_xml_memory_mb (and far more than limits.max_cell_bytes)", lim.xmlMemoryBytes>>20), true, tail.n
	}
	if !bytes.Contains(tail.b, []byte(end)) {
		return issuef(repcard.IssueDamaged, "sheet XML ends early (it has no closing %s tag): the file was cut short; rows after the last whole one are missing", strings.Trim(end, "</>")), false, tail.n
	}
	return nil, false, tail.n
}

// tailWriter keeps the last bytes written to it, and counts the elements
// that start with count ("<si" counts <si>, <si/> and <si …>).
type tailWriter struct {
	b     []byte
	count []byte
	n     int
	carry []byte // the last len(count) bytes written, for a match across writes
}

func (t *tailWriter) Write(p []byte) (int, error) {
	const keep = 256
	t.b = append(t.b, p[max(0, len(p)-keep):]...)
	if len(t.b) > keep {
		t.b = t.b[len(t.b)-keep:]
	}
	if k := len(t.count); k > 0 {
		// Elements that start in the last k bytes written before p and
		// end in p; then those in p.
		t.n += countElements(append(t.carry[:len(t.carry):len(t.carry)], p[:min(len(p), k)]...), t.count)
		t.n += countElements(p, t.count)
		t.carry = append(t.carry, p[max(0, len(p)-k):]...)
		t.carry = t.carry[max(0, len(t.carry)-k):]
	}
	return len(p), nil
}

// countElements counts the elements in b whose start tag begins with tag:
// tag followed by '>', '/' or white space. An element split across the end
// of b is not counted (Write looks at the seam itself).
func countElements(b, tag []byte) int {
	n := 0
	for {
		i := bytes.Index(b, tag)
		if i < 0 || i+len(tag) >= len(b) {
			return n
		}
		switch b[i+len(tag)] {
		case '>', '/', ' ', '\t', '\r', '\n':
			n++
		}
		b = b[i+len(tag):]
	}
}

// explainXLSXError turns excelize's and zip's errors into a reason a person
// understands.
func explainXLSXError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword),
		strings.Contains(msg, "password"), strings.Contains(msg, "encrypt"):
		return issuef(repcard.IssueEncrypted, "workbook is password-protected or encrypted (%v): save an unprotected copy", err)
	case strings.Contains(msg, "unzip size"), errors.Is(err, excelize.ErrOptionsUnzipSizeLimit):
		return overLimit("workbook unzips to more than the limit (limits.max_unzip_mb): %v", err)
	}
	if errors.As(err, new(*fs.PathError)) {
		// The file could not be opened or read: not the workbook's fault.
		return fmt.Errorf("workbook cannot be read (%v): open it in Excel and save it again", err)
	}
	return issuef(repcard.IssueDamaged, "workbook cannot be read (%v): open it in Excel and save it again", err)
}

func (b *xlsxBook) Sheets() (names []string) {
	defer func() {
		if recover() != nil {
			names = nil
		}
	}()
	return b.f.GetSheetList()
}

func (b *xlsxBook) Date1904() bool { return b.date1904 }
func (b *xlsxBook) Close() error   { return b.f.Close() }

func (b *xlsxBook) Open(sheet string) (_ rowSource, err error) {
	if why := b.refused[sheet]; why != nil {
		return nil, why
	}
	defer recoverAs(&err, "sheet")
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, issuef(repcard.IssueDamaged, "sheet cannot be read (%v)", err)
	}
	return prefetch(&xlsxRows{rows: rows, lim: b.lim, damage: b.damage(sheet)}), nil
}

// damage returns why sheet's part is damaged, or nil.
func (b *xlsxBook) damage(sheet string) *issueError {
	return b.damaged[sheet]
}

type xlsxRows struct {
	rows   *excelize.Rows
	lim    limits
	num    int
	damage *issueError // reported at the end: the rows before it were read
}

func (s *xlsxRows) Next() (_ []string, _ int, err error) {
	defer recoverAs(&err, "sheet")
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.num, issuef(repcard.IssueDamaged, "sheet XML: %v", err)
		}
		if s.damage != nil {
			return nil, s.num, s.damage
		}
		return nil, s.num, io.EOF
	}
	s.num++ // Next visits every row number, empty ones included
	if s.num > s.lim.rows {
		return nil, s.num, &tooManyRowsError{row: s.num, limit: s.lim.rows}
	}
	row, err := s.rows.Columns()
	if err != nil {
		return nil, s.num, issuef(repcard.IssueDamaged, "sheet XML at row %d: %v", s.num, err)
	}
	if len(row) > s.lim.columns {
		return nil, s.num, &rowError{num: s.num, column: s.lim.columns, reason: fmt.Sprintf("row has %d columns, more than the limit (limits.max_columns)", len(row))}
	}
	for i, c := range row {
		if len(c) > s.lim.cellBytes {
			return nil, s.num, &rowError{num: s.num, column: i, reason: fmt.Sprintf("cell is %d bytes, more than the limit (limits.max_cell_bytes)", len(c))}
		}
	}
	return row, s.num, nil
}

func (s *xlsxRows) Close() error { return s.rows.Close() }
func openError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &issueError{kind: repcard.IssueVanished}
	case errors.Is(err, os.ErrPermission):
		return errors.New("no permission to read the file")
	}
	return fmt.Errorf("cannot read the file: %v", err)
}
func checkZipDirectory(f io.ReaderAt, size int64, lim limits) error {
	tail := min(size, 65557)
	buf := make([]byte, tail)
	if _, err := f.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return fmt.Errorf("cannot read the file: %v", err)
	}
	i := bytes.LastIndex(buf, []byte("PK\x05\x06"))
	if i < 0 || i+22 > len(buf) {
		return &issueError{repcard.IssueDamaged, "workbook is damaged (no zip directory at its end): it may be cut short or only partly copied; save it again"}
	}
	eocd := buf[i:]
	offset := uint64(binary.LittleEndian.Uint32(eocd[16:]))
	if offset == 0xFFFFFFFF && i >= 20 && bytes.HasPrefix(buf[i-20:], []byte("PK\x06\x07")) {
		at := int64(binary.LittleEndian.Uint64(buf[i-20+8:]))
		z := make([]byte, 56)
		if at >= 0 && at < size {
			if _, err := f.ReadAt(z, at); err == nil && bytes.HasPrefix(z, []byte("PK\x06\x06")) {
				offset = binary.LittleEndian.Uint64(z[48:])
			}
		}
	}
	dir := uint64(size) - min(offset, uint64(size))
	if limit := max(uint64(lim.xmlMemoryBytes), 1<<20); dir > limit {
		return overLimit("the workbook's zip directory is %d MB, more than the limit (limits.max_xml_memory_mb)", dir>>20)
	}
	return nil
}

// tooManyRowsError is a row past limits.max_rows.
type tooManyRowsError struct{ row, limit int }

func (e *tooManyRowsError) Error() string {
	return fmt.Sprintf("sheet has more rows than the limit (limits.max_rows = %d): row %d and the rows after it were not read", e.limit, e.row)
}

func (e *tooManyRowsError) Is(t error) bool { return t == errTooManyRows }
