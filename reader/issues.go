package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
)

func (r *inboxReader) fileIssue(file, sheet, reason string) {
	r.addIssue(repcard.Issue{File: file, Sheet: sheet, Reason: reason})
}

// addIssue adds an issue, with its file, sheet and reason as shown.
func (r *inboxReader) addIssue(is repcard.Issue) {
	is.File, is.Sheet, is.Reason = shown(is.File), shown(is.Sheet), shown(is.Reason)
	r.batch.Issues = append(r.batch.Issues, is)
}

// shown is a file or sheet name, or a reason, as repcard shows it: bytes
// that are not UTF-8, control characters (C0, DEL, C1) and the invisible
// bidi controls become U+FFFD, so that a name cannot drive a terminal
// ('repcard check' prints them) or hide what it says. Files are still
// opened by their real names.
func shown(s string) string {
	clean := utf8.ValidString(s)
	for _, c := range s {
		if clean && (unicode.IsControl(c) || untrusted.IsBidiControl(c)) {
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) || untrusted.IsBidiControl(c) {
			return utf8.RuneError
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func (r *inboxReader) addInput(p *sheetPlan, in repcard.Input) {
	in.File, in.Sheet, in.Reason = shown(p.file), shown(p.sheet), shown(in.Reason)
	p.input = len(r.batch.Inputs)
	r.batch.Inputs = append(r.batch.Inputs, in)
}
