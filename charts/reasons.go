package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// reasonRow is one bar of the loss-reasons chart.
type reasonRow struct {
	label string
	count int
	group int  // inControl, notInControl or noReason
	other bool // the sum of the reasons that did not fit
}

// The groups of the chart, in the order they are drawn.
const (
	inControl = iota
	notInControl
	noReason
	numGroups
)

var groupTitles = [numGroups]string{"In your control", "Not in your control", "No reason given"}

// noReasonLabel is the bar of the losses recorded without a reason.
const noReasonLabel = "(no reason given)"

// reasonGroup is one group of bars.
type reasonGroup struct {
	title string
	group int
	rows  []reasonRow
	total int
}

// prepareReasons cleans the bars: counts of 0 or less are left out, empty
// reasons go to the group of their own, equal reasons are merged. The result
// is sorted by count, largest first, then by group, then by reason.
func prepareReasons(bars []ReasonBar) []reasonRow {
	rows := make([]reasonRow, 0, len(bars))
	for _, b := range bars {
		if b.Count <= 0 {
			continue
		}
		r := reasonRow{label: cleanText(b.Reason), count: b.Count, group: notInControl}
		switch {
		case r.label == "":
			r.label, r.group = noReasonLabel, noReason
		case b.Controllable:
			r.group = inControl
		}
		rows = append(rows, r)
	}
	key := func(a, b reasonRow) int {
		if c := cmp.Compare(a.group, b.group); c != 0 {
			return c
		}
		return cmp.Compare(a.label, b.label)
	}
	slices.SortFunc(rows, key)
	merged := rows[:0]
	for _, r := range rows {
		if n := len(merged); n > 0 && key(merged[n-1], r) == 0 {
			merged[n-1].count = satAdd(merged[n-1].count, r.count)
			continue
		}
		merged = append(merged, r)
	}
	slices.SortStableFunc(merged, func(a, b reasonRow) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return key(a, b)
	})
	return merged
}

// satAdd adds two non-negative counts without overflowing.
func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// groupReasons keeps the largest rows that fit in maxRows lines (headers
// and "other" rows included) and splits them into their groups.
func groupReasons(rows []reasonRow, maxRows int) []reasonGroup {
	groups := make([]reasonGroup, numGroups)
	for g := range groups {
		groups[g] = reasonGroup{title: groupTitles[g], group: g}
	}
	for _, r := range rows {
		g := &groups[r.group]
		g.total = satAdd(g.total, r.count)
	}
	// The largest k rows that fit with their group headers and one "other"
	// row for each group with rows left over.
	k := len(rows)
	for ; k > 0; k-- {
		var shown, left [numGroups]bool
		for i, r := range rows {
			if i < k {
				shown[r.group] = true
			} else {
				left[r.group] = true
			}
		}
		lines := k
		for g := range numGroups {
			if shown[g] || left[g] {
				lines++ // header
			}
			if left[g] {
				lines++ // other
			}
		}
		if lines <= maxRows {
			break
		}
	}
	var rest, restN [numGroups]int
	for i, r := range rows {
		g := r.group
		if i < k {
			groups[g].rows = append(groups[g].rows, r)
		} else {
			rest[g] = satAdd(rest[g], r.count)
			restN[g]++
		}
	}
	for g := range groups {
		if restN[g] > 0 {
			label := fmt.Sprintf("other (%d reasons)", restN[g])
			if restN[g] == 1 {
				label = "other (1 reason)"
			}
			groups[g].rows = append(groups[g].rows, reasonRow{
				label: label, count: rest[g], group: g, other: true,
			})
		}
	}
	out := groups[:0]
	for _, g := range groups {
		if len(g.rows) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// maxReasonBars is the most bars drawn, "other" bars included.
const maxReasonBars = 8

// drawLossReasons draws the two groups of horizontal bars.
func drawLossReasons(c *canvas, bars []ReasonBar) {
	rows := prepareReasons(bars)
	W, H := float64(c.w), float64(c.h)
	if len(rows) == 0 {
		c.emptyPanel(c.pad, c.pad, W-c.pad, H-c.pad, "no losses recorded")
		return
	}
	labelSt := textStyle{size: ptLabel, col: colTitle}
	countSt := textStyle{size: ptLabel, bold: true, col: colTitle}
	headSt := textStyle{size: ptTitle, bold: true}
	headNoteSt := textStyle{size: ptTick, col: colMuted}

	em := c.px(ptLabel)
	minRow := em * 1.6
	groupGap := em * 0.5
	avail := H - 2*c.pad
	maxRows := max(2, min(maxReasonBars+2, int((avail-groupGap)/minRow)))
	groups := groupReasons(rows, maxRows)

	lines := 0
	for _, g := range groups {
		lines += 1 + len(g.rows)
	}
	gaps := float64(len(groups)-1) * groupGap
	rowH := math.Min((avail-gaps)/float64(lines), em*2.3)
	barH := math.Max(2, math.Min(rowH*0.62, em*1.15))

	// Columns: labels right-aligned, then bars, then counts.
	maxCount := 0
	countW := 0.0
	labelW := 0.0
	for _, g := range groups {
		for _, r := range g.rows {
			maxCount = max(maxCount, r.count)
			countW = math.Max(countW, c.textWidth(formatCount(r.count), countSt))
			labelW = math.Max(labelW, c.textWidth(r.label, labelSt))
		}
	}
	gap := c.px(4)
	labelCol := math.Min(labelW, (W-2*c.pad)*0.45)
	barLeft := c.pad + labelCol + gap
	barMax := math.Max(1, W-c.pad-countW-gap-barLeft)

	grand := 0
	for _, g := range groups {
		grand = satAdd(grand, g.total)
	}
	y := c.pad
	for gi, g := range groups {
		if gi > 0 {
			y += groupGap
		}
		col, soft := colAccent, colAccentSoft
		switch g.group {
		case notInControl:
			col, soft = colBarDark, colBarSoft
		case noReason:
			col, soft = colBarSoft, colBarSoft
		}
		// Header: the group name, then its share of the losses.
		hy := y + rowH*0.58
		hs := headSt
		hs.col = col
		if g.group != inControl {
			hs.col = colText
		}
		title := c.fit(g.title, W-2*c.pad, hs)
		x := c.pad + c.text(title, c.pad, hy, hs, alignLeft)
		noteTxt := fmt.Sprintf("%s of %s losses", formatCount(g.total), formatCount(grand))
		if len(groups) == 1 {
			noteTxt = fmt.Sprintf("all %s losses", formatCount(g.total))
			if g.total == 1 {
				noteTxt = "the only loss"
			}
		}
		noteTxt = c.fit(noteTxt, W-c.pad-x-c.px(5), headNoteSt)
		c.text(noteTxt, x+c.px(5), hy, headNoteSt, alignLeft)
		y += rowH

		top := y
		for _, r := range g.rows {
			cy := y + rowH/2
			c.text(c.fit(r.label, labelCol, labelSt), barLeft-gap, cy, labelSt, alignRight)
			l := barMax * float64(r.count) / float64(maxCount)
			l = math.Max(l, c.px(1))
			fill := col
			if r.other {
				fill = soft
			}
			c.fillRect(barLeft, cy-barH/2, barLeft+l, cy+barH/2, fill)
			c.text(formatCount(r.count), barLeft+l+gap*0.75, cy, countSt, alignLeft)
			y += rowH
		}
		c.vline(barLeft, top+rowH*0.1, y-rowH*0.1, max(1, int(math.Round(c.px(0.5)))), colBaseline)
	}
}

// formatCount formats a count: 1,234, or 1.2M from a million.
func formatCount(n int) string { return formatValue(float64(n), kindCount, "") }
