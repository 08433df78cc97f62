package reader

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// headerWindow is how many rows from the top of a sheet may hold the header.
const headerWindow = 20

// compiled is a table with its names folded, ready to match header rows.
type compiled struct {
	name      string
	kind      repcard.Kind
	sig       []string
	cols      [numFields][]string
	fixedType string
}

func compile(t table) compiled {
	c := compiled{name: t.name, kind: t.kind, fixedType: t.fixedType}
	for _, s := range t.sig {
		c.sig = append(c.sig, normHeader(s))
	}
	for f, names := range t.cols {
		for _, n := range names {
			if k := normHeader(n); k != "" && !slices.Contains(c.cols[f], k) {
				c.cols[f] = append(c.cols[f], k)
			}
		}
	}
	return c
}

var compiledTables = sync.OnceValues(func() ([]compiled, map[repcard.Kind]compiled) {
	var ps []compiled
	for _, t := range presets {
		ps = append(ps, compile(t))
	}
	syn := make(map[repcard.Kind]compiled)
	for kind, cols := range synonyms {
		syn[kind] = compile(table{name: "synonyms", kind: kind, cols: cols})
	}
	return ps, syn
})

// layout is what a header row means: the sheet's kind and, per field, the
// columns that hold it, best first.
type layout struct {
	kind      repcard.Kind
	how       string // "preset salesforce", "config mapping[0]", "synonyms"
	headerRow int    // 1-based
	header    []string
	cols      [numFields][]int
	fixedType string
	fixedRep  string // from a config mapping's rep:
	sale      bool   // a sales log: every row a won deal (see salesLog)

	// sheetDate is a month sheet's month (permonth.go): its tallies' date.
	sheetDate repcard.Date
}

func (l *layout) has(f field) bool { return len(l.cols[f]) > 0 }

// columnName is the header text of column i, for messages.
func (l *layout) columnName(i int) string {
	if i < len(l.header) {
		if h := strings.TrimSpace(l.header[i]); h != "" {
			return h
		}
	}
	return fmt.Sprintf("column %d", i+1)
}

// mapColumns assigns columns to fields from t, skipping columns already taken,
// and returns how many fields it set.
func mapColumns(l *layout, norm []string, t *compiled, taken []bool) int {
	n := 0
	for f := range numFields {
		if len(l.cols[f]) > 0 || len(t.cols[f]) == 0 {
			continue
		}
		for _, name := range t.cols[f] {
			for i, h := range norm {
				if sameHeader(f, h, name) && (!taken[i] || sharedField(f, l, i)) {
					l.cols[f] = append(l.cols[f], i)
				}
			}
		}
		if f == fRep && len(l.cols[f]) == 0 {
			for i, h := range norm {
				if !taken[i] && ownerHeader(h) {
					l.cols[f] = append(l.cols[f], i)
				}
			}
		}
		if len(l.cols[f]) > 0 {
			n++
			for _, i := range l.cols[f] {
				taken[i] = true
			}
		}
	}
	return n
}

// ownerHeader reports a folded header that names the rep whatever the
// record: trackers name the owner after the module ("Potential Owner",
// "Task Owner", "Contact owner", "Case Owner", "Lead Owner Name"), Dynamics
// writes "Owning User". A homeowner or business owner is the prospect.
func ownerHeader(h string) bool {
	for _, suffix := range []string{"owner", "ownername", "ownerfullname"} {
		if x, ok := strings.CutSuffix(h, suffix); ok {
			return !slices.Contains(notRepOwners, x)
		}
	}
	return h == "owninguser"
}

// notRepOwners are the words before "owner" that make it someone else than
// the rep.
var notRepOwners = []string{"home", "house", "property", "business", "land", "car", "vehicle", "pet", "previous", "former", "original", "old", "co"}

// sharedField reports whether column i, already taken, may also feed f: a
// deals sheet's one "Stage" column is both its status and its stage.
func sharedField(f field, l *layout, i int) bool {
	return (f == fStage && slices.Contains(l.cols[fStatus], i)) || (f == fStatus && slices.Contains(l.cols[fStage], i))
}

// satisfies reports whether l has what its kind needs, and if the rep must
// come from elsewhere.
func satisfies(l *layout, spec kindSpec, repKnown bool) bool {
	for _, f := range spec.required {
		if !l.has(f) {
			return false
		}
	}
	if len(spec.anyOf) > 0 && !slices.ContainsFunc(spec.anyOf, l.has) {
		return false
	}
	if l.has(fRep) || (repKnown && spec.repless) {
		return true
	}
	if !spec.repless {
		return false
	}
	return len(spec.replessExtra) == 0 || slices.ContainsFunc(spec.replessExtra, l.has)
}

func specOf(k repcard.Kind) kindSpec {
	for _, s := range kindSpecs {
		if s.kind == k {
			return s
		}
	}
	return kindSpec{kind: k}
}

// matchRow tries to read row as a header: config mappings for this file
// first, then presets, then the synonyms of each kind (with the names of
// the languages the row is written in, see synonymsFor). repKnown says a rep
// can be found for a sheet with no rep column (sheet or file name on the
// roster). It returns nil when the row maps no kind.
func matchRow(row []string, maps []mappingFor, repKnown bool) *layout {
	norm := make([]string, len(row))
	nonEmpty := 0
	for i, c := range row {
		norm[i] = normHeader(c)
		if norm[i] != "" {
			nonEmpty++
		}
	}
	if nonEmpty < 1 {
		return nil
	}
	plain, norm := norm, markComputed(row, norm) // see computed.go
	presetTables, _ := compiledTables()
	syn := synonymsFor(plain) // the languages the row is written in
	for _, m := range maps {
		l := &layout{kind: m.kind, how: fmt.Sprintf("config mapping[%d]", m.index), fixedRep: m.rep}
		taken := make([]bool, len(norm))
		mapColumns(l, plain, &m.table, taken)
		if !allMapped(l, &m.table) {
			continue
		}
		t := syn[m.kind]
		mapColumns(l, norm, &t, taken)
		if satisfies(l, specOf(m.kind), repKnown || m.rep != "") {
			return l
		}
	}
	for i := range presetTables {
		p := &presetTables[i]
		if !hasSignature(p.sig, norm) {
			continue
		}
		l := &layout{kind: p.kind, how: "preset " + p.name, fixedType: p.fixedType}
		taken := make([]bool, len(norm))
		mapColumns(l, norm, p, taken)
		if !satisfies(l, specOf(p.kind), repKnown) {
			continue
		}
		t := syn[p.kind]
		mapColumns(l, norm, &t, taken)
		return l
	}
	actType := syn[repcard.KindActivities].cols[fType]
	typed := slices.ContainsFunc(norm, func(h string) bool { return slices.Contains(actType, h) })
	for _, spec := range kindSpecs {
		if spec.kind == repcard.KindActivities {
			if l := salesLog(norm, repKnown); l != nil {
				return l
			}
		}
		if spec.kind == repcard.KindDeals && typed {
			// A "Type" column (call, email) marks an activity log, even
			// when it also has a status and a date.
			continue
		}
		t := syn[spec.kind]
		l := &layout{kind: spec.kind, how: "synonyms"}
		mapColumns(l, norm, &t, make([]bool, len(norm)))
		if spec.kind == repcard.KindActivities && !l.has(fDone) && l.has(fOutcome) {
			// An activities sheet with both "Status" and an outcome column
			// uses Status for done / not done.
			fixStatusAsDone(l, norm)
		}
		if spec.kind == repcard.KindDeals && callLog(l, norm, syn[repcard.KindActivities]) {
			continue
		}
		if satisfies(l, spec, repKnown) {
			return l
		}
	}
	return nil
}

// callLog reports a deals layout that is a log of touches: its status is a
// column an activity log would read as its outcome ("Outcome", "Result",
// in any language read), its date one an activity log would read as the
// touch's day ("Date", not "Close Date"), and nothing else of a deal
// (amount, commission, stage, probability, deal id) is there. Read as
// deals, its outcomes (Connected, Voicemail) would all be unknown statuses,
// and the way out offered would turn calls into sales; read as activities,
// each row is a touch, and a won or lost outcome still a sale or a no.
// "Status" stays a deal's.
func callLog(l *layout, norm []string, act compiled) bool {
	for _, f := range []field{fAmount, fCommission, fStage, fProbability, fDealID} {
		if l.has(f) {
			return false
		}
	}
	header := func(f field) string {
		if cols := l.cols[f]; len(cols) == 1 {
			return norm[cols[0]]
		}
		return ""
	}
	status, date := header(fStatus), header(fDate)
	return status != "" && status != "status" && slices.Contains(act.cols[fOutcome], status) &&
		date != "" && slices.Contains(act.cols[fDate], date)
}

// fixStatusAsDone moves a "Status" column from outcome to done when another
// column holds the outcome.
func fixStatusAsDone(l *layout, norm []string) {
	var keep []int
	for _, i := range l.cols[fOutcome] {
		if norm[i] == "status" && len(l.cols[fOutcome]) > 1 {
			l.cols[fDone] = append(l.cols[fDone], i)
			continue
		}
		keep = append(keep, i)
	}
	l.cols[fOutcome] = keep
}

// hasSignature reports whether a header row carries a preset's signature:
// two of its headers (one, when it has only one), so that a snake_case
// deal_stage alone is not taken for a HubSpot export.
func hasSignature(sig, norm []string) bool {
	hits := 0
	for _, s := range sig {
		if slices.Contains(norm, s) {
			hits++
		}
	}
	return hits >= min(2, len(sig))
}

func allMapped(l *layout, t *compiled) bool {
	for f := range numFields {
		if len(t.cols[f]) > 0 && len(l.cols[f]) == 0 {
			return false
		}
	}
	return true
}

// mappingFor is a config mapping that applies to the sheet being read.
type mappingFor struct {
	index int
	kind  repcard.Kind
	rep   string
	table compiled
}

// mappingsFor returns the config mappings whose file (and sheet) pattern
// match, in config order. A mapping with a rep but no columns only supplies
// the rep.
func mappingsFor(cfg *config.Config, file, sheet string) []mappingFor {
	var out []mappingFor
	for i, m := range cfg.Mapping {
		if !globMatch(m.Files, file) {
			continue
		}
		if m.Sheet != "" && !globMatch(m.Sheet, sheet) {
			continue
		}
		mf := mappingFor{index: i, kind: repcard.Kind(m.Kind), rep: m.Rep}
		cols := make(map[field][]string)
		for name, header := range m.Columns {
			if f := fieldByName(name); f != fNone {
				cols[f] = []string{header}
			}
		}
		mf.table = compile(table{name: "config", kind: mf.kind, cols: cols})
		out = append(out, mf)
	}
	return out
}

// globMatch matches pattern against the inbox-relative path and, for
// patterns without a slash, against the base name, case-insensitively.
func globMatch(pattern, file string) bool {
	pattern, file = strings.ToLower(pattern), strings.ToLower(file)
	if ok, _ := path.Match(pattern, file); ok {
		return true
	}
	if !strings.Contains(pattern, "/") {
		ok, _ := path.Match(pattern, path.Base(file))
		return ok
	}
	return false
}

// whyNone explains, from the rows at the top of a sheet, why no kind fits,
// in one line naming the columns seen; suggest is a config mapping for the
// sheet (file, sheet) of the best guesses for its rep and date columns, or ""
// when there is no guess that reads it.
func whyNone(rows [][]string, repKnown bool, file, sheet string) (reason, suggest string) {
	_, syn := compiledTables()
	bestRow, best := -1, -1
	for r, row := range rows {
		n := 0
		for _, c := range row {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		if n > best {
			bestRow, best = r, n
		}
	}
	if bestRow < 0 || best == 0 {
		return "empty sheet", ""
	}
	if best == 1 {
		for _, c := range rows[bestRow] {
			if c = strings.TrimSpace(c); c != "" {
				return fmt.Sprintf("text, not a table (first line: %q)", truncate(c, 60)), ""
			}
		}
	}
	row := rows[bestRow]
	norm := make([]string, len(row))
	for i, c := range row {
		norm[i] = normHeader(c)
	}
	var cols []string
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" && len(cols) < 8 {
			cols = append(cols, oneLine(c))
		}
	}
	found := "columns " + strings.Join(cols, ", ")
	if len(cols) == 8 {
		found += ", …"
	}
	l := &layout{header: row}
	t := syn[repcard.KindActivities]
	mapColumns(l, norm, &t, make([]bool, len(norm)))
	switch {
	case !l.has(fRep) && !repKnown:
		reason = "no rep or owner column in the first 20 rows (" + found + ")"
	case !l.has(fDate):
		reason = "has a rep column but no date, and no manager, office or email for a roster (" + found + ")"
	default:
		return "no header row in the first 20 rows maps a kind (" + found + ")", ""
	}
	return reason, suggestMapping(l, rows[bestRow+1:], repKnown, file, sheet)
}

// oneLine turns the line breaks of a header cell into spaces, so that a
// reason stays on one line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// truncate cuts s to at most n runes, with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// width is one more than the last column the layout maps: the columns a
// row needs to be converted.
func (l *layout) width() int {
	w := 0
	for f := range numFields {
		for _, c := range l.cols[f] {
			w = max(w, c+1)
		}
	}
	return w
}

// uses reports whether the layout maps column c to a field.
func (l *layout) uses(c int) bool {
	for f := range numFields {
		if slices.Contains(l.cols[f], c) {
			return true
		}
	}
	return false
}
