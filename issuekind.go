package repcard

import "strings"

// IssueKind is what went wrong with a row, a sheet or a file. The comment on
// each kind says what its Issue's Detail holds, when it holds anything.
type IssueKind uint8

// The kinds of issue. The first ones leave one row out; the file and sheet
// kinds leave rows or whole files out; the warnings leave nothing out.
const (
	// IssueUnreadable is a file or sheet that the system would not let
	// repcard read, or not to its end: no permission, an I/O error. Detail
	// is the whole explanation, written by the reader.
	IssueUnreadable IssueKind = iota

	// Row issues.

	IssueNoRep               // the rep cell is blank, or only spaces and control characters
	IssueNoRepForSheet       // the sheet has no rep column and no rep of its own
	IssueNoDate              // an activity or tally row without a date
	IssueDecidedWithoutClose // a won or lost deal without a close date
	IssueBadDate             // Detail: the parser's message, or "" when it adds nothing to "unreadable date"
	IssueAmbiguousDate       // day and month could be either way round
	IssueDateOutOfRange      // a year outside 1900–2100
	IssueBadNumber           // Detail: the parser's message, or the range a value must be in
	IssueNegativeCount       // a count below zero
	IssueOtherCurrency       // Detail: the row's currency code (or the cell's currency as written), which is not the report's and has no exchange_rates entry
	IssueUnknownStatus       // Detail: the deal status word, as written, that no config word list (won, lost, open) holds
	IssueNoOwner             // Detail: the owner as written, a placeholder in words.no_owner (Unassigned, Inactive User)

	// File and sheet issues.

	IssueUnlistable        // Detail: the error of listing a folder entry
	IssueUnsupportedFormat // Detail: the extension, lower case with its dot (".xls")
	IssueEmptyFile         // a file of 0 bytes
	IssueWrongFormat       // Detail: the whole explanation: what the file is instead of what its name says (an .xls, .xlsb, web page, text, random bytes named .xlsx or .csv …)
	IssueEncrypted         // Detail: the whole explanation: a password-protected (encrypted) workbook
	IssueDamaged           // Detail: the whole explanation: a file or sheet cut short, a damaged zip or XML, a part or sheet the xlsx library cannot read
	IssueNoSheets          // a workbook without sheets
	IssueDuplicateSheet    // a second sheet of the same name
	IssueOnlyBlankLines    // a CSV file of blank lines only
	IssueVanished          // the file was moved or deleted after it was listed, before it could be read
	IssueChangedBeforeRead // the file changed between classifying it and reading its rows
	IssueChangedWhileRead  // the file changed while its rows were read
	IssueOverLimit         // Detail: the whole explanation, naming the limit (limits.max_…, or the bound when it is fixed)
	IssueOverTotalRows     // Detail: limits.max_total_rows; Row: the first row not read
	IssueAfterTotalRows    // Detail: limits.max_total_rows; a sheet not read at all
	IssueSheetNotRead      // Detail: why no kind fits (Input.Reason); a sheet that looks like sales data (Input.NotRead is NotReadSalesData) but was not read

	// Warnings: the rows were kept.

	IssueMixedDateOrder     // Detail: the order read, "month/day" or "day/month"
	IssueUndecidedDateOrder // a date column read as month/day for want of a clue
	IssueMixedDecimal       // Detail: the mark read, "decimal point" or "decimal comma"
	IssueUndecidedDecimal   // a number column read with a decimal point for want of a clue
	IssueUncachedFormulas   // Detail: how many formula cells were saved without a value
	IssueMissingGlyph       // Detail: the character the PDF fonts cannot print
	IssueNegativeWon        // a won deal whose amount is below zero, used as given

	// Left nothing out: a sheet with no sales data in it.

	IssueNotSalesData // Detail: why no kind fits (Input.Reason); an empty sheet, a line of text, a product or account list (Input.NotRead is NotReadNotSalesData)
	IssuePassedOver   // Detail: what the entry is ("symbolic link (not followed)", "named pipe"); an inbox entry that is no file to read

	issueKinds // the number of kinds
)

// Warning reports whether issues of kind k left nothing out of the numbers:
// they kept their rows, or (IssueNotSalesData) the sheet held no sales data
// to keep. They are written to data-issues.csv, not counted as left out, and
// change no exit code.
func (k IssueKind) Warning() bool {
	return k >= IssueMixedDateOrder && k < issueKinds
}

// String is the kind's name, for tests and debugging.
func (k IssueKind) String() string {
	if k < issueKinds {
		return issueKindNames[k]
	}
	return "IssueKind(?)"
}

// Code is the kind's stable name for scripts ('repcard check -json'): its
// String in snake_case, "no_rep", "bad_date". A name, once released, does
// not change.
func (k IssueKind) Code() string { return strings.ReplaceAll(k.String(), " ", "_") }

var issueKindNames = [issueKinds]string{
	"unreadable", "no rep", "no rep for sheet", "no date", "decided without close", "bad date",
	"ambiguous date", "date out of range", "bad number", "negative count", "other currency", "unknown status", "no owner", "unlistable",
	"unsupported format", "empty file", "wrong format", "encrypted", "damaged", "no sheets",
	"duplicate sheet", "only blank lines", "vanished", "changed before read", "changed while read",
	"over limit", "over total rows", "after total rows", "sheet not read", "mixed date order",
	"undecided date order", "mixed decimal", "undecided decimal", "uncached formulas", "missing glyph", "negative won",
	"not sales data", "passed over",
}
