package report

import (
	"github.com/repcard/repcard"
)

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
					By: d.near.String(), Count: 1,
				})
			}
		}
	}
}
