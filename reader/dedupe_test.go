package reader

import (
	"testing"

	"github.com/repcard/repcard"
)

func TestDeduper(t *testing.T) {
	call := repcard.Record{Kind: repcard.KindActivities, Rep: "Ana", Type: "call", Prospect: "Acme", Date: 46000}
	deal := repcard.Record{Kind: repcard.KindDeals, Rep: "Ana", ID: "D-1", Stage: "closed won"}
	dealAgain := deal
	dealAgain.Stage = "closed lost" // same id: the same deal in a later export
	otherCall := call
	otherCall.Prospect = "Globex"

	type step struct {
		rec   repcard.Record
		file  int
		store bool
		want  bool
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"same row in a later file", []step{{call, 0, true, false}, {call, 1, false, true}}},
		{"same row twice in one file is two calls", []step{{call, 0, true, false}, {call, 0, true, false}}},
		{"another row in a later file", []step{{call, 0, true, false}, {otherCall, 1, false, false}}},
		{"deal by id", []step{{deal, 0, true, false}, {dealAgain, 1, false, true}}},
		{"deals remembered, activities only looked up", []step{{deal, 0, true, false}, {call, 1, false, false}, {call, 1, false, false}}},
		{"not remembered when store is off", []step{{call, 0, false, false}, {call, 1, false, false}}},
		{"a kind remembered once is looked up", []step{{otherCall, 0, true, false}, {call, 1, true, false}, {call, 2, false, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDeduper()
			for i, s := range tt.steps {
				rec := s.rec
				if got := d.duplicate(&rec, s.file, s.store); got != s.want {
					t.Errorf("step %d (%s in file %d, store %v): duplicate = %v, want %v", i, rec.Kind, s.file, s.store, got, s.want)
				}
			}
		})
	}
}

func TestRecordKeySeparatesFields(t *testing.T) {
	a := repcard.Record{Kind: repcard.KindActivities, Rep: "Ana", Type: "ab", Prospect: "c"}
	b := repcard.Record{Kind: repcard.KindActivities, Rep: "Ana", Type: "a", Prospect: "bc"}
	if recordKey(&a) == recordKey(&b) {
		t.Errorf("(%q, %q) and (%q, %q) hash alike", a.Type, a.Prospect, b.Type, b.Prospect)
	}
	c := a
	c.Kind = repcard.KindDeals
	if recordKey(&a) == recordKey(&c) {
		t.Error("the kind is not part of the key")
	}
}
