package config

import (
	"maps"
	"slices"
	"strings"
)

// repKey is a rep's name as per-rep maps match it: lower case, with runs of
// white space collapsed to one space and none at the ends.
func repKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// lookupRep finds rep in a per-rep map, ignoring case and extra white
// space. When several names match (a Config that did not pass Validate), the
// first in sorted order wins.
func lookupRep[V any](m map[string]V, rep string) (V, bool) {
	if v, ok := m[rep]; ok {
		return v, true
	}
	k := repKey(rep)
	for _, name := range slices.Sorted(maps.Keys(m)) {
		if repKey(name) == k {
			return m[name], true
		}
	}
	var zero V
	return zero, false
}

// RateFor returns rep's commission rate: the per-rep override in
// commission.reps, else the team's commission.rate. rep is the rep's
// canonical name (after roster aliases); case and spacing do not matter.
func (c *Config) RateFor(rep string) float64 {
	if o, ok := lookupRep(c.Commission.Reps, rep); ok && o.Rate != nil {
		return *o.Rate
	}
	return c.Commission.Rate
}

// PerSaleFor returns rep's flat commission per won deal that has no amount:
// the per-rep override, else the team's commission.per_sale.
func (c *Config) PerSaleFor(rep string) float64 {
	if o, ok := lookupRep(c.Commission.Reps, rep); ok && o.PerSale != nil {
		return *o.PerSale
	}
	return c.Commission.PerSale
}

// GoalsFor returns rep's goals: each value is the per-rep override in
// goals.reps when set, else the team's. 0 means no goal. Which pair a report
// measures attainment against is Goals.Basis.
func (c *Config) GoalsFor(rep string) (monthlyCommission, annualCommission float64, monthlyClosings, annualClosings int) {
	g := c.Goals
	monthlyCommission, annualCommission = g.MonthlyCommission, g.AnnualCommission
	monthlyClosings, annualClosings = g.MonthlyClosings, g.AnnualClosings
	o, ok := lookupRep(g.Reps, rep)
	if !ok {
		return
	}
	if o.MonthlyCommission != nil {
		monthlyCommission = *o.MonthlyCommission
	}
	if o.AnnualCommission != nil {
		annualCommission = *o.AnnualCommission
	}
	if o.MonthlyClosings != nil {
		monthlyClosings = *o.MonthlyClosings
	}
	if o.AnnualClosings != nil {
		annualClosings = *o.AnnualClosings
	}
	return
}
