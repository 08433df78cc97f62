package reader

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// writeSheet writes rows as the file at path: a workbook of one sheet
// "Calls" when it ends in .xlsx, else CSV.
func writeSheet(t *testing.T, path string, rows [][]any) {
	t.Helper()
	if strings.HasSuffix(path, ".xlsx") {
		writeXLSX(t, path, false, xlsxSheet{"Calls", rows})
		return
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(&b, c)
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// callRows is a sheet of calls: a header and one row a day from January
// 1st, 2026, for rep.
func callRows(rep string, days int) [][]any {
	rows := [][]any{{"Rep", "Date", "Type"}}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := range days {
		rows = append(rows, []any{rep, day.AddDate(0, 0, d).Format(time.DateOnly), "call"})
	}
	return rows
}

// TestFileVanishesOrChanges removes or replaces one file of an inbox, as a
// CSV file and as a workbook, at each moment the reader may meet it so:
// after it was listed, between classifying it and reading its rows, and
// while its rows are read. The file becomes one issue of the moment's kind
// (or is read in its new version, when it changed before it was opened) and
// every other file is read whole.
func TestFileVanishesOrChanges(t *testing.T) {
	type moment int
	const (
		afterListing moment = iota // listed, not yet opened
		beforeRead                 // classified, its rows not yet read
		whileRead                  // its first record emitted
	)
	// The victim's first record is emitted once the rows held for the
	// column decisions are: its last rows are not read yet.
	const (
		victimRep  = "Vic Victim"
		victimRows = decisionWindow + 2
	)
	tests := []struct {
		name   string
		at     moment
		remove bool // remove the file, else replace it with a longer one
		crowd  bool // keepOpen workbooks before it, so that a workbook is not kept open from classification
		issue  bool // whether it is an issue: a file replaced before it was opened is not
		kind   repcard.IssueKind
		used   int // the victim's rows used
	}{
		{name: "removed after listing", at: afterListing, remove: true, issue: true, kind: repcard.IssueVanished},
		{name: "replaced after listing", at: afterListing, used: victimRows + 1},
		{name: "removed before read", at: beforeRead, remove: true, issue: true, kind: repcard.IssueVanished},
		{name: "removed before read, not kept open", at: beforeRead, remove: true, crowd: true, issue: true, kind: repcard.IssueVanished},
		{name: "replaced before read", at: beforeRead, issue: true, kind: repcard.IssueChangedBeforeRead},
		{name: "replaced before read, not kept open", at: beforeRead, crowd: true, issue: true, kind: repcard.IssueChangedBeforeRead},
		{name: "removed while read", at: whileRead, remove: true, issue: true, kind: repcard.IssueChangedWhileRead, used: victimRows},
		{name: "replaced while read", at: whileRead, issue: true, kind: repcard.IssueChangedWhileRead, used: victimRows},
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		for _, tt := range tests {
			if tt.crowd && ext != ".xlsx" {
				continue // a CSV file is never kept open
			}
			t.Run(ext+" "+tt.name, func(t *testing.T) {
				t.Parallel()
				dir, spare := t.TempDir(), t.TempDir()
				victim := "b" + ext
				path := filepath.Join(dir, victim)
				wantRecs := map[string]int{"Ann Other": 1, "Cal Other": 2}
				if tt.used > 0 {
					wantRecs[victimRep] = tt.used
				}
				writeSheet(t, filepath.Join(dir, "a.csv"), callRows("Ann Other", 1))
				writeSheet(t, path, callRows(victimRep, victimRows))
				writeSheet(t, filepath.Join(dir, "c.xlsx"), callRows("Cal Other", 2))
				victimIndex := 1
				if tt.crowd {
					for i := 1; i <= keepOpen; i++ {
						rep := fmt.Sprintf("Ada %c", 'A'+i)
						writeSheet(t, filepath.Join(dir, fmt.Sprintf("a%d.xlsx", i)), callRows(rep, 1))
						wantRecs[rep] = 1
					}
					victimIndex += keepOpen
				}
				// Replacing writes the new version aside and renames it
				// over the file, as a program saving it does: a reader
				// that has the file open goes on reading the old one.
				act := func() {
					if tt.remove {
						if err := os.Remove(path); err != nil {
							t.Error(err)
						}
						return
					}
					next := filepath.Join(spare, victim)
					writeSheet(t, next, callRows(victimRep, victimRows+1))
					if err := os.Rename(next, path); err != nil {
						t.Error(err)
					}
				}

				var r *inboxReader
				opens := 0
				acted := false
				hook := withBeforeOpen(func(file string) {
					if file != victim {
						return
					}
					opens++ // 1: to classify it, 2: to read its rows
					if opens == 1 && tt.at == afterListing || opens == 2 && tt.at == beforeRead {
						if _, kept := r.kept[victimIndex]; opens == 2 && kept != (ext == ".xlsx" && !tt.crowd) {
							t.Errorf("workbook kept open: %v", kept)
						}
						act()
						acted = true
					}
				})
				got := map[string]int{}
				emit := func(rec *repcard.Record) {
					got[rec.Rep]++
					if rec.Rep == victimRep && tt.at == whileRead && !acted {
						act()
						acted = true
					}
				}
				b, err := ReadInbox(context.Background(), dir, config.Default(), emit, hook, func(ir *inboxReader) { r = ir })
				if err != nil {
					t.Fatal(err)
				}
				if !acted {
					t.Fatal("the file was never removed or replaced")
				}

				var issues []repcard.Issue
				for _, is := range b.Issues {
					if is.File != victim {
						t.Errorf("issue about a file left alone: %s", is)
					}
					issues = append(issues, is)
				}
				switch {
				case !tt.issue && len(issues) != 0:
					t.Errorf("issues, want none:\n%s", issueList(b))
				case tt.issue && (len(issues) != 1 || issues[0].Kind != tt.kind || issues[0].Row != 0):
					t.Errorf("issues, want one of kind %v at row 0:\n%s", tt.kind, issueList(b))
				}
				if !maps.Equal(got, wantRecs) {
					t.Errorf("records by rep %v, want %v", got, wantRecs)
				}

				victims := 0
				for _, in := range b.Inputs {
					if in.File == victim {
						victims++
					}
					switch {
					case in.File != victim:
						if in.Reason != "" || in.LeftOut != 0 || in.Used != in.Rows {
							t.Errorf("input of a file left alone: %+v", in)
						}
					case in.Used != tt.used || in.LeftOut != 0:
						t.Errorf("input %+v: used %d, left out %d; want %d and 0", in, in.Used, in.LeftOut, tt.used)
					case tt.issue && len(issues) > 0 && in.Reason != issues[0].Reason():
						t.Errorf("input's reason %q, want the issue's", in.Reason)
					case !tt.issue && in.Reason != "":
						t.Errorf("input's reason %q, want none", in.Reason)
					}
				}
				if victims != 1 {
					t.Errorf("%d inputs of %s, want 1", victims, victim)
				}
			})
		}
	}
}
