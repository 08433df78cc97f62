package pdf

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/repcard/repcard/internal/gofonts"
	"github.com/repcard/repcard/internal/untrusted"
)

// faceID names one of the fonts a document may use.
type faceID uint8

const (
	faceRegular faceID = iota
	faceBold
	faceItalic
	faceExtra // Options.ExtraFont, the fallback for scripts the Go fonts lack
	numFaces
)

// placeholder is drawn for a character no font has; Missing reports it.
const placeholder = '□'

// bmp is the number of code points gofpdf can draw: its UTF-8 fonts encode
// text as 16-bit CIDs equal to the code point, so nothing beyond U+FFFF.
const bmp = 0x10000

// face is one TrueType font, prepared once per Renderer: its bytes, which
// characters it has and their advance widths. gofpdf parses a font again in
// every document (see Renderer); these tables let a document measure and
// split text without asking gofpdf, and register a font only when a page
// actually draws with it.
type face struct {
	family, style string // gofpdf family and style
	ttf           []byte
	has           [bmp / 64]uint64
	// cw is the advance of each character in thousandths of an em, rounded
	// as gofpdf rounds them, so widths measured here equal gofpdf's.
	cw []uint16
}

func (f *face) covers(r rune) bool {
	return r >= 0 && r < bmp && f.has[r>>6]&(1<<(uint(r)&63)) != 0
}

// width returns the width of s in thousandths of an em.
func (f *face) width(s string) int {
	w := 0
	for _, r := range s {
		if f.covers(r) {
			w += int(f.cw[r])
		}
	}
	return w
}

// newFace reads a TrueType font's character map and advances.
func newFace(family, style string, ttf []byte) (*face, error) {
	fnt, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	upem := int(fnt.UnitsPerEm())
	if upem <= 0 {
		return nil, errors.New("no units per em")
	}
	f := &face{family: family, style: style, ttf: ttf, cw: make([]uint16, bmp)}
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(upem << 6) // advances in font units, ×64
	n := 0
	for r := rune(0); r < bmp; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		gi, err := fnt.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := fnt.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		units := int(adv) >> 6
		if units >= 1<<15 { // as gofpdf: a negative advance is 0
			units = 0
		}
		f.has[r>>6] |= 1 << (uint(r) & 63)
		f.cw[r] = uint16((units*1000 + upem/2) / upem)
		n++
	}
	if n == 0 {
		return nil, errors.New("no character of the Basic Multilingual Plane")
	}
	return f, nil
}

// loadFaces prepares the Go fonts and, when given, the extra font.
func loadFaces(extra []byte) ([numFaces]*face, error) {
	var faces [numFaces]*face
	var err error
	for _, g := range []struct {
		id    faceID
		style string
		ttf   []byte
	}{
		{faceRegular, "", gofonts.Regular()},
		{faceBold, "B", gofonts.Bold()},
		{faceItalic, "I", gofonts.Italic()},
	} {
		if faces[g.id], err = newFace("go", g.style, g.ttf); err != nil {
			return faces, fmt.Errorf("pdf: Go font %q: %w", g.style, err)
		}
	}
	if len(extra) > 0 {
		if err := checkTrueType(extra); err != nil {
			return faces, fmt.Errorf("pdf: font: %w", err)
		}
		if faces[faceExtra], err = newFace("extra", "", extra); err != nil {
			return faces, fmt.Errorf("pdf: font: %w", err)
		}
		if err := tryFont(faces[faceExtra]); err != nil {
			return faces, fmt.Errorf("pdf: font: %w", err)
		}
	}
	return faces, nil
}

// checkTrueType rejects what gofpdf cannot embed before gofpdf sees it:
// gofpdf prints its parse errors to standard output and goes on without
// the font.
func checkTrueType(b []byte) error {
	if len(b) < 12 {
		return errors.New("not a TrueType font (too short)")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return errors.New("an OpenType font with PostScript (CFF) outlines; the PDF writer needs TrueType outlines (.ttf)")
	case "ttcf":
		return errors.New("a font collection (.ttc); give one TrueType font (.ttf)")
	}
	return errors.New("not a TrueType font")
}

// tryFont embeds f in a throw-away document, so that a font gofpdf cannot
// handle is an error of New, not of every report.
func tryFont(f *face) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the PDF writer cannot embed it (%v)", p)
		}
	}()
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.SetCompression(false)
	doc.AddUTF8FontFromBytes(f.family, f.style, append([]byte(nil), f.ttf...))
	doc.AddPage()
	doc.SetFont(f.family, f.style, 10)
	var sample []rune
	for r := rune(0x21); r < bmp && len(sample) < 64; r++ {
		if f.covers(r) {
			sample = append(sample, r)
		}
	}
	doc.Text(10, 10, string(sample))
	if err := doc.Output(io.Discard); err != nil {
		return fmt.Errorf("the PDF writer cannot embed it: %w", err)
	}
	return nil
}

// run is a piece of text drawn with one font.
type run struct {
	face faceID
	text string
}

// faceFor returns the font that draws r when want is asked for, and false
// when no font has it.
func (r *Renderer) faceFor(c rune, want faceID) (faceID, bool) {
	switch {
	case r.faces[want].covers(c):
		return want, true
	case r.faces[faceRegular].covers(c):
		return faceRegular, true
	case r.faces[faceExtra] != nil && r.faces[faceExtra].covers(c):
		return faceExtra, true
	}
	return want, false
}

// runs splits s, already cleaned, into pieces of one font each. A
// character no font has becomes the placeholder.
func (r *Renderer) runs(s string, want faceID) []run {
	// Fast path: the whole string in the wanted font.
	all := true
	for _, c := range s {
		if !r.faces[want].covers(c) {
			all = false
			break
		}
	}
	if all {
		return []run{{want, s}}
	}
	var out []run
	var b strings.Builder
	cur := faceID(255)
	for _, c := range s {
		id, ok := r.faceFor(c, want)
		if !ok {
			c = r.placeholder
			id, _ = r.faceFor(c, want)
		}
		if id != cur && b.Len() > 0 {
			out = append(out, run{cur, b.String()})
			b.Reset()
		}
		cur = id
		b.WriteRune(c)
	}
	if b.Len() > 0 {
		out = append(out, run{cur, b.String()})
	}
	return out
}

// width returns the width of s in points at size pt, as drawn.
func (r *Renderer) width(s string, want faceID, pt float64) float64 {
	w := 0
	for _, rn := range r.runs(s, want) {
		w += r.faces[rn.face].width(rn.text)
	}
	return float64(w) * pt / 1000
}

// Missing returns the characters of s that no embedded font can draw, each
// once, in order of first appearance. The PDFs draw them as □; the caller
// reports them (one data issue per character). Characters the PDFs leave
// out anyway (control characters, invisible formatting marks, white space)
// are not reported.
func (r *Renderer) Missing(s string) []rune {
	var out []rune
	for _, c := range clean(s) {
		if _, ok := r.faceFor(c, faceRegular); ok {
			continue
		}
		dup := false
		for _, o := range out {
			if o == c {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// clean makes spreadsheet text one safe line (untrusted.Line).
func clean(s string) string { return untrusted.Line(s) }
