package main

import "github.com/xuri/excelize/v2"

// The manager's tracker: Ana Ruiz's "Deals won 2026", one row per rep and
// one column per month, January to October, copied by hand from Salesforce
// each month. It covers only her reps whose closings are Salesforce deals
// and whose contacts are HubSpot activities, so repcard takes their closings
// from the deals rows and their contacts from the activities, and the grid
// adds nothing twice (see examples/README.md).
const (
	gridSheet  = "Berlin"
	gridTitle  = "Deals won 2026"
	gridYear   = 2026
	gridMonths = 10 // January to October
)

// gridRep is one row of the tracker: the rep, as Ana writes the name.
type gridRep struct{ Rep, Written string }

// gridReps are the tracker's rows; two use a roster alias.
var gridReps = []gridRep{{jane, "J. Doe"}, {aisha, aisha}, {dmitri, "Dmitry Ivanov"}}

// gridCounts counts each tracker rep's won Salesforce deals by month of
// 2026 (index 0 = January), from the full export.
func gridCounts(ds []deal) map[string]*[gridMonths]int {
	out := map[string]*[gridMonths]int{}
	for _, g := range gridReps {
		out[g.Rep] = new([gridMonths]int)
	}
	for _, dl := range ds {
		n := out[dl.Rep]
		if n == nil || dl.Status != "won" || dl.Close.Year() != gridYear || int(dl.Close.Month()) > gridMonths {
			continue
		}
		n[dl.Close.Month()-1]++
	}
	return out
}

// gridXLSX writes the tracker: a title row naming the measure and the year,
// the header `Rep | Jan | … | Oct | Total`, a row per rep, a Total row.
func gridXLSX(ds []deal) ([]byte, error) {
	f, st, cells, err := newWorkbook(gridSheet)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cells.set(1, 1, gridTitle)
	cells.style("A1", "A1", st.title)
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"}
	cells.set(1, 2, "Rep")
	for c, m := range months {
		cells.set(c+2, 2, m)
	}
	cells.set(gridMonths+2, 2, "Total")
	cells.style("A2", cellName(gridMonths+2, 2), st.header)
	counts := gridCounts(ds)
	var colTotal [gridMonths]int
	row := 2
	for _, g := range gridReps {
		row++
		cells.set(1, row, g.Written)
		sum := 0
		for m, n := range counts[g.Rep] {
			cells.set(m+2, row, n)
			sum += n
			colTotal[m] += n
		}
		cells.set(gridMonths+2, row, sum)
	}
	row++
	cells.set(1, row, "Total")
	sum := 0
	for m, n := range colTotal {
		cells.set(m+2, row, n)
		sum += n
	}
	cells.set(gridMonths+2, row, sum)
	cells.style(cellName(1, row), cellName(gridMonths+2, row), st.bold)
	cells.style(cellName(gridMonths+2, 3), cellName(gridMonths+2, row), st.bold)
	cells.width("A", 18)
	if cells.err != nil {
		return nil, cells.err
	}
	return finishXLSX(f, &excelize.DocProperties{
		Title: gridTitle, Creator: "Ana Ruiz", LastModifiedBy: "Ana Ruiz",
		Created: "2026-01-05T09:10:00Z", Modified: "2026-11-02T08:30:00Z",
	})
}
