package reader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/reader/cell"
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
}

// Ignored is a file in the inbox that is not read: a lock or temp file, or
// not a spreadsheet at all.
type Ignored struct {
	File   string
	Reason string
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

// LeftOut reports whether any row or file was left out.
func (b *Batch) LeftOut() bool { return len(b.Issues) > 0 }

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
			r.read(shown(f))
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
		case p.layout == nil && p.readErr != "":
			// Unreadable before a header was found: the rows are lost, so
			// it is an issue, not a sheet of another kind.
			r.fileIssue(p.file, p.sheet, p.readErr)
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: p.readErr})
		case p.layout == nil:
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: p.reason})
		default:
			r.readSheet(p, emit)
		}
		if lastSheet[p.fileIndex] == p {
			r.closeKept(p.fileIndex)
			r.read(shown(p.file))
		}
	}
	if r.versions != nil {
		r.versions.release(emit, func(p *sheetPlan) {
			in := &r.batch.Inputs[p.input]
			in.Used--
			in.Duplicates++
		})
	}
	// Rosters were read first; list inputs in path order all the same.
	slices.SortStableFunc(r.batch.Inputs, func(a, b repcard.Input) int { return strings.Compare(a.File, b.File) })
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
	ctx       context.Context
	dir       string
	cfg       *config.Config
	emit      func(*repcard.Record)
	lim       limits
	words     words
	roster    *rosterIndex
	dedupe    *deduper
	versions  *dealVersions // set when more than one file holds deals
	batch     *Batch
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
	maps       []mappingFor
	rep        string
	repFrom    string
	readErr    string    // the sheet could not be read to its header
	stamp      fileStamp // the file when it was classified
	input      int       // index of its repcard.Input in the batch, once added
}

// discover lists the files to read, in lexical order of their paths, and
// records what it passes over.
func (r *inboxReader) discover() ([]string, error) {
	if fi, err := os.Stat(r.dir); err != nil {
		return nil, fmt.Errorf("inbox %s: %w", r.dir, err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("inbox %s: not a folder", r.dir)
	}
	var files []string
	err := filepath.WalkDir(r.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			rel := r.rel(p)
			r.fileIssue(rel, "", fmt.Sprintf("cannot read: %v", err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		rel := r.rel(p)
		if d.IsDir() {
			if p != r.dir && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			return nil
		}
		switch why := skipReason(name, d.Type()); {
		case why != "":
			r.batch.Ignored = append(r.batch.Ignored, Ignored{shown(rel), why})
		case isSpreadsheet(name):
			files = append(files, rel)
		case unsupportedSpreadsheet(name) != "":
			r.fileIssue(rel, "", unsupportedSpreadsheet(name))
			r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: shown(rel), Kind: repcard.KindNone, Reason: unsupportedSpreadsheet(name)})
		default:
			r.batch.Ignored = append(r.batch.Ignored, Ignored{shown(rel), "not a spreadsheet (.xlsx, .xlsm, .csv, .tsv)"})
		}
		return nil
	})
	return files, err
}

func (r *inboxReader) rel(p string) string {
	rel, err := filepath.Rel(r.dir, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(rel)
}

// skipReason says why a file is passed over without a word in the issues:
// lock and temp files of office programs and downloads, links, hidden files.
func skipReason(name string, mode fs.FileMode) string {
	lower := strings.ToLower(name)
	switch {
	case mode&fs.ModeSymlink != 0:
		return "symbolic link (not followed)"
	case !mode.IsRegular():
		return "not a regular file"
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, ".~lock"):
		return "lock file of an open spreadsheet"
	case strings.HasSuffix(lower, ".tmp"), strings.HasSuffix(lower, ".part"), strings.HasSuffix(lower, ".crdownload"):
		return "temporary or partial download"
	case strings.HasPrefix(name, "."):
		return "hidden file"
	}
	return ""
}

// IsInputFile reports whether repcard reads a file of this name (watch uses
// it to decide which changes matter).
func IsInputFile(name string) bool {
	return skipReason(name, 0) == "" && (isSpreadsheet(name) || unsupportedSpreadsheet(name) != "")
}

func isSpreadsheet(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx", ".xlsm", ".csv", ".tsv":
		return true
	}
	return false
}

func unsupportedSpreadsheet(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".xls":
		return "old Excel format (.xls) is not read: open it and save as .xlsx or .csv"
	case ".xlsb":
		return "Excel binary format (.xlsb) is not read: save as .xlsx or .csv"
	case ".ods":
		return "OpenDocument spreadsheet (.ods) is not read: save as .xlsx or .csv"
	case ".numbers":
		return "Numbers file is not read: export as .xlsx or .csv"
	}
	return ""
}

func (r *inboxReader) fileIssue(file, sheet, reason string) {
	r.addIssue(repcard.Issue{File: file, Sheet: sheet, Reason: reason})
}

// addIssue adds an issue, with its file, sheet and reason as shown.
func (r *inboxReader) addIssue(is repcard.Issue) {
	is.File, is.Sheet, is.Reason = shown(is.File), shown(is.Sheet), shown(is.Reason)
	r.batch.Issues = append(r.batch.Issues, is)
}

// shown is a file or sheet name, or a reason, as repcard shows it: bytes
// that are not UTF-8, control characters (C0, DEL, C1) and the invisible
// bidi controls become U+FFFD, so that a name cannot drive a terminal
// ('repcard check' prints them) or hide what it says. Files are still
// opened by their real names.
func shown(s string) string {
	clean := utf8.ValidString(s)
	for _, c := range s {
		if clean && (unicode.IsControl(c) || untrusted.IsBidiControl(c)) {
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(c rune) rune {
		if unicode.IsControl(c) || untrusted.IsBidiControl(c) {
			return utf8.RuneError
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// repeatedRoster reports whether a roster row says what one already read
// said, and remembers it if not.
func (r *inboxReader) repeatedRoster(rec *repcard.Record) bool {
	k := strings.Join(append([]string{rec.Rep, rec.Manager, rec.Office, rec.Email, rec.Date.String()}, rec.Aliases...), "\x00")
	if r.rosterRows[k] {
		return true
	}
	if r.rosterRows == nil {
		r.rosterRows = map[string]bool{}
	}
	r.rosterRows[k] = true
	return false
}

// classifyFile opens a file and reads the top rows of each sheet to find its
// header. An unreadable file becomes an issue and an input of kind none.
func (r *inboxReader) classifyFile(index int, file string) []*sheetPlan {
	r.beforeOpen(file)
	wb, stamp, err := openWorkbook(filepath.Join(r.dir, filepath.FromSlash(file)), r.lim)
	if err != nil {
		r.fileIssue(file, "", err.Error())
		r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: shown(file), Kind: repcard.KindNone, Reason: shown(err.Error())})
		return nil
	}
	keep := false
	defer func() {
		if keep {
			r.kept[index] = wb
		} else {
			wb.Close()
		}
	}()
	var plans []*sheetPlan
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		const why = "workbook has no sheets"
		r.fileIssue(file, "", why)
		r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: shown(file), Kind: repcard.KindNone, Reason: why})
	}
	seen := map[string]bool{}
	for _, sheet := range sheets {
		p := &sheetPlan{fileIndex: index, file: file, sheet: sheet, maps: mappingsFor(r.cfg, file, sheet), stamp: stamp}
		if seen[sheet] {
			const why = "a second sheet with the same name (the workbook is damaged): not read"
			r.fileIssue(file, sheet, why)
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: why})
			continue
		}
		seen[sheet] = true
		src, err := wb.Open(sheet)
		if err != nil {
			r.fileIssue(file, sheet, err.Error())
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: err.Error()})
			continue
		}
		for len(p.head) < headerWindow {
			row, _, err := src.Next()
			if err != nil {
				var re *rowError
				if errors.As(err, &re) {
					p.head = append(p.head, nil)
					continue
				}
				if err != io.EOF {
					p.readErr = err.Error()
				}
				break
			}
			p.head = append(p.head, append([]string(nil), row...))
		}
		src.Close()
		p.layout = findHeader(p.head, p.maps, false)
		if p.layout == nil && p.readErr == "" && sheet == "" && allBlank(p.head) {
			// A CSV file with nothing in it but blank lines.
			p.readErr = "file has no rows: only blank lines"
		}
		plans = append(plans, p)
	}
	_, isXLSX := wb.(*xlsxBook)
	keep = isXLSX && len(plans) > 0 && len(r.kept) < keepOpen
	if keep && r.kept == nil {
		r.kept = map[int]workbook{}
	}
	return plans
}

// keepOpen is how many workbooks may stay open between classification and
// reading. Each holds its shared strings and small parts in memory (bounded
// by the limits) and its large sheets in temp files.
const keepOpen = 4

// closeKept closes the workbook kept open for file index i, if any.
func (r *inboxReader) closeKept(i int) {
	if wb, ok := r.kept[i]; ok {
		wb.Close()
		delete(r.kept, i)
	}
}

// closeAllKept closes every workbook still kept open.
func (r *inboxReader) closeAllKept() {
	for i := range r.kept {
		r.closeKept(i)
	}
}

func allBlank(rows [][]string) bool {
	for _, row := range rows {
		if !blankRow(row) {
			return false
		}
	}
	return true
}

// findHeader returns the layout of the first row within the head that maps
// a kind.
func findHeader(head [][]string, maps []mappingFor, repKnown bool) *layout {
	for i, row := range head {
		if l := matchRow(row, maps, repKnown); l != nil {
			l.headerRow = i + 1
			l.header = row
			return l
		}
	}
	return nil
}

// resolve settles a sheet's layout and rep once the roster is known.
func (r *inboxReader) resolve(p *sheetPlan) {
	fixed := ""
	for _, m := range p.maps {
		if m.rep != "" {
			fixed = m.rep
			break
		}
	}
	p.rep, p.repFrom = r.roster.repFor(p.sheet, p.file, fixed)
	if p.layout == nil && p.readErr == "" {
		p.layout = findHeader(p.head, p.maps, p.rep != "")
		if p.layout == nil {
			p.reason = whyNone(p.head, p.rep != "")
		}
	}
	if p.layout != nil && p.layout.has(fRep) {
		p.rep, p.repFrom = "", ""
	}
	if p.layout != nil && p.layout.fixedRep != "" && !p.layout.has(fRep) && p.rep == "" {
		p.rep, p.repFrom = r.roster.canonical(p.layout.fixedRep), "config"
	}
}

func (r *inboxReader) addInput(p *sheetPlan, in repcard.Input) {
	in.File, in.Sheet, in.Reason = shown(p.file), shown(p.sheet), shown(in.Reason)
	p.input = len(r.batch.Inputs)
	r.batch.Inputs = append(r.batch.Inputs, in)
}

// decisionWindow is how many data rows are looked at to decide, per column,
// the day/month order of dates and the decimal mark of numbers; at most
// decisionBytes of them are held.
const (
	decisionWindow = 2000
	decisionBytes  = 32 << 20
)

// reopen returns the workbook of a classified sheet: the one kept open
// since classification, or the file opened again. The stamp is the file's
// now, so that a file changed since classification is not read.
func (r *inboxReader) reopen(p *sheetPlan, path string) (workbook, fileStamp, error) {
	if wb, ok := r.kept[p.fileIndex]; ok {
		st, err := statInput(path)
		if err != nil {
			wb.Close()
			delete(r.kept, p.fileIndex)
		}
		return wb, st, err
	}
	return openWorkbook(path, r.lim)
}

// readSheet streams the rows of a classified sheet into records.
func (r *inboxReader) readSheet(p *sheetPlan, emit func(*repcard.Record)) {
	l := p.layout
	in := repcard.Input{Kind: l.kind, Mapping: l.how, RepFrom: p.repFrom, HeaderRow: l.headerRow}
	defer func() { r.addInput(p, in) }()
	sheetIssue := func(row int, reason string) {
		r.addIssue(repcard.Issue{File: p.file, Sheet: p.sheet, Row: row, Reason: reason})
		if in.Reason == "" {
			in.Reason = reason
		}
	}
	if r.overTotal {
		sheetIssue(0, fmt.Sprintf("not read: the inbox already has more rows than the limit (limits.max_total_rows = %d)", r.lim.totalRows))
		return
	}

	path := filepath.Join(r.dir, filepath.FromSlash(p.file))
	r.beforeOpen(p.file)
	wb, stamp, err := r.reopen(p, path)
	if err == nil && stamp != p.stamp {
		wb.Close()
		delete(r.kept, p.fileIndex)
		err = errors.New(errChanged + ": its rows were not read; run again once it is saved")
	}
	if err != nil {
		sheetIssue(0, err.Error())
		return
	}
	if _, kept := r.kept[p.fileIndex]; !kept {
		defer wb.Close()
	}
	src, err := wb.Open(p.sheet)
	if err != nil {
		sheetIssue(0, err.Error())
		return
	}
	defer src.Close()
	defer func() {
		// A file saved again while it was read may have given rows of
		// two versions.
		if st, err := statInput(path); err != nil || st != stamp {
			sheetIssue(0, errChanged+": some of its rows may be missing or from two versions; run again once it is saved")
		}
	}()

	conv := &converter{
		l: l, rep: p.rep, date1904: wb.Date1904(), words: &r.words, roster: r.roster,
		rules: columnRules{dateOrder: map[int]cell.DateOrder{}, decimal: map[int]cell.Decimal{}},
	}
	conv.src.File, conv.src.Sheet = shown(p.file), shown(p.sheet)
	conv.issues = r.addIssue
	headerNorm := make([]string, len(l.header))
	for i, h := range l.header {
		headerNorm[i] = normHeader(h)
	}
	width := l.width()

	var rec repcard.Record
	process := func(row []string, num int) {
		conv.src.Row = num
		err := conv.fill(&rec, row)
		switch {
		case err == errSkip:
			in.Skipped++
			return
		case err != nil:
			in.Rows++
			in.LeftOut++
			return
		}
		in.Rows++
		if r.versions != nil && rec.Kind == repcard.KindDeals {
			r.versions.see(&rec, p.fileIndex)
			if rec.ID != "" {
				in.Used++
				r.versions.hold(&rec, p)
				return
			}
		}
		if r.dedupe.duplicate(&rec, p.fileIndex, !p.lookupOnly) || rec.Kind == repcard.KindRoster && r.repeatedRoster(&rec) {
			in.Duplicates++
			return
		}
		in.Used++
		emit(&rec)
	}

	// Rows are buffered until every column's decisions are made. Only the
	// columns the header maps are kept.
	type buffered struct {
		row []string
		num int
	}
	var buf []buffered
	bufBytes := 0
	decided := false
	decide := func() {
		rows := make([][]string, len(buf))
		for i, b := range buf {
			rows[i] = b.row
		}
		r.decideColumns(p, conv, rows)
		decided = true
		for _, b := range buf {
			process(b.row, b.num)
		}
		buf = nil
	}
	needDecisions := r.needsDecisions()

	for {
		if r.ctx.Err() != nil {
			return
		}
		row, num, err := src.Next()
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				if !r.countRow() {
					sheetIssue(re.num, r.overTotalReason(re.num))
					break
				}
				col := ""
				if re.column >= 0 {
					col = l.columnName(re.column)
				}
				r.addIssue(repcard.Issue{File: p.file, Sheet: p.sheet, Row: re.num, Column: col, Reason: re.reason})
				in.Rows++
				in.LeftOut++
				continue
			}
			if err != io.EOF {
				row := 0
				if errors.Is(err, errTooManyRows) {
					row = num
				}
				sheetIssue(row, err.Error())
			}
			break
		}
		if num <= l.headerRow {
			if num < l.headerRow && !blankRow(row) {
				in.Skipped++ // title and note rows above the header
			}
			continue
		}
		if blankRow(row) {
			in.Skipped++
			continue
		}
		if !r.countRow() {
			sheetIssue(num, r.overTotalReason(num))
			break
		}
		if isTotalRow(row) || isRepeatedHeader(row, headerNorm, l) {
			in.Skipped++
			continue
		}
		if !needDecisions || decided {
			process(row, num)
			continue
		}
		kept := append([]string(nil), row[:min(len(row), width)]...)
		buf = append(buf, buffered{kept, num})
		for _, c := range kept {
			bufBytes += len(c) + 16
		}
		if len(buf) >= decisionWindow || bufBytes >= decisionBytes {
			decide()
		}
	}
	if !decided && needDecisions {
		decide()
	}
	r.warnUncachedFormulas(p, wb)
}

// warnUncachedFormulas warns about the formula cells under the header of a
// sheet, in the columns it reads, that were saved without a value: they
// read as blank.
func (r *inboxReader) warnUncachedFormulas(p *sheetPlan, wb workbook) {
	book, ok := wb.(*xlsxBook)
	if !ok || book.formulas[p.sheet] == nil {
		return
	}
	scan := book.formulas[p.sheet]
	l := p.layout
	n, col, row := scan.in(l.headerRow, l.uses)
	if n == 0 {
		return
	}
	cells := fmt.Sprintf("%d cells of the columns read hold", n)
	if n == 1 {
		cells = "1 cell of the columns read holds"
	}
	r.batch.Warnings = append(r.batch.Warnings, repcard.Issue{
		File: shown(p.file), Sheet: shown(p.sheet), Row: row, Column: l.columnName(col),
		Reason: cells + " a formula saved without its value (the file was written by a program that does not calculate): formulas are never evaluated, so they read as blank; open the file in Excel or LibreOffice and save it",
	})
}

// errChanged is the reason for a file that changed while it was read.
const errChanged = "file changed while repcard was reading it (saved or replaced during the run)"

// countRow counts one more row read in the inbox and reports whether it is
// within limits.max_total_rows.
func (r *inboxReader) countRow() bool {
	r.totalRows++
	if r.totalRows > r.lim.totalRows {
		r.overTotal = true
	}
	return !r.overTotal
}

func (r *inboxReader) overTotalReason(row int) string {
	return fmt.Sprintf("the inbox has more rows than the limit (limits.max_total_rows = %d): row %d and the rest of this sheet were not read, nor the sheets after it", r.lim.totalRows, row)
}

// needsDecisions reports whether columns need a per-column decision
// (config says auto for dates or decimals).
func (r *inboxReader) needsDecisions() bool {
	return r.cfg.DateOrder == "" || r.cfg.DateOrder == "auto" || r.cfg.Decimal == "" || r.cfg.Decimal == "auto"
}

// decideColumns settles each date and number column's reading from the
// sampled rows, and warns about a column it cannot decide.
func (r *inboxReader) decideColumns(p *sheetPlan, conv *converter, rows [][]string) {
	l := p.layout
	forcedOrder := map[string]cell.DateOrder{"mdy": cell.MDY, "dmy": cell.DMY}[r.cfg.DateOrder]
	forcedDec := map[string]cell.Decimal{"point": cell.Point, "comma": cell.Comma}[r.cfg.Decimal]
	warn := func(col int, msg string) {
		r.batch.Warnings = append(r.batch.Warnings, repcard.Issue{File: shown(p.file), Sheet: shown(p.sheet), Column: l.columnName(col), Reason: msg})
	}
	for _, f := range dateFields {
		for _, col := range l.cols[f] {
			if forcedOrder != cell.DateAuto {
				conv.rules.dateOrder[col] = forcedOrder
				continue
			}
			var dc cell.DateColumn
			observe(rows, col, dc.Observe)
			order, ok, conflict := dc.Order()
			switch {
			case conflict:
				warn(col, "dates in this column are written both month/day and day/month; read as "+orderName(order)+" (set date_order in config)")
			case !ok && sampleHas(rows, col, func(v string) bool {
				_, err := cell.ParseDate(v, cell.DateAuto)
				return errors.Is(err, cell.ErrAmbiguous)
			}):
				order = cell.MDY
				warn(col, "cannot tell day/month order: every date in the first rows could be either (like 03/04/2026); read as month/day (set date_order: dmy in config if wrong)")
			}
			conv.rules.dateOrder[col] = order
		}
	}
	for _, f := range numberFields {
		for _, col := range l.cols[f] {
			if forcedDec != cell.DecimalAuto {
				conv.rules.decimal[col] = forcedDec
				continue
			}
			var dc cell.DecimalColumn
			observe(rows, col, dc.Observe)
			dec, ok, conflict := dc.Decimal()
			switch {
			case conflict:
				warn(col, "numbers in this column use both , and . as the decimal mark; read with "+decimalName(dec)+" (set decimal in config)")
			case !ok && sampleHas(rows, col, func(v string) bool {
				_, err := cell.ParseNumber(v, cell.DecimalAuto)
				return errors.Is(err, cell.ErrAmbiguous)
			}):
				dec = cell.Point
				warn(col, "cannot tell the decimal mark: numbers like 1,234 could be either; read , as a thousands separator (set decimal: comma in config if wrong)")
			}
			conv.rules.decimal[col] = dec
		}
	}
}

// observe hands every sampled value of column col to f.
func observe(rows [][]string, col int, f func(string)) {
	for _, row := range rows {
		if col < len(row) {
			f(row[col])
		}
	}
}

// sampleHas reports whether any sampled value in column col satisfies f.
func sampleHas(rows [][]string, col int, f func(string) bool) bool {
	for _, row := range rows {
		if col < len(row) && strings.TrimSpace(row[col]) != "" && f(strings.TrimSpace(row[col])) {
			return true
		}
	}
	return false
}

func orderName(o cell.DateOrder) string {
	if o == cell.DMY {
		return "day/month"
	}
	return "month/day"
}

func decimalName(d cell.Decimal) string {
	if d == cell.Comma {
		return "decimal comma"
	}
	return "decimal point"
}

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// isTotalRow reports a report's footer: "Total", "Grand Totals (12
// records)", "Subtotal" in the first non-empty cell.
func isTotalRow(row []string) bool {
	for _, c := range row {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		switch c[0] | 0x20 { // a cheap first look: most rows are data
		case 't', 'g', 's':
		default:
			return false
		}
		k := normHeader(c)
		if k == "" {
			continue
		}
		return strings.HasPrefix(k, "total") || strings.HasPrefix(k, "grandtotal") || strings.HasPrefix(k, "subtotal") || k == "sum"
	}
	return false
}

// isRepeatedHeader reports a copy of the header row further down (exports
// glued together, or a header on every printed page).
func isRepeatedHeader(row []string, headerNorm []string, l *layout) bool {
	same := 0
	for f := range numFields {
		for _, i := range l.cols[f] {
			if i >= len(row) || len(row[i]) < len(headerNorm[i]) || normHeader(row[i]) != headerNorm[i] {
				return false
			}
			same++
		}
	}
	return same > 0
}
