package pdf

import (
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// Every number the PDFs print goes through these, and they through
// internal/format.

const dash = "–" // an undefined number

// money prints m with cents: "$48.20".
func (r *Renderer) money(m repcard.Money) string {
	return r.withSymbol(format.Money(m, r.currency))
}

// moneyWhole prints m in whole units: "$5,784".
func (r *Renderer) moneyWhole(m repcard.Money) string {
	return r.withSymbol(format.MoneyWhole(m, r.currency))
}

// withSymbol swaps format's currency sign for the one the PDF can print.
func (r *Renderer) withSymbol(s string) string {
	if sym := format.Symbol(r.currency); sym != r.symbol {
		return strings.Replace(s, sym, r.symbol, 1)
	}
	return s
}

func (r *Renderer) nullMoney(m report.NullMoney) string {
	if !m.OK {
		return dash
	}
	return r.money(m.V)
}

func (r *Renderer) nullMoneyWhole(m report.NullMoney) string {
	if !m.OK {
		return dash
	}
	return r.moneyWhole(m.V)
}

// ratio1 prints a ratio with one decimal: "10.9".
func ratio1(v report.Ratio) string {
	if !v.OK {
		return dash
	}
	return format.Ratio(v.V, 1)
}

// pct prints a share as whole per cent: "96 %".
func pct(v report.Ratio) string {
	if !v.OK {
		return dash
	}
	return format.Percent(v.V)
}

// count prints n and its noun: "1 sale", "11 sales".
func count(n int, one, many string) string {
	if n == 1 {
		return format.Int(n) + " " + one
	}
	return format.Int(n) + " " + many
}

// day prints a date for people: "12 Oct 2026"; the zero Day is a dash.
func day(d report.Day) string {
	if d == 0 {
		return dash
	}
	return repcard.Date(d).Time().Format("2 Jan 2006")
}

// goalNum prints a goal quantity: money in whole units, closings as a
// number ("10", "8.3").
func (r *Renderer) goalNum(g report.GoalNum) string {
	if !g.OK {
		return dash
	}
	if g.Money {
		return r.moneyWhole(repcard.Money(g.V))
	}
	if g.V%100 == 0 {
		return format.Int(int(g.V / 100))
	}
	return format.Ratio(g.Units(), 1)
}

// goalUnit is what a goal counts, after a number: "" for money, else
// " sales".
func goalUnit(g report.GoalNum) string {
	if g.Money || !g.OK {
		return ""
	}
	if g.V == 100 {
		return " sale"
	}
	return " sales"
}

// statsLine is the line under the headline: "120 contacts · 11 sales ·
// 1 sale every 10.9 contacts · $5,784 earned", the contacts named by w,
// or "contacts not tracked".
func (r *Renderer) statsLine(c *report.Counts, w contactWords, untracked bool) string {
	first := count(c.Contacts, w.one, w.plural)
	if untracked {
		first = "contacts not tracked"
	}
	parts := []string{first, count(c.Closings, "sale", "sales")}
	if c.ContactsPerClose.OK && !untracked {
		parts = append(parts, "1 sale every "+format.Ratio(c.ContactsPerClose.V, 1)+" "+w.plural)
	}
	parts = append(parts, r.moneyWhole(c.Commission)+" earned")
	return strings.Join(parts, " · ")
}

// joinNonEmpty joins the non-empty parts with " · ".
func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// ifs returns s when ok, else "": an optional part for joinNonEmpty.
func ifs(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// orDash returns s, or a dash when s is empty.
func orDash(s string) string {
	if s == "" {
		return dash
	}
	return s
}

// winProspect is the prospect of a win, with the number of sales when won
// outcomes were folded.
func winProspect(w *report.Win) string {
	p := orDash(clean(w.Prospect))
	if w.Count > 1 {
		p += " (" + format.Int(w.Count) + " sales)"
	}
	return p
}
