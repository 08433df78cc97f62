// Package coach writes the short coaching text of a rep report: Go rules
// choose, from the rep's numbers, which things are worth saying, and
// text/template files that a sales team can edit say them.
//
//	set, err := coach.Load("templates")           // parse and validate once
//	ps, err := set.ForRep(rpt, &rpt.Reps[i], 2)     // the two most important paragraphs
//	// ps[0] = {Rule: "ratio_worse", Title: "Your ratio slipped",
//	//          Text: "In October 2026 it took 14.3 contacts to make a sale, against 10.9 over July–September 2026 (+31 %). …"}
//
// # Rules
//
// Each rule is a condition on a report.Rep; the applicable rules are taken
// in this priority order (Rules returns the names, Select applies them):
//
//	 1 ratio_worse             the report's contacts_per_close alert (contacts per close up ≥ alerts.ratio_worse_pct)
//	 2 bad_month_good_quarter  value per contact of the last month ≥ 25 % below the pooled 3 months before
//	 3 good_month_bad_quarter  value per contact of the last month ≥ 25 % above the pooled 3 months before (not with best_month)
//	 4 best_month              records.best_month: the last month's commission is the best of the trailing 12
//	 5 contacts_down           the report's contacts alert (contacts down ≥ alerts.contacts_down_pct on the 3-month average)
//	 6 controllable_losses     controllable nos > uncontrollable nos, with ≥ 3 nos classified
//	 7 few_referrals           referral asks < 25 % of explicit nos, with ≥ 5 explicit nos (asks tracked)
//	 8 near_misses             ≥ 1 near miss
//	 9 stale_maybes            ≥ 3 stale maybes or quiet open deals
//	10 follow_ups_due          ≥ 5 follow-ups due
//	11 concentration           the largest open deal ≥ 50 % of the open pipeline, with ≥ 2 open deals
//	12 win_streak              a closing in each of the last ≥ 3 months
//	13 steady | no_sale_yet | no_contacts   the fallback, only when nothing above applies
//
// A week report (report.BuildWeek) is coached on its week: the rules read
// the week against the 4 weeks before it (weekly in metrics.json), the
// texts say "week 43" and "the 4 weeks before" where a month report says
// the month and its 3 months before, and the rules about months (2, 3, 4,
// 5 and 12) are not chosen.
//
// The value per contact of rules 2 and 3 becomes closings per contact when
// the four months hold no commission at all. Rules 1 and 5 do not compare
// numbers themselves: the report decides whether an alert threshold was
// crossed (report.Metrics.Alerted), so the text and the alerts always
// agree. The other thresholds are those of DefaultThresholds;
// Set.WithThresholds changes them.
//
// # Templates
//
// Every *.tmpl file of the templates folder but email.tmpl (the e-mail of
// "repcard send", package deliver) is parsed once, with
// Option("missingkey=error"), into one set. Each rule has two templates,
// {{define "RULE.title"}} and {{define "RULE.text"}}; their data is a View.
// Load checks every field reference against View, then executes every
// rule's title and text against built-in sample reps (including one with
// no data at all), so a broken template fails at Load, before any PDF is
// written, with an *Error naming the file and the line:
//
//	templates/coaching.tmpl:12: ratio_worse.text: there is no field .Ratoi (the fields are listed in templates/README.md)
//
// A rule whose text renders empty is switched off: the next applicable rule
// takes its place. The output is whitespace-collapsed: line breaks in a
// template do not reach the PDF.
//
// The text depends only on the report: no clock, no map iteration.
package coach
