package pipeline

// forCurrency returns the renderer for a report in currency code: rd
// itself, or one whose PDFs print that currency when the reader settled it
// from the data (config currency left empty).
func (rd *renderer) forCurrency(code string) *renderer {
	p := rd.pdf.WithCurrency(code)
	if p == rd.pdf {
		return rd
	}
	return &renderer{pdf: p, coach: rd.coach}
}
