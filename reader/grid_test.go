package reader

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in         string
		ok         bool
		y, m, d    int
		iso, week  bool
		monthLabel bool
	}{
		{in: "Jan 2026", ok: true, y: 2026, m: 1, monthLabel: true},
		{in: "Feb", ok: true, m: 2, monthLabel: true},
		{in: "March", ok: true, m: 3, monthLabel: true},
		{in: "2026-03", ok: true, y: 2026, m: 3, monthLabel: true},
		{in: "03/2026", ok: true, y: 2026, m: 3, monthLabel: true},
		{in: "Sept-26", ok: true, y: 2026, m: 9, monthLabel: true},
		{in: "Oct 15", ok: true, m: 10, d: 15},
		{in: "5-Oct", ok: true, m: 10, d: 5},
		{in: "Week 1", ok: true, d: 1, iso: true},
		{in: "W42", ok: true, d: 42, iso: true},
		{in: "2026-W42", ok: true, y: 2026, d: 42, iso: true},
		{in: "Week ending 10/09/2026", ok: true, y: 2026, m: 10, d: 9, week: true},
		{in: "W/E 5-Oct", ok: true, m: 10, d: 5, week: true},
		{in: "2026-10-05", ok: true, y: 2026, m: 10, d: 5},
		{in: "Total"}, {in: "Rep"}, {in: "Q1"}, {in: "12"}, {in: "2026"}, {in: "Wednesday"}, {in: "Mayor"},
	} {
		p, ok := parsePeriod(tc.in, cell.MDY)
		if ok != tc.ok || ok && (p.y != tc.y || p.m != tc.m || p.d != tc.d || p.iso != tc.iso || p.week != tc.week || p.isMonth() != tc.monthLabel) {
			t.Errorf("parsePeriod(%q) = %+v, %v", tc.in, p, ok)
		}
	}
	if got := isoWeekMonday(2026, 42); got != d(2026, time.October, 12) {
		t.Errorf("Monday of 2026-W42 = %s, want 2026-10-12", got)
	}
	if got := isoWeekMonday(2026, 1); got != d(2025, time.December, 29) {
		t.Errorf("Monday of 2026-W01 = %s, want 2025-12-29", got)
	}
}

func TestMeasureIn(t *testing.T) {
	for in, want := range map[string]string{
		"Calls 2026": "calls", "Monthly Sales Activity Tracker": "", "Sales per rep": "sales",
		"Revenue by rep": "revenue", "Sales ($)": "revenue", "Weekly calls": "calls", "Sales 2026": "sales",
		"Meetings booked": "meetings", "Deals won": "sales", "sales-tracker-2026": "", "Team": "",
	} {
		m, _ := measureIn(in)
		if m.name != want {
			t.Errorf("measureIn(%q) = %q, want %q", in, m.name, want)
		}
	}
}

// gridCell is one tally a grid must give.
type gridCell struct {
	rep   string
	date  repcard.Date
	value int64 // contacts, closings, or amount in cents, by the measure
}

func checkGrid(t *testing.T, res readResult, file, sheet, how string, f field, want []gridCell) {
	t.Helper()
	in := res.input(file, sheet)
	if in.Kind != repcard.KindTallies || in.Mapping != how || in.Used != len(want) || in.LeftOut != 0 {
		t.Fatalf("%s %s: input %+v, want tallies by %q, %d used\n%s", file, sheet, in, how, len(want), issueList(res.batch))
	}
	var got []repcard.Record
	for _, r := range res.byKind(repcard.KindTallies) {
		if r.Src.File == file && r.Src.Sheet == sheet {
			got = append(got, r)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i, w := range want {
		r := got[i]
		v := map[field]int64{fContacts: int64(r.Contacts), fClosings: int64(r.Closings), fAmount: int64(r.Amount)}[f]
		if r.Rep != w.rep || r.Date != w.date || v != w.value ||
			f == fClosings && !r.HasClosings || f == fAmount && !r.HasAmount {
			t.Errorf("%s record %d: %s %s contacts %d closings %d (%v) amount %v (%v), want %+v",
				file, i, r.Rep, r.Date, r.Contacts, r.Closings, r.HasClosings, r.Amount, r.HasAmount, w)
		}
	}
}

const gridRoster = "Rep,Manager,Aliases\nJane Doe,Maria Lopez,J. Doe\nOmar Haddad,Maria Lopez,\n"

// TestReadGridMonthsAcross: two month trackers with reps down. The xlsx is
// a "Monthly Sales Activity Tracker" template: the tracker's name, then the
// measure and year ("Calls 2026") above the header, Jan–Dec and a Total
// across, a Total row; an alias of the roster, a blank cell (no tally) and
// a 0 (a tally of 0). The CSV names its months with their year and its
// measure in the file name.
func TestReadGridMonthsAcross(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"roster.csv":        gridRoster,
		"Sales per rep.csv": "Sales rep,Jan 2026,Feb 2026,Mar 2026,Total\nJane Doe,3,,2,5\nOmar Haddad,0,1,4,5\nTotal,3,1,6,10\n",
	})
	months := []any{"Rep", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Total"}
	writeXLSX(t, filepath.Join(dir, "tracker.xlsx"), false, xlsxSheet{name: "Team", rows: [][]any{
		{"Monthly Sales Activity Tracker"},
		{"Calls 2026"},
		months,
		{"J. Doe", 120, 98, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 218},
		{"Omar Haddad", 80, 0, 75, nil, nil, nil, nil, nil, nil, nil, nil, nil, 155},
		{"Total", 200, 98, 75, nil, nil, nil, nil, nil, nil, nil, nil, nil, 373},
	}})
	res := read(t, dir, nil)
	m := func(mo time.Month) repcard.Date { return d(2026, mo, 1) }
	checkGrid(t, res, "tracker.xlsx", "Team", "grid: reps × months, measure calls", fContacts, []gridCell{
		{"Jane Doe", m(1), 120}, {"Jane Doe", m(2), 98},
		{"Omar Haddad", m(1), 80}, {"Omar Haddad", m(2), 0}, {"Omar Haddad", m(3), 75},
	})
	checkGrid(t, res, "Sales per rep.csv", "", "grid: reps × months, measure sales", fClosings, []gridCell{
		{"Jane Doe", m(1), 3}, {"Jane Doe", m(3), 2},
		{"Omar Haddad", m(1), 0}, {"Omar Haddad", m(2), 1}, {"Omar Haddad", m(3), 4},
	})
	if in := res.input("tracker.xlsx", "Team"); in.HeaderRow != 3 || in.Skipped != 3 {
		t.Errorf("header row %d, skipped %d; want 3 and 3 (two title rows, the Total row)", in.HeaderRow, in.Skipped)
	}
}

// TestReadGridWeeksAcross: a "Weekly calls" sheet with Week ending columns,
// and a CSV of ISO weeks (W40…) whose year and measure are in its title row.
func TestReadGridWeeksAcross(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"roster.csv":   gridRoster,
		"meetings.csv": "Meetings booked 2026\nName,W40,W41,W42,Total\nJane Doe,2,3,,5\nOmar Haddad,1,,4,5\n",
		"weekly.csv":   "Rep,Week ending 10/02/2026,Week ending 10/09/2026,Week ending 10/16/2026,Week ending 10/23/2026\nJane Doe,10,12,0,9\nOmar Haddad,7,,8,\n",
	})
	res := read(t, dir, nil)
	oct := func(day int) repcard.Date { return d(2026, time.October, day) }
	// W40 of 2026 starts Monday 28 September, W41 on 5 October, W42 on 12 October.
	checkGrid(t, res, "meetings.csv", "", "grid: reps × weeks, measure meetings", fContacts, []gridCell{
		{"Jane Doe", d(2026, time.September, 28), 2}, {"Jane Doe", oct(5), 3},
		{"Omar Haddad", d(2026, time.September, 28), 1}, {"Omar Haddad", oct(12), 4},
	})
	// The sheet is named after its measure by its file name: "weekly" is
	// none, so this one is refused; named Weekly calls it is read.
	in := res.input("weekly.csv", "")
	if in.Kind != repcard.KindNone || in.NotRead != repcard.NotReadSalesData || !strings.Contains(in.Reason, "no measure") {
		t.Fatalf("weekly.csv: %+v, want a grid refused for want of a measure", in)
	}
	writeFiles(t, dir, map[string]string{"Weekly calls.csv": "Rep,Week ending 10/02/2026,Week ending 10/09/2026,Week ending 10/16/2026,Week ending 10/23/2026\nJane Doe,10,12,0,9\nOmar Haddad,7,,8,\n"})
	res = read(t, dir, nil)
	checkGrid(t, res, "Weekly calls.csv", "", "grid: reps × weeks, measure calls", fContacts, []gridCell{
		{"Jane Doe", oct(2), 10}, {"Jane Doe", oct(9), 12}, {"Jane Doe", oct(16), 0}, {"Jane Doe", oct(23), 9},
		{"Omar Haddad", oct(2), 7}, {"Omar Haddad", oct(16), 8},
	})
}

// TestReadGridTransposed: periods down, reps across. A "Revenue by rep"
// sheet of months (Excel month headers typed as dates, the 1st of each
// month) with a Total column and row; a "Sales 2026" CSV of weeks named by
// their Monday (5-Oct), with no roster.
func TestReadGridTransposed(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"roster.csv": gridRoster})
	first := func(mo time.Month) time.Time { return time.Date(2026, mo, 1, 0, 0, 0, 0, time.UTC) }
	writeXLSX(t, filepath.Join(dir, "revenue.xlsx"), false, xlsxSheet{name: "Revenue by rep", rows: [][]any{
		{"Month", "Jane Doe", "Omar Haddad", "Total"},
		{first(time.August), 1200.5, 800, 2000.5},
		{first(time.September), nil, 0, 0},
		{first(time.October), 3000, 450.25, 3450.25},
		{"Total", 4200.5, 1250.25, 5450.75},
	}})
	res := read(t, dir, nil)
	m := func(mo time.Month) repcard.Date { return d(2026, mo, 1) }
	checkGrid(t, res, "revenue.xlsx", "Revenue by rep", "grid: months × reps, measure revenue", fAmount, []gridCell{
		{"Jane Doe", m(8), 120050}, {"Omar Haddad", m(8), 80000},
		{"Omar Haddad", m(9), 0},
		{"Jane Doe", m(10), 300000}, {"Omar Haddad", m(10), 45025},
	})

	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{"Sales 2026.csv": "Week,Ana Ruiz,Ben Cho,Total\n28-Sep,1,0,1\n5-Oct,2,,2\n12-Oct,0,3,3\nTotal,3,3,6\n"})
	res = read(t, dir, nil)
	checkGrid(t, res, "Sales 2026.csv", "", "grid: weeks × reps, measure sales", fClosings, []gridCell{
		{"Ana Ruiz", d(2026, time.September, 28), 1}, {"Ben Cho", d(2026, time.September, 28), 0},
		{"Ana Ruiz", d(2026, time.October, 5), 2},
		{"Ana Ruiz", d(2026, time.October, 12), 0}, {"Ben Cho", d(2026, time.October, 12), 3},
	})
}

// TestReadGridRefused: a grid with no measure named, and one of bare months
// with no year, are sheets not read (sales data), saying what to do. Shapes
// that are no grid stay what they were: a product × month sheet, names not
// on the roster, months with text in the cells, a long tally table.
func TestReadGridRefused(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"roster.csv":          gridRoster,
		"tracker.csv":         "Rep,Jan,Feb,Mar\nJane Doe,1,2,3\nOmar Haddad,4,5,6\n",
		"calls.csv":           "Rep,Jan,Feb,Mar\nJane Doe,1,2,3\nOmar Haddad,4,5,6\n",
		"calls 2026.csv":      "Rep,Nov,Dec,Jan\nJane Doe,1,2,3\nOmar Haddad,4,5,6\n",
		"sales 2026.csv":      "Product,Jan,Feb,Mar\nWidget A,1,2,3\nWidget B,4,5,6\n",
		"acme calls 2026.csv": "Rep,Jan,Feb,Mar\nAcme Corp,1,2,3\nGlobex,4,5,6\n",
		"meetings 2026.csv":   "Rep,Jan,Feb,Mar\nJane Doe,yes,no,3\nOmar Haddad,4,5,6\n",
		"tally.csv":           "Rep,Date,Calls,Sales\nJane Doe,2026-10-01,5,1\nJane Doe,2026-10-02,4,0\n",
	})
	res := read(t, dir, nil)
	for file, want := range map[string]string{
		"tracker.csv": "a grid with months across, but no measure named in the title or sheet name",
		"calls.csv":   "a grid with months across named without a year",
	} {
		in := res.input(file, "")
		if in.Kind != repcard.KindNone || in.NotRead != repcard.NotReadSalesData || !strings.HasPrefix(in.Reason, want) || in.Suggest != "" {
			t.Errorf("%s: %+v, want not read: %q", file, in, want)
		}
	}
	// Nov and Dec 2026, then January of the next year.
	checkGrid(t, res, "calls 2026.csv", "", "grid: reps × months, measure calls", fContacts, []gridCell{
		{"Jane Doe", d(2026, time.November, 1), 1}, {"Jane Doe", d(2026, time.December, 1), 2}, {"Jane Doe", d(2027, time.January, 1), 3},
		{"Omar Haddad", d(2026, time.November, 1), 4}, {"Omar Haddad", d(2026, time.December, 1), 5}, {"Omar Haddad", d(2027, time.January, 1), 6},
	})
	for _, f := range []string{"sales 2026.csv", "acme calls 2026.csv", "meetings 2026.csv"} {
		if in := res.input(f, ""); in.Kind != repcard.KindNone || strings.Contains(in.Reason, "grid") {
			t.Errorf("%s: %+v, want no grid", f, in)
		}
	}
	if in := res.input("tally.csv", ""); in.Kind != repcard.KindTallies || in.Mapping != "synonyms" || in.Used != 2 {
		t.Errorf("tally.csv: %+v, want tallies by synonyms", in)
	}
}
