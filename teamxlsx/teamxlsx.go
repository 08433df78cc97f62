package teamxlsx

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

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
var maxRows = excelize.TotalRows

// kind is how a column's values are written and formatted.
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
	f        *excelize.File
	currency string
	styles   map[[2]int]int // kind, bold → style id
	sheets   int
}

// Write writes team.xlsx of rpt to w: the leaderboard, one sheet per list
// of every rep, and issues (the rows of data-issues.csv, in that order).
// The same report and issues give the same bytes.
func Write(w io.Writer, rpt *report.Report, issues []repcard.Issue) error {
	b := &book{f: excelize.NewFile(), currency: rpt.Currency, styles: map[[2]int]int{}}
	defer b.f.Close()
	// The archive goes straight to w, not through the buffer excelize
	// would hold it in before copying it to w.
	zw := &sortedZip{w: w}
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	if err := b.props(rpt); err != nil {
		return fmt.Errorf("team.xlsx: %w", err)
	}
	for _, s := range []struct {
		name string
		fill func(*book, *report.Report, []repcard.Issue) error
	}{
		{SheetLeaderboard, (*book).leaderboard},
		{SheetWins, (*book).wins},
		{SheetFollowUps, (*book).followUps},
		{SheetStale, (*book).stale},
		{SheetNearMisses, (*book).nearMisses},
		{SheetLosses, (*book).losses},
		{SheetIssues, (*book).issues},
	} {
		if err := s.fill(b, rpt, issues); err != nil {
			return fmt.Errorf("team.xlsx: sheet %s: %w", s.name, err)
		}
	}
	rest, err := b.f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("team.xlsx: %w", err)
	}
	if rest.Len() > 0 { // a part outside the archive: not written, so say so
		return fmt.Errorf("team.xlsx: excelize wrote %d bytes outside the ZIP writer", rest.Len())
	}
	return nil
}

// props sets the document properties. Their dates are the report's last
// day (the period's end, or the data's when the period is to date), not
// the time of the run, so a run again writes the same bytes.
func (b *book) props(rpt *report.Report) error {
	day := cmp.Or(rpt.Period.DataEnds, rpt.Period.End)
	stamp := "2000-01-01T00:00:00Z"
	if t, err := time.Parse(time.DateOnly, day); err == nil {
		stamp = t.Format(time.RFC3339)
	}
	return b.f.SetDocProps(&excelize.DocProperties{
		Title:          "Team lists " + untrusted.Line(rpt.Period.Label),
		Creator:        "repcard",
		LastModifiedBy: "repcard",
		Created:        stamp,
		Modified:       stamp,
	})
}

// style returns the style of a column kind, bold or not, made once.
func (b *book) style(k kind, bold bool) (int, error) {
	key := [2]int{int(k), 0}
	if bold {
		key[1] = 1
	}
	if id, ok := b.styles[key]; ok {
		return id, nil
	}
	s := &excelize.Style{Font: &excelize.Font{Bold: bold}}
	custom := ""
	switch k {
	case kInt:
		s.NumFmt = 3 // #,##0
	case kMoney:
		custom = moneyFormat(b.currency)
	case kRatio:
		custom = "0.0"
	case kPercent:
		s.NumFmt = 9 // 0%
	case kDate:
		custom = "yyyy-mm-dd"
	}
	if custom != "" {
		s.CustomNumFmt = &custom
	}
	id, err := b.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	b.styles[key] = id
	return id, nil
}

// moneyFormat is the number format of amounts in currency: its symbol
// first, as the PDFs print it ("$1,234.50", "CHF 1,234.50").
func moneyFormat(currency string) string {
	sym := strings.ReplaceAll(format.Symbol(currency), `"`, "")
	pos := `"` + sym + `"#,##0.00`
	return pos + ";-" + pos
}

// table writes one sheet: the header row, frozen, then a row for each
// call of add, with an autofilter over the header and those rows, then
// the rows of after (outside the filter, below an empty row). A list
// longer than the sheet holds ends in a row that says how many more are
// in rest.
func (b *book) table(name string, cols []column, rest string, fill func(add func(vals ...any) error) error, after ...[]any) error {
	if b.sheets == 0 {
		if err := b.f.SetSheetName(b.f.GetSheetName(0), name); err != nil {
			return err
		}
	} else if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	b.sheets++
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	styles := make([]int, len(cols))
	bold := make([]int, len(cols))
	head := make([]any, len(cols))
	hs, err := b.style(kText, true)
	if err != nil {
		return err
	}
	for i, c := range cols {
		if styles[i], err = b.style(c.kind, false); err != nil {
			return err
		}
		if bold[i], err = b.style(c.kind, true); err != nil {
			return err
		}
		head[i] = excelize.Cell{StyleID: hs, Value: c.head}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	row, more := 1, 0
	write := func(r int, st []int, vals []any) error {
		cells := make([]any, len(vals))
		for i, v := range vals {
			if v != nil && v != "" {
				cells[i] = excelize.Cell{StyleID: st[i], Value: v}
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, r)
		if err != nil {
			return err
		}
		return sw.SetRow(ref, cells)
	}
	err = fill(func(vals ...any) error {
		if row >= maxRows-1 { // the last row says how many more
			more++
			return nil
		}
		row++
		return write(row, styles, vals)
	})
	if err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(cols), row)
	if err != nil {
		return err
	}
	if err := b.f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return err
	}
	if more > 0 {
		note := fmt.Sprintf("and %s more in %s: a sheet holds %s rows", format.Int(more), rest, format.Int(maxRows))
		if err := write(row+1, bold, []any{note}); err != nil {
			return err
		}
		row++
	}
	row++ // an empty row between the list and what follows it
	for _, vals := range after {
		row++
		if err := write(row, bold, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
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
	row := func(name, manager, office string, m *report.Metrics, alerts int) []any {
		return []any{
			text(name), text(manager), text(office),
			m.Contacts, m.Closings, ratio(m.ContactsPerClose),
			nullMoney(m.ValuePerContact), money(m.Commission),
			ratio(m.Goal.Attainment), m.TrendArrow, alerts,
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
	return b.table(SheetLeaderboard, cols, "metrics.json", func(add func(...any) error) error {
		for _, rep := range reps {
			if err := add(row(rep.Rep, rep.Manager, rep.Office, &rep.Metrics, len(rep.Alerts))...); err != nil {
				return err
			}
		}
		return nil
	}, row("All reps", "", "", &rpt.Team, alerts))
}

// repCols are the first columns of every list: whose it is.
var repCols = []column{{"Rep", 24, kText}, {"Manager", 20, kText}}

// perRep writes a list of every rep: the reps in the report's order
// (byte order of name), each rep's entries in its PDF's order.
func (b *book) perRep(rpt *report.Report, name string, cols []column, rows func(rep *report.Rep, add func(vals ...any) error) error) error {
	return b.table(name, append(slices.Clip(repCols), cols...), "metrics.json", func(add func(...any) error) error {
		for i := range rpt.Reps {
			rep := &rpt.Reps[i]
			who := []any{text(rep.Rep), text(rep.Manager)}
			err := rows(rep, func(vals ...any) error { return add(append(who[:2:2], vals...)...) })
			if err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) wins(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Won on", 11, kDate}, {"Amount", 14, kMoney},
		{"Commission", 14, kMoney}, {"Sales", 7, kInt},
	}
	return b.perRep(rpt, SheetWins, cols, func(rep *report.Rep, add func(...any) error) error {
		for _, w := range rep.Wins {
			if err := add(text(w.Prospect), day(w.Date), nullMoney(w.Amount), money(w.Commission), w.Count); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) followUps(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"No on", 11, kDate}, {"Reason", 30, kText},
		{"Last touch", 11, kDate}, {"Next follow-up", 11, kDate}, {"Days quiet", 8, kInt},
		{"Due by", 16, kText},
	}
	return b.perRep(rpt, SheetFollowUps, cols, func(rep *report.Rep, add func(...any) error) error {
		for _, f := range rep.FollowUpsDue {
			if err := add(text(f.Prospect), day(f.Date), text(f.Reason), day(f.LastTouch), day(f.NextFollowUp), f.DaysQuiet, f.Rule); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) stale(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Kind", 10, kText}, {"Last sign of life", 11, kDate},
		{"Days quiet", 8, kInt}, {"Amount", 14, kMoney}, {"Stage", 18, kText}, {"Deal", 14, kText},
	}
	return b.perRep(rpt, SheetStale, cols, func(rep *report.Rep, add func(...any) error) error {
		for _, s := range rep.StaleMaybes {
			if err := add(text(s.Prospect), s.Kind, day(s.Since), s.AgeDays, nullMoney(s.Amount), text(s.Stage), text(s.Deal)); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) nearMisses(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Lost on", 11, kDate}, {"Amount", 14, kMoney},
		{"Stage", 18, kText}, {"Probability", 10, kPercent}, {"Reason", 30, kText},
		{"Near by", 16, kText}, {"Nos", 6, kInt},
	}
	return b.perRep(rpt, SheetNearMisses, cols, func(rep *report.Rep, add func(...any) error) error {
		for _, n := range rep.NearMisses {
			prob := any(nil)
			if p := ratio(n.Probability); p != nil {
				prob = p.(float64) / 100 // a per cent
			}
			if err := add(text(n.Prospect), day(n.Date), nullMoney(n.Amount), text(n.Stage), prob, text(n.Reason), n.By, n.Count); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *book) losses(rpt *report.Report, _ []repcard.Issue) error {
	cols := []column{
		{"Prospect", 30, kText}, {"Lost on", 11, kDate}, {"Amount", 14, kMoney},
		{"Reason", 30, kText}, {"Category", 14, kText}, {"In control", 9, kText},
		{"Stage", 18, kText}, {"Nos", 6, kInt},
	}
	return b.perRep(rpt, SheetLosses, cols, func(rep *report.Rep, add func(...any) error) error {
		for _, l := range rep.Losses {
			ctl := "no"
			switch {
			case l.Controllable:
				ctl = "yes"
			case l.Category == report.CategoryUnknown:
				ctl = "" // no reason given: neither
			}
			if err := add(text(l.Prospect), day(l.Date), nullMoney(l.Amount), text(l.Reason), l.Category, ctl, text(l.Stage), l.Count); err != nil {
				return err
			}
		}
		return nil
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
	return b.table(SheetIssues, cols, "data-issues.csv", func(add func(...any) error) error {
		for _, is := range issues {
			row := any(nil)
			if is.Row > 0 {
				row = is.Row
			}
			if err := add(output.IssueCell(is.File, 0), output.IssueCell(is.Sheet, 0), row,
				output.IssueCell(is.Column, 0), output.IssueCell(is.Raw, output.MaxRawRunes),
				output.IssueCell(output.IssueReason(is), 0)); err != nil {
				return err
			}
		}
		return nil
	})
}

// text is spreadsheet text made one clean line; nil (an empty cell) when
// nothing is left.
func text(s string) any {
	if s = untrusted.Line(s); s != "" {
		return s
	}
	return nil
}

func money(m repcard.Money) any { return m.Units() }

func nullMoney(m report.NullMoney) any {
	if !m.OK {
		return nil
	}
	return m.V.Units()
}

func ratio(r report.Ratio) any {
	if !r.OK || math.IsNaN(r.V) || math.IsInf(r.V, 0) {
		return nil
	}
	return r.V
}

func day(d report.Day) any {
	if d == 0 {
		return nil
	}
	return repcard.Date(d).Time()
}
