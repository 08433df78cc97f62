package report

import (
	"bytes"
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/repcard/repcard"
)

// TestStateStore adds enough updates for many compactions (runs of tens of
// thousands of pairs, tails merged into them, pairs repeated within a tail
// and across tail and run, months visited out of order) and compares the
// store with a plain map folded by the same merge, in both add orders.
func TestStateStore(t *testing.T) {
	b := NewBuilder(nil)
	reasons := []int32{0, b.reasons.id("Budget"), b.reasons.id("Timing"), b.reasons.id("No need")}
	rng := rand.New(rand.NewPCG(7, 8))
	type key struct {
		m    repcard.Month
		pair uint64
	}
	type update struct {
		key
		st pstate
	}
	months := []repcard.Month{repcard.MonthOf(2026, 1), repcard.MonthOf(2026, 2), repcard.MonthOf(2025, 12), repcard.MonthOf(2026, 3)}
	var updates []update
	for i := range 120_000 {
		// Mostly in month order, as exports come, with stragglers.
		m := months[min(i/30_000, 3)]
		if rng.IntN(10) == 0 {
			m = months[rng.IntN(len(months))]
		}
		st := pstate{touch: uint8(1 + rng.IntN(28))}
		if rng.IntN(3) > 0 {
			st.nfu = repcard.MakeDate(2026, 1, 1) + repcard.Date(rng.IntN(400))
		}
		switch rng.IntN(4) {
		case 0:
			st.no, st.reason, st.nos = uint8(1+rng.IntN(28)), reasons[rng.IntN(len(reasons))], uint32(1+rng.IntN(3))
		case 1:
			st.maybe = uint8(1 + rng.IntN(28))
		case 2:
			st.won = uint8(1 + rng.IntN(28))
		}
		pair := uint64(rng.IntN(40))<<idBits | uint64(rng.IntN(2000))
		updates = append(updates, update{key{m, pair}, st})
	}
	want := map[key]pstate{}
	for _, u := range updates {
		st, seen := want[u.key]
		if !seen {
			st = u.st
		} else {
			b.mergeState(&st, &u.st)
		}
		want[u.key] = st
	}
	for _, order := range []string{"forward", "backward"} {
		s := stateStore{merge: b.mergeState}
		for i := range updates {
			u := updates[i]
			if order == "backward" {
				u = updates[len(updates)-1-i]
			}
			s.add(u.m, u.pair, u.st)
		}
		s.flush()
		n := 0
		for i, ms := range s.months {
			if i > 0 && s.months[i-1].m >= ms.m {
				t.Fatalf("%s: months out of order: %v then %v", order, s.months[i-1].m, ms.m)
			}
			for j, e := range ms.run {
				if j > 0 && ms.run[j-1].pair() >= e.pair() {
					t.Fatalf("%s: month %v: run not sorted and unique at %d", order, ms.m, j)
				}
				if w := want[key{ms.m, e.pair()}]; w != e.state() {
					t.Fatalf("%s: month %v pair %x: got %+v, want %+v", order, ms.m, e.pair(), e.state(), w)
				}
				n++
			}
		}
		if n != len(want) {
			t.Fatalf("%s: %d entries, want %d", order, n, len(want))
		}

		// eachPair over the last three months: each pair once, in order,
		// with its months oldest first.
		from := months[0]
		var last uint64
		seen := 0
		eachPair(s.between(from, months[3]), func(pair uint64, ms []repcard.Month, sts []pstate) {
			if seen > 0 && pair <= last {
				t.Fatalf("%s: pair %x after %x", order, pair, last)
			}
			last = pair
			if !slices.IsSorted(ms) || len(ms) != len(sts) || len(ms) == 0 {
				t.Fatalf("%s: pair %x: months %v", order, pair, ms)
			}
			for i, m := range ms {
				if m < from || want[key{m, pair}] != sts[i] {
					t.Fatalf("%s: pair %x month %v: got %+v", order, pair, m, sts[i])
				}
				seen++
			}
		})
		inRange := 0
		for k := range want {
			if k.m >= from {
				inRange++
			}
		}
		if seen != inRange {
			t.Fatalf("%s: eachPair saw %d entries, want %d", order, seen, inRange)
		}
	}
}

func TestStateStoreBetween(t *testing.T) {
	s := stateStore{merge: func(dst, src *pstate) {}}
	for _, m := range []repcard.Month{30, 10, 20} {
		s.add(m, 1, pstate{})
	}
	s.flush()
	for _, c := range []struct {
		first, last repcard.Month
		want        []repcard.Month
	}{
		{0, 100, []repcard.Month{10, 20, 30}},
		{10, 20, []repcard.Month{10, 20}},
		{11, 19, nil},
		{15, 30, []repcard.Month{20, 30}},
		{31, 40, nil},
		{0, 9, nil},
		{20, 10, nil},
	} {
		var got []repcard.Month
		for _, ms := range s.between(c.first, c.last) {
			got = append(got, ms.m)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("between(%d, %d) = %v, want %v", c.first, c.last, got, c.want)
		}
	}
}

// TestStateEntryPacking: a pstate comes back from its two words as it went
// in, inside the bounds the packing documents, and held to them outside.
func TestStateEntryPacking(t *testing.T) {
	maxPair := uint64(1)<<(repBits+idBits) - 1
	for _, c := range []struct {
		name     string
		pair     uint64
		in, want pstate
	}{
		{"zero", 0, pstate{}, pstate{}},
		{"all days", 12345, pstate{touch: 31, no: 30, maybe: 1, won: 29}, pstate{touch: 31, no: 30, maybe: 1, won: 29}},
		{"largest pair", maxPair, pstate{touch: 7, reason: 3, nos: 2}, pstate{touch: 7, reason: 3, nos: 2}},
		{"nfu 1900-01-01", 1, pstate{nfu: repcard.MakeDate(1900, 1, 1)}, pstate{nfu: repcard.MakeDate(1900, 1, 1)}},
		{"nfu 2100-12-31", 1, pstate{nfu: repcard.MakeDate(2100, 12, 31)}, pstate{nfu: repcard.MakeDate(2100, 12, 31)}},
		{"nfu before 1900 held to 1900", 1, pstate{nfu: repcard.MakeDate(1850, 5, 5)}, pstate{nfu: repcard.MakeDate(1900, 1, 1)}},
		{"nfu past 2617 held", 1, pstate{nfu: repcard.MakeDate(3000, 1, 1)}, pstate{nfu: nfuBase + 1<<nfuBits - 1}},
		{"largest reason", 9, pstate{no: 4, reason: 1<<reasonBits - 1, nos: 1}, pstate{no: 4, reason: 1<<reasonBits - 1, nos: 1}},
		{"reason too large is none", 9, pstate{no: 4, reason: 1 << reasonBits, nos: 1}, pstate{no: 4, nos: 1}},
		{"nos saturate", 9, pstate{no: 4, nos: maxNos + 5}, pstate{no: 4, nos: maxNos}},
	} {
		e := packState(c.pair, &c.in)
		if e.pair() != c.pair || e.state() != c.want {
			t.Errorf("%s: got pair %x state %+v, want %x %+v", c.name, e.pair(), e.state(), c.pair, c.want)
		}
	}
	if got := nfuBase + 1<<nfuBits - 1; got < repcard.MakeDate(2617, 1, 1) {
		t.Errorf("nfu reaches only %v", got)
	}
	// Entries sort by pair whatever the days.
	a := packState(5, &pstate{touch: 31, no: 31, maybe: 31, won: 31})
	b := packState(6, &pstate{})
	if a.key >= b.key {
		t.Error("days spill into the pair")
	}
}

// manyProspects returns n activity rows of 5 reps with 5,000 prospects over
// three months: enough rows per month for the state store to merge tails
// into runs many times.
func manyProspects(n int) []repcard.Record {
	rng := rand.New(rand.NewPCG(3, 4))
	outcomes := []repcard.Outcome{repcard.OutcomeNone, repcard.OutcomeWon, repcard.OutcomeLost, repcard.OutcomeMaybe}
	reasons := []string{"", "Budget", "Timing", "went dark"}
	first := repcard.MakeDate(2026, 8, 1)
	recs := make([]repcard.Record, n)
	for i := range recs {
		r := repcard.Record{
			Kind: repcard.KindActivities, Rep: fmt.Sprint("Rep ", rng.IntN(5)), Type: "call",
			Date:     first + repcard.Date(rng.IntN(92)),
			Prospect: fmt.Sprint("Prospect ", rng.IntN(5000)),
			Outcome:  outcomes[rng.IntN(len(outcomes))],
		}
		if r.Outcome == repcard.OutcomeLost {
			r.LossReason = reasons[rng.IntN(len(reasons))]
			if rng.IntN(2) == 0 {
				r.NextFollowUp = r.Date + repcard.Date(rng.IntN(120))
			}
		}
		recs[i] = r
	}
	return recs
}

// The report does not depend on the order rows come in, nor on whether it
// is built by Build or Finish, with the state store merging many times.
func TestManyProspectsOrderAndFinish(t *testing.T) {
	recs := manyProspects(40_000)
	sorted := slices.Clone(recs)
	slices.SortStableFunc(sorted, func(x, y repcard.Record) int { return cmp.Compare(x.Date, y.Date) })
	build := func(recs []repcard.Record, finish bool, p repcard.Period) []byte {
		b := NewBuilder(testConfig())
		for i := range recs {
			b.Add(&recs[i])
		}
		var r *Report
		if finish {
			r = b.Finish(p)
		} else {
			r = b.Build(p)
		}
		j, err := r.JSON()
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	for _, period := range []string{"2026-10", "2026-Q3", "2026-09"} {
		p := mustPeriod(period)
		want := build(recs, false, p)
		if got := build(sorted, false, p); !bytes.Equal(got, want) {
			t.Errorf("%s: rows in date order give another report", period)
		}
		if got := build(recs, true, p); !bytes.Equal(got, want) {
			t.Errorf("%s: Finish gives another report than Build", period)
		}
		if period == "2026-10" && (!bytes.Contains(want, []byte(`"rule": "quiet `)) || !bytes.Contains(want, []byte(`"rule": "follow-up date"`))) {
			t.Errorf("%s: the fixture should have follow-ups due by both rules", period)
		}
	}
}

// Shorten keeps the first entries and the full counts.
func TestShorten(t *testing.T) {
	b := NewBuilder(testConfig())
	recs := manyProspects(20_000)
	for i := range recs {
		b.Add(&recs[i])
	}
	full := b.Build(mustPeriod("2026-10"))
	short := b.Build(mustPeriod("2026-10"))
	short.Shorten(3)
	for i := range full.Reps {
		f, s := &full.Reps[i], &short.Reps[i]
		if len(f.FollowUpsDue) <= 3 || len(f.StaleMaybes) <= 3 {
			t.Fatalf("%s: the fixture should have more than 3 follow-ups and stale maybes", f.Rep)
		}
		if !slices.Equal(s.FollowUpsDue, f.FollowUpsDue[:3]) || !slices.Equal(s.StaleMaybes, f.StaleMaybes[:3]) {
			t.Errorf("%s: shortened lists are not the first three", f.Rep)
		}
		if cap(s.FollowUpsDue) != 3 || cap(s.StaleMaybes) != 3 {
			t.Errorf("%s: shortened lists still hold the long arrays", f.Rep)
		}
		if s.FollowUpsDueCount != len(f.FollowUpsDue) || s.StaleMaybesCount != len(f.StaleMaybes) {
			t.Errorf("%s: counts changed: %d, %d", f.Rep, s.FollowUpsDueCount, s.StaleMaybesCount)
		}
	}
}
