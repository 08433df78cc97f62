package pipeline

import (
	"context"
	"io"
	"path/filepath"

	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/pdf"
)

// write writes res's outputs: metrics.json, team.xlsx, then the PDFs, then
// data-issues.csv, each atomically, after removing the temp files a killed
// run left behind. The coaching text is worked out from the whole report
// before its long lists are cut to what the PDFs print. A failure is a
// *WriteError that counts what was written before it.
func (p *Pipeline) write(ctx context.Context, res *Result, selfReview bool, workers int, prog Progress) error {
	fail := func(err error) error { return &WriteError{Dir: res.Dir, Written: res.Written, Err: err} }
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if _, err := output.CleanTemp(res.Dir); err != nil {
		return fail(err)
	}
	// The batch may serve the reports of several periods (Watch): the
	// warnings about this report's glyphs are its own.
	rd := p.rd.forCurrency(res.Report.Currency) // the reader may have settled it from the data
	glyphs := rd.glyphWarnings(res.Report)
	docs, err := rd.documents(res, selfReview, !res.filtered)
	if err != nil {
		return fail(err)
	}
	if err := output.WriteFile(filepath.Join(res.Dir, "metrics.json"), res.Report.WriteJSON); err != nil {
		return fail(err)
	}
	res.Written++
	issues := res.Batch.IssueRows(glyphs...)
	if err := writeTeamXLSX(res, issues); err != nil {
		return fail(err)
	}
	// The PDFs print the first few of each list; the rest is in
	// metrics.json and team.xlsx and need not be held while rendering.
	res.Report.Shorten(pdf.ListRows)
	prog.Phase("rendering", len(docs))
	n, err := writeAll(ctx, docs, workers, prog)
	res.PDFs += n
	res.Written += n
	if err != nil {
		return fail(err)
	}
	if err := output.WriteFile(res.IssuesPath(), func(w io.Writer) error {
		// A byte-order mark, so that Excel shows names with accents right.
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return output.WriteIssuesCSV(w, issues)
	}); err != nil {
		return fail(err)
	}
	res.Written++
	return nil
}
