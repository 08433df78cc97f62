package coach

import (
	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// sample is a made-up rep that Load executes every template against.
type sample struct {
	name string
	rpt  report.Report
	rep  report.Rep
}

// samples are built to reach both sides of every condition a template is
// likely to test: zero and non-zero counts, one and many, each yes/no field
// true and false, undefined ratios, empty names, a period across a year.
func samples() []sample {
	return []sample{busySample(), emptySample(), noSaleSample(), matchedSample()}
}

// months returns 12 months ending with last, each with the contacts,
// closings and commission (in cents) given, oldest first.
func months(last repcard.Month, rows [12][3]int64) []report.Month {
	out := make([]report.Month, 12)
	for i, r := range rows {
		c := report.Counts{Contacts: int(r[0]), Closings: int(r[1]), Commission: repcard.Money(r[2])}
		c.Rejections = max(c.Contacts-c.Closings, 0)
		out[i] = report.Month{Month: (last - 11 + repcard.Month(i)).String(), HasData: r[0] > 0, Counts: c}
	}
	return out
}

func ratioOf(v float64) report.Ratio { return report.Ratio{V: v, OK: true} }

func busySample() sample {
	last := repcard.MonthOf(2026, 10)
	rep := report.Rep{Rep: "Jane Q. Sample", Sources: report.Sources{Contacts: report.SourceActivities, Closings: report.SourceDeals, ReferralAsks: report.SourceActivities}}
	rep.Counts = report.Counts{
		Contacts: 120, Closings: 11, Rejections: 109, CloseRate: ratioOf(11.0 / 120),
		ContactsPerClose: ratioOf(120.0 / 11), Commission: 578400, Revenue: 5784000,
		ValuePerContact: report.NullMoney{V: 4820, OK: true}, ExplicitNos: 12, ReferralAsks: report.NullInt{V: 2, OK: true}, ReferralAskRate: ratioOf(2.0 / 12),
	}
	rep.LossReasons = []report.LossReason{
		{Reason: "Wrong contact", Category: "fit", Controllable: true, Count: 5},
		{Reason: "Price too high", Category: "budget", Count: 3},
		{Reason: "No response", Category: "follow_up", Controllable: true, Count: 2},
	}
	rep.ControllableNos, rep.UncontrollableNos = 7, 3
	rep.FollowUpsDue = []report.FollowUp{
		{Prospect: "Harbour Dental", Date: report.Day(repcard.MakeDate(2026, 5, 12)), Reason: "Timing"},
		{Prospect: "Acme Tools", Date: report.Day(repcard.MakeDate(2026, 2, 3)), Reason: "Price too high"},
	}
	rep.FollowUpsDueCount = 2
	rep.StaleMaybes = []report.Stale{
		{Kind: report.StaleOpenDeal, Prospect: "Sundial Health", AgeDays: 242, Amount: report.NullMoney{V: 830000, OK: true}},
		{Kind: report.StaleMaybe, Prospect: "Northwind", AgeDays: 60},
	}
	rep.StaleMaybesCount = 2
	rep.NearMisses = []report.NearMiss{
		{Prospect: "Zephyr Air", Amount: report.NullMoney{V: 340000, OK: true}, Stage: "Negotiation"},
		{Prospect: "Eastgate Pharmacy", Amount: report.NullMoney{V: 335000, OK: true}, Stage: "Proposal"},
	}
	rep.NearMissesCount = 2
	rep.PipelineOpen, rep.PipelineDeals, rep.PipelineTopShare = 12000000, 4, ratioOf(0.58)
	rep.Trend = report.Trend{
		Month: last.String(), Baseline: "2026-07..2026-09",
		ContactsPerClose: report.TrendValue{Value: ratioOf(120.0 / 11), Baseline: ratioOf(8), ChangePct: ratioOf(36.4)},
		Contacts:         report.TrendValue{Value: ratioOf(120), Baseline: ratioOf(150), ChangePct: ratioOf(-20)},
	}
	rep.Alerts = []report.Alert{{Metric: report.MetricContactsPerClose}}
	rep.Monthly = months(last, [12][3]int64{
		{90, 10, 400000}, {95, 11, 420000}, {100, 12, 500000}, {110, 12, 450000},
		{120, 13, 480000}, {130, 15, 500000}, {125, 14, 470000}, {120, 14, 460000},
		{150, 19, 420000}, {150, 18, 450000}, {150, 19, 500000}, {120, 11, 578400},
	})
	rep.Records = report.Records{BestMonth: true, MonthCommission: 578400, PreviousBest: 500000, StreakMonths: 14}
	return sample{"a rep with a busy month", report.Report{Period: report.PeriodJSON{Label: "2026-10"}, Currency: "USD"}, rep}
}

func emptySample() sample { return sample{name: "a rep with no data at all"} }

func noSaleSample() sample {
	last := repcard.MonthOf(2026, 10)
	rep := report.Rep{Rep: "Sam", Sources: report.Sources{ReferralAsks: report.SourceNone}}
	rep.Counts = report.Counts{Contacts: 40, Rejections: 40, ExplicitNos: 6, ValuePerContact: report.NullMoney{OK: true}, CloseRate: ratioOf(0)}
	rep.LossReasons = []report.LossReason{{Reason: report.ReasonNotGiven, Category: report.CategoryUnknown, Count: 6}}
	rep.FollowUpsDue = []report.FollowUp{{Prospect: "Blue Fin"}}
	rep.FollowUpsDueCount = 1
	rep.StaleMaybes = []report.Stale{{Kind: report.StaleMaybe, Prospect: "Gull Ltd", AgeDays: 50}}
	rep.StaleMaybesCount = 1
	rep.NearMisses = []report.NearMiss{{Prospect: "Tern Co"}}
	rep.NearMissesCount = 1
	rep.PipelineDeals = 1
	rep.Trend = report.Trend{
		Month:            last.String(),
		ContactsPerClose: report.TrendValue{Baseline: ratioOf(20)},
		Contacts:         report.TrendValue{Value: ratioOf(40), Baseline: ratioOf(60), ChangePct: ratioOf(-33.3)},
	}
	rep.Alerts = []report.Alert{{Metric: report.MetricContactsPerClose}, {Metric: report.MetricContacts}}
	rep.Monthly = months(last, [12][3]int64{
		{}, {}, {}, {}, {}, {}, {}, {}, {60, 3, 0}, {60, 3, 0}, {60, 3, 0}, {40, 0, 0},
	})
	return sample{"a rep with contacts and no sale", report.Report{Period: report.PeriodJSON{Label: "2026-10"}, Currency: "USD"}, rep}
}

func matchedSample() sample {
	last := repcard.MonthOf(2026, 3)
	rep := report.Rep{Rep: "María José de la Cruz", Sources: report.Sources{ReferralAsks: report.SourceDeals}}
	rep.Counts = report.Counts{
		Contacts: 5, Closings: 5, ContactsPerClose: ratioOf(1), CloseRate: ratioOf(1), Commission: 100000,
		ValuePerContact: report.NullMoney{V: 20000, OK: true}, ExplicitNos: 1, ReferralAsks: report.NullInt{V: 1, OK: true}, ReferralAskRate: ratioOf(1),
	}
	rep.LossReasons = []report.LossReason{{Reason: "Went dark", Category: "follow_up", Controllable: true, Count: 1}}
	rep.ControllableNos = 1
	rep.PipelineOpen, rep.PipelineDeals, rep.PipelineTopShare = 500000, 1, ratioOf(1)
	rep.Trend = report.Trend{
		Month:            last.String(),
		ContactsPerClose: report.TrendValue{Value: ratioOf(1), Baseline: ratioOf(1), ChangePct: ratioOf(0)},
		Contacts:         report.TrendValue{Value: ratioOf(5), Baseline: ratioOf(5), ChangePct: ratioOf(0)},
	}
	rep.Monthly = months(last, [12][3]int64{
		{}, {}, {}, {}, {}, {}, {}, {}, {5, 5, 0}, {5, 5, 0}, {5, 5, 0}, {5, 5, 100000},
	})
	rep.Records = report.Records{BestMonth: true, MonthCommission: 100000, PreviousBest: 100000, StreakMonths: 1}
	return sample{"a rep who matched their best month", report.Report{Period: report.PeriodJSON{Label: "2026-Q1"}, Currency: "EUR"}, rep}
}
