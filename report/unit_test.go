package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

func TestCivil(t *testing.T) {
	for d := repcard.MakeDate(1899, 12, 1); d <= repcard.MakeDate(2101, 3, 1); d++ {
		m, dd := monthDay(d)
		_, _, want := d.YMD()
		if m != d.Month() || dd != want {
			t.Fatalf("monthDay(%v) = %v, %d; want %v, %d", d, m, dd, d.Month(), want)
		}
	}
	for _, d := range []repcard.Date{1, repcard.MakeDate(1, 3, 1), repcard.MakeDate(9999, 12, 31)} {
		if m, dd := monthDay(d); m != d.Month() || dd != d.Time().Day() {
			t.Errorf("monthDay(%v) = %v, %d", d, m, dd)
		}
	}
	for m := repcard.MonthOf(1, 1); m <= repcard.MonthOf(9999, 12); m += 7 {
		if got := firstDay(m); got != m.First() {
			t.Fatalf("firstDay(%v) = %v, want %v", m, got, m.First())
		}
	}
	if dayOf(repcard.MonthOf(2026, 2), 28) != repcard.MakeDate(2026, 2, 28) || dayOf(repcard.MonthOf(2026, 2), 0) != 0 {
		t.Error("dayOf")
	}
}

func TestDefaultPeriod(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs []repcard.Record
		want string // "" for none
	}{
		{"no rows", nil, ""},
		{"roster only", []repcard.Record{roster("A", "M", "")}, ""},
		{"open deal only", []repcard.Record{dealOpen("A", "2026-12-31", "X")}, ""},
		{"last day of month", []repcard.Record{act("A", "2026-10-31", "call", "")}, "2026-10"},
		{"day before", []repcard.Record{act("A", "2026-10-30", "call", "")}, "2026-09"},
		{"tally", []repcard.Record{tally("A", "2026-11-01", 3, 0)}, "2026-10"},
		{"decided deal", []repcard.Record{dealLost("A", "2026-12-31", "X", "")}, "2026-12"},
		{"open deal does not count", []repcard.Record{
			act("A", "2026-10-31", "call", ""), dealOpen("A", "2027-03-31", "X"),
		}, "2026-10"},
		{"planned touch does not count", []repcard.Record{
			act("A", "2026-10-31", "call", ""), act("A", "2027-03-31", "call", "", planned),
		}, "2026-10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuilder(testConfig())
			for i := range tc.recs {
				b.Add(&tc.recs[i])
			}
			p, ok := b.DefaultPeriod()
			got := ""
			if ok {
				got = p.Label()
			}
			eq(t, "DefaultPeriod", got, tc.want)
		})
	}
}

func TestOnly(t *testing.T) {
	r := buildReport(testConfig(), "2026-10", []repcard.Record{
		roster("Ann", "Mia", ""), roster("Bob", "Max", ""), roster("Cy", "Mia", ""),
		tally("Ann", "2026-10-01", 10, 1), tally("Bob", "2026-10-01", 20, 2), tally("Dan", "2026-10-01", 5, 0),
	})
	o := r.Only([]string{"ann", " DAN "})
	var reps, mgrs []string
	for _, x := range o.Reps {
		reps = append(reps, x.Rep)
	}
	for _, x := range o.Managers {
		mgrs = append(mgrs, x.Manager)
	}
	eq(t, "reps", len(reps), 2)
	eq(t, "reps[0]", reps[0], "Ann")
	eq(t, "reps[1]", reps[1], "Dan")
	eq(t, "managers", len(mgrs), 1)
	eq(t, "managers[0]", mgrs[0], "Mia")
	eq(t, "team unchanged", o.Team.Contacts, 35)
	eq(t, "original untouched", len(r.Reps), 4)
}

// RepNamed finds a rep by name or roster alias or e-mail, case, spacing and
// accents folded; an alias two reps share names neither, and a rep's own
// name wins over another's alias. NearestRep suggests by names and aliases.
func TestRepNamed(t *testing.T) {
	sofia := roster("Sofía Núñez", "Mia", "")
	sofia.Aliases, sofia.Email = []string{"S. Nunez", "Sofia Nunez", "Sam"}, "sofia.nunez@acme.example"
	dmitry := roster("Дмитрий Иванов", "Mia", "")
	dmitry.Aliases = []string{"Dmitry Ivanov", "Sam"}
	ann := roster("Ann", "Max", "")
	ann.Aliases = []string{"Dan"} // Dan is a rep of his own too
	r := buildReport(testConfig(), "2026-10", []repcard.Record{
		sofia, dmitry, ann,
		tally("Sofía Núñez", "2026-10-01", 10, 1), tally("Дмитрий Иванов", "2026-10-01", 20, 2),
		tally("Ann", "2026-10-01", 5, 0), tally("Dan", "2026-10-01", 5, 0),
	})
	for _, c := range []struct{ name, want, nearest string }{
		{"Sofía Núñez", "Sofía Núñez", ""},
		{"sofia  NUNEZ", "Sofía Núñez", ""},
		{"s. nunez", "Sofía Núñez", ""},
		{"SOFIA.NUNEZ@acme.example", "Sofía Núñez", ""},
		{"dmitry ivanov", "Дмитрий Иванов", ""},
		{"Dan", "Dan", ""},
		{"Sam", "", ""},
		{"", "", ""},
		{"Dmitri Ivanov", "", "Дмитрий Иванов"},
		{"Sofia", "", "Sofía Núñez"},
		{"Nobody", "", ""},
	} {
		got, ok := r.RepNamed(c.name)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("RepNamed(%q) = %q, %v; want %q", c.name, got, ok, c.want)
		}
		if c.want == "" {
			if n := r.NearestRep(c.name); n != c.nearest {
				t.Errorf("NearestRep(%q) = %q, want %q", c.name, n, c.nearest)
			}
		}
	}
	o := r.Only([]string{"dmitry ivanov", "Sofia Nunez", "sofía núñez"})
	eq(t, "reps kept", len(o.Reps), 2)
	eq(t, "reps[0]", o.Reps[0].Rep, "Sofía Núñez")
	eq(t, "reps[1]", o.Reps[1].Rep, "Дмитрий Иванов")
}

// NameKey folds spacing, case and accents: a name typed without accents
// finds the rep.
func TestNameKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Sofía Núñez", "sofia  NUNEZ"},
		{"Zoë Ånström", "zoe anstrom"},
		{" Ann ", "ANN"},
	} {
		if NameKey(c.a) != NameKey(c.b) {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q", c.a, NameKey(c.a), c.b, NameKey(c.b))
		}
	}
	if NameKey("Ann") == NameKey("Anne") {
		t.Error("Ann and Anne fold alike")
	}
}

func TestJSONValues(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{Ratio{}, "null"},
		{Ratio{0.5, true}, "0.5"},
		{Ratio{1.0 / 3, true}, "0.3333333333333333"},
		{Ratio{2, true}, "2"},
		{NullMoney{}, "null"},
		{NullMoney{4820, true}, "48.20"},
		{NullMoney{-5, true}, "-0.05"},
		{GoalNum{}, "null"},
		{GoalNum{V: 123456, Money: true, OK: true}, "1234.56"},
		{GoalNum{V: 833, OK: true}, "8.33"},
		{GoalNum{V: 2500, OK: true}, "25"},
	} {
		got, err := json.Marshal(tc.v)
		if err != nil || string(got) != tc.want {
			t.Errorf("Marshal(%#v) = %s, %v; want %s", tc.v, got, err, tc.want)
		}
	}
}

func TestDivRound(t *testing.T) {
	for _, tc := range []struct{ a, b, want int64 }{
		{5, 2, 3}, {-5, 2, -3}, {4, 3, 1}, {5, 3, 2}, {-4, 3, -1}, {-5, 3, -2}, {200000, 3, 66667}, {7, -2, -4}, {0, 5, 0},
	} {
		if got := divRound(tc.a, tc.b); got != tc.want {
			t.Errorf("divRound(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// Add must not keep the caller's record: adding one reused Record gives
// the same report as adding copies.
func TestAddReusesRecord(t *testing.T) {
	recs := randomRecords(1, 2000)
	want := NewBuilder(testConfig())
	for i := range recs {
		c := recs[i]
		want.Add(&c)
	}
	got := NewBuilder(testConfig())
	var rec repcard.Record
	for i := range recs {
		rec = recs[i]
		got.Add(&rec)
		rec = repcard.Record{Rep: "garbage", Prospect: "garbage", LossReason: "garbage"}
	}
	p := mustPeriod("2026-10")
	a, _ := want.Build(p).JSON()
	b, _ := got.Build(p).JSON()
	if !bytes.Equal(a, b) {
		t.Error("reusing the record changes the report")
	}
}

// A threshold of 0 disables its alert.
func TestAlertsDisabled(t *testing.T) {
	cfg := testConfig()
	cfg.Alerts.RatioWorsePct, cfg.Alerts.ContactsDownPct, cfg.Alerts.ValueDownPct = 0, 0, 0
	var recs []repcard.Record
	for _, d := range []string{"2026-07-15", "2026-08-15", "2026-09-15"} {
		recs = append(recs, tally("A", d, 100, 10, com(1000)))
	}
	recs = append(recs, tally("A", "2026-10-15", 10, 0))
	r := buildReport(cfg, "2026-10", recs)
	eq(t, "alerts", len(r.Reps[0].Alerts), 0)
	cfg.Alerts.ContactsDownPct = 25
	r = buildReport(cfg, "2026-10", recs)
	eq(t, "alerts", len(r.Reps[0].Alerts), 1)
}

// Spellings of a prospect or reason that differ only in case and spaces are
// one; the name shown is the most frequent spelling.
func TestFolding(t *testing.T) {
	r := buildReport(testConfig(), "2026-10", []repcard.Record{
		act("A", "2026-10-01", "call", "ACME corp", lost("budget")),
		act("A", "2026-10-02", "call", "Acme Corp", lost("Budget")),
		act("A", "2026-10-03", "call", "Acme  Corp", lost("Budget")),
		act("A", "2026-10-04", "call", "Acme Corp", won),
	})
	a := r.Reps[0]
	eq(t, "loss reasons", len(a.LossReasons), 1)
	eq(t, "loss reason", a.LossReasons[0], LossReason{"Budget", "budget", false, 3})
	eq(t, "wins", len(a.Wins), 1)
	eq(t, "win prospect", a.Wins[0].Prospect, "Acme Corp")
}

func TestWriteJSONEmpty(t *testing.T) {
	for _, r := range []*Report{
		NewBuilder(testConfig()).Build(mustPeriod("2026-10")),
		buildReport(testConfig(), "2026-10", []repcard.Record{roster("A", "M", "")}),
	} {
		js, err := r.JSON()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.WriteJSON(&buf); err != nil || !bytes.Equal(buf.Bytes(), js) {
			t.Errorf("WriteJSON = %s, %v\nwant %s", buf.Bytes(), err, js)
		}
	}
}

// Each alert has the message its rep reads and the one their manager reads;
// metrics.json has the rep's.
func TestAlertWording(t *testing.T) {
	var recs []repcard.Record
	for _, d := range []string{"2026-07-15", "2026-08-15", "2026-09-15"} {
		recs = append(recs, tally("A", d, 100, 10, com(1000)))
	}
	recs = append(recs, tally("A", "2026-10-15", 10, 0))
	r := buildReport(testConfig(), "2026-10", recs)
	if len(r.Reps[0].Alerts) == 0 {
		t.Fatal("no alert")
	}
	for _, a := range r.Reps[0].Alerts {
		if !strings.Contains(a.Message, " your 3-month ") || a.Theirs != strings.Replace(a.Message, " your ", " their ", 1) {
			t.Errorf("%s: message %q, theirs %q", a.Metric, a.Message, a.Theirs)
		}
	}
	for _, a := range r.Team.Alerts {
		if !strings.Contains(a.Message, " the team's 3-month ") {
			t.Errorf("team %s: message %q", a.Metric, a.Message)
		}
	}
	if b, _ := r.JSON(); strings.Contains(string(b), "their") {
		t.Error("metrics.json holds the manager's wording")
	}
}
