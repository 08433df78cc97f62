package output

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Stage is a folder that a run fills with a period's complete set of
// outputs beside the period folder, then swaps into its place (Commit): a
// reader of out/<period> sees the previous set or the new one, never a mix,
// and a run that fails or is killed leaves the previous set as it was.
//
// The staging folder is out/.<period>.staging-<random>; hidden, so an out
// folder inside the inbox adds nothing to read. Only one process may stage
// into an out folder at a time: hold its Lock.
type Stage struct {
	Dir    string // the staging folder: write the outputs here
	target string // out/<period>
}

// NewStage creates a staging folder for the period folder target. It first
// finishes or undoes a swap that a killed run left half-done, and removes
// the staging folders earlier runs left behind.
func NewStage(target string) (*Stage, error) {
	target = filepath.Clean(target)
	parent, base := filepath.Split(target)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("stage %s: %w", target, err)
	}
	if err := recoverSwap(target); err != nil {
		return nil, fmt.Errorf("stage %s: %w", target, err)
	}
	stale, _ := filepath.Glob(filepath.Join(parent, "."+base+".staging-*"))
	for _, s := range stale {
		if err := os.RemoveAll(s); err != nil {
			return nil, fmt.Errorf("stage %s: remove an earlier staging folder: %w", target, err)
		}
	}
	dir, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return nil, fmt.Errorf("stage %s: %w", target, err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("stage %s: %w", target, err)
	}
	return &Stage{Dir: dir, target: target}, nil
}

// Discard removes the staging folder; the period folder is untouched.
func (s *Stage) Discard() { os.RemoveAll(s.Dir) }

// CarryOver hard-links (or, across devices, copies) into the staging folder
// the files and folders of the current period folder that match keep (a
// path relative to the period folder, with forward slashes) and that the
// staging folder does not hold yet. Files that belong to the period but
// are not a run's outputs go on this way.
func (s *Stage) CarryOver(keep func(rel string) bool) error {
	err := filepath.WalkDir(s.target, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == s.target && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if p == s.target {
			return nil
		}
		rel, err := filepath.Rel(s.target, p)
		if err != nil {
			return err
		}
		if !keep(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		dst := filepath.Join(s.Dir, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(dst, 0o755)
		case !d.Type().IsRegular():
			return nil // links, fifos: no run writes them
		}
		if _, err := os.Lstat(dst); err == nil {
			return nil // the run wrote it anew
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if os.Link(p, dst) == nil {
			return nil
		}
		return copyFile(p, dst)
	})
	if err != nil {
		return fmt.Errorf("carry over %s: %w", s.target, err)
	}
	return nil
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Commit makes the staged files durable and puts the staging folder in
// the period folder's place. On Linux the two folders are exchanged in one
// step (renameat2 with RENAME_EXCHANGE), then the previous set is removed.
// Where that is not available, the previous folder is renamed aside and
// the staging folder into place, with a marker file that the next
// NewStage reads to finish or undo a swap cut in the middle; between the
// two renames the period folder is briefly missing.
func (s *Stage) Commit() error {
	if err := syncTree(s.Dir); err != nil {
		return fmt.Errorf("sync %s: %w", s.Dir, err)
	}
	parent := filepath.Dir(s.target)
	if _, err := os.Lstat(s.target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.Dir, s.target); err != nil {
			return fmt.Errorf("replace %s: %w", s.target, err)
		}
		syncDir(parent)
		return nil
	}
	switch err := exchangeDirs(s.Dir, s.target); {
	case err == nil:
		syncDir(parent)
		os.RemoveAll(s.Dir) // the previous set; NewStage removes what is left
		return nil
	case !errors.Is(err, errNoExchange):
		return fmt.Errorf("replace %s: %w", s.target, err)
	}
	old, marker := swapNames(s.target)
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("replace %s: %w", s.target, err)
	}
	if err := WriteFile(marker, func(w io.Writer) error {
		_, err := io.WriteString(w, filepath.Base(s.Dir)+"\n")
		return err
	}); err != nil {
		return fmt.Errorf("replace %s: %w", s.target, err)
	}
	if err := os.Rename(s.target, old); err != nil {
		os.Remove(marker)
		return fmt.Errorf("replace %s: %w", s.target, err)
	}
	if err := os.Rename(s.Dir, s.target); err != nil {
		os.Rename(old, s.target)
		os.Remove(marker)
		return fmt.Errorf("replace %s: %w", s.target, err)
	}
	syncDir(parent)
	os.Remove(marker)
	os.RemoveAll(old)
	return nil
}

// swapNames are the previous folder's name during a two-rename swap, and
// the marker file that says a swap is under way.
func swapNames(target string) (old, marker string) {
	parent, base := filepath.Split(target)
	return filepath.Join(parent, "."+base+".old"), filepath.Join(parent, "."+base+".swap")
}

// recoverSwap finishes a two-rename swap cut between its renames: the
// staging folder the marker names goes into place, or else the previous
// folder goes back. A swap cut before its first rename or after its second
// needs only its marker and the previous folder removed.
func recoverSwap(target string) error {
	old, marker := swapNames(target)
	b, err := os.ReadFile(marker)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		staged := filepath.Join(filepath.Dir(target), strings.TrimSpace(string(b)))
		if !strings.HasPrefix(filepath.Base(staged), "."+filepath.Base(target)+".staging-") || os.Rename(staged, target) != nil {
			if err := os.Rename(old, target); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	if err := os.Remove(marker); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// errNoExchange: the system cannot swap two folders in one step.
var errNoExchange = errors.New("no atomic exchange")

// syncEach syncs every file and folder under dir, one by one.
func syncEach(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !d.Type().IsRegular() {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		serr := f.Sync()
		f.Close()
		if serr != nil && !d.IsDir() {
			return serr // a folder may not sync (Windows); its files do
		}
		return nil
	})
}

// WriteFile writes the file at path, a path in the staging folder, with
// what fn writes. Unlike the package's WriteFile it writes in place and
// does not sync: a file cut short stays in the staging folder, which is
// then never swapped in, and Commit syncs the whole set once.
func (s *Stage) WriteFile(path string, fn func(w io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = fn(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	var pe *fs.PathError
	if err != nil && !errors.As(err, &pe) { // a PathError names the file already
		return fmt.Errorf("write %s: %w", path, err)
	}
	return err
}

// exchangeDirs is exchange; tests take the two-rename way through it.
var exchangeDirs = exchange
