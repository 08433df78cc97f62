package report

import (
	"math/big"
	"slices"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Every case has July–September at 100 contacts, 10 closings and 1,000.00
// commission a month: contacts per close 10, contacts mean 100, value per
// contact 10.00. October is the case's; the thresholds are 20 / 25 / 25
// unless the case changes them.
var alertCases = []struct {
	name               string
	contacts, closings int
	commission         float64
	alerts             func(a *config.Alerts) // nil: 20 / 25 / 25
	want               []Metric
}{
	{"contacts per close +20 % exactly", 120, 10, 1200, nil, []Metric{MetricContactsPerClose}}, // 12 vs 10
	{"contacts per close +19 %", 119, 10, 1190, nil, nil},                                      // 11.9
	{"contacts per close +21 %", 121, 10, 1210, nil, []Metric{MetricContactsPerClose}},         // 12.1
	{"contacts per close +21 % at 25 %", 121, 10, 1210, func(a *config.Alerts) { a.RatioWorsePct = 25 }, nil},
	{"contacts per close +20 % turned off", 120, 10, 1200, func(a *config.Alerts) { a.RatioWorsePct = 0 }, nil},
	{"contacts −25 % exactly", 75, 8, 750, nil, []Metric{MetricContacts}}, // 75 vs 100; 9.375 per close
	{"contacts −24 %", 76, 8, 760, nil, nil},
	{"contacts −26 %", 74, 8, 740, nil, []Metric{MetricContacts}},
	{"contacts −26 % at 30 %", 74, 8, 740, func(a *config.Alerts) { a.ContactsDownPct = 30 }, nil},
	{"value per contact −25 % exactly", 100, 10, 750, nil, []Metric{MetricValuePerContact}}, // 7.50 vs 10.00
	{"value per contact −24.9 %", 100, 10, 751, nil, nil},                                   // 7.51
	{"value per contact −25.1 %", 100, 10, 749, nil, []Metric{MetricValuePerContact}},       // 7.49
	// No sale: one sale would give 12 / 1 = 10 × 1.2 exactly. Contacts
	// (−88 %) and value per contact (0.00, −100 %) cross too.
	{"no sale, one sale would be +20 % exactly", 12, 0, 0, nil, []Metric{MetricContactsPerClose, MetricContacts, MetricValuePerContact}},
	{"no sale, one sale would be +10 %", 11, 0, 0, nil, []Metric{MetricContacts, MetricValuePerContact}},
	{"no sale, one sale would be +30 %", 13, 0, 0, nil, []Metric{MetricContactsPerClose, MetricContacts, MetricValuePerContact}},
}

// Report says which alert thresholds the last month crossed: at exactly the
// threshold it is crossed, just inside it is not.
func TestAlerted(t *testing.T) {
	for _, tc := range alertCases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig()
			if tc.alerts != nil {
				tc.alerts(&cfg.Alerts)
			}
			var recs []repcard.Record
			for _, d := range []string{"2026-07-15", "2026-08-15", "2026-09-15"} {
				recs = append(recs, tally("A", d, 100, 10, com(1000)))
			}
			recs = append(recs, tally("A", "2026-10-15", tc.contacts, tc.closings, com(tc.commission)))
			rep := &buildReport(cfg, "2026-10", recs).Reps[0]
			for _, m := range []Metric{MetricContactsPerClose, MetricContacts, MetricValuePerContact} {
				if got, want := rep.Alerted(m), slices.Contains(tc.want, m); got != want {
					t.Errorf("Alerted(%s) = %v, want %v (alerts %v)", m, got, want, rep.Alerts)
				}
			}
			if len(rep.Alerts) != len(tc.want) {
				t.Errorf("%d alerts, want %d", len(rep.Alerts), len(tc.want))
			}
		})
	}
}

// The threshold comparisons are exact: a change of exactly the threshold
// crosses it, the nearest smaller one does not.
func TestCrossed(t *testing.T) {
	just := func(n, d int64) *big.Rat { return big.NewRat(n, d) }
	tests := []struct {
		name      string
		fn        func(*big.Rat, float64) bool
		change    *big.Rat
		threshold float64
		want      bool
	}{
		{"up at", crossedUp, just(20, 1), 20, true},
		{"up a millionth below", crossedUp, just(19_999_999, 1_000_000), 20, false},
		{"up a millionth above", crossedUp, just(20_000_001, 1_000_000), 20, true},
		{"up undefined", crossedUp, nil, 20, false},
		{"up turned off", crossedUp, just(500, 1), 0, false},
		{"up, but down", crossedUp, just(-30, 1), 20, false},
		{"down at", crossedDown, just(-25, 1), 25, true},
		{"down a millionth inside", crossedDown, just(-24_999_999, 1_000_000), 25, false},
		{"down a millionth beyond", crossedDown, just(-25_000_001, 1_000_000), 25, true},
		{"down undefined", crossedDown, nil, 25, false},
		{"down turned off", crossedDown, just(-100, 1), 0, false},
		{"down, but up", crossedDown, just(30, 1), 25, false},
	}
	for _, tc := range tests {
		if got := tc.fn(tc.change, tc.threshold); got != tc.want {
			t.Errorf("%s: %v at %v = %v, want %v", tc.name, tc.change, tc.threshold, got, tc.want)
		}
	}
}

// A month with contacts and no sale crosses when contacts ≥ baseline
// contacts per close × (1 + threshold / 100).
func TestNoSaleCrossed(t *testing.T) {
	base := &tot{contacts: 300, closings: 30, pClosings: 30} // 10 per close
	tests := []struct {
		contacts, closings int64
		threshold          float64
		want               bool
	}{
		{12, 0, 20, true},  // 12 ≥ 12
		{11, 0, 20, false}, // 11 < 12
		{13, 0, 20, true},
		{15, 0, 50, true},  // 15 ≥ 15
		{14, 0, 50, false}, // 14 < 15
		{12, 0, 0, false},  // turned off
		{0, 0, 20, false},  // no contacts
		{40, 1, 20, false}, // a sale: the ratio decides, not this
	}
	for _, tc := range tests {
		cur := &tot{contacts: tc.contacts, closings: tc.closings, pClosings: tc.closings}
		if got := noSaleCrossed(cur, base, tc.threshold); got != tc.want {
			t.Errorf("%d contacts, %d closings at %v %%: %v, want %v", tc.contacts, tc.closings, tc.threshold, got, tc.want)
		}
	}
}
