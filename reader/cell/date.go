package cell

import (
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
)

// DateOrder says how to read a numeric date such as 03/04/2026.
type DateOrder int

// The date orders. DateAuto reads a date as month-first or day-first only
// when the value itself says which (a part over 12); any value other than MDY
// and DMY behaves as DateAuto.
const (
	DateAuto DateOrder = iota
	MDY                // 10/31/2026, as in the US
	DMY                // 31/10/2026, as nearly everywhere else
)

func (o DateOrder) String() string {
	switch o {
	case MDY:
		return "mdy"
	case DMY:
		return "dmy"
	}
	return "auto"
}

// Excel serials: the largest is 9999-12-31.
const (
	maxSerial1900 = 2958465
	maxSerial1904 = maxSerial1900 - 1462
)

var (
	serialBase1900 = civil(1899, 12, 30) // serial 61 and after
	serialBase1904 = civil(1904, 1, 1)   // serial 0
)

// ParseDate reads a date written as text and returns it without its time
// of day. Leading and trailing white space is ignored; a blank value gives
// ErrBlank. The forms are:
//
//	2026-10-31  2026/10/31  2026.10.31  20261031       year first, always
//	2026-10-31 14:05  2026-10-31T14:05:00.123+02:00    date-times (zone ignored)
//	10/31/2026  31/10/2026  3/1/17  10-31-2026         by order (see below)
//	31.10.2026  31.10.26                               day first, always
//	31-Oct-2026  01-Jan-15  31/Oct/2026  31OCT2026     month names
//	31 Oct 2026  31st October 2026  Oct 31, 2026
//	October 31 2026  Sat, Oct 31, 2026
//	31. Okt. 2026  31 de octubre de 2026  31-dic-2026  other languages
//	46326  46326.75                                    Excel serial, 1900 system
//
// A time of day may follow any form after a space (or a T after an ISO
// date): 14:05, 2:05 PM, 14:05:00.123, with an optional zone (Z, +02:00,
// +0200, UTC, GMT+2, and a name in parentheses after it as JavaScript
// writes). The time is checked and dropped; the date is taken as
// written, never converted between zones.
//
// Numeric dates with / or - are read by order. With MDY and DMY the order is
// forced and an impossible value (10/31/2026 under DMY) is an error. With
// DateAuto a first part over 12 means day first, a second part over 12
// means month first, two equal parts are the same either way, and anything
// else is ErrAmbiguous. A dashed numeric date needs a four-digit year
// (26-10-31 is not read, so it cannot be mistaken for 2031).
//
// Month names are English, Spanish, Portuguese, French, German, Italian or
// Dutch, abbreviated or full ("Sept", "févr", "März", "mrt" too), in any
// case, with their accents or without, optionally followed by a dot. A day
// may be followed by a dot (31. Oktober 2026), and "de" or "del" may stand
// around the month (31 de octubre de 2026). A leading weekday ("Sat", "Saturday") is
// allowed and must match the date. Two-digit years are 2000–2069 for 00–69
// and 1970–1999 for 70–99. The date must exist: years 1–9999, 29 February
// only in leap years.
//
// A plain number is an Excel serial in the 1900 system (see DateFromSerial)
// when it is an integer from 1 to 2958465, or has a fraction (a time of day)
// and is at least 61; so "2026" is 1905-07-18, not a year. An eight-digit
// number over that range is a compact ISO date (20261031). Callers that know
// a column's plausible years should check them.
func ParseDate(s string, order DateOrder) (repcard.Date, error) {
	d, _, err := parseDate(s, order)
	return d, err
}

// parseDate is ParseDate that also says, for a numeric date read with
// DateAuto, which order the value itself decided (DateAuto when it did not).
func parseDate(s string, order DateOrder) (repcard.Date, DateOrder, error) {
	s = trimSpace(s)
	if s == "" {
		return 0, DateAuto, ErrBlank
	}
	if isDigit(s[0]) {
		return digitDate(s, order, -1)
	}
	if !isLetter(s[0]) {
		return 0, DateAuto, errNotDate
	}
	var buf [wordBuf]byte
	w, i := word(s, 0, &buf)
	wd, ok := weekdays[string(w)]
	if !ok {
		if m, _ := monthAt(s, 0); m == 0 {
			return 0, DateAuto, errNotDate
		}
		d, err := monthFirst(s, -1)
		return d, DateAuto, err
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	j := skipCommaSpace(s, i)
	if j == i || j == len(s) {
		return 0, DateAuto, errNotDate
	}
	s = s[j:]
	switch {
	case isDigit(s[0]):
		return digitDate(s, order, wd)
	case isLetter(s[0]):
		d, err := monthFirst(s, wd)
		return d, DateAuto, err
	}
	return 0, DateAuto, errNotDate
}

// monthFirst reads "Oct 31, 2026", "October 31st 2026"; wd is the weekday
// written before it, or -1.
func monthFirst(s string, wd int) (repcard.Date, error) {
	m, i := monthAt(s, 0)
	if m == 0 {
		return 0, errMonthName
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	j := skipSpaces(s, i)
	if j == i {
		return 0, errNotDate
	}
	d, n := digits(s, j)
	if n < 1 || n > 2 {
		return 0, errNotDate
	}
	i = skipOrdinal(s, j+n)
	j = skipCommaSpace(s, i)
	if j == i {
		return 0, errNotDate
	}
	y, n, err := year(s, j, true)
	if err != nil {
		return 0, err
	}
	return finish(s[j+n:], y, m, d, wd, false)
}

// digitDate reads every form that starts with a digit.
func digitDate(s string, order DateOrder, wd int) (repcard.Date, DateOrder, error) {
	a, n := digits(s, 0)
	if n == len(s) {
		if wd >= 0 {
			return 0, DateAuto, errNotDate
		}
		if n == 8 && a > maxSerial1900 {
			d, err := finish("", a/10000, a/100%100, a%100, -1, false)
			return d, DateAuto, err
		}
		if n > 7 {
			return 0, DateAuto, errSerial
		}
		d, err := DateFromSerial(float64(a), false)
		return d, DateAuto, err
	}
	c := s[n]
	if c == '.' && wd < 0 && n <= 7 && (n > 2 || a >= 61) {
		if f, fn := fraction(s, n+1); fn > 0 && n+1+fn == len(s) {
			d, err := DateFromSerial(float64(a)+f, false)
			return d, DateAuto, err
		}
	}
	if n == 4 && (c == '-' || c == '/' || c == '.') {
		m, mn := digits(s, 5)
		k := 5 + mn
		if mn < 1 || mn > 2 || k >= len(s) || s[k] != c {
			return 0, DateAuto, errNotDate
		}
		d, dn := digits(s, k+1)
		if dn < 1 || dn > 2 {
			return 0, DateAuto, errNotDate
		}
		date, err := finish(s[k+1+dn:], a, m, d, wd, c == '-')
		return date, DateAuto, err
	}
	if n > 2 {
		return 0, DateAuto, errNotDate
	}
	switch {
	case (c == '-' || c == '/') && n+1 < len(s) && isLetter(s[n+1]):
		// 31-Oct-2026, 31/Oct/2026
		m, i := monthAt(s, n+1)
		if m == 0 {
			return 0, DateAuto, errMonthName
		}
		if i >= len(s) || s[i] != c {
			return 0, DateAuto, errNotDate
		}
		y, yn, err := year(s, i+1, true)
		if err != nil {
			return 0, DateAuto, err
		}
		d, err := finish(s[i+1+yn:], y, m, a, wd, false)
		return d, DateAuto, err
	case c == '/' || c == '-' || (c == '.' && n+1 < len(s) && isDigit(s[n+1])):
		b, bn := digits(s, n+1)
		k := n + 1 + bn
		if bn < 1 || bn > 2 || k >= len(s) || s[k] != c {
			return 0, DateAuto, errNotDate
		}
		y, yn, err := year(s, k+1, c != '-')
		if err != nil {
			return 0, DateAuto, err
		}
		rest := s[k+1+yn:]
		if c == '.' {
			d, err := finish(rest, y, b, a, wd, false)
			return d, DateAuto, err
		}
		return numericDate(rest, a, b, y, order, wd)
	}
	// 31 Oct 2026, 31st October 2026, 31OCT2026, 31. Oktober 2026,
	// 31 de octubre de 2026
	i := skipOrdinal(s, n)
	if i == n && i < len(s) && s[i] == '.' {
		i++
	}
	j := skipOf(s, skipSpaces(s, i))
	if j == len(s) || !isLetter(s[j]) {
		return 0, DateAuto, errNotDate
	}
	m, i := monthAt(s, j)
	if m == 0 {
		return 0, DateAuto, errMonthName
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	j = skipOf(s, skipCommaSpace(s, i))
	y, yn, err := year(s, j, true)
	if err != nil {
		return 0, DateAuto, err
	}
	d, err := finish(s[j+yn:], y, m, a, wd, false)
	return d, DateAuto, err
}

// numericDate resolves a/b/y by order. The returned order is what the value
// says by itself: DMY when a > 12, MDY when b > 12, else DateAuto.
func numericDate(rest string, a, b, y int, order DateOrder, wd int) (repcard.Date, DateOrder, error) {
	says := DateAuto
	switch {
	case a > 12 && b > 12:
	case a > 12:
		says = DMY
	case b > 12:
		says = MDY
	}
	var m, d int
	switch order {
	case MDY:
		m, d = a, b
	case DMY:
		m, d = b, a
	default:
		switch {
		case a > 12 && b > 12:
			if err := checkTime(rest, false); err != nil {
				return 0, DateAuto, err
			}
			return 0, DateAuto, errNoMonth
		case says == DMY:
			m, d = b, a
		case says == MDY || a == b:
			m, d = a, b
		default:
			if err := checkTime(rest, false); err != nil {
				return 0, DateAuto, err
			}
			if y < 1 || y > 9999 {
				return 0, DateAuto, rangeErr("year", y)
			}
			if a == 0 || b == 0 {
				return 0, DateAuto, rangeErr("day", 0)
			}
			return 0, DateAuto, errAmbiguousDate
		}
	}
	date, err := finish(rest, y, m, d, wd, false)
	if err != nil {
		return 0, DateAuto, err
	}
	return date, says, nil
}

// year reads a year at s[i:]: four digits, or two with the pivot 70 when
// short is allowed.
func year(s string, i int, short bool) (y, n int, err error) {
	y, n = digits(s, i)
	switch {
	case n == 4:
	case n == 2 && short:
		y += 2000
		if y >= 2070 {
			y -= 100
		}
	default:
		return 0, 0, errYear
	}
	return y, n, nil
}

// skipOf skips the "de" or "del" and the white space after it at s[i:], as
// Spanish and Portuguese write a date: 31 de octubre de 2026.
func skipOf(s string, i int) int {
	if i+2 < len(s) && s[i]|0x20 == 'd' && s[i+1]|0x20 == 'e' {
		k := i + 2
		if s[k]|0x20 == 'l' {
			k++
		}
		if j := skipSpaces(s, k); j > k {
			return j
		}
	}
	return i
}

// monthAt reads the month name at s[i:] and returns its number (0 when
// the word is none) and the index after the word. Names are those of
// months, in any case, with their accents or without.
func monthAt(s string, i int) (m, end int) {
	var buf [monthBuf]byte
	n := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isLetter(c) {
				break
			}
			if n < monthBuf {
				buf[n] = c | 0x20
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) <= monthBuf {
			utf8.EncodeRune(buf[n:], r)
		}
		n += utf8.RuneLen(r)
		i += size
	}
	if n > monthBuf {
		return 0, i
	}
	return months[string(buf[:n])], i
}

// monthBuf is long enough for every month name ("septiembre", "décembre").
const monthBuf = 12

// skipOrdinal skips st, nd, rd or th after a day number.
func skipOrdinal(s string, i int) int {
	if i+1 < len(s) {
		a, b := s[i]|0x20, s[i+1]|0x20
		if (a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h') &&
			(i+2 == len(s) || !isLetter(s[i+2])) {
			return i + 2
		}
	}
	return i
}

// fraction reads the digits after a decimal point at s[i:] as a fraction.
func fraction(s string, i int) (f float64, n int) {
	scale := 1.0
	for ; i < len(s) && isDigit(s[i]); i++ {
		if n < 17 {
			scale /= 10
			f += float64(s[i]-'0') * scale
		}
		n++
	}
	return f, n
}

// finish checks the time of day after a date, the date itself and the
// weekday written before it (wd, or -1).
func finish(rest string, y, m, d, wd int, allowT bool) (repcard.Date, error) {
	if err := checkTime(rest, allowT); err != nil {
		return 0, err
	}
	date, err := makeDate(y, m, d)
	if err != nil {
		return 0, err
	}
	if wd >= 0 && weekday(date) != wd {
		return 0, errWeekday
	}
	return date, nil
}

// checkTime checks what follows a date: nothing, or a time of day after
// white space (or a T, when allowT) with optional AM/PM and zone.
func checkTime(rest string, allowT bool) error {
	if rest == "" {
		return nil
	}
	i := 0
	if allowT && rest[0] == 'T' {
		i = 1
	} else if i = skipSpaces(rest, 0); i == 0 {
		return errNotDate
	}
	h, n := digits(rest, i)
	i += n
	if n < 1 || n > 2 || i >= len(rest) || rest[i] != ':' {
		return errNotDate
	}
	mi, n := digits(rest, i+1)
	if n != 2 {
		return errNotDate
	}
	i += 1 + n
	sec := 0
	if i < len(rest) && rest[i] == ':' {
		sec, n = digits(rest, i+1)
		if n != 2 {
			return errNotDate
		}
		i += 1 + n
		if i < len(rest) && (rest[i] == '.' || rest[i] == ',') {
			_, n = digits(rest, i+1)
			if n == 0 {
				return errNotDate
			}
			i += 1 + n
		}
	}
	var ampm, offset, zone bool
	for {
		j := skipSpaces(rest, i)
		if j == len(rest) {
			break
		}
		c := rest[j]
		switch {
		case c == 'Z' && !offset && !zone && (j+1 == len(rest) || !isLetter(rest[j+1])):
			offset, zone = true, true
			i = j + 1
		case (c == '+' || c == '-') && !offset:
			k := zoneOffset(rest, j+1)
			if k == 0 {
				return errNotDate
			}
			offset = true
			i = j + 1 + k
		case !ampm && !offset && !zone && ampmLen(rest, j) > 0:
			ampm = true
			i = j + ampmLen(rest, j)
		case c == '(' && (zone || offset) && rest[len(rest)-1] == ')':
			// a zone's name, as JavaScript writes it: (Central European Summer Time)
			for k := j + 1; k < len(rest)-1; k++ {
				if !isLetter(rest[k]) && rest[k] != ' ' {
					return errNotDate
				}
			}
			i = len(rest)
		case 'A' <= c && c <= 'Z' && !zone:
			k := j
			for k < len(rest) && 'A' <= rest[k] && rest[k] <= 'Z' {
				k++
			}
			if k-j < 3 || k-j > 5 || k < len(rest) && isLetter(rest[k]) {
				return errNotDate
			}
			zone = true
			i = k
		default:
			return errNotDate
		}
	}
	if ampm && (h < 1 || h > 12) || h > 23 || mi > 59 || sec > 60 {
		return errTime
	}
	return nil
}

// zoneOffset returns the length of the zone offset at s[i:], after its sign:
// h, hh, hh:mm or hhmm; 0 if there is none.
func zoneOffset(s string, i int) int {
	h, n := digits(s, i)
	switch {
	case n == 4:
		if h/100 > 23 || h%100 > 59 {
			return 0
		}
		return 4
	case n == 1 || n == 2:
		if h > 23 {
			return 0
		}
		if i+n < len(s) && s[i+n] == ':' {
			m, mn := digits(s, i+n+1)
			if n != 2 || mn != 2 || m > 59 {
				return 0
			}
			return n + 3
		}
		return n
	}
	return 0
}

// ampmLen returns the length of AM, PM, a.m. or p.m. at s[i:], or 0.
func ampmLen(s string, i int) int {
	if i+1 >= len(s) {
		return 0
	}
	if c := s[i] | 0x20; c != 'a' && c != 'p' {
		return 0
	}
	n := 0
	switch {
	case s[i+1]|0x20 == 'm':
		n = 2
	case i+3 < len(s) && s[i+1] == '.' && s[i+2]|0x20 == 'm' && s[i+3] == '.':
		n = 4
	default:
		return 0
	}
	if i+n < len(s) && isLetter(s[i+n]) {
		return 0
	}
	return n
}

// makeDate returns the Date of y-m-d after checking that it exists.
func makeDate(y, m, d int) (repcard.Date, error) {
	switch {
	case y < 1 || y > 9999:
		return 0, rangeErr("year", y)
	case m < 1 || m > 12:
		return 0, rangeErr("month", m)
	case d < 1 || d > 31:
		return 0, rangeErr("day", d)
	case d > daysIn(y, m):
		if m == 2 && d == 29 {
			return 0, errLeapDay
		}
		return 0, dayErr(d, m)
	}
	return civil(y, m, d), nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civil returns the Date of a valid y-m-d (y ≥ 1), computed directly
// (H. Hinnant's days_from_civil) rather than through time.Date.
func civil(y, m, d int) repcard.Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return repcard.Date(era*146097 + doe - 305)
}

// weekday returns 0 for Monday … 6 for Sunday; 0001-01-01 was a Monday.
func weekday(d repcard.Date) int { return int((d - 1) % 7) }

// DateFromSerial returns the date of an Excel serial number: days since
// 1899-12-31 in the 1900 system (serial 1 is 1900-01-01), or since
// 1904-01-01 in the 1904 system (serial 0). The fraction is the time of day
// and is dropped, after rounding to the millisecond as Excel does, so
// 45961.9999999999 is the next day.
//
// The 1900 system counts the 29 February 1900 that never was (serial 60,
// an error here); serial 61 is 1900-03-01. Serials below 1 (0 in the 1904
// system), beyond 9999-12-31, NaN and infinities are errors.
func DateFromSerial(serial float64, date1904 bool) (repcard.Date, error) {
	lo, hi := 1.0, float64(maxSerial1900)
	if date1904 {
		lo, hi = 0, maxSerial1904
	}
	if !(serial >= lo && serial < hi+1) { // also false for NaN
		return 0, errSerial
	}
	days := math.Floor(serial)
	if (serial-days)*86400e3 >= 86400e3-0.5 {
		days++
	}
	if days > hi {
		return 0, errSerial
	}
	n := repcard.Date(days)
	switch {
	case date1904:
		return serialBase1904 + n, nil
	case n > 60:
		return serialBase1900 + n, nil
	case n == 60:
		return 0, errSerial60
	}
	return serialBase1900 + 1 + n, nil
}

// months are the month names and abbreviations of English, Spanish,
// Portuguese, French, German, Italian and Dutch (no abbreviation means two
// months between them), lower case; accented names also without their
// accents, as typed on a keyboard without them.
var months = map[string]int{
	"jan": 1, "january": 1, "ene": 1, "enero": 1, "janeiro": 1, "janv": 1, "janvier": 1,
	"januar": 1, "jänner": 1, "jaenner": 1, "gen": 1, "gennaio": 1, "januari": 1,

	"feb": 2, "february": 2, "febrero": 2, "fev": 2, "fevereiro": 2, "févr": 2, "fevr": 2, "février": 2,
	"fevrier": 2, "februar": 2, "febbraio": 2, "februari": 2,

	"mar": 3, "march": 3, "marzo": 3, "março": 3, "marco": 3, "mars": 3, "märz": 3, "maerz": 3,
	"mär": 3, "mrz": 3, "maart": 3, "mrt": 3,

	"apr": 4, "april": 4, "abr": 4, "abril": 4, "avr": 4, "avril": 4, "aprile": 4,

	"may": 5, "mayo": 5, "mai": 5, "maio": 5, "mag": 5, "maggio": 5, "mei": 5,

	"jun": 6, "june": 6, "junio": 6, "junho": 6, "juin": 6, "juni": 6, "giu": 6, "giugno": 6,

	"jul": 7, "july": 7, "julio": 7, "julho": 7, "juil": 7, "juillet": 7, "juli": 7, "lug": 7, "luglio": 7,

	"aug": 8, "august": 8, "ago": 8, "agosto": 8, "août": 8, "aout": 8, "augustus": 8,

	"sep": 9, "sept": 9, "september": 9, "septiembre": 9, "setiembre": 9, "set": 9, "setembro": 9,
	"septembre": 9, "sett": 9, "settembre": 9,

	"oct": 10, "october": 10, "octubre": 10, "out": 10, "outubro": 10, "octobre": 10, "okt": 10,
	"oktober": 10, "ott": 10, "ottobre": 10,

	"nov": 11, "november": 11, "noviembre": 11, "novembro": 11, "novembre": 11,

	"dec": 12, "december": 12, "dic": 12, "diciembre": 12, "dez": 12, "dezembro": 12, "déc": 12,
	"décembre": 12, "decembre": 12, "dezember": 12, "dicembre": 12,
}

var weekdays = map[string]int{
	"mon": 0, "monday": 0,
	"tue": 1, "tues": 1, "tuesday": 1,
	"wed": 2, "wednesday": 2,
	"thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
	"fri": 4, "friday": 4,
	"sat": 5, "saturday": 5,
	"sun": 6, "sunday": 6,
}
