package pdf

import (
	"strings"

	"github.com/repcard/repcard/charts"
	"github.com/repcard/repcard/report"
)

// masthead draws the band at the top of page 1: a small label, the name
// and period on the left, the team on the right, an accent rule. A name too
// long for the line is set smaller (down to 13 pt), the team moves up to the
// label's line, and only then is the name cut.
func (d *doc) masthead(label, name, rest, right string) {
	y0 := margin
	d.text(d.left, y0+stLabel.capH(), label, stLabel)
	base := y0 + 11
	nameSt, restSt := stName, stNameRest
	rw, full := 0.0, right
	if right != "" {
		right = d.fit(right, stTeam, d.cw*0.45)
		rw = d.width(right, stTeam) + 6
	}
	fits := func(pt float64) bool {
		nameSt.pt, restSt.pt = pt, pt
		return d.width(name, nameSt)+d.width(rest, restSt) <= d.cw-rw
	}
	if !fits(stName.pt) && right != "" {
		up := style{faceRegular, 9, colText}
		lw := d.width(label, stLabel) + 8
		d.textR(d.right, y0+stLabel.capH(), d.fit(full, up, d.cw-lw), up)
		right, rw = "", 0
	}
	pt := stName.pt
	for pt > 13 && !fits(pt) {
		pt--
	}
	nameSt.pt, restSt.pt = pt, pt
	if right != "" {
		d.textR(d.right, base, right, stTeam)
	}
	avail := d.cw - rw
	restW := d.width(rest, restSt)
	if restW > avail*0.5 {
		rest = d.fit(rest, restSt, avail*0.5)
		restW = d.width(rest, restSt)
	}
	x := d.textFit(d.left, base, avail-restW, name, nameSt)
	d.text(x, base, rest, restSt)
	d.hline(d.left, d.right, y0+15, colAccent, 0.5)
	d.y = y0 + 21
}

// headline draws "Each “no” was worth $48.20" and the line of counts under
// it; then source, where the counts come from, right under them, and rule,
// the commission rule applied. With decided deals for contacts it reads
// "Each decided deal was worth"; untracked says the data counts no
// contacts at all.
func (d *doc) headline(c *report.Counts, untracked bool, source, rule string) {
	base := d.y + stHeadline.capH()
	switch {
	case c.ValuePerContact.OK:
		lead := "Each “no” was worth "
		if d.words.decided {
			lead = "Each " + d.words.one + " was worth "
		}
		x := d.text(d.left, base, lead, stHeadline)
		d.text(x, base, d.r.money(c.ValuePerContact.V), stHeadNum)
	case untracked:
		d.textFit(d.left, base, d.cw, "Contacts not tracked in "+d.pe.title, stHeadline)
	default:
		d.textFit(d.left, base, d.cw, "No "+d.words.plural+" recorded in "+d.pe.title, stHeadline)
	}
	base += 7.5
	d.textFit(d.left, base, d.cw, d.r.statsLine(c, d.words, untracked), stStats)
	for _, l := range d.wrap(source, stSource, d.cw) {
		base += 4.6
		d.text(d.left, base, l, stSource)
	}
	for _, l := range d.wrap(rule, stNote, d.cw) {
		base += 4
		d.text(d.left, base, l, stNote)
	}
	d.y = base + 5
}

// alerts draws the alerts section, or the line none when there are none.
func (d *doc) alerts(as []report.Alert, none string) {
	if len(as) == 0 {
		d.heading("Alerts", stBody.lineH())
		d.line(none, stQuiet)
		return
	}
	d.headingAt(levelSection, "Alerts", alertLegend, stBody.lineH())
	mark := style{faceRegular, stBody.pt, colAccent}
	lh := stBody.lineH()
	for _, a := range as {
		for i, l := range d.bullet(clean(a.Message), stBody, d.cw) {
			d.need(lh)
			base := d.y + lh*0.5 + stBody.capH()*0.5
			if i == 0 { // the mark in the accent
				l = strings.TrimPrefix(l, markAlert)
				d.text(d.left, base, markAlert, mark)
				d.text(d.left+d.width(markAlert, mark), base, l, stBody)
			} else {
				d.text(d.left, base, l, stBody)
			}
			d.y += lh
		}
	}
}

// trendCharts draws the three 12-month charts: contacts and sales across the
// column, contacts per sale and value per contact side by side.
func (d *doc) trendCharts(ms []report.Month) error {
	const fullH, halfH, gap = 48.0, 48.0, 4.0
	d.heading("The last 12 months", fullH+gap+halfH) // the three charts stay together
	contacts := points(ms, func(m *report.Month) (float64, bool) { return float64(m.Contacts), true })
	closings := points(ms, func(m *report.Month) (float64, bool) { return float64(m.Closings), true })
	ratio := points(ms, func(m *report.Month) (float64, bool) { return m.ContactsPerClose.V, m.ContactsPerClose.OK })
	value := points(ms, func(m *report.Month) (float64, bool) {
		return m.ValuePerContact.V.Units(), m.ValuePerContact.OK
	})

	o := d.chartOptions(d.cw, fullH)
	png, err := charts.ContactsAndClosings(contacts, closings, o)
	if err != nil {
		return err
	}
	_, h := d.image("chart-contacts", png, d.left, d.y, o)
	d.y += h + gap

	hw := (d.cw - gap) / 2
	o1, o2 := d.chartOptions(hw, halfH), d.chartOptions(hw, halfH)
	png1, err := charts.ContactsPerClose(ratio, o1)
	if err != nil {
		return err
	}
	// No per-contact goal is in metrics.json, so no goal line.
	png2, err := charts.ValuePerContact(value, 0, o2)
	if err != nil {
		return err
	}
	d.chartPair("chart-ratio", png1, o1, "chart-value", png2, o2, 2)
	return nil
}

// chartPair draws two charts side by side, the first at the left margin
// and the second at the right, on a new page unless the first fits; after
// is the space left under them.
func (d *doc) chartPair(name1 string, png1 []byte, o1 charts.Options, name2 string, png2 []byte, o2 charts.Options, after float64) {
	_, h1 := o1.SizeMM()
	d.need(h1)
	d.image(name1, png1, d.left, d.y, o1)
	w2, _ := o2.SizeMM()
	d.image(name2, png2, d.right-w2, d.y, o2)
	d.y += h1 + after
}

// points turns 12 months into a chart series; a month without data, or
// whose value is undefined, is a gap.
func points(ms []report.Month, val func(m *report.Month) (float64, bool)) []charts.MonthPoint {
	out := make([]charts.MonthPoint, len(ms))
	for i := range ms {
		m := &ms[i]
		v, ok := val(m)
		out[i] = charts.MonthPoint{Label: m.Month, Value: v, Valid: ok && m.HasData}
	}
	return out
}
