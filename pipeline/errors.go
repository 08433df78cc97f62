package pipeline

import "fmt"

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

// WriteError is a failure while writing a period's outputs. Written files
// were written whole before it; the others are as the previous run left
// them.
type WriteError struct {
	Dir     string // the period folder, out/<period>
	Written int    // outputs written before the failure
	Err     error
}

func (e *WriteError) Error() string {
	if e.Written == 0 {
		return e.Err.Error()
	}
	return fmt.Sprintf("%v (after %d of the outputs in %s were written)", e.Err, e.Written, e.Dir)
}
func (e *WriteError) Unwrap() error { return e.Err }
