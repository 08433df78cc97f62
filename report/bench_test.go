package report

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/repcard/repcard"
)

// benchRows is the size of the benchmark inbox: a million activities by 500
// reps over 13 months with 10,000 prospects.
const benchRows = 1_000_000

// activityGen fills one reused Record with a pseudo-random activity, as a
// reader would: strings come from fixed tables, so generating costs no
// allocation either.
type activityGen struct {
	rng       *rand.Rand
	reps      []string
	prospects []string
	dealIDs   []string
	types     []string
	reasons   []string
	first     repcard.Date
	days      int
}

func newActivityGen(seed uint64) *activityGen {
	g := &activityGen{
		rng:   rand.New(rand.NewPCG(seed, 1)),
		types: []string{"call", "email", "meeting", "visit", "social", "note"},
		reasons: []string{"", "Budget", "Went with competitor", "No need", "Timing", "Went dark", "Price too high",
			"Decision maker unavailable"},
		first: repcard.MakeDate(2025, 10, 1),
	}
	g.days = int(repcard.MakeDate(2026, 10, 31) - g.first + 1) // 13 months
	for i := range 500 {
		g.reps = append(g.reps, fmt.Sprintf("Rep %03d", i))
	}
	for i := range 10_000 {
		g.prospects = append(g.prospects, fmt.Sprintf("Prospect %05d", i))
	}
	for i := range 50_000 {
		g.dealIDs = append(g.dealIDs, fmt.Sprintf("D%06d", i))
	}
	return g
}

func (g *activityGen) next(rec *repcard.Record) {
	*rec = repcard.Record{
		Kind:     repcard.KindActivities,
		Rep:      g.reps[g.rng.IntN(len(g.reps))],
		Date:     g.first + repcard.Date(g.rng.IntN(g.days)),
		Type:     g.types[g.rng.IntN(len(g.types))],
		Prospect: g.prospects[g.rng.IntN(len(g.prospects))],
	}
	switch x := g.rng.IntN(100); {
	case x < 5:
		rec.Planned = true
	case x < 15:
		rec.Outcome, rec.Amount, rec.HasAmount = repcard.OutcomeWon, repcard.Money(g.rng.IntN(1_000_000)), true
	case x < 35:
		rec.Outcome, rec.LossReason = repcard.OutcomeLost, g.reasons[g.rng.IntN(len(g.reasons))]
		if g.rng.IntN(4) == 0 {
			rec.Referral = repcard.Yes
		}
	case x < 40:
		rec.Outcome = repcard.OutcomeMaybe
	}
	if g.rng.IntN(10) == 0 {
		rec.NextFollowUp = rec.Date + repcard.Date(g.rng.IntN(120))
	}
	if g.rng.IntN(3) == 0 {
		rec.DealID = g.dealIDs[g.rng.IntN(len(g.dealIDs))]
	}
}

// BenchmarkAdd is the cost of one Add in the steady state of a
// million-row inbox: the Builder first takes benchRows rows, then the timed
// loop adds more of the same kind.
func BenchmarkAdd(b *testing.B) {
	g := newActivityGen(1)
	bl := NewBuilder(testConfig())
	var rec repcard.Record
	for range benchRows {
		g.next(&rec)
		bl.Add(&rec)
	}
	recs := make([]repcard.Record, 4096) // generated outside the timer
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i%len(recs) == 0 {
			b.StopTimer()
			for j := range recs {
				g.next(&recs[j])
			}
			b.StartTimer()
		}
		bl.Add(&recs[i%len(recs)])
		i++
	}
}

// BenchmarkAdd1M adds a whole million-row inbox per iteration, from an empty
// Builder, and reports the live heap it leaves.
func BenchmarkAdd1M(b *testing.B) {
	g := newActivityGen(1)
	var rec repcard.Record
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		bl := NewBuilder(testConfig())
		for range benchRows {
			g.next(&rec)
			bl.Add(&rec)
		}
		b.StopTimer()
		heap = liveHeap()
		runtime.KeepAlive(bl)
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "live-MB")
}

// BenchmarkBuild builds the report of the last month of a million-row inbox
// (plus 20,000 deals and a roster).
func BenchmarkBuild(b *testing.B) {
	g := newActivityGen(1)
	bl := NewBuilder(testConfig())
	var rec repcard.Record
	for range benchRows {
		g.next(&rec)
		bl.Add(&rec)
	}
	for i := range 20_000 {
		d := dl(g.reps[i%500], []repcard.Outcome{repcard.OutcomeWon, repcard.OutcomeLost, repcard.OutcomeOpen}[i%3],
			(g.first + repcard.Date(i%g.days)).String(), g.prospects[i%10_000], amt(float64(i)), stage("Proposal"),
			created(g.first.String()))
		bl.Add(&d)
	}
	for i, r := range g.reps {
		ro := roster(r, fmt.Sprintf("Manager %02d", i%25), "HQ")
		bl.Add(&ro)
	}
	heap := liveHeap()
	p := mustPeriod("2026-10")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bl.Build(p)
	}
	b.ReportMetric(float64(heap)/(1<<20), "live-MB")
	runtime.KeepAlive(bl)
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
