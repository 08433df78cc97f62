package cell

// MonthNamed returns the number of the month word names, in any case and
// any of the languages ParseDate reads ("Oct", "Okt", "März", "octobre"),
// or 0 when it names none.
func MonthNamed(word string) int {
	m, end := monthAt(word, 0)
	if end != len(word) {
		return 0
	}
	return m
}
