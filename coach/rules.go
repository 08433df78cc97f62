package coach

import (
	"math/big"

	"github.com/repcard/repcard/report"
)

// Thresholds are the numbers at which coach's own rules fire. Start from
// DefaultThresholds and change what you need. ratio_worse and
// contacts_down have none here: they follow the report's alerts, whose
// thresholds are the config's (alerts).
type Thresholds struct {
	MonthSwingPct      float64 // bad_month_good_quarter, good_month_bad_quarter: last month vs the 3 before, per cent
	ReferralRate       float64 // few_referrals: referral asks / explicit nos below this share
	ReferralMinNos     int     // few_referrals: at least this many explicit nos
	ControllableMinNos int     // controllable_losses: at least this many nos classified (controllable + not)
	TopShare           float64 // concentration: largest open deal's share of the pipeline at least this
	TopShareMinDeals   int     // concentration: at least this many open deals
	StreakMonths       int     // win_streak: at least this many months in a row with a closing
	FollowUpsDue       int     // follow_ups_due: at least this many
	StaleMaybes        int     // stale_maybes: at least this many
	NearMisses         int     // near_misses: at least this many
}

// DefaultThresholds returns the thresholds of the rules.
func DefaultThresholds() Thresholds {
	return Thresholds{
		MonthSwingPct:      25,
		ReferralRate:       0.25,
		ReferralMinNos:     5,
		ControllableMinNos: 3,
		TopShare:           0.5,
		TopShareMinDeals:   2,
		StreakMonths:       3,
		FollowUpsDue:       5,
		StaleMaybes:        3,
		NearMisses:         1,
	}
}

// The names of the rules, in priority order. The last three are the
// fallbacks: exactly one of them applies when no other rule does.
const (
	RuleRatioWorse         = "ratio_worse"
	RuleBadMonth           = "bad_month_good_quarter"
	RuleGoodMonth          = "good_month_bad_quarter"
	RuleBestMonth          = "best_month"
	RuleContactsDown       = "contacts_down"
	RuleControllableLosses = "controllable_losses"
	RuleFewReferrals       = "few_referrals"
	RuleNearMisses         = "near_misses"
	RuleStaleMaybes        = "stale_maybes"
	RuleFollowUpsDue       = "follow_ups_due"
	RuleConcentration      = "concentration"
	RuleWinStreak          = "win_streak"
	RuleSteady             = "steady"
	RuleNoSaleYet          = "no_sale_yet"
	RuleNoContacts         = "no_contacts"
)

// eps absorbs the rounding of the pipeline's top share, a float64 ratio, so
// that a share of exactly TopShare counts as reaching it.
const eps = 1e-9

// rule is one coaching rule: a name and the condition under which it
// applies. The fallbacks have no condition here: see fallback.
type rule struct {
	name    string
	applies func(r *report.Rep, th *Thresholds) bool
}

// rules are the non-fallback rules in priority order. The table is never
// written to.
var rules = [...]rule{
	{RuleRatioWorse, func(r *report.Rep, _ *Thresholds) bool { return r.Alerted(report.MetricContactsPerClose) }},
	{RuleBadMonth, func(r *report.Rep, th *Thresholds) bool { return monthSwing(r, th) < 0 }},
	{RuleGoodMonth, func(r *report.Rep, th *Thresholds) bool { return monthSwing(r, th) > 0 && !r.Records.BestMonth }},
	{RuleBestMonth, func(r *report.Rep, _ *Thresholds) bool { return r.Records.BestMonth }},
	{RuleContactsDown, func(r *report.Rep, _ *Thresholds) bool { return r.Alerted(report.MetricContacts) }},
	{RuleControllableLosses, func(r *report.Rep, th *Thresholds) bool {
		return r.ControllableNos > r.UncontrollableNos && r.ControllableNos+r.UncontrollableNos >= th.ControllableMinNos
	}},
	{RuleFewReferrals, func(r *report.Rep, th *Thresholds) bool {
		return r.Sources.ReferralAsks != report.SourceNone && r.ReferralAsks.OK && r.ExplicitNos >= th.ReferralMinNos &&
			float64(r.ReferralAsks.V) < float64(r.ExplicitNos)*th.ReferralRate
	}},
	{RuleNearMisses, func(r *report.Rep, th *Thresholds) bool {
		return r.NearMissesCount > 0 && r.NearMissesCount >= th.NearMisses
	}},
	{RuleStaleMaybes, func(r *report.Rep, th *Thresholds) bool {
		return r.StaleMaybesCount > 0 && r.StaleMaybesCount >= th.StaleMaybes
	}},
	{RuleFollowUpsDue, func(r *report.Rep, th *Thresholds) bool {
		return r.FollowUpsDueCount > 0 && r.FollowUpsDueCount >= th.FollowUpsDue
	}},
	{RuleConcentration, func(r *report.Rep, th *Thresholds) bool {
		return r.PipelineTopShare.OK && r.PipelineTopShare.V >= th.TopShare-eps && r.PipelineDeals >= th.TopShareMinDeals
	}},
	{RuleWinStreak, func(r *report.Rep, th *Thresholds) bool {
		return r.Records.StreakMonths > 0 && r.Records.StreakMonths >= th.StreakMonths
	}},
}

// Rules returns the names of every rule in priority order, the three
// fallbacks last.
func Rules() []string {
	names := make([]string, 0, len(rules)+3)
	for _, r := range rules {
		names = append(names, r.name)
	}
	return append(names, RuleSteady, RuleNoSaleYet, RuleNoContacts)
}

// isFallback reports whether name is one of the fallback rules.
func isFallback(name string) bool {
	return name == RuleSteady || name == RuleNoSaleYet || name == RuleNoContacts
}

// Select returns the names of the rules that apply to rep, in priority
// order. When none applies it returns the one fallback that fits the
// rep's period: steady (a sale), no_sale_yet (contacts, no sale) or
// no_contacts. The result is never empty.
func Select(rep *report.Rep, th Thresholds) []string {
	var names []string
	for _, r := range rules {
		if len(rep.Weekly) > 0 && monthOnly[r.name] {
			continue // week.go
		}
		if r.applies(rep, &th) {
			names = append(names, r.name)
		}
	}
	if len(names) == 0 {
		names = append(names, fallback(rep))
	}
	return names
}

// fallback is the rule that applies when no other does.
func fallback(rep *report.Rep) string {
	switch {
	case rep.Closings > 0:
		return RuleSteady
	case rep.Contacts > 0:
		return RuleNoSaleYet
	}
	return RuleNoContacts
}

// window is the period's last month and the 3 months before it, pooled,
// from rep.Monthly.
type window struct {
	ok                    bool // rep.Monthly has the 4 months
	month, base           report.Counts
	byMoney               bool     // value per contact (else closings per contact)
	monthYield, baseYield *big.Rat // nil unless both stretches have contacts
}

func newWindow(rep *report.Rep) window {
	if len(rep.Weekly) > 0 {
		return newWeekWindow(rep) // week.go
	}
	var w window
	n := len(rep.Monthly)
	if n == 0 {
		return w
	}
	w.month = rep.Monthly[n-1].Counts
	for i := max(0, n-4); i < n-1; i++ {
		c := &rep.Monthly[i].Counts
		w.base.Contacts += c.Contacts
		w.base.Closings += c.Closings
		w.base.Commission += c.Commission
	}
	w.ok = n >= 4
	w.setYields()
	return w
}

// setYields works out what the window compares, from its two stretches:
// value per contact when either earned commission, else closings per
// contact, and only when both have contacts.
func (w *window) setYields() {
	w.byMoney = w.month.Commission > 0 || w.base.Commission > 0
	if w.month.Contacts == 0 || w.base.Contacts == 0 {
		return
	}
	if w.byMoney {
		w.monthYield = big.NewRat(int64(w.month.Commission), int64(w.month.Contacts))
		w.baseYield = big.NewRat(int64(w.base.Commission), int64(w.base.Contacts))
		return
	}
	w.monthYield = big.NewRat(int64(w.month.Closings), int64(w.month.Contacts))
	w.baseYield = big.NewRat(int64(w.base.Closings), int64(w.base.Contacts))
}

// monthSwing compares the last month's value per contact (or closings per
// contact when the four months hold no commission) with the pooled 3
// months before: -1 when it is down by MonthSwingPct or more, +1 when it
// is up by MonthSwingPct or more (or the 3 months had none), else 0. Both
// stretches need contacts.
func monthSwing(rep *report.Rep, th *Thresholds) int {
	w := newWindow(rep)
	if !w.ok || w.monthYield == nil || th.MonthSwingPct < 0 {
		return 0
	}
	scaled := func(r *big.Rat, pct float64) *big.Rat {
		f := new(big.Rat).SetFloat64(100 + pct)
		if f == nil {
			return nil
		}
		f.Quo(f, big.NewRat(100, 1))
		return f.Mul(f, r)
	}
	if w.baseYield.Sign() > 0 {
		if lim := scaled(w.baseYield, -th.MonthSwingPct); lim != nil && w.monthYield.Cmp(lim) <= 0 {
			return -1
		}
	}
	if w.monthYield.Sign() > 0 {
		if lim := scaled(w.baseYield, th.MonthSwingPct); lim != nil && w.monthYield.Cmp(lim) >= 0 {
			return 1
		}
	}
	return 0
}
