package reader

import (
	"cmp"
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/reader/cell"
)

// WordCount is a word of the inbox that no config word list holds, how many
// rows wrote it, and the config keys that would place it.
type WordCount struct {
	Word  string // as first written, made visible
	Count int
	Key   string // "words.won, words.lost or words.open"
}

// statusKeys are the config keys that place a deal status word.
const statusKeys = "words.won, words.lost or words.open"

// stageHeaders are the words of a header that names a pipeline stage
// rather than an open/won/lost status: Stage, Deal Stage, Etapa, Fase,
// Phase, Étape.
var stageHeaders = []string{"stage", "etapa", "fase", "phase", "étape"}

// isStageColumn reports whether the layout's status column is also its
// stage column, or is headed as a stage.
func isStageColumn(l *layout) bool {
	for _, col := range l.cols[fStatus] {
		if slices.Contains(l.cols[fStage], col) {
			return true
		}
		if col < len(l.header) {
			h := normHeader(l.header[col])
			if slices.ContainsFunc(stageHeaders, func(s string) bool { return strings.Contains(h, s) }) {
				return true
			}
		}
	}
	return false
}

// decideStatus settles, from a deals sheet's first rows, whether its stage
// column holds a won and a lost word: then its other stages are the
// pipeline's open stages, whatever their names.
func (c *converter) decideStatus(rows [][]string) {
	if !c.stageColumn {
		return
	}
	won, lost := false, false
	for _, row := range rows {
		v, _ := c.value(row, fStatus)
		switch c.statuses.get(v, c.words.status).o {
		case repcard.OutcomeWon:
			won = true
		case repcard.OutcomeLost:
			lost = true
		}
	}
	c.stagesKnown = won && lost
}

// openStage reports whether a deal row whose status no word list holds is
// an open deal: its status column is a stage column, and either the sheet's
// stages include a won and a lost word or the row's probability is above 0
// and below 100 (a deal in the pipeline; won is 100, lost 0).
func (c *converter) openStage(row []string) bool {
	if !c.stageColumn {
		return false
	}
	if c.stagesKnown {
		return true
	}
	v, col := c.value(row, fProbability)
	if blankLike(v) {
		return false
	}
	p, err := cell.ParsePercent(v, c.rules.decimal[col])
	return err == nil && p > 0 && p < 100
}

// wordTally gathers, over the whole inbox, the words check shows: the deal
// statuses no word list holds, and the owners written as e-mail addresses
// that no roster names. Each is bounded like a memo: a hostile sheet of a
// million distinct words costs memoMax of them.
type wordTally struct {
	statuses    map[string]*WordCount // by folded word
	openStages  map[string]*WordCount // by folded word
	emailOwners map[string]bool
}

func (t *wordTally) unknownStatus(word string) { countWord(&t.statuses, word) }

// openStage counts a stage word no word list holds that was read as one of
// the pipeline's open stages, so check can show what it took for open.
func (t *wordTally) openStage(word string) { countWord(&t.openStages, word) }

// countWord counts word in *m, by its folded form.
func countWord(m *map[string]*WordCount, word string) {
	k := normHeader(word)
	if wc := (*m)[k]; wc != nil {
		wc.Count++
		return
	}
	if *m == nil {
		*m = map[string]*WordCount{}
	}
	if len(*m) < memoMax {
		(*m)[k] = &WordCount{Word: untrusted.Visible(strings.Clone(word)), Count: 1, Key: statusKeys}
	}
}

func (t *wordTally) emailOwner(email string) {
	if t.emailOwners == nil {
		t.emailOwners = map[string]bool{}
	}
	if len(t.emailOwners) < memoMax {
		t.emailOwners[strings.ToLower(email)] = true
	}
}

// fill sets the batch's UnknownStatuses and OpenStages, the most written
// first, and its EmailOwners, sorted.
func (t *wordTally) fill(b *Batch) {
	b.UnknownStatuses = sortedWords(t.statuses)
	b.OpenStages = sortedWords(t.openStages)
	for e := range t.emailOwners {
		b.EmailOwners = append(b.EmailOwners, untrusted.Visible(e))
	}
	slices.Sort(b.EmailOwners)
}

// sortedWords lists m's words, the most written first.
func sortedWords(m map[string]*WordCount) []WordCount {
	var out []WordCount
	for _, wc := range m {
		out = append(out, *wc)
	}
	slices.SortFunc(out, func(a, b WordCount) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Word, b.Word))
	})
	return out
}
