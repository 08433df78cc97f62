package pdf

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// Table caps: a rep report stays within 4 pages; the rest is in
// team.xlsx, and the table says how many more there are.
const (
	maxFollowUps  = 10
	maxStale      = 8
	maxNearMisses = 6
	maxWins       = 8
)

// ListRows is the most follow-ups due, and the most stale maybes, any
// document prints of one rep; the totals come from the rep's metrics. A rep
// whose lists were cut to their first ListRows entries
// (report.Report.Shorten) renders the same bytes.
const ListRows = max(maxFollowUps, maxPlanFollows, maxStale)

// repDoc starts a rep's document and draws its masthead.
func (r *Renderer) repDoc(rpt *report.Report, rep *report.Rep, kind string) *doc {
	pe := periodOf(rpt)
	name := clean(rep.Rep)
	if name == "" {
		name = "(no name)"
	}
	d := r.newDoc(name+" · "+pe.title+" · "+kind, kind, name+" · "+pe.title, pe.title+" · "+name, pe)
	d.words = repWords(rep)
	team := ""
	if m := clean(rep.Manager); m != "" {
		team = "Team: " + m
	}
	d.masthead(kind, name, " · "+pe.title, joinNonEmpty(team, clean(rep.Office)))
	return d
}

// repPage1 is the month in one look.
func (r *Renderer) repPage1(d *doc, rpt *report.Report, rep *report.Rep, coaching []Paragraph) error {
	note := ""
	untracked := notTracked(rep)
	switch {
	case rep.Sources.Contacts == report.SourceDecided:
		note = decidedNote
	case untracked:
		note = "Your data counts sales but not contacts: add a contacts (or calls) column to your tracker."
	case rep.Sources.Contacts == report.SourceNone:
		note = "No activity, tally or deal rows for this rep in the inputs."
	}
	d.headline(&rep.Counts, untracked, note, r.repRule(rpt, rep))
	d.goals(&rep.Goal, &rep.YTD.Counts)
	d.lastMonth(rep)
	d.alerts(rep.Alerts, "No alerts: nothing fell against your 3-month average.")
	if err := d.trendCharts(rep.Monthly); err != nil {
		return err
	}
	d.coaching(coaching)
	return nil
}

// goals draws the goal and year-to-date boxes, or one quiet line when no
// goal is set.
func (d *doc) goals(g *report.Goal, ytd *report.Counts) {
	hasPeriod := g.PeriodGoal.OK && g.PeriodGoal.V > 0
	hasYear := g.YearGoal.OK && g.YearGoal.V > 0
	if !hasPeriod && !hasYear {
		d.space(1)
		d.line(noGoal+" · year to date: "+d.r.moneyWhole(ytd.Commission)+" earned from "+
			count(ytd.Closings, "sale", "sales"), stQuiet)
		return
	}
	const boxH = 31.0
	d.space(1)
	d.need(boxH)
	gap := 5.0
	bw := (d.cw - gap) / 2
	y := d.y
	d.goalBox(d.left, y, bw, boxH, "Goal · "+d.pe.title, hasPeriod,
		g.PeriodActual, g.PeriodGoal, g.Attainment, -1,
		d.periodBasis(g), "", g.Attainment)
	var l1, l2 string
	mark := -1.0
	share := report.Ratio{}
	if hasYear {
		l1, l2 = d.r.ytdLines(g)
		if g.YTDGoalProrated.OK && g.YearGoal.V > 0 {
			mark = float64(g.YTDGoalProrated.V) / float64(g.YearGoal.V)
		}
		if g.YTDActual.OK {
			share = report.Ratio{V: float64(g.YTDActual.V) / float64(g.YearGoal.V), OK: true}
		}
	}
	// The per cent is of the goal due so far (the year's goal pro-rated),
	// and that is the figure printed beside it; the bar is the year's goal,
	// its tick what is due so far.
	d.goalBox(d.left+bw+gap, y, bw, boxH, "Year to date · "+d.pe.year(), hasYear,
		g.YTDActual, g.YTDGoalProrated, g.YTDAttainment, mark, l1, l2, share)
	d.y = y + boxH
}

// periodBasis says what the period goal measures: "commission this month".
func (d *doc) periodBasis(g *report.Goal) string {
	what := "commission"
	if g.Basis == report.BasisClosings {
		what = "sales closed"
	}
	switch {
	case !d.pe.ok || d.pe.p.Kind == repcard.PeriodMonth:
		return what + " this month"
	case d.pe.p.Kind == repcard.PeriodQuarter:
		return what + " this quarter"
	}
	return what + " this year"
}

// ytdLines are the two lines of the year-to-date box: the year's goal and
// where the rep stands against what is due so far, then the pace needed.
func (r *Renderer) ytdLines(g *report.Goal) (string, string) {
	l1 := "due so far; year goal " + r.goalNum(g.YearGoal) + goalUnit(g.YearGoal)
	if g.YTDGoalProrated == g.YearGoal {
		l1 = "the year's goal"
	}
	if g.AheadBy.OK {
		switch {
		case g.AheadBy.V > 0:
			l1 += " · ahead by " + r.goalNum(g.AheadBy) + goalUnit(g.AheadBy)
		case g.AheadBy.V < 0:
			behind := g.AheadBy
			behind.V = -behind.V
			l1 += " · behind by " + r.goalNum(behind) + goalUnit(behind)
		default:
			l1 += " · on pace"
		}
	}
	var l2 string
	switch {
	case g.MonthsLeft <= 0:
		l2 = "the year is complete"
	case g.YTDActual.OK && g.YTDActual.V >= g.YearGoal.V:
		l2 = "year goal reached"
	case g.PaceNeededPerMonth.OK:
		l2 = "need " + r.goalNum(g.PaceNeededPerMonth) + goalUnit(g.PaceNeededPerMonth) +
			" / month for the " + count(g.MonthsLeft, "month", "months") + " left"
	}
	return l1, l2
}

// goalBox draws one goal panel: actual of goal and att, the per cent of
// goal; a bar filled to share, with a tick at mark when 0 ≤ mark ≤ 1.
func (d *doc) goalBox(x, y, w, h float64, title string, set bool, actual, goal report.GoalNum,
	att report.Ratio, mark float64, l1, l2 string, bar report.Ratio) {
	d.panel(x, y, w, h, colZebra)
	pad := 4.0
	iw := w - 2*pad
	d.textFit(x+pad, y+pad+stBoxTitle.capH(), iw, title, stBoxTitle)
	if !set {
		d.textFit(x+pad, y+pad+11, iw, noGoal, stQuiet)
		return
	}
	base := y + pad + 10
	p := pct(att)
	pw := d.width(p, stBoxPct)
	d.textR(x+w-pad, base, p, stBoxPct)
	d.textFit(x+pad, base, iw-pw-3, d.r.goalNum(actual)+" of "+d.r.goalNum(goal)+goalUnit(goal), stBoxBig)
	share := -1.0
	if bar.OK {
		share = bar.V
	}
	d.bar(x+pad, base+2.6, iw, 2.2, share, mark)
	lb := base + 2.6 + 2.2 + 5
	d.textFit(x+pad, lb, iw, l1, stBoxLine)
	d.textFit(x+pad, lb+4.3, iw, l2, stBoxLine)
}

// coaching draws the coaching paragraphs.
func (d *doc) coaching(ps []Paragraph) {
	var keep []Paragraph
	for _, p := range ps {
		if clean(p.Title) != "" || clean(p.Text) != "" {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return
	}
	d.heading("Coaching", d.titleKeep(keep[0]))
	for i, p := range keep {
		if i > 0 {
			d.space(2)
		}
		if t := clean(p.Title); t != "" {
			d.need(d.titleKeep(p))
			d.line(t, stH3)
		}
		for _, para := range splitParagraphs(p.Text) {
			d.para(para, stBody)
		}
	}
}

// titleKeep is the height a coaching paragraph's title keeps with it on
// its page: the title and the lines of its text that para would not move
// to the next page (all of a short text, the first minSplitLines of a
// longer one).
func (d *doc) titleKeep(p Paragraph) float64 {
	h := 0.0
	if clean(p.Title) != "" {
		h = stH3.lineH()
	}
	if paras := splitParagraphs(p.Text); len(paras) > 0 {
		n := len(d.wrap(paras[0], stBody, d.cw))
		if splittable(n) {
			n = minSplitLines
		}
		h += float64(n) * stBody.lineH()
	}
	return h
}

// splitParagraphs splits text at blank lines and cleans each paragraph.
func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// ---- page 2: learning from the nos ----

// repPage2 is learning from the nos; coached names the coaching rules page
// 1 printed, so that a record it told is not told again.
func (r *Renderer) repPage2(d *doc, rep *report.Rep, coached map[string]bool) error {
	if d.f.PageNo() == 1 {
		d.addPage()
	} else {
		d.space(4)
	}
	d.heading("Learning from the nos", 50)
	if err := d.lossReasons(&rep.Metrics); err != nil {
		return err
	}
	d.referrals(&rep.Counts, rep.Sources.ReferralAsks)
	d.followUps(rep.FollowUpsDue, rep.FollowUpsDueCount)
	d.staleMaybes(rep.StaleMaybes, rep.StaleMaybesCount)
	d.nearMisses(rep.NearMisses)
	d.repWins(rep.Wins, &rep.Records, coached)
	return nil
}

// lossReasons draws the loss-reasons chart and names the top reason in the
// rep's control.
func (d *doc) lossReasons(m *report.Metrics) error {
	if m.ExplicitNos == 0 {
		d.line("No explicit nos recorded in "+d.pe.title+".", stQuiet)
		return nil
	}
	bars := make([]charts.ReasonBar, 0, len(m.LossReasons))
	var top []string // the controllable reasons with the highest count
	topN, unknown := 0, 0
	for i := range m.LossReasons {
		lr := &m.LossReasons[i]
		bar := charts.ReasonBar{Reason: clean(lr.Reason), Count: lr.Count, Controllable: lr.Controllable}
		if lr.Category == report.CategoryUnknown {
			bar.Reason = "" // drawn as "no reason given", a group of its own
		}
		bars = append(bars, bar)
		switch {
		case lr.Category == report.CategoryUnknown:
			unknown += lr.Count
		case !lr.Controllable || lr.Count < topN:
		case lr.Count > topN:
			top, topN = []string{"“" + clean(lr.Reason) + "”"}, lr.Count
		default:
			top = append(top, "“"+clean(lr.Reason)+"”")
		}
	}
	n := min(len(bars), 8)
	h := 14 + 5.5*float64(n)
	o := d.chartOptions(d.cw, h)
	png, err := charts.LossReasons(bars, o)
	if err != nil {
		return err
	}
	_, ih := o.SizeMM()
	d.need(ih)
	d.image("chart-losses", png, d.left, d.y, o)
	d.y += ih + 2
	nos := format.Int(topN) + " of " + format.Int(m.ExplicitNos) + " nos"
	switch {
	case unknown >= m.ExplicitNos:
		d.para("No reason was recorded for "+ifs(m.ExplicitNos > 1, "any of ")+"the "+count(m.ExplicitNos, "no", "nos")+
			": write down why each prospect said no, and next month's report shows which were in your control.", stBody)
	case len(top) == 0:
		d.para("None of the nos with a reason was in your control.", stBody)
	case len(top) == 1:
		d.para("The reason most in your control: "+top[0]+", "+nos+". Work on it first.", stBody)
	case len(top) == 2:
		d.para("The reasons most in your control: "+top[0]+" and "+top[1]+", "+nos+" each.", stBody)
	default:
		d.para("The reasons most in your control: "+top[0]+", "+top[1]+" and "+
			count(len(top)-2, "more", "more")+", "+nos+" each.", stBody)
	}
	d.line(joinNonEmpty(
		count(m.ControllableNos, "no", "nos")+" in your control",
		count(m.UncontrollableNos, "no", "nos")+" not in your control",
		ifs(unknown > 0, count(unknown, "no", "nos")+" without a reason"),
	), stNote)
	return nil
}

// referrals draws the referral-asks sentence; source is where the asks
// come from (Sources.ReferralAsks). Asks no row records are not tracked,
// never 0.
func (d *doc) referrals(c *report.Counts, source string) {
	d.subheading("Referral asks", "", stBody.lineH())
	asks := c.ReferralAsks.V
	switch {
	case source == report.SourceNone || !c.ReferralAsks.OK:
		d.para("Not tracked: your data has no referral column. Add one (referral asked: yes or no) to your activity log or deals, and this section counts them.", stBody)
	case c.ExplicitNos == 0 && asks == 0:
		d.line("No nos and no referral asks recorded.", stQuiet)
		return
	case asks <= c.ExplicitNos && c.ReferralAskRate.OK:
		d.para(fmt.Sprintf("You asked for a referral after %s of %s nos (%s).",
			format.Int(asks), format.Int(c.ExplicitNos), pct(c.ReferralAskRate)), stBody)
	default:
		d.para(fmt.Sprintf("You asked for a referral %s; %s recorded.",
			count(asks, "time", "times"), count(c.ExplicitNos, "no was", "nos were")), stBody)
	}
	d.line("A no is the moment to ask: “Who else should I talk to?”", stNote)
}

// followUps lists the first follow-ups of fs, of total in all.
func (d *doc) followUps(fs []report.FollowUp, total int) {
	shown := fs[:min(len(fs), maxFollowUps)]
	rows := make([][]cell, len(shown))
	for i, f := range shown {
		rows[i] = []cell{{s: clean(f.Prospect)}, {s: day(f.Date)}, {s: orDash(clean(f.Reason))}, {s: day(f.Due)}, {s: orDash(clean(f.Why))}}
	}
	d.section(section{
		title: "Follow-ups due", note: "oldest first: they said no, then heard nothing",
		empty: "No follow-ups due.",
		t: &table{rowH: 5.6, cols: d.scale([]column{
			{"Prospect", 50, 'L'}, {"Said no on", 22, 'L'}, {"Reason", 43, 'L'}, {"Due", 22, 'L'}, {"Why due", 43, 'L'},
		})},
		rows: rows, total: max(total, len(fs)),
	})
}

// staleMaybes lists the first entries of ss, of total in all.
func (d *doc) staleMaybes(ss []report.Stale, total int) {
	shown := ss[:min(len(ss), maxStale)]
	rows := make([][]cell, len(shown))
	for i, s := range shown {
		rows[i] = []cell{{s: staleProspect(&s)}, {s: clean(s.Kind)}, {s: day(s.Since)},
			{s: format.Int(s.AgeDays)}, {s: d.r.nullMoneyWhole(s.Amount)}}
	}
	d.section(section{
		title: "Vague maybes gone quiet", note: "ask for a decision: a clear no beats a vague maybe",
		empty: "No open deals or maybes have gone quiet.",
		t: &table{rowH: 5.6, cols: d.scale([]column{
			{"Prospect", 74, 'L'}, {"Kind", 26, 'L'}, {"Open since", 26, 'L'}, {"Days quiet", 20, 'R'}, {"Amount", 34, 'R'},
		})},
		rows: rows, total: max(total, len(ss)),
	})
}

func (d *doc) nearMisses(ns []report.NearMiss) {
	shown := ns[:min(len(ns), maxNearMisses)]
	rows := make([][]cell, len(shown))
	for i, n := range shown {
		rows[i] = []cell{{s: clean(n.Prospect)}, {s: day(n.Date)}, reached(&n),
			{s: orDash(clean(n.Reason))}, {s: d.r.nullMoneyWhole(n.Amount)}}
	}
	d.section(section{
		title: "Near misses", note: "a loss is a loss: study it once, set a follow-up date, move on",
		empty: "No near misses.",
		t: &table{rowH: 5.6, cols: d.scale([]column{
			{"Prospect", 52, 'L'}, {"Lost on", 24, 'L'}, {"Got as far as", 38, 'L'}, {"Reason", 40, 'L'}, {"Amount", 26, 'R'},
		})},
		rows: rows, total: len(ns),
	})
}

func (d *doc) repWins(ws []report.Win, rec *report.Records, coached map[string]bool) {
	var intro []string
	if rec.BestMonth && !coached[RuleBestMonth] {
		intro = append(intro, fmt.Sprintf("Best month of the last 12: %s in commission (previous best %s).",
			d.r.moneyWhole(rec.MonthCommission), d.r.moneyWhole(rec.PreviousBest)))
	}
	if rec.StreakMonths >= 2 && !coached[RuleWinStreak] {
		intro = append(intro, format.Int(rec.StreakMonths)+" months in a row with a sale.")
	}
	shown := ws[:min(len(ws), maxWins)]
	rows := make([][]cell, len(shown))
	for i, w := range shown {
		rows[i] = []cell{{s: winProspect(&w)}, {s: day(w.Date)}, {s: d.r.nullMoneyWhole(w.Amount)}, {s: d.r.moneyWhole(w.Commission)}}
	}
	d.section(section{
		title: "Wins to celebrate", note: "largest first", intro: intro,
		empty: "No wins recorded in " + d.pe.title + ".",
		t: &table{rowH: 5.6, cols: d.scale([]column{
			{"Prospect", 88, 'L'}, {"Won on", 26, 'L'}, {"Amount", 33, 'R'}, {"Commission", 33, 'R'},
		})},
		rows: rows, total: len(ws),
	})
}

// reached says how far a near miss got: the stage it reached, else its
// probability ("90 % likely"), else that the export does not say.
func reached(n *report.NearMiss) cell {
	switch {
	case clean(n.Stage) != "":
		return cell{s: clean(n.Stage)}
	case n.Probability.OK:
		return cell{s: strconv.FormatFloat(math.Round(n.Probability.V*10)/10, 'f', -1, 64) + " % likely"}
	}
	return cell{s: "stage not recorded", st: stCellMute}
}

// staleProspect names what to chase: the prospect, else the open deal's id,
// so that a row of an export with no account still says which deal.
func staleProspect(s *report.Stale) string {
	if p := clean(s.Prospect); p != "" {
		return p
	}
	if id := clean(s.Deal); id != "" {
		return "deal " + id
	}
	return dash
}
