package report

import (
	"cmp"
	"slices"
	"strings"
)

// The orders of the listed items. Every field takes part, so that the same
// items in any order give the same list.

// compareFollowUps orders follow-ups due oldest no first, then by prospect.
func compareFollowUps(x, y FollowUp) int {
	return cmp.Or(cmp.Compare(x.Date, y.Date), strings.Compare(x.Prospect, y.Prospect))
}

// compareStale orders stale entries oldest first, then by prospect, kind,
// largest amount (no amount last), stage and deal id.
func compareStale(x, y Stale) int {
	return cmp.Or(cmp.Compare(y.AgeDays, x.AgeDays), strings.Compare(x.Prospect, y.Prospect),
		strings.Compare(x.Kind, y.Kind), cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK),
		strings.Compare(x.Stage, y.Stage), strings.Compare(x.Deal, y.Deal))
}

// compareNearMisses orders near misses by date, then largest amount (no
// amount last), prospect, stage, reason, probability and count.
func compareNearMisses(x, y NearMiss) int {
	return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK),
		strings.Compare(x.Prospect, y.Prospect), strings.Compare(x.Stage, y.Stage), strings.Compare(x.Reason, y.Reason),
		cmp.Compare(x.Probability.V, y.Probability.V), cmpBool(x.Probability.OK, y.Probability.OK), cmp.Compare(x.Count, y.Count))
}

// compareLosses orders losses by date, then prospect, largest amount (no
// amount last), reason, stage and count.
func compareLosses(x, y Loss) int {
	return cmp.Or(cmp.Compare(x.Date, y.Date), strings.Compare(x.Prospect, y.Prospect), cmp.Compare(y.Amount.V, x.Amount.V),
		cmpBool(x.Amount.OK, y.Amount.OK), strings.Compare(x.Reason, y.Reason), strings.Compare(x.Stage, y.Stage), cmp.Compare(x.Count, y.Count))
}

// compareWins orders wins largest amount first (no amount last), then by
// date, rep, prospect, largest commission and count.
func compareWins(x, y Win) int {
	return cmp.Or(cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK), cmp.Compare(x.Date, y.Date),
		strings.Compare(x.Rep, y.Rep), strings.Compare(x.Prospect, y.Prospect), cmp.Compare(y.Commission, x.Commission),
		cmp.Compare(x.Count, y.Count))
}

// compareLossReasons orders loss reasons most frequent first, then by
// reason.
func compareLossReasons(x, y LossReason) int {
	return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Reason, y.Reason))
}

// cmpBool orders true before false.
func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return -1
	}
	return 1
}

// ByValuePerContact is the leaderboard's order of reps: value per contact,
// highest first, reps without one last; ties by commission, highest first,
// then by name. It returns a sorted copy of reps.
func ByValuePerContact(reps []*Rep) []*Rep {
	out := slices.Clone(reps)
	slices.SortStableFunc(out, func(a, b *Rep) int {
		if a.ValuePerContact.OK != b.ValuePerContact.OK {
			if a.ValuePerContact.OK {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.ValuePerContact.V, a.ValuePerContact.V); c != 0 && a.ValuePerContact.OK {
			return c
		}
		if c := cmp.Compare(b.Commission, a.Commission); c != 0 {
			return c
		}
		return strings.Compare(a.Rep, b.Rep)
	})
	return out
}
