package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/repcard/repcard/internal/golden"
	"github.com/repcard/repcard/report"
)

// -pdf.out DIR writes every document the tests render to DIR, to look at.
var pdfOut = flag.String("pdf.out", "", "write the rendered sample PDFs to this `folder`")

func newRenderer(t testing.TB, opt Options) *Renderer {
	t.Helper()
	r, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// doc names one document of the fixture.
type docCase struct {
	name   string
	opt    Options
	render func(r *Renderer, rpt *report.Report, w *bytes.Buffer) error
}

func repCase(name string, i int, coaching []Paragraph) docCase {
	return docCase{name: name, render: func(r *Renderer, rpt *report.Report, w *bytes.Buffer) error {
		return r.Rep(w, rpt, &rpt.Reps[i], coaching)
	}}
}

var docCases = []docCase{
	repCase("rep-jane-doe", 0, coachingText()),
	repCase("rep-zoe-bronte", 1, nil),
	repCase("rep-alexandros", 2, nil),
	{name: "self-review-jane-doe", render: func(r *Renderer, rpt *report.Report, w *bytes.Buffer) error {
		return r.SelfReview(w, rpt, &rpt.Reps[0], coachingText())
	}},
	{name: "manager-ana-ruiz", render: func(r *Renderer, rpt *report.Report, w *bytes.Buffer) error {
		return r.Manager(w, rpt, &rpt.Managers[0])
	}},
	{name: "team", render: func(r *Renderer, rpt *report.Report, w *bytes.Buffer) error {
		return r.Team(w, rpt)
	}},
}

// render renders one case of the fixture and, with -pdf.out, saves it.
func render(t testing.TB, r *Renderer, name string, f func(w *bytes.Buffer) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if *pdfOut != "" {
		path := filepath.Join(*pdfOut, name+".pdf")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// pdfText extracts the text of a PDF with pdftotext -layout, trailing
// spaces trimmed from every line. Pages are separated by form feeds.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found (install poppler-utils): cannot check the text of the PDFs")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	lines := strings.Split(string(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

func pages(text string) int { return strings.Count(text, "\f") }

func TestGolden(t *testing.T) {
	r := newRenderer(t, Options{PageSize: "A4", Currency: "USD"})
	for _, c := range docCases {
		t.Run(c.name, func(t *testing.T) {
			rpt := fixture()
			b := render(t, r, c.name, func(w *bytes.Buffer) error { return c.render(r, rpt, w) })
			golden.Check(t, filepath.Join("testdata", "golden", c.name+".txt"), []byte(pdfText(t, b)))
		})
	}
}

// contains fails the test for each want missing from text.
func contains(t *testing.T, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
}

func renderText(t *testing.T, r *Renderer, name string, f func(w *bytes.Buffer) error) string {
	t.Helper()
	return pdfText(t, render(t, r, name, f))
}

// The numbers of the fixture, worked out on paper (see fixture_test.go).
func TestHeadlineNumbers(t *testing.T) {
	r := newRenderer(t, Options{Currency: "USD"})
	rpt := fixture()
	jane := renderText(t, r, "num-jane", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], coachingText()) })
	contains(t, jane,
		"Jane Doe · October 2026", "Team: Ana Ruiz · Berlin",
		"Each “no” was worth $48.20", // 5,784.00 / 120
		"120 contacts · 11 sales · 1 sale every 10.9 contacts · $5,784 earned",
		"$5,784 of $6,000", "96 %", // 5,784 / 6,000 = 0.964
		"$51,200 of $60,000", "85 %", // Jan–Oct: 51,200, against 6,000 × 10 due so far
		"due so far; year goal $72,000 · behind by $8,800", // 6,000 × 12; 51,200 − 60,000
		"need $10,400 / month for the 2 months left",       // (72,000 − 51,200) / 2
		"● Contacts per sale 10.9, worse than your 3-month average 8.7 (+26 %)",
		"Alerts ● worse than the 3-month average",
		"Commission: the data's commission where it has one, else 10 % of each won deal's amount (repcard's default: set commission: in config.yaml)",
		"You asked for a referral after 4 of 15 nos (27 %).", // 4 / 15 = 0.267
		"“No decision maker involved”, 4 of 15 nos",
		"4 nos in your control · 8 nos not in your control · 3 nos without a reason",
		"Marlowe & Finch Solicitors", "10 Dec 2025",
		"Helvetia Präzision AG", "$24,000",
		"Northgate Motors", "$15,500",
		"Best month of the last 12: $5,784 in commission (previous best $5,500).",
		"12 months in a row with a sale.",
		"Granite Peak Capital", "$18,000", "$1,800",
		"Each no paid you $48.20",
		"page 1 of 2", "page 2 of 2", "numbers in metrics.json",
	)
	if n := pages(jane); n != 2 {
		t.Errorf("Jane's report has %d pages, want 2", n)
	}
	// Last month beside this one, and her own place only.
	contains(t, jane, "Last month and this", "September 2026", "October 2026",
		"$56.70", "#1 of 4", // September: the highest value per contact
		"#2 of 4, down 1", // October: Zoë's $50.00 is above her $48.20
		// Follow-ups: when due and why; near misses: how far they got.
		"10 Mar 2026", "90 days after the no", "30 Jun 2026", "90 days after the last touch",
		"negotiation", "75 % likely")
	for _, other := range []string{"Zoë", "Дмитрий", "Αλέξανδρος"} {
		if strings.Contains(jane, other) {
			t.Errorf("Jane's report names %s", other)
		}
	}
	if strings.Contains(jane, "Closed Lost") {
		t.Error("a status word as the stage reached")
	}

	zoe := renderText(t, r, "num-zoe", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[1], nil) })
	contains(t, zoe,
		"Each decided deal was worth $50.00", // 1,000 / 20
		"20 decided deals · 4 sales · 1 sale every 5.0 decided deals · $1,000 earned",
		"Counted from decided deals (won + lost): the data has no activity log, so contacts are not tracked.",
		"No goal set — set goals in config.yaml · year to date: $7,250 earned from 29 sales",
		"No alerts: nothing fell against your 3-month average.",
		"Not tracked: your data has no referral column.",
		"□□ Trading", "Acme Corp (2 sales)",
	)

	alex := renderText(t, r, "num-alex", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[2], nil) })
	contains(t, alex,
		"Each “no” was worth $0.00",
		"80 contacts · 0 sales · $0 earned",
		"$0 of $3,000", "0 %",
		"behind by $10,400", // 19,600 − 30,000
	)

	// A best month the coaching tells is not told again on page 2.
	told := append(coachingText(), Paragraph{Title: "Your best month of the year", Text: "$5,784 in commission.", Rule: RuleBestMonth},
		Paragraph{Title: "12 months in a row", Text: "A sale every month.", Rule: RuleWinStreak})
	once := renderText(t, r, "num-jane-told", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], told) })
	for _, s := range []string{"Best month of the last 12", "months in a row with a sale"} {
		if strings.Contains(once, s) {
			t.Errorf("%q printed besides the coaching that tells it", s)
		}
	}
	contains(t, once, "Your best month of the year")

	team := renderText(t, r, "num-team", func(w *bytes.Buffer) error { return r.Team(w, rpt) })
	contains(t, team,
		"Each “no” was worth $30.75", // 7,994 / 260 = 30.746
		"260 contacts · 17 sales · 1 sale every 15.3 contacts · $7,994 earned",
		"Goal: $7,994 of $11,000 (73 %)",
		"$50.00", "$48.20", "$30.25", // value per contact of the reps
		"$44.12", "$56.70", "$32.89", "$20.00", // and in September
		"▲1", "▼1", // Zoë up from 2nd, Jane down from 1st
		"Talk to first",
	)
	// The leaderboard is sorted by value per contact: Zoë, Jane, Дмитрий,
	// then Αλέξανδρος at $0.00, whose name is too long for its cell and
	// breaks onto a second line.
	order := []string{"Zoë Brontë", "Jane Doe", "Дмитрий Иванов", "Αλέξανδρος", "All reps"}
	last := -1
	for _, n := range order {
		i := strings.Index(team, n)
		switch {
		case i < 0:
			t.Errorf("%s is not in the team table", n)
			continue
		case i < last:
			t.Errorf("%s is out of order in the team table", n)
		}
		last = i
	}
}

// Names in Latin, Greek and Cyrillic come back out of the PDF intact.
func TestNamesRoundTrip(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	names := []string{"José Müller-Straße", "Ωmega Ω", "Жанна Ж", "Zoë Brontë", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "Łukasz Żółć", "Ærøskøbing Åse"}
	rpt.Reps[0].FollowUpsDue = nil
	for _, n := range names {
		rpt.Reps[0].FollowUpsDue = append(rpt.Reps[0].FollowUpsDue, report.FollowUp{Prospect: n, Date: dt(2026, 1, 2), Reason: n})
	}
	rpt.Reps[0].Rep = "Éloïse Ωß Жук"
	text := renderText(t, r, "names", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	contains(t, text, names...)
	contains(t, text, "Éloïse Ωß Жук · October 2026")
	if strings.Contains(strings.ReplaceAll(text, "talk to?”", ""), "?") {
		t.Errorf("a ? in the text: %q", text)
	}
	for _, c := range "éüßΩЖ" {
		if len(r.Missing(string(c))) != 0 {
			t.Errorf("Missing(%q) is not empty", c)
		}
	}
}

func TestMissing(t *testing.T) {
	r := newRenderer(t, Options{})
	got := string(r.Missing("Zoë 東京 東 Ж\a\u200e ₹ 𝄞"))
	if got != "東京₹𝄞" {
		t.Errorf("Missing = %q, want %q", got, "東京₹𝄞")
	}
	if m := r.Missing("Jane Doe · Straße ▲▼▬ □ … “no” −27 %"); len(m) != 0 {
		t.Errorf("Missing of drawable text = %q", string(m))
	}
}

// Every document kind renders to the same bytes twice, and in parallel
// from one Renderer.
func TestDeterministic(t *testing.T) {
	r := newRenderer(t, Options{})
	for _, c := range docCases {
		t.Run(c.name, func(t *testing.T) {
			var outs [4][]byte
			var wg sync.WaitGroup
			for i := range outs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var b bytes.Buffer
					if err := c.render(r, fixture(), &b); err != nil {
						t.Error(err)
					}
					outs[i] = b.Bytes()
				}()
			}
			wg.Wait()
			for i := 1; i < len(outs); i++ {
				if !bytes.Equal(outs[0], outs[i]) {
					t.Fatalf("render %d differs from render 0 (%d and %d bytes)", i, len(outs[i]), len(outs[0]))
				}
			}
			if !bytes.Contains(outs[0], []byte("/CreationDate (D:20261031000000)")) {
				t.Errorf("creation date is not the period end")
			}
		})
	}
}

func TestEmptyRep(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	rpt.Reps = append(rpt.Reps, emptyRep())
	rep := &rpt.Reps[len(rpt.Reps)-1]
	text := renderText(t, r, "rep-empty", func(w *bytes.Buffer) error { return r.Rep(w, rpt, rep, nil) })
	contains(t, text,
		"No contacts recorded in October 2026",
		"0 contacts · 0 sales · $0 earned",
		"No goal set — set goals in config.yaml · year to date: $0 earned from 0 sales",
		"No alerts: nothing fell against your 3-month average.",
		"No explicit nos recorded in October 2026.",
		"No follow-ups due.", "No wins recorded in October 2026.",
	)
	golden.Check(t, filepath.Join("testdata", "golden", "rep-empty.txt"), []byte(text))
	review := renderText(t, r, "self-review-empty", func(w *bytes.Buffer) error { return r.SelfReview(w, rpt, rep, nil) })
	contains(t, review, "No losses in October 2026", "My plan for November 2026")
	// A manager with no rep in the run, and a team of nobody.
	empty := &report.Report{Period: rpt.Period}
	team := renderText(t, r, "team-empty", func(w *bytes.Buffer) error { return r.Team(w, empty) })
	contains(t, team, "No contacts recorded in October 2026", "No reps in this report.")
	m := &report.Manager{Manager: "Ghost Manager", Reps: []string{"Nobody"}}
	mt := renderText(t, r, "manager-empty", func(w *bytes.Buffer) error { return r.Manager(w, empty, m) })
	contains(t, mt, "1 rep of this team not in this run")
}

// A rep with more of everything than fits: the tables are capped, the
// report stays within 4 pages and says how many more there are.
func TestOverflow(t *testing.T) {
	for _, size := range []string{"A4", "Letter"} {
		t.Run(size, func(t *testing.T) {
			r := newRenderer(t, Options{PageSize: size})
			rpt := fixture()
			rpt.Reps[0] = busyRep("Jane Doe")
			text := renderText(t, r, "rep-busy-"+size, func(w *bytes.Buffer) error {
				return r.Rep(w, rpt, &rpt.Reps[0], longCoaching())
			})
			if n := pages(text); n < 3 || n > 4 {
				t.Errorf("%d pages, want 3 or 4", n)
			}
			contains(t, text, "and 30 more in team.xlsx", "and 12 more in team.xlsx",
				"and 9 more in team.xlsx", "and 22 more in team.xlsx", "Prospect 10 with", "Win 08 Partners")
			if strings.Contains(text, "Prospect 11 with") {
				t.Errorf("more than 10 follow-ups listed")
			}
			review := renderText(t, r, "self-review-busy-"+size, func(w *bytes.Buffer) error {
				return r.SelfReview(w, rpt, &rpt.Reps[0], longCoaching())
			})
			contains(t, review, "Near 10 Ltd", "Other losses", "Near 15 Ltd", "and 28 more in team.xlsx",
				"For the 10 largest of the 15 nos of October 2026", "whether you keep them or go through them with your manager")
			if strings.Contains(review, "only you will read") {
				t.Error("the self-review says only the rep will read it")
			}
			// Worksheets for the ten largest (Near 15 … Near 06), largest
			// first; the five smallest in the table after.
			other := strings.Index(review, "Other losses")
			last := -1
			for i := 15; i >= 1; i-- {
				at := strings.Index(review, fmt.Sprintf("Near %02d Ltd", i))
				switch {
				case at < last:
					t.Errorf("Near %02d Ltd is out of order", i)
				case i >= 6 && at > other:
					t.Errorf("Near %02d Ltd, among the ten largest, has no worksheet", i)
				case i < 6 && at < other:
					t.Errorf("Near %02d Ltd, among the smallest, has a worksheet", i)
				}
				last = at
			}
		})
	}
}

func TestLetter(t *testing.T) {
	r := newRenderer(t, Options{PageSize: "letter"})
	rpt := fixture()
	b := render(t, r, "rep-jane-doe-letter", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], coachingText()) })
	if !bytes.Contains(b, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Errorf("not a Letter page")
	}
	text := pdfText(t, b)
	contains(t, text, "Each “no” was worth $48.20", "page 3 of 3")
	golden.Check(t, filepath.Join("testdata", "golden", "rep-jane-doe-letter.txt"), []byte(text))
	team := renderText(t, r, "team-letter", func(w *bytes.Buffer) error { return r.Team(w, rpt) })
	contains(t, team, "Each “no” was worth $30.75")
}

// A 60-character name is cut with "…" where it does not fit, never drawn
// over its neighbours.
func TestLongName(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	name := "Maximilian Alexander Konstantin von Hohenzollern-Sigmaringen" // 60 characters
	if n := len([]rune(name)); n != 60 {
		t.Fatalf("name has %d characters", n)
	}
	rpt.Reps[0].Rep = name
	rpt.Reps[0].Manager = "Bartholomew Fitzgerald-Worthington"
	rpt.Reps[0].Office = "Llanfairpwllgwyngyll Regional Office"
	rpt.Managers[0].Reps[0] = name
	rpt.Reps[0].FollowUpsDue[0].Prospect = strings.Repeat("Very Long Prospect Name ", 5)
	text := renderText(t, r, "rep-long-name", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	// The masthead: the team moves up beside the label, the name is set
	// smaller, the period stays whole.
	if !strings.HasPrefix(text, "Coaching report ") {
		t.Errorf("the team is not beside the label: %q", text[:200])
	}
	contains(t, text, "   Team: Bartholomew Fitzgerald-Worthington · Llanfairpwllgwyngyll Regional Office\n",
		"\nMaximilian Alexander Konstantin von Hohenzollern-Sigmaringen · October 2026\n",
		"Very Long Prospect Name Ver…   ")
	// Twice as long: set at 13 pt and cut.
	rpt.Reps[0].Rep = name + " " + name
	text = renderText(t, r, "rep-longer-name", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	contains(t, text, "\nMaximilian Alexander Konstantin von Hohenzollern-Sigmaringen… · October 2026\n")
	rpt.Reps[0].Rep = name
	team := renderText(t, r, "team-long-name", func(w *bytes.Buffer) error { return r.Team(w, rpt) })
	contains(t, team, "Maximilian Alexander Kon…   ")
}

// The team summary of 35 reps runs onto a second page with the head row
// repeated, each rep listed once.
func TestTeamPagination(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := bigTeam(35)
	text := renderText(t, r, "team-35", func(w *bytes.Buffer) error { return r.Team(w, rpt) })
	ps := strings.Split(text, "\f")
	if len(ps) < 3 {
		t.Fatalf("%d pages", len(ps)-1)
	}
	for i := range 2 {
		if !strings.Contains(ps[i], "Commission") || !strings.Contains(ps[i], "contact") {
			t.Errorf("page %d has no table head", i+1)
		}
	}
	table := text[:strings.Index(text, "All reps")]
	for _, rep := range rpt.Reps {
		prefix := rep.Rep[:len("Rep 001 ")] // the rest may be cut with …
		if n := strings.Count(table, prefix); n != 1 {
			t.Errorf("%s listed %d times", prefix, n)
		}
	}
	contains(t, text, "All reps", "page 1 of ")
}

// Text from spreadsheets never puts a control character into the PDF.
func TestNoControlCharacters(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	rpt.Reps[0].Rep = "Jane\x00 Doe\x1b[31m\u202e"
	rpt.Reps[0].FollowUpsDue[0].Prospect = "Bad\tprospect\r\nname\x7f"
	text := renderText(t, r, "control", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	for _, c := range text {
		if unicode.IsControl(c) && c != '\n' && c != '\f' {
			t.Fatalf("control character %U in the text", c)
		}
	}
	contains(t, text, "Jane Doe[31m", "Bad prospect name")
}

func TestNewErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
		want string
	}{
		{"page size", Options{PageSize: "A5"}, "page size"},
		{"OpenType CFF", Options{ExtraFont: append([]byte("OTTO"), make([]byte, 64)...)}, "CFF"},
		{"collection", Options{ExtraFont: append([]byte("ttcf"), make([]byte, 64)...)}, "collection"},
		{"garbage", Options{ExtraFont: []byte("not a font at all, just text")}, "not a TrueType font"},
		{"truncated", Options{ExtraFont: []byte("\x00\x01\x00\x00\x00\x10garbage....")}, "font"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := New(c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("New: %v, want an error with %q", err, c.want)
			}
		})
	}
}

// The widths the layout measures are the widths gofpdf draws.
func TestWidthsMatchGofpdf(t *testing.T) {
	r := newRenderer(t, Options{})
	d := r.newDoc("t", "t", "t", "t", periodOf(fixture()))
	for _, s := range []string{"Each “no” was worth $48.20", "Αλέξανδρος Παπαδόπουλος", "Дмитрий Иванов", "12,345.67 ▲▼▬ □ …"} {
		for _, st := range []style{stBody, stName, stHeadNum} {
			d.setFont(st.face, st.pt)
			want := d.f.GetStringWidth(s)
			if got := d.width(s, st); abs(got-want) > 1e-9 {
				t.Errorf("width(%q, %v pt) = %.4f mm, gofpdf %.4f mm", s, st.pt, got, want)
			}
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// The currency sign follows the config; a sign no font has (₹) is printed
// as the code.
func TestCurrency(t *testing.T) {
	for _, c := range []struct{ cur, want string }{
		{"EUR", "Each “no” was worth €48.20"},
		{"GBP", "£5,784 earned"},
		{"CHF", "Each “no” was worth CHF 48.20"},
		{"INR", "Each “no” was worth INR 48.20"},
	} {
		r := newRenderer(t, Options{Currency: c.cur})
		rpt := fixture()
		text := renderText(t, r, "currency-"+c.cur, func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
		contains(t, text, c.want)
	}
}

// An extra font draws what the Go fonts lack.
func TestExtraFont(t *testing.T) {
	ttf := dejaVu(t)
	r := newRenderer(t, Options{Currency: "INR", ExtraFont: ttf})
	if m := r.Missing("₹ ✓"); len(m) != 0 {
		t.Errorf("Missing with DejaVu = %q", string(m))
	}
	rpt := fixture()
	rpt.Reps[0].FollowUpsDue[0].Prospect = "Tick ✓ Traders"
	text := renderText(t, r, "extra-font", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	contains(t, text, "Each “no” was worth ₹48.20", "Tick ✓ Traders")
}

// dejaVu returns DejaVu Sans Condensed from gofpdf's module, which has ₹ and
// ✓ where the Go fonts do not. The font ships in the module, which the
// build has downloaded: not finding it fails the test.
func dejaVu(t *testing.T) []byte {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jung-kurt/gofpdf").Output()
	if err != nil {
		t.Fatalf("cannot find gofpdf's folder: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "font", "DejaVuSansCondensed.ttf"))
	if err != nil {
		t.Fatalf("no DejaVu font to test with: %v", err)
	}
	return b
}

// A rep whose follow-ups and stale maybes were cut to their first ListRows
// entries (what a run renders from, after writing metrics.json) gives the
// same document, "and N more" lines included.
func TestShortenedRepSameBytes(t *testing.T) {
	r := newRenderer(t, Options{Currency: "USD"})
	full := fixture()
	full.Reps[0] = busyRep("Jane Doe")
	rep := &full.Reps[0]
	rep.FollowUpsDueCount, rep.StaleMaybesCount = len(rep.FollowUpsDue), len(rep.StaleMaybes)
	if rep.FollowUpsDueCount <= ListRows || rep.StaleMaybesCount <= ListRows {
		t.Fatal("the fixture should have longer lists than ListRows")
	}
	short := fixture()
	short.Reps[0] = *rep
	short.Shorten(ListRows)
	if len(short.Reps[0].FollowUpsDue) != ListRows {
		t.Fatalf("Shorten kept %d follow-ups", len(short.Reps[0].FollowUpsDue))
	}
	for kind, more := range map[string]string{"rep": "and 30 more", "self-review": "and 28 more"} {
		doc := func(rpt *report.Report) func(w *bytes.Buffer) error {
			return func(w *bytes.Buffer) error {
				if kind == "rep" {
					return r.Rep(w, rpt, &rpt.Reps[0], coachingText())
				}
				return r.SelfReview(w, rpt, &rpt.Reps[0], coachingText())
			}
		}
		a := render(t, r, kind+"-full", doc(full))
		b := render(t, r, kind+"-short", doc(short))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the shortened rep renders differently", kind)
		}
		if text := pdfText(t, a); !strings.Contains(text, more) {
			t.Errorf("%s: expected %q; text:\n%s", kind, more, text)
		}
	}
}

// A hyphen in a name is drawn as a hyphen, narrower than the en dash (the
// Go fonts' own is as wide as a minus), and reads back as U+002D.
func TestHyphenInNames(t *testing.T) {
	r := newRenderer(t, Options{})
	for _, f := range []faceID{faceRegular, faceBold, faceItalic} {
		hy, en := r.width("-", f, 10), r.width("–", f, 10)
		if !(hy < 0.7*en) {
			t.Errorf("face %d: hyphen %.2f pt wide, en dash %.2f: the hyphen reads as a dash", f, hy, en)
		}
	}
	rpt := fixture()
	rpt.Reps[0].Rep = "Mei-Mei Lin-Ödegaard"
	text := renderText(t, r, "rep-hyphen", func(w *bytes.Buffer) error { return r.Rep(w, rpt, &rpt.Reps[0], nil) })
	contains(t, text, "Mei-Mei Lin-Ödegaard · October 2026")
}
