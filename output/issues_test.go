package output

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

func TestWriteIssuesCSV(t *testing.T) {
	long := strings.Repeat("é", 250)
	issues := []repcard.Issue{
		{File: "deals.xlsx", Sheet: "Q3", Row: 14, Column: "Amount", Raw: "-5", Detail: "negative amount"},
		{File: "broken.xlsx", Detail: "not a spreadsheet"},
		{File: "a.csv", Row: 2, Column: "Rep", Raw: `=HYPERLINK("http://x","y")`, Detail: "no rep"},
		{File: "a.csv", Row: 3, Column: "Rep", Raw: "+1+1", Detail: "no rep"},
		{File: "a.csv", Row: 4, Column: "Rep", Raw: "@SUM(A1)", Detail: "no rep"},
		{File: "a.csv", Row: 5, Column: "Rep", Raw: "\t=1", Detail: "no rep"},
		{File: "a.csv", Row: 6, Column: "Rep", Raw: "\r=1", Detail: "no rep"},
		{File: "a.csv", Row: 7, Column: "Rep", Raw: "   =1", Detail: "no rep"},
		{File: "a.csv", Row: 8, Column: "=cmd", Raw: "a\x00b\x01c\x7fd\u0085e\u202ef\xff", Detail: "bad"},
		{File: "a.csv", Row: 9, Column: "Note", Raw: "line 1\nline \"2\", done", Detail: "bad"},
		{File: "a.csv", Row: 10, Column: "Note", Raw: long, Detail: "too long"},
		{File: "a.csv", Row: 11, Column: "Rep", Raw: "\x00=1", Detail: "no rep"},
		{File: "a.csv", Row: 12, Column: "Rep", Raw: "ＳＵＭ ＝", Detail: "fine"},
		{File: "a.csv", Row: 13, Column: "Rep", Raw: "＝1", Detail: "no rep"},
		{File: "b.csv", Column: "Date", Kind: repcard.IssueUndecidedDateOrder},
		{File: "c.csv", Kind: repcard.IssueNotSalesData, Detail: "empty sheet"},
	}
	var buf bytes.Buffer
	if err := WriteIssuesCSV(&buf, issues); err != nil {
		t.Fatal(err)
	}
	want := "file,sheet,row,column,value,reason\n" +
		"deals.xlsx,Q3,14,Amount,'-5,negative amount\n" +
		"broken.xlsx,,,,,not a spreadsheet\n" +
		`a.csv,,2,Rep,"'=HYPERLINK(""http://x"",""y"")",no rep` + "\n" +
		"a.csv,,3,Rep,'+1+1,no rep\n" +
		"a.csv,,4,Rep,'@SUM(A1),no rep\n" +
		"a.csv,,5,Rep,'\t=1,no rep\n" +
		"a.csv,,6,Rep,'\uFFFD=1,no rep\n" +
		"a.csv,,7,Rep,'   =1,no rep\n" +
		"a.csv,,8,'=cmd,ab\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFD,bad\n" +
		"a.csv,,9,Note,\"line 1\uFFFDline \"\"2\"\", done\",bad\n" +
		"a.csv,,10,Note," + long[:400] + "…,too long\n" +
		"a.csv,,11,Rep,'=1,no rep\n" +
		"a.csv,,12,Rep,ＳＵＭ ＝,fine\n" +
		"a.csv,,13,Rep,'＝1,no rep\n" +
		"b.csv,,,Date,,warning (rows kept): " + issues[len(issues)-2].Reason() + "\n" +
		"c.csv,,,,,note (nothing left out): " + issues[len(issues)-1].Reason() + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}

	// It reads back with encoding/csv, one record per issue.
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(issues)+1 {
		t.Fatalf("read back %d records, want %d", len(recs), len(issues)+1)
	}
	for i, rec := range recs[1:] {
		for _, cell := range rec {
			if formulaStart(cell) {
				t.Errorf("record %d: cell %q starts a formula", i+1, cell)
			}
		}
	}
	if got := recs[3][4]; got != `'=HYPERLINK("http://x","y")` {
		t.Errorf("value read back = %q", got)
	}
}

func TestWriteIssuesCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteIssuesCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "file,sheet,row,column,value,reason\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzWriteIssuesCSV(f *testing.F) {
	f.Add("a.csv", "Sheet1", 3, "Rep", "=1+1", "no rep")
	f.Add("", "", 0, "\t", "\r\n\"", "\x00")
	f.Fuzz(func(t *testing.T, file, sheet string, row int, col, raw, reason string) {
		var buf bytes.Buffer
		is := repcard.Issue{File: file, Sheet: sheet, Row: row, Column: col, Raw: raw, Detail: reason}
		if err := WriteIssuesCSV(&buf, []repcard.Issue{is}); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("read back: %v\n%q", err, buf.String())
		}
		if len(recs) != 2 || len(recs[1]) != 6 {
			t.Fatalf("read back %q", recs)
		}
		for _, cell := range recs[1] {
			if formulaStart(cell) {
				t.Errorf("cell %q starts a formula", cell)
			}
			if strings.ContainsRune(cell, 0) {
				t.Errorf("cell %q holds NUL", cell)
			}
		}
	})
}
