package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockName is the lock file in an out folder (see Lock).
const LockName = ".repcard.lock"

// LockedError says another process holds the lock of an out folder.
type LockedError struct {
	Dir string // what the holder is writing: the out folder, or a period in it
	PID int    // the holder's process id, 0 when it has not written it yet
}

func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("another repcard is writing %s (pid %d)", e.Dir, e.PID)
	}
	return fmt.Sprintf("another repcard is writing %s", e.Dir)
}

// errWouldBlock is what tryLock returns when another process holds the lock.
var errWouldBlock = errors.New("lock held")

// A Lock is held on an out folder: one writer at a time. It is an flock(2)
// (LockFileEx on Windows) on the file LockName in the folder, so the kernel
// releases it when the holding process ends in any way, kill -9 included; a
// lock file left behind holds nothing. The holder writes its pid into the
// file for the message of those who wait.
type Lock struct{ f *os.File }

// LockDir takes the lock of the out folder dir, creating dir if needed.
// When another process holds it, LockDir calls waiting once with a
// *LockedError naming what (label: the folder being written, for the
// message) and which pid, then waits until the lock is free or ctx is done.
// With waiting nil, it does not wait: it returns the *LockedError.
func LockDir(ctx context.Context, dir, label string, waiting func(*LockedError)) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", dir, err)
	}
	told := false
	for delay := time.Millisecond; ; delay = min(2*delay, 200*time.Millisecond) {
		err := tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errWouldBlock) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !told {
			locked := &LockedError{Dir: label, PID: holder(path)}
			if waiting == nil {
				f.Close()
				return nil, locked
			}
			waiting(locked)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(delay):
		}
	}
	// The pid is for others' messages only: a failure to write it is no
	// reason to stop.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &Lock{f: f}, nil
}

// holder reads the pid in the lock file at path; 0 when there is none.
func holder(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// Unlock releases the lock. The lock file stays: removing it would let a
// waiter lock a file that a newcomer then creates afresh beside it.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
