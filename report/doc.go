// Package report computes repcard's metrics: per rep, per manager's team
// and for the whole team; for the period, for each of the trailing 12
// months ending with the period's last month, and for the year to date.
// The Report it builds is what metrics.json holds.
//
// A period the data ends inside of (a quarter or a year whose last month is
// after the month of the newest dated row) is reported to date:
// period.data_ends is that row's date, and the months after it have no
// data rather than zeros — the trailing months, trends, alerts, goal pace
// and records end with the data's last month. A month whose rows stop
// before its last day is a whole month. Builder.DataSpan gives the dates the
// data covers, so the caller can refuse a period wholly outside them.
//
//	b := report.NewBuilder(cfg)
//	for rec := range records {     // every *repcard.Record, of every kind
//		b.Add(rec)
//	}
//	p, ok := b.DefaultPeriod()      // or repcard.ParsePeriod("2026-Q4")
//	r := b.Build(p)
//	r.Inputs = batch.Inputs          // the caller fills Inputs and Rep.Slug
//	js, err := r.JSON()              // or r.WriteJSON(w): the same bytes, rep by rep
//
// Two activities of Jane Doe in October 2026, a call that ended in a no and
// a won meeting worth 5,000.00 at a 10 % rate, give for Jane
//
//	"contacts": 2, "closings": 1, "rejections": 1, "contacts_per_close": 2,
//	"commission": 500.00, "value_per_contact": 250.00, "explicit_nos": 1
//
// # Memory
//
// Add keeps no activity or tally record. It folds each one into counters per
// rep, month and source, and into a compact state per rep, prospect and
// month: the latest touch, no (with its reason), maybe and win, the latest
// next follow-up date, and the number of nos. Strings (reps, prospects,
// reasons, stages, types, deal ids) are interned to small ints. Memory grows
// with reps × months × prospects, not with rows; deals rows are kept in a
// compact struct. Periods are whole months, so this is exact. Add does not
// allocate in the steady state. Listed items hold dates as Day (an int32
// that marshals as "2026-10-31"), and WriteJSON streams the report rep by
// rep, so a report with many follow-ups is never one large document in
// memory.
//
// # Decisions
//
// Where the product leaves a choice open, the package decides as follows.
//
// Sources. Per rep (over all its rows, not just the period's): closings,
// revenue, commission, explicit nos, loss reasons, near misses and wins come
// from deals rows when the rep has any deals row, otherwise from activity
// outcomes and tallies. Contacts come from activities and tallies when the
// rep has any such row, otherwise from decided deals (won + lost) closed in
// the time span; tallies count contacts only when they have a contacts (or
// calls, emails…) column: a tracker of sales and revenue alone leaves the
// rep's contacts to decided deals, or to none. Referral asks come from
// deals rows when the rep has deals rows that carry a referral-asked value,
// else from activities and tallies when some of them record one (a
// referral column): a CRM export rarely has that column, the rep's own
// tracker does. With neither, referral asks are not tracked: referral_asks
// and referral_ask_rate are null, never 0, and sources.referral_asks is
// "none". Rep.Sources names each choice.
//
// Contacts and touches. An activity is a contact when its type is one of
// contact_types, ignoring case; a blank type is a contact (a log with no type
// column is a log of contacts). A planned row (not done) is neither a contact
// nor a touch; it is counted in "planned" and does nothing else. A row that
// did not take place (Record.NoContact: cancelled, no-show, rescheduled) is
// neither either, and is not counted at all. Touches are
// all done activities of any type plus tallied contacts; with the
// decided-deals fallback, touches equal contacts. value_per_touch is
// commission / touches.
//
// Money. Commission of a won row: its commission field; else its amount at
// the rep's rate (config.RateFor); else the rep's flat per_sale
// (config.PerSaleFor). metrics.json states the rule: commission (the
// team's rate and per_sale, default when config.yaml has no commission:,
// own_rate the reps with their own) and each rep's commission_rate and
// commission_per_sale. A tally row: its commission; else its amount at the
// rate; else closings × per_sale. Revenue counts amounts only. Money is
// int64 cents throughout; value_per_contact and value_per_touch are money
// rounded half away from zero to the cent (JSON 48.20, null without
// contacts), not unrounded ratios: "each no was worth $48.20".
//
// Ratios. Counts and money are summed; ratios are always recomputed from
// the sums (for managers, the team, quarters, years), never averaged, and
// are null when the denominator is 0; contacts_per_close and
// touches_per_sale are null with no contacts too (sales with no contact
// counted are no "1 sale every 0 contacts"). The ratios to contacts
// (close_rate, contacts_per_close, value_per_contact, touches_per_sale,
// value_per_touch, and the trend's) pair the contacts with the closings
// and commission of the reps whose contacts are counted: a group holding a
// tracker of sales alone keeps those sales in closings and commission,
// not in its figures per contact. rejections = max(contacts − closings,
// 0). close_rate, contacts_per_close, referral_ask_rate (asks / explicit
// nos of the reps whose asks are tracked; may exceed 1 when asks and nos
// come from different sources),
// touches_per_sale and pipeline_top_share are unrounded floats.
//
// Explicit nos and reasons. Lost deals, lost outcomes of activities, and
// tallied rejections (which never carry a reason). Reasons are grouped
// ignoring case and white space, shown in their most frequent spelling
// (ties: byte order). A reason's category is the first category, in sorted
// name order, with a match that is a substring of the reason, ignoring case;
// no match is "other" (not controllable, counted in uncontrollable_nos); a
// blank reason is "(no reason given)" in category "unknown", counted in
// neither controllable_nos nor uncontrollable_nos. loss_reasons counts add
// up to explicit_nos and are sorted by count, then reason.
//
// no_reason_share is, by its definition, the share of explicit nos that DO
// carry a reason. no_follow_up_share is the share of explicit nos whose
// prospect (same rep) has, on rows dated up to the period end, a next
// follow-up date later than its latest no; nos with no prospect count as
// without.
//
// Prospects. Prospect names are grouped like reasons (ignoring case and
// white space). A prospect's last answer, as of the period end, is the
// latest of its wins, nos and maybes from activities and decided deals
// (both sources, whatever the rep's closings source); on the same day a win
// beats a no, which beats a maybe. Its last touch is the latest done
// activity with it or answer. Rows with no prospect take no part in
// follow-ups and stale maybes.
//
// Follow-ups due (per rep, listed oldest no first; managers and the team
// get counts). A prospect whose last answer is a no is due when
//   - "follow-up date": it has a next follow-up date later than the no, before
//     period end + 7 days, and no touch on or after that date; or
//   - "quiet N days": no touch for follow_up_after_days or more (N is the
//     actual number of days), unless its follow-up date is later than that
//     window (the rep has a date in mind). follow_up_after_days = 0 turns this
//     rule off.
//
// Each says when it fell due ("due") and why ("why"): its follow-up date
// ("follow-up date set"), or follow_up_after_days after the no ("90 days
// after the no") or after the last touch since ("90 days after the last
// touch").
//
// Stale maybes. An open deal (status open as exported, created on or before
// the period end or with no created date) whose last sign of life — its
// created date, the latest touch of the prospect, the latest activity
// carrying its deal id — is stale_after_days or more before the period end;
// a deal with none of these dates is not judged. And a prospect whose last
// answer is a maybe with no touch for stale_after_days or more, unless the
// rep has an open deal with it (the deal speaks for it). Oldest first.
// stale_after_days = 0 turns the list off. A maybe has a null amount; an
// open deal carries its stage and, when it has one, its id ("deal"), which
// names it where the export has no account. An open deal is listed once:
// rows of one deal (the same id, or without one the same prospect and
// amount — two exports, or one export listing it twice) give one entry,
// the one with the latest sign of life; stale_maybes_count counts it once.
// Pipeline sums are as exported.
//
// Near misses. Lost deals (or lost outcomes) closed in the period whose
// stage contains a late_stages entry (ignoring case), or whose probability
// is at least near_miss_probability (0 turns the probability rule off);
// "by" says which. Lost outcomes of activities are folded per prospect and
// month (the latest one is shown, "count" says how many). A near miss's
// (and a loss's) stage is the stage the deal reached: of a decided deal,
// the stage an older export had it open at (Record.StageReached), else its
// stage unless that is only its status word — a Salesforce "Closed Lost" in
// the one Stage column says nothing of how far the deal got, so the stage
// is "" and the probability is what is known.
//
// Pipeline. pipeline_open sums the amounts of open deals created on or
// before the period end (or with no created date), as exported: it is a
// snapshot, not rebuilt for past periods. pipeline_deals counts them, with
// or without amount. pipeline_top_share = largest / pipeline_open, null when
// it is 0. Managers and the team sum the pipelines and take the largest deal
// of all.
//
// Wins. Won deals of the period (or won outcomes, folded per prospect and
// month), largest amount first, no amount last. Tallies name no prospect and
// give no wins. Managers and the team list all their reps' wins.
//
// Records (reps only). best_month: the last month's commission is above 0
// and at least the best of the 11 months before it (a tie counts).
// streak_months: consecutive months with a closing ending with the last
// month, reaching back beyond the 12 when need be.
//
// Goals. Basis "closings" measures closings, anything else commission.
// Monthly and annual goals are config.GoalsFor(rep). The period goal is the
// monthly goal × months in the period, or, with no monthly goal, the annual
// goal × months / 12. The year goal is the annual goal, or monthly × 12.
// YTD goal pro-rated = year goal × (month of the period end) / 12;
// ahead_by = ytd actual − pro-rated (null without a year goal); months_left
// = 12 − month of the period end; pace_needed_per_month = max(year goal −
// ytd actual, 0) / months_left, null when months_left is 0 or there is no
// year goal. A goal of 0 gives a null attainment. Goal quantities are in
// hundredths (cents, or hundredths of a closing), rounded half away from
// zero. Managers' and the team's goals are the sums of their reps' goals.
//
// Trend. The period's last month against the previous 3 months pooled:
// contacts_per_close = Σ contacts / Σ closings, value_per_contact = Σ
// commission / Σ contacts (unrounded, in currency units), contacts = Σ / 3
// (null when none of the 3 months has data). change_pct = (value −
// baseline) / baseline × 100, null when either is undefined or the baseline
// is 0. Alerts compare exactly (rational arithmetic): contacts_per_close
// change ≥ ratio_worse_pct, contacts change ≤ −contacts_down_pct,
// value_per_contact change ≤ −value_down_pct; a threshold of 0 turns its
// alert off. A month with contacts but no closing has no ratio; it raises
// the contacts_per_close alert when even one sale would have left the ratio
// worse by the threshold (contacts ≥ baseline × (1 + pct/100)). The report
// is the one owner of these decisions: Metrics.Alerted says whether a
// metric's alert fired, and the coaching rules read it rather than compare
// the numbers again. The thresholds' defaults are config.Default's. Messages
// read "Contacts per sale 12.0, worse than your 3-month average 10.0
// (+20 %)" ("the team's" for managers and the team); numbers, money and
// changes print through internal/format as the PDFs print them
// ("$1,476.11", "−28 %"). A rep whose contacts are decided deals, and a
// group all of whose reps count them so, reads "Decided deals per sale",
// "Each decided deal was worth".
// trend_arrow (for the manager table) is "up" when value_per_contact
// changed by +5 % or more, "down" at −5 % or less, "flat" in between, ""
// when undefined.
//
// Rank (reps only). Each rep's place among all the report's reps on value
// per contact (to the cent) in the period's last month and in the month
// before, with last month's value per contact: "#4 of 10, up 2". Reps
// with no contacts in a month have no place that month and are not
// counted in "of"; equal values share a place and the next is skipped (1,
// 2, 2, 4), so a place depends on the values alone. change = previous_rank
// − rank (up is positive), null unless both months have a place. A rep's
// rank carries its own place only, never another rep's name.
//
// Months and the year to date. monthly holds the 12 months ending with the
// period's last month, oldest first; has_data is false for a month with no
// row of any kind (planned touches included). ytd runs from 1 January of
// the period end's year through the period end.
//
// Reps, managers, team. Every rep on the roster or in the data appears, in
// byte order of name; roster reps with no rows have zeros and nulls, reps
// not on the roster have manager "". Of two roster rows for one rep, a
// blank value gives way to a set one, and of two set values the smaller in
// byte order is kept, so the order of rows does not matter. One Manager per
// distinct roster manager, sorted, with its reps sorted; its office is the
// office its reps share, omitted otherwise. The team is every rep.
//
// Determinism. The same records in any order give the same bytes: every
// choice between values compares strings, never intern ids or arrival
// order, and no output ranges over a map. Build does not change the Builder
// and may be called again.
//
// Weeks. BuildWeek reports an ISO week (Monday to Sunday, of the year of
// its Thursday). After Builder.TrackWeeks, Add also folds each dated row
// into counts per rep and day (memory grows with reps × days, not rows; on
// a million rows of 500 reps over 13 months, Add takes about twice the
// time and the live heap 99 MB instead of 41 MB, so a Builder of months
// alone does without), and the week's counts,
// weekdays (contacts Monday to Sunday), loss reasons and year to date are
// summed from them, with the sources chosen as for months. weekly holds the
// 12 weeks ending with the period's; a week with no row of any kind is
// "counts": null, a gap. The trend compares the week with the 4 weeks before
// it pooled (contacts: their mean), with alerts.week_ratio_worse_pct,
// week_contacts_down_pct and week_value_down_pct, and raises none on a week
// with fewer than alerts.week_min_contacts contacts. Tallies: a day's row
// lands in its day, a week's (a grid of weeks, a "Week" date column) in the
// week of its date but on no weekday; a month's (a grid of months, a month
// sheet, a "Month" date column) lands in no week: a week touching a month
// that has one says the measure is not tracked weekly (not_tracked_weekly:
// "contacts" when the rep's contacts come from activities and tallies,
// "closings" when its closings do), counts it as 0, leaves its ratios null
// and raises no alert; managers and the team add up the tracked part and
// list what some rep lacks. The lists — follow-ups due, stale maybes,
// pipeline — are Build's of the week period, as of its Sunday, at the
// month granularity Build keeps per prospect (an answer later in the
// Sunday's month counts as known); wins, near misses and losses are cut to
// the week's dates. A week has no goal (goal's numbers are null), and
// no_follow_up_share, monthly and records stay monthly. DefaultWeek is the
// newest week whose Sunday the data reaches; a week the data ends inside
// is to date (period.data_ends).
//
// Limits. Per-prospect state packs rep, prospect (or deal id) and month in
// 64 bits: reps beyond the 1,048,576th and prospects or deal ids beyond the
// 16,777,216th are counted in every total but not tracked for follow-ups,
// stale maybes, near-miss and win lists.
package report
