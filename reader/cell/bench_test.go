package cell

import (
	"testing"

	"github.com/repcard/repcard"
)

var (
	sinkDate  repcard.Date
	sinkMoney repcard.Money
	sinkInt   int
	sinkErr   error
	sinkFloat float64
)

func BenchmarkParseDate(b *testing.B) {
	for _, bc := range []struct {
		name, in string
		order    DateOrder
	}{
		{"ISO", "2026-10-31", DateAuto},
		{"ISODateTime", "2026-10-31T14:05:00.123+02:00", DateAuto},
		{"Slash", "10/31/2026", DateAuto},
		{"SlashForced", "03/04/2026", DMY},
		{"SlashTime", "10/31/2026 2:05 PM", MDY},
		{"Dots", "31.10.2026", DateAuto},
		{"MonthName", "Oct 31, 2026", DateAuto},
		{"DayMonYear", "31-Oct-2026", DateAuto},
		{"Serial", "46326", DateAuto},
		{"Ambiguous", "03/04/2026", DateAuto},
		{"Garbage", "not a date", DateAuto},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, err := ParseDate(bc.in, bc.order)
				sinkDate, sinkErr = d, err
			}
		})
	}
}

func BenchmarkDateFromSerial(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := DateFromSerial(46326.75, false)
		sinkDate, sinkErr = d, err
	}
}

func BenchmarkParseMoney(b *testing.B) {
	for _, bc := range []struct {
		name, in string
		dec      Decimal
	}{
		{"Integer", "42", DecimalAuto},
		{"Plain", "1234.56", DecimalAuto},
		{"GroupedPoint", "$1,234,567.89", DecimalAuto},
		{"GroupedComma", "1.234.567,89 €", DecimalAuto},
		{"SpaceGrouped", "1\u00a0234,56", DecimalAuto},
		{"Code", "USD 1,234.50", DecimalAuto},
		{"Parentheses", "(500.00)", DecimalAuto},
		{"Forced", "1,234", Point},
		{"Ambiguous", "1,234", DecimalAuto},
		{"Garbage", "12abc", DecimalAuto},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m, err := ParseMoney(bc.in, bc.dec)
				sinkMoney, sinkErr = m, err
			}
		})
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"Integer", "42"},
		{"Decimal", "1234.56"},
		{"Grouped", "1.234.567,89"},
		{"Exponent", "1.5e-3"},
		{"LongDigits", "0.1000000000000000055511151231257827"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := ParseNumber(bc.in, DecimalAuto)
				sinkFloat, sinkErr = f, err
			}
		})
	}
}

func BenchmarkParseCount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		n, err := ParseCount("1,200", DecimalAuto)
		sinkInt, sinkErr = n, err
	}
}

func BenchmarkParsePercent(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		f, err := ParsePercent("0.65", DecimalAuto)
		sinkFloat, sinkErr = f, err
	}
}

func BenchmarkColumns(b *testing.B) {
	b.ReportAllocs()
	var dc DateColumn
	var nc DecimalColumn
	for b.Loop() {
		dc.Observe("31/10/2026")
		nc.Observe("1.234,50")
	}
}
