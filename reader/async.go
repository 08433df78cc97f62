package reader

import "github.com/repcard/repcard"

// batchSize is how many records travel together between the goroutines of
// Async.
const batchSize = 1024

// Async runs consume on a goroutine of its own, so that reading (decoding,
// parsing) and what consumes the records (folding them into totals) use two
// cores. It returns the emit function to give ReadInbox, and wait, which
// hands over the last records and returns once consume has seen them all.
// Records reach consume in the order they were emitted, so the result is
// the same as calling consume directly.
func Async(consume func(*repcard.Record)) (emit func(*repcard.Record), wait func()) {
	full := make(chan []repcard.Record, 4)
	free := make(chan []repcard.Record, 6)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for batch := range full {
			for i := range batch {
				consume(&batch[i])
			}
			select {
			case free <- batch[:0]:
			default:
			}
		}
	}()
	batch := make([]repcard.Record, 0, batchSize)
	emit = func(rec *repcard.Record) {
		batch = append(batch, *rec)
		if len(batch) == batchSize {
			full <- batch
			select {
			case batch = <-free:
			default:
				batch = make([]repcard.Record, 0, batchSize)
			}
		}
	}
	wait = func() {
		if len(batch) > 0 {
			full <- batch
		}
		close(full)
		<-done
	}
	return emit, wait
}
