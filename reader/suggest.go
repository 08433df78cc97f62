package reader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/reader/cell"
)

// suggestMapping writes the config mapping that reads a sheet no kind fits,
// from its header row (l: the header and what the activity synonyms map in
// it) and the rows below it: the rep column found, or the column whose
// values look most like people's names; the date column found, or the first
// whose header says date, or whose values read as dates. The mapping is
// tried on the header before it is offered, kinds from the most specific
// (deals, tallies, activities), so that it reads the sheet as written. It
// returns "" when there is no guess that does.
//
//	mapping:
//	  - files: "calls-log.csv"
//	    kind: activities
//	    columns: {rep: "Rep", date: "Date of call"}
func suggestMapping(l *layout, below [][]string, repKnown bool, file, sheet string) string {
	rep, date := -1, -1
	if l.has(fRep) {
		rep = l.cols[fRep][0]
	}
	if l.has(fDate) {
		date = l.cols[fDate][0]
	}
	if date < 0 {
		date = guessDate(l, below, rep)
	}
	if rep < 0 && !repKnown {
		rep = guessRep(l, below, date)
	}
	if date < 0 || (rep < 0 && !repKnown) {
		return ""
	}
	cols := map[field][]string{fDate: {l.header[date]}}
	if rep >= 0 {
		cols[fRep] = []string{l.header[rep]}
	}
	for _, kind := range []repcard.Kind{repcard.KindDeals, repcard.KindTallies, repcard.KindActivities} {
		m := mappingFor{kind: kind, table: compile(table{name: "config", kind: kind, cols: cols})}
		got := matchRow(l.header, []mappingFor{m}, repKnown)
		if got == nil || !strings.HasPrefix(got.how, "config") {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "mapping:\n  - files: %s\n", yamlString(globEscape(file)))
		if sheet != "" {
			fmt.Fprintf(&b, "    sheet: %s\n", yamlString(globEscape(sheet)))
		}
		fmt.Fprintf(&b, "    kind: %s\n    columns: {", kind)
		if rep >= 0 {
			fmt.Fprintf(&b, "rep: %s, ", yamlString(l.header[rep]))
		}
		fmt.Fprintf(&b, "date: %s}\n", yamlString(l.header[date]))
		return b.String()
	}
	return ""
}

// guessDate returns the first column, but skip, whose header says date or
// time, else the first whose values are mostly dates written as dates (not
// plain numbers); -1 when none is.
func guessDate(l *layout, below [][]string, skip int) int {
	for i, h := range l.header {
		if k := normHeader(h); i != skip && (strings.Contains(k, "date") || strings.Contains(k, "time")) {
			return i
		}
	}
	for i := range l.header {
		if i == skip || normHeader(l.header[i]) == "" {
			continue
		}
		dates, n := 0, 0
		for _, v := range columnValues(below, i) {
			n++
			if isSerial(v) {
				continue // a year, a price, a count, as often as a date serial
			}
			if _, err := cell.ParseDate(v, cell.DateAuto); err == nil || errors.Is(err, cell.ErrAmbiguous) {
				dates++
			}
		}
		if n > 0 && 2*dates >= n {
			return i
		}
	}
	return -1
}

// guessRep returns the column, among those the synonyms left unmapped (but
// skip), whose values look most like people's names ("Ana Ruiz"), the one
// with fewer distinct values when two do as well; -1 when no value does.
func guessRep(l *layout, below [][]string, skip int) int {
	best, bestShare, bestDistinct := -1, 0.0, 0
	for i := range l.header {
		if i == skip || l.uses(i) || normHeader(l.header[i]) == "" {
			continue
		}
		vals := columnValues(below, i)
		names, distinct := 0, map[string]bool{}
		for _, v := range vals {
			distinct[strings.ToLower(v)] = true
			if personName(v) {
				names++
			}
		}
		if names == 0 {
			continue
		}
		share := float64(names) / float64(len(vals))
		if share > bestShare || share == bestShare && len(distinct) < bestDistinct {
			best, bestShare, bestDistinct = i, share, len(distinct)
		}
	}
	return best
}

// columnValues returns the non-blank values of column i.
func columnValues(rows [][]string, i int) []string {
	var out []string
	for _, row := range rows {
		if i < len(row) {
			if v := strings.TrimSpace(row[i]); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// personName reports a value written like a person's name: two to four
// words of letters (and ' - .), each starting with a capital.
func personName(v string) bool {
	words := strings.Fields(v)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		for j, r := range w {
			switch {
			case j == 0 && !unicode.IsUpper(r):
				return false
			case !unicode.IsLetter(r) && !strings.ContainsRune("'-.’", r):
				return false
			}
		}
	}
	return true
}

// globEscape quotes the characters path.Match treats as a pattern, so that
// a mapping's files: or sheet: matches the one name.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`).Replace(s)
}

// yamlString writes s as a YAML double-quoted scalar (a JSON string is one).
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
