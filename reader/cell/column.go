package cell

// DateColumn decides a column's date order from its values, for DateAuto:
// Observe a sample (or every value), then ask Order. The zero DateColumn is
// ready to use.
//
// Only numeric dates with / or - vote, and only when they parse and say
// their order by themselves: 31/10/2026 votes day first, 10/31/2026 month
// first. Blank, ambiguous, unreadable and other forms are ignored.
type DateColumn struct {
	mdy, dmy int
	first    DateOrder
}

// Observe takes one value of the column into account.
func (c *DateColumn) Observe(s string) {
	_, says, err := parseDate(s, DateAuto)
	if err != nil || says == DateAuto {
		return
	}
	if says == MDY {
		c.mdy++
	} else {
		c.dmy++
	}
	if c.first == DateAuto {
		c.first = says
	}
}

// Order returns the column's date order. decided is false (and order is
// DateAuto) until a value has said its order. conflicting is true when
// values disagree; order is then the majority, or on a tie the first seen,
// and the column deserves a word to the user.
func (c *DateColumn) Order() (order DateOrder, decided bool, conflicting bool) {
	switch {
	case c.mdy == 0 && c.dmy == 0:
		return DateAuto, false, false
	case c.mdy > c.dmy:
		return MDY, true, c.dmy > 0
	case c.dmy > c.mdy:
		return DMY, true, c.mdy > 0
	}
	return c.first, true, true
}

// Votes returns how many observed values said month first and day first.
func (c *DateColumn) Votes() (mdy, dmy int) { return c.mdy, c.dmy }

// DecimalColumn decides a column's decimal separator from its values, for
// DecimalAuto: Observe a sample (or every value), then ask Decimal. The
// zero DecimalColumn is ready to use.
//
// A value votes when it reads as a number and its separators say which is
// the decimal one: 1.234,50, 12,5 and 1.234.567 vote comma; 1,234.50, 12.5
// and 1,234,567 vote point. Blank, ambiguous (1,234), plain (1234) and
// unreadable values are ignored.
type DecimalColumn struct {
	point, comma int
	first        Decimal
}

// Observe takes one value of the column into account.
func (c *DecimalColumn) Observe(s string) {
	n, err := scan(s, DecimalAuto, false)
	if err != nil || n.decided == DecimalAuto {
		return
	}
	if n.decided == Point {
		c.point++
	} else {
		c.comma++
	}
	if c.first == DecimalAuto {
		c.first = n.decided
	}
}

// Decimal returns the column's decimal separator. decided is false (and dec
// is DecimalAuto) until a value has said which it uses. conflicting is true
// when values disagree; dec is then the majority, or on a tie the first
// seen.
func (c *DecimalColumn) Decimal() (dec Decimal, decided bool, conflicting bool) {
	switch {
	case c.point == 0 && c.comma == 0:
		return DecimalAuto, false, false
	case c.point > c.comma:
		return Point, true, c.comma > 0
	case c.comma > c.point:
		return Comma, true, c.point > 0
	}
	return c.first, true, true
}

// Votes returns how many observed values said decimal point and decimal
// comma.
func (c *DecimalColumn) Votes() (point, comma int) { return c.point, c.comma }
