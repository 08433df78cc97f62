package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// weekReport builds the report of 2020-W53 (28 December 2020 to 3 January
// 2021) from records: Jane's no on Monday, wins of 1,000 and 500 on
// Thursday and Saturday, a call on Sunday (4 contacts, 150.00 at 10 %:
// 37.50 a contact); extra adds more reps, wins and nos.
func weekReport(t *testing.T, extra func(add func(repcard.Record))) *report.Report {
	t.Helper()
	b := report.NewBuilder(nil)
	b.TrackWeeks()
	add := func(r repcard.Record) { b.Add(&r) }
	d := dateOf
	act := func(rep string, date repcard.Date, o repcard.Outcome, prospect string, amount float64) repcard.Record {
		return repcard.Record{Kind: repcard.KindActivities, Rep: rep, Date: date, Type: "call", Outcome: o, Prospect: prospect,
			Amount: money(amount), HasAmount: amount > 0}
	}
	add(repcard.Record{Kind: repcard.KindRoster, Rep: "Jane Doe", Manager: "Ana Ruiz", Office: "Berlin"})
	add(act("Jane Doe", d(2020, 12, 28), repcard.OutcomeLost, "Bolt", 0))
	add(act("Jane Doe", d(2020, 12, 31), repcard.OutcomeWon, "Cora", 1000))
	add(act("Jane Doe", d(2021, 1, 2), repcard.OutcomeWon, "Dune", 500))
	add(act("Jane Doe", d(2021, 1, 3), repcard.OutcomeNone, "Elm", 0))
	if extra != nil {
		extra(add)
	}
	p, err := repcard.ParsePeriod("2020-W53")
	if err != nil {
		t.Fatal(err)
	}
	return b.BuildWeek(p)
}

func dateOf(y, m, d int) repcard.Date { return repcard.MakeDate(y, time.Month(m), d) }

func TestWeeklyRep(t *testing.T) {
	rpt := weekReport(t, nil)
	r := newRenderer(t, Options{Currency: "USD"})
	text := renderText(t, r, "weekly-jane-doe", func(w *bytes.Buffer) error {
		return r.WeeklyRep(w, rpt, &rpt.Reps[0], []Paragraph{{Title: "Every no paid you", Text: "Each no was worth $37.50 in week 53. Keep going."}})
	})
	if pages(text) != 1 {
		t.Errorf("%d pages, want 1:\n%s", pages(text), text)
	}
	contains(t, text, "Weekly card", "Jane Doe · Week 53, 2020", "28 December 2020 – 3 January 2021",
		"Each “no” was worth $37.50", "4 contacts", "This week against the 4 weeks before",
		"This week's wins", "Cora", "Dune", "31 Dec 2020", "2 Jan 2021",
		"Follow-ups due next week", "This week's coaching", "Every no paid you", "Each no was worth $37.50 in week 53.")
	if strings.Contains(text, "Keep going") {
		t.Error("the coaching line has more than its first sentence")
	}
}

// However long its lists and its coaching, a weekly card is one page, on
// A4 and Letter; what does not fit is counted in "and N more".
func TestWeeklyRepOnePage(t *testing.T) {
	rpt := weekReport(t, func(add func(repcard.Record)) {
		for i := range 30 {
			add(repcard.Record{Kind: repcard.KindActivities, Rep: "Jane Doe", Date: dateOf(2020, 12, 29), Type: "call",
				Outcome: repcard.OutcomeWon, Prospect: fmt.Sprintf("Win %02d", i), Amount: money(100), HasAmount: true})
			add(repcard.Record{Kind: repcard.KindActivities, Rep: "Jane Doe", Date: dateOf(2020, 6, 1+i%28), Type: "call",
				Outcome: repcard.OutcomeLost, Prospect: fmt.Sprintf("No %02d", i), LossReason: "Price too high"})
		}
	})
	long := []Paragraph{{Title: "A title", Text: strings.Repeat("word ", 150) + "end."}}
	for _, size := range []string{"A4", "Letter"} {
		r := newRenderer(t, Options{Currency: "USD", PageSize: size})
		text := renderText(t, r, "weekly-long-"+size, func(w *bytes.Buffer) error {
			return r.WeeklyRep(w, rpt, &rpt.Reps[0], long)
		})
		if pages(text) != 1 {
			t.Errorf("%s: %d pages, want 1", size, pages(text))
		}
		contains(t, text, "32 · largest first", "more in team.xlsx", "A title", "word …")
	}
}

// The team card lists reps by value per contact with last week's value
// and the change; a team larger than the page ends with "and N more reps".
func TestWeeklyTeam(t *testing.T) {
	rpt := weekReport(t, func(add func(repcard.Record)) {
		// Omar: W52 4 contacts, one sale of 1,000 (25.00 a contact); W53 2
		// contacts, one sale of 1,000 (50.00): +100 %.
		for _, c := range []struct {
			d    repcard.Date
			o    repcard.Outcome
			amnt float64
		}{
			{dateOf(2020, 12, 21), repcard.OutcomeWon, 1000}, {dateOf(2020, 12, 22), 0, 0}, {dateOf(2020, 12, 23), 0, 0}, {dateOf(2020, 12, 24), 0, 0},
			{dateOf(2020, 12, 29), repcard.OutcomeWon, 1000}, {dateOf(2020, 12, 30), 0, 0},
		} {
			add(repcard.Record{Kind: repcard.KindActivities, Rep: "Omar Haddad", Date: c.d, Type: "call", Outcome: c.o,
				Amount: money(c.amnt), HasAmount: c.amnt > 0})
		}
	})
	r := newRenderer(t, Options{Currency: "USD"})
	text := renderText(t, r, "weekly-team", func(w *bytes.Buffer) error { return r.WeeklyTeam(w, rpt) })
	if pages(text) != 1 {
		t.Errorf("%d pages", pages(text))
	}
	contains(t, text, "Weekly team card", "Whole team · Week 53, 2020", "Reps by value per contact")
	omar, jane := strings.Index(text, "Omar Haddad"), strings.Index(text, "Jane Doe")
	if omar < 0 || jane < 0 || omar > jane {
		t.Errorf("Omar (50.00 a contact) must come before Jane (37.50):\n%s", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "Omar Haddad") && !(strings.Contains(l, "$50.00") && strings.Contains(l, "$25.00") && strings.Contains(l, "+100 %")) {
			t.Errorf("Omar's row: %q", l)
		}
	}

	big := weekReport(t, func(add func(repcard.Record)) {
		for i := range 80 {
			add(repcard.Record{Kind: repcard.KindActivities, Rep: fmt.Sprintf("Rep %02d", i), Date: dateOf(2020, 12, 29), Type: "call"})
		}
	})
	text = renderText(t, r, "weekly-team-big", func(w *bytes.Buffer) error { return r.WeeklyTeam(w, big) })
	if pages(text) != 1 || !strings.Contains(text, "more reps in team.xlsx") || !strings.Contains(text, "All reps") {
		t.Errorf("81 reps: %d pages\n%s", pages(text), text)
	}
}
