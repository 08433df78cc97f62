package pipeline

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// TestRunListsSheetsNotUsed: data-issues.csv lists every file and sheet
// the run did not use, each with its kind; only the sheet that looks like
// sales data (and the unsupported file, as before) counts as left out.
func TestRunListsSheetsNotUsed(t *testing.T) {
	for _, tt := range []struct {
		name     string
		files    map[string]string
		want     map[string]repcard.IssueKind // file → kind of its line
		notRead  int
		leftOut  bool
		notSales int
	}{
		{
			name:    "sales-like sheet",
			files:   map[string]string{"calls.csv": "Sales Rep,Date of call,Outcome\nJane Doe,2026-10-05,no\n"},
			want:    map[string]repcard.IssueKind{"calls.csv": repcard.IssueSheetNotRead},
			notRead: 1, leftOut: true,
		},
		{
			name:    "product list",
			files:   map[string]string{"products.csv": "product,series,sales_price\nGTX Basic,GTX,550\n"},
			want:    map[string]repcard.IssueKind{"products.csv": repcard.IssueNotSalesData},
			notRead: 0, leftOut: false, notSales: 1,
		},
		{
			name:    "unsupported xls",
			files:   map[string]string{"old.xls": "\xd0\xcf\x11\xe0"},
			want:    map[string]repcard.IssueKind{"old.xls": repcard.IssueUnsupportedFormat},
			notRead: 0, leftOut: true,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := smallInbox(t)
			for name, content := range tt.files {
				writeFile(t, filepath.Join(dir, "inbox", name), content)
			}
			res := run(t, testConfig(t, dir), Options{})
			if got := res.Batch.SheetsNotRead(); got != tt.notRead {
				t.Errorf("SheetsNotRead() = %d, want %d", got, tt.notRead)
			}
			if got := res.Batch.LeftOut(); got != tt.leftOut {
				t.Errorf("LeftOut() = %v, want %v", got, tt.leftOut)
			}
			// The numbers are those of the small inbox alone.
			if _, used, _, _ := res.Batch.Totals(); used != 7 {
				t.Errorf("%d rows used, want 7", used)
			}
			lines := issueLines(t, res)
			if len(lines) != len(tt.want) {
				t.Errorf("data-issues.csv has %d lines, want %d: %v", len(lines), len(tt.want), lines)
			}
			notSales := 0
			for file, kind := range tt.want {
				is := issueOf(t, res, file, kind)
				if is.Kind.Warning() {
					notSales++
				}
				got, ok := lines[file]
				if !ok || !strings.HasSuffix(got, is.Reason()) {
					t.Errorf("%s: data-issues.csv says %q, want the sentence of %v", file, got, kind)
				}
			}
			if notSales != tt.notSales {
				t.Errorf("%d lines leave nothing out, want %d", notSales, tt.notSales)
			}
		})
	}
}

// issueLines reads the run's data-issues.csv: the reason of each file's
// line.
func issueLines(t *testing.T, res *Result) map[string]string {
	t.Helper()
	b, err := os.ReadFile(res.IssuesPath())
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	for _, rec := range recs[1:] {
		lines[rec[0]] = rec[5]
	}
	return lines
}

// issueOf is the issue the run found about file, which must be of kind.
func issueOf(t *testing.T, res *Result, file string, kind repcard.IssueKind) repcard.Issue {
	t.Helper()
	for _, is := range res.Batch.IssueRows() {
		if is.File == file {
			if is.Kind != kind {
				t.Errorf("%s: issue of kind %v, want %v", file, is.Kind, kind)
			}
			return is
		}
	}
	t.Fatalf("no issue about %s", file)
	return repcard.Issue{}
}
