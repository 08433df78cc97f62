package reader

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// One sheet per month: a workbook keeps a sheet for each month, named after
// it (or titled with it), with one row per rep and one column per measure:
//
//	Sales tracker 2026.xlsx
//	sheet "Oct":  Rep         | Calls | Meetings | Closed deals | Revenue
//	              Jane Doe    |   120 |        8 |            2 |   4,500
//	              Omar Haddad |    80 |        5 |            1 |   1,200
//	              Total       |   200 |       13 |            3 |   5,700
//	sheet "Summary": the same columns, the months added up
//
// Each rep's row is a tally of that rep for the month, dated the 1st of it;
// a Summary (Dashboard, Totals, YTD, Instructions) sheet beside the month
// sheets is passed over. See monthSheets, and doc.go for the rules.

// ReasonMonthTotals is the reason a summary sheet beside the month sheets is
// not read.
const ReasonMonthTotals = "a summary sheet beside the monthly sheets: its numbers are the months' totals"

// reasonMonthHelp is the reason an instructions sheet beside them is not read.
const reasonMonthHelp = "instructions beside the monthly sheets, not sales data"

// monthSheet is a sheet found to hold one month: its layout (a tallies
// layout with no date column), its header's index, the month and year
// (0 when neither its name nor its title gives one).
type monthSheet struct {
	p    *sheetPlan
	l    *layout
	hdr  int
	m, y int
}

// monthSheets reads the sheets of a workbook that no kind fits as month
// sheets when their name ("Oct 2026", "October", "2026-10", "Okt. 2026") or
// a title row above the header ("Sales activity — October 2026") names a
// month, and their header has a rep column and at least one measure (the
// tallies' names, or a measure word: "Closed deals" counts sales). A month
// with no year takes the first year named in the sheet's title rows, the
// other sheets' names, the other month sheets' titles, or the file's name;
// with none, the sheet is not read and its reason says to put the year in
// its name. Beside month sheets, a summary sheet is passed over, not
// counted twice.
func monthSheets(plans []*sheetPlan) {
	var found []monthSheet
	for _, p := range plans {
		if p.layout == nil && p.readErr == nil {
			if ms, ok := monthSheetOf(p); ok {
				found = append(found, ms)
			}
		}
	}
	if len(found) == 0 {
		return
	}
	for i := range found {
		ms := &found[i]
		if ms.y == 0 {
			ms.y = workbookYear(plans, found, ms.p)
		}
		if ms.y < minYear || ms.y > maxYear {
			ms.p.reason = fmt.Sprintf("a sheet of one month (%s) with no year in its name, its title, the other sheets' names or the file's name: put the year in the sheet name (%s 2026)",
				ms.p.sheet, time.Month(ms.m))
			ms.p.notRead = repcard.NotReadSalesData
			continue
		}
		l := ms.l
		l.headerRow, l.header = ms.hdr+1, ms.p.head[ms.hdr]
		l.sheetDate = repcard.MakeDate(ms.y, time.Month(ms.m), 1)
		n := 0
		for f := range numFields {
			if measureFields[f] {
				n += len(l.cols[f])
			}
		}
		l.how = fmt.Sprintf("month sheet: %s %d, reps × %d measures", time.Month(ms.m), ms.y, n)
		currencyColumns(l)
		ms.p.layout = l
	}
	for _, p := range plans {
		if p.layout != nil && p.layout.kind == repcard.KindRoster {
			continue
		}
		if reason := besideMonths(p.sheet); reason != "" && !slices.ContainsFunc(found, func(ms monthSheet) bool { return ms.p == p }) {
			p.layout, p.reason, p.notRead = nil, reason, repcard.NotReadNotSalesData
		}
	}
}

// besideMonths returns the reason a sheet beside month sheets is passed
// over, by its name, or "".
func besideMonths(sheet string) string {
	k := strings.TrimFunc(normHeader(sheet), unicode.IsDigit)
	switch k {
	case "summary", "dashboard", "totals", "total", "ytd", "yeartodate", "overview", "annual", "year", "fullyear":
		return ReasonMonthTotals
	case "instructions", "howtouse", "readme", "help":
		return reasonMonthHelp
	}
	return ""
}

// monthSheetOf reads p as a month sheet: the first row of its head that is
// a header with a rep and a measure, and a month in its name or title.
func monthSheetOf(p *sheetPlan) (monthSheet, bool) {
	for i, row := range p.head {
		l := monthLayout(row)
		if l == nil {
			continue
		}
		title := p.head[:i]
		m, y, ok := sheetMonth(p.sheet)
		if !ok {
			if m, y, ok = titleMonth(title); !ok {
				return monthSheet{}, false
			}
		}
		if y == 0 {
			y = yearIn(titleCells(title))
		}
		return monthSheet{p: p, l: l, hdr: i, m: m, y: y}, true
	}
	return monthSheet{}, false
}

// measureField is the tally field of each of grid.go's measures.
var measureField = map[string]field{"revenue": fAmount, "calls": fCalls, "meetings": fMeetings, "contacts": fContacts, "sales": fClosings}

// monthLayout maps row as the header of a month sheet: the tallies'
// synonyms (computed columns never measures), then a measure word for a
// column they leave (measureIn). It returns nil unless there is a rep
// column, no date column, and a count, sales or revenue column.
func monthLayout(row []string) *layout {
	norm := make([]string, len(row))
	for i, c := range row {
		norm[i] = normHeader(c)
	}
	plain, norm := norm, markComputed(row, norm)
	t := synonymsFor(plain)[repcard.KindTallies]
	l := &layout{kind: repcard.KindTallies}
	taken := make([]bool, len(norm))
	mapColumns(l, norm, &t, taken)
	if !l.has(fRep) || l.has(fDate) {
		return nil
	}
	for i, h := range row {
		if taken[i] || norm[i] == "" || computedHeader(h) {
			continue
		}
		if m, ok := measureIn(h); ok && !l.has(measureField[m.name]) {
			l.cols[measureField[m.name]], taken[i] = []int{i}, true
		}
	}
	spec := specOf(repcard.KindTallies)
	spec.required, spec.anyOf = nil, slices.Concat(spec.anyOf, []field{fClosings, fAmount})
	if !satisfies(l, spec, false) {
		return nil
	}
	return l
}

// sheetMonth reads a sheet's name as a month: grid.go's period labels
// (Oct, October 2026, Jan-26, 2026-10, 10/2026), or a month name in any
// language ParseDate reads with or without a four-digit year (Okt. 2026,
// Mars, 2026 Oktober).
func sheetMonth(name string) (m, y int, ok bool) {
	if lb, ok := parsePeriod(name, cell.MDY); ok && lb.isMonth() && !lb.serial && lb.m != 0 {
		return lb.m, lb.y, true
	}
	words := textWords(name)
	switch {
	case len(words) == 1:
		m = cell.MonthNamed(words[0])
	case len(words) == 2 && isYear(words[1]):
		m, y = cell.MonthNamed(words[0]), atoi(words[1])
	case len(words) == 2 && isYear(words[0]):
		m, y = cell.MonthNamed(words[1]), atoi(words[0])
	}
	return m, y, m != 0
}

// titleMonth finds a month name followed by a four-digit year in the title
// rows, nearest the header first ("Sales activity — October 2026").
func titleMonth(title [][]string) (m, y int, ok bool) {
	for _, c := range titleCells(title) {
		words := textWords(c)
		for j := 0; j+1 < len(words); j++ {
			if m := cell.MonthNamed(words[j]); m != 0 && isYear(words[j+1]) {
				return m, atoi(words[j+1]), true
			}
		}
	}
	return 0, 0, false
}

// titleCells are the filled cells of the title rows, nearest the header
// first.
func titleCells(title [][]string) []string {
	ctx := gridContext(title, "", "")
	return ctx[:len(ctx)-2] // without the sheet and file names
}

// workbookYear is the year for a month sheet whose name and title give
// none: the first named in the other sheets' names, the other month
// sheets' titles, then the file's name.
func workbookYear(plans []*sheetPlan, found []monthSheet, p *sheetPlan) int {
	var texts []string
	for _, o := range plans {
		if o != p {
			texts = append(texts, o.sheet)
		}
	}
	for _, ms := range found {
		if ms.p != p {
			texts = append(texts, titleCells(ms.p.head[:ms.hdr])...)
		}
	}
	base := path.Base(p.file)
	return yearIn(append(texts, strings.TrimSuffix(base, path.Ext(base))))
}

// yearIn returns the first year (19xx, 20xx) in texts, or 0.
func yearIn(texts []string) int {
	for _, s := range texts {
		if m := reYear.FindStringSubmatch(s); m != nil {
			return atoi(m[1])
		}
	}
	return 0
}

func textWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && strings.Trim(s, "0123456789") == ""
}

// tallySpan is what one tally row of the sheet counts: a month sheet's
// rows a month; else by its date column's name ("Month", "Week of", "Week
// ending"), a day when it names neither.
func (l *layout) tallySpan() repcard.Span {
	if l.sheetDate != 0 {
		return repcard.SpanMonth
	}
	if !l.has(fDate) {
		return repcard.SpanDay
	}
	h := normHeader(l.columnName(l.cols[fDate][0]))
	for _, w := range spanWords {
		if strings.Contains(h, w.word) {
			return w.span
		}
	}
	return repcard.SpanDay
}

// spanWords name a tally date column's span, in the languages headers are
// read in.
var spanWords = []struct {
	word string
	span repcard.Span
}{
	{"month", repcard.SpanMonth}, {"monat", repcard.SpanMonth}, {"mes", repcard.SpanMonth},
	{"mois", repcard.SpanMonth}, {"maand", repcard.SpanMonth},
	{"week", repcard.SpanWeek}, {"woche", repcard.SpanWeek}, {"semana", repcard.SpanWeek},
	{"semaine", repcard.SpanWeek}, {"settimana", repcard.SpanWeek},
}

// tallyDate is a tally row's date: its month sheet's, or its date column's.
func (c *converter) tallyDate(row []string) (repcard.Date, error) {
	if c.l.sheetDate != 0 {
		return c.l.sheetDate, nil
	}
	return c.date(row, fDate, true, repcard.IssueNoDate)
}
