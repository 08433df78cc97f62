package cell

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// checkErr fails unless err is nil, ErrBlank or an *Error of a documented
// kind with a message.
func checkErr(t *testing.T, what string, err error, kind error) {
	t.Helper()
	if err == nil || err == ErrBlank {
		return
	}
	var e *Error
	if !errors.As(err, &e) || e.Msg == "" || (e.Err != kind && e.Err != ErrAmbiguous) {
		t.Fatalf("%s: unexpected error %#v", what, err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateTests {
		f.Add(tc.In, uint8(tc.Order))
	}
	f.Add("Sat, 31 Oct 2026 14:05:00 GMT", uint8(0))
	f.Add("12/31/99 11:59:59.999 p.m. +05:30", uint8(1))
	f.Fuzz(func(t *testing.T, s string, o uint8) {
		order := DateOrder(o % 4) // 3 is an unknown order, read as DateAuto
		d, err := ParseDate(s, order)
		checkErr(t, "ParseDate", err, ErrNotDate)
		if err != nil {
			if d != 0 {
				t.Fatalf("ParseDate(%q) = %v with error %v", s, d, err)
			}
			return
		}
		if d < 1 || d > repcard.MakeDate(9999, 12, 31) {
			t.Fatalf("ParseDate(%q) = %d, out of range", s, d)
		}
		again, err := ParseDate(d.String(), order)
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, but ParseDate(%q) = %v, %v", s, d, d.String(), again, err)
		}
	})
}

// isPlainASCII reports whether s is ASCII without letters, so that no
// currency word ("kr.") holds a point.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || isLetter(s[i]) && s[i] != 'e' && s[i] != 'E' {
			return false
		}
	}
	return true
}

// indianGroup matches a two-digit group between separators.
var indianGroup = regexp.MustCompile(`[,.][0-9]{2}[,.]`)

// plainNumber is the syntax both strconv.ParseFloat and ParseNumber with
// Point accept and must read alike.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,4})?$`)

// roundCents returns r in cents rounded half away from zero, and whether
// that is within ±MaxMoney.
func roundCents(r *big.Rat) (repcard.Money, bool) {
	c := new(big.Rat).Mul(r, big.NewRat(100, 1))
	neg := c.Sign() < 0
	c.Abs(c)
	c.Add(c, big.NewRat(1, 2))
	q := new(big.Int).Quo(c.Num(), c.Denom())
	if q.Cmp(big.NewInt(int64(MaxMoney))) > 0 {
		return 0, false
	}
	v := repcard.Money(q.Int64())
	if neg {
		v = -v
	}
	return v, true
}

// formatMoney writes m with the given grouping and decimal separators:
// formatMoney(-123456, ".", ",") is "-1.234,56".
func formatMoney(m repcard.Money, group, dec string) string {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	units := strconv.FormatInt(v/100, 10)
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(units) {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(units[i])
	}
	b.WriteString(dec)
	c := v % 100
	b.WriteByte(byte('0' + c/10))
	b.WriteByte(byte('0' + c%10))
	return b.String()
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"$1,234.56", "1.234,56 €", "(500)", "500-", "12,5", "1,234", "-0.005", "USD 1 234,56", "1e3", "90000000000000.005", "12abc"} {
		f.Add(s, int64(123456), uint8(0))
	}
	f.Add("", int64(-MaxMoney), uint8(1))
	f.Add("-", int64(MaxMoney), uint8(2))
	f.Fuzz(func(t *testing.T, s string, cents int64, d uint8) {
		dec := Decimal(d % 4)
		m, err := ParseMoney(s, dec)
		checkErr(t, "ParseMoney", err, ErrNotNumber)
		if err == nil {
			if m > MaxMoney || m < -MaxMoney {
				t.Fatalf("ParseMoney(%q) = %d, beyond MaxMoney", s, m)
			}
			f, err := ParseNumber(s, dec)
			if err != nil {
				t.Fatalf("ParseMoney(%q, %v) = %d but ParseNumber failed: %v", s, dec, m, err)
			}
			if diff := math.Abs(f*100 - float64(m)); diff > 0.5+math.Abs(f)*1e-12 {
				t.Fatalf("ParseMoney(%q) = %d but ParseNumber = %v", s, m, f)
			}
		}

		// A plain decimal must come out exactly as big.Rat rounds it.
		if plainNumber.MatchString(s) {
			r, ok := new(big.Rat).SetString(s)
			if !ok {
				t.Fatalf("big.Rat cannot read %q", s)
			}
			want, inRange := roundCents(r)
			got, err := ParseMoney(s, Point)
			switch {
			case inRange && (err != nil || got != want):
				t.Fatalf("ParseMoney(%q, Point) = %d, %v; want %d", s, got, err, want)
			case !inRange && err == nil:
				t.Fatalf("ParseMoney(%q, Point) = %d, want an out-of-range error", s, got)
			}
		}

		// Round trips: any amount, written plainly or grouped, reads back.
		m = repcard.Money(cents % int64(MaxMoney+1))
		for _, tc := range []struct {
			s   string
			dec Decimal
		}{
			{m.String(), Point},
			{m.String(), DecimalAuto},
			{strings.Replace(m.String(), ".", ",", 1), Comma},
			{strings.Replace(m.String(), ".", ",", 1), DecimalAuto},
			{formatMoney(m, ",", "."), Point},
			{formatMoney(m, ".", ","), Comma},
			{formatMoney(m, "\u00a0", ","), DecimalAuto},
			{"$" + formatMoney(m, ",", "."), DecimalAuto},
			{formatMoney(m, "'", ".") + " CHF", Point},
		} {
			got, err := ParseMoney(tc.s, tc.dec)
			if err != nil || got != m {
				t.Fatalf("ParseMoney(%q, %v) = %d, %v; want %d", tc.s, tc.dec, got, err, m)
			}
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, tc := range numberTests {
		f.Add(tc.In, 1234.5, uint8(tc.Dec))
	}
	f.Add("1e308", math.MaxFloat64, uint8(1))
	f.Add("5e-324", math.SmallestNonzeroFloat64, uint8(0))
	f.Fuzz(func(t *testing.T, s string, x float64, d uint8) {
		dec := Decimal(d % 4)
		v, err := ParseNumber(s, dec)
		checkErr(t, "ParseNumber", err, ErrNotNumber)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		n, err := ParseCount(s, dec)
		checkErr(t, "ParseCount", err, ErrNotNumber)
		if err == nil && (n < 0 || n > maxCount) {
			t.Fatalf("ParseCount(%q) = %d", s, n)
		}
		p, err := ParsePercent(s, dec)
		checkErr(t, "ParsePercent", err, ErrNotNumber)
		if err == nil && (math.IsNaN(p) || math.IsInf(p, 0)) {
			t.Fatalf("ParsePercent(%q) = %v", s, p)
		}
		ParseBool(s)

		// A plain decimal must come out exactly as strconv reads it.
		if plainNumber.MatchString(s) {
			want, err := strconv.ParseFloat(s, 64)
			got, err2 := ParseNumber(s, Point)
			if err == nil && (err2 != nil || got != want && !(got == 0 && want == 0)) {
				t.Fatalf("ParseNumber(%q, Point) = %v, %v; strconv says %v", s, got, err2, want)
			}
			if err != nil && !math.IsInf(want, 0) && err2 == nil {
				t.Fatalf("ParseNumber(%q, Point) = %v; strconv fails: %v", s, got, err)
			}
		}

		// Point and comma are mirror images: swapping them in a value
		// without words swaps the decimal convention and nothing else. Only
		// Indian grouping (12,34,567) is for commas alone.
		if isPlainASCII(s) && !indianGroup.MatchString(s) {
			swapped := strings.Map(func(r rune) rune {
				switch r {
				case '.':
					return ','
				case ',':
					return '.'
				}
				return r
			}, s)
			for _, pair := range [][2]Decimal{{Point, Comma}, {Comma, Point}, {DecimalAuto, DecimalAuto}} {
				a, errA := ParseNumber(s, pair[0])
				b, errB := ParseNumber(swapped, pair[1])
				if (errA == nil) != (errB == nil) || a != b {
					t.Fatalf("ParseNumber(%q, %v) = %v, %v but ParseNumber(%q, %v) = %v, %v", s, pair[0], a, errA, swapped, pair[1], b, errB)
				}
			}
		}

		// Round trips: what strconv writes, we read.
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		for _, tc := range []struct {
			s   string
			dec Decimal
		}{
			{strconv.FormatFloat(x, 'f', -1, 64), Point},
			{strconv.FormatFloat(x, 'g', -1, 64), Point},
			{strconv.FormatFloat(x, 'e', -1, 64), DecimalAuto},
			{strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1), Comma},
		} {
			got, err := ParseNumber(tc.s, tc.dec)
			if err != nil || got != x && !(got == 0 && x == 0) {
				t.Fatalf("ParseNumber(%q, %v) = %v, %v; want %v", tc.s, tc.dec, got, err, x)
			}
		}
	})
}

// FuzzColumns checks that a column's decision never changes how a value
// that reads unambiguously is read, and that the columns never panic.
func FuzzColumns(f *testing.F) {
	f.Add("31/10/2026\n03/04/2026\n\n1.234,50\n12,5")
	f.Add("10/31/2026\n31/10/2026\n1,234.50\n12,5\n1,234")
	f.Add("Sat, 31/10/2026\n2026-10-31\n1 234,56 €\n65,5 %\n(500)")
	f.Fuzz(func(t *testing.T, data string) {
		values := strings.Split(data, "\n")
		var dc DateColumn
		var nc DecimalColumn
		for _, v := range values {
			dc.Observe(v)
			nc.Observe(v)
		}
		order, decided, conflicting := dc.Order()
		if conflicting && !decided || !decided && order != DateAuto {
			t.Fatalf("Order() = %v, %v, %v", order, decided, conflicting)
		}
		dec, decidedDec, conflictingDec := nc.Decimal()
		if conflictingDec && !decidedDec || !decidedDec && dec != DecimalAuto {
			t.Fatalf("Decimal() = %v, %v, %v", dec, decidedDec, conflictingDec)
		}
		for _, v := range values {
			if decided && !conflicting {
				if a, err := ParseDate(v, DateAuto); err == nil {
					if b, err := ParseDate(v, order); err != nil || a != b {
						t.Fatalf("ParseDate(%q): auto %v, %v: %v, %v", v, a, order, b, err)
					}
				}
			}
			if decidedDec && !conflictingDec {
				if a, err := ParseNumber(v, DecimalAuto); err == nil {
					if b, err := ParseNumber(v, dec); err != nil || a != b {
						t.Fatalf("ParseNumber(%q): auto %v, %v: %v, %v", v, a, dec, b, err)
					}
				}
				if a, err := ParseMoney(v, DecimalAuto); err == nil {
					if b, err := ParseMoney(v, dec); err != nil || a != b {
						t.Fatalf("ParseMoney(%q): auto %v, %v: %v, %v", v, a, dec, b, err)
					}
				}
				// A count reads "1,200" as 1200 with DecimalAuto, a guess
				// rather than a reading; a comma column makes it 1.2.
				if _, err := ParseNumber(v, DecimalAuto); errors.Is(err, ErrAmbiguous) {
					continue
				}
				if a, err := ParseCount(v, DecimalAuto); err == nil {
					if b, err := ParseCount(v, dec); err != nil || a != b {
						t.Fatalf("ParseCount(%q): auto %v, %v: %v, %v", v, a, dec, b, err)
					}
				}
			}
		}
	})
}
