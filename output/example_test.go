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
		{File: "calls.xlsx", Sheet: "Q3", Row: 14, Column: "Calls", Raw: "-5", Kind: repcard.IssueNegativeCount},
		{File: "old.xls", Kind: repcard.IssueUnsupportedFormat, Detail: ".xls"},
	})
	// Output:
	// file,sheet,row,column,value,reason
	// calls.xlsx,Q3,14,Calls,'-5,negative count
	// old.xls,,,,,old Excel format (.xls) is not read: open it and save as .xlsx or .csv
}
