package output

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestSlug(t *testing.T) {
	long := strings.Repeat("x", 10_000)
	for _, tc := range []struct {
		name, in, want string
	}{
		{"ascii", "Anna Smith", "anna-smith"},
		{"accents", "José Müller", "jose-muller"},
		{"NFD accents", "Jose\u0301 Mu\u0308ller", "jose-muller"},
		{"eszett", "Straße", "strasse"},
		{"capital eszett", "STRAẞE", "strasse"},
		{"ae and o slash", "Ærøskøbing", "aeroskobing"},
		{"l stroke", "Łukasz Żółć", "lukasz-zolc"},
		{"vietnamese", "Nguyễn Văn Đức", "nguyen-van-duc"},
		{"icelandic", "Þóra Sigurðardóttir", "thora-sigurdardottir"},
		{"turkish", "İsmail Şahin Işık", "ismail-sahin-isik"},
		{"ligature and fullwidth", "ﬁona Ｆｕｌｌ", "fiona-full"},
		{"apostrophe", "O'Brien", "obrien"},
		{"right quote", "D’Angelo", "dangelo"},
		{"middle dot", "Col·lell", "collell"},
		{"greek", "Αλέξανδρος Παπαδόπουλος", "alexandros-papadopoulos"},
		{"greek digraphs", "Ευάγγελος Αυγουστής", "evangelos-avgoustis"},
		{"greek diaeresis", "Προϋπολογισμός", "proypologismos"},
		{"greek capitals", "ΣΩΚΡΑΤΗΣ", "sokratis"},
		{"russian", "Дмитрий Иванов", "dmitrii-ivanov"},
		{"russian 2", "Юлия Щербакова-Ёлкина", "iuliia-shcherbakova-elkina"},
		{"ukrainian", "Олександр Ґудзь Їжак", "oleksandr-gudz-izhak"},
		{"serbian", "Ђорђе Љубић", "djordje-ljubic"},
		{"signs dropped", "Подъячев Игорь", "podiachev-igor"},
		{"CJK fallback", "李小龍", "rep-c1fa1a5f"},
		{"CJK fallback ignores spacing", "  李小龍 ", "rep-c1fa1a5f"},
		{"CJK with latin", "Li Xiaolong 李小龍", "li-xiaolong"},
		{"emoji", "😀", "rep-f0443a34"},
		{"emoji between words", "Anna 😀 Smith", "anna-smith"},
		{"path traversal", "../../etc/passwd", "etc-passwd"},
		{"windows path", `C:\Windows\system32`, "c-windows-system32"},
		{"reserved con", "CON", "con-rep"},
		{"reserved nul", "nul", "nul-rep"},
		{"reserved com1", "Com 1", "com-1"},
		{"reserved com1 joined", "COM1", "com1-rep"},
		{"reserved lpt9", "lpt9", "lpt9-rep"},
		{"superscript com", "COM¹", "com1-rep"},
		{"not reserved", "Connor", "connor"},
		{"empty", "", "rep-e3b0c442"},
		{"spaces", "   ", "rep-e3b0c442"},
		{"dots", "..", "rep-5ec1f7e7"},
		{"formula", `=HYPERLINK("http://x")`, "hyperlink-http-x"},
		{"NUL bytes", "Anna\x00\x00Smith", "anna-smith"},
		{"invalid UTF-8", "\xff\xfeAnna\xc3 Smith\x80", "anna-smith"},
		{"punctuation runs", "--Anna__  ,, Smith--", "anna-smith"},
		{"digits", "Rep 007", "rep-007"},
		{"very long word", long, long[:64]},
		{"long cut at dash", strings.Repeat("abcdefg ", 20), strings.TrimSuffix(strings.Repeat("abcdefg-", 8), "-")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Slug(tc.in)
			if got != tc.want {
				t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
			}
			checkSlug(t, tc.in, got)
		})
	}
}

func checkSlug(t *testing.T, in, s string) {
	t.Helper()
	if !slugRE.MatchString(s) {
		t.Errorf("Slug(%q) = %q: not a slug", in, s)
	}
	if len(s) > MaxSlugLen {
		t.Errorf("Slug(%q) = %q: %d bytes", in, s, len(s))
	}
	if isReserved(s) {
		t.Errorf("Slug(%q) = %q: reserved", in, s)
	}
}

func TestSlugs(t *testing.T) {
	long := strings.Repeat("a", 64)
	for _, tc := range []struct {
		name string
		in   []string
		want []string
	}{
		{"none", nil, []string{}},
		{"distinct", []string{"Anna", "Bob"}, []string{"anna", "bob"}},
		{"accent collision", []string{"José Müller", "Jose Muller"}, []string{"jose-muller", "jose-muller-2"}},
		{"three", []string{"José Müller", "Jose Muller", "JOSE MULLER"}, []string{"jose-muller", "jose-muller-2", "jose-muller-3"}},
		{"literal -2 after", []string{"José Müller", "Jose Muller", "Jose Muller 2"}, []string{"jose-muller", "jose-muller-3", "jose-muller-2"}},
		{"literal -2 before", []string{"Jose Muller 2", "José Müller", "Jose Muller"}, []string{"jose-muller-2", "jose-muller", "jose-muller-3"}},
		{"same name twice", []string{"Anna", "Anna"}, []string{"anna", "anna-2"}},
		{"fallbacks", []string{"", "   "}, []string{"rep-e3b0c442", "rep-e3b0c442-2"}},
		{"reserved", []string{"con", "CON-rep"}, []string{"con-rep", "con-rep-2"}},
		{"long", []string{long, long + "b"}, []string{long, long[:62] + "-2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Slugs(tc.in)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") || len(got) != len(tc.in) {
				t.Errorf("Slugs(%q) = %q, want %q", tc.in, got, tc.want)
			}
			seen := map[string]bool{}
			for i, s := range got {
				checkSlug(t, tc.in[i], s)
				if seen[s] {
					t.Errorf("Slugs(%q): %q twice", tc.in, s)
				}
				seen[s] = true
			}
		})
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"", "José Müller", "Αλέξανδρος", "Дмитрий", "李小龍", "CON", "../..", "\xff\x00", "a-2", strings.Repeat("ab-", 40)} {
		f.Add(s, "Jose Muller")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Slug(a)
		checkSlug(t, a, s)
		if s != Slug(a) {
			t.Fatalf("Slug(%q) not deterministic", a)
		}
		names := []string{a, b, a, s, b + "-2"}
		got := Slugs(names)
		seen := map[string]bool{}
		for i, s := range got {
			checkSlug(t, names[i], s)
			if seen[s] {
				t.Fatalf("Slugs(%q) = %q: %q twice", names, got, s)
			}
			seen[s] = true
		}
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8")
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Slug("Αλέξανδρος Παπαδόπουλος-Müller")
	}
}
