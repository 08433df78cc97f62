package reader

import "github.com/repcard/repcard"

// deduper drops records already seen in an earlier file. Exports overlap
// (October's export and the quarter's both hold October), so a record counts
// once across files: by its id when it has one, otherwise by its content.
// Identical rows inside one file are kept: two calls to the same prospect on
// the same day are two calls.
type deduper struct {
	seen  map[uint64]int32     // key → index of the file it was first seen in
	kinds map[repcard.Kind]int // how many records of each kind seen holds
}

func newDeduper() *deduper {
	return &deduper{seen: make(map[uint64]int32), kinds: make(map[repcard.Kind]int)}
}

// duplicate reports whether rec was already seen in another file, and
// remembers it otherwise when store is set.
func (d *deduper) duplicate(rec *repcard.Record, file int, store bool) bool {
	if !store && d.kinds[rec.Kind] == 0 {
		// The key holds the kind: nothing remembered can match. The only
		// file of a kind (a million-row export, often) is not even hashed.
		return false
	}
	k := recordKey(rec)
	if first, ok := d.seen[k]; ok {
		return first != int32(file)
	}
	if store {
		d.seen[k] = int32(file)
		d.kinds[rec.Kind]++
	}
	return false
}

// recordKey hashes the record's identity: kind and id, or kind and every
// field that describes it. It is FNV-1a, written out so that hashing a row
// allocates nothing.
func recordKey(r *repcard.Record) uint64 {
	var h fnv64 = fnvOffset
	h.str(string(r.Kind))
	if r.ID != "" && r.Kind != repcard.KindRoster {
		h.str("id")
		h.str(r.ID)
		return uint64(h)
	}
	h.str(r.Rep)
	if r.Kind == repcard.KindRoster {
		return uint64(h)
	}
	for _, s := range [...]string{r.Type, r.Prospect, r.OutcomeText, r.Stage, r.LossReason, r.DealID} {
		h.str(s)
	}
	for _, v := range [...]int64{int64(r.Date), int64(r.Amount), int64(r.Commission), int64(r.Contacts), int64(r.Closings),
		int64(r.Rejections), int64(r.ReferralAsks), int64(r.NextFollowUp), int64(r.Created)} {
		h.num(v)
	}
	return uint64(h)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type fnv64 uint64

// str hashes s and a terminator, so that ("ab", "c") and ("a", "bc") differ.
func (h *fnv64) str(s string) {
	for i := 0; i < len(s); i++ {
		*h = (*h ^ fnv64(s[i])) * fnvPrime
	}
	*h = (*h ^ 0xff) * fnvPrime
}

func (h *fnv64) num(v int64) {
	for range 8 {
		*h = (*h ^ fnv64(byte(v))) * fnvPrime
		v >>= 8
	}
}
