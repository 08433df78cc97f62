// Package reader reads an inbox of sales exports into typed records.
//
// Every .xlsx, .xlsm, .csv and .tsv file under the inbox is opened and every
// sheet is classified by its header row — the first row, within the top 20,
// that maps the required fields of a kind (activities, deals, tallies,
// roster). Headers are mapped by the config's explicit mapping, then the
// presets of known trackers (Salesforce, HubSpot, Pipedrive, Zoho, Close),
// then generic synonyms: English (presets.go), then Spanish, Portuguese,
// French, German, Italian and Dutch, one file per language (lang_es.go …
// lang_nl.go; lang.go says how to add one). A language's own names
// (Vendedor, Betrag, Sluitingsdatum) are read in any header row; its names
// that are English words or mean something else in another language (Data,
// Phase, Commercial, Termine) only in a row that also holds one of its own
// names, so a row with none reads exactly as English. Rows then become
// Records:
//
//	Opportunity Owner | Stage      | Amount  | Close Date
//	Jane Doe          | Closed Won | 1200.50 | 2026-10-03
//
//	→ Record{Kind: deals, Rep: "Jane Doe", Outcome: OutcomeWon, Amount: 120050, Date: 2026-10-03}
//
// A deal's status word is won or lost by config's words.won and words.lost
// (and any word folding to closedwon…, closedlost…), open by words.open or a
// blank cell. A word in none of them is an open stage only when the status
// column is a stage column (the stage's own column, or a header naming a
// stage: Stage, Deal Stage, Etapa, Fase, Phase) and either the row's
// probability is above 0 and below 100 or the sheet's first rows (those
// held for the column decisions) hold a won and a lost word in it: CRM
// pipelines name their open stages freely, but a pipeline whose won and lost
// words are known has told repcard how it closes. Any other unknown word —
// in a status column (Pipedrive's Deal - Status, a home-made Status), or a
// stage at 0 or 100 % in a sheet without known won and lost words — leaves
// its row out as repcard.IssueUnknownStatus, and Batch.UnknownStatuses counts
// it: a foreign "Ganado" is never read as open in silence.
//
// An owner in words.no_owner (Unassigned, Inactive User, (none), -) leaves
// its row out as repcard.IssueNoOwner. An activity whose outcome or done
// cell is in words.no_contact (Cancelled, No show, Rescheduled) is kept with
// Record.NoContact: it did not take place, so it is no contact.
//
// An "<X> Owner" header is the rep column whatever X (Zoho names the owner
// after its module: Potential, Task, Event, Call). A header row of a rep, a
// date and an amount with no status or activity type is a sales log: deals,
// every row won. A roster-like or creation-dated sheet of leads or contacts
// (first/last name, lead status, company; reps repeated on many rows) is
// kind none (ReasonContactList), never a roster. A sheet of kind none with a
// rep or date column gets a config mapping of guesses in Input.Suggest.
//
// A grouped header is two rows: a band of group words (merged cells, or a
// word and blanks) over the real header. The row above a header is a band
// when it leaves the first column blank and holds at most half as many
// short labels as the header, each over a header cell; a group runs from
// its word to the next (merges are not read: the Rows iterator gives a
// merge's value in its first cell, and blanks are what a CSV band has
// too). The header word names its column unless the band qualifies it
// (band.go: "Total" under Revenue is the amount, "New" and "Existing" its
// parts, not read; "Contacts" or "Connected" under a phone band are calls
// that reached someone, counted before the dials, which stand in only on a
// row without them; appointments set on the phone are no meetings) or it
// is generic ("Amount", "Total", "New") under a band repcard does not know:
// then band and word are read together. A sheet with a config mapping is
// read by its header words alone.
//
// What a tracker computes is not an input (computed.go): a column whose
// header holds "%" or a word of a target, rate, average or variance (Target,
// Plan, Quota, Goal, Avg, Rate, Ratio, Variance, Var., Ach., Achievement,
// Conversion…), on its own or from its band, never feeds a count or an
// amount; it may feed a field that is no measure ("Probability (%)"), and
// a config mapping that names it is obeyed. A target is never a rep's goal:
// goals come from config goals: only.
//
// Inside a table, a total row is no data (Input.Skipped): "Total…",
// "Grand Total", "Subtotal" first (isTotalRow), a short first cell ending
// in total or subtotal ("Month total", "Sub-total"), a total word in the
// rep column, and a month's name alone on its row ("October", "Oct 2026"),
// a band label.
//
// A sheet of kind none may be a grid (grid.go): a home-made tracker with one
// row per rep and one column per month, week or day (or periods down and
// reps across), each cell one measure. It is recognised only after every
// kind failed, so no sheet a kind reads is ever taken for one, and only
// when a header row (or, transposed, the first columns below a header)
// holds at least 3 period labels of one kind, more than its other headers
// bar totals; the other axis at least 2 distinct names (one on the roster
// when there is a roster; without one, a rep header such as Rep or Sales
// rep, or names written like people's); and every cell of the head's body
// a number or blank, one at least filled. Decisions: a month is a tally
// dated the 1st of its month (tallies of a month are dated so; the report
// counts a tally in the month of its date); a week is dated by the day its
// label names (Week ending 10/09/2026, 5-Oct 7 days apart), an ISO week
// (W42, Week 42) by its Monday; a day by itself. A label with no year
// takes the previous label's, else the first 19xx/20xx in the title rows
// (nearest the header first), the sheet's name, the file's name; a month
// earlier than the one before it starts the next year (Nov, Dec, Jan), so
// bare months run oldest first. The measure is the first of those texts
// that names one: revenue words (or a currency sign) → Amount, calls,
// meetings, contacts → Contacts, sales, closings, wins → Closings (sales
// before activity, tracker, rep… names the template, not the measure).
// A tally's Type is the measure, so that a calls grid and a meetings grid
// in two files are not duplicates of each other. A grid with no measure or
// no year is kind none, NotReadSalesData, its reason saying how to name the
// sheet (config mappings cannot describe a grid). Input.Rows counts
// filled cells; a rep (or period) with none is skipped. Period labels
// are English; dates in them follow date_order, else the labels' own
// order, else month/day.
//
// A sheet of kind none may be one month of a workbook of month sheets
// (permonth.go), decided per workbook when it is classified: its header has
// a rep column, no date column, and a count, sales or revenue column (the
// tallies' names, then grid.go's measure words for the columns left:
// "Closed deals" are closings; computed columns never measures), and its
// name is a month (grid.go's month labels, or a month name in any language
// cell.ParseDate reads, with or without a four-digit year), else a title
// row above the header names a month followed by a year. Each row is a
// tally of its rep dated the 1st of the month (layout.sheetDate, in place
// of a date column). A month with no year takes the first year in the
// sheet's title rows, the other sheets' names, the other month sheets'
// title rows, then the file's name; with none the sheet is kind none,
// NotReadSalesData, its reason saying to put the year in the sheet name.
// Beside one month sheet or more, a sheet named Summary, Dashboard, Totals,
// Total, YTD, Overview, Annual (ReasonMonthTotals) or Instructions, Readme,
// Help is kind none, NotReadNotSalesData, whatever its header: its numbers
// are the months' again. A workbook with no month sheet is read as before.
//
// A per-rep sheet (perrep.go) is a tally sheet with no rep column whose
// rep is named in a header block above its table: a line of at most 4
// filled cells above the header (the first row of more ends the block)
// holding a rep label — the roster kind's rep names, English and every
// language's, less the manager names — and its value, after a colon in
// the same cell or in the next filled cell. The value goes through the
// roster; one the roster does not know is taken when written like a
// person's (two to four capitalised words: a single rep's own tracker),
// and a number or a date never. The block comes before the sheet's name
// and the file's name (Input.RepFrom "header block"); a config mapping's
// rep: wins over it. Its other lines (Manager, Monthly plan, Target,
// Month) are not read. Its rows are read as any tally sheet's: a day whose
// measures are all blank is no tally (skipped), a day of zeros a tally of
// 0; Input.Mapping names the layout ("per-rep sheet: Jane Doe (header
// block), days × 3 measures", the measures being the measure columns
// mapped). A date column of bare day numbers (Day | 1 | 2 …, every
// filled cell of the head an integer 1–31) takes its month from a month
// and year in the header block (Month: October 2026, a title October
// 2026), else the sheet's name, else the file's name (Omar - Oct 2026);
// with none the sheet is kind none (NotReadSalesData, its reason saying
// how to name the month), since read as they are the numbers would be
// Excel serials in January 1900. A day past the month's end (31 September
// in a 31-row template) is skipped when its measures are blank or 0, and
// left out as a bad date when it holds any other number.
//
// Rosters are read first, so that aliases and emails map to one rep and a
// sheet with no rep column can take its rep from its sheet or file name.
// A roster's "Manager email" column (field manager_email) is the address of
// the rep's manager, for a manager with no roster row of their own; it is
// never matched to a rep.
// A record seen in an earlier file (same id, or same content) is dropped as a
// duplicate, except a deal with an id when several files hold deals: its
// stage and amount change between exports, so the version of the newest
// export counts (the file whose newest won or lost deal is the latest; then
// the later path), and those deals are held until every sheet is read. When the
// version kept says the deal was won or lost and an older export has it open
// at a stage, that stage is Record.StageReached: the stage the deal reached
// before it was decided (a Salesforce export's Stage reads only "Closed
// Lost" once it is lost). A row that cannot be used is not an error: it becomes a
// repcard.Issue with its file, sheet, row, column, raw value, kind and
// detail (repcard.IssueKind says what went wrong), and the batch goes on.
//
// Every amount is in the report's currency (Batch.Currency; see currency.go).
// A converted-amount column (Salesforce "Amount (converted)", HubSpot
// "Amount in company currency", Dynamics "Est. Revenue (Base)") is used when
// the row has a value there, in the currency of its code column or, with
// none, the report's. Otherwise a row's currency column ("Amount Currency",
// "Currency", "Deal - Currency"…) says what its amount and commission are
// in; another currency is converted with config exchange_rates (exact cents,
// half away from zero) or the row is left out (IssueOtherCurrency). The
// report's currency is config's currency; when that is empty, the code most
// sampled rows carry in the first sheet, in reading order, whose currency
// column says what its amounts are in (settled before its rows are
// converted), else the first code read, else USD.
//
// Large sheets stream: xlsx through excelize's Rows iterator (sheet XML over
// the memory limit is unzipped to a temporary file), CSV through
// encoding/csv; records are handed to a callback one at a time and never
// held, but for those deals.
package reader
