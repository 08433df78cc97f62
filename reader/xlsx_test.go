package reader

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// TestXLSXStyleBomb: excelize reads styles.xml whole when it opens a
// workbook, so an oversized one must be refused before it is opened.
func TestXLSXStyleBomb(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "styles.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	w, _ := z.Create("xl/styles.xml")
	w.Write([]byte("<styleSheet>"))
	chunk := []byte(strings.Repeat("<numFmts/>", 1000))
	for range 700 { // 7 MB, deflated to almost nothing
		w.Write(chunk)
	}
	w.Write([]byte("</styleSheet>"))
	z.Close()
	f.Close()
	cfg := config.Default()
	cfg.Limits.MaxXMLMemoryMB = 1
	res := read(t, dir, cfg)
	if is := res.batch.Issues; len(is) != 1 || is[0].Kind != repcard.IssueOverLimit || !strings.Contains(is[0].Detail, "xl/styles.xml") {
		t.Errorf("issues = %v", res.batch.Issues)
	}
}
