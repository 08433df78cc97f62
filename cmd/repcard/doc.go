/*
Repcard reads a folder of sales exports (CRM reports, activity logs,
personal tally sheets) and writes, per rep, a coaching PDF that puts the cash
value of every contact first, plus a manager summary and metrics.json.

Usage:

	repcard run    [-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review] [-workers N] [-quiet]
	repcard check  [-config FILE] [-in DIR] [-json]
	repcard watch  [-config FILE] [-in DIR] [-out DIR]
	repcard send   [-config FILE] [-out DIR] [-period P] [-dry-run] [-only-failed] [-to ADDRESS] [-rep NAME]…
	repcard init   [DIR]
	repcard version

With no flags, run reads config.yaml in the current folder.

Exit codes: 0 all good; 1 reports written but something was left out (see
data-issues.csv); 2 usage or config error; 3 nothing could be produced; 4
stopped part-way: some outputs were written (each whole), others are as the
run before left them. For send: 1 some messages failed (see
deliveries.csv); 3 nothing could be sent (no reports, the server cannot be
reached or refused the login); 4 stopped part-way.
*/
package main
