package config

import (
	"os"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes: it must never panic, a failure must
// be an *Error, and a Config it returns must already pass Validate.
func FuzzParse(f *testing.F) {
	f.Add(Starter())
	if repo, err := os.ReadFile("../config.yaml"); err == nil {
		f.Add(repo)
	}
	for _, s := range []string{
		"",
		"commission:\n  rate: ten\n",
		"commission: {reps: {\"Jane Doe\": {rate: 0.12}}}\n",
		"mapping:\n  - files: \"*.csv\"\n    kind: deals\n    columns: {Rep: Owner, deal id: ID}\n",
		"contact_types: [call, ~]\n",
		"a: &a [*a]\n",
		"commission: &a {<<: *a}\n",
		"limits: {max_rows: 2.5}\n",
		"loss_reasons: {categories: {x: {controllable: yes, match: [a]}}}\n",
		"x: 1\n---\ny: 2\n",
		"page_size: letter\ndate_order: DMY\n",
		"goals: {reps: {Ann: {monthly_closings: 1e30}}}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.yaml")
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Parse error %T is not an *Error: %v", err, err)
			}
			if c != nil {
				t.Fatalf("Parse returned a Config and an error")
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse succeeded but Validate fails: %v", err)
		}
	})
}
