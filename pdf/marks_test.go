package pdf

import "testing"

// The marks and legends print with the embedded Go fonts alone: no
// character of them falls back to □ (which Missing would report as a data
// issue).
func TestMarksInGoFonts(t *testing.T) {
	r := newRenderer(t, Options{})
	for _, s := range []string{markUp, markDown, markFlat, markAlert, markDecided, alertLegend,
		trendLegend(wordsContacts), trendLegend(wordsDecided), decidedNote, noGoal} {
		if m := r.Missing(s); len(m) > 0 {
			t.Errorf("%q: no embedded font has %q", s, string(m))
		}
		for _, id := range []faceID{faceRegular, faceBold} {
			for _, c := range s {
				if !r.faces[id].covers(c) {
					t.Errorf("%q: face %d lacks %q", s, id, c)
				}
			}
		}
	}
}
