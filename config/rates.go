package config

import (
	"maps"
	"math"
	"slices"
	"strings"
)

// rates checks exchange_rates: each key a currency code of three letters
// (as ISO 4217 writes them: GBP, EUR), no code twice once case is ignored,
// and each rate a number above 0.
func (v validator) rates(key string, m map[string]float64) *Error {
	// In file order, so that the first bad entry is the one reported.
	codes := slices.Sorted(maps.Keys(m))
	slices.SortStableFunc(codes, func(a, b string) int {
		return v.lines[joinKey(key, a)] - v.lines[joinKey(key, b)]
	})
	seen := map[string]string{}
	for _, code := range codes {
		k := joinKey(key, code)
		if !isCurrencyCode(code) {
			return v.fail(k, []string{key}, "want a three-letter currency code such as GBP or EUR, got %s", quote(code))
		}
		up := strings.ToUpper(code)
		if first, dup := seen[up]; dup {
			return v.fail(k, []string{key}, "the same currency as %s", quote(first))
		}
		seen[up] = code
		if r := m[code]; !(r > 0) || math.IsInf(r, 0) {
			return v.fail(k, []string{key}, "want how many report-currency units one %s is worth, a number above 0, got %s", up, num(r))
		}
	}
	return nil
}

// isCurrencyCode reports whether s looks like an ISO 4217 code: three
// ASCII letters, in any case.
func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
