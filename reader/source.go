package reader

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

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

// rowError is a problem with one row (a cell over the size limit) that does
// not stop the sheet.
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
	}
}

// Sentinel reasons for whole files; they reach data-issues.csv as text.
var (
	errTooLarge    = errors.New("file is larger than the limit (limits.max_file_mb)")
	errTooManyRows = errors.New("sheet has more rows than the limit (limits.max_rows); the rest was not read")
)

// openWorkbook opens the file at path (absolute) as a workbook by its
// extension.
func openWorkbook(path string, lim limits) (workbook, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > lim.fileBytes {
		return nil, fmt.Errorf("%w: %d MB", errTooLarge, fi.Size()>>20)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return openXLSX(path, lim)
	default:
		return &csvBook{path: path, lim: lim, tab: strings.EqualFold(filepath.Ext(path), ".tsv")}, nil
	}
}

type xlsxBook struct {
	f        *excelize.File
	lim      limits
	date1904 bool
}

func openXLSX(path string, lim limits) (*xlsxBook, error) {
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit:    lim.unzipBytes,
		UnzipXMLSizeLimit: min(lim.xmlMemoryBytes, lim.unzipBytes),
		RawCellValue:      true,
	})
	if err != nil {
		return nil, explainXLSXError(err)
	}
	b := &xlsxBook{f: f, lim: lim}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		b.date1904 = *props.Date1904
	}
	return b, nil
}

// explainXLSXError turns excelize's and zip's errors into a reason a person
// understands.
func explainXLSXError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, excelize.ErrWorkbookPassword),
		strings.Contains(msg, "password"), strings.Contains(msg, "encrypt"):
		return fmt.Errorf("workbook is password-protected or encrypted (%v): save an unprotected copy", err)
	case strings.Contains(msg, "zip: not a valid zip file"), strings.Contains(msg, "not a valid zip"):
		return fmt.Errorf("not an .xlsx workbook (an old .xls or another format renamed?): %v", err)
	case strings.Contains(msg, "unzip size"), errors.Is(err, excelize.ErrOptionsUnzipSizeLimit):
		return fmt.Errorf("workbook unzips to more than the limit (limits.max_unzip_mb): %v", err)
	}
	return fmt.Errorf("cannot open workbook: %v", err)
}

func (b *xlsxBook) Sheets() []string { return b.f.GetSheetList() }
func (b *xlsxBook) Date1904() bool   { return b.date1904 }
func (b *xlsxBook) Close() error     { return b.f.Close() }

func (b *xlsxBook) Open(sheet string) (rowSource, error) {
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("cannot read sheet: %v", err)
	}
	return &xlsxRows{rows: rows, lim: b.lim}, nil
}

type xlsxRows struct {
	rows *excelize.Rows
	lim  limits
	num  int
}

func (s *xlsxRows) Next() ([]string, int, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, s.num, fmt.Errorf("sheet XML: %v", err)
		}
		return nil, s.num, io.EOF
	}
	s.num++ // Next visits every row number, empty ones included
	if s.num > s.lim.rows {
		return nil, s.num, errTooManyRows
	}
	row, err := s.rows.Columns()
	if err != nil {
		return nil, s.num, fmt.Errorf("sheet XML at row %d: %v", s.num, err)
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
		return nil, err
	}
	opt := csvsheet.Options{MaxLineBytes: max(b.lim.cellBytes*4, 1<<20), MaxColumns: b.lim.columns, MaxCellBytes: b.lim.cellBytes}
	if b.tab {
		opt.Comma = '\t'
	}
	r, err := csvsheet.NewReader(f, opt)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot decode text: %v", err)
	}
	return &csvRows{f: f, r: r, lim: b.lim}, nil
}

type csvRows struct {
	f    *os.File
	r    *csvsheet.Reader
	lim  limits
	rows int
}

func (s *csvRows) Next() ([]string, int, error) {
	row, line, err := s.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, line, io.EOF
		}
		if errors.Is(err, csvsheet.ErrCellTooLong) {
			return nil, line, &rowError{num: line, column: -1, reason: "a cell is longer than the limit (limits.max_cell_bytes)"}
		}
		return nil, line, err
	}
	s.rows++
	if s.rows > s.lim.rows {
		return nil, line, errTooManyRows
	}
	return row, line, nil
}

func (s *csvRows) Close() error { return s.f.Close() }
