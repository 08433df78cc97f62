// Package pipeline owns a batch: it reads an inbox, builds the report of a
// period, and writes the period's outputs — metrics.json first, then
// team.xlsx (every list; none with Options.Reps), the PDFs, then
// data-issues.csv — and it keeps them current while the inbox
// changes (Watch).
//
// A period folder is always one whole run. The outputs go to a staging
// folder beside out/<period>, which is swapped into its place at the end
// (output.Stage); the files of the period that no run writes (carryOver:
// send's deliveries.csv and outbox/) are taken over first, and with
// Options.Reps every file the run does not write anew. Only one process
// writes into an out folder at a time: a run takes its lock
// (output.LockDir) after reading and holds it until its set is swapped in;
// a second waits (Options.Waiting hears it) or, with Options.NoWait, fails
// with a *LockedError. Watch takes the lock per rebuild, and retries a
// failed rebuild with a doubling wait until it succeeds or the inputs
// change. The out folder is never read as input, even inside the inbox.
// The command (cmd/repcard) parses flags and
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
//   - *WriteError: writing stopped part-way (disk full, interrupted). The
//     period folder is as the run before left it; Written says how many
//     outputs had been staged and were thrown away.
//   - *LockedError: with NoWait, another repcard was writing into the out
//     folder; nothing was written.
//
// Any other error comes from reading the inbox itself (the folder cannot be
// listed, the context was cancelled) and nothing was written.
package pipeline
