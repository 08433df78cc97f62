package pipeline

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard/coach"
	"github.com/repcard/repcard/pdf"
)

// detailInbox is a team of four for October 2026: three reps with activity
// logs whose places on value per contact change from September, and Dana
// Deals, whose deals come from two Salesforce exports (September's and
// October's) that overlap.
func detailInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	writeFile(t, filepath.Join(in, "roster.csv"), "Rep,Manager,Office\n"+
		"Ann Able,Mia Manager,Leeds\nBen Baker,Mia Manager,Leeds\nMei-Mei Lin,Mia Manager,Leeds\nDana Deals,Mia Manager,Leeds\n")
	var act strings.Builder
	act.WriteString("Rep,Date,Type,Prospect,Outcome,Loss Reason,Amount\n")
	row := func(rep, date, prospect, outcome, reason, amount string) {
		fmt.Fprintf(&act, "%s,%s,call,%s,%s,%s,%s\n", rep, date, prospect, outcome, reason, amount)
	}
	// September: Ben 2 contacts and 2,000 won; Mei-Mei 2 and 500; Ann 4 and 100.
	row("Ben Baker", "2026-09-03", "Bolt", "Won", "", "2000")
	row("Ben Baker", "2026-09-04", "Cask", "", "", "")
	row("Mei-Mei Lin", "2026-09-05", "Dove", "Won", "", "500")
	row("Mei-Mei Lin", "2026-09-06", "Elm", "", "", "")
	row("Ann Able", "2026-09-07", "Fern", "Won", "", "100")
	for i := range 3 {
		row("Ann Able", fmt.Sprintf("2026-09-%02d", 10+i), "Gale", "", "", "")
	}
	// A no in June, quiet since: a follow-up due 90 days after it.
	row("Ann Able", "2026-06-01", "Quiet Co", "Lost", "Price", "")
	// October: Ann 2 contacts and 3,000 won (her best month); Mei-Mei as in
	// September; Ben 4 and 100.
	row("Ann Able", "2026-10-05", "Hill", "Won", "", "3000")
	row("Ann Able", "2026-10-06", "Iris", "", "", "")
	row("Mei-Mei Lin", "2026-10-05", "Jade", "Won", "", "500")
	row("Mei-Mei Lin", "2026-10-06", "Kiln", "", "", "")
	row("Ben Baker", "2026-10-07", "Lark", "Won", "", "100")
	for i := range 3 {
		row("Ben Baker", fmt.Sprintf("2026-10-%02d", 20+i), "Moss", "", "", "")
	}
	row("Ben Baker", "2026-10-31", "Moss", "", "", "") // October is a whole month
	writeFile(t, filepath.Join(in, "activities.csv"), act.String())

	const head = "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Probability (%),Close Date,Created Date,Loss Reason\n"
	// September's export: Acme at negotiation, Twin Co (no id) at proposal.
	writeFile(t, filepath.Join(in, "sf-2026-09.csv"), head+
		"A1,Dana Deals,Acme,Negotiation/Review,5000,90,2026-10-20,2026-07-01,\n"+
		"S1,Dana Deals,Sunny,Closed Won,500,100,2026-09-15,2026-08-01,\n"+
		",Dana Deals,Twin Co,Proposal/Price Quote,7000,50,2026-12-01,2026-06-01,\n")
	// October's: Acme lost, Beta lost (its stage never exported open),
	// Twin Co moved on, and twelve smaller and larger losses L01…L12.
	var oct strings.Builder
	oct.WriteString(head +
		"A1,Dana Deals,Acme,Closed Lost,5000,90,2026-10-12,2026-07-01,Went with competitor\n" +
		"B1,Dana Deals,Beta,Closed Lost,3000,80,2026-10-14,2026-08-01,No budget\n" +
		"S1,Dana Deals,Sunny,Closed Won,500,100,2026-09-15,2026-08-01,\n" +
		",Dana Deals,Twin Co,Negotiation/Review,7000,70,2026-12-01,2026-06-01,\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&oct, "L%02d,Dana Deals,Loss %02d Ltd,Closed Lost,%d,10,2026-10-%02d,2026-09-01,Price\n", i, i, 1000*i, i)
	}
	writeFile(t, filepath.Join(in, "sf-2026-10.csv"), oct.String())
	return dir
}

// pdfText is the text of one PDF of the run; it skips the test without
// pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found (install poppler-utils)")
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

func wantText(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// detailRep is the part of a rep of metrics.json these tests read.
type detailRep struct {
	Rep  string `json:"rep"`
	Rank struct {
		Rank                    *int     `json:"rank"`
		Of                      int      `json:"of"`
		PreviousRank            *int     `json:"previous_rank"`
		PreviousValuePerContact *float64 `json:"previous_value_per_contact"`
		Change                  *int     `json:"change"`
	} `json:"rank"`
	FollowUps []struct {
		Prospect string `json:"prospect"`
		Due      string `json:"due"`
		Why      string `json:"why"`
	} `json:"follow_ups_due"`
	Stale []struct {
		Prospect string `json:"prospect"`
	} `json:"stale_maybes"`
	StaleCount int `json:"stale_maybes_count"`
	NearMisses []struct {
		Prospect string `json:"prospect"`
		Stage    string `json:"stage"`
		By       string `json:"by"`
	} `json:"near_misses"`
}

func runDetail(t *testing.T) (*Result, map[string]detailRep) {
	t.Helper()
	dir := detailInbox(t)
	res := run(t, testConfig(t, dir), Options{SelfReview: true})
	b, err := os.ReadFile(filepath.Join(res.Dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Reps []detailRep `json:"reps"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	reps := map[string]detailRep{}
	for _, r := range m.Reps {
		reps[r.Rep] = r
	}
	if len(reps) != 4 {
		t.Fatalf("reps %v, want 4", reps)
	}
	return res, reps
}

// Each rep's report shows last month beside this one and the rep's own
// place on value per contact, as metrics.json has it; the summaries show
// every rep's place and last month's value per contact.
func TestLastMonthAndPlace(t *testing.T) {
	res, reps := runDetail(t)
	// September: Ben 1st, Dana 2nd, Mei-Mei 3rd, Ann 4th; October: Ann,
	// Mei-Mei, Ben, Dana (no sale, only losses).
	want := map[string]string{
		"Ann Able":    "#1 of 4, up 3",
		"Mei-Mei Lin": "#2 of 4, up 1",
		"Ben Baker":   "#3 of 4, down 2",
		"Dana Deals":  "#4 of 4, down 2",
	}
	slugs := map[string]string{"Ann Able": "ann-able", "Mei-Mei Lin": "mei-mei-lin", "Ben Baker": "ben-baker", "Dana Deals": "dana-deals"}
	for name, place := range want {
		k := reps[name].Rank
		if k.Rank == nil || k.PreviousRank == nil || k.Change == nil {
			t.Fatalf("%s: rank %+v", name, k)
		}
		up := *k.Change
		got := fmt.Sprintf("#%d of %d, ", *k.Rank, k.Of)
		switch {
		case up > 0:
			got += fmt.Sprintf("up %d", up)
		case up < 0:
			got += fmt.Sprintf("down %d", -up)
		}
		if got != place {
			t.Errorf("%s: metrics.json says %s, want %s", name, got, place)
		}
		text := pdfText(t, filepath.Join(res.Dir, "reps", slugs[name]+".pdf"))
		wantText(t, name+"'s report", text, "Last month and this", "September 2026", "October 2026", place)
		for other := range want {
			if other != name && strings.Contains(text, other) {
				t.Errorf("%s's report names %s", name, other)
			}
		}
	}
	for _, f := range []string{"team.pdf", filepath.Join("managers", "mia-manager.pdf")} {
		text := pdfText(t, filepath.Join(res.Dir, f))
		wantText(t, f, text, "Last", "Place", "change", "▲3", "▲1", "▼2")
		// Last month's value per contact, as metrics.json has it.
		for name, r := range reps {
			v := r.Rank.PreviousValuePerContact
			if v == nil {
				t.Fatalf("%s: no previous value per contact", name)
			}
			wantText(t, f, text, fmt.Sprintf("$%.2f", *v))
		}
	}
}

// The details of the lists: near misses say how far they got (never the
// status word), follow-ups when and why they are due, an open deal in two
// exports is listed once, a hyphenated name reads as written, "best month"
// is said once, and the self-review takes the ten largest losses.
func TestListDetails(t *testing.T) {
	res, reps := runDetail(t)
	dana := reps["Dana Deals"]
	var near []string
	for _, n := range dana.NearMisses {
		near = append(near, n.Prospect+":"+n.Stage+":"+n.By)
	}
	if got, want := strings.Join(near, " "), "Acme:Negotiation/Review:stage+probability Beta::probability"; got != want {
		t.Errorf("near misses %s, want %s", got, want)
	}
	text := pdfText(t, filepath.Join(res.Dir, "reps", "dana-deals.pdf"))
	wantText(t, "Dana's report", text, "Got as far as", "Negotiation/Review", "80 % likely")
	review := pdfText(t, filepath.Join(res.Dir, "review", "dana-deals.pdf"))
	for what, s := range map[string]string{"report": text, "self-review": review} {
		if strings.Contains(s, "Closed Lost") {
			t.Errorf("Dana's %s prints the status word as a stage", what)
		}
	}

	// Twin Co, open in both exports at two stages: one entry.
	n := 0
	for _, s := range dana.Stale {
		if s.Prospect == "Twin Co" {
			n++
		}
	}
	if n != 1 || dana.StaleCount != len(dana.Stale) {
		t.Errorf("Twin Co listed %d times; stale_maybes_count %d of %d listed", n, dana.StaleCount, len(dana.Stale))
	}
	if c := strings.Count(text, "Twin Co"); c != 1 {
		t.Errorf("Twin Co is in Dana's report %d times", c)
	}

	// Ann's no of 1 June: due 30 August, 90 days after the no.
	ann := reps["Ann Able"]
	if len(ann.FollowUps) != 1 || ann.FollowUps[0].Due != "2026-08-30" || ann.FollowUps[0].Why != "90 days after the no" {
		t.Errorf("Ann's follow-ups %+v", ann.FollowUps)
	}
	annText := pdfText(t, filepath.Join(res.Dir, "reps", "ann-able.pdf"))
	wantText(t, "Ann's report", annText, "Quiet Co", "1 Jun 2026", "30 Aug 2026", "90 days after the no")
	// Her best month, said once: by the coaching or on page 2, not both.
	coached, listed := strings.Contains(annText, "Your best month"), strings.Contains(annText, "Best month of the last 12")
	if coached == listed {
		t.Errorf("best month told by the coaching %v, on page 2 %v: want exactly one", coached, listed)
	}

	wantText(t, "Mei-Mei's report", pdfText(t, filepath.Join(res.Dir, "reps", "mei-mei-lin.pdf")), "Mei-Mei Lin · October 2026")

	// The self-review: worksheets for the ten largest of 14 losses,
	// largest first; the four smallest in the table after.
	wantText(t, "Dana's self-review", review, "For the 10 largest of the 14 nos of October 2026",
		"whether you keep them or go through them with your manager")
	if strings.Contains(review, "only you will read") {
		t.Error("the self-review says only the rep will read it")
	}
	order := []string{"Loss 12 Ltd", "Loss 11 Ltd", "Loss 10 Ltd", "Loss 09 Ltd", "Loss 08 Ltd", "Loss 07 Ltd", "Loss 06 Ltd",
		"Loss 05 Ltd", "Acme", "Loss 04 Ltd", "Other losses", "Loss 03 Ltd", "Beta", "Loss 02 Ltd", "Loss 01 Ltd"} // equal amounts: oldest first
	at := strings.Index(review, "Learning from each loss")
	for _, s := range order {
		i := strings.Index(review[max(at, 0):], s)
		if i < 0 {
			t.Errorf("%q is not in order in the self-review", s)
			continue
		}
		at += i
	}
	if !strings.Contains(review, "Loss 1 of 14   Loss 12 Ltd") {
		t.Error("the first worksheet is not the largest loss")
	}
}

// The PDFs know the coaching's records by the coaching's own rule names.
func TestRuleNames(t *testing.T) {
	if pdf.RuleBestMonth != coach.RuleBestMonth || pdf.RuleWinStreak != coach.RuleWinStreak {
		t.Errorf("pdf's rule names %q, %q differ from coach's %q, %q", pdf.RuleBestMonth, pdf.RuleWinStreak, coach.RuleBestMonth, coach.RuleWinStreak)
	}
}
