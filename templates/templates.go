// Package templates holds the coaching text repcard prints when a team has
// not written its own: the *.tmpl files of this folder, built into the
// binary. README.md beside them says how to change the words.
package templates

import "embed"

// FS holds the built-in templates (coaching.tmpl) and README.md.
//
//go:embed *.tmpl README.md
var FS embed.FS
