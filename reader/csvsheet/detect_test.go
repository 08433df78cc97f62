package csvsheet

import (
	"encoding/binary"
	"strings"
	"testing"
)

func TestDetectEncoding(t *testing.T) {
	tests := []struct {
		name  string
		head  string
		atEOF bool
		enc   string
		bom   int
	}{
		{"Empty", "", true, "utf-8", 0},
		{"ASCII", "a,b\n", true, "utf-8", 0},
		{"UTF8", "Zoë,€\n", true, "utf-8", 0},
		{"UTF8BOM", "\xef\xbb\xbfa", true, "utf-8-bom", 3},
		{"UTF8BOMThenWindows1252", "\xef\xbb\xbf\xe9", true, "utf-8-bom", 3},
		{"UTF16LEBOM", "\xff\xfea\x00", true, "utf-16le", 2},
		{"UTF16BEBOM", "\xfe\xff\x00a", true, "utf-16be", 2},
		{"UTF16LE", encodeUTF16("Zoë Brontë,12\n", binary.LittleEndian, false), true, "utf-16le", 0},
		{"UTF16BE", encodeUTF16("Zoë Brontë,12\n", binary.BigEndian, false), true, "utf-16be", 0},
		{"UTF16OnePair", "a\x00", true, "utf-8", 0},
		{"UTF16MostlyCJK", encodeUTF16("日本語,1\n", binary.LittleEndian, false), true, "windows-1252", 0},
		{"OnlyNULs", "\x00\x00\x00\x00", true, "utf-8", 0},
		{"Windows1252", "Jos\xe9,\x80\n", true, "windows-1252", 0},
		{"UTF8CutAtEndOfPeek", "a,\xe2\x82", false, "utf-8", 0},
		{"UTF8CutAtEOF", "a,\xe2\x82", true, "windows-1252", 0},
		{"InvalidAtEndOfPeek", "a,\xe2\x41", false, "windows-1252", 0},
		{"ContinuationAtEndOfPeek", "a,\x82", false, "windows-1252", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, bom := detectEncoding([]byte(tt.head), tt.atEOF)
			if enc != tt.enc || bom != tt.bom {
				t.Errorf("detectEncoding(%q, %v) = %q, %d; want %q, %d", tt.head, tt.atEOF, enc, bom, tt.enc, tt.bom)
			}
		})
	}
}

func TestDetectComma(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		atEOF bool
		comma rune
	}{
		{"Empty", "", true, ','},
		{"SingleColumn", "Name\nJane\nBob\n", true, ','},
		{"Comma", "a,b\n1,2\n", true, ','},
		{"Tab", "a\tb\n1\t2\n", true, '\t'},
		{"Semicolon", "a;b\n1;2\n", true, ';'},
		{"Pipe", "a|b\n1|2\n", true, '|'},
		{"HeaderOnly", "rep;date;amount", true, ';'},
		{"TieGoesToOrder", "a,b;c\n", true, ','},
		{"TieTabBeforeSemicolon", "a\tb;c\n", true, '\t'},
		{"TieSemicolonBeforePipe", "a|b;c\n", true, ';'},
		{"MoreFieldsBreakTie", "a;b;c,d\n1;2;3,4\n", true, ';'},
		{"ConsistencyBeatsFields", "a,b,c\nd;e\nf,g;h\ni;j\n", true, ';'},
		{"MostlyTitleRows", "Sales report\nOctober\nby rep\n\nrep;date;amount\nJane;2026-10-01;5\n", true, ';'},
		{"DecimalCommas", "name;amount;date\nJane;1234,50;2026-10-01\nBob;99,00;2026-10-02\n", true, ';'},
		{"PipeWithDecimalCommas", "name|amount\nJane|1,5\nBob|2,5\n", true, '|'},
		{"QuotedCommas", "\"a,b\";\"c\"\n\"d,e\";\"f\"\n", true, ';'},
		{"QuotedNewlines", "a;\"x\ny\ny\";c\nd;e;f\n", true, ';'},
		{"TitleRows", "Sales report, October\n\nrep\tdate\tamount\nJane\t2026-10-01\t5\nBob\t2026-10-02\t6\n", true, '\t'},
		{"CutShortLastRecord", "a;b\n1;2\n3;4\nx,y,z,w", false, ';'},
		{"OnlyRecordCutShort", "a|b|c|d|e", false, '|'},
		{"First20Records", strings.Repeat("a;b\n", 20) + strings.Repeat("a,b,c\n", 30), true, ';'},
		{"BlankLinesIgnored", "a;b\n\n\r\n\n1;2\n", true, ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectComma([]byte(tt.text), tt.atEOF); got != tt.comma {
				t.Errorf("detectComma(%q, %v) = %q, want %q", tt.text, tt.atEOF, got, tt.comma)
			}
		})
	}
}
