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
	decideEach(r, p, rows, dateFields, dateOrderChoice(r.cfg.DateOrder), conv.rules.dateOrder)
	decideEach(r, p, rows, numberFields, decimalChoice(r.cfg.Decimal), conv.rules.decimal)
	r.decideCurrency(p, conv, rows)
}

// columnChoice is one of the per-column decisions: the day/month order of a
// date column, or the decimal mark of a number column.
type columnChoice[T comparable] struct {
	configured T // from config: the auto value when config leaves it to the data
	auto       T
	fallback   T // read with this when every sampled value could be either
	// observe decides from the sampled values of column col.
	observe func(rows [][]string, col int) (choice T, decided, conflict bool)
	// ambiguous reports a value that could be read either way.
	ambiguous func(v string) bool
	// name says the choice in the warning about a conflict.
	name             func(T) string
	mixed, undecided repcard.IssueKind
}

// decide returns the choice for column col, and the warning about it, if
// any (warn is false when there is none).
func (c columnChoice[T]) decide(rows [][]string, col int) (choice T, kind repcard.IssueKind, detail string, warn bool) {
	if c.configured != c.auto {
		return c.configured, 0, "", false
	}
	choice, decided, conflict := c.observe(rows, col)
	switch {
	case conflict:
		return choice, c.mixed, c.name(choice), true
	case !decided && sampleHas(rows, col, c.ambiguous):
		return c.fallback, c.undecided, "", true
	}
	return choice, 0, "", false
}

// decideEach makes the choice for every column of the fields, into the
// sheet's rules, and adds the warnings.
func decideEach[T comparable](r *inboxReader, p *sheetPlan, rows [][]string, fields []field, c columnChoice[T], rules map[int]T) {
	for _, f := range fields {
		for _, col := range p.layout.cols[f] {
			choice, kind, detail, warn := c.decide(rows, col)
			if warn {
				r.addWarning(p, 0, p.layout.columnName(col), kind, detail)
			}
			rules[col] = choice
		}
	}
}

// dateOrderChoice decides the day/month order of date columns; configured
// is config's date_order.
func dateOrderChoice(configured string) columnChoice[cell.DateOrder] {
	return columnChoice[cell.DateOrder]{
		configured: map[string]cell.DateOrder{"mdy": cell.MDY, "dmy": cell.DMY}[configured],
		auto:       cell.DateAuto,
		fallback:   cell.MDY,
		observe: func(rows [][]string, col int) (cell.DateOrder, bool, bool) {
			var dc cell.DateColumn
			observe(rows, col, dc.Observe)
			return dc.Order()
		},
		ambiguous: func(v string) bool {
			_, err := cell.ParseDate(v, cell.DateAuto)
			return errors.Is(err, cell.ErrAmbiguous)
		},
		name:      orderName,
		mixed:     repcard.IssueMixedDateOrder,
		undecided: repcard.IssueUndecidedDateOrder,
	}
}

// decimalChoice decides the decimal mark of number columns; configured is
// config's decimal.
func decimalChoice(configured string) columnChoice[cell.Decimal] {
	return columnChoice[cell.Decimal]{
		configured: map[string]cell.Decimal{"point": cell.Point, "comma": cell.Comma}[configured],
		auto:       cell.DecimalAuto,
		fallback:   cell.Point,
		observe: func(rows [][]string, col int) (cell.Decimal, bool, bool) {
			var dc cell.DecimalColumn
			observe(rows, col, dc.Observe)
			return dc.Decimal()
		},
		ambiguous: func(v string) bool {
			_, err := cell.ParseNumber(v, cell.DecimalAuto)
			return errors.Is(err, cell.ErrAmbiguous)
		},
		name:      decimalName,
		mixed:     repcard.IssueMixedDecimal,
		undecided: repcard.IssueUndecidedDecimal,
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
