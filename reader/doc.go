// Package reader reads an inbox of sales exports into typed records.
//
// Every .xlsx, .xlsm, .csv and .tsv file under the inbox is opened and every
// sheet is classified by its header row — the first row, within the top 20,
// that maps the required fields of a kind (activities, deals, tallies,
// roster). Headers are mapped by the config's explicit mapping, then the
// presets of known trackers (Salesforce, HubSpot, Pipedrive, Zoho, Close),
// then generic synonyms. Rows then become Records:
//
//	Opportunity Owner | Stage      | Amount  | Close Date
//	Jane Doe          | Closed Won | 1200.50 | 2026-10-03
//
//	→ Record{Kind: deals, Rep: "Jane Doe", Outcome: OutcomeWon, Amount: 120050, Date: 2026-10-03}
//
// An "<X> Owner" header is the rep column whatever X (Zoho names the owner
// after its module: Potential, Task, Event, Call). A header row of a rep, a
// date and an amount with no status or activity type is a sales log: deals,
// every row won. A roster-like or creation-dated sheet of leads or contacts
// (first/last name, lead status, company; reps repeated on many rows) is
// kind none (ReasonContactList), never a roster. A sheet of kind none with a
// rep or date column gets a config mapping of guesses in Input.Suggest.
//
// Rosters are read first, so that aliases and emails map to one rep and a
// sheet with no rep column can take its rep from its sheet or file name.
// A record seen in an earlier file (same id, or same content) is dropped as a
// duplicate, except a deal with an id when several files hold deals: its
// stage and amount change between exports, so the version of the newest
// export counts (the file whose newest won or lost deal is the latest; then
// the later path), and those deals are held until every sheet is read. A row that cannot be used is not an error: it becomes a
// repcard.Issue with its file, sheet, row, column, raw value, kind and
// detail (repcard.IssueKind says what went wrong), and the batch goes on.
//
// Large sheets stream: xlsx through excelize's Rows iterator (sheet XML over
// the memory limit is unzipped to a temporary file), CSV through
// encoding/csv; records are handed to a callback one at a time and never
// held, but for those deals.
package reader
