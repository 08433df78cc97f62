package pdf

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/wcharczuk/go-chart/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/report"
)

// BenchmarkRep renders one rep report, its four charts included.
func BenchmarkRep(b *testing.B) {
	r := newRenderer(b, Options{})
	rpt := fixture()
	coaching := coachingText()
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Rep(io.Discard, rpt, &rpt.Reps[0], coaching); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRepParallel renders rep reports from one Renderer in every
// goroutine, as run -workers does.
func BenchmarkRepParallel(b *testing.B) {
	r := newRenderer(b, Options{})
	rpt := fixture()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := r.Rep(io.Discard, rpt, &rpt.Reps[0], nil); err != nil {
				b.Error(err)
			}
		}
	})
}

func BenchmarkSelfReview(b *testing.B) {
	r := newRenderer(b, Options{})
	rpt := fixture()
	b.ReportAllocs()
	for b.Loop() {
		if err := r.SelfReview(io.Discard, rpt, &rpt.Reps[0], nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTeam500 renders the summary of a team of 500 reps.
func BenchmarkTeam500(b *testing.B) {
	r := newRenderer(b, Options{})
	rpt := bigTeam(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Team(io.Discard, rpt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRepCharts draws the four charts of a rep report alone, to set
// against BenchmarkRep.
func BenchmarkRepCharts(b *testing.B) {
	rpt := fixture()
	ms := rpt.Reps[0].Monthly
	o := charts.Options{Width: 1500, Height: 400}
	h := charts.Options{Width: 733, Height: 400}
	b.ReportAllocs()
	for b.Loop() {
		c := points(ms, func(m *report.Month) (float64, bool) { return float64(m.Contacts), true })
		if _, err := charts.ContactsAndClosings(c, c, o); err != nil {
			b.Fatal(err)
		}
		if _, err := charts.ContactsPerClose(c, h); err != nil {
			b.Fatal(err)
		}
		if _, err := charts.ValuePerContact(c, 0, h); err != nil {
			b.Fatal(err)
		}
		if _, err := charts.LossReasons([]charts.ReasonBar{{Reason: "Price", Count: 5}, {Reason: "Fit", Count: 4, Controllable: true}}, charts.Options{Width: 1500, Height: 300}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFonts measures what embedding the Go fonts costs a document:
// a one-page document with a line of text in 0 to 3 faces.
func BenchmarkFonts(b *testing.B) {
	r := newRenderer(b, Options{})
	pe := periodOf(fixture())
	for _, c := range []struct {
		name  string
		faces []faceID
	}{
		{"none", nil},
		{"regular", []faceID{faceRegular}},
		{"regular+bold", []faceID{faceRegular, faceBold}},
		{"regular+bold+italic", []faceID{faceRegular, faceBold, faceItalic}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d := r.newDoc("bench", "bench", "", "", pe)
				d.fill(10, 10, 10, 10, colAccent)
				for i, f := range c.faces {
					d.f.SetPage(1)
					d.setFont(f, 10)
					d.f.Text(20, 20+float64(i)*10, "Jane Doe · 120 contacts · $48.20 · Дмитрий")
				}
				if err := d.f.Output(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew prepares the fonts: once per Renderer.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareRep is the floor BenchmarkRep is measured against: the same
// four charts drawn with go-chart's own chart types at the same pixel sizes
// (150 dpi), encoded as PNG, and placed on a two-page gofpdf document with
// the same embedded fonts and a few lines of text, written to io.Discard.
// Nothing of repcard's layout is in it.
func BenchmarkBareRep(b *testing.B) {
	px := func(mm float64) int { return int(mm * DefaultChartDPI / 25.4) }
	wide, half, hgt := px(180), px(85), px(48)
	xs := make([]float64, 12)
	ys := make([]float64, 12)
	for i := range xs {
		xs[i], ys[i] = float64(i+1), float64(80+(i*37)%50)
	}
	line := func(w int) []byte {
		c := chart.Chart{Width: w, Height: hgt, Series: []chart.Series{chart.ContinuousSeries{XValues: xs, YValues: ys}}}
		var buf bytes.Buffer
		if err := c.Render(chart.PNG, &buf); err != nil {
			b.Fatal(err)
		}
		return buf.Bytes()
	}
	bars := func() []byte {
		vs := make([]chart.Value, 6)
		for i := range vs {
			vs[i] = chart.Value{Label: fmt.Sprintf("reason %d", i), Value: float64(6 - i)}
		}
		c := chart.BarChart{Width: wide, Height: hgt, Bars: vs}
		var buf bytes.Buffer
		if err := c.Render(chart.PNG, &buf); err != nil {
			b.Fatal(err)
		}
		return buf.Bytes()
	}
	b.ReportAllocs()
	for b.Loop() {
		f := gofpdf.New("P", "mm", "A4", "")
		f.AddUTF8FontFromBytes("go", "", goregular.TTF)
		f.AddUTF8FontFromBytes("go", "B", gobold.TTF)
		f.SetFont("go", "B", 18)
		f.AddPage()
		f.Text(15, 20, "Jane Doe · October 2026")
		f.SetFont("go", "", 10)
		f.Text(15, 30, "Each “no” was worth $48.20")
		for i, img := range [][]byte{line(wide), line(half), line(half)} {
			name := fmt.Sprint("c", i)
			f.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))
			f.ImageOptions(name, 15, 40+float64(i)*55, 0, 50, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		}
		f.AddPage()
		f.RegisterImageOptionsReader("bars", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(bars()))
		f.ImageOptions("bars", 15, 20, 0, 50, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		if err := f.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
