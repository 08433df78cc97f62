package progress

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// Off a terminal, nothing is drawn, whatever happens.
func TestNotATerminal(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, false)
	p.Phase("reading", 3)
	p.Step("a.csv")
	p.Done()
	if b.Len() != 0 {
		t.Errorf("drew %q on a buffer", b.String())
	}
}

// The line is drawn on a terminal only, and neither with -quiet nor when
// TERM=dumb (a terminal that cannot redraw a line).
func TestLive(t *testing.T) {
	for _, c := range []struct {
		quiet, terminal bool
		term            string
		want            bool
	}{
		{false, true, "xterm-256color", true},
		{false, true, "", true},
		{false, true, "dumb", false},
		{true, true, "xterm", false},
		{false, false, "xterm", false},
	} {
		if got := live(c.quiet, c.terminal, c.term); got != c.want {
			t.Errorf("live(quiet %v, terminal %v, TERM=%q) = %v, want %v", c.quiet, c.terminal, c.term, got, c.want)
		}
	}
}

// On a terminal (forced here), each phase and the last step are drawn,
// the line fits the width, and Done clears it.
func TestLine(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, false)
	p.live, p.width = true, 60
	p.Phase("rendering", 2)
	p.Step("jane-doe.pdf")
	p.Step("a-rep-with-a-very-long-name-that-does-not-fit-the-line.pdf")
	p.Done()
	draws := strings.Split(b.String(), "\r\x1b[K")[1:]
	if len(draws) != 3 || draws[2] != "" {
		t.Fatalf("draws %q: want the phase, the last step, then a clear", draws)
	}
	if !strings.HasPrefix(draws[0], strings.Repeat("░", 24)+" 0/2 · ") || !strings.HasSuffix(draws[0], " · rendering") {
		t.Errorf("phase line %q", draws[0])
	}
	if !strings.HasPrefix(draws[1], strings.Repeat("█", 24)+" 2/2 · ") || !strings.HasSuffix(draws[1], "…") {
		t.Errorf("last step %q", draws[1])
	}
	if n := utf8.RuneCountInString(draws[1]); n > p.width-1 {
		t.Errorf("line of %d runes on a %d-column terminal", n, p.width)
	}
}

// Steps come from several rendering workers at once.
func TestConcurrentSteps(t *testing.T) {
	var b bytes.Buffer
	p := New(&b, false)
	p.live = true
	p.Phase("rendering", 400)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				p.Step(fmt.Sprintf("w%d-%d.pdf", w, i))
			}
		}()
	}
	wg.Wait()
	if p.done != 400 {
		t.Errorf("done %d, want 400", p.done)
	}
}
