package textfit

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

// runes measures a string as one unit per character.
func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

func TestCut(t *testing.T) {
	for _, tt := range []struct {
		s    string
		maxW float64
		want string
	}{
		{"", 0, ""},
		{"Acme", 4, "Acme"},                // fits exactly
		{"Acme", 10, "Acme"},               // fits with room
		{"Acme Corp", 5, "Acme…"},          // the space before the cut goes
		{"Acme Corp", 7, "Acme C…"},        // cut inside a word
		{"Price, timing", 8, "Price…"},     // a dangling comma goes
		{"Berlin · 4 reps", 10, "Berlin…"}, // so does a middle dot
		{"Preis – Termin", 8, "Preis…"},    // and an en dash
		{"a;b:c-d", 6, "a;b:c…"},           // separators inside stay
		{"Αλέξανδρος Παπαδόπουλος", 11, "Αλέξανδρος…"}, // whole characters
		{",,,,,,", 3, "…"}, // nothing left but the mark
		{"Acme", 1, "…"},   // only the mark fits
		{"Acme", 0.5, ""},  // not even the mark fits
		{"Acme", -1, ""},
	} {
		got := Cut(tt.s, tt.maxW, runes)
		if got != tt.want {
			t.Errorf("Cut(%q, %v) = %q, want %q", tt.s, tt.maxW, got, tt.want)
		}
		if got != "" && runes(got) > tt.maxW {
			t.Errorf("Cut(%q, %v) = %q is wider than %v", tt.s, tt.maxW, got, tt.maxW)
		}
	}
}

// Cut asks for the widths of about log2(n) prefixes, not of every one.
func TestCutMeasuresFew(t *testing.T) {
	s := string(make([]rune, 1000))
	calls := 0
	Cut(s, 100, func(s string) float64 { calls++; return runes(s) })
	if calls > 15 {
		t.Errorf("%d measurements for 1000 characters", calls)
	}
}

func ExampleCut() {
	width := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	fmt.Println(Cut("Price too high, timing", 16, width))
	fmt.Println(Cut("Price", 16, width))
	// Output:
	// Price too high…
	// Price
}
