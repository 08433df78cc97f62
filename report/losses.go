package report

import (
	"slices"
	"strings"

	"github.com/repcard/repcard"
)

// lossReasons counts the period's explicit nos by reason, from each rep's
// source; tallied rejections have no reason.
func (bd *build) lossReasons() {
	for k, n := range bd.b.reasonN {
		if k.m < bd.first || k.m > bd.last || k.deals != bd.b.reps[k.rep].hasDeals {
			continue
		}
		bd.calcs[k.rep].reasons[k.reason] += n
	}
	for r := range bd.calcs {
		c := &bd.calcs[r]
		if t := bd.periodTot(c); t.tallyNos > 0 {
			c.reasons[0] += t.tallyNos
		}
	}
}

// loss builds one Loss with its reason's category.
func (bd *build) loss(prospect int32, date repcard.Date, amount NullMoney, reason int32, stage string, n int) Loss {
	l := Loss{Prospect: bd.prospect[prospect], Date: Day(date), Amount: amount, Reason: bd.reason[reason], Stage: stage, Count: n}
	l.Category, l.Controllable = bd.categorize(reason)
	return l
}

// categorize returns the category of reason id and whether it is
// controllable: CategoryUnknown for no reason, CategoryOther when no config
// category matches.
func (bd *build) categorize(id int32) (category string, controllable bool) {
	switch ci := bd.categoryOf(id); {
	case id == 0:
		return CategoryUnknown, false
	case ci == categoryNone:
		return CategoryOther, false
	default:
		return bd.b.categories[ci].name, bd.b.categories[ci].controllable
	}
}

// lossList turns counts by reason id into the sorted list of reasons with
// their categories, and the controllable and uncontrollable totals.
func (bd *build) lossList(reasons map[int32]int64) (list []LossReason, ctrl, unctrl int) {
	list = []LossReason{}
	for id, n := range reasons {
		if n == 0 {
			continue
		}
		lr := LossReason{Reason: bd.reason[id], Count: int(n)}
		lr.Category, lr.Controllable = bd.categorize(id)
		switch {
		case id == 0:
			lr.Reason = ReasonNotGiven
		case lr.Controllable:
			ctrl += int(n)
		default:
			unctrl += int(n)
		}
		list = append(list, lr)
	}
	slices.SortFunc(list, compareLossReasons)
	return list, ctrl, unctrl
}

// The values of build.category besides an index in Builder.categories.
const (
	// categoryUnseen: categoryOf has not looked at the reason yet.
	categoryUnseen = -2
	// categoryNone: no category matches the reason; it is "other".
	categoryNone = -1
)

// categoryOf returns the index of the first category, in name order, one of
// whose matches is in the reason (folded); categoryNone when none.
func (bd *build) categoryOf(id int32) int {
	if bd.category[id] != categoryUnseen {
		return bd.category[id]
	}
	bd.category[id] = categoryNone
	k := bd.b.reasons.key[id]
	for ci, cat := range bd.b.categories {
		for _, s := range cat.match {
			if id != 0 && strings.Contains(k, s) {
				bd.category[id] = ci
				return ci
			}
		}
	}
	return categoryNone
}
