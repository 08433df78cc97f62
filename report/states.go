package report

import (
	"cmp"
	"slices"

	"github.com/repcard/repcard"
)

// stateStore holds the pstates of every (rep, prospect, month), by month.
// Each month keeps a run sorted by pair with one entry per pair, and a
// tail of updates not yet merged into it: adding a row's state is an
// append, and the tail is sorted and merged into the run once it reaches an
// eighth of it. Updates merge by maxima and a sum (mergeState), so the
// order rows come in does not change the result.
//
// This is the one part of a Builder that grows with the number of distinct
// prospects a rep deals with in a month. A Go map spent about 55 bytes per
// entry on it; the runs spend 16 (stateEntry), plus at most an eighth for
// the tail, and a month's run is rebuilt alone, so no copy of the whole
// store is ever made. Exports come roughly in date order, so older months
// are left alone once their rows have gone by.
type stateStore struct {
	months []*monthStates // sorted by month
	last   *monthStates   // the month of the latest add
	merge  func(dst, src *pstate)
}

// monthStates is one month's entries.
type monthStates struct {
	m         repcard.Month
	run, tail []stateEntry
}

// stateEntry is one pair's pstate in a month, packed into two words:
//
//	key: pair (44 bits) | touch, no, maybe, won (5 bits each: day of month, 0 none)
//	val: nfu (18 bits) | reason (26 bits) | nos (20 bits)
//
// nfu is counted in days from 1899-12-31 (0 none) and held to 1900–2617,
// which keeps its order (the reader takes dates from 1900 to 2100 only);
// a reason id past 2^26 is held as no reason, and nos stop at 2^20-1.
type stateEntry struct{ key, val uint64 }

const (
	dayBits    = 5
	daysBits   = 4 * dayBits
	nfuBits    = 18
	reasonBits = 26
	nosBits    = 20
	maxNos     = 1<<nosBits - 1
)

// nfuBase is the day before the first next follow-up date held exactly.
var nfuBase = repcard.MakeDate(1899, 12, 31)

func packState(pair uint64, st *pstate) stateEntry {
	key := pair<<daysBits | uint64(st.touch)<<(3*dayBits) | uint64(st.no)<<(2*dayBits) | uint64(st.maybe)<<dayBits | uint64(st.won)
	var nfu uint64
	if st.nfu != 0 {
		nfu = uint64(min(max(int64(st.nfu)-int64(nfuBase), 1), 1<<nfuBits-1))
	}
	var reason uint64
	if st.reason > 0 && st.reason < 1<<reasonBits {
		reason = uint64(st.reason)
	}
	return stateEntry{key, nfu<<(reasonBits+nosBits) | reason<<nosBits | uint64(min(st.nos, maxNos))}
}

func (e stateEntry) pair() uint64 { return e.key >> daysBits }

func (e stateEntry) state() pstate {
	const dayMask = 1<<dayBits - 1
	st := pstate{
		touch: uint8(e.key >> (3 * dayBits) & dayMask), no: uint8(e.key >> (2 * dayBits) & dayMask),
		maybe: uint8(e.key >> dayBits & dayMask), won: uint8(e.key & dayMask),
		reason: int32(e.val >> nosBits & (1<<reasonBits - 1)), nos: uint32(e.val & maxNos),
	}
	if nfu := e.val >> (reasonBits + nosBits); nfu != 0 {
		st.nfu = nfuBase + repcard.Date(nfu)
	}
	return st
}

// minTail is the tail length below which a month is not compacted, so that
// a small run is not rebuilt for every few rows.
const minTail = 1024

// add merges st into the state of pair in month m.
func (s *stateStore) add(m repcard.Month, pair uint64, st pstate) {
	ms := s.last
	if ms == nil || ms.m != m {
		ms = s.month(m)
		s.last = ms
	}
	ms.tail = append(ms.tail, packState(pair, &st))
	if len(ms.tail) >= max(len(ms.run)/8, minTail) {
		s.compact(ms)
	}
}

// month returns the entries of month m, adding them when new.
func (s *stateStore) month(m repcard.Month) *monthStates {
	i, ok := slices.BinarySearchFunc(s.months, m, func(ms *monthStates, m repcard.Month) int { return cmp.Compare(ms.m, m) })
	if !ok {
		s.months = slices.Insert(s.months, i, &monthStates{m: m})
	}
	return s.months[i]
}

// compact merges a month's tail into its run.
func (s *stateStore) compact(ms *monthStates) {
	if len(ms.tail) == 0 {
		return
	}
	t := ms.tail
	slices.SortFunc(t, func(x, y stateEntry) int { return cmp.Compare(x.pair(), y.pair()) })
	n := 0
	for i := range t {
		if n > 0 && t[n-1].pair() == t[i].pair() {
			t[n-1] = s.merged(t[n-1], t[i])
			continue
		}
		t[n] = t[i]
		n++
	}
	t = t[:n]
	run := make([]stateEntry, 0, len(ms.run)+countNew(ms.run, t))
	i, j := 0, 0
	for i < len(ms.run) && j < len(t) {
		switch x, y := ms.run[i].pair(), t[j].pair(); {
		case x < y:
			run = append(run, ms.run[i])
			i++
		case x > y:
			run = append(run, t[j])
			j++
		default:
			run = append(run, s.merged(ms.run[i], t[j]))
			i, j = i+1, j+1
		}
	}
	run = append(append(run, ms.run[i:]...), t[j:]...)
	ms.run, ms.tail = run, ms.tail[:0]
}

// merged returns the entry of x's pair holding x and y merged.
func (s *stateStore) merged(x, y stateEntry) stateEntry {
	a, b := x.state(), y.state()
	s.merge(&a, &b)
	return packState(x.pair(), &a)
}

// countNew counts the pairs of t (sorted, unique) that run (sorted, unique)
// does not hold.
func countNew(run, t []stateEntry) int {
	n, i := 0, 0
	for _, e := range t {
		for i < len(run) && run[i].pair() < e.pair() {
			i++
		}
		if i == len(run) || run[i].pair() != e.pair() {
			n++
		}
	}
	return n
}

// flush merges every tail into its run and lets the tails go, so that the
// runs can be read. It changes how the states are held, not what they are.
func (s *stateStore) flush() {
	for _, ms := range s.months {
		s.compact(ms)
		ms.tail = nil
	}
}

// between returns the months from first to last, oldest first; the store
// must be flushed.
func (s *stateStore) between(first, last repcard.Month) []*monthStates {
	lo, _ := slices.BinarySearchFunc(s.months, first, func(ms *monthStates, m repcard.Month) int { return cmp.Compare(ms.m, m) })
	hi, ok := slices.BinarySearchFunc(s.months, last, func(ms *monthStates, m repcard.Month) int { return cmp.Compare(ms.m, m) })
	if ok {
		hi++
	}
	return s.months[lo:max(lo, hi)]
}

// upTo returns the months up to last, oldest first; the store must be
// flushed.
func (s *stateStore) upTo(last repcard.Month) []*monthStates {
	if len(s.months) == 0 {
		return nil
	}
	return s.between(s.months[0].m, last)
}

// eachPair calls fn once per pair with an entry in any of months (flushed,
// oldest first), in pair order, with that pair's entries oldest month
// first. The slices passed to fn are reused between calls.
func eachPair(months []*monthStates, fn func(pair uint64, ms []repcard.Month, sts []pstate)) {
	// A k-way merge of the months' runs: a min-heap of cursors ordered by
	// (pair, month).
	type cursor struct {
		ms *monthStates
		i  int
	}
	h := make([]cursor, 0, len(months))
	for _, ms := range months {
		if len(ms.run) > 0 {
			h = append(h, cursor{ms, 0})
		}
	}
	less := func(a, b cursor) bool {
		x, y := a.ms.run[a.i].pair(), b.ms.run[b.i].pair()
		return x < y || x == y && a.ms.m < b.ms.m
	}
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && less(h[r], h[l]) {
				l = r
			}
			if !less(h[l], h[i]) {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	var ms []repcard.Month
	var sts []pstate
	for len(h) > 0 {
		pair := h[0].ms.run[h[0].i].pair()
		ms, sts = ms[:0], sts[:0]
		for len(h) > 0 && h[0].ms.run[h[0].i].pair() == pair {
			c := &h[0]
			ms, sts = append(ms, c.ms.m), append(sts, c.ms.run[c.i].state())
			if c.i++; c.i == len(c.ms.run) {
				h[0] = h[len(h)-1]
				h = h[:len(h)-1]
			}
			down(0)
		}
		fn(pair, ms, sts)
	}
}
