package repcard_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The stages after reading depend on the domain types, never on a
// spreadsheet library: only reader (and what runs it) imports excelize.
func TestStagesDoNotImportSpreadsheetLibraries(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./report", "./coach", "./pdf", "./charts", "./output").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "excelize") || strings.Contains(dep, "mscfb") || strings.HasSuffix(dep, "/reader") {
			t.Errorf("a stage after reading depends on %s", dep)
		}
	}
}
