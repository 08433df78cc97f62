package teamxlsx

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/report"
)

// The sheets of team.xlsx, in order.
const (
	SheetLeaderboard = "Leaderboard"
	SheetWins        = "Wins"
	SheetFollowUps   = "Follow-ups due"
	SheetStale       = "Stale maybes"
	SheetNearMisses  = "Near misses"
	SheetLosses      = "Losses"
	SheetIssues      = "Data issues"
)

// maxRows is the most rows a sheet holds, its header included: Excel's
// limit. A variable, so that tests can reach it.
var maxRows = 1 << 20

// kind is how a column's values are formatted.
type kind int

const (
	kText    kind = iota
	kInt          // #,##0
	kMoney        // the currency's symbol, thousands, cents
	kRatio        // one decimal
	kPercent      // whole per cent of a share (0.964 is 96 %)
	kDate         // yyyy-mm-dd
)

// column is one column of a sheet.
type column struct {
	head  string
	width float64
	kind  kind
}

// book is team.xlsx being written.
type book struct {
	a      *archive
	sheets []sheetInfo
	buf    []byte // the row being written
}

// sheetInfo is what the workbook part says of a written sheet.
type sheetInfo struct {
	name   string
	filter string // the range of its autofilter, such as A1:K3
}

// Write writes team.xlsx of rpt to w: the leaderboard, one sheet per list
// of every rep, and issues (the rows of data-issues.csv, in that order).
// The same report and issues give the same bytes.
//
// The parts come in a fixed order: the content types, the package's and
// the workbook's relationships, the document properties, the styles, the
// sheets, and last the workbook, which names each sheet's filter range
// and so follows the sheets. Each sheet is streamed row by row into the
// archive, compressed as it goes.
func Write(w io.Writer, rpt *report.Report, issues []repcard.Issue) error {
	return writeBook(w, rpt, issues, sheets)
}

// sheetFill writes one sheet.
type sheetFill struct {
	name string
	fill func(*book, *report.Report, []repcard.Issue) error
}

// sheets are the sheets of team.xlsx, in order.
var sheets = []sheetFill{
	{SheetLeaderboard, (*book).leaderboard},
	{SheetWins, (*book).wins},
	{SheetFollowUps, (*book).followUps},
	{SheetStale, (*book).stale},
	{SheetNearMisses, (*book).nearMisses},
	{SheetLosses, (*book).losses},
	{SheetIssues, (*book).issues},
}

// writeBook writes a workbook of the sheets fills write.
func writeBook(w io.Writer, rpt *report.Report, issues []repcard.Issue, fills []sheetFill) error {
	b := &book{a: newArchive(w)}
	title, stamp := props(rpt)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(len(fills))},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appProps},
		{"docProps/core.xml", coreProps(title, stamp)},
		{"xl/_rels/workbook.xml.rels", workbookRels(len(fills))},
		{"xl/styles.xml", styles(rpt.Currency)},
	} {
		if err := b.static(p.name, p.body); err != nil {
			return fmt.Errorf("team.xlsx: %w", err)
		}
	}
	for _, s := range fills {
		if err := s.fill(b, rpt, issues); err != nil {
			return fmt.Errorf("team.xlsx: sheet %s: %w", s.name, err)
		}
	}
	if err := b.static("xl/workbook.xml", workbook(b.sheets)); err != nil {
		return fmt.Errorf("team.xlsx: %w", err)
	}
	if err := b.a.close(); err != nil {
		return fmt.Errorf("team.xlsx: %w", err)
	}
	return nil
}

// static writes the part name, all of body.
func (b *book) static(name, body string) error {
	if err := b.a.part(name); err != nil {
		return err
	}
	_, err := b.a.w.WriteString(body)
	return err
}

// props are the document's title and its date, created and modified: the
// report's last day (the period's end, or the data's when the period is
// to date), not the time of the run, so a run again writes the same
// bytes.
func props(rpt *report.Report) (title, stamp string) {
	day := cmp.Or(rpt.Period.DataEnds, rpt.Period.End)
	stamp = "2000-01-01T00:00:00Z"
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		stamp = t.Format(time.RFC3339)
	}
	return "Team lists " + untrusted.Line(rpt.Period.Label), stamp
}

// moneyFormat is the number format of amounts in currency: its symbol
// first, as the PDFs print it ("$1,234.50", "CHF 1,234.50").
func moneyFormat(currency string) string {
	sym := strings.ReplaceAll(format.Symbol(currency), `"`, "")
	pos := `"` + sym + `"#,##0.00`
	return pos + ";-" + pos
}

// sheet is a sheet being written: rows go straight to the archive.
type sheet struct {
	b     *book
	cols  []string // the columns' letters
	plain []int    // the columns' styles
	bold  []int
	lead  []cell // cells before those of each add: whose row it is
	row   int    // the last row written
	more  int    // rows past what the sheet holds
	num   [20]byte
}

// add writes a row of the list: lead, then cells. Past the rows a sheet
// holds, it counts the row instead.
func (s *sheet) add(cells ...cell) {
	if s.row >= maxRows-1 { // the last row says how many more
		s.more++
		return
	}
	s.row++
	s.write(s.row, s.plain, s.lead, cells)
}

// write writes row r of the cells of lead and then rest, each with its
// column's style; an empty cell is left out.
func (s *sheet) write(r int, styles []int, lead, rest []cell) {
	num := strconv.AppendInt(s.num[:0], int64(r), 10) // for each cell's reference
	buf := append(s.b.buf[:0], `<row r="`...)
	buf = append(buf, num...)
	buf = append(buf, `">`...)
	i := 0
	for _, cells := range [2][]cell{lead, rest} {
		for _, c := range cells {
			if c.k != cEmpty && i < len(s.cols) {
				buf = appendCell(buf, s.cols[i], num, styles[i], c)
			}
			i++
		}
	}
	buf = append(buf, `</row>`...)
	s.b.a.w.Write(buf) // an error stays in the writer: seen when the part ends
	s.b.buf = buf
}

// table writes one sheet: the header row, frozen, then the rows fill adds,
// with an autofilter over the header and those rows, then the rows of
// after (outside the filter, below an empty row), bold. A list longer than
// the sheet holds ends in a row that says how many more are in rest.
func (b *book) table(name string, cols []column, rest string, fill func(s *sheet), after ...[]cell) error {
	if err := b.a.part(sheetPart(len(b.sheets) + 1)); err != nil {
		return err
	}
	s := &sheet{b: b, row: 1}
	head := make([]cell, len(cols))
	var buf []byte
	buf = append(buf, xmlHead+`<worksheet xmlns="`+nsMain+`"><sheetViews><sheetView`...)
	if len(b.sheets) == 0 {
		buf = append(buf, ` tabSelected="1"`...)
	}
	buf = append(buf, ` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><cols>`...)
	for i, c := range cols {
		s.cols = append(s.cols, colName(i))
		s.plain = append(s.plain, styleID(c.kind, false))
		s.bold = append(s.bold, styleID(c.kind, true))
		head[i] = str(c.head)
		buf = append(buf, `<col min="`...)
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		buf = append(buf, `" max="`...)
		buf = strconv.AppendInt(buf, int64(i+1), 10)
		buf = append(buf, `" width="`...)
		buf = strconv.AppendFloat(buf, c.width, 'f', -1, 64)
		buf = append(buf, `" customWidth="1"/>`...)
	}
	buf = append(buf, `</cols><sheetData>`...)
	b.a.w.Write(buf)
	headStyle := slices.Repeat([]int{styleID(kText, true)}, len(cols))
	s.write(1, headStyle, nil, head)

	fill(s)
	filter := "A1:" + s.cols[len(cols)-1] + strconv.Itoa(s.row)
	if s.more > 0 {
		note := fmt.Sprintf("and %s more in %s: a sheet holds %s rows", format.Int(s.more), rest, format.Int(maxRows))
		s.row++
		s.write(s.row, s.bold, nil, []cell{str(note)})
	}
	s.row++ // an empty row between the list and what follows it
	for _, cells := range after {
		s.row++
		s.write(s.row, s.bold, nil, cells)
	}
	if _, err := b.a.w.WriteString(`</sheetData><autoFilter ref="` + filter + `"/></worksheet>`); err != nil {
		return err
	}
	b.sheets = append(b.sheets, sheetInfo{name: name, filter: filter})
	return b.a.w.Flush()
}

// leaderboard is one row per rep, as the team summary's table: by value
// per contact, highest first; the team's totals below.
func (b *book) leaderboard(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Rep", 24, kText}, {"Manager", 20, kText}, {"Office", 14, kText},
		{"Contacts", 10, kInt}, {"Sales", 8, kInt}, {"Contacts per sale", 10, kRatio},
		{"Value per contact", 12, kMoney}, {"Commission", 14, kMoney},
		{"Goal attainment", 11, kPercent}, {"Trend", 8, kText}, {"Alerts", 8, kInt},
	}
	alerts := 0
	row := func(name, manager, office string, m *report.Metrics, alerts int) []cell {
		return []cell{
			text(name), text(manager), text(office),
			num(m.Contacts), num(m.Closings), ratio(m.ContactsPerClose),
			nullMoney(m.ValuePerContact), money(m.Commission),
			ratio(m.Goal.Attainment), str(m.TrendArrow), num(alerts),
		}
	}
	all := make([]*report.Rep, len(rpt.Reps))
	for i := range rpt.Reps {
		all[i] = &rpt.Reps[i]
	}
	reps := report.ByValuePerContact(all)
	for _, rep := range reps {
		alerts += len(rep.Alerts)
	}
	return b.table(SheetLeaderboard, cols, "metrics.json", func(s *sheet) {
		for _, rep := range reps {
			s.add(row(rep.Rep, rep.Manager, rep.Office, &rep.Metrics, len(rep.Alerts))...)
		}
	}, row("All reps", "", "", &rpt.Team, alerts))
}

// repCols are the first columns of every list: whose it is.
var repCols = []column{{"Rep", 24, kText}, {"Manager", 20, kText}}

// perRep writes a list of every rep: the reps in the report's order
// (byte order of name), each rep's entries in its PDF's order, each row
// led by the rep and manager.
func (b *book) perRep(rpt *report.Report, name string, cols []column, rows func(rep *report.Rep, s *sheet)) error {
	return b.table(name, append(slices.Clip(repCols), cols...), "metrics.json", func(s *sheet) {
		for i := range rpt.Reps {
			rep := &rpt.Reps[i]
			s.lead = []cell{text(rep.Rep), text(rep.Manager)}
			rows(rep, s)
		}
		s.lead = nil
	})
}

func (b *book) wins(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Won on", 11, kDate}, {"Amount", 14, kMoney},
		{"Commission", 14, kMoney}, {"Sales", 7, kInt},
	}
	return b.perRep(rpt, SheetWins, cols, func(rep *report.Rep, s *sheet) {
		for _, w := range rep.Wins {
			s.add(text(w.Prospect), day(w.Date), nullMoney(w.Amount), money(w.Commission), num(w.Count))
		}
	})
}

func (b *book) followUps(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"No on", 11, kDate}, {"Reason", 30, kText},
		{"Last touch", 11, kDate}, {"Next follow-up", 11, kDate}, {"Days quiet", 8, kInt},
		{"Due by", 16, kText},
	}
	return b.perRep(rpt, SheetFollowUps, cols, func(rep *report.Rep, s *sheet) {
		for _, f := range rep.FollowUpsDue {
			s.add(text(f.Prospect), day(f.Date), text(f.Reason), day(f.LastTouch), day(f.NextFollowUp), num(f.DaysQuiet), str(f.Rule))
		}
	})
}

func (b *book) stale(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Kind", 10, kText}, {"Last sign of life", 11, kDate},
		{"Days quiet", 8, kInt}, {"Amount", 14, kMoney}, {"Stage", 18, kText}, {"Deal", 14, kText},
	}
	return b.perRep(rpt, SheetStale, cols, func(rep *report.Rep, s *sheet) {
		for _, st := range rep.StaleMaybes {
			s.add(text(st.Prospect), str(st.Kind), day(st.Since), num(st.AgeDays), nullMoney(st.Amount), text(st.Stage), text(st.Deal))
		}
	})
}

func (b *book) nearMisses(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Lost on", 11, kDate}, {"Amount", 14, kMoney},
		{"Stage", 18, kText}, {"Probability", 10, kPercent}, {"Reason", 30, kText},
		{"Near by", 16, kText}, {"Nos", 6, kInt},
	}
	return b.perRep(rpt, SheetNearMisses, cols, func(rep *report.Rep, s *sheet) {
		for _, n := range rep.NearMisses {
			prob := ratio(n.Probability)
			prob.f /= 100 // a per cent
			s.add(text(n.Prospect), day(n.Date), nullMoney(n.Amount), text(n.Stage), prob, text(n.Reason), str(n.By), num(n.Count))
		}
	})
}

func (b *book) losses(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Lost on", 11, kDate}, {"Amount", 14, kMoney},
		{"Reason", 30, kText}, {"Category", 14, kText}, {"In control", 9, kText},
		{"Stage", 18, kText}, {"Nos", 6, kInt},
	}
	return b.perRep(rpt, SheetLosses, cols, func(rep *report.Rep, s *sheet) {
		for _, l := range rep.Losses {
			ctl := "no"
			switch {
			case l.Controllable:
				ctl = "yes"
			case l.Category == report.CategoryUnknown:
				ctl = "" // no reason given: neither
			}
			s.add(text(l.Prospect), day(l.Date), nullMoney(l.Amount), text(l.Reason), str(l.Category), str(ctl), text(l.Stage), num(l.Count))
		}
	})
}

// issues writes the rows of data-issues.csv: the same cells, cleaned the
// same way, but a row number as a number, and no quote before a value
// that starts like a formula (a text cell of a workbook is never one).
func (b *book) issues(_ *report.Report, issues []repcard.Issue) error {
	cols := []column{
		{"File", 30, kText}, {"Sheet", 14, kText}, {"Row", 8, kInt},
		{"Column", 16, kText}, {"Value", 24, kText}, {"Reason", 60, kText},
	}
	return b.table(SheetIssues, cols, "data-issues.csv", func(s *sheet) {
		for _, is := range issues {
			row := cell{}
			if is.Row > 0 {
				row = num(is.Row)
			}
			s.add(str(output.IssueCell(is.File, 0)), str(output.IssueCell(is.Sheet, 0)), row,
				str(output.IssueCell(is.Column, 0)), str(output.IssueCell(is.Raw, output.MaxRawRunes)),
				str(output.IssueCell(output.IssueReason(is), 0)))
		}
	})
}
