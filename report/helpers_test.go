package report

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// day parses an ISO date for fixtures.
func day(s string) repcard.Date {
	if s == "" {
		return 0
	}
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		panic("bad fixture date " + s)
	}
	return repcard.MakeDate(y, time.Month(m), d)
}

// usd is an amount in currency units, as Money.
func usd(units float64) repcard.Money { return repcard.Money(math.Round(units * 100)) }

type opt func(*repcard.Record)

func won(r *repcard.Record)   { r.Outcome = repcard.OutcomeWon }
func maybe(r *repcard.Record) { r.Outcome = repcard.OutcomeMaybe }
func planned(r *repcard.Record) {
	r.Planned = true
}
func ref(r *repcard.Record)       { r.Referral = repcard.Yes }
func noContact(r *repcard.Record) { r.NoContact = true }
func lost(reason string) opt {
	return func(r *repcard.Record) { r.Outcome, r.LossReason = repcard.OutcomeLost, reason }
}
func amt(units float64) opt {
	return func(r *repcard.Record) { r.Amount, r.HasAmount = usd(units), true }
}
func com(units float64) opt {
	return func(r *repcard.Record) { r.Commission, r.HasCommission = usd(units), true }
}
func stage(s string) opt { return func(r *repcard.Record) { r.Stage = s } }
func prob(p float64) opt {
	return func(r *repcard.Record) { r.Probability, r.HasProbability = p, true }
}
func outcomeText(s string) opt { return func(r *repcard.Record) { r.OutcomeText = s } }
func reached(s string) opt     { return func(r *repcard.Record) { r.StageReached = s } }
func created(d string) opt     { return func(r *repcard.Record) { r.Created = day(d) } }
func nfu(d string) opt         { return func(r *repcard.Record) { r.NextFollowUp = day(d) } }
func dealID(id string) opt     { return func(r *repcard.Record) { r.DealID = id } }
func rejections(n int) opt     { return func(r *repcard.Record) { r.Rejections = n } }
func referralAsks(n int) opt   { return func(r *repcard.Record) { r.ReferralAsks = n } }

func act(rep, date, typ, prospect string, o ...opt) repcard.Record {
	r := repcard.Record{Kind: repcard.KindActivities, Rep: rep, Date: day(date), Type: typ, Prospect: prospect}
	for _, f := range o {
		f(&r)
	}
	return r
}

// dl is a deals row: status is won, lost or open.
func dl(rep string, status repcard.Outcome, date, prospect string, o ...opt) repcard.Record {
	r := repcard.Record{Kind: repcard.KindDeals, Rep: rep, Date: day(date), Prospect: prospect, Outcome: status}
	for _, f := range o {
		f(&r)
	}
	return r
}

func dealWon(rep, date, prospect string, o ...opt) repcard.Record {
	return dl(rep, repcard.OutcomeWon, date, prospect, o...)
}

func dealLost(rep, date, prospect, reason string, o ...opt) repcard.Record {
	return dl(rep, repcard.OutcomeLost, date, prospect, append([]opt{lost(reason)}, o...)...)
}

func dealOpen(rep, expected, prospect string, o ...opt) repcard.Record {
	return dl(rep, repcard.OutcomeOpen, expected, prospect, o...)
}

func tally(rep, date string, contacts, closings int, o ...opt) repcard.Record {
	r := repcard.Record{Kind: repcard.KindTallies, Rep: rep, Date: day(date), Contacts: contacts, Closings: closings, HasClosings: true}
	for _, f := range o {
		f(&r)
	}
	return r
}

func roster(rep, manager, office string) repcard.Record {
	return repcard.Record{Kind: repcard.KindRoster, Rep: rep, Manager: manager, Office: office}
}

// testConfig is config.Default with every value the fixtures depend on set
// explicitly, so a change of default does not change the fixtures.
func testConfig() *config.Config {
	c := config.Default()
	c.Currency = "USD"
	c.ContactTypes = []string{"call", "email", "meeting", "visit", "social"}
	c.Commission.Rate, c.Commission.PerSale = 0.10, 0
	c.Goals.Basis = "commission"
	c.FollowUpAfterDays, c.StaleAfterDays = 90, 45
	c.LateStages = []string{"proposal", "negotiation"}
	c.NearMissProb = 70
	c.Alerts = config.Alerts{RatioWorsePct: 20, ContactsDownPct: 25, ValueDownPct: 25}
	c.LossReasons.Categories = map[string]config.LossCategory{
		"timing":     {Controllable: false, Match: []string{"timing", "not now", "next year"}},
		"budget":     {Controllable: false, Match: []string{"budget", "price", "too expensive"}},
		"competitor": {Controllable: false, Match: []string{"competitor", "went with"}},
		"fit":        {Controllable: true, Match: []string{"wrong contact", "decision maker", "no need"}},
		"follow_up":  {Controllable: true, Match: []string{"no response", "went dark", "no follow"}},
	}
	return c
}

func mustPeriod(s string) repcard.Period {
	p, err := repcard.ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func buildReport(cfg *config.Config, period string, recs []repcard.Record) *Report {
	b := NewBuilder(cfg)
	for i := range recs {
		b.Add(&recs[i])
	}
	return b.Build(mustPeriod(period))
}

func repOf(t *testing.T, r *Report, name string) *Rep {
	t.Helper()
	for i := range r.Reps {
		if r.Reps[i].Rep == name {
			return &r.Reps[i]
		}
	}
	t.Fatalf("no rep %q in report", name)
	return nil
}

func managerOf(t *testing.T, r *Report, name string) *Manager {
	t.Helper()
	for i := range r.Managers {
		if r.Managers[i].Manager == name {
			return &r.Managers[i]
		}
	}
	t.Fatalf("no manager %q in report", name)
	return nil
}

// eq fails the test when got != want.
func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// near fails the test when a Ratio is undefined or further than 1e-9 from want.
func near(t *testing.T, what string, got Ratio, want float64) {
	t.Helper()
	if !got.OK || math.Abs(got.V-want) > 1e-9 {
		t.Errorf("%s = %v (ok %v), want %v", what, got.V, got.OK, want)
	}
}

func null(t *testing.T, what string, got Ratio) {
	t.Helper()
	if got.OK {
		t.Errorf("%s = %v, want null", what, got.V)
	}
}

func money(t *testing.T, what string, got NullMoney, want repcard.Money) {
	t.Helper()
	if !got.OK || got.V != want {
		t.Errorf("%s = %v (ok %v), want %v", what, got.V, got.OK, want)
	}
}
