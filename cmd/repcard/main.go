// Command repcard turns the spreadsheets sales teams keep into per-rep
// coaching PDFs, a manager summary and metrics.json. See doc.go.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/repcard/repcard/pipeline"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise. What a run holds grows with reps × months and with the
// distinct prospects each rep deals with in a month (16 bytes each), not
// with rows: a year of a 500-rep team (a million rows, 930,000 distinct
// rep-prospect-months) holds about 34 MB, 100,000 rows about 8 MB. Without
// a limit the garbage collector lets the heap grow to twice what is held,
// so the million-row run would peak near 105 MB against 60 MB; with it, the
// collector works a little harder near the limit (about 10 % more CPU on
// that run) and the peak stays near 85 MB. It is a soft limit: a larger
// inbox still runs, with more collecting.
//
// The limit is raised when rendering starts to what the run then holds
// (the report: about 8 KB a rep) twice over, plus renderMargin (see
// limitOnRender): a fixed limit under a large team's report would have the
// collector run all the time, each PDF costing more the larger the team.
const memoryLimit = 72 << 20

// renderMargin is what the limit leaves, besides twice the heap held, for
// the PDFs being rendered.
const renderMargin = 24 << 20

// limitOnRender raises the memory limit when rendering starts (see
// memoryLimit), unless GOMEMLIMIT set it.
type limitOnRender struct{ pipeline.Progress }

func (l limitOnRender) Phase(name string, total int) {
	if name == "rendering" && os.Getenv("GOMEMLIMIT") == "" {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if want := int64(2*m.HeapAlloc) + renderMargin; want > debug.SetMemoryLimit(-1) {
			debug.SetMemoryLimit(want)
		}
	}
	if l.Progress != nil {
		l.Progress.Phase(name, total)
	}
}

func (l limitOnRender) Step(what string) {
	if l.Progress != nil {
		l.Progress.Step(what)
	}
}

func main() { os.Exit(command()) }

// command runs repcard as a process: the memory limit, Ctrl-C and SIGTERM
// stopping the run between writes, the arguments of the process. The tests
// run the test binary as the command through it.
func command() int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
}
