// Package pdf lays out repcard's PDFs: the rep coaching report, its
// self-review edition, one manager's team summary and the whole team's
// summary (REPORT-LAYOUT.md). It prints from a *report.Report, draws the
// charts with package charts and every number through internal/format.
//
//	r, err := pdf.New(pdf.Options{PageSize: cfg.PageSize, Currency: cfg.Currency, ExtraFont: font})
//	err = r.Rep(w, rpt, &rpt.Reps[i], paragraphs) // reps/<slug>.pdf
//	err = r.SelfReview(w, rpt, &rpt.Reps[i], paragraphs)
//	err = r.Manager(w, rpt, &rpt.Managers[j])     // managers/<slug>.pdf
//	err = r.Team(w, rpt)                          // team.pdf
//	for _, c := range r.Missing(name) { … }       // one data issue per character no font has
//
// One Renderer serves every goroutine of a run; each call builds its own
// document.
//
// # Pages
//
// Rep report: page 1 is the month in one look: the name, period and team;
// "Each “no” was worth $48.20" and the counts under it (with a note when
// contacts come from decided deals), then the commission rule applied ("…
// else 10 % of each won deal's amount (repcard's default: set commission:
// in config.yaml)"); the goal and year-to-date boxes, or
// "No goal set — set goals in config.yaml" in one quiet line; "Last month and this": the last two
// months' contacts, sales and value per contact, and the rep's own place
// on value per contact among the team's reps ("#4 of 10, up 2", from
// metrics.json's rank; never another rep's name), left out when neither
// month has data; the alerts; the three 12-month charts (contacts and
// sales, contacts per sale, value per contact); the coaching paragraphs.
// Page 2 is learning from the nos: the loss-reasons chart and the top
// reason in the rep's control; referral asks; follow-ups due (10, oldest
// first, each with the date it fell due and why: "90 days after the no");
// vague maybes gone quiet (8); near misses (6) with how far each got: the
// stage reached, else its probability ("90 % likely"), else "stage not
// recorded" — never the status word "Closed Lost"; wins (8, largest first)
// with the records, less a best month or a streak the coaching already
// told (Paragraph.Rule), so that each is said once. A capped table ends
// with "and N more in team.xlsx" (the workbook written next to the PDFs,
// with every row of every list), so the report has 2 to 4 pages. The
// self-review edition has page 1, then one worksheet page for each of the
// ten largest losses of the period, largest first (the six questions, with
// as many lines to write on as the page holds; equal amounts oldest first,
// losses with no amount last; the rest listed in a table), then "My plan
// for <next month>": the follow-ups with tick boxes and lines to write on.
// Its words suit a rep who keeps the pages or goes through them with a
// manager.
//
// Contacts that are decided deals (a rep with no activity log) are called
// so wherever they print: "Each decided deal was worth $150.00", "4
// decided deals · 3 sales · 1 sale every 1.3 decided deals", the charts'
// titles, a summary's table heads; the source note stands right under the
// numbers, in the body's colour. A summary mixing such reps with logged
// ones marks their contacts with † and says so under the headline and the
// table. A measure the data does not record is "not tracked": referral
// asks with no referral column, contacts of a tracker of sales alone (a
// dash in a summary's Contacts column, with a note).
//
// A per cent prints beside the figure it is of: the year to date is
// "$53,035 of $50,000 · 106 %", the goal due so far, with "year goal
// $60,000" under it; the bar is the year's goal, its tick what is due.
//
// Marks have one meaning each: ↑ ↓ → in the Trend column are the
// direction of value per contact (±5 %), ● marks an alert (worse than the
// 3-month average); each has a one-line legend where it is printed.
//
// Manager and team summaries: the group's headline, goal and alerts; one
// row per rep sorted by value per contact (undefined last), with a totals
// row, the head repeated on every page the table runs onto, with last
// month's value per contact and how many places the rep moved on value per
// contact since last month ("▲3", "▼1", "=", "new"; for a month the rows
// are already in place order; for a quarter or a year the columns name the
// month compared with);
// "talk to first"; the distribution of contacts per sale across reps, the
// reps at its two ends named in the chart; the group's
// 12-month charts; the wins. What REPORT-LAYOUT.md sketches as page 2
// follows the table on the same page when it fits.
//
// "Talk to first" lists the reps with alerts, ordered by money at stake:
// how far the last month's commission fell below the mean of the three
// months before it (from monthly in metrics.json; 0 when it did not fall),
// then by the rep's commission, then by name. Only the alerts and the
// commission are printed: the drop orders the list, it is not a number of
// metrics.json.
//
// Weekly cards (weekly.go), for the report of an ISO week: one page per
// rep — the masthead with the week's days; the headline; the week against
// the 4 weeks before (value per contact, contacts per sale, contacts); the
// alerts; 12 weeks of contacts per sale beside contacts by day of the week;
// the week's wins (5) and the follow-ups due by the end of next week (6),
// each cut to what the page holds, the longer list first, with "and N
// more in team.xlsx"; one coaching line: the first paragraph's title and
// its first sentence, at most 3 lines. The weekly team card (team.pdf, and
// each manager's) is one page: the headline, the alerts and the reps by
// value per contact with last week's value and the change, as many as the
// page holds, then the totals; reps whose contacts are tallied by the
// month are named under it. Only reps with a row in the week get a card;
// a week has no self-review edition.
//
// Every page has a footer: the period and name, "page n of m" and "numbers
// in metrics.json". The footers are drawn when the document is complete,
// with the page count known, rather than with gofpdf's AliasNbPages: the
// alias is measured as "{nb}", which would misplace the centred page
// number.
//
// # Text
//
// Spreadsheet text is cleaned before it is laid out: control characters,
// bidi controls and the byte-order mark removed, white space collapsed
// (internal/untrusted, the rule the reader and the output files share).
// Text that does not fit its cell is cut with "…", measured with the fonts'
// own widths, never drawn over its neighbour.
//
// # Fonts
//
// The Go fonts (Regular, Bold, Italic) are embedded, so Latin, Greek and
// Cyrillic print. Their hyphen-minus is drawn with their own text-hyphen
// glyph (internal/gofonts): the Go fonts' is a minus as wide as "+", so
// "Mei-Mei" read as "Mei–Mei"; the character stays U+002D, and a minus in
// a figure is U+2212. Options.ExtraFont, a TrueType font, is the fallback for
// characters they lack, drawn run by run. A character no font has prints
// as □, and Missing reports it. A currency sign no font has (₹ without an
// extra font) prints as the currency code.
//
// gofpdf parses a UTF-8 font again in every document and keeps the parsed
// state in unexported fields that Output changes, so it cannot be shared
// between documents. Measured here (BenchmarkFonts, one page, one line per
// face): an empty document 1.2 ms; with Regular 8.7 ms and 6.2 MB
// allocated; Regular and Bold 13.5 ms and 10.8 MB; all three 18 ms. The
// cost is gofpdf's and does not depend on the font: a JSON hash of a
// 65,536-entry width table when a font is added, and on Output the font
// parsed again, subset and compressed with a 128 kB CID map. What can be
// done once is done in New (about 3 ms): the character map and widths of
// each font, read with sfnt, so that a document measures and splits text
// without asking gofpdf and registers a face only when a page draws with
// it. The reports draw with Regular and Bold only: about 12 ms of a rep
// report's 50 ms (BenchmarkRep; its four charts take about 34 ms); Italic
// and the extra font cost nothing unless drawn. Each document embeds its
// own copy of the font bytes: gofpdf pads tables in place while
// subsetting (jung-kurt/gofpdf#316, go-pdf/fpdf#37), which races when
// documents share one slice.
//
// # Determinism
//
// The same report gives the same bytes: the creation and modification
// dates are the period end, never the clock; the catalog is sorted; images
// are registered under fixed names. gofpdf v1.16.2 sorts images by pixel
// width alone, so two images of equal width would come out in map order:
// each chart of a document gets its own width, a pixel or two narrower
// when needed (a tenth of a millimetre).
package pdf
