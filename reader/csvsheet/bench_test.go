package csvsheet

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// benchCSV returns an activities export of n rows of 6 columns, with
// quoted fields where a real export has them.
func benchCSV(n int, quoteAll bool) []byte {
	reps := []string{"Jane Doe", "José Müller", "Zoë Brontë", "Bob Smith"}
	types := []string{"call", "email", "meeting", "visit"}
	outcomes := []string{"no answer", "not interested", "won", "call back"}
	var b bytes.Buffer
	b.WriteString("rep,date,type,amount,outcome,note\n")
	for i := range n {
		note := ""
		if i%5 == 0 {
			note = `"asked for a referral, will call back"`
		}
		if quoteAll {
			fmt.Fprintf(&b, "%q,%q,%q,%q,%q,%s\n", reps[i%4], fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1),
				types[i%4], fmt.Sprintf("%d.%02d", i%5000, i%100), outcomes[i%4], note)
		} else {
			fmt.Fprintf(&b, "%s,2026-%02d-%02d,%s,%d.%02d,%s,%s\n", reps[i%4], i%12+1, i%28+1,
				types[i%4], i%5000, i%100, outcomes[i%4], note)
		}
	}
	return b.Bytes()
}

func BenchmarkRead(b *testing.B) {
	const rows = 100_000
	plain := benchCSV(rows, false)
	inputs := []struct {
		name string
		data []byte
	}{
		{"utf-8", plain},
		{"quoted", benchCSV(rows, true)},
		{"windows-1252", []byte(strings.NewReplacer("é", "\xe9", "ü", "\xfc", "ë", "\xeb").Replace(string(plain)))},
		{"utf-16le", []byte(encodeUTF16(string(plain), binary.LittleEndian, true))},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				r, err := NewReader(bytes.NewReader(in.data), Options{})
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for {
					_, _, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != rows+1 {
					b.Fatalf("%d records", n)
				}
			}
		})
	}
	// The floor: encoding/csv alone on the same UTF-8 text.
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(plain)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(plain))
			r.LazyQuotes = true
			r.FieldsPerRecord = -1
			r.ReuseRecord = true
			for {
				if _, err := r.Read(); err != nil {
					break
				}
			}
		}
	})
}

// BenchmarkReadHostile reads inputs that make a careless parser slow:
// time should stay in proportion to the input.
func BenchmarkReadHostile(b *testing.B) {
	ascii := strings.Repeat("rep,city\n", peekBytes/9+1)
	inputs := []struct {
		name string
		data string
	}{
		// Quotes and no newline: detection and the limiter must not
		// look for the end of the line at each quote.
		{"quoted-fields-one-line", strings.Repeat(`"a",`, 250_000)},
		{"stray-quotes", strings.Repeat(`a"b,"c"d"e,f"`+"\n", 100_000)},
		// A UTF-8 start, then Windows-1252: an invalid byte every few.
		{"windows-1252-after-utf-8", ascii + strings.Repeat("Jos\xe9,M\xfcnchen\n", 500_000)},
		{"nul-every-other-byte", ascii + strings.Repeat("a\x00", 2_000_000)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.data)))
			for b.Loop() {
				r, err := NewReader(strings.NewReader(in.data), Options{})
				if err != nil {
					b.Fatal(err)
				}
				for {
					if _, _, err := r.Read(); err == io.EOF || err != nil && !errors.Is(err, ErrCellTooLong) {
						break
					}
				}
			}
		})
	}
}
