package reader

import (
	"path/filepath"
	"strconv"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/reader/cell"
)

// sheetRead is the reading of one classified sheet into records: the
// account of its rows (in) and what reading them needs.
type sheetRead struct {
	r    *inboxReader
	p    *sheetPlan
	in   repcard.Input
	conv *converter
	emit func(*repcard.Record)
	rec  repcard.Record // reused for every row

	headerNorm []string // the header's cells, normalised, to spot it repeated
	width      int      // the columns the layout maps
	noteCols   int      // a note row's one cell stands in the first noteCols columns (0: none)

	// Rows are held until every column's decisions are made (decided);
	// only the columns the layout maps are kept.
	held      []heldRow
	heldBytes int
	decided   bool
}

// heldRow is a data row held until the column decisions are made.
type heldRow struct {
	row []string
	num int
}

// readSheet streams the rows of a classified sheet into records.
func (r *inboxReader) readSheet(p *sheetPlan, emit func(*repcard.Record)) {
	l := p.layout
	s := &sheetRead{r: r, p: p, emit: emit, in: repcard.Input{Kind: l.kind, Mapping: l.how, RepFrom: p.repFrom, HeaderRow: l.headerRow}}
	defer func() { r.addInput(p, s.in) }()
	if r.overTotal {
		s.issue(0, repcard.IssueAfterTotalRows, strconv.Itoa(r.lim.totalRows))
		return
	}

	path := filepath.Join(r.dir, filepath.FromSlash(p.file))
	wb, stamp, ok := s.open(path)
	if !ok {
		return
	}
	if _, kept := r.kept[p.fileIndex]; !kept {
		defer wb.Close()
	}
	src, err := wb.Open(p.sheet)
	if err != nil {
		s.fail(0, err)
		return
	}
	defer src.Close()
	defer s.checkUnchanged(path, stamp)

	s.start(wb)
	if !s.readRows(src) {
		return // cancelled
	}
	r.warnUncachedFormulas(p, wb)
}

// open returns the sheet's workbook, unless it cannot be opened or changed
// since it was classified: then it reports the issue and ok is false.
func (s *sheetRead) open(path string) (wb workbook, stamp fileStamp, ok bool) {
	r, p := s.r, s.p
	r.beforeOpen(p.file)
	wb, stamp, err := r.reopen(p, path)
	if err != nil {
		s.fail(0, err)
		return nil, stamp, false
	}
	if stamp != p.stamp {
		wb.Close()
		delete(r.kept, p.fileIndex)
		s.issue(0, repcard.IssueChangedBeforeRead, "")
		return nil, stamp, false
	}
	return wb, stamp, true
}

// reopen returns the workbook of a classified sheet: the one kept open
// since classification, or the file opened again. The stamp is the file's
// now, so that a file changed since classification is not read.
func (r *inboxReader) reopen(p *sheetPlan, path string) (workbook, fileStamp, error) {
	if wb, ok := r.kept[p.fileIndex]; ok {
		st, err := statInput(path)
		if err != nil {
			wb.Close()
			delete(r.kept, p.fileIndex)
		}
		return wb, st, err
	}
	return openWorkbook(path, r.lim)
}

// checkUnchanged reports a file saved again while it was read: it may have
// given rows of two versions.
func (s *sheetRead) checkUnchanged(path string, stamp fileStamp) {
	if st, err := statInput(path); err != nil || st != stamp {
		s.issue(0, repcard.IssueChangedWhileRead, "")
	}
}

// start sets up the converter and what the row tests need.
func (s *sheetRead) start(wb workbook) {
	r, p, l := s.r, s.p, s.p.layout
	s.conv = &converter{
		l: l, rep: p.rep, date1904: wb.Date1904(), words: &r.words, roster: r.roster, tally: &r.tally,
		rules:       columnRules{dateOrder: map[int]cell.DateOrder{}, decimal: map[int]cell.Decimal{}},
		stageColumn: l.kind == repcard.KindDeals && isStageColumn(l),
	}
	s.conv.src.File, s.conv.src.Sheet = untrusted.Visible(p.file), untrusted.Visible(p.sheet)
	s.conv.issues = func(is repcard.Issue) { r.addIssue(is) }
	s.conv.warnings = func(is repcard.Issue) {
		is.Raw = untrusted.Visible(is.Raw)
		r.batch.Warnings = append(r.batch.Warnings, is)
	}
	s.conv.total = &r.amounts
	s.conv.cur = r.cur
	s.headerNorm = make([]string, len(l.header))
	for i, h := range l.header {
		s.headerNorm[i] = normHeader(h)
	}
	s.width = l.width()
	s.noteCols = noteColumns(l)
	// A stage column's first rows say whether its stages are open
	// (decideStatus), and a sheet may settle the report's currency: their
	// rows are held like those of auto columns.
	s.decided = !r.needsDecisions() && !r.currencyPending(l) && !s.conv.stageColumn
	if s.decided {
		r.decideColumns(p, s.conv, nil) // every column as config says
	}
}

// issue reports an issue about the sheet (at row, or 0 for the whole
// sheet); the first one is also why its reading stopped.
func (s *sheetRead) issue(row int, kind repcard.IssueKind, detail string) {
	is := s.r.addIssue(repcard.Issue{File: s.p.file, Sheet: s.p.sheet, Row: row, Kind: kind, Detail: detail})
	if s.in.Reason == "" {
		s.in.Reason = is.Reason()
	}
}

// fail reports the issue that err becomes, about the sheet.
func (s *sheetRead) fail(row int, err error) {
	kind, detail := issueOf(err)
	s.issue(row, kind, detail)
}

// countRow counts one more row read in the inbox and reports whether it is
// within limits.max_total_rows.
func (r *inboxReader) countRow() bool {
	r.totalRows++
	if r.totalRows > r.lim.totalRows {
		r.overTotal = true
	}
	return !r.overTotal
}
