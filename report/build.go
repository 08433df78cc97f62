package report

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
)

// tot is the raw sums behind Counts, for one rep or group and one stretch
// of time. Ratios are computed from it at the end, never summed.
type tot struct {
	contacts, planned, closings, nos, reasoned, referral, touches, near int64
	tallyNos                                                            int64 // explicit nos from tallies: no reason known
	revenue, commission                                                 repcard.Money
	hasData                                                             bool
}

func (t *tot) add(u *tot) {
	t.contacts += u.contacts
	t.planned += u.planned
	t.closings += u.closings
	t.nos += u.nos
	t.reasoned += u.reasoned
	t.referral += u.referral
	t.touches += u.touches
	t.near += u.near
	t.tallyNos += u.tallyNos
	t.revenue += u.revenue
	t.commission += u.commission
	t.hasData = t.hasData || u.hasData
}

func (t *tot) counts() Counts {
	return Counts{
		Contacts:         int(t.contacts),
		Planned:          int(t.planned),
		Closings:         int(t.closings),
		Rejections:       int(max(t.contacts-t.closings, 0)),
		CloseRate:        ratio(t.closings, t.contacts),
		ContactsPerClose: ratio(t.contacts, t.closings),
		Revenue:          t.revenue,
		Commission:       t.commission,
		ValuePerContact:  perUnit(t.commission, t.contacts),
		ExplicitNos:      int(t.nos),
		ReferralAsks:     int(t.referral),
		ReferralAskRate:  ratio(t.referral, t.nos),
		Touches:          int(t.touches),
		TouchesPerSale:   ratio(t.touches, t.closings),
		ValuePerTouch:    perUnit(t.commission, t.touches),
	}
}

// calc is everything Build works out for one rep, and by summing, for a
// manager's team and the team.
type calc struct {
	months     [12]tot         // the trailing 12 months, oldest first
	reasons    map[int32]int64 // explicit nos of the period by reason id
	withFU     int64           // explicit nos of the period whose prospect has a follow-up date after its last no
	followN    int64
	staleN     int64
	pipe       repcard.Money
	pipeMax    repcard.Money
	pipeDeals  int64
	periodGoal int64 // hundredths of the basis' unit
	yearGoal   int64
	wins       []Win

	// Reps only. Follow-ups and stale entries are held compact while Build
	// runs (there can be hundreds of thousands) and spelled out per rep by
	// repEntry.
	dues   []due
	stale  []staleRef
	nears  []NearMiss
	losses []Loss
}

func (c *calc) addGroup(o *calc) {
	for i := range c.months {
		c.months[i].add(&o.months[i])
	}
	for id, n := range o.reasons {
		c.reasons[id] += n
	}
	c.withFU += o.withFU
	c.followN += o.followN
	c.staleN += o.staleN
	c.pipe += o.pipe
	c.pipeMax = max(c.pipeMax, o.pipeMax)
	c.pipeDeals += o.pipeDeals
	c.periodGoal += o.periodGoal
	c.yearGoal += o.yearGoal
	c.wins = append(c.wins, o.wins...)
}

// build is the state of one Build call.
type build struct {
	b           *Builder
	p           repcard.Period
	first, last repcard.Month
	end         repcard.Date
	prospect    []string // shown names by id
	dealID      []string
	reason      []string
	stage       []string
	category    []int // by reason id: index in b.categories, -1 other; filled lazily (-2)
	calcs       []calc
	quietRules  map[int]string // "quiet N days" by N, one string for all follow-ups
}

// due is a follow-up due (FollowUp), compact.
type due struct {
	no, last, nfu    repcard.Date // nfu: 0 unless a follow-up date was set after the no
	prospect, reason int32
	quiet            int32
	byDate           bool // due by its follow-up date, not by the quiet
}

// staleRef is a stale maybe or open deal (Stale), compact.
type staleRef struct {
	since               repcard.Date
	age                 int32
	prospect, stage, id int32 // id: the deal's
	amount              repcard.Money
	hasAmount, deal     bool
}

// followUps spells out dues, in the same order; never nil.
func (bd *build) followUps(dues []due) []FollowUp {
	out := make([]FollowUp, len(dues))
	for i, d := range dues {
		out[i] = FollowUp{
			Prospect: bd.prospect[d.prospect], Date: Day(d.no), Reason: bd.reason[d.reason],
			LastTouch: Day(d.last), NextFollowUp: Day(d.nfu), DaysQuiet: int(d.quiet), Rule: "follow-up date",
		}
		if !d.byDate {
			out[i].Rule = bd.quietRule(int(d.quiet))
		}
	}
	return out
}

// staleList spells out refs, in the same order; never nil.
func (bd *build) staleList(refs []staleRef) []Stale {
	out := make([]Stale, len(refs))
	for i, s := range refs {
		out[i] = Stale{Kind: "maybe", Prospect: bd.prospect[s.prospect], Since: Day(s.since), AgeDays: int(s.age)}
		if s.deal {
			out[i].Kind, out[i].Amount, out[i].Stage = "open deal", NullMoney{s.amount, s.hasAmount}, bd.stage[s.stage]
			out[i].Deal = bd.dealID[s.id]
		}
	}
	return out
}

// quietRule returns the rule of a follow-up due after days of quiet.
func (bd *build) quietRule(days int) string {
	r, ok := bd.quietRules[days]
	if !ok {
		r = "quiet " + strconv.Itoa(days) + " days"
		bd.quietRules[days] = r
	}
	return r
}

// Build returns the report for period p. It does not change the Builder:
// Build may be called again, for the same or another period, and more
// records may be added in between.
func (b *Builder) Build(p repcard.Period) *Report { return b.build(p, false) }

// Finish is Build for the last time: it lets go of the Builder's
// per-prospect state as soon as each part has been read, so that the report
// is not assembled while all of that state is still held. The Builder must
// not be used after.
func (b *Builder) Finish(p repcard.Period) *Report { return b.build(p, true) }

func (b *Builder) build(p repcard.Period, final bool) *Report {
	bd := &build{
		b: b, p: p, first: p.FirstMonth, last: p.LastMonth, end: p.End(),
		prospect: b.prospects.names(), dealID: b.dealIDs.names(), reason: b.reasons.names(), stage: b.stages.names(),
		calcs: make([]calc, len(b.reps)), quietRules: map[int]string{},
	}
	b.states.flush()
	bd.category = make([]int, b.reasons.len())
	for i := range bd.category {
		bd.category[i] = -2
	}
	for r := range b.reps {
		bd.rep(int32(r))
	}
	bd.lossReasons()
	need := bd.dealPairs()
	bd.prospects(need)
	bd.activityLosses()
	if final {
		b.states = stateStore{}
	}
	bd.dealsPass(need)
	if final {
		b.dealTouch, b.deals = nil, nil
	}
	bd.activityFolds()
	if final {
		b.actWins, b.actNears = nil, nil
	}

	rep := &Report{
		Period:   PeriodJSON{Label: p.Label(), Start: p.Start().String(), End: p.End().String()},
		Currency: b.cfg.Currency,
		Inputs:   []repcard.Input{},
		Managers: []Manager{},
		Reps:     []Rep{},
	}
	order := make([]int32, len(b.reps))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.reps[x].name, b.reps[y].name) })

	team := calc{reasons: map[int32]int64{}}
	mgrs := map[string]*Manager{}
	mgrCalc := map[string]*calc{}
	var mgrNames []string
	office := map[string]string{} // the office all a manager's reps share
	mixed := map[string]bool{}
	for _, r := range order {
		rs, c := &b.reps[r], &bd.calcs[r]
		rep.Reps = append(rep.Reps, bd.repEntry(r)) // before the sums: it counts the lists
		team.addGroup(c)
		if rs.onRoster && rs.manager != "" {
			m := mgrs[rs.manager]
			if m == nil {
				m = &Manager{Manager: rs.manager, Reps: []string{}}
				mgrs[rs.manager] = m
				mgrCalc[rs.manager] = &calc{reasons: map[int32]int64{}}
				office[rs.manager] = rs.office
				mgrNames = append(mgrNames, rs.manager)
			}
			m.Reps = append(m.Reps, rs.name)
			mgrCalc[rs.manager].addGroup(c)
			if office[rs.manager] != rs.office {
				mixed[rs.manager] = true
			}
		}
	}
	slices.Sort(mgrNames)
	for _, name := range mgrNames {
		m := mgrs[name]
		if !mixed[name] {
			m.Office = office[name]
		}
		m.Metrics = bd.metrics(mgrCalc[name], "the team's")
		rep.Managers = append(rep.Managers, *m)
	}
	rep.Team = bd.metrics(&team, "the team's")
	return rep
}

// refFromDeals says whether a rep's referral asks come from deals rows: when
// the rep has deals rows that record whether a referral was asked, or has
// nothing else.
func refFromDeals(rs *repState) bool {
	return rs.hasDeals && (rs.dealsReferral || !rs.hasAct && !rs.hasTally)
}

// monthTot returns rep r's sums for month m, each from its source (§2).
func (b *Builder) monthTot(r int32, m repcard.Month) tot {
	i, ok := b.accIdx[uint64(uint32(r))<<32|uint64(uint32(m))]
	if !ok {
		return tot{}
	}
	rs, a := &b.reps[r], &b.accs[i]
	t := tot{planned: a.aPlanned, hasData: a.aRows+a.tRows+a.dWon+a.dLost > 0}
	if rs.hasAct || rs.hasTally {
		t.contacts = a.aContacts + a.tContacts
		t.touches = a.aTouches + a.tContacts
	} else {
		t.contacts = a.dWon + a.dLost
		t.touches = t.contacts
	}
	if rs.hasDeals {
		t.closings, t.revenue, t.commission = a.dWon, a.dRevenue, a.dCommission
		t.nos, t.reasoned, t.near = a.dLost, a.dReasoned, a.dNear
	} else {
		t.closings, t.revenue, t.commission = a.aWon+a.tClosings, a.aRevenue+a.tRevenue, a.aCommission+a.tCommission
		t.nos, t.reasoned, t.near, t.tallyNos = a.aLost+a.tRejections, a.aReasoned, a.aNear, a.tRejections
	}
	if refFromDeals(rs) {
		t.referral = a.dReferral
	} else {
		t.referral = a.aReferral + a.tReferral
	}
	return t
}

// rep fills the month sums and goals of rep r.
func (bd *build) rep(r int32) {
	rs, c := &bd.b.reps[r], &bd.calcs[r]
	c.reasons = map[int32]int64{}
	for i := range c.months {
		c.months[i] = bd.b.monthTot(r, bd.last-11+repcard.Month(i))
	}
	n := int64(bd.p.Months())
	switch {
	case rs.monthlyGoal > 0:
		c.periodGoal = rs.monthlyGoal * n
	default:
		c.periodGoal = divRound(rs.annualGoal*n, 12)
	}
	c.yearGoal = rs.annualGoal
	if c.yearGoal == 0 {
		c.yearGoal = rs.monthlyGoal * 12
	}
}

// periodTot sums the months of the period; ytdTot the months of the year to
// date. Both lie inside the trailing 12.
func (bd *build) periodTot(c *calc) tot {
	var t tot
	for i := range c.months {
		if bd.last-11+repcard.Month(i) >= bd.first {
			t.add(&c.months[i])
		}
	}
	return t
}

func (bd *build) ytdTot(c *calc) tot {
	var t tot
	for i := range c.months {
		if (bd.last - 11 + repcard.Month(i)).Year() == bd.last.Year() {
			t.add(&c.months[i])
		}
	}
	return t
}

// lossReasons counts the period's explicit nos by reason, from each rep's
// source; tallied rejections have no reason.
func (bd *build) lossReasons() {
	for k, n := range bd.b.reasonN {
		if k.m < bd.first || k.m > bd.last || k.deals != bd.b.reps[k.rep].hasDeals {
			continue
		}
		bd.calcs[k.rep].reasons[k.reason] += n
	}
	for r := range bd.calcs {
		c := &bd.calcs[r]
		if t := bd.periodTot(c); t.tallyNos > 0 {
			c.reasons[0] += t.tallyNos
		}
	}
}

// pairInfo is what the prospect pass tells the deals pass about one rep's
// prospect, as of the period end.
type pairInfo struct {
	touch, no, nfu repcard.Date
	open           bool // the rep has an open deal with the prospect
}

// dealPairs returns the (rep, prospect) pairs the deals pass needs to know
// about: those of open deals and of deals lost in the period.
func (bd *build) dealPairs() map[uint64]*pairInfo {
	need := map[uint64]*pairInfo{}
	for i := range bd.b.deals {
		d := &bd.b.deals[i]
		open := d.status == repcard.OutcomeOpen && (d.created == 0 || d.created <= bd.end)
		lost := d.status == repcard.OutcomeLost && bd.p.Contains(d.date)
		if d.prospect == 0 || !open && !lost {
			continue
		}
		k, ok := pack(d.rep, d.prospect, 0)
		if !ok {
			continue
		}
		info := need[k>>monthBits]
		if info == nil {
			info = &pairInfo{}
			need[k>>monthBits] = info
		}
		info.open = info.open || open
	}
	return need
}

// asOf is one rep's dealings with one prospect up to the period end.
type asOf struct {
	touch, no, maybe, won, nfu repcard.Date
	reason                     int32
	nosInPeriod                int64
}

// prospects walks every rep's prospects as of the period end: follow-ups
// due, stale maybes, and the follow-up share of activity nos.
func (bd *build) prospects(need map[uint64]*pairInfo) {
	b := bd.b
	eachPair(b.states.upTo(bd.last), func(pair uint64, ms []repcard.Month, sts []pstate) {
		var s asOf
		for i, m := range ms {
			ps := &sts[i]
			fd := firstDay(m)
			at := func(day uint8) repcard.Date { return fd + repcard.Date(day) - 1 }
			if ps.touch > 0 {
				s.touch = at(ps.touch)
			}
			if ps.no > 0 {
				s.no, s.reason = at(ps.no), ps.reason
			}
			if ps.maybe > 0 {
				s.maybe = at(ps.maybe)
			}
			if ps.won > 0 {
				s.won = at(ps.won)
			}
			s.nfu = max(s.nfu, ps.nfu)
			if m >= bd.first {
				s.nosInPeriod += int64(ps.nos)
			}
		}
		r, p, _ := unpack(pair << monthBits)
		bd.judge(r, p, &s, need[pair])
	})
}

// The answers a prospect can have given, in order of precedence on the same
// day.
const (
	ansNone = iota
	ansMaybe
	ansNo
	ansWon
)

func (bd *build) judge(r, p int32, s *asOf, info *pairInfo) {
	b, rs, c := bd.b, &bd.b.reps[r], &bd.calcs[r]
	last := max(s.touch, s.no, s.maybe, s.won) // an answer is a touch too
	ans, ad := ansNone, repcard.Date(0)
	if s.maybe > 0 {
		ans, ad = ansMaybe, s.maybe
	}
	if s.no > 0 && s.no >= ad {
		ans, ad = ansNo, s.no
	}
	if s.won > 0 && s.won >= ad {
		ans = ansWon
	}
	if info != nil {
		info.touch, info.no, info.nfu = last, s.no, s.nfu
	}
	if !rs.hasDeals && s.no > 0 && s.nfu > s.no {
		c.withFU += s.nosInPeriod
	}
	quiet := int(bd.end - last)
	switch ans {
	case ansNo:
		planned := s.nfu > s.no // a follow-up date set after the no
		byDate := planned && s.nfu < bd.end+7 && last < s.nfu
		future := planned && s.nfu >= bd.end+7
		byQuiet := b.cfg.FollowUpAfterDays > 0 && quiet >= b.cfg.FollowUpAfterDays && !future
		if !byDate && !byQuiet {
			return
		}
		f := due{prospect: p, reason: s.reason, no: s.no, last: last, quiet: int32(quiet), byDate: byDate}
		if planned {
			f.nfu = s.nfu
		}
		c.dues = append(c.dues, f)
	case ansMaybe:
		if b.cfg.StaleAfterDays <= 0 || quiet < b.cfg.StaleAfterDays || info != nil && info.open {
			return
		}
		c.stale = append(c.stale, staleRef{prospect: p, since: last, age: int32(quiet)})
	}
}

// dealsPass goes through the deals rows: pipeline, stale open deals, wins
// and near misses of reps whose closings come from deals, and the
// follow-up share of lost deals.
func (bd *build) dealsPass(need map[uint64]*pairInfo) {
	b := bd.b
	// The latest activity on each deal id, up to the period end.
	touched := map[uint64]repcard.Date{}
	for k, day := range b.dealTouch {
		if m := repcard.Month(k & monthMask); m <= bd.last {
			if d := dayOf(m, day); d > touched[k>>monthBits] {
				touched[k>>monthBits] = d
			}
		}
	}
	info := func(d *deal) *pairInfo {
		k, ok := pack(d.rep, d.prospect, 0)
		if !ok || d.prospect == 0 {
			return nil
		}
		return need[k>>monthBits]
	}
	for i := range b.deals {
		d := &b.deals[i]
		rs, c := &b.reps[d.rep], &bd.calcs[d.rep]
		switch d.status {
		case repcard.OutcomeOpen:
			if d.created != 0 && d.created > bd.end {
				continue
			}
			c.pipeDeals++
			if d.hasAmount {
				c.pipe += d.amount
				c.pipeMax = max(c.pipeMax, d.amount)
			}
			since := d.created
			if in := info(d); in != nil {
				since = max(since, in.touch)
			}
			if k, ok := pack(d.rep, d.id, 0); ok && d.id != 0 {
				since = max(since, touched[k>>monthBits])
			}
			age := int(bd.end - since)
			if since == 0 || b.cfg.StaleAfterDays <= 0 || age < b.cfg.StaleAfterDays {
				continue
			}
			c.stale = append(c.stale, staleRef{
				prospect: d.prospect, since: since, age: int32(age), id: d.id,
				amount: d.amount, hasAmount: d.hasAmount, stage: d.stage, deal: true,
			})
		case repcard.OutcomeWon:
			if bd.p.Contains(d.date) {
				c.wins = append(c.wins, Win{
					Rep: rs.name, Prospect: bd.prospect[d.prospect], Date: Day(d.date),
					Amount: NullMoney{d.amount, d.hasAmount}, Commission: d.commission, Count: 1,
				})
			}
		case repcard.OutcomeLost:
			if !bd.p.Contains(d.date) {
				continue
			}
			if in := info(d); in != nil && in.nfu > in.no {
				c.withFU++
			}
			c.losses = append(c.losses, bd.loss(d.prospect, d.date, NullMoney{d.amount, d.hasAmount}, d.reason, bd.stage[d.stage], 1))
			if d.near != 0 {
				c.nears = append(c.nears, NearMiss{
					Prospect: bd.prospect[d.prospect], Date: Day(d.date), Amount: NullMoney{d.amount, d.hasAmount},
					Stage: bd.stage[d.stage], Probability: Ratio{d.prob, d.hasProb}, Reason: bd.reason[d.reason],
					By: nearBy(d.near), Count: 1,
				})
			}
		}
	}
}

func nearBy(by uint8) string {
	switch by {
	case 1:
		return "stage"
	case 2:
		return "probability"
	}
	return "stage+probability"
}

// activityFolds lists the wins and near misses of reps whose closings come
// from activities.
func (bd *build) activityFolds() {
	b := bd.b
	for k, w := range b.actWins {
		r, p, m := unpack(k)
		if m < bd.first || m > bd.last || b.reps[r].hasDeals {
			continue
		}
		c := &bd.calcs[r]
		c.wins = append(c.wins, Win{
			Rep: b.reps[r].name, Prospect: bd.prospect[p], Date: Day(w.date),
			Amount: NullMoney{w.amount, w.hasAmount}, Commission: w.commission, Count: int(w.n),
		})
	}
	for k, n := range b.actNears {
		r, p, m := unpack(k)
		if m < bd.first || m > bd.last || b.reps[r].hasDeals {
			continue
		}
		c := &bd.calcs[r]
		c.nears = append(c.nears, NearMiss{
			Prospect: bd.prospect[p], Date: Day(n.date), Amount: NullMoney{n.amount, n.hasAmount},
			Stage: bd.stage[n.stage], Probability: Ratio{n.prob, n.hasProb}, Reason: bd.reason[n.reason],
			By: nearBy(n.by), Count: int(n.n),
		})
	}
}

// activityLosses lists the explicit nos of reps whose closings come from
// activities: per prospect and month, the latest no and how many there were.
func (bd *build) activityLosses() {
	b := bd.b
	for _, ms := range b.states.between(bd.first, bd.last) {
		for _, e := range ms.run {
			r, p, _ := unpack(e.pair() << monthBits)
			st := e.state()
			if b.reps[r].hasDeals || st.nos == 0 || st.no == 0 {
				continue
			}
			c := &bd.calcs[r]
			c.losses = append(c.losses, bd.loss(p, dayOf(ms.m, st.no), NullMoney{}, st.reason, "", int(st.nos)))
		}
	}
}

// loss builds one Loss with its reason's category.
func (bd *build) loss(prospect int32, date repcard.Date, amount NullMoney, reason int32, stage string, n int) Loss {
	l := Loss{Prospect: bd.prospect[prospect], Date: Day(date), Amount: amount, Reason: bd.reason[reason], Stage: stage, Count: n}
	switch ci := bd.categoryOf(reason); {
	case reason == 0:
		l.Category = "unknown"
	case ci < 0:
		l.Category = "other"
	default:
		l.Category, l.Controllable = bd.b.categories[ci].name, bd.b.categories[ci].controllable
	}
	return l
}

// repEntry assembles one rep's entry.
func (bd *build) repEntry(r int32) Rep {
	rs, c := &bd.b.reps[r], &bd.calcs[r]
	follows, stale := bd.followUps(c.dues), bd.staleList(c.stale)
	c.dues, c.stale = nil, nil
	slices.SortFunc(follows, func(x, y FollowUp) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), strings.Compare(x.Prospect, y.Prospect))
	})
	slices.SortFunc(stale, func(x, y Stale) int {
		return cmp.Or(cmp.Compare(y.AgeDays, x.AgeDays), strings.Compare(x.Prospect, y.Prospect),
			strings.Compare(x.Kind, y.Kind), cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK),
			strings.Compare(x.Stage, y.Stage), strings.Compare(x.Deal, y.Deal))
	})
	slices.SortFunc(c.nears, func(x, y NearMiss) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK),
			strings.Compare(x.Prospect, y.Prospect), strings.Compare(x.Stage, y.Stage), strings.Compare(x.Reason, y.Reason),
			cmp.Compare(x.Probability.V, y.Probability.V), cmpBool(x.Probability.OK, y.Probability.OK), cmp.Compare(x.Count, y.Count))
	})
	slices.SortFunc(c.losses, func(x, y Loss) int {
		return cmp.Or(cmp.Compare(x.Date, y.Date), strings.Compare(x.Prospect, y.Prospect), cmp.Compare(y.Amount.V, x.Amount.V),
			cmpBool(x.Amount.OK, y.Amount.OK), strings.Compare(x.Reason, y.Reason), strings.Compare(x.Stage, y.Stage), cmp.Compare(x.Count, y.Count))
	})
	c.followN, c.staleN = int64(len(follows)), int64(len(stale))
	e := Rep{
		Rep: rs.name, Manager: rs.manager, Office: rs.office, OnRoster: rs.onRoster,
		Sources:      sources(rs),
		FollowUpsDue: follows,
		StaleMaybes:  stale,
		NearMisses:   exact(c.nears),
		Losses:       exact(c.losses),
	}
	e.Metrics = bd.metrics(c, "your")
	e.Records = bd.records(r, c)
	return e
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return -1
	}
	return 1
}

// exact returns s, never nil, with no spare capacity: a report with
// hundreds of thousands of follow-ups holds no more than its entries.
func exact[T any](s []T) []T {
	switch {
	case s == nil:
		return []T{}
	case cap(s) > len(s):
		return slices.Clone(s)
	}
	return s
}

func sources(rs *repState) Sources {
	act := rs.hasAct || rs.hasTally
	s := Sources{Contacts: SourceNone, Closings: SourceNone, ReferralAsks: SourceNone}
	switch {
	case act:
		s.Contacts = SourceActivities
	case rs.hasDeals:
		s.Contacts = SourceDecided
	}
	switch {
	case rs.hasDeals:
		s.Closings = SourceDeals
	case act:
		s.Closings = SourceActivities
	}
	switch {
	case refFromDeals(rs):
		s.ReferralAsks = SourceDeals
	case act:
		s.ReferralAsks = SourceActivities
	}
	return s
}

// records finds rep r's best month and streak of months with a closing,
// which may reach back beyond the trailing 12.
func (bd *build) records(r int32, c *calc) Records {
	var rec Records
	rec.MonthCommission = c.months[11].commission
	for i := range 11 {
		rec.PreviousBest = max(rec.PreviousBest, c.months[i].commission)
	}
	rec.BestMonth = rec.MonthCommission > 0 && rec.MonthCommission >= rec.PreviousBest
	for i := 11; i >= 0 && c.months[i].closings > 0; i-- {
		rec.StreakMonths++
	}
	if rec.StreakMonths == 12 {
		for m := bd.last - 12; m >= bd.b.minMonth; m-- {
			if t := bd.b.monthTot(r, m); t.closings == 0 {
				break
			}
			rec.StreakMonths++
		}
	}
	return rec
}

// metrics assembles the Metrics of one rep or group; who is "your" or "the
// team's", for alert messages.
func (bd *build) metrics(c *calc, who string) Metrics {
	pt, yt := bd.periodTot(c), bd.ytdTot(c)
	m := Metrics{
		Counts:            pt.counts(),
		NoReasonShare:     ratio(pt.reasoned, pt.nos),
		NoFollowUpShare:   ratio(c.withFU, pt.nos),
		NearMissesCount:   int(pt.near),
		FollowUpsDueCount: int(c.followN),
		StaleMaybesCount:  int(c.staleN),
		PipelineOpen:      c.pipe,
		PipelineDeals:     int(c.pipeDeals),
		PipelineTopShare:  ratio(int64(c.pipeMax), int64(c.pipe)),
		Monthly:           make([]Month, 0, 12),
		YTD: YTD{
			Start:  repcard.MonthOf(bd.last.Year(), 1).First().String(),
			End:    bd.end.String(),
			Counts: yt.counts(),
		},
	}
	if c.pipe <= 0 {
		m.PipelineTopShare = Ratio{}
	}
	m.LossReasons, m.ControllableNos, m.UncontrollableNos = bd.lossList(c.reasons)
	m.Goal = bd.goal(c, &pt, &yt)
	m.Trend, m.TrendArrow, m.Alerts = bd.trend(c, who)
	wins := slices.Clone(c.wins)
	slices.SortFunc(wins, func(x, y Win) int {
		return cmp.Or(cmp.Compare(y.Amount.V, x.Amount.V), cmpBool(x.Amount.OK, y.Amount.OK), cmp.Compare(x.Date, y.Date),
			strings.Compare(x.Rep, y.Rep), strings.Compare(x.Prospect, y.Prospect), cmp.Compare(y.Commission, x.Commission),
			cmp.Compare(x.Count, y.Count))
	})
	m.Wins = exact(wins)
	for i := range c.months {
		m.Monthly = append(m.Monthly, Month{
			Month: (bd.last - 11 + repcard.Month(i)).String(), HasData: c.months[i].hasData, Counts: c.months[i].counts(),
		})
	}
	return m
}

// lossList turns counts by reason id into the sorted list of reasons with
// their categories, and the controllable and uncontrollable totals.
func (bd *build) lossList(reasons map[int32]int64) (list []LossReason, ctrl, unctrl int) {
	list = []LossReason{}
	for id, n := range reasons {
		if n == 0 {
			continue
		}
		lr := LossReason{Reason: bd.reason[id], Count: int(n)}
		switch ci := bd.categoryOf(id); {
		case id == 0:
			lr.Reason, lr.Category = "(no reason given)", "unknown"
		case ci < 0:
			lr.Category = "other"
			unctrl += int(n)
		default:
			cat := &bd.b.categories[ci]
			lr.Category, lr.Controllable = cat.name, cat.controllable
			if cat.controllable {
				ctrl += int(n)
			} else {
				unctrl += int(n)
			}
		}
		list = append(list, lr)
	}
	slices.SortFunc(list, func(x, y LossReason) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Reason, y.Reason))
	})
	return list, ctrl, unctrl
}

// categoryOf returns the index of the first category, in name order, one of
// whose matches is in the reason (folded); -1 when none.
func (bd *build) categoryOf(id int32) int {
	if bd.category[id] != -2 {
		return bd.category[id]
	}
	bd.category[id] = -1
	k := bd.b.reasons.key[id]
	for ci, cat := range bd.b.categories {
		for _, s := range cat.match {
			if id != 0 && strings.Contains(k, s) {
				bd.category[id] = ci
				return ci
			}
		}
	}
	return -1
}

// goal works out goal progress from the period and year-to-date sums.
func (bd *build) goal(c *calc, pt, yt *tot) Goal {
	money := !bd.b.closingsGoal
	g := Goal{Basis: "commission", MonthsLeft: 12 - int(bd.last.Mon())}
	if !money {
		g.Basis = "closings"
	}
	actual := func(t *tot) int64 {
		if money {
			return int64(t.commission)
		}
		return t.closings * 100
	}
	num := func(v int64) GoalNum { return GoalNum{V: v, Money: money, OK: true} }
	pa, ya := actual(pt), actual(yt)
	pro := divRound(c.yearGoal*int64(bd.last.Mon()), 12)
	g.PeriodGoal, g.PeriodActual, g.Attainment = num(c.periodGoal), num(pa), ratio(pa, c.periodGoal)
	g.YearGoal, g.YTDActual, g.YTDGoalProrated, g.YTDAttainment = num(c.yearGoal), num(ya), num(pro), ratio(ya, pro)
	g.AheadBy, g.PaceNeededPerMonth = GoalNum{Money: money}, GoalNum{Money: money}
	if c.yearGoal > 0 {
		g.AheadBy = num(ya - pro)
		if g.MonthsLeft > 0 {
			g.PaceNeededPerMonth = num(divRound(max(c.yearGoal-ya, 0), int64(g.MonthsLeft)))
		}
	}
	return g
}

// change compares value vn/vd with baseline bn/bd. It returns both as
// Ratios and the change in per cent, exactly (as a big.Rat, nil when
// undefined) and as a float.
func change(vn, vd, bn, bdn int64) (v, base, pct Ratio, exact *big.Rat) {
	v, base = ratio(vn, vd), ratio(bn, bdn)
	if vd == 0 || bdn == 0 || bn == 0 {
		return v, base, Ratio{}, nil
	}
	// (vn/vd − bn/bd) / (bn/bd) × 100 = (vn·bd − bn·vd) × 100 / (vd·bn)
	num := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(vn), big.NewInt(bdn)), new(big.Int).Mul(big.NewInt(bn), big.NewInt(vd)))
	num.Mul(num, big.NewInt(100))
	den := new(big.Int).Mul(big.NewInt(vd), big.NewInt(bn))
	exact = new(big.Rat).SetFrac(num, den)
	f, _ := exact.Float64()
	return v, base, Ratio{f, true}, exact
}

// atLeast reports whether x ≥ threshold; down reports whether x ≤ −threshold.
func atLeast(x *big.Rat, threshold float64) bool {
	return x != nil && x.Cmp(new(big.Rat).SetFloat64(threshold)) >= 0
}

func atMost(x *big.Rat, threshold float64) bool {
	return x != nil && x.Cmp(new(big.Rat).SetFloat64(-threshold)) <= 0
}

// trendArrowPct is the change of value per contact, in per cent, beyond which
// the manager table shows an arrow up or down rather than flat.
const trendArrowPct = 5

// worded sets the alert's message, about who ("your", "the team's"), and
// the one a rep's manager reads ("their").
func (a Alert) worded(who string, message func(who string) string) Alert {
	a.Message, a.Theirs = message(who), message("their")
	return a
}

// trend compares the period's last month with the pooled previous 3 months,
// and raises the alerts whose thresholds the changes cross.
func (bd *build) trend(c *calc, who string) (Trend, string, []Alert) {
	cur := &c.months[11]
	var base tot
	for i := 8; i < 11; i++ {
		base.add(&c.months[i])
	}
	t := Trend{Month: bd.last.String(), Baseline: (bd.last - 3).String() + ".." + (bd.last - 1).String()}
	alerts := []Alert{}
	a := bd.b.cfg.Alerts
	sym := format.Symbol(bd.b.cfg.Currency)

	// Contacts per close: worse is up.
	var cpcPct *big.Rat
	tv := &t.ContactsPerClose
	tv.Value, tv.Baseline, tv.ChangePct, cpcPct = change(cur.contacts, cur.closings, base.contacts, base.closings)
	if x := a.RatioWorsePct; x > 0 && tv.Baseline.OK {
		switch {
		case atLeast(cpcPct, x):
			alerts = append(alerts, Alert{
				Metric: "contacts_per_close", Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
			}.worded(who, func(who string) string {
				return fmt.Sprintf("Contacts per sale %.1f, worse than %s 3-month %.1f (%+.0f %%)",
					tv.Value.V, who, tv.Baseline.V, tv.ChangePct.V)
			}))
		case cur.closings == 0 && cur.contacts > 0:
			// No sale at all: an alert when even one sale would have left
			// the ratio worse by the threshold: contacts ≥ baseline × (1 + x/100).
			lhs := new(big.Rat).SetInt64(cur.contacts * base.closings * 100)
			rhs := new(big.Rat).Mul(new(big.Rat).SetInt64(base.contacts), new(big.Rat).SetFloat64(100+x))
			if lhs.Cmp(rhs) >= 0 {
				alerts = append(alerts, Alert{
					Metric: "contacts_per_close", Value: tv.Value, Baseline: tv.Baseline,
				}.worded(who, func(who string) string {
					return fmt.Sprintf("No sale in %s after %d contacts; %s 3-month rate is %.1f contacts per sale",
						repcard.MonthPeriod(bd.last).Title(), cur.contacts, who, tv.Baseline.V)
				}))
			}
		}
	}

	// Contacts: the mean of the 3 months is the baseline; worse is down.
	var cPct *big.Rat
	tv = &t.Contacts
	tv.Value, tv.Baseline, tv.ChangePct, cPct = change(cur.contacts, 1, base.contacts, 3)
	if !base.hasData {
		tv.Baseline = Ratio{}
	}
	if x := a.ContactsDownPct; x > 0 && atMost(cPct, x) {
		alerts = append(alerts, Alert{
			Metric: "contacts", Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("Contacts %d, down from %s 3-month average %.1f (%+.0f %%)",
				cur.contacts, who, tv.Baseline.V, tv.ChangePct.V)
		}))
	}

	// Value per contact, in currency units: worse is down.
	var vPct *big.Rat
	tv = &t.ValuePerContact
	tv.Value, tv.Baseline, tv.ChangePct, vPct = change(int64(cur.commission), cur.contacts*100, int64(base.commission), base.contacts*100)
	if x := a.ValueDownPct; x > 0 && atMost(vPct, x) {
		alerts = append(alerts, Alert{
			Metric: "value_per_contact", Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("Each contact was worth %s%s, down from %s 3-month %s%s (%+.0f %%)",
				sym, perUnit(cur.commission, cur.contacts).V, who, sym, perUnit(base.commission, base.contacts).V, tv.ChangePct.V)
		}))
	}

	arrow := ""
	if vPct != nil {
		switch {
		case atLeast(vPct, trendArrowPct):
			arrow = "up"
		case atMost(vPct, trendArrowPct):
			arrow = "down"
		default:
			arrow = "flat"
		}
	}
	return t, arrow, alerts
}
