package report

import "github.com/repcard/repcard"

// Civil-date arithmetic for the hot path of Add. repcard.Date.YMD goes
// through time.Time; these are the integer algorithms of Howard Hinnant's
// "chrono-Compatible Low-Level Date Algorithms" and give the same answers
// (checked in civil_test.go).

// unixDay is the repcard.Date of 1970-01-01.
const unixDay = 719163

// monthDay returns the month d falls in and its day of the month. d must
// not be the zero Date.
func monthDay(d repcard.Date) (repcard.Month, int) {
	z := int64(d) - unixDay + 719468 // days since 0000-03-01
	era := z / 146097                // z > 0 for every Date ≥ 1
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return repcard.Month(y*12 + m - 1), int(day)
}

// firstDay returns the first day of month m.
func firstDay(m repcard.Month) repcard.Date {
	y := int64(m) / 12
	mo := int64(m)%12 + 1
	if mo <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (mo + 9) % 12
	doy := (153*mp + 2) / 5
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return repcard.Date(era*146097 + doe - 719468 + unixDay)
}

// dayOf returns the Date of day d (1–31) of month m; 0 when d is 0.
func dayOf(m repcard.Month, d uint8) repcard.Date {
	if d == 0 {
		return 0
	}
	return firstDay(m) + repcard.Date(d) - 1
}
