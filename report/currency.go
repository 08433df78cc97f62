package report

// SetCurrency sets the currency code the report's money is in (Report.Currency
// and the alerts' symbol) when config leaves it to the data: the reader
// settles it while reading (reader.Batch.Currency). Call it before Build or
// Finish, after the last Add.
func (b *Builder) SetCurrency(code string) {
	if code == "" || code == b.cfg.Currency {
		return
	}
	c := *b.cfg
	c.Currency = code
	b.cfg = &c
}

// currency is the report's currency code: config's, or USD when empty.
func (b *Builder) currency() string {
	if b.cfg.Currency == "" {
		return "USD"
	}
	return b.cfg.Currency
}
