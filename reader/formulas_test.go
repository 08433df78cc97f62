package reader

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestFormulaScan(t *testing.T) {
	tests := []struct {
		name string
		xml  string
		want string // col:n@firstRow, by column
	}{
		{"no formulas", `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`, ""},
		{"saved values", `<row r="2"><c r="E2"><f>2*500</f><v>1000</v></c><c r="F2" t="str"><f>A1</f><v></v></c></row>`, ""},
		{"no value", `<row r="5"><c r="E5"><f>B5*C5</f></c></row>`, "4:1@5"},
		{"shared formula, no value", `<row r="6"><c r="E6" s="1"><f t="shared" si="0"/></c><c r="E7"><f t="shared" ref="E7:E9" si="1">B7*2</f></c></row>`, "4:2@6"},
		{"several columns, first by order", `<row r="9"><c r="AB9"><f>1</f></c></row><row r="10"><c r="C10"><f>1</f></c><c r="AB10"><f>1</f></c></row>`, "2:1@10 27:2@9"},
		{"mixed", `<c r="A1"><f>1</f><v>1</v></c><c r="A2"><f>1</f></c><c r="A3"><f>1</f><v>3</v></c><c r="A4"><f>x</f></c>`, "0:2@2"},
		{"other tags that start with f", `<c r="A1"><v>1</v></c><filterMode/><fx/><c r="A2"><f>1</f></c><c r="B3"><v>1</v></c>`, "0:1@2"},
		{"no reference", `<c><f>1</f></c><c r="B2"><f>1</f></c>`, "1:1@2"},
		{"attribute r is not ref", `<c s="1" r="D4"><f>1</f></c><c xr="Q1" r="C3"><f>1</f></c>`, "2:1@3 3:1@4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every way of cutting the XML into two writes, and one byte
			// at a time, gives the same.
			for cut := 0; cut <= len(tt.xml)+1; cut++ {
				var s formulaScan
				if cut <= len(tt.xml) {
					s.Write([]byte(tt.xml[:cut]))
					s.Write([]byte(tt.xml[cut:]))
				} else {
					for i := range len(tt.xml) {
						s.Write([]byte{tt.xml[i]})
					}
				}
				s.Write([]byte("</sheetData></worksheet>"))
				if got := describeScan(&s); got != tt.want {
					t.Fatalf("cut at %d: got %q, want %q", cut, got, tt.want)
				}
			}
		})
	}
}

func describeScan(s *formulaScan) string {
	var out []string
	for _, col := range slices.Sorted(maps.Keys(s.cols)) {
		n, _, first := s.in(0, func(k int) bool { return k == col })
		out = append(out, fmt.Sprintf("%d:%d@%d", col, n, first))
	}
	return strings.Join(out, " ")
}

func TestFormulaScanIn(t *testing.T) {
	var s formulaScan
	s.Write([]byte(`<c r="A1"><f>TODAY()</f></c><c r="C10"><f>1</f></c><c r="AB9"><f>1</f></c><c r="AB11"><f>1</f></c><c r="D12"><f>1</f></c><c r="D40"><f>1</f></c><c r="B40"><f>1</f></c>`))
	s.Write([]byte("</worksheet>"))
	all := func(int) bool { return true }
	tests := []struct {
		name               string
		after              int
		used               func(int) bool
		n, firstCol, first int
	}{
		{"every cell", 0, all, 7, 0, 1},
		{"below a header in row 1", 1, all, 6, 27, 9},
		{"without column C", 1, func(c int) bool { return c != 2 }, 5, 27, 9},
		{"below row 20, leftmost first", 20, all, 2, 1, 40},
		{"no column used", 0, func(int) bool { return false }, 0, 0, 0},
	}
	for _, tt := range tests {
		n, col, row := s.in(tt.after, tt.used)
		if n != tt.n || col != tt.firstCol || row != tt.first {
			t.Errorf("%s: %d cells, first at column %d row %d; want %d, %d, %d", tt.name, n, col, row, tt.n, tt.firstCol, tt.first)
		}
	}
}

func TestParseCellRef(t *testing.T) {
	for _, tt := range []struct {
		ref      string
		col, row int
	}{
		{"A1", 0, 1}, {"e5", 4, 5}, {"Z9", 25, 9}, {"AA10", 26, 10}, {"XFD1048576", 16383, 1048576},
		{"", -1, 0}, {"A", -1, 0}, {"1", -1, 0}, {"A0", -1, 0}, {"A1B", -1, 0}, {"ABCD1", -1, 0}, {"A12345678", -1, 0},
	} {
		if col, row := parseCellRef([]byte(tt.ref)); col != tt.col || row != tt.row {
			t.Errorf("parseCellRef(%q) = %d, %d; want %d, %d", tt.ref, col, row, tt.col, tt.row)
		}
	}
}

// FuzzFormulaScan: any bytes, written whole or cut in two anywhere, give
// the same count, and never a panic.
func FuzzFormulaScan(f *testing.F) {
	f.Add([]byte(`<row r="5"><c r="E5"><f>B5*C5</f></c><c r="F5"><f>1</f><v>1</v></c></row>`), uint16(9))
	f.Add([]byte(`<c r="XFD1048576"><f t="shared" si="0"/></c><c r="A"><f>`), uint16(3))
	f.Add([]byte(`<f><f></c></c><v<c r="A1"`), uint16(1))
	f.Fuzz(func(t *testing.T, xml []byte, cut uint16) {
		var whole, split formulaScan
		whole.Write(xml)
		whole.Write([]byte("</worksheet>"))
		k := int(cut) % (len(xml) + 1)
		split.Write(xml[:k])
		split.Write(xml[k:])
		split.Write([]byte("</worksheet>"))
		if a, b := describeScan(&whole), describeScan(&split); a != b {
			t.Errorf("whole %q, cut at %d %q", a, k, b)
		}
	})
}

// A cell tag further than keepBytes before its formula is not looked for,
// however the XML is cut: the count does not depend on the writes.
func TestFormulaScanFarTag(t *testing.T) {
	xml := `<c r="B7" s="` + strings.Repeat("1", keepBytes) + `"><f>1</f></c><c r="C8"><f>1</f></c>`
	for _, cut := range []int{0, 10, len(xml) / 2, len(xml) - 20} {
		var s formulaScan
		s.Write([]byte(xml[:cut]))
		s.Write([]byte(xml[cut:] + "</worksheet>"))
		if got := describeScan(&s); got != "2:1@8" {
			t.Errorf("cut at %d: %q", cut, got)
		}
	}
}
