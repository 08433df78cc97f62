package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// What a document calls the contacts it counts. A rep with no activity log
// counts decided deals (won + lost) as contacts: every place that prints
// the count, its ratio or its value says "decided deals", and the source
// note stands under the numbers, not in a footnote.
type contactWords struct {
	plural, one string // "contacts", "contact"
	decided     bool
}

var (
	wordsContacts = contactWords{"contacts", "contact", false}
	wordsDecided  = contactWords{"decided deals", "decided deal", true}
)

// capitalized is words with a capital first letter: "Contacts", "Decided
// deals".
func capitalized(words string) string {
	if words == "" {
		return ""
	}
	return strings.ToUpper(words[:1]) + words[1:]
}

// decidedNote is the source note of a headline counted from decided deals.
const decidedNote = "Counted from decided deals (won + lost): the data has no activity log, so contacts are not tracked."

// The marks of the summaries: a direction (Trend) and a judgement (an
// alert) never share a symbol.
const (
	markUp    = "↑"
	markDown  = "↓"
	markFlat  = "→"
	markAlert = "●" // worse than the 3-month average by an alert threshold
	// markDecided marks, in a summary, a rep whose contacts are decided deals.
	markDecided = "†"
)

// alertLegend explains markAlert where alerts are listed.
const alertLegend = markAlert + " worse than the 3-month average"

// trendLegend explains the Trend column's marks.
func trendLegend(w contactWords) string {
	return "Trend: value per " + w.one + ", last month against the 3-month average: " +
		markUp + " up 5 % or more · " + markDown + " down 5 % or more · " + markFlat + " within 5 %"
}

// repWords is what rep's report calls its contacts.
func repWords(rep *report.Rep) contactWords {
	if rep.Sources.Contacts == report.SourceDecided {
		return wordsDecided
	}
	return wordsContacts
}

// groupWords is what a summary calls its contacts: decided deals when
// every rep with contacts counts them from decided deals; decided is how
// many reps do.
func groupWords(reps []*report.Rep) (w contactWords, decided int) {
	logged := 0
	for _, rep := range reps {
		switch rep.Sources.Contacts {
		case report.SourceDecided:
			decided++
		case report.SourceActivities:
			logged++
		}
	}
	if decided > 0 && logged == 0 {
		return wordsDecided, decided
	}
	return wordsContacts, decided
}

// joinSentences joins two sentences, either of which may be empty.
func joinSentences(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// notTracked reports whether a rep has sales data but no contacts at all:
// tallies of sales or revenue only, and no deals to count instead.
func notTracked(rep *report.Rep) bool {
	return rep.Sources.Contacts == report.SourceNone && rep.Sources.Closings != report.SourceNone
}

// commissionRule says how commission was counted and where the rule comes
// from: "Commission: the data's commission where it has one, else 10 % of
// each won deal's amount (repcard's default: set commission: in
// config.yaml)".
func (r *Renderer) commissionRule(rate float64, perSale repcard.Money, from string) string {
	var parts []string
	if rate > 0 {
		parts = append(parts, strconv.FormatFloat(math.Round(rate*10000)/100, 'f', -1, 64)+" % of each won deal's amount")
	}
	if perSale > 0 {
		if rate > 0 {
			parts = append(parts, r.money(perSale)+" for a sale with no amount")
		} else {
			parts = append(parts, r.money(perSale)+" for each sale")
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "none (the rate is 0)")
	}
	return "Commission: the data's commission where it has one, else " + strings.Join(parts, ", ") + " (" + from + ")"
}

// noGoal is what a report says where no goal is set.
const noGoal = "No goal set — set goals in config.yaml"

// Where a commission rule comes from.
const (
	ruleDefault = "repcard's default: set commission: in config.yaml"
	ruleConfig  = "commission: in config.yaml"
	ruleOwn     = "your own rate: commission.reps in config.yaml"
)

// repRule is the commission rule of rep's report.
func (r *Renderer) repRule(rpt *report.Report, rep *report.Rep) string {
	from := ruleConfig
	switch {
	case rep.CommissionRate != rpt.Commission.Rate || rep.CommissionPerSale != rpt.Commission.PerSale:
		from = ruleOwn
	case rpt.Commission.Default:
		from = ruleDefault
	}
	return r.commissionRule(rep.CommissionRate, rep.CommissionPerSale, from)
}

// groupRule is the commission rule of a summary: the team's, and how many
// of its reps have their own.
func (r *Renderer) groupRule(rpt *report.Report, reps []*report.Rep) string {
	own := 0
	for _, rep := range reps {
		if rep.CommissionRate != rpt.Commission.Rate || rep.CommissionPerSale != rpt.Commission.PerSale {
			own++
		}
	}
	from := ruleConfig
	switch {
	case own > 0:
		from = ruleConfig + "; " + count(own, "rep has", "reps have") + " their own rate"
	case rpt.Commission.Default:
		from = ruleDefault
	}
	return r.commissionRule(rpt.Commission.Rate, rpt.Commission.PerSale, from)
}
