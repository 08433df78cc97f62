package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var wantFiles = []string{fileRoster, fileSF, fileSFQ3, fileHubSpot, filePipedrive, fileTally, fileGrid, fileTracker}

// TestDeterministic generates the inbox twice and requires the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := run([]string{"-out", dir}, new(bytes.Buffer), new(bytes.Buffer)); err != nil {
			t.Fatal(err)
		}
	}
	total := int64(0)
	for _, name := range wantFiles {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatalf("expected file: %v", err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatalf("expected file: %v", err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two runs differ", name)
		}
		total += int64(len(x))
	}
	entries, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(wantFiles) {
		t.Errorf("wrote %d files, want %d", len(entries), len(wantFiles))
	}
	if total > 1<<20 {
		t.Errorf("inbox is %d bytes; keep it small", total)
	}
}

// TestSeedChangesData guards against a seed that is ignored.
func TestSeedChangesData(t *testing.T) {
	x, err := hubspotCSV(generate(1).Activities)
	if err != nil {
		t.Fatal(err)
	}
	y, err := hubspotCSV(generate(2).Activities)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(x, y) {
		t.Error("seeds 1 and 2 give the same HubSpot export")
	}
}

// TestWorkbooks opens each workbook and checks where its header row is.
func TestWorkbooks(t *testing.T) {
	dir := t.TempDir()
	if _, err := writeAll(dir, generate(1)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, sheet string
		headerRow   int
		header      string
		footer      string
	}{
		{fileSF, "Opportunity Report", 4, "Opportunity Owner", "Grand Totals ("},
		{fileSFQ3, "Opportunity Report", 1, "Opportunity Owner", "Total"},
		{fileTally, zoe, 3, "Week of", ""},
		{fileGrid, gridSheet, 2, "Rep", "Total"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := excelize.OpenFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) < tc.headerRow || len(rows[tc.headerRow-1]) == 0 || rows[tc.headerRow-1][0] != tc.header {
				t.Fatalf("row %d does not start with %q", tc.headerRow, tc.header)
			}
			for i := range tc.headerRow - 1 {
				if len(rows[i]) > 1 {
					t.Errorf("row %d above the header has %d cells", i+1, len(rows[i]))
				}
			}
			if tc.footer != "" && !strings.HasPrefix(rows[len(rows)-1][0], tc.footer) {
				t.Errorf("last row %q, want it to start with %q", rows[len(rows)-1][0], tc.footer)
			}
			props, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(props.Created, "2025") && !strings.HasPrefix(props.Created, "2026") {
				t.Errorf("Created = %q, want a pinned date", props.Created)
			}
		})
	}
	f, err := excelize.OpenFile(filepath.Join(dir, fileTally))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{zoe, "Notes"}; !slices.Equal(got, want) {
		t.Errorf("tally sheets %q, want %q", got, want)
	}
}

// TestWindows1252 checks the encoder and that the Pipedrive file is not UTF-8.
func TestWindows1252(t *testing.T) {
	got, err := toWindows1252("José Øberg – 1.234,50 €")
	if err != nil {
		t.Fatal(err)
	}
	want := []byte("Jos\xe9 \xd8berg \x96 1.234,50 \x80")
	if !bytes.Equal(got, want) {
		t.Errorf("got % x, want % x", got, want)
	}
	if _, err := toWindows1252("Дмитрий"); err == nil {
		t.Error("Cyrillic encoded without error")
	}
	for _, tc := range []struct {
		cents int64
		want  string
	}{{0, "0,00"}, {5, "0,05"}, {123450, "1.234,50"}, {18500000, "185.000,00"}, {99999, "999,99"}} {
		if got := commaMoney(tc.cents); got != tc.want {
			t.Errorf("commaMoney(%d) = %q, want %q", tc.cents, got, tc.want)
		}
	}
}

// month is one rep's month as repcard's metrics define it (report/doc.go):
// closings from deals when the rep has deals, contacts from activities and
// tallies, else from decided deals.
type month struct {
	Contacts, Closings int
	Commission         int64 // cents, 10 % of won amounts
}

func (m month) ratio() float64 { return float64(m.Contacts) / float64(m.Closings) }

// months computes every rep's months from the dataset.
func months(d *dataset) map[string]*[numMonths]month {
	out := map[string]*[numMonths]month{}
	get := func(rep string) *[numMonths]month {
		if out[rep] == nil {
			out[rep] = new([numMonths]month)
		}
		return out[rep]
	}
	hasActs := map[string]bool{}
	for _, a := range d.Activities {
		hasActs[a.Rep] = true
		if m := monthIndex(a.At); a.isContact() && m >= 0 {
			get(a.Rep)[m].Contacts++
			if a.Outcome == "Won" {
				get(a.Rep)[m].Closings++
				get(a.Rep)[m].Commission += a.Amount / 10
			}
		}
	}
	for _, ds := range [][]deal{d.SF, d.Pipedrive} {
		for _, dl := range ds {
			m := monthIndex(dl.Close)
			if dl.Status == "open" || m < 0 {
				continue
			}
			mm := &get(dl.Rep)[m]
			if dl.Status == "won" {
				mm.Closings++
				mm.Commission += dl.Amount / 10
			}
			if !hasActs[dl.Rep] {
				mm.Contacts++
			}
		}
	}
	for _, w := range d.Tally {
		mm := &get(zoe)[monthIndex(w.Monday)]
		mm.Contacts += w.Calls + w.Emails + w.Meetings
		mm.Closings += w.Sales
		mm.Commission += w.Commission
	}
	return out
}

// alerts are the default trend alerts for the last month: contacts per
// close worse by 20 % or contacts down 25 % against the mean of the three
// months before.
func alerts(ms *[numMonths]month) []string {
	last := ms[numMonths-1]
	var contacts, ratio float64
	for _, m := range ms[numMonths-4 : numMonths-1] {
		contacts += float64(m.Contacts) / 3
		ratio += m.ratio() / 3
	}
	var out []string
	if last.ratio() > 1.2*ratio {
		out = append(out, fmt.Sprintf("ratio %.1f vs %.1f", last.ratio(), ratio))
	}
	if float64(last.Contacts) < 0.75*contacts {
		out = append(out, fmt.Sprintf("contacts %d vs %.0f", last.Contacts, contacts))
	}
	return out
}

// TestStory checks that the data tells the stories examples/README.md
// promises, for several seeds.
func TestStory(t *testing.T) {
	for seed := uint64(1); seed <= 8; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { checkStory(t, generate(seed)) })
	}
}

func checkStory(t *testing.T, d *dataset) {
	end := windowEnd()
	ms := months(d)
	for _, m := range roster {
		rep := m.Name
		months := ms[rep]
		if months == nil {
			t.Fatalf("%s has no data", rep)
		}
		for i, mm := range months {
			if mm.Closings == 0 {
				t.Errorf("%s: no closings in month %d", rep, i)
				continue
			}
			if r := mm.ratio(); rep != tom && (r < 5.5 || r > 25) {
				t.Errorf("%s: month %d: %d contacts per close", rep, i, int(r))
			}
		}
		got := alerts(months)
		switch {
		case rep == tom && len(got) != 2:
			t.Errorf("Tom O'Brien: alerts %q, want ratio and contacts", got)
		case rep != tom && len(got) != 0:
			t.Errorf("%s: unexpected alerts %q", rep, got)
		}
	}

	// Aisha's last month is her best: most closings and most commission.
	a := ms[aisha]
	for i, m := range a[:numMonths-1] {
		if m.Closings >= a[numMonths-1].Closings || m.Commission >= a[numMonths-1].Commission {
			t.Errorf("Aisha Khan: month %d (%+v) rivals October (%+v)", i, m, a[numMonths-1])
		}
	}

	// Αλέξανδρος: one open deal holds most of his pipeline.
	var open, top int64
	for _, dl := range d.SF {
		if dl.Rep == alex && dl.Status == "open" {
			open += dl.Amount
			top = max(top, dl.Amount)
		}
	}
	if share := float64(top) / float64(open); share < 0.5 {
		t.Errorf("Αλέξανδρος: top open deal is %.0f %% of the pipeline", 100*share)
	}

	// Near misses: lost Salesforce deals with probability ≥ 70, lost
	// Pipedrive deals at a proposal or negotiation stage.
	near := 0
	for _, dl := range d.SF {
		if dl.Status == "lost" && dl.Prob >= 70 && monthIndex(dl.Close) >= numMonths-3 {
			near++
		}
	}
	if near < 4 {
		t.Errorf("%d Salesforce near misses in the last quarter", near)
	}
	tomNear := 0
	for _, dl := range d.SF {
		if dl.Rep == tom && dl.Status == "lost" && dl.Prob >= 70 && monthIndex(dl.Close) == numMonths-1 {
			tomNear++
		}
	}
	if tomNear < 2 {
		t.Errorf("Tom O'Brien: %d near misses in October, want 2 or more", tomNear)
	}

	// Follow-ups due and stale maybes, per rep with activities.
	type touch struct {
		last    time.Time
		outcome string
	}
	last := map[string]touch{} // rep + "\x00" + company → last touch
	for _, act := range d.Activities {
		k := act.Rep + "\x00" + act.Company
		tc := last[k]
		tc.last = act.At
		if act.Outcome != "" {
			tc.outcome = act.Outcome
		}
		last[k] = tc
	}
	for _, p := range profiles {
		if !p.Activity {
			continue
		}
		due, maybes := 0, 0
		for k, tc := range last {
			if !strings.HasPrefix(k, p.Name+"\x00") || end.Sub(tc.last) <= 90*24*time.Hour {
				continue
			}
			if tc.outcome == "Not interested" {
				due++
			}
		}
		for k, tc := range last {
			if strings.HasPrefix(k, p.Name+"\x00") && tc.outcome == "Follow up" && end.Sub(tc.last) > 45*24*time.Hour {
				maybes++
			}
		}
		if due < 2 {
			t.Errorf("%s: %d prospects said no and were left alone for 90 days", p.Name, due)
		}
		if p.Closings == fromSalesforce {
			stale := 0
			for _, dl := range d.SF {
				tc, ok := last[dl.Rep+"\x00"+dl.Account]
				if dl.Rep == p.Name && dl.Status == "open" && ok && end.Sub(tc.last) > 45*24*time.Hour {
					stale++
				}
			}
			if stale < 1 {
				t.Errorf("%s: no open deal quiet for 45 days", p.Name)
			}
		}
		if testing.Verbose() {
			t.Logf("%s: %d follow-ups due, %d quiet maybes", p.Name, due, maybes)
		}
	}

	// The newest date is the last day of the window, so the default period
	// is 2026-10; nothing is dated after it.
	newest := time.Time{}
	for _, a := range d.Activities {
		newest = later(newest, a.At)
	}
	for _, dl := range slices.Concat(d.SF, d.Pipedrive) {
		if dl.Status != "open" {
			newest = later(newest, dl.Close)
		}
	}
	if truncDay(newest) != end {
		t.Errorf("newest date %v, want %v", newest, end)
	}

	checkGrid(t, d, ms)
	checkTracker(t, d)

	// Every Q3 row duplicates a row of the full export by id.
	ids := map[string]bool{}
	for _, dl := range d.SF {
		ids[dl.ID] = true
	}
	for _, dl := range d.SFQ3 {
		if !ids[dl.ID] {
			t.Errorf("Q3 deal %s is not in the full export", dl.ID)
		}
	}
}

// checkGrid checks that Ana's tracker adds nothing twice: each of its reps
// has HubSpot activities (repcard's source of their contacts) and Salesforce
// deals (the source of their closings), and no other closings; and its
// counts are the won deals of the full export, month by month.
func checkGrid(t *testing.T, d *dataset, ms map[string]*[numMonths]month) {
	t.Helper()
	jan := monthIndex(time.Date(gridYear, time.January, 1, 0, 0, 0, 0, time.UTC))
	counts := gridCounts(d.SF)
	for _, g := range gridReps {
		checkOnlySalesforce(t, d, "grid", g.Rep)
		for m, n := range counts[g.Rep] {
			if want := ms[g.Rep][jan+m].Closings; n != want {
				t.Errorf("grid %s month %d: %d won, Salesforce has %d", g.Rep, m+1, n, want)
			}
		}
	}
}

// checkOnlySalesforce checks that a tracker's rep has HubSpot activities
// (repcard's source of their contacts) and Salesforce deals (the source of
// their closings and revenue), and no other closings.
func checkOnlySalesforce(t *testing.T, d *dataset, what, rep string) {
	t.Helper()
	acts, sf, other := false, false, rep == zoe
	for _, a := range d.Activities {
		acts = acts || a.Rep == rep
		other = other || a.Rep == rep && a.Outcome == "Won"
	}
	for _, dl := range d.SF {
		sf = sf || dl.Rep == rep
	}
	for _, dl := range d.Pipedrive {
		other = other || dl.Rep == rep
	}
	if !acts || !sf || other {
		t.Errorf("%s rep %s: activities %v, Salesforce deals %v, other closings %v; want true, true, false",
			what, rep, acts, sf, other)
	}
}

// checkTracker checks that the London tracker adds nothing twice: its reps
// are Salesforce and HubSpot reps that Ana's grid does not name, its
// Contacts column is blank (their contacts are HubSpot's), and each day's
// closes and revenue are that day's won deals of the full export.
func checkTracker(t *testing.T, d *dataset) {
	t.Helper()
	days := trackerDays(d.SF)
	for _, tr := range trackerReps {
		checkOnlySalesforce(t, d, "tracker", tr.Rep)
		for _, g := range gridReps {
			if g.Rep == tr.Rep {
				t.Errorf("tracker rep %s is on the grid too", tr.Rep)
			}
		}
		n, sum := 0, 0
		for _, dl := range d.SF {
			if m := monthIndex(dl.Close); dl.Rep == tr.Rep && dl.Status == "won" && m >= trackerFirst && m < trackerFirst+trackerMonths {
				n++
			}
		}
		for _, day := range days[tr.Rep] {
			sum += day.Closes
		}
		if n == 0 || sum != n {
			t.Errorf("tracker %s: %d closes, Salesforce has %d won deals", tr.Rep, sum, n)
		}
	}
}

// TestTrackerSheets reads the tracker back: a header block naming the
// rep, the header on row 5, blank Contacts, every working day filled,
// days off blank, Subtotals and TOTALS that add up.
func TestTrackerSheets(t *testing.T) {
	f := openRendered(t, trackerXLSX)
	for _, tr := range trackerReps {
		rows, err := f.GetRows(tr.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 6 || !slices.Equal(rows[4], []string{"Day", "Date", "Contacts", "Closes", "Revenue"}) {
			t.Fatalf("%s: header %q", tr.Sheet, rows[min(4, len(rows)-1)])
		}
		if !strings.Contains(strings.Join(rows[0], " "), "O’Brien") && !strings.HasPrefix(rows[0][0], "Rep Name: ") {
			t.Errorf("%s: first line %q names no rep", tr.Sheet, rows[0])
		}
		var sub, total [2]int64 // closes, revenue in cents
		filled, subtotals := 0, 0
		for _, row := range rows[5:] {
			row = append(row, make([]string, 5)...)
			var v [2]int64
			for i := range v {
				var x float64
				if row[3+i] != "" {
					if _, err := fmt.Sscan(strings.NewReplacer("$", "", ",", "").Replace(row[3+i]), &x); err != nil {
						t.Fatalf("%s: cell %q: %v", tr.Sheet, row[3+i], err)
					}
				}
				v[i] = int64(math.Round(x * float64(1+99*i)))
			}
			if row[2] != "" {
				t.Errorf("%s: Contacts %q, want blank", tr.Sheet, row[2])
			}
			switch {
			case strings.HasPrefix(row[0], "Subtotal"), row[0] == "TOTALS":
				want := &sub
				if row[0] == "TOTALS" {
					want = &total
				} else {
					subtotals++
				}
				if v != *want {
					t.Errorf("%s: %s %v, days add up to %v", tr.Sheet, row[0], v, *want)
				}
				sub = [2]int64{}
			case row[3] != "":
				filled++
				for i := range v {
					sub[i] += v[i]
					total[i] += v[i]
				}
			}
		}
		work := 0
		for m := trackerFirst; m < trackerFirst+trackerMonths; m++ {
			work += len(workdays(m))
		}
		if subtotals != trackerMonths || filled < work || filled > work+3 {
			t.Errorf("%s: %d subtotals, %d days filled; want %d, %d working days", tr.Sheet, subtotals, filled, trackerMonths, work)
		}
	}
}

// openRendered renders a workbook from seed 1's Salesforce deals and opens
// it; the test closes it.
func openRendered(t *testing.T, render func([]deal) ([]byte, error)) *excelize.File {
	t.Helper()
	b, err := render(generate(1).SF)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestGridTotals reads the tracker back: each Total is the sum of its row
// or column, as a manager's SUM formulas would give.
func TestGridTotals(t *testing.T) {
	f := openRendered(t, gridXLSX)
	rows, err := f.GetRows(gridSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3+len(gridReps) || rows[0][0] != gridTitle {
		t.Fatalf("rows %q", rows)
	}
	num := func(s string) int {
		var n int
		if _, err := fmt.Sscan(s, &n); err != nil {
			t.Fatalf("cell %q: %v", s, err)
		}
		return n
	}
	cols := make([]int, gridMonths+1)
	for i, row := range rows[2:] {
		if len(row) != gridMonths+2 {
			t.Fatalf("row %q: %d cells", row, len(row))
		}
		sum := 0
		for c := 1; c <= gridMonths; c++ {
			sum += num(row[c])
		}
		if got := num(row[gridMonths+1]); got != sum {
			t.Errorf("row %s: Total %d, months sum to %d", row[0], got, sum)
		}
		if i == len(gridReps) {
			for c := 1; c <= gridMonths+1; c++ {
				if got := num(row[c]); got != cols[c-1] {
					t.Errorf("Total row, column %d: %d, reps sum to %d", c, got, cols[c-1])
				}
			}
			break
		}
		for c := 1; c <= gridMonths+1; c++ {
			cols[c-1] += num(row[c])
		}
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// TestPrintStory logs every rep's months and the numbers behind the stories
// (go test ./examples/gen -run PrintStory -v): a tool for retuning.
func TestPrintStory(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("verbose only")
	}
	d := generate(1)
	ms := months(d)
	for _, m := range roster {
		var b strings.Builder
		for _, mm := range ms[m.Name] {
			fmt.Fprintf(&b, " %3d/%-2d", mm.Contacts, mm.Closings)
		}
		t.Logf("%-24s%s", m.Name, b.String())
	}
	count := func(ds []deal) map[string]int {
		n := map[string]int{}
		for _, dl := range ds {
			n[dl.Status]++
		}
		return n
	}
	t.Logf("activities %d; Salesforce %d %v; Q3 %d %v; Pipedrive %d %v; tally weeks %d",
		len(d.Activities), len(d.SF), count(d.SF), len(d.SFQ3), count(d.SFQ3), len(d.Pipedrive), count(d.Pipedrive), len(d.Tally))
	oct := numMonths - 1
	type sum struct {
		nos, asks, nearOct, nearAll, open int
		pipeline, top                     int64
	}
	sums := map[string]*sum{}
	for _, m := range roster {
		sums[m.Name] = &sum{}
	}
	for _, a := range d.Activities {
		if a.Outcome == "Not interested" && monthIndex(a.At) == oct {
			sums[a.Rep].nos++
			if a.Referral == "Yes" {
				sums[a.Rep].asks++
			}
		}
	}
	for _, dl := range slices.Concat(d.SF, d.Pipedrive) {
		s := sums[dl.Rep]
		switch {
		case dl.Status == "open":
			s.open++
			s.pipeline += dl.Amount
			s.top = max(s.top, dl.Amount)
		case dl.Status == "lost":
			late := dl.Prob >= 70 || dl.Stage == "Proposal Made" || dl.Stage == "Negotiations Started"
			if monthIndex(dl.Close) == oct {
				s.nos++
				if late {
					s.nearOct++
				}
			}
			if late {
				s.nearAll++
			}
		}
	}
	for _, m := range roster {
		s, mm := sums[m.Name], ms[m.Name][oct]
		share := 0.0
		if s.pipeline > 0 {
			share = 100 * float64(s.top) / float64(s.pipeline)
		}
		t.Logf("%-24s Oct: %3d contacts %2d closings %5.1f:1 $%8.2f commission, %2d nos (%2d referral asks), near misses %d (year %d), open %2d $%9.2f top %3.0f %%, alerts %q",
			m.Name, mm.Contacts, mm.Closings, mm.ratio(), float64(mm.Commission)/100, s.nos, s.asks, s.nearOct, s.nearAll,
			s.open, float64(s.pipeline)/100, share, alerts(ms[m.Name]))
	}
}
