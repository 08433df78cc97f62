// Package repcard holds the domain types every stage of repcard shares: civil
// dates, months and periods, money in integer cents, the kinds of sheet, the
// typed records every sheet becomes, what happened to each input, and the
// data issues that bad input turns into. It does no I/O and imports no
// spreadsheet library, so the stages after reading never depend on one.
//
// The stages live in their own packages and import this one:
//
//	reader  inbox → sheets → typed records + issues
//	report  records → metrics per rep, manager and team
//	charts  metrics → PNG charts
//	pdf     metrics + charts → coaching PDFs
//	output  slugs, metrics.json, data-issues.csv, atomic writes
package repcard

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Kind is what one sheet holds, decided from its header row.
type Kind string

// The kinds of sheet repcard reads. KindNone is a sheet it recognises as
// something else (a product list, a pivot) and leaves alone.
const (
	KindActivities Kind = "activities"
	KindDeals      Kind = "deals"
	KindTallies    Kind = "tallies"
	KindRoster     Kind = "roster"
	KindNone       Kind = "none"
)

// Src says where a value came from: the file (relative to the inbox, with
// forward slashes), the sheet (empty for CSV) and the 1-based row number.
type Src struct {
	File  string
	Sheet string
	Row   int
}

// Date is a civil date (no time, no zone) counted in days. The zero Date means
// "no date": a blank cell, an open deal without an expected close.
type Date int32

// dateEpoch is the day before Date(1): Date(1) is 0001-01-01.
var dateEpoch = time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)

// MakeDate returns the Date of year y, month m, day d. Out-of-range months and
// days are normalised as time.Date does; callers validate first.
func MakeDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date((t.Unix() - dateEpoch.Unix()) / 86400)
}

// DateOf returns the Date of t's year, month and day in t's location.
func DateOf(t time.Time) Date { return MakeDate(t.Date()) }

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == 0 }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return dateEpoch.AddDate(0, 0, int(d)) }

// YMD returns d's year, month and day.
func (d Date) YMD() (int, time.Month, int) { return d.Time().Date() }

// Month returns the month d falls in.
func (d Date) Month() Month { y, m, _ := d.YMD(); return MonthOf(y, m) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String formats d as ISO 8601 (2026-10-31), or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// Month is a calendar month counted from year 0: year*12 + month-1.
type Month int32

// MonthOf returns the Month of year y, month m.
func MonthOf(y int, m time.Month) Month { return Month(y*12 + int(m) - 1) }

// Year returns the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Mon returns the month of the year.
func (m Month) Mon() time.Month { return time.Month(int(m)%12 + 1) }

// First returns the month's first day.
func (m Month) First() Date { return MakeDate(m.Year(), m.Mon(), 1) }

// Last returns the month's last day.
func (m Month) Last() Date { return (m + 1).First() - 1 }

// String formats m as 2026-10.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Mon())) }

// PeriodKind says whether a Period is a month, a quarter, a year or an ISO
// week.
type PeriodKind int

// The kinds of period.
const (
	PeriodMonth PeriodKind = iota
	PeriodQuarter
	PeriodYear
	PeriodWeek // an ISO 8601 week, Monday to Sunday (week.go)
)

// Period is the stretch of time a report covers: a month, a quarter or a
// year, always whole months; or an ISO week. A week's FirstMonth and
// LastMonth are the months of its Monday and its Sunday (two months for a
// week that straddles a month end) and Monday is its first day; Monday is
// zero for the other kinds.
type Period struct {
	Kind       PeriodKind
	FirstMonth Month
	LastMonth  Month
	Monday     Date
}

// MonthPeriod returns the period of one month.
func MonthPeriod(m Month) Period { return Period{Kind: PeriodMonth, FirstMonth: m, LastMonth: m} }

// ParsePeriod reads "2026-10", "2026-Q4", "2026" or an ISO week "2026-W43".
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("period %q: want a month (2026-10), a quarter (2026-Q4), a year (2026) or an ISO week (2026-W43)", s)
	y, rest, _ := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if err != nil || len(y) != 4 {
		return Period{}, bad
	}
	p, err := parsePeriod(year, s, rest, bad)
	if err == nil && (year < MinYear || year > MaxYear) {
		return Period{}, fmt.Errorf("period %q: the year must be from %d to %d, the years sales dates may fall in", s, MinYear, MaxYear)
	}
	return p, err
}

// The years a date and a period may fall in: a year outside is a typo or a
// hostile value.
const (
	MinYear = 1900
	MaxYear = 2100
)

func parsePeriod(year int, s, rest string, bad error) (Period, error) {
	switch {
	case rest == "" && !strings.Contains(s, "-"):
		return Period{Kind: PeriodYear, FirstMonth: MonthOf(year, 1), LastMonth: MonthOf(year, 12)}, nil
	case len(rest) == 3 && (rest[0] == 'W' || rest[0] == 'w'):
		w, err := strconv.Atoi(rest[1:])
		if err != nil || rest[1] < '0' || rest[1] > '9' {
			return Period{}, bad
		}
		p, ok := WeekPeriod(year, w)
		if !ok {
			return Period{}, fmt.Errorf("period %q: %d has weeks W01 to W%02d (ISO 8601 weeks, Monday to Sunday)", s, year, WeeksIn(year))
		}
		return p, nil
	case len(rest) == 2 && (rest[0] == 'Q' || rest[0] == 'q'):
		q := int(rest[1] - '0')
		if q < 1 || q > 4 {
			return Period{}, bad
		}
		first := MonthOf(year, time.Month(3*q-2))
		return Period{Kind: PeriodQuarter, FirstMonth: first, LastMonth: first + 2}, nil
	case len(rest) == 2:
		m, err := strconv.Atoi(rest)
		if err != nil || m < 1 || m > 12 {
			return Period{}, bad
		}
		return MonthPeriod(MonthOf(year, time.Month(m))), nil
	}
	return Period{}, bad
}

// Label is the period as written on the command line: 2026-10, 2026-Q4,
// 2026, 2026-W43.
func (p Period) Label() string {
	switch p.Kind {
	case PeriodWeek:
		y, w := p.Monday.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", p.FirstMonth.Year(), int(p.FirstMonth.Mon()-1)/3+1)
	case PeriodYear:
		return fmt.Sprintf("%04d", p.FirstMonth.Year())
	}
	return p.FirstMonth.String()
}

// Title is the period for people: "October 2026", "Q4 2026", "2026",
// "Week 43, 2026".
func (p Period) Title() string {
	switch p.Kind {
	case PeriodWeek:
		y, w := p.Monday.ISOWeek()
		return fmt.Sprintf("Week %d, %d", w, y)
	case PeriodQuarter:
		return fmt.Sprintf("Q%d %d", int(p.FirstMonth.Mon()-1)/3+1, p.FirstMonth.Year())
	case PeriodYear:
		return strconv.Itoa(p.FirstMonth.Year())
	}
	return fmt.Sprintf("%s %d", p.FirstMonth.Mon(), p.FirstMonth.Year())
}

// Start is the period's first day.
func (p Period) Start() Date {
	if p.Kind == PeriodWeek {
		return p.Monday
	}
	return p.FirstMonth.First()
}

// End is the period's last day.
func (p Period) End() Date {
	if p.Kind == PeriodWeek {
		return p.Monday + 6
	}
	return p.LastMonth.Last()
}

// Contains reports whether d falls inside the period.
func (p Period) Contains(d Date) bool { return d >= p.Start() && d <= p.End() }

// Months returns the number of months in the period: for a week, the
// months it touches (1 or 2).
func (p Period) Months() int { return int(p.LastMonth-p.FirstMonth) + 1 }

// Money is an amount in integer cents of the run's currency. Money is never
// accumulated in floating point.
type Money int64

// Units returns m in currency units, for printing and JSON only.
func (m Money) Units() float64 { return float64(m) / 100 }

// String formats m with two decimals and no grouping: -1234.50.
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// MarshalJSON writes m as a JSON number in currency units with two decimals.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// MulRate returns m × rate rounded half away from zero to the cent. The rate
// is a configuration value (0.10 for ten per cent), so float is acceptable for
// this one multiplication; the result is exact cents.
func (m Money) MulRate(rate float64) Money {
	v := float64(m) * rate
	if v < 0 {
		return Money(v - 0.5)
	}
	return Money(v + 0.5)
}
