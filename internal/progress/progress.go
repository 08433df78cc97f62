// Package progress draws one live status line on a terminal while repcard
// reads and renders: the phase, a bar, steps done of total, elapsed time and
// an estimate of what is left. Off a terminal it draws nothing.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Line draws one live status line on a terminal: the phase, a bar,
// done of total, elapsed time and an estimate of what is left. On anything
// that is not a terminal (a log file, CI) it draws nothing: run prints one
// summary line at the end instead.
type Line struct {
	mu      sync.Mutex
	w       io.Writer
	live    bool
	start   time.Time
	phase   string
	done    int
	total   int
	last    time.Time
	width   int
	drawn   bool
	started time.Time // of the phase
}

// New returns a Line on w when w is a terminal and quiet is false;
// otherwise a Line that draws nothing (see live).
func New(w io.Writer, quiet bool) *Line {
	p := &Line{w: w, start: time.Now(), width: 80}
	if f, ok := w.(*os.File); ok && live(quiet, term.IsTerminal(int(f.Fd())), os.Getenv("TERM")) {
		p.live = true
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 40 {
			p.width = cols
		}
	}
	return p
}

// live says whether a Line draws: on a terminal, unless quiet or the
// terminal says it cannot move the cursor back (TERM=dumb, as in Emacs
// shells and some CI logs).
func live(quiet, terminal bool, termEnv string) bool {
	return terminal && !quiet && termEnv != "dumb"
}

// Phase starts a new phase ("reading", "rendering") of total steps.
func (p *Line) Phase(name string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase, p.done, p.total, p.started = name, 0, total, time.Now()
	p.draw(true)
}

// Step records one step done, with what it was (a file name).
func (p *Line) Step(what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.phase = strings.Fields(p.phase + " ")[0]
	if what != "" {
		p.phase += " " + what
	}
	p.draw(false)
}

// Done clears the line.
func (p *Line) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.live && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// draw repaints the line, at most ten times a second unless forced.
func (p *Line) draw(force bool) {
	if !p.live {
		return
	}
	now := time.Now()
	if !force && now.Sub(p.last) < 100*time.Millisecond && p.done < p.total {
		return
	}
	p.last, p.drawn = now, true
	elapsed := now.Sub(p.start).Round(100 * time.Millisecond)
	eta := ""
	if p.done > 0 && p.total > p.done {
		left := time.Duration(float64(now.Sub(p.started)) / float64(p.done) * float64(p.total-p.done))
		eta = " · about " + left.Round(time.Second).String() + " left"
	}
	const barWidth = 24
	filled := 0
	if p.total > 0 {
		filled = barWidth * p.done / p.total
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("░", barWidth-filled)
	line := fmt.Sprintf("%s %d/%d · %s%s · %s", bar, p.done, p.total, elapsed, eta, p.phase)
	if r := []rune(line); len(r) > p.width-1 {
		line = string(r[:p.width-2]) + "…"
	}
	fmt.Fprint(p.w, "\r\x1b[K"+line)
}
