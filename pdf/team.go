package pdf

import (
	"cmp"
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

const (
	maxTalkTo   = 10
	maxTeamWins = 10
	maxWhy      = 3 // alert lines per rep in "talk to first"
)

// group is what a manager or team summary prints: a set of reps and their
// summed metrics.
type group struct {
	kind    string // "Manager summary" or "Team summary"
	name    string // "Ana Ruiz" or "Team"
	right   string // "Berlin · 4 reps"
	total   string // label of the totals row
	m       *report.Metrics
	reps    []*report.Rep
	missing int // reps of the manager not in this run's report
}

func groupOf(rpt *report.Report, m *report.Manager) *group {
	g := &group{kind: "Manager summary", name: clean(m.Manager), total: "Team total", m: &m.Metrics}
	if g.name == "" {
		g.name = "(no manager)"
	}
	byName := map[string]*report.Rep{}
	for i := range rpt.Reps {
		byName[rpt.Reps[i].Rep] = &rpt.Reps[i]
	}
	for _, n := range m.Reps {
		if rep, ok := byName[n]; ok {
			g.reps = append(g.reps, rep)
		} else {
			g.missing++
		}
	}
	g.right = joinNonEmpty(clean(m.Office), count(len(m.Reps), "rep", "reps"))
	return g
}

func teamGroup(rpt *report.Report) *group {
	g := &group{kind: "Team summary", name: "Whole team", total: "All reps", m: &rpt.Team}
	for i := range rpt.Reps {
		g.reps = append(g.reps, &rpt.Reps[i])
	}
	g.right = count(len(rpt.Reps), "rep", "reps")
	if len(rpt.Managers) > 0 {
		g.right += " · " + count(len(rpt.Managers), "manager", "managers")
	}
	return g
}

// groupDoc lays out a manager or team summary.
func (r *Renderer) groupDoc(rpt *report.Report, g *group) (*doc, error) {
	pe := periodOf(rpt)
	d := r.newDoc(g.name+" · "+pe.title+" · "+g.kind, g.kind, g.name+" · "+pe.title, pe.title+" · "+g.name, pe)
	d.masthead(g.kind, g.name, " · "+pe.title, g.right)
	var decided int
	d.words, decided = groupWords(g.reps)
	source := ""
	switch {
	case d.words.decided:
		source = decidedNote
	case decided > 0:
		source = "Contacts include decided deals (won + lost) of " + count(decided, "rep", "reps") +
			" with no activity log, marked " + markDecided + " in the table."
	}
	untracked := 0
	for _, rep := range g.reps {
		if notTracked(rep) {
			untracked++
		}
	}
	if untracked > 0 {
		source = joinSentences(source, count(untracked, "rep's data counts", "reps' data count")+
			" sales but not contacts: the figures per "+d.words.one+" leave their sales out.")
	}
	d.headline(&g.m.Counts, false, source, d.r.groupRule(rpt, g.reps))
	d.groupGoal(&g.m.Goal)
	d.alerts(g.m.Alerts, "No team alerts: nothing fell against the team's 3-month average.")
	d.repTable(g)
	// What REPORT-LAYOUT.md sketches as page 2 follows the table, on the
	// same page when it fits: a small team's summary is not half blank.
	d.space(4)
	d.talkToFirst(g) // next to the table: who the alerts are about
	if err := d.distribution(g); err != nil {
		return nil, err
	}
	if err := d.trendCharts(g.m.Monthly); err != nil {
		return nil, err
	}
	d.teamWins(g.m.Wins)
	return d, nil
}

// groupGoal draws the team's goal in one line, when it has one.
func (d *doc) groupGoal(g *report.Goal) {
	var parts []string
	if g.PeriodGoal.OK && g.PeriodGoal.V > 0 {
		parts = append(parts, "Goal: "+d.r.goalNum(g.PeriodActual)+" of "+d.r.goalNum(g.PeriodGoal)+
			goalUnit(g.PeriodGoal)+" ("+pct(g.Attainment)+")")
	}
	if g.YearGoal.OK && g.YearGoal.V > 0 {
		parts = append(parts, d.r.ytdGoalText(g))
	}
	if len(parts) == 0 {
		d.line(noGoal, stSecond)
		return
	}
	d.line(strings.Join(parts, " · "), stSecond)
}

// ytdGoalText is the year to date against the goal it is measured against:
// the year's goal pro-rated to the period end, with the year's goal apart
// until the two are the same (December).
func (r *Renderer) ytdGoalText(g *report.Goal) string {
	s := "year to date " + r.goalNum(g.YTDActual) + " of " + r.goalNum(g.YTDGoalProrated) + goalUnit(g.YTDGoalProrated)
	if g.YTDGoalProrated != g.YearGoal {
		return s + " due so far (" + pct(g.YTDAttainment) + "; year " + r.goalNum(g.YearGoal) + ")"
	}
	return s + " (" + pct(g.YTDAttainment) + ")"
}

// arrow returns the mark of trend_arrow and its style: a direction, never
// the alert mark.
func arrow(s string) cell {
	switch s {
	case report.ArrowUp:
		return cell{markUp, style{faceBold, 9, colAccent}}
	case report.ArrowDown:
		return cell{markDown, style{faceBold, 9, colInk}}
	case report.ArrowFlat:
		return cell{markFlat, style{faceRegular, 9, colMuted}}
	}
	return cell{dash, stCellMute}
}

// repTable is the leaderboard: one row per rep, then the totals.
func (d *doc) repTable(g *group) {
	heads := []string{"Contacts", "Contacts\nper sale", "Value per\ncontact"}
	if d.words.decided {
		heads = []string{"Decided\ndeals", "Deals\nper sale", "Value per\ndeal"}
	}
	d.heading("Reps by value per "+d.words.one, 20)
	prevHead, rankHead := "Last\nmonth", "Place\nchange"
	if d.pe.ok && d.pe.p.Kind != repcard.PeriodMonth {
		prevHead, rankHead = lastTwo(g.m)
	}
	t := &table{rowH: 5.8, zebra: true, cols: d.scale([]column{
		{"Rep", 37, 'L'}, {heads[0], 15.5, 'R'}, {"Sales", 11, 'R'}, {heads[1], 15.5, 'R'},
		{heads[2], 17, 'R'}, {prevHead, 17, 'R'}, {rankHead, 13, 'R'}, {"Commission", 19.2, 'R'}, {"Goal", 12.3, 'R'},
		{"Trend", 10.7, 'C'}, {"Alerts", 10.8, 'R'},
	})}
	reps := report.ByValuePerContact(g.reps)
	rows := make([][]cell, len(reps))
	alerts, marked, untracked := 0, false, 0
	for i, rep := range reps {
		alerts += len(rep.Alerts)
		rows[i] = d.repRow(d.nameLines(clean(rep.Rep), t.cols[0].w-2*cellPad), &rep.Metrics, len(rep.Alerts), rankCell(&rep.Rank))
		switch {
		case notTracked(rep):
			rows[i][1], untracked = cell{s: dash, st: stCellMute}, untracked+1
		case !d.words.decided && rep.Sources.Contacts == report.SourceDecided:
			rows[i][1].s, marked = markDecided+" "+rows[i][1].s, true
		}
	}
	d.startTable(t, len(rows))
	if len(rows) == 0 {
		d.line("No reps in this report.", stQuiet)
	}
	d.rows(t, rows, stCell, 1)
	d.totalRow(t, d.repRow(g.total, g.m, alerts, cell{}))
	if g.missing > 0 {
		d.line(count(g.missing, "rep", "reps")+" of this team not in this run: the totals include them", stNote)
	}
	d.line(trendLegend(d.words), stNote)
	if marked {
		d.line(markDecided+" contacts counted from decided deals (won + lost): no activity log", stNote)
	}
	if untracked > 0 {
		d.line(dash+" contacts not tracked: the data counts sales only", stNote)
	}
}

// nameLines is a rep's name for a table cell w wide: whole on one line, or
// broken at spaces onto two, the second cut with "…" if it must be.
func (d *doc) nameLines(name string, w float64) string {
	if d.width(name, stCell) <= w {
		return name
	}
	i := strings.LastIndexByte(name, ' ')
	for i > 0 && d.width(name[:i], stCell) > w {
		i = strings.LastIndexByte(name[:i], ' ')
	}
	if i <= 0 {
		return d.fit(name, stCell, w)
	}
	return name[:i] + "\n" + d.fit(name[i+1:], stCell, w)
}

// repRow is one leaderboard row: rank is the rep's place cell (rankCell),
// empty for the totals.
func (d *doc) repRow(name string, m *report.Metrics, alerts int, rank cell) []cell {
	al := cell{s: dash, st: stCellMute}
	if alerts > 0 {
		al = cell{s: format.Int(alerts)}
	}
	prev := report.NullMoney{}
	if n := len(m.Monthly); n >= 2 {
		prev = m.Monthly[n-2].ValuePerContact
	}
	return []cell{
		{s: name},
		{s: format.Int(m.Contacts)},
		{s: format.Int(m.Closings)},
		{s: ratio1(m.ContactsPerClose)},
		{s: d.r.nullMoney(m.ValuePerContact)},
		{s: d.r.nullMoney(prev)},
		rank,
		{s: d.r.moneyWhole(m.Commission)},
		{s: pct(m.Goal.Attainment)},
		arrow(m.TrendArrow),
		al,
	}
}

// lastTwo heads the leaderboard's month columns when the period is longer
// than a month: they compare its last month with the one before, by name.
func lastTwo(m *report.Metrics) (prevHead, rankHead string) {
	n := len(m.Monthly)
	if n < 2 {
		return "Last\nmonth", "Place\nchange"
	}
	prev := monthAbbr(m.Monthly[n-2].Month)
	return "Value\nin " + prev, "Place\nvs " + prev
}

// distribution draws contacts per sale across the reps.
func (d *doc) distribution(g *group) error {
	var vs []charts.Dot
	for _, rep := range g.reps {
		if rep.ContactsPerClose.OK {
			vs = append(vs, charts.Dot{Name: clean(rep.Rep), Value: rep.ContactsPerClose.V})
		}
	}
	o := d.chartOptions(d.cw, 45)
	png, err := charts.RatioDots(vs, o)
	if err != nil {
		return err
	}
	_, h := o.SizeMM()
	d.heading("How the reps convert", h+1+stNote.lineH()) // heading, chart and caption stay together
	d.image("chart-distribution", png, d.left, d.y, o)
	d.y += h + 1
	without := len(g.reps) - len(vs)
	d.line(joinNonEmpty(d.words.plural+" per sale across the reps with a sale; lower is better",
		ifs(without > 0, count(without, "rep", "reps")+" without a sale not shown")), stNote)
	return nil
}

// atStake is what orders "talk to first": how far the last month's
// commission fell below the mean of the 3 months before it (0 when it did
// not fall), in cents.
func atStake(m *report.Metrics) int64 {
	n := len(m.Monthly)
	if n < 4 {
		return 0
	}
	var sum int64
	for _, mo := range m.Monthly[n-4 : n-1] {
		sum += int64(mo.Commission)
	}
	drop := sum - 3*int64(m.Monthly[n-1].Commission) // 3 × (mean − last)
	return max(drop, 0)
}

// talkToFirst lists the reps with alerts, the most money at stake first.
func (d *doc) talkToFirst(g *group) {
	var reps []*report.Rep
	for _, rep := range g.reps {
		if len(rep.Alerts) > 0 {
			reps = append(reps, rep)
		}
	}
	slices.SortStableFunc(reps, func(a, b *report.Rep) int {
		if c := cmp.Compare(atStake(&b.Metrics), atStake(&a.Metrics)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Commission, a.Commission); c != 0 {
			return c
		}
		return strings.Compare(a.Rep, b.Rep)
	})
	t := &table{rowH: 5.6, cols: d.scale([]column{
		{"Rep", 44, 'L'}, {"Why", 114, 'L'}, {"Commission", 22, 'R'},
	})}
	whyW := t.cols[1].w - 2*cellPad
	shown := reps[:min(len(reps), maxTalkTo)]
	rows := make([][]cell, len(shown))
	for i, rep := range shown {
		var why []string
		for _, a := range rep.Alerts[:min(len(rep.Alerts), maxWhy)] {
			why = append(why, d.bullet(clean(cmp.Or(a.Theirs, a.Message)), stCell, whyW)...)
		}
		if n := len(rep.Alerts) - maxWhy; n > 0 {
			why = append(why, "  and "+count(n, "more alert", "more alerts"))
		}
		rows[i] = []cell{{s: clean(rep.Rep)}, {s: strings.Join(why, "\n")}, {s: d.r.moneyWhole(rep.Commission)}}
	}
	d.section(section{
		title: "Talk to first", note: "reps with alerts, the largest drop in commission first · " + alertLegend,
		empty: "No rep has an alert.",
		t:     t, rows: rows, total: len(reps), moreWhat: "reps with alerts ", major: true,
	})
}

// teamWins lists the team's wins, largest first.
func (d *doc) teamWins(ws []report.Win) {
	shown := ws[:min(len(ws), maxTeamWins)]
	rows := make([][]cell, len(shown))
	for i, w := range shown {
		rows[i] = []cell{{s: clean(w.Rep)}, {s: winProspect(&w)}, {s: day(w.Date)},
			{s: d.r.nullMoneyWhole(w.Amount)}, {s: d.r.moneyWhole(w.Commission)}}
	}
	d.section(section{
		title: "Wins to celebrate", note: "largest first",
		empty: "No wins recorded in " + d.pe.title + ".",
		t: &table{rowH: 5.6, cols: d.scale([]column{
			{"Rep", 44, 'L'}, {"Prospect", 62, 'L'}, {"Won on", 24, 'L'}, {"Amount", 25, 'R'}, {"Commission", 25, 'R'},
		})},
		rows: rows, total: len(ws), major: true, fit: true,
	})
}
