package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// The leaderboard order: value per contact, highest first; reps without
// one last; ties by commission, then name; the same list from any input
// order.
func TestByValuePerContact(t *testing.T) {
	rep := func(name string, vpc repcard.Money, ok bool, commission repcard.Money) *Rep {
		r := &Rep{Rep: name}
		r.ValuePerContact = NullMoney{V: vpc, OK: ok}
		r.Commission = commission
		return r
	}
	reps := []*Rep{
		rep("Zed", 0, false, 900),   // no value per contact: last, however much commission
		rep("Ann", 5000, true, 100), // $50.00
		rep("Bob", 5000, true, 300), // tie on value: more commission first
		rep("Cat", 5000, true, 300), // tie on both: by name
		rep("Dan", 9000, true, 0),   // highest value first
		rep("Eve", 0, false, 0),     // no value, no commission: after Zed
		rep("Fay", 0, true, 0),      // $0.00 is a value: before the reps without one
	}
	want := "Dan Bob Cat Ann Fay Zed Eve"
	for _, perm := range [][]int{{0, 1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 2, 5, 1, 4}} {
		in := make([]*Rep, len(perm))
		for i, j := range perm {
			in[i] = reps[j]
		}
		before := slices.Clone(in)
		var names []string
		for _, r := range ByValuePerContact(in) {
			names = append(names, r.Rep)
		}
		if got := strings.Join(names, " "); got != want {
			t.Errorf("order %v: got %s, want %s", perm, got, want)
		}
		if !slices.Equal(in, before) {
			t.Error("ByValuePerContact sorted its argument in place")
		}
	}
}
