package synth

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/reader"
)

func TestWriteReadsBack(t *testing.T) {
	for _, f := range []Format{XLSX, CSV} {
		t.Run(string(f), func(t *testing.T) {
			dir := t.TempDir()
			o := Options{Rows: 3000, Reps: 20, Managers: 4, Deals: 300, Seed: 7, Format: f}
			if err := Write(dir, o); err != nil {
				t.Fatal(err)
			}
			counts := map[repcard.Kind]int{}
			reps := map[string]bool{}
			b, err := reader.ReadInbox(context.Background(), dir, config.Default(), func(r *repcard.Record) {
				counts[r.Kind]++
				reps[r.Rep] = true
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Issues) > 0 {
				t.Fatalf("issues: %v", b.Issues[:min(5, len(b.Issues))])
			}
			if counts[repcard.KindActivities] != 3000 || counts[repcard.KindDeals] != 300 || counts[repcard.KindRoster] != 20 || len(reps) != 20 {
				t.Errorf("counts %v, %d reps", counts, len(reps))
			}
			for _, in := range b.Inputs {
				if in.Kind == repcard.KindNone {
					t.Errorf("%s not classified: %s", in.File, in.Reason)
				}
			}
		})
	}
}

func TestWriteDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	o := Options{Rows: 2000, Reps: 10, Seed: 3}
	if err := Write(a, o); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, o); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"activities.xlsx", "deals.csv", "roster.csv"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs (%d, %d bytes)", name, len(x), len(y))
		}
	}
}
