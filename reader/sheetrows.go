package reader

import (
	"errors"
	"io"
	"strconv"

	"github.com/repcard/repcard"
)

// decisionWindow is how many data rows are looked at to decide, per column,
// the day/month order of dates and the decimal mark of numbers; at most
// decisionBytes of them are held.
const (
	decisionWindow = 2000
	decisionBytes  = 32 << 20
)

// readRows reads the sheet's rows to its end, or to an error that stops
// it. It returns false when the read was cancelled.
func (s *sheetRead) readRows(src rowSource) bool {
	l := s.p.layout
	for {
		if s.r.ctx.Err() != nil {
			return false
		}
		row, num, err := src.Next()
		if err != nil {
			if s.rowFailed(err, num) {
				continue
			}
			break
		}
		if num <= l.headerRow {
			if num < l.headerRow && !blankRow(row) {
				s.in.Skipped++ // title and note rows above the header
			}
			continue
		}
		if blankRow(row) {
			s.in.Skipped++
			continue
		}
		if !s.r.countRow() {
			s.overTotal(num)
			break
		}
		if isTotalRow(row) || subtotalRow(row, l) || isRepeatedHeader(row, s.headerNorm, l) || isNoteRow(row, s.noteCols) || !s.datedDay(row) {
			s.in.Skipped++
			continue
		}
		if s.decided {
			s.process(row, num)
			continue
		}
		s.hold(row, num)
	}
	if !s.decided {
		s.decide()
	}
	return true
}

// rowFailed reports an error of the row source at row num. It returns true
// when only that row is lost and reading goes on.
func (s *sheetRead) rowFailed(err error, num int) bool {
	var re *rowError
	switch {
	case errors.As(err, &re):
		if !s.r.countRow() {
			s.overTotal(re.num)
			return false
		}
		col := ""
		if re.column >= 0 {
			col = s.p.layout.columnName(re.column)
		}
		s.r.addIssue(repcard.Issue{File: s.p.file, Sheet: s.p.sheet, Row: re.num, Column: col, Kind: repcard.IssueOverLimit, Detail: re.reason})
		s.in.Rows++
		s.in.LeftOut++
		return true
	case err == io.EOF:
	case errors.Is(err, errTooManyRows):
		s.fail(num, err)
	default:
		s.fail(0, err)
	}
	return false
}

// overTotal reports that the inbox passed limits.max_total_rows at row.
func (s *sheetRead) overTotal(row int) {
	s.issue(row, repcard.IssueOverTotalRows, strconv.Itoa(s.r.lim.totalRows))
}

// hold keeps a data row until the column decisions are made, and makes
// them once enough rows are held.
func (s *sheetRead) hold(row []string, num int) {
	kept := append([]string(nil), row[:min(len(row), s.width)]...)
	s.held = append(s.held, heldRow{kept, num})
	for _, c := range kept {
		s.heldBytes += len(c) + 16
	}
	if len(s.held) >= decisionWindow || s.heldBytes >= decisionBytes {
		s.decide()
	}
}

// decide makes the column decisions from the rows held, then processes
// them.
func (s *sheetRead) decide() {
	rows := make([][]string, len(s.held))
	for i, h := range s.held {
		rows[i] = h.row
	}
	s.r.decideColumns(s.p, s.conv, rows)
	s.conv.decideStatus(rows)
	s.decided = true
	for _, h := range s.held {
		s.process(h.row, h.num)
	}
	s.held = nil
}

// process turns one data row into a record and hands it on, unless it is
// left out, not data, or a duplicate.
func (s *sheetRead) process(row []string, num int) {
	if s.p.grid != nil {
		s.gridRow(row, num) // grid.go
		return
	}
	r, p, rec := s.r, s.p, &s.rec
	s.conv.src.Row = num
	err := s.conv.fill(rec, row)
	switch {
	case err == errSkip:
		s.in.Skipped++
		return
	case err != nil:
		s.in.Rows++
		s.in.LeftOut++
		return
	}
	s.in.Rows++
	if r.versions != nil && rec.Kind == repcard.KindDeals {
		r.versions.see(rec, p.fileIndex)
		if rec.ID != "" {
			s.in.Used++
			r.versions.hold(rec, p)
			return
		}
	}
	if r.dedupe.duplicate(rec, p.fileIndex, !p.lookupOnly) || rec.Kind == repcard.KindRoster && r.repeatedRoster(rec) {
		s.in.Duplicates++
		return
	}
	s.in.Used++
	s.emit(rec)
}
