package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/fixture"
)

// testConfig is the default config reading dir/inbox into dir/out, with
// the repository's coaching templates.
func testConfig(t *testing.T, dir string) *config.Config {
	t.Helper()
	cfg := config.Default()
	cfg.Inbox = filepath.Join(dir, "inbox")
	cfg.Out = filepath.Join(dir, "out")
	cfg.Templates = filepath.Join("..", "templates")
	return cfg
}

// writeFile and smallInbox: see internal/fixture.
var (
	writeFile  = fixture.WriteFile
	smallInbox = fixture.SmallInbox
)

// run runs a batch with opts and fails the test on an error.
func run(t *testing.T, cfg *config.Config, opts Options) *Result {
	t.Helper()
	res, err := Run(context.Background(), cfg, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// readTree returns every file under dir by its slash-separated relative
// path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// metrics is the part of metrics.json these tests read.
type metrics struct {
	Reps []struct {
		Rep string `json:"rep"`
	} `json:"reps"`
	Team struct {
		Contacts int `json:"contacts"`
		Closings int `json:"closings"`
	} `json:"team"`
	Inputs []struct {
		File       string `json:"file"`
		Used       int    `json:"used"`
		Duplicates int    `json:"duplicates"`
	} `json:"inputs"`
}

func readMetrics(t *testing.T, path string) metrics {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m metrics
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}
