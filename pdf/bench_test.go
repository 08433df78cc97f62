package pdf

import (
	"io"
	"testing"

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
