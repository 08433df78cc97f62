package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTB records failures instead of failing the real test.
type fakeTB struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.failed = true
	f.msg += fmt.Sprintf(format, args...)
}
func (f *fakeTB) Fatalf(format string, args ...any) { f.Errorf(format, args...) }

func TestCheck(t *testing.T) {
	defer func(u bool) { *Update = u }(*Update)
	*Update = false
	dir := t.TempDir()
	path := filepath.Join(dir, "testdata", "sub", "x.golden")

	// Missing file: fails and says how to create it.
	var f fakeTB
	Check(&f, path, []byte("a\n"))
	if !f.failed || !strings.Contains(f.msg, "-update") {
		t.Errorf("missing file: failed=%v msg=%q", f.failed, f.msg)
	}

	// -update writes it, creating folders.
	*Update = true
	f = fakeTB{}
	Check(&f, path, []byte("a\nb\nc\n"))
	*Update = false
	if f.failed {
		t.Fatalf("update failed: %s", f.msg)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\nb\nc\n" {
		t.Fatalf("after update: %q, %v", b, err)
	}

	// Same bytes: passes.
	f = fakeTB{}
	Check(&f, path, []byte("a\nb\nc\n"))
	if f.failed {
		t.Errorf("equal: failed with %s", f.msg)
	}

	// Different: fails with a diff.
	f = fakeTB{}
	Check(&f, path, []byte("a\nB\nc\n"))
	if !f.failed || !strings.Contains(f.msg, "-2: b\n+2: B") {
		t.Errorf("mismatch: failed=%v msg=%q", f.failed, f.msg)
	}
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct{ name, want, got, diff string }{
		{"changed line", "a\nb\nc\n", "a\nX\nc\n", "-2: b\n+2: X"},
		{"inserted", "a\nc\n", "a\nb\nc\n", "+2: b"},
		{"deleted", "a\nb\nc\n", "a\nc\n", "-2: b"},
		{"line numbers differ", "x\na\nb\n", "a\nb\nc\n", "-1: x\n+3: c"},
		{"final newline", "a\n", "a", "-1: a\n+1: a (no newline at end)"},
		{"trailing space", "a\n", "a \n", "-1: a\n+1: \"a \""},
		{"crlf", "a\n", "a\r\n", "-1: a\n+1: \"a\\r\""},
		{"empty want", "", "a\n", "+1: a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := diff([]byte(tc.want), []byte(tc.got)); got != tc.diff {
				t.Errorf("diff = %q, want %q", got, tc.diff)
			}
		})
	}

	// Long diffs are cut.
	var a, b strings.Builder
	for i := range 100 {
		fmt.Fprintf(&a, "line %d\n", i)
		fmt.Fprintf(&b, "LINE %d\n", i)
	}
	d := diff([]byte(a.String()), []byte(b.String()))
	if n := strings.Count(d, "\n") + 1; n != maxDiffLines+1 || !strings.HasSuffix(d, "… and 180 more differing lines") {
		t.Errorf("long diff has %d lines:\n%s", n, d)
	}
}
