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
//
// A period folder is replaced as a whole (Stage): the outputs are written
// into a hidden staging folder beside it, without a sync per file, then
// synced once (syncfs on Linux) and swapped into place — renameat2 with
// RENAME_EXCHANGE on Linux, else two renames and a marker file that the
// next NewStage reads to finish or undo the swap. One process at a time
// writes into an out folder (LockDir: flock, or LockFileEx on Windows).
//
//	lk, err := output.LockDir(ctx, out, "out/2026-10", waiting)
//	defer lk.Unlock()
//	st, err := output.NewStage(filepath.Join(out, "2026-10"))
//	err = st.WriteFile(filepath.Join(st.Dir, "metrics.json"), write)
//	err = st.Commit() // or st.Discard()
package output
