package repcard

import (
	"testing"
	"time"
)

func TestWeekPeriods(t *testing.T) {
	for _, tc := range []struct {
		in, label, start, end, title, dates string
		first, last                         string // months
	}{
		{"2026-W43", "2026-W43", "2026-10-19", "2026-10-25", "Week 43, 2026", "19–25 October 2026", "2026-10", "2026-10"},
		{"2026-w01", "2026-W01", "2025-12-29", "2026-01-04", "Week 1, 2026", "29 December 2025 – 4 January 2026", "2025-12", "2026-01"},
		{"2026-W53", "2026-W53", "2026-12-28", "2027-01-03", "Week 53, 2026", "28 December 2026 – 3 January 2027", "2026-12", "2027-01"}, // 1 January 2026 is a Thursday
		{"2027-W53", "", "", "", "", "", "", ""}, // 2027 has 52 weeks
		{"2025-W53", "", "", "", "", "", "", ""},
		{"2026-W52", "2026-W52", "2026-12-21", "2026-12-27", "Week 52, 2026", "21–27 December 2026", "2026-12", "2026-12"},
		{"2027-W01", "2027-W01", "2027-01-04", "2027-01-10", "Week 1, 2027", "4–10 January 2027", "2027-01", "2027-01"},
		{"2020-W53", "2020-W53", "2020-12-28", "2021-01-03", "Week 53, 2020", "28 December 2020 – 3 January 2021", "2020-12", "2021-01"},
		{"2021-W01", "2021-W01", "2021-01-04", "2021-01-10", "Week 1, 2021", "4–10 January 2021", "2021-01", "2021-01"},
		{"2017-W25", "2017-W25", "2017-06-19", "2017-06-25", "Week 25, 2017", "19–25 June 2017", "2017-06", "2017-06"},
		{"2026-W18", "2026-W18", "2026-04-27", "2026-05-03", "Week 18, 2026", "27 April – 3 May 2026", "2026-04", "2026-05"},
		{"2015-W53", "2015-W53", "2015-12-28", "2016-01-03", "Week 53, 2015", "28 December 2015 – 3 January 2016", "2015-12", "2016-01"},
		{"2026-W00", "", "", "", "", "", "", ""},
		{"2026-W1", "", "", "", "", "", "", ""},
		{"2026-W100", "", "", "", "", "", "", ""},
		{"2026-W+1", "", "", "", "", "", "", ""},
		{"2026-W-1", "", "", "", "", "", "", ""},
		{"2026W43", "", "", "", "", "", "", ""},
	} {
		p, err := ParsePeriod(tc.in)
		if tc.label == "" {
			if err == nil {
				t.Errorf("ParsePeriod(%q) accepted: %s", tc.in, p.Label())
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): %v", tc.in, err)
			continue
		}
		got := []string{p.Label(), p.Start().String(), p.End().String(), p.Title(), p.Dates(), p.FirstMonth.String(), p.LastMonth.String()}
		want := []string{tc.label, tc.start, tc.end, tc.title, tc.dates, tc.first, tc.last}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("ParsePeriod(%q) = %q, want %q", tc.in, got, want)
				break
			}
		}
		if p.Kind != PeriodWeek || p.Start().Weekday() != 0 || p.End().Weekday() != 6 {
			t.Errorf("%s: kind %d, runs %d..%d", tc.in, p.Kind, p.Start().Weekday(), p.End().Weekday())
		}
		for d := p.Start() - 1; d <= p.End()+1; d++ {
			if in := d >= p.Start() && d <= p.End(); p.Contains(d) != in {
				t.Errorf("%s contains %s: %v", tc.label, d, p.Contains(d))
			}
		}
	}
	if _, err := ParsePeriod("2027-W53"); err == nil || err.Error() != `period "2027-W53": 2027 has weeks W01 to W52 (ISO 8601 weeks, Monday to Sunday)` {
		t.Errorf("2027-W53: %v", err)
	}
}

func TestWeeksIn(t *testing.T) {
	for y, want := range map[int]int{2015: 53, 2016: 52, 2020: 53, 2021: 52, 2024: 52, 2025: 52, 2026: 53, 2027: 52, 2032: 53, 2037: 53} {
		if got := WeeksIn(y); got != want {
			t.Errorf("WeeksIn(%d) = %d, want %d", y, got, want)
		}
	}
}

// TestISOWeekAgreesWithTime checks every day of 1999–2041 against the
// standard library's ISO week, and that its period contains it.
func TestISOWeekAgreesWithTime(t *testing.T) {
	for d := MakeDate(1999, 1, 1); d <= MakeDate(2041, 12, 31); d++ {
		wy, ww := d.Time().ISOWeek()
		y, w := d.ISOWeek()
		if y != wy || w != ww {
			t.Fatalf("%s: ISOWeek %d-W%02d, time says %d-W%02d", d, y, w, wy, ww)
		}
		p := WeekPeriodOf(d)
		if !p.Contains(d) || p.Start().Time().Weekday() != time.Monday {
			t.Fatalf("%s: week period %s..%s", d, p.Start(), p.End())
		}
		if q, ok := WeekPeriod(y, w); !ok || q != p {
			t.Fatalf("%s: WeekPeriod(%d, %d) = %v %v, want %v", d, y, w, q, ok, p)
		}
	}
}

// FuzzParsePeriod: whatever the input, a period that parses has a label
// that parses back to it, and a week runs Monday to Sunday.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2026-W43", "2020-W53", "2026-W53", "2026-10", "2026-Q4", "2026", " 2026-w01 ", "2026-W", "9999-W52", "1900-W01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		q, err := ParsePeriod(p.Label())
		if err != nil || q != p {
			t.Fatalf("%q → %s → %v, %v", s, p.Label(), q, err)
		}
		if p.End() < p.Start() {
			t.Fatalf("%q: ends %s before %s", s, p.End(), p.Start())
		}
		if p.Kind == PeriodWeek && (p.End()-p.Start() != 6 || p.Start().Weekday() != 0) {
			t.Fatalf("%q: week %s..%s", s, p.Start(), p.End())
		}
	})
}
