package report

import "math/big"

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

// trendArrowPct is the change of value per contact, in per cent, beyond which
// the manager table shows an arrow up or down rather than flat.
const trendArrowPct = 5

// trendChanges are a trend's changes in per cent, exactly; nil when
// undefined.
type trendChanges struct {
	contactsPerClose, contacts, valuePerContact *big.Rat
}

// trend compares the period's last month with the pooled previous 3 months,
// and raises the alerts whose thresholds the changes cross.
func (bd *build) trend(c *calc, who string) (Trend, string, []Alert) {
	cur := &c.months[lastMonthIdx]
	var base tot
	for i := baselineIdx; i < lastMonthIdx; i++ {
		base.add(&c.months[i])
	}
	t := Trend{Month: bd.last.String(), Baseline: (bd.last - baselineMonths).String() + ".." + (bd.last - 1).String()}
	var ch trendChanges

	tv := &t.ContactsPerClose
	tv.Value, tv.Baseline, tv.ChangePct, ch.contactsPerClose = change(cur.contacts, cur.pClosings, base.contacts, base.pClosings)

	// Contacts: the mean of the 3 months is the baseline.
	tv = &t.Contacts
	tv.Value, tv.Baseline, tv.ChangePct, ch.contacts = change(cur.contacts, 1, base.contacts, baselineMonths)
	if !base.hasData {
		tv.Baseline = Ratio{}
	}

	// Value per contact, in currency units.
	tv = &t.ValuePerContact
	tv.Value, tv.Baseline, tv.ChangePct, ch.valuePerContact = change(int64(cur.pCommission), cur.contacts*100, int64(base.pCommission), base.contacts*100)

	return t, arrow(ch.valuePerContact), bd.alerts(&t, &ch, cur, &base, who, c.nouns())
}

// arrow is the trend arrow of a change of value per contact in per cent:
// ArrowUp, ArrowDown, ArrowFlat, or "" when the change is undefined.
func arrow(valuePct *big.Rat) string {
	switch {
	case valuePct == nil:
		return ""
	case atLeast(valuePct, trendArrowPct):
		return ArrowUp
	case atMost(valuePct, trendArrowPct):
		return ArrowDown
	}
	return ArrowFlat
}

// atLeast reports whether x ≥ threshold; atMost whether x ≤ −threshold.
// Both are false when x is nil (undefined).
func atLeast(x *big.Rat, threshold float64) bool {
	return x != nil && x.Cmp(new(big.Rat).SetFloat64(threshold)) >= 0
}

func atMost(x *big.Rat, threshold float64) bool {
	return x != nil && x.Cmp(new(big.Rat).SetFloat64(-threshold)) <= 0
}
