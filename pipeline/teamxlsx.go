package pipeline

import (
	"io"
	"path/filepath"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/teamxlsx"
)

// writeTeamXLSX writes team.xlsx, atomically, from the whole report (before
// its lists are cut for the PDFs) and the rows of data-issues.csv. A run of
// some reps (-rep) writes none, as it writes no team summary: its lists
// would not be the team's.
func writeTeamXLSX(res *Result, issues []repcard.Issue) error {
	if res.filtered {
		return nil
	}
	err := output.WriteFile(filepath.Join(res.Dir, "team.xlsx"), func(w io.Writer) error {
		return teamxlsx.Write(w, res.Report, issues)
	})
	if err != nil {
		return err
	}
	res.Written++
	return nil
}
