package gofonts

import (
	"bytes"
	"testing"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

type glyph struct {
	adv    fixed.Int26_6
	bounds fixed.Rectangle26_6
}

func glyphOf(t *testing.T, ttf []byte, r rune) glyph {
	t.Helper()
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	gi, err := f.GlyphIndex(&b, r)
	if err != nil || gi == 0 {
		t.Fatalf("%U: no glyph (%v)", r, err)
	}
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	adv, err := f.GlyphAdvance(&b, gi, ppem, font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	bounds, _, err := f.GlyphBounds(&b, gi, ppem, font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	return glyph{adv, bounds}
}

// The hyphen of the fonts drawn is the soft hyphen's glyph: a text hyphen,
// narrower than the en dash; every other character is as it was.
func TestWithTextHyphen(t *testing.T) {
	for _, tt := range []struct {
		name      string
		orig, got []byte
	}{
		{"regular", goregular.TTF, Regular()},
		{"bold", gobold.TTF, Bold()},
		{"italic", goitalic.TTF, Italic()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			hy, soft, dash := glyphOf(t, tt.got, '-'), glyphOf(t, tt.orig, 0xAD), glyphOf(t, tt.orig, 0x2013)
			if hy != soft {
				t.Errorf("hyphen %v, want the soft hyphen's %v", hy, soft)
			}
			if hy.adv >= dash.adv {
				t.Errorf("hyphen advance %v, not narrower than the en dash's %v", hy.adv, dash.adv)
			}
			if was := glyphOf(t, tt.orig, '-'); was.adv <= hy.adv {
				t.Errorf("original hyphen %v: nothing changed", was.adv)
			}
			for _, r := range []rune{'a', 'M', '+', '=', '0', 0xAD, 0x2212, 0x2013, 0x2014, 'é', 'Ж'} {
				if a, b := glyphOf(t, tt.orig, r), glyphOf(t, tt.got, r); a != b {
					t.Errorf("%U changed: %v → %v", r, a, b)
				}
			}
			if bytes.Equal(tt.orig, tt.got) || len(tt.orig) != len(tt.got) {
				t.Errorf("font size %d → %d, or unchanged", len(tt.orig), len(tt.got))
			}
			// The rasteriser the charts use reads it too.
			f, err := truetype.Parse(tt.got)
			if err != nil {
				t.Fatal(err)
			}
			var gb truetype.GlyphBuf
			if err := gb.Load(f, fixed.I(1000), f.Index('-'), font.HintingNone); err != nil || len(gb.Ends) == 0 {
				t.Errorf("truetype: hyphen: %v, %d contours", err, len(gb.Ends))
			}
		})
	}
}

// A font it cannot change is returned as it is.
func TestWithTextHyphenLeavesOthers(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("not a font"), goregular.TTF[:100]} {
		if got := WithTextHyphen(b); !bytes.Equal(got, b) {
			t.Errorf("WithTextHyphen(%d bytes) changed it", len(b))
		}
	}
}
