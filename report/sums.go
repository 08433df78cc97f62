package report

import (
	"github.com/repcard/repcard"
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

// refFromDeals says whether a rep's referral asks come from deals rows: when
// the rep has deals rows that record whether a referral was asked, or has
// nothing else.
func refFromDeals(rs *repState) bool {
	return rs.hasDeals && (rs.dealsReferral || !rs.hasAct && !rs.hasTally)
}

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
