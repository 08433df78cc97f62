package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
)

// MaxRawRunes is how many runes of an issue's raw value data-issues.csv
// keeps; a longer value is cut and ends in "…".
const MaxRawRunes = 200

// issuesHeader is the header row of data-issues.csv.
var issuesHeader = []string{"file", "sheet", "row", "column", "value", "reason"}

// WriteIssuesCSV writes data-issues.csv to w: the header
// file,sheet,row,column,value,reason, then one record per issue in the given
// order. The row is empty when it is 0 (an issue about a whole file or
// sheet). The reason is the issue's Reason, after "warning (rows kept): "
// when its kind is a warning, or "note (nothing left out): " when it is
// repcard.IssueNotSalesData or repcard.IssuePassedOver. Records end in "\n" and there is no byte-order mark.
//
// Every text cell is made safe for a spreadsheet program:
//   - invalid UTF-8 becomes U+FFFD; NUL is removed; other control characters
//     (C0 except tab, DEL, C1, including CR and LF) and the invisible bidi
//     controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) become
//     U+FFFD, so the reader sees that something was there;
//   - the value is cut to MaxRawRunes runes plus "…";
//   - a cell whose first character after leading spaces is = + - @, a tab or a
//     CR (or a full-width ＝ ＋ － ＠) is prefixed with a single quote ', as the
//     OWASP guidance on CSV injection says, so that it opens as text rather
//     than as a formula. This also applies to harmless values: a raw value
//     "-5" is written as "'-5" and "+44 20 7946 0000" as "'+44 20 7946 0000".
//     A program reading the file back must strip one leading ' from such
//     cells to recover the original.
//
// Quoting follows encoding/csv, so the file reads back with encoding/csv.
func WriteIssuesCSV(w io.Writer, issues []repcard.Issue) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(issuesHeader); err != nil {
		return fmt.Errorf("data issues: %w", err)
	}
	rec := make([]string, len(issuesHeader))
	for _, is := range issues {
		rec[0] = csvCell(is.File, 0)
		rec[1] = csvCell(is.Sheet, 0)
		rec[2] = ""
		if is.Row > 0 {
			rec[2] = strconv.Itoa(is.Row)
		}
		rec[3] = csvCell(is.Column, 0)
		rec[4] = csvCell(is.Raw, MaxRawRunes)
		rec[5] = csvCell(IssueReason(is), 0)
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("data issues: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("data issues: %w", err)
	}
	return nil
}

// IssueReason is the issue's reason cell: a warning, whose rows were kept,
// says so first, and so does a sheet that is not sales data, which left
// nothing out.
func IssueReason(is repcard.Issue) string {
	switch {
	case is.Kind == repcard.IssueNotSalesData, is.Kind == repcard.IssuePassedOver:
		return "note (nothing left out): " + is.Reason()
	case is.Kind.Warning():
		return "warning (rows kept): " + is.Reason()
	}
	return is.Reason()
}

// csvCell cleans s for one CSV cell, cuts it to max runes when max > 0, and
// neutralises a formula.
func csvCell(s string, max int) string {
	trigger := formulaStart(s) // before cleaning: a leading CR is a trigger
	out := IssueCell(s, max)
	if trigger || formulaStart(out) {
		return "'" + out
	}
	return out
}

// IssueCell cleans s as WriteIssuesCSV does, and cuts it to max runes plus
// "…" when max > 0, but adds no quote before a formula: for a cell that is
// text by its type, as in a workbook.
func IssueCell(s string, max int) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if max > 0 && n == max {
			if rest := s[i:]; strings.IndexFunc(rest, func(r rune) bool { return r != 0 }) >= 0 {
				b.WriteString("…")
			}
			break
		}
		switch {
		case r == 0:
			continue
		case r == utf8.RuneError:
			// invalid UTF-8 (or a real U+FFFD): one replacement character
		case r != '\t' && (unicode.IsControl(r) || untrusted.IsBidiControl(r)):
			r = utf8.RuneError
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// formulaStart reports whether s's first character after leading spaces
// would make a spreadsheet program read the cell as a formula.
func formulaStart(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\u00a0', '\u3000', 0:
			continue
		case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠':
			return true
		}
		return false
	}
	return false
}
