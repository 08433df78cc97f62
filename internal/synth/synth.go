// Package synth writes the benchmark workload: a seeded, deterministic inbox
// of a large sales org that repcard and the Python peer in
// ../shared/bench can both read.
//
//	synth.Write("/tmp/inbox", synth.Options{Rows: 1_000_000, Reps: 500, Managers: 50, Deals: 50_000, Format: synth.XLSX})
//
// writes activities.xlsx (Date, Assigned To, Type, Company, Outcome, Amount,
// with a shared string table as Excel saves it), deals.csv and roster.csv.
// The data covers the 13 months ending 2026-10-31.
package synth

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// Format says how activities are written.
type Format string

// The activity formats.
const (
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// Options size the workload. Zero fields take the sizes.
type Options struct {
	Rows     int // activity rows
	Reps     int
	Managers int
	Deals    int
	Seed     uint64
	Format   Format
}

func (o Options) withDefaults() Options {
	if o.Rows == 0 {
		o.Rows = 1_000_000
	}
	if o.Reps == 0 {
		o.Reps = 500
	}
	if o.Managers == 0 {
		o.Managers = max(o.Reps/10, 1)
	}
	if o.Deals == 0 {
		o.Deals = o.Rows / 20
	}
	if o.Format == "" {
		o.Format = XLSX
	}
	return o
}

// The data window: 13 months ending 2026-10-31.
var (
	firstDay = time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	days     = int(lastDay.Sub(firstDay).Hours()/24) + 1
)

var (
	firstNames = []string{"Jane", "Aisha", "Tom", "Mei", "José", "Lars", "Zoë", "Sofía", "Dmitri", "Αλέξανδρος", "Priya", "Kwame", "Ingrid", "Mateo", "Yuki", "Fatima", "Liam", "Noah", "Emma", "Olivia", "Ravi", "Chloé", "Björn", "Marta", "Kofi"}
	lastNames  = []string{"Doe", "Khan", "O'Brien", "Lin", "Müller", "Øberg", "Brontë", "Núñez", "Иванов", "Παπαδόπουλος", "Patel", "Mensah", "Larsen", "García", "Tanaka", "Haddad", "Murphy", "Smith", "Rossi", "Novak", "Singh", "Dubois", "Berg", "Kowalski", "Owusu"}
	offices    = []string{"Berlin", "London", "Madrid", "Boston", "Tokyo", "Lagos", "Mumbai", "São Paulo"}
	types      = []string{"Call", "Call", "Call", "Call", "Call", "Email", "Email", "Email", "Meeting", "Note"}
	outcomes   = []string{"No answer", "No answer", "No answer", "No answer", "Not interested", "Not interested", "Not interested", "Follow up", "Follow up"}
	reasons    = []string{"Price too high", "Went with competitor", "No budget", "Timing - next year", "Wrong contact", "No decision maker", "Went dark"}
	companyA   = []string{"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Wonka", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Massive", "Gringotts", "Oscorp"}
	companyB   = []string{"Industries", "Holdings", "Labs", "Logistics", "Foods", "Capital", "Systems", "Robotics", "Health", "Energy", "Media", "Retail", "Partners", "Works", "Group", "Trading"}
)

// Team returns the reps and their managers and offices, by index.
func team(o Options) (reps, managers, repOffice []string) {
	seen := map[string]bool{}
	name := func(i int) string {
		n := firstNames[i%len(firstNames)] + " " + lastNames[(i/len(firstNames)+i)%len(lastNames)]
		for k := 2; seen[n]; k++ {
			n = fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[(i/len(firstNames)+i)%len(lastNames)], k)
		}
		seen[n] = true
		return n
	}
	for i := range o.Reps {
		reps = append(reps, name(i))
	}
	for i := range o.Managers {
		managers = append(managers, name(o.Reps+i))
	}
	for i := range o.Reps {
		repOffice = append(repOffice, offices[(i%o.Managers)%len(offices)])
	}
	return reps, managers, repOffice
}

func companies(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s %s %d", companyA[i%len(companyA)], companyB[(i/len(companyA))%len(companyB)], i/(len(companyA)*len(companyB))+1)
	}
	return out
}

// activity is one generated row.
type activity struct {
	day     int // days after firstDay
	rep     int
	typ     string
	company int
	outcome string
	amount  int // whole currency units; 0 = blank
}

// activities yields the rows in date order.
func activities(o Options, emit func(a *activity) error) error {
	rng := rand.New(rand.NewPCG(o.Seed, 0xac71))
	ncomp := max(o.Reps*20, 100)
	// Each rep has a characteristic win rate: 1 win in 6 to 25 contacts.
	winEvery := make([]int, o.Reps)
	for i := range winEvery {
		winEvery[i] = 6 + rng.IntN(20)
	}
	var a activity
	for i := range o.Rows {
		a.day = i * days / o.Rows
		a.rep = rng.IntN(o.Reps)
		a.typ = types[rng.IntN(len(types))]
		a.company = rng.IntN(ncomp)
		a.amount = 0
		switch {
		case a.typ == "Note":
			a.outcome = ""
		case rng.IntN(winEvery[a.rep]) == 0:
			a.outcome = "Won"
			a.amount = 500 + rng.IntN(40)*500
		default:
			a.outcome = outcomes[rng.IntN(len(outcomes))]
		}
		if err := emit(&a); err != nil {
			return err
		}
	}
	return nil
}

// Write writes the workload into dir (created if needed).
func Write(dir string, o Options) error {
	o = o.withDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	reps, managers, repOffice := team(o)
	comps := companies(max(o.Reps*20, 100))
	if err := writeCSV(filepath.Join(dir, "roster.csv"), func(w *csv.Writer) error {
		w.Write([]string{"Rep", "Manager", "Office"})
		for i, r := range reps {
			w.Write([]string{r, managers[i%o.Managers], repOffice[i]})
		}
		return nil
	}); err != nil {
		return err
	}
	if err := writeDeals(filepath.Join(dir, "deals.csv"), o, reps, comps); err != nil {
		return err
	}
	if o.Format == CSV {
		return writeActivitiesCSV(filepath.Join(dir, "activities.csv"), o, reps, comps)
	}
	return writeActivitiesXLSX(filepath.Join(dir, "activities.xlsx"), o, reps, comps)
}

func writeCSV(path string, fill func(w *csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(bw)
	if err := fill(w); err != nil {
		f.Close()
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeDeals(path string, o Options, reps, comps []string) error {
	rng := rand.New(rand.NewPCG(o.Seed, 0xdea1))
	return writeCSV(path, func(w *csv.Writer) error {
		w.Write([]string{"Opportunity Owner", "Account Name", "Stage", "Amount", "Close Date", "Closed Lost Reason"})
		for i := range o.Deals {
			day := firstDay.AddDate(0, 0, i*days/o.Deals)
			stage, reason := "Closed Lost", reasons[rng.IntN(len(reasons))]
			switch r := rng.IntN(10); {
			case r < 3:
				stage, reason = "Closed Won", ""
			case r < 4:
				stage, reason = "Proposal", ""
				day = day.AddDate(0, 1+rng.IntN(3), 0)
			}
			w.Write([]string{reps[rng.IntN(len(reps))], comps[rng.IntN(len(comps))], stage,
				strconv.Itoa(1000 + rng.IntN(80)*500), day.Format("01/02/2006"), reason})
		}
		return nil
	})
}

func writeActivitiesCSV(path string, o Options, reps, comps []string) error {
	return writeCSV(path, func(w *csv.Writer) error {
		w.Write([]string{"Date", "Assigned To", "Type", "Company", "Outcome", "Amount"})
		row := make([]string, 6)
		return activities(o, func(a *activity) error {
			row[0] = firstDay.AddDate(0, 0, a.day).Format("2006-01-02")
			row[1], row[2], row[3], row[4] = reps[a.rep], a.typ, comps[a.company], a.outcome
			row[5] = ""
			if a.amount > 0 {
				row[5] = strconv.Itoa(a.amount)
			}
			return w.Write(row)
		})
	})
}

// writeActivitiesXLSX writes the workbook part by part, as Excel saves one:
// text cells refer to a shared string table, dates are serial numbers with
// a date format.
func writeActivitiesXLSX(path string, o Options, reps, comps []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fw := bufio.NewWriterSize(f, 1<<16)
	z := zip.NewWriter(fw)
	part := func(name, body string) error {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, body)
		return err
	}
	const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	for _, p := range [][2]string{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Activities" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
	} {
		if err := part(p[0], p[1]); err != nil {
			return err
		}
	}

	// Shared strings: headers, reps, types, outcomes, companies, in a fixed order.
	var sst []string
	index := map[string]int{}
	intern := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(sst)
		sst = append(sst, s)
		return len(sst) - 1
	}
	header := []string{"Date", "Assigned To", "Type", "Company", "Outcome", "Amount"}
	for _, s := range header {
		intern(s)
	}
	for _, list := range [][]string{reps, {"Call", "Email", "Meeting", "Note", "Won", "Not interested", "No answer", "Follow up"}, comps} {
		for _, s := range list {
			intern(s)
		}
	}

	w, err := z.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	bw.WriteString(`<row r="1">`)
	for i, s := range header {
		fmt.Fprintf(bw, `<c r="%c1" t="s"><v>%d</v></c>`, 'A'+i, index[s])
	}
	bw.WriteString(`</row>`)
	serial0 := int(firstDay.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	n := 1
	var buf []byte
	err = activities(o, func(a *activity) error {
		n++
		r := strconv.Itoa(n)
		buf = buf[:0]
		buf = append(buf, `<row r="`...)
		buf = append(buf, r...)
		buf = append(buf, `"><c r="A`...)
		buf = append(buf, r...)
		buf = append(buf, `" s="1"><v>`...)
		buf = strconv.AppendInt(buf, int64(serial0+a.day), 10)
		buf = append(buf, `</v></c>`...)
		for i, s := range []string{reps[a.rep], a.typ, comps[a.company], a.outcome} {
			if s == "" {
				continue
			}
			buf = append(buf, `<c r="`...)
			buf = append(buf, byte('B'+i))
			buf = append(buf, r...)
			buf = append(buf, `" t="s"><v>`...)
			buf = strconv.AppendInt(buf, int64(index[s]), 10)
			buf = append(buf, `</v></c>`...)
		}
		if a.amount > 0 {
			buf = append(buf, `<c r="F`...)
			buf = append(buf, r...)
			buf = append(buf, `"><v>`...)
			buf = strconv.AppendInt(buf, int64(a.amount), 10)
			buf = append(buf, `</v></c>`...)
		}
		buf = append(buf, `</row>`...)
		_, err := bw.Write(buf)
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}

	sw, err := z.CreateHeader(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Deflate})
	if err != nil {
		return err
	}
	sb := bufio.NewWriter(sw)
	fmt.Fprintf(sb, xmlHead+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(sst), len(sst))
	for _, s := range sst {
		sb.WriteString(`<si><t>`)
		xmlEscape(sb, s)
		sb.WriteString(`</t></si>`)
	}
	sb.WriteString(`</sst>`)
	if err := sb.Flush(); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := fw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func xmlEscape(w *bufio.Writer, s string) {
	for _, r := range s {
		switch r {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '\'':
			w.WriteString("&apos;")
		case '"':
			w.WriteString("&quot;")
		default:
			w.WriteRune(r)
		}
	}
}
