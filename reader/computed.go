package reader

import (
	"strings"
	"unicode"
)

// What a tracker computes is not an input: a column of percentages, rates,
// averages, targets or variances ("Conversion %", "Ach. rate", "Target",
// "Var.", "Avg deal size") is never read as a count or an amount, whatever
// a loose fold of its name says ("Closed %" folds to "closed", a count of
// closings; "Revenue %" to "revenue", an amount). Such a column may still be
// read as something that is not a measure ("Probability (%)"), and a config
// mapping that names it is obeyed. A target is never a rep's goal: goals
// come from config goals:.

// computedMark is appended to the folded header of a computed column. The
// folded names of the tables never hold it (normHeader keeps letters and
// digits only), so a marked header matches only through sameHeader.
const computedMark = "%"

// computedWords are the words of a header that say its column is computed
// from the others, or a target set for them.
var computedWords = []string{
	"target", "targets", "plan", "quota", "quotas", "goal", "goals", "forecast", "budget",
	"avg", "average", "mean", "rate", "ratio", "variance", "var", "delta",
	"achievement", "ach", "attainment", "conversion", "conv", "pct", "percent", "percentage",
}

// computedHeader reports a header cell naming a computed column: it holds
// "%" or one of computedWords.
func computedHeader(s string) bool {
	if strings.Contains(s, "%") {
		return true
	}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		for _, c := range computedWords {
			if strings.EqualFold(w, c) {
				return true
			}
		}
	}
	return false
}

// markComputed returns norm, the folded cells of row, with the computed
// columns marked; norm itself when there are none.
func markComputed(row, norm []string) []string {
	var out []string
	for i, c := range row {
		if norm[i] == "" || !computedHeader(c) {
			continue
		}
		if out == nil {
			out = append([]string(nil), norm...)
		}
		out[i] += computedMark
	}
	if out == nil {
		return norm
	}
	return out
}

// measureFields are the counts and amounts a computed column never feeds.
var measureFields = [numFields]bool{
	fContacts: true, fCalls: true, fEmails: true, fMeetings: true, fVisits: true, fSocial: true,
	fClosings: true, fRejections: true, fReferralAsks: true, fAmount: true, fCommission: true,
	fConvertedAmount: true, fQuantity: true, fUnitPrice: true,
}

// sameHeader reports whether the folded header h is the table's name for
// field f: a computed column's header is one only for a field that is no
// measure.
func sameHeader(f field, h, name string) bool {
	if h == name {
		return true
	}
	x, ok := strings.CutSuffix(h, computedMark)
	return ok && !measureFields[f] && x == name
}
