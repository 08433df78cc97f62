package report

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/repcard/repcard"
)

// randomRecords returns n random records of every kind for 8 reps (6 on a
// roster under 3 managers), 30 prospects with case variants, June 2025 to
// December 2026.
func randomRecords(seed uint64, n int) []repcard.Record {
	rng := rand.New(rand.NewPCG(seed, 42))
	reps := []string{"Ann", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal"}
	managers := []string{"Mia", "Max", "Moe"}
	types := []string{"call", "email", "meeting", "visit", "social", "note", "", "Call"}
	reasons := []string{"", "Budget", "budget", "Went with competitor", "No need", "timing", "went dark", "Weird reason"}
	stages := []string{"", "Discovery", "Proposal", "negotiation", "Qualification"}
	prospect := func() string {
		i := rng.IntN(30)
		switch rng.IntN(5) {
		case 0:
			return fmt.Sprintf("PROSPECT %d", i)
		case 1:
			return ""
		}
		return fmt.Sprintf("Prospect %d", i)
	}
	date := func() repcard.Date {
		first := repcard.MakeDate(2025, 6, 1)
		return first + repcard.Date(rng.IntN(int(repcard.MakeDate(2026, 12, 31)-first)+1))
	}
	var recs []repcard.Record
	for i, r := range reps[:6] {
		recs = append(recs, repcard.Record{Kind: repcard.KindRoster, Rep: r, Manager: managers[i%3], Office: fmt.Sprint("Office ", i%2)})
	}
	recs = append(recs, repcard.Record{Kind: repcard.KindRoster, Rep: "Ivy", Manager: "Mia"}) // no rows
	for len(recs) < n {
		rec := repcard.Record{Rep: reps[rng.IntN(len(reps))], Date: date(), Prospect: prospect()}
		// Reps 0–2 log activities, 3–4 keep tallies, 5–6 export deals, 7 all three.
		idx := 0
		for j, r := range reps {
			if r == rec.Rep {
				idx = j
			}
		}
		kinds := [][]repcard.Kind{
			{repcard.KindActivities}, {repcard.KindActivities}, {repcard.KindActivities, repcard.KindDeals},
			{repcard.KindTallies}, {repcard.KindTallies, repcard.KindActivities},
			{repcard.KindDeals}, {repcard.KindDeals}, {repcard.KindActivities, repcard.KindTallies, repcard.KindDeals},
		}[idx]
		rec.Kind = kinds[rng.IntN(len(kinds))]
		if rng.IntN(3) == 0 {
			rec.Amount, rec.HasAmount = repcard.Money(rng.IntN(1_000_000)), true
		}
		if rng.IntN(6) == 0 {
			rec.Commission, rec.HasCommission = repcard.Money(rng.IntN(50_000)), true
		}
		switch rec.Kind {
		case repcard.KindActivities:
			rec.Type = types[rng.IntN(len(types))]
			rec.Planned = rng.IntN(10) == 0
			rec.Outcome = []repcard.Outcome{repcard.OutcomeNone, repcard.OutcomeNone, repcard.OutcomeWon, repcard.OutcomeLost, repcard.OutcomeLost, repcard.OutcomeMaybe}[rng.IntN(6)]
			rec.DealID = []string{"", "", "D1", "D2"}[rng.IntN(4)]
		case repcard.KindDeals:
			rec.Outcome = []repcard.Outcome{repcard.OutcomeWon, repcard.OutcomeLost, repcard.OutcomeOpen}[rng.IntN(3)]
			rec.ID = fmt.Sprint("D", rng.IntN(5))
			if rec.Outcome == repcard.OutcomeOpen {
				rec.Created = date()
				if rng.IntN(2) == 0 {
					rec.Date = 0
				}
			}
			if rng.IntN(2) == 0 {
				rec.Probability, rec.HasProbability = float64(rng.IntN(101)), true
			}
		case repcard.KindTallies:
			rec.Prospect = ""
			rec.Contacts = rng.IntN(30)
			rec.Closings = rng.IntN(rec.Contacts/5 + 1)
			rec.HasClosings = true
			rec.Rejections = rng.IntN(rec.Contacts - rec.Closings + 1)
			rec.ReferralAsks = rng.IntN(3)
		}
		if rec.Outcome == repcard.OutcomeLost {
			rec.LossReason = reasons[rng.IntN(len(reasons))]
			rec.Stage = stages[rng.IntN(len(stages))]
		}
		if rng.IntN(4) == 0 {
			rec.Referral = repcard.Yes
		}
		if rng.IntN(5) == 0 {
			rec.NextFollowUp = date()
		}
		recs = append(recs, rec)
	}
	return recs
}

// countsSums and metricSums list the additive numbers of an entry, to
// compare a group with the sum of its reps.
func countsSums(c *Counts) []int64 {
	return []int64{int64(c.Contacts), int64(c.Planned), int64(c.Closings), int64(c.Revenue), int64(c.Commission),
		int64(c.ExplicitNos), int64(c.ReferralAsks.V), int64(c.Touches)}
}

func metricSums(m *Metrics) []int64 {
	s := countsSums(&m.Counts)
	s = append(s, int64(m.ControllableNos), int64(m.UncontrollableNos), int64(m.NearMissesCount),
		int64(m.FollowUpsDueCount), int64(m.StaleMaybesCount), int64(m.PipelineOpen), int64(m.PipelineDeals),
		m.Goal.PeriodGoal.V, m.Goal.YearGoal.V, int64(len(m.Wins)))
	for i := range m.Monthly {
		s = append(s, countsSums(&m.Monthly[i].Counts)...)
	}
	return append(s, countsSums(&m.YTD.Counts)...)
}

func addSums(a, b []int64) []int64 {
	if a == nil {
		a = make([]int64, len(b))
	}
	for i := range b {
		a[i] += b[i]
	}
	return a
}

// checkCounts checks what must hold inside one Counts.
func checkCounts(t *testing.T, who string, c *Counts) {
	t.Helper()
	if want := max(c.Contacts-c.Closings, 0); c.Rejections != want || c.Rejections < 0 {
		t.Errorf("%s: rejections %d, contacts %d, closings %d", who, c.Rejections, c.Contacts, c.Closings)
	}
	if c.Contacts > 0 && (!c.CloseRate.OK || c.CloseRate.V != float64(c.Closings)/float64(c.Contacts)) {
		t.Errorf("%s: close_rate %v for %d / %d", who, c.CloseRate, c.Closings, c.Contacts)
	}
	if c.Closings == 0 && c.ContactsPerClose.OK {
		t.Errorf("%s: contacts_per_close defined with no closings", who)
	}
}

func checkMetrics(t *testing.T, who string, m *Metrics) {
	t.Helper()
	checkCounts(t, who, &m.Counts)
	checkCounts(t, who+" ytd", &m.YTD.Counts)
	for i := range m.Monthly {
		checkCounts(t, who+" "+m.Monthly[i].Month, &m.Monthly[i].Counts)
	}
	n := 0
	for _, lr := range m.LossReasons {
		n += lr.Count
	}
	if n != m.ExplicitNos {
		t.Errorf("%s: loss reasons count %d, explicit nos %d", who, n, m.ExplicitNos)
	}
	if m.ControllableNos+m.UncontrollableNos > m.ExplicitNos {
		t.Errorf("%s: controllable %d + uncontrollable %d > nos %d", who, m.ControllableNos, m.UncontrollableNos, m.ExplicitNos)
	}
}

func TestProperties(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		recs := randomRecords(seed, 3000)
		for _, period := range []string{"2026-10", "2026-Q2", "2026", "2025-07"} {
			t.Run(fmt.Sprintf("seed%d/%s", seed, period), func(t *testing.T) {
				cfg := testConfig()
				cfg.Commission.PerSale = 12.5
				cfg.Goals.MonthlyCommission = 1000
				b := NewBuilder(cfg)
				for i := range recs {
					b.Add(&recs[i])
				}
				p := mustPeriod(period)
				r := b.Build(p)

				// Team totals = sum over reps; manager totals = sum over their reps.
				var all []int64
				byName := map[string]*Rep{}
				for i := range r.Reps {
					rep := &r.Reps[i]
					byName[rep.Rep] = rep
					checkMetrics(t, rep.Rep, &rep.Metrics)
					all = addSums(all, metricSums(&rep.Metrics))
					if len(rep.FollowUpsDue) != rep.FollowUpsDueCount || len(rep.StaleMaybes) != rep.StaleMaybesCount {
						t.Errorf("%s: list lengths differ from counts", rep.Rep)
					}
					// Every lost deal is a loss; activity nos are listed per
					// prospect and month, and tallied nos have no prospect.
					losses := 0
					for _, l := range rep.Losses {
						losses += l.Count
					}
					if losses > rep.ExplicitNos || (rep.Sources.Closings == SourceDeals && losses != rep.ExplicitNos) {
						t.Errorf("%s: losses add up to %d, explicit nos %d (closings from %s)", rep.Rep, losses, rep.ExplicitNos, rep.Sources.Closings)
					}
				}
				checkMetrics(t, "team", &r.Team)
				if got := metricSums(&r.Team); fmt.Sprint(got) != fmt.Sprint(all) {
					t.Errorf("team sums %v\nreps sum  %v", got, all)
				}
				if len(r.Managers) != 3 {
					t.Errorf("managers = %d, want 3", len(r.Managers))
				}
				for i := range r.Managers {
					m := &r.Managers[i]
					checkMetrics(t, m.Manager, &m.Metrics)
					var s []int64
					for _, name := range m.Reps {
						s = addSums(s, metricSums(&byName[name].Metrics))
					}
					if got := metricSums(&m.Metrics); fmt.Sprint(got) != fmt.Sprint(s) {
						t.Errorf("manager %s sums %v\nreps sum %v", m.Manager, got, s)
					}
				}

				// Build twice: identical bytes.
				js, err := r.JSON()
				if err != nil {
					t.Fatal(err)
				}
				var streamed bytes.Buffer
				if err := r.WriteJSON(&streamed); err != nil || !bytes.Equal(streamed.Bytes(), js) {
					t.Errorf("WriteJSON differs from JSON (err %v)", err)
				}
				again, _ := b.Build(p).JSON()
				if !bytes.Equal(js, again) {
					t.Error("Build twice gives different JSON")
				}

				// Another order of the same records: identical bytes.
				shuffled := append([]repcard.Record(nil), recs...)
				rand.New(rand.NewPCG(seed, 7)).Shuffle(len(shuffled), func(i, j int) {
					shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
				})
				other, _ := buildReport(cfg, period, shuffled).JSON()
				if !bytes.Equal(js, other) {
					t.Error("another order of records gives different JSON")
				}
			})
		}
	}
}
