package reader

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"github.com/repcard/repcard"
)

// oleMagic starts an OLE compound file: an old .xls, an encrypted
// (password-protected) .xlsx, a .doc, an .msg.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// describeOLE says what an OLE compound file named .xlsx is, from the names
// of its streams: an encrypted workbook, or a file of another format.
func describeOLE(r io.ReaderAt, size int64) (what *issueError) {
	generic := &issueError{repcard.IssueWrongFormat, "old binary Office file (an .xls, or a password-protected workbook) named .xlsx: open it in Excel and save it as .xlsx without a password, or as .csv"}
	defer func() {
		if recover() != nil {
			what = generic
		}
	}()
	doc, err := mscfb.New(io.NewSectionReader(r, 0, size))
	if err != nil {
		return generic
	}
	for i := 0; i < 10000; i++ {
		f, err := doc.Next()
		if err != nil {
			break
		}
		switch f.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return &issueError{repcard.IssueEncrypted, "workbook is password-protected (encrypted): repcard cannot read it; save a copy without a password (File › Info › Protect Workbook)"}
		case "Workbook", "Book":
			return &issueError{repcard.IssueWrongFormat, "old Excel format (.xls) named .xlsx: open it in Excel and save it as .xlsx or .csv"}
		case "WordDocument":
			return &issueError{repcard.IssueWrongFormat, "Word document (.doc) named .xlsx, not a workbook"}
		}
	}
	return generic
}

// describeBytes says what a file that is not a zip looks like, from its
// first bytes.
func describeBytes(r io.ReaderAt) string {
	head := make([]byte, 512)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	if what := magicName(head); what != "" {
		return "it is " + what
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	lower := strings.ToLower(string(trimmed[:min(len(trimmed), 64)]))
	switch {
	case n == 0:
		return "the file is empty"
	case strings.HasPrefix(lower, "<html"), strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<table"):
		return "it is a web page (HTML), as some programs export under an Excel name; save it from Excel as .xlsx, or export as .csv"
	case strings.HasPrefix(lower, "<?xml"):
		return "it is an XML file (an Excel 2003 XML spreadsheet?); save it from Excel as .xlsx"
	case utf8.Valid(head) && !hasBinaryControl(head):
		return "it is a text file (a CSV named .xlsx?); rename it .csv"
	}
	return "it is not a zip file, as an .xlsx is (damaged, or another format renamed)"
}

// magicName names a few formats by their first bytes.
func magicName(head []byte) string {
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return "an old binary Office file (.xls, .doc, or a password-protected workbook)"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return "a zip file (an .xlsx workbook?)"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return "a PDF document"
	case bytes.HasPrefix(head, []byte("\x89PNG")):
		return "a PNG image"
	case bytes.HasPrefix(head, []byte("\xFF\xD8\xFF")):
		return "a JPEG image"
	case bytes.HasPrefix(head, []byte("GIF8")):
		return "a GIF image"
	case bytes.HasPrefix(head, []byte("\x1F\x8B")):
		return "a gzip archive"
	case bytes.HasPrefix(head, []byte("\x09\x08")) && len(head) > 4, bytes.HasPrefix(head, []byte("\x00\x00\x02\x00")):
		return "an old binary Excel file (.xls)"
	}
	return ""
}

// hasBinaryControl reports control bytes that text does not have, in more
// than 1 % of b (and more than four): C0 controls other than NUL (which
// exports pad with and the CSV reader drops), tab, line feed, vertical tab,
// form feed, carriage return, escape and the DOS end-of-file mark. A stray
// control character in a name does not make a file binary.
func hasBinaryControl(b []byte) bool {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A && c != 0x1B {
			n++
		}
	}
	return n > max(4, len(b)/100)
}

// notText says why a file named .csv or .tsv is not text, from its first
// bytes, or returns "" for text. UTF-16 (with a byte-order mark, or mostly
// ASCII with a NUL in every other byte) is text.
func notText(head []byte) string {
	if len(head) == 0 {
		return ""
	}
	if bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) || looksUTF16(head) {
		return ""
	}
	what := magicName(head)
	if what == "" && !hasBinaryControl(head) {
		return ""
	}
	if what == "" {
		what = "binary data"
	}
	return fmt.Sprintf("not a text file: it is %s, not comma- or tab-separated text", what)
}

// looksUTF16 reports UTF-16 without a byte-order mark as the CSV reader
// detects it: in the first 1 KB, at least 3 in 4 pairs of bytes look like
// ASCII in one byte order and at most 1 in 16 in the other.
func looksUTF16(head []byte) bool {
	b := head[:min(len(head), 1024)&^1]
	pairs := len(b) / 2
	if pairs < 2 {
		return false
	}
	var le, be int
	for i := 0; i < len(b); i += 2 {
		switch {
		case b[i] != 0 && b[i+1] == 0:
			le++
		case b[i] == 0 && b[i+1] != 0:
			be++
		}
	}
	return 4*le >= 3*pairs && 16*be <= pairs || 4*be >= 3*pairs && 16*le <= pairs
}
