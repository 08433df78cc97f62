package reader

import (
	"errors"
	"io"
	"path/filepath"
	"strconv"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// decisionWindow is how many data rows are looked at to decide, per column,
// the day/month order of dates and the decimal mark of numbers; at most
// decisionBytes of them are held.
const (
	decisionWindow = 2000
	decisionBytes  = 32 << 20
)

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

// readSheet streams the rows of a classified sheet into records.
func (r *inboxReader) readSheet(p *sheetPlan, emit func(*repcard.Record)) {
	l := p.layout
	in := repcard.Input{Kind: l.kind, Mapping: l.how, RepFrom: p.repFrom, HeaderRow: l.headerRow}
	defer func() { r.addInput(p, in) }()
	sheetIssue := func(row int, kind repcard.IssueKind, detail string) {
		is := r.addIssue(repcard.Issue{File: p.file, Sheet: p.sheet, Row: row, Kind: kind, Detail: detail})
		if in.Reason == "" {
			in.Reason = is.Reason()
		}
	}
	sheetError := func(row int, err error) {
		kind, detail := issueOf(err)
		sheetIssue(row, kind, detail)
	}
	if r.overTotal {
		sheetIssue(0, repcard.IssueAfterTotalRows, strconv.Itoa(r.lim.totalRows))
		return
	}

	path := filepath.Join(r.dir, filepath.FromSlash(p.file))
	r.beforeOpen(p.file)
	wb, stamp, err := r.reopen(p, path)
	if err != nil {
		sheetError(0, err)
		return
	}
	if stamp != p.stamp {
		wb.Close()
		delete(r.kept, p.fileIndex)
		sheetIssue(0, repcard.IssueChangedBeforeRead, "")
		return
	}
	if _, kept := r.kept[p.fileIndex]; !kept {
		defer wb.Close()
	}
	src, err := wb.Open(p.sheet)
	if err != nil {
		sheetError(0, err)
		return
	}
	defer src.Close()
	defer func() {
		// A file saved again while it was read may have given rows of
		// two versions.
		if st, err := statInput(path); err != nil || st != stamp {
			sheetIssue(0, repcard.IssueChangedWhileRead, "")
		}
	}()

	conv := &converter{
		l: l, rep: p.rep, date1904: wb.Date1904(), words: &r.words, roster: r.roster,
		rules: columnRules{dateOrder: map[int]cell.DateOrder{}, decimal: map[int]cell.Decimal{}},
	}
	conv.src.File, conv.src.Sheet = shown(p.file), shown(p.sheet)
	conv.issues = func(is repcard.Issue) { r.addIssue(is) }
	headerNorm := make([]string, len(l.header))
	for i, h := range l.header {
		headerNorm[i] = normHeader(h)
	}
	width := l.width()

	var rec repcard.Record
	process := func(row []string, num int) {
		conv.src.Row = num
		err := conv.fill(&rec, row)
		switch {
		case err == errSkip:
			in.Skipped++
			return
		case err != nil:
			in.Rows++
			in.LeftOut++
			return
		}
		in.Rows++
		if r.versions != nil && rec.Kind == repcard.KindDeals {
			r.versions.see(&rec, p.fileIndex)
			if rec.ID != "" {
				in.Used++
				r.versions.hold(&rec, p)
				return
			}
		}
		if r.dedupe.duplicate(&rec, p.fileIndex, !p.lookupOnly) || rec.Kind == repcard.KindRoster && r.repeatedRoster(&rec) {
			in.Duplicates++
			return
		}
		in.Used++
		emit(&rec)
	}

	// Rows are buffered until every column's decisions are made. Only the
	// columns the header maps are kept.
	type buffered struct {
		row []string
		num int
	}
	var buf []buffered
	bufBytes := 0
	decided := false
	decide := func() {
		rows := make([][]string, len(buf))
		for i, b := range buf {
			rows[i] = b.row
		}
		r.decideColumns(p, conv, rows)
		decided = true
		for _, b := range buf {
			process(b.row, b.num)
		}
		buf = nil
	}
	needDecisions := r.needsDecisions()

	for {
		if r.ctx.Err() != nil {
			return
		}
		row, num, err := src.Next()
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				if !r.countRow() {
					sheetIssue(re.num, repcard.IssueOverTotalRows, strconv.Itoa(r.lim.totalRows))
					break
				}
				col := ""
				if re.column >= 0 {
					col = l.columnName(re.column)
				}
				r.addIssue(repcard.Issue{File: p.file, Sheet: p.sheet, Row: re.num, Column: col, Kind: repcard.IssueOverLimit, Detail: re.reason})
				in.Rows++
				in.LeftOut++
				continue
			}
			if err != io.EOF {
				row := 0
				if errors.Is(err, errTooManyRows) {
					row = num
				}
				sheetError(row, err)
			}
			break
		}
		if num <= l.headerRow {
			if num < l.headerRow && !blankRow(row) {
				in.Skipped++ // title and note rows above the header
			}
			continue
		}
		if blankRow(row) {
			in.Skipped++
			continue
		}
		if !r.countRow() {
			sheetIssue(num, repcard.IssueOverTotalRows, strconv.Itoa(r.lim.totalRows))
			break
		}
		if isTotalRow(row) || isRepeatedHeader(row, headerNorm, l) {
			in.Skipped++
			continue
		}
		if !needDecisions || decided {
			process(row, num)
			continue
		}
		kept := append([]string(nil), row[:min(len(row), width)]...)
		buf = append(buf, buffered{kept, num})
		for _, c := range kept {
			bufBytes += len(c) + 16
		}
		if len(buf) >= decisionWindow || bufBytes >= decisionBytes {
			decide()
		}
	}
	if !decided && needDecisions {
		decide()
	}
	r.warnUncachedFormulas(p, wb)
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
