package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// tree lists the files under dir with their contents, and the names in
// dir's parent folder.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return m
}

func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// A commit replaces the folder's set with the staged one, by exchange or
// by two renames, carrying over only what keep names.
func TestStageCommit(t *testing.T) {
	for _, c := range []struct {
		name     string
		exchange bool
		old      map[string]string // nil: no folder yet
	}{
		{"exchange", true, map[string]string{"a.pdf": "old a", "gone.pdf": "old", "deliveries.csv": "ledger", "outbox/x.eml": "x"}},
		{"two renames", false, map[string]string{"a.pdf": "old a", "gone.pdf": "old", "deliveries.csv": "ledger", "outbox/x.eml": "x"}},
		{"first run", true, nil},
		{"first run, two renames", false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if !c.exchange {
				exchangeDirs = func(a, b string) error { return errNoExchange }
				defer func() { exchangeDirs = exchange }()
			}
			out := t.TempDir()
			target := filepath.Join(out, "2026-10")
			if c.old != nil {
				put(t, target, c.old)
			}
			st, err := NewStage(target)
			if err != nil {
				t.Fatal(err)
			}
			put(t, st.Dir, map[string]string{"a.pdf": "new a", "reps/b.pdf": "new b"})
			if err := st.CarryOver(func(rel string) bool {
				return rel == "deliveries.csv" || rel == "outbox" || rel == "outbox/x.eml" || rel == "a.pdf"
			}); err != nil {
				t.Fatal(err)
			}
			if err := st.Commit(); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"a.pdf": "new a", "reps/b.pdf": "new b"}
			if c.old != nil {
				want["deliveries.csv"] = "ledger"
				want["outbox/x.eml"] = "x"
			}
			if got := tree(t, target); !mapsEqual(got, want) {
				t.Errorf("set %v, want %v", got, want)
			}
			if got := names(t, out); !slices.Equal(got, []string{"2026-10"}) {
				t.Errorf("out holds %v", got)
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// NewStage finishes or undoes a two-rename swap that a killed run left at
// any point, and removes earlier staging folders: the folder then holds one
// whole set.
func TestNewStageRecovers(t *testing.T) {
	oldSet := map[string]string{"a.pdf": "old"}
	newSet := map[string]string{"a.pdf": "new"}
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, out string) // out/2026-10 and the rest
		want  map[string]string
	}{
		{"marker written, nothing renamed", func(t *testing.T, out string) {
			put(t, filepath.Join(out, "2026-10"), oldSet)
			put(t, filepath.Join(out, ".2026-10.staging-1"), newSet)
			put(t, out, map[string]string{".2026-10.swap": ".2026-10.staging-1\n"})
		}, oldSet},
		{"between the renames", func(t *testing.T, out string) {
			put(t, filepath.Join(out, ".2026-10.old"), oldSet)
			put(t, filepath.Join(out, ".2026-10.staging-1"), newSet)
			put(t, out, map[string]string{".2026-10.swap": ".2026-10.staging-1\n"})
		}, newSet},
		{"both renamed, marker left", func(t *testing.T, out string) {
			put(t, filepath.Join(out, ".2026-10.old"), oldSet)
			put(t, filepath.Join(out, "2026-10"), newSet)
			put(t, out, map[string]string{".2026-10.swap": ".2026-10.staging-1\n"})
		}, newSet},
		{"marker names no staging folder", func(t *testing.T, out string) {
			put(t, filepath.Join(out, ".2026-10.old"), oldSet)
			put(t, out, map[string]string{".2026-10.swap": "../elsewhere\n"})
		}, oldSet},
		{"killed while staging", func(t *testing.T, out string) {
			put(t, filepath.Join(out, "2026-10"), oldSet)
			put(t, filepath.Join(out, ".2026-10.staging-1"), map[string]string{"half.pdf": "x"})
		}, oldSet},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			c.setup(t, out)
			st, err := NewStage(filepath.Join(out, "2026-10"))
			if err != nil {
				t.Fatal(err)
			}
			if got := tree(t, filepath.Join(out, "2026-10")); !mapsEqual(got, c.want) {
				t.Errorf("set %v, want %v", got, c.want)
			}
			if got := names(t, out); !slices.Equal(got, []string{filepath.Base(st.Dir), "2026-10"}) {
				t.Errorf("out holds %v", got)
			}
			st.Discard()
		})
	}
}

// A second LockDir on a held folder reports the holder, or waits for it.
func TestLockDir(t *testing.T) {
	dir := t.TempDir()
	lk, err := LockDir(t.Context(), dir, "out/2026-10", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockDir(t.Context(), dir, "out/2026-10", nil)
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() {
		t.Fatalf("err = %v, want a *LockedError with pid %d", err, os.Getpid())
	}
	if want := "another repcard is writing out/2026-10 (pid "; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("message %q", err)
	}
	got := make(chan *Lock)
	go func() {
		l, err := LockDir(t.Context(), dir, "out/2026-10", func(*LockedError) { lk.Unlock() })
		if err != nil {
			t.Error(err)
		}
		got <- l
	}()
	if l := <-got; l != nil {
		l.Unlock()
	}
}
