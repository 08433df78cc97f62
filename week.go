package repcard

import (
	"fmt"
	"time"
)

// ISO 8601 weeks. A week runs Monday to Sunday and belongs to the year its
// Thursday falls in, so 29 December 2025 to 4 January 2026 is 2026-W01, and
// 1 to 3 January 2021 are in 2020-W53. A year has 53 weeks when it starts
// on a Thursday, or is a leap year starting on a Wednesday; else 52.

// Weekday returns d's day of the week, Monday 0 to Sunday 6.
func (d Date) Weekday() int { return (int(d.Time().Weekday()) + 6) % 7 }

// WeekStart returns the Monday of d's week.
func (d Date) WeekStart() Date { return d - Date(d.Weekday()) }

// ISOWeek returns the ISO 8601 year and week number of d.
func (d Date) ISOWeek() (year, week int) {
	thu := d.WeekStart() + 3
	y, _, _ := thu.YMD()
	return y, int(thu-MakeDate(y, time.January, 1))/7 + 1
}

// WeeksIn returns how many ISO weeks year y has: 52 or 53.
func WeeksIn(y int) int {
	_, w := MakeDate(y, time.December, 28).ISOWeek() // 28 December is always in the last week
	return w
}

// WeekMonday returns the Monday of ISO week w of year y; ok is false when y
// has no such week.
func WeekMonday(y, w int) (Date, bool) {
	if w < 1 || w > WeeksIn(y) {
		return 0, false
	}
	return MakeDate(y, time.January, 4).WeekStart() + Date(7*(w-1)), true // 4 January is always in W01
}

// WeekPeriod returns the period of ISO week w of year y; ok is false when y
// has no such week.
func WeekPeriod(y, w int) (Period, bool) {
	mon, ok := WeekMonday(y, w)
	if !ok {
		return Period{}, false
	}
	return WeekPeriodOf(mon), true
}

// WeekPeriodOf returns the period of the ISO week d falls in.
func WeekPeriodOf(d Date) Period {
	mon := d.WeekStart()
	return Period{Kind: PeriodWeek, FirstMonth: mon.Month(), LastMonth: (mon + 6).Month(), Monday: mon}
}

// Dates is the days a week period runs, for people: "19–25 October 2026",
// "27 April – 3 May 2026", "29 December 2025 – 4 January 2026". For other
// periods it is their Title.
func (p Period) Dates() string {
	if p.Kind != PeriodWeek {
		return p.Title()
	}
	y1, m1, d1 := p.Monday.YMD()
	y2, m2, d2 := (p.Monday + 6).YMD()
	switch {
	case y1 != y2:
		return fmt.Sprintf("%d %s %d – %d %s %d", d1, m1, y1, d2, m2, y2)
	case m1 != m2:
		return fmt.Sprintf("%d %s – %d %s %d", d1, m1, d2, m2, y2)
	}
	return fmt.Sprintf("%d–%d %s %d", d1, d2, m2, y2)
}
