package reader

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/reader/csvsheet"
)

// rowSource is a pull loop over one sheet's rows, as csv.Reader is over
// records: Next returns a row and its 1-based number, io.EOF at the end. A
// *rowError is about that row only; any other error ends the sheet. The row
// is valid until the next call.
type rowSource interface {
	Next() (row []string, num int, err error)
	Close() error
}

// rowError is a limit passed by one row (a cell over the size limit, too
// many columns) that does not stop the sheet: an issue of kind
// repcard.IssueOverLimit whose detail is reason.
type rowError struct {
	num    int
	column int
	reason string
}

func (e *rowError) Error() string { return fmt.Sprintf("row %d: %s", e.num, e.reason) }

// workbook is a file of one or more sheets. A CSV file is a workbook of one
// sheet named "".
type workbook interface {
	Sheets() []string
	Open(sheet string) (rowSource, error)
	Date1904() bool
	Close() error
}

// limits are the config limits in the units the sources use.
type limits struct {
	fileBytes, unzipBytes, xmlMemoryBytes int64
	rows, columns, cellBytes              int
	totalRows                             int
}

func limitsOf(c config.Limits) limits {
	mb := func(n int, def int64) int64 {
		if n <= 0 {
			return def
		}
		return int64(n) << 20
	}
	or := func(n, def int) int {
		if n <= 0 {
			return def
		}
		return n
	}
	return limits{
		fileBytes:      mb(c.MaxFileMB, 200<<20),
		unzipBytes:     mb(c.MaxUnzipMB, 1<<30),
		xmlMemoryBytes: mb(c.MaxXMLMemoryMB, 16<<20),
		rows:           or(c.MaxRows, 1<<20),
		columns:        or(c.MaxColumns, 16384),
		cellBytes:      or(c.MaxCellBytes, 32<<10),
		totalRows:      or(c.MaxTotalRows, 20_000_000),
	}
}

// errTooManyRows is a sheet past limits.max_rows (a *tooManyRowsError is
// this error).
var errTooManyRows = errors.New("sheet has more rows than the limit (limits.max_rows); the rest was not read")

// errEmptyFile is a file of 0 bytes.
var errEmptyFile = &issueError{kind: repcard.IssueEmptyFile}

// fileStamp is what a file looked like when it was opened: a file whose
// stamp changes between two reads changed while repcard was reading it.
type fileStamp struct {
	size    int64
	modTime int64
}

func stampOf(fi os.FileInfo) fileStamp {
	return fileStamp{fi.Size(), fi.ModTime().UnixNano()}
}

// statInput returns the stamp of the file at path, or an error that is a
// reason for data-issues.csv.
func statInput(path string) (fileStamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, openError(err)
	}
	if !fi.Mode().IsRegular() {
		return fileStamp{}, errors.New("no longer a regular file (replaced while repcard ran)")
	}
	return stampOf(fi), nil
}

// openWorkbook opens the file at path (absolute) as a workbook by its
// extension. Its errors are reasons for data-issues.csv.
func openWorkbook(path string, lim limits) (workbook, fileStamp, error) {
	st, err := statInput(path)
	if err != nil {
		return nil, st, err
	}
	switch {
	case st.size > lim.fileBytes:
		return nil, st, overLimit("file is %d MB, larger than the limit (limits.max_file_mb = %d)", st.size>>20, lim.fileBytes>>20)
	case st.size == 0:
		return nil, st, errEmptyFile
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		wb, err := openXLSX(path, st.size, lim)
		if err != nil {
			return nil, st, err
		}
		return wb, st, nil
	default:
		return &csvBook{path: path, lim: lim, tab: strings.EqualFold(filepath.Ext(path), ".tsv")}, st, nil
	}
}

type csvBook struct {
	path string
	lim  limits
	tab  bool
}

func (b *csvBook) Sheets() []string { return []string{""} }
func (b *csvBook) Date1904() bool   { return false }
func (b *csvBook) Close() error     { return nil }

func (b *csvBook) Open(string) (rowSource, error) {
	f, err := os.Open(b.path)
	if err != nil {
		return nil, openError(err)
	}
	head := make([]byte, 8192)
	n, _ := io.ReadFull(f, head)
	if why := notText(head[:n]); why != "" {
		f.Close()
		return nil, &issueError{repcard.IssueWrongFormat, why}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, openError(err)
	}
	opt := csvsheet.Options{MaxLineBytes: b.lim.lineBytes(), MaxColumns: b.lim.columns, MaxCellBytes: b.lim.cellBytes}
	if b.tab {
		opt.Comma = '\t'
	}
	r, err := csvsheet.NewReader(f, opt)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot read the file: %v", err)
	}
	return &csvRows{f: f, r: r, lim: b.lim}, nil
}

// lineBytes is the longest CSV line read: four cells of
// limits.max_cell_bytes, and at least 1 MB.
func (l limits) lineBytes() int { return max(l.cellBytes*4, 1<<20) }

type csvRows struct {
	f    *os.File
	r    *csvsheet.Reader
	lim  limits
	rows int
}

func (s *csvRows) Next() ([]string, int, error) {
	row, line, err := s.r.Read()
	if err != nil {
		switch {
		case err == io.EOF:
			return nil, line, io.EOF
		case errors.Is(err, csvsheet.ErrCellTooLong):
			col := -1
			var pe *csvsheet.ParseError
			if errors.As(err, &pe) && pe.Field > 0 {
				col = pe.Field - 1
			}
			return nil, line, &rowError{num: line, column: col, reason: fmt.Sprintf("cell is longer than the limit (limits.max_cell_bytes = %d bytes)", s.lim.cellBytes)}
		case errors.Is(err, csvsheet.ErrLineTooLong):
			return nil, line, overLimit("line %d is longer than %d MB, the limit (4 × limits.max_cell_bytes, at least 1 MB): it and the rest of the file were not read", line, s.lim.lineBytes()>>20)
		case errors.Is(err, csvsheet.ErrRecordTooLong):
			return nil, line, overLimit("the row starting on line %d runs over %d MB (a quote left open?), the limit (4 lines of 4 × limits.max_cell_bytes): it and the rest of the file were not read", line, 4*s.lim.lineBytes()>>20)
		case errors.Is(err, csvsheet.ErrTooManyColumns):
			return nil, line, overLimit("line %d has more than %d columns, the limit (limits.max_columns): it and the rest of the file were not read", line, s.lim.columns)
		}
		return nil, line, fmt.Errorf("cannot read the file after line %d: %v", line, err)
	}
	s.rows++
	if s.rows > s.lim.rows {
		return nil, line, &tooManyRowsError{row: line, limit: s.lim.rows}
	}
	return row, line, nil
}

func (s *csvRows) Close() error { return s.f.Close() }
