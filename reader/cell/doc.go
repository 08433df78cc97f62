// Package cell reads single spreadsheet cell values (dates, money, numbers,
// counts, percentages and yes/no flags) as sales exports and tally sheets
// write them.
//
// For the cells of one row
//
//	Sat, Oct 31, 2026 | 1.234,50 € | (500) | 65 % | 1,200 | yes
//
// the parsers return
//
//	cell.ParseDate(v, cell.DateAuto)         2026-10-31
//	cell.ParseMoney(v, cell.DecimalAuto)     123450 (cents)
//	cell.ParseMoney(v, cell.DecimalAuto)     -50000
//	cell.ParsePercent(v, cell.DecimalAuto)   65
//	cell.ParseCount(v, cell.DecimalAuto)     1200
//	cell.ParseBool(v)                        true, true
//
// The parsers are plain functions written for the hot path of a
// million-row export: they scan bytes by hand and allocate nothing when they
// succeed (nor for most failures).
//
// # Blank, wrong and ambiguous
//
// A cell that is empty or white space gives ErrBlank: blank means absent,
// never zero. A value that cannot be read gives an *Error whose message is
// short and meant for a data-issues report ("month 13 out of range",
// "negative count") and which wraps ErrNotDate or ErrNotNumber. The
// parsers are strict: "12abc", "--5" and "1.2.3,4,5" are errors, not 12,
// -5 or anything else.
//
// Some values can be read two ways: 03/04/2026 is 4 March or 3 April, and
// 1,234 is 1234 or 1.234. With DateAuto and DecimalAuto they give
// ErrAmbiguous. A column usually settles the question: feed its values to
// a DateColumn or DecimalColumn, then parse each value with the order or
// decimal separator the column decided, or report a column that could not
// be decided or whose values disagree.
//
//	var dc cell.DecimalColumn
//	for _, v := range column {
//		dc.Observe(v)
//	}
//	dec, decided, conflicting := dc.Decimal()
//	if !decided || conflicting { /* tell the user; values may be ErrAmbiguous */ }
//	for _, v := range column {
//		amount, err := cell.ParseMoney(v, dec)
//		…
//	}
//
// # Serial dates
//
// Workbooks store dates as numbers; read those with DateFromSerial, which
// knows the 1900 and 1904 systems. A plain number that reaches ParseDate as
// text (a CSV saved from a sheet whose dates lost their format) is taken
// as a 1900-system serial.
package cell
