package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestExchangeRates(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]float64 // when valid
		key  string             // when not: the key, line and a substring of Msg
		line int
		msg  string
	}{
		{name: "none", src: "currency: EUR\n", want: map[string]float64{}},
		{name: "empty", src: "exchange_rates: {}\n", want: map[string]float64{}},
		{name: "no value", src: "exchange_rates:\n", want: map[string]float64{}},
		{name: "flow", src: "currency: EUR\nexchange_rates: {GBP: 1.17, USD: 0.92}\n", want: map[string]float64{"GBP": 1.17, "USD": 0.92}},
		{name: "block, lower case, whole number", src: "exchange_rates:\n  gbp: 1.17\n  jpy: 0.0062\n  chf: 1\n",
			want: map[string]float64{"gbp": 1.17, "jpy": 0.0062, "chf": 1}},

		{name: "not a code", src: "currency: EUR\nexchange_rates:\n  GBP: 1.17\n  Pound: 1.17\n", key: "exchange_rates.Pound", line: 4, msg: "want a three-letter currency code"},
		{name: "symbol", src: "exchange_rates:\n  \"£\": 1.17\n", key: `exchange_rates["£"]`, line: 2, msg: "three-letter"},
		{name: "digits", src: "exchange_rates: {\"978\": 1.1}\n", key: "exchange_rates.978", line: 1, msg: "three-letter"},
		{name: "zero", src: "exchange_rates:\n  GBP: 1.17\n  EUR: 0\n", key: "exchange_rates.EUR", line: 3, msg: "a number above 0, got 0"},
		{name: "negative", src: "exchange_rates:\n  GBP: -1.17\n", key: "exchange_rates.GBP", line: 2, msg: "got -1.17"},
		{name: "infinite", src: "exchange_rates:\n  GBP: .inf\n", key: "exchange_rates.GBP", line: 2, msg: "above 0"},
		{name: "text", src: "exchange_rates:\n  GBP: one\n", key: "exchange_rates.GBP", line: 2, msg: `want a number, got "one"`},
		{name: "same code twice", src: "exchange_rates:\n  GBP: 1.17\n  gbp: 1.18\n", key: "exchange_rates.gbp", line: 3, msg: `the same currency as "GBP"`},
		{name: "a list", src: "exchange_rates: [GBP]\n", key: "exchange_rates", line: 1, msg: "want name: value pairs"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.src), "config.yaml")
			if tc.key == "" {
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if !reflect.DeepEqual(c.ExchangeRates, tc.want) {
					t.Errorf("ExchangeRates = %v, want %v", c.ExchangeRates, tc.want)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse = %v, want an *Error", err)
			}
			if e.Key != tc.key || e.Line != tc.line || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("Parse = key %q line %d msg %q, want key %q line %d msg containing %q", e.Key, e.Line, e.Msg, tc.key, tc.line, tc.msg)
			}
		})
	}
}

func TestValidateExchangeRates(t *testing.T) {
	c := Default()
	c.ExchangeRates = map[string]float64{"GBP": 1.17, "EURO": 1.08}
	var e *Error
	if err := c.Validate(); !errors.As(err, &e) || e.Key != "exchange_rates.EURO" || e.Line != 0 {
		t.Errorf("Validate() = %v, want exchange_rates.EURO with no line", err)
	}
	c.ExchangeRates = nil
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() with nil exchange_rates = %v", err)
	}
}
