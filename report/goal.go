package report

// goal works out goal progress from the period and year-to-date sums.
func (bd *build) goal(c *calc, pt, yt *tot) Goal {
	money := !bd.b.closingsGoal
	g := Goal{Basis: BasisCommission, MonthsLeft: monthsPerYear - int(bd.last.Mon())}
	if !money {
		g.Basis = BasisClosings
	}
	actual := func(t *tot) int64 {
		if money {
			return int64(t.commission)
		}
		return t.closings * 100
	}
	num := func(v int64) GoalNum { return GoalNum{V: v, Money: money, OK: true} }
	pa, ya := actual(pt), actual(yt)
	pro := divRound(c.yearGoal*int64(bd.last.Mon()), monthsPerYear)
	g.PeriodGoal, g.PeriodActual, g.Attainment = num(c.periodGoal), num(pa), ratio(pa, c.periodGoal)
	g.YearGoal, g.YTDActual, g.YTDGoalProrated, g.YTDAttainment = num(c.yearGoal), num(ya), num(pro), ratio(ya, pro)
	g.AheadBy, g.PaceNeededPerMonth = GoalNum{Money: money}, GoalNum{Money: money}
	if c.yearGoal > 0 {
		g.AheadBy = num(ya - pro)
		if g.MonthsLeft > 0 {
			g.PaceNeededPerMonth = num(divRound(max(c.yearGoal-ya, 0), int64(g.MonthsLeft)))
		}
	}
	return g
}
