package teamxlsx

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

func ymd(y int, m time.Month, d int) report.Day { return report.Day(repcard.MakeDate(y, m, d)) }

func eur(units float64) repcard.Money { return repcard.Money(units * 100) }

func some(v float64) report.Ratio { return report.Ratio{V: v, OK: true} }

func someMoney(units float64) report.NullMoney { return report.NullMoney{V: eur(units), OK: true} }

// fixture is a hand-made report of two reps in October 2026, in euros:
// Ana Ruiz with 20 contacts and 2 sales (€500.00 commission, €25.00 a
// contact, half her goal), Bo Li with 5 contacts and no sale.
func fixture() *report.Report {
	ana := report.Rep{Rep: "Ana Ruiz", Manager: "Maria Lopez", Office: "Berlin"}
	ana.Contacts, ana.Closings, ana.Commission = 20, 2, eur(500)
	ana.ContactsPerClose, ana.ValuePerContact = some(10), someMoney(25)
	ana.Goal.Attainment, ana.TrendArrow = some(0.5), report.ArrowUp
	ana.Alerts = []report.Alert{{Message: "Contacts down"}}
	ana.Wins = []report.Win{
		{Rep: "Ana Ruiz", Prospect: "Acme GmbH", Date: ymd(2026, 10, 5), Amount: someMoney(4000), Commission: eur(400), Count: 1},
		{Rep: "Ana Ruiz", Prospect: "=1+1", Date: ymd(2026, 10, 6), Commission: eur(100), Count: 2},
	}
	ana.FollowUpsDue = []report.FollowUp{
		{Prospect: "Brix\tAG", Date: ymd(2026, 9, 20), Reason: "price", LastTouch: ymd(2026, 10, 2), DaysQuiet: 29, Rule: "quiet 29 days"},
	}
	ana.Losses = []report.Loss{
		{Prospect: "Brix AG", Date: ymd(2026, 10, 12), Amount: someMoney(1200.5), Reason: "price", Category: "pricing", Controllable: true, Count: 1},
		{Prospect: "Cato", Date: ymd(2026, 10, 13), Reason: "too far", Category: report.CategoryOther, Count: 3},
		{Prospect: "Dyna", Date: ymd(2026, 10, 14), Category: report.CategoryUnknown, Count: 1},
	}
	bo := report.Rep{Rep: "Bo Li"}
	bo.Contacts = 5
	bo.StaleMaybes = []report.Stale{
		{Kind: report.StaleOpenDeal, Prospect: "Corp", Since: ymd(2026, 8, 1), AgeDays: 91, Amount: someMoney(9999.99), Stage: "Proposal", Deal: "D-7"},
	}
	bo.NearMisses = []report.NearMiss{
		{Prospect: "Delta", Date: ymd(2026, 10, 20), Amount: someMoney(300), Stage: "Negotiation", Probability: some(80), Reason: "timing", By: "stage+probability", Count: 1},
	}
	rpt := &report.Report{
		Period:   report.PeriodJSON{Label: "2026-10", Start: "2026-10-01", End: "2026-10-31"},
		Currency: "EUR",
		Reps:     []report.Rep{bo, ana}, // Bo first: the leaderboard puts Ana, with a value per contact, first
	}
	rpt.Team.Contacts, rpt.Team.Closings, rpt.Team.Commission = 25, 2, eur(500)
	rpt.Team.ContactsPerClose, rpt.Team.ValuePerContact, rpt.Team.TrendArrow = some(12.5), someMoney(20), report.ArrowDown
	return rpt
}

var fixtureIssues = []repcard.Issue{
	{File: "deals.csv", Row: 14, Column: "Amount", Raw: "-5", Kind: repcard.IssueNegativeCount},
	{File: "old.xls", Kind: repcard.IssueNoDate},
}

func write(t *testing.T, rpt *report.Report, issues []repcard.Issue) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, rpt, issues); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func open(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestSheetsAndHeaders(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureIssues))
	wantSheets := []string{"Leaderboard", "Wins", "Follow-ups due", "Stale maybes", "Near misses", "Losses", "Data issues"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets = %q, want %q", got, wantSheets)
	}
	cases := []struct {
		sheet  string
		header string
		rows   int // header included; trailing empty rows are not counted
		filter string
	}{
		{"Leaderboard", "Rep|Manager|Office|Contacts|Sales|Contacts per sale|Value per contact|Commission|Goal attainment|Trend|Alerts", 5, "$A$1:$K$3"},
		{"Wins", "Rep|Manager|Prospect|Won on|Amount|Commission|Sales", 3, "$A$1:$G$3"},
		{"Follow-ups due", "Rep|Manager|Prospect|No on|Reason|Last touch|Next follow-up|Days quiet|Due by", 2, "$A$1:$I$2"},
		{"Stale maybes", "Rep|Manager|Prospect|Kind|Last sign of life|Days quiet|Amount|Stage|Deal", 2, "$A$1:$I$2"},
		{"Near misses", "Rep|Manager|Prospect|Lost on|Amount|Stage|Probability|Reason|Near by|Nos", 2, "$A$1:$J$2"},
		{"Losses", "Rep|Manager|Prospect|Lost on|Amount|Reason|Category|In control|Stage|Nos", 4, "$A$1:$J$4"},
		{"Data issues", "File|Sheet|Row|Column|Value|Reason", 3, "$A$1:$F$3"},
	}
	filters := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = dn.RefersTo
		}
	}
	for _, c := range cases {
		rows, err := f.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != c.rows {
			t.Errorf("%s: %d rows, want %d: %q", c.sheet, len(rows), c.rows, rows)
		}
		if len(rows) > 0 && strings.Join(rows[0], "|") != c.header {
			t.Errorf("%s: header %q, want %q", c.sheet, strings.Join(rows[0], "|"), c.header)
		}
		panes, err := f.GetPanes(c.sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", c.sheet, panes, err)
		}
		if want := "'" + c.sheet + "'!" + c.filter; filters[c.sheet] != want {
			t.Errorf("%s: autofilter %q, want %q", c.sheet, filters[c.sheet], want)
		}
	}
}

// Each case is one cell: its value as Excel stores it, as it shows with
// its number format, and whether it is a number.
func TestCells(t *testing.T) {
	f := open(t, write(t, fixture(), fixtureIssues))
	cases := []struct {
		sheet, cell string
		raw, shown  string
		number      bool
	}{
		// Ana first (€25.00 a contact), Bo (none) second, totals after an empty row.
		{"Leaderboard", "A2", "Ana Ruiz", "Ana Ruiz", false},
		{"Leaderboard", "B2", "Maria Lopez", "Maria Lopez", false},
		{"Leaderboard", "D2", "20", "20", true},
		{"Leaderboard", "E2", "2", "2", true},
		{"Leaderboard", "F2", "10", "10.0", true},
		{"Leaderboard", "G2", "25", "€25.00", true},
		{"Leaderboard", "H2", "500", "€500.00", true},
		{"Leaderboard", "I2", "0.5", "50%", true},
		{"Leaderboard", "J2", "up", "up", false},
		{"Leaderboard", "K2", "1", "1", true},
		{"Leaderboard", "A3", "Bo Li", "Bo Li", false},
		{"Leaderboard", "F3", "", "", false}, // no sale: no ratio, not 0
		{"Leaderboard", "G3", "", "", false},
		{"Leaderboard", "H3", "0", "€0.00", true},
		{"Leaderboard", "I3", "", "", false}, // no goal
		{"Leaderboard", "K3", "0", "0", true},
		{"Leaderboard", "A4", "", "", false},
		{"Leaderboard", "A5", "All reps", "All reps", false},
		{"Leaderboard", "D5", "25", "25", true},
		{"Leaderboard", "F5", "12.5", "12.5", true},
		{"Leaderboard", "G5", "20", "€20.00", true},
		{"Leaderboard", "J5", "down", "down", false},
		{"Leaderboard", "K5", "1", "1", true},
		// Dates are serial days since 1899-12-30: 2026-10-05 is 46300.
		{"Wins", "C2", "Acme GmbH", "Acme GmbH", false},
		{"Wins", "D2", "46300", "2026-10-05", true},
		{"Wins", "E2", "4000", "€4,000.00", true},
		{"Wins", "C3", "=1+1", "=1+1", false}, // text, not a formula
		{"Wins", "E3", "", "", false},         // no amount
		{"Wins", "G3", "2", "2", true},
		{"Follow-ups due", "A2", "Ana Ruiz", "Ana Ruiz", false},
		{"Follow-ups due", "C2", "Brix AG", "Brix AG", false}, // the tab is a space
		{"Follow-ups due", "D2", "46285", "2026-09-20", true},
		{"Follow-ups due", "F2", "46297", "2026-10-02", true},
		{"Follow-ups due", "G2", "", "", false},
		{"Follow-ups due", "H2", "29", "29", true},
		{"Follow-ups due", "I2", "quiet 29 days", "quiet 29 days", false},
		{"Stale maybes", "A2", "Bo Li", "Bo Li", false},
		{"Stale maybes", "B2", "", "", false}, // no manager
		{"Stale maybes", "D2", "open deal", "open deal", false},
		{"Stale maybes", "E2", "46235", "2026-08-01", true},
		{"Stale maybes", "F2", "91", "91", true},
		{"Stale maybes", "G2", "9999.99", "€9,999.99", true},
		{"Stale maybes", "I2", "D-7", "D-7", false},
		{"Near misses", "D2", "46315", "2026-10-20", true},
		{"Near misses", "G2", "0.8", "80%", true},
		{"Near misses", "I2", "stage+probability", "stage+probability", false},
		{"Losses", "E2", "1200.5", "€1,200.50", true},
		{"Losses", "F2", "price", "price", false},
		{"Losses", "H2", "yes", "yes", false},
		{"Losses", "H3", "no", "no", false},
		{"Losses", "J3", "3", "3", true},
		{"Losses", "F4", "", "", false},
		{"Losses", "G4", "unknown", "unknown", false},
		{"Losses", "H4", "", "", false}, // no reason: neither in control nor not
		{"Data issues", "A2", "deals.csv", "deals.csv", false},
		{"Data issues", "C2", "14", "14", true},
		{"Data issues", "E2", "-5", "-5", false}, // no quote: a text cell is never a formula
		{"Data issues", "F2", "negative count", "negative count", false},
		{"Data issues", "C3", "", "", false}, // a whole file: no row
	}
	for _, c := range cases {
		raw, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetCellValue(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		number := raw != "" && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset)
		formula, _ := f.GetCellFormula(c.sheet, c.cell)
		if raw != c.raw || shown != c.shown || number != c.number || formula != "" {
			t.Errorf("%s!%s = %q shown %q number %v formula %q; want %q shown %q number %v",
				c.sheet, c.cell, raw, shown, number, formula, c.raw, c.shown, c.number)
		}
	}
}

func TestDeterministic(t *testing.T) {
	first := write(t, fixture(), fixtureIssues)
	for range 5 { // seven streamed sheets: one order of 5,040
		if b := write(t, fixture(), fixtureIssues); !bytes.Equal(first, b) {
			t.Fatal("two writes of one report differ")
		}
	}
	props, err := open(t, first).GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2026-10-31T00:00:00Z" || props.Modified != props.Created || props.Creator != "repcard" {
		t.Errorf("props = %+v, want created and modified the period's last day", props)
	}
	// A period to date carries the data's last day.
	rpt := fixture()
	rpt.Period.Label, rpt.Period.End, rpt.Period.DataEnds = "2026-Q4", "2026-12-31", "2026-10-31"
	if props, _ := open(t, write(t, rpt, nil)).GetDocProps(); props.Created != "2026-10-31T00:00:00Z" {
		t.Errorf("to date: created %q, want the data's last day", props.Created)
	}
}

// A list longer than a sheet holds ends in a row counting the rest.
func TestMoreRowsThanASheetHolds(t *testing.T) {
	if maxRows != excelize.TotalRows {
		t.Fatalf("maxRows %d, a sheet holds %d", maxRows, excelize.TotalRows)
	}
	defer func(n int) { maxRows = n }(maxRows)
	maxRows = 4
	rpt := fixture()
	rep := &rpt.Reps[1]
	for range 4 {
		rep.FollowUpsDue = append(rep.FollowUpsDue, rep.FollowUpsDue[0])
	}
	f := open(t, write(t, rpt, fixtureIssues))
	rows, _ := f.GetRows("Follow-ups due")
	if len(rows) != 4 || len(rows[3]) == 0 || rows[3][0] != "and 3 more in metrics.json: a sheet holds 4 rows" {
		t.Errorf("rows = %q", rows)
	}
	rows, _ = f.GetRows("Data issues") // fits: header and 2 rows
	if len(rows) != 3 {
		t.Errorf("data issues: %d rows, want 3", len(rows))
	}
}

func TestMoneyFormat(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"USD", `"$"#,##0.00;-"$"#,##0.00`},
		{"", `"$"#,##0.00;-"$"#,##0.00`},
		{"EUR", `"€"#,##0.00;-"€"#,##0.00`},
		{"CHF", `"CHF "#,##0.00;-"CHF "#,##0.00`},
		{`X"Y`, `"XY "#,##0.00;-"XY "#,##0.00`},
	} {
		if got := moneyFormat(c.code); got != c.want {
			t.Errorf("moneyFormat(%q) = %s, want %s", c.code, got, c.want)
		}
	}
}

// excelizeRaw reads a cell's value as stored, without its number format.
var excelizeRaw = excelize.Options{RawCellValue: true}
