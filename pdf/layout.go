package pdf

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/internal/textfit"
)

// Page geometry, in millimetres.
const (
	margin    = 15.0 // on every side
	footerH   = 9.0  // reserved above the bottom margin for the footer
	contHeadH = 9.0  // the running header of pages after the first
	ptmm      = 25.4 / 72
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The palette: one accent (the charts' blue) and greys, as in package charts.
var (
	colInk    = rgb{0x1F, 0x29, 0x37} // titles, values, body text
	colText   = rgb{0x4B, 0x55, 0x63} // secondary text
	colMuted  = rgb{0x6B, 0x72, 0x80} // notes, table heads, footer
	colFaint  = rgb{0x9C, 0xA3, 0xAF} // "nothing here" marks
	colRule   = rgb{0xD1, 0xD5, 0xDB} // rules under heads, box edges
	colHair   = rgb{0xE5, 0xE7, 0xEB} // hairlines between rows, bar tracks
	colZebra  = rgb{0xF6, 0xF7, 0xF9} // every other table row, panels
	colAccent = rgb{0x25, 0x63, 0xEB} // the one accent
	colWhite  = rgb{0xFF, 0xFF, 0xFF}
)

// style is a font, size (pt) and colour.
type style struct {
	face faceID
	pt   float64
	col  rgb
}

// The type scale.
var (
	stLabel    = style{faceBold, 8, colAccent}
	stName     = style{faceBold, 18, colInk}
	stNameRest = style{faceRegular, 18, colMuted}
	stTeam     = style{faceRegular, 10, colText}
	stHeadline = style{faceRegular, 24, colInk}
	stHeadNum  = style{faceBold, 24, colAccent}
	stStats    = style{faceRegular, 11, colText}
	stH2       = style{faceBold, 12, colInk}
	stH3       = style{faceBold, 10, colInk}
	stBody     = style{faceRegular, 10, colInk}
	stBodyBold = style{faceBold, 10, colInk}
	stNote     = style{faceRegular, 8, colMuted}
	stQuiet    = style{faceRegular, 10, colMuted}
	stSecond   = style{faceRegular, 10, colText}
	stCell     = style{faceRegular, 9, colInk}
	stCellBold = style{faceBold, 9, colInk}
	stCellMute = style{faceRegular, 9, colMuted}
	stHead     = style{faceBold, 7.5, colMuted}
	stFooter   = style{faceRegular, 8, colMuted}
	stBoxTitle = style{faceBold, 8, colMuted}
	stBoxBig   = style{faceBold, 13, colInk}
	stBoxPct   = style{faceBold, 13, colAccent}
	stBoxLine  = style{faceRegular, 9, colText}
	stSource   = style{faceRegular, 9, colInk} // where a number comes from, under the number
)

// lineH is the line height of a style, in millimetres.
func (s style) lineH() float64 { return s.pt * ptmm * 1.4 }

// capH is about the height of a capital letter, in millimetres.
func (s style) capH() float64 { return s.pt * ptmm * 0.7 }

// doc is one document being laid out: a gofpdf document, a cursor and the
// fonts registered so far.
type doc struct {
	r *Renderer
	f *gofpdf.Fpdf

	w, h   float64 // page size
	left   float64 // left edge of the text column
	right  float64 // right edge of the text column
	cw     float64 // text column width
	bottom float64 // lowest y content may reach
	y      float64 // the cursor: top of the next thing

	pe      period       // the report's period
	words   contactWords // what the contacts are called: contacts, or decided deals
	kind    string       // "Coaching report", shown on the running header
	running string       // "Jane Doe · October 2026", the running header
	footer  string       // left part of the footer

	registered [numFaces]bool
	curFace    faceID
	curPt      float64
	pxWidths   map[int]bool // image widths in use (see image)
}

// newDoc starts a document with its first page.
func (r *Renderer) newDoc(title, kind, running, footer string, pe period) *doc {
	f := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		SizeStr:        r.pageSize,
	})
	w, h := f.GetPageSize()
	d := &doc{
		r: r, f: f, w: w, h: h, pe: pe,
		left: margin, right: w - margin, cw: w - 2*margin,
		bottom:  h - margin - footerH,
		kind:    kind,
		words:   wordsContacts,
		running: running,
		footer:  footer,
		curFace: numFaces,
	}
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	f.SetCreationDate(pe.end)
	f.SetModificationDate(pe.end)
	f.SetTitle(title, true)
	f.SetCreator("repcard", true)
	f.SetProducer("repcard (gofpdf)", true)
	d.addPage()
	return d
}

// addPage starts a new page; after the first it draws the running header.
func (d *doc) addPage() {
	d.f.AddPage()
	d.curFace = numFaces // a new page starts without a font
	d.y = margin
	if d.f.PageNo() == 1 {
		return
	}
	base := margin + stFooter.capH()
	d.textFit(d.left, base, d.cw*0.65, d.running, stFooter)
	d.textR(d.right, base, d.kind, stFooter)
	d.hline(d.left, d.right, margin+3.2, colRule, 0.2)
	d.y = margin + contHeadH
}

// need starts a new page unless h millimetres fit below the cursor. It
// reports whether it did.
func (d *doc) need(h float64) bool {
	if d.y+h <= d.bottom {
		return false
	}
	d.addPage()
	return true
}

// space moves the cursor down by h, unless it is at the top of a page.
func (d *doc) space(h float64) {
	if d.atTop() {
		return
	}
	d.y += h
}

func (d *doc) atTop() bool { return d.y <= d.top()+0.01 }

// top is where the cursor starts on the current page.
func (d *doc) top() float64 {
	if d.f.PageNo() > 1 {
		return margin + contHeadH
	}
	return margin
}

// finish draws the footer of every page, now that their number is known,
// and writes the document.
func (d *doc) finish(w io.Writer) error {
	n := d.f.PageCount()
	for p := 1; p <= n; p++ {
		d.f.SetPage(p)
		// The page's stream may end in any font and fill colour: set both.
		// (gofpdf draws text in the fill colour when the two are equal.)
		d.curFace = numFaces
		d.f.SetFillColor(colWhite.r, colWhite.g, colWhite.b)
		y := d.h - margin
		d.hline(d.left, d.right, y-5.2, colRule, 0.2)
		pages := fmt.Sprintf("page %d of %d", p, n)
		third := d.cw / 3
		d.textFit(d.left, y-1.2, third-4, d.footer, stFooter)
		d.textC(d.left+d.cw/2, y-1.2, pages, stFooter)
		d.textR(d.right, y-1.2, "numbers in metrics.json", stFooter)
	}
	if err := d.f.Error(); err != nil {
		return err
	}
	return d.f.Output(w)
}

// ---- text ----

// setFont selects a face and size, registering the face with gofpdf the
// first time the document uses it.
func (d *doc) setFont(id faceID, pt float64) {
	fc := d.r.faces[id]
	if !d.registered[id] {
		// gofpdf writes into the byte slice it is given while it builds
		// the font subset (jung-kurt/gofpdf#316, go-pdf/fpdf#37): each
		// document gets its own copy, so documents may render in parallel.
		d.f.AddUTF8FontFromBytes(fc.family, fc.style, append([]byte(nil), fc.ttf...))
		d.registered[id] = true
	}
	if d.curFace == id && d.curPt == pt {
		return
	}
	d.f.SetFont(fc.family, fc.style, pt)
	d.curFace, d.curPt = id, pt
}

func (d *doc) color(c rgb) { d.f.SetTextColor(c.r, c.g, c.b) }

// width returns the width of s in millimetres.
func (d *doc) width(s string, st style) float64 {
	return d.r.width(s, st.face, st.pt) * ptmm
}

// text draws s with its baseline at y, starting at x; it returns the x
// after it.
func (d *doc) text(x, y float64, s string, st style) float64 {
	if s == "" {
		return x
	}
	d.color(st.col)
	for _, rn := range d.r.runs(s, st.face) {
		d.setFont(rn.face, st.pt)
		d.f.Text(x, y, rn.text)
		x += float64(d.r.faces[rn.face].width(rn.text)) * st.pt / 1000 * ptmm
	}
	return x
}

// textR draws s ending at x.
func (d *doc) textR(x, y float64, s string, st style) {
	d.text(x-d.width(s, st), y, s, st)
}

// textC draws s centred on x.
func (d *doc) textC(x, y float64, s string, st style) {
	d.text(x-d.width(s, st)/2, y, s, st)
}

// textFit draws s from x, cut with "…" to fit w.
func (d *doc) textFit(x, y, w float64, s string, st style) float64 {
	return d.text(x, y, d.fit(s, st, w), st)
}

// textAlign draws s in a cell from x of width w, aligned 'L', 'R' or 'C',
// cut to fit.
func (d *doc) textAlign(x, y, w float64, s string, st style, align byte) {
	if align == 'R' && isFigure(s) {
		// A figure is never cut to "$1,47…": one wider than its column is
		// set smaller, down to minFigureScale of its size, before any cut.
		for floor := st.pt * minFigureScale; st.pt > floor && d.width(s, st) > w; {
			st.pt = max(floor, st.pt-0.25)
		}
	}
	s = d.fit(s, st, w)
	switch align {
	case 'R':
		d.textR(x+w, y, s, st)
	case 'C':
		d.textC(x+w/2, y, s, st)
	default:
		d.text(x, y, s, st)
	}
}

// minFigureScale is how far textAlign shrinks a figure to fit its column.
const minFigureScale = 0.75

// isFigure reports whether s is a number as the tables print it ("$1,476.11",
// "381 %", "† 24", "−41 %"): digits, and no letters.
func isFigure(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			return false
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return digit
}

// fit returns s, or s cut at a character boundary and ended with "…", so
// that it is at most w wide (textfit.Cut, the rule the charts cut by).
func (d *doc) fit(s string, st style, w float64) string {
	return textfit.Cut(s, w, func(s string) float64 { return d.width(s, st) })
}

// wrap breaks s into lines at most w wide; a word wider than w is cut.
func (d *doc) wrap(s string, st style, w float64) []string {
	var lines []string
	line := ""
	for _, word := range words(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if d.width(try, st) <= w {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = word
		for d.width(line, st) > w { // one long word: hard break
			rs := []rune(line)
			n := len(rs) - 1
			for n > 1 && d.width(string(rs[:n]), st) > w {
				n--
			}
			lines = append(lines, string(rs[:n]))
			line = string(rs[n:])
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// words splits s at spaces for wrapping, keeping "27 %" and "$ 5" whole.
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if n := len(out); n > 0 && (strings.HasPrefix(w, "%") || out[n-1] == "$" || out[n-1] == markAlert) {
			out[n-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

// bullet wraps s to w after the alert mark, continuation lines indented to
// match.
func (d *doc) bullet(s string, st style, w float64) []string {
	const mark = markAlert + " "
	n := max(1, int(d.width(mark, st)/d.width(" ", st)+0.5))
	indent := strings.Repeat(" ", n)
	lines := d.wrap(s, st, w-d.width(indent, st))
	for i := range lines {
		if i == 0 {
			lines[i] = mark + lines[i]
		} else {
			lines[i] = indent + lines[i]
		}
	}
	return lines
}

// para draws s wrapped to the column from the cursor, breaking pages as
// needed, and moves the cursor below it.
func (d *doc) para(s string, st style) {
	d.paraAt(d.left, d.cw, s, st)
}

// A paragraph that does not fit the rest of the page is split so that at
// least minSplitLines of it stand on each page; a shorter one goes to the
// next page whole.
const minSplitLines = 2

// splittable reports whether a paragraph of n lines may be split.
func splittable(n int) bool { return n >= 2*minSplitLines }

func (d *doc) paraAt(x, w float64, s string, st style) {
	lh := st.lineH()
	lines := d.wrap(s, st, w)
	if fit := int((d.bottom-d.y)/lh + 1e-9); fit < len(lines) && !d.atTop() {
		if splittable(len(lines)) && fit >= minSplitLines {
			keep := min(fit, len(lines)-minSplitLines)
			d.drawLines(x, lines[:keep], st)
			lines = lines[keep:]
		}
		d.addPage()
	}
	d.drawLines(x, lines, st)
}

// drawLines draws lines of text at x from the cursor down, onto the next
// page when they reach the bottom.
func (d *doc) drawLines(x float64, lines []string, st style) {
	lh := st.lineH()
	for _, line := range lines {
		d.need(lh)
		d.text(x, d.y+lh*0.5+st.capH()*0.5, line, st)
		d.y += lh
	}
}

// line draws one line of text at the cursor (cut to the column) and moves
// the cursor below it.
func (d *doc) line(s string, st style) {
	lh := st.lineH()
	d.need(lh)
	d.textFit(d.left, d.y+lh*0.5+st.capH()*0.5, d.cw, s, st)
	d.y += lh
}

// headingLevel is how a heading of one level is set: its style, the space
// above it (none at the top of a page), the space under its line, and the
// gap between the heading and its muted note.
type headingLevel struct {
	st      style
	above   float64
	below   float64
	noteGap float64
}

// The two heading levels: a section, and a smaller heading inside one.
var (
	levelSection    = headingLevel{st: stH2, above: 5, below: 2, noteGap: 2.5}
	levelSubsection = headingLevel{st: stH3, above: 4, below: 0.5, noteGap: 2}
)

// heading draws a section heading, keeping keep millimetres of what follows
// on the same page.
func (d *doc) heading(s string, keep float64) { d.headingAt(levelSection, s, "", keep) }

// subheading draws a smaller heading with an optional muted note after it.
func (d *doc) subheading(s, note string, keep float64) { d.headingAt(levelSubsection, s, note, keep) }

// headingAt draws a heading of level lv with an optional muted note after
// it, keeping keep millimetres of what follows on the same page.
func (d *doc) headingAt(lv headingLevel, s, note string, keep float64) {
	d.space(lv.above)
	h := lv.st.lineH() + lv.below
	d.need(h + keep)
	base := d.y + lv.st.lineH()*0.5 + lv.st.capH()*0.5
	x := d.textFit(d.left, base, d.cw, s, lv.st)
	if note != "" {
		d.textFit(x+lv.noteGap, base, d.right-x-lv.noteGap, note, stNote)
	}
	d.y += h
}

// ---- shapes ----

func (d *doc) hline(x1, x2, y float64, c rgb, w float64) {
	d.f.SetDrawColor(c.r, c.g, c.b)
	d.f.SetLineWidth(w)
	d.f.Line(x1, y, x2, y)
}

func (d *doc) fill(x, y, w, h float64, c rgb) {
	if w <= 0 || h <= 0 {
		return
	}
	d.f.SetFillColor(c.r, c.g, c.b)
	d.f.Rect(x, y, w, h, "F")
}

func (d *doc) panel(x, y, w, h float64, c rgb) {
	d.f.SetFillColor(c.r, c.g, c.b)
	d.f.RoundedRect(x, y, w, h, 1.5, "1234", "F")
}

// bar draws a progress bar: share (0–1, clamped) filled in the accent, and
// a tick at mark when 0 ≤ mark ≤ 1.
func (d *doc) bar(x, y, w, h, share, mark float64) {
	d.f.SetFillColor(colHair.r, colHair.g, colHair.b)
	d.f.RoundedRect(x, y, w, h, h/2, "1234", "F")
	if share > 0 && !math.IsNaN(share) {
		fw := w * math.Min(share, 1)
		fw = math.Max(fw, h) // a sliver still reads as a round end
		d.f.SetFillColor(colAccent.r, colAccent.g, colAccent.b)
		d.f.RoundedRect(x, y, fw, h, h/2, "1234", "F")
	}
	if mark >= 0 && mark <= 1 {
		mx := x + w*mark
		d.f.SetDrawColor(colInk.r, colInk.g, colInk.b)
		d.f.SetLineWidth(0.4)
		d.f.Line(mx, y-1, mx, y+h+1)
	}
}

// ruledLines draws n lines to write on, spaced gap apart, from the cursor.
func (d *doc) ruledLines(n int, gap float64) {
	for range n {
		d.need(gap)
		d.y += gap
		d.hline(d.left, d.right, d.y, colRule, 0.2)
	}
}

// ---- images ----

// chartOptions returns the options for a chart placed w×h millimetres.
func (d *doc) chartOptions(w, h float64) charts.Options {
	px := func(mm float64) int { return int(math.Round(mm * d.r.chartDPI / 25.4)) }
	o := charts.Options{Width: px(w), Height: px(h), Currency: d.r.chartCurrency, DPI: d.r.chartDPI}
	if d.words.decided {
		o.Contacts = d.words.plural
	}
	// gofpdf (v1.16.2) writes images sorted by pixel width only, equal
	// widths in map order: two images of one width would come out in a
	// different order from run to run. Each image of a document gets its
	// own width, at most a few pixels (tenths of a millimetre) narrower.
	if d.pxWidths == nil {
		d.pxWidths = map[int]bool{}
	}
	for d.pxWidths[o.Width] {
		o.Width--
	}
	d.pxWidths[o.Width] = true
	return o
}

// image places a PNG at x, y with the size it was drawn for.
func (d *doc) image(name string, png []byte, x, y float64, o charts.Options) (w, h float64) {
	w, h = o.SizeMM()
	d.f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	d.f.ImageOptions(name, x, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return w, h
}
