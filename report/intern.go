package report

import (
	"strings"
)

// interner maps strings to small ids, so that per-row state holds int32s
// instead of strings. Id 0 is the blank string.
//
// A folding interner gives one id to all spellings that are equal ignoring
// case and white space ("Acme Corp", "ACME  corp"); the name it shows for an
// id is the spelling seen most often, ties going to the smallest in byte
// order, so the name does not depend on the order of Add calls.
type interner struct {
	fold  bool
	exact map[string]int32 // spelling → spelling index (not folding: → id)
	spID  []int32          // spelling index → id (folding interners only)
	spN   []int64          // spelling index → times seen (folding interners only)
	spTxt []string         // spelling index → spelling (folding interners only)
	keys  map[string]int32 // folded key → id (folding interners only)
	key   []string         // id → folded key, or the string itself (key[0] = "")
}

func newInterner(fold bool) *interner {
	return &interner{fold: fold, exact: map[string]int32{}, keys: map[string]int32{}, key: []string{""}}
}

// foldKey is the key spellings are compared by: lower case, runs of white
// space as one space, none at the ends.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// id returns the id of s, adding it when new. It does not allocate when s
// was seen before.
func (in *interner) id(s string) int32 {
	if s == "" {
		return 0
	}
	if i, ok := in.exact[s]; ok {
		if !in.fold {
			return i
		}
		in.spN[i]++
		return in.spID[i]
	}
	return in.add(s)
}

func (in *interner) add(s string) int32 {
	s = strings.Clone(s) // the caller's string may share a large buffer
	if !in.fold {
		// One spelling per id: exact maps it to its id.
		id := int32(len(in.key))
		in.exact[s] = id
		in.key = append(in.key, s)
		return id
	}
	k := s
	if in.fold {
		k = foldKey(s)
	}
	var id int32
	if k != "" {
		var ok bool
		if id, ok = in.keys[k]; !ok {
			id = int32(len(in.key))
			in.keys[k] = id
			in.key = append(in.key, k)
		}
	}
	in.exact[s] = int32(len(in.spID))
	in.spID = append(in.spID, id)
	in.spN = append(in.spN, 1)
	in.spTxt = append(in.spTxt, s)
	return id
}

// len returns the number of ids, blank included.
func (in *interner) len() int { return len(in.key) }

// names returns the shown name of every id ("" for id 0).
func (in *interner) names() []string {
	if !in.fold {
		return in.key
	}
	names := make([]string, len(in.key))
	best := make([]int64, len(in.key))
	for i, id := range in.spID {
		if id == 0 {
			continue
		}
		n, s := in.spN[i], in.spTxt[i]
		if n > best[id] || n == best[id] && s < names[id] {
			names[id], best[id] = s, n
		}
	}
	return names
}
