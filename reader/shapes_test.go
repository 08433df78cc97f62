package reader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// The shapes below are written from each tool's documented export columns
// (Zoho CRM's Potentials, Tasks, Events and Calls modules; a Salesforce
// leads report; HubSpot's contacts export) and from home-made sales logs,
// two variants of each.

// shapeRow is what one record of a shape must hold.
type shapeRow struct {
	rep     string
	date    repcard.Date
	outcome repcard.Outcome
	amount  repcard.Money // checked when hasAmt
	hasAmt  bool
	planned bool
	typ     string
}

func checkShape(t *testing.T, dir, file string, kind repcard.Kind, how string, want []shapeRow) {
	t.Helper()
	res := read(t, dir, nil)
	in := res.input(file, "")
	if in.Kind != kind || in.Mapping != how || in.Used != len(want) || in.LeftOut != 0 {
		t.Fatalf("input %+v, want kind %s by %q, %d used\n%s", in, kind, how, len(want), issueList(res.batch))
	}
	recs := res.byKind(kind)
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i, w := range want {
		r := recs[i]
		if r.Rep != w.rep || r.Date != w.date || r.Outcome != w.outcome || r.Planned != w.planned || r.Type != w.typ {
			t.Errorf("record %d: rep %q date %s outcome %v planned %v type %q, want %+v", i, r.Rep, r.Date, r.Outcome, r.Planned, r.Type, w)
		}
		if w.hasAmt && (!r.HasAmount || r.Amount != w.amount) {
			t.Errorf("record %d: amount %v (%v), want %v", i, r.Amount, r.HasAmount, w.amount)
		}
	}
}

func TestReadOwnerColumns(t *testing.T) {
	apr := func(day int) repcard.Date { return d(2021, time.April, day) }
	for _, tc := range []struct {
		name, csv string
		kind      repcard.Kind
		how       string
		want      []shapeRow
	}{
		{"zoho potentials", `Potential Owner,Amount,Potential Name,Closing Date,Account Name,Stage,Type,Lead Source,Contact Name,Probability (%),Expected Revenue,Created Time
Carla Diaz,"$22,700.00",Acme renewal,"16 Apr, 2021 00:03:00",Acme Corp,Closed Won,Existing Business,Web Site,John Roe,100,"$22,700.00","01 Mar, 2021 09:10:00"
Ben Ito,"$5,000.00",Gamma,"30 Apr, 2021 00:00:00",Gamma Inc,Negotiation/Review,New Business,Partner,Tom Hay,75,"$3,750.00","05 Mar, 2021 11:00:00"
`, repcard.KindDeals, "preset zoho", []shapeRow{
			{rep: "Carla Diaz", date: apr(16), outcome: repcard.OutcomeWon, amount: 2270000, hasAmt: true},
			{rep: "Ben Ito", date: apr(30), outcome: repcard.OutcomeOpen, amount: 500000, hasAmt: true},
		}},
		{"zoho potentials, other order", `Potential Id,Potential Name,Account Name,Stage,Amount,Closing Date,Potential Owner,Modified Time
zcrm_101,Delta deal,Delta Co,Closed Won,"$1,250.50","02 Apr, 2021 14:30:00",Ana Ruiz,"02 Apr, 2021 14:31:00"
zcrm_102,Eps deal,Eps Ltd,Qualification,$900.00,"28 Apr, 2021 00:00:00",Ana Ruiz,"03 Apr, 2021 08:00:00"
`, repcard.KindDeals, "preset zoho", []shapeRow{
			{rep: "Ana Ruiz", date: apr(2), outcome: repcard.OutcomeWon, amount: 125050, hasAmt: true},
			{rep: "Ana Ruiz", date: apr(28), outcome: repcard.OutcomeOpen, amount: 90000, hasAmt: true},
		}},
		{"zoho tasks", `Task Owner,Subject,Due Date,Status,Priority,Related To,Contact Name,Created Time,Modified Time
Carla Diaz,Send proposal,"12 Apr, 2021",Completed,High,Acme Corp,John Roe,"01 Apr, 2021 09:00:00","12 Apr, 2021 17:00:00"
Ben Ito,Follow up,"14 Apr, 2021",Not Started,Normal,Gamma Inc,Tom Hay,"02 Apr, 2021 09:00:00","02 Apr, 2021 09:00:00"
`, repcard.KindActivities, "synonyms", []shapeRow{
			{rep: "Carla Diaz", date: apr(12)},
			{rep: "Ben Ito", date: apr(14), planned: true},
		}},
		{"zoho tasks, other order", `Subject,Due Date,Task Owner,Status,Closed Time,Related To
Call back,"20 Apr, 2021",Ana Ruiz,Completed,"20 Apr, 2021 11:00:00",Delta Co
Quote,"21 Apr, 2021",Ana Ruiz,Not Started,,Eps Ltd
`, repcard.KindActivities, "synonyms", []shapeRow{
			{rep: "Ana Ruiz", date: apr(20)},
			{rep: "Ana Ruiz", date: apr(21), planned: true},
		}},
		{"zoho events", `Event Owner,Title,Start DateTime,End DateTime,Venue,Related To,Contact Name,Created Time
Carla Diaz,Demo for Acme,"15 Apr, 2021 10:00:00","15 Apr, 2021 11:00:00",Online,Acme Corp,John Roe,"10 Apr, 2021 09:00:00"
Ben Ito,Site visit,"16 Apr, 2021 14:00:00","16 Apr, 2021 15:00:00",Gamma HQ,Gamma Inc,Tom Hay,"11 Apr, 2021 09:00:00"
`, repcard.KindActivities, "preset zoho", []shapeRow{
			{rep: "Carla Diaz", date: apr(15), typ: "meeting"},
			{rep: "Ben Ito", date: apr(16), typ: "meeting"},
		}},
		{"zoho events, host and participants", `Title,Start DateTime,End DateTime,Event Owner,Participants,Related To
Kick-off,"22 Apr, 2021 09:00:00","22 Apr, 2021 10:00:00",Ana Ruiz,John Roe,Delta Co
`, repcard.KindActivities, "preset zoho", []shapeRow{
			{rep: "Ana Ruiz", date: apr(22), typ: "meeting"},
		}},
		{"zoho calls", `Call Owner,Subject,Call Type,Call Purpose,Related To,Contact Name,Call Start Time,Call Duration,Call Result,Created Time
Carla Diaz,Intro call,Outbound,Prospecting,Acme Corp,John Roe,"13 Apr, 2021 09:30:00",05:10,Interested,"13 Apr, 2021 09:36:00"
`, repcard.KindActivities, "preset zoho", []shapeRow{
			{rep: "Carla Diaz", date: apr(13), typ: "call"},
		}},
		{"zoho calls, other order", `Subject,Call Start Time,Call Owner,Call Type,Call Duration (in seconds),Related To
Check-in,"14 Apr, 2021 11:00:00",Ben Ito,Inbound,120,Gamma Inc
`, repcard.KindActivities, "preset zoho", []shapeRow{
			{rep: "Ben Ito", date: apr(14), typ: "call"},
		}},
		{"salesforce case owner", `Case Number,Subject,Case Owner,Date,Type
00001026,Setup help,Carla Diaz,4/12/2021 9:00 AM,Phone
`, repcard.KindActivities, "synonyms", []shapeRow{
			{rep: "Carla Diaz", date: apr(12), typ: "call"},
		}},
		{"dynamics owning user", `Subject,Activity Type,Owning User,Due Date,Regarding
Intro,Phone Call,Ben Ito,2021-04-19,Gamma Inc
`, repcard.KindActivities, "synonyms", []shapeRow{
			{rep: "Ben Ito", date: apr(19), typ: "call"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"export.csv": tc.csv})
			checkShape(t, dir, "export.csv", tc.kind, tc.how, tc.want)
		})
	}
}

func TestMatchHomeownerIsNotTheRep(t *testing.T) {
	if l := matchRow([]string{"Homeowner", "Date", "Type"}, nil, false); l != nil && l.has(fRep) {
		t.Errorf("a homeowner taken for the rep: %+v", l)
	}
}

func TestReadContactLists(t *testing.T) {
	roster := "Rep,Manager,Office,Email\nCarla Diaz,Mia Long,Chicago,carla@firm.example\nBen Ito,Mia Long,Seattle,ben@firm.example\n"
	for _, tc := range []struct{ name, csv string }{
		{"salesforce leads report", `First Name,Last Name,Company / Account,Email,Lead Owner,Lead Status,Create Date,City
Ann,Lee,Beta LLC,ann@beta.example,Carla Diaz,Open - Not Contacted,3/1/2021,Austin
Tom,Hay,Gamma Inc,tom@gamma.example,Carla Diaz,Working - Contacted,3/2/2021,Denver
Joe,Ma,Delta Co,joe@delta.example,Ben Ito,Open - Not Contacted,3/3/2021,Boston
`},
		{"hubspot contacts", `First Name,Last Name,Email,Contact owner,Lifecycle Stage,Lead Status,Create Date,Company Name
Ann,Lee,ann@beta.example,Carla Diaz,Lead,New,2021-03-01 10:00,Beta LLC
Joe,Ma,joe@delta.example,Ben Ito,Customer,Connected,2021-03-03 10:00,Delta Co
`},
		{"salesforce leads by created date", `Lead Owner,First Name,Last Name,Email,Lead Source,Created Date
Carla Diaz,Ann,Lee,ann@beta.example,Web,3/1/2021
Ben Ito,Joe,Ma,joe@delta.example,Referral,3/3/2021
`},
		{"owners again and again", `Owner,Email,City
Carla Diaz,ann@beta.example,Austin
Carla Diaz,tom@gamma.example,Denver
Ben Ito,joe@delta.example,Boston
Carla Diaz,kim@eps.example,Miami
Ben Ito,lu@zeta.example,Reno
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"leads.csv": tc.csv, "team.csv": roster})
			res := read(t, dir, nil)
			if in := res.input("leads.csv", ""); in.Kind != repcard.KindNone || in.Reason != ReasonContactList {
				t.Errorf("leads: %+v", in)
			}
			reps := res.byKind(repcard.KindRoster)
			if len(reps) != 2 {
				t.Fatalf("%d roster records, want the 2 of team.csv", len(reps))
			}
			for _, r := range reps {
				if r.Src.File != "team.csv" || r.Manager != "Mia Long" || !strings.HasSuffix(r.Email, "@firm.example") {
					t.Errorf("roster record %+v", r)
				}
			}
		})
	}
	// A roster pasted twice over is still a roster.
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"team.csv": roster + strings.Repeat(roster[strings.Index(roster, "\n")+1:], 3)})
	if in := read(t, dir, nil).input("team.csv", ""); in.Kind != repcard.KindRoster || in.Used != 2 {
		t.Errorf("repeated roster: %+v", in)
	}
}

func TestReadSalesLog(t *testing.T) {
	won := repcard.OutcomeWon
	for _, tc := range []struct {
		name, csv string
		want      []shapeRow
	}{
		{"ext price", `account number,customer name,sales rep,sku,category,quantity,unit price,ext price,date
740150,Barton LLC,Carla Diaz,B1-20000,Belt,39,86.69,3380.91,2014-01-01 07:21:51
218895,Kulas Inc,Ben Ito,B1-69924,Belt,23,90.70,2086.10,2014-01-02 13:24:58
`, []shapeRow{
			{rep: "Carla Diaz", date: d(2014, time.January, 1), outcome: won, amount: 338091, hasAmt: true},
			{rep: "Ben Ito", date: d(2014, time.January, 2), outcome: won, amount: 208610, hasAmt: true},
		}},
		{"revenue", `Salesperson,Order Date,Customer,Product,Units,Revenue
Carla Diaz,2021-04-01,Acme,Widget,10,25.00
Ben Ito,2021-04-02,Gamma,Gadget,3,300
`, []shapeRow{
			{rep: "Carla Diaz", date: d(2021, time.April, 1), outcome: won, amount: 2500, hasAmt: true},
			{rep: "Ben Ito", date: d(2021, time.April, 2), outcome: won, amount: 30000, hasAmt: true},
		}},
		{"quantity × unit price", `Salesperson,Order Date,Customer,Product,Units,Unit Price
Carla Diaz,2021-04-01,Acme,Widget,10,2.55
Ben Ito,2021-04-02,Gamma,Gadget,,100
`, []shapeRow{
			{rep: "Carla Diaz", date: d(2021, time.April, 1), outcome: won, amount: 2550, hasAmt: true},
			{rep: "Ben Ito", date: d(2021, time.April, 2), outcome: won, amount: 10000, hasAmt: true},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"sales.csv": tc.csv})
			checkShape(t, dir, "sales.csv", repcard.KindDeals, salesLogHow, tc.want)
		})
	}
	// A status or an activity type makes it something else.
	for _, h := range []string{"Rep|Date|Customer|Amount|Status", "Rep|Date|Type|Amount"} {
		if l := matchRow(strings.Split(h, "|"), nil, false); l == nil || l.sale {
			t.Errorf("%q read as a sales log: %+v", h, l)
		}
	}
}

func TestSuggestMapping(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		columns   []string // the columns the reason names
		kind      repcard.Kind
	}{
		{"rep, no recognised date", "Rep,Date of call,Customer,Notes\nCarla Diaz,04/12/2021,Acme,left voicemail\nBen Ito,04/13/2021,Gamma,spoke to buyer\n",
			[]string{"Rep", "Date of call"}, repcard.KindActivities},
		// Polish: a language no synonym knows.
		{"no rep column", "Dzień,Sprzedawca,Klient,Wynik\n2021-04-12,Carla Diaz,Acme,venta\n2021-04-13,Ben Ito,Gamma,no\n2021-04-14,Carla Diaz,Beta,no\n",
			[]string{"Dzień", "Sprzedawca"}, repcard.KindActivities},
		{"no rep, no date header, a sheet name to escape", "Dzień,Handlowiec,Kontrahent\n12.04.2021,Carla Diaz,Acme\n13.04.2021,Ben Ito,Gamma\n",
			[]string{"Dzień", "Handlowiec"}, repcard.KindActivities},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := "log [2021]*.csv"
			writeFiles(t, dir, map[string]string{file: tc.csv})
			in := read(t, dir, nil).input(file, "")
			if in.Kind != repcard.KindNone || strings.Contains(in.Reason, "\n") || in.Suggest == "" {
				t.Fatalf("input %+v", in)
			}
			for _, c := range tc.columns {
				if !strings.Contains(in.Reason, c) {
					t.Errorf("reason %q does not name %q", in.Reason, c)
				}
			}
			cfgPath := filepath.Join(t.TempDir(), "config.yaml")
			if err := os.WriteFile(cfgPath, []byte("inbox: "+dir+"\n"+in.Suggest), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(cfgPath)
			if err != nil {
				t.Fatalf("suggested mapping does not load: %v\n%s", err, in.Suggest)
			}
			got := read(t, dir, cfg).input(file, "")
			if got.Kind != tc.kind || got.Used != strings.Count(tc.csv, "\n")-1 || got.Mapping != "config mapping[0]" {
				t.Errorf("with the suggested mapping: %+v\n%s", got, in.Suggest)
			}
		})
	}
	// No guess, no suggestion: accounts have no rep and no date.
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"accounts.csv": "account,sector,year_established,revenue,office_location\nAcme,retail,1996,1200.5,United States\n"})
	if in := read(t, dir, nil).input("accounts.csv", ""); in.Kind != repcard.KindNone || in.Suggest != "" {
		t.Errorf("accounts: %+v", in)
	}
}
