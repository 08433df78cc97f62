package reader

import (
	"path/filepath"
	"testing"

	"github.com/repcard/repcard"
)

// TestNotReadClass: a sheet that fits no kind looks like sales data when a
// header row has a rep column, or a date with an amount, a status or
// outcome, or a count; anything else is not sales data.
func TestNotReadClass(t *testing.T) {
	tests := []struct {
		name      string
		head      [][]string
		reason    string
		suggested bool
		want      repcard.NotRead
	}{
		{"rep, no date", [][]string{{"Sales Rep", "Date of call", "Outcome"}}, "", false, repcard.NotReadSalesData},
		{"owner below a title", [][]string{{"Q4 calls"}, nil, {"Owner", "Company", "Notes"}}, "", false, repcard.NotReadSalesData},
		{"date and outcome, no rep", [][]string{{"Date of call", "Outcome", "Customer"}}, "", false, repcard.NotReadSalesData},
		{"close date and amount", [][]string{{"Close Date", "Amount", "Account"}}, "", false, repcard.NotReadSalesData},
		{"product list", [][]string{{"product", "series", "sales_price"}, {"GTX Basic", "GTX", "550"}}, "", false, repcard.NotReadNotSalesData},
		{"account list", [][]string{{"account", "sector", "year_established", "revenue", "employees"}}, "", false, repcard.NotReadNotSalesData},
		{"date, no measure", [][]string{{"Date", "Note"}}, "", false, repcard.NotReadNotSalesData},
		{"last updated is no date", [][]string{{"Product", "Price", "Last updated"}}, "", false, repcard.NotReadNotSalesData},
		{"text", [][]string{{"Goal for 2026: more referral asks"}, {"Sales rep of the month"}}, "", false, repcard.NotReadNotSalesData},
		{"empty", nil, "", false, repcard.NotReadNotSalesData},
		{"lead list: reps, but no activity", [][]string{{"First Name", "Last Name", "Email", "Lead Owner", "Lead Status", "Create Date"}}, ReasonContactList, false, repcard.NotReadNotSalesData},
		{"headers in another language, columns guessed from values", [][]string{{"Vendedor", "Fecha", "Cliente", "Importe"}}, "", true, repcard.NotReadSalesData},
	}
	for _, tt := range tests {
		if got := notReadClass(tt.head, tt.reason, tt.suggested); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestReadNotRead: the sheets that fit no kind carry their class, and
// the batch counts and lists them; a file that cannot be read is an issue
// already and carries none.
func TestReadNotRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"calls.csv":    "Sales Rep,Date of call,Outcome\nAna,2026-10-01,no\n",
		"products.csv": "product,series,sales_price\nGTX Basic,GTX,550\n",
		"old.xls":      "x",
		"deals.csv":    "Rep,Status,Close Date\nAna,won,2026-10-02\n",
	})
	writeXLSX(t, filepath.Join(dir, "book.xlsx"), false,
		xlsxSheet{"Notes", [][]any{{"Remember the referral asks"}}},
		xlsxSheet{"Empty", nil})
	b := read(t, dir, nil).batch
	want := map[string]repcard.NotRead{
		"book.xlsx/Notes": repcard.NotReadNotSalesData, "book.xlsx/Empty": repcard.NotReadNotSalesData,
		"calls.csv/": repcard.NotReadSalesData, "products.csv/": repcard.NotReadNotSalesData,
		"old.xls/": "", "deals.csv/": "",
	}
	for _, in := range b.Inputs {
		w, ok := want[in.File+"/"+in.Sheet]
		if !ok {
			t.Errorf("unexpected input %s [%s]", in.File, in.Sheet)
		}
		if in.NotRead != w {
			t.Errorf("%s [%s]: NotRead %q, want %q", in.File, in.Sheet, in.NotRead, w)
		}
		delete(want, in.File+"/"+in.Sheet)
	}
	if len(want) > 0 {
		t.Errorf("no input for %v", want)
	}
	if n := b.SheetsNotRead(); n != 1 {
		t.Errorf("SheetsNotRead() = %d, want 1", n)
	}
	if !b.LeftOut() {
		t.Error("LeftOut() = false with a sheet not read")
	}
	kinds := map[string]repcard.IssueKind{}
	for _, is := range b.IssueRows() {
		kinds[is.File+"/"+is.Sheet] = is.Kind
	}
	for where, k := range map[string]repcard.IssueKind{
		"calls.csv/": repcard.IssueSheetNotRead, "products.csv/": repcard.IssueNotSalesData,
		"book.xlsx/Notes": repcard.IssueNotSalesData, "book.xlsx/Empty": repcard.IssueNotSalesData,
		"old.xls/": repcard.IssueUnsupportedFormat,
	} {
		if kinds[where] != k {
			t.Errorf("%s: issue %v, want %v", where, kinds[where], k)
		}
	}
	if len(kinds) != 5 {
		t.Errorf("issues %v, want 5", kinds)
	}
}

// TestBatchLeftOutNotSales: sheets that are not sales data leave nothing
// out.
func TestBatchLeftOutNotSales(t *testing.T) {
	b := &Batch{Inputs: []repcard.Input{{File: "products.csv", Kind: repcard.KindNone, NotRead: repcard.NotReadNotSalesData}}}
	if b.LeftOut() || b.SheetsNotRead() != 0 {
		t.Errorf("LeftOut() = %v, SheetsNotRead() = %d", b.LeftOut(), b.SheetsNotRead())
	}
}
