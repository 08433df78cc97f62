package checkprint

import (
	"bytes"
	"strings"
	"testing"

	"github.com/repcard/repcard/reader"
)

// TestPrintBatchWords: check lists the status words not recognised, with
// their rows and keys, and the e-mail owners no roster names.
func TestPrintBatchWords(t *testing.T) {
	tests := []struct {
		name  string
		batch reader.Batch
		want  []string
	}{
		{"none", reader.Batch{}, nil},
		{"statuses", reader.Batch{UnknownStatuses: []reader.WordCount{{Word: "Ganado", Count: 12, Key: "words.won, words.lost or words.open"}, {Word: "Parked", Count: 1, Key: "words.won, words.lost or words.open"}}},
			[]string{"Status words not recognised:", `  "Ganado": 12 rows (add it to words.won, words.lost or words.open in config)`, `  "Parked": 1 row (add it to words.won, words.lost or words.open in config)`}},
		{"open stages", reader.Batch{OpenStages: []reader.WordCount{{Word: "Renewed", Count: 2}}},
			[]string{"Stage words read as open deals (if one means won or lost, add it to words.won or words.lost):", `  "Renewed": 2 rows`}},
		{"e-mail owners", reader.Batch{EmailOwners: []string{"a@x.com", "b@x.com", "c@x.com", "d@x.com"}},
			[]string{"Owners not on the roster: 4 owners written as an e-mail address (a@x.com, b@x.com, c@x.com, …); a", "  roster with an Email column would name them"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			Text(&b, "in", &tt.batch)
			out := b.String()
			if tt.want == nil && (strings.Contains(out, "Status words") || strings.Contains(out, "Owners not")) {
				t.Errorf("output has the block:\n%s", out)
			}
			if tt.want != nil && !strings.Contains(out, "\n"+strings.Join(tt.want, "\n")+"\n") {
				t.Errorf("output lacks\n%s\nin:\n%s", strings.Join(tt.want, "\n"), out)
			}
		})
	}
}
