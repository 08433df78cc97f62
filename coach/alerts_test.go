package coach

import (
	"slices"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/report"
)

// tallyRep returns the rep report of a rep with July–September 2026 at 100
// contacts, 10 closings and $1,000 commission a month, and October at the
// numbers given, built by report with the config's alert thresholds.
func tallyRep(t *testing.T, alerts config.Alerts, contacts, closings int, commissionCents int64) *report.Rep {
	t.Helper()
	cfg := config.Default()
	cfg.Currency, cfg.Alerts = "USD", alerts
	b := report.NewBuilder(cfg)
	add := func(month time.Month, contacts, closings int, commission int64) {
		b.Add(&repcard.Record{
			Kind: repcard.KindTallies, Rep: "Jane Doe", Date: repcard.MakeDate(2026, month, 15),
			Contacts: contacts, Closings: closings, HasClosings: true,
			Commission: repcard.Money(commission), HasCommission: true,
		})
	}
	for _, m := range []time.Month{time.July, time.August, time.September} {
		add(m, 100, 10, 100000)
	}
	add(time.October, contacts, closings, commissionCents)
	p, err := repcard.ParsePeriod("2026-10")
	if err != nil {
		t.Fatal(err)
	}
	r := b.Build(p)
	if len(r.Reps) != 1 {
		t.Fatalf("%d reps, want 1", len(r.Reps))
	}
	return &r.Reps[0]
}

// ratio_worse and contacts_down fire exactly when the report says their
// alert threshold was crossed: at the threshold, not just inside it, at
// whatever thresholds the config sets. Hand-computed against contacts per
// close 10 and a contacts mean of 100.
func TestSelectFollowsReportAlerts(t *testing.T) {
	defaults := config.Default().Alerts // 20 / 25
	tests := []struct {
		name                     string
		alerts                   config.Alerts
		contacts, closings       int
		ratioWorse, contactsDown bool
	}{
		{"contacts per close +20 % exactly", defaults, 120, 10, true, false}, // 12 vs 10
		{"contacts per close +19 %", defaults, 119, 10, false, false},        // 11.9
		{"contacts per close +21 %", defaults, 121, 10, true, false},         // 12.1
		{"contacts per close +21 % at a 25 % threshold", config.Alerts{RatioWorsePct: 25, ContactsDownPct: 25}, 121, 10, false, false},
		{"contacts per close +20 % with the alert off", config.Alerts{ContactsDownPct: 25}, 120, 10, false, false},
		{"contacts −25 % exactly", defaults, 75, 8, false, true}, // 75 vs 100; 9.375 per close
		{"contacts −24 %", defaults, 76, 8, false, false},
		{"contacts −26 %", defaults, 74, 8, false, true},
		{"contacts −26 % at a 30 % threshold", config.Alerts{RatioWorsePct: 20, ContactsDownPct: 30}, 74, 8, false, false},
		{"contacts −26 % with the alert off", config.Alerts{RatioWorsePct: 20}, 74, 8, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := tallyRep(t, tc.alerts, tc.contacts, tc.closings, int64(tc.contacts)*1000) // $10.00 a contact
			got := Select(rep, DefaultThresholds())
			if slices.Contains(got, RuleRatioWorse) != tc.ratioWorse || slices.Contains(got, RuleContactsDown) != tc.contactsDown {
				t.Errorf("Select = %v, want ratio_worse %v, contacts_down %v (alerts %v)", got, tc.ratioWorse, tc.contactsDown, rep.Alerts)
			}
			if rep.Alerted(report.MetricContactsPerClose) != tc.ratioWorse || rep.Alerted(report.MetricContacts) != tc.contactsDown {
				t.Errorf("the report's alerts %v disagree with the case", rep.Alerts)
			}
		})
	}
}
