package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// Amounts that would overflow a sum are issues, never a wrapped total; a
// won deal below zero is used with a warning.
func TestMoneyBounds(t *testing.T) {
	deals := func(n int, amount string) string {
		var b strings.Builder
		b.WriteString("Owner,Deal,Status,Close Date,Amount\n")
		for i := range n {
			fmt.Fprintf(&b, "Jane Doe,Deal %d,Won,2026-10-%02d,%s\n", i, 1+i%28, amount)
		}
		return b.String()
	}
	for _, c := range []struct {
		name        string
		csv         string
		wantRevenue repcard.Money
		kind        repcard.IssueKind
		issues      int // rows left out with kind
		warnings    int // negative won warnings
		reason      string
	}{
		{"one amount over the limit, 1,100 times", deals(1100, "89999999999999.99"), 0,
			repcard.IssueBadNumber, 1100, 0, "an amount must be within ±1,000,000,000,000.00"},
		{"the inbox's total over the limit", deals(1001, "999999999999.99"), 1000 * 99999999999999,
			repcard.IssueOverLimit, 1, 0, "add up to more than 1,000,000,000,000,000.00"},
		{"negative won amounts", deals(3, "-100.00"), -30000,
			repcard.IssueNegativeWon, 0, 3, "won deal with an amount below zero"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "inbox", "deals.csv"), c.csv)
			writeFile(t, filepath.Join(dir, "inbox", "calls.csv"), "Rep,Date,Type,Outcome\nJane Doe,2026-10-02,call,Not interested\n")
			oct, err := repcard.ParsePeriod("2026-10")
			if err != nil {
				t.Fatal(err)
			}
			res := run(t, testConfig(t, dir), Options{Period: &oct})
			if got := res.Report.Team.Revenue; got != c.wantRevenue {
				t.Errorf("team revenue %v, want %v", got, c.wantRevenue)
			}
			n, w := 0, 0
			for _, is := range res.Batch.Issues {
				if is.Kind == c.kind && strings.Contains(is.Reason(), c.reason) && is.Column == "Amount" {
					n++
				}
			}
			for _, is := range res.Batch.Warnings {
				if is.Kind == c.kind && strings.Contains(is.Reason(), c.reason) && is.Row > 1 {
					w++
				}
			}
			if n != c.issues || w != c.warnings {
				t.Errorf("%d issues and %d warnings of kind %v, want %d and %d; issues %v warnings %v",
					n, w, c.kind, c.issues, c.warnings, first(res.Batch.Issues), first(res.Batch.Warnings))
			}
		})
	}
}

func first(is []repcard.Issue) []repcard.Issue { return is[:min(len(is), 3)] }
