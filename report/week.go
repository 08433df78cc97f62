package report

import (
	"fmt"
	"slices"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
)

// Week reports. The Builder also folds every dated row into counts per rep
// and day (weekStore), which a week report sums week by week; the rest of
// a week report — follow-ups, stale maybes, pipeline, wins, near misses,
// losses — comes from Build of the week period, as of its Sunday, with the
// lists of things dated in the period cut to the week.

// Weeks a week report shows week by week, ending with the period's week,
// and how many weeks before it the trend pools as its baseline.
const (
	trailingWeeks = 12
	baselineWeeks = 4
)

// weekStore holds counts per rep and day. A monthly tally has no day: it
// lands in no week, and marks its rep's month as counted only monthly.
type weekStore struct {
	on      bool             // TrackWeeks was called
	idx     map[uint64]int32 // rep<<32 | date → index in days
	days    []dayAcc
	monthly map[uint64]tracked // rep<<32 | month: what monthly tallies counted
	reasons map[dayReason]int64

	// The month acc of the row being added, before Add: the row's counts
	// are what Add changed it by. acc is its index in Builder.accs, -1
	// when the month had none yet.
	r    int32
	m    repcard.Month
	acc  int32
	snap acc

	lastKey uint64 // the day of the last row counted, and its index: rows come in runs
	lastDay int32
}

// dayAcc is one rep's counts for one day; weekly is the contacts of week
// tallies dated on the day, which count in the week but on no day of it.
type dayAcc struct {
	acc
	weekly int64
}

// tracked says which measures monthly tallies counted in a month.
type tracked struct{ contacts, closings bool }

type dayReason struct {
	rep, reason int32
	d           repcard.Date
	deals       bool
}

// TrackWeeks makes the Builder count each rep's rows by day too, as
// BuildWeek needs; call it before the first Add. A Builder that reports
// only months, quarters and years does without: counting by day costs
// about twice the time of Add and memory of reps × days.
func (b *Builder) TrackWeeks() {
	b.week.on = true
	b.week.idx, b.week.monthly, b.week.reasons = map[uint64]int32{}, map[uint64]tracked{}, map[dayReason]int64{}
}

// dayBefore notes, for a dated row of counts, its rep's month acc before
// Add changes it. It reports whether dayAfter must be called.
func (b *Builder) dayBefore(rec *repcard.Record) bool {
	if !b.week.on || rec.Date == 0 || rec.Kind == repcard.KindRoster || rec.Kind == repcard.KindNone {
		return false
	}
	w := &b.week
	w.r = b.repID(rec.Rep)
	w.m, _ = monthDay(rec.Date)
	w.snap, w.acc = acc{}, -1
	if i, ok := b.accIdx[uint64(uint32(w.r))<<32|uint64(uint32(w.m))]; ok {
		w.snap, w.acc = b.accs[i], i
	}
	return true
}

// dayAfter adds what Add counted for rec to its day.
func (b *Builder) dayAfter(rec *repcard.Record) {
	w := &b.week
	i := w.acc
	if i < 0 {
		var ok bool
		if i, ok = b.accIdx[uint64(uint32(w.r))<<32|uint64(uint32(w.m))]; !ok {
			return // an open deal: no counts
		}
	}
	cur := &b.accs[i]
	if *cur == w.snap {
		return // a row that counts nothing: an open deal
	}
	if rec.Kind == repcard.KindTallies && rec.Span == repcard.SpanMonth {
		k := uint64(uint32(w.r))<<32 | uint64(uint32(w.m))
		t := w.monthly[k]
		t.contacts = t.contacts || rec.Contacts > 0 || rec.Rejections > 0
		t.closings = t.closings || rec.Closings > 0 || rec.HasClosings || rec.HasAmount || rec.HasCommission
		w.monthly[k] = t
		return
	}
	k := uint64(uint32(w.r))<<32 | uint64(uint32(rec.Date))
	j, ok := w.lastDay, len(w.days) > 0 && w.lastKey == k
	if !ok {
		if j, ok = w.idx[k]; !ok {
			j = int32(len(w.days))
			w.idx[k] = j
			w.days = append(w.days, dayAcc{})
		}
		w.lastKey, w.lastDay = k, j
	}
	d := &w.days[j]
	d.addDelta(cur, &w.snap)
	if rec.Kind == repcard.KindTallies && rec.Span == repcard.SpanWeek {
		d.weekly += cur.tContacts - w.snap.tContacts
	}
	if dLost := cur.dLost > w.snap.dLost; dLost || cur.aLost > w.snap.aLost {
		w.reasons[dayReason{w.r, b.reasons.id(rec.LossReason), rec.Date, dLost}]++
	}
}

// add adds o's counts to a.
func (a *acc) add(o *acc) { a.addDelta(o, &acc{}) }

// addDelta adds to a what cur counts beyond old: a row's counts, from its
// month's acc after and before the row was added.
func (a *acc) addDelta(cur, old *acc) {
	a.aRows += cur.aRows - old.aRows
	a.aPlanned += cur.aPlanned - old.aPlanned
	a.aTouches += cur.aTouches - old.aTouches
	a.aContacts += cur.aContacts - old.aContacts
	a.aWon += cur.aWon - old.aWon
	a.aLost += cur.aLost - old.aLost
	a.aReasoned += cur.aReasoned - old.aReasoned
	a.aReferral += cur.aReferral - old.aReferral
	a.aNear += cur.aNear - old.aNear
	a.aRevenue += cur.aRevenue - old.aRevenue
	a.aCommission += cur.aCommission - old.aCommission
	a.tRows += cur.tRows - old.tRows
	a.tContacts += cur.tContacts - old.tContacts
	a.tClosings += cur.tClosings - old.tClosings
	a.tRejections += cur.tRejections - old.tRejections
	a.tReferral += cur.tReferral - old.tReferral
	a.tRevenue += cur.tRevenue - old.tRevenue
	a.tCommission += cur.tCommission - old.tCommission
	a.dWon += cur.dWon - old.dWon
	a.dLost += cur.dLost - old.dLost
	a.dReasoned += cur.dReasoned - old.dReasoned
	a.dReferral += cur.dReferral - old.dReferral
	a.dNear += cur.dNear - old.dNear
	a.dRevenue += cur.dRevenue - old.dRevenue
	a.dCommission += cur.dCommission - old.dCommission
}

// DefaultWeek returns the newest ISO week whose Sunday is on or before the
// newest date among done activities, tallies and decided deals, as
// DefaultPeriod does for months. It returns false when no row has such a
// date.
func (b *Builder) DefaultWeek() (repcard.Period, bool) {
	if b.maxDate == 0 {
		return repcard.Period{}, false
	}
	p := repcard.WeekPeriodOf(b.maxDate)
	if p.End() > b.maxDate {
		p = repcard.WeekPeriodOf(p.Start() - 1)
	}
	return p, true
}

// weekSums is one rep's or group's sums for the trailing weeks.
type weekSums struct {
	weeks      [trailingWeeks]tot
	notTracked [trailingWeeks][]string
	days       [7]int64 // the period's week, contacts by weekday
	ytd        tot
	reasons    map[int32]int64
}

func (s *weekSums) addGroup(o *weekSums) {
	for i := range s.weeks {
		s.weeks[i].add(&o.weeks[i])
		for _, m := range o.notTracked[i] {
			if !slices.Contains(s.notTracked[i], m) {
				s.notTracked[i] = append(s.notTracked[i], m)
			}
		}
		slices.Sort(s.notTracked[i])
	}
	for i := range s.days {
		s.days[i] += o.days[i]
	}
	s.ytd.add(&o.ytd)
	for id, n := range o.reasons {
		s.reasons[id] += n
	}
}

// weekSums sums rep r's days into the trailing weeks ending with the week
// of monday, the year to date and the week's loss reasons.
func (bd *build) weekSums(r int32, monday repcard.Date, ytd *acc) *weekSums {
	b, w := bd.b, &bd.b.week
	rs := &b.reps[r]
	s := &weekSums{reasons: map[int32]int64{}}
	first := monday - 7*(trailingWeeks-1)
	var accs [trailingWeeks]acc
	var rows [trailingWeeks]bool
	for d := first; d < monday+7; d++ {
		j, ok := w.idx[uint64(uint32(r))<<32|uint64(uint32(d))]
		if !ok {
			continue
		}
		da := &w.days[j]
		i := int(d-first) / 7
		accs[i].add(&da.acc)
		rows[i] = true
		if i == trailingWeeks-1 {
			t := b.accTot(r, &da.acc)
			s.days[d-monday] = t.contacts - da.weekly
		}
	}
	for i := range accs {
		s.weeks[i] = b.accTot(r, &accs[i])
		s.weeks[i].hasData = rows[i]
		mon := first + repcard.Date(7*i)
		s.notTracked[i] = bd.notTracked(r, mon)
		s.weeks[i].untrack(s.notTracked[i])
	}
	if slices.Contains(s.notTracked[trailingWeeks-1], "contacts") {
		s.days = [7]int64{}
	}
	s.ytd = b.accTot(r, ytd)
	sun := monday + 6
	for k, n := range w.reasons {
		if k.rep == r && k.d >= monday && k.d <= sun && k.deals == rs.hasDeals {
			s.reasons[k.reason] += n
		}
	}
	if t := s.weeks[trailingWeeks-1]; t.tallyNos > 0 {
		s.reasons[0] += t.tallyNos
	}
	return s
}

// notTracked lists the measures of rep r that the week of monday cannot
// count, because monthly tallies of its months count them: contacts when
// the rep's contacts come from activities and tallies, closings when its
// closings do.
func (bd *build) notTracked(r int32, monday repcard.Date) []string {
	b := bd.b
	rs := &b.reps[r]
	var t tracked
	for _, d := range []repcard.Date{monday, monday + 6} {
		m, _ := monthDay(d)
		mt := b.week.monthly[uint64(uint32(r))<<32|uint64(uint32(m))]
		t.contacts, t.closings = t.contacts || mt.contacts, t.closings || mt.closings
	}
	var out []string
	if t.contacts && (rs.hasAct || rs.hasTally) {
		out = append(out, "contacts")
	}
	if t.closings && !rs.hasDeals {
		out = append(out, "closings")
	}
	return out
}

// untrack empties the measures of t that are not tracked: their counts are
// not known, so neither are the ratios built on them.
func (t *tot) untrack(measures []string) {
	for _, m := range measures {
		switch m {
		case "contacts":
			t.contacts, t.touches = 0, 0
		case "closings":
			t.closings, t.commission, t.revenue = 0, 0, 0
		}
	}
}

// weekCounts is t's Counts with the ratios on measures not tracked null.
func weekCounts(t *tot, notTracked []string) Counts {
	c := t.counts()
	for _, m := range notTracked {
		c.CloseRate, c.ContactsPerClose, c.ValuePerContact, c.TouchesPerSale, c.ValuePerTouch = Ratio{}, Ratio{}, NullMoney{}, Ratio{}, NullMoney{}
		if m == "contacts" {
			c.Rejections = 0
		}
	}
	return c
}

// BuildWeek returns the report of the ISO week p (p.Kind is
// repcard.PeriodWeek): the period's counts, trend, alerts and loss reasons
// are the week's, compared with the 4 weeks before it; weekly holds the 12
// weeks ending with it. Like Build, it does not change the Builder. The
// Builder must count by day: TrackWeeks before the first Add.
func (b *Builder) BuildWeek(p repcard.Period) *Report {
	if !b.week.on {
		panic("report: BuildWeek on a Builder without TrackWeeks")
	}
	rpt := b.build(p, false)
	bd := &build{
		b: b, p: p, first: p.FirstMonth, last: p.LastMonth, end: p.End(),
		reason: b.reasons.names(),
	}
	bd.category = make([]int, b.reasons.len())
	for i := range bd.category {
		bd.category[i] = categoryUnseen
	}
	rpt.Period.DataEnds = ""
	if b.maxDate >= p.Start() && b.maxDate < p.End() {
		rpt.Period.DataEnds = b.maxDate.String() // a week to date
	}
	in := func(d Day) bool { return p.Contains(repcard.Date(d)) }
	// The year to date of each rep: 1 January of the Sunday's year through
	// the Sunday.
	y, _, _ := p.End().YMD()
	jan1 := repcard.MakeDate(y, 1, 1)
	ytd := make([]acc, len(b.reps))
	for k, j := range b.week.idx {
		if d := repcard.Date(uint32(k)); d >= jan1 && d <= p.End() {
			ytd[k>>32].add(&b.week.days[j].acc)
		}
	}
	team := &weekSums{reasons: map[int32]int64{}}
	mgrs := map[string]*weekSums{}
	for i := range rpt.Reps {
		rep := &rpt.Reps[i]
		r := b.repIdx[rep.Rep]
		s := bd.weekSums(r, p.Start(), &ytd[r])
		rep.Wins = slices.DeleteFunc(rep.Wins, func(w Win) bool { return !in(w.Date) })
		rep.NearMisses = slices.DeleteFunc(rep.NearMisses, func(n NearMiss) bool { return !in(n.Date) })
		rep.Losses = slices.DeleteFunc(rep.Losses, func(l Loss) bool { return !in(l.Date) })
		bd.weekMetrics(&rep.Metrics, s, "your")
		rep.NearMissesCount = len(rep.NearMisses)
		team.addGroup(s)
		if rep.OnRoster && rep.Manager != "" {
			if mgrs[rep.Manager] == nil {
				mgrs[rep.Manager] = &weekSums{reasons: map[int32]int64{}}
			}
			mgrs[rep.Manager].addGroup(s)
		}
	}
	group := func(m *Metrics, s *weekSums, reps func(string) bool) {
		m.Wins = slices.DeleteFunc(m.Wins, func(w Win) bool { return !in(w.Date) })
		m.NearMissesCount = 0
		for _, rep := range rpt.Reps {
			if reps(rep.Rep) {
				m.NearMissesCount += rep.NearMissesCount
			}
		}
		bd.weekMetrics(m, s, "the team's")
	}
	for i := range rpt.Managers {
		mg := &rpt.Managers[i]
		s := mgrs[mg.Manager]
		if s == nil {
			s = &weekSums{reasons: map[int32]int64{}}
		}
		group(&mg.Metrics, s, func(n string) bool { return slices.Contains(mg.Reps, n) })
	}
	group(&rpt.Team, team, func(string) bool { return true })
	return rpt
}

// weekMetrics replaces m's period numbers with the week's.
func (bd *build) weekMetrics(m *Metrics, s *weekSums, who string) {
	last := trailingWeeks - 1
	cur := &s.weeks[last]
	m.NotTrackedWeekly = s.notTracked[last]
	m.Counts = weekCounts(cur, m.NotTrackedWeekly)
	m.NoReasonShare = ratio(cur.reasoned, cur.nos)
	m.NoFollowUpShare = Ratio{} // counted per month only
	m.LossReasons, m.ControllableNos, m.UncontrollableNos = bd.lossList(s.reasons)
	m.Goal = Goal{Basis: m.Goal.Basis} // goals are monthly and yearly
	m.YTD.End = bd.end.String()
	m.YTD.Counts = s.ytd.counts()
	m.Trend, m.TrendArrow, m.Alerts = bd.weekTrend(s, who)
	m.Weekly = make([]WeekCounts, 0, trailingWeeks)
	for i := range s.weeks {
		mon := bd.p.Start() - repcard.Date(7*(last-i))
		wc := WeekCounts{Week: repcard.WeekPeriodOf(mon).Label(), Start: mon.String(), NotTracked: s.notTracked[i]}
		if s.weeks[i].hasData {
			c := weekCounts(&s.weeks[i], s.notTracked[i])
			wc.Counts = &c
		}
		m.Weekly = append(m.Weekly, wc)
	}
	m.Weekdays = make([]int, 7)
	for i, n := range s.days {
		m.Weekdays[i] = int(n)
	}
}

// weekTrend compares the week with the 4 weeks before it pooled, as trend
// does a month with the 3 before, with the alerts.week_* thresholds, and
// raises no alert on a week with fewer than alerts.week_min_contacts
// contacts, or whose contacts or closings are not tracked weekly, or whose
// baseline has such a week.
func (bd *build) weekTrend(s *weekSums, who string) (Trend, string, []Alert) {
	last := trailingWeeks - 1
	cur := &s.weeks[last]
	var base tot
	untracked := len(s.notTracked[last]) > 0
	for i := last - baselineWeeks; i < last; i++ {
		base.add(&s.weeks[i])
		untracked = untracked || len(s.notTracked[i]) > 0
	}
	mon := bd.p.Start()
	t := Trend{
		Month:    bd.p.Label(),
		Baseline: repcard.WeekPeriodOf(mon-7*baselineWeeks).Label() + ".." + repcard.WeekPeriodOf(mon-7).Label(),
	}
	if untracked {
		return t, "", []Alert{}
	}
	var ch trendChanges
	tv := &t.ContactsPerClose
	tv.Value, tv.Baseline, tv.ChangePct, ch.contactsPerClose = change(cur.contacts, cur.closings, base.contacts, base.closings)
	tv = &t.Contacts
	tv.Value, tv.Baseline, tv.ChangePct, ch.contacts = change(cur.contacts, 1, base.contacts, baselineWeeks)
	if !base.hasData {
		tv.Baseline = Ratio{}
	}
	tv = &t.ValuePerContact
	tv.Value, tv.Baseline, tv.ChangePct, ch.valuePerContact = change(int64(cur.commission), cur.contacts*100, int64(base.commission), base.contacts*100)
	alerts := []Alert{}
	if cur.contacts >= int64(bd.b.cfg.Alerts.WeekMinContacts) {
		alerts = bd.weekAlerts(&t, &ch, cur, &base, who)
	}
	return t, arrow(ch.valuePerContact), alerts
}

// weekAlerts is alerts for a week: the alerts.week_* thresholds, and
// "4-week" in the messages.
func (bd *build) weekAlerts(t *Trend, ch *trendChanges, cur, base *tot, who string) []Alert {
	alerts := []Alert{}
	a := bd.b.cfg.Alerts
	if tv := &t.ContactsPerClose; tv.Baseline.OK {
		switch {
		case crossedUp(ch.contactsPerClose, a.WeekRatioWorsePct):
			alerts = append(alerts, Alert{
				Metric: MetricContactsPerClose, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
			}.worded(who, func(who string) string {
				return fmt.Sprintf("Contacts per sale %.1f, worse than %s 4-week %.1f (%+.0f %%)",
					tv.Value.V, who, tv.Baseline.V, tv.ChangePct.V)
			}))
		case noSaleCrossed(cur, base, a.WeekRatioWorsePct):
			alerts = append(alerts, Alert{
				Metric: MetricContactsPerClose, Value: tv.Value, Baseline: tv.Baseline,
			}.worded(who, func(who string) string {
				return fmt.Sprintf("No sale in %s after %d contacts; %s 4-week rate is %.1f contacts per sale",
					bd.p.Title(), cur.contacts, who, tv.Baseline.V)
			}))
		}
	}
	if tv := &t.Contacts; crossedDown(ch.contacts, a.WeekContactsDownPct) {
		alerts = append(alerts, Alert{
			Metric: MetricContacts, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("Contacts %d, down from %s 4-week average %.1f (%+.0f %%)",
				cur.contacts, who, tv.Baseline.V, tv.ChangePct.V)
		}))
	}
	if tv := &t.ValuePerContact; crossedDown(ch.valuePerContact, a.WeekValueDownPct) {
		sym := format.Symbol(bd.b.currency())
		alerts = append(alerts, Alert{
			Metric: MetricValuePerContact, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("Each contact was worth %s%s, down from %s 4-week %s%s (%+.0f %%)",
				sym, perUnit(cur.commission, cur.contacts).V, who, sym, perUnit(base.commission, base.contacts).V, tv.ChangePct.V)
		}))
	}
	return alerts
}
