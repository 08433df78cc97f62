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
