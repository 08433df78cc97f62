package teamxlsx

import (
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/output"
)

// Whatever text a spreadsheet held, team.xlsx opens, and its cells read
// back as the cleaned text: a prospect as one clean line, an issue's
// value as data-issues.csv has it (without the quote before a formula).
func FuzzText(f *testing.F) {
	for _, s := range []string{"Acme", "=1+1", "a\x00b", "\xff\xfe", "<b>&amp;</b>", "line\r\nbreak", "\u202eevil", "_x0041_", " ", "a  b", "Acme GmbH", "~!", "_x005F_x0041_", "\uFFFE"} {
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
		if cleanASCII(s) && untrusted.Line(s) != s {
			t.Errorf("cleanASCII(%q), but Line makes it %q", s, untrusted.Line(s))
		}
		check(SheetWins, "C2", xmlChars(untrusted.Line(s)))
		check(SheetIssues, "A2", xmlChars(output.IssueCell(s, 0)))
		check(SheetIssues, "E2", xmlChars(output.IssueCell(s, output.MaxRawRunes)))
	})
}

// xmlChars is s with the characters XML cannot hold that the cleaning
// leaves (the noncharacters U+FFFE and U+FFFF) as U+FFFD, as a cell has it.
func xmlChars(s string) string {
	return strings.NewReplacer("\uFFFE", "\uFFFD", "\uFFFF", "\uFFFD").Replace(s)
}
