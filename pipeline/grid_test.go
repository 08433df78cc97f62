package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// Trackers kept as grids — one row per rep and one column per month, or one
// row per week and one column per rep — read through a whole run with no
// mapping: each filled cell is a tally of its rep and period.
func TestRunGrids(t *testing.T) {
	dir := t.TempDir()
	in := func(name, content string) { writeFile(t, filepath.Join(dir, "inbox", name), content) }
	in("roster.csv", "Rep,Manager,Aliases\nJane Doe,Maria Lopez,J. Doe\nOmar Haddad,Maria Lopez,\n")
	// A "Monthly Sales Activity Tracker": calls, reps down (Jane by her
	// alias), Jan–Dec across, with a Total column and row. Omar's blank
	// September is no data; his 0 in November is a tally of 0.
	in("Calls 2026.csv", "Monthly Sales Activity Tracker\n"+
		"Rep,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Total\n"+
		"J. Doe,,,,,,,,40,50,60,,,150\n"+
		"Omar Haddad,,,,,,,,30,,25,0,,55\n"+
		"Total,,,,,,,,70,50,85,0,,205\n")
	// Sales by week, transposed: weeks down (dated by the day each week
	// ends), reps across.
	in("Sales 2026.csv", "Week ending,Jane Doe,Omar Haddad,Total\n"+
		"09/25/2026,1,,1\n"+
		"10/02/2026,1,0,1\n"+
		"10/09/2026,2,1,3\n"+
		"10/16/2026,,2,2\n"+
		"10/23/2026,1,,1\n"+
		"10/30/2026,0,1,1\n"+
		"Total,5,4,9\n")
	// Revenue by month, transposed (a grid needs 3 periods or more).
	in("Revenue by rep.csv", "Month,Jane Doe,Omar Haddad\n"+
		"Aug 2026,500,\n"+
		"Sep 2026,1000,\n"+
		"Oct 2026,\"3,000.00\",450.50\n")
	cfg := testConfig(t, dir)
	october := repcard.MonthPeriod(repcard.MonthOf(2026, 10))
	res := run(t, cfg, Options{Period: &october})
	if len(res.Batch.Issues) != 0 {
		t.Fatalf("issues: %v", res.Batch.Issues)
	}

	// By hand, October 2026:
	//   Jane: contacts 60 (Calls, Oct); closings 1+2+1+0 = 4 (weeks ending
	//         2, 9, 23 and 30 October; the 16th is blank); revenue 3,000.00.
	//   Omar: contacts 25; closings 0+1+2+1 = 4 (2, 9, 16, 30 October);
	//         revenue 450.50.
	//   Team: contacts 85, closings 8, revenue 3,450.50.
	// September: Jane 50 contacts, 1 closing (week ending the 25th),
	// revenue 1,000.00; Omar has no cell filled: no data.
	reps := map[string]*report.Rep{}
	for i := range res.Report.Reps {
		reps[res.Report.Reps[i].Rep] = &res.Report.Reps[i]
	}
	for name, want := range map[string]struct {
		contacts, closings int
		revenue            repcard.Money
		sepContacts        int
		sepClosings        int
		sepData            bool
	}{
		"Jane Doe":    {60, 4, 300000, 50, 1, true},
		"Omar Haddad": {25, 4, 45050, 0, 0, false},
	} {
		r := reps[name]
		if r == nil {
			t.Fatalf("no rep %s in %v", name, res.Report.Reps)
		}
		if r.Contacts != want.contacts || r.Closings != want.closings || r.Revenue != want.revenue {
			t.Errorf("%s October: contacts %d closings %d revenue %v, want %d %d %v", name, r.Contacts, r.Closings, r.Revenue, want.contacts, want.closings, want.revenue)
		}
		sep := r.Monthly[len(r.Monthly)-2]
		if sep.Month != "2026-09" || sep.Contacts != want.sepContacts || sep.Closings != want.sepClosings || sep.HasData != want.sepData {
			t.Errorf("%s September: %+v", name, sep)
		}
		if r.Sources.Contacts != report.SourceActivities || r.Sources.Closings != report.SourceActivities {
			t.Errorf("%s sources %+v, want tallies", name, r.Sources)
		}
	}
	if len(reps) != 2 {
		t.Errorf("reps %v, want Jane Doe and Omar Haddad only (J. Doe is Jane)", res.Report.Reps)
	}
	m := readMetrics(t, filepath.Join(res.Dir, "metrics.json"))
	if m.Team.Contacts != 85 || m.Team.Closings != 8 {
		t.Errorf("metrics.json team contacts %d closings %d, want 85 and 8", m.Team.Contacts, m.Team.Closings)
	}
	for _, in := range res.Report.Inputs {
		want := map[string]string{
			"Calls 2026.csv":     "grid: reps × months, measure calls",
			"Sales 2026.csv":     "grid: weeks × reps, measure sales",
			"Revenue by rep.csv": "grid: months × reps, measure revenue",
		}[in.File]
		if want != "" && (in.Kind != repcard.KindTallies || in.Mapping != want) {
			t.Errorf("%s: %s by %q, want tallies by %q", in.File, in.Kind, in.Mapping, want)
		}
	}
}
