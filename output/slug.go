package output

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxSlugLen is the longest slug Slug and Slugs return, in bytes.
const MaxSlugLen = 64

// maxSlugInput bounds the work Slug does on an absurdly long name: only the
// first maxSlugInput bytes are transliterated (the hash fallback still sees
// the whole name).
const maxSlugInput = 4096

// Slug folds a person's name to a file-name-safe slug: lowercase ASCII
// letters, digits and single '-' between words.
//
//   - Latin letters lose their accents ("José Müller" → "jose-muller"); letters
//     with no decomposition use a small table (ß→ss, æ→ae, ø→o, ł→l, đ→d,
//     þ→th, œ→oe, ı→i …). Apostrophes and the Catalan middle dot are dropped
//     ("O'Brien" → "obrien"); every other run of non-letters becomes one '-'.
//   - Greek and Cyrillic are transliterated with a small table, close to
//     ELOT 743 and ICAO 9303 ("Αλέξανδρος Παπαδόπουλος" →
//     "alexandros-papadopoulos", "Дмитрий Иванов" → "dmitrii-ivanov").
//   - Letters of other scripts are dropped. When nothing readable is left (a
//     name written only in CJK, Arabic, emoji …, or an empty name) the slug is
//     "rep-" followed by the first 8 hex digits of the SHA-256 of the name in
//     NFC with its white space trimmed and collapsed, so the same name always
//     gets the same slug.
//   - A slug longer than MaxSlugLen bytes is cut at the last '-' in its second
//     half, or else hard at MaxSlugLen.
//   - A Windows device name (con, prn, aux, nul, com0–com9, lpt0–lpt9) gets
//     the suffix "-rep": "CON" → "con-rep".
//
// The result always matches ^[a-z0-9]+(-[a-z0-9]+)*$. Slug does not make slugs
// unique; Slugs does.
func Slug(name string) string {
	s := translit(name)
	if s == "" {
		return hashSlug(name)
	}
	s = cutSlug(s, MaxSlugLen)
	if isReserved(s) {
		s += "-rep"
	}
	return s
}

// Slugs returns the slug of each name, made unique within the call, in the
// same order as names. Every name first claims its own Slug, in input order;
// a name whose slug was already claimed then gets the first free "-2", "-3" …
// suffix, again in input order. A name whose own slug happens to be
// "jose-muller-2" therefore keeps it, and a second "José Müller" gets
// "jose-muller-3". The result is deterministic for a given slice, so callers
// should pass names sorted (and de-duplicated: the same name twice gets two
// slugs).
func Slugs(names []string) []string {
	out := make([]string, len(names))
	taken := make(map[string]bool, len(names))
	var dups []int
	for i, n := range names {
		s := Slug(n)
		if taken[s] {
			dups = append(dups, i)
			continue
		}
		taken[s] = true
		out[i] = s
	}
	for _, i := range dups {
		base := Slug(names[i])
		for n := 2; ; n++ {
			suffix := "-" + strconv.Itoa(n)
			c := cutSlug(base, MaxSlugLen-len(suffix)) + suffix
			if !taken[c] {
				taken[c] = true
				out[i] = c
				break
			}
		}
	}
	return out
}

// hashSlug is the fallback slug for a name with nothing readable in it.
func hashSlug(name string) string {
	key := strings.Join(strings.Fields(norm.NFC.String(name)), " ")
	sum := sha256.Sum256([]byte(key))
	return "rep-" + hex.EncodeToString(sum[:4])
}

// cutSlug shortens a valid slug to at most max bytes, preferring to cut at a
// '-' in the second half, and never leaves a trailing '-'.
func cutSlug(s string, max int) string {
	if len(s) <= max {
		return s
	}
	if s[max] != '-' {
		if i := strings.LastIndexByte(s[:max], '-'); i >= max/2 {
			max = i
		}
	}
	return strings.TrimRight(s[:max], "-")
}

// isReserved reports whether s is a Windows device name, which cannot be a
// file name (not even with an extension: "con.pdf").
func isReserved(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(s) == 4 && (s[:3] == "com" || s[:3] == "lpt") && s[3] >= '0' && s[3] <= '9'
}

// translit folds name to slug characters; it returns "" when nothing
// readable is left.
func translit(name string) string {
	if len(name) > maxSlugInput {
		name = name[:maxSlugInput] // a rune cut in two becomes U+FFFD below
	}
	rs := []rune(norm.NFKD.String(strings.ToValidUTF8(name, "\uFFFD")))

	var b strings.Builder
	sep := false // a separator is pending
	emit := func(s string) {
		if s == "" {
			return
		}
		if sep && b.Len() > 0 {
			b.WriteByte('-')
		}
		sep = false
		b.WriteString(s)
	}
	// next returns the index of the base rune after i (skipping i's marks).
	next := func(i int) int {
		for i++; i < len(rs) && unicode.Is(unicode.Mn, rs[i]); i++ {
		}
		return i
	}
	// marked reports whether the base rune at i carries the combining mark m
	// (any mark when m is 0).
	marked := func(i int, m rune) bool {
		for j := i + 1; j < len(rs) && unicode.Is(unicode.Mn, rs[j]); j++ {
			if m == 0 || rs[j] == m {
				return true
			}
		}
		return false
	}

	for i := 0; i < len(rs); {
		r := unicode.ToLower(rs[i])
		j := next(i)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			emit(string(r))
		case unicode.Is(unicode.Mn, r):
			// a stray mark with no base: ignore
		case isDropped(r):
			// apostrophes inside names: O'Brien → obrien
		case unicode.Is(unicode.Greek, r):
			if j < len(rs) {
				if s, ok := greekPair(r, unicode.ToLower(rs[j])); ok &&
					!marked(i, 0) && !marked(j, '\u0308') {
					emit(s)
					i = next(j)
					continue
				}
			}
			if s, ok := greek[r]; ok {
				emit(s)
			} else {
				sep = true
			}
		default:
			if s, ok := latin[r]; ok {
				emit(s)
			} else if s, ok := cyrillic[r]; ok {
				emit(s)
			} else if unicode.Is(unicode.Cyrillic, r) && (r == 'ъ' || r == 'ь') {
				// hard and soft signs are not written
			} else {
				sep = true
			}
		}
		i = j
	}
	return b.String()
}

// isDropped reports whether r is removed without separating words.
func isDropped(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '·':
		return true
	}
	return false
}

// latin holds Latin letters that NFKD does not decompose, lowercased.
var latin = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
	'þ': "th", 'œ': "oe", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ĸ': "k",
	'ŋ': "ng", 'ſ': "s", 'ƒ': "f", 'ə': "e", 'ǝ': "e", 'ɛ': "e",
	'ɔ': "o", 'ɨ': "i", 'ʉ': "u", 'ƀ': "b", 'ɓ': "b", 'ɗ': "d",
	'ƙ': "k", 'ƴ': "y", 'ȥ': "z", 'ʒ': "zh",
}

// greek is a letter-by-letter table (after accents are removed), close to
// ELOT 743.
var greek = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	'ϐ': "v", 'ϑ': "th", 'ϕ': "f", 'ϖ': "p", 'ϰ': "k", 'ϱ': "r", 'ϲ': "s",
	'ϳ': "j", 'ϝ': "w", 'ϙ': "k", 'ϟ': "k", 'ϛ': "st",
}

// greekPair transliterates Greek digraphs: ου → ou, αυ → av, ευ → ev,
// ηυ → iv, γγ → ng, γκ → gk, γξ → nx, γχ → nch.
func greekPair(a, b rune) (string, bool) {
	switch {
	case a == 'ο' && b == 'υ':
		return "ou", true
	case a == 'α' && b == 'υ':
		return "av", true
	case a == 'ε' && b == 'υ':
		return "ev", true
	case a == 'η' && b == 'υ':
		return "iv", true
	case a == 'γ' && b == 'γ':
		return "ng", true
	case a == 'γ' && b == 'κ':
		return "gk", true
	case a == 'γ' && b == 'ξ':
		return "nx", true
	case a == 'γ' && b == 'χ':
		return "nch", true
	}
	return "", false
}

// cyrillic covers Russian, Ukrainian, Belarusian, Bulgarian, Serbian and
// Macedonian, close to ICAO 9303. Letters with a diacritic are decomposed
// first (ё → е, й → и, ї → і, ў → у, ѓ → г, ќ → к).
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ы': "y", 'э': "e",
	'ю': "iu", 'я': "ia", 'є': "ie", 'і': "i", 'ґ': "g", 'ђ': "dj",
	'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѕ': "dz",
}
