package reader

import (
	"errors"
	"fmt"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
)

// issueError is an error that knows which issue it becomes: the sources
// return it for a file or sheet refused for a reason of its own (a limit
// passed, a file damaged, encrypted, or not what its name says), so that
// the issue has that kind rather than repcard.IssueUnreadable.
type issueError struct {
	kind   repcard.IssueKind
	detail string
}

func (e *issueError) Error() string { return repcard.Issue{Kind: e.kind, Detail: e.detail}.Reason() }

// issuef is the error of an issue of a kind whose detail is the whole
// explanation.
func issuef(kind repcard.IssueKind, format string, args ...any) *issueError {
	return &issueError{kind, fmt.Sprintf(format, args...)}
}

// overLimit is the error of a limit passed; the message names the limit's
// config key.
func overLimit(format string, args ...any) error {
	return issuef(repcard.IssueOverLimit, format, args...)
}

// in returns e with its detail, the whole explanation, said to be about
// where ("the shared strings", "worksheet xl/worksheets/sheet9.xml").
func (e *issueError) in(where string) *issueError {
	return &issueError{e.kind, where + ": " + e.detail}
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

// addIssue adds an issue, with its file, sheet and detail made visible, and
// returns it as added.
func (r *inboxReader) addIssue(is repcard.Issue) repcard.Issue {
	is.File, is.Sheet, is.Detail = untrusted.Visible(is.File), untrusted.Visible(is.Sheet), untrusted.Visible(is.Detail)
	r.batch.Issues = append(r.batch.Issues, is)
	return is
}

// addWarning adds a warning about a sheet's column, with its file and sheet
// made visible.
func (r *inboxReader) addWarning(p *sheetPlan, row int, column string, kind repcard.IssueKind, detail string) {
	r.batch.Warnings = append(r.batch.Warnings, repcard.Issue{File: untrusted.Visible(p.file), Sheet: untrusted.Visible(p.sheet), Row: row, Column: column, Kind: kind, Detail: detail})
}

// addInput adds the input of a sheet, with its file, sheet and reason made
// visible, and remembers its index in the plan.
func (r *inboxReader) addInput(p *sheetPlan, in repcard.Input) {
	in.File, in.Sheet, in.Reason = untrusted.Visible(p.file), untrusted.Visible(p.sheet), untrusted.Visible(in.Reason)
	p.input = len(r.batch.Inputs)
	r.batch.Inputs = append(r.batch.Inputs, in)
}
