package cell

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
)

// Decimal says which character separates the decimals of a number.
type Decimal int

// The decimal conventions. DecimalAuto decides from the value itself when
// it can; any value other than Point and Comma behaves as DecimalAuto.
const (
	DecimalAuto Decimal = iota
	Point               // 1,234.56: point decimal, comma grouping
	Comma               // 1.234,56: comma decimal, point grouping
)

func (d Decimal) String() string {
	switch d {
	case Point:
		return "point"
	case Comma:
		return "comma"
	}
	return "auto"
}

// MaxMoney is the largest amount ParseMoney accepts, in cents, either sign.
const MaxMoney repcard.Money = 9_000_000_000_000_000

// maxCount is the largest count ParseCount accepts: 2^53, so that every
// count is exact in a float64 as well.
const maxCount = 1 << 53

// number is a scanned number: its digits, with separators, in body.
type number struct {
	body     string  // digits and separators, no sign, currency or exponent
	nInt     int     // digits before the decimal separator
	nFrac    int     // digits after it
	exp      int     // the exponent after e or E
	neg      bool    // leading or trailing minus, or parentheses
	currency bool    // a currency symbol or code
	percent  bool    // a % sign
	zero     bool    // a lone dash: zero as Excel's accounting format shows it
	dashDec  bool    // a dash for decimals: 12,-
	decided  Decimal // what the separators alone say; DecimalAuto if nothing
}

// ParseNumber reads a number as spreadsheets and exports write it:
//
//	1234  -12  +12  1,234.56  1.234,56  1 234,56  1'234.56  12,5  .5
//	$1,234.56  1.234,56 €  USD 12  12 EUR  CHF 1'234.50  R$ 12,50
//	(500) and 500-  negative, as accountants write it
//	1.234,-  12.–  a dash for no decimals, as German and Swiss prices do
//	12%  12, the sign is dropped (ParsePercent knows what it means)
//	1e3  1.5E-2  scientific notation, without grouping
//	-  $ -  zero, as Excel's accounting format shows it
//
// Thousands may be grouped by comma, point, apostrophe (' or ’), space,
// no-break space (U+00A0), narrow no-break space (U+202F) or thin space, in
// groups of three (or the Indian 12,34,567). One currency symbol ($ € £ ¥ ₹
// ₽ …) or code (USD, EUR, CHF, kr, руб …) may stand before or after the number,
// inside or outside its sign.
//
// dec says which of point and comma is the decimal separator. Point and
// Comma force it, and a value written the other way is an error. With
// DecimalAuto the value decides when it can: "1.234,50", "12,5" and
// "1.234.567" use a decimal comma, "1,234.50", "12.5" and "1,234,567" a
// decimal point; "1,234" and "1.234" could be either and give ErrAmbiguous;
// an integer without separators is never ambiguous.
//
// Anything else in the cell, a second sign or currency, or badly grouped
// digits make it an error; a blank cell gives ErrBlank. The result is
// correctly rounded and finite.
func ParseNumber(s string, dec Decimal) (float64, error) {
	n, err := scan(s, dec, false)
	if err != nil {
		return 0, err
	}
	return n.float(0)
}

// ParseMoney reads an amount of money, in any form ParseNumber accepts
// except a percentage, and returns it in cents, rounded half away from zero
// (12.345 is 1235 cents). The conversion is exact: no floating point is
// involved. Amounts beyond ±MaxMoney cents are errors.
func ParseMoney(s string, dec Decimal) (repcard.Money, error) {
	n, err := scan(s, dec, false)
	if err != nil {
		return 0, err
	}
	if n.percent {
		return 0, errPercentMoney
	}
	v, half, _, ok := n.scaled(2, uint64(MaxMoney))
	if half {
		v++
	}
	if !ok || v > uint64(MaxMoney) {
		return 0, errMoneyRange
	}
	if n.neg {
		return -repcard.Money(v), nil
	}
	return repcard.Money(v), nil
}

// ParseCount reads a whole, non-negative count: "12", "12.0", "1,200". It
// accepts the forms of ParseNumber without a currency or percent sign. A
// fraction ("12.5") is an error, and so is a negative count.
//
// With DecimalAuto, a single separator followed by exactly three digits is
// taken as grouping, since counts are whole: "1,200" and "1.000" are 1200
// and 1000. Counts above 2^53 are errors.
func ParseCount(s string, dec Decimal) (int, error) {
	n, err := scan(s, dec, true)
	if err != nil {
		return 0, err
	}
	if n.currency || n.percent {
		return 0, errNotCount
	}
	v, _, frac, ok := n.scaled(0, maxCount)
	switch {
	case frac:
		return 0, errFracCount
	case !ok:
		return 0, errCountRange
	case n.neg && v > 0:
		return 0, errNegCount
	}
	return int(v), nil
}

// ParsePercent reads a percentage and returns it in per cent: "65%",
// "65.0 %", "65,5 %" and "65" are 65 (or 65.5). A value without a % sign
// whose magnitude is at most 1 is a fraction: "0.65" is 65 and "1" is 100.
// A currency is an error. The scaling by 100 is exact in decimal, so "0.57"
// is 57, not 56.99999999999999.
func ParsePercent(s string, dec Decimal) (float64, error) {
	n, err := scan(s, dec, false)
	if err != nil {
		return 0, err
	}
	if n.currency {
		return 0, errNotPercent
	}
	f, err := n.float(0)
	if err != nil || n.percent || math.Abs(f) > 1 {
		return f, err
	}
	return n.float(2)
}

// scan reads the parts of a number. With whole, a lone separator followed by
// three digits is grouping rather than ambiguous.
func scan(s string, dec Decimal, whole bool) (number, error) {
	var n number
	s = trimSpace(s)
	if s == "" {
		return n, ErrBlank
	}
	if dec != Point && dec != Comma {
		dec = DecimalAuto
	}
	var (
		sign         int  // -1 or +1 for a leading sign
		trail        bool // trailing minus
		open, closed bool // parentheses
		body         bool
		err          error
	)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf && i+2 < len(s) && s[i:i+3] == "\u2212" { // − minus sign
			c = '-'
			i += 2
		}
		switch {
		case isDigit(c) || (c == '.' || c == ',') && i+1 < len(s) && isDigit(s[i+1]):
			if body || closed {
				return n, errNotNumber
			}
			if i, err = n.scanBody(s, i, dec, whole); err != nil {
				return n, err
			}
			body = true
			continue
		case c == '-':
			switch {
			case closed || open:
				return n, errNotNumber
			case !body:
				if sign != 0 {
					return n, errNotNumber
				}
				sign = -1
			default:
				if trail || sign != 0 || n.percent || n.dashDec {
					return n, errNotNumber
				}
				trail = true
			}
		case c == '+':
			if body || sign != 0 || open {
				return n, errNotNumber
			}
			sign = 1
		case c == '(':
			if body || sign != 0 || open {
				return n, errNotNumber
			}
			open = true
		case c == ')':
			if !open || !body || closed || trail {
				return n, errNotNumber
			}
			closed = true
		case c == '%':
			if !body || n.percent || closed || trail {
				return n, errNotNumber
			}
			n.percent = true
		default:
			if w := spaceAt(s, i); w > 0 {
				i += w
				continue
			}
			w := currencyAt(s, i)
			if w == 0 || n.currency {
				return n, errNotNumber
			}
			n.currency = true
			i += w
			continue
		}
		i++
	}
	switch {
	case open && !closed:
		return n, errNotNumber
	case !body:
		if sign == -1 && !open && !n.percent {
			n.zero = true
			return n, nil
		}
		return n, errNotNumber
	}
	n.neg = sign == -1 || trail || open
	return n, nil
}

// maxSeps bounds the separators in one number; more is not a number anyone
// writes in a cell.
const maxSeps = 16

// scanBody reads the digits and separators at s[i:], and an exponent, and
// decides which separator, if any, is the decimal one. It returns the index
// after the number.
func (n *number) scanBody(s string, i int, dec Decimal, whole bool) (int, error) {
	var (
		kinds    [maxSeps]byte // ',' '.' '\'' or ' '
		runs     [maxSeps + 1]int
		nsep     int
		run      int
		nonZero0 bool // the first run has a digit other than 0
	)
	start := i
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			if nsep == 0 && c != '0' {
				nonZero0 = true
			}
			run++
			i++
			continue
		}
		k, w := sepAt(s, i)
		if k == 0 || i+w >= len(s) || !isDigit(s[i+w]) {
			break
		}
		if nsep == maxSeps {
			return i, errGrouping
		}
		kinds[nsep], runs[nsep] = k, run
		nsep++
		run = 0
		i += w
	}
	n.body = s[start:i]

	// A decimal separator followed by a dash instead of decimals, as in
	// German and Swiss prices: 1.234,- 12,-- 12.–
	dashDec := false
	if i+1 < len(s) && (s[i] == ',' || s[i] == '.') {
		if w := dashAt(s, i+1); w > 0 {
			j := i + 1 + w
			if w == 1 && j < len(s) && s[j] == '-' {
				j++
			}
			if j == len(s) || !isDigit(s[j]) {
				if nsep == maxSeps {
					return i, errGrouping
				}
				kinds[nsep], runs[nsep] = s[i], run
				nsep++
				run = 0
				dashDec = true
				n.dashDec = true
				i = j
			}
		}
	}
	runs[nsep] = run

	// An exponent: e or E, an optional sign, 1 to 4 digits.
	hasExp := false
	if !dashDec && i+1 < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		neg := false
		if s[j] == '+' || s[j] == '-' {
			neg = s[j] == '-'
			j++
		}
		if e, en := digits(s, j); en >= 1 && en <= 4 {
			hasExp = true
			n.exp = e
			if neg {
				n.exp = -e
			}
			i = j + en
		}
	}

	// Which separator is the decimal one? It can only be the last.
	var nc, nd, nq, ns int
	for _, k := range kinds[:nsep] {
		switch k {
		case ',':
			nc++
		case '.':
			nd++
		case '\'':
			nq++
		default:
			ns++
		}
	}
	last := byte(0)
	if nsep > 0 {
		last = kinds[nsep-1]
	}
	hasDec := false
	group := byte(0) // the grouping separator when it is a comma or point
	switch {
	case nsep == 0:
	case dashDec:
		// The dashed separator is the decimal one; the others, if any, are
		// grouping of one other kind.
		cnt, distinct := 0, 0
		for _, c := range [...]int{nc, nd, nq, ns} {
			if c > 0 {
				distinct++
			}
		}
		switch last {
		case ',':
			cnt = nc
		case '.':
			cnt = nd
		}
		if cnt != 1 || distinct > 2 {
			return i, errSeparators
		}
		hasDec = true
	case nc > 0 && nd > 0:
		if nq+ns > 0 || last == ',' && nc != 1 || last == '.' && nd != 1 {
			return i, errSeparators
		}
		hasDec = true
		group = '.' + ',' - last
	case nc+nd > 0:
		k, cnt := byte(','), nc
		if nd > 0 {
			k, cnt = '.', nd
		}
		switch {
		case nq > 0 && ns > 0:
			return i, errSeparators
		case nq+ns > 0:
			if cnt != 1 || last != k {
				return i, errSeparators
			}
			hasDec = true
		case cnt > 1:
			group = k
		case dec != DecimalAuto:
			hasDec = k == decChar(dec)
			if !hasDec {
				group = k
			}
		case hasExp || runs[1] != 3 || runs[0] == 0 || runs[0] > 3 || !nonZero0:
			hasDec = true
		case whole:
			// grouping, but the value does not decide the column
		default:
			return i, errAmbiguousDec
		}
	default:
		if nq > 0 && ns > 0 {
			return i, errSeparators
		}
	}
	switch {
	case hasDec:
		n.decided = decOf(last)
	case group != 0:
		n.decided = decOf('.' + ',' - group)
	}
	if dec != DecimalAuto && n.decided != DecimalAuto && n.decided != dec {
		return i, mismatch(dec)
	}

	// Grouping: 1 to 3 digits, then groups of 3 (or Indian 2s then 3).
	g := nsep
	if hasDec {
		g--
	}
	if g > 0 {
		if hasExp {
			return i, errNotNumber
		}
		ok := runs[0] >= 1 && runs[0] <= 3
		for k := 1; k <= g && ok; k++ {
			ok = runs[k] == 3
		}
		if !ok && kinds[0] == ',' && g >= 2 && runs[0] >= 1 && runs[0] <= 2 && runs[g] == 3 {
			ok = true
			for k := 1; k < g && ok; k++ {
				ok = runs[k] == 2
			}
		}
		if !ok {
			if dec != DecimalAuto && g == 1 && (kinds[0] == ',' || kinds[0] == '.') {
				return i, mismatch(dec)
			}
			return i, errGrouping
		}
	}

	total := 0
	for _, r := range runs[:nsep+1] {
		total += r
	}
	n.nInt = total
	if hasDec {
		n.nFrac = runs[nsep]
		n.nInt -= n.nFrac
	}
	return i, nil
}

func mismatch(dec Decimal) error {
	if dec == Point {
		return errWantPoint
	}
	return errWantComma
}

func decChar(d Decimal) byte {
	if d == Comma {
		return ','
	}
	return '.'
}

func decOf(c byte) Decimal {
	if c == ',' {
		return Comma
	}
	return Point
}

// sepAt returns the kind of digit separator at s[i] (',', '.', '\” or ' ')
// and its width in bytes, or 0, 0.
func sepAt(s string, i int) (byte, int) {
	switch c := s[i]; c {
	case ',', '.', '\'', ' ':
		return c, 1
	case 0xC2: // U+00A0 no-break space
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return ' ', 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 {
			switch s[i+2] {
			case 0x87, 0x89, 0xAF: // U+2007 figure, U+2009 thin, U+202F narrow no-break space
				return ' ', 3
			case 0x99: // U+2019 ’
				return '\'', 3
			}
		}
	}
	return 0, 0
}

// currencyAt returns the width of a currency symbol or code at s[i], or 0.
func currencyAt(s string, i int) int {
	c := s[i]
	if c == '$' {
		return 1
	}
	if c >= utf8.RuneSelf {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '€', '£', '¥', '₹', '₽', '₩', '₺', '₪', '₫', '฿', '₱', '₦', '₴', '₡', '₲', '₵', '₸', '₼', '₾', '¢', '₣', '₤', '元', '円':
			return w
		}
		for _, word := range cyrillicCurrency {
			if strings.HasPrefix(s[i:], word) {
				j := i + len(word)
				if r, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && unicode.IsLetter(r) {
					continue
				}
				return len(word)
			}
		}
		return 0
	}
	if !isLetter(c) {
		return 0
	}
	var buf [wordBuf]byte
	w, j := word(s, i, &buf)
	if j < len(s) && s[j] == '$' && dollarPrefixes[string(w)] {
		return j + 1 - i
	}
	if j+1 < len(s) {
		// zł, Kč
		if string(w) == "z" && s[j:j+2] == "ł" || string(w) == "k" && s[j:j+2] == "č" {
			return j + 2 - i
		}
	}
	switch currencyWords[string(w)] {
	case 1:
		return j - i
	case 2: // may end with a dot: kr. Rs. Fr.
		if j < len(s) && s[j] == '.' {
			j++
		}
		return j - i
	}
	return 0
}

// cyrillicCurrency are the rouble, hryvnia and lev as written in words,
// longest first.
var cyrillicCurrency = [...]string{"руб.", "руб", "р.", "грн.", "грн", "лв.", "лв"}

// dashAt returns the width of a hyphen, en dash or em dash at s[i], or 0.
func dashAt(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == '-':
		return 1
	case strings.HasPrefix(s[i:], "\u2013"), strings.HasPrefix(s[i:], "\u2014"):
		return 3
	}
	return 0
}

// dollarPrefixes are the letters before $ in US$, A$, CA$, R$ and the like.
var dollarPrefixes = map[string]bool{
	"us": true, "a": true, "au": true, "c": true, "ca": true, "nz": true, "hk": true,
	"s": true, "sg": true, "r": true, "mx": true, "nt": true,
}

// currencyWords are ISO 4217 codes and common abbreviations, lower-cased;
// 2 marks those that may end with a dot.
var currencyWords = map[string]int{
	"usd": 1, "eur": 1, "gbp": 1, "chf": 1, "jpy": 1, "cny": 1, "rmb": 1, "inr": 1,
	"rub": 1, "aud": 1, "cad": 1, "nzd": 1, "sek": 1, "nok": 1, "dkk": 1, "isk": 1,
	"pln": 1, "czk": 1, "huf": 1, "ron": 1, "bgn": 1, "hrk": 1, "rsd": 1, "uah": 1,
	"try": 1, "ils": 1, "aed": 1, "sar": 1, "qar": 1, "kwd": 1, "egp": 1, "zar": 1,
	"ngn": 1, "kes": 1, "brl": 1, "mxn": 1, "ars": 1, "clp": 1, "cop": 1, "pen": 1,
	"sgd": 1, "hkd": 1, "twd": 1, "krw": 1, "thb": 1, "idr": 1, "myr": 1, "php": 1,
	"vnd": 1, "pkr": 1, "bdt": 1, "kzt": 1,
	"kr": 2, "rs": 2, "fr": 2, "sfr": 2, "ft": 1, "lei": 1,
}

// scaled returns |n| × 10^k truncated to an integer, whether the part cut
// off is at least one half, and whether it is non-zero. ok is false when
// the integer exceeds limit.
func (n *number) scaled(k int, limit uint64) (v uint64, half, frac, ok bool) {
	if n.zero {
		return 0, false, false, true
	}
	cut := n.nInt + n.exp + k // the digits [0, cut) make the integer
	idx := 0
	for i := 0; i < len(n.body); i++ {
		c := n.body[i]
		if !isDigit(c) {
			continue
		}
		d := uint64(c - '0')
		switch {
		case idx < cut:
			if v > (limit-d)/10 {
				return 0, false, false, false
			}
			v = v*10 + d
		case idx == cut:
			half = d >= 5
			frac = frac || d != 0
		default:
			frac = frac || d != 0
		}
		idx++
	}
	for ; idx < cut && v != 0; idx++ {
		if v > limit/10 {
			return 0, false, false, false
		}
		v *= 10
	}
	return v, half, frac, true
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// float returns n × 10^shift as a float64, correctly rounded.
func (n *number) float(shift int) (float64, error) {
	if n.zero {
		return 0, nil
	}
	// Exact when the significant digits fit in 53 bits and the power of ten
	// is exact too (Clinger's fast path); strconv otherwise.
	var (
		mant    uint64
		sig     int // significant digits in mant
		fracIn  int // fraction digits in mant, or skipped as leading zeros
		dropped int // integer digits not in mant
		exact   = true
		idx     int
	)
	for i := 0; i < len(n.body); i++ {
		c := n.body[i]
		if !isDigit(c) {
			continue
		}
		inFrac := idx >= n.nInt
		idx++
		switch {
		case sig == 0 && c == '0':
			if inFrac {
				fracIn++
			}
		case sig < 19:
			mant = mant*10 + uint64(c-'0')
			sig++
			if inFrac {
				fracIn++
			}
		default:
			if !inFrac {
				dropped++
			}
			exact = exact && c == '0'
		}
	}
	if mant == 0 {
		return 0, nil
	}
	e := n.exp + shift - fracIn + dropped
	var f float64
	if exact && mant < 1<<53 && e >= -22 && e <= 22 {
		f = float64(mant)
		if e < 0 {
			f /= pow10[-e]
		} else {
			f *= pow10[e]
		}
	} else {
		var buf [64]byte
		b := buf[:0]
		for i := 0; i < len(n.body); i++ {
			if isDigit(n.body[i]) {
				b = append(b, n.body[i])
			}
		}
		b = append(b, 'e')
		b = strconv.AppendInt(b, int64(n.exp+shift-n.nFrac), 10)
		var err error
		f, err = strconv.ParseFloat(string(b), 64)
		if err != nil || math.IsInf(f, 0) {
			return 0, errRange
		}
		if f == 0 {
			return 0, nil
		}
	}
	if n.neg {
		f = -f
	}
	return f, nil
}
