package untrusted

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "José Müller", "José Müller"},
		{"trim and collapse", "  Anna \t\r\n  Smith  ", "Anna Smith"},
		{"nbsp and line separator", "Anna\u00a0\u2028Smith", "Anna Smith"},
		{"controls removed", "An\x00n\x07a\x7f \x1b[31mRed\u0085", "Anna [31mRed"},
		{"bidi overrides", "\u202eevil\u202c \u2066x\u2069 \u200fy", "evil x y"},
		{"bom", "\ufeffName", "Name"},
		{"soft hyphen", "Schmidt\u00adHansen", "SchmidtHansen"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"control between spaces", "a \x01 b", "a b"},
		{"greek and cyrillic", "Αλέξανδρος Дмитрий", "Αλέξανδρος Дмитрий"},
		{"joiners kept", "👩\u200d💻", "👩\u200d💻"},
		{"empty", " \t ", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Line(tc.in); got != tc.want {
				t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "José", " a \x00 b ", "\u202e\xff\r\n", "\x1b[2J", "Αλέξανδρος\u2066"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Line(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Line(%q) = %q: invalid UTF-8", s, got)
		}
		if got != strings.TrimSpace(got) || strings.Contains(got, "  ") {
			t.Fatalf("Line(%q) = %q: white space not collapsed", s, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || IsBidiControl(r) || r == '\ufeff' || r == '\u00ad' || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("Line(%q) = %q: holds %U", s, got, r)
			}
		}
		if again := Line(got); again != got {
			t.Fatalf("Line not idempotent: %q → %q → %q", s, got, again)
		}
	})
}

func TestName(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "José Müller", "José Müller"},
		{"trim and collapse", "  Anna \t\r\n  Smith  ", "Anna Smith"},
		{"control separates words", "Bell\x07Ringer", "Bell Ringer"},
		{"escape sequence", "Esc\x1b[31mRed", "Esc [31mRed"},
		{"NUL", "Nul\x00Byte", "Nul Byte"},
		{"bidi overrides", "\u202eevil\u202c Reversed", "evil Reversed"},
		{"zero-width space and word joiner", "An\u200bna\u2060 Smith", "Anna Smith"},
		{"bom and soft hyphen", "\ufeffSchmidt\u00adHansen", "SchmidtHansen"},
		{"invalid UTF-8 run", "Raw\xff\xfeBytes", "Raw\uFFFDBytes"},
		{"joiners kept", "👩\u200d💻 \u200cx", "👩\u200d💻 \u200cx"},
		{"empty", " \x01 ", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Name(tc.in); got != tc.want {
				t.Errorf("Name(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := Name(tc.want); again != tc.want {
				t.Errorf("Name not idempotent: %q → %q", tc.want, again)
			}
		})
	}
}

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain", "Q4 deals.xlsx", "Q4 deals.xlsx"},
		{"spaces kept", "  a  b ", "  a  b "},
		{"controls marked", "ctl\x1bname\t.csv\r\n", "ctl\uFFFDname\uFFFD.csv\uFFFD\uFFFD"},
		{"bidi marked", "\u202eevil\u202c.csv", "\uFFFDevil\uFFFD.csv"},
		{"invalid UTF-8 run", "Raw\xff\xfe.csv", "Raw\uFFFD.csv"},
		{"bom and soft hyphen kept", "\ufeffa\u00adb", "\ufeffa\u00adb"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Visible(tc.in); got != tc.want {
				t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
