package pipeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// team.xlsx holds what metrics.json says: the leaderboard's numbers are
// the reps' metrics, and each list sheet has every entry of every rep —
// more than the PDFs print.
func TestRunTeamXLSX(t *testing.T) {
	cfg := testConfig(t, t.TempDir())
	cfg.Inbox = filepath.Join("..", "examples", "inbox")
	res := run(t, cfg, Options{})

	var m struct {
		Reps []map[string]json.RawMessage `json:"reps"`
	}
	b, err := os.ReadFile(filepath.Join(res.Dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(res.Dir, "team.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw := func(sheet, cell string) string {
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	// The leaderboard: one row per rep, each number as in metrics.json
	// (null: an empty cell).
	byRep := map[string]map[string]json.RawMessage{}
	for _, r := range m.Reps {
		var name string
		json.Unmarshal(r["rep"], &name)
		byRep[name] = r
	}
	num := func(r map[string]json.RawMessage, path ...string) string {
		v := r[path[0]]
		for _, k := range path[1:] {
			var inner map[string]json.RawMessage
			json.Unmarshal(v, &inner)
			v = inner[k]
		}
		if string(v) == "null" {
			return ""
		}
		x, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			t.Fatalf("%s: %s is not a number", path, v)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	cols := []struct {
		cell string
		path []string
	}{
		{"D", []string{"contacts"}}, {"E", []string{"closings"}}, {"F", []string{"contacts_per_close"}},
		{"G", []string{"value_per_contact"}}, {"H", []string{"commission"}}, {"I", []string{"goal", "attainment"}},
	}
	if len(m.Reps) < 5 {
		t.Fatalf("only %d reps", len(m.Reps))
	}
	for row := 2; row < 2+len(m.Reps); row++ {
		at := func(col string) string { return raw("Leaderboard", col+strconv.Itoa(row)) }
		r, ok := byRep[at("A")]
		if !ok {
			t.Fatalf("Leaderboard row %d: rep %q not in metrics.json", row, at("A"))
		}
		for _, c := range cols {
			if got, want := at(c.cell), num(r, c.path...); got != want {
				t.Errorf("%s %v: team.xlsx %q, metrics.json %q", at("A"), c.path, got, want)
			}
		}
		var arrow string
		var alerts []json.RawMessage
		json.Unmarshal(r["trend_arrow"], &arrow)
		json.Unmarshal(r["alerts"], &alerts)
		if at("J") != arrow || at("K") != strconv.Itoa(len(alerts)) {
			t.Errorf("%s: trend %q alerts %q, metrics.json %q %d", at("A"), at("J"), at("K"), arrow, len(alerts))
		}
		delete(byRep, at("A"))
	}
	if len(byRep) != 0 {
		t.Errorf("reps missing from the leaderboard: %v", byRep)
	}

	// Every entry of every list.
	for _, c := range []struct{ sheet, key string }{
		{"Wins", "wins"}, {"Follow-ups due", "follow_ups_due"}, {"Stale maybes", "stale_maybes"},
		{"Near misses", "near_misses"}, {"Losses", "losses"},
	} {
		want, most := 0, 0
		for _, r := range m.Reps {
			var list []json.RawMessage
			json.Unmarshal(r[c.key], &list)
			want += len(list)
			most = max(most, len(list))
		}
		rows, err := f.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != want {
			t.Errorf("%s: %d rows, metrics.json has %d", c.sheet, len(rows)-1, want)
		}
		if c.key == "follow_ups_due" && most <= 10 {
			t.Errorf("no rep has more follow-ups due than the PDF prints (%d): the case is not tested", most)
		}
	}

	// The data issues: the rows of data-issues.csv.
	b, err = os.ReadFile(res.IssuesPath())
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Data issues")
	if len(rows) != len(recs) || len(recs) < 2 {
		t.Fatalf("Data issues: %d rows, data-issues.csv %d", len(rows), len(recs))
	}
	for i, rec := range recs[1:] { // the headers differ in case
		for j, v := range rec {
			got := ""
			if j < len(rows[i+1]) {
				got = rows[i+1][j]
			}
			if got != v && "'"+got != v { // the CSV quotes a value that starts like a formula
				t.Errorf("Data issues row %d col %d: %q, csv %q", i+2, j+1, got, v)
			}
		}
	}
}
