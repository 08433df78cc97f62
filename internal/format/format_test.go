package format

import (
	"math"
	"testing"

	"github.com/repcard/repcard"
)

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Money(578400, "USD"), "$5,784.00"},
		{Money(4820, "USD"), "$48.20"},
		{Money(-1200, "EUR"), "-€12.00"},
		{Money(123456789, "CHF"), "CHF 1,234,567.89"},
		{Money(0, ""), "$0.00"},
		{MoneyWhole(578449, "USD"), "$5,784"},
		{MoneyWhole(578450, "USD"), "$5,785"},
		{MoneyWhole(-578450, "GBP"), "-£5,785"},
		{MoneyWhole(99, "USD"), "$1"},
		{Int(0), "0"}, {Int(999), "999"}, {Int(1000), "1,000"}, {Int(-1234567), "-1,234,567"},
		{Ratio(10.909, 1), "10.9"}, {Ratio(10, 1), "10.0"}, {Ratio(-0.04, 1), "0.0"}, {Ratio(math.NaN(), 1), "–"},
		{Percent(0.964), "96 %"}, {Percent(0), "0 %"}, {Percent(1.5), "150 %"}, {Percent(math.Inf(1)), "–"},
		{SignedPercent(27.3), "+27 %"}, {SignedPercent(-8), "−8 %"}, {SignedPercent(0.2), "0 %"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if s := Money(repcard.Money(math.MaxInt64), "USD"); s != "$92,233,720,368,547,758.07" {
		t.Errorf("max money = %q", s)
	}
}
