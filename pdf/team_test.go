package pdf

import (
	"testing"

	"github.com/repcard/repcard/report"
)

// The year to date is printed against the goal its share is of: the
// pro-rated goal, with the year's goal apart until they are one.
func TestYTDGoalText(t *testing.T) {
	r := newRenderer(t, Options{PageSize: "A4", Currency: "USD"})
	money := func(units int64) report.GoalNum { return report.GoalNum{V: units * 100, Money: true, OK: true} }
	for _, c := range []struct {
		name string
		g    report.Goal
		want string
	}{
		{"October", report.Goal{YTDActual: money(273115), YTDGoalProrated: money(250000), YearGoal: money(300000), YTDAttainment: report.Ratio{V: 1.09246, OK: true}},
			"year to date $273,115 of $250,000 due so far (109 %; year $300,000)"},
		{"December", report.Goal{YTDActual: money(1000553), YTDGoalProrated: money(2100000), YearGoal: money(2100000), YTDAttainment: report.Ratio{V: 0.4765, OK: true}},
			"year to date $1,000,553 of $2,100,000 (48 %)"},
	} {
		if got := r.ytdGoalText(&c.g); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
