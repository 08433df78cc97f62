package teamxlsx

import (
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/output"
)

// Whatever text a spreadsheet held, team.xlsx opens, and its cells read
// back as the cleaned text: a prospect as one clean line, an issue's
// value as data-issues.csv has it (without the quote before a formula).
func FuzzText(f *testing.F) {
	for _, s := range []string{"Acme", "=1+1", "a\x00b", "\xff\xfe", "<b>&amp;</b>", "line\r\nbreak", "\u202eevil", "_x0041_", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rpt := fixture()
		rpt.Reps[1].Wins[0].Prospect = s
		issues := []repcard.Issue{{File: s, Raw: s, Kind: repcard.IssueNoDate}}
		file := open(t, write(t, rpt, issues))
		check := func(sheet, cell, want string) {
			got, err := file.GetCellValue(sheet, cell, excelizeRaw)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s!%s = %q, want %q (from %q)", sheet, cell, got, want, s)
			}
		}
		check(SheetWins, "C2", untrusted.Line(s))
		check(SheetIssues, "A2", output.IssueCell(s, 0))
		check(SheetIssues, "E2", output.IssueCell(s, output.MaxRawRunes))
	})
}
