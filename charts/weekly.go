package charts

import (
	"math"
	"strconv"
)

// Week charts, for the weekly card: contacts per sale over 12 weeks, and
// contacts by day of the week.

// WeeklyContactsPerClose draws contacts per sale per week as a line (lower
// is better: the card's table says so), with a dashed reference line at the 4 weeks' average when
// average > 0. Labels are shown as given ("W43"); a week without a sale,
// or with no data, is a missing point: a gap, never a zero.
func WeeklyContactsPerClose(points []MonthPoint, average float64, opt Options) ([]byte, error) {
	return render(opt, "contacts per sale by week", func(c *canvas) {
		labels := monthLabelsOf(len(points), points)
		missing, none := missingMonths(len(points), points)
		in := axisInput{kind: kindRatio}
		in.cover(points)
		var rh header
		if average > 0 && !math.IsInf(average, 0) {
			in.hi = math.Max(in.hi, average)
			rh = header{text: "4-week avg " + formatValue(average, kindRatio, c.currency), swatch: swatchDash, col: colReference}
		}
		f := newFrame(c, labels, missing, in, nil, header{text: "contacts per sale by week"}, rh)
		if average > 0 && !math.IsInf(average, 0) {
			f.goalLine(average)
		}
		if none {
			c.note((f.x0+f.x1)/2, (f.y0+f.y1)/2, f.x1-f.x0, "no sale in these weeks")
			return
		}
		f.line(points, f.left, colAccent)
		f.annotateLast(points, f.left, kindRatio, colAccent)
	})
}

// weekdayNames label the bars of Weekdays.
var weekdayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// Weekdays draws contacts by day of the week, Monday to Sunday, as bars
// with each day's count over its bar: which days a rep prospects. A week
// with no contact on any day shows the note empty (or a default one).
func Weekdays(contacts [7]int, empty string, opt Options) ([]byte, error) {
	return render(opt, "contacts by day of the week", func(c *canvas) {
		points := make([]MonthPoint, 7)
		labels := make([]string, 7)
		total := 0
		for i, n := range contacts {
			n = max(n, 0)
			points[i] = MonthPoint{Label: weekdayNames[i], Value: float64(n), Valid: true}
			labels[i] = weekdayNames[i]
			total += n
		}
		in := axisInput{integer: true, kind: kindCount}
		in.cover(points)
		f := newFrame(c, labels, make([]bool, 7), in, nil, header{text: "contacts by day of the week", swatch: swatchBar, col: colBar}, header{})
		if total == 0 {
			if empty == "" {
				empty = "no contacts by day this week"
			}
			c.note((f.x0+f.x1)/2, (f.y0+f.y1)/2, f.x1-f.x0, empty)
			return
		}
		f.bars(points, f.left, colBar)
		f.baseline()
		st := textStyle{size: ptLabel, bold: true, col: colText}
		for i, p := range points {
			if p.Value > 0 {
				y := math.Max(f.y(f.left, p.Value)-c.px(2)-c.capHeight(st)/2, c.pad+c.capHeight(st)/2)
				c.text(strconv.Itoa(int(p.Value)), f.x(i), y, st, alignCenter)
			}
		}
	})
}
