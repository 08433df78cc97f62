package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
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
		{name: "capped, fits whole", fit: true, shown: 10, total: 73, roomRows: 20, wantShown: 10, wantMore: "and 63 more in metrics.json", wantPages: 1},
		{name: "capped, six fit", fit: true, shown: 10, total: 73, roomRows: 6.5, wantShown: 6, wantMore: "and 67 more in metrics.json", wantPages: 1},
		{name: "not capped, six fit", fit: true, shown: 10, total: 10, roomRows: 6.5, wantShown: 6, wantMore: "and 4 more in metrics.json", wantPages: 1},
		{name: "too few fit: next page, whole", fit: true, shown: 10, total: 73, roomRows: 2.5, wantShown: 10, wantMore: "and 63 more in metrics.json", wantPages: 2},
		{name: "without fit the rows run on", fit: false, shown: 10, total: 73, roomRows: 6.5, wantShown: 10, wantMore: "and 63 more in metrics.json", wantPages: 2},
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
			} else if strings.Contains(text, "more in metrics.json") {
				t.Error("an \"and N more\" line with every row shown")
			}
		})
	}
}
