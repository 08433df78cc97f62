package report

import (
	"fmt"
	"slices"
	"testing"

	"github.com/repcard/repcard"
)

func TestPlaces(t *testing.T) {
	m := func(cents int64) NullMoney { return NullMoney{V: repcard.Money(cents), OK: true} }
	none := NullMoney{}
	tests := []struct {
		name string
		in   []NullMoney
		want string // place of each value, "-" when undefined
		of   int
	}{
		{"empty", nil, "[]", 0},
		{"one", []NullMoney{m(100)}, "[1]", 1},
		{"highest first", []NullMoney{m(100), m(300), m(200)}, "[3 1 2]", 3},
		{"ties share a place, the next is skipped", []NullMoney{m(200), m(500), m(200), m(100)}, "[2 1 2 4]", 4},
		{"all tied", []NullMoney{m(7), m(7), m(7)}, "[1 1 1]", 3},
		{"no contacts: no place, not counted", []NullMoney{none, m(50), none, m(0)}, "[- 1 - 2]", 2},
		{"zero value ranks last", []NullMoney{m(0), m(1)}, "[2 1]", 2},
		{"negative (refunds) below zero", []NullMoney{m(-5), m(0)}, "[2 1]", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, of := places(tt.in)
			s := make([]string, len(got))
			for i, p := range got {
				s[i] = "-"
				if p != nil {
					s[i] = fmt.Sprint(*p)
				}
			}
			if g := fmt.Sprint(s); g != tt.want || of != tt.of {
				t.Errorf("places = %s of %d, want %s of %d", g, of, tt.want, tt.of)
			}
			// The same values in reverse order give the same places.
			rev := slices.Clone(tt.in)
			slices.Reverse(rev)
			back, _ := places(rev)
			slices.Reverse(back)
			for i := range got {
				if (got[i] == nil) != (back[i] == nil) || got[i] != nil && *got[i] != *back[i] {
					t.Errorf("value %d: place depends on order", i)
				}
			}
		})
	}
}

func TestRankReps(t *testing.T) {
	rep := func(name string, prev, now NullMoney) Rep {
		return Rep{Rep: name, Metrics: Metrics{Monthly: []Month{
			{Month: "2026-09", Counts: Counts{ValuePerContact: prev}},
			{Month: "2026-10", Counts: Counts{ValuePerContact: now}},
		}}}
	}
	m := func(c int64) NullMoney { return NullMoney{V: repcard.Money(c), OK: true} }
	reps := []Rep{
		rep("Ann", m(100), m(400)),      // 3rd → 1st: up 2
		rep("Bob", m(300), m(200)),      // 1st → 2nd: down 1
		rep("Cy", m(200), m(200)),       // 2nd → 2nd (tie with Bob)
		rep("Dee", NullMoney{}, m(100)), // no contacts last month: no change
		rep("Eve", m(50), NullMoney{}),  // no contacts now
	}
	rankReps(reps)
	want := []string{
		"Ann 2026-10 #1 of 4, 2026-09 #3 of 4 (1.00), change 2",
		"Bob 2026-10 #2 of 4, 2026-09 #1 of 4 (3.00), change -1",
		"Cy 2026-10 #2 of 4, 2026-09 #2 of 4 (2.00), change 0",
		"Dee 2026-10 #4 of 4, 2026-09 #- of 4 (null), change -",
		"Eve 2026-10 #- of 4, 2026-09 #4 of 4 (0.50), change -",
	}
	for i, r := range reps {
		k := r.Rank
		pv, _ := k.PreviousValuePerContact.MarshalJSON()
		got := fmt.Sprintf("%s %s #%s of %d, %s #%s of %d (%s), change %s", r.Rep, k.Month, ptr(k.Rank), k.Of,
			k.PreviousMonth, ptr(k.PreviousRank), k.PreviousOf, pv, ptr(k.Change))
		if got != want[i] {
			t.Errorf("got  %s\nwant %s", got, want[i])
		}
	}
}

func ptr(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}
