package charts

import (
	"fmt"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/repcard/repcard/internal/gofonts"
)

// fontSet is the parsed Go fonts. A *truetype.Font is read-only after
// parsing, so one set serves every chart, in any goroutine.
type fontSet struct {
	regular, bold *truetype.Font
	// capHeight is the height of a capital letter as a fraction of the em;
	// text is centred vertically on it.
	capHeight float64
}

// loadFonts parses the embedded Go fonts once per process. It is the
// package's only package-level state.
var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	regular, err := truetype.Parse(gofonts.Regular())
	if err != nil {
		return nil, fmt.Errorf("charts: parse Go Regular: %w", err)
	}
	bold, err := truetype.Parse(gofonts.Bold())
	if err != nil {
		return nil, fmt.Errorf("charts: parse Go Bold: %w", err)
	}
	const em = 1000
	var gb truetype.GlyphBuf
	if err := gb.Load(regular, fixed.I(em), regular.Index('H'), font.HintingNone); err != nil {
		return nil, fmt.Errorf("charts: measure Go Regular: %w", err)
	}
	capHeight := float64(gb.Bounds.Max.Y-gb.Bounds.Min.Y) / 64 / em
	if !(capHeight > 0.3 && capHeight < 1) {
		capHeight = 0.72
	}
	return &fontSet{regular: regular, bold: bold, capHeight: capHeight}, nil
})
