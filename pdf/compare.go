package pdf

import (
	"time"

	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// monthName spells a trailing month's label ("2026-09") as "September
// 2026", or gives it back as it is.
func monthName(label string) string {
	if t, err := time.Parse("2006-01", label); err == nil {
		return t.Format("January 2006")
	}
	return clean(label)
}

// monthAbbr spells a month's label ("2026-09") as "Sep".
func monthAbbr(label string) string {
	if t, err := time.Parse("2006-01", label); err == nil {
		return t.Format("Jan")
	}
	return clean(label)
}

// lastMonth draws the rep's last month above this one: contacts, sales,
// value per contact, and the rep's own place on value per contact among
// the team's reps ("#4 of 10, up 2"), never another rep's. A rep with no
// data in either month gets no table.
func (d *doc) lastMonth(rep *report.Rep) {
	n := len(rep.Monthly)
	if n < 2 {
		return
	}
	prev, cur := &rep.Monthly[n-2], &rep.Monthly[n-1]
	if !prev.HasData && !cur.HasData {
		return // nothing to compare: the headline says there is no data
	}
	k := &rep.Rank
	now := place(k.Rank, k.Of)
	if up, ok := k.Up(); ok && k.Rank != nil {
		now += ", " + placeChange(up)
	}
	contacts := func(m *report.Month) cell {
		if notTracked(rep) {
			return cell{s: dash, st: stCellMute}
		}
		return cell{s: format.Int(m.Contacts)}
	}
	rows := [][]cell{
		{{s: monthName(prev.Month), st: stCellMute}, contacts(prev), {s: format.Int(prev.Closings)},
			{s: d.r.nullMoney(prev.ValuePerContact)}, {s: place(k.PreviousRank, k.PreviousOf)}},
		{{s: monthName(cur.Month), st: stCellBold}, contacts(cur), {s: format.Int(cur.Closings)},
			{s: d.r.nullMoney(cur.ValuePerContact)}, {s: now}},
	}
	t := &table{rowH: 5.2, cols: d.scale([]column{
		{"", 44, 'L'}, {capitalized(d.words.plural), 24, 'R'}, {"Sales", 20, 'R'}, {"Value per " + d.words.one, 38, 'R'},
		{"Your place on value per " + d.words.one, 54, 'R'},
	})}
	d.section(section{
		title: "Last month and this", note: "your place among the team's reps: yours only",
		t: t, rows: rows, total: 0,
	})
}

// placeChange is "up 2", "down 1" or "same place".
func placeChange(up int) string {
	switch {
	case up > 0:
		return "up " + format.Int(up)
	case up < 0:
		return "down " + format.Int(-up)
	}
	return "same place"
}

// place is "#4 of 10", or a dash without contacts that month.
func place(rank *int, of int) string {
	if rank == nil {
		return dash
	}
	return "#" + format.Int(*rank) + " of " + format.Int(of)
}

// rankCell is the leaderboard's place-change column: how many places the
// rep moved on value per contact from last month, "▲3", "▼1" or "=";
// "new" with a place this month and none last month; a dash with none this
// month. For a month the rows are in place order already; the change is
// what the table could not show.
func rankCell(k *report.Rank) cell {
	if k.Rank == nil {
		return cell{s: dash, st: stCellMute}
	}
	up, ok := k.Up()
	switch {
	case !ok:
		return cell{s: "new", st: stCellMute}
	case up > 0:
		return cell{s: "▲" + format.Int(up), st: style{faceRegular, 9, colAccent}}
	case up < 0:
		return cell{s: "▼" + format.Int(-up)}
	}
	return cell{s: "=", st: stCellMute}
}
