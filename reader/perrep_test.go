package reader

import (
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// The rep of a per-rep tracker comes from its header block: a rep label
// and its value in one cell or two, through the roster, never a manager's
// or a target's line.
func TestHeaderBlockRep(t *testing.T) {
	roster := newRosterIndex([]repcard.Record{{Rep: "Jane Doe", Aliases: []string{"JD"}}, {Rep: "Omar Haddad"}})
	r := &inboxReader{roster: roster}
	table := []string{"Day", "Date", "Calls", "Contacts", "Meetings", "Closes", "Revenue"}
	for _, c := range []struct {
		name  string
		head  [][]string
		fixed string
		rep   string
	}{
		{"one cell", [][]string{{"Rep Name: Omar Haddad"}, table}, "", "Omar Haddad"},
		{"two cells", [][]string{{"Sales rep", "Jane Doe"}, table}, "", "Jane Doe"},
		{"label cell then blank", [][]string{{"Salesperson:", "", "Jane Doe"}, table}, "", "Jane Doe"},
		{"alias through the roster", [][]string{{"Name", "JD"}, table}, "", "Jane Doe"},
		{"roster's case", [][]string{{"Employee: jane doe"}, table}, "", "Jane Doe"},
		{"off the roster, a person's name", [][]string{{"Agent", "Lena Park"}, table}, "", "Lena Park"},
		{"off the roster, no person's name", [][]string{{"Name", "tracker"}, table}, "", ""},
		{"Spanish", [][]string{{"Vendedor:", "Omar Haddad"}, table}, "", "Omar Haddad"},
		{"manager before the rep", [][]string{{"Manager", "Ana Ruiz"}, {"Monthly plan", "20,000"}, {"Rep", "Omar Haddad"}, table}, "", "Omar Haddad"},
		{"manager only", [][]string{{"Manager: Ana Ruiz"}, {"Sales manager", "Ana Ruiz"}, table}, "", ""},
		{"a number is no name", [][]string{{"Rep", "20,000"}, table}, "", ""},
		{"below the table's header", [][]string{table, {"Rep", "Jane Doe"}}, "", ""},
		{"config's rep: wins", [][]string{{"Rep", "Jane Doe"}, table}, "Omar Haddad", ""},
	} {
		p := &sheetPlan{head: c.head}
		r.headerBlockRep(p, c.fixed)
		if p.rep != c.rep || (c.rep != "") != (p.repFrom == repFromHeaderBlock) {
			t.Errorf("%s: rep %q from %q, want %q", c.name, p.rep, p.repFrom, c.rep)
		}
	}
}

// A per-rep sheet is an ordinary tally sheet: a day whose measures are all
// blank is no tally (skipped), a day of zeros a tally of zero; the rep is
// the header block's, the layout named in Input.Mapping.
func TestReadPerRepSheet(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"roster.csv": "Rep\nJane Doe\nOmar Haddad\n",
		"tracker - Omar.csv": "Rep Name: Omar Haddad,,,,,,\n" +
			"Day,Date,Calls,Contacts,Meetings,Closes,Revenue\n" +
			"Thu,2026-10-01,30,7,2,1,800\n" +
			"Fri,2026-10-02,0,0,0,0,0\n" +
			"Sat,2026-10-03,,,,,\n" +
			"TOTALS,,30,7,2,1,800\n",
	})
	b, recs := readInbox(t, dir, nil)
	var got []repcard.Record
	for _, rec := range recs {
		if rec.Kind == repcard.KindTallies {
			got = append(got, rec)
		}
	}
	if len(got) != 2 || got[0].Rep != "Omar Haddad" || got[0].Contacts != 7 || got[0].Amount != 80000 ||
		got[1].Contacts != 0 || !got[1].HasClosings || got[1].Closings != 0 || !got[1].HasAmount {
		t.Fatalf("tallies %+v, want Thu's and Fri's zeros, Omar's", got)
	}
	for _, in := range b.Inputs {
		if in.File == "tracker - Omar.csv" && (in.Used != 2 || in.Rows != 2 || in.RepFrom != "header block" ||
			in.Mapping != "per-rep sheet: Omar Haddad (header block), days × 5 measures") {
			t.Errorf("input %+v", in)
		}
	}
}

// A per-rep table whose date column holds bare day numbers takes its month
// from the header block, else the sheet's or the file's name; day 31 of a
// 30-day month, zeros only, is no row.
func TestPerRepDayNumbers(t *testing.T) {
	dir := t.TempDir()
	table := strings.Join([]string{"Day,Calls,Contacts,Closes,Revenue",
		"1,10,4,1,100", "2,0,0,0,0", "3,,,,", // day 3 off
		"30,1,1,0,0", "31,0,0,0,0", "Total,11,5,1,100", ""}, "\n")
	writeFiles(t, dir, map[string]string{
		"roster.csv":              "Rep,Manager\nJane Doe,Ana Ruiz\nOmar Haddad,Ana Ruiz\n",
		"jane.csv":                "Sales rep:,Jane Doe,,\nMonth:,September 2026,,\n,,,\n" + table,
		"Omar - October 2026.csv": "Rep Name: Omar Haddad\n" + table,
		"no month.csv":            "Rep Name: Omar Haddad\n" + table,
	})
	b, recs := readInbox(t, dir, nil)
	got := map[string][]string{}
	for _, rec := range recs {
		if rec.Kind == repcard.KindTallies {
			got[rec.Rep] = append(got[rec.Rep], rec.Date.String())
		}
	}
	want := map[string][]string{
		"Jane Doe":    {"2026-09-01", "2026-09-02", "2026-09-30"},
		"Omar Haddad": {"2026-10-01", "2026-10-02", "2026-10-30", "2026-10-31"},
	}
	for rep, dates := range want {
		if strings.Join(got[rep], " ") != strings.Join(dates, " ") {
			t.Errorf("%s: days %v, want %v", rep, got[rep], dates)
		}
	}
	for _, in := range b.Inputs {
		if in.File == "no month.csv" && (in.Kind != repcard.KindNone || !strings.Contains(in.Reason, "no month named") || in.NotRead != repcard.NotReadSalesData) {
			t.Errorf("no month: %+v, want not read, sales data, its reason saying so", in)
		}
		if in.File == "jane.csv" && (in.Used != 3 || in.Skipped != 2+3) {
			t.Errorf("jane: %+v, want 3 days used; the block's 2 lines, the blank day, day 31 and the total skipped", in)
		}
	}
}
