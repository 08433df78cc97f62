package report

import (
	"github.com/repcard/repcard"
)

// tot is the raw sums behind Counts, for one rep or group and one stretch
// of time. Ratios are computed from it at the end, never summed.
type tot struct {
	contacts, planned, closings, nos, reasoned, referral, touches, near int64
	refNos                                                              int64 // explicit nos of reps whose referral asks are tracked
	refTracked                                                          bool  // some rep's referral asks are tracked (see refSource)
	// pClosings and pCommission are the closings and commission of reps
	// whose contacts are counted: the ratios to contacts pair them, so a
	// rep whose contacts are not tracked adds no sale "per contact" to a
	// group's.
	pClosings           int64
	pCommission         repcard.Money
	tallyNos            int64 // explicit nos from tallies: no reason known
	revenue, commission repcard.Money
	hasData             bool
}

func (t *tot) add(u *tot) {
	t.contacts += u.contacts
	t.planned += u.planned
	t.closings += u.closings
	t.nos += u.nos
	t.reasoned += u.reasoned
	t.referral += u.referral
	t.refNos += u.refNos
	t.refTracked = t.refTracked || u.refTracked
	t.pClosings += u.pClosings
	t.pCommission += u.pCommission
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
		CloseRate:        ratio(t.pClosings, t.contacts),
		ContactsPerClose: perSale(t.contacts, t.pClosings),
		Revenue:          t.revenue,
		Commission:       t.commission,
		ValuePerContact:  perUnit(t.pCommission, t.contacts),
		ExplicitNos:      int(t.nos),
		ReferralAsks:     NullInt{int(t.referral), t.refTracked},
		ReferralAskRate:  ratio(t.referral, t.refNos),
		Touches:          int(t.touches),
		TouchesPerSale:   perSale(t.touches, t.pClosings),
		ValuePerTouch:    perUnit(t.pCommission, t.touches),
	}
}

// perSale is n per closing, undefined without closings, and undefined
// without n: sales with no contact counted (a tracker of sales alone) are
// no "1 sale every 0 contacts".
func perSale(n, closings int64) Ratio {
	if n == 0 {
		return Ratio{}
	}
	return ratio(n, closings)
}

// The trailing window: the months a report shows month by month, ending
// with the period's last month.
const (
	// trailingMonths is how many months the window holds.
	trailingMonths = 12
	// lastMonthIdx is the index of the period's last month in the window,
	// oldest first: the window starts lastMonthIdx months before it.
	lastMonthIdx = trailingMonths - 1
	// baselineMonths is how many months before the last one the trend
	// pools as its baseline.
	baselineMonths = 3
	// baselineIdx is the index of the first baseline month in the window.
	baselineIdx = lastMonthIdx - baselineMonths
)

// monthsPerYear is how many months a calendar year has, for goals.
const monthsPerYear = 12

// trailingMonth returns the month at index i of the trailing window.
func (bd *build) trailingMonth(i int) repcard.Month {
	return bd.last - lastMonthIdx + repcard.Month(i)
}

// calc is everything Build works out for one rep, and by summing, for a
// manager's team and the team.
type calc struct {
	months     [trailingMonths]tot // the trailing 12 months, oldest first
	reasons    map[int32]int64     // explicit nos of the period by reason id
	withFU     int64               // explicit nos of the period whose prospect has a follow-up date after its last no
	followN    int64
	staleN     int64
	pipe       repcard.Money
	pipeMax    repcard.Money
	pipeDeals  int64
	periodGoal int64 // hundredths of the basis' unit
	yearGoal   int64
	wins       []Win
	// decided and logged count the reps whose contacts are their decided
	// deals (no activity log), and those whose contacts are logged.
	decided, logged int64

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
	c.decided += o.decided
	c.logged += o.logged
}

// nouns is what alerts call the contacts of c: decided deals when every
// rep with contacts counts them from decided deals.
func (c *calc) nouns() nouns {
	if c.decided > 0 && c.logged == 0 {
		return decidedNouns
	}
	return contactNouns
}

// refSource says where a rep's referral asks come from: deals rows when
// the rep has deals rows that record whether a referral was asked, else
// activities and tallies when some of them do; SourceNone when no row of
// the rep records it (no such column): referral asks are not tracked.
func refSource(rs *repState) string {
	switch {
	case rs.dealsReferral:
		return SourceDeals
	case rs.actReferral:
		return SourceActivities
	}
	return SourceNone
}

// logsContacts says whether a rep's contacts come from activities and
// tallies: when the rep has activities, or tallies that count contacts. A
// rep whose tallies count only sales or revenue takes contacts from decided
// deals, or has none.
func (rs *repState) logsContacts() bool { return rs.hasAct || rs.tallyContacts }

// monthTot returns rep r's sums for month m, each from its source (see Sources).
func (b *Builder) monthTot(r int32, m repcard.Month) tot {
	i, ok := b.accIdx[uint64(uint32(r))<<32|uint64(uint32(m))]
	if !ok {
		return tot{}
	}
	return b.accTot(r, &b.accs[i])
}

// accTot returns rep r's sums of a, each from its source (see Sources).
func (b *Builder) accTot(r int32, a *acc) tot {
	rs := &b.reps[r]
	t := tot{planned: a.aPlanned, hasData: a.aRows+a.tRows+a.dWon+a.dLost > 0}
	if rs.logsContacts() {
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
	if rs.logsContacts() || rs.hasDeals {
		t.pClosings, t.pCommission = t.closings, t.commission
	}
	switch refSource(rs) {
	case SourceDeals:
		t.referral, t.refNos, t.refTracked = a.dReferral, t.nos, true
	case SourceActivities:
		t.referral, t.refNos, t.refTracked = a.aReferral+a.tReferral, t.nos, true
	}
	return t
}

// rep fills the month sums and goals of rep r.
func (bd *build) rep(r int32) {
	rs, c := &bd.b.reps[r], &bd.calcs[r]
	c.reasons = map[int32]int64{}
	switch {
	case rs.logsContacts():
		c.logged = 1
	case rs.hasDeals:
		c.decided = 1
	}
	for i := range c.months {
		c.months[i] = bd.b.monthTot(r, bd.trailingMonth(i))
	}
	n := int64(bd.p.Months())
	switch {
	case rs.monthlyGoal > 0:
		c.periodGoal = rs.monthlyGoal * n
	default:
		c.periodGoal = divRound(rs.annualGoal*n, monthsPerYear)
	}
	c.yearGoal = rs.annualGoal
	if c.yearGoal == 0 {
		c.yearGoal = rs.monthlyGoal * monthsPerYear
	}
}

// periodTot sums the months of the period; ytdTot the months of the year to
// date. Both lie inside the trailing 12.
func (bd *build) periodTot(c *calc) tot {
	var t tot
	for i := range c.months {
		if bd.trailingMonth(i) >= bd.first {
			t.add(&c.months[i])
		}
	}
	return t
}

func (bd *build) ytdTot(c *calc) tot {
	var t tot
	for i := range c.months {
		if bd.trailingMonth(i).Year() == bd.last.Year() {
			t.add(&c.months[i])
		}
	}
	return t
}
