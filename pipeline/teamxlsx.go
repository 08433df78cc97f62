package pipeline

import (
	"io"
	"path/filepath"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/teamxlsx"
)

// writeTeamXLSX writes team.xlsx with write (the run's staging folder) from the whole report (before
// its lists are cut for the PDFs) and the rows of data-issues.csv. A run of
// some reps (-rep) writes none, as it writes no team summary: its lists
// would not be the team's.
func writeTeamXLSX(res *Result, issues []repcard.Issue, write func(string, func(io.Writer) error) error) error {
	if res.filtered {
		return nil
	}
	err := write(filepath.Join(res.Dir, "team.xlsx"), func(w io.Writer) error {
		return teamxlsx.Write(w, res.Report, issues)
	})
	if err != nil {
		return err
	}
	res.Written++
	return nil
}
