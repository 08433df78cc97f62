package main

import (
	"time"

	"github.com/xuri/excelize/v2"
)

// The London tracker: a free "sales activity tracker" template that Marcus
// Lee asked two of his reps to keep from July 2026, one sheet per rep. A
// header block names the rep, then the table has one row per day of the
// month: the day's won deals and their revenue, copied from Salesforce.
// Working days are pre-filled with zeros; weekends and holidays are left
// blank. A Subtotal row closes each month and a TOTALS row the sheet.
//
// It covers only reps whose closings are Salesforce deals and whose
// contacts are HubSpot activities, and who are not on Ana's grid, and it
// has no contacts column: repcard takes their closings and revenue from the
// deals rows and their contacts from the activities, so the tracker adds
// nothing twice (see examples/README.md).
const (
	trackerFirst  = 9 // window month of the first table: 2026-07
	trackerMonths = 4 // July to October 2026
)

// trackerRep is one sheet: the rep, the sheet's name and how the header
// block names the rep.
type trackerRep struct {
	Rep, Sheet string
	Block      [][]string // header-block lines, one cell each or label and value
}

// trackerReps are the tracker's sheets: one names the rep as `Sales rep |
// name`, the other as `Rep Name: name` in one cell, both by roster aliases.
var trackerReps = []trackerRep{
	{tom, "Tom", [][]string{{"Sales rep", "Tom O’Brien"}, {"Manager", "Marcus Lee"}, {"Monthly plan", "15,000"}}},
	{sofia, "Sofia", [][]string{{"Rep Name: Sofia Nunez"}, {"Manager: Marcus Lee"}, {"Monthly plan", "8,000"}}},
}

// trackerDay is one filled row of a tracker sheet.
type trackerDay struct {
	Closes  int
	Revenue int64 // cents
}

// trackerDays sums each tracker rep's won Salesforce deals (full export) by
// close day, over the tracker's months.
func trackerDays(ds []deal) map[string]map[time.Time]trackerDay {
	out := map[string]map[time.Time]trackerDay{}
	for _, t := range trackerReps {
		out[t.Rep] = map[time.Time]trackerDay{}
	}
	for _, dl := range ds {
		days, m := out[dl.Rep], monthIndex(dl.Close)
		if days == nil || dl.Status != "won" || m < trackerFirst || m >= trackerFirst+trackerMonths {
			continue
		}
		day := days[dl.Close]
		day.Closes++
		day.Revenue += dl.Amount
		days[dl.Close] = day
	}
	return out
}

// trackerXLSX writes the tracker, one sheet per rep.
func trackerXLSX(ds []deal) ([]byte, error) {
	f, st, cells, err := newWorkbook(trackerReps[0].Sheet)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	days := trackerDays(ds)
	for i, t := range trackerReps {
		if i > 0 {
			if _, err := f.NewSheet(t.Sheet); err != nil {
				return nil, err
			}
			cells = &cellWriter{f: f, sheet: t.Sheet}
		}
		trackerSheet(cells, st, t, days[t.Rep])
		if cells.err != nil {
			return nil, cells.err
		}
	}
	return finishXLSX(f, &excelize.DocProperties{
		Title: "Sales activity tracker", Creator: "Marcus Lee", LastModifiedBy: "Marcus Lee",
		Created: "2026-06-29T08:45:00Z", Modified: "2026-11-02T09:20:00Z",
	})
}

// trackerSheet writes one rep's sheet: the header block, a blank row, the
// header `Day | Date | Closes | Revenue`, every day of the tracker's months
// with a Subtotal row after each, and a TOTALS row.
func trackerSheet(cells *cellWriter, st styles, t trackerRep, days map[time.Time]trackerDay) {
	row := 0
	for _, line := range t.Block {
		row++
		for c, v := range line {
			cells.set(c+1, row, v)
		}
		cells.style(cellName(1, row), cellName(1, row), st.bold)
	}
	row += 2
	for c, h := range []string{"Day", "Date", "Contacts", "Closes", "Revenue"} {
		cells.set(c+1, row, h)
	}
	cells.style(cellName(1, row), cellName(5, row), st.header)
	var total trackerDay
	for m := trackerFirst; m < trackerFirst+trackerMonths; m++ {
		var sub trackerDay
		work := map[time.Time]bool{}
		for _, d := range workdays(m) {
			work[d] = true
		}
		for d := monthStart(m); d.Before(monthStart(m + 1)); d = d.AddDate(0, 0, 1) {
			row++
			cells.set(1, row, d.Format("Mon"))
			cells.set(2, row, d)
			cells.style(cellName(2, row), cellName(2, row), st.euDate)
			day, won := days[d]
			if !work[d] && !won {
				continue // a day off: left blank
			}
			cells.set(4, row, day.Closes)
			cells.set(5, row, dollars(day.Revenue))
			cells.style(cellName(5, row), cellName(5, row), st.money)
			sub.Closes += day.Closes
			sub.Revenue += day.Revenue
		}
		row++
		cells.set(1, row, "Subtotal "+monthStart(m).Format("January"))
		cells.set(4, row, sub.Closes)
		cells.set(5, row, dollars(sub.Revenue))
		cells.style(cellName(1, row), cellName(4, row), st.bold)
		cells.style(cellName(5, row), cellName(5, row), st.boldMoney)
		total.Closes += sub.Closes
		total.Revenue += sub.Revenue
	}
	row++
	cells.set(1, row, "TOTALS")
	cells.set(4, row, total.Closes)
	cells.set(5, row, dollars(total.Revenue))
	cells.style(cellName(1, row), cellName(4, row), st.bold)
	cells.style(cellName(5, row), cellName(5, row), st.boldMoney)
	cells.width("A", 22)
	cells.width("B", 12)
}
