// Package charts draws the charts of the repcard reports as PNG images, one
// function per chart, rendered in memory for placement in an A4 or Letter PDF.
//
// A chart takes plain values, not report types; the pdf package converts.
// Twelve months of contacts per sale, one of them missing, become a line with
// a gap:
//
//	points := []charts.MonthPoint{
//		{Label: "2025-11", Value: 9.5, Valid: true},
//		{Label: "2025-12", Valid: false}, // no sale that month: a gap, not a zero
//		{Label: "2026-01", Value: 8.2, Valid: true},
//		…
//	}
//	png, err := charts.ContactsPerClose(points, charts.Options{})
//
// Month labels written "2026-01" are shown as "Jan 26" on the first tick
// and on every January, and as "Feb", "Mar"… elsewhere; any other label is
// shown as given.
//
// # Size
//
// The default image is 1500×500 px, designed for a box 180 mm wide and 60 mm
// high (the text width of A4 and Letter with 15 mm margins): that is
// 8⅓ px/mm, about 212 dpi, and text prints at 7–8 pt. A half-width chart
// (85 mm × 60 mm) is Options{Width: HalfWidth}, 708×500 px. Text is sized for
// Options.DPI (default DefaultDPI); place the image at Options.SizeMM and the
// text prints at its nominal point size.
//
// # Style
//
// One accent colour (blue) and greys, thin grey grid lines on the value axis
// only, y axes from zero with round ticks, no legend unless two series share a
// chart. Missing months are gaps shaded light grey, never zeros.
// Titles name contacts as Options.Contacts says: "decided deals per sale"
// for a rep whose contacts are won and lost deals (no activity log).
//
// The weekly card has two charts of its own (weekly.go):
// WeeklyContactsPerClose, 12 weeks of contacts per sale with the 4 weeks'
// average as a dashed line, and Weekdays, contacts by day of the week as
// bars Monday to Sunday with each day's count over its bar.
//
// # Robustness
//
// A chart never fails because of the shape of its data: no points, a single
// point, all zeros, NaN or ±Inf (treated as missing), huge or negative values
// all draw something sensible, with a short centred note where there is
// nothing to plot. The only errors are an image size out of range and a
// failure to encode the PNG. The same input always gives the same bytes.
//
// The drawing uses the rasteriser, stroker and glyph renderer of
// github.com/wcharczuk/go-chart/v2/drawing with the Go fonts (Latin, Greek and
// Cyrillic; their hyphen drawn as a text hyphen, see internal/gofonts); the
// layout (axes, ticks, gaps, labels) is done here, because
// chart.Chart cannot mix bars and lines, has no horizontal bars, needs two x
// values, and places its primary y axis on the right.
//
// # Names
//
// RatioDots names the reps at the two ends of the distribution inside the
// chart box: above their dots on a dot plot, "lowest: …" and "highest: …"
// in the top corners of a histogram; "N reps" when several share an end.
// Each label fits its half of the plot, cut with "…", on a white ground.
// The charts have no fallback font: a name with a character the Go fonts
// lack is left unlabelled rather than drawn as boxes.
package charts
