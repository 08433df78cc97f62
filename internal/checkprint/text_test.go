package checkprint

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/golden"
	"github.com/repcard/repcard/reader"
)

// Text and JSON of the examples inbox and of the hostile files, against
// golden files (go test ./internal/checkprint -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range []struct{ name, inbox string }{
		{"examples", filepath.Join("..", "..", "examples", "inbox")},
		{"hostile", filepath.Join("..", "..", "cmd", "repcard", "testdata", "hostile")},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := reader.ReadInbox(context.Background(), c.inbox, config.Default(), func(*repcard.Record) {})
			if err != nil {
				t.Fatal(err)
			}
			var text, js bytes.Buffer
			Text(&text, "inbox", b)
			if err := JSON(&js, b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", c.name+".txt"), text.Bytes())
			golden.Check(t, filepath.Join("testdata", c.name+".jsonl"), js.Bytes())
			for _, l := range strings.Split(text.String(), "\n") {
				if len([]rune(l)) > Width {
					t.Errorf("a line wider than %d columns: %q", Width, l)
				}
			}
		})
	}
}

func TestWrapParts(t *testing.T) {
	for _, c := range []struct {
		parts []string
		width int
		want  []string
	}{
		{[]string{"synonyms", "header row 1", "rows 8: used 8"}, 40, []string{"synonyms  header row 1  rows 8: used 8"}},
		{[]string{"synonyms", "header row 1", "rows 8: used 8"}, 30, []string{"synonyms  header row 1", "rows 8: used 8"}},
		{[]string{"no rep column (columns a, b, c)"}, 16, []string{"no rep column", "(columns a, b,", "c)"}},
		{[]string{"tallies", "a b c d"}, 12, []string{"tallies", "a b c d"}},
		{[]string{"tallies", "a b c d e f g h"}, 12, []string{"tallies  a b", "c d e f g h"}},
		{[]string{"averyveryverylongword", "x"}, 8, []string{"averyveryverylongword", "x"}},
		{[]string{"", "x"}, 8, []string{"x"}},
	} {
		if got := wrapParts(c.parts, c.width); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapParts(%q, %d) = %q, want %q", c.parts, c.width, got, c.want)
		}
	}
}

// The out folder inside the inbox is passed over once, by name, in both
// forms of check.
func TestOutFolderPassedOver(t *testing.T) {
	for _, tt := range []struct {
		out  string
		want bool
	}{{"reports", true}, {"", false}} {
		b := &reader.Batch{OutFolder: tt.out}
		var text, js bytes.Buffer
		Text(&text, "inbox", b)
		if err := JSON(&js, b); err != nil {
			t.Fatal(err)
		}
		gotText := strings.Contains(text.String(), "Passed over:\n  reports/: the out folder, where repcard writes (never read as input)")
		gotJSON := strings.Contains(js.String(), `{"type":"ignored","file":"reports/","reason":"the out folder, where repcard writes (never read as input)"}`)
		if gotText != tt.want || gotJSON != tt.want {
			t.Errorf("out %q: in text %v, in JSON %v; want %v\n%s\n%s", tt.out, gotText, gotJSON, tt.want, text.String(), js.String())
		}
	}
}
