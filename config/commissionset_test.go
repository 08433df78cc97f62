package config

import "testing"

func TestCommissionSet(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       bool
	}{
		{"left out", "currency: EUR\n", false},
		{"empty file", "", false},
		{"rate", "commission:\n  rate: 0.12\n", true},
		{"the default rate written", "commission:\n  rate: 0.10\n", true},
		{"per rep only", "commission:\n  reps: {\"Jane Doe\": {rate: 0.2}}\n", true},
		{"key with no value", "commission:\n", false},
		{"a null rate", "commission:\n  rate: ~\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Parse([]byte(tc.yaml), "config.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if cfg.CommissionSet != tc.want {
				t.Errorf("CommissionSet = %v, want %v", cfg.CommissionSet, tc.want)
			}
		})
	}
}
