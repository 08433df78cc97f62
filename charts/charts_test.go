package charts

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/golang/freetype/truetype"
)

var outDir = flag.String("charts.out", "", "write every test chart as a PNG into this directory")

// months returns n month labels ending with 2026-10.
func months(n int) []string {
	out := make([]string, n)
	y, m := 2026, 10
	for i := n - 1; i >= 0; i-- {
		out[i] = fmt.Sprintf("%04d-%02d", y, m)
		m--
		if m == 0 {
			y, m = y-1, 12
		}
	}
	return out
}

// series makes points over the last len(vals) months; NaN means missing.
func series(vals ...float64) []MonthPoint {
	labels := months(len(vals))
	out := make([]MonthPoint, len(vals))
	for i, v := range vals {
		out[i] = MonthPoint{Label: labels[i], Value: v, Valid: !math.IsNaN(v)}
	}
	return out
}

var nan = math.NaN()

func repeatVal(v float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// chartCase is one chart to draw.
type chartCase struct {
	name string
	opt  Options
	draw func(opt Options) ([]byte, error)
}

func trendCases() []chartCase {
	contacts := series(96, 110, 104, 131, 120, 88, 142, 118, 125, 101, 134, 120)
	closings := series(9, 12, 10, 14, 11, 7, 15, 10, 13, 8, 12, 11)
	ratio := series(10.7, 9.2, 10.4, 9.4, 10.9, 12.6, 9.5, 11.8, 9.6, 12.6, 11.2, 10.9)
	value := series(44.1, 51.3, 47.9, 53.0, 46.2, 39.5, 55.8, 42.7, 50.1, 37.9, 49.6, 48.2)
	gappy := series(10.7, 9.2, nan, 9.4, 10.9, nan, nan, 11.8, nan, 12.6, 11.2, 10.9)
	lone := series(nan, nan, nan, nan, 8.4, nan, nan, nan, nan, nan, nan, nan)
	none := series(repeatVal(nan, 12)...)
	zeros := series(repeatVal(0, 12)...)
	huge := series(1e9, 1.2e9, 0.8e9, 1.5e9, 1.1e9, 0.9e9, 1.3e9, 1e9, 1.4e9, 1.2e9, 1.6e9, 1.25e9)
	neg := series(5, -3, 8, -1, 4, 6, -7, 2, 3, 9, 1, 4)
	weird := series(1, math.Inf(1), 3, math.Inf(-1), 5, nan, 7, 8, math.MaxFloat64, 2, 3, 4)
	weird[5].Valid = true // NaN marked valid: still missing
	half := Options{Width: HalfWidth}

	cs := []chartCase{
		{"contacts_closings", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(contacts, closings, o) }},
		{"contacts_closings_half", half, func(o Options) ([]byte, error) { return ContactsAndClosings(contacts, closings, o) }},
		{"contacts_closings_gaps", Options{}, func(o Options) ([]byte, error) {
			ct := series(96, 110, nan, 131, 120, nan, 142, 118, 125, nan, 134, 120)
			cl := series(9, 12, nan, 14, nan, nan, 15, nan, 13, nan, 12, 11)
			return ContactsAndClosings(ct, cl, o)
		}},
		{"contacts_closings_none", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(none, none, o) }},
		{"contacts_closings_zeros", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(zeros, zeros, o) }},
		{"contacts_closings_huge", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(huge, huge, o) }},
		{"contacts_closings_uneven", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(contacts, closings[:5], o) }},
		{"contacts_closings_nil", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(nil, nil, o) }},
		{"contacts_closings_no_sales", Options{}, func(o Options) ([]byte, error) { return ContactsAndClosings(contacts, none, o) }},
		{"contacts_per_close", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(ratio, o) }},
		{"contacts_per_close_half", half, func(o Options) ([]byte, error) { return ContactsPerClose(ratio, o) }},
		{"contacts_per_close_gaps", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(gappy, o) }},
		{"contacts_per_close_lone", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(lone, o) }},
		{"contacts_per_close_none", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(none, o) }},
		{"contacts_per_close_nil", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(nil, o) }},
		{"contacts_per_close_zeros", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(zeros, o) }},
		{"contacts_per_close_huge", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(huge, o) }},
		{"contacts_per_close_negative", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(neg, o) }},
		{"contacts_per_close_weird", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(weird, o) }},
		{"contacts_per_close_36", Options{}, func(o Options) ([]byte, error) {
			v := make([]float64, 36)
			for i := range v {
				v[i] = 10 + 3*math.Sin(float64(i)/3)
			}
			return ContactsPerClose(series(v...), o)
		}},
		{"contacts_per_close_one_month", Options{}, func(o Options) ([]byte, error) { return ContactsPerClose(series(7.5), o) }},
		{"contacts_per_close_plain_labels", Options{}, func(o Options) ([]byte, error) {
			p := series(3, 4, 5)
			for i, l := range []string{"week 1", "week 2", "a very long label that does not fit"} {
				p[i].Label = l
			}
			return ContactsPerClose(p, o)
		}},
		{"value_per_contact", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(value, 50, o) }},
		{"value_per_contact_half", Options{Width: HalfWidth, Currency: "€"}, func(o Options) ([]byte, error) { return ValuePerContact(value, 50, o) }},
		{"value_per_contact_no_goal", Options{Currency: "CHF"}, func(o Options) ([]byte, error) { return ValuePerContact(value, 0, o) }},
		{"value_per_contact_goal_high", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(value, 120, o) }},
		{"value_per_contact_gaps", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(gappy, 10, o) }},
		{"value_per_contact_none", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(none, 50, o) }},
		{"value_per_contact_zeros", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(zeros, 0, o) }},
		{"value_per_contact_small", Options{Currency: "$"}, func(o Options) ([]byte, error) {
			return ValuePerContact(series(0.4, 0.55, 0.3, 0.8, 0.61, 0.7), 0.5, o)
		}},
		{"value_per_contact_huge", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(huge, 1.5e9, o) }},
		{"value_per_contact_nan_goal", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(value, nan, o) }},
		{"value_per_contact_lone", Options{Currency: "$"}, func(o Options) ([]byte, error) { return ValuePerContact(lone, 5, o) }},
	}
	return cs
}

func reasonCases() []chartCase {
	typical := []ReasonBar{
		{"Price too high", 7, false},
		{"No budget this year", 4, false},
		{"Did not reach the decision maker", 5, true},
		{"Proposal missed their needs", 3, true},
		{"Went with a competitor", 3, false},
		{"No follow-up after the demo", 2, true},
		{"Timing", 1, false},
	}
	many := make([]ReasonBar, 20)
	for i := range many {
		many[i] = ReasonBar{Reason: fmt.Sprintf("Reason number %d with some words", i+1), Count: 25 - i, Controllable: i%3 == 0}
	}
	intl := []ReasonBar{
		{"Слишком дорого для нашего бюджета в этом квартале", 6, false},
		{"Δεν βρήκαμε τον υπεύθυνο λήψης αποφάσεων", 4, true},
		{"Preis zu hoch – Entscheidung vertagt", 3, false},
		{"Ζήτησαν προσφορά αλλά δεν απαντήσαμε εγκαίρως", 2, true},
		{"Не перезвонили после демонстрации", 2, true},
	}
	long := []ReasonBar{{strings.Repeat("An extremely long loss reason that keeps going ", 5), 9, true}, {"Short", 2, false}}
	half := Options{Width: HalfWidth}
	return []chartCase{
		{"loss_reasons", Options{}, func(o Options) ([]byte, error) { return LossReasons(typical, o) }},
		{"loss_reasons_half", half, func(o Options) ([]byte, error) { return LossReasons(typical, o) }},
		{"loss_reasons_one", Options{}, func(o Options) ([]byte, error) {
			return LossReasons([]ReasonBar{{"Price too high", 3, false}}, o)
		}},
		{"loss_reasons_20", Options{}, func(o Options) ([]byte, error) { return LossReasons(many, o) }},
		{"loss_reasons_20_half", half, func(o Options) ([]byte, error) { return LossReasons(many, o) }},
		{"loss_reasons_none", Options{}, func(o Options) ([]byte, error) { return LossReasons(nil, o) }},
		{"loss_reasons_zero_counts", Options{}, func(o Options) ([]byte, error) {
			return LossReasons([]ReasonBar{{"Price", 0, false}, {"Timing", -2, true}}, o)
		}},
		{"loss_reasons_intl", Options{}, func(o Options) ([]byte, error) { return LossReasons(intl, o) }},
		{"loss_reasons_long", Options{}, func(o Options) ([]byte, error) { return LossReasons(long, o) }},
		{"loss_reasons_no_reason", half, func(o Options) ([]byte, error) {
			return LossReasons([]ReasonBar{{"", 4, false}}, o)
		}},
		{"loss_reasons_some_without", Options{}, func(o Options) ([]byte, error) {
			return LossReasons([]ReasonBar{{"Price too high", 3, false}, {"", 5, false}, {"Wrong contact", 2, true}}, o)
		}},
		{"loss_reasons_huge", Options{}, func(o Options) ([]byte, error) {
			return LossReasons([]ReasonBar{{"Price", math.MaxInt, false}, {"Price", math.MaxInt, false}, {"", 1_000_000, true}, {"Timing\n\tlater", 1, true}}, o)
		}},
	}
}

func distributionCases() []chartCase {
	many := make([]float64, 500)
	for i := range many {
		// A skewed spread around 10, deterministic.
		x := float64(i)/499*2 - 1
		many[i] = 10 + 4*x + 3*x*x*x + 2*math.Sin(float64(i)*1.7)
	}
	withOutlier := append([]float64{480}, many[:80]...)
	half := Options{Width: HalfWidth}
	return []chartCase{
		{"ratio_distribution_500", Options{}, func(o Options) ([]byte, error) { return RatioDistribution(many, o) }},
		{"ratio_distribution_500_half", half, func(o Options) ([]byte, error) { return RatioDistribution(many, o) }},
		{"ratio_distribution_one", half, func(o Options) ([]byte, error) { return RatioDistribution([]float64{10.9}, o) }},
		{"ratio_distribution_few", half, func(o Options) ([]byte, error) {
			return RatioDistribution([]float64{8.2, 10.9, 12.4, 9.1, 15.0}, o)
		}},
		{"ratio_distribution_team", Options{}, func(o Options) ([]byte, error) {
			return RatioDistribution([]float64{8.2, 10.9, 12.4, 9.1, 15.0, 11.3, 10.8, 7.9, 22.5, 10.1, 9.8, 13.6}, o)
		}},
		{"ratio_distribution_team_half", half, func(o Options) ([]byte, error) {
			return RatioDistribution([]float64{8.2, 10.9, 12.4, 9.1, 15.0, 11.3, 10.8, 7.9, 22.5, 10.1, 9.8, 13.6}, o)
		}},
		{"ratio_distribution_same", half, func(o Options) ([]byte, error) { return RatioDistribution(repeatVal(4, 30), o) }},
		{"ratio_distribution_outlier", Options{}, func(o Options) ([]byte, error) { return RatioDistribution(withOutlier, o) }},
		{"ratio_distribution_none", half, func(o Options) ([]byte, error) { return RatioDistribution(nil, o) }},
		{"ratio_distribution_invalid", half, func(o Options) ([]byte, error) {
			return RatioDistribution([]float64{nan, math.Inf(1), -3, math.Inf(-1)}, o)
		}},
		{"ratio_distribution_zeros", half, func(o Options) ([]byte, error) { return RatioDistribution(repeatVal(0, 12), o) }},
		{"ratio_distribution_huge", half, func(o Options) ([]byte, error) {
			return RatioDistribution([]float64{1e9, 2e9, 5e8, math.MaxFloat64, 3}, o)
		}},
		{"ratio_dots_named", Options{}, func(o Options) ([]byte, error) { return RatioDots(namedDots(), o) }},
		{"ratio_dots_long_names", half, func(o Options) ([]byte, error) { return RatioDots(longNamedDots(), o) }},
		{"ratio_dots_histogram_named", Options{}, func(o Options) ([]byte, error) {
			ds := make([]Dot, len(many))
			for i, v := range many {
				ds[i] = Dot{Name: fmt.Sprintf("Rep %03d", i), Value: v}
			}
			return RatioDots(ds, o)
		}},
	}
}

// namedDots is a team of twelve with a name at each end.
func namedDots() []Dot {
	vs := []float64{8.2, 10.9, 12.4, 9.1, 15.0, 11.3, 10.8, 7.9, 22.5, 10.1, 9.8, 13.6}
	ds := make([]Dot, len(vs))
	for i, v := range vs {
		ds[i] = Dot{Name: fmt.Sprintf("Rep %d", i), Value: v}
	}
	ds[7].Name, ds[8].Name = "Mei-Mei Lin", "Αλέξανδρος Παπαδόπουλος"
	return ds
}

// longNamedDots has names far wider than half the chart at both ends.
func longNamedDots() []Dot {
	long := strings.Repeat("Maximilian von Hohenzollern-Sigmaringen ", 3)
	return []Dot{{long + "A", 3}, {"Mid", 5}, {long + "B", 40}}
}

func allCases() []chartCase {
	var cs []chartCase
	cs = append(cs, trendCases()...)
	cs = append(cs, reasonCases()...)
	cs = append(cs, distributionCases()...)
	return cs
}

// decode checks that b is a PNG of the size opt asks for, not blank, and
// returns it.
func decode(t *testing.T, b []byte, opt Options) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	n, _ := opt.normalized()
	if got := img.Bounds().Size(); got.X != n.Width || got.Y != n.Height {
		t.Fatalf("size %v, want %d×%d", got, n.Width, n.Height)
	}
	if f := inkShare(img); f < 0.01 {
		t.Errorf("only %.2f %% of pixels are not white", 100*f)
	}
	return img
}

// inkShare returns the share of pixels that are not white.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	ink := 0
	if rgba, ok := img.(*image.RGBA); ok {
		for i := 0; i+3 < len(rgba.Pix); i += 4 {
			if rgba.Pix[i] < 0xF8 || rgba.Pix[i+1] < 0xF8 || rgba.Pix[i+2] < 0xF8 {
				ink++
			}
		}
		return float64(ink) / float64(b.Dx()*b.Dy())
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xF800 || g < 0xF800 || bl < 0xF800 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

// failOnPanic fails t for every chart that panics while t runs, which the
// fallback chart would hide.
func failOnPanic(t *testing.T) {
	t.Helper()
	prev := drawPanicked
	drawPanicked = func(what string, p any) { t.Errorf("drawing %s panicked: %v", what, p) }
	t.Cleanup(func() { drawPanicked = prev })
}

func TestCharts(t *testing.T) {
	failOnPanic(t)
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range allCases() {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.draw(tc.opt)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			decode(t, b, tc.opt)
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, tc.name+".png"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, tc := range allCases() {
		t.Run(tc.name, func(t *testing.T) {
			a, err := tc.draw(tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			b, err := tc.draw(tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Error("two renderings differ")
			}
		})
	}
}

// TestConcurrent renders in parallel: the shared fonts must be read-only
// (run with -race), and the bytes must match a serial rendering.
func TestConcurrent(t *testing.T) {
	failOnPanic(t)
	cs := allCases()
	want := make([][]byte, len(cs))
	for i, tc := range cs {
		b, err := tc.draw(tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = b
	}
	var wg sync.WaitGroup
	got := make([][]byte, len(cs))
	errs := make([]error, len(cs))
	for i, tc := range cs {
		wg.Go(func() { got[i], errs[i] = tc.draw(tc.opt) })
	}
	wg.Wait()
	for i := range cs {
		if errs[i] != nil {
			t.Errorf("%s: %v", cs[i].name, errs[i])
		} else if !bytes.Equal(got[i], want[i]) {
			t.Errorf("%s: concurrent rendering differs", cs[i].name)
		}
	}
}

func TestOptions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opt     Options
		w, h    int
		wantErr bool
	}{
		{"zero", Options{}, DefaultWidth, DefaultHeight, false},
		{"half", Options{Width: HalfWidth}, HalfWidth, DefaultHeight, false},
		{"custom", Options{Width: 900, Height: 300}, 900, 300, false},
		{"small", Options{Width: MinSize, Height: MinSize}, MinSize, MinSize, false},
		{"too small", Options{Width: 10, Height: 10}, 0, 0, true},
		{"negative", Options{Width: -5}, 0, 0, true},
		{"too big", Options{Width: 100000}, 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ContactsPerClose(series(1, 2, 3), tc.opt)
			if tc.wantErr {
				if err == nil {
					t.Fatal("want an error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds().Size(); s.X != tc.w || s.Y != tc.h {
				t.Errorf("size %v, want %d×%d", s, tc.w, tc.h)
			}
		})
	}
}

// TestFallback checks the last resort: a drawing that panics gives the
// fallback chart, not an error, and tells drawPanicked.
func TestFallback(t *testing.T) {
	var told []string
	prev := drawPanicked
	drawPanicked = func(what string, p any) { told = append(told, fmt.Sprint(what, ": ", p)) }
	defer func() { drawPanicked = prev }()
	b, err := render(Options{}, "test", func(c *canvas) {
		c.fillRect(0, 0, 10, 10, colAccent)
		var m []int
		_ = m[3] // a bug
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := fallback(Options{Width: DefaultWidth, Height: DefaultHeight, DPI: DefaultDPI}, "test")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Error("a panicking chart did not give the fallback")
	}
	if len(told) != 1 || !strings.HasPrefix(told[0], "test: runtime error: index out of range") {
		t.Errorf("drawPanicked was told %q, want the one index error", told)
	}
	decode(t, b, Options{})
}

func TestSizeMM(t *testing.T) {
	for _, tc := range []struct {
		opt  Options
		w, h float64
	}{
		{Options{}, 180, 60},
		{Options{Width: HalfWidth}, 85, 60},
		{Options{Width: 750, Height: 250, DPI: DefaultDPI / 2}, 180, 60},
	} {
		w, h := tc.opt.SizeMM()
		if math.Abs(w-tc.w) > 0.1 || math.Abs(h-tc.h) > 0.1 {
			t.Errorf("%+v: SizeMM = %.1f×%.1f, want %.0f×%.0f", tc.opt, w, h, tc.w, tc.h)
		}
	}
}

// TestSmallSizes draws every chart at tiny and odd sizes: nothing may panic
// (failOnPanic: at these sizes the fallback can look like an empty chart)
// and each is a PNG of the size asked for with something drawn on it.
func TestSmallSizes(t *testing.T) {
	failOnPanic(t)
	for _, size := range []Options{{Width: MinSize, Height: MinSize}, {Width: 200, Height: 80}, {Width: 80, Height: 600}, {Width: 3000, Height: 150}} {
		for _, tc := range allCases() {
			o := size
			o.Currency = tc.opt.Currency
			b, err := tc.draw(o)
			if err != nil {
				t.Fatalf("%s at %d×%d: %v", tc.name, o.Width, o.Height, err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s at %d×%d: %v", tc.name, o.Width, o.Height, err)
			}
			if got := img.Bounds().Size(); got.X != o.Width || got.Y != o.Height {
				t.Errorf("%s at %d×%d: size %v", tc.name, o.Width, o.Height, got)
			}
			if inkShare(img) == 0 {
				t.Errorf("%s at %d×%d: blank", tc.name, o.Width, o.Height)
			}
			if *outDir != "" {
				dir := filepath.Join(*outDir, "sizes")
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s_%dx%d.png", tc.name, o.Width, o.Height)
				if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// isAccent reports whether a pixel is the accent colour or a blend of it
// with white (anti-aliasing): clearly bluer than it is red.
func isAccent(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return b > r && b-r > 0x3000
}

// TestGapHasNoLine checks that a missing month is a gap: no line pixels in
// its column inside the plot.
func TestGapHasNoLine(t *testing.T) {
	points := series(10, 12, nan, 11, 9, nan, nan, 8, 10, 12, nan, 9)
	opt, _ := Options{}.normalized()
	b, err := ContactsPerClose(points, opt)
	if err != nil {
		t.Fatal(err)
	}
	img := decode(t, b, opt)

	// Lay out the same frame to find the month columns.
	c, err := newCanvas(opt)
	if err != nil {
		t.Fatal(err)
	}
	in := axisInput{kind: kindRatio}
	in.cover(points)
	missing, _ := missingMonths(len(points), points)
	f := newFrame(c, monthLabelsOf(len(points), points), missing, in, nil, header{text: "x"}, header{})
	for i, p := range points {
		x := int(math.Round(f.x(i)))
		blue := 0
		for y := int(f.y0); y < int(f.y1); y++ {
			if isAccent(img.At(x, y)) {
				blue++
			}
		}
		if p.Valid && blue == 0 {
			t.Errorf("month %d: no line pixels at x=%d", i, x)
		}
		if !p.Valid && blue > 0 {
			t.Errorf("month %d is missing but has %d line pixels at x=%d", i, blue, x)
		}
	}
}

// TestReasonColours checks the grouping by colour: reasons in the rep's
// control are blue, the others grey.
func TestReasonColours(t *testing.T) {
	count := func(bars []ReasonBar) int {
		b, err := LossReasons(bars, Options{})
		if err != nil {
			t.Fatal(err)
		}
		img := decode(t, b, Options{}).(*image.RGBA)
		n := 0
		for i := 0; i+3 < len(img.Pix); i += 4 {
			if isAccent(color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 255}) {
				n++
			}
		}
		return n
	}
	if n := count([]ReasonBar{{"Price", 5, false}, {"Timing", 2, false}}); n != 0 {
		t.Errorf("reasons out of the rep's control: %d blue pixels, want 0", n)
	}
	if n := count([]ReasonBar{{"No follow-up", 5, true}, {"Wrong contact", 2, true}}); n < 10000 {
		t.Errorf("reasons in the rep's control: %d blue pixels, want bars", n)
	}
}

// TestUnicodeFonts checks that the fonts in use are the Go fonts and that
// they have Greek and Cyrillic glyphs, and that such labels draw.
func TestUnicodeFonts(t *testing.T) {
	fs, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]*truetype.Font{"regular": fs.regular, "bold": fs.bold} {
		if fam := f.Name(truetype.NameIDFontFamily); fam != "Go" {
			t.Errorf("%s font family %q, want Go", name, fam)
		}
		for _, r := range "ΑΩαωΔδЖжЯяЁёÄäéñ…·−€" {
			if f.Index(r) == 0 {
				t.Errorf("%s font has no glyph for %q", name, r)
			}
		}
	}
	bars := []ReasonBar{{"Слишком дорого", 3, false}, {"Δεν απάντησαν", 2, true}}
	b, err := LossReasons(bars, Options{})
	if err != nil {
		t.Fatal(err)
	}
	decode(t, b, Options{})
}

// TestEncodePNG checks the PNG writer: image/png reads back exactly the
// pixels drawn.
func TestEncodePNG(t *testing.T) {
	for _, size := range []image.Point{{1, 1}, {3, 2}, {DefaultWidth, DefaultHeight}} {
		img := image.NewRGBA(image.Rect(0, 0, size.X, size.Y))
		for i := range img.Pix {
			img.Pix[i] = byte(i * 7 % 251)
			if i%4 == 3 {
				img.Pix[i] = 0xFF
			}
		}
		b, err := encodePNG(img)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%v: decode: %v", size, err)
		}
		rgba, ok := got.(*image.RGBA)
		if !ok {
			t.Fatalf("%v: decoded as %T", size, got)
		}
		if !bytes.Equal(rgba.Pix, img.Pix) {
			t.Errorf("%v: pixels differ after a round trip", size)
		}
	}
}

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct {
		lo, hi  float64
		max     int
		integer bool
		want    axisScale
	}{
		{0, 0, 5, true, axisScale{0, 1, 1, 1}},
		{0, 0, 5, false, axisScale{0, 1, 0.2, 5}},
		{0, 142, 5, true, axisScale{0, 150, 50, 3}},
		{0, 12.6, 5, false, axisScale{0, 15, 5, 3}},
		{0, 1.6e9, 5, false, axisScale{0, 2e9, 0.5e9, 4}},
		{0, 3, 5, true, axisScale{0, 3, 1, 3}},
		{-7, 9, 4, false, axisScale{-10, 10, 5, 4}},
		{0, 0.8, 4, false, axisScale{0, 0.8, 0.2, 4}},
	} {
		got := niceScale(tc.lo, tc.hi, tc.max, tc.integer)
		if got != tc.want {
			t.Errorf("niceScale(%v, %v, %d, %v) = %+v, want %+v", tc.lo, tc.hi, tc.max, tc.integer, got, tc.want)
		}
	}
	for _, hi := range []float64{math.MaxFloat64, 1e300, 1e-300, 5e-324} {
		s := niceScale(0, hi, 5, false)
		if math.IsInf(s.hi, 0) || math.IsNaN(s.hi) || s.n < 1 || !(s.hi > s.lo) {
			t.Errorf("niceScale(0, %g) = %+v", hi, s)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v          float64
		kind       valueKind
		cur        string
		fractional bool
		want       string
	}{
		{0, kindCount, "", false, "0"},
		{0, kindMoney, "$", true, "$0"},
		{2.5, kindRatio, "", true, "2.5"},
		{750, kindCount, "", false, "750"},
		{3000, kindCount, "", false, "3k"},
		{2500, kindCount, "", false, "2.5k"},
		{1.2e6, kindCount, "", false, "1.2M"},
		{1.25e9, kindMoney, "$", false, "$1.25B"},
		{0.5, kindMoney, "$", true, "$0.50"},
		{20, kindMoney, "CHF", false, "CHF 20"},
		{-5, kindMoney, "€", false, "-€5"},
		{1e20, kindCount, "", false, "1e+20"},
	} {
		if got := formatTick(tc.v, tc.kind, tc.cur, tc.fractional); got != tc.want {
			t.Errorf("formatTick(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	for _, tc := range []struct {
		v    float64
		kind valueKind
		want string
	}{
		{48.2, kindMoney, "$48.20"},
		{1250, kindMoney, "$1,250"},
		{2.5e6, kindMoney, "$2.5M"},
		{10.94, kindRatio, "10.9"},
		{1234, kindRatio, "1,234.0"},
		{12345, kindRatio, "12.3k"},
		{1234567, kindCount, "1.2M"},
		{999.96e6, kindCount, "1B"},
		{-0.001, kindRatio, "0.0"},
	} {
		if got := formatValue(tc.v, tc.kind, "$"); got != tc.want {
			t.Errorf("formatValue(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestMonthTickLabels(t *testing.T) {
	labels := months(12) // 2025-11 … 2026-10
	all := make([]int, 12)
	for i := range all {
		all[i] = i
	}
	got := strings.Join(monthTickLabels(labels, all), ",")
	want := "Nov 25,Dec,Jan 26,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct"
	if got != want {
		t.Errorf("all: %s\nwant %s", got, want)
	}
	got = strings.Join(monthTickLabels(labels, []int{1, 3, 5, 7, 9, 11}), ",")
	want = "Dec 25,Feb 26,Apr,Jun,Aug,Oct"
	if got != want {
		t.Errorf("every other: %s\nwant %s", got, want)
	}
	got = strings.Join(monthTickLabels([]string{"2026-01", "Q2", "2026-07-31"}, []int{0, 1, 2}), ",")
	if want := "Jan 26,Q2,Jul"; got != want {
		t.Errorf("mixed: %s, want %s", got, want)
	}
}

func TestGroupReasons(t *testing.T) {
	var bars []ReasonBar
	for i := range 20 {
		bars = append(bars, ReasonBar{fmt.Sprintf("r%02d", i), 100 - i, i%2 == 0})
	}
	groups := groupReasons(prepareReasons(bars), 10)
	lines, total := 0, 0
	for _, g := range groups {
		lines += 1 + len(g.rows)
		for _, r := range g.rows {
			total += r.count
		}
		if last := g.rows[len(g.rows)-1]; !last.other {
			t.Errorf("group %q has no other row", g.title)
		}
	}
	if lines > 10 {
		t.Errorf("%d lines, want ≤ 10", lines)
	}
	want := 0
	for _, b := range bars {
		want += b.Count
	}
	if total != want {
		t.Errorf("rows sum to %d, want %d", total, want)
	}

	// Duplicates merge, zero and negative counts go, order is by count.
	rows := prepareReasons([]ReasonBar{{"b", 2, true}, {"a", 0, true}, {" b ", 3, true}, {"c", 4, false}, {"d", -1, false}})
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s=%d", r.label, r.count))
	}
	if s := strings.Join(got, ","); s != "b=5,c=4" {
		t.Errorf("prepareReasons = %s, want b=5,c=4", s)
	}

	// Losses without a reason are a group of their own, last, whatever
	// Controllable says.
	groups = groupReasons(prepareReasons([]ReasonBar{{"", 5, true}, {"Price", 3, false}, {" ", 1, false}, {"Contact", 2, true}}), 10)
	var titles []string
	for _, g := range groups {
		titles = append(titles, fmt.Sprintf("%s:%d", g.title, g.total))
	}
	if s := strings.Join(titles, ","); s != "In your control:2,Not in your control:3,No reason given:6" {
		t.Errorf("groups = %s", s)
	}
}

func TestBinValues(t *testing.T) {
	h, ok := binValues([]float64{10.9})
	if !ok || h.over != 0 {
		t.Fatalf("one value: %+v %v", h, ok)
	}
	if i := slices.Index(h.counts, 1); i < 0 || h.start+float64(i)*h.width > 10.9 || h.start+float64(i+1)*h.width <= 10.9 {
		t.Errorf("one value: start %v width %v counts %v", h.start, h.width, h.counts)
	}
	// A value on a bin edge belongs to the bin that starts there.
	h, _ = binValues(repeatVal(4, 30))
	if i := slices.Index(h.counts, 30); i < 0 || math.Abs(h.start+float64(i)*h.width-4) > 1e-9 {
		t.Errorf("edge value: start %v width %v counts %v", h.start, h.width, h.counts)
	}
	vals := make([]float64, 100)
	for i := range vals {
		vals[i] = float64(i%20) + 5
	}
	vals = append(vals, 1000)
	h, _ = binValues(cleanRatios(vals))
	if h.over != 1 {
		t.Errorf("outlier: over = %d, want 1", h.over)
	}
	if len(h.counts) < 5 || len(h.counts) > 16 {
		t.Errorf("outlier: %d bins", len(h.counts))
	}
	if got := cleanRatios([]float64{nan, -1, math.Inf(1), 2, 1}); !slices.Equal(got, []float64{1, 2}) {
		t.Errorf("cleanRatios = %v", got)
	}
}

// benchmark data: 12 typical months, 7 reasons, 500 reps.
var (
	benchContacts = series(96, 110, 104, 131, 120, 88, 142, 118, 125, 101, 134, 120)
	benchClosings = series(9, 12, 10, 14, 11, 7, 15, 10, 13, 8, 12, 11)
	benchRatio    = series(10.7, 9.2, 10.4, 9.4, 10.9, 12.6, 9.5, 11.8, 9.6, 12.6, 11.2, 10.9)
	benchValue    = series(44.1, 51.3, 47.9, 53.0, 46.2, 39.5, 55.8, 42.7, 50.1, 37.9, 49.6, 48.2)
	benchReasons  = []ReasonBar{
		{"Price too high", 7, false}, {"No budget this year", 4, false},
		{"Did not reach the decision maker", 5, true}, {"Proposal missed their needs", 3, true},
		{"Went with a competitor", 3, false}, {"No follow-up after the demo", 2, true}, {"Timing", 1, false},
	}
)

func benchRatios() []float64 {
	v := make([]float64, 500)
	for i := range v {
		x := float64(i)/499*2 - 1
		v[i] = 10 + 4*x + 3*x*x*x
	}
	return v
}

// bench runs f b.N times and reports, beside wall time, the process CPU
// time per chart.
func bench(b *testing.B, f func() ([]byte, error)) {
	b.ReportAllocs()
	t0, ok := cpuTime()
	size := 0
	for b.Loop() {
		png, err := f()
		if err != nil {
			b.Fatal(err)
		}
		size = len(png)
	}
	if t1, ok1 := cpuTime(); ok && ok1 {
		b.ReportMetric(float64((t1-t0).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(size), "png-bytes")
}

func BenchmarkContactsAndClosings(b *testing.B) {
	bench(b, func() ([]byte, error) { return ContactsAndClosings(benchContacts, benchClosings, Options{}) })
}

func BenchmarkContactsPerClose(b *testing.B) {
	bench(b, func() ([]byte, error) { return ContactsPerClose(benchRatio, Options{}) })
}

func BenchmarkValuePerContact(b *testing.B) {
	bench(b, func() ([]byte, error) { return ValuePerContact(benchValue, 50, Options{Currency: "$"}) })
}

func BenchmarkLossReasons(b *testing.B) {
	bench(b, func() ([]byte, error) { return LossReasons(benchReasons, Options{}) })
}

func BenchmarkRatioDistribution(b *testing.B) {
	v := benchRatios()
	bench(b, func() ([]byte, error) { return RatioDistribution(v, Options{}) })
}

func BenchmarkRatioDistributionTeam(b *testing.B) {
	v := benchRatios()[:12]
	bench(b, func() ([]byte, error) { return RatioDistribution(v, Options{Width: HalfWidth}) })
}

// BenchmarkEncode compares the package's PNG writer with image/png at
// BestSpeed on a drawn chart.
func BenchmarkEncode(b *testing.B) {
	opt, _ := Options{}.normalized()
	c, err := newCanvas(opt)
	if err != nil {
		b.Fatal(err)
	}
	drawContactsAndClosings(c, benchContacts, benchClosings)
	b.Run("charts", func(b *testing.B) {
		bench(b, func() ([]byte, error) { return encodePNG(c.img) })
	})
	b.Run("image-png-BestSpeed", func(b *testing.B) {
		bench(b, func() ([]byte, error) {
			var buf bytes.Buffer
			err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, c.img)
			return buf.Bytes(), err
		})
	})
}

// BenchmarkDraw is the drawing alone, without encoding.
func BenchmarkDraw(b *testing.B) {
	opt, _ := Options{}.normalized()
	bench(b, func() ([]byte, error) {
		c, err := newCanvas(opt)
		if err != nil {
			return nil, err
		}
		drawContactsAndClosings(c, benchContacts, benchClosings)
		return c.img.Pix[:1], nil
	})
}

func TestEndsOf(t *testing.T) {
	for _, tt := range []struct {
		name string
		in   []Dot
		want ends
	}{
		{"none", nil, ends{}},
		{"one", []Dot{{"Ann", 4}}, ends{lo: "Ann"}},
		{"two", []Dot{{"Bob", 9}, {"Ann", 4}}, ends{lo: "Ann", hi: "Bob"}},
		{"ties at an end", []Dot{{"Ann", 4}, {"Bob", 4}, {"Cy", 7}}, ends{lo: "2 reps", hi: "Cy"}},
		{"all the same", []Dot{{"Ann", 4}, {"Bob", 4}}, ends{lo: "2 reps"}},
		{"bad values left out", []Dot{{"Nan", math.NaN()}, {"Neg", -1}, {"Inf", math.Inf(1)}, {"Ok", 3}, {"Hi", 5}}, ends{lo: "Ok", hi: "Hi"}},
		{"names cleaned", []Dot{{"Ann\tLee\x00", 1}, {"Bo\nb", 2}}, ends{lo: "Ann Lee", hi: "Bo b"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := endsOf(tt.in); got != tt.want {
				t.Errorf("endsOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The reps at the ends are named inside the chart: the named chart has ink
// the unnamed one lacks, and a name too long for the chart is cut, never
// drawn past its edges.
func TestRatioDotsNames(t *testing.T) {
	failOnPanic(t)
	opt := Options{Width: HalfWidth}
	for _, tt := range []struct {
		name string
		dots []Dot
	}{
		{"team", namedDots()},
		{"long names", longNamedDots()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			named, err := RatioDots(tt.dots, opt)
			if err != nil {
				t.Fatal(err)
			}
			plain := slices.Clone(tt.dots)
			for i := range plain {
				plain[i].Name = ""
			}
			unnamed, err := RatioDots(plain, opt)
			if err != nil {
				t.Fatal(err)
			}
			a, b := decode(t, named, opt), decode(t, unnamed, opt)
			if !(inkShare(a) > inkShare(b)) {
				t.Errorf("named chart has no more ink (%.4f) than the unnamed one (%.4f)", inkShare(a), inkShare(b))
			}
			// Both side margins stay blank where the unnamed chart's are.
			bd := a.Bounds()
			for _, x := range []int{bd.Min.X, bd.Min.X + 1, bd.Max.X - 2, bd.Max.X - 1} {
				for y := bd.Min.Y; y < bd.Max.Y; y++ {
					if a.At(x, y) != b.At(x, y) {
						t.Fatalf("a label reaches the chart's edge at x=%d, y=%d", x, y)
					}
				}
			}
		})
	}
}
