package pdf

import (
	"strings"

	"github.com/repcard/repcard/internal/format"
)

// WithCurrency returns a Renderer that prints money in currency code (an
// ISO code; "" is USD): r itself when it already does, else a copy that
// shares r's fonts. The pipeline uses it when the report's currency is
// settled from the data, after r was made.
func (r *Renderer) WithCurrency(code string) *Renderer {
	if c := strings.ToUpper(strings.TrimSpace(code)); c == r.currency || c == "" && r.currency == "USD" {
		return r
	}
	c := *r
	c.setCurrency(code)
	return &c
}

// setCurrency sets the currency code and the symbols the text and the
// charts print for it, falling back to the code where the fonts lack the
// sign.
func (r *Renderer) setCurrency(code string) {
	r.currency = strings.ToUpper(strings.TrimSpace(code))
	if r.currency == "" {
		r.currency = "USD"
	}
	r.symbol = format.Symbol(r.currency)
	r.chartCurrency = strings.TrimSpace(r.symbol)
	if len(r.Missing(r.symbol)) > 0 {
		// No font has the sign (₹ without an extra font): print the code.
		r.symbol = r.currency + " "
	}
	for _, c := range r.chartCurrency {
		if !r.faces[faceRegular].covers(c) { // the charts draw with Go Regular only
			r.chartCurrency = r.currency
			break
		}
	}
}
