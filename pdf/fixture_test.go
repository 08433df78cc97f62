package pdf

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// The hand-made report of the golden tests. Every number is chosen so that
// it can be checked on paper:
//
//	Jane Doe     120 contacts, 11 sales, $5,784.00 → $48.20 a contact, 10.9 per sale
//	Zoë Brontë    20 contacts,  4 sales, $1,000.00 → $50.00, 5.0 (contacts from decided deals, no goal)
//	Αλέξανδρος    80 contacts,  0 sales, $0.00     → $0.00, no ratio (two alerts)
//	Дмитрий       40 contacts,  2 sales, $1,210.00 → $30.25, 20.0
//	team         260 contacts, 17 sales, $7,994.00 → $30.75 (30.746…), 15.3

// money is whole units to cents.
func money(units float64) repcard.Money { return repcard.Money(units*100 + 0.5) }

// perContact is m / n rounded half away from zero, as report computes it.
func perContact(m repcard.Money, n int) report.NullMoney {
	if n == 0 {
		return report.NullMoney{}
	}
	return report.NullMoney{V: repcard.Money((2*int64(m) + int64(n)) / (2 * int64(n))), OK: true}
}

func ratioOf(a, b int) report.Ratio {
	if b == 0 {
		return report.Ratio{}
	}
	return report.Ratio{V: float64(a) / float64(b), OK: true}
}

// counts fills Counts and its ratios from the base numbers.
func counts(contacts, closings int, commission repcard.Money, nos, asks int) report.Counts {
	return report.Counts{
		Contacts:         contacts,
		Closings:         closings,
		Rejections:       max(contacts-closings, 0),
		CloseRate:        ratioOf(closings, contacts),
		ContactsPerClose: ratioOf(contacts, closings),
		Revenue:          commission * 10,
		Commission:       commission,
		ValuePerContact:  perContact(commission, contacts),
		ExplicitNos:      nos,
		ReferralAsks:     report.NullInt{V: asks, OK: true},
		ReferralAskRate:  ratioOf(asks, nos),
		Touches:          contacts,
		TouchesPerSale:   ratioOf(contacts, closings),
		ValuePerTouch:    perContact(commission, contacts),
	}
}

// series is 12 months, November 2025 to October 2026; a negative contacts
// count is a month without data.
type series struct {
	contacts, closings [12]int
	commission         [12]float64 // whole units
}

var months = func() []string {
	var out []string
	for m := repcard.MonthOf(2025, 11); m <= repcard.MonthOf(2026, 10); m++ {
		out = append(out, m.String())
	}
	return out
}()

func (s series) monthly() []report.Month {
	out := make([]report.Month, 12)
	for i := range out {
		out[i].Month = months[i]
		if s.contacts[i] < 0 {
			continue
		}
		out[i].HasData = true
		out[i].Counts = counts(s.contacts[i], s.closings[i], money(s.commission[i]), 0, 0)
	}
	return out
}

// ytd sums January to October 2026.
func (s series) ytd() report.YTD {
	c, k := 0, 0
	var m repcard.Money
	for i := 2; i < 12; i++ {
		if s.contacts[i] >= 0 {
			c += s.contacts[i]
			k += s.closings[i]
			m += money(s.commission[i])
		}
	}
	return report.YTD{Start: "2026-01-01", End: "2026-10-31", Counts: counts(c, k, m, 0, 0)}
}

func (s series) ytdCommission() repcard.Money { return s.ytd().Commission }

func gm(units float64) report.GoalNum {
	return report.GoalNum{V: int64(money(units)), Money: true, OK: true}
}

func gmc(m repcard.Money) report.GoalNum { return report.GoalNum{V: int64(m), Money: true, OK: true} }

// goal is a commission goal of monthly × 1 for October and monthly × 12
// for the year, 2 months left.
func goal(monthly float64, actual repcard.Money, ytd repcard.Money) report.Goal {
	year := money(monthly * 12)
	pro := money(monthly * 10)
	return report.Goal{
		Basis:              "commission",
		PeriodGoal:         gm(monthly),
		PeriodActual:       gmc(actual),
		Attainment:         report.Ratio{V: float64(actual) / float64(money(monthly)), OK: true},
		YearGoal:           gmc(year),
		YTDActual:          gmc(ytd),
		YTDGoalProrated:    gmc(pro),
		YTDAttainment:      report.Ratio{V: float64(ytd) / float64(pro), OK: true}, // against the goal due so far
		AheadBy:            gmc(ytd - pro),
		MonthsLeft:         2,
		PaceNeededPerMonth: gmc(max(year-ytd, 0) / 2),
	}
}

func dt(y int, m time.Month, d int) report.Day { return report.Day(repcard.MakeDate(y, m, d)) }

var janeSeries = series{
	contacts:   [12]int{95, 102, 88, 110, 104, 99, 115, 95, 90, 91, 97, 120},
	closings:   [12]int{9, 10, 8, 12, 11, 10, 13, 11, 10, 11, 11, 11},
	commission: [12]float64{4600, 5100, 4200, 5000, 4800, 5100, 5300, 4900, 5200, 5416, 5500, 5784},
}

// The 3 months before October for Jane are July to September:
// 90+91+97 = 278 contacts, 10+11+11 = 32 sales → 8.6875.

var zoeSeries = series{
	contacts:   [12]int{-1, -1, 12, 15, -1, 18, 16, 20, 14, 19, 17, 20},
	closings:   [12]int{0, 0, 2, 3, 0, 4, 3, 4, 2, 4, 3, 4},
	commission: [12]float64{0, 0, 500, 750, 0, 1000, 750, 1000, 500, 1000, 750, 1000},
}

var alexSeries = series{
	contacts:   [12]int{100, 105, 98, 112, 108, 115, 110, 104, 102, 118, 110, 80},
	closings:   [12]int{10, 11, 9, 12, 11, 12, 11, 10, 10, 12, 11, 0},
	commission: [12]float64{2000, 2200, 1800, 2400, 2200, 2400, 2200, 2000, 2000, 2400, 2200, 0},
}

var dimaSeries = series{
	contacts:   [12]int{30, 32, 35, 33, 36, 38, 34, 37, 39, 36, 38, 40},
	closings:   [12]int{1, 1, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2},
	commission: [12]float64{600, 600, 1200, 600, 1200, 1300, 600, 1200, 1250, 600, 1250, 1210},
}

func lossReasons(rs ...any) ([]report.LossReason, int, int) {
	var out []report.LossReason
	ctl, unc := 0, 0
	for i := 0; i < len(rs); i += 4 {
		lr := report.LossReason{Reason: rs[i].(string), Category: rs[i+1].(string), Controllable: rs[i+2].(bool), Count: rs[i+3].(int)}
		out = append(out, lr)
		switch {
		case lr.Category == "unknown":
		case lr.Controllable:
			ctl += lr.Count
		default:
			unc += lr.Count
		}
	}
	return out, ctl, unc
}

// fixture returns the report of the golden tests.
func fixture() *report.Report {
	rpt := &report.Report{
		Period:     report.PeriodJSON{Label: "2026-10", Start: "2026-10-01", End: "2026-10-31"},
		Currency:   "USD",
		Commission: report.CommissionRule{Rate: 0.1, Default: true},
	}

	// Jane Doe: the headline example of REPORT-LAYOUT.md.
	jane := report.Rep{Rep: "Jane Doe", Slug: "jane-doe", Manager: "Ana Ruiz", Office: "Berlin", OnRoster: true,
		Sources: report.Sources{Contacts: report.SourceActivities, Closings: report.SourceDeals, ReferralAsks: report.SourceActivities}}
	jane.Counts = counts(120, 11, money(5784), 15, 4)
	jane.LossReasons, jane.ControllableNos, jane.UncontrollableNos = lossReasons(
		"Price too high", "budget", false, 5,
		"No decision maker involved", "fit", true, 4,
		"(no reason given)", "unknown", false, 3,
		"Went with competitor", "competitor", false, 3,
	)
	jane.Monthly = janeSeries.monthly()
	jane.YTD = janeSeries.ytd()
	jane.Goal = goal(6000, money(5784), janeSeries.ytdCommission())
	jane.TrendArrow = "up"
	jane.Alerts = []report.Alert{{Metric: "contacts_per_close",
		Message: "Contacts per sale 10.9, worse than your 3-month average 8.7 (+26 %)",
		Theirs:  "Contacts per sale 10.9, worse than their 3-month average 8.7 (+26 %)",
		Value:   ratioOf(120, 11), Baseline: ratioOf(278, 32), ChangePct: report.Ratio{V: 25.57, OK: true}}}
	jane.Wins = []report.Win{
		{Rep: "Jane Doe", Prospect: "Granite Peak Capital", Date: dt(2026, 10, 3), Amount: report.NullMoney{V: money(18000), OK: true}, Commission: money(1800), Count: 1},
		{Rep: "Jane Doe", Prospect: "Bäckerei Hoffmann", Date: dt(2026, 10, 14), Amount: report.NullMoney{V: money(12500), OK: true}, Commission: money(1250), Count: 1},
		{Rep: "Jane Doe", Prospect: "Ωmega Systems", Date: dt(2026, 10, 22), Amount: report.NullMoney{V: money(9000), OK: true}, Commission: money(900), Count: 1},
	}
	jane.Records = report.Records{BestMonth: true, MonthCommission: money(5784), PreviousBest: money(5500), StreakMonths: 12}
	jane.FollowUpsDue = []report.FollowUp{
		{Prospect: "Marlowe & Finch Solicitors", Date: dt(2025, 12, 10), Reason: "No decision maker involved", LastTouch: dt(2025, 12, 10), DaysQuiet: 325, Rule: "quiet 325 days", Due: dt(2026, 3, 10), Why: "90 days after the no"},
		{Prospect: "Straße & Söhne GmbH", Date: dt(2026, 3, 2), Reason: "Price too high", LastTouch: dt(2026, 4, 1), DaysQuiet: 213, Rule: "quiet 213 days", Due: dt(2026, 6, 30), Why: "90 days after the last touch"},
		{Prospect: "Жуков и партнёры", Date: dt(2026, 5, 20), Reason: "Went with competitor", LastTouch: dt(2026, 6, 15), DaysQuiet: 138, Rule: "quiet 138 days", Due: dt(2026, 9, 13), Why: "90 days after the last touch"},
	}
	jane.FollowUpsDueCount = len(jane.FollowUpsDue)
	jane.StaleMaybes = []report.Stale{
		{Kind: "open deal", Prospect: "Helvetia Präzision AG", Since: dt(2026, 8, 10), AgeDays: 82, Amount: report.NullMoney{V: money(24000), OK: true}, Stage: "proposal"},
		{Kind: "maybe", Prospect: "Yardley Garden Centre", Since: dt(2026, 9, 1), AgeDays: 60},
	}
	jane.StaleMaybesCount = len(jane.StaleMaybes)
	jane.NearMisses = []report.NearMiss{
		{Prospect: "Northgate Motors", Date: dt(2026, 10, 9), Amount: report.NullMoney{V: money(15500), OK: true}, Stage: "negotiation", Reason: "Went with competitor", By: "stage", Count: 1},
		{Prospect: "Eastgate Pharmacy", Date: dt(2026, 10, 20), Amount: report.NullMoney{V: money(8200), OK: true}, Probability: report.Ratio{V: 75, OK: true}, Reason: "No decision maker involved", By: "probability", Count: 1},
	}
	jane.NearMissesCount = len(jane.NearMisses)
	jane.Losses = lossesFromNearMisses(&jane)

	// Zoë Brontë: contacts from decided deals, no goal, gaps in the year,
	// spreadsheet junk in a prospect and a character no font has.
	zoe := report.Rep{Rep: "Zoë Brontë", Slug: "zoe-bronte", Manager: "Ana Ruiz", Office: "Berlin", OnRoster: true,
		Sources: report.Sources{Contacts: report.SourceDecided, Closings: report.SourceDeals, ReferralAsks: report.SourceNone}}
	zoe.Counts = counts(20, 4, money(1000), 16, 0)
	zoe.LossReasons, zoe.ControllableNos, zoe.UncontrollableNos = lossReasons(
		"Timing: next year", "timing", false, 9,
		"Went dark / no response", "follow_up", true, 7,
	)
	zoe.Monthly = zoeSeries.monthly()
	zoe.YTD = zoeSeries.ytd()
	zoe.Goal = report.Goal{Basis: "commission", MonthsLeft: 2}
	zoe.TrendArrow = "flat"
	zoe.Wins = []report.Win{
		{Rep: "Zoë Brontë", Prospect: "東京 Trading", Date: dt(2026, 10, 7), Amount: report.NullMoney{V: money(4000), OK: true}, Commission: money(400), Count: 1},
		{Rep: "Zoë Brontë", Prospect: "Acme\a Corp\r\n", Date: dt(2026, 10, 15), Amount: report.NullMoney{V: money(3000), OK: true}, Commission: money(300), Count: 2},
		{Rep: "Zoë Brontë", Prospect: "", Date: dt(2026, 10, 28), Commission: money(300), Count: 1},
	}
	zoe.Records = report.Records{StreakMonths: 8, MonthCommission: money(1000), PreviousBest: money(1000)}

	// Αλέξανδρος Παπαδόπουλος: contacts but no sale, two alerts.
	alex := report.Rep{Rep: "Αλέξανδρος Παπαδόπουλος", Slug: "alexandros-papadopoulos", Manager: "Ana Ruiz", Office: "Berlin", OnRoster: true,
		Sources: report.Sources{Contacts: report.SourceActivities, Closings: report.SourceDeals, ReferralAsks: report.SourceActivities}}
	alex.Counts = counts(80, 0, 0, 12, 6)
	alex.LossReasons, alex.ControllableNos, alex.UncontrollableNos = lossReasons(
		"Budget frozen", "budget", false, 8,
		"(no reason given)", "unknown", false, 4,
	)
	alex.Monthly = alexSeries.monthly()
	alex.YTD = alexSeries.ytd()
	alex.Goal = goal(3000, 0, alexSeries.ytdCommission())
	alex.TrendArrow = "down"
	alex.Alerts = []report.Alert{
		{Metric: "contacts", Message: "Contacts 80, down from your 3-month average 110 (−27 %)", Theirs: "Contacts 80, down from their 3-month average 110 (−27 %)", Value: report.Ratio{V: 80, OK: true}, Baseline: report.Ratio{V: 110, OK: true}, ChangePct: report.Ratio{V: -27.27, OK: true}},
		{Metric: "value_per_contact", Message: "Each contact was worth $0.00, down from your 3-month average $20.00 (−100 %)", Theirs: "Each contact was worth $0.00, down from their 3-month average $20.00 (−100 %)", Value: report.Ratio{V: 0, OK: true}, Baseline: report.Ratio{V: 20, OK: true}, ChangePct: report.Ratio{V: -100, OK: true}},
	}

	// Дмитрий Иванов.
	dima := report.Rep{Rep: "Дмитрий Иванов", Slug: "dmitrii-ivanov", Manager: "Ana Ruiz", Office: "Berlin", OnRoster: true,
		Sources: report.Sources{Contacts: report.SourceActivities, Closings: report.SourceDeals, ReferralAsks: report.SourceActivities}}
	dima.Counts = counts(40, 2, money(1210), 6, 1)
	dima.LossReasons, dima.ControllableNos, dima.UncontrollableNos = lossReasons(
		"Wrong contact", "fit", true, 6,
	)
	dima.Monthly = dimaSeries.monthly()
	dima.YTD = dimaSeries.ytd()
	dima.Goal = goal(2000, money(1210), dimaSeries.ytdCommission())
	dima.TrendArrow = "up"
	dima.Wins = []report.Win{
		{Rep: "Дмитрий Иванов", Prospect: "ООО «Север»", Date: dt(2026, 10, 12), Amount: report.NullMoney{V: money(7100), OK: true}, Commission: money(710), Count: 1},
		{Rep: "Дмитрий Иванов", Prospect: "Kowalski Sp. z o.o.", Date: dt(2026, 10, 26), Amount: report.NullMoney{V: money(5000), OK: true}, Commission: money(500), Count: 1},
	}

	rpt.Reps = []report.Rep{jane, zoe, alex, dima} // byte order of name
	for i := range rpt.Reps {
		rpt.Reps[i].CommissionRate = 0.1
	}
	setRanks(rpt.Reps)
	team := sumMetrics(rpt.Reps)
	team.Alerts = []report.Alert{{Metric: "contacts_per_close",
		Message: "Contacts per sale 15.3, worse than the team's 3-month average 12.0 (+27 %)"}}
	team.TrendArrow = "flat"
	rpt.Team = team
	rpt.Managers = []report.Manager{{Manager: "Ana Ruiz", Office: "Berlin",
		Reps: []string{"Jane Doe", "Zoë Brontë", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов"}, Metrics: team}}
	return rpt
}

// setRanks places the reps on value per contact in the last two months as
// report does (ties share a place; the next is skipped).
func setRanks(reps []report.Rep) {
	placeOf := func(i, back int) (*int, int) {
		val := func(r *report.Rep) report.NullMoney { return r.Monthly[len(r.Monthly)-1-back].ValuePerContact }
		of, above := 0, 0
		for j := range reps {
			if v := val(&reps[j]); v.OK {
				of++
				if v.V > val(&reps[i]).V {
					above++
				}
			}
		}
		if !val(&reps[i]).OK {
			return nil, of
		}
		p := above + 1
		return &p, of
	}
	for i := range reps {
		r := &reps[i]
		n := len(r.Monthly)
		k := report.Rank{Month: r.Monthly[n-1].Month, ValuePerContact: r.Monthly[n-1].ValuePerContact,
			PreviousMonth: r.Monthly[n-2].Month, PreviousValuePerContact: r.Monthly[n-2].ValuePerContact}
		k.Rank, k.Of = placeOf(i, 0)
		k.PreviousRank, k.PreviousOf = placeOf(i, 1)
		if k.Rank != nil && k.PreviousRank != nil {
			c := *k.PreviousRank - *k.Rank
			k.Change = &c
		}
		r.Rank = k
	}
}

// sumMetrics adds reps up as report does: counts and money summed, ratios
// recomputed from the sums, goals summed, wins of all, largest first.
func sumMetrics(reps []report.Rep) report.Metrics {
	var m report.Metrics
	var c, k, nos, asks int
	var com repcard.Money
	var pg, pa, yg, ya, yp repcard.Money
	m.Monthly = make([]report.Month, 12)
	for _, r := range reps {
		c += r.Contacts
		k += r.Closings
		com += r.Commission
		nos += r.ExplicitNos
		asks += r.ReferralAsks.V
		pg += repcard.Money(r.Goal.PeriodGoal.V)
		pa += repcard.Money(r.Goal.PeriodActual.V)
		yg += repcard.Money(r.Goal.YearGoal.V)
		ya += r.YTD.Commission
		yp += repcard.Money(r.Goal.YTDGoalProrated.V)
		m.Wins = append(m.Wins, r.Wins...)
		for i, mo := range r.Monthly {
			m.Monthly[i].Month = mo.Month
			if !mo.HasData {
				continue
			}
			m.Monthly[i].HasData = true
			t := &m.Monthly[i].Counts
			*t = counts(t.Contacts+mo.Contacts, t.Closings+mo.Closings, t.Commission+mo.Commission, 0, 0)
		}
		m.ControllableNos += r.ControllableNos
		m.UncontrollableNos += r.UncontrollableNos
	}
	m.Counts = counts(c, k, com, nos, asks)
	m.Goal = report.Goal{Basis: "commission", PeriodGoal: gmc(pg), PeriodActual: gmc(com),
		Attainment: report.Ratio{V: float64(com) / float64(pg), OK: true},
		YearGoal:   gmc(yg), YTDActual: gmc(ya), YTDGoalProrated: gmc(yp),
		YTDAttainment: report.Ratio{V: float64(ya) / float64(yp), OK: true},
		AheadBy:       gmc(ya - yp), MonthsLeft: 2, PaceNeededPerMonth: gmc(max(yg-ya, 0) / 2)}
	slices.SortStableFunc(m.Wins, func(a, b report.Win) int {
		return int(b.Amount.V - a.Amount.V)
	})
	return m
}

// emptyRep has no data at all: zeros and nulls.
func emptyRep() report.Rep {
	r := report.Rep{Rep: "Nadia Empty", Slug: "nadia-empty", OnRoster: true, CommissionRate: 0.1,
		Sources: report.Sources{Contacts: report.SourceNone, Closings: report.SourceNone, ReferralAsks: report.SourceNone}}
	r.Monthly = series{contacts: [12]int{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}}.monthly()
	r.YTD = report.YTD{Start: "2026-01-01", End: "2026-10-31"}
	return r
}

// busyRep has more of everything than fits: 40 follow-ups, 20 maybes, 15
// near misses, 30 wins and a long name.
func busyRep(name string) report.Rep {
	r := fixture().Reps[0]
	r.Rep = name
	r.FollowUpsDue, r.StaleMaybes, r.NearMisses, r.Wins = nil, nil, nil, nil
	for i := range 40 {
		r.FollowUpsDue = append(r.FollowUpsDue, report.FollowUp{
			Prospect: fmt.Sprintf("Prospect %02d with a rather long company name GmbH & Co. KG", i+1),
			Date:     dt(2025, 11, 1+i%28), Reason: "No decision maker involved in the final round of the evaluation",
			LastTouch: dt(2025, 12, 1+i%28), DaysQuiet: 300 - i, Due: dt(2026, 3, 1+i%28), Why: "90 days after the last touch"})
	}
	for i := range 20 {
		r.StaleMaybes = append(r.StaleMaybes, report.Stale{Kind: "open deal", Prospect: fmt.Sprintf("Maybe %02d Holdings", i+1),
			Since: dt(2026, 8, 1+i), AgeDays: 91 - i, Amount: report.NullMoney{V: money(float64(1000 * (i + 1))), OK: true}})
	}
	for i := range 15 {
		r.NearMisses = append(r.NearMisses, report.NearMiss{Prospect: fmt.Sprintf("Near %02d Ltd", i+1), Date: dt(2026, 10, 1+i),
			Amount: report.NullMoney{V: money(float64(900 * (i + 1))), OK: true}, Stage: "negotiation", Reason: "Went with competitor", Count: 1})
	}
	r.Losses = lossesFromNearMisses(&r)
	for i := range 30 {
		r.Wins = append(r.Wins, report.Win{Rep: name, Prospect: fmt.Sprintf("Win %02d Partners", i+1), Date: dt(2026, 10, 1+i%28),
			Amount: report.NullMoney{V: money(float64(30000 - 500*i)), OK: true}, Commission: money(float64(3000 - 50*i)), Count: 1})
	}
	return r
}

// longCoaching is coaching text long enough to run onto page 2.
func longCoaching() []Paragraph {
	p := strings.Repeat("Every contact is a step towards the next sale, and the numbers show it: keep the calls going, ask for the referral after each no, and book the follow-ups before the week is out. ", 4)
	return []Paragraph{{Title: "Keep the rhythm", Text: p}, {Title: "Ask for a decision", Text: p}, {Title: "Referrals", Text: p}}
}

// coachingText is two short paragraphs, as package coach will write them.
func coachingText() []Paragraph {
	return []Paragraph{
		{Title: "Each no paid you $48.20", Text: "You made 120 contacts and closed 11 sales. Every contact, each no included, earned you $48.20: keep the volume up."},
		{Title: "Ask for a decision", Text: "Two deals have gone quiet. Call Helvetia Präzision AG this week and ask for a clear yes or no."},
	}
}

// bigTeam is a team of n reps with made-up numbers.
func bigTeam(n int) *report.Report {
	base := fixture()
	rpt := &report.Report{Period: base.Period, Currency: "USD", Commission: base.Commission}
	for i := range n {
		r := base.Reps[i%len(base.Reps)]
		r.Rep = fmt.Sprintf("Rep %03d %s", i+1, r.Rep)
		c := 50 + (i*37)%90
		k := (i * 7) % 12
		r.Counts = counts(c, k, money(float64(k*450+(i%5)*30)), 10, 3)
		r.Goal = goal(3000, r.Commission, money(float64(20000+i*100)))
		rpt.Reps = append(rpt.Reps, r)
	}
	rpt.Team = sumMetrics(rpt.Reps)
	return rpt
}

// lossesFromNearMisses lists a fixture rep's near misses as its losses,
// each with the category its reason has in the rep's loss reasons.
func lossesFromNearMisses(rep *report.Rep) []report.Loss {
	var out []report.Loss
	for _, n := range rep.NearMisses {
		l := report.Loss{Prospect: n.Prospect, Date: n.Date, Amount: n.Amount, Reason: n.Reason, Stage: n.Stage, Count: 1}
		for _, lr := range rep.LossReasons {
			if strings.EqualFold(strings.TrimSpace(lr.Reason), strings.TrimSpace(n.Reason)) {
				l.Category, l.Controllable = lr.Category, lr.Controllable
				break
			}
		}
		out = append(out, l)
	}
	return out
}
