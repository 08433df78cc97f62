package charts

import (
	"fmt"
	"math"
)

// Default sizes. DefaultWidth×DefaultHeight fills a box of 180 mm × 60 mm at
// DefaultDPI; HalfWidth×DefaultHeight fills 85 mm × 60 mm.
const (
	DefaultWidth  = 1500
	DefaultHeight = 500
	HalfWidth     = 708
	// DefaultDPI is the print resolution the text is sized for:
	// 1500 px over 180 mm, about 211.7 dpi.
	DefaultDPI = DefaultWidth * 25.4 / 180

	// MinSize and MaxSize bound Options.Width and Options.Height.
	MinSize = 64
	MaxSize = 6000
)

// MonthPoint is one month of a 12-month series. Label is the month, written
// "2026-01" (shown as "Jan 26") or any text (shown as given). A point with
// Valid false, or with a NaN or infinite Value, is a missing month: a gap,
// never drawn as zero.
type MonthPoint struct {
	Label string
	Value float64
	Valid bool
}

// ReasonBar is one loss reason and how many losses gave it. An empty Reason
// is the losses recorded without one, whatever Controllable says.
type ReasonBar struct {
	Reason       string
	Count        int
	Controllable bool
}

// Options sets the image size and the currency symbol. The zero Options is a
// full-width chart with no currency symbol.
type Options struct {
	// Width and Height are the image size in pixels; 0 means DefaultWidth
	// and DefaultHeight.
	Width, Height int
	// Currency is the symbol put before money values, e.g. "$" or "€". A
	// code of letters, e.g. "CHF", is followed by a space.
	Currency string
	// DPI is the resolution at which the image will be printed; text is
	// sized to print at 7–8 pt at that resolution. 0 means DefaultDPI.
	DPI float64
	// Contacts is what the titles call the contacts, in the plural:
	// "" is "contacts"; "decided deals" when contacts are counted from
	// won and lost deals (no activity log).
	Contacts string
}

// SizeMM returns the size, in millimetres, at which the image should be
// placed in the PDF so that its text prints at the intended size.
func (o Options) SizeMM() (w, h float64) {
	n, err := o.normalized()
	if err != nil {
		n.Width, n.Height = o.Width, o.Height
	}
	return float64(n.Width) * 25.4 / n.DPI, float64(n.Height) * 25.4 / n.DPI
}

// normalized fills in defaults and checks the size.
func (o Options) normalized() (Options, error) {
	if o.Width == 0 {
		o.Width = DefaultWidth
	}
	if o.Height == 0 {
		o.Height = DefaultHeight
	}
	if !(o.DPI > 0) || math.IsInf(o.DPI, 0) {
		o.DPI = DefaultDPI
	}
	if o.Width < MinSize || o.Width > MaxSize || o.Height < MinSize || o.Height > MaxSize {
		return o, fmt.Errorf("charts: image size %d×%d px out of range (%d to %d px a side)",
			o.Width, o.Height, MinSize, MaxSize)
	}
	return o, nil
}

// ContactsAndClosings draws contacts per month as grey bars on the left axis
// and sales (closings) per month as a blue line on the right axis, with a
// small legend. The two slices are aligned by index: month i of one is month
// i of the other; the shorter is treated as missing at its end. Labels come
// from contacts, or from closings where a contacts label is empty.
func ContactsAndClosings(contacts, closings []MonthPoint, opt Options) ([]byte, error) {
	return render(opt, "contacts and sales", func(c *canvas) {
		drawContactsAndClosings(c, contacts, closings)
	})
}

// ContactsPerClose draws contacts per sale per month as a line; lower is
// better, and the axis title says so. A month without a sale has no ratio:
// pass it as a missing month.
func ContactsPerClose(points []MonthPoint, opt Options) ([]byte, error) {
	return render(opt, "contacts per sale", func(c *canvas) {
		drawSingleTrend(c, points, trendSpec{
			title:   c.contacts + " per sale (lower is better)",
			integer: false,
			kind:    kindRatio,
		})
	})
}

// ValuePerContact draws the value of a contact (commission ÷ contacts) per
// month as a line, in opt.Currency, with a dashed goal line when goal > 0.
func ValuePerContact(points []MonthPoint, goal float64, opt Options) ([]byte, error) {
	return render(opt, "value per contact", func(c *canvas) {
		title := "value per " + c.contact()
		if c.currency != "" {
			title += " (" + c.currency + ")"
		}
		if !(goal > 0) || math.IsInf(goal, 0) {
			goal = 0
		}
		drawSingleTrend(c, points, trendSpec{
			title: title,
			kind:  kindMoney,
			goal:  clampValue(goal),
		})
	})
}

// LossReasons draws loss reasons as horizontal bars in groups, "in your
// control" (blue), "not in your control" (grey) and, for the bars with an
// empty Reason, "no reason given" (light grey), each sorted by count, with
// the count at the end of each bar. Long reasons are cut with "…".
// When more reasons are given than fit (about 8 at the default height), the
// smallest are summed into one "other" bar per group. Reasons with a count
// of 0 or less are left out; with none left the chart says "no losses
// recorded".
func LossReasons(bars []ReasonBar, opt Options) ([]byte, error) {
	return render(opt, "loss reasons", func(c *canvas) {
		drawLossReasons(c, bars)
	})
}

// RatioDistribution draws contacts per sale across reps: one dot per rep
// (stacked where they would touch) while they fit, which suits a team of a
// few to a few dozen reps, else a histogram with round bins, whose far
// outliers (beyond three interquartile ranges above the upper quartile) are
// gathered in a last "N+" bin so one extreme rep does not flatten the rest.
// The median is a dashed line. Values that are NaN, infinite or negative
// are left out.
func RatioDistribution(values []float64, opt Options) ([]byte, error) {
	dots := make([]Dot, len(values))
	for i, v := range values {
		dots[i].Value = v
	}
	return RatioDots(dots, opt)
}

// Dot is one rep of RatioDots: a name and a contacts-per-sale ratio.
type Dot struct {
	Name  string
	Value float64
}

// RatioDots is RatioDistribution with the reps named: the reps at the two
// ends, the lowest and the highest value, are labelled with their names
// ("3 reps" when several share the end) inside the chart: above their dots
// on a dot plot, in the top corners of a histogram. A label is cut with
// "…" to fit its half of the plot; a name the Go fonts cannot draw is left
// unlabelled rather than drawn as boxes.
func RatioDots(dots []Dot, opt Options) ([]byte, error) {
	return render(opt, "ratio distribution", func(c *canvas) {
		drawRatioDistribution(c, dots)
	})
}

// render draws one chart and encodes it. A panic while drawing (a bug, not a
// data shape) falls back to an empty chart with a note, so a report is never
// lost for one chart.
func render(opt Options, what string, draw func(c *canvas)) ([]byte, error) {
	opt, err := opt.normalized()
	if err != nil {
		return nil, err
	}
	c, err := newCanvas(opt)
	if err != nil {
		return nil, err
	}
	if p, ok := safely(func() { draw(c) }); !ok {
		if drawPanicked != nil {
			drawPanicked(what, p)
		}
		return fallback(opt, what)
	}
	b, err := c.encode()
	c.release()
	if err != nil {
		return nil, fmt.Errorf("charts: encode %s: %w", what, err)
	}
	return b, nil
}

// fallback returns the chart drawn in place of one that failed.
func fallback(opt Options, what string) ([]byte, error) {
	c, err := newCanvas(opt)
	if err != nil {
		return nil, err
	}
	if _, ok := safely(func() {
		c.emptyPanel(c.pad, c.pad, float64(c.w)-c.pad, float64(c.h)-c.pad, "this chart could not be drawn")
	}); !ok {
		return nil, fmt.Errorf("charts: draw %s: failed", what)
	}
	b, err := c.encode()
	c.release()
	if err != nil {
		return nil, fmt.Errorf("charts: encode %s: %w", what, err)
	}
	return b, nil
}

// drawPanicked, when set, is told of each drawing that panicked before its
// fallback chart is drawn. The fallback hides a panic from the caller, and
// at small sizes it can look like an empty chart: tests set this to fail
// on every panic (see failOnPanic).
var drawPanicked func(what string, p any)

// safely runs f and reports whether it returned without panicking, and
// with what value it panicked.
func safely(f func()) (p any, ok bool) {
	defer func() {
		if p = recover(); p != nil {
			ok = false
		}
	}()
	f()
	return nil, true
}
