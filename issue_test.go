package repcard

import (
	"regexp"
	"testing"
)

// TestIssueReason is the one test of the sentences: each kind, with its
// detail, reads as data-issues.csv and 'repcard check' print it.
func TestIssueReason(t *testing.T) {
	tests := []struct {
		is   Issue
		want string
	}{
		{Issue{Kind: IssueUnreadable, Detail: "no permission to read the file"}, "no permission to read the file"},
		{Issue{Kind: IssueNoRep}, "no rep: the rep cell is blank"},
		{Issue{Kind: IssueNoRepForSheet}, "no rep: the sheet has no rep column and neither its sheet name nor its file name is on the roster (add a roster, or a config mapping with rep:)"},
		{Issue{Kind: IssueNoDate}, "no date"},
		{Issue{Kind: IssueDecidedWithoutClose}, "won or lost deal without a close date"},
		{Issue{Kind: IssueBadDate}, "unreadable date"},
		{Issue{Kind: IssueBadDate, Detail: "month 13 out of range"}, "unreadable date: month 13 out of range"},
		{Issue{Kind: IssueAmbiguousDate}, "ambiguous date: day and month could be either way round (set date_order in config)"},
		{Issue{Kind: IssueDateOutOfRange}, "date out of range: sales dates fall in the years 1900 to 2100"},
		{Issue{Kind: IssueBadNumber, Detail: "not a number"}, "unreadable number: not a number"},
		{Issue{Kind: IssueNegativeCount}, "negative count"},
		{Issue{Kind: IssueOtherCurrency, Detail: "GBP"}, "amount in GBP, not the report's currency, and config has no rate for it (add it to exchange_rates, e.g. exchange_rates: {GBP: 1.17}, or set currency)"},
		{Issue{Kind: IssueUnknownStatus, Detail: "Ganado"}, `unknown status "Ganado": add it to words.won, words.lost or words.open in config`},
		{Issue{Kind: IssueNoOwner, Detail: "Unassigned"}, `no rep: the owner "Unassigned" is a placeholder, not a rep (words.no_owner in config)`},
		{Issue{Kind: IssueUnlistable, Detail: "open x: permission denied"}, "cannot read: open x: permission denied"},
		{Issue{Kind: IssueUnsupportedFormat, Detail: ".xls"}, "old Excel format (.xls) is not read: open it and save as .xlsx or .csv"},
		{Issue{Kind: IssueUnsupportedFormat, Detail: ".xlsb"}, "Excel binary format (.xlsb) is not read: save as .xlsx or .csv"},
		{Issue{Kind: IssueUnsupportedFormat, Detail: ".ods"}, "OpenDocument spreadsheet (.ods) is not read: save as .xlsx or .csv"},
		{Issue{Kind: IssueUnsupportedFormat, Detail: ".numbers"}, "Numbers file is not read: export as .xlsx or .csv"},
		{Issue{Kind: IssueEmptyFile}, "file is empty (0 bytes)"},
		{Issue{Kind: IssueWrongFormat, Detail: "not a text file: it is a PDF document, not comma- or tab-separated text"}, "not a text file: it is a PDF document, not comma- or tab-separated text"},
		{Issue{Kind: IssueEncrypted, Detail: "workbook is password-protected (encrypted): repcard cannot read it; save a copy without a password (File › Info › Protect Workbook)"}, "workbook is password-protected (encrypted): repcard cannot read it; save a copy without a password (File › Info › Protect Workbook)"},
		{Issue{Kind: IssueDamaged, Detail: "workbook is damaged (no zip directory at its end): it may be cut short or only partly copied; save it again"}, "workbook is damaged (no zip directory at its end): it may be cut short or only partly copied; save it again"},
		{Issue{Kind: IssueNoSheets}, "workbook has no sheets"},
		{Issue{Kind: IssueDuplicateSheet}, "a second sheet with the same name (the workbook is damaged): not read"},
		{Issue{Kind: IssueOnlyBlankLines}, "file has no rows: only blank lines"},
		{Issue{Kind: IssueVanished}, "file disappeared before it could be read (moved or deleted while repcard ran)"},
		{Issue{Kind: IssueChangedBeforeRead}, "file changed while repcard was reading it (saved or replaced during the run): its rows were not read; run again once it is saved"},
		{Issue{Kind: IssueChangedWhileRead}, "file changed while repcard was reading it (saved or replaced during the run): some of its rows may be missing or from two versions; run again once it is saved"},
		{Issue{Kind: IssueOverLimit, Detail: "file is 300 MB, larger than the limit (limits.max_file_mb = 200)"}, "file is 300 MB, larger than the limit (limits.max_file_mb = 200)"},
		{Issue{Kind: IssueOverTotalRows, Row: 7, Detail: "5"}, "the inbox has more rows than the limit (limits.max_total_rows = 5): row 7 and the rest of this sheet were not read, nor the sheets after it"},
		{Issue{Kind: IssueAfterTotalRows, Detail: "5"}, "not read: the inbox already has more rows than the limit (limits.max_total_rows = 5)"},
		{Issue{Kind: IssueSheetNotRead, Detail: "has a rep column but no date"}, "sheet not read, though it looks like sales data: has a rep column but no date (add a mapping: for it in config.yaml)"},
		{Issue{Kind: IssueNotSalesData, Detail: "empty sheet"}, "not sales data: empty sheet"},
		{Issue{Kind: IssuePassedOver, Detail: "symbolic link (not followed)"}, "passed over: symbolic link (not followed)"},
		{Issue{Kind: IssueNegativeWon}, "won deal with an amount below zero: used as given, and it lowers the revenue (a refund or credit note belongs in its own row or system)"},
		{Issue{Kind: IssueMixedDateOrder, Detail: "day/month"}, "dates in this column are written both month/day and day/month; read as day/month (set date_order in config)"},
		{Issue{Kind: IssueUndecidedDateOrder}, "cannot tell day/month order: every date in the first rows could be either (like 03/04/2026); read as month/day (set date_order: dmy in config if wrong)"},
		{Issue{Kind: IssueMixedDecimal, Detail: "decimal comma"}, "numbers in this column use both , and . as the decimal mark; read with decimal comma (set decimal in config)"},
		{Issue{Kind: IssueUndecidedDecimal}, "cannot tell the decimal mark: numbers like 1,234 could be either; read , as a thousands separator (set decimal: comma in config if wrong)"},
		{Issue{Kind: IssueUncachedFormulas, Detail: "1"}, "1 cell of the columns read holds a formula saved without its value (the file was written by a program that does not calculate): formulas are never evaluated, so they read as blank; open the file in Excel or LibreOffice and save it"},
		{Issue{Kind: IssueUncachedFormulas, Detail: "12"}, "12 cells of the columns read hold a formula saved without its value (the file was written by a program that does not calculate): formulas are never evaluated, so they read as blank; open the file in Excel or LibreOffice and save it"},
		{Issue{Kind: IssueMissingGlyph, Detail: "✓"}, `character '✓' (U+2713) has no glyph in the PDF fonts and prints as a box; set font: in config to a TTF that has it`},
	}
	seen := map[IssueKind]bool{}
	for _, tt := range tests {
		seen[tt.is.Kind] = true
		if got := tt.is.Reason(); got != tt.want {
			t.Errorf("%v %q: Reason() =\n%q, want\n%q", tt.is.Kind, tt.is.Detail, got, tt.want)
		}
	}
	for k := IssueKind(0); k < issueKinds; k++ {
		if !seen[k] {
			t.Errorf("kind %v has no sentence in the test", k)
		}
	}
}

func TestIssueString(t *testing.T) {
	is := Issue{File: "a.xlsx", Sheet: "Q4", Row: 3, Column: "Calls", Raw: "-2", Kind: IssueNegativeCount}
	if got, want := is.String(), `a.xlsx [Q4] row 3 column "Calls": negative count (value "-2")`; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestIssueKindWarning(t *testing.T) {
	warnings := map[IssueKind]bool{
		IssueMixedDateOrder: true, IssueUndecidedDateOrder: true, IssueMixedDecimal: true,
		IssueUndecidedDecimal: true, IssueUncachedFormulas: true, IssueMissingGlyph: true,
		IssueNotSalesData: true,
		IssuePassedOver:   true,
		IssueNegativeWon:  true,
	}
	for k := IssueKind(0); k < issueKinds; k++ {
		if got := k.Warning(); got != warnings[k] {
			t.Errorf("%v.Warning() = %v, want %v", k, got, warnings[k])
		}
	}
}

// TestIssueKindCode: every kind has a code of its own, in snake_case, for
// scripts.
func TestIssueKindCode(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z]+(_[a-z]+)*$`)
	seen := map[string]IssueKind{}
	for k := IssueKind(0); k < issueKinds; k++ {
		c := k.Code()
		if !snake.MatchString(c) {
			t.Errorf("%v.Code() = %q, not snake_case", k, c)
		}
		if o, ok := seen[c]; ok {
			t.Errorf("%v and %v share the code %q", o, k, c)
		}
		seen[c] = k
	}
	for k, want := range map[IssueKind]string{IssueNoRep: "no_rep", IssueBadDate: "bad_date", IssueSheetNotRead: "sheet_not_read", IssueNotSalesData: "not_sales_data"} {
		if got := k.Code(); got != want {
			t.Errorf("%v.Code() = %q, want %q", k, got, want)
		}
	}
}
