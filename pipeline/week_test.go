package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// weekInbox is a hand-counted inbox around the turn of 2020 into 2021,
// whose week 2020-W53 runs Monday 28 December to Sunday 3 January:
//
//	Jane Doe   activities: W52 a no on Sun 27 Dec; W53 a no on Mon 28 Dec,
//	           wins of 1,000 (Thu 31 Dec) and 500 (Sat 2 Jan), a call on
//	           Sun 3 Jan; W01 a win of 2,000 on Mon 4 Jan (the data's end)
//	Ana Ruiz   a daily tally: 5 contacts, 1 sale on Tue 29 Dec; 3
//	           contacts on Fri 1 Jan
//	Omar Haddad, Li Wei  a grid of calls by month, October–December 2020:
//	           a month cannot be split into weeks
func weekInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "activities.csv"), "Rep,Date,Type,Outcome,Prospect,Amount\n"+
		"Jane Doe,2020-12-27,call,Lost,Acme,\n"+
		"Jane Doe,2020-12-28,call,Lost,Bolt,\n"+
		"Jane Doe,2020-12-31,call,Won,Cora,1000\n"+
		"Jane Doe,2021-01-02,meeting,Won,Dune,500\n"+
		"Jane Doe,2021-01-03,call,,Elm,\n"+
		"Jane Doe,2021-01-04,call,Won,Fig,2000\n")
	writeFile(t, filepath.Join(dir, "inbox", "tally.csv"), "Rep,Date,Contacts,Closings\n"+
		"Ana Ruiz,2020-12-29,5,1\n"+
		"Ana Ruiz,2021-01-01,3,0\n")
	writeFile(t, filepath.Join(dir, "inbox", "calls 2020.csv"), "Rep,Oct,Nov,Dec\n"+
		"Omar Haddad,80,90,100\n"+
		"Li Wei,10,20,30\n")
	return dir
}

func weekRun(t *testing.T, dir, period string) *report.Report {
	t.Helper()
	p, err := repcard.ParsePeriod(period)
	if err != nil {
		t.Fatal(err)
	}
	return run(t, testConfig(t, dir), Options{Period: &p}).Report
}

func repOf(t *testing.T, rpt *report.Report, name string) *report.Rep {
	t.Helper()
	for i := range rpt.Reps {
		if rpt.Reps[i].Rep == name {
			return &rpt.Reps[i]
		}
	}
	t.Fatalf("no rep %s", name)
	return nil
}

func TestWeekStraddlingYearEnd(t *testing.T) {
	dir := weekInbox(t)
	rpt := weekRun(t, dir, "2020-W53")
	if got := rpt.Period; got.Label != "2020-W53" || got.Start != "2020-12-28" || got.End != "2021-01-03" || got.ToDate() {
		t.Errorf("period = %+v", got)
	}
	jane := repOf(t, rpt, "Jane Doe")
	// 4 contacts in the week, 2 sales worth 150.00 at 10 %: 37.50 a contact.
	if c := jane.Counts; c.Contacts != 4 || c.Closings != 2 || c.Commission != 15000 || c.ValuePerContact != (report.NullMoney{V: 3750, OK: true}) || c.ExplicitNos != 1 {
		t.Errorf("Jane's week: %+v", c)
	}
	if want := []int{1, 0, 0, 1, 0, 1, 1}; !reflect.DeepEqual(jane.Weekdays, want) {
		t.Errorf("Jane's weekdays = %v, want %v", jane.Weekdays, want)
	}
	if len(jane.Wins) != 2 || jane.Wins[0].Prospect != "Cora" || jane.Wins[1].Prospect != "Dune" {
		t.Errorf("Jane's wins = %+v, want Cora and Dune", jane.Wins)
	}
	// The 12 weeks: W42..W53 of 2020; only W52 (1 contact) and W53 have data.
	if len(jane.Weekly) != 12 || jane.Weekly[0].Week != "2020-W42" || jane.Weekly[11].Week != "2020-W53" || jane.Weekly[11].Start != "2020-12-28" {
		t.Fatalf("weekly = %+v", jane.Weekly)
	}
	for i, w := range jane.Weekly {
		switch i {
		case 10:
			if w.Counts == nil || w.Counts.Contacts != 1 || w.Counts.ExplicitNos != 1 {
				t.Errorf("W52 = %+v", w.Counts)
			}
		case 11:
			if w.Counts == nil || w.Counts.Contacts != 4 {
				t.Errorf("W53 = %+v", w.Counts)
			}
		default:
			if w.Counts != nil {
				t.Errorf("%s has no data, got %+v", w.Week, w.Counts)
			}
		}
	}
	if jane.Trend.Month != "2020-W53" || jane.Trend.Baseline != "2020-W49..2020-W52" || jane.Trend.Contacts.Baseline != (report.Ratio{V: 0.25, OK: true}) {
		t.Errorf("trend = %+v", jane.Trend)
	}
	// A daily tally lands in its days.
	ana := repOf(t, rpt, "Ana Ruiz")
	if ana.Contacts != 8 || ana.Closings != 1 || len(ana.NotTrackedWeekly) != 0 || !reflect.DeepEqual(ana.Weekdays, []int{0, 5, 0, 0, 3, 0, 0}) {
		t.Errorf("Ana: contacts %d closings %d not tracked %v weekdays %v", ana.Contacts, ana.Closings, ana.NotTrackedWeekly, ana.Weekdays)
	}
	// A monthly tally lands in no week: contacts not tracked weekly.
	for _, name := range []string{"Omar Haddad", "Li Wei"} {
		r := repOf(t, rpt, name)
		if !reflect.DeepEqual(r.NotTrackedWeekly, []string{"contacts"}) || r.Contacts != 0 || r.ContactsPerClose.OK || len(r.Alerts) != 0 {
			t.Errorf("%s: not tracked %v, contacts %d, %+v", name, r.NotTrackedWeekly, r.Contacts, r.ContactsPerClose)
		}
		if w := r.Weekly[11]; w.Counts != nil || !reflect.DeepEqual(w.NotTracked, []string{"contacts"}) {
			t.Errorf("%s W53: %+v", name, w)
		}
	}
	// The team adds up what is tracked, and says what is not.
	if tm := rpt.Team; tm.Contacts != 12 || tm.Closings != 3 || !reflect.DeepEqual(tm.NotTrackedWeekly, []string{"contacts"}) {
		t.Errorf("team: contacts %d closings %d not tracked %v", tm.Contacts, tm.Closings, tm.NotTrackedWeekly)
	}
}

// The week after, 2021-W01, is one the data ends inside: to date.
func TestWeekToDate(t *testing.T) {
	rpt := weekRun(t, weekInbox(t), "2021-W01")
	if got := rpt.Period; got.Start != "2021-01-04" || got.End != "2021-01-10" || got.DataEnds != "2021-01-04" {
		t.Errorf("period = %+v, want 2021-W01 to 4 January", got)
	}
	jane := repOf(t, rpt, "Jane Doe")
	if jane.Contacts != 1 || jane.Closings != 1 || jane.Commission != 20000 || len(jane.Wins) != 1 || jane.Wins[0].Prospect != "Fig" {
		t.Errorf("Jane: %+v wins %+v", jane.Counts, jane.Wins)
	}
	// W53's 4 contacts are the only data among the 4 weeks before.
	if jane.Trend.Baseline != "2020-W50..2020-W53" || jane.Trend.Contacts.Baseline != (report.Ratio{V: 1.25, OK: true}) {
		t.Errorf("trend = %+v", jane.Trend)
	}
	// January has no monthly tally: Omar's week is tracked, and empty.
	if omar := repOf(t, rpt, "Omar Haddad"); len(omar.NotTrackedWeekly) != 0 || omar.Weekly[10].NotTracked == nil {
		t.Errorf("Omar: %v, W53 %v", omar.NotTrackedWeekly, omar.Weekly[10].NotTracked)
	}
}

// A week that straddles a month end counts the days of both months, and
// only its own.
func TestWeekStraddlingMonthEnd(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "activities.csv"), "Rep,Date,Type,Outcome,Prospect,Amount\n"+
		"Jane Doe,2026-04-26,call,Won,Acme,9000\n"+ // Sunday of W17
		"Jane Doe,2026-04-27,call,Lost,Bolt,\n"+ // Monday of W18
		"Jane Doe,2026-04-30,call,Won,Cora,1000\n"+
		"Jane Doe,2026-05-03,email,,Dune,\n"+ // Sunday of W18
		"Jane Doe,2026-05-04,call,Won,Elm,7000\n") // Monday of W19
	rpt := weekRun(t, dir, "2026-W18")
	if got := rpt.Period; got.Start != "2026-04-27" || got.End != "2026-05-03" {
		t.Errorf("period = %+v", got)
	}
	jane := repOf(t, rpt, "Jane Doe")
	if c := jane.Counts; c.Contacts != 3 || c.Closings != 1 || c.Commission != 10000 || c.ExplicitNos != 1 || len(jane.Wins) != 1 {
		t.Errorf("Jane's W18: %+v, wins %+v", c, jane.Wins)
	}
	if !reflect.DeepEqual(jane.Weekdays, []int{1, 0, 0, 1, 0, 0, 1}) {
		t.Errorf("weekdays = %v", jane.Weekdays)
	}
	if len(jane.LossReasons) != 1 || jane.LossReasons[0].Count != 1 {
		t.Errorf("loss reasons = %+v", jane.LossReasons)
	}
	// The monthly report of April is as before: 3 contacts in April.
	apr := weekRun(t, dir, "2026-04")
	if j := repOf(t, apr, "Jane Doe"); j.Contacts != 3 || j.Closings != 2 || j.Weekly != nil || j.Weekdays != nil {
		t.Errorf("April: %+v weekly %v", j.Counts, j.Weekly)
	}
}

// cadence: week makes the newest whole week the default: the data ends on
// Monday 4 January 2021, so 2020-W53.
func TestCadenceWeek(t *testing.T) {
	dir := weekInbox(t)
	cfg := testConfig(t, dir)
	cfg.Cadence = "week"
	res := run(t, cfg, Options{})
	if res.Report.Period.Label != "2020-W53" || filepath.Base(res.Dir) != "2020-W53" {
		t.Errorf("default week = %s in %s", res.Report.Period.Label, res.Dir)
	}
	// watch rebuilds with RunAll: the same default week.
	pl, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := pl.RunAll(context.Background(), Options{}); err != nil || res.Report.Period.Label != "2020-W53" {
		t.Errorf("RunAll: %v, %v", err, res)
	}
	cfg.Cadence = "month"
	res = run(t, cfg, Options{})
	if res.Report.Period.Label != "2020-12" {
		t.Errorf("default month = %s", res.Report.Period.Label)
	}
	// A week wholly after the data is refused, as a month is.
	p, _ := repcard.ParsePeriod("2021-W05")
	_, err = Run(context.Background(), cfg, Options{Period: &p})
	var ne *NothingError
	if !errors.As(err, &ne) {
		t.Errorf("2021-W05: %v", err)
	}
}

// A tally sheet dated by week lands in the week of its date, on no day of
// it.
func TestWeekTallies(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "weekly.csv"), "Rep,Week,Calls,Sales\n"+
		"Ana Ruiz,2026-10-12,10,1\n"+
		"Ana Ruiz,2026-10-19,20,2\n"+
		"Ana Ruiz,2026-10-26,5,0\n")
	ana := repOf(t, weekRun(t, dir, "2026-W43"), "Ana Ruiz")
	if ana.Contacts != 20 || ana.Closings != 2 || !reflect.DeepEqual(ana.Weekdays, make([]int, 7)) || len(ana.NotTrackedWeekly) != 0 {
		t.Errorf("Ana: %d contacts, %d sales, weekdays %v, not tracked %v", ana.Contacts, ana.Closings, ana.Weekdays, ana.NotTrackedWeekly)
	}
	if w := ana.Weekly[10]; w.Week != "2026-W42" || w.Counts == nil || w.Counts.Contacts != 10 {
		t.Errorf("W42 = %+v", w)
	}
}

// A week writes the weekly team card and a card per rep with a row in the
// week: Omar and Li Wei, whose tallies are monthly, get none.
func TestWeekCards(t *testing.T) {
	dir := weekInbox(t)
	cfg := testConfig(t, dir)
	p, _ := repcard.ParsePeriod("2020-W53")
	res := run(t, cfg, Options{Period: &p, SelfReview: true})
	files := readTree(t, res.Dir)
	for _, f := range []string{"team.pdf", "reps/jane-doe.pdf", "reps/ana-ruiz.pdf", "metrics.json", "team.xlsx"} {
		if files[f] == nil {
			t.Errorf("no %s", f)
		}
	}
	for f := range files {
		if strings.HasPrefix(f, "review/") || f == "reps/omar-haddad.pdf" || f == "reps/li-wei.pdf" {
			t.Errorf("wrote %s", f)
		}
	}
	if res.PDFs != 3 {
		t.Errorf("%d PDFs, want 3", res.PDFs)
	}
}

// watch keeps a week report in out current, as it does a month's: a late
// row in 2020-W53 writes out/2020-W53 again, with the default month.
func TestWatchKeepsWeek(t *testing.T) {
	dir := weekInbox(t)
	cfg := testConfig(t, dir)
	weekRun(t, dir, "2020-W53")
	writeFile(t, filepath.Join(dir, "inbox", "late.csv"), "Rep,Date,Type,Outcome,Prospect,Amount\nJane Doe,2020-12-30,call,,Gale,\n")
	pl, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pl.RunAll(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Report.Period.Label != "2020-12" || !reflect.DeepEqual(res.Also, []string{"2020-W53"}) {
		t.Errorf("period %s, also %v; want 2020-12 and also 2020-W53", res.Report.Period.Label, res.Also)
	}
	b, err := os.ReadFile(filepath.Join(cfg.Out, "2020-W53", "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Reps []struct {
			Rep      string
			Contacts int
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Reps {
		if r.Rep == "Jane Doe" && r.Contacts != 5 {
			t.Errorf("Jane's W53 contacts = %d, want 5", r.Contacts)
		}
	}
}
