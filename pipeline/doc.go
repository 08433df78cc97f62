// Package pipeline owns a batch: it reads an inbox, builds the report of a
// period, and writes the period's outputs — metrics.json first, then
// team.xlsx (every list; none with Options.Reps), the PDFs, then
// data-issues.csv, each atomically — and it keeps them current
// while the inbox changes (Watch). The command (cmd/repcard) parses flags and
// prints; everything a run does happens here, so tests run whole batches
// in-process.
//
//	p, err := pipeline.New(cfg)                 // templates and fonts, checked first
//	res, err := p.Run(ctx, pipeline.Options{})  // the newest whole month
//	fmt.Println(res.Dir, res.PDFs, res.Batch.LeftOut())
//
// Errors say what went wrong by their type, so the command's exit code does
// not depend on where an error happened:
//
//   - *SetupError: the config's templates or font cannot be used; nothing
//     was read or written.
//   - *NothingError: there is nothing to report (no dated rows, no rep of
//     that name); nothing was written.
//   - *WriteError: writing stopped part-way (disk full, interrupted). Its
//     Written says how many outputs were written before; each of them is
//     whole, and a run that wrote none produced nothing.
//
// Any other error comes from reading the inbox itself (the folder cannot be
// listed, the context was cancelled) and nothing was written.
package pipeline
