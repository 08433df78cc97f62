package report

import (
	"slices"
	"strconv"
)

// repEntry assembles one rep's entry.
func (bd *build) repEntry(r int32) Rep {
	rs, c := &bd.b.reps[r], &bd.calcs[r]
	follows, stale := bd.followUps(c.dues), bd.staleList(c.stale)
	c.dues, c.stale = nil, nil
	slices.SortFunc(follows, compareFollowUps)
	slices.SortFunc(stale, compareStale)
	stale = dedupeStale(stale)
	slices.SortFunc(c.nears, compareNearMisses)
	slices.SortFunc(c.losses, compareLosses)
	c.followN, c.staleN = int64(len(follows)), int64(len(stale))
	e := Rep{
		Rep: rs.name, Manager: rs.manager, Office: rs.office, OnRoster: rs.onRoster, Email: rs.email,
		Sources:        sources(rs),
		CommissionRate: rs.rate, CommissionPerSale: rs.perSale,
		FollowUpsDue: follows,
		StaleMaybes:  stale,
		NearMisses:   exact(c.nears),
		Losses:       exact(c.losses),
	}
	e.Metrics = bd.metrics(c, "your")
	e.Records = bd.records(r, c)
	return e
}

// sources names where each of rep rs's numbers come from.
func sources(rs *repState) Sources {
	act := rs.hasAct || rs.hasTally
	s := Sources{Contacts: SourceNone, Closings: SourceNone, ReferralAsks: refSource(rs)}
	switch {
	case rs.logsContacts():
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
	return s
}

// records finds rep r's best month and streak of months with a closing,
// which may reach back beyond the trailing 12.
func (bd *build) records(r int32, c *calc) Records {
	var rec Records
	rec.MonthCommission = c.months[lastMonthIdx].commission
	for i := range lastMonthIdx {
		rec.PreviousBest = max(rec.PreviousBest, c.months[i].commission)
	}
	rec.BestMonth = rec.MonthCommission > 0 && rec.MonthCommission >= rec.PreviousBest
	for i := lastMonthIdx; i >= 0 && c.months[i].closings > 0; i-- {
		rec.StreakMonths++
	}
	if rec.StreakMonths == trailingMonths {
		for m := bd.last - trailingMonths; m >= bd.b.minMonth; m-- {
			if t := bd.b.monthTot(r, m); t.closings == 0 {
				break
			}
			rec.StreakMonths++
		}
	}
	return rec
}

// dedupeStale keeps one entry per open deal of ss (sorted oldest first),
// the one with the latest sign of life: a deal that two exports, or two
// rows of one, both hold is one deal to chase. A deal is known by its id,
// else by its prospect and amount; one with neither is kept as it is.
func dedupeStale(ss []Stale) []Stale {
	best := map[string]int{}
	for i := range ss {
		s := &ss[i]
		k := staleKey(s)
		if k == "" {
			continue
		}
		if j, ok := best[k]; !ok || s.Since > ss[j].Since {
			best[k] = i
		}
	}
	out := ss[:0]
	for i := range ss {
		if k := staleKey(&ss[i]); k == "" || best[k] == i {
			out = append(out, ss[i])
		}
	}
	return out
}

// staleKey names the open deal s is, for dedupeStale; "" for a maybe or a
// deal with neither id nor prospect.
func staleKey(s *Stale) string {
	switch {
	case s.Kind != StaleOpenDeal:
		return ""
	case s.Deal != "":
		return "id\x00" + s.Deal
	case s.Prospect != "":
		k := "p\x00" + foldKey(s.Prospect) + "\x00"
		if s.Amount.OK {
			k += strconv.FormatInt(int64(s.Amount.V), 10)
		}
		return k
	}
	return ""
}
