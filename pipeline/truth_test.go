package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// The tests of this file run whole batches and read what a reader of the
// PDFs and of metrics.json sees: where contacts come from, measures the
// data does not track, the figure a per cent is of, the marks and their
// legends, and the assumptions (commission rule, goals) a report states.

// pdfWords returns the text of the PDF at path with white space collapsed,
// so that a phrase laid out with padding reads as one line. It skips the
// test without pdftotext.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found (install poppler-utils): the PDFs' text is not checked")
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// hasAll fails the test for each want missing from text, and for each
// "!"-prefixed want that is present.
func hasAll(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if no, ok := strings.CutPrefix(w, "!"); ok {
			if strings.Contains(text, no) {
				t.Errorf("%s has %q:\n%s", what, no, text)
			}
			continue
		}
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// rawMetrics reads metrics.json as generic JSON, so a test can tell null
// from 0.
func rawMetrics(t *testing.T, dir string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// repJSON returns the rep named name of metrics.json m.
func repJSON(t *testing.T, m map[string]any, name string) map[string]any {
	t.Helper()
	for _, r := range m["reps"].([]any) {
		if r := r.(map[string]any); r["rep"] == name {
			return r
		}
	}
	t.Fatalf("metrics.json has no rep %q", name)
	return nil
}

// configFrom parses yaml as config.yaml, reading dir/inbox into dir/out.
func configFrom(t *testing.T, dir, yaml string) *config.Config {
	t.Helper()
	cfg, err := config.Parse([]byte(yaml), "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Inbox, cfg.Out = filepath.Join(dir, "inbox"), filepath.Join(dir, "out")
	cfg.Templates = filepath.Join("..", "templates")
	return cfg
}

// dealsOnlyInbox writes a CRM export with no activity log and no referral
// column: Dana Deals wins 3 and loses 1 in October 2026, 2 and 2 in
// September.
func dealsOnlyInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "deals.csv"), "Deal Owner,Account,Deal Stage,Close Date,Amount\n"+
		"Dana Deals,Acme,Won,2026-10-02,1000\n"+
		"Dana Deals,Birch,Won,2026-10-09,2000\n"+
		"Dana Deals,Cobalt,Won,2026-10-16,3000\n"+
		"Dana Deals,Delta,Lost,2026-10-31,500\n"+
		"Dana Deals,Ember,Won,2026-09-02,1000\n"+
		"Dana Deals,Fjord,Won,2026-09-09,1000\n"+
		"Dana Deals,Gale,Lost,2026-09-16,1000\n"+
		"Dana Deals,Hale,Lost,2026-09-23,1000\n")
	return dir
}

// Deals-only data says so: the headline, the stats and the summaries say
// "decided deals" with the source note under the numbers, and referral
// asks the data does not record are not tracked, null in metrics.json.
func TestDealsOnlySaysDecidedDeals(t *testing.T) {
	dir := dealsOnlyInbox(t)
	run(t, testConfig(t, dir), Options{})
	out := filepath.Join(dir, "out", "2026-10")

	rep := pdfWords(t, filepath.Join(out, "reps", "dana-deals.pdf"))
	hasAll(t, "rep report", rep,
		"Each decided deal was worth $150.00", // 600 commission / 4 decided deals
		"4 decided deals · 3 sales · 1 sale every 1.3 decided deals · $600 earned",
		"Counted from decided deals (won + lost): the data has no activity log, so contacts are not tracked.",
		"Referral asks Not tracked: your data has no referral column.",
		"!contacts ·", "!1 sale every 1.3 contacts", "!You asked for a referral after 0",
		"Decided deals Sales Value per decided deal Your place on value per decided deal",
		"!Value per contact", "!Your place on value per contact",
	)
	team := pdfWords(t, filepath.Join(out, "team.pdf"))
	hasAll(t, "team summary", team,
		"Each decided deal was worth $150.00",
		"Counted from decided deals (won + lost)",
		"Reps by value per decided deal",
		"decided deals per sale across the reps with a sale",
		"Trend: value per decided deal, last month against the 3-month average",
	)

	m := rawMetrics(t, out)
	r := repJSON(t, m, "Dana Deals")
	if src := r["sources"].(map[string]any); src["contacts"] != "deals (won+lost)" || src["referral_asks"] != "none" {
		t.Errorf("sources = %v, want contacts from decided deals and referral asks none", src)
	}
	for _, k := range []string{"referral_asks", "referral_ask_rate"} {
		if v, ok := r[k]; !ok || v != nil {
			t.Errorf("rep %s = %v (present %v), want null: not tracked", k, v, ok)
		}
		if v := m["team"].(map[string]any)[k]; v != nil {
			t.Errorf("team %s = %v, want null", k, v)
		}
	}
	if r["explicit_nos"] != 1.0 || r["contacts"] != 4.0 {
		t.Errorf("explicit_nos %v, contacts %v, want 1 and 4", r["explicit_nos"], r["contacts"])
	}
}

// A measure no column gives is "not tracked", never 0: a tracker of sales
// with no contacts column, and activities with no referral column. A
// referral column that says no is a count of 0.
func TestNotTrackedIsNotZero(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "tally.csv"), "Rep,Date,Sales,Revenue\n"+
		"Sam Sales,2026-10-05,2,2000\nSam Sales,2026-10-31,1,500\n")
	writeFile(t, filepath.Join(dir, "inbox", "log.csv"), "Rep,Date,Type,Outcome,Prospect,Amount,Referral asked\n"+
		"Rita Ref,2026-10-01,call,Not interested,P1,,no\n"+
		"Rita Ref,2026-10-02,call,Not interested,P2,,yes\n"+
		"Rita Ref,2026-10-03,call,Won,P3,1000,\n"+
		"Nick Noref,2026-10-01,call,Not interested,P4,,\n"+
		"Nick Noref,2026-10-31,call,Won,P5,1000,\n")
	run(t, testConfig(t, dir), Options{})
	out := filepath.Join(dir, "out", "2026-10")
	m := rawMetrics(t, out)

	sam := pdfWords(t, filepath.Join(out, "reps", "sam-sales.pdf"))
	hasAll(t, "Sam's report", sam,
		"Contacts not tracked in October 2026",
		"contacts not tracked · 3 sales · $250 earned",
		"Your data counts sales but not contacts",
		"!0 contacts",
	)
	samJSON := repJSON(t, m, "Sam Sales")
	if src := samJSON["sources"].(map[string]any); src["contacts"] != "none" {
		t.Errorf("Sam's contacts source = %v, want none", src["contacts"])
	}
	if v := samJSON["contacts_per_close"]; v != nil {
		t.Errorf("Sam's contacts_per_close = %v, want null: no contact is counted", v)
	}
	// The team's figures per contact leave Sam's sales out: Rita and Nick
	// made 5 contacts and 2 sales worth 200.
	team := pdfWords(t, filepath.Join(out, "team.pdf"))
	hasAll(t, "team summary", team,
		"Each “no” was worth $40.00 5 contacts · 5 sales · 1 sale every 2.5 contacts · $450 earned",
		"1 rep's data counts sales but not contacts: the figures per contact leave their sales out.",
		"Sam Sales – 3 – – – – $250",
	)
	if tm := m["team"].(map[string]any); tm["value_per_contact"] != 40.0 || tm["contacts_per_close"] != 2.5 {
		t.Errorf("team value_per_contact %v, contacts_per_close %v, want 40 and 2.5", tm["value_per_contact"], tm["contacts_per_close"])
	}

	rita := pdfWords(t, filepath.Join(out, "reps", "rita-ref.pdf"))
	hasAll(t, "Rita's report", rita, "You asked for a referral after 1 of 2 nos (50 %).")
	if r := repJSON(t, m, "Rita Ref"); r["referral_asks"] != 1.0 || r["referral_ask_rate"] != 0.5 {
		t.Errorf("Rita: referral_asks %v, rate %v, want 1 and 0.5", r["referral_asks"], r["referral_ask_rate"])
	}
	nick := pdfWords(t, filepath.Join(out, "reps", "nick-noref.pdf"))
	hasAll(t, "Nick's report", nick, "Not tracked: your data has no referral column.", "!You asked for a referral")
	if r := repJSON(t, m, "Nick Noref"); r["referral_asks"] != nil {
		t.Errorf("Nick: referral_asks %v, want null", r["referral_asks"])
	}
	// The team's rate counts only the nos of the reps that track asks.
	if tm := m["team"].(map[string]any); tm["referral_asks"] != 1.0 || tm["referral_ask_rate"] != 0.5 {
		t.Errorf("team: referral_asks %v, rate %v, want 1 and 0.5", tm["referral_asks"], tm["referral_ask_rate"])
	}
}

// alertInbox writes a log where Val Drop's value per contact falls from
// $2,500.00 a contact (July–September) to $1,476.11 in October, with goals
// in config: the alert prints money one way, and the year to date's per
// cent stands beside the goal due so far.
func alertInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Rep,Date,Type,Outcome,Prospect,Amount\n")
	for _, mo := range []string{"07", "08", "09"} {
		for d := 1; d <= 9; d++ {
			b.WriteString(fmt.Sprintf("Val Drop,2026-%s-%02d,call,,P%s%d,\n", mo, d, mo, d))
		}
		b.WriteString(fmt.Sprintf("Val Drop,2026-%s-20,call,Won,W%s,250000\n", mo, mo)) // 25,000 a month: 10 contacts
	}
	for d := 1; d <= 8; d++ {
		b.WriteString(fmt.Sprintf("Val Drop,2026-10-%02d,call,,Q%d,\n", d, d))
	}
	b.WriteString("Val Drop,2026-10-31,call,Won,W10,132850\n") // 13,285 / 9 contacts = 1,476.11
	writeFile(t, filepath.Join(dir, "inbox", "log.csv"), b.String())
	return dir
}

// Numbers agree with themselves: "$53,035 of $50,000 · 106 %" with the year's
// goal beside it, money with thousands separators in alerts, "3-month
// average".
func TestNumbersAgree(t *testing.T) {
	dir := alertInbox(t)
	cfg := configFrom(t, dir, "goals:\n  monthly_commission: 5000\n  annual_commission: 60000\n")
	run(t, cfg, Options{})
	out := filepath.Join(dir, "out", "2026-10")

	rep := pdfWords(t, filepath.Join(out, "reps", "val-drop.pdf"))
	// Year to date: 3 × 25,000 + 13,285 = 88,285 against 60,000 × 10/12.
	hasAll(t, "rep report", rep,
		"$88,285 of $50,000 177 %",
		"due so far; year goal $60,000 · ahead by $38,285",
		"● Each contact was worth $1,476.11, down from your 3-month average $2,500.00 (−41 %)",
		"!$1476", "!of $60,000",
	)
	team := pdfWords(t, filepath.Join(out, "team.pdf"))
	hasAll(t, "team summary", team,
		"year to date $88,285 of $50,000 due so far (177 %; year $60,000)",
		"● Each contact was worth $1,476.11, down from the team's 3-month average $2,500.00 (−41 %)",
		"● Each contact was worth $1,476.11, down from their 3-month average", // talk to first
		"!$1476", "!3-month $",
	)
	m := rawMetrics(t, out)
	alerts := repJSON(t, m, "Val Drop")["alerts"].([]any)
	var msgs []string
	for _, a := range alerts {
		msgs = append(msgs, a.(map[string]any)["message"].(string))
	}
	want := "Each contact was worth $1,476.11, down from your 3-month average $2,500.00 (−41 %)"
	if !strings.Contains(strings.Join(msgs, "\n"), want) {
		t.Errorf("metrics.json alerts %q lack %q", msgs, want)
	}
}

// One meaning per symbol: the Trend column marks a direction with an
// arrow, an alert is marked with a dot, and each has its legend on the
// page; ▲ is gone.
func TestMarksHaveOneMeaning(t *testing.T) {
	dir := alertInbox(t)
	run(t, testConfig(t, dir), Options{})
	out := filepath.Join(dir, "out", "2026-10")
	team := pdfWords(t, filepath.Join(out, "team.pdf"))
	hasAll(t, "team summary", team,
		"Trend: value per contact, last month against the 3-month average: ↑ up 5 % or more · ↓ down 5 % or more · → within 5 %",
		"Talk to first 1 · reps with alerts, the largest drop in commission first · ● worse than the 3-month average",
		"!▲", "!▼", "!▬",
	)
	// Val Drop's row: value per contact down, so ↓, and 1 alert.
	if !regexp.MustCompile(`Val Drop 9 1 9\.0 \$1,476\.11 \$2,500\.00 = \$13,285 – ↓ 1`).MatchString(team) {
		t.Errorf("team summary lacks Val Drop's row with ↓:\n%s", team)
	}
	rep := pdfWords(t, filepath.Join(out, "reps", "val-drop.pdf"))
	hasAll(t, "rep report", rep, "Alerts ● worse than the 3-month average ● Each contact was worth", "!▲")
}

// Say what was assumed: with no commission: in config.yaml the default
// rate is printed as such; a config's rate is printed as the config's; no
// goal says where to set one.
func TestAssumptionsStated(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, rule string
		dflt             bool
		rate             float64
	}{
		{"no commission", "currency: USD\n",
			"Commission: the data's commission where it has one, else 10 % of each won deal's amount (repcard's default: set commission: in config.yaml)",
			true, 0.1},
		{"the default written", "commission:\n  rate: 0.10\n",
			"else 10 % of each won deal's amount (commission: in config.yaml)", false, 0.1},
		{"a rate and per sale", "commission:\n  rate: 0.125\n  per_sale: 40\n",
			"else 12.5 % of each won deal's amount, $40.00 for a sale with no amount (commission: in config.yaml)", false, 0.125},
		{"a rep's own rate", "commission:\n  rate: 0.1\n  reps: {\"Jane Doe\": {rate: 0.2}}\n",
			"else 20 % of each won deal's amount (your own rate: commission.reps in config.yaml)", false, 0.1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := smallInbox(t)
			run(t, configFrom(t, dir, tc.yaml), Options{})
			out := filepath.Join(dir, "out", "2026-10")
			jane := pdfWords(t, filepath.Join(out, "reps", "jane-doe.pdf"))
			hasAll(t, "Jane's report", jane, tc.rule, "No goal set — set goals in config.yaml · year to date")
			team := pdfWords(t, filepath.Join(out, "team.pdf"))
			hasAll(t, "team summary", team, "Commission: the data's commission where it has one", "No goal set — set goals in config.yaml")
			c := rawMetrics(t, out)["commission"].(map[string]any)
			if c["default"] != tc.dflt || c["rate"] != tc.rate {
				t.Errorf("metrics.json commission = %v, want default %v, rate %v", c, tc.dflt, tc.rate)
			}
		})
	}
}

// A weekly card counted from decided deals says so in its headline and in
// its comparison with the 4 weeks before.
func TestWeekCardSaysDecidedDeals(t *testing.T) {
	dir := dealsOnlyInbox(t)
	p, err := repcard.ParsePeriod("2026-W40") // 28 Sep – 4 Oct: the win of 2 Oct
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, testConfig(t, dir), Options{Period: &p})
	card := pdfWords(t, filepath.Join(res.Dir, "reps", "dana-deals.pdf"))
	hasAll(t, "weekly card", card,
		"Each decided deal was worth",
		"Value per decided deal", "Decided deals per sale (lower is better)",
		"!Value per contact", "!Contacts per sale",
	)
}
