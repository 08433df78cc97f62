package reader

import (
	"slices"
	"sync"

	"github.com/repcard/repcard"
)

// language is the header names of one language other than English, as its
// home-made trackers and its CRMs' localised exports write them. The
// English names are the synonyms and presets (presets.go); each other
// language has a file of its own, lang_<code>.go, holding one language
// value, listed in languages below.
//
// To add a language: copy lang_es.go to lang_<code>.go, translate its names
// (written as people see them: case, accents and punctuation are folded
// by normHeader), add the value to languages, and add a test with a tracker
// and a CRM export header of that language to lang_test.go.
type language struct {
	code string // ISO 639-1: "es"
	// names are the language's own header names: words no English header
	// uses with another meaning. Each name is read in any header row, and
	// any of them marks the row as written in the language.
	names names
	// inContext are names an English sheet (or one in another language)
	// may use with another meaning — Data, Phase, Commercial, Termine —
	// read only in a header row that also holds one of the language's own
	// names.
	inContext names
}

// names are header names per field: in every kind whose English synonyms
// have the field (all), and for one kind only (kinds), such as a deal's
// close date or a tally's week.
type names struct {
	all   map[field][]string
	kinds map[repcard.Kind]map[field][]string
}

// languages are read after English, in this order: when two columns of a
// row mean the same field, the English one comes first, then these.
var languages = []*language{&spanish, &portuguese, &french, &german, &italian, &dutch}

// langTables are the languages' folded own names, to tell which languages
// a header row is written in, and the synonym tables compiled per set of
// languages (a bit per language, 0 for English alone).
var langTables = sync.OnceValue(func() []map[string]bool {
	own := make([]map[string]bool, len(languages))
	for i, lang := range languages {
		own[i] = map[string]bool{}
		for _, cols := range lang.names.byKind() {
			for _, ns := range cols {
				for _, n := range ns {
					own[i][normHeader(n)] = true
				}
			}
		}
	}
	return own
})

var langSynonyms sync.Map // uint64 → map[repcard.Kind]compiled

// synonymsFor returns the synonym tables for a header row (its cells folded
// by normHeader): the English ones, and the names of every language one of
// whose own names the row holds. A row with none is read by the English
// tables alone, so a foreign name never changes how an English sheet reads.
func synonymsFor(norm []string) map[repcard.Kind]compiled {
	own := langTables()
	var set uint64
	for i := range languages {
		if slices.ContainsFunc(norm, func(h string) bool { return own[i][h] }) {
			set |= 1 << i
		}
	}
	_, syn := compiledTables()
	if set == 0 {
		return syn
	}
	if t, ok := langSynonyms.Load(set); ok {
		return t.(map[repcard.Kind]compiled)
	}
	out := make(map[repcard.Kind]compiled, len(synonyms))
	for kind, cols := range synonyms {
		merged := make(map[field][]string, len(cols))
		for f, ns := range cols {
			merged[f] = slices.Clone(ns)
		}
		for i, lang := range languages {
			if set&(1<<i) == 0 {
				continue
			}
			for _, n := range []names{lang.names, lang.inContext} {
				for f, ns := range n.byKind()[kind] {
					merged[f] = append(merged[f], ns...)
				}
			}
		}
		out[kind] = compile(table{name: "synonyms", kind: kind, cols: merged})
	}
	langSynonyms.Store(set, out)
	return out
}

// byKind returns the names per kind and field: n.kinds' (the more
// specific: "Fecha de cierre"), then n.all's, in every kind whose English
// synonyms have the field.
func (n names) byKind() map[repcard.Kind]map[field][]string {
	out := make(map[repcard.Kind]map[field][]string, len(synonyms))
	for kind, english := range synonyms {
		cols := map[field][]string{}
		for f, ns := range n.kinds[kind] {
			cols[f] = append(cols[f], ns...)
		}
		for f, ns := range n.all {
			if _, ok := english[f]; ok {
				cols[f] = append(cols[f], ns...)
			}
		}
		out[kind] = cols
	}
	return out
}
