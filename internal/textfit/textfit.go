// Package textfit cuts a line of text to a width with "…". The PDF
// renderer and the charts measure text with their own fonts and units
// (millimetres, pixels); they share this rule of where to cut, so that a
// long name or loss reason is shortened the same way on a page and in a
// chart.
//
//	textfit.Cut("Price too high, timing", 16, width) // "Price too high…"
package textfit

import "strings"

// ellipsis ends a cut text.
const ellipsis = "…"

// separators are dropped from the end of a cut text before the "…": a
// comma, colon or dash left dangling ("Price, timing,…") reads as a
// mistake. The middle dot and en dash are the separators the PDFs join
// parts with ("Berlin · 4 reps", "Preis zu hoch – Entscheidung").
const separators = " ,;:·-–"

// Cut returns s when width(s) ≤ maxW; otherwise the longest prefix of s,
// cut between characters, that fits with "…" after it, trailing spaces and
// separators removed, then "…". When not even "…" fits it returns "".
//
// width measures a string in any unit; maxW is in the same unit. Cut
// assumes that a longer prefix is never narrower, and finds the prefix by
// bisection, measuring about log2(len(s)) strings.
func Cut(s string, maxW float64, width func(string) float64) string {
	if width(s) <= maxW {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if width(strings.TrimRight(string(rs[:mid]), " ")+ellipsis) <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if width(ellipsis) <= maxW {
			return ellipsis
		}
		return ""
	}
	return strings.TrimRight(string(rs[:lo]), separators) + ellipsis
}
