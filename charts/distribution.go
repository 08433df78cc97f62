package charts

import (
	"math"
	"slices"
	"strconv"

	"github.com/repcard/repcard/internal/untrusted"
)

// maxDots is the most reps drawn as a dot plot; more, or stacks too high
// for the plot, make a histogram.
const maxDots = 60

// cleanRatios returns the finite, non-negative values, sorted.
func cleanRatios(values []float64) []float64 {
	vs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) && v >= 0 {
			vs = append(vs, clampValue(v))
		}
	}
	slices.Sort(vs)
	return vs
}

// quantile returns the q-quantile of sorted values, interpolated.
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 1 {
		return sorted[0]
	}
	pos := q * float64(len(sorted)-1)
	i := int(math.Floor(pos))
	if i >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	frac := pos - float64(i)
	return sorted[i] + frac*(sorted[i+1]-sorted[i])
}

// outlierCut returns the value above which a rep is a far outlier (beyond
// three interquartile ranges above the upper quartile), or +Inf.
func outlierCut(sorted []float64) float64 {
	if len(sorted) < 8 {
		return math.Inf(1)
	}
	q1, q3 := quantile(sorted, 0.25), quantile(sorted, 0.75)
	if iqr := q3 - q1; iqr > 0 && sorted[len(sorted)-1] > q3+3*iqr {
		return q3 + 3*iqr
	}
	return math.Inf(1)
}

// histogram is the binned distribution: bins of equal width from start,
// plus an optional last bin for the far outliers.
type histogram struct {
	start, width float64
	counts       []int // one per regular bin
	over         int   // values at or above start+width×len(counts)
}

// binValues bins sorted values into about log2(n)+1 bins (5 to 15) of a
// round width; far outliers go to a last open bin.
func binValues(vs []float64) (histogram, bool) {
	if len(vs) == 0 {
		return histogram{}, false
	}
	lo, hi := vs[0], math.Min(vs[len(vs)-1], outlierCut(vs))
	if hi-lo <= 0 {
		half := math.Max(0.5, math.Abs(lo)*0.1)
		lo, hi = math.Max(0, lo-half), hi+half
	}
	var h histogram
	bins := min(15, max(5, int(math.Ceil(math.Log2(float64(len(vs))))+1)))
	h.width = niceStepAtLeast((hi-lo)/float64(bins), false)
	h.start = math.Floor(lo/h.width+1e-9) * h.width
	nb := int(math.Ceil((hi-h.start)/h.width - 1e-9))
	if h.start+float64(nb)*h.width <= hi*(1+1e-12) && hi == vs[len(vs)-1] {
		nb++ // the largest value sits on the last edge: give it a bin
	}
	nb = min(60, max(1, nb))
	end := h.start + float64(nb)*h.width
	if math.IsInf(end, 0) || math.IsNaN(end) || !(h.width > 0) {
		return histogram{}, false
	}
	h.counts = make([]int, nb)
	for _, v := range vs {
		i := int(math.Floor((v-h.start)/h.width + 1e-9))
		if i >= nb {
			h.over++
			continue
		}
		h.counts[max(0, i)]++
	}
	return h, true
}

// distLayout is the vertical layout shared by the dot plot and the
// histogram: header, plot box, value labels, axis title.
type distLayout struct {
	y0, y1         float64 // plot box
	labelY, titleY float64 // centres of the value labels and the axis title
	tick, title    textStyle
}

func newDistLayout(c *canvas) distLayout {
	l := distLayout{
		tick:  textStyle{size: ptTick, col: colText},
		title: textStyle{size: ptTitle, col: colTitle},
	}
	capT := c.capHeight(l.tick)
	l.y0 = c.pad + c.px(ptTitle)*1.15 + c.px(5) + capT/2
	l.titleY = float64(c.h) - c.pad - 0.3*c.px(ptTitle) - c.capHeight(l.title)/2
	l.labelY = l.titleY - c.capHeight(l.title)/2 - c.px(4) - capT/2
	l.y1 = l.labelY - capT/2 - c.px(3.5)
	if l.y1-l.y0 < 4 {
		l.y1 = l.y0 + 4
	}
	return l
}

// ends are the labels of the lowest and the highest value: a name, or "N
// reps" when several share the value; "" for none. hi is "" when every
// value is the same.
type ends struct{ lo, hi string }

// endsOf names the reps at the ends of dots' clean values (cleanRatios).
func endsOf(dots []Dot) ends {
	var kept []Dot
	for _, d := range dots {
		if !math.IsNaN(d.Value) && !math.IsInf(d.Value, 0) && d.Value >= 0 {
			kept = append(kept, Dot{untrusted.Line(d.Name), clampValue(d.Value)})
		}
	}
	if len(kept) == 0 {
		return ends{}
	}
	lo, hi := kept[0].Value, kept[0].Value
	for _, d := range kept {
		lo, hi = math.Min(lo, d.Value), math.Max(hi, d.Value)
	}
	name := func(v float64) string {
		n, only := 0, ""
		for _, d := range kept {
			if d.Value == v {
				n++
				only = d.Name
			}
		}
		if n > 1 {
			return strconv.Itoa(n) + " reps"
		}
		return only
	}
	e := ends{lo: name(lo)}
	if hi != lo {
		e.hi = name(hi)
	}
	return e
}

// drawable reports whether the chart's fonts have every character of s.
func (c *canvas) drawable(s string, st textStyle) bool {
	f, _ := c.face(st)
	for _, r := range s {
		if r != ' ' && f.Index(r) == 0 {
			return false
		}
	}
	return true
}

// endLabel draws a name label centred on x as far as the box [left, right]
// allows, its capitals centred on y, at most maxW wide, on a white ground
// so that grid lines do not cross it. It draws nothing for a name it
// cannot draw.
func (c *canvas) endLabel(name string, x, y, left, right, maxW float64, st textStyle) {
	if name == "" || !c.drawable(name, st) || maxW <= 0 {
		return
	}
	s := c.fit(name, math.Min(maxW, right-left), st)
	w := c.textWidth(s, st)
	x0 := math.Max(left, math.Min(right-w, x-w/2))
	h := c.capHeight(st)
	c.fillRect(x0-c.px(0.8), y-h/2-c.px(1), x0+w+c.px(0.8), y+h/2+c.px(1), colWhite)
	c.text(s, x0, y, st, alignLeft)
}

// drawRatioDistribution draws contacts per sale across reps: a dot per rep
// while they fit, else a histogram; the median dashed; the reps at the
// ends named.
func drawRatioDistribution(c *canvas, dots []Dot) {
	values := make([]float64, len(dots))
	for i, d := range dots {
		values[i] = d.Value
	}
	vs := cleanRatios(values)
	names := endsOf(dots)
	l := newDistLayout(c)
	if len(vs) == 0 {
		drawHeaders(c, header{text: "reps"}, header{})
		x0, x1 := c.pad, float64(c.w)-c.pad
		c.text(c.contacts+" per sale", (x0+x1)/2, l.titleY, l.title, alignCenter)
		c.emptyPanel(x0, l.y0, x1, l.y1, "no rep has a contacts-per-sale ratio")
		c.hline(x0, x1, l.y1, max(1, int(math.Round(c.px(0.7)))), colBaseline)
		return
	}
	median := quantile(vs, 0.5)
	reps := groupThousands(strconv.Itoa(len(vs))) + " reps"
	if len(vs) == 1 {
		reps = "1 rep"
	}
	legend := header{text: "median " + formatValue(median, kindRatio, "") + " (" + reps + ")", swatch: swatchDash, col: colReference}
	if len(vs) <= maxDots && drawDotPlot(c, vs, median, l, legend, names) {
		return
	}
	drawHistogram(c, vs, median, l, legend, names)
}

// freeScale is a round-stepped axis over [lo, hi] that need not include 0.
func freeScale(lo, hi float64, maxIntervals int) axisScale {
	if hi-lo <= 0 {
		half := math.Max(0.5, math.Abs(lo)*0.2)
		lo, hi = lo-half, hi+half
		if lo < 0 && hi-half >= 0 {
			lo = 0
		}
	}
	maxIntervals = max(1, maxIntervals)
	step := niceStepAtLeast((hi-lo)/float64(maxIntervals), false)
	for range 16 {
		a, b := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
		if b-a <= float64(maxIntervals) {
			return finiteScale(axisScale{lo: a * step, hi: b * step, step: step, n: max(1, int(b-a))}, lo, hi)
		}
		step = niceStepAtLeast(step*(1+1e-9), false)
	}
	return finiteScale(axisScale{}, lo, hi)
}

// drawDotPlot draws one dot per rep at its value, stacking dots that would
// touch. It draws nothing and returns false when the stacks do not fit.
func drawDotPlot(c *canvas, vs []float64, median float64, l distLayout, legend header, names ends) bool {
	W := float64(c.w)
	r := c.px(2.4)
	ring := c.px(0.6)
	spacing := 2*r + c.px(0.8)

	// x axis: round ticks over the values, as many as fit side by side.
	edge := r + ring + c.px(1)
	var xs axisScale
	var x0, x1 float64
	for maxI := 10; maxI >= 1; maxI-- {
		xs = freeScale(vs[0], vs[len(vs)-1], maxI)
		first := c.textWidth(formatTick(xs.lo, kindRatio, "", false), l.tick)
		last := c.textWidth(formatTick(xs.hi, kindRatio, "", false), l.tick)
		x0 = c.pad + math.Max(first/2, edge)
		x1 = math.Max(x0+4, W-c.pad-math.Max(last/2, edge))
		widest := 0.0
		for i := 0; i <= xs.n; i++ {
			widest = math.Max(widest, c.textWidth(formatTick(xs.tick(i), kindRatio, "", false), l.tick))
		}
		if widest+c.px(6) <= (x1-x0)/float64(xs.n) {
			break
		}
	}
	xAt := func(v float64) float64 { return x0 + (v-xs.lo)/(xs.hi-xs.lo)*(x1-x0) }

	// Stack: each dot on the lowest level where it clears the last dot.
	var lastX []float64
	levels := make([]int, len(vs))
	for i, v := range vs {
		x := xAt(v)
		lv := 0
		for lv < len(lastX) && x-lastX[lv] < spacing {
			lv++
		}
		if lv == len(lastX) {
			lastX = append(lastX, x)
		}
		lastX[lv] = x
		levels[i] = lv
	}
	base := l.y1 - r - c.px(2)
	if base-float64(len(lastX)-1)*spacing-r-ring < l.y0 {
		return false
	}

	drawHeaders(c, header{text: "reps, one dot each"}, legend)
	c.text(c.contacts+" per sale", (x0+x1)/2, l.titleY, l.title, alignCenter)
	grid := max(1, int(math.Round(c.px(0.4))))
	for i := 0; i <= xs.n; i++ {
		x := xAt(xs.tick(i))
		c.vline(x, l.y0, l.y1, grid, colGrid)
		c.text(formatTick(xs.tick(i), kindRatio, "", false), x, l.labelY, l.tick, alignCenter)
	}
	c.hline(x0-r-ring, x1+r+ring, l.y1, max(1, int(math.Round(c.px(0.7)))), colBaseline)
	c.dashedV(xAt(median), l.y0, l.y1, max(1, int(math.Round(c.px(0.8)))), c.px(3), c.px(2), colReference)
	for i, v := range vs {
		x, y := xAt(v), base-float64(levels[i])*spacing
		c.dot(x, y, r+ring, colWhite)
		c.dot(x, y, r, colAccent)
	}
	// The ends named above their stacks, each within its half of the box.
	st := textStyle{size: ptTick, col: colText}
	capH := c.capHeight(st)
	labelAt := func(v float64) (x, y float64, ok bool) {
		x = xAt(v)
		top := 0
		for i, w := range vs {
			if math.Abs(xAt(w)-x) < spacing {
				top = max(top, levels[i])
			}
		}
		y = base - float64(top)*spacing - r - ring - c.px(2) - capH/2
		return x, y, y-capH/2-c.px(1) >= l.y0
	}
	half := (x1-x0)/2 - c.px(3)
	if x, y, ok := labelAt(vs[0]); ok {
		c.endLabel(names.lo, x, y, c.pad, W-c.pad, half, st)
	}
	if x, y, ok := labelAt(vs[len(vs)-1]); ok && names.hi != "" {
		c.endLabel(names.hi, x, y, c.pad, W-c.pad, half, st)
	}
	return true
}

// drawHistogram draws the binned distribution with a count axis.
func drawHistogram(c *canvas, vs []float64, median float64, l distLayout, legend header, names ends) {
	h, ok := binValues(vs)
	if !ok {
		c.emptyPanel(c.pad, l.y0, float64(c.w)-c.pad, l.y1, "no rep has a contacts-per-sale ratio")
		return
	}
	W := float64(c.w)
	nBins := len(h.counts)
	if h.over > 0 {
		nBins++
	}
	maxCount := h.over
	for _, n := range h.counts {
		maxCount = max(maxCount, n)
	}
	ys := niceScale(0, float64(maxCount), maxIntervalsFor(l.y1-l.y0, c.px(ptTick)), true)
	yLabels := make([]string, ys.n+1)
	for i := range yLabels {
		yLabels[i] = formatTick(ys.tick(i), kindCount, "", false)
	}
	gap := c.px(4)
	x0 := c.pad + maxWidth(c, yLabels, l.tick) + gap
	x1 := W - c.pad - c.px(2)
	if x1-x0 < 4 {
		x1 = x0 + 4
	}
	yAt := func(v float64) float64 { return l.y1 - (v-ys.lo)/(ys.hi-ys.lo)*(l.y1-l.y0) }

	drawHeaders(c, header{text: "reps"}, legend)
	c.text(c.contacts+" per sale", (x0+x1)/2, l.titleY, l.title, alignCenter)

	// Grid and count labels.
	for i := 0; i <= ys.n; i++ {
		y := yAt(ys.tick(i))
		if i > 0 {
			c.hline(x0, x1, y, max(1, int(math.Round(c.px(0.4)))), colGrid)
		}
		c.text(yLabels[i], x0-gap, y, l.tick, alignRight)
	}

	// Bars; the open bin for outliers is the last, in a lighter blue.
	bw := (x1 - x0) / float64(nBins)
	sep := math.Min(c.px(1.2), bw*0.15)
	for i, n := range h.counts {
		if n > 0 {
			bx := x0 + float64(i)*bw
			c.fillRect(bx+sep/2, yAt(float64(n)), bx+bw-sep/2, l.y1, colAccent)
		}
	}
	if h.over > 0 {
		bx := x1 - bw
		c.fillRect(bx+sep/2, yAt(float64(h.over)), bx+bw-sep/2, l.y1, colAccentSoft)
	}
	c.hline(x0, x1, l.y1, max(1, int(math.Round(c.px(0.7)))), colBaseline)

	// Bin edges, labels thinned so they do not touch.
	edges := len(h.counts) + 1
	texts := make([]string, edges)
	for i := range texts {
		texts[i] = formatTick(h.start+float64(i)*h.width, kindRatio, "", false)
	}
	minGap := c.px(5)
	step := 1
	for ; step < edges; step++ {
		widest := 0.0
		for i := 0; i < edges; i += step {
			widest = math.Max(widest, c.textWidth(texts[i], l.tick))
		}
		if widest+minGap <= float64(step)*bw {
			break
		}
	}
	for i := 0; i < edges; i += step {
		if h.over > 0 && i == edges-1 {
			break // the open bin's "N+" names this edge
		}
		x := x0 + float64(i)*bw
		c.vline(x, l.y1, l.y1+c.px(1.5), 1, colBaseline)
		w := c.textWidth(texts[i], l.tick)
		c.text(texts[i], math.Max(w/2+1, math.Min(W-w/2-1, x)), l.labelY, l.tick, alignCenter)
	}
	if h.over > 0 {
		t := texts[edges-1] + "+"
		w := c.textWidth(t, l.tick)
		c.text(t, math.Min(W-w/2-1, x1-bw/2), l.labelY, l.tick, alignCenter)
	}

	// Median: a dashed line over the bars, named in the header.
	mx := x0 + (median-h.start)/h.width*bw
	if median >= h.start+float64(len(h.counts))*h.width {
		mx = x1 - bw/2
	}
	mx = math.Max(x0, math.Min(x1, mx))
	c.dashedV(mx, l.y0, l.y1, max(1, int(math.Round(c.px(0.8)))), c.px(3), c.px(2), colReference)

	// The ends named in the top corners of the plot.
	st := textStyle{size: ptTick, col: colText}
	y := l.y0 + c.capHeight(st)/2 + c.px(1.5)
	half := (x1-x0)/2 - c.px(3)
	if names.lo != "" {
		c.endLabel("lowest: "+names.lo, x0, y, x0+c.px(1), x1, half, st)
	}
	if names.hi != "" {
		c.endLabel("highest: "+names.hi, x1, y, x0, x1-c.px(1), half, st)
	}
}
