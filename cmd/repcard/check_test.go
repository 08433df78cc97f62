package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sharedDatasets returns the folder of public data sets: $REPCARD_DATASETS,
// which must then exist (.ci/run sets it), or ../shared/datasets beside the
// repository. Without either the test skips and says why.
func sharedDatasets(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("REPCARD_DATASETS"); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("REPCARD_DATASETS: %v", err)
		}
		return dir
	}
	dir, err := filepath.Abs("../../../shared/datasets")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no public data sets: %s is absent and REPCARD_DATASETS is not set", dir)
	}
	return dir
}

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// inputLine finds check's line for a file and returns it.
func inputLine(t *testing.T, out, file string) string {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, file+" ") {
			return strings.Join(strings.Fields(line), " ")
		}
	}
	t.Fatalf("no line for %s in:\n%s", file, out)
	return ""
}

func TestCheckSharedDatasets(t *testing.T) {
	root := sharedDatasets(t)
	t.Run("crm-sales-opportunities", func(t *testing.T) {
		code, out, errOut := runMain(t, "check", "-config", "/nonexistent-so-defaults-are-not-used", "-in", filepath.Join(root, "crm-sales-opportunities"))
		if code != exitUsage || !strings.Contains(errOut, "nonexistent") {
			t.Errorf("explicit missing config: exit %d, stderr %q", code, errOut)
		}
		code, out, errOut = runMain(t, "check", "-in", filepath.Join(root, "crm-sales-opportunities"))
		if code != exitOK {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		for file, want := range map[string]string{
			"sales_pipeline.csv": "sales_pipeline.csv deals synonyms header row 1 rows 8800: used 8800",
			"sales_teams.csv":    "sales_teams.csv roster synonyms header row 1 rows 35: used 35",
			"accounts.csv":       "accounts.csv none no rep or owner column",
			"products.csv":       "products.csv none no rep or owner column",
		} {
			if got := inputLine(t, out, file); !strings.HasPrefix(got, want) {
				t.Errorf("%s:\n got %s\nwant %s…", file, got, want)
			}
		}
	})
	t.Run("deal-owner-pipeline", func(t *testing.T) {
		code, out, _ := runMain(t, "check", "-in", filepath.Join(root, "deal-owner-pipeline"))
		// 1,000 deals; one stray row (",,1,,,…") has no rep and is reported.
		if code != exitLeftOut {
			t.Errorf("exit %d, want %d", code, exitLeftOut)
		}
		got := inputLine(t, out, "sales_pipeline.csv")
		if !regexp.MustCompile(`^sales_pipeline\.csv deals synonyms header row 1 rows 1001: used 1000, left out 1, skipped 4840$`).MatchString(got) {
			t.Errorf("got %s", got)
		}
		if !strings.Contains(out, `row 3764 column "Deal Owner": no rep`) {
			t.Errorf("stray row not reported:\n%s", out)
		}
	})
}

func TestCheckExitCodes(t *testing.T) {
	empty := t.TempDir()
	if code, _, errOut := runMain(t, "check", "-in", empty); code != exitNothing || !strings.Contains(errOut, "is empty") {
		t.Errorf("empty inbox: exit %d, %q", code, errOut)
	}
	if code, _, _ := runMain(t, "check", "-in", filepath.Join(empty, "missing")); code != exitUsage {
		t.Errorf("missing inbox: exit %d", code)
	}
	if code, _, errOut := runMain(t, "check", "-bogus"); code != exitUsage || !strings.Contains(errOut, "bogus") {
		t.Errorf("bad flag: exit %d, %q", code, errOut)
	}
	if code, _, _ := runMain(t, "check", "-h"); code != exitOK {
		t.Errorf("-h: exit %d", code)
	}
	if code, _, errOut := runMain(t, "frobnicate"); code != exitUsage || !strings.Contains(errOut, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "config.yaml")
	os.WriteFile(bad, []byte("inbox: x\ncommision:\n  rate: 0.1\n"), 0o644)
	if code, _, errOut := runMain(t, "check", "-config", bad); code != exitUsage || !strings.Contains(errOut, "commision") || !strings.Contains(errOut, ":2") {
		t.Errorf("unknown config key: exit %d, %q", code, errOut)
	}
	good := t.TempDir()
	os.WriteFile(filepath.Join(good, "a.csv"), []byte("Rep,Date,Type\nJane,2026-10-01,call\n"), 0o644)
	if code, out, _ := runMain(t, "check", "-in", good); code != exitOK || !strings.Contains(out, "a.csv") {
		t.Errorf("good inbox: exit %d\n%s", code, out)
	}
	os.WriteFile(filepath.Join(good, "b.csv"), []byte("Rep,Date,Type\n,2026-10-01,call\n"), 0o644)
	if code, _, _ := runMain(t, "check", "-in", good); code != exitLeftOut {
		t.Errorf("inbox with a bad row: exit %d", code)
	}
}

// check prints one mapping block for the sheets it could not read; pasted
// into config.yaml as it is, it makes them read.
func TestCheckSuggestsMapping(t *testing.T) {
	dir := t.TempDir()
	inbox := filepath.Join(dir, "inbox")
	writeFile(t, filepath.Join(inbox, "calls log.csv"), "Rep,Date of call,Outcome\nJane Doe,2026-10-01,Won\nJane Doe,2026-10-02,Lost\n")
	// Polish: a language no synonym knows.
	writeFile(t, filepath.Join(inbox, "ventas.csv"), "Sprzedawca,Dzień,Klient\nAna Ruiz,2026-10-01,Acme\nLuis Gil,2026-10-02,Globex\nAna Ruiz,2026-10-03,Initech\n")
	code, out, _ := runMain(t, "check", "-in", inbox)
	if code != exitNothing {
		t.Fatalf("exit %d, want %d (no sheet read)\n%s", code, exitNothing, out)
	}
	_, block, ok := strings.Cut(out, "paste them into config.yaml:\n\n")
	if !ok {
		t.Fatalf("no mapping block in:\n%s", out)
	}
	block, _, _ = strings.Cut(block, "\n\n")
	if n := strings.Count(block, "mapping:"); n != 1 {
		t.Errorf("%d mapping: keys in the block, want 1:\n%s", n, block)
	}
	config := filepath.Join(dir, "config.yaml")
	writeFile(t, config, strings.ReplaceAll(block, "\n  ", "\n")[2:]+"\n")
	code, out, errOut := runMain(t, "check", "-config", config, "-in", inbox)
	if code != exitOK {
		t.Fatalf("with the pasted mapping: exit %d\n%s%s", code, out, errOut)
	}
	for _, file := range []string{"calls log.csv", "ventas.csv"} {
		if line := inputLine(t, out, file); !strings.Contains(line, "config mapping") {
			t.Errorf("%s not read through the mapping: %q", file, line)
		}
	}
}
