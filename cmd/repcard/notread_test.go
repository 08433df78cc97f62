package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/pipeline"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// TestRunSheetsNotRead: a sheet that looks like sales data but was not read
// makes run and check exit 1 and run's summary say so; a product list is
// listed and changes nothing; an unsupported .xls is listed and exits 1,
// as it always has. Each is in data-issues.csv with its kind.
func TestRunSheetsNotRead(t *testing.T) {
	templates, err := filepath.Abs(filepath.Join("..", "..", "templates"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		file    string
		content string
		kind    repcard.IssueKind
		code    int
		notRead string // in run's summary line
	}{
		{"sales-like sheet", "calls.csv", "Sales Rep,Date of call,Outcome\nJane Doe,2026-10-05,no\n", repcard.IssueSheetNotRead, exitLeftOut, ", 1 sheet not read ·"},
		{"product list", "products.csv", "product,series,sales_price\nGTX Basic,GTX,550\n", repcard.IssueNotSalesData, exitOK, ""},
		{"unsupported xls", "old.xls", "\xd0\xcf\x11\xe0", repcard.IssueUnsupportedFormat, exitLeftOut, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := smallInbox(t)
			inbox := filepath.Join(dir, "inbox")
			writeFile(t, filepath.Join(inbox, c.file), c.content)
			config := filepath.Join(dir, "config.yaml")
			writeFile(t, config, fmt.Sprintf("templates: %q\n", templates))
			var got *pipeline.Result
			ranHook = func(res *pipeline.Result) { got = res }
			defer func() { ranHook = nil }()
			code, stdout, stderr := runMain(t, "run", "-config", config, "-in", inbox, "-out", filepath.Join(dir, "out"), "-quiet")
			if code != c.code {
				t.Errorf("run: exit %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
			if c.notRead != "" && !strings.Contains(stdout, c.notRead) {
				t.Errorf("run's summary %q lacks %q", stdout, c.notRead)
			}
			if c.notRead == "" && strings.Contains(stdout, "not read") {
				t.Errorf("run's summary %q names sheets not read", stdout)
			}
			if got == nil {
				t.Fatal("run wrote nothing")
			}
			i := slices.IndexFunc(got.Batch.IssueRows(), func(is repcard.Issue) bool { return is.File == c.file })
			if i < 0 || got.Batch.IssueRows()[i].Kind != c.kind {
				t.Errorf("data-issues.csv rows %v: want %s of kind %v", got.Batch.IssueRows(), c.file, c.kind)
			}
			if code, _, _ := runMain(t, "check", "-config", config, "-in", inbox); code != c.code {
				t.Errorf("check: exit %d, want %d", code, c.code)
			}
			if code, _, _ := runMain(t, "check", "-json", "-config", config, "-in", inbox); code != c.code {
				t.Errorf("check -json: exit %d, want %d", code, c.code)
			}
		})
	}
}

// TestCheckJSON: check -json prints one JSON object a line, each with a
// type, every field scripts read, and an issue's kind as its code.
func TestCheckJSON(t *testing.T) {
	dir := smallInbox(t)
	inbox := filepath.Join(dir, "inbox")
	writeFile(t, filepath.Join(inbox, "calls.csv"), "Sales Rep,Date of call,Outcome\nJane Doe,2026-10-05,no\n")
	writeFile(t, filepath.Join(inbox, "products.csv"), "product,series,sales_price\nGTX Basic,GTX,550\n")
	writeFile(t, filepath.Join(inbox, "old.xls"), "\xd0\xcf\x11\xe0")
	writeFile(t, filepath.Join(inbox, "bad.csv"), "Rep,Date,Type\n,2026-10-05,call\n")
	writeFile(t, filepath.Join(inbox, "dates.csv"), "Rep,Date,Type\nJane Doe,03/04/2026,call\n")
	writeFile(t, filepath.Join(inbox, "~$open.xlsx"), "lock")
	code, stdout, stderr := runMain(t, "check", "-json", "-in", inbox)
	if code != exitLeftOut {
		t.Errorf("exit %d, want %d\n%s", code, exitLeftOut, stderr)
	}
	fields := map[string][]string{
		"input":   {"file", "sheet", "kind", "rows", "used", "left_out", "duplicates", "skipped"},
		"issue":   {"file", "sheet", "row", "column", "value", "kind", "reason", "warning"},
		"warning": {"file", "sheet", "row", "column", "value", "kind", "reason", "warning"},
		"ignored": {"file", "reason"},
	}
	type line struct{ typ, file, kind, notRead string }
	var lines []line
	for n, text := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		var obj map[string]any
		dec := json.NewDecoder(strings.NewReader(text))
		if err := dec.Decode(&obj); err != nil || dec.More() {
			t.Fatalf("line %d is not one JSON object (%v): %s", n+1, err, text)
		}
		typ, _ := obj["type"].(string)
		want, ok := fields[typ]
		if !ok {
			t.Fatalf("line %d: type %q: %s", n+1, typ, text)
		}
		for _, f := range want {
			if _, ok := obj[f]; !ok {
				t.Errorf("line %d (%s) has no %q: %s", n+1, typ, f, text)
			}
		}
		if w, ok := obj["warning"].(bool); ok && w != (typ == "warning") {
			t.Errorf("line %d: type %s, warning %v", n+1, typ, w)
		}
		l := line{typ: typ}
		l.file, _ = obj["file"].(string)
		l.kind, _ = obj["kind"].(string)
		l.notRead, _ = obj["not_read"].(string)
		lines = append(lines, l)
	}
	for _, want := range []line{
		{"input", "calls.csv", "none", "sales_data"},
		{"input", "products.csv", "none", "not_sales_data"},
		{"input", "activities.csv", "activities", ""},
		{"input", "old.xls", "none", ""},
		{"ignored", "~$open.xlsx", "", ""},
		{"issue", "calls.csv", "sheet_not_read", ""},
		{"issue", "old.xls", "unsupported_format", ""},
		{"issue", "bad.csv", "no_rep", ""},
		{"warning", "dates.csv", "undecided_date_order", ""},
		{"warning", "products.csv", "not_sales_data", ""},
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("no line %+v in:\n%s", want, stdout)
		}
	}
	// Without -json, the same inbox is the same exit code.
	if code2, _, _ := runMain(t, "check", "-in", inbox); code2 != code {
		t.Errorf("check: exit %d, check -json: exit %d", code2, code)
	}
}

// TestRebuiltLineNotRead: watch's line names the sheets not read.
func TestRebuiltLineNotRead(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 12, 3, 0, time.UTC)
	notRead := repcard.Input{File: "calls.csv", Kind: repcard.KindNone, NotRead: repcard.NotReadSalesData}
	for _, c := range []struct {
		batch reader.Batch
		want  string
	}{
		{reader.Batch{}, "09:12:03 rebuilt 2026-10: 0 reps, 0 PDFs, 0 rows used in 1.0s"},
		{reader.Batch{Inputs: []repcard.Input{notRead}}, "09:12:03 rebuilt 2026-10: 0 reps, 0 PDFs, 0 rows used, 1 sheet not read (see out/2026-10/data-issues.csv) in 1.0s"},
		{reader.Batch{Inputs: []repcard.Input{notRead}, Issues: []repcard.Issue{{Kind: repcard.IssueNoRep}}},
			"09:12:03 rebuilt 2026-10: 0 reps, 0 PDFs, 0 rows used, 1 issue left out, 1 sheet not read (see out/2026-10/data-issues.csv) in 1.0s"},
	} {
		res := &pipeline.Result{Report: &report.Report{Period: report.PeriodJSON{Label: "2026-10"}}, Batch: &c.batch, Dir: "out/2026-10"}
		if got := rebuiltLine(at, pipeline.Rebuild{Result: res, Took: time.Second}); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
