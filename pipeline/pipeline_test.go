package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

func TestRunWrites(t *testing.T) {
	dir := smallInbox(t)
	res := run(t, testConfig(t, dir), Options{})
	if res.Report.Period.Label != "2026-10" || len(res.Report.Reps) != 2 {
		t.Errorf("period %s, %d reps; want 2026-10, 2", res.Report.Period.Label, len(res.Report.Reps))
	}
	// team, one manager, two reps; metrics.json, team.xlsx and data-issues.csv.
	if res.PDFs != 4 || res.Written != 7 {
		t.Errorf("PDFs %d, written %d; want 4, 7", res.PDFs, res.Written)
	}
	want := []string{"data-issues.csv", "managers/ana-ruiz.pdf", "metrics.json", "reps/jane-doe.pdf", "reps/zoe-bronte.pdf", "team.pdf", "team.xlsx"}
	got := readTree(t, res.Dir)
	if len(got) != len(want) {
		t.Errorf("wrote %d files, want %v", len(got), want)
	}
	for _, name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("no %s in %s", name, res.Dir)
		}
	}
	if res.Batch.LeftOut() {
		t.Errorf("left out: %v", res.Batch.Issues)
	}
	// Excel needs the byte-order mark to show accents right.
	if b := got["data-issues.csv"]; !bytes.HasPrefix(b, []byte("\ufefffile,sheet,row,column,value,reason\n")) {
		t.Errorf("data-issues.csv starts %q", b[:min(len(b), 40)])
	}
}

func TestRunRepFilter(t *testing.T) {
	dir := smallInbox(t)
	res := run(t, testConfig(t, dir), Options{Reps: []string{"zoë brontë"}})
	m := readMetrics(t, filepath.Join(res.Dir, "metrics.json"))
	if len(m.Reps) != 1 || m.Reps[0].Rep != "Zoë Brontë" {
		t.Errorf("reps = %v", m.Reps)
	}
	// Team figures still come from all data: 2 closings, 4 contacts in October.
	if m.Team.Closings != 2 || m.Team.Contacts != 4 {
		t.Errorf("team = closings %d contacts %d, want 2, 4", m.Team.Closings, m.Team.Contacts)
	}
	// Only her PDF: no summaries of a team the run does not show whole.
	if res.PDFs != 1 {
		t.Errorf("%d PDFs, want 1", res.PDFs)
	}
	for _, name := range []string{"team.pdf", "team.xlsx"} {
		if _, err := os.Stat(filepath.Join(res.Dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s written with -rep: %v", name, err)
		}
	}
}

func TestRunErrors(t *testing.T) {
	ctx := context.Background()
	t.Run("no dated rows", func(t *testing.T) {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "inbox"), 0o755)
		_, err := Run(ctx, testConfig(t, dir), Options{})
		var nothing *NothingError
		if !errors.As(err, &nothing) {
			t.Errorf("err = %v (%T), want *NothingError", err, err)
		}
	})
	t.Run("no such rep", func(t *testing.T) {
		_, err := Run(ctx, testConfig(t, smallInbox(t)), Options{Reps: []string{"Nobody"}})
		var nothing *NothingError
		if !errors.As(err, &nothing) || !strings.Contains(err.Error(), "Nobody") {
			t.Errorf("err = %v (%T), want *NothingError naming Nobody", err, err)
		}
	})
	t.Run("templates folder missing", func(t *testing.T) {
		dir := smallInbox(t)
		cfg := testConfig(t, dir)
		cfg.Templates = filepath.Join(dir, "nowhere")
		_, err := Run(ctx, cfg, Options{})
		var setup *SetupError
		if !errors.As(err, &setup) || !strings.Contains(err.Error(), "nowhere") {
			t.Errorf("err = %v (%T), want *SetupError naming the folder", err, err)
		}
		if _, err := os.Stat(cfg.Out); !os.IsNotExist(err) {
			t.Errorf("outputs written despite the setup error: %v", err)
		}
	})
	t.Run("broken template", func(t *testing.T) {
		dir := smallInbox(t)
		good, err := os.ReadFile(filepath.Join("..", "templates", "coaching.tmpl"))
		if err != nil {
			t.Fatal(err)
		}
		// Line 3 of the team's copy has an {{if}} with no condition.
		writeFile(t, filepath.Join(dir, "mytemplates", "coaching.tmpl"), "{{/* ours */}}\n\n{{if}}{{end}}\n"+string(good))
		cfg := testConfig(t, dir)
		cfg.Templates = filepath.Join(dir, "mytemplates")
		_, err = Run(ctx, cfg, Options{})
		var setup *SetupError
		if !errors.As(err, &setup) || !strings.Contains(err.Error(), "coaching.tmpl:3") {
			t.Errorf("err = %v, want *SetupError at coaching.tmpl:3", err)
		}
		if _, err := os.Stat(cfg.Out); !os.IsNotExist(err) {
			t.Errorf("outputs written despite the broken template: %v", err)
		}
	})
	t.Run("cancelled before writing", func(t *testing.T) {
		ctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := Run(ctx, testConfig(t, smallInbox(t)), Options{})
		var write *WriteError
		if !errors.Is(err, context.Canceled) || (errors.As(err, &write) && write.Written != 0) {
			t.Errorf("err = %v, want context.Canceled with nothing written", err)
		}
	})
}

func TestRunTwiceIdentical(t *testing.T) {
	dir := smallInbox(t)
	cfg := testConfig(t, dir)
	first := readTree(t, run(t, cfg, Options{}).Dir)
	os.RemoveAll(cfg.Out)
	second := readTree(t, run(t, cfg, Options{}).Dir)
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, b := range first {
		if !bytes.Equal(b, second[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
}

func TestRunWorkersIdentical(t *testing.T) {
	var trees []map[string][]byte
	for _, n := range []int{1, 4} {
		cfg := testConfig(t, t.TempDir())
		cfg.Inbox = filepath.Join("..", "examples", "inbox")
		trees = append(trees, readTree(t, run(t, cfg, Options{Workers: n, SelfReview: true}).Dir))
	}
	if len(trees[0]) < 20 {
		t.Fatalf("only %d files written", len(trees[0]))
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files vs %d", len(trees[0]), len(trees[1]))
	}
	for name, b := range trees[0] {
		if !bytes.Equal(b, trees[1][name]) {
			t.Errorf("%s differs between 1 and 4 workers", name)
		}
	}
}

// Two exports of the same deals: the quarter's, taken at the end of
// September, sorts first; October's has D1 won. The October version counts
// (its newest decided deal is later), in metrics.json and in the inputs.
func TestRunDealExports(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "roster.csv"), "Rep,Manager,Office\nJane Doe,Ana Ruiz,Berlin\n")
	const head = "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Close Date\n"
	writeFile(t, filepath.Join(dir, "inbox", "2026-Q3 opportunities.csv"), head+
		"D1,Jane Doe,Acme,Proposal,2000,2026-10-15\n"+
		"D2,Jane Doe,Globex,Closed Won,1000,2026-09-20\n")
	writeFile(t, filepath.Join(dir, "inbox", "opportunities october.csv"), head+
		"D1,Jane Doe,Acme,Closed Won,2500,2026-10-10\n"+
		"D2,Jane Doe,Globex,Closed Won,1000,2026-09-20\n"+
		"D3,Jane Doe,Initech,Closed Lost,700,2026-10-31\n")
	res := run(t, testConfig(t, dir), Options{})
	if _, used, _, dups := res.Batch.Totals(); used != 4 || dups != 2 {
		t.Errorf("used %d, duplicates %d; want 4, 2", used, dups)
	}
	m := readMetrics(t, filepath.Join(res.Dir, "metrics.json"))
	if m.Team.Closings != 1 {
		t.Errorf("October closings = %d, want 1 (D1, won in the newer export)", m.Team.Closings)
	}
	want := map[string][2]int{"2026-Q3 opportunities.csv": {0, 2}, "opportunities october.csv": {3, 0}}
	for _, in := range m.Inputs {
		if w, ok := want[in.File]; ok {
			if got := [2]int{in.Used, in.Duplicates}; got != w {
				t.Errorf("%s: used, duplicates = %v, want %v", in.File, got, w)
			}
			delete(want, in.File)
		}
	}
	if len(want) > 0 {
		t.Errorf("inputs missing: %v", want)
	}
}

func TestCheck(t *testing.T) {
	dir := smallInbox(t)
	writeFile(t, filepath.Join(dir, "inbox", "bad.csv"), "Rep,Date,Type\n,2026-10-05,call\n")
	b, err := Check(context.Background(), testConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Issues) != 1 || b.Issues[0].File != "bad.csv" || b.Issues[0].Row != 2 {
		t.Errorf("issues = %v, want one for bad.csv row 2", b.Issues)
	}
	kinds := map[string]repcard.Kind{}
	for _, in := range b.Inputs {
		kinds[in.File] = in.Kind
	}
	if kinds["roster.csv"] != repcard.KindRoster || kinds["activities.csv"] != repcard.KindActivities {
		t.Errorf("kinds = %v", kinds)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("check wrote outputs: %v", err)
	}
}

// A name of Options.Reps that no rep has is listed with the nearest rep
// name; the other names' reports are written.
func TestRunRepsNotFound(t *testing.T) {
	res := run(t, testConfig(t, smallInbox(t)), Options{Reps: []string{"jane doe", "Zoe Bronta", "Nobody"}})
	want := []RepNotFound{{Name: "Zoe Bronta", Nearest: "Zoë Brontë"}, {Name: "Nobody"}}
	if !slices.Equal(res.RepsNotFound, want) || len(res.Report.Reps) != 1 {
		t.Errorf("not found %v, %d reps; want %v, Jane Doe's report", res.RepsNotFound, len(res.Report.Reps), want)
	}
	_, err := Run(context.Background(), testConfig(t, smallInbox(t)), Options{Reps: []string{"Zoe Bronta"}})
	var nothing *NothingError
	if !errors.As(err, &nothing) || !slices.Equal(nothing.Reps, want[:1]) {
		t.Errorf("err = %v, want a NothingError listing %v", err, want[:1])
	}
}
