package reader

import (
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
