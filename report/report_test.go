package report

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/golden"
)

func dy(s string) Day { return Day(day(s)) }

func recID(s string) opt { return func(r *repcard.Record) { r.ID = s } }

// fixture is one hand-computed case: records, a period, a config, and the
// key numbers worked out on paper. Its whole metrics.json is compared with
// testdata/golden/<name>.json (go test -update rewrites it).
type fixture struct {
	name   string
	period string
	cfg    func(*config.Config)
	recs   []repcard.Record
	check  func(t *testing.T, r *Report)
}

var fixtures = []fixture{
	{
		name:   "deals_only",
		period: "2026-10",
		cfg:    func(c *config.Config) { c.Commission.PerSale = 50 },
		recs: []repcard.Record{
			dealWon("Dee Deals", "2026-10-05", "Alpha", amt(10000)),
			dealWon("Dee Deals", "2026-10-12", "Bravo", amt(5000), com(700)),
			dealWon("Dee Deals", "2026-10-20", "Charlie"),
			dealLost("Dee Deals", "2026-10-08", "Delta", "Went with competitor", amt(4000)),
			dealLost("Dee Deals", "2026-10-15", "Echo", ""),
			dealOpen("Dee Deals", "2026-12-01", "Foxtrot", amt(6000), created("2026-10-01")),
			dealWon("Dee Deals", "2026-09-10", "Golf", amt(2000)),
		},
		check: func(t *testing.T, r *Report) {
			d := repOf(t, r, "Dee Deals")
			eq(t, "sources.contacts", d.Sources.Contacts, SourceDecided)
			eq(t, "sources.closings", d.Sources.Closings, SourceDeals)
			// contacts = decided deals closed in October: 3 won + 2 lost = 5
			eq(t, "contacts", d.Contacts, 5)
			eq(t, "closings", d.Closings, 3)
			eq(t, "rejections", d.Rejections, 2) // 5 − 3
			near(t, "close_rate", d.CloseRate, 0.6)
			near(t, "contacts_per_close", d.ContactsPerClose, 5.0/3)
			// revenue = 10,000 + 5,000 (Charlie has no amount) = 15,000
			eq(t, "revenue", d.Revenue, usd(15000))
			// commission = 10,000 × 10 % + 700 (its own field) + 50 flat = 1,750
			eq(t, "commission", d.Commission, usd(1750))
			money(t, "value_per_contact", d.ValuePerContact, usd(350)) // 1,750 / 5
			eq(t, "explicit_nos", d.ExplicitNos, 2)
			eq(t, "uncontrollable_nos", d.UncontrollableNos, 1) // competitor
			eq(t, "controllable_nos", d.ControllableNos, 0)
			near(t, "no_reason_share", d.NoReasonShare, 0.5) // 1 of 2 nos gives a reason
			eq(t, "loss_reasons", len(d.LossReasons), 2)
			eq(t, "loss_reasons[0]", d.LossReasons[0], LossReason{"(no reason given)", "unknown", false, 1})
			eq(t, "loss_reasons[1]", d.LossReasons[1], LossReason{"Went with competitor", "competitor", false, 1})
			eq(t, "pipeline_open", d.PipelineOpen, usd(6000))
			near(t, "pipeline_top_share", d.PipelineTopShare, 1)
			eq(t, "wins", len(d.Wins), 3)
			eq(t, "wins[0]", d.Wins[0].Prospect, "Alpha") // largest first; no amount last
			eq(t, "wins[2]", d.Wins[2].Prospect, "Charlie")
			// YTD = September + October: 6 decided deals, 4 won, 1,750 + 200
			eq(t, "ytd.contacts", d.YTD.Contacts, 6)
			eq(t, "ytd.closings", d.YTD.Closings, 4)
			eq(t, "ytd.commission", d.YTD.Commission, usd(1950))
			eq(t, "monthly[10] (Sep) closings", d.Monthly[10].Closings, 1)
			eq(t, "monthly[9] (Aug) has_data", d.Monthly[9].HasData, false)
			eq(t, "records.best_month", d.Records.BestMonth, true) // 1,750 ≥ 200
			eq(t, "records.streak", d.Records.StreakMonths, 2)     // Sep, Oct
		},
	},
	{
		name:   "activities_only",
		period: "2026-10",
		recs: []repcard.Record{
			act("Ada Acts", "2026-10-01", "call", "P1"),
			act("Ada Acts", "2026-10-02", "email", "P2"),
			act("Ada Acts", "2026-10-03", "meeting", "P3", won, amt(2000)),
			act("Ada Acts", "2026-10-04", "call", "P4", won, amt(3000), com(250)),
			act("Ada Acts", "2026-10-05", "call", "P5", lost("Price too high"), ref),
			act("Ada Acts", "2026-10-06", "visit", "P6", lost("No need"), ref),
			act("Ada Acts", "2026-10-07", "social", "P7", lost("")),
			act("Ada Acts", "2026-10-08", "note", "P8"),
			act("Ada Acts", "2026-10-09", "", "P9", maybe),
			act("Ada Acts", "2026-10-10", "call", "P10", planned),
			act("Ada Acts", "2026-10-11", "call", "P1", planned),
			act("Ada Acts", "2026-10-12", "call", "P2", ref),
		},
		check: func(t *testing.T, r *Report) {
			a := repOf(t, r, "Ada Acts")
			eq(t, "sources.contacts", a.Sources.Contacts, SourceActivities)
			eq(t, "sources.closings", a.Sources.Closings, SourceActivities)
			// contacts: 10 done rows less the "note" (not a contact type) = 9;
			// the blank type counts; the 2 planned rows are not contacts
			eq(t, "contacts", a.Contacts, 9)
			eq(t, "planned", a.Planned, 2)
			eq(t, "touches", a.Touches, 10) // every done row, the note included
			eq(t, "closings", a.Closings, 2)
			eq(t, "rejections", a.Rejections, 7)
			near(t, "contacts_per_close", a.ContactsPerClose, 4.5)
			eq(t, "revenue", a.Revenue, usd(5000))
			eq(t, "commission", a.Commission, usd(450))                // 2,000 × 10 % + 250
			money(t, "value_per_contact", a.ValuePerContact, usd(50))  // 450 / 9
			money(t, "value_per_touch", a.ValuePerTouch, usd(45))      // 450 / 10
			near(t, "touches_per_sale", a.TouchesPerSale, 5)           // 10 / 2
			eq(t, "explicit_nos", a.ExplicitNos, 3)                    // P5, P6, P7
			eq(t, "referral_asks", a.ReferralAsks, NullInt{3, true})   // P5, P6, P2
			near(t, "referral_ask_rate", a.ReferralAskRate, 1)         // 3 / 3
			near(t, "no_reason_share", a.NoReasonShare, 2.0/3)         // P5, P6 give a reason
			eq(t, "controllable_nos", a.ControllableNos, 1)            // "No need": fit
			eq(t, "uncontrollable_nos", a.UncontrollableNos, 1)        // "Price too high": budget
			eq(t, "loss_reasons[1]", a.LossReasons[1].Category, "fit") // sorted by reason after count
			eq(t, "wins[0]", a.Wins[0], Win{Rep: "Ada Acts", Prospect: "P4", Date: dy("2026-10-04"), Amount: NullMoney{usd(3000), true}, Commission: usd(250), Count: 1})
			eq(t, "stale maybes", len(a.StaleMaybes), 0) // P9's maybe is 22 days old
		},
	},
	{
		name:   "no_contact",
		period: "2026-10",
		recs: []repcard.Record{
			act("Nia NoShow", "2026-10-01", "call", "P1"),
			act("Nia NoShow", "2026-10-02", "meeting", "P2", won, amt(1000)),
			act("Nia NoShow", "2026-10-03", "meeting", "P3", noContact),      // Cancelled
			act("Nia NoShow", "2026-10-04", "call", "P4", noContact),         // No show
			act("Nia NoShow", "2026-10-05", "meeting", "P5", noContact, ref), // Rescheduled
			act("Nia NoShow", "2026-10-06", "call", "P6", planned),
			act("Nia NoShow", "2026-10-07", "email", "P7", lost("No need")),
		},
		check: func(t *testing.T, r *Report) {
			a := repOf(t, r, "Nia NoShow")
			// 7 rows: 3 did not take place, 1 planned, 3 contacts (P1, P2, P7)
			eq(t, "contacts", a.Contacts, 3)
			eq(t, "touches", a.Touches, 3)
			eq(t, "planned", a.Planned, 1)
			eq(t, "closings", a.Closings, 1)
			eq(t, "explicit_nos", a.ExplicitNos, 1)
			eq(t, "referral_asks", a.ReferralAsks, NullInt{0, true}) // P5's ask was at a meeting that did not happen
			near(t, "contacts_per_close", a.ContactsPerClose, 3)
		},
	},
	{
		name:   "tallies_only",
		period: "2026-10",
		cfg:    func(c *config.Config) { c.Commission.PerSale = 40 },
		recs: []repcard.Record{
			tally("Tom Tally", "2026-10-05", 20, 1, com(150), rejections(8), referralAsks(2)),
			tally("Tom Tally", "2026-10-12", 25, 2, amt(3000), rejections(10), referralAsks(1)),
			tally("Tom Tally", "2026-10-19", 15, 1),
			tally("Tom Tally", "2026-09-28", 30, 3, com(400)),
		},
		check: func(t *testing.T, r *Report) {
			tt := repOf(t, r, "Tom Tally")
			eq(t, "contacts", tt.Contacts, 60) // 20 + 25 + 15
			eq(t, "closings", tt.Closings, 4)  // 1 + 2 + 1
			eq(t, "rejections", tt.Rejections, 56)
			eq(t, "revenue", tt.Revenue, usd(3000))
			// commission = 150 + 3,000 × 10 % + 1 closing × 40 flat = 490
			eq(t, "commission", tt.Commission, usd(490))
			money(t, "value_per_contact", tt.ValuePerContact, usd(8.17)) // 490 / 60 = 8.1666…
			eq(t, "explicit_nos", tt.ExplicitNos, 18)                    // tallied rejections 8 + 10
			eq(t, "loss_reasons", tt.LossReasons[0], LossReason{"(no reason given)", "unknown", false, 18})
			eq(t, "referral_asks", tt.ReferralAsks, NullInt{3, true})
			near(t, "referral_ask_rate", tt.ReferralAskRate, 3.0/18)
			eq(t, "touches", tt.Touches, 60)
			eq(t, "wins", len(tt.Wins), 0) // tallies name no prospect
		},
	},
	{
		name:   "precedence",
		period: "2026-10",
		recs: []repcard.Record{
			act("Pat Both", "2026-10-01", "call", "P1", won, amt(9999)),
			act("Pat Both", "2026-10-02", "call", "P2", lost("Budget")),
			act("Pat Both", "2026-10-03", "call", "P3"),
			act("Pat Both", "2026-10-04", "call", "P4"),
			act("Pat Both", "2026-10-05", "call", "P5"),
			act("Pat Both", "2026-10-06", "call", "P6"),
			act("Pat Both", "2026-10-07", "call", "P7"),
			act("Pat Both", "2026-10-08", "call", "P8"),
			act("Pat Both", "2026-10-09", "call", "P9"),
			act("Pat Both", "2026-10-10", "call", "P10"),
			act("Pat Both", "2026-10-11", "call", "P11"),
			act("Pat Both", "2026-10-12", "call", "P12"),
			dealWon("Pat Both", "2026-10-10", "P3", amt(4000)),
			dealWon("Pat Both", "2026-10-20", "P4", amt(1000)),
			dealLost("Pat Both", "2026-10-15", "P5", "Timing"),
		},
		check: func(t *testing.T, r *Report) {
			p := repOf(t, r, "Pat Both")
			eq(t, "sources", p.Sources, Sources{SourceActivities, SourceDeals, SourceNone})
			eq(t, "contacts", p.Contacts, 12)                            // activities
			eq(t, "closings", p.Closings, 2)                             // deals; P1's won outcome is ignored
			eq(t, "revenue", p.Revenue, usd(5000))                       // 4,000 + 1,000
			eq(t, "commission", p.Commission, usd(500))                  // 10 %
			money(t, "value_per_contact", p.ValuePerContact, usd(41.67)) // 500 / 12 = 41.666…
			eq(t, "explicit_nos", p.ExplicitNos, 1)                      // the lost deal; P2's outcome is ignored
			eq(t, "loss_reasons[0].reason", p.LossReasons[0].Reason, "Timing")
			eq(t, "rejections", p.Rejections, 10)
			eq(t, "wins", len(p.Wins), 2)
		},
	},
	{
		name:   "per_rep_rate",
		period: "2026-10",
		cfg: func(c *config.Config) {
			rate, perSale := 0.15, 80.0
			c.Commission.PerSale = 25
			c.Commission.Reps = map[string]config.RepCommission{"RIA  rate": {Rate: &rate, PerSale: &perSale}}
		},
		recs: []repcard.Record{
			dealWon("Ria Rate", "2026-10-01", "A", amt(10000)),
			dealWon("Ria Rate", "2026-10-02", "B"),
			dealWon("Ria Rate", "2026-10-03", "C", amt(500), com(123.45)),
			dealWon("Sam Std", "2026-10-01", "A", amt(10000)),
			dealWon("Sam Std", "2026-10-02", "B"),
			dealWon("Sam Std", "2026-10-03", "C", amt(500), com(123.45)),
		},
		check: func(t *testing.T, r *Report) {
			// Ria: 10,000 × 15 % + 80 flat + 123.45 = 1,703.45
			eq(t, "Ria commission", repOf(t, r, "Ria Rate").Commission, usd(1703.45))
			// Sam: 10,000 × 10 % + 25 flat + 123.45 = 1,148.45
			eq(t, "Sam commission", repOf(t, r, "Sam Std").Commission, usd(1148.45))
			eq(t, "team commission", r.Team.Commission, usd(2851.90))
		},
	},
	{
		name:   "quarter",
		period: "2026-Q3",
		cfg:    func(c *config.Config) { c.Goals.MonthlyCommission = 250 },
		recs: []repcard.Record{
			tally("Quin Quarter", "2026-06-15", 10, 1, com(100)),
			tally("Quin Quarter", "2026-07-15", 20, 2, com(200)),
			tally("Quin Quarter", "2026-08-15", 30, 3, com(300)),
			tally("Quin Quarter", "2026-09-15", 40, 4, com(400)),
			tally("Quin Quarter", "2026-10-15", 50, 5, com(500)),
		},
		check: func(t *testing.T, r *Report) {
			eq(t, "period", r.Period, PeriodJSON{Label: "2026-Q3", Start: "2026-07-01", End: "2026-09-30"})
			q := repOf(t, r, "Quin Quarter")
			eq(t, "contacts", q.Contacts, 90) // 20 + 30 + 40; June and October are outside
			eq(t, "closings", q.Closings, 9)
			eq(t, "commission", q.Commission, usd(900))
			eq(t, "monthly[11]", q.Monthly[11].Month, "2026-09")
			eq(t, "period_goal", q.Goal.PeriodGoal.V, int64(usd(750))) // 250 × 3 months
			near(t, "attainment", q.Goal.Attainment, 1.2)              // 900 / 750
			// YTD January–September: 100 + 200 + 300 + 400 = 1,000
			eq(t, "ytd_actual", q.Goal.YTDActual.V, int64(usd(1000)))
			eq(t, "year_goal", q.Goal.YearGoal.V, int64(usd(3000)))       // 250 × 12
			eq(t, "prorated", q.Goal.YTDGoalProrated.V, int64(usd(2250))) // 3,000 × 9 / 12
			eq(t, "ahead_by", q.Goal.AheadBy.V, int64(usd(-1250)))        // 1,000 − 2,250
			eq(t, "months_left", q.Goal.MonthsLeft, 3)
			eq(t, "pace", q.Goal.PaceNeededPerMonth.V, int64(usd(666.67))) // (3,000 − 1,000) / 3
			// Trend: September (40 / 4 = 10) against June–August pooled (60 / 6 = 10)
			near(t, "trend cpc change", q.Trend.ContactsPerClose.ChangePct, 0)
			near(t, "trend contacts baseline", q.Trend.Contacts.Baseline, 20) // (10 + 20 + 30) / 3
			near(t, "trend contacts change", q.Trend.Contacts.ChangePct, 100)
			eq(t, "arrow", q.TrendArrow, "flat")
		},
	},
	{
		name:   "year",
		period: "2026",
		cfg:    func(c *config.Config) { c.Goals.AnnualCommission = 10000 },
		recs: func() []repcard.Record {
			recs := []repcard.Record{tally("Yan Year", "2025-12-10", 10, 1, com(100))}
			for m := 1; m <= 12; m++ {
				d := repcard.MakeDate(2026, time.Month(m), 10).String()
				recs = append(recs, tally("Yan Year", d, 10*m, m, com(100*float64(m))))
			}
			return recs
		}(),
		check: func(t *testing.T, r *Report) {
			y := repOf(t, r, "Yan Year")
			eq(t, "contacts", y.Contacts, 780) // 10 × (1 + … + 12) = 10 × 78
			eq(t, "closings", y.Closings, 78)
			eq(t, "commission", y.Commission, usd(7800))
			eq(t, "period_goal", y.Goal.PeriodGoal.V, int64(usd(10000))) // annual × 12 / 12
			near(t, "attainment", y.Goal.Attainment, 0.78)
			eq(t, "months_left", y.Goal.MonthsLeft, 0)
			eq(t, "pace", y.Goal.PaceNeededPerMonth.OK, false)
			eq(t, "ahead_by", y.Goal.AheadBy.V, int64(usd(-2200)))
			eq(t, "ytd = period", y.YTD.Counts, y.Counts)
			eq(t, "best_month", y.Records.BestMonth, true) // December 1,200 ≥ November 1,100
			eq(t, "streak", y.Records.StreakMonths, 13)    // December 2025 through December 2026
		},
	},
	{
		name:   "zero_closings",
		period: "2026-10",
		recs: []repcard.Record{
			act("Zoe Zero", "2026-10-01", "call", "A"),
			act("Zoe Zero", "2026-10-02", "call", "B"),
			act("Zoe Zero", "2026-10-03", "call", "C"),
			act("Zoe Zero", "2026-10-04", "call", "D"),
			act("Zoe Zero", "2026-10-05", "call", "E"),
			act("Zoe Zero", "2026-10-06", "call", "F", lost("Went dark")),
			act("Zoe Zero", "2026-10-07", "call", "G", lost("Wrong contact")),
			dealLost("Ola Lost", "2026-10-03", "H", "No budget"),
			dealLost("Ola Lost", "2026-10-04", "I", "No budget"),
		},
		check: func(t *testing.T, r *Report) {
			z := repOf(t, r, "Zoe Zero")
			eq(t, "contacts", z.Contacts, 7)
			eq(t, "closings", z.Closings, 0)
			near(t, "close_rate", z.CloseRate, 0)
			null(t, "contacts_per_close", z.ContactsPerClose)
			null(t, "touches_per_sale", z.TouchesPerSale)
			money(t, "value_per_contact", z.ValuePerContact, 0)
			eq(t, "controllable_nos", z.ControllableNos, 2) // went dark: follow_up; wrong contact: fit
			null(t, "referral_ask_rate", z.ReferralAskRate) // not tracked: no referral column
			eq(t, "records.best_month", z.Records.BestMonth, false)
			eq(t, "records.streak", z.Records.StreakMonths, 0)
			m := z.Monthly[0] // November 2025: no rows
			eq(t, "monthly[0].has_data", m.HasData, false)
			null(t, "monthly[0].close_rate", m.CloseRate)
			eq(t, "monthly[0].value_per_contact", m.ValuePerContact.OK, false)
			o := repOf(t, r, "Ola Lost")
			eq(t, "Ola contacts", o.Contacts, 2) // decided deals
			eq(t, "Ola rejections", o.Rejections, 2)
			eq(t, "Ola loss_reasons", o.LossReasons[0], LossReason{"No budget", "budget", false, 2})
		},
	},
	{
		name:   "alerts",
		period: "2026-10",
		recs: func() []repcard.Record {
			// Every rep: July–September 100 contacts, 10 closings, 1,000
			// commission each month: contacts per close 10, value per
			// contact 10.00, contacts mean 100.
			october := []struct {
				rep                string
				contacts, closings int
				commission         float64
			}{
				{"A1 Cpc Cross", 120, 10, 1200},    // 12 vs 10: +20 % → alert
				{"A2 Cpc Inside", 119, 10, 1190},   // 11.9: +19 %
				{"A3 Contacts Cross", 75, 8, 750},  // −25 % → alert
				{"A4 Contacts Inside", 76, 8, 760}, // −24 %
				{"A5 Value Cross", 100, 10, 750},   // 7.50 vs 10.00: −25 % → alert
				{"A6 Value Inside", 100, 10, 751},  // −24.9 %
				{"A7 No Sale", 120, 0, 0},          // no sale; one would give 120 ≥ 10 × 1.2
				{"A8 No Sale Inside", 11, 0, 0},    // one sale would give 11 < 12
				{"A9 Arrow Up", 100, 10, 1050},     // +5 % → up
				{"B1 Arrow Flat", 100, 10, 1040},   // +4 % → flat
			}
			var recs []repcard.Record
			for _, o := range october {
				for _, d := range []string{"2026-07-15", "2026-08-15", "2026-09-15"} {
					recs = append(recs, tally(o.rep, d, 100, 10, com(1000)))
				}
				recs = append(recs, tally(o.rep, "2026-10-15", o.contacts, o.closings, com(o.commission)))
			}
			return recs
		}(),
		check: func(t *testing.T, r *Report) {
			alerts := func(name string) map[Metric]Alert {
				m := map[Metric]Alert{}
				for _, a := range repOf(t, r, name).Alerts {
					m[a.Metric] = a
				}
				return m
			}
			a1 := alerts("A1 Cpc Cross")
			eq(t, "A1 alerts", len(a1), 1)
			eq(t, "A1 message", a1["contacts_per_close"].Message, "Contacts per sale 12.0, worse than your 3-month average 10.0 (+20 %)")
			near(t, "A1 change", a1["contacts_per_close"].ChangePct, 20)
			eq(t, "A2 alerts", len(alerts("A2 Cpc Inside")), 0)
			a3 := alerts("A3 Contacts Cross")
			eq(t, "A3 alerts", len(a3), 1)
			eq(t, "A3 message", a3["contacts"].Message, "Contacts 75, down from your 3-month average 100.0 (−25 %)")
			eq(t, "A4 alerts", len(alerts("A4 Contacts Inside")), 0)
			a5 := alerts("A5 Value Cross")
			eq(t, "A5 alerts", len(a5), 1)
			eq(t, "A5 message", a5["value_per_contact"].Message, "Each contact was worth $7.50, down from your 3-month average $10.00 (−25 %)")
			eq(t, "A5 arrow", repOf(t, r, "A5 Value Cross").TrendArrow, "down")
			eq(t, "A6 alerts", len(alerts("A6 Value Inside")), 0)
			eq(t, "A6 arrow", repOf(t, r, "A6 Value Inside").TrendArrow, "down")
			a7 := alerts("A7 No Sale")
			eq(t, "A7 alerts", len(a7), 2) // no sale, and value per contact −100 %
			eq(t, "A7 message", a7["contacts_per_close"].Message, "No sale in October 2026 after 120 contacts; your 3-month average is 10.0 contacts per sale")
			near(t, "A7 value change", a7["value_per_contact"].ChangePct, -100)
			a8 := alerts("A8 No Sale Inside")
			_, cpc := a8["contacts_per_close"]
			eq(t, "A8 contacts_per_close alert", cpc, false)
			eq(t, "A8 alerts", len(a8), 2) // contacts −89 %, value −100 %
			eq(t, "A9 arrow", repOf(t, r, "A9 Arrow Up").TrendArrow, "up")
			eq(t, "B1 arrow", repOf(t, r, "B1 Arrow Flat").TrendArrow, "flat")
		},
	},
	{
		name:   "follow_ups",
		period: "2026-10",
		recs: []repcard.Record{
			act("Fay Follow", "2026-06-15", "call", "Quiet Co", lost("Not now")),
			act("Fay Follow", "2026-09-01", "call", "Recent Co", lost("Budget")),
			act("Fay Follow", "2026-09-10", "call", "Dated Co", lost("Timing"), nfu("2026-11-03")),
			act("Fay Follow", "2026-05-01", "call", "Later Co", lost(""), nfu("2026-12-01")),
			act("Fay Follow", "2026-06-01", "call", "Touched Co", lost("Price")),
			act("Fay Follow", "2026-10-01", "call", "Touched Co"),
			act("Fay Follow", "2026-05-01", "call", "Won Back Co", lost("")),
			act("Fay Follow", "2026-09-01", "call", "Won Back Co", won, amt(1000)),
			act("Fay Follow", "2026-08-01", "call", "Done FU Co", lost(""), nfu("2026-09-01")),
			act("Fay Follow", "2026-09-02", "call", "Done FU Co"),
			act("Fay Follow", "2026-08-02", "call", "Edge90 Co", lost("")),
			act("Fay Follow", "2026-08-03", "call", "Edge89 Co", lost("")),
			act("Fay Follow", "2026-09-20", "call", "Week Co", lost(""), nfu("2026-11-07")),
			act("Fay Follow", "2026-09-20", "call", "Six Co", lost(""), nfu("2026-11-06")),
			act("Fay Follow", "2026-10-20", "call", "Oct Co", lost("No response"), nfu("2026-12-15")),
			act("Fay Follow", "2026-10-25", "call", "Oct2 Co", lost("")),
			act("Fay Follow", "2026-03-01", "call", "Old NFU Co", nfu("2026-04-01")),
			act("Fay Follow", "2026-04-10", "call", "Old NFU Co", lost("")),
			act("Fay Follow", "2026-05-02", "call", "Later Touch Co", lost("")),
			act("Fay Follow", "2026-07-20", "email", "Later Touch Co"),
			dealLost("Gus Deals", "2026-07-01", "Acme", "Went dark"),
			dealWon("Gus Deals", "2026-10-10", "Beta", amt(1000)),
			dealLost("Gus Deals", "2026-10-05", "Cyan", "Budget", nfu("2026-11-20")),
		},
		check: func(t *testing.T, r *Report) {
			f := repOf(t, r, "Fay Follow")
			var got []string
			for _, x := range f.FollowUpsDue {
				got = append(got, x.Prospect+" "+x.Rule+" · due "+x.Due.String()+", "+x.Why)
			}
			want := []string{
				"Old NFU Co quiet 204 days · due 2026-07-09, 90 days after the no",             // no on 04-10; its follow-up date 04-01 came before the no
				"Later Touch Co quiet 103 days · due 2026-10-18, 90 days after the last touch", // an email on 07-20 after the no
				"Quiet Co quiet 138 days · due 2026-09-13, 90 days after the no",               // 06-15 → 10-31
				"Edge90 Co quiet 90 days · due 2026-10-31, 90 days after the no",               // exactly 90: due on the period end
				"Dated Co follow-up date · due 2026-11-03, follow-up date set",                 // 11-03 is before 10-31 + 7
				"Six Co follow-up date · due 2026-11-06, follow-up date set",                   // 11-06 too
			}
			eq(t, "follow-ups", len(got), len(want))
			for i := range min(len(got), len(want)) {
				eq(t, "follow-up", got[i], want[i])
			}
			eq(t, "follow_ups_due_count", f.FollowUpsDueCount, 6)
			eq(t, "Dated Co next_follow_up", f.FollowUpsDue[4].NextFollowUp, dy("2026-11-03"))
			eq(t, "Quiet Co reason", f.FollowUpsDue[2].Reason, "Not now")
			// October's nos: Oct Co (a follow-up date after the no) and Oct2 Co (none)
			near(t, "no_follow_up_share", f.NoFollowUpShare, 0.5)
			g := repOf(t, r, "Gus Deals")
			eq(t, "Gus follow-ups", len(g.FollowUpsDue), 1)
			eq(t, "Gus follow-up", g.FollowUpsDue[0], FollowUp{
				Prospect: "Acme", Date: dy("2026-07-01"), Reason: "Went dark", LastTouch: dy("2026-07-01"), DaysQuiet: 122, Rule: "quiet 122 days",
				Due: dy("2026-09-29"), Why: "90 days after the no",
			})
			near(t, "Gus no_follow_up_share", g.NoFollowUpShare, 1) // Cyan has 11-20 in mind
			eq(t, "team follow_ups_due_count", r.Team.FollowUpsDueCount, 7)
		},
	},
	{
		name:   "stale_maybes",
		period: "2026-10",
		recs: []repcard.Record{
			dealOpen("Max Stale", "2026-12-15", "Slow Inc", amt(8000), created("2026-08-01"), stage("Proposal")),
			dealOpen("Max Stale", "2026-12-15", "Fresh Inc", amt(2000), created("2026-08-01")),
			act("Max Stale", "2026-10-20", "call", "Fresh Inc"),
			dealOpen("Max Stale", "2026-12-15", "ID Inc", amt(1000), created("2026-07-01"), recID("D-3")),
			dealOpen("Max Stale", "2026-12-15", "", amt(300), created("2026-07-20"), recID("D-9")), // no account: its id names it
			act("Max Stale", "2026-10-01", "call", "", dealID("D-3")),
			dealOpen("Max Stale", "2027-01-15", "Future Inc", amt(5000), created("2026-11-15")),
			dealOpen("Max Stale", "", "Undated Inc"),
			act("Max Stale", "2026-09-01", "call", "Maybe Co", maybe),
			act("Max Stale", "2026-10-01", "call", "Maybe Fresh", maybe),
			act("Max Stale", "2026-09-16", "call", "Edge45 Co", maybe),
			act("Max Stale", "2026-09-17", "call", "Edge44 Co", maybe),
			act("Max Stale", "2026-07-15", "call", "Slow Inc", maybe),
			act("Max Stale", "2026-06-01", "call", "Then No Co", maybe),
			act("Max Stale", "2026-06-10", "call", "Then No Co", lost("")),
		},
		check: func(t *testing.T, r *Report) {
			m := repOf(t, r, "Max Stale")
			want := []Stale{
				// created 07-20: 11 + 31 + 30 + 31 = 103 days
				{Kind: "open deal", Since: dy("2026-07-20"), AgeDays: 103, Amount: NullMoney{usd(300), true}, Deal: "D-9"},
				// created 08-01, no touch since: 30 + 30 + 31 = 91 days
				{Kind: "open deal", Prospect: "Slow Inc", Since: dy("2026-08-01"), AgeDays: 91, Amount: NullMoney{usd(8000), true}, Stage: "Proposal"},
				{Kind: "maybe", Prospect: "Maybe Co", Since: dy("2026-09-01"), AgeDays: 60},
				{Kind: "maybe", Prospect: "Edge45 Co", Since: dy("2026-09-16"), AgeDays: 45}, // exactly 45: stale
			}
			eq(t, "stale", len(m.StaleMaybes), len(want))
			for i := range min(len(want), len(m.StaleMaybes)) {
				eq(t, "stale", m.StaleMaybes[i], want[i])
			}
			eq(t, "stale_maybes_count", m.StaleMaybesCount, 4)
			// pipeline: 8,000 + 2,000 + 1,000 + 300 + Undated (no amount);
			// Future Inc was created after the period
			eq(t, "pipeline_open", m.PipelineOpen, usd(11300))
			eq(t, "pipeline_deals", m.PipelineDeals, 5)
			near(t, "pipeline_top_share", m.PipelineTopShare, 8000.0/11300)
			eq(t, "Then No Co follow-up", m.FollowUpsDue[0].DaysQuiet, 143) // 06-10 → 10-31
		},
	},
	{
		name:   "stale_listed_once",
		period: "2026-10",
		recs: []repcard.Record{
			// The same deal from two exports: by id, and without one by
			// prospect and amount; the later sign of life is kept.
			dealOpen("Olly Once", "2026-12-15", "Twin Id Co", amt(5000), created("2026-06-01"), recID("T-1"), stage("Proposal")),
			dealOpen("Olly Once", "2026-12-15", "Twin Id Co", amt(5500), created("2026-06-20"), recID("T-1"), stage("Negotiation")),
			dealOpen("Olly Once", "2026-12-15", "Twin Co", amt(4000), created("2026-07-01"), stage("Proposal")),
			dealOpen("Olly Once", "2026-12-15", "twin  co", amt(4000), created("2026-07-01"), stage("Negotiation")),
			dealOpen("Olly Once", "2026-12-15", "Twin Co", amt(9000), created("2026-07-01")), // another deal
			dealOpen("Olly Once", "2026-12-15", "", amt(100), created("2026-07-01")),
			dealOpen("Olly Once", "2026-12-15", "", amt(100), created("2026-07-01")), // no id, no account: cannot tell
		},
		check: func(t *testing.T, r *Report) {
			o := repOf(t, r, "Olly Once")
			var got []string
			for _, s := range o.StaleMaybes {
				got = append(got, fmt.Sprintf("%s %s %s %s", s.Prospect, s.Deal, s.Since, s.Amount.V))
			}
			want := []string{
				" " + " 2026-07-01 100.00", " " + " 2026-07-01 100.00",
				"Twin Co  2026-07-01 9000.00", "Twin Co  2026-07-01 4000.00",
				"Twin Id Co T-1 2026-06-20 5500.00",
			}
			slices.Sort(got)
			slices.Sort(want)
			eq(t, "stale", strings.Join(got, "; "), strings.Join(want, "; "))
			eq(t, "stale_maybes_count", o.StaleMaybesCount, 5)
		},
	},
	{
		name:   "near_misses",
		period: "2026-10",
		recs: []repcard.Record{
			dealLost("Nia Near", "2026-10-02", "N1", "Price", stage("Negotiation/Review"), amt(5000)),
			dealLost("Nia Near", "2026-10-05", "N2", "", stage("Qualification"), prob(80), amt(3000)),
			dealLost("Nia Near", "2026-10-09", "N3", "", stage("Discovery"), prob(70), amt(2000)),
			dealLost("Nia Near", "2026-10-12", "N4", "", stage("Discovery"), prob(69)),
			dealLost("Nia Near", "2026-10-15", "N5", "", stage("proposal"), prob(90), amt(7000)),
			dealLost("Nia Near", "2026-09-20", "N6", "", stage("Proposal")),
			dealLost("Nia Near", "2026-10-20", "N7", ""),
			act("Ned Near", "2026-10-07", "call", "Omega", lost("went with competitor"), stage("Proposal sent"), amt(4000)),
			act("Ned Near", "2026-10-08", "call", "omega", lost(""), stage("proposal")),
			act("Ned Near", "2026-10-09", "call", "Psi", lost("")),
			// One column for status and stage: "Closed Lost" says nothing
			// of the stage reached; an older export's open stage does.
			dealLost("Sal Stage", "2026-10-03", "S1", "", stage("Closed Lost"), outcomeText("Closed Lost"), prob(90)),
			dealLost("Sal Stage", "2026-10-04", "S2", "", stage("Closed Lost"), outcomeText("closed lost"), reached("Negotiation/Review")),
			dealLost("Sal Stage", "2026-10-05", "S3", "", stage("Closed Lost"), outcomeText("Closed Lost"), reached("Prospecting"), prob(75)),
		},
		check: func(t *testing.T, r *Report) {
			n := repOf(t, r, "Nia Near")
			eq(t, "near_misses_count", n.NearMissesCount, 4) // N1, N2, N3, N5
			var by []string
			for _, x := range n.NearMisses {
				by = append(by, x.Prospect+" "+x.By)
			}
			want := []string{"N1 stage", "N2 probability", "N3 probability", "N5 stage+probability"}
			eq(t, "near misses", len(by), len(want))
			for i := range min(len(by), len(want)) {
				eq(t, "near miss", by[i], want[i])
			}
			d := repOf(t, r, "Ned Near")
			eq(t, "Ned near_misses_count", d.NearMissesCount, 2)
			eq(t, "Ned near misses", len(d.NearMisses), 1) // same prospect, same month: folded
			eq(t, "Ned near miss", d.NearMisses[0].Count, 2)
			eq(t, "Ned near miss date", d.NearMisses[0].Date, dy("2026-10-08")) // the latest
			eq(t, "Ned near miss prospect", d.NearMisses[0].Prospect, "Omega")
			sal := repOf(t, r, "Sal Stage")
			var got []string
			for _, x := range sal.NearMisses {
				got = append(got, x.Prospect+" "+x.By+" "+x.Stage)
			}
			want = []string{"S1 probability ", "S2 stage Negotiation/Review", "S3 probability Prospecting"}
			eq(t, "Sal near misses", strings.Join(got, "; "), strings.Join(want, "; "))
			for _, l := range sal.Losses {
				if l.Stage == "Closed Lost" {
					t.Errorf("loss %s: stage %q, the status word", l.Prospect, l.Stage)
				}
			}
		},
	},
	{
		name:   "pipeline",
		period: "2026-10",
		recs: []repcard.Record{
			dealOpen("Pia Pipe", "2026-11-30", "A", amt(50000), created("2026-10-01")),
			dealOpen("Pia Pipe", "2026-11-30", "B", amt(30000), created("2026-10-01")),
			dealOpen("Pia Pipe", "2026-11-30", "C", amt(20000), created("2026-10-01")),
			dealOpen("Quinn Pipe", "2026-11-30", "D", amt(90000), created("2026-10-01")),
			dealOpen("Quinn Pipe", "2026-11-30", "E", amt(10000), created("2026-10-01")),
			dealOpen("Ray Empty", "2026-11-30", "F", created("2026-10-01")),
		},
		check: func(t *testing.T, r *Report) {
			near(t, "Pia top share", repOf(t, r, "Pia Pipe").PipelineTopShare, 0.5)     // 50,000 / 100,000
			near(t, "Quinn top share", repOf(t, r, "Quinn Pipe").PipelineTopShare, 0.9) // 90,000 / 100,000
			null(t, "Ray top share", repOf(t, r, "Ray Empty").PipelineTopShare)         // no amounts
			eq(t, "team pipeline", r.Team.PipelineOpen, usd(200000))
			eq(t, "team pipeline deals", r.Team.PipelineDeals, 6)
			near(t, "team top share", r.Team.PipelineTopShare, 0.45) // 90,000 / 200,000
		},
	},
	{
		name:   "goals",
		period: "2026-10",
		cfg: func(c *config.Config) {
			annual := 24000.0
			c.Goals.MonthlyCommission = 1000
			c.Goals.Reps = map[string]config.RepGoal{"Override Cy": {AnnualCommission: &annual}}
		},
		recs: func() []repcard.Record {
			var recs []repcard.Record
			for m := 1; m <= 10; m++ {
				d := repcard.MakeDate(2026, time.Month(m), 5).String()
				al := 1000.0
				if m == 10 {
					al = 2000
				}
				recs = append(recs,
					tally("Ahead Al", d, 10, 1, com(al)),
					tally("Behind Bo", d, 10, 1, com(600)),
					tally("Override Cy", d, 10, 1, com(2000)))
			}
			return recs
		}(),
		check: func(t *testing.T, r *Report) {
			type want struct {
				rep                          string
				periodActual, ytd, year, pro float64
				ahead, pace                  float64
				attainment, ytdAttainment    float64
			}
			for _, w := range []want{
				// 9 × 1,000 + 2,000 = 11,000 against 12,000 × 10/12 = 10,000;
				// pace (12,000 − 11,000) / 2 = 500
				{"Ahead Al", 2000, 11000, 12000, 10000, 1000, 500, 2, 1.1},
				// 10 × 600 = 6,000; pace (12,000 − 6,000) / 2 = 3,000
				{"Behind Bo", 600, 6000, 12000, 10000, -4000, 3000, 0.6, 0.6},
				// annual override 24,000: pro-rated 20,000; pace 4,000 / 2
				{"Override Cy", 2000, 20000, 24000, 20000, 0, 2000, 2, 1},
			} {
				g := repOf(t, r, w.rep).Goal
				eq(t, w.rep+" period_goal", g.PeriodGoal.V, int64(usd(1000)))
				eq(t, w.rep+" period_actual", g.PeriodActual.V, int64(usd(w.periodActual)))
				eq(t, w.rep+" ytd_actual", g.YTDActual.V, int64(usd(w.ytd)))
				eq(t, w.rep+" year_goal", g.YearGoal.V, int64(usd(w.year)))
				eq(t, w.rep+" prorated", g.YTDGoalProrated.V, int64(usd(w.pro)))
				eq(t, w.rep+" ahead_by", g.AheadBy.V, int64(usd(w.ahead)))
				eq(t, w.rep+" pace", g.PaceNeededPerMonth.V, int64(usd(w.pace)))
				near(t, w.rep+" attainment", g.Attainment, w.attainment)
				near(t, w.rep+" ytd_attainment", g.YTDAttainment, w.ytdAttainment)
				eq(t, w.rep+" months_left", g.MonthsLeft, 2)
			}
			g := r.Team.Goal
			eq(t, "team year_goal", g.YearGoal.V, int64(usd(48000))) // 12,000 + 12,000 + 24,000
			eq(t, "team prorated", g.YTDGoalProrated.V, int64(usd(40000)))
			eq(t, "team ytd", g.YTDActual.V, int64(usd(37000)))          // 11,000 + 6,000 + 20,000
			eq(t, "team pace", g.PaceNeededPerMonth.V, int64(usd(5500))) // 11,000 / 2
		},
	},
	{
		name:   "goals_closings",
		period: "2026-10",
		cfg: func(c *config.Config) {
			ten := 10
			c.Goals.Basis = "closings"
			c.Goals.MonthlyClosings, c.Goals.AnnualClosings = 2, 30
			c.Goals.Reps = map[string]config.RepGoal{"Cl Slow": {AnnualClosings: &ten}}
		},
		recs: func() []repcard.Record {
			var recs []repcard.Record
			for m := 1; m <= 10; m++ {
				d := repcard.MakeDate(2026, time.Month(m), 5).String()
				recs = append(recs, tally("Cl Closer", d, 20, 3), tally("Cl Slow", d, 20, 1))
			}
			return recs
		}(),
		check: func(t *testing.T, r *Report) {
			c := repOf(t, r, "Cl Closer").Goal
			eq(t, "basis", c.Basis, "closings")
			eq(t, "period_goal", c.PeriodGoal.Units(), 2.0)
			near(t, "attainment", c.Attainment, 1.5)           // 3 / 2
			eq(t, "prorated", c.YTDGoalProrated.Units(), 25.0) // 30 × 10 / 12
			eq(t, "ahead_by", c.AheadBy.Units(), 5.0)          // 30 − 25
			eq(t, "pace", c.PaceNeededPerMonth.Units(), 0.0)   // goal met
			s := repOf(t, r, "Cl Slow").Goal
			eq(t, "slow prorated", s.YTDGoalProrated.Units(), 8.33) // 10 × 10 / 12 = 8.333…
			eq(t, "slow ahead_by", s.AheadBy.Units(), 1.67)
		},
	},
	{
		name:   "roster",
		period: "2026-10",
		recs: []repcard.Record{
			roster("Rita Roster", "Mia Manager", "Boston"),
			roster("Ann On", "Mia Manager", "Boston"),
			roster("Ben Other", "Max Boss", "Denver"),
			roster("Ben Other", "", "Austin"),
			tally("Ann On", "2026-10-05", 10, 1, com(100)),
			tally("Zack Nowhere", "2026-10-05", 20, 2, com(300)),
			act("Ben Other", "2026-10-06", "call", "X", won, amt(500)),
		},
		check: func(t *testing.T, r *Report) {
			rita := repOf(t, r, "Rita Roster")
			eq(t, "Rita on roster", rita.OnRoster, true)
			eq(t, "Rita contacts", rita.Contacts, 0)
			null(t, "Rita close_rate", rita.CloseRate)
			eq(t, "Rita sources", rita.Sources, Sources{SourceNone, SourceNone, SourceNone})
			z := repOf(t, r, "Zack Nowhere")
			eq(t, "Zack manager", z.Manager, "")
			eq(t, "Zack on roster", z.OnRoster, false)
			eq(t, "Ben office", repOf(t, r, "Ben Other").Office, "Austin") // of two roster rows, the smaller
			eq(t, "managers", len(r.Managers), 2)
			eq(t, "managers[0]", r.Managers[0].Manager, "Max Boss")
			mia := managerOf(t, r, "Mia Manager")
			eq(t, "Mia reps", len(mia.Reps), 2)
			eq(t, "Mia reps[0]", mia.Reps[0], "Ann On")
			eq(t, "Mia office", mia.Office, "Boston")
			eq(t, "Mia contacts", mia.Contacts, 10)               // Ann only; Rita has none
			eq(t, "team contacts", r.Team.Contacts, 31)           // 10 + 20 + 1 (Ben's call)
			eq(t, "team commission", r.Team.Commission, usd(450)) // 100 + 300 + 500 × 10 %
		},
	},
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			cfg := testConfig()
			if f.cfg != nil {
				f.cfg(cfg)
			}
			r := buildReport(cfg, f.period, f.recs)
			f.check(t, r)
			js, err := r.JSON()
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", f.name+".json"), js)
			var streamed bytes.Buffer
			if err := r.WriteJSON(&streamed); err != nil || !bytes.Equal(streamed.Bytes(), js) {
				t.Errorf("WriteJSON differs from JSON (err %v)", err)
			}

			// Built again, and from the records in reverse order: the same bytes.
			again, _ := buildReport(cfg, f.period, f.recs).JSON()
			rev := make([]repcard.Record, len(f.recs))
			for i := range f.recs {
				rev[len(rev)-1-i] = f.recs[i]
			}
			reversed, _ := buildReport(cfg, f.period, rev).JSON()
			if !bytes.Equal(js, again) || !bytes.Equal(js, reversed) {
				t.Errorf("JSON differs between builds (again %v, reversed %v)", bytes.Equal(js, again), bytes.Equal(js, reversed))
			}
		})
	}
}
