// Package checkprint writes what 'repcard check' found in an inbox (a
// reader.Batch): Text for people, JSON as JSON Lines for scripts.
//
// Text prints a line per file and sheet — its name, its kind, how it was
// read, its header row and where its rows went (counts of zero are left
// out) — then the files passed over, the warnings, the stage and status
// words to place, the config mapping to paste for the sheets not read, the
// first MaxIssuesShown issues and the totals. No line is wider than Width
// (100) columns: a long part wraps under itself, and when the names are too
// long for a table each input is its name on a line with the rest indented
// below. Only a word longer than that, or a line of the config mapping
// (which must stay valid YAML), is wider.
//
// JSON writes one object a line, each with a "type": input (the fields of
// metrics.json's inputs), ignored, issue or warning, an issue's kind as
// its stable code. Its fields are a contract with scripts: add, never
// rename.
package checkprint
