package reader

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkXMLGuard streams worksheet XML shaped like the workload's (six
// cells a row, shared strings, numbers) through the guard, as the pre-scan
// does.
func BenchmarkXMLGuard(b *testing.B) {
	data := workloadSheetXML()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		g := newXMLGuard(bytes.NewReader(data), "sheet1.xml", 16<<20, maxMarkupBytes, false)
		if _, err := io.Copy(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFormulaScan is the formula scan over the same XML, written in
// the 32 KB pieces io.Copy hands it: it runs beside the guard.
func BenchmarkFormulaScan(b *testing.B) {
	data := workloadSheetXML()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var s formulaScan
		for p := data; len(p) > 0; {
			n := min(len(p), 32<<10)
			s.Write(p[:n])
			p = p[n:]
		}
	}
}

// workloadSheetXML is 20,000 rows of worksheet XML shaped like the
// workload's.
func workloadSheetXML() []byte {
	var x bytes.Buffer
	x.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 2; r < 20_002; r++ {
		fmt.Fprintf(&x, `<row r="%d"><c r="A%d" s="1"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c><c r="C%d" t="s"><v>3</v></c><c r="D%d" t="s"><v>%d</v></c><c r="E%d" t="s"><v>7</v></c><c r="F%d"><v>1500</v></c></row>`,
			r, r, 46000+r%400, r, r%500, r, r, r%10000, r, r)
	}
	x.WriteString(`</sheetData></worksheet>`)
	return x.Bytes()
}
