package csvsheet_test

import (
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/repcard/repcard/reader/csvsheet"
)

func Example() {
	// A European export: Windows-1252, semicolons, decimal commas.
	in := "Rep;Amount;Note\n\"Jos\xe9 M\xfcller\";\"1.234,50\";\"two\nlines\"\n\nBob;12,5;\n"
	r, err := csvsheet.NewReader(strings.NewReader(in), csvsheet.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s %q\n", r.Encoding(), r.Comma())
	for {
		row, line, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("line %d: %q\n", line, row)
	}
	// Output:
	// windows-1252 ';'
	// line 1: ["Rep" "Amount" "Note"]
	// line 2: ["José Müller" "1.234,50" "two\nlines"]
	// line 5: ["Bob" "12,5" ""]
}
