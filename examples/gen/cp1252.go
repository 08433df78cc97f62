package main

import (
	"fmt"
	"unicode/utf8"
)

// cp1252Extra maps the characters Windows-1252 puts in 0x80–0x9F, where
// Latin-1 has control codes.
var cp1252Extra = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// toWindows1252 encodes UTF-8 text as Windows-1252, the code page Excel uses
// when it saves a CSV on a Western European Windows machine. A character the
// code page lacks (Greek, Cyrillic…) is an error, not a silent '?'.
func toWindows1252(s string) ([]byte, error) {
	out := make([]byte, 0, len(s))
	for i, c := range s {
		switch b, ok := cp1252Extra[c]; {
		case c == utf8.RuneError:
			return nil, fmt.Errorf("windows-1252: invalid UTF-8 at byte %d", i)
		case ok:
			out = append(out, b)
		case c < 0x80 || (c >= 0xA0 && c <= 0xFF):
			out = append(out, byte(c))
		default:
			return nil, fmt.Errorf("windows-1252: cannot encode %q at byte %d", c, i)
		}
	}
	return out, nil
}
