// Command prof runs one repcard batch in-process (pipeline.Run, as
// 'repcard run' does) under the CPU or heap profiler, for go tool pprof:
//
//	go run ./bench/prof -in /tmp/bench/inbox -out /tmp/bench/out -cpu cpu.prof
//	go tool pprof -top cpu.prof
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/pipeline"
)

func main() {
	in := flag.String("in", "", "inbox `folder` (required)")
	out := flag.String("out", "", "out `folder` (required)")
	cpu := flag.String("cpu", "", "write a CPU profile to `file`")
	heap := flag.String("heap", "", "write a heap profile to `file` when rendering starts (what the run holds)")
	flag.Parse()
	if *in == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*in, *out, *cpu, *heap); err != nil {
		fmt.Fprintln(os.Stderr, "prof:", err)
		os.Exit(1)
	}
}

// liveHeap prints the heap that a run holds when it starts to render: what
// the memory limit of the command must leave room for.
type liveHeap struct{ heap string }

func (h liveHeap) Phase(name string, total int) {
	if name != "rendering" {
		return
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Printf("live heap before rendering %d documents: %.1f MB\n", total, float64(m.HeapAlloc)/(1<<20))
	if h.heap == "" {
		return
	}
	f, err := os.Create(h.heap)
	if err == nil {
		err = pprof.WriteHeapProfile(f)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "prof:", err)
	}
}

func (liveHeap) Step(string) {}

func run(in, out, cpu, heap string) error {
	cfg := config.Default()
	cfg.Inbox, cfg.Out = in, out
	if cpu != "" {
		f, err := os.Create(cpu)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	res, err := pipeline.Run(context.Background(), cfg, pipeline.Options{Progress: liveHeap{heap}})
	if err != nil {
		return err
	}
	fmt.Printf("%d reps, %d PDFs in %.1fs\n", len(res.Report.Reps), res.PDFs, time.Since(start).Seconds())
	return nil
}
