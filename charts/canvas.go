package charts

import (
	"cmp"
	"image"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"

	"github.com/repcard/repcard/internal/textfit"
)

// rgb is an opaque colour written 0xRRGGBB. It is a color.Color.
type rgb uint32

// RGBA implements color.Color.
func (c rgb) RGBA() (r, g, b, a uint32) {
	return uint32(c>>16&0xFF) * 0x101, uint32(c>>8&0xFF) * 0x101, uint32(c&0xFF) * 0x101, 0xFFFF
}

// The palette: one accent and greys.
const (
	colWhite      rgb = 0xFFFFFF
	colAccent     rgb = 0x2563EB // calm blue
	colAccentSoft rgb = 0x9DB9F5 // accent on white, for "other"
	colTitle      rgb = 0x1F2937 // titles, values
	colText       rgb = 0x4B5563 // tick labels, notes
	colMuted      rgb = 0x6B7280 // secondary text
	colGrid       rgb = 0xDEE1E6 // grid lines
	colBaseline   rgb = 0x9CA3AF // zero line
	colBar        rgb = 0xC6CBD3 // neutral bars
	colBarDark    rgb = 0x9CA3AF // "not in your control"
	colBarSoft    rgb = 0xDDE0E5 // "other", not in control
	colGap        rgb = 0xF3F4F6 // missing months
	colPanel      rgb = 0xF6F7F9 // empty-state panel
	colReference  rgb = 0x374151 // goal and median lines
)

// Type sizes in points; they print at this size when the image is placed at
// Options.SizeMM.
const (
	ptTick  = 7.0
	ptTitle = 7.5
	ptNote  = 8.0
	ptLabel = 7.5
)

// canvas is one image being drawn: an RGBA bitmap, go-chart's raster
// graphic context on it for anti-aliased lines, dots and text, and direct
// pixel fills for crisp rectangles and axis-parallel lines.
type canvas struct {
	img      *image.RGBA
	gc       *drawing.RasterGraphicContext
	fonts    *fontSet
	w, h     int
	ppt      float64 // pixels per point
	pad      float64 // outer padding, px
	currency string
	contacts string // Options.Contacts, "contacts" when empty
}

// contact is the singular of c.contacts: "contact", "decided deal".
func (c *canvas) contact() string { return strings.TrimSuffix(c.contacts, "s") }

func newCanvas(opt Options) (*canvas, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	img := &image.RGBA{Pix: pixels(4 * opt.Width * opt.Height), Stride: 4 * opt.Width, Rect: image.Rect(0, 0, opt.Width, opt.Height)}
	fillWhite(img.Pix)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return nil, err
	}
	// The context's text scale is size×DPI/64 px per em; with DPI 64 a font
	// size is the em in pixels.
	gc.SetDPI(64)
	ppt := opt.DPI / 72
	return &canvas{
		img:      img,
		gc:       gc,
		fonts:    fs,
		w:        opt.Width,
		h:        opt.Height,
		ppt:      ppt,
		pad:      math.Max(2, math.Round(2.5*ppt)),
		currency: currencySymbol(opt.Currency),
		contacts: cmp.Or(cleanText(opt.Contacts), "contacts"),
	}, nil
}

// currencySymbol cleans the currency symbol and keeps it short.
func currencySymbol(s string) string {
	r := []rune(cleanText(s))
	return string(r[:min(len(r), 5)])
}

// pixelBufs holds the pixel buffers of encoded charts, to draw the next
// charts on: a report draws several charts of about 3 MB each.
var pixelBufs sync.Pool

// pixels returns a buffer of n bytes, reused when one is free; its content
// is undefined.
func pixels(n int) []byte {
	if p, ok := pixelBufs.Get().(*[]byte); ok && cap(*p) >= n {
		return (*p)[:n]
	}
	return make([]byte, n)
}

// release gives the canvas's pixels back for another chart; the canvas
// must not be used after.
func (c *canvas) release() {
	p := c.img.Pix
	c.img = nil
	pixelBufs.Put(&p)
}

// fillWhite sets every byte to 0xFF: opaque white.
func fillWhite(pix []byte) {
	if len(pix) == 0 {
		return
	}
	pix[0] = 0xFF
	for n := 1; n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// encode writes the image as a PNG.
func (c *canvas) encode() ([]byte, error) { return encodePNG(c.img) }

// px converts points to pixels.
func (c *canvas) px(pt float64) float64 { return pt * c.ppt }

// fillRect fills the rectangle with corners snapped to whole pixels.
func (c *canvas) fillRect(x0, y0, x1, y1 float64, col rgb) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	if y0 > y1 {
		y0, y1 = y1, y0
	}
	ix0, iy0 := clampInt(math.Round(x0), 0, c.w), clampInt(math.Round(y0), 0, c.h)
	ix1, iy1 := clampInt(math.Round(x1), 0, c.w), clampInt(math.Round(y1), 0, c.h)
	if ix1 <= ix0 || iy1 <= iy0 {
		return
	}
	r, g, b := byte(col>>16), byte(col>>8), byte(col)
	stride := c.img.Stride
	for y := iy0; y < iy1; y++ {
		row := c.img.Pix[y*stride+ix0*4 : y*stride+ix1*4]
		for i := 0; i+3 < len(row); i += 4 {
			row[i], row[i+1], row[i+2], row[i+3] = r, g, b, 0xFF
		}
	}
}

// hline draws a horizontal line of the given whole-pixel thickness centred
// on y.
func (c *canvas) hline(x0, x1, y float64, thick int, col rgb) {
	top := math.Round(y - float64(thick)/2)
	c.fillRect(x0, top, x1, top+float64(thick), col)
}

// vline draws a vertical line of the given whole-pixel thickness centred on x.
func (c *canvas) vline(x, y0, y1 float64, thick int, col rgb) {
	left := math.Round(x - float64(thick)/2)
	c.fillRect(left, y0, left+float64(thick), y1, col)
}

// dashedH draws a horizontal dashed line.
func (c *canvas) dashedH(x0, x1, y float64, thick int, dash, gap float64, col rgb) {
	for x := x0; x < x1; x += dash + gap {
		c.hline(x, math.Min(x+dash, x1), y, thick, col)
	}
}

// dashedV draws a vertical dashed line.
func (c *canvas) dashedV(x, y0, y1 float64, thick int, dash, gap float64, col rgb) {
	for y := y0; y < y1; y += dash + gap {
		c.vline(x, y, math.Min(y+dash, y1), thick, col)
	}
}

// polyline strokes an anti-aliased line through pts.
func (c *canvas) polyline(xs, ys []float64, width float64, col rgb) {
	if len(xs) < 2 {
		return
	}
	c.gc.SetLineWidth(width)
	c.gc.SetStrokeColor(col)
	c.gc.SetLineDash(nil, 0)
	c.gc.MoveTo(xs[0], ys[0])
	for i := 1; i < len(xs); i++ {
		c.gc.LineTo(xs[i], ys[i])
	}
	c.gc.Stroke()
}

// dot fills an anti-aliased circle.
func (c *canvas) dot(x, y, r float64, col rgb) {
	c.gc.SetFillColor(col)
	c.gc.ArcTo(x, y, r, r, 0, 2*math.Pi)
	c.gc.Close()
	c.gc.Fill()
}

// textStyle is a font, size in points and colour.
type textStyle struct {
	size float64 // points
	bold bool
	col  rgb
}

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

func (c *canvas) face(st textStyle) (*truetype.Font, float64) {
	if st.bold {
		return c.fonts.bold, c.px(st.size)
	}
	return c.fonts.regular, c.px(st.size)
}

// textWidth returns the advance width of s in pixels.
func (c *canvas) textWidth(s string, st textStyle) float64 {
	f, em := c.face(st)
	scale := fixed.Int26_6(em * 64)
	var w fixed.Int26_6
	var prev truetype.Index
	for i, r := range s {
		idx := f.Index(r)
		if i > 0 {
			w += f.Kern(scale, prev, idx)
		}
		w += f.HMetric(scale, idx).AdvanceWidth
		prev = idx
	}
	return float64(w) / 64
}

// capHeight returns the height of a capital letter in pixels.
func (c *canvas) capHeight(st textStyle) float64 {
	return c.fonts.capHeight * c.px(st.size)
}

// text draws s with its capitals vertically centred on y and aligned
// horizontally on x. It returns the width drawn.
func (c *canvas) text(s string, x, y float64, st textStyle, a align) float64 {
	if s == "" {
		return 0
	}
	f, em := c.face(st)
	w := c.textWidth(s, st)
	switch a {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	c.gc.SetFont(f)
	c.gc.SetFontSize(em)
	c.gc.SetFillColor(st.col)
	if _, err := c.gc.CreateStringPath(s, math.Round(x), math.Round(y+c.capHeight(st)/2)); err == nil {
		c.gc.Fill()
	} else {
		c.gc.BeginPath()
	}
	return w
}

// fit returns s, cut and ended with "…" if needed, so that it is at most
// maxW pixels wide (textfit.Cut, the rule the PDFs cut by).
func (c *canvas) fit(s string, maxW float64, st textStyle) string {
	return textfit.Cut(s, maxW, func(s string) float64 { return c.textWidth(s, st) })
}

// emptyPanel shades the box and centres a note in it: the empty state of
// every chart.
func (c *canvas) emptyPanel(x0, y0, x1, y1 float64, note string) {
	c.fillRect(x0, y0, x1, y1, colPanel)
	c.note((x0+x1)/2, (y0+y1)/2, x1-x0, note)
}

// note centres a short message on (x, y) on a white plate.
func (c *canvas) note(x, y, maxW float64, msg string) {
	st := textStyle{size: ptNote, col: colText}
	padX, padY := c.px(6), c.px(4)
	msg = c.fit(msg, math.Max(0, maxW-2*padX), st)
	w := c.textWidth(msg, st)
	h := c.capHeight(st)
	c.fillRect(x-w/2-padX, y-h/2-padY, x+w/2+padX, y+h/2+padY, colWhite)
	c.text(msg, x, y, st, alignCenter)
}

// cleanText makes one line of s: control characters and runs of spaces
// become one space, invalid UTF-8 becomes U+FFFD.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r < 0x20 || r == 0x7F || r == ' ' || r == '\u00A0' || r == '\u2028' || r == '\u2029'
	}), " ")
}

func clampInt(v float64, lo, hi int) int {
	switch {
	case !(v >= float64(lo)): // also NaN
		return lo
	case v > float64(hi):
		return hi
	}
	return int(v)
}
