package reader

import (
	"hash/fnv"
	"strconv"

	"github.com/repcard/repcard"
)

// deduper drops records already seen in an earlier file. Exports overlap
// (October's export and the quarter's both hold October), so a record counts
// once across files: by its id when it has one, otherwise by its content.
// Identical rows inside one file are kept: two calls to the same prospect on
// the same day are two calls.
type deduper struct {
	seen map[uint64]int32 // key → index of the file it was first seen in
}

func newDeduper() *deduper { return &deduper{seen: make(map[uint64]int32)} }

// duplicate reports whether rec was already seen in another file, and
// remembers it otherwise.
func (d *deduper) duplicate(rec *Record, file int) bool {
	k := recordKey(rec)
	if first, ok := d.seen[k]; ok {
		return first != int32(file)
	}
	d.seen[k] = int32(file)
	return false
}

// recordKey hashes the record's identity: kind and id, or kind and every
// field that describes it.
func recordKey(r *Record) uint64 {
	h := fnv.New64a()
	w := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	n := func(v int64) { w(strconv.FormatInt(v, 10)) }
	w(string(r.Kind))
	if r.ID != "" && r.Kind != repcard.KindRoster {
		w("id")
		w(r.ID)
		return h.Sum64()
	}
	w(r.Rep)
	if r.Kind == repcard.KindRoster {
		return h.Sum64()
	}
	n(int64(r.Date))
	w(r.Type)
	w(r.Prospect)
	w(r.OutcomeText)
	w(r.Stage)
	w(r.LossReason)
	w(r.DealID)
	n(int64(r.Amount))
	n(int64(r.Commission))
	n(int64(r.Contacts))
	n(int64(r.Closings))
	n(int64(r.Rejections))
	n(int64(r.ReferralAsks))
	n(int64(r.NextFollowUp))
	n(int64(r.Created))
	return h.Sum64()
}
