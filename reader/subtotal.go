package reader

import (
	"strings"
	"unicode"
)

// subtotalRow reports a row inside a table that isTotalRow misses and that
// is no data: a total label at the end of a short first cell ("Month total",
// "October subtotal", "Sub-total") or in the rep column ("Subtotal" beside
// a date), or a band label inside the table — a month name alone
// ("October", "Oct 2026"), every other cell blank.
func subtotalRow(row []string, l *layout) bool {
	first, cells := -1, 0
	for i, c := range row {
		if strings.TrimSpace(c) != "" {
			if first < 0 {
				first = i
			}
			cells++
		}
	}
	if first < 0 {
		return false
	}
	if totalLabel(row[first]) || cells == 1 && monthLabel(row[first]) {
		return true
	}
	for _, c := range l.cols[fRep] {
		if c != first && c < len(row) && totalLabel(row[c]) {
			return true
		}
	}
	return false
}

// totalLabel reports a cell of up to four words that begins as isTotalRow
// reads one ("Total", "Grand Total", "Subtotal") or ends with "total",
// "totals" or "subtotal".
func totalLabel(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 60 {
		return false
	}
	switch s[0] | 0x20 { // a cheap first look: most cells are data
	case 't', 'g', 's':
		if isTotalRow([]string{s}) {
			return true
		}
	}
	if !endsInTotal(s) { // the second cheap look, before any allocation
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	switch words[len(words)-1] {
	case "total", "totals", "subtotal", "subtotals":
		return true
	}
	return false
}

// endsInTotal reports whether s, less what follows its last letter or
// digit, ends in "total" or "totals" in any case ("Month total:",
// "SUBTOTALS").
func endsInTotal(s string) bool {
	t := strings.TrimRightFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	t = strings.TrimSuffix(strings.TrimSuffix(t, "s"), "S")
	return len(t) >= 5 && strings.EqualFold(t[len(t)-5:], "total")
}

// monthLabel reports a cell holding a month's name, with a year or not:
// "October", "OCT", "October 2026", "Oct-26".
func monthLabel(s string) bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	if len(words) == 2 && !yearWord(words[1]) {
		return false
	}
	_, ok := monthNames[words[0]] // whole, or its first three letters ("Sept" too)
	return ok
}

// yearWord reports two or four digits.
func yearWord(w string) bool {
	if len(w) != 2 && len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
