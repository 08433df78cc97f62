package charts

import (
	"bytes"
	"image/color"
	"math"
	"testing"
)

// The weekday bars stand where the frame puts each day, as tall as its
// count; a day of 0 has no bar.
func TestWeekdays(t *testing.T) {
	counts := [7]int{4, 0, 8, 2, 0, 0, 1}
	opt, _ := Options{Width: HalfWidth}.normalized()
	b, err := Weekdays(counts, "", opt)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b, opt)
	c, err := newCanvas(opt)
	if err != nil {
		t.Fatal(err)
	}
	points := make([]MonthPoint, 7)
	labels := make([]string, 7)
	for i, n := range counts {
		points[i] = MonthPoint{Label: weekdayNames[i], Value: float64(n), Valid: true}
		labels[i] = weekdayNames[i]
	}
	in := axisInput{integer: true, kind: kindCount}
	in.cover(points)
	f := newFrame(c, labels, make([]bool, 7), in, nil, header{text: "contacts by day of the week", swatch: swatchBar, col: colBar}, header{})
	for i, n := range counts {
		x := int(math.Round(f.x(i)))
		bar := 0
		for y := int(f.y0); y < int(f.y1); y++ {
			if sameRGB(img.At(x, y), colBar) {
				bar++
			}
		}
		want := f.y(f.left, 0) - f.y(f.left, float64(n))
		if n == 0 && bar > 0 || n > 0 && math.Abs(float64(bar)-want) > 3 {
			t.Errorf("%s: %d bar pixels, want about %.0f", weekdayNames[i], bar, want)
		}
	}
	// The same counts give the same bytes.
	if b2, _ := Weekdays(counts, "", opt); !bytes.Equal(b, b2) {
		t.Error("Weekdays is not deterministic")
	}
}

// A week without a sale is a gap in the weekly line; the average is a
// dashed line, not data.
func TestWeeklyContactsPerCloseGaps(t *testing.T) {
	points := series(5, 6, nan, 4, nan, nan, 5, 7, 6, nan, 5, 8)
	for i := range points {
		points[i].Label = "W" + string(rune('A'+i))
	}
	opt, _ := Options{Width: HalfWidth}.normalized()
	b, err := WeeklyContactsPerClose(points, 5.5, opt)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b, opt)
	c, _ := newCanvas(opt)
	in := axisInput{kind: kindRatio}
	in.cover(points)
	in.hi = math.Max(in.hi, 5.5)
	missing, _ := missingMonths(len(points), points)
	f := newFrame(c, monthLabelsOf(len(points), points), missing, in, nil, header{text: "contacts per sale by week"},
		header{text: "4-week avg 5.5", swatch: swatchDash, col: colReference})
	for i, p := range points {
		x := int(math.Round(f.x(i)))
		blue := 0
		for y := int(f.y0); y < int(f.y1); y++ {
			if isAccent(img.At(x, y)) {
				blue++
			}
		}
		if p.Valid && blue == 0 || !p.Valid && blue > 0 {
			t.Errorf("week %d (valid %v): %d line pixels", i, p.Valid, blue)
		}
	}
}

func sameRGB(c color.Color, want rgb) bool {
	r, g, b, _ := c.RGBA()
	wr, wg, wb, _ := want.RGBA()
	return r>>8 == wr>>8 && g>>8 == wg>>8 && b>>8 == wb>>8
}
