package coach

import (
	"slices"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// ruleCase is a rep (steadyRep changed by edit) and the rules that must
// apply to it, in order.
type ruleCase struct {
	name string
	edit func(r *report.Rep)
	th   func(t *Thresholds) // nil: DefaultThresholds
	want []string
}

// setMonth puts October's contacts and commission (cents) in rep.Monthly;
// July–September stay at 120 contacts and $5,784 (4820 cents a contact).
func setMonth(contacts int, commission int64) func(r *report.Rep) {
	return func(r *report.Rep) {
		r.Monthly[11].Contacts, r.Monthly[11].Commission = contacts, repcard.Money(commission)
	}
}

var ruleCases = []ruleCase{
	{name: "steady", edit: func(*report.Rep) {}, want: []string{RuleSteady}},

	// 1 ratio_worse
	{name: "ratio alert", edit: func(r *report.Rep) { r.Alerts = []report.Alert{{Metric: report.MetricContactsPerClose}} }, want: []string{RuleRatioWorse}},
	{name: "ratio alert with no sale", edit: func(r *report.Rep) {
		r.Alerts = []report.Alert{{Metric: report.MetricContactsPerClose}}
		r.Trend.ContactsPerClose = report.TrendValue{Baseline: ok(120.0 / 11)}
		r.Closings, r.Monthly[11].Closings, r.Commission, r.Monthly[11].Commission = 0, 0, 0, 0
		r.ContactsPerClose, r.ValuePerContact = report.Ratio{}, cents(0)
	}, want: []string{RuleRatioWorse, RuleBadMonth}},
	// The report decides: a change with no alert is not a rule.
	{name: "ratio +50 % without an alert", edit: func(r *report.Rep) { r.Trend.ContactsPerClose.ChangePct = ok(50) }, want: []string{RuleSteady}},

	// 2, 3: the last month against the 3 before (4820 cents a contact)
	{name: "value per contact −25 % exactly", edit: setMonth(120, 433800), want: []string{RuleBadMonth}},  // 3615 = 4820 × 0.75
	{name: "value per contact −24.9 %", edit: setMonth(120, 434400), want: []string{RuleSteady}},          // 3620
	{name: "value per contact +25 % exactly", edit: setMonth(120, 723000), want: []string{RuleGoodMonth}}, // 6025 = 4820 × 1.25
	{name: "value per contact +24.9 %", edit: setMonth(120, 722400), want: []string{RuleSteady}},          // 6020
	{name: "good month, fewer contacts", edit: setMonth(60, 361500), want: []string{RuleGoodMonth}},       // 6025 a contact
	{name: "good month after a quarter with nothing", edit: func(r *report.Rep) {
		for i := 8; i < 11; i++ {
			r.Monthly[i].Commission, r.Monthly[i].Closings = 0, 0
		}
	}, want: []string{RuleGoodMonth}},
	{name: "good month that is the best month", edit: func(r *report.Rep) {
		setMonth(120, 723000)(r)
		r.Records.BestMonth = true
	}, want: []string{RuleBestMonth}},
	{name: "bad month with no contact", edit: setMonth(0, 0), want: []string{RuleSteady}},
	{name: "bad month: the 3 months had no contact", edit: func(r *report.Rep) {
		for i := 8; i < 11; i++ {
			r.Monthly[i].Counts = report.Counts{}
		}
	}, want: []string{RuleSteady}},
	{name: "fewer than 4 months", edit: func(r *report.Rep) {
		r.Monthly = r.Monthly[10:]
		r.Monthly[1].Commission = 0
	}, want: []string{RuleSteady}},
	{name: "no commission: sales per contact −30 %", edit: func(r *report.Rep) {
		noCommission(r)
		r.Monthly[11].Closings = 7 // 7/120 against 30/360
		for i := 8; i < 11; i++ {
			r.Monthly[i].Closings = 10
		}
	}, want: []string{RuleBadMonth}},
	{name: "no commission: sales per contact −20 %", edit: func(r *report.Rep) {
		noCommission(r)
		r.Monthly[11].Closings = 8
		for i := 8; i < 11; i++ {
			r.Monthly[i].Closings = 10
		}
	}, want: []string{RuleSteady}},
	{name: "no commission, no sale anywhere", edit: func(r *report.Rep) {
		noCommission(r)
		for i := range r.Monthly {
			r.Monthly[i].Closings = 0
		}
	}, want: []string{RuleSteady}},
	{name: "month swing at a 50 % threshold", edit: setMonth(120, 723000),
		th: func(t *Thresholds) { t.MonthSwingPct = 50 }, want: []string{RuleSteady}},

	// 4 best_month
	{name: "best month", edit: func(r *report.Rep) { r.Records.BestMonth = true }, want: []string{RuleBestMonth}},

	// 5 contacts_down
	{name: "contacts alert", edit: func(r *report.Rep) { r.Alerts = []report.Alert{{Metric: report.MetricContacts}} }, want: []string{RuleContactsDown}},
	{name: "contacts −50 % without an alert", edit: func(r *report.Rep) { r.Trend.Contacts.ChangePct = ok(-50) }, want: []string{RuleSteady}},
	{name: "value alert only", edit: func(r *report.Rep) { r.Alerts = []report.Alert{{Metric: report.MetricValuePerContact}} }, want: []string{RuleSteady}},

	// 6 controllable_losses
	{name: "controllable 2 of 3", edit: func(r *report.Rep) { r.ControllableNos, r.UncontrollableNos = 2, 1 }, want: []string{RuleControllableLosses}},
	{name: "controllable 2 of 2: too few", edit: func(r *report.Rep) { r.ControllableNos, r.UncontrollableNos = 2, 0 }, want: []string{RuleSteady}},
	{name: "controllable 2 of 4: not more", edit: func(r *report.Rep) { r.ControllableNos, r.UncontrollableNos = 2, 2 }, want: []string{RuleSteady}},
	{name: "controllable 5 of 5", edit: func(r *report.Rep) { r.ControllableNos, r.UncontrollableNos = 5, 0 }, want: []string{RuleControllableLosses}},

	// 7 few_referrals
	{name: "referrals 1 of 5", edit: func(r *report.Rep) { r.ExplicitNos, r.ReferralAsks = 5, report.NullInt{V: 1, OK: true} }, want: []string{RuleFewReferrals}},
	{name: "referrals 0 of 4: too few nos", edit: func(r *report.Rep) { r.ExplicitNos, r.ReferralAsks = 4, report.NullInt{V: 0, OK: true} }, want: []string{RuleSteady}},
	{name: "referrals 2 of 8: 25 % is enough", edit: func(r *report.Rep) { r.ExplicitNos, r.ReferralAsks = 8, report.NullInt{V: 2, OK: true} }, want: []string{RuleSteady}},
	{name: "referrals 2 of 9", edit: func(r *report.Rep) { r.ExplicitNos, r.ReferralAsks = 9, report.NullInt{V: 2, OK: true} }, want: []string{RuleFewReferrals}},
	{name: "referrals not tracked", edit: func(r *report.Rep) {
		r.ExplicitNos, r.ReferralAsks = 20, report.NullInt{V: 0, OK: true}
		r.Sources.ReferralAsks = report.SourceNone
		r.ReferralAsks = report.NullInt{}
	}, want: []string{RuleSteady}},

	// 8–10 lists
	{name: "one near miss", edit: func(r *report.Rep) {
		r.NearMissesCount, r.NearMisses = 1, []report.NearMiss{{Prospect: "Zephyr Air", Amount: cents(340000)}}
	}, want: []string{RuleNearMisses}},
	{name: "3 stale maybes", edit: func(r *report.Rep) { r.StaleMaybes = stales(3); r.StaleMaybesCount = 3 }, want: []string{RuleStaleMaybes}},
	{name: "2 stale maybes", edit: func(r *report.Rep) { r.StaleMaybes = stales(2); r.StaleMaybesCount = 2 }, want: []string{RuleSteady}},
	{name: "5 follow-ups due", edit: func(r *report.Rep) { r.FollowUpsDue = followUps(5); r.FollowUpsDueCount = 5 }, want: []string{RuleFollowUpsDue}},
	{name: "4 follow-ups due", edit: func(r *report.Rep) { r.FollowUpsDue = followUps(4); r.FollowUpsDueCount = 4 }, want: []string{RuleSteady}},

	// 11 concentration
	{name: "top deal 50 % of 2", edit: func(r *report.Rep) { r.PipelineTopShare, r.PipelineDeals = ok(0.5), 2 }, want: []string{RuleConcentration}},
	{name: "top deal 49 %", edit: func(r *report.Rep) { r.PipelineTopShare = ok(0.49) }, want: []string{RuleSteady}},
	{name: "top deal 90 % of 1", edit: func(r *report.Rep) { r.PipelineTopShare, r.PipelineDeals = ok(0.9), 1 }, want: []string{RuleSteady}},
	{name: "no pipeline", edit: func(r *report.Rep) { r.PipelineTopShare, r.PipelineDeals = report.Ratio{}, 0 }, want: []string{RuleSteady}},

	// 12 win_streak
	{name: "streak 3", edit: func(r *report.Rep) { r.Records.StreakMonths = 3 }, want: []string{RuleWinStreak}},
	{name: "streak 13", edit: func(r *report.Rep) { r.Records.StreakMonths = 13 }, want: []string{RuleWinStreak}},

	// fallbacks
	{name: "no sale yet", edit: func(r *report.Rep) {
		r.Closings, r.Commission, r.ContactsPerClose, r.ValuePerContact = 0, 0, report.Ratio{}, cents(0)
		r.Rejections = 120
	}, want: []string{RuleNoSaleYet}},
	{name: "no contacts", edit: func(r *report.Rep) {
		r.Counts = report.Counts{}
		r.Monthly[11].Counts = report.Counts{}
	}, want: []string{RuleNoContacts}},
	{name: "all nulls", edit: func(r *report.Rep) { *r = report.Rep{} }, want: []string{RuleNoContacts}},

	// priority
	{name: "everything", edit: func(r *report.Rep) {
		r.Alerts = []report.Alert{{Metric: report.MetricContactsPerClose}, {Metric: report.MetricContacts}}
		setMonth(120, 300000)(r)
		r.Records.BestMonth = true
		r.ControllableNos, r.UncontrollableNos = 5, 1
		r.ExplicitNos, r.ReferralAsks = 12, report.NullInt{V: 1, OK: true}
		r.NearMissesCount, r.NearMisses = 2, []report.NearMiss{{Prospect: "Zephyr Air"}, {Prospect: "Eastgate"}}
		r.StaleMaybes, r.StaleMaybesCount = stales(4), 4
		r.FollowUpsDue, r.FollowUpsDueCount = followUps(6), 6
		r.PipelineTopShare = ok(0.6)
		r.Records.StreakMonths = 14
	}, want: []string{RuleRatioWorse, RuleBadMonth, RuleBestMonth, RuleContactsDown, RuleControllableLosses, RuleFewReferrals,
		RuleNearMisses, RuleStaleMaybes, RuleFollowUpsDue, RuleConcentration, RuleWinStreak}},
	{name: "good month before the habits", edit: func(r *report.Rep) {
		setMonth(120, 800000)(r)
		r.Records.StreakMonths = 5
		r.ExplicitNos, r.ReferralAsks = 12, report.NullInt{V: 1, OK: true}
	}, want: []string{RuleGoodMonth, RuleFewReferrals, RuleWinStreak}},
}

func noCommission(r *report.Rep) {
	r.Commission, r.ValuePerContact = 0, cents(0)
	for i := range r.Monthly {
		r.Monthly[i].Commission = 0
	}
}

func TestSelect(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			r := steadyRep()
			tc.edit(r)
			th := DefaultThresholds()
			if tc.th != nil {
				tc.th(&th)
			}
			if got := Select(r, th); !slices.Equal(got, tc.want) {
				t.Errorf("Select = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSelectEveryRule makes sure the table above has a case where each rule
// fires, and that the order of Select is that of Rules.
func TestSelectEveryRule(t *testing.T) {
	fired := map[string]bool{}
	for _, tc := range ruleCases {
		for _, w := range tc.want {
			fired[w] = true
		}
		idx := make([]int, len(tc.want))
		for i, w := range tc.want {
			idx[i] = slices.Index(Rules(), w)
		}
		if !slices.IsSorted(idx) {
			t.Errorf("%s: %v is not in priority order", tc.name, tc.want)
		}
	}
	for _, r := range Rules() {
		if !fired[r] {
			t.Errorf("no case where %s fires", r)
		}
	}
}

func TestRulesOrder(t *testing.T) {
	want := []string{
		"ratio_worse", "bad_month_good_quarter", "good_month_bad_quarter", "best_month", "contacts_down",
		"controllable_losses", "few_referrals", "near_misses", "stale_maybes", "follow_ups_due",
		"concentration", "win_streak", "steady", "no_sale_yet", "no_contacts",
	}
	if got := Rules(); !slices.Equal(got, want) {
		t.Errorf("Rules() = %v, want %v", got, want)
	}
}

// TestSelectDoesNotChangeRep: Select and NewView only read.
func TestSelectDoesNotChangeRep(t *testing.T) {
	r := steadyRep()
	r.FollowUpsDue, r.FollowUpsDueCount = followUps(6), 6
	before := *r
	fu := slices.Clone(r.FollowUpsDue)
	Select(r, DefaultThresholds())
	NewView(&october, r)
	if !slices.Equal(r.FollowUpsDue, fu) || r.Rep != before.Rep || r.Contacts != before.Contacts {
		t.Error("Select or NewView changed the rep")
	}
}
