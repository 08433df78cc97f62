package report

import (
	"slices"
	"strconv"

	"github.com/repcard/repcard"
)

// due is a follow-up due (FollowUp), compact.
type due struct {
	no, last, nfu    repcard.Date // nfu: 0 unless a follow-up date was set after the no
	prospect, reason int32
	quiet            int32
	byDate           bool // due by its follow-up date, not by the quiet
}

// staleRef is a stale maybe or open deal (Stale), compact.
type staleRef struct {
	since               repcard.Date
	age                 int32
	prospect, stage, id int32 // id: the deal's
	amount              repcard.Money
	hasAmount, deal     bool
}

// followUps spells out dues, in the same order; never nil.
func (bd *build) followUps(dues []due) []FollowUp {
	out := make([]FollowUp, len(dues))
	afterNo, afterTouch := bd.quietWhy(true), bd.quietWhy(false)
	for i, d := range dues {
		out[i] = FollowUp{
			Prospect: bd.prospect[d.prospect], Date: Day(d.no), Reason: bd.reason[d.reason],
			LastTouch: Day(d.last), NextFollowUp: Day(d.nfu), DaysQuiet: int(d.quiet), Rule: "follow-up date",
		}
		if d.byDate {
			out[i].Due, out[i].Why = Day(d.nfu), WhyFollowUpDate
		} else {
			out[i].Rule = bd.quietRule(int(d.quiet))
			out[i].Due, out[i].Why = Day(d.last+repcard.Date(bd.b.cfg.FollowUpAfterDays)), afterTouch
			if d.last == d.no {
				out[i].Why = afterNo
			}
		}
	}
	return out
}

// WhyFollowUpDate is FollowUp.Why of a follow-up due by the date set for it.
const WhyFollowUpDate = "follow-up date set"

// quietWhy says why a follow-up is due by the quiet rule: follow_up_after_days
// after the no, or after a touch since.
func (bd *build) quietWhy(afterNo bool) string {
	n := strconv.Itoa(bd.b.cfg.FollowUpAfterDays) + " days after the "
	if bd.b.cfg.FollowUpAfterDays == 1 {
		n = "1 day after the "
	}
	if afterNo {
		return n + "no"
	}
	return n + "last touch"
}

// staleList spells out refs, in the same order; never nil.
func (bd *build) staleList(refs []staleRef) []Stale {
	out := make([]Stale, len(refs))
	for i, s := range refs {
		out[i] = Stale{Kind: StaleMaybe, Prospect: bd.prospect[s.prospect], Since: Day(s.since), AgeDays: int(s.age)}
		if s.deal {
			out[i].Kind, out[i].Amount, out[i].Stage = StaleOpenDeal, NullMoney{s.amount, s.hasAmount}, bd.stage[s.stage]
			out[i].Deal = bd.dealID[s.id]
		}
	}
	return out
}

// quietRule returns the rule of a follow-up due after days of quiet.
func (bd *build) quietRule(days int) string {
	r, ok := bd.quietRules[days]
	if !ok {
		r = "quiet " + strconv.Itoa(days) + " days"
		bd.quietRules[days] = r
	}
	return r
}

// exact returns s, never nil, with no spare capacity: a report with
// hundreds of thousands of follow-ups holds no more than its entries.
func exact[T any](s []T) []T {
	switch {
	case s == nil:
		return []T{}
	case cap(s) > len(s):
		return slices.Clone(s)
	}
	return s
}
