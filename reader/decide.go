package reader

import (
	"errors"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// needsDecisions reports whether columns need a per-column decision
// (config says auto for dates or decimals).
func (r *inboxReader) needsDecisions() bool {
	return r.cfg.DateOrder == "" || r.cfg.DateOrder == "auto" || r.cfg.Decimal == "" || r.cfg.Decimal == "auto"
}

// decideColumns settles each date and number column's reading from the
// sampled rows, and warns about a column it cannot decide.
func (r *inboxReader) decideColumns(p *sheetPlan, conv *converter, rows [][]string) {
	l := p.layout
	forcedOrder := map[string]cell.DateOrder{"mdy": cell.MDY, "dmy": cell.DMY}[r.cfg.DateOrder]
	forcedDec := map[string]cell.Decimal{"point": cell.Point, "comma": cell.Comma}[r.cfg.Decimal]
	warn := func(col int, kind repcard.IssueKind, detail string) {
		r.addWarning(p, 0, l.columnName(col), kind, detail)
	}
	for _, f := range dateFields {
		for _, col := range l.cols[f] {
			if forcedOrder != cell.DateAuto {
				conv.rules.dateOrder[col] = forcedOrder
				continue
			}
			var dc cell.DateColumn
			observe(rows, col, dc.Observe)
			order, ok, conflict := dc.Order()
			switch {
			case conflict:
				warn(col, repcard.IssueMixedDateOrder, orderName(order))
			case !ok && sampleHas(rows, col, func(v string) bool {
				_, err := cell.ParseDate(v, cell.DateAuto)
				return errors.Is(err, cell.ErrAmbiguous)
			}):
				order = cell.MDY
				warn(col, repcard.IssueUndecidedDateOrder, "")
			}
			conv.rules.dateOrder[col] = order
		}
	}
	for _, f := range numberFields {
		for _, col := range l.cols[f] {
			if forcedDec != cell.DecimalAuto {
				conv.rules.decimal[col] = forcedDec
				continue
			}
			var dc cell.DecimalColumn
			observe(rows, col, dc.Observe)
			dec, ok, conflict := dc.Decimal()
			switch {
			case conflict:
				warn(col, repcard.IssueMixedDecimal, decimalName(dec))
			case !ok && sampleHas(rows, col, func(v string) bool {
				_, err := cell.ParseNumber(v, cell.DecimalAuto)
				return errors.Is(err, cell.ErrAmbiguous)
			}):
				dec = cell.Point
				warn(col, repcard.IssueUndecidedDecimal, "")
			}
			conv.rules.decimal[col] = dec
		}
	}
}

// observe hands every sampled value of column col to f.
func observe(rows [][]string, col int, f func(string)) {
	for _, row := range rows {
		if col < len(row) {
			f(row[col])
		}
	}
}

// sampleHas reports whether any sampled value in column col satisfies f.
func sampleHas(rows [][]string, col int, f func(string) bool) bool {
	for _, row := range rows {
		if col < len(row) && strings.TrimSpace(row[col]) != "" && f(strings.TrimSpace(row[col])) {
			return true
		}
	}
	return false
}

func orderName(o cell.DateOrder) string {
	if o == cell.DMY {
		return "day/month"
	}
	return "month/day"
}

func decimalName(d cell.Decimal) string {
	if d == cell.Comma {
		return "decimal comma"
	}
	return "decimal point"
}
