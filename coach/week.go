package coach

import (
	"fmt"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// A week report's coaching reads the week where a month report reads the
// month: the window is the week against the 4 weeks before it (from
// weekly), named "week 43" and "the 4 weeks before".

// monthOnly are the rules a week report does not choose: they speak of
// months (a record month, a streak of months, a month inside a quarter,
// "fewer contacts this month").
var monthOnly = map[string]bool{
	RuleBadMonth: true, RuleGoodMonth: true, RuleBestMonth: true, RuleContactsDown: true, RuleWinStreak: true,
}

// weekNames are periodNames for a week: "Week 43, 2026", "week 43", "the
// 4 weeks before".
func weekNames(p repcard.Period) (period, week, baseline string) {
	_, w := p.Start().ISOWeek()
	return p.Title(), fmt.Sprintf("week %d", w), "the 4 weeks before"
}

// newWeekWindow is newWindow over a week report's weeks: the last week
// against the 4 before it pooled; a week with no data adds nothing.
func newWeekWindow(rep *report.Rep) window {
	var w window
	n := len(rep.Weekly)
	if c := rep.Weekly[n-1].Counts; c != nil {
		w.month = *c
	}
	for i := max(0, n-5); i < n-1; i++ {
		if c := rep.Weekly[i].Counts; c != nil {
			w.base.Contacts += c.Contacts
			w.base.Closings += c.Closings
			w.base.Commission += c.Commission
		}
	}
	w.ok = n >= 5 && len(rep.NotTrackedWeekly) == 0
	w.setYields()
	return w
}
