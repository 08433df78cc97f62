package pipeline

import (
	"fmt"

	"github.com/repcard/repcard/output"
)

// SetupError is a problem with what a run needs before it reads anything:
// the coaching templates, the font.
type SetupError struct{ Err error }

func (e *SetupError) Error() string { return e.Err.Error() }
func (e *SetupError) Unwrap() error { return e.Err }

// NothingError says there is nothing to report: no dated rows in the
// inbox, or no rep of the names asked for (then Reps lists each of them).
type NothingError struct {
	Msg  string
	Reps []RepNotFound
}

func (e *NothingError) Error() string { return e.Msg }

// WriteError is a failure while writing a period's outputs. The period
// folder is as the previous run left it: the outputs written before the
// failure went to a staging folder that was then removed.
type WriteError struct {
	Dir     string // the period folder, out/<period>
	Written int    // outputs staged before the failure, then thrown away
	Err     error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("%v (nothing in %s was changed)", e.Err, e.Dir)
}

// LockedError says another repcard holds the out folder's lock, and a run
// with Options.NoWait did not wait for it.
type LockedError = output.LockedError

func (e *WriteError) Unwrap() error { return e.Err }
