package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// Options choose the page size, the currency and an optional extra font.
type Options struct {
	PageSize  string // "A4" (also the default) or "Letter", any case
	Currency  string // ISO code from the config (USD…), printed via format.Symbol
	ExtraFont []byte // optional TrueType font (config font:) for scripts the Go fonts lack
	// ChartDPI is the resolution charts are drawn at (0: DefaultChartDPI).
	// Their text is sized for print whatever the resolution; fewer dots
	// render faster and make smaller files.
	ChartDPI float64
}

// DefaultChartDPI prints charts sharply on paper at half the pixels of
// charts.DefaultDPI, which halves the time spent drawing and compressing
// them.
const DefaultChartDPI = 150

// Paragraph is one piece of coaching text: a short title and its text.
type Paragraph struct {
	Title, Text string
	// Rule is the coaching rule that wrote it (coach.Rule*), when one did:
	// page 2 does not repeat a record the coaching told (RuleBestMonth,
	// RuleWinStreak).
	Rule string
}

// The coaching rules whose records page 2 would repeat; the same names as
// coach's.
const (
	RuleBestMonth = "best_month"
	RuleWinStreak = "win_streak"
)

// rulesOf names the rules of the paragraphs ps prints.
func rulesOf(ps []Paragraph) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps {
		if p.Rule != "" && (clean(p.Title) != "" || clean(p.Text) != "") {
			m[p.Rule] = true
		}
	}
	return m
}

// Renderer lays out the PDFs. It is safe for concurrent use: each call
// builds its own document. New prepares the fonts once: which characters
// each has and their widths.
type Renderer struct {
	pageSize      string // gofpdf's name: "A4" or "Letter"
	currency      string // the ISO code, upper case
	symbol        string // what money is prefixed with in the PDF
	chartCurrency string // the symbol the charts print (Go fonts only)
	chartDPI      float64
	faces         [numFaces]*face
	placeholder   rune
}

// New checks the options and prepares the fonts. An ExtraFont that gofpdf
// cannot embed (not TrueType, a collection, malformed) is an error here
// rather than in every report.
func New(opt Options) (*Renderer, error) {
	r := &Renderer{}
	switch strings.ToLower(strings.TrimSpace(opt.PageSize)) {
	case "", "a4":
		r.pageSize = "A4"
	case "letter":
		r.pageSize = "Letter"
	default:
		return nil, fmt.Errorf("pdf: page size %q: want A4 or Letter", opt.PageSize)
	}
	var err error
	if r.faces, err = loadFaces(opt.ExtraFont); err != nil {
		return nil, err
	}
	r.placeholder = placeholder
	if !r.faces[faceRegular].covers(placeholder) {
		r.placeholder = '?' // not with the Go fonts, which have □
	}

	r.setCurrency(opt.Currency)
	r.chartDPI = opt.ChartDPI
	if !(r.chartDPI > 0) {
		r.chartDPI = DefaultChartDPI
	}
	return r, nil
}

// Rep writes one rep's coaching report: the month in one look (headline,
// goals, alerts, 12-month charts, coaching), then learning from the nos
// (loss reasons, referral asks, follow-ups due, vague maybes, near misses,
// wins). Tables are capped, so the report has 2 to 4 pages.
func (r *Renderer) Rep(w io.Writer, rpt *report.Report, rep *report.Rep, coaching []Paragraph) error {
	if rpt == nil || rep == nil {
		return errors.New("pdf: rep report: no report or rep")
	}
	return r.write(w, "rep report for "+rep.Rep, func() (*doc, error) {
		d := r.repDoc(rpt, rep, "Coaching report")
		if err := r.repPage1(d, rpt, rep, coaching); err != nil {
			return nil, err
		}
		if err := r.repPage2(d, rep, rulesOf(coaching)); err != nil {
			return nil, err
		}
		return d, nil
	})
}

// SelfReview writes the self-review edition: page 1 of the rep report, then
// a worksheet block for each loss of the period (the six questions with
// lines to write on), and a last page to plan next month.
func (r *Renderer) SelfReview(w io.Writer, rpt *report.Report, rep *report.Rep, coaching []Paragraph) error {
	if rpt == nil || rep == nil {
		return errors.New("pdf: self-review: no report or rep")
	}
	return r.write(w, "self-review for "+rep.Rep, func() (*doc, error) {
		d := r.repDoc(rpt, rep, "Self-review")
		if err := r.repPage1(d, rpt, rep, coaching); err != nil {
			return nil, err
		}
		r.reviewPages(d, rep)
		return d, nil
	})
}

// Manager writes one manager's team summary.
func (r *Renderer) Manager(w io.Writer, rpt *report.Report, m *report.Manager) error {
	if rpt == nil || m == nil {
		return errors.New("pdf: manager summary: no report or manager")
	}
	return r.write(w, "manager summary for "+m.Manager, func() (*doc, error) {
		return r.groupDoc(rpt, groupOf(rpt, m))
	})
}

// Team writes the whole team's summary (team.pdf).
func (r *Renderer) Team(w io.Writer, rpt *report.Report) error {
	if rpt == nil {
		return errors.New("pdf: team summary: no report")
	}
	return r.write(w, "team summary", func() (*doc, error) {
		return r.groupDoc(rpt, teamGroup(rpt))
	})
}

// write builds a document and writes it. A panic inside the PDF writer
// becomes an error, so one report cannot stop a batch.
func (r *Renderer) write(w io.Writer, what string, build func() (*doc, error)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: %s: %v", what, p)
		}
	}()
	d, err := build()
	if err != nil {
		return fmt.Errorf("pdf: %s: %w", what, err)
	}
	if err := d.finish(w); err != nil {
		return fmt.Errorf("pdf: %s: %w", what, err)
	}
	return nil
}

// period is the report's period as the PDFs print it.
type period struct {
	title string // "October 2026", "Q4 2026", "2026"
	p     repcard.Period
	ok    bool      // p parsed
	end   time.Time // the period end: the PDFs' creation date
}

func periodOf(rpt *report.Report) period {
	pe := period{title: clean(rpt.Period.Label)}
	if p, err := repcard.ParsePeriod(rpt.Period.Label); err == nil {
		pe.p, pe.ok, pe.title = p, true, p.Title()
	}
	if t, err := time.Parse("2006-01-02", rpt.Period.End); err == nil {
		pe.end = t
	} else if pe.ok {
		pe.end = pe.p.End().Time()
	} else {
		pe.end = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // never the clock
	}
	if pe.title == "" {
		pe.title = "the period"
	}
	if t, err := time.Parse("2006-01-02", rpt.Period.DataEnds); err == nil {
		pe.title += t.Format(" · to 2 January") // a report to date
	}
	return pe
}

// year returns the year of the period end, for "Year to date · 2026".
func (pe period) year() string {
	return fmt.Sprint(pe.end.Year())
}

// next returns the month after the period, for the plan page.
func (pe period) next() string {
	if !pe.ok {
		return "next month"
	}
	return repcard.MonthPeriod(pe.p.LastMonth + 1).Title()
}
