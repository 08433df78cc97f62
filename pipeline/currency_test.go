package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// TestRunMixedCurrencies runs an inbox of EUR, GBP and USD deals with no
// currency in config and a rate for GBP: the report is in EUR (most rows of
// the first sheet with a currency column), GBP is converted, USD is left
// out, and the PDFs print €.
func TestRunMixedCurrencies(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	cfg.ExchangeRates = map[string]float64{"GBP": 1.17}
	writeFile(t, filepath.Join(cfg.Inbox, "opportunities.csv"),
		"Opportunity Owner,Account Name,Opportunity Name,Stage,Close Date,Amount Currency,Amount\n"+
			"Jane Doe,Acme,Acme,Closed Won,2026-10-03,EUR,1000.00\n"+
			"Jane Doe,Brit,Brit,Closed Won,2026-10-05,GBP,1200.00\n"+
			"Jane Doe,Crown,Crown,Closed Won,2026-10-06,EUR,600.00\n"+
			"Jane Doe,Yank,Yank,Closed Won,2026-10-07,USD,500.00\n"+
			"Tom Lee,Dyn,Dyn,Closed Won,2026-10-08,GBP,333.33\n")
	october, err := repcard.ParsePeriod("2026-10")
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, cfg, Options{Period: &october, Workers: 2})

	b, err := os.ReadFile(filepath.Join(res.Dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Currency string `json:"currency"`
		Team     struct {
			Revenue    float64 `json:"revenue"`
			Commission float64 `json:"commission"`
			Closings   int     `json:"closings"`
		} `json:"team"`
		Reps []struct {
			Rep        string  `json:"rep"`
			Revenue    float64 `json:"revenue"`
			Commission float64 `json:"commission"`
		} `json:"reps"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	// Jane: 1,000.00 + 1,200.00 × 1.17 (1,404.00) + 600.00 = 3,004.00,
	// commission 10 % = 300.40; Tom: 333.33 × 1.17 = 389.9961 → 390.00,
	// commission 39.00. The USD deal is left out.
	if m.Currency != "EUR" {
		t.Errorf("currency = %q, want EUR", m.Currency)
	}
	if m.Team.Revenue != 3394 || m.Team.Commission != 339.4 || m.Team.Closings != 4 {
		t.Errorf("team revenue %v commission %v closings %d, want 3394 339.4 4", m.Team.Revenue, m.Team.Commission, m.Team.Closings)
	}
	want := map[string][2]float64{"Jane Doe": {3004, 300.4}, "Tom Lee": {390, 39}}
	for _, r := range m.Reps {
		if w := want[r.Rep]; r.Revenue != w[0] || r.Commission != w[1] {
			t.Errorf("%s: revenue %v commission %v, want %v %v", r.Rep, r.Revenue, r.Commission, w[0], w[1])
		}
	}
	if n := len(res.Batch.Issues); n != 1 || res.Batch.Issues[0].Kind != repcard.IssueOtherCurrency || res.Batch.Issues[0].Detail != "USD" {
		t.Errorf("issues = %+v, want one IssueOtherCurrency USD", res.Batch.Issues)
	}
	issues, err := os.ReadFile(res.IssuesPath())
	if err != nil || !strings.Contains(string(issues), "amount in USD") {
		t.Errorf("data-issues.csv does not name USD (%v):\n%s", err, issues)
	}

	text := string(pdfTexts(t, res.Dir, readTree(t, res.Dir)))
	if !strings.Contains(text, "€1,404") || strings.Contains(text, "$") {
		t.Errorf("the PDFs do not print the converted GBP deal in €, or print a $:\n%s", text)
	}
}
