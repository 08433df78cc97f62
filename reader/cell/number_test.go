package cell

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

var numberTests = []struct {
	Name string
	In   string
	Dec  Decimal
	Want float64
	Err  error  // nil, ErrBlank, ErrAmbiguous or ErrNotNumber
	Msg  string // the exact message, when it matters
}{
	{Name: "Integer", In: "1234", Want: 1234},
	{Name: "Zero", In: "0", Want: 0},
	{Name: "NegativeZero", In: "-0", Want: 0},
	{Name: "Minus", In: "-12", Want: -12},
	{Name: "Plus", In: "+12", Want: 12},
	{Name: "UnicodeMinus", In: "\u221212", Want: -12},
	{Name: "PointDecimal", In: "12.5", Want: 12.5},
	{Name: "CommaDecimal", In: "12,5", Want: 12.5},
	{Name: "GroupedPoint", In: "1,234.56", Want: 1234.56},
	{Name: "GroupedComma", In: "1.234,56", Want: 1234.56},
	{Name: "SpaceGrouped", In: "1 234,56", Want: 1234.56},
	{Name: "NoBreakSpaceGrouped", In: "1\u00a0234,56", Want: 1234.56},
	{Name: "NarrowNoBreakSpaceGrouped", In: "1\u202f234\u202f567,5", Want: 1234567.5},
	{Name: "ThinSpaceGrouped", In: "1\u2009234.5", Want: 1234.5},
	{Name: "SpaceGroupedInteger", In: "1 234", Want: 1234},
	{Name: "Apostrophe", In: "1'234.56", Want: 1234.56},
	{Name: "RightQuote", In: "1\u2019234.56", Want: 1234.56},
	{Name: "MillionPoint", In: "1,234,567", Want: 1234567},
	{Name: "MillionComma", In: "1.234.567", Want: 1234567},
	{Name: "Indian", In: "12,34,567.50", Want: 1234567.5},
	{Name: "LeadingPoint", In: ".5", Want: 0.5},
	{Name: "LeadingComma", In: ",5", Want: 0.5},
	{Name: "ZeroCommaThree", In: "0,123", Want: 0.123},
	{Name: "FourBeforeThree", In: "1234,567", Want: 1234.567},
	{Name: "FourAfter", In: "1,2345", Want: 1.2345},
	{Name: "Dollar", In: "$1,234.56", Want: 1234.56},
	{Name: "MinusDollar", In: "-$12", Want: -12},
	{Name: "DollarMinus", In: "$-12", Want: -12},
	{Name: "DollarSpace", In: "$ 12", Want: 12},
	{Name: "EuroAfter", In: "1.234,56 €", Want: 1234.56},
	{Name: "EuroBefore", In: "€1.234,56", Want: 1234.56},
	{Name: "Pound", In: "£12.50", Want: 12.5},
	{Name: "Yen", In: "¥1,000", Dec: Point, Want: 1000},
	{Name: "Rupee", In: "₹12,34,567", Want: 1234567},
	{Name: "Ruble", In: "1 234,50 ₽", Want: 1234.5},
	{Name: "CHF", In: "CHF 1'234.50", Want: 1234.5},
	{Name: "CodeBefore", In: "USD 12", Want: 12},
	{Name: "CodeAfter", In: "12 EUR", Want: 12},
	{Name: "CodeLower", In: "12 usd", Want: 12},
	{Name: "CodeNoSpace", In: "12EUR", Want: 12},
	{Name: "Real", In: "R$ 12,50", Want: 12.5},
	{Name: "USDollar", In: "US$12.50", Want: 12.5},
	{Name: "Krona", In: "12,50 kr.", Want: 12.5},
	{Name: "Zloty", In: "12,50 zł", Want: 12.5},
	{Name: "Rouble", In: "1 234,50 руб.", Want: 1234.5},
	{Name: "Hryvnia", In: "12 грн", Want: 12},
	{Name: "DashDecimals", In: "1.234,-", Want: 1234},
	{Name: "DoubleDashDecimals", In: "€ 12,--", Want: 12},
	{Name: "SwissDash", In: "Fr. 12.–", Want: 12},
	{Name: "DashDecimalsNegative", In: "-1.234,-", Want: -1234},
	{Name: "Parentheses", In: "(500)", Want: -500},
	{Name: "ParenthesesInsideCurrency", In: "$(500.00)", Want: -500},
	{Name: "ParenthesesOutsideCurrency", In: "($500)", Want: -500},
	{Name: "ParenthesesCurrencyAfter", In: "(1.234,56) €", Want: -1234.56},
	{Name: "TrailingMinus", In: "500-", Want: -500},
	{Name: "Percent", In: "12%", Want: 12},
	{Name: "PercentSpaceComma", In: "12,5 %", Want: 12.5},
	{Name: "Exponent", In: "1e3", Want: 1000},
	{Name: "ExponentNegative", In: "1.5E-2", Want: 0.015},
	{Name: "ExponentComma", In: "1,5e3", Want: 1500},
	{Name: "AccountingZero", In: "$ -", Want: 0},
	{Name: "LoneDash", In: "-", Want: 0},
	{Name: "PointForcesGrouping", In: "1,234", Dec: Point, Want: 1234},
	{Name: "CommaForcesDecimal", In: "1,234", Dec: Comma, Want: 1.234},
	{Name: "CommaForcesGrouping", In: "1.234", Dec: Comma, Want: 1234},
	{Name: "PointForcesDecimal", In: "1.234", Dec: Point, Want: 1.234},
	{Name: "ManyDigits", In: "12345678901234567890.5", Want: 12345678901234567890.5},
	{Name: "ManyFractionDigits", In: "0.1000000000000000055511151231257827021181583404541015625", Want: 0.1},
	{Name: "Tiny", In: "1e-400", Want: 0},
	{Name: "SurroundingSpace", In: "  \t12 ", Want: 12},

	{Name: "Blank", In: "", Err: ErrBlank},
	{Name: "Spaces", In: " \u00a0 ", Err: ErrBlank},
	{Name: "AmbiguousComma", In: "1,234", Err: ErrAmbiguous},
	{Name: "AmbiguousPoint", In: "1.234", Err: ErrAmbiguous},
	{Name: "AmbiguousNegative", In: "-1,234", Err: ErrAmbiguous},
	{Name: "AmbiguousPercent", In: "12,500%", Err: ErrAmbiguous},
	{Name: "CommaInPointColumn", In: "1.234,56", Dec: Point, Err: ErrNotNumber, Msg: "decimal comma in a decimal-point column"},
	{Name: "PointInCommaColumn", In: "1,234.56", Dec: Comma, Err: ErrNotNumber, Msg: "decimal point in a decimal-comma column"},
	{Name: "ShortCommaInPointColumn", In: "12,5", Dec: Point, Err: ErrNotNumber, Msg: "decimal comma in a decimal-point column"},
	{Name: "ShortPointInCommaColumn", In: "12.5", Dec: Comma, Err: ErrNotNumber, Msg: "decimal point in a decimal-comma column"},
	{Name: "PointGroupsInPointColumn", In: "1.234.567", Dec: Point, Err: ErrNotNumber},
	{Name: "Garbage", In: "12abc", Err: ErrNotNumber, Msg: "not a number"},
	{Name: "Letters", In: "abc", Err: ErrNotNumber},
	{Name: "NaN", In: "NaN", Err: ErrNotNumber},
	{Name: "Infinity", In: "Inf", Err: ErrNotNumber},
	{Name: "ManySeparators", In: "1.2.3,4,5", Err: ErrNotNumber},
	{Name: "DoubleMinus", In: "--5", Err: ErrNotNumber},
	{Name: "PlusMinus", In: "+-5", Err: ErrNotNumber},
	{Name: "MinusBothEnds", In: "-500-", Err: ErrNotNumber},
	{Name: "MinusInParentheses", In: "(-500)", Err: ErrNotNumber},
	{Name: "UnclosedParenthesis", In: "(500", Err: ErrNotNumber},
	{Name: "UnopenedParenthesis", In: "500)", Err: ErrNotNumber},
	{Name: "PercentFirst", In: "%12", Err: ErrNotNumber},
	{Name: "TwoPercents", In: "12%%", Err: ErrNotNumber},
	{Name: "TwoNumbers", In: "12 - 5", Err: ErrNotNumber},
	{Name: "TwoCurrencies", In: "$12 USD", Err: ErrNotNumber},
	{Name: "UnknownCode", In: "12 XYZ", Err: ErrNotNumber},
	{Name: "TrailingPoint", In: "12.", Err: ErrNotNumber},
	{Name: "BadGrouping", In: "1,23,4", Err: ErrNotNumber, Msg: "bad digit grouping"},
	{Name: "BadSpaceGrouping", In: "12 34", Err: ErrNotNumber, Msg: "bad digit grouping"},
	{Name: "LongFirstGroup", In: "1234,567,890", Err: ErrNotNumber, Msg: "bad digit grouping"},
	{Name: "MixedGroupKinds", In: "1 234'567", Err: ErrNotNumber, Msg: "mixed separators"},
	{Name: "ThreeKinds", In: "1'234,567.5", Err: ErrNotNumber, Msg: "mixed separators"},
	{Name: "DecimalThenGroup", In: "1.5,000", Err: ErrNotNumber},
	{Name: "GroupedExponent", In: "1,234,567e3", Err: ErrNotNumber},
	{Name: "LongExponent", In: "1e12345", Err: ErrNotNumber},
	{Name: "Overflow", In: "1e999", Err: ErrNotNumber, Msg: "number out of range"},
	{Name: "TooManyGroups", In: "1" + strings.Repeat(",000", 17), Err: ErrNotNumber},
	{Name: "NUL", In: "1\x002", Err: ErrNotNumber},
	{Name: "InvalidUTF8", In: "12\xff", Err: ErrNotNumber},
	{Name: "CurrencyOnly", In: "$", Err: ErrNotNumber},
	{Name: "PercentOnly", In: "%", Err: ErrNotNumber},
	{Name: "DigitAfterParenthesis", In: "(5)5", Err: ErrNotNumber},
	{Name: "DashDecimalsThenMinus", In: "12,--", Want: 12},
	{Name: "DashDecimalsTrailingMinus", In: "12,---", Err: ErrNotNumber},
	{Name: "DashDecimalsTwice", In: "1,234,-", Err: ErrNotNumber, Msg: "mixed separators"},
	{Name: "DashDecimalsWrongColumn", In: "1.234,-", Dec: Point, Err: ErrNotNumber, Msg: "decimal comma in a decimal-point column"},
	{Name: "CyrillicWordGlued", In: "12 рубль", Err: ErrNotNumber},
}

func TestParseNumber(t *testing.T) {
	for _, tc := range numberTests {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ParseNumber(tc.In, tc.Dec)
			if tc.Err == nil {
				if err != nil || got != tc.Want || math.Signbit(got) != math.Signbit(tc.Want) {
					t.Fatalf("ParseNumber(%q, %v) = %v, %v; want %v", tc.In, tc.Dec, got, err, tc.Want)
				}
				return
			}
			if !errors.Is(err, tc.Err) {
				t.Fatalf("ParseNumber(%q, %v) = %v, %v; want error %v", tc.In, tc.Dec, got, err, tc.Err)
			}
			if tc.Msg != "" && err.Error() != tc.Msg {
				t.Errorf("ParseNumber(%q, %v) error %q, want %q", tc.In, tc.Dec, err, tc.Msg)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	for _, tc := range []struct {
		Name string
		In   string
		Dec  Decimal
		Want repcard.Money
		Err  error
		Msg  string
	}{
		{Name: "GroupedPoint", In: "1,234.56", Want: 123456},
		{Name: "GroupedCommaEuro", In: "1.234,56 €", Want: 123456},
		{Name: "Integer", In: "12", Want: 1200},
		{Name: "Tenth", In: "0.1", Want: 10},
		{Name: "HalfUp", In: "12.345", Dec: Point, Want: 1235},
		{Name: "HalfAwayFromZero", In: "-12.345", Dec: Point, Want: -1235},
		{Name: "BelowHalf", In: "12.344", Dec: Point, Want: 1234},
		{Name: "HalfCent", In: "0.005", Want: 1},
		{Name: "NegativeHalfCent", In: "-0.005", Want: -1},
		{Name: "UnderHalfCent", In: "0.0049999", Want: 0},
		{Name: "NegativeRoundsToZero", In: "-0.004", Want: 0},
		{Name: "Parentheses", In: "(500)", Want: -50000},
		{Name: "TrailingMinus", In: "500.25-", Want: -50025},
		{Name: "AccountingZero", In: "$ -", Want: 0},
		{Name: "Exponent", In: "1e3", Want: 100000},
		{Name: "ExponentRounds", In: "1.5e-2", Want: 2},
		{Name: "USD", In: "USD 1,234.50", Want: 123450},
		{Name: "SpaceGrouped", In: "1 234,56", Want: 123456},
		{Name: "LeadingZeros", In: "000000000000000000000000012.50", Want: 1250},
		{Name: "Max", In: "90000000000000", Want: MaxMoney},
		{Name: "MaxNegative", In: "-90,000,000,000,000.00", Want: -MaxMoney},
		{Name: "MaxRoundsDown", In: "90000000000000.004", Want: MaxMoney},
		{Name: "RoundsUpToMax", In: "89999999999999.995", Want: MaxMoney},
		{Name: "ForcedComma", In: "1234,5", Dec: Comma, Want: 123450},
		{Name: "Tiny", In: "1e-9999", Want: 0},
		{Name: "OverMax", In: "90000000000000.01", Err: ErrNotNumber, Msg: "amount out of range"},
		{Name: "RoundsOverMax", In: "90000000000000.005", Err: ErrNotNumber, Msg: "amount out of range"},
		{Name: "Huge", In: "1e20", Err: ErrNotNumber, Msg: "amount out of range"},
		{Name: "HugeDigits", In: strings.Repeat("9", 40), Err: ErrNotNumber, Msg: "amount out of range"},
		{Name: "Percent", In: "12%", Err: ErrNotNumber, Msg: "a percentage, not an amount"},
		{Name: "WrongDecimal", In: "1234567.89", Dec: Comma, Err: ErrNotNumber, Msg: "decimal point in a decimal-comma column"},
		{Name: "Ambiguous", In: "1,234", Err: ErrAmbiguous},
		{Name: "Blank", In: " ", Err: ErrBlank},
		{Name: "Garbage", In: "12abc", Err: ErrNotNumber},
		{Name: "DoubleMinus", In: "--5", Err: ErrNotNumber},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ParseMoney(tc.In, tc.Dec)
			if tc.Err == nil {
				if err != nil || got != tc.Want {
					t.Fatalf("ParseMoney(%q, %v) = %d, %v; want %d", tc.In, tc.Dec, got, err, tc.Want)
				}
				return
			}
			if !errors.Is(err, tc.Err) {
				t.Fatalf("ParseMoney(%q, %v) = %d, %v; want error %v", tc.In, tc.Dec, got, err, tc.Err)
			}
			if tc.Msg != "" && err.Error() != tc.Msg {
				t.Errorf("ParseMoney(%q, %v) error %q, want %q", tc.In, tc.Dec, err, tc.Msg)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	for _, tc := range []struct {
		Name string
		In   string
		Dec  Decimal
		Want int
		Err  error
		Msg  string
	}{
		{Name: "Plain", In: "12", Want: 12},
		{Name: "Zero", In: "0", Want: 0},
		{Name: "NegativeZero", In: "-0", Want: 0},
		{Name: "PointZero", In: "12.0", Want: 12},
		{Name: "CommaZero", In: "12,0", Want: 12},
		{Name: "CommaGrouped", In: "1,200", Want: 1200},
		{Name: "PointGrouped", In: "1.200", Want: 1200},
		{Name: "Thousand", In: "1.000", Want: 1000},
		{Name: "SpaceGrouped", In: "1 200", Want: 1200},
		{Name: "Million", In: "1,234,567", Want: 1234567},
		{Name: "PointForced", In: "1,200", Dec: Point, Want: 1200},
		{Name: "Exponent", In: "1e3", Want: 1000},
		{Name: "LoneDash", In: "-", Want: 0},
		{Name: "Max", In: "9007199254740992", Want: 1 << 53},
		{Name: "CommaForcedFraction", In: "1,200", Dec: Comma, Err: ErrNotNumber, Msg: "not a whole number"},
		{Name: "Fraction", In: "12.5", Err: ErrNotNumber, Msg: "not a whole number"},
		{Name: "SmallFraction", In: "0,500", Err: ErrNotNumber, Msg: "not a whole number"},
		{Name: "Negative", In: "-3", Err: ErrNotNumber, Msg: "negative count"},
		{Name: "NegativeParentheses", In: "(3)", Err: ErrNotNumber, Msg: "negative count"},
		{Name: "NegativeTrailing", In: "3-", Err: ErrNotNumber, Msg: "negative count"},
		{Name: "Currency", In: "$12", Err: ErrNotNumber, Msg: "not a count"},
		{Name: "Percent", In: "12%", Err: ErrNotNumber, Msg: "not a count"},
		{Name: "OverMax", In: "9007199254740993", Err: ErrNotNumber, Msg: "count out of range"},
		{Name: "Blank", In: "", Err: ErrBlank},
		{Name: "Garbage", In: "twelve", Err: ErrNotNumber},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ParseCount(tc.In, tc.Dec)
			if tc.Err == nil {
				if err != nil || got != tc.Want {
					t.Fatalf("ParseCount(%q, %v) = %d, %v; want %d", tc.In, tc.Dec, got, err, tc.Want)
				}
				return
			}
			if !errors.Is(err, tc.Err) {
				t.Fatalf("ParseCount(%q, %v) = %d, %v; want error %v", tc.In, tc.Dec, got, err, tc.Err)
			}
			if tc.Msg != "" && err.Error() != tc.Msg {
				t.Errorf("ParseCount(%q, %v) error %q, want %q", tc.In, tc.Dec, err, tc.Msg)
			}
		})
	}
}

func TestParsePercent(t *testing.T) {
	for _, tc := range []struct {
		Name string
		In   string
		Dec  Decimal
		Want float64
		Err  error
		Msg  string
	}{
		{Name: "Sign", In: "65%", Want: 65},
		{Name: "SignDecimals", In: "65.0%", Want: 65},
		{Name: "CommaSpaceSign", In: "65,5 %", Want: 65.5},
		{Name: "Bare", In: "65", Want: 65},
		{Name: "Fraction", In: "0.65", Want: 65},
		{Name: "FractionExact", In: "0.57", Want: 57},
		{Name: "FractionComma", In: "0,075", Want: 7.5},
		{Name: "One", In: "1", Want: 100},
		{Name: "OneHundredSign", In: "100%", Want: 100},
		{Name: "SmallWithSign", In: "0.5%", Want: 0.5},
		{Name: "NegativeFraction", In: "-0.25", Want: -25},
		{Name: "AboveOne", In: "1.5", Want: 1.5},
		{Name: "Zero", In: "0", Want: 0},
		{Name: "Currency", In: "$5", Err: ErrNotNumber, Msg: "not a percentage"},
		{Name: "WrongDecimal", In: "12,5", Dec: Point, Err: ErrNotNumber},
		{Name: "Blank", In: "", Err: ErrBlank},
		{Name: "Garbage", In: "high", Err: ErrNotNumber},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ParsePercent(tc.In, tc.Dec)
			if tc.Err == nil {
				if err != nil || got != tc.Want {
					t.Fatalf("ParsePercent(%q, %v) = %v, %v; want %v", tc.In, tc.Dec, got, err, tc.Want)
				}
				return
			}
			if !errors.Is(err, tc.Err) {
				t.Fatalf("ParsePercent(%q, %v) = %v, %v; want error %v", tc.In, tc.Dec, got, err, tc.Err)
			}
			if tc.Msg != "" && err.Error() != tc.Msg {
				t.Errorf("ParsePercent(%q, %v) error %q, want %q", tc.In, tc.Dec, err, tc.Msg)
			}
		})
	}
}

func TestParseBool(t *testing.T) {
	for _, tc := range []struct {
		In     string
		Want   bool
		WantOK bool
	}{
		{"yes", true, true}, {"YES", true, true}, {" Yes ", true, true}, {"y", true, true},
		{"Y", true, true}, {"true", true, true}, {"TRUE", true, true}, {"1", true, true},
		{"x", true, true}, {"X", true, true}, {"✓", true, true}, {"✔", true, true}, {"☑", true, true},
		{"no", false, true}, {"NO", false, true}, {"n", false, true}, {"False", false, true},
		{"0", false, true}, {"✗", false, true}, {"✘", false, true},
		{"", false, false}, {"  ", false, false}, {"maybe", false, false}, {"2", false, false},
		{"\x11", false, false}, {"\x10", false, false}, {"yess", false, false}, {"nope", false, false},
		{"\xff", false, false},
	} {
		t.Run(tc.In, func(t *testing.T) {
			got, ok := ParseBool(tc.In)
			if got != tc.Want || ok != tc.WantOK {
				t.Fatalf("ParseBool(%q) = %v, %v; want %v, %v", tc.In, got, ok, tc.Want, tc.WantOK)
			}
		})
	}
}

func TestDecimalString(t *testing.T) {
	for d, want := range map[Decimal]string{DecimalAuto: "auto", Point: "point", Comma: "comma", -1: "auto"} {
		if got := d.String(); got != want {
			t.Errorf("Decimal(%d).String() = %q, want %q", int(d), got, want)
		}
	}
}

// TestErrorKinds checks that every error is one of the documented kinds.
func TestErrorKinds(t *testing.T) {
	var e *Error
	_, err := ParseMoney("12abc", DecimalAuto)
	if !errors.As(err, &e) || e.Err != ErrNotNumber {
		t.Errorf("ParseMoney error %#v is not an *Error wrapping ErrNotNumber", err)
	}
	_, err = ParseDate("2026-13-01", DateAuto)
	if !errors.As(err, &e) || e.Err != ErrNotDate {
		t.Errorf("ParseDate error %#v is not an *Error wrapping ErrNotDate", err)
	}
	_, err = ParseDate("03/04/2026", DateAuto)
	if !errors.Is(err, ErrAmbiguous) || errors.Is(err, ErrNotDate) {
		t.Errorf("ambiguous date error %v", err)
	}
}
