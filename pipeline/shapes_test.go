package pipeline

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// One inbox of the export shapes that were lost or misread, read whole
// through the pipeline with no mapping: every row is read right or left
// out with a kind that says why. Each shape has its own reader tests (two
// variants); this one shows they hold together in a run.
func TestRunRealExportShapes(t *testing.T) {
	dir := t.TempDir()
	in := func(name, content string) { writeFile(t, filepath.Join(dir, "inbox", name), content) }
	in("roster.csv", "Rep,Manager,Office,Email\nJane Doe,Ana Ruiz,Berlin,jane@acme.example\nTom Becker,Ana Ruiz,Munich,tom@acme.example\n")
	// Zoho CRM's Potentials (deals) export: the owner is named after the module.
	in("Potentials_001.csv", "Potential Owner,Potential Name,Account Name,Stage,Amount,Closing Date\n"+
		"Jane Doe,Acme renewal,Acme,Closed Won,\"$22,700.00\",\"16 Oct, 2026 00:03:00\"\n"+
		"Tom Becker,Globex pilot,Globex,Closed Lost,\"$5,000.00\",\"20 Oct, 2026 11:30:00\"\n"+
		"Unassigned,Initech,Initech,Closed Won,\"$1,000.00\",\"21 Oct, 2026 09:00:00\"\n") // a placeholder owner: left out
	// A Salesforce lead report: prospects' cities, not the reps' offices.
	in("report1730000000000.csv", "First Name,Last Name,Company / Account,Email,Lead Owner,Lead Status,Create Date,City\n"+
		"Ann,Lee,Umbrella,ann@umbrella.example,Jane Doe,Open - Not Contacted,10/2/2026,Paris\n"+
		"Bob,Ray,Hooli,bob@hooli.example,Jane Doe,Working - Contacted,10/3/2026,Lyon\n"+
		"Cid,Moe,Stark,cid@stark.example,Tom Becker,Open - Not Contacted,10/4/2026,Nice\n"+
		"Dan,Poe,Wayne,dan@wayne.example,Jane Doe,Working - Contacted,10/5/2026,Metz\n"+
		"Eve,Kay,Tyrell,eve@tyrell.example,Tom Becker,Open - Not Contacted,10/6/2026,Lille\n")
	// An Excel sales log: every row a sale, no status column.
	in("sales log.csv", "Salesperson,Order Date,Customer,Product,Units,Revenue\n"+
		"Tom Becker,2026-10-07,Soylent,Widget,4,\"1,200.00\"\n"+
		"Tom Becker,2026-10-08,Cyberdyne,Gadget,1,300.00\n")
	// Calls and meetings: a no-show and a cancelled meeting are no contacts.
	in("activities.csv", "Rep,Date,Type,Outcome,Company\n"+
		"Jane Doe,2026-10-09,call,Connected,Acme\n"+
		"Jane Doe,2026-10-10,meeting,No show,Globex\n"+
		"Jane Doe,2026-10-11,meeting,Cancelled,Initech\n"+
		"Jane Doe,2026-10-12,call,Not interested,Hooli\n")
	// Deals in Spanish: Ganado is won; a word no list holds ("Firmado pendiente") is an issue.
	in("oportunidades.csv", "Deal owner,Deal Name,Status,Amount,Close Date\n"+
		"Jane Doe,Vandelay,Ganado,800,2026-10-13\n"+
		"Jane Doe,Wonka,Firmado pendiente,900,2026-10-14\n")
	cfg := testConfig(t, dir)
	october := repcard.MonthPeriod(repcard.MonthOf(2026, 10))
	res := run(t, cfg, Options{Period: &october})

	kinds := map[string][]repcard.IssueKind{}
	for _, is := range res.Batch.Issues {
		kinds[is.File] = append(kinds[is.File], is.Kind)
	}
	want := map[string][]repcard.IssueKind{
		"Potentials_001.csv": {repcard.IssueNoOwner},
		"oportunidades.csv":  {repcard.IssueUnknownStatus},
	}
	for file, w := range want {
		if !slices.Equal(kinds[file], w) {
			t.Errorf("%s: issues %v, want %v", file, kinds[file], w)
		}
	}
	if len(kinds) != len(want) {
		t.Errorf("issues on %d files, want %d: %v", len(kinds), len(want), kinds)
	}
	for _, input := range res.Batch.Inputs {
		if input.File == "report1730000000000.csv" && input.Kind != repcard.KindNone {
			t.Errorf("the lead report was read as %s", input.Kind)
		}
	}

	reps := map[string]*report.Rep{}
	for i := range res.Report.Reps {
		reps[res.Report.Reps[i].Rep] = &res.Report.Reps[i]
	}
	if len(reps) != 2 {
		t.Fatalf("reps %v, want Jane Doe and Tom Becker only (no Unassigned)", res.Report.Reps)
	}
	for _, c := range []struct {
		rep, office        string
		contacts, closings int
		revenue            repcard.Money
	}{
		// Jane: contacts are her done activities (the connected call and
		// the no from Hooli; the no-show and the cancelled meeting took
		// no place). Sales: Acme (22,700.00) and Vandelay (Ganado, 800).
		{"Jane Doe", "Berlin", 2, 2, 2_270_000 + 80_000},
		// Tom: contacts are his decided deals (the Globex loss and two
		// sales in the log); sales are the log's: 1,200 + 300.
		{"Tom Becker", "Munich", 3, 2, 120_000 + 30_000},
	} {
		r := reps[c.rep]
		if r == nil {
			t.Errorf("no rep %s", c.rep)
			continue
		}
		if r.Office != c.office || r.Contacts != c.contacts || r.Closings != c.closings || r.Revenue != c.revenue {
			t.Errorf("%s: office %q, contacts %d, closings %d, revenue %v; want %q, %d, %d, %v",
				c.rep, r.Office, r.Contacts, r.Closings, r.Revenue, c.office, c.contacts, c.closings, c.revenue)
		}
	}
}

// With both date_order and decimal set, both apply: an ambiguous date is
// read day first and an amount with a decimal comma as such.
func TestRunDateOrderAndDecimal(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "deals.csv"), "Opportunity Owner,Account Name,Stage,Amount,Close Date\n"+
		"Jane Doe,Acme,Closed Won,\"1.234,50\",03/10/2026\n"+ // 3 October
		"Jane Doe,Globex,Closed Won,\"10,25\",04/10/2026\n") // 4 October
	cfg := testConfig(t, dir)
	cfg.DateOrder, cfg.Decimal = "dmy", "comma"
	october := repcard.MonthPeriod(repcard.MonthOf(2026, 10))
	res := run(t, cfg, Options{Period: &october})
	if len(res.Batch.Issues) > 0 || len(res.Report.Reps) != 1 {
		t.Fatalf("issues %v, reps %d", res.Batch.Issues, len(res.Report.Reps))
	}
	if r := res.Report.Reps[0]; r.Closings != 2 || r.Revenue != 123_450+1_025 {
		t.Errorf("closings %d, revenue %v; want 2 in October, 1244.75", r.Closings, r.Revenue)
	}
}
