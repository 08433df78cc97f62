// Package output turns names into file-name slugs and writes repcard's files
// safely: atomically (a temporary file renamed into place), only at paths
// built from slugs, and with spreadsheet text neutralised.
//
//	output.Slugs([]string{"José Müller", "Jose Muller", "Дмитрий Иванов"})
//	// → ["jose-muller", "jose-muller-2", "dmitrii-ivanov"]
//
//	path, err := output.SafeJoin(out, "reps", slug+".pdf") // out/reps/jose-muller.pdf
//	err = output.WriteFile(path, func(w io.Writer) error { return pdf.RenderRep(w, …) })
//
// data-issues.csv, from WriteIssuesCSV:
//
//	file,sheet,row,column,value,reason
//	deals.xlsx,Q3,14,Amount,'-5,negative amount
//
// A cell that would start a formula (= + - @, tab, CR) gets a leading '.
package output
