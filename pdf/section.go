package pdf

import "github.com/repcard/repcard/internal/format"

// section is a subheading with a capped table under it, kept together.
type section struct {
	title, note string
	intro       []string // bold lines between the heading and the table
	empty       string   // the quiet line when there are no rows
	t           *table
	rows        [][]cell // at most the cap
	total       int      // rows before the cap
	moreWhat    string   // "and N more <moreWhat>in team.xlsx"
	major       bool     // a heading of the first level

	// fit shows only the rows that fit on the page with the heading (at
	// least minFitRows), the rest counted in "and N more": for a list of
	// which the top rows are enough, so that its last rows do not take a
	// page of their own.
	fit bool
}

// minFitRows is the fewest rows a section that fits the page (section.fit)
// shows under its heading before it moves to the next page instead.
const minFitRows = 4

// section draws s: its heading, the intro lines, then the rows that fit
// the cap (or the page, with fit) and "and N more".
func (d *doc) section(s section) {
	introH := float64(len(s.intro)) * stBodyBold.lineH()
	if len(s.intro) > 0 && len(s.rows) > 0 {
		introH += 1.5
	}
	keep := introH + stQuiet.lineH()
	switch {
	case len(s.rows) > 0 && s.fit:
		keep = introH + s.t.need(min(len(s.rows), minFitRows)) + moreH()
	case len(s.rows) > 0:
		keep = introH + s.t.need(len(s.rows))
	}
	level := levelSubsection
	if s.major {
		level = levelSection
	}
	d.headingAt(level, s.title, noteCount(s.total, s.note), keep)
	for _, l := range s.intro {
		d.para(l, stBodyBold)
	}
	if len(s.rows) == 0 {
		if s.empty != "" {
			d.line(s.empty, stQuiet)
		}
		return
	}
	if len(s.intro) > 0 {
		d.y += 1.5
	}
	if s.fit {
		s.rows = s.rows[:max(d.rowsThatFit(s.t, s.rows, stCell, s.total > len(s.rows)), min(len(s.rows), minFitRows))]
	}
	more := s.total - len(s.rows)
	d.startTable(s.t, len(s.rows))
	d.rows(s.t, s.rows, stCell, min(more, 1))
	d.more(more, s.moreWhat)
}

// more draws "and N more in team.xlsx" under a capped table: team.xlsx
// holds every row of every list.
func (d *doc) more(n int, what string) {
	if n <= 0 {
		return
	}
	d.y += moreGap
	d.line("and "+format.Int(n)+" more "+what+"in team.xlsx", stNote)
}

// moreGap is the space above the "and N more" line; moreH is that line
// with its space.
const moreGap = 0.8

func moreH() float64 { return moreGap + stNote.lineH() }

// noteCount is the note after a section's heading: "40 · what it means",
// or the note alone when n is 0.
func noteCount(n int, s string) string {
	if n == 0 {
		return s
	}
	return format.Int(n) + " · " + s
}
