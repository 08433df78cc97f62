// Package templates holds the coaching text repcard prints when a team has
// not written its own: the *.tmpl files of this folder, built into the
// binary. README.md beside them says how to change the words.
package templates

import "embed"

// Email is the template of the e-mail "repcard send" writes (package
// deliver); the coaching text is written from the other *.tmpl files.
const Email = "email.tmpl"

// FS holds the built-in templates (coaching.tmpl, email.tmpl) and README.md.
//
//go:embed *.tmpl README.md
var FS embed.FS
