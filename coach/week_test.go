package coach

import (
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// A week report's coaching speaks of the week and the 4 weeks before it,
// and never of a record month or a streak of months.
func TestWeekCoaching(t *testing.T) {
	b := report.NewBuilder(nil)
	b.TrackWeeks()
	add := func(d repcard.Date, contacts, closings int) {
		r := repcard.Record{Kind: repcard.KindTallies, Rep: "Jane Doe", Date: d, Contacts: contacts, Closings: closings, HasClosings: true}
		b.Add(&r)
	}
	mon := repcard.MakeDate(2026, 10, 19) // 2026-W43
	for w := 1; w <= 12; w++ {            // 12 weeks before: 10 contacts, 2 sales each
		add(mon-repcard.Date(7*w), 10, 2)
	}
	add(mon, 24, 1) // 24 a sale against 5: the ratio slipped
	add(mon+6, 0, 0)
	p, _ := repcard.ParsePeriod("2026-W43")
	rpt := b.BuildWeek(p)
	rep := &rpt.Reps[0]
	names := Select(rep, DefaultThresholds())
	if len(names) == 0 || names[0] != RuleRatioWorse {
		t.Fatalf("rules = %v, want ratio_worse first", names)
	}
	for _, n := range names {
		if monthOnly[n] {
			t.Errorf("a week chose the month rule %s", n)
		}
	}
	set, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := set.ForRep(rpt, rep, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "In week 43 it took 24.0 contacts to make a sale, against 5.0 over the 4 weeks before (+380 %)."
	if len(ps) != 1 || !strings.Contains(ps[0].Text, want) {
		t.Errorf("coaching = %+v, want %q", ps, want)
	}
}
