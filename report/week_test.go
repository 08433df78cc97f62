package report

import (
	"testing"

	"github.com/repcard/repcard"
)

// weekBuilder has Jane's daily tallies: 4 weeks (2026-W39..W42) of 10
// contacts and 2 sales each, then 2026-W43 with contacts on Monday and
// Wednesday and one sale.
func weekBuilder(w43contacts, w43sales int) *Builder {
	b := NewBuilder(testConfig())
	b.TrackWeeks()
	for _, d := range []string{"2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12"} {
		r := tally("Jane Doe", d, 10, 2)
		b.Add(&r)
	}
	r := tally("Jane Doe", "2026-10-19", w43contacts-2, w43sales)
	b.Add(&r)
	r = tally("Jane Doe", "2026-10-21", 2, 0)
	b.Add(&r)
	r = tally("Jane Doe", "2026-10-25", 0, 0) // the data reaches Sunday
	b.Add(&r)
	return b
}

func TestWeekAlerts(t *testing.T) {
	for _, tc := range []struct {
		name             string
		contacts, sales  int
		minContacts      int
		ratioPct, downPc float64
		want             []Metric
	}{
		// 12 contacts a sale against 5 (40 / 8): +140 %.
		{"ratio worse", 12, 1, 10, 30, 30, []Metric{MetricContactsPerClose}},
		// 6 contacts against a 4-week mean of 10: −40 %; 3 a sale against 5: better.
		{"contacts down", 6, 2, 5, 30, 30, []Metric{MetricContacts}},
		{"too few contacts", 6, 2, 10, 30, 30, nil},
		{"threshold off", 12, 1, 10, 0, 30, nil},
		// No sale after 12 contacts: even one would be 12 a sale, +140 %.
		{"no sale", 12, 0, 10, 30, 30, []Metric{MetricContactsPerClose}},
	} {
		b := weekBuilder(tc.contacts, tc.sales)
		b.cfg.Alerts.WeekMinContacts, b.cfg.Alerts.WeekRatioWorsePct = tc.minContacts, tc.ratioPct
		b.cfg.Alerts.WeekContactsDownPct, b.cfg.Alerts.WeekValueDownPct = tc.downPc, 0
		p, ok := b.DefaultWeek()
		if !ok || p.Label() != "2026-W43" {
			t.Fatalf("DefaultWeek = %s %v", p.Label(), ok)
		}
		rpt := b.BuildWeek(p)
		jane := rpt.Reps[0]
		var got []Metric
		for _, a := range jane.Alerts {
			got = append(got, a.Metric)
		}
		if len(got) != len(tc.want) || len(got) > 0 && got[0] != tc.want[0] {
			t.Errorf("%s: alerts %v, want %v (%+v)", tc.name, jane.Alerts, tc.want, jane.Trend)
		}
		if jane.Contacts != tc.contacts || jane.Closings != tc.sales {
			t.Errorf("%s: %d contacts %d sales", tc.name, jane.Contacts, jane.Closings)
		}
		if b := jane.Trend.Contacts.Baseline; b != (Ratio{10, true}) {
			t.Errorf("%s: baseline %v", tc.name, b)
		}
	}
	// The messages say 4-week.
	b := weekBuilder(12, 1)
	b.cfg.Alerts.WeekRatioWorsePct, b.cfg.Alerts.WeekMinContacts = 30, 10
	rpt := b.BuildWeek(mustPeriod("2026-W43"))
	if a := rpt.Reps[0].Alerts; len(a) != 1 || a[0].Message != "Contacts per sale 12.0, worse than your 4-week 5.0 (+140 %)" {
		t.Errorf("alerts = %+v", a)
	}
}

// DefaultWeek is the newest week whose Sunday the data reaches.
func TestDefaultWeek(t *testing.T) {
	for _, tc := range []struct{ last, want string }{
		{"2026-10-25", "2026-W43"}, // a Sunday
		{"2026-10-24", "2026-W42"}, // Saturday: W43 is not whole
		{"2026-10-26", "2026-W43"},
		{"2021-01-03", "2020-W53"},
		{"2027-01-03", "2026-W53"},
	} {
		b := NewBuilder(testConfig())
		r := act("Jane Doe", tc.last, "call", "")
		b.Add(&r)
		if p, ok := b.DefaultWeek(); !ok || p.Label() != tc.want || p.Kind != repcard.PeriodWeek {
			t.Errorf("data to %s: DefaultWeek = %s, want %s", tc.last, p.Label(), tc.want)
		}
	}
	if _, ok := NewBuilder(testConfig()).DefaultWeek(); ok {
		t.Error("DefaultWeek of no data")
	}
}

// A Builder counts by day only when asked: a monthly run pays nothing for
// weeks, and BuildWeek without TrackWeeks is a mistake said at once.
func TestTrackWeeksOptIn(t *testing.T) {
	b := NewBuilder(testConfig())
	r := act("Jane Doe", "2026-10-20", "call", "Acme")
	b.Add(&r)
	if len(b.week.days) != 0 || b.week.idx != nil {
		t.Errorf("an untracked Builder counted %d days", len(b.week.days))
	}
	defer func() {
		if recover() == nil {
			t.Error("BuildWeek without TrackWeeks did not panic")
		}
	}()
	b.BuildWeek(mustPeriod("2026-W43"))
}
