package repcard

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Issue is one row or file that was left out, and why; or, for a kind whose
// Warning method is true, something doubtful about rows that were kept. A
// file that could not be read at all has Row 0. Issues are data, not errors:
// they are collected, written to data-issues.csv, and the batch goes on.
//
// What went wrong is Kind; Detail is the specific part the kind's sentence
// needs (a parser's message, a limit, the text of an error). Reason makes
// the sentence a person reads.
type Issue struct {
	File   string
	Sheet  string
	Row    int
	Column string
	Raw    string
	Kind   IssueKind
	Detail string
}

// String is the issue on one line, as 'repcard check' prints it: where, the
// reason, and the raw value.
func (i Issue) String() string {
	var b strings.Builder
	b.WriteString(i.File)
	if i.Sheet != "" {
		fmt.Fprintf(&b, " [%s]", i.Sheet)
	}
	if i.Row > 0 {
		fmt.Fprintf(&b, " row %d", i.Row)
	}
	if i.Column != "" {
		fmt.Fprintf(&b, " column %q", i.Column)
	}
	b.WriteString(": ")
	b.WriteString(i.Reason())
	if i.Raw != "" {
		fmt.Fprintf(&b, " (value %q)", i.Raw)
	}
	return b.String()
}

// Reason is the issue's sentence for the person who fixes the sheet, made
// from its Kind and Detail (and, for IssueOverTotalRows, its Row). It is
// the text of data-issues.csv's reason column.
func (i Issue) Reason() string {
	d := i.Detail
	switch i.Kind {
	case IssueNoRep:
		return "no rep: the rep cell is blank"
	case IssueNoRepForSheet:
		return "no rep: the sheet has no rep column and neither its sheet name nor its file name is on the roster (add a roster, or a config mapping with rep:)"
	case IssueNoDate:
		return "no date"
	case IssueDecidedWithoutClose:
		return "won or lost deal without a close date"
	case IssueBadDate:
		if d == "" {
			return "unreadable date"
		}
		return "unreadable date: " + d
	case IssueAmbiguousDate:
		return "ambiguous date: day and month could be either way round (set date_order in config)"
	case IssueDateOutOfRange:
		return "date out of range: sales dates fall in the years 1900 to 2100"
	case IssueBadNumber:
		return "unreadable number: " + d
	case IssueNegativeCount:
		return "negative count"
	case IssueOtherCurrency:
		return "amount in " + d + ", not the report's currency, and config has no rate for it (add it to exchange_rates, e.g. exchange_rates: {" + d + ": 1.17}, or set currency)"
	case IssueUnknownStatus:
		return fmt.Sprintf("unknown status %q: add it to words.won, words.lost or words.open in config", d)
	case IssueNoOwner:
		return fmt.Sprintf("no rep: the owner %q is a placeholder, not a rep (words.no_owner in config)", d)
	case IssueUnlistable:
		return "cannot read: " + d
	case IssueUnsupportedFormat:
		return unsupportedFormats[d]
	case IssueEmptyFile:
		return "file is empty (0 bytes)"
	case IssueNoSheets:
		return "workbook has no sheets"
	case IssueDuplicateSheet:
		return "a second sheet with the same name (the workbook is damaged): not read"
	case IssueOnlyBlankLines:
		return "file has no rows: only blank lines"
	case IssueVanished:
		return "file disappeared before it could be read (moved or deleted while repcard ran)"
	case IssueChangedBeforeRead:
		return changedWhileRead + ": its rows were not read; run again once it is saved"
	case IssueChangedWhileRead:
		return changedWhileRead + ": some of its rows may be missing or from two versions; run again once it is saved"
	case IssueOverTotalRows:
		return fmt.Sprintf("the inbox has more rows than the limit (limits.max_total_rows = %s): row %d and the rest of this sheet were not read, nor the sheets after it", d, i.Row)
	case IssueAfterTotalRows:
		return "not read: the inbox already has more rows than the limit (limits.max_total_rows = " + d + ")"
	case IssueSheetNotRead:
		return "sheet not read, though it looks like sales data: " + d + " (add a mapping: for it in config.yaml)"
	case IssueNotSalesData:
		return "not sales data: " + d
	case IssuePassedOver:
		return "passed over: " + d
	case IssueMixedDateOrder:
		return "dates in this column are written both month/day and day/month; read as " + d + " (set date_order in config)"
	case IssueUndecidedDateOrder:
		return "cannot tell day/month order: every date in the first rows could be either (like 03/04/2026); read as month/day (set date_order: dmy in config if wrong)"
	case IssueMixedDecimal:
		return "numbers in this column use both , and . as the decimal mark; read with " + d + " (set decimal in config)"
	case IssueUndecidedDecimal:
		return "cannot tell the decimal mark: numbers like 1,234 could be either; read , as a thousands separator (set decimal: comma in config if wrong)"
	case IssueUncachedFormulas:
		cells := d + " cells of the columns read hold"
		if d == "1" {
			cells = "1 cell of the columns read holds"
		}
		return cells + " a formula saved without its value (the file was written by a program that does not calculate): formulas are never evaluated, so they read as blank; open the file in Excel or LibreOffice and save it"
	case IssueNegativeWon:
		return "won deal with an amount below zero: used as given, and it lowers the revenue (a refund or credit note belongs in its own row or system)"
	case IssueMissingGlyph:
		c, _ := utf8.DecodeRuneInString(d)
		return fmt.Sprintf("character %q (U+%04X) has no glyph in the PDF fonts and prints as a box; set font: in config to a TTF that has it", c, c)
	}
	// IssueUnreadable, IssueWrongFormat, IssueEncrypted, IssueDamaged,
	// IssueOverLimit: the detail is the whole explanation.
	return d
}

// changedWhileRead starts the sentences of a file that changed under the
// reader.
const changedWhileRead = "file changed while repcard was reading it (saved or replaced during the run)"

// unsupportedFormats says, by extension, how to turn a spreadsheet repcard
// does not read into one it does.
var unsupportedFormats = map[string]string{
	".xls":     "old Excel format (.xls) is not read: open it and save as .xlsx or .csv",
	".xlsb":    "Excel binary format (.xlsb) is not read: save as .xlsx or .csv",
	".ods":     "OpenDocument spreadsheet (.ods) is not read: save as .xlsx or .csv",
	".numbers": "Numbers file is not read: export as .xlsx or .csv",
}

// IsUnsupportedFormat reports whether ext (lower case, with its dot) is a
// spreadsheet format repcard knows but does not read: an issue of kind
// IssueUnsupportedFormat with ext as its Detail.
func IsUnsupportedFormat(ext string) bool {
	_, ok := unsupportedFormats[ext]
	return ok
}
