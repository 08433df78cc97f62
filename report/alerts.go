package report

import (
	"fmt"
	"math/big"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
)

// Alerted reports whether the trend of metric crossed its alert threshold
// (config alerts) in the period's last month: whether m has an alert on
// metric. Report is the one place that decides it; readers such as the
// coaching rules ask here rather than compare numbers again.
func (m *Metrics) Alerted(metric Metric) bool {
	for _, a := range m.Alerts {
		if a.Metric == metric {
			return true
		}
	}
	return false
}

// worded sets the alert's message, about who ("your", "the team's"), and
// the one a rep's manager reads ("their").
func (a Alert) worded(who string, message func(who string) string) Alert {
	a.Message, a.Theirs = message(who), message("their")
	return a
}

// crossedUp reports whether an exact change in per cent (nil when
// undefined) crosses threshold on a metric whose worse is up: change ≥
// threshold. crossedDown is the same for a metric whose worse is down:
// change ≤ −threshold. A threshold of 0 turns the alert off.
func crossedUp(change *big.Rat, threshold float64) bool {
	return threshold > 0 && atLeast(change, threshold)
}

func crossedDown(change *big.Rat, threshold float64) bool {
	return threshold > 0 && atMost(change, threshold)
}

// noSaleCrossed reports whether a month with contacts but no sale crosses
// the contacts-per-close threshold against base: whether even one sale
// would have left the ratio worse by threshold per cent, contacts ≥
// baseline × (1 + threshold/100). base must have closings.
func noSaleCrossed(cur, base *tot, threshold float64) bool {
	if threshold <= 0 || cur.pClosings != 0 || cur.contacts <= 0 {
		return false
	}
	lhs := new(big.Rat).SetInt64(cur.contacts * base.pClosings * 100)
	rhs := new(big.Rat).Mul(new(big.Rat).SetInt64(base.contacts), new(big.Rat).SetFloat64(100+threshold))
	return lhs.Cmp(rhs) >= 0
}

// nouns are what an alert calls the contacts: "contacts", or "decided
// deals" when every rep of the group counts its contacts from decided deals
// (no activity log).
type nouns struct {
	plural, capital, one string // "contacts", "Contacts", "contact"
}

var (
	contactNouns = nouns{"contacts", "Contacts", "contact"}
	decidedNouns = nouns{"decided deals", "Decided deals", "decided deal"}
)

// alerts raises the alerts whose thresholds the trend's changes cross, in
// the order contacts per close, contacts, value per contact; cur is the
// last month's sums and base the pooled 3 months before. Messages are
// about who, name the contacts as n does, print money as the PDFs do
// (format.Money) and compare with the "3-month average".
func (bd *build) alerts(t *Trend, ch *trendChanges, cur, base *tot, who string, n nouns) []Alert {
	alerts := []Alert{}
	a := bd.b.cfg.Alerts
	cur3 := bd.b.currency()

	// Contacts per close: worse is up.
	if tv := &t.ContactsPerClose; tv.Baseline.OK {
		switch {
		case crossedUp(ch.contactsPerClose, a.RatioWorsePct):
			alerts = append(alerts, Alert{
				Metric: MetricContactsPerClose, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
			}.worded(who, func(who string) string {
				return fmt.Sprintf("%s per sale %s, worse than %s 3-month average %s (%s)",
					n.capital, format.Ratio(tv.Value.V, 1), who, format.Ratio(tv.Baseline.V, 1), format.SignedPercent(tv.ChangePct.V))
			}))
		case noSaleCrossed(cur, base, a.RatioWorsePct):
			alerts = append(alerts, Alert{
				Metric: MetricContactsPerClose, Value: tv.Value, Baseline: tv.Baseline,
			}.worded(who, func(who string) string {
				return fmt.Sprintf("No sale in %s after %s %s; %s 3-month average is %s %s per sale",
					repcard.MonthPeriod(bd.last).Title(), format.Int(int(cur.contacts)), n.plural, who, format.Ratio(tv.Baseline.V, 1), n.plural)
			}))
		}
	}

	// Contacts: worse is down.
	if tv := &t.Contacts; crossedDown(ch.contacts, a.ContactsDownPct) {
		alerts = append(alerts, Alert{
			Metric: MetricContacts, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("%s %s, down from %s 3-month average %s (%s)",
				n.capital, format.Int(int(cur.contacts)), who, format.Ratio(tv.Baseline.V, 1), format.SignedPercent(tv.ChangePct.V))
		}))
	}

	// Value per contact, in currency units: worse is down.
	if tv := &t.ValuePerContact; crossedDown(ch.valuePerContact, a.ValueDownPct) {
		alerts = append(alerts, Alert{
			Metric: MetricValuePerContact, Value: tv.Value, Baseline: tv.Baseline, ChangePct: tv.ChangePct,
		}.worded(who, func(who string) string {
			return fmt.Sprintf("Each %s was worth %s, down from %s 3-month average %s (%s)",
				n.one, format.Money(perUnit(cur.pCommission, cur.contacts).V, cur3), who,
				format.Money(perUnit(base.pCommission, base.contacts).V, cur3), format.SignedPercent(tv.ChangePct.V))
		}))
	}
	return alerts
}
