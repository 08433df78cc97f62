package charts

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// maxAbs bounds every value drawn; beyond it (far past any sales figure)
// values are clamped so that axis arithmetic stays finite.
const maxAbs = 1e300

// clampValue clamps a finite value to ±maxAbs.
func clampValue(v float64) float64 {
	return math.Max(-maxAbs, math.Min(maxAbs, v))
}

// usable reports whether a point is drawn: valid and finite.
func usable(p MonthPoint) bool {
	return p.Valid && !math.IsNaN(p.Value) && !math.IsInf(p.Value, 0)
}

// axisScale is a linear value axis: ticks at lo + i×step for i in 0..n.
type axisScale struct {
	lo, hi, step float64
	n            int
}

func (s axisScale) tick(i int) float64 { return s.lo + float64(i)*s.step }

// niceStepAtLeast returns the smallest step m×10^k ≥ x, m in 1, 2, 2.5, 5;
// with integer set, the step is a whole number ≥ 1.
func niceStepAtLeast(x float64, integer bool) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	if integer && x <= 1 {
		return 1
	}
	k := math.Floor(math.Log10(x))
	for range 4 {
		p := math.Pow(10, k)
		for _, m := range [...]float64{1, 2, 2.5, 5} {
			s := m * p
			if integer && s != math.Floor(s) {
				continue
			}
			if s >= x*(1-1e-12) {
				return s
			}
		}
		k++
	}
	return x
}

// axisRange is the range an axis covers for values in [lo, hi]: widened
// to include zero, clamped to finite values, [lo, lo+1] when empty.
func axisRange(lo, hi float64) (float64, float64) {
	lo, hi = clampValue(math.Min(lo, 0)), clampValue(math.Max(hi, 0))
	if hi-lo <= 0 || math.IsNaN(hi-lo) {
		hi = lo + 1
	}
	return lo, hi
}

// niceScale returns an axis covering [lo, hi] with at most maxIntervals
// round steps. lo ≤ 0 ≤ hi is expected (axes start at zero); lo == hi gets
// the range [0, 1].
func niceScale(lo, hi float64, maxIntervals int, integer bool) axisScale {
	lo, hi = axisRange(lo, hi)
	maxIntervals = max(1, maxIntervals)
	step := niceStepAtLeast((hi-lo)/float64(maxIntervals), integer)
	for range 16 {
		a, b := math.Floor(lo/step), math.Ceil(hi/step)
		if b-a <= float64(maxIntervals) {
			return finiteScale(axisScale{lo: a * step, hi: b * step, step: step, n: max(1, int(b-a))}, lo, hi)
		}
		step = niceStepAtLeast(step*(1+1e-9), integer)
	}
	return finiteScale(axisScale{}, lo, hi)
}

// niceScaleN returns an axis covering [lo, hi] with exactly n round steps,
// so that a second axis lines up with the grid of the first.
func niceScaleN(lo, hi float64, n int, integer bool) axisScale {
	lo, hi = axisRange(lo, hi)
	n = max(1, n)
	step := niceStepAtLeast((hi-lo)/float64(n), integer)
	for range 16 {
		a := math.Floor(lo / step)
		if (a+float64(n))*step >= hi*(1-1e-12) {
			return finiteScale(axisScale{lo: a * step, hi: (a + float64(n)) * step, step: step, n: n}, lo, hi)
		}
		step = niceStepAtLeast(step*(1+1e-9), integer)
	}
	return finiteScale(axisScale{}, lo, hi)
}

// finiteScale returns s if its arithmetic is finite, else plain equal
// steps over [lo, hi].
func finiteScale(s axisScale, lo, hi float64) axisScale {
	ok := s.n > 0 && s.step > 0 && s.hi > s.lo
	for _, v := range [...]float64{s.lo, s.hi, s.step, s.hi - s.lo} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			ok = false
		}
	}
	if ok {
		return s
	}
	return axisScale{lo: lo, hi: hi, step: hi/4 - lo/4, n: 4}
}

// maxIntervalsFor returns how many tick intervals fit in a plot of height h
// when tick labels are em pixels high.
func maxIntervalsFor(h, em float64) int {
	return max(1, min(6, int(h/(em*3))))
}

// Value kinds, for formatting.
type valueKind int

const (
	kindCount valueKind = iota
	kindRatio
	kindMoney
)

// compactUnit returns the unit and suffix for a compact number ≥ 1,000:
// k, M, B (billion), T.
func compactUnit(a float64) (float64, string) {
	switch {
	case a >= 1e12*(1-1e-12):
		return 1e12, "T"
	case a >= 1e9*(1-1e-12):
		return 1e9, "B"
	case a >= 1e6*(1-1e-12):
		return 1e6, "M"
	}
	return 1e3, "k"
}

// formatTick formats an axis tick: 0, 2.5, 750, 3k, 1.2M, with the currency
// symbol for money. Money under 1,000 with cents shows two decimals.
func formatTick(v float64, kind valueKind, currency string, fractional bool) string {
	if v == 0 {
		return withCurrency("0", kind, currency, false)
	}
	neg := v < 0
	a := math.Abs(v)
	var s string
	switch {
	case a >= 1e15:
		s = strconv.FormatFloat(a, 'g', 3, 64)
	case a >= 1e3:
		u, suffix := compactUnit(a)
		s = minDecimals(a/u, 2) + suffix
	case kind == kindMoney && fractional:
		s = strconv.FormatFloat(a, 'f', 2, 64)
	default:
		s = minDecimals(a, 6)
	}
	return withCurrency(s, kind, currency, neg)
}

// minDecimals formats v with the fewest decimals (up to maxD) that show it
// to within a millionth.
func minDecimals(v float64, maxD int) string {
	for d := 0; d < maxD; d++ {
		s := strconv.FormatFloat(v, 'f', d, 64)
		if r, err := strconv.ParseFloat(s, 64); err == nil && math.Abs(r-v) <= 1e-6*math.Max(1, math.Abs(v)) {
			return s
		}
	}
	return strconv.FormatFloat(v, 'f', maxD, 64)
}

// formatValue formats one data value for a label: a ratio with one decimal
// (10.9), money with cents below 100 ($48.20) and whole units above
// ($1,250), counts whole (1,234); compact (1.2M) from a million (ratios from
// 10,000).
func formatValue(v float64, kind valueKind, currency string) string {
	neg := v < 0
	a := math.Abs(v)
	var s string
	compactFrom := 1e6
	if kind == kindRatio {
		compactFrom = 1e4
	}
	switch {
	case a >= 1e15:
		s = strconv.FormatFloat(a, 'g', 3, 64)
	case a >= compactFrom:
		u, suffix := compactUnit(a)
		if math.Round(a/u*10) >= 10000 && u < 1e12 { // 999.96M shows as 1B
			u, suffix = compactUnit(u * 1000)
		}
		s = strings.TrimSuffix(strconv.FormatFloat(a/u, 'f', 1, 64), ".0") + suffix
	case kind == kindRatio:
		s = groupThousands(strconv.FormatFloat(a, 'f', 1, 64))
	case kind == kindMoney && a < 100:
		s = strconv.FormatFloat(a, 'f', 2, 64)
	default:
		s = groupThousands(strconv.FormatFloat(a, 'f', 0, 64))
	}
	if s == "0" || s == "0.0" || s == "0.00" {
		neg = false
	}
	return withCurrency(s, kind, currency, neg)
}

// groupThousands puts commas in the integer part of a formatted number.
func groupThousands(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) <= 3 {
		return s
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// withCurrency adds the sign and, for money, the currency symbol: "-$5",
// "CHF 5".
func withCurrency(s string, kind valueKind, currency string, neg bool) string {
	sign := ""
	if neg {
		sign = "-"
	}
	if kind != kindMoney || currency == "" {
		return sign + s
	}
	sep := ""
	if r := []rune(currency); unicode.IsLetter(r[len(r)-1]) {
		sep = " "
	}
	return sign + currency + sep + s
}

// monthAbbr holds the three-letter month names in order.
const monthAbbr = "JanFebMarAprMayJunJulAugSepOctNovDec"

func monthName(m int) string { return monthAbbr[3*(m-1) : 3*m] }

// parseMonth reads "2026-01" (or "2026-01-31"): the year and month 1..12.
func parseMonth(s string) (year, month int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && s[7] == '-' {
		s = s[:7]
	}
	if len(s) != 7 || s[4] != '-' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || y < 0 {
		return 0, 0, false
	}
	return y, m, true
}

// monthTickLabels returns the text under each shown month: "Nov", "Dec",
// with the two-digit year on the first shown month, on every January, and
// wherever the year changes between shown months ("Jan 26"). Labels that
// are not months are shown as given.
func monthTickLabels(labels []string, shown []int) []string {
	out := make([]string, len(shown))
	prevYear := -1
	for j, i := range shown {
		y, m, ok := parseMonth(labels[i])
		if !ok {
			out[j] = cleanText(labels[i])
			continue
		}
		if prevYear < 0 || m == 1 || y != prevYear {
			out[j] = monthName(m) + " " + twoDigits(y)
		} else {
			out[j] = monthName(m)
		}
		prevYear = y
	}
	return out
}

func twoDigits(y int) string {
	s := strconv.Itoa(y % 100)
	if len(s) == 1 {
		s = "0" + s
	}
	return s
}
