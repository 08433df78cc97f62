// Command repcard turns the spreadsheets sales teams keep into per-rep
// coaching PDFs, a manager summary and metrics.json. See doc.go.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise: a year of a 500-rep team (a million rows) then runs in under
// 200 MB. The garbage collector works harder near it; it is a soft limit,
// so a larger inbox still runs, with more collecting.
const memoryLimit = 160 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
