package reader

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"testing"
	"time"
)

// scriptedSource gives rows 1..n; rows listed in rowErrs are *rowErrors;
// after row n it gives end (io.EOF or another error) on every call, or
// panics when panicAt is that row.
type scriptedSource struct {
	n       int
	rowErrs map[int]bool
	end     error
	panicAt int
	num     int
	calls   int
	closed  int
}

func (s *scriptedSource) Next() ([]string, int, error) {
	s.calls++
	if s.num >= s.n {
		return nil, s.num, s.end
	}
	s.num++
	if s.num == s.panicAt {
		panic("boom")
	}
	if s.rowErrs[s.num] {
		return nil, s.num, &rowError{num: s.num, column: 1, reason: "too long"}
	}
	return []string{fmt.Sprint("r", s.num), "x"}, s.num, nil
}

func (s *scriptedSource) Close() error { s.closed++; return nil }

type step struct {
	row []string
	num int
	err string
}

func drain(t *testing.T, src rowSource, extra int) []step {
	t.Helper()
	var out []step
	for {
		row, num, err := src.Next()
		s := step{row: row, num: num}
		if err != nil {
			s.err = err.Error()
		}
		out = append(out, s)
		if ends(err) {
			break
		}
		if len(out) > 10_000 {
			t.Fatal("no end")
		}
	}
	for range extra { // calls after the end repeat it
		row, num, err := src.Next()
		out = append(out, step{row, num, err.Error()})
	}
	return out
}

func TestPrefetchSameAsSource(t *testing.T) {
	tests := []struct {
		name string
		src  func() *scriptedSource
	}{
		{"empty", func() *scriptedSource { return &scriptedSource{end: io.EOF} }},
		{"one row", func() *scriptedSource { return &scriptedSource{n: 1, end: io.EOF} }},
		{"a batch exactly", func() *scriptedSource { return &scriptedSource{n: minPrefetchBatch, end: io.EOF} }},
		{"many batches", func() *scriptedSource { return &scriptedSource{n: 3*maxPrefetchBatch + 7, end: io.EOF} }},
		{"row errors go on", func() *scriptedSource {
			return &scriptedSource{n: 600, rowErrs: map[int]bool{1: true, 16: true, 17: true, 500: true}, end: io.EOF}
		}},
		{"damage ends the sheet", func() *scriptedSource {
			return &scriptedSource{n: 300, end: errors.New("sheet XML ends early")}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := drain(t, tt.src(), 2)
			src := tt.src()
			p := prefetch(src)
			got := drain(t, p, 2)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("prefetched rows differ from the source's:\n got %v\nwant %v", got, want)
			}
			if err := p.Close(); err != nil || src.closed != 1 {
				t.Errorf("Close = %v, source closed %d times", err, src.closed)
			}
			if src.calls != len(want)-2 {
				t.Errorf("source read %d times for %d results: read past the end", src.calls, len(want)-2)
			}
		})
	}
}

func TestPrefetchCloseEarly(t *testing.T) {
	src := &scriptedSource{n: 1_000_000, end: io.EOF}
	p := prefetch(src)
	for range 5 {
		if _, _, err := p.Next(); err != nil {
			t.Fatal(err)
		}
	}
	closed := make(chan error, 1)
	go func() { closed <- p.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not stop the reading ahead")
	}
	// Close returned after the goroutine ended: src is no longer read.
	if calls := src.calls; calls > 10*maxPrefetchBatch {
		t.Errorf("read %d rows ahead of 5", calls)
	}
	if src.closed != 1 {
		t.Errorf("source closed %d times", src.closed)
	}
}

func TestPrefetchPanicEndsSheet(t *testing.T) {
	p := prefetch(&scriptedSource{n: 100, panicAt: 40, end: io.EOF})
	defer p.Close()
	got := drain(t, p, 0)
	last := got[len(got)-1]
	if len(got) != 40 || last.err == "" || last.row != nil {
		t.Fatalf("got %d results ending with %+v; want 39 rows and an error", len(got), last)
	}
	if want := "sheet cannot be read (boom)"; last.err != want {
		t.Errorf("error %q, want %q", last.err, want)
	}
}
