package cell

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/repcard/repcard"
)

func ymd(y, m, d int) repcard.Date { return repcard.MakeDate(y, time.Month(m), d) }

var dateTests = []struct {
	Name  string
	In    string
	Order DateOrder
	Want  repcard.Date
	Err   error  // nil, ErrBlank, ErrAmbiguous or ErrNotDate
	Msg   string // the exact message, when it matters
}{
	// ISO and other year-first forms.
	{Name: "ISO", In: "2026-10-31", Want: ymd(2026, 10, 31)},
	{Name: "ISOSlash", In: "2026/10/31", Want: ymd(2026, 10, 31)},
	{Name: "ISODot", In: "2026.10.31", Want: ymd(2026, 10, 31)},
	{Name: "ISOUnpadded", In: "2026-1-5", Want: ymd(2026, 1, 5)},
	{Name: "ISOMinutes", In: "2026-10-31 14:05", Want: ymd(2026, 10, 31)},
	{Name: "ISOSeconds", In: "2026-10-31 23:59:59", Want: ymd(2026, 10, 31)},
	{Name: "ISOZulu", In: "2026-10-31T14:05:00Z", Want: ymd(2026, 10, 31)},
	{Name: "ISOFractionOffset", In: "2026-10-31T14:05:00.123+02:00", Want: ymd(2026, 10, 31)},
	{Name: "ISOZoneNotConverted", In: "2026-10-31T23:30:00-05:00", Want: ymd(2026, 10, 31)},
	{Name: "ISOOffsetNoColon", In: "2026-10-31T23:59:59.1234567-0500", Want: ymd(2026, 10, 31)},
	{Name: "ISOGoTimeString", In: "2026-10-31 14:05:00 +0000 UTC", Want: ymd(2026, 10, 31)},
	{Name: "ISOZoneName", In: "2026-10-31 14:05 CEST", Want: ymd(2026, 10, 31)},
	{Name: "ISOGMTOffset", In: "2026-10-31 14:05 GMT+2", Want: ymd(2026, 10, 31)},
	{Name: "ISOSpaces", In: "  2026-10-31\t", Want: ymd(2026, 10, 31)},
	{Name: "ISONoBreakSpaces", In: "\u00a02026-10-31\u202f", Want: ymd(2026, 10, 31)},
	{Name: "ISOByteOrderMark", In: "\ufeff2026-10-31", Want: ymd(2026, 10, 31)},
	{Name: "ISOUnderMDY", In: "2026-10-31", Order: MDY, Want: ymd(2026, 10, 31)},
	{Name: "ISOUnderDMY", In: "2026-03-04", Order: DMY, Want: ymd(2026, 3, 4)},
	{Name: "Compact", In: "20261031", Want: ymd(2026, 10, 31)},
	{Name: "LeapDay", In: "2024-02-29", Want: ymd(2024, 2, 29)},
	{Name: "LeapDay2000", In: "2000-02-29", Want: ymd(2000, 2, 29)},
	{Name: "FirstDay", In: "0001-01-01", Want: ymd(1, 1, 1)},
	{Name: "LastDay", In: "9999-12-31", Want: ymd(9999, 12, 31)},
	{Name: "NotLeap", In: "2026-02-29", Err: ErrNotDate, Msg: "29 February in a non-leap year"},
	{Name: "NotLeap1900", In: "1900-02-29", Err: ErrNotDate, Msg: "29 February in a non-leap year"},
	{Name: "Month13", In: "2026-13-01", Err: ErrNotDate, Msg: "month 13 out of range"},
	{Name: "Month0", In: "2026-00-10", Err: ErrNotDate, Msg: "month 0 out of range"},
	{Name: "April31", In: "2026-04-31", Err: ErrNotDate, Msg: "day 31 out of range for April"},
	{Name: "Day32", In: "2026-10-32", Err: ErrNotDate, Msg: "day 32 out of range"},
	{Name: "Year0", In: "0000-01-01", Err: ErrNotDate, Msg: "year 0 out of range"},
	{Name: "NoDay", In: "2026-10", Err: ErrNotDate, Msg: "not a date"},
	{Name: "Hour25", In: "2026-10-31 25:00", Err: ErrNotDate, Msg: "time of day out of range"},
	{Name: "Minute60", In: "2026-10-31 14:60", Err: ErrNotDate, Msg: "time of day out of range"},
	{Name: "BareT", In: "2026-10-31T", Err: ErrNotDate},
	{Name: "TrailingWords", In: "2026-10-31 garbage", Err: ErrNotDate},
	{Name: "TrailingLetter", In: "2026-10-31x", Err: ErrNotDate},
	{Name: "MixedSeparators", In: "2026-10/31", Err: ErrNotDate},
	{Name: "TAfterSlash", In: "2026/10/31T14:05", Err: ErrNotDate},
	{Name: "CompactBadMonth", In: "20261331", Err: ErrNotDate, Msg: "month 13 out of range"},

	// Numeric dates, by order.
	{Name: "MDYForced", In: "10/31/2026", Order: MDY, Want: ymd(2026, 10, 31)},
	{Name: "DMYForced", In: "31/10/2026", Order: DMY, Want: ymd(2026, 10, 31)},
	{Name: "AutoDayFirst", In: "31/10/2026", Want: ymd(2026, 10, 31)},
	{Name: "AutoMonthFirst", In: "10/31/2026", Want: ymd(2026, 10, 31)},
	{Name: "AutoEqual", In: "05/05/2026", Want: ymd(2026, 5, 5)},
	{Name: "AutoAmbiguous", In: "03/04/2026", Err: ErrAmbiguous},
	{Name: "AutoAmbiguousShortYear", In: "3/1/17", Err: ErrAmbiguous},
	{Name: "MDYResolves", In: "03/04/2026", Order: MDY, Want: ymd(2026, 3, 4)},
	{Name: "DMYResolves", In: "03/04/2026", Order: DMY, Want: ymd(2026, 4, 3)},
	{Name: "OneDigitParts", In: "3/1/2017", Order: MDY, Want: ymd(2017, 3, 1)},
	{Name: "ShortYear", In: "3/1/17", Order: MDY, Want: ymd(2017, 3, 1)},
	{Name: "Pivot69", In: "1/2/69", Order: MDY, Want: ymd(2069, 1, 2)},
	{Name: "Pivot70", In: "1/2/70", Order: MDY, Want: ymd(1970, 1, 2)},
	{Name: "Pivot99", In: "12/31/99", Want: ymd(1999, 12, 31)},
	{Name: "Pivot00", In: "12/31/00", Want: ymd(2000, 12, 31)},
	{Name: "TimePM", In: "10/31/2026 2:05 PM", Want: ymd(2026, 10, 31)},
	{Name: "TimeAMLower", In: "10/31/2026 11:59 am", Want: ymd(2026, 10, 31)},
	{Name: "TimeAMDots", In: "10/31/2026 9:00 a.m.", Want: ymd(2026, 10, 31)},
	{Name: "TimePMNoSpace", In: "10/31/2026 2:05:00PM", Want: ymd(2026, 10, 31)},
	{Name: "Time24", In: "31/10/2026 14:05", Want: ymd(2026, 10, 31)},
	{Name: "Time13PM", In: "10/31/2026 13:05 PM", Err: ErrNotDate, Msg: "time of day out of range"},
	{Name: "AMWithoutTime", In: "10/31/2026 PM", Err: ErrNotDate},
	{Name: "ImpossibleUnderDMY", In: "10/31/2026", Order: DMY, Err: ErrNotDate, Msg: "month 31 out of range"},
	{Name: "ImpossibleUnderMDY", In: "31/10/2026", Order: MDY, Err: ErrNotDate, Msg: "month 31 out of range"},
	{Name: "NeitherIsMonth", In: "31/31/2026", Err: ErrNotDate, Msg: "neither part can be a month"},
	{Name: "February30", In: "2/30/2026", Err: ErrNotDate, Msg: "day 30 out of range for February"},
	{Name: "DayZero", In: "0/5/2026", Err: ErrNotDate, Msg: "day 0 out of range"},
	{Name: "ThreeDigitYear", In: "1/2/202", Err: ErrNotDate, Msg: "year must have 2 or 4 digits"},
	{Name: "AmbiguousBadTime", In: "03/04/2026 99:00", Err: ErrNotDate, Msg: "time of day out of range"},
	{Name: "AmbiguousYear0", In: "03/04/0000", Err: ErrNotDate, Msg: "year 0 out of range"},
	{Name: "DashDayFirst", In: "31-10-2026", Want: ymd(2026, 10, 31)},
	{Name: "DashNeedsLongYear", In: "26-10-31", Err: ErrNotDate, Msg: "year must have 2 or 4 digits"},
	{Name: "ThreeDigitPart", In: "100/1/2026", Err: ErrNotDate},

	// Day-first with dots.
	{Name: "Dots", In: "31.10.2026", Want: ymd(2026, 10, 31)},
	{Name: "DotsUnderMDY", In: "31.10.2026", Order: MDY, Want: ymd(2026, 10, 31)},
	{Name: "DotsAmbiguousLooking", In: "03.04.2026", Want: ymd(2026, 4, 3)},
	{Name: "DotsShortYear", In: "1.2.26", Want: ymd(2026, 2, 1)},
	{Name: "DotsTime", In: "31.10.2026 14:05", Want: ymd(2026, 10, 31)},
	{Name: "DotsMonthFirst", In: "10.31.2026", Err: ErrNotDate, Msg: "month 31 out of range"},
	{Name: "DotsNoYear", In: "31.10", Err: ErrNotDate},

	// Month names.
	{Name: "DayMonAbbrevYear", In: "31-Oct-2026", Want: ymd(2026, 10, 31)},
	{Name: "DayMonShortYear", In: "01-Jan-15", Want: ymd(2015, 1, 1)},
	{Name: "DayMonTime", In: "31-Oct-26 00:00", Want: ymd(2026, 10, 31)},
	{Name: "DaySlashMonYear", In: "31/Oct/2026", Want: ymd(2026, 10, 31)},
	{Name: "SASDate9", In: "31OCT2026", Want: ymd(2026, 10, 31)},
	{Name: "SASDate7", In: "01JAN15", Want: ymd(2015, 1, 1)},
	{Name: "GluedMonthNoDay", In: "Oct31, 2026", Err: ErrNotDate},
	{Name: "ShortYearWithComma", In: "Oct 31, 26", Want: ymd(2026, 10, 31)},
	{Name: "DaySlashMonDash", In: "31/Oct-2026", Err: ErrNotDate},
	{Name: "JavaScriptToString", In: "Sat Oct 31 2026 14:05:00 GMT+0200 (Central European Summer Time)", Want: ymd(2026, 10, 31)},
	{Name: "ParenthesisWithoutZone", In: "2026-10-31 14:05 (lunch)", Err: ErrNotDate},
	{Name: "DaySpaceMon", In: "31 Oct 2026", Want: ymd(2026, 10, 31)},
	{Name: "DaySpaceMonth", In: "31 October 2026", Want: ymd(2026, 10, 31)},
	{Name: "DayMonthUpper", In: "31 OCTOBER 2026", Want: ymd(2026, 10, 31)},
	{Name: "Ordinal", In: "1st October 2026", Want: ymd(2026, 10, 1)},
	{Name: "MonDayCommaYear", In: "Oct 31, 2026", Want: ymd(2026, 10, 31)},
	{Name: "MonthDayYear", In: "October 31 2026", Want: ymd(2026, 10, 31)},
	{Name: "LowerMon", In: "oct 31 2026", Want: ymd(2026, 10, 31)},
	{Name: "Sept", In: "Sept 30, 2026", Want: ymd(2026, 9, 30)},
	{Name: "Sep", In: "Sep 30 2026", Want: ymd(2026, 9, 30)},
	{Name: "MonDot", In: "Oct. 31, 2026", Want: ymd(2026, 10, 31)},
	{Name: "MonOrdinal", In: "Oct 31st, 2026", Want: ymd(2026, 10, 31)},
	{Name: "MonTime", In: "Oct 31, 2026 2:05 PM", Want: ymd(2026, 10, 31)},
	{Name: "LeapByName", In: "February 29, 2028", Want: ymd(2028, 2, 29)},
	{Name: "Weekday", In: "Sat, Oct 31, 2026", Want: ymd(2026, 10, 31)},
	{Name: "WeekdayFull", In: "Saturday, October 31, 2026", Want: ymd(2026, 10, 31)},
	{Name: "WeekdayRFC1123", In: "Sat, 31 Oct 2026 14:05:00 GMT", Want: ymd(2026, 10, 31)},
	{Name: "WeekdayISO", In: "Sat 2026-10-31", Want: ymd(2026, 10, 31)},
	{Name: "WeekdayWrong", In: "Fri, Oct 31, 2026", Err: ErrNotDate, Msg: "weekday does not match the date"},
	{Name: "WeekdayOnly", In: "Saturday", Err: ErrNotDate},
	{Name: "UnknownMonth", In: "31-Foo-2026", Err: ErrNotDate, Msg: "unknown month name"},
	{Name: "UnknownWord", In: "Foo 31, 2026", Err: ErrNotDate},
	{Name: "MonthYearOnly", In: "Oct 2026", Err: ErrNotDate},
	{Name: "NoYear", In: "31 Oct", Err: ErrNotDate},
	{Name: "NameDay31InNovember", In: "Nov 31, 2026", Err: ErrNotDate, Msg: "day 31 out of range for November"},

	// Excel serials as text.
	{Name: "Serial", In: "46326", Want: ymd(2026, 10, 31)},
	{Name: "SerialTime", In: "46326.75", Want: ymd(2026, 10, 31)},
	{Name: "SerialAlmostMidnight", In: "46326.9999999999", Want: ymd(2026, 11, 1)},
	{Name: "Serial61", In: "61", Want: ymd(1900, 3, 1)},
	{Name: "Serial1", In: "1", Want: ymd(1900, 1, 1)},
	{Name: "SerialMax", In: "2958465", Want: ymd(9999, 12, 31)},
	{Name: "SerialFakeLeapDay", In: "60", Err: ErrNotDate, Msg: "serial 60 is 1900-02-29, a day that does not exist"},
	{Name: "Serial0", In: "0", Err: ErrNotDate, Msg: "serial date out of range"},
	{Name: "SerialTooBig", In: "2958466", Err: ErrNotDate},
	{Name: "SerialHuge", In: "123456789", Err: ErrNotDate},
	{Name: "SerialNegative", In: "-45000", Err: ErrNotDate},

	// Blank and garbage.
	{Name: "Empty", In: "", Err: ErrBlank},
	{Name: "Spaces", In: "   ", Err: ErrBlank},
	{Name: "NoBreakSpace", In: "\u00a0", Err: ErrBlank},
	{Name: "NA", In: "n/a", Err: ErrNotDate, Msg: "not a date"},
	{Name: "Dash", In: "-", Err: ErrNotDate},
	{Name: "TimeOnly", In: "14:05", Err: ErrNotDate},
	{Name: "NUL", In: "2026-10-31\x00", Err: ErrNotDate},
	{Name: "InvalidUTF8", In: "\xff\xfe", Err: ErrNotDate},
	{Name: "LongZoneWord", In: "2026-10-31 14:05 ABCDEFG", Err: ErrNotDate},
	{Name: "HugeYear", In: "99999-01-01", Err: ErrNotDate},

	// Month names of other languages, and how they write dates.
	{Name: "GermanDotDay", In: "31. Okt. 2026", Want: ymd(2026, 10, 31)},
	{Name: "GermanFull", In: "31. Oktober 2026", Want: ymd(2026, 10, 31)},
	{Name: "GermanUmlaut", In: "1. März 2026", Want: ymd(2026, 3, 1)},
	{Name: "GermanUmlautUpper", In: "1. MÄRZ 2026", Want: ymd(2026, 3, 1)},
	{Name: "GermanMaerz", In: "1. Maerz 2026", Want: ymd(2026, 3, 1)},
	{Name: "GermanDez", In: "24.Dez.2026", Want: ymd(2026, 12, 24)},
	{Name: "AustrianJaenner", In: "2. Jänner 2026", Want: ymd(2026, 1, 2)},
	{Name: "FrenchAbbrev", In: "31 oct. 2026", Want: ymd(2026, 10, 31)},
	{Name: "FrenchAccent", In: "15 févr. 2026", Want: ymd(2026, 2, 15)},
	{Name: "FrenchFull", In: "25 décembre 2026", Want: ymd(2026, 12, 25)},
	{Name: "FrenchNoAccent", In: "25 decembre 2026", Want: ymd(2026, 12, 25)},
	{Name: "FrenchAout", In: "15 août 2026", Want: ymd(2026, 8, 15)},
	{Name: "FrenchJuil", In: "14 juil. 2026", Want: ymd(2026, 7, 14)},
	{Name: "PortugueseSlash", In: "31/out/2026", Want: ymd(2026, 10, 31)},
	{Name: "PortugueseDe", In: "31 de outubro de 2026", Want: ymd(2026, 10, 31)},
	{Name: "PortugueseDeAbbrev", In: "1 de dez. de 2026", Want: ymd(2026, 12, 1)},
	{Name: "PortugueseMarco", In: "5 de março de 2026", Want: ymd(2026, 3, 5)},
	{Name: "SpanishDash", In: "31-dic-2026", Want: ymd(2026, 12, 31)},
	{Name: "SpanishEne", In: "02-ene-26", Want: ymd(2026, 1, 2)},
	{Name: "SpanishDe", In: "31 de diciembre de 2026", Want: ymd(2026, 12, 31)},
	{Name: "SpanishDel", In: "31 de diciembre del 2026", Want: ymd(2026, 12, 31)},
	{Name: "SpanishSetiembre", In: "30 setiembre 2026", Want: ymd(2026, 9, 30)},
	{Name: "SpanishTime", In: "31-dic-2026 14:05", Want: ymd(2026, 12, 31)},
	{Name: "DutchMaart", In: "31 maart 2026", Want: ymd(2026, 3, 31)},
	{Name: "DutchMrt", In: "31-mrt-2026", Want: ymd(2026, 3, 31)},
	{Name: "DutchMei", In: "1 mei 2026", Want: ymd(2026, 5, 1)},
	{Name: "ItalianFull", In: "31 ottobre 2026", Want: ymd(2026, 10, 31)},
	{Name: "ItalianGen", In: "7-gen-2026", Want: ymd(2026, 1, 7)},
	{Name: "ItalianMonthFirst", In: "Ott 31, 2026", Want: ymd(2026, 10, 31)},
	{Name: "ForeignDayMissing", In: "de octubre de 2026", Err: ErrNotDate},
	{Name: "ForeignDeNoMonth", In: "31 de de 2026", Err: ErrNotDate, Msg: "unknown month name"},
	{Name: "ForeignNotMonth", In: "31 oktobre 2026", Err: ErrNotDate, Msg: "unknown month name"},
	{Name: "ForeignDotNoName", In: "31. 2026", Err: ErrNotDate},
	{Name: "ForeignLongWord", In: "31 décembreeeeee 2026", Err: ErrNotDate, Msg: "unknown month name"},
	{Name: "ForeignDayTooBig", In: "31. Feb. 2026", Err: ErrNotDate},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateTests {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := ParseDate(tc.In, tc.Order)
			if tc.Err == nil {
				if err != nil || got != tc.Want {
					t.Fatalf("ParseDate(%q, %v) = %v, %v; want %v", tc.In, tc.Order, got, err, tc.Want)
				}
				return
			}
			if !errors.Is(err, tc.Err) {
				t.Fatalf("ParseDate(%q, %v) = %v, %v; want error %v", tc.In, tc.Order, got, err, tc.Err)
			}
			if got != 0 {
				t.Errorf("ParseDate(%q) returned %v with its error", tc.In, got)
			}
			if tc.Msg != "" && err.Error() != tc.Msg {
				t.Errorf("ParseDate(%q) error %q, want %q", tc.In, err, tc.Msg)
			}
		})
	}
}

func TestDateFromSerial(t *testing.T) {
	for _, tc := range []struct {
		Name     string
		Serial   float64
		Date1904 bool
		Want     repcard.Date
		Err      bool
	}{
		{"One", 1, false, ymd(1900, 1, 1), false},
		{"Feb28", 59, false, ymd(1900, 2, 28), false},
		{"FakeLeapDay", 60, false, 0, true},
		{"March1", 61, false, ymd(1900, 3, 1), false},
		{"NewYear2023", 44927, false, ymd(2023, 1, 1), false},
		{"TimeDropped", 46326.99, false, ymd(2026, 10, 31), false},
		{"RoundsToMidnight", 46326.999999999, false, ymd(2026, 11, 1), false},
		{"Max", 2958465, false, ymd(9999, 12, 31), false},
		{"MaxWithTime", 2958465.5, false, ymd(9999, 12, 31), false},
		{"BeyondMax", 2958466, false, 0, true},
		{"MaxRoundsOver", 2958465.9999999999, false, 0, true},
		{"Zero", 0, false, 0, true},
		{"TimeOnly", 0.5, false, 0, true},
		{"Negative", -1, false, 0, true},
		{"NaN", math.NaN(), false, 0, true},
		{"Inf", math.Inf(1), false, 0, true},
		{"NegInf", math.Inf(-1), false, 0, true},
		{"1904Zero", 0, true, ymd(1904, 1, 1), false},
		{"1904", 44864, true, ymd(2026, 10, 31), false},
		{"1904TimeOnly", 0.25, true, ymd(1904, 1, 1), false},
		{"1904Negative", -0.5, true, 0, true},
		{"1904Max", 2958465 - 1462, true, ymd(9999, 12, 31), false},
		{"1904BeyondMax", 2958465 - 1461, true, 0, true},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := DateFromSerial(tc.Serial, tc.Date1904)
			if tc.Err {
				if err == nil || !errors.Is(err, ErrNotDate) {
					t.Fatalf("DateFromSerial(%v, %v) = %v, %v; want ErrNotDate", tc.Serial, tc.Date1904, got, err)
				}
				return
			}
			if err != nil || got != tc.Want {
				t.Fatalf("DateFromSerial(%v, %v) = %v, %v; want %v", tc.Serial, tc.Date1904, got, err, tc.Want)
			}
		})
	}
}

// TestSerialsAgainstTime checks every 1900-system serial from 61 on a
// stride against the time package.
func TestSerialsAgainstTime(t *testing.T) {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	for s := 61; s <= maxSerial1900; s += 97 {
		got, err := DateFromSerial(float64(s), false)
		want := repcard.DateOf(base.AddDate(0, 0, s))
		if err != nil || got != want {
			t.Fatalf("DateFromSerial(%d) = %v, %v; want %v", s, got, err, want)
		}
		got, err = DateFromSerial(float64(s-1462), true)
		if s-1462 >= 0 && (err != nil || got != want) {
			t.Fatalf("DateFromSerial(%d, 1904) = %v, %v; want %v", s-1462, got, err, want)
		}
	}
}

// TestCivil checks the hand-written calendar against repcard.MakeDate and
// the weekday against the time package, for every day of years 1 to 9999.
func TestCivil(t *testing.T) {
	want := repcard.MakeDate(1, 1, 1)
	wd := time.Monday
	for y := 1; y <= 9999; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				if got := civil(y, m, d); got != want {
					t.Fatalf("civil(%d, %d, %d) = %d, want %d", y, m, d, got, want)
				}
				if got := weekday(want); got != (int(wd)+6)%7 {
					t.Fatalf("weekday(%04d-%02d-%02d) = %d, want %v", y, m, d, got, wd)
				}
				want++
				wd = (wd + 1) % 7
			}
		}
	}
	if want != repcard.MakeDate(9999, 12, 31)+1 {
		t.Fatalf("walked to %v", want-1)
	}
	if got := repcard.MakeDate(2026, 10, 31).Time().Weekday(); got != time.Saturday {
		t.Fatalf("2026-10-31 is a %v", got)
	}
}

func TestDateOrderString(t *testing.T) {
	for o, want := range map[DateOrder]string{DateAuto: "auto", MDY: "mdy", DMY: "dmy", 9: "auto"} {
		if got := o.String(); got != want {
			t.Errorf("DateOrder(%d).String() = %q, want %q", int(o), got, want)
		}
	}
}

// TestDateLayouts writes random dates in the layouts exports use, with the
// time package, and reads them back.
func TestDateLayouts(t *testing.T) {
	layouts := []struct {
		layout string
		order  DateOrder
		short  bool // two-digit year: only 1970–2069
	}{
		{"2006-01-02", DateAuto, false},
		{"2006/1/2", DateAuto, false},
		{"2006.01.02", DateAuto, false},
		{"20060102", DateAuto, false},
		{"2006-01-02 15:04:05", DateAuto, false},
		{"2006-01-02T15:04:05.000Z07:00", DateAuto, false},
		{"2006-01-02T15:04:05-0700", DateAuto, false},
		{"01/02/2006", MDY, false},
		{"1/2/2006 3:04 PM", MDY, false},
		{"1/2/06", MDY, true},
		{"02/01/2006", DMY, false},
		{"2/1/06 15:04", DMY, true},
		{"02-01-2006", DMY, false},
		{"02.01.2006", DMY, false},
		{"2.1.06", DateAuto, true},
		{"02-Jan-2006", DateAuto, false},
		{"02-Jan-06", DateAuto, true},
		{"2 January 2006", DateAuto, false},
		{"2 Jan 2006 15:04", DateAuto, false},
		{"Jan 2, 2006", DateAuto, false},
		{"January 2 2006", DateAuto, false},
		{"Mon, Jan 2, 2006", DateAuto, false},
		{"Monday, January 2, 2006 3:04:05 PM", DateAuto, false},
		{"Mon, 02 Jan 2006 15:04:05 MST", DateAuto, false},
		{"Mon Jan 2 2006", DateAuto, false},
	}
	zone := time.FixedZone("CEST", 2*3600)
	state := uint64(1)
	next := func(n int) int { // xorshift: deterministic, no package state
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return int(state % uint64(n))
	}
	for _, l := range layouts {
		t.Run(l.layout, func(t *testing.T) {
			for range 2000 {
				y := 1000 + next(9000)
				if l.short {
					y = 1970 + next(100)
				}
				tm := time.Date(y, time.Month(1+next(12)), 1+next(31), next(24), next(60), next(60), next(1e9), zone)
				s := tm.Format(l.layout)
				got, err := ParseDate(s, l.order)
				if want := repcard.DateOf(tm); err != nil || got != want {
					t.Fatalf("ParseDate(%q, %v) = %v, %v; want %v", s, l.order, got, err, want)
				}
			}
		})
	}
}
