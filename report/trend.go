package report

import (
	"fmt"
	"math/big"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
)

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

// trend compares the period's last month with the pooled previous 3 months,
// and raises the alerts whose thresholds the changes cross.
func (bd *build) trend(c *calc, who string) (Trend, string, []Alert) {
	cur := &c.months[lastMonthIdx]
	var base tot
	for i := baselineIdx; i < lastMonthIdx; i++ {
		base.add(&c.months[i])
	}
	t := Trend{Month: bd.last.String(), Baseline: (bd.last - baselineMonths).String() + ".." + (bd.last - 1).String()}
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
	tv.Value, tv.Baseline, tv.ChangePct, cPct = change(cur.contacts, 1, base.contacts, baselineMonths)
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
