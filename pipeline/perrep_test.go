package pipeline

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// writeTracker writes an xlsx workbook, one sheet per entry of sheets (in
// order), each a list of rows of cells: a string, a number, a time.Time
// (written as a date cell) or nil for a blank.
func writeTracker(t *testing.T, path string, names []string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range names {
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				at, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellValue(name, at, v); err != nil {
					t.Fatal(err)
				}
				if _, ok := v.(time.Time); ok {
					if err := f.SetCellStyle(name, at, at, dateStyle); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// runMonth runs dir's inbox for one month, with no issue allowed, and
// returns the result and its reps by name.
func runMonth(t *testing.T, dir string, m repcard.Month) (*Result, map[string]*report.Rep) {
	t.Helper()
	period := repcard.MonthPeriod(m)
	res := run(t, testConfig(t, dir), Options{Period: &period})
	if len(res.Batch.Issues) != 0 {
		t.Fatalf("issues: %v", res.Batch.Issues)
	}
	reps := map[string]*report.Rep{}
	for i := range res.Report.Reps {
		reps[res.Report.Reps[i].Rep] = &res.Report.Reps[i]
	}
	return res, reps
}

// Free "sales activity tracker" templates kept one sheet per rep: a header
// block names the rep above a table of days × measures. Read with no
// mapping, the rep from the header block (through the roster's aliases),
// never from the Manager line; a day whose measures are all blank is a day
// off (no tally), a day of zeros a tally of zero.
func TestRunPerRepSheets(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	writeFile(t, filepath.Join(inbox, "roster.csv"), "Rep,Manager,Aliases\nJane Doe,Ana Ruiz,J. Doe\nOmar Haddad,Ana Ruiz,\n")
	day := func(d int) time.Time { return time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC) }
	head := func(rep string) [][]any {
		return [][]any{
			{"Sales activity tracker"},
			{"Manager", "Ana Ruiz"}, // above the rep: never taken for it
			{"Sales rep", rep},
			{"Monthly plan", 20000}, // a target: not read
			{},
			{"Day", "Date", "Hours", "1st calls", "Contacts", "Appts set", "Closes", "Revenue"},
		}
	}
	// Jane's sheet is named "Rep 1" (on no roster): her rep is the header
	// block's "J. Doe", her alias. A Subtotal row after the first days and
	// the TOTALS row are no data.
	jane := append(head("J. Doe"),
		[]any{"Wed", time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)}, // blank: a day off in September
		[]any{"Thu", day(1), 8, 20, 6, 2, 1, 500},
		[]any{"Fri", day(2), 8, 15, 4, 1, 0, 0},
		[]any{"Sat", day(3)},
		[]any{"Sun", day(4)},
		[]any{"Mon", day(5), 8, 25, 9, 3, 2, 1250.50},
		[]any{"Subtotal", nil, 24, 60, 19, 6, 3, 1750.50},
		[]any{"Tue", day(6), 0, 0, 0, 0, 0, 0},
		[]any{"TOTALS", nil, 24, 60, 19, 6, 3, 1750.50},
	)
	// Omar's September: two days of zeros (a month with data, all zero)
	// and a day off.
	sep := func(d int) time.Time { return time.Date(2026, 9, d, 0, 0, 0, 0, time.UTC) }
	omar := append(head("Omar Haddad"),
		[]any{"Mon", sep(28), 0, 0, 0, 0, 0, 0},
		[]any{"Tue", sep(29), 0, 0, 0, 0, 0, 0},
		[]any{"Wed", sep(30)},
		[]any{"TOTALS", nil, 0, 0, 0, 0, 0, 0},
	)
	writeTracker(t, filepath.Join(inbox, "Sales activity tracker.xlsx"), []string{"Rep 1", "Omar Haddad"},
		map[string][][]any{"Rep 1": jane, "Omar Haddad": omar})
	// Omar's October, a CSV with the rep in A1. Tue has no contacts but
	// calls and meetings, which stand in for them (18 + 1); Wed's 0
	// contacts is a value: 0, whatever the calls.
	writeFile(t, filepath.Join(inbox, "tracker - Omar.csv"), "Rep Name: Omar Haddad,,,,,,\n"+
		"Month: October 2026,,,,,,\n"+
		",,,,,,\n"+
		"Day,Date,Calls,Contacts,Meetings,Closes,Revenue\n"+
		"Thu,2026-10-01,30,7,2,1,800\n"+
		"Fri,2026-10-02,0,0,0,0,0\n"+
		"Sat,2026-10-03,,,,,\n"+
		"Sun,2026-10-04,,,,,\n"+
		"Mon,2026-10-05,22,5,1,0,0\n"+
		"Tue,2026-10-06,18,,1,1,\"1,200.00\"\n"+
		"Wed,2026-10-07,12,0,0,0,0\n"+
		"TOTALS,,82,12,4,2,2000\n")

	res, reps := runMonth(t, dir, repcard.MonthOf(2026, 10))

	// By hand, October 2026 (the Contacts column, else calls + meetings):
	//   Jane: contacts 6+4+9+0 = 19, closings 1+0+2+0 = 3, revenue
	//         500 + 0 + 1,250.50 + 0 = 1,750.50 (Sat, Sun blank; the
	//         Subtotal and TOTALS rows not counted).
	//   Omar: contacts 7+0+5+(18+1)+0 = 31, closings 1+0+0+1+0 = 2,
	//         revenue 800 + 1,200.00 = 2,000.00.
	// September: Jane's only day is blank: no data. Omar's two days of
	// zeros: data, all 0.
	if len(reps) != 2 {
		t.Errorf("reps %v, want Jane Doe and Omar Haddad only", res.Report.Reps)
	}
	for _, want := range []struct {
		rep                string
		contacts, closings int
		revenue            repcard.Money
		sepData            bool // September has data: zeros yes, blanks no
	}{
		{"Jane Doe", 19, 3, 175050, false},
		{"Omar Haddad", 31, 2, 200000, true},
	} {
		got, ok := reps[want.rep]
		switch {
		case !ok:
			t.Errorf("no rep %s in %v", want.rep, res.Report.Reps)
		case got.Contacts != want.contacts || got.Closings != want.closings || got.Revenue != want.revenue:
			t.Errorf("%s October: contacts %d closings %d revenue %v, want %d %d %v", want.rep, got.Contacts, got.Closings, got.Revenue, want.contacts, want.closings, want.revenue)
		default:
			m := got.Monthly[len(got.Monthly)-2]
			if m.Month != "2026-09" || m.HasData != want.sepData || m.Contacts+m.Closings != 0 {
				t.Errorf("%s September: %+v, want has data %v and nothing counted", want.rep, m, want.sepData)
			}
		}
	}
	if r := reps["Ana Ruiz"]; r != nil {
		t.Errorf("the manager is a rep: %+v", r)
	}

	// Rows used: Jane's 4 filled October days (her September day is blank),
	// Omar's 2 days of zeros and his 5 filled October days. A blank day is
	// skipped, never a row.
	for _, in := range res.Report.Inputs {
		key := in.File + "|" + in.Sheet
		want, ok := map[string]struct {
			mapping string
			used    int
		}{
			"Sales activity tracker.xlsx|Rep 1":       {"per-rep sheet: Jane Doe (header block), days × 3 measures", 4},
			"Sales activity tracker.xlsx|Omar Haddad": {"per-rep sheet: Omar Haddad (header block), days × 3 measures", 2},
			"tracker - Omar.csv|":                     {"per-rep sheet: Omar Haddad (header block), days × 5 measures", 5},
		}[key]
		if !ok {
			continue
		}
		if in.Kind != repcard.KindTallies || in.Mapping != want.mapping || in.RepFrom != "header block" {
			t.Errorf("%s: %s by %q, rep from %q; want tallies by %q from the header block", key, in.Kind, in.Mapping, in.RepFrom, want.mapping)
		}
		if in.Used != want.used || in.Rows != in.Used {
			t.Errorf("%s: rows %d used %d skipped %d, want %d rows used and the blank days skipped", key, in.Rows, in.Used, in.Skipped, want.used)
		}
	}
}
