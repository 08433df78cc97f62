package report

import (
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Where contacts and referral asks come from, and when a measure is not
// tracked (no row records it): null, never 0.
func TestTrackedSources(t *testing.T) {
	noRef := func(r *repcard.Record) { r.Referral = repcard.No }
	hasRefCount := func(r *repcard.Record) { r.HasReferralAsks = true }
	hasContacts := func(r *repcard.Record) { r.HasContacts = true }
	for _, tc := range []struct {
		name     string
		recs     []repcard.Record
		want     Sources
		asks     NullInt
		contacts int
	}{
		{"activities without a referral value", []repcard.Record{
			act("R", "2026-10-01", "call", "P1", lost("x")),
		}, Sources{SourceActivities, SourceActivities, SourceNone}, NullInt{}, 1},
		{"activities that say no", []repcard.Record{
			act("R", "2026-10-01", "call", "P1", lost("x"), noRef),
		}, Sources{SourceActivities, SourceActivities, SourceActivities}, NullInt{0, true}, 1},
		{"deals without a referral value", []repcard.Record{
			dealWon("R", "2026-10-01", "P1", amt(100)), dealLost("R", "2026-10-02", "P2", "x"),
		}, Sources{SourceDecided, SourceDeals, SourceNone}, NullInt{}, 2},
		{"deals with one", []repcard.Record{
			dealWon("R", "2026-10-01", "P1", amt(100)), dealLost("R", "2026-10-02", "P2", "x", ref),
		}, Sources{SourceDecided, SourceDeals, SourceDeals}, NullInt{1, true}, 2},
		{"tallies of sales only, and deals", []repcard.Record{
			tally("R", "2026-10-01", 0, 2), dealWon("R", "2026-10-01", "P1", amt(100)),
		}, Sources{SourceDecided, SourceDeals, SourceNone}, NullInt{}, 1},
		{"tallies of sales only", []repcard.Record{
			tally("R", "2026-10-01", 0, 2),
		}, Sources{SourceNone, SourceActivities, SourceNone}, NullInt{}, 0},
		{"tallies with a contacts column of 0 and a referral column of 0", []repcard.Record{
			tally("R", "2026-10-01", 0, 0, hasContacts, hasRefCount),
		}, Sources{SourceActivities, SourceActivities, SourceActivities}, NullInt{0, true}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := buildReport(config.Default(), "2026-10", tc.recs)
			rep := repOf(t, r, "R")
			eq(t, "sources", rep.Sources, tc.want)
			eq(t, "referral_asks", rep.ReferralAsks, tc.asks)
			eq(t, "team referral_asks", r.Team.ReferralAsks, tc.asks)
			eq(t, "contacts", rep.Contacts, tc.contacts)
		})
	}
}
