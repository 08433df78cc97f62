package report

import (
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// build is the state of one Build call.
type build struct {
	b           *Builder
	p           repcard.Period
	first, last repcard.Month
	end         repcard.Date
	dataEnds    repcard.Date // the data's last date when before end (a report to date), else 0
	prospect    []string     // shown names by id
	dealID      []string
	reason      []string
	stage       []string
	category    []int // by reason id: index in b.categories, or categoryNone; filled lazily (categoryUnseen)
	calcs       []calc
	quietRules  map[int]string // "quiet N days" by N, one string for all follow-ups
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
	bd.toDate()
	b.states.flush()
	bd.category = make([]int, b.reasons.len())
	for i := range bd.category {
		bd.category[i] = categoryUnseen
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
		Period:   PeriodJSON{Label: p.Label(), Start: p.Start().String(), End: p.End().String(), DataEnds: bd.dataEnds.String()},
		Currency: b.currency(),
		Inputs:   []repcard.Input{},
		Managers: []Manager{},
		Reps:     []Rep{},
	}
	order := make([]int32, len(b.reps))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.reps[x].name, b.reps[y].name) })

	rep.Commission = b.commissionRule()
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
			m.Email = merge(m.Email, rs.mgrEmail) // a "Manager email" column
			mgrCalc[rs.manager].addGroup(c)
			if office[rs.manager] != rs.office {
				mixed[rs.manager] = true
			}
		}
	}
	rankReps(rep.Reps)
	slices.Sort(mgrNames)
	for _, name := range mgrNames {
		m := mgrs[name]
		if !mixed[name] {
			m.Office = office[name]
		}
		if i, ok := bd.b.repIdx[name]; ok && bd.b.reps[i].email != "" {
			m.Email = bd.b.reps[i].email // the manager's own roster row comes first
		}
		m.Metrics = bd.metrics(mgrCalc[name], "the team's")
		rep.Managers = append(rep.Managers, *m)
	}
	rep.Team = bd.metrics(&team, "the team's")
	rep.aliases = b.aliasIndex()
	return rep
}

// toDate settles a period the data ends inside of (2026 on data that runs
// to 31 October): the months after the data's last date have not ended, so
// they have no data rather than zeros. The months the report reads month by
// month (trailing 12, trend and alerts, goal pace, records) then end with
// the month of the data's last date, as if the period ended there; a period
// the data ends before the start of keeps its first month as its last.
func (bd *build) toDate() {
	end := bd.b.maxDate
	if end == 0 || end >= bd.end {
		return
	}
	m, _ := monthDay(end)
	if m >= bd.last {
		// The data reaches the period's last month: a month whose rows end
		// on the 30th (a weekend, an export taken early) is no month to date.
		return
	}
	bd.dataEnds = end
	bd.last = max(m, bd.first)
}

// commissionRule is the team's commission rule, and how many reps have
// their own.
func (b *Builder) commissionRule() CommissionRule {
	c, def := b.cfg.Commission, config.Default().Commission
	cr := CommissionRule{
		Rate: c.Rate, PerSale: cents(c.PerSale),
		Default: !b.cfg.CommissionSet && c.Rate == def.Rate && c.PerSale == def.PerSale && len(c.Reps) == 0,
	}
	for i := range b.reps {
		if rs := &b.reps[i]; rs.rate != cr.Rate || rs.perSale != cr.PerSale {
			cr.OwnRate++
		}
	}
	return cr
}
