package reader

import (
	"slices"
	"strings"
	"unicode"

	"github.com/repcard/repcard"
)

// notReadClass says what a sheet that maps no kind looks like, from the rows
// at its top: sales data (repcard.NotReadSalesData) when one of them, with
// two cells or more, reads as a header with a rep column, or with a date
// column and an amount, a status or outcome, or a contact count — a sheet
// someone meant repcard to read, whose rows are lost; otherwise plainly not
// sales data (repcard.NotReadNotSalesData): an empty sheet, a line of text,
// a product or account list, a list of leads or contacts (reason
// ReasonContactList: it names reps, but holds no sales activity). A sheet
// for which the reader could guess a rep or a date column from its values
// (suggested, with a mapping to paste) is sales data too, whatever the
// language of its headers.
func notReadClass(head [][]string, reason string, suggested bool) repcard.NotRead {
	if reason != ReasonContactList && (suggested || slices.ContainsFunc(head, salesHeader)) {
		return repcard.NotReadSalesData
	}
	return repcard.NotReadNotSalesData
}

// salesMeasures are the fields that, beside a date, make a header row look
// like sales data without a rep column.
var salesMeasures = append([]field{fAmount, fCommission, fStatus, fOutcome, fContacts, fClosings, fRejections}, countFields...)

// salesHeader reports whether row reads as the header of sales data, by the
// synonyms of the kinds that hold sales (deals, activities, tallies).
func salesHeader(row []string) bool {
	norm := make([]string, len(row))
	cells := 0
	for i, c := range row {
		if norm[i] = normHeader(c); norm[i] != "" {
			cells++
		}
	}
	if cells < 2 {
		return false
	}
	_, syn := compiledTables()
	l := &layout{}
	for _, k := range []repcard.Kind{repcard.KindDeals, repcard.KindActivities, repcard.KindTallies} {
		t := syn[k]
		mapColumns(l, norm, &t, make([]bool, len(norm)))
	}
	if l.has(fRep) {
		return true
	}
	dated := l.has(fDate) || l.has(fCreated) || slices.ContainsFunc(row, saysDate)
	return dated && slices.ContainsFunc(salesMeasures, l.has)
}

// saysDate reports whether a header cell has the word "date" in it ("Date of
// call", "close_date"), which no synonym may list.
func saysDate(cell string) bool {
	words := strings.FieldsFunc(strings.ToLower(cell), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return slices.Contains(words, "date")
}

// SheetsNotRead counts the sheets that look like sales data but were not
// read (repcard.NotReadSalesData): each is an issue of kind
// repcard.IssueSheetNotRead in NotReadIssues, and counts as left out.
func (b *Batch) SheetsNotRead() int {
	n := 0
	for _, in := range b.Inputs {
		if in.NotRead == repcard.NotReadSalesData {
			n++
		}
	}
	return n
}

// NotReadIssues are the issues of the sheets that were read to their
// header rows but fit no kind, in input order: repcard.IssueSheetNotRead
// for those that look like sales data, repcard.IssueNotSalesData (a
// warning: nothing left out) for the others. The files and sheets that could
// not be read at all are in Issues already; the files passed over (Ignored)
// are not data and have none.
func (b *Batch) NotReadIssues() []repcard.Issue {
	var out []repcard.Issue
	for _, in := range b.Inputs {
		if is, ok := in.NotReadIssue(); ok {
			out = append(out, is)
		}
	}
	return out
}

// IssueRows is every issue of the batch in the order data-issues.csv lists
// them: what was left out — Issues, then the sheets that look like sales
// data but were not read — then what left nothing out: Warnings, then
// extra (warnings the caller found), then the sheets that are not sales
// data, then the inbox entries that are not files (Ignored that are
// Listed: links, pipes, devices). The other files passed over (lock, temp
// and hidden files, files that are not spreadsheets) are not data and are
// not listed.
func (b *Batch) IssueRows(extra ...repcard.Issue) []repcard.Issue {
	var notRead, notSales []repcard.Issue
	for _, is := range b.NotReadIssues() {
		if is.Kind.Warning() {
			notSales = append(notSales, is)
		} else {
			notRead = append(notRead, is)
		}
	}
	var passed []repcard.Issue
	for _, ig := range b.Ignored {
		if ig.Listed {
			passed = append(passed, repcard.Issue{File: ig.File, Kind: repcard.IssuePassedOver, Detail: ig.Reason})
		}
	}
	return slices.Concat(b.Issues, notRead, b.Warnings, extra, notSales, passed)
}
