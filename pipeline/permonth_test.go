package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
)

// writeBook writes an xlsx workbook of sheets (name, rows) in order.
func writeBook(t *testing.T, path string, sheets ...struct {
	name string
	rows [][]any
}) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, sh := range sheets {
		if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

type sheet = struct {
	name string
	rows [][]any
}

// TestMonthSheets reads two workbooks of one sheet per month and checks
// each rep's contacts, sales and revenue per month against the sheets.
func TestMonthSheets(t *testing.T) {
	dir := t.TempDir()
	head := []any{"Rep", "Calls", "Meetings", "Closed deals", "Revenue"}
	// Jan, Feb, Mar take their year from the file's name. The Summary adds
	// up the months; counted, it would double every number.
	writeBook(t, filepath.Join(dir, "inbox", "Sales tracker 2026.xlsx"),
		sheet{"Jan", [][]any{head, {"Jane Doe", 40, 4, 1, 1200}, {"Omar Haddad", 30, 2, 0, 0}, {"Total", 70, 6, 1, 1200}}},
		sheet{"Feb", [][]any{head, {"Jane Doe", 50, 5, 2, 3000}, {"Omar Haddad", 35, 3, 1, 800}, {"Total", 85, 8, 3, 3800}}},
		sheet{"Mar", [][]any{head, {"Jane Doe", 45, 6, 1, 900}, {"Omar Haddad", 25, 1, 2, 1500}, {"Total", 70, 7, 3, 2400}}},
		sheet{"Summary", [][]any{head, {"Jane Doe", 135, 15, 4, 5100}, {"Omar Haddad", 90, 6, 3, 2300}, {"Total", 225, 21, 7, 7400}}})
	// Months named 2026-09 and 2026-10 under a title row; Target and % are
	// computed columns, never measures; Contacts is its own column, so
	// Dials are not added to it.
	head2 := []any{"Sales rep", "Dials", "Contacts", "Sales", "Target", "%"}
	writeBook(t, filepath.Join(dir, "inbox", "Team activity.xlsx"),
		sheet{"2026-09", [][]any{{"Activity — September 2026"}, head2, {"Jane Doe", 100, 20, 3, 4, 0.75}, {"Omar Haddad", 80, 15, 2, 4, 0.5}}},
		sheet{"2026-10", [][]any{{"Activity — October 2026"}, head2, {"Jane Doe", 110, 25, 4, 4, 1}, {"Omar Haddad", 90, 18, 1, 4, 0.25}, {"Total", 200, 43, 5, 8, 0.625}}})

	// want[month][rep] = contacts, sales, revenue. Sales tracker: contacts
	// = calls + meetings of the month's sheet (Jan Jane 40+4 = 44), sales
	// = Closed deals, revenue = Revenue. Team activity: contacts = the
	// Contacts column, sales = Sales, no revenue.
	want := map[string]map[string]string{
		"2026-01": {"Jane Doe": "44 1 1200.00", "Omar Haddad": "32 0 0.00"},
		"2026-02": {"Jane Doe": "55 2 3000.00", "Omar Haddad": "38 1 800.00"},
		"2026-03": {"Jane Doe": "51 1 900.00", "Omar Haddad": "26 2 1500.00"},
		"2026-09": {"Jane Doe": "20 3 0.00", "Omar Haddad": "15 2 0.00"},
		"2026-10": {"Jane Doe": "25 4 0.00", "Omar Haddad": "18 1 0.00"},
	}
	for month, reps := range want {
		per, err := repcard.ParsePeriod(month)
		if err != nil {
			t.Fatal(err)
		}
		cfg := testConfig(t, dir)
		cfg.Out = filepath.Join(dir, "out-"+month)
		res := run(t, cfg, Options{Period: &per})
		got := map[string]string{}
		for _, r := range res.Report.Reps {
			got[r.Rep] = fmt.Sprintf("%d %d %s", r.Contacts, r.Closings, r.Revenue.String())
		}
		for rep, w := range reps {
			if got[rep] != w {
				t.Errorf("%s %s: contacts, sales, revenue %q, want %q", month, rep, got[rep], w)
			}
		}
		for _, in := range res.Batch.Inputs {
			if in.Sheet == "Summary" && (in.Kind != repcard.KindNone || in.Used != 0) {
				t.Errorf("the Summary sheet was read: %+v", in)
			}
		}
	}
}
