package checkprint

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader"
)

// MaxIssuesShown is how many data issues Text prints before it counts the
// rest.
const MaxIssuesShown = 50

// outFolderReason is why check passes over the out folder in the inbox.
const outFolderReason = "the out folder, where repcard writes (never read as input)"

// Text writes what check found: a line per file and sheet, the files
// passed over, the warnings, then the issues. No line is wider than
// Width columns, but one word longer than that (a file name, a value)
// or a line of the config mapping it suggests.
func Text(w io.Writer, inbox string, b *reader.Batch) {
	fmt.Fprintf(w, "Inbox %s\n\n", inbox)
	printInputs(w, b.Inputs)
	if len(b.Ignored) > 0 || b.OutFolder != "" {
		fmt.Fprintln(w, "\nPassed over:")
		if b.OutFolder != "" {
			printWrapped(w, "  ", "    ", b.OutFolder+"/: "+outFolderReason)
		}
		for _, ig := range b.Ignored {
			printWrapped(w, "  ", "    ", ig.File+": "+ig.Reason)
		}
	}
	if len(b.Warnings) > 0 {
		fmt.Fprintln(w, "\nWarnings (rows kept):")
		for _, is := range b.Warnings {
			printWrapped(w, "  ", "    ", is.String())
		}
	}
	printWords(w, b)
	printSuggestions(w, b)
	rows, used, left, dups := b.Totals()
	if len(b.Issues) > 0 {
		fmt.Fprintf(w, "\nLeft out (%s):\n", plural(len(b.Issues), "issue", "issues"))
		for i, is := range b.Issues {
			if i == MaxIssuesShown {
				fmt.Fprintf(w, "  … and %d more (all of them are in data-issues.csv after 'repcard run')\n", len(b.Issues)-MaxIssuesShown)
				break
			}
			printWrapped(w, "  ", "    ", is.String())
		}
	}
	money := ""
	if b.Currency != "" {
		money = "; money in " + b.Currency
	}
	fmt.Fprintf(w, "\n%s, %s used, %s left out, %s dropped%s\n",
		plural(rows, "data row", "data rows"), plural(used, "row", "rows"), plural(left, "row", "rows"), plural(dups, "duplicate", "duplicates"), money)
}

// printWords lists the status words no config list places, and the owners
// written as e-mail addresses that no roster names.
func printWords(w io.Writer, b *reader.Batch) {
	if len(b.UnknownStatuses) > 0 {
		fmt.Fprintln(w, "\nStatus words not recognised:")
		for _, wc := range b.UnknownStatuses {
			fmt.Fprintf(w, "  %q: %s (add it to %s in config)\n", wc.Word, plural(wc.Count, "row", "rows"), wc.Key)
		}
	}
	if len(b.OpenStages) > 0 {
		fmt.Fprintln(w, "\nStage words read as open deals (if one means won or lost, add it to words.won or words.lost):")
		for _, wc := range b.OpenStages {
			fmt.Fprintf(w, "  %q: %s\n", wc.Word, plural(wc.Count, "row", "rows"))
		}
	}
	if n := len(b.EmailOwners); n > 0 {
		shown := strings.Join(b.EmailOwners[:min(n, 3)], ", ")
		if n > 3 {
			shown += ", …"
		}
		fmt.Fprintln(w)
		printWrapped(w, "", "  ", fmt.Sprintf("Owners not on the roster: %s written as an e-mail address (%s); a roster with an Email column would name them",
			plural(n, "owner", "owners"), shown))
	}
}

// printSuggestions prints, for the sheets not read that have a rep or a
// date column, one config mapping block of the reader's guesses for them.
func printSuggestions(w io.Writer, b *reader.Batch) {
	first := true
	for _, in := range b.Inputs {
		entries, ok := strings.CutPrefix(in.Suggest, "mapping:\n")
		if !ok {
			continue
		}
		if first {
			fmt.Fprintln(w, "\nTo read the sheets not read, check these guesses and paste them into config.yaml:\n\n  mapping:")
			first = false
		}
		for line := range strings.Lines(entries) {
			fmt.Fprint(w, "  "+line)
		}
		if !strings.HasSuffix(entries, "\n") {
			fmt.Fprintln(w)
		}
	}
}

// Width is the widest line Text prints, in columns.
const Width = 100

// printInputs writes a line per file and sheet: its name, its kind, then
// how it was read and where its rows went, or why it was not read. When the
// names are short they form a table whose last column wraps under itself;
// else each input is its name on a line, then the rest indented below it.
func printInputs(w io.Writer, inputs []repcard.Input) {
	type row struct {
		name, kind string
		rest       []string // parts, kept whole on a line when they fit
	}
	rows := make([]row, len(inputs))
	nameW, kindW := 0, 0
	for i, in := range inputs {
		r := row{name: in.File, kind: string(in.Kind)}
		if in.Sheet != "" {
			r.name += " [" + in.Sheet + "]"
		}
		if in.Kind == repcard.KindNone {
			if in.NotRead == repcard.NotReadSalesData {
				r.kind = "not read" // looks like sales data: left out
			}
			r.rest = []string{oneLine(in.Reason)}
		} else {
			how := in.Mapping
			if in.RepFrom != "" {
				how += ", rep from " + in.RepFrom
			}
			r.rest = []string{how, fmt.Sprintf("header row %d", in.HeaderRow), rowCounts(in)}
			if in.Reason != "" {
				r.rest = append(r.rest, "stopped: "+oneLine(in.Reason))
			}
		}
		rows[i] = r
		nameW, kindW = max(nameW, utf8.RuneCountInString(r.name)), max(kindW, len(r.kind))
	}
	restAt := nameW + 2 + kindW + 2
	if restAt > Width/2 {
		for _, r := range rows {
			fmt.Fprintln(w, r.name)
			for _, l := range wrapParts(append([]string{r.kind}, r.rest...), Width-4) {
				fmt.Fprintln(w, "    "+l)
			}
		}
		return
	}
	for _, r := range rows {
		for i, l := range wrapParts(r.rest, Width-restAt) {
			lead := strings.Repeat(" ", restAt)
			if i == 0 {
				lead = pad(r.name, nameW+2) + pad(r.kind, kindW+2)
			}
			fmt.Fprintln(w, lead+l)
		}
	}
}

// rowCounts is where an input's rows went; counts of none are not said.
func rowCounts(in repcard.Input) string {
	s := fmt.Sprintf("rows %d: used %d", in.Rows, in.Used)
	for _, c := range []struct {
		n    int
		what string
	}{{in.LeftOut, "left out"}, {in.Duplicates, "duplicates"}, {in.Skipped, "skipped"}} {
		if c.n > 0 {
			s += fmt.Sprintf(", %s %d", c.what, c.n)
		}
	}
	return s
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(width-utf8.RuneCountInString(s), 0))
}

// wrapParts joins parts with two spaces into lines of at most width
// columns, keeping a part whole on a line when it fits on one and
// breaking it between words when not. A word wider than width has a line
// of its own.
func wrapParts(parts []string, width int) []string {
	var lines []string
	cur := ""
	add := func(s, sep string) {
		switch {
		case cur == "":
			cur = s
		case utf8.RuneCountInString(cur)+len(sep)+utf8.RuneCountInString(s) <= width:
			cur += sep + s
		default:
			lines, cur = append(lines, cur), s
		}
	}
	for _, p := range parts {
		if p == "" {
			continue
		}
		if utf8.RuneCountInString(p) <= width {
			add(p, "  ")
			continue
		}
		for i, word := range strings.Fields(p) {
			sep := " "
			if i == 0 {
				sep = "  "
			}
			add(word, sep)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// printWrapped writes s in lines of at most Width columns, the first
// after first and the others after rest.
func printWrapped(w io.Writer, first, rest, s string) {
	for i, l := range wrapParts([]string{oneLine(s)}, Width-max(len(first), len(rest))) {
		lead := rest
		if i == 0 {
			lead = first
		}
		fmt.Fprintln(w, lead+l)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
