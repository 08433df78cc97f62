// Package csvsheet reads the rows of an untrusted .csv or .tsv export as UTF-8
// strings, detecting the text encoding and the delimiter.
//
// An export saved by a European Excel, in Windows-1252 with semicolons,
//
//	Rep;Amount;Note
//	"Jos\xe9 M\xfcller";"1.234,50";"two
//	lines"
//
// reads as
//
//	r, _ := csvsheet.NewReader(f, csvsheet.Options{})
//	r.Encoding() // "windows-1252"
//	r.Comma()    // ';'
//	r.Read()     // ["Rep" "Amount" "Note"], line 1
//	r.Read()     // ["José Müller" "1.234,50" "two\nlines"], line 2
//	r.Read()     // io.EOF
//
// Parsing is encoding/csv's, with LazyQuotes (a stray quote is kept as text)
// and any number of fields per row. Nothing is trimmed but a byte order mark.
// Every string returned is valid UTF-8 without NUL bytes, whatever the input:
// a byte that is not valid UTF-8 reads as Windows-1252. The length of a line
// and of a record, the number of fields and the length of a field are
// bounded (Options), and are checked before encoding/csv buffers the text,
// so a hostile file costs bounded memory.
//
// Read reuses the slice it returns, as encoding/csv's ReuseRecord does: a
// caller that keeps a row past the next Read copies it.
package csvsheet
