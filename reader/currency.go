package reader

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Currencies. Every amount a record carries is in the report's currency:
//
//   - A converted-amount column (Salesforce "Amount (converted)", HubSpot
//     "Amount in company currency", Dynamics "Est. Revenue (Base)") is used
//     when the row has a value there, in the currency of its own code column
//     ("Amount (converted) Currency"), or, with none, in the report's (the
//     org's base or company currency is taken to be it).
//   - Otherwise the amount column is in the currency of the row's currency
//     column ("Amount Currency", "Currency", "Deal - Currency"…), or in the
//     report's when the sheet has none or the cell is blank.
//   - An amount in another currency is converted with config exchange_rates,
//     to the cent, half away from zero; with no rate the row is left out
//     (repcard.IssueOtherCurrency, Detail the code).
//
// The report's currency is config's currency; when that is empty, it is the
// code most sampled rows carry (ties: the first seen) in the first sheet, in
// reading order, with a currency column that says what its amounts are in;
// failing that the first code read; failing that USD. It is settled before
// any row of that sheet is converted, and no sheet read earlier has a
// currency to convert.

// currencyHeaders, convertedHeaders and convertedCurrencyHeaders are the
// header names of the currency columns, folded, best first; a column no
// other field took is mapped to them after the header is matched.
var (
	currencyHeaders = foldAll("Amount Currency", "Opportunity Currency", "Deal Currency", "Deal - Currency",
		"Deal - Currency of Value", "Deal - Value currency", "Currency of Value", "Value currency", "Currency",
		"Currency Code", "Currency ISO Code", "CurrencyIsoCode")
	convertedHeaders = foldAll("Amount (converted)", "Amount in company currency", "Actual Revenue (Base)",
		"Est. Revenue (Base)", "Estimated Revenue (Base)", "Amount (Base)", "Value (Base)", "Total Amount (Base)")
	convertedCurrencyHeaders = foldAll("Amount (converted) Currency")
)

// currencyColumns maps a deals, activities or tallies layout's currency
// columns: a converted-amount column the amount took is moved to
// fConvertedAmount, and code columns no field took are added.
func currencyColumns(l *layout) {
	if l.kind == repcard.KindRoster || l.kind == repcard.KindNone {
		return
	}
	norm := make([]string, len(l.header))
	for i, h := range l.header {
		norm[i] = normHeader(h)
	}
	isConverted := func(i int) bool { return i < len(norm) && slices.Contains(convertedHeaders, norm[i]) }
	if !l.has(fConvertedAmount) {
		for _, i := range l.cols[fAmount] {
			if isConverted(i) {
				l.cols[fConvertedAmount] = append(l.cols[fConvertedAmount], i)
			}
		}
		l.cols[fAmount] = slices.DeleteFunc(l.cols[fAmount], isConverted)
		mapFree(l, norm, fConvertedAmount, convertedHeaders)
	}
	mapFree(l, norm, fConvertedCurrency, convertedCurrencyHeaders)
	mapFree(l, norm, fCurrency, currencyHeaders)
	if l.has(fConvertedAmount) {
		sortBy(l.cols[fConvertedAmount], norm, convertedHeaders)
	}
}

// mapFree maps f, when it has no column yet, to the columns named in names
// (best first) that no field uses.
func mapFree(l *layout, norm []string, f field, names []string) {
	if l.has(f) {
		return
	}
	for _, name := range names {
		for i, h := range norm {
			if h == name && !l.uses(i) {
				l.cols[f] = append(l.cols[f], i)
			}
		}
	}
}

// sortBy orders cols by the place of their header in names.
func sortBy(cols []int, norm []string, names []string) {
	slices.SortStableFunc(cols, func(a, b int) int {
		return slices.Index(names, norm[a]) - slices.Index(names, norm[b])
	})
}

// currencies is the inbox's currency state: the report's currency, once
// settled, and the rates from config.
type currencies struct {
	report string // upper case; "" until settled
	rates  map[string]exchangeRate
	codes  memo[string]
}

func newCurrencies(cfg *config.Config) *currencies {
	c := &currencies{report: strings.ToUpper(strings.TrimSpace(cfg.Currency)), rates: map[string]exchangeRate{}}
	for code, r := range cfg.ExchangeRates {
		c.rates[strings.ToUpper(code)] = rateOf(r)
	}
	return c
}

// reportCurrency is the report's currency: settled, or USD.
func (c *currencies) reportCurrency() string {
	if c.report == "" {
		return "USD"
	}
	return c.report
}

// codeOf reads a currency cell: an ISO code in any case, a sign that names
// one currency (€ £ ₹), or a name (Euro, US Dollar, Pound Sterling); "" for
// anything else.
func (c *currencies) codeOf(s string) string {
	return c.codes.get(s, currencyCode)
}

func currencyCode(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 3 && isLetters(s) {
		return strings.ToUpper(s)
	}
	if code, ok := currencySigns[s]; ok {
		return code
	}
	return currencyNames[normHeader(s)]
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// currencySigns are the signs and prefixed dollars that name one currency.
// A bare $ or ¥ does not.
var currencySigns = map[string]string{
	"€": "EUR", "£": "GBP", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₫": "VND",
	"฿": "THB", "₱": "PHP", "₦": "NGN", "₴": "UAH", "zł": "PLN", "Kč": "CZK",
	"US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD",
	"S$": "SGD", "SG$": "SGD", "R$": "BRL", "MX$": "MXN", "NT$": "TWD",
}

// currencyNames are currency names as Dynamics and others write them,
// folded with normHeader.
var currencyNames = map[string]string{
	"usdollar": "USD", "usdollars": "USD", "dollar": "USD", "euro": "EUR", "euros": "EUR",
	"poundsterling": "GBP", "britishpound": "GBP", "sterling": "GBP", "swissfranc": "CHF",
	"canadiandollar": "CAD", "australiandollar": "AUD", "newzealanddollar": "NZD", "japaneseyen": "JPY",
	"yen": "JPY", "indianrupee": "INR", "swedishkrona": "SEK", "norwegiankrone": "NOK", "danishkrone": "DKK",
	"polishzloty": "PLN", "mexicanpeso": "MXN", "brazilianreal": "BRL", "singaporedollar": "SGD",
	"hongkongdollar": "HKD", "southafricanrand": "ZAR", "chineseyuan": "CNY", "yuanrenminbi": "CNY",
}

// amount reads the row's amount in the report's currency: the converted
// column when the row has a value there, else the amount column.
func (c *converter) amount(row []string) (repcard.Money, bool, error) {
	if v, _ := c.value(row, fConvertedAmount); !blankLike(v) {
		return c.inReportCurrency(row, fConvertedAmount, fConvertedCurrency)
	}
	return c.inReportCurrency(row, fAmount, fCurrency)
}

// commission reads the row's commission, in the currency of its amount
// column, in the report's currency.
func (c *converter) commission(row []string) (repcard.Money, bool, error) {
	return c.inReportCurrency(row, fCommission, fCurrency)
}

// inReportCurrency reads the money of field f, in the currency the row's
// code column cf says, and converts it to the report's currency; a currency
// with no rate leaves the row out.
func (c *converter) inReportCurrency(row []string, f, cf field) (repcard.Money, bool, error) {
	m, ok, err := c.money(row, f)
	if err != nil || !ok || c.cur == nil {
		return m, ok, err
	}
	raw, col := c.value(row, cf)
	if raw == "" {
		return m, true, nil
	}
	code := c.cur.codeOf(raw)
	if c.cur.report == "" && code != "" {
		c.cur.report = code // the first code read settles it
	}
	if code == c.cur.report {
		return m, true, nil
	}
	rate, known := c.cur.rates[code]
	if !known {
		detail := code
		if detail == "" {
			detail = truncate(raw, 24)
		}
		return 0, false, c.fail(col, raw, repcard.IssueOtherCurrency, detail)
	}
	return rate.convert(m), true, nil
}

// deciderOf is the code column that says what a sheet's amounts are in,
// for settling the report's currency: the converted amount's, when the sheet
// has a converted amount; else the amount's. fNone when there is none.
func deciderOf(l *layout) field {
	switch {
	case l.has(fConvertedAmount) && l.has(fConvertedCurrency):
		return fConvertedCurrency
	case l.has(fConvertedAmount):
		return fNone
	case l.has(fCurrency) && (l.has(fAmount) || l.has(fCommission)):
		return fCurrency
	}
	return fNone
}

// currencyPending reports whether the report's currency is still to be
// settled from the sampled rows of a sheet of layout l.
func (r *inboxReader) currencyPending(l *layout) bool {
	return r.cur.report == "" && deciderOf(l) != fNone
}

// decideCurrency settles the decimal mark of the converted-amount columns
// and, while it is not settled, the report's currency from the sampled rows.
func (r *inboxReader) decideCurrency(p *sheetPlan, conv *converter, rows [][]string) {
	decideEach(r, p, rows, []field{fConvertedAmount}, decimalChoice(r.cfg.Decimal), conv.rules.decimal)
	f := deciderOf(p.layout)
	if r.cur.report != "" || f == fNone {
		return
	}
	counts := map[string]int{}
	var order []string
	for _, row := range rows {
		v, _ := conv.value(row, f)
		code := r.cur.codeOf(v)
		if code == "" {
			continue
		}
		if counts[code] == 0 {
			order = append(order, code)
		}
		counts[code]++
	}
	best := ""
	for _, code := range order {
		if counts[code] > counts[best] {
			best = code
		}
	}
	r.cur.report = best
}

// exchangeRate is a config rate as an exact fraction num/den, when its
// decimal form is short enough; else only the float.
type exchangeRate struct {
	num, den uint64
	f        float64
}

func rateOf(f float64) exchangeRate {
	r := exchangeRate{f: f}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 12 || len(whole)+len(frac) > 18 {
		return r
	}
	n, err := strconv.ParseUint(whole+frac, 10, 64)
	if err != nil {
		return r
	}
	r.num, r.den = n, uint64(math.Pow10(len(frac)))
	return r
}

// convert returns m × the rate to the cent, rounded half away from zero:
// exact when the rate is a short decimal (1.17 is 117/100), else through
// Money.MulRate.
func (r exchangeRate) convert(m repcard.Money) repcard.Money {
	if r.den == 0 {
		return m.MulRate(r.f)
	}
	neg := m < 0
	a := uint64(m)
	if neg {
		a = -a
	}
	hi, lo := bits.Mul64(a, r.num)
	if hi >= r.den {
		return m.MulRate(r.f) // beyond any real amount
	}
	q, rem := bits.Div64(hi, lo, r.den)
	if rem >= r.den-rem {
		q++
	}
	if q > math.MaxInt64 {
		return m.MulRate(r.f)
	}
	if neg {
		return -repcard.Money(q)
	}
	return repcard.Money(q)
}
