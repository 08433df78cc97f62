package reader

import "testing"

func TestCanonicalID(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		// Salesforce's documented example: 15 and 18 characters of one id.
		{"001A0000006Vm9r", "001A0000006Vm9r"},
		{"001A0000006Vm9rIAC", "001A0000006Vm9r"},
		{"0065g00000kDRgfAAG", "0065g00000kDRgf"},
		{"0065g00000kDRgfAAA", "0065g00000kDRgfAAA"}, // a suffix that does not match: not Salesforce's
		{"0065g00000kDRgf-AG", "0065g00000kDRgf-AG"},
		{"D-1", "D-1"},
		{"", ""},
		{"123456789012345678", "123456789012345678"}, // no letter gives "AAA", not "678"
		{"123456789012345AAA", "123456789012345"},
	} {
		if got := canonicalID(tt.in); got != tt.want {
			t.Errorf("canonicalID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
