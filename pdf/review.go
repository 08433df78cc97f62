package pdf

import (
	"cmp"
	"slices"
	"strings"

	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// loss is one lost deal of the period, as the self-review lists it. Its
// fields are those of report.Loss, so that a report.Loss converts to it.
type loss struct {
	Prospect     string
	Date         report.Day
	Amount       report.NullMoney
	Reason       string
	Category     string
	Controllable bool
	Stage        string
}

// lossesOf returns the period's losses of a rep in the order the
// self-review takes them: largest amount first (no amount last), then
// oldest, then by prospect. The worksheet pages go to the largest.
func lossesOf(rep *report.Rep) []loss {
	out := make([]loss, 0, len(rep.Losses))
	for _, l := range rep.Losses {
		out = append(out, loss{Prospect: l.Prospect, Date: l.Date, Amount: l.Amount, Reason: l.Reason,
			Category: l.Category, Controllable: l.Controllable, Stage: l.Stage})
	}
	slices.SortStableFunc(out, func(a, b loss) int {
		if a.Amount.OK != b.Amount.OK {
			if a.Amount.OK {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Amount.V, a.Amount.V), cmp.Compare(a.Date, b.Date), strings.Compare(a.Prospect, b.Prospect))
	})
	return out
}

// Self-review caps: worksheet pages for the first maxReviewLoss losses, the
// rest listed in a table; the first maxPlanFollows follow-ups on the plan
// page, the rest counted.
const (
	maxReviewLoss  = 10
	maxPlanFollows = 12
)

// The six questions of the self-review, one block per loss.
var reviewQuestions = []string{
	"Was I talking to the right decision maker?",
	"Did I understand their problem?",
	"Did my proposal meet their needs?",
	"Did I know who I was competing with?",
	"Did I offer enough value?",
	"Do I understand the real reason for the no?",
}

const (
	ruleGap  = 7.0 // between lines to write on: room for handwriting
	minLines = 2   // lines per question, at least
	maxLines = 5
)

// reviewPages draws a worksheet page for each loss, then the plan page.
func (r *Renderer) reviewPages(d *doc, rep *report.Rep) {
	losses := lossesOf(rep)
	// A new page, unless page 1 ran onto this one and left it mostly
	// empty: the first loss then takes the rest of it, with fewer lines to
	// write on.
	if d.f.PageNo() == 1 || d.y > (d.top()+d.bottom)/2 {
		d.addPage()
	}
	d.heading("Learning from each loss", 20)
	if len(losses) == 0 {
		d.line("No losses in "+d.pe.title+": nothing to review this time.", stQuiet)
	} else {
		d.para(reviewIntro(d.pe.title, len(losses)), stSecond)
	}
	shown := losses[:min(len(losses), maxReviewLoss)]
	for i := range shown {
		if i > 0 {
			d.addPage()
		}
		d.lossBlock(&shown[i], i+1, len(losses))
	}
	if rest := losses[len(shown):]; len(rest) > 0 {
		rows := make([][]cell, len(rest))
		for i, l := range rest {
			rows[i] = []cell{{s: clean(l.Prospect)}, {s: day(l.Date)}, {s: orDash(clean(l.Reason))}, {s: d.r.nullMoneyWhole(l.Amount)}}
		}
		d.section(section{
			title: "Other losses", note: "smaller; the same six questions apply",
			t: &table{rowH: 5.6, cols: d.scale([]column{
				{"Prospect", 70, 'L'}, {"Lost on", 26, 'L'}, {"Reason", 56, 'L'}, {"Amount", 28, 'R'},
			})},
			rows: rows, total: len(rows),
		})
	}
	d.planPage(rep)
}

// reviewIntro is the line above the worksheets: which nos they take, and
// what the pages are for, worded for a rep who may share them with a
// manager or keep them.
func reviewIntro(period string, n int) string {
	which := "For each no of " + period
	if n > maxReviewLoss {
		which = "For the " + format.Int(maxReviewLoss) + " largest of the " + format.Int(n) + " nos of " + period
	}
	return which + ", answer the six questions in a sentence or two. " +
		"The pages are yours: honest answers help most, whether you keep them or go through them with your manager."
}

// lossBlock draws one loss and its six questions, with as many lines to
// write on as the rest of the page allows.
func (d *doc) lossBlock(l *loss, n, of int) {
	const head = 15.0
	qText := stBody.lineH()
	d.space(4)
	lines := int(((d.bottom-d.y-head)/float64(len(reviewQuestions)) - qText - 2) / ruleGap)
	lines = max(min(lines, maxLines), minLines)
	// Head: number and prospect, amount on the right, then the facts.
	d.need(head + qText + float64(lines)*ruleGap)
	d.hline(d.left, d.right, d.y, colInk, 0.4)
	base := d.y + 6
	amt := d.r.nullMoneyWhole(l.Amount)
	aw := d.width(amt, stH2)
	d.textR(d.right, base, amt, stH2)
	x := d.text(d.left, base, "Loss "+format.Int(n)+" of "+format.Int(of)+"   ", style{faceBold, 9, colAccent})
	prospect := clean(l.Prospect)
	if prospect == "" {
		prospect = "(no prospect named)"
	}
	d.textFit(x, base, d.right-aw-4-x, prospect, stH2)
	reason := clean(l.Reason)
	switch {
	case reason == "":
		reason = "no reason given"
	case l.Category == "":
		reason = "“" + reason + "”"
	case l.Controllable:
		reason = "“" + reason + "”, in your control"
	default:
		reason = "“" + reason + "”, not in your control"
	}
	facts := joinNonEmpty("lost on "+day(l.Date), "reason: "+reason, ifs(clean(l.Stage) != "", "stage: "+clean(l.Stage)))
	d.textFit(d.left, base+5.6, d.cw, facts, style{faceRegular, 9, colText})
	d.y += head
	for i, q := range reviewQuestions {
		d.need(qText + float64(lines)*ruleGap)
		qb := d.y + qText*0.5 + stBody.capH()*0.5
		x := d.text(d.left, qb, format.Int(i+1)+". ", stCellMute)
		d.textFit(x, qb, d.right-x, q, stBody)
		d.y += qText - 1.5
		for range lines {
			d.y += ruleGap
			d.hline(d.left+5, d.right, d.y, colRule, 0.2)
		}
		d.y += 2
	}
}

// planPage is the last page: the follow-ups to make and lines to plan on.
func (d *doc) planPage(rep *report.Rep) {
	d.addPage()
	d.heading("My plan for "+d.pe.next(), 20)
	total := max(rep.FollowUpsDueCount, len(rep.FollowUpsDue))
	d.subheading("Follow-ups to make", noteCount(total, "tick them off as you go"), 8)
	if total == 0 {
		d.line("No follow-ups due.", stQuiet)
	}
	shown := rep.FollowUpsDue[:min(len(rep.FollowUpsDue), maxPlanFollows)]
	lh := 6.2
	for _, f := range shown {
		d.need(lh)
		base := d.y + lh*0.5 + stBody.capH()*0.5
		d.f.SetDrawColor(colMuted.r, colMuted.g, colMuted.b)
		d.f.SetLineWidth(0.25)
		d.f.Rect(d.left, base-2.9, 3.2, 3.2, "D")
		x := d.left + 6
		facts := joinNonEmpty("said no on "+day(f.Date), clean(f.Reason))
		fw := d.width(facts, stNote)
		fw = min(fw, d.cw*0.5)
		d.textFit(x, base, d.right-x-fw-4, clean(f.Prospect), stBody)
		d.textFit(d.right-fw, base, fw, facts, stNote)
		d.y += lh
		d.hline(x, d.right, d.y, colHair, 0.2)
	}
	d.more(total-len(shown), "")
	d.subheading("Goals and actions", "what I will do differently, and by when", 4*ruleGap)
	n := int((d.bottom - d.y) / ruleGap)
	d.ruledLines(n, ruleGap)
}
