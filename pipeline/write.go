package pipeline

import (
	"context"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/pdf"
)

// carryOver are the files and folders of a period folder that no run
// writes but that belong to the period: the delivery ledger and the outbox
// of send. Each run's new set takes them over from the set it replaces.
var carryOver = []string{"deliveries.csv", "outbox"}

// keepOf says which files of the period folder a run's new set takes over:
// the carryOver ones; with -rep (filtered), also every file the run does
// not write anew, since it updates only some reps' reports.
func keepOf(filtered bool) func(rel string) bool {
	if filtered {
		return func(string) bool { return true }
	}
	return func(rel string) bool {
		top, _, _ := strings.Cut(rel, "/")
		return slices.Contains(carryOver, top)
	}
}

// write writes res's outputs — metrics.json, team.xlsx, then the PDFs,
// then data-issues.csv — into a staging folder beside res.Dir, takes over the
// files of the period that are not outputs (keepOf), and swaps the staging
// folder into res.Dir's place (output.Stage): the period folder holds the
// previous run's whole set until then, and this run's whole set after.
// While it writes, res.Dir is the staging folder, so that every output
// written from res.Dir lands in the set. The coaching text is worked out
// from the whole report before its long lists are cut to what the PDFs
// print. A failure is a *WriteError; the staging folder is removed then
// and the period folder is as it was. The caller holds the out folder's
// lock.
func (p *Pipeline) write(ctx context.Context, res *Result, selfReview bool, workers int, prog Progress) (err error) {
	final := res.Dir
	fail := func(err error) error { return &WriteError{Dir: final, Written: res.Written, Err: err} }
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	st, err := output.NewStage(final)
	if err != nil {
		return fail(err)
	}
	res.Dir = st.Dir
	defer func() {
		res.Dir = final
		if err != nil {
			st.Discard()
		}
	}()
	// The batch may serve the reports of several periods (Watch): the
	// warnings about this report's glyphs are its own.
	rd := p.rd.forCurrency(res.Report.Currency) // the reader may have settled it from the data
	glyphs := rd.glyphWarnings(res.Report)
	docs, err := rd.documents(res, selfReview, !res.filtered)
	if err != nil {
		return fail(err)
	}
	if err := st.WriteFile(filepath.Join(res.Dir, "metrics.json"), res.Report.WriteJSON); err != nil {
		return fail(err)
	}
	res.Written++
	issues := res.Batch.IssueRows(glyphs...)
	if err := writeTeamXLSX(res, issues, st.WriteFile); err != nil {
		return fail(err)
	}
	// The PDFs print the first few of each list; the rest is in
	// metrics.json and team.xlsx and need not be held while rendering.
	res.Report.Shorten(pdf.ListRows)
	prog.Phase("rendering", len(docs))
	n, err := writeAll(ctx, docs, workers, prog, st.WriteFile)
	res.PDFs += n
	res.Written += n
	if err != nil {
		return fail(err)
	}
	if err := st.WriteFile(res.IssuesPath(), func(w io.Writer) error {
		// A byte-order mark, so that Excel shows names with accents right.
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return output.WriteIssuesCSV(w, issues)
	}); err != nil {
		return fail(err)
	}
	res.Written++
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := st.CarryOver(keepOf(res.filtered)); err != nil {
		return fail(err)
	}
	if err := st.Commit(); err != nil {
		return fail(err)
	}
	return nil
}
