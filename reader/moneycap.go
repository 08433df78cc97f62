package reader

import (
	"github.com/repcard/repcard"
)

// The bounds on amounts, so that no sum a report makes can overflow: one
// amount (or commission) may be at most MaxAmount either way, in the
// report's currency; and the amounts and commissions of all the rows read,
// taken without their signs, may add up to at most MaxTotalAmount. A sum of
// any of those rows is then far inside int64 cents, with room for a
// commission rate, a currency rate or a per-sale commission on top.
const (
	MaxAmount      repcard.Money = 1_000_000_000_000_00       // 1,000,000,000,000.00
	MaxTotalAmount repcard.Money = 1_000_000_000_000_000_00   // 1,000,000,000,000,000.00
	maxAmountText                = "1,000,000,000,000.00"     // MaxAmount
	maxTotalText                 = "1,000,000,000,000,000.00" // MaxTotalAmount
)

// tooLarge is the detail of an amount over MaxAmount.
const tooLarge = "an amount must be within ±" + maxAmountText + " (the limit of one amount, in the report's currency)"

// moneyTotal adds up the amounts of the rows read, without their signs.
type moneyTotal struct{ sum repcard.Money }

func absMoney(m repcard.Money) repcard.Money {
	if m < 0 {
		return -m
	}
	return m
}

// checkAmounts leaves the row out when its amount or commission is beyond
// MaxAmount, or when it would take the inbox's total beyond
// MaxTotalAmount; else it counts the row in. A won deal with an amount
// below zero is used as given, with a warning.
func (c *converter) checkAmounts(rec *repcard.Record, row []string) error {
	amount, amountCol := "", -1
	for _, f := range []field{fConvertedAmount, fAmount, fUnitPrice} {
		if v, col := c.value(row, f); !blankLike(v) {
			amount, amountCol = v, col
			break
		}
	}
	commission, commissionCol := c.value(row, fCommission)
	switch {
	case rec.HasAmount && absMoney(rec.Amount) > MaxAmount:
		return c.fail(amountCol, amount, repcard.IssueBadNumber, tooLarge)
	case rec.HasCommission && absMoney(rec.Commission) > MaxAmount:
		return c.fail(commissionCol, commission, repcard.IssueBadNumber, tooLarge)
	}
	return c.countAmounts(rec, amountCol, amount)
}

// countAmounts adds the record's amounts to the inbox's total, or leaves
// the row out when the total would pass MaxTotalAmount.
func (c *converter) countAmounts(rec *repcard.Record, col int, raw string) error {
	var add repcard.Money
	if rec.HasAmount {
		add += absMoney(rec.Amount)
	}
	if rec.HasCommission {
		add += absMoney(rec.Commission)
	}
	if c.total == nil || add == 0 {
		return nil
	}
	if c.total.sum+add > MaxTotalAmount {
		return c.fail(col, raw, repcard.IssueOverLimit, "amount left out: the amounts of the inbox add up to more than "+maxTotalText+", the most repcard sums")
	}
	c.total.sum += add
	if rec.Kind == repcard.KindDeals && rec.Outcome == repcard.OutcomeWon && rec.HasAmount && rec.Amount < 0 && c.warnings != nil {
		c.warnings(repcard.Issue{File: c.src.File, Sheet: c.src.Sheet, Row: c.src.Row, Column: c.columnName(col), Raw: raw, Kind: repcard.IssueNegativeWon})
	}
	return nil
}

func (c *converter) columnName(col int) string {
	if col < 0 {
		return ""
	}
	return c.l.columnName(col)
}
