package charts

import (
	"math"
)

// noDataNote is the note on a trend chart with nothing to plot.
const noDataNote = "no data for these months"

// trendSpec describes a one-line trend chart.
type trendSpec struct {
	title   string
	integer bool
	kind    valueKind
	goal    float64 // dashed reference line when > 0
}

// axisInput is what a value axis must cover.
type axisInput struct {
	lo, hi  float64
	has     bool // some value is plotted on it; else its labels are left out
	integer bool
	kind    valueKind
	col     rgb // tick label colour
}

// cover widens the axis input to take in the usable points.
func (a *axisInput) cover(points []MonthPoint) {
	for _, p := range points {
		if usable(p) {
			v := clampValue(p.Value)
			a.lo, a.hi = math.Min(a.lo, v), math.Max(a.hi, v)
			a.has = true
		}
	}
}

// swatch is the legend mark next to a header.
type swatch int

const (
	swatchNone swatch = iota
	swatchBar
	swatchLine
	swatchDash
)

// header is the title over a value axis, with its legend mark.
type header struct {
	text   string
	swatch swatch
	col    rgb
}

// frame is the layout of a month-by-month chart: n month slots across the
// plot box, a value axis on the left and optionally one on the right.
type frame struct {
	c         *canvas
	n         int
	labels    []string
	x0, x1    float64 // plot box, left and right
	y0, y1    float64 // plot box, top and bottom
	left      axisScale
	right     axisScale
	rightIn   axisInput
	hasRight  bool
	gridThick int
	baseThick int
	tickStyle textStyle
}

// newFrame lays out the chart and draws its background: gap shading for
// months missing from every series, grid lines, tick labels, month labels
// and headers. missing[i] says whether month i has no data at all.
func newFrame(c *canvas, labels []string, missing []bool, left axisInput, right *axisInput, lh, rh header) *frame {
	f := &frame{
		c:         c,
		n:         len(labels),
		labels:    labels,
		tickStyle: textStyle{size: ptTick, col: colText},
		gridThick: max(1, int(math.Round(c.px(0.4)))),
		baseThick: max(1, int(math.Round(c.px(0.7)))),
	}
	if right != nil {
		f.rightIn, f.hasRight = *right, true
	}
	W, H := float64(c.w), float64(c.h)
	capT := c.capHeight(f.tickStyle)
	emT := c.px(ptTick)

	headerBottom := c.pad + c.px(ptTitle)*1.15
	f.y0 = headerBottom + c.px(5) + capT/2
	f.y1 = H - c.pad - capT - 0.3*emT - c.px(3.5)
	if f.y1-f.y0 < 4 {
		f.y1 = f.y0 + 4
	}

	maxI := maxIntervalsFor(f.y1-f.y0, emT)
	f.left = niceScale(left.lo, left.hi, maxI, left.integer)
	if f.hasRight {
		f.right = niceScale(f.rightIn.lo, f.rightIn.hi, maxI, f.rightIn.integer)
		n := max(f.left.n, f.right.n)
		f.left = niceScaleN(left.lo, left.hi, n, left.integer)
		f.right = niceScaleN(f.rightIn.lo, f.rightIn.hi, n, f.rightIn.integer)
	}

	leftLabels := f.tickLabels(f.left, left)
	var rightLabels []string
	if f.hasRight {
		rightLabels = f.tickLabels(f.right, f.rightIn)
	}
	gap := c.px(4)
	f.x0 = c.pad + maxWidth(c, leftLabels, f.tickStyle) + gap
	f.x1 = W - c.pad
	if f.hasRight {
		f.x1 -= maxWidth(c, rightLabels, f.tickStyle) + gap
	}
	if f.x1-f.x0 < 4 {
		f.x1 = f.x0 + 4
	}

	// Missing months: light shading, merged across neighbours.
	for i := 0; i < f.n; i++ {
		if missing[i] {
			c.fillRect(f.x(i)-f.slot()/2, f.y0, f.x(i)+f.slot()/2, f.y1, colGap)
		}
	}
	if f.n == 0 {
		c.fillRect(f.x0, f.y0, f.x1, f.y1, colGap)
	}

	// Grid lines on the value axis, labels beside them.
	for i := 0; i <= f.left.n; i++ {
		v := f.left.tick(i)
		y := f.yLeft(v)
		if math.Abs(v) > f.left.step*1e-9 {
			c.hline(f.x0, f.x1, y, f.gridThick, colGrid)
		}
		if left.has {
			c.text(leftLabels[i], f.x0-gap, y, f.tickStyle.with(left.col), alignRight)
		}
	}
	if f.hasRight && f.rightIn.has {
		for i := 0; i <= f.right.n; i++ {
			c.text(rightLabels[i], f.x1+gap, f.yRight(f.right.tick(i)), f.tickStyle.with(f.rightIn.col), alignLeft)
		}
	}
	f.baseline()
	f.monthLabels()
	f.headers(lh, rh)
	return f
}

// with returns the style in another colour; the zero colour (black, not in
// the palette) keeps it.
func (st textStyle) with(col rgb) textStyle {
	if col != 0 {
		st.col = col
	}
	return st
}

// tickLabels formats the ticks of one axis.
func (f *frame) tickLabels(s axisScale, in axisInput) []string {
	fractional := s.step != math.Floor(s.step) || s.lo != math.Floor(s.lo)
	out := make([]string, s.n+1)
	for i := range out {
		out[i] = formatTick(s.tick(i), in.kind, f.c.currency, fractional)
	}
	return out
}

func maxWidth(c *canvas, ss []string, st textStyle) float64 {
	w := 0.0
	for _, s := range ss {
		w = math.Max(w, c.textWidth(s, st))
	}
	return w
}

// slot is the width of one month.
func (f *frame) slot() float64 {
	if f.n == 0 {
		return f.x1 - f.x0
	}
	return (f.x1 - f.x0) / float64(f.n)
}

// x is the centre of month i.
func (f *frame) x(i int) float64 { return f.x0 + (float64(i)+0.5)*f.slot() }

func (f *frame) yLeft(v float64) float64  { return f.y(f.left, v) }
func (f *frame) yRight(v float64) float64 { return f.y(f.right, v) }

func (f *frame) y(s axisScale, v float64) float64 {
	y := f.y1 - (clampValue(v)-s.lo)/(s.hi-s.lo)*(f.y1-f.y0)
	if math.IsNaN(y) {
		return f.y1
	}
	// Keep far outliers (only possible when clamped) near the box.
	return math.Max(f.y0-(f.y1-f.y0), math.Min(f.y1+(f.y1-f.y0), y))
}

// baseline draws the zero line, over bars.
func (f *frame) baseline() {
	f.c.hline(f.x0, f.x1, f.yLeft(0), f.baseThick, colBaseline)
}

// monthLabels writes the month under each slot, every k-th month when they
// would touch, always including the last month.
func (f *frame) monthLabels() {
	if f.n == 0 {
		return
	}
	c := f.c
	y := f.y1 + c.px(3.5) + c.capHeight(f.tickStyle)/2
	minGap := c.px(5)
	for k := 1; k <= f.n; k++ {
		var shown []int
		for i := (f.n - 1) % k; i < f.n; i += k {
			shown = append(shown, i)
		}
		texts := monthTickLabels(f.labels, shown)
		widest := maxWidth(c, texts, f.tickStyle)
		if widest+minGap > float64(k)*f.slot() && k < f.n {
			continue
		}
		for j, i := range shown {
			t := c.fit(texts[j], math.Max(float64(k)*f.slot()-minGap, c.px(12)), f.tickStyle)
			w := c.textWidth(t, f.tickStyle)
			x := math.Max(w/2+1, math.Min(float64(c.w)-w/2-1, f.x(i)))
			c.text(t, x, y, f.tickStyle, alignCenter)
		}
		return
	}
}

// headers writes the axis titles: left over the left axis, right over the
// right axis, each with its legend mark before the text.
func (f *frame) headers(lh, rh header) {
	drawHeaders(f.c, lh, rh)
}

// drawHeaders writes a header at the top left and one at the top right.
func drawHeaders(c *canvas, lh, rh header) {
	y := c.pad + c.px(ptTitle)*0.55
	st := textStyle{size: ptTitle, col: colTitle}
	avail := float64(c.w) - 2*c.pad
	if lh.text != "" && rh.text != "" {
		avail = avail/2 - c.px(6)
	}
	if lh.text != "" {
		drawHeader(c, lh, c.pad, y, avail, st)
	}
	if rh.text != "" {
		w := headerWidth(c, rh, avail, st)
		drawHeader(c, rh, float64(c.w)-c.pad-w, y, avail, st)
	}
}

// headerLayout returns the swatch width, the gap after it and the text of
// a header fitted to avail pixels.
func headerLayout(c *canvas, h header, avail float64, st textStyle) (sw, gap float64, text string) {
	if h.swatch != swatchNone {
		sw, gap = c.px(ptTitle)*1.3, c.px(3)
	}
	return sw, gap, c.fit(h.text, avail-sw-gap, st)
}

func headerWidth(c *canvas, h header, avail float64, st textStyle) float64 {
	sw, gap, text := headerLayout(c, h, avail, st)
	return sw + gap + c.textWidth(text, st)
}

func drawHeader(c *canvas, h header, x, y, avail float64, st textStyle) {
	sw, gap, text := headerLayout(c, h, avail, st)
	switch h.swatch {
	case swatchBar:
		s := c.capHeight(st) * 1.15
		c.fillRect(x+(sw-s)/2, y-s/2, x+(sw+s)/2, y+s/2, h.col)
	case swatchLine:
		c.hline(x, x+sw, y, max(1, int(math.Round(c.px(1.5)))), h.col)
		c.dot(x+sw/2, y, c.px(1.9), h.col)
	case swatchDash:
		c.dashedH(x, x+sw, y, max(1, int(math.Round(c.px(0.8)))), c.px(2.6), c.px(1.6), h.col)
	}
	c.text(text, x+sw+gap, y, st, alignLeft)
}

// bars draws a bar for each usable point, on the given axis.
func (f *frame) bars(points []MonthPoint, s axisScale, col rgb) {
	bw := math.Max(1, math.Min(f.slot()*0.58, f.c.px(40)))
	for i, p := range points {
		if i >= f.n || !usable(p) {
			continue
		}
		f.c.fillRect(f.x(i)-bw/2, f.y(s, p.Value), f.x(i)+bw/2, f.y(s, 0), col)
	}
}

// line draws the usable points as a line, one segment per run of
// consecutive months; a month alone is a dot. Missing months are gaps.
func (f *frame) line(points []MonthPoint, s axisScale, col rgb) {
	c := f.c
	width := c.px(1.5)
	r := c.px(1.9)
	ring := c.px(0.9)
	markers := f.slot() >= 5*r
	var xs, ys []float64
	flush := func() {
		switch len(xs) {
		case 0:
		case 1:
			c.dot(xs[0], ys[0], r+ring, colWhite)
			c.dot(xs[0], ys[0], r*1.15, col)
		default:
			c.polyline(xs, ys, width, col)
			for j := range xs {
				if markers {
					c.dot(xs[j], ys[j], r+ring, colWhite)
					c.dot(xs[j], ys[j], r, col)
				} else {
					c.dot(xs[j], ys[j], width/2, col) // round joins
				}
			}
		}
		xs, ys = xs[:0], ys[:0]
	}
	for i := 0; i < f.n; i++ {
		if i < len(points) && usable(points[i]) {
			xs = append(xs, f.x(i))
			ys = append(ys, f.y(s, points[i].Value))
			continue
		}
		flush()
	}
	flush()
}

// annotateLast writes the value of the last usable point beside it: above
// when the line comes from below, else below.
func (f *frame) annotateLast(points []MonthPoint, s axisScale, kind valueKind, col rgb) {
	c := f.c
	last := -1
	for i := min(f.n, len(points)) - 1; i >= 0; i-- {
		if usable(points[i]) {
			last = i
			break
		}
	}
	if last < 0 {
		return
	}
	st := textStyle{size: ptLabel, bold: true, col: col}
	txt := formatValue(points[last].Value, kind, c.currency)
	w := c.textWidth(txt, st)
	capH := c.capHeight(st)
	x, y := f.x(last), f.y(s, points[last].Value)
	off := c.px(1.9) + c.px(3.5) + capH/2
	above := true
	if last > 0 && usable(points[last-1]) && f.y(s, points[last-1].Value) < y {
		above = false // the line comes down into the point
	}
	ty := y - off
	if !above {
		ty = y + off
	}
	if ty-capH/2 < c.pad {
		ty = y + off
	}
	if ty+capH/2 > f.y1-c.px(1) && y-off-capH/2 >= c.pad {
		ty = y - off
	}
	tx := math.Max(w/2+c.pad, math.Min(float64(c.w)-c.pad-w/2, x))
	padX, padY := c.px(1.5), c.px(1.5)
	c.fillRect(tx-w/2-padX, ty-capH/2-padY, tx+w/2+padX, ty+capH/2+padY, colWhite)
	c.text(txt, tx, ty, st, alignCenter)
}

// goalLine draws a dashed reference line at v; its label is in the header.
func (f *frame) goalLine(v float64) {
	c := f.c
	c.dashedH(f.x0, f.x1, f.yLeft(v), max(1, int(math.Round(c.px(0.8)))), c.px(4), c.px(2.5), colReference)
}

// monthLabelsOf returns the label of each of n months, from the first
// series that names it.
func monthLabelsOf(n int, series ...[]MonthPoint) []string {
	labels := make([]string, n)
	for i := range labels {
		for _, s := range series {
			if i < len(s) && s[i].Label != "" {
				labels[i] = s[i].Label
				break
			}
		}
	}
	return labels
}

// missingMonths says, for each of n months, whether no series has a usable
// point there.
func missingMonths(n int, series ...[]MonthPoint) (missing []bool, none bool) {
	missing = make([]bool, n)
	none = true
	for i := range missing {
		missing[i] = true
		for _, s := range series {
			if i < len(s) && usable(s[i]) {
				missing[i] = false
				none = false
			}
		}
	}
	return missing, none
}

// drawSingleTrend draws one line over months, with its last value labelled
// and an optional goal line.
func drawSingleTrend(c *canvas, points []MonthPoint, spec trendSpec) {
	labels := monthLabelsOf(len(points), points)
	missing, none := missingMonths(len(points), points)
	in := axisInput{integer: spec.integer, kind: spec.kind}
	in.cover(points)
	if spec.goal > 0 {
		in.hi = math.Max(in.hi, spec.goal)
	}
	var rh header
	if spec.goal > 0 {
		rh = header{text: "goal " + formatValue(spec.goal, spec.kind, c.currency), swatch: swatchDash, col: colReference}
	}
	f := newFrame(c, labels, missing, in, nil, header{text: spec.title}, rh)
	if spec.goal > 0 {
		f.goalLine(spec.goal)
	}
	if none {
		c.note((f.x0+f.x1)/2, (f.y0+f.y1)/2, f.x1-f.x0, noDataNote)
		return
	}
	f.line(points, f.left, colAccent)
	f.annotateLast(points, f.left, spec.kind, colAccent)
}

// drawContactsAndClosings draws contacts as bars on the left axis and
// closings as a line on the right axis.
func drawContactsAndClosings(c *canvas, contacts, closings []MonthPoint) {
	n := max(len(contacts), len(closings))
	labels := monthLabelsOf(n, contacts, closings)
	missing, none := missingMonths(n, contacts, closings)
	left := axisInput{integer: true, kind: kindCount}
	left.cover(contacts)
	right := axisInput{integer: true, kind: kindCount, col: colAccent}
	right.cover(closings)
	f := newFrame(c, labels, missing, left, &right,
		header{text: c.contacts + " per month", swatch: swatchBar, col: colBar},
		header{text: "sales per month", swatch: swatchLine, col: colAccent})
	if none {
		c.note((f.x0+f.x1)/2, (f.y0+f.y1)/2, f.x1-f.x0, noDataNote)
		return
	}
	f.bars(contacts, f.left, colBar)
	f.baseline()
	f.line(closings, f.right, colAccent)
}
