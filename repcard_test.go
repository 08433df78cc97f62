package repcard

import (
	"strings"
	"testing"
	"time"
)

func TestDateRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		y int
		m time.Month
		d int
	}{{1, 1, 1}, {1899, 12, 30}, {1970, 1, 1}, {2016, 2, 29}, {2026, 10, 31}, {9999, 12, 31}} {
		d := MakeDate(tc.y, tc.m, tc.d)
		y, m, dd := d.YMD()
		if y != tc.y || m != tc.m || dd != tc.d {
			t.Errorf("MakeDate(%d,%d,%d).YMD() = %d,%d,%d", tc.y, tc.m, tc.d, y, m, dd)
		}
		if d.IsZero() {
			t.Errorf("MakeDate(%d,%d,%d) is zero", tc.y, tc.m, tc.d)
		}
	}
	if got := MakeDate(2026, 10, 31).String(); got != "2026-10-31" {
		t.Errorf("String = %q", got)
	}
	if got := Date(0).String(); got != "" {
		t.Errorf("zero Date String = %q", got)
	}
}

func TestMonth(t *testing.T) {
	m := MonthOf(2026, 2)
	if m.String() != "2026-02" || m.First().String() != "2026-02-01" || m.Last().String() != "2026-02-28" {
		t.Errorf("month %v first %v last %v", m, m.First(), m.Last())
	}
	if (m - 2).String() != "2025-12" {
		t.Errorf("m-2 = %v", m-2)
	}
	if MakeDate(2026, 12, 31).Month() != MonthOf(2026, 12) {
		t.Error("Date.Month")
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in, label, start, end, title string
	}{
		{"2026-10", "2026-10", "2026-10-01", "2026-10-31", "October 2026"},
		{"2026-Q4", "2026-Q4", "2026-10-01", "2026-12-31", "Q4 2026"},
		{"2017-q2", "2017-Q2", "2017-04-01", "2017-06-30", "Q2 2017"},
		{"2026", "2026", "2026-01-01", "2026-12-31", "2026"},
	} {
		p, err := ParsePeriod(tc.in)
		if err != nil {
			t.Fatalf("ParsePeriod(%q): %v", tc.in, err)
		}
		if p.Label() != tc.label || p.Start().String() != tc.start || p.End().String() != tc.end || p.Title() != tc.title {
			t.Errorf("ParsePeriod(%q) = %s %s..%s %q", tc.in, p.Label(), p.Start(), p.End(), p.Title())
		}
	}
	const format, years = "want a month (2026-10)", "the year must be from 1900 to 2100"
	for _, c := range []struct{ in, msg string }{
		{"", format}, {"26-10", format}, {"2026-13", format}, {"2026-Q5", format}, {"2026-1", format},
		{"abcd", format}, {"2026-10-01", format}, {"1899-13", format},
		{"1899-01", years}, {"9999", years}, {"2101-Q1", years}, {"1899", years},
	} {
		if _, err := ParsePeriod(c.in); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParsePeriod(%q): %v, want %q", c.in, err, c.msg)
		}
	}
	for _, in := range []string{"1900-01", "2100-Q4", "2100"} {
		if _, err := ParsePeriod(in); err != nil {
			t.Errorf("ParsePeriod(%q): %v", in, err)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		m    Money
		want string
	}{{0, "0.00"}, {5, "0.05"}, {123456, "1234.56"}, {-5, "-0.05"}, {-123400, "-1234.00"}} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("Money(%d) = %q, want %q", int64(tc.m), got, tc.want)
		}
	}
	if got := Money(105400).MulRate(0.10); got != 10540 {
		t.Errorf("MulRate = %d", got)
	}
	if got := Money(5).MulRate(0.10); got != 1 { // 0.5 cent rounds away from zero
		t.Errorf("MulRate half = %d", got)
	}
}
