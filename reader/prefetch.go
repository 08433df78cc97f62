package reader

import (
	"errors"
	"io"
	"sync/atomic"

	"github.com/repcard/repcard"
)

// Batches of rows handed from the goroutine that reads ahead: small at
// first, so that classifying a sheet (a few rows, then Close) reads little
// more than it needs, then larger, so that a long sheet costs one channel
// operation per maxPrefetchBatch rows.
const (
	minPrefetchBatch = 16
	maxPrefetchBatch = 256
)

// prefetched is a rowSource that reads src on a goroutine of its own, a few
// batches ahead of its caller, so that decoding a sheet (excelize's XML
// parsing, most of the cost of reading an xlsx) and turning its rows into
// records use two cores. Rows reach the caller in src's order with the
// same numbers and errors, so the result is the same as reading src.
//
// src must not reuse a row's slice after Next returns it (excelize's
// Columns does not), and its Next must not panic.
type prefetched struct {
	src  rowSource
	full chan []fetched
	free chan []fetched
	stop atomic.Bool
	done chan struct{}

	batch []fetched
	i     int
	last  fetched // the error that ended the sheet, given again on later calls
}

type fetched struct {
	row []string
	num int
	err error
}

func prefetch(src rowSource) *prefetched {
	p := &prefetched{
		src:  src,
		full: make(chan []fetched, 4),
		free: make(chan []fetched, 6),
		done: make(chan struct{}),
		last: fetched{err: io.EOF},
	}
	go p.readAhead()
	return p
}

// readAhead runs on its own goroutine until src ends the sheet or Close
// stops it.
func (p *prefetched) readAhead() {
	defer close(p.done)
	defer close(p.full)
	size := minPrefetchBatch
	batch := make([]fetched, 0, size)
	for !p.stop.Load() {
		f := p.next()
		batch = append(batch, f)
		end := ends(f.err)
		if len(batch) < cap(batch) && !end {
			continue
		}
		p.full <- batch // never blocks past Close: Close drains full
		if end {
			return
		}
		size = min(2*size, maxPrefetchBatch)
		select {
		case batch = <-p.free:
			if cap(batch) < size {
				batch = make([]fetched, 0, size)
			}
		default:
			batch = make([]fetched, 0, size)
		}
	}
}

// next reads one row of src; a panic, which src should have turned into an
// error, ends the sheet instead of the program.
func (p *prefetched) next() (f fetched) {
	defer func() {
		if r := recover(); r != nil {
			f = fetched{num: f.num, err: issuef(repcard.IssueDamaged, "sheet cannot be read (%v)", r)}
		}
	}()
	f.row, f.num, f.err = p.src.Next()
	return f
}

// ends reports whether err ends the sheet: any error but a *rowError.
func ends(err error) bool {
	if err == nil {
		return false
	}
	var re *rowError
	return !errors.As(err, &re)
}

func (p *prefetched) Next() ([]string, int, error) {
	if p.i == len(p.batch) {
		if p.batch != nil {
			select {
			case p.free <- p.batch[:0]:
			default:
			}
		}
		batch, ok := <-p.full
		if !ok {
			p.batch, p.i = nil, 0
			return nil, p.last.num, p.last.err
		}
		p.batch, p.i = batch, 0
	}
	f := p.batch[p.i]
	p.batch[p.i] = fetched{} // the row is the caller's now
	p.i++
	if ends(f.err) {
		p.last = f
	}
	return f.row, f.num, f.err
}

// Close stops the reading ahead, waits for it and closes src.
func (p *prefetched) Close() error {
	p.stop.Store(true)
	for range p.full {
		// Unblock a send; the rows are dropped.
	}
	<-p.done
	return p.src.Close()
}
