package reader

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// A per-rep sheet is a free "sales activity tracker" template kept one
// sheet per rep: a header block above the table names the rep, and the
// table has one row per day (or week) and one column per measure:
//
//	Sales rep     | Jane Doe
//	Manager       | Ana Ruiz
//	Monthly plan  | 20,000
//
//	Day | Date       | Hours | Calls | Contacts | Appts set | Closes | Revenue
//	Thu | 2026-10-01 |     8 |    20 |        6 |         2 |      1 |     500
//	Fri | 2026-10-02 |     0 |     0 |        0 |         0 |      0 |       0
//	Sat | 2026-10-03 |       |       |          |           |        |
//	TOTALS          …
//
// The table is an ordinary tally sheet with no rep column (its rows,
// totals and subtotals are read as any tally sheet's); what this file adds
// is the rep from the header block (headerBlockRep), before the sheet's
// and the file's names, and the layout's name in Input.Mapping.

// repFromHeaderBlock is Input.RepFrom for a rep named in the header block.
const repFromHeaderBlock = "header block"

// headerBlockWidth is the most cells a header-block line fills: a label
// and its value, or two such pairs side by side.
const headerBlockWidth = 4

// repLabels are the labels of a header-block line naming the rep: the
// roster's rep names (Rep, Rep name, Sales rep, Salesperson, Name,
// Employee, Agent…) in English and in every language of lang_*.go, less
// any that is a manager's label.
var repLabels = sync.OnceValue(func() map[string]bool {
	rep := append([]string{}, synonyms[repcard.KindRoster][fRep]...)
	manager := append([]string{}, synonyms[repcard.KindRoster][fManager]...)
	for _, lang := range languages {
		cols := lang.names.byKind()[repcard.KindRoster]
		rep = append(rep, cols[fRep]...)
		manager = append(manager, cols[fManager]...)
	}
	labels := map[string]bool{}
	for _, n := range rep {
		labels[normHeader(n)] = true
	}
	for _, n := range manager {
		delete(labels, normHeader(n))
	}
	return labels
})

// headerBlockRep takes a sheet's rep from a header block above its table
// ("Rep Name: Jane Doe", "Sales rep | Jane Doe"), ahead of the sheet's and
// the file's names. The name goes through the roster; a name the roster
// does not know (or any name, with no roster) is taken only when written
// like a person's (Jane Doe): a single rep's own tracker. A config
// mapping's rep: is left as it is, and so is a sheet with no such line.
func (r *inboxReader) headerBlockRep(p *sheetPlan, fixed string) {
	if fixed != "" {
		return
	}
	rows := p.head
	if p.layout != nil {
		rows = rows[:p.layout.headerRow-1]
	}
	for _, row := range rows {
		if filled(row) > headerBlockWidth {
			return // the table's header or body: the block is above it
		}
		if v, ok := repInBlock(row); ok {
			if n, ok := r.roster.lookup(v); ok {
				p.rep, p.repFrom = n, repFromHeaderBlock
				return
			}
			if personName(v) {
				p.rep, p.repFrom = r.roster.canonical(v), repFromHeaderBlock
				return
			}
		}
	}
}

// repInBlock returns the value of a rep label on a header-block line: in
// the label's cell after a colon, else in the next filled cell.
func repInBlock(row []string) (string, bool) {
	for i, c := range row {
		label, value, _ := strings.Cut(c, ":")
		if !repLabels()[normHeader(label)] {
			continue
		}
		if value = strings.TrimSpace(value); value == "" {
			for _, next := range row[i+1:] {
				if value = strings.TrimSpace(next); value != "" {
					break
				}
			}
		}
		if value != "" && !repLabels()[normHeader(value)] && !numberOrDate(value) {
			return value, true
		}
	}
	return "", false
}

func filled(row []string) int {
	n := 0
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// numberOrDate reports a value that is no name: a number or a date.
func numberOrDate(v string) bool {
	if numberCell(v) {
		return true
	}
	_, err := cell.ParseDate(v, cell.DateAuto)
	return err == nil || errors.Is(err, cell.ErrAmbiguous)
}

// perRepMapping names a per-rep sheet's layout in Input.Mapping once its
// rep came from the header block: "per-rep sheet: Jane Doe (header
// block), days × 6 measures".
func perRepMapping(p *sheetPlan) {
	l := p.layout
	if l == nil || p.repFrom != repFromHeaderBlock || l.has(fRep) || strings.HasPrefix(l.how, "config") {
		return
	}
	measures := 0
	for f := range numFields {
		if measureFields[f] {
			measures += len(l.cols[f])
		}
	}
	rows := "rows"
	if l.has(fDate) {
		h := normHeader(l.columnName(l.cols[fDate][0]))
		switch {
		case strings.Contains(h, "week"):
			rows = "weeks"
		case strings.Contains(h, "month"):
			rows = "months"
		case strings.Contains(h, "day") || strings.Contains(h, "date"):
			rows = "days"
		}
	}
	l.how = fmt.Sprintf("per-rep sheet: %s (%s), %s × %d measures", p.rep, p.repFrom, rows, measures)
}

// perRepDays finds a per-rep table whose date column holds bare day
// numbers (Day | 1 | 2 …) and the month they are days of: a month with its
// year in the header block (Month: October 2026, or a title October 2026),
// else in the sheet's name, else in the file's name. With no month named,
// the sheet is not read (kind none, its reason saying how to name one).
func perRepDays(p *sheetPlan) {
	l := p.layout
	if l == nil || p.repFrom != repFromHeaderBlock || l.has(fRep) || !l.has(fDate) {
		return
	}
	col, days := l.cols[fDate][0], 0
	for _, row := range p.head[l.headerRow:] {
		if col >= len(row) || strings.TrimSpace(row[col]) == "" || isTotalRow(row) || subtotalRow(row, l) {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(row[col])); err != nil || n < 1 || n > 31 {
			return // a date, or anything else: no day number
		}
		days++
	}
	if days == 0 {
		return
	}
	texts := []string{}
	for _, row := range p.head[:l.headerRow-1] {
		for _, c := range row {
			label, value, _ := strings.Cut(c, ":")
			texts = append(texts, label, value)
		}
	}
	base := path.Base(p.file)
	for _, t := range append(texts, p.sheet, strings.TrimSuffix(base, path.Ext(base))) {
		if m, ok := monthIn(t); ok {
			p.days = &m
			return
		}
	}
	// Read as they are, day numbers would be Excel serials: 1 January 1900.
	p.layout, p.reason, p.suggest = nil, "a per-rep table of day numbers with no month named: put Month: October 2026 above the table, or name the sheet October 2026", ""
	p.gridNone = true // sales data, not read
}

// monthIn finds a month with its year in a text: "October 2026", "Omar -
// Oct 2026", "2026-10".
func monthIn(text string) (repcard.Month, bool) {
	words := strings.Fields(strings.NewReplacer("_", " ", " - ", " ").Replace(text))
	for i := range words {
		for _, t := range []string{strings.Join(words[i:min(i+2, len(words))], " "), words[i]} {
			if m, ok := parsePeriod(t, cell.DateAuto); ok && m.isMonth() && m.y != 0 {
				return repcard.MonthOf(m.y, time.Month(m.m)), true
			}
		}
	}
	return 0, false
}

// datedDay dates a per-rep table's bare day number in its month (perRepDays)
// and reports whether the row is data: a day past the month's end (31
// September in a template of 31 rows) holding only blanks and zeros is not.
func (s *sheetRead) datedDay(row []string) bool {
	m, l := s.p.days, s.p.layout
	if m == nil || l.cols[fDate][0] >= len(row) {
		return true
	}
	col := l.cols[fDate][0]
	n, err := strconv.Atoi(strings.TrimSpace(row[col]))
	if err != nil {
		return true // left to the converter, which reports it
	}
	if _, _, last := m.Last().YMD(); n > last {
		for f := range numFields {
			for _, i := range l.cols[f] {
				if measureFields[f] && i < len(row) && !blankLike(row[i]) && strings.Trim(strings.TrimSpace(row[i]), "0.,") != "" {
					return true // data on a day that does not exist: left out, bad date
				}
			}
		}
		return false
	}
	row[col] = fmt.Sprintf("%04d-%02d-%02d", m.Year(), int(m.Mon()), n)
	return true
}
