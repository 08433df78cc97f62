package reader

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/untrusted"
)

// Batch is the account of one read of an inbox: what each sheet was and
// where its rows went, the rows left out (Issues), warnings that left
// nothing out (a column whose day/month order could not be decided), and the
// files passed over.
type Batch struct {
	Inputs   []repcard.Input
	Issues   []repcard.Issue
	Warnings []repcard.Issue
	Ignored  []Ignored
	// Currency is the report's currency: config's, else the data's, else
	// USD (see currency.go). Every record's amounts are in it.
	Currency string
	// UnknownStatuses are the deal status words that left rows out as
	// repcard.IssueUnknownStatus, the most written first.
	UnknownStatuses []WordCount
	// OpenStages are the stage words no word list holds that were read as
	// open deals, because the sheet's stages hold a won and a lost word or
	// the row's probability is between 0 and 100: check shows them, so a
	// "Renewed" read as open is seen.
	OpenStages []WordCount
	// EmailOwners are the owners written as e-mail addresses that no
	// roster names (a roster with an Email column would), sorted.
	EmailOwners []string
	// OutFolder is the out folder (config's out), relative to the inbox,
	// when it lies inside the inbox: it was left out, so that repcard never
	// reads its own outputs.
	OutFolder string
}

// Ignored is a file in the inbox that is not read: a lock or temp file, or
// not a spreadsheet at all; or, Listed, an entry that is no file to read
// (a symbolic link, a named pipe, a device), which data-issues.csv lists.
type Ignored struct {
	File   string
	Reason string
	Listed bool
}

// Totals sums the inputs.
func (b *Batch) Totals() (rows, used, leftOut, duplicates int) {
	for _, in := range b.Inputs {
		rows += in.Rows
		used += in.Used
		leftOut += in.LeftOut
		duplicates += in.Duplicates
	}
	return
}

// LeftOut reports whether any row, file or sheet was left out: an issue,
// or a sheet that looks like sales data but was not read (SheetsNotRead).
// The sheets that are not sales data leave nothing out.
func (b *Batch) LeftOut() bool { return len(b.Issues) > 0 || b.SheetsNotRead() > 0 }

// ReadInbox reads every spreadsheet under dir and calls emit with each
// record, rosters first, then the other sheets in path order; when several
// files hold deals, the deals with an id come last, each in the version of
// the newest export (see dealVersions). emit must not keep rec: it is
// reused. Bad rows and unreadable files become Issues and
// never stop the batch; the error is for a step that could not run at all
// (dir unreadable, ctx cancelled).
func ReadInbox(ctx context.Context, dir string, cfg *config.Config, emit func(rec *repcard.Record), opts ...Option) (*Batch, error) {
	r := &inboxReader{
		ctx: ctx, dir: dir, cfg: cfg, emit: emit,
		lim: limitsOf(cfg.Limits), words: wordsOf(cfg.Words),
		dedupe: newDeduper(), batch: &Batch{},
		found: func(int) {}, read: func(string) {}, beforeOpen: func(string) {},
	}
	for _, o := range opts {
		o(r)
	}
	r.cur = newCurrencies(cfg)
	defer r.closeAllKept()
	files, err := r.discover()
	if err != nil {
		return nil, err
	}
	r.found(len(files))
	// Pass 1: classify every sheet; read rosters now, since names on them
	// resolve aliases and the rep of sheets with no rep column.
	var pending []*sheetPlan
	var roster []repcard.Record
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		plans := r.classifyFile(i, f)
		for _, p := range plans {
			if p.layout != nil && p.layout.kind == repcard.KindRoster {
				r.readSheet(p, func(rec *repcard.Record) {
					rc := *rec
					rc.Aliases = append([]string(nil), rec.Aliases...)
					roster = append(roster, rc)
				})
				continue
			}
			pending = append(pending, p)
		}
	}
	r.roster = newRosterIndex(roster)
	for i := range roster {
		emit(&roster[i])
	}
	// Pass 2: the data sheets, in path order. A file is done after its last
	// pending sheet, or after pass 1 when it has none.
	lastSheet := map[int]*sheetPlan{}
	for _, p := range pending {
		lastSheet[p.fileIndex] = p
	}
	for i, f := range files {
		if lastSheet[i] == nil {
			r.closeKept(i)
			r.read(untrusted.Visible(f))
		}
	}
	// A record needs remembering for dedupe only while a later file may
	// hold its kind; the last file of each kind (often the only one, a
	// million-row export) only looks up.
	lastOfKind := map[repcard.Kind]int{}
	lastUnknown := -1
	dealFiles := map[int]bool{}
	for _, p := range pending {
		if p.layout != nil {
			lastOfKind[p.layout.kind] = p.fileIndex
			if p.layout.kind == repcard.KindDeals {
				dealFiles[p.fileIndex] = true
			}
		} else {
			lastUnknown = p.fileIndex
		}
	}
	if len(dealFiles) > 1 {
		r.versions = newDealVersions()
	}
	for _, p := range pending {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.resolve(p)
		if p.layout != nil {
			p.lookupOnly = p.fileIndex >= lastOfKind[p.layout.kind] && p.fileIndex >= lastUnknown
		}
		switch {
		case p.layout == nil && p.readErr != nil:
			// Unreadable before a header was found: the rows are lost, so
			// it is an issue, not a sheet of another kind.
			is := r.errorIssue(p.file, p.sheet, p.readErr)
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: is.Reason()})
		case p.layout == nil:
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: p.reason, Suggest: p.suggest, NotRead: cmp.Or(p.notRead, notReadClass(p.head, p.reason, p.suggest != "" || p.gridNone))})
		default:
			r.readSheet(p, emit)
		}
		if lastSheet[p.fileIndex] == p {
			r.closeKept(p.fileIndex)
			r.read(untrusted.Visible(p.file))
		}
	}
	if r.versions != nil {
		r.versions.release(emit, func(p *sheetPlan) {
			in := &r.batch.Inputs[p.input]
			in.Used--
			in.Duplicates++
		})
	}
	r.tally.fill(r.batch)
	// Rosters were read first; list inputs in path order all the same.
	slices.SortStableFunc(r.batch.Inputs, func(a, b repcard.Input) int { return strings.Compare(a.File, b.File) })
	r.batch.Currency = r.cur.reportCurrency()
	return r.batch, nil
}

// Option changes how ReadInbox works.
type Option func(*inboxReader)

// WithProgress has ReadInbox call found with the number of files it will
// read, then read with each file's path as it finishes reading it.
func WithProgress(found func(files int), read func(file string)) Option {
	return func(r *inboxReader) { r.found, r.read = found, read }
}

// withBeforeOpen has ReadInbox call f with a file's inbox path each time
// just before it opens it: tests use it to change or remove the file.
func withBeforeOpen(f func(file string)) Option {
	return func(r *inboxReader) { r.beforeOpen = f }
}

type inboxReader struct {
	found      func(int)
	read       func(string)
	beforeOpen func(string)
	// totalRows counts the rows read in the whole inbox, against
	// limits.max_total_rows; overTotal is set once it is passed.
	totalRows int
	overTotal bool
	amounts   moneyTotal // the amounts read, against MaxTotalAmount
	ctx       context.Context
	dir       string
	cfg       *config.Config
	emit      func(*repcard.Record)
	lim       limits
	words     words
	roster    *rosterIndex
	tally     wordTally
	dedupe    *deduper
	versions  *dealVersions // set when more than one file holds deals
	batch     *Batch
	cur       *currencies
	// kept holds workbooks left open after classification for the
	// reading pass, by file index: opening an xlsx again would unzip its
	// sheets and run the pre-scan a second time. At most keepOpen.
	kept map[int]workbook
	// rosterRows holds what each roster row kept says: a row that repeats
	// one adds nothing and is counted as a duplicate, so that a roster of a
	// million copies costs one.
	rosterRows map[string]bool
}

// sheetPlan is one sheet between classification and reading.
type sheetPlan struct {
	lookupOnly bool // no later file can hold this sheet's kind: dedupe need not remember its records
	fileIndex  int
	file       string // inbox-relative, slash-separated
	sheet      string
	head       [][]string // the rows at the top, copied
	layout     *layout
	reason     string // why layout is nil
	suggest    string // a config mapping that may read the sheet, when layout is nil
	maps       []mappingFor
	rep        string
	repFrom    string
	readErr    error     // the sheet could not be read to its header
	stamp      fileStamp // the file when it was classified
	input      int       // index of its repcard.Input in the batch, once added
	grid       *grid     // a reps × periods grid read as tallies (grid.go), with layout
	gridNone   bool      // a grid that cannot be read: reason says why

	// notRead is set when monthSheets (permonth.go) sets the sheet aside:
	// reason says why.
	notRead repcard.NotRead

	// days is a per-rep table's month when its date column holds bare day numbers (perrep.go).
	days *repcard.Month
}
