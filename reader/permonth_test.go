package reader

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

func TestSheetMonth(t *testing.T) {
	for _, c := range []struct {
		name string
		m, y int
		ok   bool
	}{
		{"Oct 2026", 10, 2026, true},
		{"October", 10, 0, true},
		{"2026-10", 10, 2026, true},
		{"Okt. 2026", 10, 2026, true},
		{"März", 3, 0, true},
		{"octobre 2026", 10, 2026, true},
		{"Jan-26", 1, 2026, true},
		{"Summary", 0, 0, false},
		{"Jane Doe", 0, 0, false},
		{"Notes", 0, 0, false},
		{"Oct 5", 0, 0, false},
	} {
		m, y, ok := sheetMonth(c.name)
		if m != c.m || y != c.y || ok != c.ok {
			t.Errorf("sheetMonth(%q) = %d, %d, %v; want %d, %d, %v", c.name, m, y, ok, c.m, c.y, c.ok)
		}
	}
	if m, y, ok := titleMonth([][]string{{"Sales activity — October 2026"}}); m != 10 || y != 2026 || !ok {
		t.Errorf("titleMonth = %d, %d, %v", m, y, ok)
	}
}

// monthRows is a month sheet of Jane Doe and Omar Haddad below title rows.
func monthRows(title string, jane, omar []any) [][]any {
	var rows [][]any
	if title != "" {
		rows = append(rows, []any{title})
	}
	return append(rows,
		[]any{"Rep", "Calls", "Meetings", "Closed deals", "Revenue"},
		append([]any{"Jane Doe"}, jane...),
		append([]any{"Omar Haddad"}, omar...),
		[]any{"Total", 999, 999, 999, 999})
}

func TestMonthSheets(t *testing.T) {
	dir := t.TempDir()
	writeXLSX(t, filepath.Join(dir, "Sales tracker 2026.xlsx"), false,
		xlsxSheet{"Summary", monthRows("", []any{30, 3, 2, 500}, []any{20, 2, 1, 250})},
		xlsxSheet{"Jan", monthRows("", []any{10, 1, 1, 200}, []any{5, 0, 0, 0})},
		xlsxSheet{"Feb", monthRows("", []any{20, 2, 1, 300}, []any{15, 2, 1, 250})})
	writeXLSX(t, filepath.Join(dir, "Team activity.xlsx"), false,
		xlsxSheet{"Instructions", [][]any{{"Fill in one sheet a month."}}},
		xlsxSheet{"Sheet1", [][]any{{"Activity — October 2026"}, {"Sales rep", "Dials", "Contacts", "Sales", "Target", "%"},
			{"Jane Doe", 50, 12, 3, 5, 0.6}}})
	writeXLSX(t, filepath.Join(dir, "Tracker.xlsx"), false,
		xlsxSheet{"October", monthRows("", []any{1, 1, 1, 1}, []any{1, 1, 1, 1})},
		xlsxSheet{"Summary", monthRows("", []any{1, 1, 1, 1}, []any{1, 1, 1, 1})})
	b, recs := readInbox(t, dir, nil)
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%s %s %s c%d s%d %s", r.Src.File, r.Rep, r.Date, r.Contacts, r.Closings, r.Amount))
	}
	// Contacts are calls + meetings where there is no Contacts column.
	want := []string{
		"Sales tracker 2026.xlsx Jane Doe 2026-01-01 c11 s1 200.00",
		"Sales tracker 2026.xlsx Omar Haddad 2026-01-01 c5 s0 0.00",
		"Sales tracker 2026.xlsx Jane Doe 2026-02-01 c22 s1 300.00",
		"Sales tracker 2026.xlsx Omar Haddad 2026-02-01 c17 s1 250.00",
		"Team activity.xlsx Jane Doe 2026-10-01 c12 s3 0.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, in := range b.Inputs {
		t.Logf("%s/%s: %s %q %q %s", in.File, in.Sheet, in.Kind, in.Mapping, in.Reason, in.NotRead)
		switch {
		case in.Sheet == "Jan" && in.Mapping != "month sheet: January 2026, reps × 4 measures":
			t.Errorf("Jan: mapping %q", in.Mapping)
		case in.Sheet == "Sheet1" && in.Mapping != "month sheet: October 2026, reps × 3 measures":
			t.Errorf("Sheet1: mapping %q", in.Mapping)
		case in.File == "Sales tracker 2026.xlsx" && in.Sheet == "Summary" && (in.Kind != repcard.KindNone || in.Reason != ReasonMonthTotals || in.NotRead != repcard.NotReadNotSalesData):
			t.Errorf("Summary: %+v", in)
		case in.Sheet == "Instructions" && (in.Reason != reasonMonthHelp || in.NotRead != repcard.NotReadNotSalesData):
			t.Errorf("Instructions: %+v", in)
		case in.Sheet == "October" && (in.Kind != repcard.KindNone || !strings.Contains(in.Reason, "put the year in the sheet name") || in.NotRead != repcard.NotReadSalesData):
			t.Errorf("October with no year: %+v", in)
		}
	}
}
