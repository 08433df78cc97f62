package output_test

import (
	"fmt"
	"os"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/output"
)

func ExampleSlugs() {
	fmt.Println(output.Slugs([]string{"José Müller", "Jose Muller", "Дмитрий Иванов", "CON"}))
	// Output: [jose-muller jose-muller-2 dmitrii-ivanov con-rep]
}

func ExampleWriteIssuesCSV() {
	output.WriteIssuesCSV(os.Stdout, []repcard.Issue{
		{File: "deals.xlsx", Sheet: "Q3", Row: 14, Column: "Amount", Raw: "-5", Reason: "negative amount"},
		{File: "notes.xlsx", Reason: "not a spreadsheet"},
	})
	// Output:
	// file,sheet,row,column,value,reason
	// deals.xlsx,Q3,14,Amount,'-5,negative amount
	// notes.xlsx,,,,,not a spreadsheet
}
