package coach

import (
	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

func ok(v float64) report.Ratio { return report.Ratio{V: v, OK: true} }

func cents(c int64) report.NullMoney { return report.NullMoney{V: repcard.Money(c), OK: true} }

// october is the period of most fixtures.
var october = report.Report{Period: report.PeriodJSON{Label: "2026-10", Start: "2026-10-01", End: "2026-10-31"}, Currency: "USD"}

// monthsOf returns the 12 months ending October 2026, each with the
// contacts, closings and commission (cents) given; the last entry of rows
// is October.
func monthsOf(rows [12][3]int64) []report.Month {
	return months(repcard.MonthOf(2026, 10), rows)
}

// flat is 12 equal months.
func flat(contacts, closings, commission int64) [12][3]int64 {
	var rows [12][3]int64
	for i := range rows {
		rows[i] = [3]int64{contacts, closings, commission}
	}
	return rows
}

// steadyRep is Jane Doe's October 2026: 120 contacts, 11 sales, $5,784 of
// commission, and nothing worth a rule: the numbers are those of the 3
// months before, no list is long enough, no record. Only the fallback
// steady applies. Each case of the tests changes one thing.
//
// Hand-computed: value per contact 578400 / 120 = 4820 cents ($48.20); the
// 109 nos paid 109 × 48.20 = $5,253.80, printed $5,254; 120 / 11 = 10.909…,
// printed 10.9.
func steadyRep() *report.Rep {
	r := &report.Rep{
		Rep:     "Jane Doe",
		Sources: report.Sources{Contacts: report.SourceActivities, Closings: report.SourceDeals, ReferralAsks: report.SourceActivities},
	}
	r.Counts = report.Counts{
		Contacts: 120, Closings: 11, Rejections: 109, CloseRate: ok(11.0 / 120), ContactsPerClose: ok(120.0 / 11),
		Revenue: 5784000, Commission: 578400, ValuePerContact: cents(4820),
		ExplicitNos: 6, ReferralAsks: report.NullInt{V: 3, OK: true}, ReferralAskRate: ok(0.5),
	}
	r.LossReasons = []report.LossReason{
		{Reason: "Price too high", Category: "budget", Count: 3},
		{Reason: "Wrong contact", Category: "fit", Controllable: true, Count: 2},
	}
	r.ControllableNos, r.UncontrollableNos = 2, 3
	r.PipelineOpen, r.PipelineDeals, r.PipelineTopShare = 4000000, 4, ok(0.25)
	r.Monthly = monthsOf(flat(120, 11, 578400))
	r.Monthly[0].Commission = 650000 // the best month of the 12 is older
	r.Trend = report.Trend{
		Month: "2026-10", Baseline: "2026-07..2026-09",
		ContactsPerClose: report.TrendValue{Value: ok(120.0 / 11), Baseline: ok(120.0 / 11), ChangePct: ok(0)},
		ValuePerContact:  report.TrendValue{Value: ok(48.2), Baseline: ok(48.2), ChangePct: ok(0)},
		Contacts:         report.TrendValue{Value: ok(120), Baseline: ok(120), ChangePct: ok(0)},
	}
	r.Records = report.Records{MonthCommission: 578400, PreviousBest: 650000, StreakMonths: 2}
	return r
}

// followUps returns n follow-ups due, the oldest no first in time but not
// first in the list.
func followUps(n int) []report.FollowUp {
	out := make([]report.FollowUp, n)
	for i := range out {
		out[i] = report.FollowUp{Prospect: string(rune('A' + i)), Date: report.Day(repcard.MakeDate(2026, 9, 1).AddDays(-i)), Reason: "Timing"}
	}
	return out
}

func stales(n int) []report.Stale {
	out := make([]report.Stale, n)
	for i := range out {
		out[i] = report.Stale{Kind: report.StaleMaybe, Prospect: string(rune('K' + i)), AgeDays: 50 + i, Amount: cents(100000)}
	}
	return out
}
