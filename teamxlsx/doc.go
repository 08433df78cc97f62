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
// the value a share: 0.964). Dates are dates (yyyy-mm-dd; a date before
// 1900, which a workbook cannot hold, is its text). An undefined value (no
// sale, no goal, no amount, no date) is an empty cell, never 0. Text from
// the spreadsheets is made one clean line (internal/untrusted); every text
// cell is an inline string, never a formula, XML-escaped, with the
// workbook's own escape _xHHHH_ escaped in turn (so "_x0041_" reads back as
// itself, not "A"), U+FFFD for what XML 1.0 cannot hold (U+FFFE, U+FFFF),
// and cut at 32,767 UTF-16 units, a cell's limit.
//
// # Bytes
//
// The same report and issues give the same bytes. The document properties
// carry the report's last day (the period's end, or the data's when the
// period is to date) as created and modified, not the time of the run.
//
// The package writes the SpreadsheetML itself (parts.go, xml.go) rather
// than through a spreadsheet library: a library's model of the workbook
// (excelize's StreamWriter: a buffer and temporary file per sheet, a cell
// value boxed in an interface, the whole archive rebuilt on save) cost about
// 4 s of CPU and 50 MB of peak memory on a million-row month; this writer
// takes 0.5 s and no memory that shows in the run's peak. Each sheet is streamed row by row, through
// one reused row buffer, straight into the archive (zip.go), compressed at
// flate's best speed as it goes: memory is one row and the compressor's
// state, whatever the number of rows. The parts come in one fixed order
// with no modification time: the content types, the relationships, the
// document properties, the styles, the seven sheets, and last the workbook,
// whose _xlnm._FilterDatabase names (one per sheet, as Excel writes them)
// hold each filter's range, known once the sheet is written.
//
// In this package only the tests import excelize, to read the workbook
// back; the stages before it (report, pdf, output) import no spreadsheet
// library.
package teamxlsx
