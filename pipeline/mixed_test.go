package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// One inbox of five kinds of file, as a team drops them: a manager's grid of
// calls (reps × months, in a workbook), a Salesforce opportunities export
// for the same two reps, a HubSpot calls export for two other reps, a rep's
// own daily tracker (one sheet, the rep in its header block), and the
// roster. Every sheet is read, nothing is left out or dropped as a
// duplicate, and each rep's October adds up from the right sources.
func TestRunMixedInbox(t *testing.T) {
	dir := t.TempDir()
	in := func(name, content string) { writeFile(t, filepath.Join(dir, "inbox", name), content) }
	in("roster.csv", "Rep,Manager,Office,Aliases\n"+
		"Jane Doe,Ana Ruiz,Berlin,J. Doe\n"+
		"Omar Haddad,Ana Ruiz,Berlin,\n"+
		"Priya Shah,Marcus Lee,London,\n"+
		"Ben Carter,Marcus Lee,London,\n"+
		"Lina Park,Marcus Lee,London,\n")
	// Lina's own tracker: her name in the header block, a day off left
	// blank, a day of zeros, and a TOTALS row.
	in("tracker - Lina.csv", "Rep Name: Lina Park,,,,,\n"+
		"Monthly plan: 20000,,,,,\n"+
		",,,,,\n"+
		"Day,Date,Calls,Contacts,Closes,Revenue\n"+
		"Thu,2026-10-01,9,5,1,600\n"+
		"Fri,2026-10-02,,,,\n"+
		"Sat,2026-10-03,0,0,0,0\n"+
		"Mon,2026-10-05,11,7,0,0\n"+
		"TOTALS,,20,12,1,600\n")
	// Ana's calls tracker for the reps whose deals are in Salesforce (who
	// log no activities, so nothing is counted twice). Omar's blank
	// February is no data.
	writeXLSX(t, filepath.Join(dir, "inbox", "calls-by-rep.xlsx"), "Tracker", [][]any{
		{"Calls 2026"},
		{"Rep", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Total"},
		{"J. Doe", 30, 32, 35, 31, 33, 36, 29, 25, 38, 42, 331},
		{"Omar Haddad", 20, nil, 24, 22, 21, 25, 23, 18, 30, 35, 218},
		{"Total", 50, 32, 59, 53, 54, 61, 52, 43, 68, 77, 549},
	})
	in("salesforce-opportunities.csv", "Opportunity ID,Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date\n"+
		"0061,Jane Doe,Acme,Acme renewal,Closed Won,1200.00,2026-10-06\n"+
		"0062,Jane Doe,Globex,Globex pilot,Closed Won,3000.50,2026-10-20\n"+
		"0063,Jane Doe,Initech,Initech seats,Closed Lost,900.00,2026-10-22\n"+
		"0064,Jane Doe,Umbrella,Umbrella add-on,Closed Won,700.00,2026-09-15\n"+
		"0065,Omar Haddad,Hooli,Hooli upgrade,Closed Won,5000.00,2026-10-09\n"+
		"0066,Omar Haddad,Vandelay,Vandelay trial,Negotiation/Review,8000.00,2026-11-30\n")
	in("hubspot-calls.csv", "Activity ID,Activity date,Activity type,Activity assigned to,Associated company,Call outcome,Amount\n"+
		"101,2026-10-01 09:00,CALL,Priya Shah,Stark Industries,Connected,\n"+
		"102,2026-10-02 10:30,CALL,Priya Shah,Wayne Enterprises,Not interested,\n"+
		"103,2026-10-05 11:00,CALL,Priya Shah,Wonka,Won,800\n"+
		"104,2026-10-14 15:00,CALL,Priya Shah,Cyberdyne,Won,1250.50\n"+
		"105,2026-10-28 16:45,CALL,Priya Shah,Soylent,Follow up,\n"+
		"106,2026-09-29 09:15,CALL,Priya Shah,Tyrell,Won,400\n"+
		"107,2026-10-07 10:00,CALL,Ben Carter,Oscorp,Won,2000\n"+
		"108,2026-10-08 10:00,CALL,Ben Carter,Aperture,Connected,\n"+
		"109,2026-10-21 14:00,CALL,Ben Carter,Gringotts,Not interested,\n")
	october := repcard.MonthPeriod(repcard.MonthOf(2026, 10))
	res := run(t, testConfig(t, dir), Options{Period: &october})

	if len(res.Batch.Issues) != 0 {
		t.Errorf("issues: %v", res.Batch.Issues)
	}
	if n := res.Batch.SheetsNotRead(); n != 0 {
		t.Errorf("%d sheets not read", n)
	}
	// 19 filled grid cells, 6 deals, 9 calls, 3 tracked days (the day off
	// is no data), 5 roster rows.
	if rows, used, left, dups := res.Batch.Totals(); used != rows || left != 0 || dups != 0 || used != 42 {
		t.Errorf("rows %d used %d left out %d duplicates %d; want 42 used, none left out or dropped", rows, used, left, dups)
	}
	kinds := map[string]string{
		"calls-by-rep.xlsx":            "tallies grid: reps × months, measure calls",
		"salesforce-opportunities.csv": "deals preset salesforce",
		"hubspot-calls.csv":            "activities preset hubspot",
		"roster.csv":                   "roster synonyms",
		"tracker - Lina.csv":           "tallies per-rep sheet: Lina Park (header block), days × 4 measures",
	}
	for _, in := range res.Report.Inputs {
		if got := string(in.Kind) + " " + in.Mapping; got != kinds[in.File] {
			t.Errorf("%s [%s]: read as %q, want %q", in.File, in.Sheet, got, kinds[in.File])
		}
		delete(kinds, in.File)
	}
	if len(kinds) != 0 {
		t.Errorf("not listed as inputs: %v", kinds)
	}

	// October 2026, by hand:
	//   Jane (grid row "J. Doe", Salesforce): contacts 42, the grid's Oct
	//     cell (she logs no activities, so not her decided deals); closings
	//     2, the Closed Won of 6 and 20 October (the Closed Lost of the 22nd
	//     is a no, the win of 15 September is September's); revenue
	//     1,200.00 + 3,000.50 = 4,200.50.
	//   Omar (grid, Salesforce): contacts 35; closings 1 (9 October; the open
	//     deal is no closing); revenue 5,000.00.
	//   Priya (HubSpot): contacts 5, her October calls of any outcome (the
	//     29 September win is September's); closings 2, the Won outcomes of
	//     5 and 14 October; revenue 800 + 1,250.50 = 2,050.50.
	//   Ben (HubSpot): contacts 3; closings 1; revenue 2,000.00.
	//   Lina (her tracker): contacts 5 + 0 + 7 = 12 (the Contacts column,
	//     not the calls); closings 1; revenue 600.00.
	//   Team: contacts 42+35+5+3+12 = 97, closings 2+1+2+1+1 = 7, revenue
	//     4,200.50 + 5,000 + 2,050.50 + 2,000 + 600 = 13,851.00.
	want := map[string]struct {
		contacts, closings int
		revenue            repcard.Money
		closingsFrom       string
	}{
		"Jane Doe":    {42, 2, 420050, report.SourceDeals},
		"Omar Haddad": {35, 1, 500000, report.SourceDeals},
		"Priya Shah":  {5, 2, 205050, report.SourceActivities},
		"Ben Carter":  {3, 1, 200000, report.SourceActivities},
		"Lina Park":   {12, 1, 60000, report.SourceActivities},
	}
	for _, r := range res.Report.Reps {
		w, ok := want[r.Rep]
		if !ok {
			t.Errorf("unexpected rep %q", r.Rep)
			continue
		}
		delete(want, r.Rep)
		if r.Contacts != w.contacts || r.Closings != w.closings || r.Revenue != w.revenue {
			t.Errorf("%s October: contacts %d closings %d revenue %v, want %d %d %v",
				r.Rep, r.Contacts, r.Closings, r.Revenue, w.contacts, w.closings, w.revenue)
		}
		if r.Sources.Contacts != report.SourceActivities || r.Sources.Closings != w.closingsFrom {
			t.Errorf("%s sources %+v, want contacts from activities+tallies, closings from %s", r.Rep, r.Sources, w.closingsFrom)
		}
	}
	if len(want) != 0 {
		t.Errorf("reps missing: %v", want)
	}
	if tm := res.Report.Team; tm.Contacts != 97 || tm.Closings != 7 || tm.Revenue != 1385100 {
		t.Errorf("team: contacts %d closings %d revenue %v, want 97, 7, 13,851.00", tm.Contacts, tm.Closings, tm.Revenue)
	}
}

// writeXLSX writes a one-sheet workbook of rows (nil: a blank cell).
func writeXLSX(t *testing.T, path, sheet string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
