package reader

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/output"
)

// discover lists the files to read, in lexical order of their paths, and
// records what it passes over.
func (r *inboxReader) discover() ([]string, error) {
	if fi, err := os.Stat(r.dir); err != nil {
		return nil, fmt.Errorf("inbox %s: %w", r.dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("inbox %s: not a folder", r.dir)
	}
	// The inbox itself may be a link to a folder (links inside it are
	// passed over): walk the folder it names.
	if fi, err := os.Lstat(r.dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		dir, err := filepath.EvalSymlinks(r.dir)
		if err != nil {
			return nil, fmt.Errorf("inbox %s: %w", r.dir, err)
		}
		r.dir = dir
	}
	// The out folder, when it is inside the inbox, is not input.
	var out fs.FileInfo
	if r.cfg != nil && r.cfg.Out != "" {
		out, _ = os.Stat(r.cfg.Out)
	}
	var files []string
	err := filepath.WalkDir(r.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil && p == r.dir {
			return fmt.Errorf("inbox %s cannot be read: %w", r.dir, err)
		}
		if err != nil {
			rel := r.rel(p)
			r.fileIssue(rel, "", repcard.IssueUnlistable, err.Error())
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		rel := r.rel(p)
		if d.IsDir() {
			if p != r.dir && !IsInputDir(name) {
				return fs.SkipDir
			}
			if out != nil && p != r.dir {
				if fi, err := d.Info(); err == nil && os.SameFile(fi, out) {
					r.batch.OutFolder = untrusted.Visible(rel)
					return fs.SkipDir
				}
			}
			// Another out folder (of another config, or check without
			// -out): its lock file says repcard writes there.
			if p != r.dir && isOutFolder(p) {
				r.batch.Ignored = append(r.batch.Ignored, Ignored{untrusted.Visible(rel) + "/",
					"a repcard out folder (it holds " + output.LockName + "): reports are never read as input", false})
				return fs.SkipDir
			}
			return nil
		}
		switch why := skipReason(name, d.Type()); {
		case why != "":
			r.batch.Ignored = append(r.batch.Ignored, Ignored{untrusted.Visible(rel), why, !d.Type().IsRegular()})
		case isSpreadsheet(name):
			files = append(files, rel)
		case isUnsupported(name):
			is := r.fileIssue(rel, "", repcard.IssueUnsupportedFormat, strings.ToLower(path.Ext(name)))
			r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: is.File, Kind: repcard.KindNone, Reason: is.Reason()})
		default:
			r.batch.Ignored = append(r.batch.Ignored, Ignored{untrusted.Visible(rel), "not a spreadsheet (.xlsx, .xlsm, .csv, .tsv)", false})
		}
		return nil
	})
	return files, err
}

func (r *inboxReader) rel(p string) string {
	rel, err := filepath.Rel(r.dir, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// skipReason says why a file is passed over without a word in the issues:
// lock and temp files of office programs and downloads, links, hidden files.
func skipReason(name string, mode fs.FileMode) string {
	lower := strings.ToLower(name)
	switch {
	case mode&fs.ModeSymlink != 0:
		return "symbolic link (not followed)"
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe (fifo), not a file"
	case mode&fs.ModeSocket != 0:
		return "socket, not a file"
	case mode&fs.ModeDevice != 0:
		return "device, not a file"
	case !mode.IsRegular():
		return "not a regular file"
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock"):
		return "lock file of an open spreadsheet"
	case strings.HasSuffix(lower, ".tmp"), strings.HasSuffix(lower, ".part"), strings.HasSuffix(lower, ".crdownload"):
		return "temporary or partial download"
	case strings.HasPrefix(name, "."):
		return "hidden file"
	}
	return ""
}

// IsInputDir reports whether repcard looks inside a folder of this name
// below the inbox: hidden folders (a name that starts with ".", such as .git
// or .Trash) are skipped with everything in them. The inbox itself is always
// read, whatever its name.
func IsInputDir(name string) bool {
	return !strings.HasPrefix(name, ".")
}

// IsInputFile reports whether repcard reads a file of this name (watch uses
// it to decide which changes matter).
func IsInputFile(name string) bool {
	return skipReason(name, 0) == "" && (isSpreadsheet(name) || isUnsupported(name))
}

func isSpreadsheet(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".tsv":
		return true
	}
	return false
}

// isUnsupported reports a spreadsheet in a format repcard does not read
// (.xls, .ods …): an issue, so that the person sees how to convert it.
func isUnsupported(name string) bool {
	return repcard.IsUnsupportedFormat(strings.ToLower(path.Ext(name)))
}

// isOutFolder reports whether dir is a folder repcard writes reports into:
// it holds the out lock file.
func isOutFolder(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, output.LockName))
	return err == nil
}
