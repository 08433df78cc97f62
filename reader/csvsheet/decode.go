package csvsheet

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// The encodings Reader.Encoding reports.
const (
	encUTF8        = "utf-8"
	encUTF8BOM     = "utf-8-bom"
	encUTF16LE     = "utf-16le"
	encUTF16BE     = "utf-16be"
	encWindows1252 = "windows-1252"
)

// newDecoder returns the transformer from enc, its byte order mark already
// skipped, to valid UTF-8 without NUL bytes. With cr, each carriage return
// becomes a newline.
func newDecoder(enc string, cr bool) transform.Transformer {
	switch enc {
	case encUTF16LE:
		return transform.Chain(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder(), utf8Fixer{cr: cr})
	case encUTF16BE:
		return transform.Chain(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder(), utf8Fixer{cr: cr})
	case encWindows1252:
		return windows1252{cr: cr}
	}
	return utf8Fixer{cr: cr}
}

// utf8Fixer copies UTF-8, dropping NUL bytes and reading each byte that is
// not part of valid UTF-8 as a Windows-1252 character. Its output is valid
// UTF-8 whatever the input.
type utf8Fixer struct {
	transform.NopResetter
	cr bool
}

func (t utf8Fixer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	nul := -1 // the next NUL in src at or after nSrc, or len(src)
	for nSrc < len(src) {
		if nul < nSrc {
			nul = len(src)
			if i := bytes.IndexByte(src[nSrc:], 0); i >= 0 {
				nul = nSrc + i
			}
		}
		// Copy the longest run of valid UTF-8 without NUL.
		run := src[nSrc:nul]
		if n := validPrefix(run); n > 0 {
			if room := len(dst) - nDst; n > room {
				n = room
				for n > 0 && !utf8.RuneStart(run[n]) {
					n--
				}
				if n == 0 {
					return nDst, nSrc, transform.ErrShortDst
				}
			}
			copy(dst[nDst:], run[:n])
			if t.cr {
				crToLF(dst[nDst : nDst+n])
			}
			nDst += n
			nSrc += n
			continue
		}
		// src[nSrc] is a NUL, or starts an invalid or incomplete sequence.
		c := src[nSrc]
		if c == 0 {
			nSrc++
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r := charmap.Windows1252.DecodeByte(c)
		if len(dst)-nDst < utf8.RuneLen(r) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}

// validPrefix returns the length of the longest prefix of b that is valid
// UTF-8, leaving out a rune cut short at the end of b.
func validPrefix(b []byte) int {
	end := len(b)
	for k := 1; k <= utf8.UTFMax && k <= len(b); k++ {
		if utf8.RuneStart(b[len(b)-k]) {
			if !utf8.FullRune(b[len(b)-k:]) {
				end = len(b) - k
			}
			break
		}
	}
	if utf8.Valid(b[:end]) {
		return end
	}
	i := 0
	for i < end {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:end])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return i
}

// windows1252 decodes Windows-1252 to UTF-8, dropping NUL bytes.
type windows1252 struct {
	transform.NopResetter
	cr bool
}

func (t windows1252) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for ; nSrc < len(src); nSrc++ {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if c == 0 {
				continue
			}
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			if c == '\r' && t.cr {
				c = '\n'
			}
			dst[nDst] = c
			nDst++
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if len(dst)-nDst < utf8.RuneLen(r) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
	}
	return nDst, nSrc, nil
}

func crToLF(b []byte) {
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			return
		}
		b[i] = '\n'
		b = b[i+1:]
	}
}
