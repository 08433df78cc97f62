package reader

import "strings"

// memoMax bounds each memo: a hostile sheet with a million distinct values
// costs a bounded map, and the values past it are simply worked out again.
const memoMax = 4096

// memo remembers what a function gave for a cell's text. Exports repeat
// the same few outcome words, types and rep names on every row, so folding
// each once saves most of the per-row work.
type memo[V any] struct {
	m map[string]V
}

func (m *memo[V]) get(k string, f func(string) V) V {
	if v, ok := m.m[k]; ok {
		return v
	}
	v := f(k)
	if len(m.m) < memoMax {
		if m.m == nil {
			m.m = make(map[string]V)
		}
		m.m[strings.Clone(k)] = v // k may share memory with the whole row
	}
	return v
}
