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

// WriteFile writes the file at path atomically. fn writes the content to a
// temporary file in the same folder (named "."+base+".tmp-*"), which is then
// synced, closed, given mode 0644 and renamed over path. A reader of path
// sees the old content or the new, never a part. The parent folder is created
// (0755) if needed.
//
// If fn returns an error, if a step fails, or if fn panics, the temporary
// file is removed and path is left as it was; the error says which file and
// wraps fn's error, and a panic is re-raised after the clean-up. Writes to w
// are buffered. A run killed mid-write leaves a temporary file behind, which
// CleanTemp removes.
func WriteFile(path string, fn func(w io.Writer) error) error {
	dir, base := filepath.Split(path)
	if base == "" || base == "." || base == ".." {
		return fmt.Errorf("write %s: not a file name", path)
	}
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done { // an error or a panic: fn's panic goes on after this
			f.Close()
			os.Remove(tmp)
		}
	}()

	bw := bufio.NewWriterSize(f, 64<<10)
	if err := fn(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable where the system allows it; failure (as on
// Windows, which cannot sync a folder) is ignored: the file itself is synced.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// isTemp reports whether name is one of WriteFile's temporary files.
func isTemp(name string) bool {
	ok, _ := filepath.Match(".*.tmp-*", name)
	return ok
}

// CleanTemp removes the temporary files a killed run left behind: regular
// files whose names match ".*.tmp-*", anywhere under dir. It returns how many
// it removed. A missing dir is not an error. Symbolic links are not followed.
// Call it before writing, not while another WriteFile may be running in dir.
func CleanTemp(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() || !isTemp(d.Name()) {
			return nil
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("clean temporary files in %s: %w", dir, err)
	}
	return n, nil
}

// SafeJoin joins root with path elements that are each a slug, optionally
// followed by ".pdf", ".json" or ".csv": "reps", "2026-10", "jose-muller.pdf",
// "data-issues.csv". Anything else is an error: "", ".", "..", "a/b", an
// absolute path, upper case, a Windows device name ("con.pdf") or a name over
// 255 bytes. Since no element can name a parent folder or hold a separator,
// the result stays inside root; SafeJoin checks that too. It is a lexical
// check: it does not resolve symbolic links already inside root.
//
// The period label "2026-Q4" has an upper-case Q: join it into root yourself
// (it comes from a parsed repcard.Period) or lowercase it.
func SafeJoin(root string, elems ...string) (string, error) {
	for _, e := range elems {
		if !validElem(e) {
			return "", fmt.Errorf("output path in %s: %q is not a slug", root, e)
		}
	}
	p := filepath.Join(append([]string{root}, elems...)...)
	rel, err := filepath.Rel(filepath.Clean(root), p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("output path %s: outside %s", p, root)
	}
	return p, nil
}

// validElem reports whether e is a slug with an optional output extension.
func validElem(e string) bool {
	if len(e) > 255 {
		return false
	}
	for _, ext := range []string{".pdf", ".json", ".csv", ".xlsx"} {
		if s, ok := strings.CutSuffix(e, ext); ok {
			e = s
			break
		}
	}
	return isSlug(e) && !isReserved(e)
}

// isSlug reports whether s matches ^[a-z0-9]+(-[a-z0-9]+)*$.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
