package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// The weekly cards: one page per rep and one for the team (or a manager's
// team), for a report of an ISO week (report.Builder.BuildWeek).

// Weekly card caps: the card is one page.
const (
	maxWeekWins      = 5
	maxWeekFollowUps = 6
)

// IsWeek reports whether rpt is the report of an ISO week, printed as
// weekly cards rather than the monthly reports.
func IsWeek(rpt *report.Report) bool {
	p, err := repcard.ParsePeriod(rpt.Period.Label)
	return err == nil && p.Kind == repcard.PeriodWeek
}

// WeeklyRep writes one rep's weekly card: the week's value per contact and
// contacts per sale against the 4 weeks before, the alerts, 12 weeks of
// contacts per sale, contacts by day of the week, the week's wins, the
// follow-ups due by the end of next week and one coaching line (the first
// paragraph coaching holds).
func (r *Renderer) WeeklyRep(w io.Writer, rpt *report.Report, rep *report.Rep, coaching []Paragraph) error {
	if rpt == nil || rep == nil {
		return errors.New("pdf: weekly card: no report or rep")
	}
	return r.write(w, "weekly card for "+rep.Rep, func() (*doc, error) {
		pe := periodOf(rpt)
		name := clean(rep.Rep)
		if name == "" {
			name = "(no name)"
		}
		const kind = "Weekly card"
		d := r.newDoc(name+" · "+pe.title+" · "+kind, kind, name+" · "+pe.title, pe.title+" · "+name, pe)
		team := ""
		if m := clean(rep.Manager); m != "" {
			team = "Team: " + m
		}
		d.masthead(kind, name, " · "+pe.title, joinNonEmpty(team, clean(rep.Office)))
		d.weekDates(rpt)
		d.words = repWords(rep)
		d.headline(&rep.Counts, notTracked(rep), weekNote(&rep.Metrics, rep.Sources.Contacts), r.repRule(rpt, rep))
		d.weekCompare(&rep.Metrics)
		d.alerts(rep.Alerts, "No alerts: nothing fell against your 4-week average.")
		if err := d.weekCharts(&rep.Metrics); err != nil {
			return nil, err
		}
		// The two lists share what the page has left above the coaching
		// line: the card is one page.
		title, lines := d.coachingLines(coaching)
		wins, fus := d.weekListRows(len(rep.Wins), max(rep.FollowUpsDueCount, len(rep.FollowUpsDue)), d.coachingH(title, lines))
		d.weekWins(rep.Wins, wins)
		d.weekFollowUps(rep.FollowUpsDue, rep.FollowUpsDueCount, fus)
		d.coachingLine(title, lines)
		return d, nil
	})
}

// WeeklyTeam writes the whole team's weekly card (team.pdf of a week).
func (r *Renderer) WeeklyTeam(w io.Writer, rpt *report.Report) error {
	if rpt == nil {
		return errors.New("pdf: weekly team card: no report")
	}
	return r.write(w, "weekly team card", func() (*doc, error) {
		return r.weeklyGroup(rpt, teamGroup(rpt))
	})
}

// WeeklyManager writes one manager's weekly team card.
func (r *Renderer) WeeklyManager(w io.Writer, rpt *report.Report, m *report.Manager) error {
	if rpt == nil || m == nil {
		return errors.New("pdf: weekly manager card: no report or manager")
	}
	return r.write(w, "weekly card for "+m.Manager, func() (*doc, error) {
		return r.weeklyGroup(rpt, groupOf(rpt, m))
	})
}

// weekDates writes the week's days under the masthead: "19–25 June 2017".
func (d *doc) weekDates(rpt *report.Report) {
	if !d.pe.ok {
		return
	}
	d.y -= 3
	d.line(d.pe.p.Dates()+ifs(rpt.Period.ToDate(), " · the data ends "+rpt.Period.DataEnds), stNote)
	d.y += 1
}

// weekNote is the note under the headline: where contacts come from, and
// what the week cannot count.
func weekNote(m *report.Metrics, contacts string) string {
	var parts []string
	switch contacts {
	case report.SourceDecided:
		parts = append(parts, decidedNote)
	case report.SourceNone:
		parts = append(parts, "no activity, tally or deal rows for this rep in the inputs")
	}
	if len(m.NotTrackedWeekly) > 0 {
		parts = append(parts, strings.Join(m.NotTrackedWeekly, " and ")+" not tracked weekly: tallied by the month")
	}
	return strings.Join(parts, " · ")
}

// weekCompare is the week against the 4 weeks before it: value per
// contact, contacts per sale and contacts.
func (d *doc) weekCompare(m *report.Metrics) {
	t := &m.Trend
	d.heading("This week against the 4 weeks before", 4*5.6)
	tb := &table{rowH: 5.6, cols: d.scale([]column{
		{"", 60, 'L'}, {"This week", 40, 'R'}, {"4-week average", 40, 'R'}, {"Change", 40, 'R'},
	})}
	money := func(v report.Ratio) string {
		if !v.OK {
			return dash
		}
		return d.r.money(repcard.Money(v.V*100 + 0.5))
	}
	change := func(v report.Ratio) cell {
		if !v.OK {
			return cell{s: dash, st: stCellMute}
		}
		return cell{s: signedPct(v.V)}
	}
	contacts := func(v report.Ratio, decimals int) string {
		if !v.OK {
			return dash
		}
		return format.Ratio(v.V, decimals)
	}
	rows := [][]cell{
		{{s: "Value per " + d.words.one}, {s: money(t.ValuePerContact.Value)}, {s: money(t.ValuePerContact.Baseline)}, change(t.ValuePerContact.ChangePct)},
		{{s: capitalized(d.words.plural) + " per sale (lower is better)"}, {s: ratio1(t.ContactsPerClose.Value)}, {s: ratio1(t.ContactsPerClose.Baseline)}, change(t.ContactsPerClose.ChangePct)},
		{{s: capitalized(d.words.plural)}, {s: contacts(t.Contacts.Value, 0)}, {s: contacts(t.Contacts.Baseline, 1)}, change(t.Contacts.ChangePct)},
	}
	if len(m.NotTrackedWeekly) > 0 {
		rows = [][]cell{{{s: "Not compared: " + strings.Join(m.NotTrackedWeekly, " and ") + " are tallied by the month", st: stCellMute}, {}, {}, {}}}
	}
	d.startTable(tb, len(rows))
	d.rows(tb, rows, stCell, 0)
}

// weekCharts draws 12 weeks of contacts per sale beside contacts by day of
// the week.
func (d *doc) weekCharts(m *report.Metrics) error {
	const h, gap = 40.0, 4.0
	d.heading("The last 12 weeks · this week by day", h)
	pts := make([]charts.MonthPoint, len(m.Weekly))
	for i, w := range m.Weekly {
		pts[i].Label = weekLabel(w.Week)
		if w.Counts != nil && w.Counts.ContactsPerClose.OK {
			pts[i].Value, pts[i].Valid = w.Counts.ContactsPerClose.V, true
		}
	}
	avg := 0.0
	if b := m.Trend.ContactsPerClose.Baseline; b.OK {
		avg = b.V
	}
	var days [7]int
	copy(days[:], m.Weekdays)
	hw := (d.cw - gap) / 2
	o1, o2 := d.chartOptions(hw, h), d.chartOptions(hw, h)
	png1, err := charts.WeeklyContactsPerClose(pts, avg, o1)
	if err != nil {
		return err
	}
	empty := ""
	if m.Contacts > 0 {
		empty = "contacts tallied by the week: no days"
	}
	png2, err := charts.Weekdays(days, empty, o2)
	if err != nil {
		return err
	}
	d.chartPair("chart-weeks", png1, o1, "chart-weekdays", png2, o2, 1)
	return nil
}

// signedPct is a change in per cent, whole: "+12 %", "−3 %", "0 %".
func signedPct(v float64) string {
	s := fmt.Sprintf("%+.0f %%", v)
	if s == "-0 %" || s == "+0 %" {
		return "0 %"
	}
	return strings.Replace(s, "-", "−", 1)
}

// weekLabel is a week's label on a chart: "W43" of "2026-W43".
func weekLabel(s string) string {
	if _, w, ok := strings.Cut(s, "-"); ok {
		return w
	}
	return s
}

// weekRowH is the row height of the weekly card's lists.
const weekRowH = 5.4

// weekListRows is how many rows of the wins (of nWins) and of the
// follow-ups (of nFollow) the page holds above keep millimetres at its
// foot: at most maxWeekWins and maxWeekFollowUps, the longer list cut first.
func (d *doc) weekListRows(nWins, nFollow int, keep float64) (wins, follow int) {
	sectionH := func(n int) float64 {
		h := levelSubsection.above + stH3.lineH() + levelSubsection.below
		if n == 0 {
			return h + stQuiet.lineH()
		}
		return h + stHead.lineH() + 1.6 + float64(n)*weekRowH + moreH()
	}
	room := d.bottom - d.y - keep
	wins, follow = min(nWins, maxWeekWins), min(nFollow, maxWeekFollowUps)
	for (wins > 0 || follow > 0) && sectionH(wins)+sectionH(follow) > room {
		if follow >= wins {
			follow--
		} else {
			wins--
		}
	}
	return wins, follow
}

func (d *doc) weekWins(ws []report.Win, n int) {
	shown := ws[:min(len(ws), n)]
	rows := make([][]cell, len(shown))
	for i, w := range shown {
		rows[i] = []cell{{s: winProspect(&w)}, {s: day(w.Date)}, {s: d.r.nullMoneyWhole(w.Amount)}, {s: d.r.moneyWhole(w.Commission)}}
	}
	d.section(section{
		title: "This week's wins", note: "largest first", empty: fullPage(len(ws), "No wins this week."),
		t: &table{rowH: weekRowH, cols: d.scale([]column{
			{"Prospect", 88, 'L'}, {"Won on", 26, 'L'}, {"Amount", 33, 'R'}, {"Commission", 33, 'R'},
		})},
		rows: rows, total: len(ws),
	})
}

func (d *doc) weekFollowUps(fs []report.FollowUp, total, n int) {
	shown := fs[:min(len(fs), n)]
	rows := make([][]cell, len(shown))
	for i, f := range shown {
		rows[i] = []cell{{s: clean(f.Prospect)}, {s: day(f.Date)}, {s: orDash(clean(f.Reason))}, {s: day(f.LastTouch)}}
	}
	total = max(total, len(fs))
	d.section(section{
		title: "Follow-ups due next week", note: "oldest no first",
		empty: fullPage(total, "No follow-ups due next week."),
		t: &table{rowH: weekRowH, cols: d.scale([]column{
			{"Prospect", 62, 'L'}, {"Said no on", 25, 'L'}, {"Reason", 68, 'L'}, {"Last touch", 25, 'L'},
		})},
		rows: rows, total: total,
	})
}

// fullPage is the line of a list the page has no room for: where its n
// rows are; none when n is 0.
func fullPage(n int, none string) string {
	if n == 0 {
		return none
	}
	return "No room on this page: all " + format.Int(n) + " are in team.xlsx."
}

// maxCoachLines is the most lines the weekly card's coaching text takes.
const maxCoachLines = 3

// coachingLines are the first coaching paragraph's title and the lines of
// its first sentence (at most maxCoachLines, the last cut with "…"): the
// week's one thing to work on.
func (d *doc) coachingLines(ps []Paragraph) (title string, lines []string) {
	for _, p := range ps {
		title, text := clean(p.Title), firstSentence(p.Text)
		if title == "" && text == "" {
			continue
		}
		if text != "" {
			lines = d.wrap(text, stBody, d.cw)
		}
		if len(lines) > maxCoachLines {
			lines = lines[:maxCoachLines]
			lines[maxCoachLines-1] = d.fit(lines[maxCoachLines-1]+" …", stBody, d.cw)
		}
		return title, lines
	}
	return "", nil
}

// coachingH is the height the coaching line takes, its heading included.
func (d *doc) coachingH(title string, lines []string) float64 {
	if title == "" && len(lines) == 0 {
		return 0
	}
	h := levelSection.above + stH2.lineH() + levelSection.below + float64(len(lines))*stBody.lineH()
	if title != "" {
		h += stH3.lineH()
	}
	return h + 1
}

// coachingLine prints the coaching line under its heading.
func (d *doc) coachingLine(title string, lines []string) {
	if title == "" && len(lines) == 0 {
		return
	}
	d.heading("This week's coaching", d.coachingH(title, lines)-levelSection.above-stH2.lineH()-levelSection.below)
	if title != "" {
		d.line(title, stH3)
	}
	for _, l := range lines {
		d.line(l, stBody)
	}
}

// firstSentence is the first sentence of a coaching text, cleaned.
func firstSentence(s string) string {
	paras := splitParagraphs(s)
	if len(paras) == 0 {
		return ""
	}
	p := paras[0]
	for i := 0; i+1 < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && p[i+1] == ' ' {
			return p[:i+1]
		}
	}
	return p
}

// weeklyGroup is the one-page weekly card of a team: its headline and
// alerts, then its reps by value per contact with the change from last
// week, as many as the page holds.
func (r *Renderer) weeklyGroup(rpt *report.Report, g *group) (*doc, error) {
	pe := periodOf(rpt)
	kind := "Weekly team card"
	d := r.newDoc(g.name+" · "+pe.title+" · "+kind, kind, g.name+" · "+pe.title, pe.title+" · "+g.name, pe)
	d.masthead(kind, g.name, " · "+pe.title, g.right)
	d.weekDates(rpt)
	d.words, _ = groupWords(g.reps)
	d.headline(&g.m.Counts, false, weekNote(g.m, ""), r.groupRule(rpt, g.reps))
	d.alerts(g.m.Alerts, "No team alerts: nothing fell against the team's 4-week average.")
	d.heading("Reps by value per contact", 20)
	t := &table{rowH: 5.4, zebra: true, cols: d.scale([]column{
		{"Rep", 50, 'L'}, {"Contacts", 18, 'R'}, {"Sales", 14, 'R'}, {"Contacts\nper sale", 18, 'R'},
		{"Value per\ncontact", 22, 'R'}, {"Last\nweek", 22, 'R'}, {"Change", 18, 'R'}, {"Alerts", 14, 'R'},
	})}
	reps := report.ByValuePerContact(g.reps)
	rows := make([][]cell, 0, len(reps))
	var untracked []string
	for _, rep := range reps {
		rows = append(rows, d.weekRow(clean(rep.Rep), &rep.Metrics, len(rep.Alerts)))
		if slices.Contains(rep.NotTrackedWeekly, "contacts") {
			untracked = append(untracked, clean(rep.Rep))
		}
	}
	alerts := 0
	for _, rep := range reps {
		alerts += len(rep.Alerts)
	}
	total := d.weekRow(g.total, g.m, alerts)
	// The rows the page holds, with the totals row and the notes under it.
	below := t.rowH + 2*stNote.lineH()
	d.bottom -= below
	n := d.rowsThatFit(t, rows, stCell, false)
	d.bottom += below
	d.startTable(t, n)
	if len(rows) == 0 {
		d.line("No reps in this report.", stQuiet)
	}
	d.rows(t, rows[:n], stCell, 0)
	d.totalRow(t, total)
	d.more(len(rows)-n, "reps ")
	if len(untracked) > 0 {
		d.line("Contacts not tracked weekly (tallied by the month): "+strings.Join(untracked, ", "), stNote)
	}
	return d, nil
}

// weekRow is one rep's (or the total's) row of the weekly team card.
func (d *doc) weekRow(name string, m *report.Metrics, alerts int) []cell {
	al := cell{s: dash, st: stCellMute}
	if alerts > 0 {
		al = cell{s: format.Int(alerts)}
	}
	contacts := cell{s: format.Int(m.Contacts)}
	if slices.Contains(m.NotTrackedWeekly, "contacts") && m.Contacts == 0 {
		contacts = cell{s: "not tracked", st: stCellMute}
	}
	last, change := cell{s: dash, st: stCellMute}, cell{s: dash, st: stCellMute}
	if n := len(m.Weekly); n >= 2 && m.Weekly[n-2].Counts != nil {
		lw := m.Weekly[n-2].Counts.ValuePerContact
		last = cell{s: d.r.nullMoney(lw)}
		if lw.OK && lw.V > 0 && m.ValuePerContact.OK {
			change = cell{s: signedPct(float64(m.ValuePerContact.V-lw.V) / float64(lw.V) * 100)}
		}
	}
	return []cell{
		{s: name}, contacts, {s: format.Int(m.Closings)}, {s: ratio1(m.ContactsPerClose)},
		{s: d.r.nullMoney(m.ValuePerContact)}, last, change, al,
	}
}
