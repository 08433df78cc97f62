package report

import (
	"testing"

	"github.com/repcard/repcard"
)

func TestAddresses(t *testing.T) {
	withEmail := func(r repcard.Record, email, mgr string) repcard.Record {
		r.Email, r.ManagerEmail = email, mgr
		return r
	}
	tests := []struct {
		name     string
		roster   []repcard.Record
		jane     string // Jane's address
		mgrEmail string // Ana's
	}{
		{"no addresses", []repcard.Record{roster("Jane", "Ana", "Berlin")}, "", ""},
		{"a Manager email column", []repcard.Record{withEmail(roster("Jane", "Ana", "Berlin"), "jane@x.example", "ana@x.example")}, "jane@x.example", "ana@x.example"},
		{"the manager's own row comes first", []repcard.Record{
			withEmail(roster("Jane", "Ana", "Berlin"), "jane@x.example", "old.ana@x.example"),
			withEmail(roster("Ana", "", "Berlin"), "ana@x.example", ""),
		}, "jane@x.example", "ana@x.example"},
		{"the manager's own row without an address", []repcard.Record{
			withEmail(roster("Jane", "Ana", "Berlin"), "", "ana@x.example"),
			roster("Ana", "", "Berlin"),
		}, "", "ana@x.example"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := append(tt.roster, act("Jane", "2026-10-02", "call", "Acme"))
			r := buildReport(testConfig(), "2026-10", recs)
			eq(t, "Jane's email", repOf(t, r, "Jane").Email, tt.jane)
			eq(t, "Ana's email", managerOf(t, r, "Ana").Email, tt.mgrEmail)
		})
	}
}
