package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/repcard/repcard/reader"
)

// fileStamp is what tells that a file changed.
type fileStamp struct {
	size int64
	mod  time.Time
}

// inboxWatcher wakes the watch loop on file events, when the system sends
// them; the loop also polls, so a folder whose events never arrive (network
// drives) is still watched.
type inboxWatcher struct {
	dir    string
	out    string // not watched: the outputs are no inputs
	fsw    *fsnotify.Watcher
	events chan struct{}
	done   chan struct{}
}

func newInboxWatcher(dir, out string, noEvents func(error)) *inboxWatcher {
	w := &inboxWatcher{dir: dir, out: out, events: make(chan struct{}, 1), done: make(chan struct{})}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if noEvents != nil {
			noEvents(err)
		}
		return w
	}
	w.fsw = fsw
	w.addTree(dir)
	go w.forward()
	return w
}

// walkInbox calls fn with each entry under dir that reading would visit:
// hidden folders below dir, and the out folder out, are passed over, as
// reader does.
func walkInbox(dir, out string, fn func(path string, d fs.DirEntry)) {
	outInfo, _ := os.Stat(out)
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && p != dir && !reader.IsInputDir(d.Name()) {
			return fs.SkipDir
		}
		if d.IsDir() && p != dir && outInfo != nil {
			if fi, err := d.Info(); err == nil && os.SameFile(fi, outInfo) {
				return fs.SkipDir
			}
		}
		fn(p, d)
		return nil
	})
}

// addTree watches dir and the folders under it.
func (w *inboxWatcher) addTree(dir string) {
	walkInbox(dir, w.out, func(p string, d fs.DirEntry) {
		if d.IsDir() {
			w.fsw.Add(p)
		}
	})
}

func (w *inboxWatcher) forward() {
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() && !w.isOut(fi) {
					w.addTree(ev.Name)
				}
			}
			select {
			case w.events <- struct{}{}:
			default:
			}
		case _, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
		}
	}
}

// snapshot stamps every input file under the inbox; lock and temp files are
// not input files, so they never trigger a rebuild.
func (w *inboxWatcher) snapshot() map[string]fileStamp {
	m := make(map[string]fileStamp)
	walkInbox(w.dir, w.out, func(p string, d fs.DirEntry) {
		if d.IsDir() || !reader.IsInputFile(d.Name()) {
			return
		}
		if fi, err := d.Info(); err == nil {
			m[p] = fileStamp{fi.Size(), fi.ModTime()}
		}
	})
	return m
}

// isOut reports whether fi is the out folder's.
func (w *inboxWatcher) isOut(fi os.FileInfo) bool {
	out, err := os.Stat(w.out)
	return err == nil && os.SameFile(fi, out)
}

func (w *inboxWatcher) close() {
	close(w.done)
	if w.fsw != nil {
		w.fsw.Close()
	}
}
