package output

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reps", "anna.pdf")
	if err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "first")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "first" {
		t.Errorf("content = %q, want %q", got, "first")
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
	}
	// Replace it.
	if err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "second")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != "second" {
		t.Errorf("content = %q, want %q", got, "second")
	}
	if got := dirNames(t, filepath.Dir(path)); !slices.Equal(got, []string{"anna.pdf"}) {
		t.Errorf("folder holds %q", got)
	}
}

func TestWriteFileError(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anna.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half of a new fi")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want it to wrap %v", err, boom)
	}
	if got := readString(t, path); got != "old" {
		t.Errorf("content = %q, want old", got)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"anna.pdf"}) {
		t.Errorf("folder holds %q", got)
	}
}

func TestWriteFilePanic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anna.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() {
			if r := recover(); r != "boom" {
				t.Errorf("recovered %v, want the panic to go on", r)
			}
		}()
		WriteFile(path, func(w io.Writer) error {
			io.WriteString(w, "half of a new fi")
			panic("boom")
		})
	}()
	if got := readString(t, path); got != "old" {
		t.Errorf("content = %q, want old", got)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"anna.pdf"}) {
		t.Errorf("folder holds %q", got)
	}
}

func TestWriteFileBadPath(t *testing.T) {
	dir := t.TempDir()
	called := false
	fn := func(w io.Writer) error { called = true; return nil }
	for _, p := range []string{dir + string(filepath.Separator), filepath.Join(dir, "..")} {
		if err := WriteFile(p, fn); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
	// A folder in the way: the rename fails and nothing is left behind.
	if err := os.Mkdir(filepath.Join(dir, "x.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "x.pdf"), fn); err == nil {
		t.Errorf("WriteFile over a folder succeeded")
	}
	if !called {
		t.Errorf("fn was not called before the rename")
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"x.pdf"}) {
		t.Errorf("folder holds %q", got)
	}
}

func TestCleanTemp(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // path → kept
		"team.pdf":                         true,
		".team.pdf.tmp-123":                false,
		"reps/anna.pdf":                    true,
		"reps/.anna.pdf.tmp-9876":          false,
		"reps/deep/.metrics.json.tmp-1":    false,
		"reps/team.pdf.tmp-1":              true, // no leading dot
		"reps/.hidden":                     true,
		"reps/.anna.pdf.tmpx":              true,
		"review/.data-issues.csv.tmp-4444": false,
	}
	for p := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A folder with a temp-like name is left alone.
	if err := os.Mkdir(filepath.Join(dir, ".x.tmp-1"), 0o755); err != nil {
		t.Fatal(err)
	}
	n, err := CleanTemp(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("CleanTemp removed %d files, want 4", n)
	}
	for p, kept := range files {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		if exists := err == nil; exists != kept {
			t.Errorf("%s: exists = %v, want %v", p, exists, kept)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".x.tmp-1")); err != nil {
		t.Errorf("folder .x.tmp-1 removed: %v", err)
	}

	n, err = CleanTemp(filepath.Join(dir, "missing"))
	if n != 0 || err != nil {
		t.Errorf("CleanTemp(missing) = %d, %v; want 0, nil", n, err)
	}
}

func TestSafeJoin(t *testing.T) {
	root := filepath.Join("out", "2026-10")
	for _, tc := range []struct {
		elems []string
		want  string // "" for an error
	}{
		{[]string{"reps"}, filepath.Join(root, "reps")},
		{[]string{"reps", "jose-muller.pdf"}, filepath.Join(root, "reps", "jose-muller.pdf")},
		{[]string{"metrics.json"}, filepath.Join(root, "metrics.json")},
		{[]string{"data-issues.csv"}, filepath.Join(root, "data-issues.csv")},
		{[]string{"2026-10"}, filepath.Join(root, "2026-10")},
		{nil, root},
		{[]string{".."}, ""},
		{[]string{"reps", ".."}, ""},
		{[]string{"."}, ""},
		{[]string{""}, ""},
		{[]string{"a/b"}, ""},
		{[]string{`a\b`}, ""},
		{[]string{"/etc/passwd"}, ""},
		{[]string{`C:\x`}, ""},
		{[]string{"Anna"}, ""},
		{[]string{"2026-Q4"}, ""},
		{[]string{"-anna"}, ""},
		{[]string{"anna-"}, ""},
		{[]string{"a--b"}, ""},
		{[]string{"anna.exe"}, ""},
		{[]string{"anna.pdf.pdf"}, ""},
		{[]string{".pdf"}, ""},
		{[]string{"con"}, ""},
		{[]string{"con.pdf"}, ""},
		{[]string{"lpt1.csv"}, ""},
		{[]string{"jose müller.pdf"}, ""},
	} {
		got, err := SafeJoin(root, tc.elems...)
		if tc.want == "" {
			if err == nil {
				t.Errorf("SafeJoin(%q, %q) = %q, want an error", root, tc.elems, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("SafeJoin(%q, %q) = %q, %v; want %q", root, tc.elems, got, err, tc.want)
		}
	}
}
