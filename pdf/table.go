package pdf

import (
	"strings"
)

// column is one table column: its head (a "\n" makes two lines), width and
// alignment ('L', 'R' or 'C').
type column struct {
	head  string
	w     float64
	align byte
}

// cell is one table cell; a zero style means the row's style.
type cell struct {
	s  string
	st style
}

// table is a table laid out from the cursor; its head row is repeated on
// every page it runs onto.
type table struct {
	cols  []column
	rowH  float64
	zebra bool
}

const cellPad = 1.6

func (t *table) headH() float64 {
	lines := 1
	for _, c := range t.cols {
		lines = max(lines, strings.Count(c.head, "\n")+1)
	}
	return float64(lines)*stHead.lineH() + 1.6
}

func (d *doc) tableHead(t *table) {
	hh := t.headH()
	x := d.left
	lh := stHead.lineH()
	for _, c := range t.cols {
		parts := strings.Split(c.head, "\n")
		for i, p := range parts {
			// bottom-align the lines of each head
			base := d.y + hh - 1.6 - float64(len(parts)-1-i)*lh - lh*0.5 + stHead.capH()*0.5
			d.textAlign(x+cellPad, base, c.w-2*cellPad, p, stHead, c.align)
		}
		x += c.w
	}
	d.y += hh
	d.hline(d.left, d.left+t.width(), d.y, colRule, 0.3)
}

func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.w
	}
	return w
}

// rows draws rows, each in st unless a cell says otherwise. A cell with
// "\n" takes several lines and makes its row taller. tail is the number of
// lines that follow the rows and belong to the table (a totals row, an "and
// N more" note): the last row never goes to a new page alone.
func (d *doc) rows(t *table, rows [][]cell, st style, tail int) {
	hs := rowHeights(t, rows, st)
	for i, row := range rows {
		h := hs[i]
		brk := d.y+h > d.bottom
		if !brk && i > 0 && len(rows)-i+tail == 2 {
			next := t.rowH // the tail
			if i+1 < len(rows) {
				next = hs[i+1]
			}
			brk = d.y+h+next > d.bottom
		}
		if brk {
			d.addPage()
			d.tableHead(t)
		}
		if t.zebra && i%2 == 1 {
			d.fill(d.left, d.y, t.width(), h, colZebra)
		}
		d.rowCells(t, row, st)
		d.y += h
		if !t.zebra {
			d.hline(d.left, d.left+t.width(), d.y, colHair, 0.2)
		}
	}
}

// rowsThatFit is how many of rows, drawn in st under the head of t, fit
// between the cursor and the bottom of the page, with room for the "and N
// more" line under them when some rows are left out: capped says some
// already are.
func (d *doc) rowsThatFit(t *table, rows [][]cell, st style, capped bool) int {
	hs := rowHeights(t, rows, st)
	room := d.bottom - d.y - t.headH()
	if capped {
		room -= moreH()
	}
	all := 0.0
	for _, h := range hs {
		all += h
	}
	if all <= room {
		return len(rows)
	}
	if !capped {
		room -= moreH() // leaving rows out adds the line
	}
	for i, h := range hs {
		if h > room {
			return i
		}
		room -= h
	}
	return len(rows)
}

// rowHeights is the height of each row drawn in st: a cell with "\n" takes
// several lines and makes its row taller.
func rowHeights(t *table, rows [][]cell, st style) []float64 {
	hs := make([]float64, len(rows))
	for i, row := range rows {
		n := 1
		for _, c := range row {
			n = max(n, strings.Count(c.s, "\n")+1)
		}
		hs[i] = t.rowH + float64(n-1)*st.lineH()
	}
	return hs
}

func (d *doc) rowCells(t *table, row []cell, st style) {
	x := d.left
	base := d.y + t.rowH*0.5 + st.capH()*0.5
	for j, c := range t.cols {
		if j < len(row) && row[j].s != "" {
			cs := st
			if row[j].st.pt != 0 {
				cs = row[j].st
			}
			for k, line := range strings.Split(row[j].s, "\n") {
				d.textAlign(x+cellPad, base+float64(k)*st.lineH(), c.w-2*cellPad, line, cs, c.align)
			}
		}
		x += c.w
	}
}

// totalRow draws a bold row under a rule.
func (d *doc) totalRow(t *table, row []cell) {
	if d.need(t.rowH + 1) {
		d.tableHead(t)
	}
	d.hline(d.left, d.left+t.width(), d.y, colInk, 0.3)
	d.y += 0.5
	d.rowCells(t, row, stCellBold)
	d.y += t.rowH
}

// startTable draws the head of t, on a new page unless the page holds what
// tableNeed says.
func (d *doc) startTable(t *table, n int) {
	d.need(t.need(n))
	d.tableHead(t)
}

// need is the height a table of n rows needs at the start: all of it up to
// keepWhole rows, else its head and first rows. A heading above a table
// keeps this much with it.
func (t *table) need(n int) float64 {
	const keepWhole, firstRows = 12, 4
	k := min(n, firstRows)
	if n <= keepWhole {
		k = n
	}
	return t.headH() + float64(max(k, 1))*t.rowH + 1
}

// scale returns column widths designed for a 180 mm column, scaled to the
// document's column.
func (d *doc) scale(cols []column) []column {
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	out := make([]column, len(cols))
	for i, c := range cols {
		c.w = c.w * d.cw / total
		out[i] = c
	}
	return out
}
