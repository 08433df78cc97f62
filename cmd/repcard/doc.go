/*
Repcard reads a folder of sales exports (CRM reports, activity logs,
personal tally sheets) and writes, per rep, a coaching PDF that puts the cash
value of every contact first, plus a manager summary and metrics.json.

Usage:

	repcard run    [-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review]
	               [-workers N] [-quiet] [-no-wait]
	repcard check  [-config FILE] [-in DIR] [-json]
	repcard watch  [-config FILE] [-in DIR] [-out DIR] [-period P] [-settle DURATION]
	               [-poll DURATION] [-retry DURATION] [-no-wait]
	repcard send   [-config FILE] [-out DIR] [-period P] [-dry-run] [-only-failed] [-to ADDRESS] [-rep NAME]…
	repcard init   [DIR]
	repcard version        (also -version, --version)
	repcard help [COMMAND] (also COMMAND -h)

Help goes to stdout with exit 0; a mistyped flag is one line on stderr
naming the flag meant, and exit 2.

With no -config, a command reads config.yaml in the current folder. It does
not look in the folders above, as git does: the inbox and out folders the
config names are taken from the current folder, so a config found above
would point at the wrong folders. With no config.yaml here and no -in, a
command says so (naming a folder above that has one) and exits 2; with -in
and no config, the defaults are used.

-rep finds a rep by name or by a roster alias or e-mail address, with case,
spacing and accents folded; a name not found is said on stderr with the
nearest name.

The version printed is the one stamped by a release build (-ldflags
"-X main.version=v1.2.0"), else the module version in the build info (what
go install …@v1.2.0 builds), else "(devel)" with the commit.

The progress line is drawn only on a terminal, and not with -quiet or
TERM=dumb. check's lines fit 100 columns.

Exit codes: 0 all good; 1 reports written but something was left out (see
data-issues.csv), or a -rep name was not found; 2 usage or config error; 3
nothing could be produced; 4 stopped part-way (disk full, interrupted):
nothing in out/<period> was changed, it holds the run before's whole set.
For send: 1 some
messages failed (see deliveries.csv); 3 nothing could be sent (no reports,
the server cannot be reached or refused the login); 4 stopped part-way.
*/
package main
