// Package format prints the numbers of a report for people: money with the
// currency's symbol and grouping, ratios with one decimal, per cents. The PDF
// and the coaching text both print through it, so a number reads the same
// everywhere.
//
//	format.Money(578400, "USD")      // "$5,784.00"
//	format.MoneyWhole(578400, "USD") // "$5,784"
//	format.Ratio(10.909, 1)          // "10.9"
//	format.Percent(0.964)            // "96 %"
package format

import (
	"math"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
)

// Symbol returns how an amount in currency code is prefixed: "$" for USD,
// "€" for EUR, "£" for GBP, "¥" for JPY and CNY, "₹" for INR; any other code
// is followed by a space ("CHF "). An empty code gives "$".
func Symbol(code string) string {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "", "USD", "$":
		return "$"
	case "EUR", "€":
		return "€"
	case "GBP", "£":
		return "£"
	case "JPY", "CNY", "¥":
		return "¥"
	case "INR":
		return "₹"
	case "AUD":
		return "A$"
	case "CAD":
		return "C$"
	}
	return strings.ToUpper(strings.TrimSpace(code)) + " "
}

// Money formats m with its cents: "$1,234.50", "-$12.00".
func Money(m repcard.Money, currency string) string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + Symbol(currency) + group(v/100) + "." + pad2(v%100)
}

// MoneyWhole formats m rounded to whole units: "$5,784". Half a unit rounds
// away from zero.
func MoneyWhole(m repcard.Money, currency string) string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + Symbol(currency) + group((v+50)/100)
}

// Int formats n with thousands separators: "12,345".
func Int(n int) string {
	if n < 0 {
		return "-" + group(-int64(n))
	}
	return group(int64(n))
}

// Ratio formats v with the given decimals: Ratio(10.909, 1) = "10.9". NaN
// and infinities print as "–".
func Ratio(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return s
}

// Percent formats a share as whole per cent: 0.964 → "96 %". NaN and
// infinities print as "–".
func Percent(share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "–"
	}
	return strconv.FormatFloat(math.Round(share*100), 'f', 0, 64) + " %"
}

// SignedPercent formats a change in per cent with its sign: 27.3 → "+27 %",
// -8 → "−8 %" (with a real minus sign).
func SignedPercent(pct float64) string {
	if math.IsNaN(pct) || math.IsInf(pct, 0) {
		return "–"
	}
	r := math.Round(pct)
	switch {
	case r > 0:
		return "+" + strconv.FormatFloat(r, 'f', 0, 64) + " %"
	case r < 0:
		return "−" + strconv.FormatFloat(-r, 'f', 0, 64) + " %"
	}
	return "0 %"
}

func group(v int64) string {
	s := strconv.FormatInt(v, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func pad2(v int64) string {
	if v < 10 {
		return "0" + strconv.FormatInt(v, 10)
	}
	return strconv.FormatInt(v, 10)
}
