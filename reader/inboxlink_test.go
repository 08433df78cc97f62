package reader

import (
	"os"
	"path/filepath"
	"testing"
)

// An inbox given as a link to a folder is read; a link inside the inbox is
// still passed over.
func TestInboxIsALink(t *testing.T) {
	deals := "Owner,Stage,Amount,Close Date\nJane Doe,Closed Won,100,2026-10-02\n"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"exports/deals.csv": deals, "elsewhere/more.csv": deals})
	link := filepath.Join(dir, "inbox")
	if err := os.Symlink(filepath.Join(dir, "exports"), link); err != nil {
		t.Skipf("cannot make a link here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "elsewhere", "more.csv"), filepath.Join(dir, "exports", "more.csv")); err != nil {
		t.Fatal(err)
	}
	b, recs := readInbox(t, link, nil)
	if len(recs) != 1 || len(b.Inputs) != 1 || b.Inputs[0].File != "deals.csv" {
		t.Errorf("%d records from %+v; want the one row of deals.csv", len(recs), b.Inputs)
	}
	passed := false
	for _, ig := range b.Ignored {
		passed = passed || ig.File == "more.csv"
	}
	if !passed {
		t.Errorf("the link more.csv inside the inbox is not passed over: %+v", b.Ignored)
	}
}
