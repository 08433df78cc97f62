// Package golden compares test output with golden files under testdata/, as
// go/printer's tests do, and rewrites them when tests run with -update:
//
//	got := render(t, "case1")
//	golden.Check(t, "testdata/case1.golden", got)
//
//	go test ./...           # compare
//	go test ./... -update   # rewrite testdata/…golden; review the diff like code
//
// Only tests import this package: importing it registers the -update flag.
// Golden files are compared byte for byte, so keep git from changing their
// line endings (a .gitattributes line "testdata/** -text").
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Update is the -update flag: rewrite golden files instead of comparing.
// It is registered here once; tests in every package use golden.Update.
var Update = flag.Bool("update", false, "rewrite golden files under testdata/")

// maxDiffLines is how many differing lines a mismatch prints.
const maxDiffLines = 20

// Check compares got with the golden file at path. With -update it writes
// got to path instead, creating folders as needed. A mismatch or a missing
// file fails the test (without stopping it) with a line diff: the first
// differing lines, each with its line number, "-" for the golden file and
// "+" for got.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("golden: %v", err)
			return
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("golden: %v (run go test -update to create it)", err)
		return
	}
	if bytes.Equal(want, got) {
		return
	}
	t.Errorf("%s differs from the output (run go test -update to accept it):\n%s", path, diff(want, got))
}

// diff returns a short line diff of want and got: at most maxDiffLines lines
// of the form "-12: text" (only in want, at want's line 12) and "+12: text"
// (only in got, at got's line 12). Lines holding control characters or
// trailing white space are quoted; a last line without a final newline is
// marked. It is for failure messages only.
func diff(want, got []byte) string {
	a, b := lines(want), lines(got)

	// Common prefix and suffix; diff the middle.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	am, bm := a[p:len(a)-s], b[p:len(b)-s]

	var out []string
	add := func(sign byte, n int, line string) { // n is 0-based in a or b
		out = append(out, fmt.Sprintf("%c%d: %s", sign, n+1, show(line)))
	}
	if len(am)*len(bm) > 4_000_000 {
		// Too big for the table below: all removed lines, then all added.
		for i, l := range am {
			add('-', p+i, l)
		}
		for j, l := range bm {
			add('+', p+j, l)
		}
	} else {
		// Longest common subsequence, then walk it.
		n, m := len(am), len(bm)
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if am[i] == bm[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && am[i] == bm[j]:
				i++
				j++
			case j == m || i < n && lcs[i+1][j] >= lcs[i][j+1]:
				add('-', p+i, am[i])
				i++
			default:
				add('+', p+j, bm[j])
				j++
			}
		}
	}
	if len(out) > maxDiffLines {
		more := len(out) - maxDiffLines
		out = append(out[:maxDiffLines], fmt.Sprintf("… and %d more differing lines", more))
	}
	return strings.Join(out, "\n")
}

// lines splits s into lines that keep their "\n"; the last line may lack it.
func lines(s []byte) []string {
	ls := strings.SplitAfter(string(s), "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// show formats one line for a diff.
func show(line string) string {
	body, nl := strings.CutSuffix(line, "\n")
	quote := strings.TrimRightFunc(body, unicode.IsSpace) != body ||
		strings.ContainsFunc(body, func(r rune) bool { return unicode.IsControl(r) || r == unicode.ReplacementChar })
	if quote {
		body = strconv.Quote(body)
	}
	if !nl {
		body += " (no newline at end)"
	}
	return body
}
