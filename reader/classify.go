package reader

import (
	"errors"
	"io"
	"path/filepath"

	"github.com/repcard/repcard"
)

// classifyFile opens a file and reads the top rows of each sheet to find its
// header. An unreadable file becomes an issue and an input of kind none.
func (r *inboxReader) classifyFile(index int, file string) []*sheetPlan {
	r.beforeOpen(file)
	wb, stamp, err := openWorkbook(filepath.Join(r.dir, filepath.FromSlash(file)), r.lim)
	if err != nil {
		is := r.errorIssue(file, "", err)
		r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: is.File, Kind: repcard.KindNone, Reason: is.Reason()})
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
		is := r.fileIssue(file, "", repcard.IssueNoSheets, "")
		r.batch.Inputs = append(r.batch.Inputs, repcard.Input{File: is.File, Kind: repcard.KindNone, Reason: is.Reason()})
	}
	seen := map[string]bool{}
	for _, sheet := range sheets {
		p := &sheetPlan{fileIndex: index, file: file, sheet: sheet, maps: mappingsFor(r.cfg, file, sheet), stamp: stamp}
		if seen[sheet] {
			is := r.fileIssue(file, sheet, repcard.IssueDuplicateSheet, "")
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: is.Reason()})
			continue
		}
		seen[sheet] = true
		src, err := wb.Open(sheet)
		if err != nil {
			is := r.errorIssue(file, sheet, err)
			r.addInput(p, repcard.Input{Kind: repcard.KindNone, Reason: is.Reason()})
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
					p.readErr = err
				}
				break
			}
			p.head = append(p.head, append([]string(nil), row...))
		}
		src.Close()
		p.layout, p.reason = findHeader(p.head, p.maps, false)
		if p.layout == nil && p.readErr == nil && sheet == "" && allBlank(p.head) {
			// A CSV file with nothing in it but blank lines.
			p.readErr = &issueError{kind: repcard.IssueOnlyBlankLines}
		}
		plans = append(plans, p)
	}
	monthSheets(plans) // one sheet per month (permonth.go)
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
// a kind. When that row is the header of a list of leads or contacts, it
// returns no layout and the reason (ReasonContactList).
func findHeader(head [][]string, maps []mappingFor, repKnown bool) (*layout, string) {
	for i, row := range head {
		l := bandMatch(head, i, maps, repKnown) // a grouped header (band.go)
		if l == nil {
			l = matchRow(row, maps, repKnown)
		}
		if l != nil {
			l.headerRow = i + 1
			l.header = row
			if contactList(l, head[i+1:]) {
				return nil, ReasonContactList
			}
			currencyColumns(l)
			return l, ""
		}
	}
	return nil, ""
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
	r.headerBlockRep(p, fixed) // a per-rep tracker's header block, first (perrep.go)
	if p.layout == nil && p.readErr == nil && p.notRead == "" {
		p.layout, p.reason = findHeader(p.head, p.maps, p.rep != "")
		if p.layout == nil && p.reason == "" {
			p.reason, p.suggest = whyNone(p.head, p.rep != "", p.file, p.sheet)
			r.findGrid(p) // a reps × periods grid (grid.go)
		}
	}
	if p.layout != nil && p.layout.has(fRep) {
		p.rep, p.repFrom = "", ""
	}
	if p.layout != nil && p.layout.fixedRep != "" && !p.layout.has(fRep) && p.rep == "" {
		p.rep, p.repFrom = r.roster.canonical(p.layout.fixedRep), "config"
	}
	perRepMapping(p)
	perRepDays(p)
}
