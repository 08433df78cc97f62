package reader

import (
	"math"
	"slices"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// salesLogHow is the Input.Mapping of a sales log: a sheet of deals with no
// status column, every row a sale.
const salesLogHow = "every row a sale: no status column"

// salesTable maps the columns of a sales log, a home-made sheet where every
// row is a sale: "sales rep, date, customer name, quantity, unit price, ext
// price" or "Salesperson, Order Date, Customer, Product, Units, Revenue".
var salesTable = table{
	name: "sales", kind: repcard.KindDeals,
	cols: map[field][]string{
		fRep:  repNames,
		fDate: {"date", "order date", "sale date", "date of sale", "sold on", "date sold", "invoice date", "transaction date", "purchase date"},
		fAmount: {"ext price", "extended price", "line total", "total price", "total", "revenue", "sale amount", "sales amount", "sale value",
			"amount", "order total", "order value", "net sales", "gross sales", "invoice total", "value"},
		fQuantity:   {"quantity", "qty", "units", "units sold", "quantity sold", "qty sold"},
		fUnitPrice:  {"unit price", "price", "price each", "price per unit", "sale price", "selling price"},
		fProspect:   prospectNames,
		fCommission: commissionNames,
	},
}

var compiledSales = compile(salesTable)

// notSales are the headers that make a sheet something else than a sales
// log: a status or stage (deals), an activity type, outcome or done column,
// or a count of a tally sheet (Closes, Contacts, Calls: a tracker's day is
// no sale, whatever its revenue column says).
var notSales = func() []string {
	_, syn := compiledTables()
	var out []string
	for _, f := range []field{fStatus, fStage} {
		out = append(out, syn[repcard.KindDeals].cols[f]...)
	}
	for _, f := range []field{fType, fOutcome, fDone} {
		out = append(out, syn[repcard.KindActivities].cols[f]...)
	}
	for _, f := range append([]field{fContacts, fClosings, fRejections}, countFields...) {
		out = append(out, syn[repcard.KindTallies].cols[f]...)
	}
	return out
}()

// salesLog returns the layout of a header row that is a log of sales — a
// rep (or a rep known from the sheet's name), a date and an amount (or a
// unit price), no status and no activity type — or nil. Every row is a won
// deal; its amount is the total column, else quantity × unit price.
func salesLog(norm []string, repKnown bool) *layout {
	if slices.ContainsFunc(norm, func(h string) bool { return slices.Contains(notSales, h) }) {
		return nil
	}
	l := &layout{kind: repcard.KindDeals, how: salesLogHow, sale: true}
	mapColumns(l, norm, &compiledSales, make([]bool, len(norm)))
	if !l.has(fAmount) && !l.has(fQuantity) {
		l.cols[fAmount], l.cols[fUnitPrice] = l.cols[fUnitPrice], nil // the price is the sale's
	}
	if !l.has(fDate) || (!l.has(fRep) && !repKnown) || (!l.has(fAmount) && !l.has(fUnitPrice)) {
		return nil
	}
	return l
}

// fillSale sets a sales log's row: a won deal on its date.
func (c *converter) fillSale(rec *repcard.Record, row []string) error {
	rec.Outcome = repcard.OutcomeWon
	var err error
	if rec.Date, err = c.date(row, fDate, true, repcard.IssueDecidedWithoutClose); err != nil {
		return err
	}
	if err := c.fillCommon(rec, row); err != nil {
		return err
	}
	if rec.HasAmount || !c.l.has(fUnitPrice) {
		return nil
	}
	price, ok, err := c.money(row, fUnitPrice)
	if err != nil || !ok {
		return err
	}
	q := 1.0
	if v, col := c.value(row, fQuantity); !blankLike(v) {
		if q, err = cell.ParseNumber(v, c.rules.decimal[col]); err != nil {
			return c.fail(col, v, repcard.IssueBadNumber, err.Error())
		}
	}
	rec.Amount, rec.HasAmount = repcard.Money(math.Round(q*float64(price))), true
	return nil
}
