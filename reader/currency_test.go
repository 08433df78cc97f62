package reader

import (
	"slices"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// TestReadCurrencies reads the documented export shapes of four trackers,
// two variants each, and checks the report's currency, each deal's amount
// in its cents (hand-computed) and the rows left out.
func TestReadCurrencies(t *testing.T) {
	type issue struct {
		kind   repcard.IssueKind
		detail string
		row    int
	}
	tests := []struct {
		name     string
		file     string
		content  string
		currency string             // config currency
		rates    map[string]float64 // config exchange_rates
		want     string             // Batch.Currency
		amounts  []repcard.Money    // each deal's amount, in row order
		issues   []issue
	}{
		{
			// The issue's export: amounts in EUR and GBP, converted to EUR.
			// The converted column counts, and it says EUR.
			name: "salesforce converted, currency from the data", file: "sf.csv",
			content: "Opportunity Owner,Account Name,Opportunity Name,Stage,Close Date,Amount Currency,Amount,Amount (converted) Currency,Amount (converted)\n" +
				"Jane Doe,Acme,Acme renewal,Closed Won,2026-10-03,EUR,\"1,000.00\",EUR,\"1,000.00\"\n" +
				"Jane Doe,Brit Ltd,Brit deal,Closed Won,2026-10-05,GBP,\"1,200.00\",EUR,\"1,380.00\"\n" +
				"Tom Lee,Foo,Foo,Closed Lost,2026-10-07,GBP,500.00,EUR,575.00\n" +
				"Tom Lee,Bar,Bar,Negotiation/Review,,EUR,250.50,EUR,250.50\n",
			want:    "EUR",
			amounts: []repcard.Money{100000, 138000, 57500, 25050},
		},
		{
			// No converted column, config in EUR with a rate for GBP only:
			// 1,200.00 × 1.17 = 1,404.00; 333.33 × 1.17 = 389.9961 → 390.00;
			// the USD row is left out.
			name: "salesforce amount currency, rates", file: "sf.csv",
			content: "Opportunity Owner,Account Name,Opportunity Name,Stage,Close Date,Amount Currency,Amount\n" +
				"Jane Doe,Acme,Acme renewal,Closed Won,2026-10-03,EUR,\"1,000.00\"\n" +
				"Jane Doe,Brit Ltd,Brit deal,Closed Won,2026-10-05,GBP,\"1,200.00\"\n" +
				"Tom Lee,Foo,Foo,Closed Won,2026-10-07,gbp,333.33\n" +
				"Tom Lee,Yank Inc,Yank,Closed Won,2026-10-08,USD,900.00\n",
			currency: "EUR", rates: map[string]float64{"GBP": 1.17},
			want:    "EUR",
			amounts: []repcard.Money{100000, 140400, 39000},
			issues:  []issue{{repcard.IssueOtherCurrency, "USD", 5}},
		},
		{
			// Pipedrive's "Currency of Value": three EUR rows to one GBP
			// decide EUR; the GBP row has no rate and is left out.
			name: "pipedrive currency of value, majority", file: "deals.csv",
			content: "Deal - Title;Deal - Owner;Deal - Value;Deal - Currency of Value;Deal - Status;Deal - Won time\n" +
				"Alpha;Lars Berg;3.400,00;GBP;won;2026-10-02\n" +
				"Beta;Lars Berg;1.080,41;EUR;won;2026-10-03\n" +
				"Gamma;Ana Ruiz;6.800,00;EUR;open;\n" +
				"Delta;Ana Ruiz;700,00;EUR;won;2026-10-04\n",
			want:    "EUR",
			amounts: []repcard.Money{108041, 680000, 70000},
			issues:  []issue{{repcard.IssueOtherCurrency, "GBP", 2}},
		},
		{
			// "Deal - Currency" in a USD report with a rate for EUR: 1,000.00
			// × 1.08 = 1,080.00; 0.05 × 1.08 = 5.4 cents → 5; a blank
			// currency is the report's.
			name: "pipedrive deal currency, rates", file: "deals.csv",
			content: "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency,Deal - Status,Deal - Won time\n" +
				"1,Alpha,Lars Berg,1000,EUR,won,2026-10-02\n" +
				"2,Beta,Lars Berg,500,USD,won,2026-10-03\n" +
				"3,Gamma,Ana Ruiz,0.05,EUR,won,2026-10-04\n" +
				"4,Delta,Ana Ruiz,20,,won,2026-10-05\n",
			currency: "USD", rates: map[string]float64{"EUR": 1.08},
			want:    "USD",
			amounts: []repcard.Money{108000, 50000, 5, 2000},
		},
		{
			// HubSpot's company-currency amount is preferred; with no code
			// column it is the report's, and no row decides one: USD.
			name: "hubspot company currency, no code", file: "hubspot-deals.csv",
			content: "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Currency,Amount in company currency\n" +
				"11,Alpha,Closed Won,2026-10-02,Mei Lin,1000,EUR,1080\n" +
				"12,Beta,Closed Won,2026-10-03,Mei Lin,500,GBP,585.50\n" +
				"13,Gamma,Closed Lost,2026-10-04,Mei Lin,300,USD,300\n",
			want:    "USD",
			amounts: []repcard.Money{108000, 58550, 30000},
		},
		{
			// Amount and company currency, no Currency column, config EUR:
			// a row with no company-currency amount falls back to Amount.
			name: "hubspot amount fallback", file: "hubspot-deals.csv",
			content: "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Amount in company currency\n" +
				"21,Alpha,Closed Won,2026-10-02,Mei Lin,1000,925.93\n" +
				"22,Beta,Closed Won,2026-10-03,Mei Lin,400,\n",
			currency: "EUR",
			want:     "EUR",
			amounts:  []repcard.Money{92593, 40000},
		},
		{
			// Dynamics: Currency holds names; the base amount is the org's
			// currency, taken to be the report's.
			name: "dynamics base revenue", file: "opportunities.csv",
			content: "Owner,Est. Close Date,Status,Est. Revenue,Currency,Est. Revenue (Base)\n" +
				"Ana Ruiz,2026-10-02,Won,\"1,000.00\",Euro,\"1,090.00\"\n" +
				"Ana Ruiz,2026-10-03,Lost,\"2,000.00\",US Dollar,\"2,000.00\"\n" +
				"Marcus Lee,2026-10-20,Open,\"5,000.00\",Pound Sterling,\"5,850.00\"\n",
			currency: "USD",
			want:     "USD",
			amounts:  []repcard.Money{109000, 200000, 585000},
		},
		{
			// Dynamics with actual revenue: Actual Revenue (Base) first; a
			// row without base values is in its own currency: Euro at 1.1
			// (450.00 → 495.00), Pound Sterling with no rate left out.
			name: "dynamics actual revenue, fallback", file: "opportunities.csv",
			content: "Topic,Potential Customer,Owner,Status,Est. Close Date,Actual Close Date,Est. Revenue,Actual Revenue,Currency,Est. Revenue (Base),Actual Revenue (Base)\n" +
				"Alpha,Acme,Ana Ruiz,Won,2026-10-01,2026-10-02,1000,1100,Euro,1090,1199\n" +
				"Beta,Brit,Ana Ruiz,Won,2026-10-01,2026-10-03,450,,Euro,,\n" +
				"Gamma,Crown,Marcus Lee,Won,2026-10-01,2026-10-04,800,,Pound Sterling,,\n" +
				"Delta,Dyn,Marcus Lee,Open,2026-11-01,,700,,US Dollar,700,\n",
			currency: "USD", rates: map[string]float64{"EUR": 1.1},
			want:    "USD",
			amounts: []repcard.Money{119900, 49500, 70000},
			issues:  []issue{{repcard.IssueOtherCurrency, "GBP", 4}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tc.file: tc.content})
			cfg := config.Default()
			cfg.Currency = tc.currency
			if tc.rates != nil {
				cfg.ExchangeRates = tc.rates
			}
			res := read(t, dir, cfg)
			if res.batch.Currency != tc.want {
				t.Errorf("Currency = %q, want %q", res.batch.Currency, tc.want)
			}
			var got []repcard.Money
			for _, rec := range res.byKind(repcard.KindDeals) {
				got = append(got, rec.Amount)
			}
			if !slices.Equal(got, tc.amounts) {
				t.Errorf("amounts = %v, want %v (inputs %+v)", got, tc.amounts, res.batch.Inputs)
			}
			var gotIssues []issue
			for _, is := range res.batch.Issues {
				gotIssues = append(gotIssues, issue{is.Kind, is.Detail, is.Row})
			}
			if !slices.Equal(gotIssues, tc.issues) {
				t.Errorf("issues = %v, want %v", gotIssues, tc.issues)
			}
		})
	}
}

// TestReadCurrencyDecidedWithConfiguredColumns settles the report's
// currency from the data when config fixes the date order and decimal mark,
// so that no column decision holds the rows.
func TestReadCurrencyDecidedWithConfiguredColumns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.csv": "Rep,Status,Close Date,Amount\nJane Doe,won,2026-10-01,100\n",
		"b.csv": "Rep,Status,Close Date,Amount,Currency\nJane Doe,won,2026-10-02,10,GBP\nJane Doe,won,2026-10-03,20,EUR\nJane Doe,won,2026-10-04,30,GBP\n",
	})
	cfg := config.Default()
	cfg.DateOrder, cfg.Decimal = "mdy", "point"
	res := read(t, dir, cfg)
	if res.batch.Currency != "GBP" {
		t.Errorf("Currency = %q, want GBP", res.batch.Currency)
	}
	var got []repcard.Money
	for _, rec := range res.byKind(repcard.KindDeals) {
		got = append(got, rec.Amount)
	}
	if want := []repcard.Money{10000, 1000, 3000}; !slices.Equal(got, want) {
		t.Errorf("amounts = %v, want %v", got, want)
	}
	if len(res.batch.Issues) != 1 || res.batch.Issues[0].Kind != repcard.IssueOtherCurrency || res.batch.Issues[0].Detail != "EUR" {
		t.Errorf("issues = %+v, want one IssueOtherCurrency EUR", res.batch.Issues)
	}
}

func TestExchangeRateConvert(t *testing.T) {
	tests := []struct {
		rate float64
		m    repcard.Money
		want repcard.Money
	}{
		{1.17, 120000, 140400},
		{1.17, 33333, 39000}, // 38,999.61
		{0.145, 100, 15},     // 14.5 exactly: the float product is 14.4999…
		{0.145, -100, -15},
		{1.08, 5, 5}, // 5.4
		{1, 12345, 12345},
		{0.0062, 1000000, 6200},
		{1e-20, 100, 0}, // too long a decimal: through MulRate
		{2.5, 1, 3},     // half away from zero
		{2.5, -1, -3},
	}
	for _, tc := range tests {
		if got := rateOf(tc.rate).convert(tc.m); got != tc.want {
			t.Errorf("rate %v: convert(%d) = %d, want %d", tc.rate, tc.m, got, tc.want)
		}
	}
}

func TestCurrencyCode(t *testing.T) {
	for in, want := range map[string]string{
		"EUR": "EUR", " gbp ": "GBP", "€": "EUR", "US$": "USD", "Euro": "EUR", "US Dollar": "USD",
		"Pound Sterling": "GBP", "$": "", "¥": "", "Euros!": "EUR", "dollars and cents": "", "": "",
	} {
		if got := currencyCode(in); got != want {
			t.Errorf("currencyCode(%q) = %q, want %q", in, got, want)
		}
	}
}
