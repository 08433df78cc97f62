package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// Two home-made trackers with grouped two-row headers, subtotal rows,
// month labels and computed columns, read through the pipeline with no
// mapping: the numbers per rep are the hand-computed ones and no rep is
// named "Subtotal".
func TestRunGroupedHeaderTrackers(t *testing.T) {
	inbox := map[string]string{}
	inbox["weekly tracker.csv"] = "Weekly activity tracker — Q4 2026\n\n" +
		",,Phone activity,,,Face-to-face,,Revenue,,,\n" +
		"Week,Rep,Dials,Contacts,Appts,Meetings,Closes,New,Existing,Total,Conversion %\n" +
		"October,,,,,,,,,,\n" +
		"2026-10-05,Ann Lee,120,30,6,5,2,1000,500,1500,40%\n" +
		"2026-10-05,Bob Ray,80,20,4,3,1,0,800,800,33%\n" +
		"2026-10-12,Ann Lee,100,25,5,4,1,700,0,700,25%\n" +
		"2026-10-12,Subtotal,300,75,15,12,4,1700,1300,3000,\n" +
		"November,,,,,,,,,,\n" +
		"2026-11-02,Bob Ray,90,22,3,6,2,1200,300,1500,33%\n" +
		"Month total,,90,22,3,6,2,1200,300,1500,\n"
	inbox["daily sales.csv"] = ",,Calls,,Deals,,Revenue,\n" +
		"Date,Rep,Made,Connected,Won,Lost,Amount,Target\n" +
		"2026-10-01,Ann Lee,40,10,1,2,900,1000\n" +
		"2026-10-01,Bob Ray,35,8,0,3,,1000\n" +
		"2026-10-02,Ann Lee,30,9,2,1,\"1,250.50\",1000\n" +
		"Total October,,105,27,3,6,2150.50,3000\n"
	dir := t.TempDir()
	for name, content := range inbox {
		writeFile(t, filepath.Join(dir, "inbox", name), content)
	}
	cfg := testConfig(t, dir)
	october := repcard.MonthPeriod(repcard.MonthOf(2026, 10))
	res := run(t, cfg, Options{Period: &october})

	if len(res.Batch.Issues) != 0 {
		t.Errorf("issues %v, want none", res.Batch.Issues)
	}
	for _, input := range res.Batch.Inputs {
		if input.Kind != repcard.KindTallies || input.LeftOut != 0 {
			t.Errorf("%s: kind %s, %d left out; want tallies, none", input.File, input.Kind, input.LeftOut)
		}
	}
	reps := map[string]*report.Rep{}
	for i := range res.Report.Reps {
		reps[res.Report.Reps[i].Rep] = &res.Report.Reps[i]
	}
	if len(reps) != 2 {
		names := make([]string, 0, len(reps))
		for name := range reps {
			names = append(names, name)
		}
		t.Fatalf("reps %q, want Ann Lee and Bob Ray only", names)
	}
	for _, c := range []struct {
		rep                string
		contacts, closings int
		revenue            repcard.Money
	}{
		// Ann, October. Weekly: phone contacts + meetings (30+5, 25+4),
		// closes 2+1, revenue totals 1,500 + 700. Daily: connected calls
		// 10 + 9, won 1 + 2, amounts 900 + 1,250.50.
		{"Ann Lee", 35 + 29 + 10 + 9, 2 + 1 + 1 + 2, 150_000 + 70_000 + 90_000 + 125_050},
		// Bob, October (his November week is out of the period). Weekly:
		// 20 + 3 contacts, 1 close, 800. Daily: 8 connected, none won.
		{"Bob Ray", 20 + 3 + 8, 1, 80_000},
	} {
		r := reps[c.rep]
		if r == nil {
			t.Errorf("no rep %s", c.rep)
			continue
		}
		if r.Contacts != c.contacts || r.Closings != c.closings || r.Revenue != c.revenue {
			t.Errorf("%s: contacts %d, closings %d, revenue %v; want %d, %d, %v",
				c.rep, r.Contacts, r.Closings, r.Revenue, c.contacts, c.closings, c.revenue)
		}
	}
}
