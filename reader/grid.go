package reader

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// A grid is a home-made tracker that keeps one row per rep and one column
// per month, week or day (or, transposed, one row per period and one column
// per rep), each cell one measure — calls, meetings, sales, revenue — named
// in the title above the header, the sheet's name or the file's name:
//
//	Calls 2026
//	Rep        | Jan | Feb | Mar | Total
//	Jane Doe   | 120 |  98 |     |   218
//	Omar Haddad|  80 |   0 |  75 |   155
//	Total      | 200 |  98 |  75 |   373
//
// Each filled cell becomes a tally of that rep for that period (see
// findGrid for how one is recognised, and doc.go for the rules).
type grid struct {
	across  bool // periods across, reps down; false: periods down, reps across
	unit    periodUnit
	measure gridMeasure
	year    int            // the year the title, sheet or file name gives, 0 if none
	order   cell.DateOrder // the day/month order of the period labels, when they are dates
	key     int            // across: the rep column; down: the period column
	cols    []int          // across: the period columns; down: the rep columns
	labels  []periodLabel  // across: the label of each of cols
	dates   []repcard.Date // across: the period of each of cols
	names   []string       // down: the rep each of cols names, as written
	serial  bool           // across: labels are Excel serials, read again with the workbook's date system

	walk yearWalk // down: the year of the rows read so far
	reps []owner  // down: names resolved, once the reading starts
}

// periodUnit is what a grid's period columns (or rows) are.
type periodUnit uint8

const (
	unitNone periodUnit = iota
	unitMonth
	unitWeek
	unitDay
)

// span is what one tally of the unit counts.
func (u periodUnit) span() repcard.Span {
	switch u {
	case unitMonth:
		return repcard.SpanMonth
	case unitWeek:
		return repcard.SpanWeek
	}
	return repcard.SpanDay
}

func (u periodUnit) String() string {
	return [...]string{"", "months", "weeks", "days"}[u]
}

// gridMeasure is what a grid's cells count, and the tally field it fills:
// fContacts, fClosings or fAmount.
type gridMeasure struct {
	name  string
	field field
}

// periodLabel is one period label as written: a month (d 0), a date, an
// ISO week number (iso, the week in d), with or without its year (y 0).
type periodLabel struct {
	y, m, d int
	iso     bool // "Week 42", "W42": d is the week of the year
	week    bool // "Week ending 10/09/2026", "W/E 5-Oct": a week dated by the day it names
	serial  bool // an Excel serial date in a header cell
	raw     string
}

func (p periodLabel) isMonth() bool { return !p.iso && p.d == 0 }

var (
	monthNames = map[string]int{
		"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
		"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
		"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	}
	reMonth     = regexp.MustCompile(`^([a-z]+)\.?(?:[\s\-/,]+'?(\d{4}))?$`)                                      // Jan, March, Jan 2026
	reMonthYY   = regexp.MustCompile(`^([a-z]+)\.?(?:[\-/]|\s*')(\d{2})$`)                                        // Jan-26, Jan '26 (Oct 15 is a day)
	reYearMonth = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})$`)                                                   // 2026-03
	reMonthYear = regexp.MustCompile(`^(\d{1,2})[-/.](\d{4})$`)                                                   // 03/2026
	reISOWeek   = regexp.MustCompile(`^(?:(\d{4})[\s\-]*)?(?:week|wk|w)[\s\-#.]*(\d{1,2})(?:[\s\-,/]+(\d{4}))?$`) // Week 1, W42, 2026-W42, Wk 3 2026
	reDayMonth  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?[\s\-.]+([a-z]+)\.?$`)                            // 5-Oct, 5 October
	reMonthDay  = regexp.MustCompile(`^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$`)                                 // Oct 5
	reYear      = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)`)
	weekPrefix  = []string{"week ending", "week ended", "weekending", "week of", "week beginning", "week commencing",
		"week starting", "wk ending", "wk of", "w/e", "w/c", "we"}
)

// parsePeriod reads a header (or first-column) cell as a period label.
func parsePeriod(s string, order cell.DateOrder) (periodLabel, bool) {
	raw := strings.TrimSpace(s)
	v := strings.Join(strings.Fields(strings.ToLower(raw)), " ")
	p := periodLabel{raw: raw}
	if v == "" {
		return p, false
	}
	for _, pre := range weekPrefix {
		if rest, ok := strings.CutPrefix(v, pre); ok && rest != "" && (rest[0] == ' ' || rest[0] == ':' || rest[0] >= '0' && rest[0] <= '9') {
			q, ok := parseDay(strings.TrimLeft(rest, " :"), order)
			q.week, q.raw = true, raw
			return q, ok
		}
	}
	if m := reISOWeek.FindStringSubmatch(v); m != nil {
		p.iso, p.d = true, atoi(m[2])
		p.y = max(atoi(m[1]), atoi(m[3]))
		return p, p.d >= 1 && p.d <= 53
	}
	for _, re := range []*regexp.Regexp{reMonth, reMonthYY} {
		if m := re.FindStringSubmatch(v); m != nil {
			p.m, p.y = monthNames[m[1]], fullYear(m[2])
			return p, p.m != 0
		}
	}
	if m := reYearMonth.FindStringSubmatch(v); m != nil {
		p.y, p.m = atoi(m[1]), atoi(m[2])
		return p, p.m >= 1 && p.m <= 12
	}
	if m := reMonthYear.FindStringSubmatch(v); m != nil {
		p.m, p.y = atoi(m[1]), atoi(m[2])
		return p, p.m >= 1 && p.m <= 12
	}
	q, ok := parseDay(v, order)
	q.raw = raw
	return q, ok
}

// parseDay reads a day: 5-Oct, Oct 5 (no year), an Excel serial, or a
// date cell.ParseDate reads (2026-10-05, 10/05/2026, 5-Oct-2026).
func parseDay(v string, order cell.DateOrder) (periodLabel, bool) {
	var p periodLabel
	if m := reDayMonth.FindStringSubmatch(v); m != nil {
		p.d, p.m = atoi(m[1]), monthNames[m[2]]
		return p, p.m != 0 && p.d >= 1 && p.d <= 31
	}
	if m := reMonthDay.FindStringSubmatch(v); m != nil {
		p.m, p.d = monthNames[m[1]], atoi(m[2])
		return p, p.m != 0 && p.d >= 1 && p.d <= 31
	}
	if isSerial(v) && !strings.Contains(v, ".") {
		// Excel stores a date header as its serial; only the years a
		// sales sheet may have (2000–2099) are taken for dates.
		if n := atoi(v); n >= 36526 && n < 73051 {
			p.serial, p.d = true, n
			return p, true
		}
		return p, false
	}
	if !strings.ContainsAny(v, "0123456789") {
		return p, false
	}
	d, err := cell.ParseDate(v, order)
	if err != nil {
		return p, false
	}
	y, m, day := d.YMD()
	p.y, p.m, p.d = y, int(m), day
	return p, true
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// fullYear reads a year written with two or four digits ("26" is 2026).
func fullYear(s string) int {
	switch n := atoi(s); {
	case s == "":
		return 0
	case len(s) == 2:
		return 2000 + n
	default:
		return n
	}
}

// yearWalk gives period labels their years in reading order: a label's own
// year, else the year of the label before it, else the year named in the
// title, sheet or file name; a month (or day) earlier in the year than the
// label before it, with no year of its own, is in the next year (Nov, Dec,
// Jan).
type yearWalk struct {
	year int
	prev int // the previous label's month*100+day (or ISO week), 0 at the start
}

// date returns the date of a label, or ok false when it has no year to go
// by.
func (w *yearWalk) date(p periodLabel, date1904 bool) (repcard.Date, bool) {
	if p.serial {
		d, err := cell.DateFromSerial(float64(p.d), date1904)
		return d, err == nil
	}
	key := p.m*100 + p.d
	if p.iso {
		key = p.d
	}
	switch {
	case p.y != 0:
		w.year = p.y
	case w.year == 0:
		return 0, false
	case key < w.prev:
		w.year++
	}
	w.prev = key
	if p.iso {
		return isoWeekMonday(w.year, p.d), true
	}
	if p.d == 0 {
		return repcard.MakeDate(w.year, time.Month(p.m), 1), true
	}
	d := repcard.MakeDate(w.year, time.Month(p.m), p.d)
	if _, m, _ := d.YMD(); int(m) != p.m {
		return 0, false // 31 Feb
	}
	return d, true
}

// isoWeekMonday is the Monday of ISO week w of year y (4 January is always
// in week 1).
func isoWeekMonday(y, w int) repcard.Date {
	jan4 := repcard.MakeDate(y, time.January, 4)
	wd := (int(jan4.Time().Weekday()) + 6) % 7 // Monday 0
	return jan4.AddDays(-wd + 7*(w-1))
}

// unitOf says what a run of labels is — months, ISO weeks, or days, which
// are weeks when they say so or are 7 days apart — and returns unitNone
// when they mix kinds.
func unitOf(labels []periodLabel, dates []repcard.Date) periodUnit {
	switch {
	case !slices.ContainsFunc(labels, func(p periodLabel) bool { return !p.isMonth() || p.serial }):
		return unitMonth
	case !slices.ContainsFunc(labels, func(p periodLabel) bool { return !p.iso }):
		return unitWeek
	case slices.ContainsFunc(labels, func(p periodLabel) bool { return p.iso || p.isMonth() && !p.serial }):
		return unitNone
	}
	if !slices.ContainsFunc(labels, func(p periodLabel) bool { return !p.week }) {
		return unitWeek
	}
	if slices.ContainsFunc(labels, func(p periodLabel) bool { return p.week }) {
		return unitNone
	}
	if len(dates) < 2 {
		return unitDay
	}
	firsts, weekly := true, true
	for i, d := range dates {
		if _, _, day := d.YMD(); day != 1 || i > 0 && d.Month() != dates[i-1].Month()+1 {
			firsts = false
		}
		if i > 0 && d-dates[i-1] != 7 && dates[i-1]-d != 7 {
			weekly = false
		}
	}
	switch {
	case firsts && labels[0].serial:
		return unitMonth // Excel month headers: the 1st of each month, shown as Jan-26
	case weekly:
		return unitWeek
	}
	return unitDay
}

// measureWords name what a grid counts. Revenue words come first: "Sales
// revenue" is revenue. "sales" followed by one of notSalesMeasure names the
// tracker (a sales activity tracker), not what it counts.
var measureWords = []struct {
	m     gridMeasure
	words []string
}{
	{gridMeasure{"revenue", fAmount}, []string{"revenue", "revenues", "amount", "amounts", "bookings", "turnover", "income", "dollars"}},
	{gridMeasure{"calls", fContacts}, []string{"calls", "call", "dials", "dialed", "dialled"}},
	{gridMeasure{"meetings", fContacts}, []string{"meetings", "meeting", "appointments", "appointment", "appts", "demos", "demo", "visits", "visit", "presentations"}},
	{gridMeasure{"contacts", fContacts}, []string{"contacts", "contacted", "conversations", "touches", "touchpoints", "outreach", "emails", "activities"}},
	{gridMeasure{"sales", fClosings}, []string{"sales", "sale", "closings", "closes", "closed", "wins", "won", "deals"}},
}

var notSalesMeasure = []string{"activity", "activities", "tracker", "tracking", "team", "teams", "pipeline", "report",
	"dashboard", "rep", "reps", "representative", "representatives", "person", "people", "manager", "managers", "department", "log", "funnel", "target", "targets", "goal", "goals", "quota"}

// measureIn finds the measure a text names, if any.
func measureIn(text string) (gridMeasure, bool) {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := 0; i < len(words); i++ {
		if (words[i] == "sales" || words[i] == "sale") && i+1 < len(words) && slices.Contains(notSalesMeasure, words[i+1]) {
			words = slices.Delete(words, i, i+2)
			i--
		}
	}
	if strings.ContainsAny(text, "$€£¥") {
		return measureWords[0].m, true
	}
	for _, mw := range measureWords {
		if slices.ContainsFunc(words, func(w string) bool { return slices.Contains(mw.words, w) }) {
			return mw.m, true
		}
	}
	return gridMeasure{}, false
}

// gridContext is where a grid's measure and year may be named: the title
// rows above its header (nearest first), the sheet's name, the file's name.
func gridContext(title [][]string, file, sheet string) []string {
	var out []string
	for i := len(title) - 1; i >= 0; i-- {
		for _, c := range title[i] {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	base := path.Base(file)
	return append(out, sheet, strings.TrimSuffix(base, path.Ext(base)))
}

// gridNames are the headers of a grid's rep column besides the rep
// synonyms.
var gridNames = []string{"", "name", "names", "rep", "reps", "salesperson", "salespeople", "employee", "agent", "member", "teammember", "person", "seller"}

// repHeader reports a folded header that may head a grid's rep column.
func repHeader(h string) bool {
	_, syn := compiledTables()
	return slices.Contains(gridNames, h) || slices.Contains(syn[repcard.KindActivities].cols[fRep], h) || ownerHeader(h)
}

// nameCell reports a cell that may be a rep's name: letters, not a number
// or a total.
func nameCell(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || isTotalLabel(v) || !strings.ContainsFunc(v, unicode.IsLetter) {
		return false
	}
	_, err := cell.ParseNumber(v, cell.DecimalAuto)
	return err != nil && !errors.Is(err, cell.ErrAmbiguous)
}

// personLike reports a name written like a person's: one to four words,
// each starting with a capital.
func personLike(v string) bool {
	v = strings.TrimSpace(v)
	return personName(v) || !strings.Contains(v, " ") && personName(v+" X")
}

// isTotalLabel reports a total, subtotal or average row or column.
func isTotalLabel(v string) bool {
	k := normHeader(v)
	switch k {
	case "sum", "avg", "mean", "ytd", "mtd", "qtd":
		return true
	}
	return strings.HasPrefix(k, "total") || strings.HasPrefix(k, "subtotal") || strings.HasPrefix(k, "grandtotal") ||
		strings.HasPrefix(k, "average") || strings.HasSuffix(k, "total")
}

// numberCell reports a cell a grid's body may hold: blank or a number.
func numberCell(v string) bool {
	if blankLike(v) {
		return true
	}
	_, err := cell.ParseNumber(v, cell.DecimalAuto)
	return err == nil || errors.Is(err, cell.ErrAmbiguous)
}

// findGrid tries the sheet, which no kind fits, as a grid (reps × periods).
// A grid is read as tallies (p.layout and p.grid set); a grid that cannot
// be read — no measure named, or months without a year — keeps no layout
// and its reason says what to do. Anything else is left as it was.
func (r *inboxReader) findGrid(p *sheetPlan) {
	order := map[string]cell.DateOrder{"mdy": cell.MDY, "dmy": cell.DMY}[r.cfg.DateOrder]
	g, hdr := detectGrid(p.head, order, r.roster)
	if g == nil {
		return
	}
	ctx := gridContext(p.head[:hdr], p.file, p.sheet)
	for _, c := range ctx {
		if m, ok := measureIn(c); ok {
			g.measure = m
			break
		}
	}
	for _, c := range ctx {
		if m := reYear.FindStringSubmatch(c); m != nil {
			g.year = atoi(m[1])
			break
		}
	}
	where := "across"
	if !g.across {
		where = "down"
	}
	if g.measure.name == "" {
		p.reason = fmt.Sprintf("a grid with %s %s, but no measure named in the title or sheet name: name the sheet after what its cells count (Calls, Meetings, Sales or Revenue)", g.unit, where)
		p.suggest, p.gridNone = "", true
		return
	}
	p.rep, p.repFrom = "", ""
	if g.across {
		w := yearWalk{year: g.year}
		for i, lb := range g.labels {
			d, ok := w.date(lb, false)
			if !ok {
				p.reason = fmt.Sprintf("a grid with %s %s named without a year (%s): put the year in the title row or the sheet name (%s 2026)", g.unit, where, lb.raw, capitalize(g.measure.name))
				p.suggest, p.gridNone = "", true
				return
			}
			g.dates[i] = d
		}
	}
	g.walk = yearWalk{year: g.year}
	l := &layout{kind: repcard.KindTallies, headerRow: hdr + 1, header: p.head[hdr]}
	if g.across {
		l.how = fmt.Sprintf("grid: reps × %s, measure %s", g.unit, g.measure.name)
		l.cols[fRep] = []int{g.key}
	} else {
		l.how = fmt.Sprintf("grid: %s × reps, measure %s", g.unit, g.measure.name)
		l.cols[fDate] = []int{g.key}
	}
	l.cols[g.measure.field] = g.cols
	p.layout, p.grid, p.reason, p.suggest = l, g, "", ""
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// detectGrid finds the first row of the head that heads a grid, either
// way round, and returns the grid (periods parsed, years not yet given)
// and the row's index.
func detectGrid(head [][]string, order cell.DateOrder, roster *rosterIndex) (*grid, int) {
	for i, row := range head {
		if g := gridAcross(row, head[i+1:], order, roster); g != nil {
			return g, i
		}
		if g := gridDown(row, head[i+1:], order, roster); g != nil {
			return g, i
		}
	}
	return nil, 0
}

// labelOrder decides the day/month order of date labels: config's, else
// what the labels say, else month/day.
func labelOrder(cells []string, order cell.DateOrder) cell.DateOrder {
	if order != cell.DateAuto {
		return order
	}
	var dc cell.DateColumn
	for _, c := range cells {
		dc.Observe(c)
	}
	if o, decided, _ := dc.Order(); decided {
		return o
	}
	return cell.MDY
}

// gridAcross reads row as the header of a grid with periods across: at
// least 3 period labels of one unit, more than any other headers; a rep
// column left of them headed by a rep word (or blank); below, at least 2
// rows of names and numbers (reps on the roster when there is one).
func gridAcross(row []string, below [][]string, order cell.DateOrder, roster *rosterIndex) *grid {
	var cells []string
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			cells = append(cells, c)
		}
	}
	g := &grid{across: true, key: -1, order: labelOrder(cells, order)}
	others := 0
	for i, c := range row {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if lb, ok := parsePeriod(c, g.order); ok {
			g.cols, g.labels = append(g.cols, i), append(g.labels, lb)
		} else if len(g.cols) > 0 && !isTotalLabel(c) {
			others++
		}
	}
	if len(g.cols) < 3 || others >= len(g.cols) {
		return nil
	}
	for i := 0; i < g.cols[0]; i++ {
		if i < len(row) && repHeader(normHeader(row[i])) && columnHasNames(below, i) {
			g.key = i
			break
		}
	}
	if g.key < 0 {
		return nil
	}
	g.dates = make([]repcard.Date, len(g.labels))
	g.serial = slices.ContainsFunc(g.labels, func(p periodLabel) bool { return p.serial })
	if g.unit = unitOf(g.labels, datesIfKnown(g.labels)); g.unit == unitNone {
		return nil
	}
	var names []string
	numbers := 0
	for _, b := range below {
		v := cellAt(b, g.key)
		if blankRow(b) || isTotalRow(b) || isTotalLabel(v) {
			continue
		}
		if !nameCell(v) {
			return nil
		}
		for _, c := range g.cols {
			if !numberCell(cellAt(b, c)) {
				return nil
			}
			if !blankLike(cellAt(b, c)) {
				numbers++
			}
		}
		names = append(names, v)
	}
	generic := slices.Contains([]string{"", "name", "names"}, normHeader(row[g.key]))
	if numbers == 0 || !repsLike(names, roster, generic) {
		return nil
	}
	return g
}

// datesIfKnown returns the dates of labels that are days, to tell days from
// weeks by their spacing.
func datesIfKnown(labels []periodLabel) []repcard.Date {
	w := yearWalk{year: 2001} // labels with no year: spaced as in a common year
	out := make([]repcard.Date, len(labels))
	for i, lb := range labels {
		if lb.iso || lb.isMonth() && !lb.serial {
			return nil
		}
		out[i], _ = w.date(lb, false)
	}
	return out
}

// gridDown reads row as the header of a transposed grid: a period column
// whose cells below are at least 3 period labels of one unit, and at least
// 2 other headers that are reps' names (on the roster when there is one,
// else written like people's names), over numbers.
func gridDown(row []string, below [][]string, order cell.DateOrder, roster *rosterIndex) *grid {
	for key := 0; key < min(len(row), 3); key++ {
		h := normHeader(row[key])
		if h != "" && !slices.Contains([]string{"month", "week", "weekending", "weekof", "date", "day", "period"}, h) {
			continue
		}
		var cells []string
		for _, b := range below {
			if !blankRow(b) && !isTotalRow(b) {
				cells = append(cells, cellAt(b, key))
			}
		}
		g := &grid{key: key, order: labelOrder(cells, order)}
		var labels []periodLabel
		for _, c := range cells {
			lb, ok := parsePeriod(c, g.order)
			if !ok {
				return nil
			}
			lb.week = lb.week || strings.HasPrefix(h, "week") && !lb.iso && !lb.isMonth()
			labels = append(labels, lb)
		}
		if len(labels) < 3 {
			continue
		}
		if g.unit = unitOf(labels, datesIfKnown(labels)); g.unit == unitNone {
			return nil
		}
		for i, c := range row {
			if i == key || strings.TrimSpace(c) == "" || isTotalLabel(c) {
				continue
			}
			if !nameCell(c) {
				return nil
			}
			g.cols, g.names = append(g.cols, i), append(g.names, strings.TrimSpace(c))
		}
		numbers := 0
		for _, b := range below {
			if blankRow(b) || isTotalRow(b) {
				continue
			}
			for _, c := range g.cols {
				if !numberCell(cellAt(b, c)) {
					return nil
				}
				if !blankLike(cellAt(b, c)) {
					numbers++
				}
			}
		}
		if numbers == 0 || !repsLike(g.names, roster, true) {
			return nil
		}
		return g
	}
	return nil
}

// repsLike reports whether names are reps: at least 2 distinct, and when
// there is a roster at least one on it; with no roster and strict (names
// in a header, or under a column headed only "Name"), at least half
// written like people's names.
func repsLike(names []string, roster *rosterIndex, strict bool) bool {
	distinct := map[string]bool{}
	onRoster, people := 0, 0
	for _, n := range names {
		distinct[nameKey(n)] = true
		if _, ok := roster.lookup(n); ok {
			onRoster++
		}
		if personLike(n) {
			people++
		}
	}
	switch {
	case len(distinct) < 2:
		return false
	case roster != nil && len(roster.byKey) > 0:
		return onRoster > 0
	case strict:
		return 2*people >= len(names)
	}
	return true
}

// columnHasNames reports whether column i holds a name in the rows below.
func columnHasNames(below [][]string, i int) bool {
	return slices.ContainsFunc(below, func(b []string) bool { return nameCell(cellAt(b, i)) })
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// gridRow turns one row of a grid into a tally per filled cell.
func (s *sheetRead) gridRow(row []string, num int) {
	g, c := s.p.grid, s.conv
	c.src.Row = num
	if g.reps == nil {
		s.startGrid()
	}
	v := cellAt(row, g.key)
	if g.across {
		if isTotalLabel(v) {
			s.in.Skipped++
			return
		}
		if v == "" {
			s.in.Rows++
			s.in.LeftOut++
			c.fail(g.key, "", repcard.IssueNoRep, "")
			return
		}
		o := c.reps.get(v, c.owner)
		if o.placeholder || o.rep == "" {
			s.in.Rows++
			s.in.LeftOut++
			c.fail(g.key, v, repcard.IssueNoOwner, v)
			return
		}
		s.gridCells(row, func(int) string { return o.rep }, func(j int) repcard.Date { return g.dates[j] })
		return
	}
	lb, ok := parsePeriod(v, g.order)
	var d repcard.Date
	if ok {
		d, ok = g.walk.date(lb, c.date1904)
	}
	if !ok {
		s.in.Rows++
		s.in.LeftOut++
		c.fail(g.key, v, repcard.IssueBadDate, "")
		return
	}
	s.gridCells(row, func(j int) string { return g.reps[j].rep }, func(int) repcard.Date { return d })
}

// startGrid settles what the reading needs once: the periods of serial
// headers in the workbook's date system, the reps a transposed grid names.
func (s *sheetRead) startGrid() {
	g, c := s.p.grid, s.conv
	if g.serial {
		for i, lb := range g.labels {
			g.dates[i], _ = (&yearWalk{}).date(lb, c.date1904)
		}
	}
	if o := c.rules.dateOrder[g.key]; !g.across && o != cell.DateAuto {
		g.order = o // decided on more rows than the head
	}
	g.reps = make([]owner, len(g.names))
	for i, n := range g.names {
		g.reps[i] = c.reps.get(n, c.owner)
	}
}

// gridCells makes a tally of each filled cell of the row's value columns:
// a blank cell is no data, 0 a tally of 0.
func (s *sheetRead) gridCells(row []string, rep func(int) string, date func(int) repcard.Date) {
	g, c := s.p.grid, s.conv
	filled := false
	for j, col := range g.cols {
		v := cellAt(row, col)
		if blankLike(v) {
			continue
		}
		filled = true
		s.in.Rows++
		rec := &s.rec
		*rec = repcard.Record{Kind: repcard.KindTallies, Src: c.src, Rep: rep(j), Date: date(j), Type: g.measure.name, Span: g.unit.span()}
		if rec.Rep == "" {
			s.in.LeftOut++
			c.fail(col, v, repcard.IssueNoOwner, strings.TrimSpace(g.names[j]))
			continue
		}
		if err := s.gridValue(rec, col, v); err != nil {
			s.in.LeftOut++
			continue
		}
		if s.r.dedupe.duplicate(rec, s.p.fileIndex, !s.p.lookupOnly) {
			s.in.Duplicates++
			continue
		}
		s.in.Used++
		s.emit(rec)
	}
	if !filled {
		s.in.Skipped++ // a rep (or period) with nothing filled in yet
	}
}

// gridValue reads one cell into the measure's field.
func (s *sheetRead) gridValue(rec *repcard.Record, col int, v string) error {
	c := s.conv
	dec := c.rules.decimal[col]
	if s.p.grid.measure.field == fAmount {
		m, err := cell.ParseMoney(v, dec)
		if err != nil {
			return c.fail(col, v, repcard.IssueBadNumber, err.Error())
		}
		if absMoney(m) > MaxAmount {
			return c.fail(col, v, repcard.IssueBadNumber, tooLarge)
		}
		rec.Amount, rec.HasAmount = m, true
		return c.countAmounts(rec, col, v)
	}
	n, err := cell.ParseCount(v, dec)
	switch {
	case errors.Is(err, cell.ErrNegativeCount):
		return c.fail(col, v, repcard.IssueNegativeCount, "")
	case err != nil:
		return c.fail(col, v, repcard.IssueBadNumber, err.Error())
	}
	if s.p.grid.measure.field == fClosings {
		rec.Closings, rec.HasClosings = n, true
	} else {
		rec.Contacts, rec.HasContacts = n, true
	}
	return nil
}
