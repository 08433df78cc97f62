package reader

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
)

// issueError is an error that knows which issue it becomes: the sources
// return it for a limit passed, so that the issue is of kind
// repcard.IssueOverLimit rather than repcard.IssueUnreadable.
type issueError struct {
	kind   repcard.IssueKind
	detail string
}

func (e *issueError) Error() string { return repcard.Issue{Kind: e.kind, Detail: e.detail}.Reason() }

// overLimit is the error of a limit passed; the message names the limit's
// config key.
func overLimit(format string, args ...any) error {
	return &issueError{repcard.IssueOverLimit, fmt.Sprintf(format, args...)}
}

// issueOf says which issue err becomes: its kind and detail.
func issueOf(err error) (repcard.IssueKind, string) {
	var ie *issueError
	var tr *tooManyRowsError
	switch {
	case errors.As(err, &ie):
		return ie.kind, ie.detail
	case errors.As(err, &tr):
		return repcard.IssueOverLimit, err.Error()
	}
	return repcard.IssueUnreadable, err.Error()
}

// fileIssue adds an issue about a whole file (sheet "") or sheet, and
// returns it as added.
func (r *inboxReader) fileIssue(file, sheet string, kind repcard.IssueKind, detail string) repcard.Issue {
	return r.addIssue(repcard.Issue{File: file, Sheet: sheet, Kind: kind, Detail: detail})
}

// errorIssue adds the issue that err becomes, about a whole file or sheet,
// and returns it as added.
func (r *inboxReader) errorIssue(file, sheet string, err error) repcard.Issue {
	kind, detail := issueOf(err)
	return r.fileIssue(file, sheet, kind, detail)
}

// addIssue adds an issue, with its file, sheet and detail as shown, and
// returns it as added.
func (r *inboxReader) addIssue(is repcard.Issue) repcard.Issue {
	is.File, is.Sheet, is.Detail = shown(is.File), shown(is.Sheet), shown(is.Detail)
	r.batch.Issues = append(r.batch.Issues, is)
	return is
}

// addWarning adds a warning about a sheet's column, with its file and sheet
// as shown.
func (r *inboxReader) addWarning(p *sheetPlan, row int, column string, kind repcard.IssueKind, detail string) {
	r.batch.Warnings = append(r.batch.Warnings, repcard.Issue{File: shown(p.file), Sheet: shown(p.sheet), Row: row, Column: column, Kind: kind, Detail: detail})
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
