package report

import (
	"github.com/repcard/repcard"
)

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

// followUpAheadDays is how far past the period end a planned follow-up date
// still makes the follow-up due now.
const followUpAheadDays = 7

// judge decides, from rep r's dealings s with prospect p as of the period
// end, whether p is a follow-up due or a stale maybe, and fills info (when
// the deals pass needs it) with what the deals pass needs.
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
		byDate := planned && s.nfu < bd.end+followUpAheadDays && last < s.nfu
		future := planned && s.nfu >= bd.end+followUpAheadDays
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
