package cell

import (
	"errors"
	"strconv"
)

// The kinds of failure. Every error the parsers return is one of these or an
// *Error that wraps one, so a caller can branch with errors.Is and write the
// message (err.Error()) as the reason of a data issue. Messages never repeat
// the cell's value: the caller has it.
var (
	// ErrBlank means the cell is empty or white space only. A blank cell is
	// absent, never zero.
	ErrBlank = errors.New("blank")

	// ErrAmbiguous means the value can be read two ways and nothing in it
	// says which: "03/04/2026" with DateAuto, "1,234" with DecimalAuto. Decide
	// the column (DateColumn, DecimalColumn) or ask for a configured order.
	ErrAmbiguous = errors.New("ambiguous")

	// ErrNotDate means the value is not a date, or not a real one
	// ("month 13 out of range").
	ErrNotDate = errors.New("not a date")

	// ErrNotNumber means the value is not a number of the kind asked for: not
	// a number at all, badly grouped, out of range, a negative or fractional
	// count, a percentage where an amount belongs.
	ErrNotNumber = errors.New("not a number")
)

// Two failures a caller may want to tell from the others of their kind,
// with errors.Is. They are *Errors: ErrNotDateAtAll wraps ErrNotDate and
// ErrNegativeCount wraps ErrNotNumber.
var (
	// ErrNotDateAtAll means nothing in the value looks like a date, unlike
	// a date with a part out of range ("month 13 out of range"); its message
	// says no more than ErrNotDate.
	ErrNotDateAtAll error = &Error{ErrNotDate, "not a date"}

	// ErrNegativeCount means a count below zero.
	ErrNegativeCount error = &Error{ErrNotNumber, "negative count"}
)

// Error is a value that could not be read. Msg is short and meant for people
// ("month 13 out of range"); Err is ErrAmbiguous, ErrNotDate or ErrNotNumber.
type Error struct {
	Err error
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the kind of failure, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// Errors without a number in them are allocated once, so that failing on a
// million bad cells costs no garbage.
var (
	errNotDate       = ErrNotDateAtAll
	errAmbiguousDate = &Error{ErrAmbiguous, "ambiguous date: day and month are both 12 or less"}
	errWeekday       = &Error{ErrNotDate, "weekday does not match the date"}
	errMonthName     = &Error{ErrNotDate, "unknown month name"}
	errYear          = &Error{ErrNotDate, "year must have 2 or 4 digits"}
	errNoMonth       = &Error{ErrNotDate, "neither part can be a month"}
	errTime          = &Error{ErrNotDate, "time of day out of range"}
	errLeapDay       = &Error{ErrNotDate, "29 February in a non-leap year"}
	errSerial        = &Error{ErrNotDate, "serial date out of range"}
	errSerial60      = &Error{ErrNotDate, "serial 60 is 1900-02-29, a day that does not exist"}

	errNotNumber    = &Error{ErrNotNumber, "not a number"}
	errAmbiguousDec = &Error{ErrAmbiguous, "ambiguous decimal separator: could be thousands or decimals"}
	errGrouping     = &Error{ErrNotNumber, "bad digit grouping"}
	errSeparators   = &Error{ErrNotNumber, "mixed separators"}
	errWantPoint    = &Error{ErrNotNumber, "decimal comma in a decimal-point column"}
	errWantComma    = &Error{ErrNotNumber, "decimal point in a decimal-comma column"}
	errRange        = &Error{ErrNotNumber, "number out of range"}
	errMoneyRange   = &Error{ErrNotNumber, "amount out of range"}
	errPercentMoney = &Error{ErrNotNumber, "a percentage, not an amount"}
	errNotCount     = &Error{ErrNotNumber, "not a count"}
	errNegCount     = ErrNegativeCount
	errFracCount    = &Error{ErrNotNumber, "not a whole number"}
	errCountRange   = &Error{ErrNotNumber, "count out of range"}
	errNotPercent   = &Error{ErrNotNumber, "not a percentage"}
)

var monthNamesEn = [...]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

func rangeErr(what string, v int) error {
	return &Error{ErrNotDate, what + " " + strconv.Itoa(v) + " out of range"}
}

func dayErr(d, m int) error {
	return &Error{ErrNotDate, "day " + strconv.Itoa(d) + " out of range for " + monthNamesEn[m]}
}
