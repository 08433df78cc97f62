// Package teamxlsx writes team.xlsx: every list of a period's report as a
// workbook a manager can sort and filter, where a PDF prints the first few
// rows and says "and 64 more in team.xlsx".
//
//	err := output.WriteFile(filepath.Join(dir, "team.xlsx"), func(w io.Writer) error {
//		return teamxlsx.Write(w, rpt, batch.IssueRows(glyphs...))
//	})
//
// # Sheets
//
// In this order, each with its header row frozen and an autofilter over
// the header and every row:
//
//   - Leaderboard: one row per rep with the team summary's columns (and the
//     rep's manager and office), in its order — value per contact, highest
//     first, undefined last; then commission, then name — and, below an
//     empty row outside the filter, the team's totals ("All reps"; alerts
//     summed).
//   - Wins, Follow-ups due, Stale maybes (vague maybes and open deals gone
//     quiet), Near misses, Losses (every explicit no with a prospect, its
//     reason, category and whether it was in the rep's control: "yes",
//     "no", or empty when no reason was given): every
//     entry of every rep, rep and manager first. Reps come in the report's
//     order (byte order of name), each rep's entries in the order of the
//     rep's PDF, so a filter on one rep shows what the PDF lists and the
//     rows it left out.
//   - Data issues: the rows of data-issues.csv, in its order, cleaned and
//     cut as there, but with the row as a number and no quote before a
//     value that starts like a formula: a text cell of a workbook is never
//     evaluated.
//
// Every row is written. A list longer than a sheet holds (1,048,576 rows)
// ends in a row saying how many more are in metrics.json (data-issues.csv
// for the data issues).
//
// # Cells
//
// Numbers are numbers, with number formats: counts #,##0; money with the
// report's currency symbol as the PDFs print it ("$"#,##0.00); contacts per
// sale 0.0; goal attainment and a near miss's probability as per cent (0%,
// the value a share: 0.964). Dates are dates (yyyy-mm-dd). An undefined
// value (no sale, no goal, no amount, no date) is an empty cell, never 0.
// Text from the spreadsheets is made one clean line (internal/untrusted).
//
// # Bytes
//
// The same report and issues give the same bytes. The document properties
// carry the report's last day (the period's end, or the data's when the
// period is to date) as created and modified, not the time of the run. The
// archive is written by a ZIP writer of this package that orders the parts
// by name and stamps no times: excelize adds streamed sheets in the order
// of a Go map. Rows are streamed (excelize's StreamWriter, which spills to
// a temporary file past 16 MB but keeps that buffer, 16 to 32 MB, for each
// such sheet until the save); the archive's parts are held compressed in
// memory, then written to w in one pass, not through excelize's buffer.
//
// The package imports excelize; the stages before it (report, pdf, output)
// do not, so only reading and this writer depend on a spreadsheet library.
package teamxlsx
