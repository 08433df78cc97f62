package reader

import (
	"path/filepath"
	"testing"

	"github.com/repcard/repcard/output"
)

// A folder that holds repcard's out lock is an out folder, whichever config
// wrote it: its sheets (team.xlsx, data-issues.csv) are never read as
// input, and it is listed as passed over. A folder without the lock is read.
func TestOutFolderByLock(t *testing.T) {
	deals := "Owner,Stage,Amount,Close Date\nJane Doe,Closed Won,100,2026-10-02\n"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"deals.csv":                      deals,
		"old/" + output.LockName:         "",
		"old/2026-10/deals-copy.csv":     deals,
		"old/2026-10/data-issues.csv":    "file,sheet,row,column,reason\n",
		"archive/2026-09/more-deals.csv": deals,
	})
	b, _ := readInbox(t, dir, nil)
	read := map[string]bool{}
	for _, in := range b.Inputs {
		read[filepath.ToSlash(in.File)] = true
	}
	if !read["deals.csv"] || !read["archive/2026-09/more-deals.csv"] {
		t.Errorf("inputs %v: want deals.csv and archive/2026-09/more-deals.csv read", read)
	}
	for f := range read {
		if filepath.Dir(f) == "old/2026-10" {
			t.Errorf("%s, in an out folder, was read", f)
		}
	}
	found := false
	for _, ig := range b.Ignored {
		if ig.File == "old/" {
			found = true
		}
	}
	if !found {
		t.Errorf("old/ is not listed as passed over: %+v", b.Ignored)
	}
}
