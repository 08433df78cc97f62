// Package gofonts gives the Go fonts as repcard draws them: Go Regular,
// Bold and Italic with one glyph changed.
//
// The Go fonts are made for code: their hyphen-minus (U+002D) is a minus
// sign as wide as "+" and "=", wider than their en dash, so "Mei-Mei" reads
// as "Mei–Mei". In the fonts returned here U+002D is drawn with the fonts'
// own soft-hyphen glyph (U+00AD), a hyphen of text width; the character
// stays U+002D, so copied or extracted text is unchanged. Numbers are not
// affected: a minus in a figure is U+2212, which keeps its glyph.
package gofonts

import (
	"encoding/binary"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// Regular, Bold and Italic return the fonts' TrueType bytes. The slices
// are shared: the caller must not change them.
var (
	Regular = sync.OnceValue(func() []byte { return WithTextHyphen(goregular.TTF) })
	Bold    = sync.OnceValue(func() []byte { return WithTextHyphen(gobold.TTF) })
	Italic  = sync.OnceValue(func() []byte { return WithTextHyphen(goitalic.TTF) })
)

// WithTextHyphen returns a copy of the TrueType font ttf in which U+002D
// has the outline and advance of U+00AD. It returns ttf itself when the
// font lacks either glyph, when the soft hyphen's outline is larger than
// the hyphen's slot, or when its tables cannot be read: the font is then
// drawn as it is.
func WithTextHyphen(ttf []byte) []byte {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return ttf
	}
	var buf sfnt.Buffer
	hy, err1 := f.GlyphIndex(&buf, '-')
	soft, err2 := f.GlyphIndex(&buf, 0x00AD)
	if err1 != nil || err2 != nil || hy == 0 || soft == 0 || hy == soft {
		return ttf
	}
	t, ok := tablesOf(ttf)
	if !ok {
		return ttf
	}
	glyf, loca, head, hhea, hmtx := t["glyf"], t["loca"], t["head"], t["hhea"], t["hmtx"]
	if glyf == nil || loca == nil || head == nil || hhea == nil || hmtx == nil || len(head) < 54 || len(hhea) < 36 {
		return ttf
	}
	long := binary.BigEndian.Uint16(head[50:]) == 1
	at := func(g int) (int, bool) {
		if long {
			if 4*g+4 > len(loca) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*g:])), true
		}
		if 2*g+2 > len(loca) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:])), true
	}
	h0, ok1 := at(int(hy))
	h1, ok2 := at(int(hy) + 1)
	s0, ok3 := at(int(soft))
	s1, ok4 := at(int(soft) + 1)
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if !ok1 || !ok2 || !ok3 || !ok4 || h1 > len(glyf) || s1 > len(glyf) || h0 > h1 || s0 > s1 ||
		s1-s0 > h1-h0 || s1 == s0 || int(hy) >= metrics || int(soft) >= metrics || 4*metrics > len(hmtx) {
		return ttf
	}
	out := append([]byte(nil), ttf...)
	t, _ = tablesOf(out)
	g := t["glyf"]
	copy(g[h0:h1], g[s0:s1])
	clear(g[h0+s1-s0 : h1]) // padding after the outline is never read
	m := t["hmtx"]
	copy(m[4*int(hy):4*int(hy)+4], m[4*int(soft):4*int(soft)+4])
	return out
}

// tablesOf maps each table tag of the font file b to its bytes, sharing
// b's memory.
func tablesOf(b []byte) (map[string][]byte, bool) {
	if len(b) < 12 {
		return nil, false
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if 12+16*n > len(b) {
		return nil, false
	}
	t := make(map[string][]byte, n)
	for i := range n {
		e := b[12+16*i:]
		off, size := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || size < 0 || off+size > len(b) || off+size < off {
			return nil, false
		}
		t[string(e[:4])] = b[off : off+size : off+size]
	}
	return t, true
}
