package reader

import "github.com/repcard/repcard"

// dealVersions picks, for a deal that is in several files, the version of
// the newest export. A deal's stage, amount and dates change between
// exports (September's export has it at Proposal, October's as Closed
// Won), so counting the first copy read, as dedupe does for rows that do
// not change, would count a stale one.
//
// It is used only when the inbox has more than one file of deals; then the
// deals that have an id are held back until every sheet is read, and the
// newest export is known. A file's date is that of its newest decided deal
// (won or lost, with or without an id): the date of the data, as for the
// default period, not the file's time on disk, which a copy changes. Of
// files of the same date, a version that says the deal was decided wins
// over one that has it open (a deal seldom reopens; two snapshots of a
// pipeline often end on the same date), then the later in path order
// (exports named by date or numbered by the tracker sort that way). A deal
// listed twice in one file is two rows, kept, as dedupe keeps identical
// rows inside one file.
type dealVersions struct {
	byID   map[string]int // deal id → index in groups
	groups [][]dealVersion
	asOf   map[int]repcard.Date // file index → date of its newest decided deal
}

// dealVersion is what one file says of one deal: usually one row.
type dealVersion struct {
	file  int
	recs  []repcard.Record
	plans []*sheetPlan // the sheet of each row
}

func newDealVersions() *dealVersions {
	return &dealVersions{byID: map[string]int{}, asOf: map[int]repcard.Date{}}
}

// see notes the date of a deal of the file, for the file's date.
func (v *dealVersions) see(rec *repcard.Record, file int) {
	if (rec.Outcome == repcard.OutcomeWon || rec.Outcome == repcard.OutcomeLost) && rec.Date > v.asOf[file] {
		v.asOf[file] = rec.Date
	}
}

// hold keeps a copy of a deal that has an id, read from p's sheet.
func (v *dealVersions) hold(rec *repcard.Record, p *sheetPlan) {
	g, ok := v.byID[rec.ID]
	if !ok {
		g = len(v.groups)
		v.byID[rec.ID] = g
		v.groups = append(v.groups, nil)
	}
	vs := v.groups[g]
	if n := len(vs); n > 0 && vs[n-1].file == p.fileIndex {
		vs[n-1].recs = append(vs[n-1].recs, *rec)
		vs[n-1].plans = append(vs[n-1].plans, p)
		return
	}
	v.groups[g] = append(vs, dealVersion{file: p.fileIndex, recs: []repcard.Record{*rec}, plans: []*sheetPlan{p}})
}

// release emits, deal by deal in the order their ids were first read, the
// rows of the newest version, and calls superseded with the sheet of each
// row of an older version: a duplicate after all.
func (v *dealVersions) release(emit func(*repcard.Record), superseded func(p *sheetPlan)) {
	for _, vs := range v.groups {
		win := 0
		for i := 1; i < len(vs); i++ {
			if v.newer(&vs[i], &vs[win]) {
				win = i
			}
		}
		for i := range vs {
			if i != win {
				for _, p := range vs[i].plans {
					superseded(p)
				}
			}
		}
		reached := v.reached(vs, win)
		for i := range vs[win].recs {
			if reached != "" {
				vs[win].recs[i].StageReached = reached
			}
			emit(&vs[win].recs[i])
		}
	}
	v.groups, v.byID = nil, nil
}

// reached returns, when version win says the deal was decided, the stage
// of the newest other version that has it open with a stage; "" when there
// is none.
func (v *dealVersions) reached(vs []dealVersion, win int) string {
	if !vs[win].decided() {
		return ""
	}
	best := -1
	for i := range vs {
		if i == win || vs[i].decided() || vs[i].openStage() == "" {
			continue
		}
		if best < 0 || v.newer(&vs[i], &vs[best]) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return vs[best].openStage()
}

// openStage is the stage of the version's last open row with one.
func (d *dealVersion) openStage() string {
	for i := len(d.recs) - 1; i >= 0; i-- {
		if d.recs[i].Outcome == repcard.OutcomeOpen && d.recs[i].Stage != "" {
			return d.recs[i].Stage
		}
	}
	return ""
}

// newer reports whether version a is newer than version b: from the newer
// export; from exports of the same date, the one that says the deal was
// decided (deals seldom reopen), else the one of the later file.
func (v *dealVersions) newer(a, b *dealVersion) bool {
	if da, db := v.asOf[a.file], v.asOf[b.file]; da != db {
		return da > db
	}
	if ca, cb := a.decided(), b.decided(); ca != cb {
		return ca
	}
	return a.file > b.file
}

// decided reports whether the version says the deal was won or lost.
func (d *dealVersion) decided() bool {
	for i := range d.recs {
		if o := d.recs[i].Outcome; o == repcard.OutcomeWon || o == repcard.OutcomeLost {
			return true
		}
	}
	return false
}
