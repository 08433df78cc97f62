package reader

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
)

// tallyRow is what one tally record of a tracker must hold.
type tallyRow struct {
	rep                string
	date               repcard.Date
	contacts, closings int
	amount             repcard.Money
}

// writeBanded writes rows as name.csv or, with merges ("C3:E3"), as a
// workbook whose band cells are merged over their groups.
func writeBanded(t *testing.T, dir, name string, rows [][]string, merges []string) {
	t.Helper()
	path := filepath.Join(dir, name)
	if filepath.Ext(name) == ".csv" {
		fh, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(fh)
		if err := w.WriteAll(rows); err != nil {
			t.Fatal(err)
		}
		fh.Close()
		return
	}
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr("Sheet1", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// Two tracker shapes with a grouped header, two variants of each, each as
// CSV and as a workbook with merged band cells. Subtotal rows (in the first
// column or the rep column), month labels inside the table and computed
// columns (Conversion %, Target, Ach. rate, Quota, Var.) are no data.
func TestReadGroupedHeaders(t *testing.T) {
	oct := func(day int) repcard.Date { return d(2026, time.October, day) }
	nov := func(day int) repcard.Date { return d(2026, time.November, day) }
	for _, tc := range []struct {
		name    string
		rows    [][]string
		merges  []string
		skipped int
		want    []tallyRow
	}{
		{
			// Contacts: phone contacts + meetings (the dials are attempts);
			// closings: Closes; amount: Revenue / Total (New and Existing
			// are its parts).
			name: "weekly activity tracker",
			rows: [][]string{
				{"Weekly activity tracker — Q4 2026"},
				{},
				{"", "", "Phone activity", "", "", "Face-to-face", "", "Revenue", "", "", ""},
				{"Week", "Rep", "Dials", "Contacts", "Appts", "Meetings", "Closes", "New", "Existing", "Total", "Conversion %"},
				{"October"},
				{"2026-10-05", "Ann Lee", "120", "30", "6", "5", "2", "1000", "500", "1500", "40%"},
				{"2026-10-05", "Bob Ray", "80", "20", "4", "3", "1", "0", "800", "800", "33%"},
				{"2026-10-12", "Ann Lee", "100", "25", "5", "4", "1", "700", "0", "700", "25%"},
				{"2026-10-12", "Subtotal", "300", "75", "15", "12", "4", "1700", "1300", "3000", ""},
				{"November"},
				{"2026-11-02", "Bob Ray", "90", "22", "3", "6", "2", "1200", "300", "1500", "33%"},
				{"Month total", "", "90", "22", "3", "6", "2", "1200", "300", "1500", ""},
				{"TOTALS", "", "390", "97", "18", "18", "6", "2900", "1600", "4500", ""},
			},
			merges:  []string{"C3:E3", "F3:G3", "H3:J3"},
			skipped: 7, // title, band, two month labels, three totals
			want: []tallyRow{
				{"Ann Lee", oct(5), 30 + 5, 2, 150_000},
				{"Bob Ray", oct(5), 20 + 3, 1, 80_000},
				{"Ann Lee", oct(12), 25 + 4, 1, 70_000},
				{"Bob Ray", nov(2), 22 + 6, 2, 150_000},
			},
		},
		{
			// The band runs on over Target and Ach. rate: computed, not read.
			name: "weekly tracker, other words",
			rows: [][]string{
				{"", "", "Phone", "", "", "In person", "", "Revenue", "", "", "", ""},
				{"Week ending", "Sales rep", "Calls", "Conversations", "Appointments", "Meetings held", "Won", "New business", "Renewals", "Total", "Target", "Ach. rate"},
				{"2026-10-09", "Ann Lee", "50", "12", "3", "2", "1", "400", "100", "500", "1000", "50%"},
				{"2026-10-09", "Sub-total", "50", "12", "3", "2", "1", "400", "100", "500", "1000", "50%"},
				{"2026-10-16", "Ann Lee", "40", "", "2", "3", "0", "", "", "", "1000", "0%"},
				{"Grand Total", "", "90", "12", "5", "5", "1", "400", "100", "500", "2000", ""},
			},
			merges:  []string{"C1:E1", "F1:G1", "H1:L1"},
			skipped: 3, // band, two totals
			want: []tallyRow{
				{"Ann Lee", oct(9), 12 + 2, 1, 50_000},
				// No conversations written: the calls made stand in.
				{"Ann Lee", oct(16), 40 + 3, 0, 0},
			},
		},
		{
			// Contacts: connected calls; closings: Won; amount: Revenue / Amount.
			name: "daily sales tracker",
			rows: [][]string{
				{"", "", "Calls", "", "Deals", "", "Revenue"},
				{"Date", "Rep", "Made", "Connected", "Won", "Lost", "Amount"},
				{"2026-10-01", "Ann Lee", "40", "10", "1", "2", "900"},
				{"2026-10-01", "Bob Ray", "35", "8", "0", "3", ""},
				{"2026-10-02", "Ann Lee", "30", "9", "2", "1", "1,250.50"},
				{"Total October", "", "105", "27", "3", "6", "2150.50"},
			},
			merges:  []string{"C1:D1", "E1:F1"},
			skipped: 2, // band, total
			want: []tallyRow{
				{"Ann Lee", oct(1), 10, 1, 90_000},
				{"Bob Ray", oct(1), 8, 0, 0},
				{"Ann Lee", oct(2), 9, 2, 125_050},
			},
		},
		{
			name: "daily sales tracker, other words",
			rows: [][]string{
				{"Daily sales — Ann and Bob"},
				{"", "", "Phone calls", "", "Sales", "", "Revenue", "", ""},
				{"Date", "Salesperson", "Dials", "Connects", "Closed", "Lost", "Amount", "Quota", "Var."},
				{"Oct 2026"},
				{"2026-10-01", "Bob Ray", "20", "6", "1", "1", "300", "500", "-200"},
				{"2026-10-01", "Sub-total", "20", "6", "1", "1", "300", "500", "-200"},
				{"2026-10-02", "Bob Ray", "25", "7", "1", "0", "450", "500", "-50"},
				{"2026-10-02", "Subtotal", "25", "7", "1", "0", "450", "500", "-50"},
			},
			merges:  []string{"C2:D2", "E2:F2", "G2:I2"},
			skipped: 5, // title, band, month label, two subtotals
			want: []tallyRow{
				{"Bob Ray", oct(1), 6, 1, 30_000},
				{"Bob Ray", oct(2), 7, 1, 45_000},
			},
		},
	} {
		for _, ext := range []string{".csv", ".xlsx"} {
			t.Run(tc.name+ext, func(t *testing.T) {
				dir := t.TempDir()
				writeBanded(t, dir, "tracker"+ext, tc.rows, tc.merges)
				res := read(t, dir, nil)
				sheet := ""
				if ext == ".xlsx" {
					sheet = "Sheet1"
				}
				in := res.input("tracker"+ext, sheet)
				if in.Kind != repcard.KindTallies || in.Used != len(tc.want) || in.LeftOut != 0 || in.Skipped != tc.skipped {
					t.Fatalf("input %+v, want tallies, %d used, %d skipped\n%s", in, len(tc.want), tc.skipped, issueList(res.batch))
				}
				recs := res.byKind(repcard.KindTallies)
				if len(recs) != len(tc.want) {
					t.Fatalf("%d records, want %d", len(recs), len(tc.want))
				}
				for i, w := range tc.want {
					r := recs[i]
					got := tallyRow{r.Rep, r.Date, r.Contacts, r.Closings, r.Amount}
					if got != w {
						t.Errorf("record %d: %+v, want %+v", i, got, w)
					}
				}
			})
		}
	}
}

// A computed column is never a count or an amount, though its name folds
// to one; the real measures beside it are read.
func TestMatchComputedColumns(t *testing.T) {
	for _, tc := range []struct {
		name string
		row  []string
		kind repcard.Kind
		want map[field][]int
		none []field
	}{
		{"percent columns", []string{"Date", "Rep", "Calls", "Closed %", "Revenue %", "Target", "Sales"},
			repcard.KindTallies, map[field][]int{fCalls: {2}, fClosings: {6}}, []field{fAmount, fContacts}},
		{"rates and quotas", []string{"Week", "Sales rep", "Contacts", "Contacts %", "Avg deal size", "Commission rate", "Commission", "Quota"},
			repcard.KindTallies, map[field][]int{fContacts: {2}, fCommission: {6}}, []field{fAmount}},
		{"a probability in percent is still read", []string{"Opportunity Owner", "Stage", "Amount", "Probability (%)", "Close Date"},
			repcard.KindDeals, map[field][]int{fAmount: {2}, fProbability: {3}}, nil},
		{"a grouped target is no measure", []string{"Date", "Rep", "Target Calls", "Calls", "Goal Revenue", "Revenue"},
			repcard.KindTallies, map[field][]int{fCalls: {3}, fAmount: {5}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := matchRow(tc.row, nil, false)
			if l == nil || l.kind != tc.kind {
				t.Fatalf("layout %+v, want %s", l, tc.kind)
			}
			for f, cols := range tc.want {
				if !slices.Equal(l.cols[f], cols) {
					t.Errorf("%s: columns %v, want %v", f, l.cols[f], cols)
				}
			}
			for _, f := range tc.none {
				if l.has(f) {
					t.Errorf("%s: columns %v, want none", f, l.cols[f])
				}
			}
		})
	}
}

// A row above the header is a band only when it leaves the first column
// blank and holds short labels over header cells: titles and notes are not.
func TestBandGroups(t *testing.T) {
	header := []string{"Date", "Rep", "Made", "Connected", "Won", "Total"}
	for _, tc := range []struct {
		name string
		band []string
		want []string
	}{
		{"two groups", []string{"", "", "Calls", "", "Revenue"}, []string{"", "", "Calls", "Calls", "Revenue", "Revenue"}},
		{"one group", []string{"", "", "", "", "", "Revenue"}, []string{"", "", "", "", "", "Revenue"}},
		{"a title", []string{"Daily sales tracker"}, nil},
		{"a note", []string{"", "Week of:", "2026-10-05"}, nil},
		{"over a blank header cell", []string{"", "", "Calls", "", "", "", "Revenue"}, nil},
		{"a full row", []string{"", "a", "b", "c", "d", "e"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bandGroups(tc.band, header)
			if (got == nil) != (tc.want == nil) || got != nil && !slices.Equal(got, tc.want) {
				t.Errorf("groups %q, want %q", got, tc.want)
			}
		})
	}
}

// Subtotal rows and month labels inside a table are no data; a rep or an
// account whose name holds "total" elsewhere is.
func TestSubtotalRow(t *testing.T) {
	l := &layout{}
	l.cols[fRep] = []int{1}
	for _, tc := range []struct {
		row  []string
		want bool
	}{
		{[]string{"2026-10-05", "Subtotal", "5"}, true},
		{[]string{"2026-10-05", "Sub-total", "5"}, true},
		{[]string{"Month total", "", "5"}, true},
		{[]string{"October subtotal", "", "5"}, true},
		{[]string{"October"}, true},
		{[]string{"Oct 2026", "", ""}, true},
		{[]string{"October", "Ann Lee", "5"}, false},
		{[]string{"2026-10-05", "Ann Lee", "5"}, false},
		{[]string{"Acme Total Solutions Inc", "Ann Lee", "5"}, false},
		{[]string{"2026-10-05", "Maya", "5"}, false},
		{[]string{"May"}, true},
	} {
		if got := subtotalRow(tc.row, l); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.row, got, tc.want)
		}
	}
}
