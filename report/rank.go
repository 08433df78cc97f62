package report

import (
	"cmp"
	"slices"

	"github.com/repcard/repcard"
)

// Rank is a rep's place among all the report's reps on value per contact,
// in the period's last month and in the month before: a rep's own place,
// never the others' names.
type Rank struct {
	Month                   string    `json:"month"`             // the period's last month
	ValuePerContact         NullMoney `json:"value_per_contact"` // that month's, to the cent
	Rank                    *int      `json:"rank"`              // 1 is the highest; null without contacts that month
	Of                      int       `json:"of"`                // reps with contacts that month
	PreviousMonth           string    `json:"previous_month"`
	PreviousValuePerContact NullMoney `json:"previous_value_per_contact"`
	PreviousRank            *int      `json:"previous_rank"`
	PreviousOf              int       `json:"previous_of"`
	Change                  *int      `json:"change"` // previous_rank − rank: places up (negative: down); null unless both are set
}

// Up returns the places the rep moved up (negative: down), and whether both
// months have a rank.
func (r Rank) Up() (int, bool) {
	if r.Change == nil {
		return 0, false
	}
	return *r.Change, true
}

// rankReps sets every rep's Rank from its last two trailing months. Reps
// with equal values to the cent share a place, and the next place is
// skipped (1, 2, 2, 4): the rank depends on the values only, never on
// names or order.
func rankReps(reps []Rep) {
	if len(reps) == 0 {
		return
	}
	vals := func(back int) []NullMoney {
		v := make([]NullMoney, len(reps))
		for i := range reps {
			if ms := reps[i].Monthly; len(ms) > back {
				v[i] = ms[len(ms)-1-back].ValuePerContact
			}
		}
		return v
	}
	now, prev := vals(0), vals(1)
	rankNow, ofNow := places(now)
	rankPrev, ofPrev := places(prev)
	for i := range reps {
		r := &reps[i]
		ms := r.Monthly
		k := Rank{ValuePerContact: now[i], Rank: rankNow[i], Of: ofNow,
			PreviousValuePerContact: prev[i], PreviousRank: rankPrev[i], PreviousOf: ofPrev}
		if len(ms) > 0 {
			k.Month = ms[len(ms)-1].Month
		}
		if len(ms) > 1 {
			k.PreviousMonth = ms[len(ms)-2].Month
		}
		if k.Rank != nil && k.PreviousRank != nil {
			c := *k.PreviousRank - *k.Rank
			k.Change = &c
		}
		r.Rank = k
	}
}

// places ranks the defined values, highest first: a value's place is 1 +
// the number of values above it. It returns each value's place (nil when
// undefined) and how many were ranked.
func places(vs []NullMoney) ([]*int, int) {
	out := make([]*int, len(vs))
	var sorted []repcard.Money // the defined values, highest first
	for _, v := range vs {
		if v.OK {
			sorted = append(sorted, v.V)
		}
	}
	slices.SortFunc(sorted, func(a, b repcard.Money) int { return cmp.Compare(b, a) })
	for i, v := range vs {
		if !v.OK {
			continue
		}
		above, _ := slices.BinarySearchFunc(sorted, v.V, func(e, t repcard.Money) int { return cmp.Compare(t, e) })
		p := above + 1
		out[i] = &p
	}
	return out, len(sorted)
}
