package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/repcard/repcard/report"
)

// A section with fit shows the rows that fit under its heading and counts
// the rest in "and N more"; without fit its rows run onto the next page.
func TestSectionFit(t *testing.T) {
	r := newRenderer(t, Options{})
	pe := periodOf(fixture())
	rowsOf := func(n int) [][]cell {
		rows := make([][]cell, n)
		for i := range rows {
			rows[i] = []cell{{s: fmt.Sprintf("Win %02d", i+1)}, {s: "$1"}}
		}
		return rows
	}
	tests := []struct {
		name      string
		fit       bool
		shown     int // rows in the table
		total     int // rows before the cap
		roomRows  float64
		wantShown int
		wantMore  string
		wantPages int
	}{
		{name: "fits whole", fit: true, shown: 10, total: 10, roomRows: 20, wantShown: 10, wantPages: 1},
		{name: "capped, fits whole", fit: true, shown: 10, total: 73, roomRows: 20, wantShown: 10, wantMore: "and 63 more in team.xlsx", wantPages: 1},
		{name: "capped, six fit", fit: true, shown: 10, total: 73, roomRows: 6.5, wantShown: 6, wantMore: "and 67 more in team.xlsx", wantPages: 1},
		{name: "not capped, six fit", fit: true, shown: 10, total: 10, roomRows: 6.5, wantShown: 6, wantMore: "and 4 more in team.xlsx", wantPages: 1},
		{name: "too few fit: next page, whole", fit: true, shown: 10, total: 73, roomRows: 2.5, wantShown: 10, wantMore: "and 63 more in team.xlsx", wantPages: 2},
		{name: "without fit the rows run on", fit: false, shown: 10, total: 73, roomRows: 6.5, wantShown: 10, wantMore: "and 63 more in team.xlsx", wantPages: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := r.newDoc("fit", "Test", "running", "footer", pe)
			tab := &table{rowH: 5.6, cols: d.scale([]column{{"Won", 100, 'L'}, {"Amount", 80, 'R'}})}
			// Leave room for the heading, the table head, roomRows rows and
			// the "more" line.
			headH := stH2.lineH() + 2 + 5
			d.y = d.bottom - headH - tab.headH() - tt.roomRows*tab.rowH - moreH()
			d.section(section{title: "Wins to celebrate", t: tab, rows: rowsOf(tt.shown), total: tt.total, major: true, fit: tt.fit})
			var buf bytes.Buffer
			if err := d.finish(&buf); err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, buf.Bytes())
			if got := strings.Count(text, "Win "); got != tt.wantShown {
				t.Errorf("%d rows shown, want %d", got, tt.wantShown)
			}
			if got := pages(text); got != tt.wantPages {
				t.Errorf("%d pages, want %d", got, tt.wantPages)
			}
			if tt.wantMore != "" {
				contains(t, text, tt.wantMore)
			} else if strings.Contains(text, "more in team.xlsx") {
				t.Error("an \"and N more\" line with every row shown")
			}
		})
	}
}

// A paragraph that does not fit the rest of the page keeps at least two
// lines on each page, or goes to the next page whole.
func TestParagraphSplit(t *testing.T) {
	r := newRenderer(t, Options{})
	pe := periodOf(fixture())
	tests := []struct {
		lines, fit int
		want       string // lines of the paragraph on each page
	}{
		{lines: 5, fit: 9, want: "5"},
		{lines: 5, fit: 5, want: "5"},
		{lines: 5, fit: 4, want: "3 2"},
		{lines: 5, fit: 3, want: "3 2"},
		{lines: 5, fit: 2, want: "2 3"},
		{lines: 5, fit: 1, want: "0 5"},
		{lines: 3, fit: 2, want: "0 3"},
		{lines: 4, fit: 3, want: "2 2"},
		{lines: 1, fit: 0, want: "0 1"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d lines, %d fit", tt.lines, tt.fit), func(t *testing.T) {
			d := r.newDoc("para", "Test", "running", "footer", pe)
			var words []string
			for i := 0; len(d.wrap(strings.Join(words, " "), stBody, d.cw)) < tt.lines || len(words) == 0; i++ {
				words = append(words, fmt.Sprintf("word%03d", i))
			}
			text := strings.Join(words, " ")
			if n := len(d.wrap(text, stBody, d.cw)); n != tt.lines {
				t.Fatalf("the text wraps to %d lines", n)
			}
			d.y = d.bottom - float64(tt.fit)*stBody.lineH() - 0.1
			d.para(text, stBody)
			var buf bytes.Buffer
			if err := d.finish(&buf); err != nil {
				t.Fatal(err)
			}
			var perPage []string
			for _, page := range strings.Split(strings.TrimSuffix(pdfText(t, buf.Bytes()), "\f"), "\f") {
				perPage = append(perPage, fmt.Sprint(strings.Count(page, "\nword")+strings.Count(page[:min(len(page), 4)], "word")))
			}
			if got := strings.Join(perPage, " "); got != tt.want {
				t.Errorf("lines per page %q, want %q", got, tt.want)
			}
		})
	}
}

// The self-review's loss pages start on a new page after page 1; when the
// coaching ran from page 1 onto a page it left mostly empty, they start on
// that page instead of leaving it so.
func TestSelfReviewStart(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	rep := &rpt.Reps[0]
	para := strings.Repeat("Keep asking for a referral after every no, and write down who you were given. ", 3)
	tests := []struct {
		name     string
		coaching []Paragraph
		wantPage int // the page "Learning from each loss" is on
	}{
		{"page 1 holds the coaching", coachingText(), 2},
		{"the coaching runs onto page 2", []Paragraph{
			{Title: "One", Text: para}, {Title: "Two", Text: para}, {Title: "Three", Text: para},
			{Title: "Four", Text: para}, {Title: "Five", Text: para},
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := renderText(t, r, "self-review-start", func(w *bytes.Buffer) error {
				return r.SelfReview(w, rpt, rep, tt.coaching)
			})
			ps := strings.Split(text, "\f")
			if last := tt.coaching[len(tt.coaching)-1].Title; tt.wantPage == 2 && len(tt.coaching) > 2 && !strings.Contains(ps[1], last) {
				t.Errorf("the coaching does not run onto page 2: %q is not there", last)
			}
			for i, p := range ps {
				if strings.Contains(p, "Learning from each loss") {
					if i+1 != tt.wantPage {
						t.Errorf("the losses start on page %d, want %d", i+1, tt.wantPage)
					}
					if i > 0 && strings.Contains(ps[0], "Learning") {
						t.Error("twice")
					}
					return
				}
			}
			t.Fatal("no loss pages")
		})
	}
}

func TestStaleProspect(t *testing.T) {
	for _, tt := range []struct {
		s    report.Stale
		want string
	}{
		{report.Stale{Prospect: "Acme", Deal: "D-1"}, "Acme"},
		{report.Stale{Prospect: " \t", Deal: "0065g00000kDRgf"}, "deal 0065g00000kDRgf"},
		{report.Stale{}, dash},
	} {
		if got := staleProspect(&tt.s); got != tt.want {
			t.Errorf("staleProspect(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// A rep whose nos all lack a reason is told to record them, and the chart
// has them in a group of their own.
func TestLossesWithoutReason(t *testing.T) {
	r := newRenderer(t, Options{})
	rpt := fixture()
	rep := &rpt.Reps[0]
	rep.ExplicitNos, rep.ControllableNos, rep.UncontrollableNos = 4, 0, 0
	rep.LossReasons = []report.LossReason{{Reason: "(no reason given)", Category: "unknown", Count: 4}}
	text := renderText(t, r, "rep-no-reasons", func(w *bytes.Buffer) error { return r.Rep(w, rpt, rep, nil) })
	contains(t, text, "No reason was recorded for any of the 4 nos", "4 nos without a reason")
	if strings.Contains(text, "None of the nos with a reason") {
		t.Error("says none of the nos with a reason was in the rep's control, with no reason at all")
	}
}

// A figure wider than its column is set smaller rather than cut; a word is
// still cut with "…".
func TestFigureNeverCut(t *testing.T) {
	r := newRenderer(t, Options{})
	d := r.newDoc("fig", "Test", "running", "footer", periodOf(fixture()))
	w := d.width("$1,476.11", stCell) * 0.9 // a tenth too narrow at the cell's size
	d.textAlign(d.left, d.y+10, w, "$1,476.11", stCell, 'R')
	d.textAlign(d.left, d.y+20, w, "Commissions", stCell, 'R')
	var buf bytes.Buffer
	if err := d.finish(&buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	contains(t, text, "$1,476.11")
	if strings.Contains(text, "Commissions") || !strings.Contains(text, "…") {
		t.Errorf("the word was not cut with …:\n%s", text)
	}
	for s, want := range map[string]bool{"$1,476.11": true, "381 %": true, "† 24": true, "−41 %": true, "–": false, "Jane Doe": false, "CHF 12": false} {
		if got := isFigure(s); got != want {
			t.Errorf("isFigure(%q) = %v, want %v", s, got, want)
		}
	}
}
