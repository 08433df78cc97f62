package reader

import (
	"errors"
	"strconv"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/reader/cell"
)

// The years a date may have. Excel allows up to 9999, but a date beyond
// 2100 in a sales export is a typo or a hostile value, and it would move the
// default period (the newest month in the data) to that year.
const (
	minYear = 1900
	maxYear = 2100
)

// words are config.Words folded for matching.
type words struct {
	won, lost, maybe, planned, referral map[string]bool
}

func foldSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		if k := normHeader(w); k != "" {
			m[k] = true
		}
	}
	return m
}

func wordsOf(w config.Words) words {
	return words{won: foldSet(w.Won), lost: foldSet(w.Lost), maybe: foldSet(w.Maybe), planned: foldSet(w.Planned), referral: foldSet(w.Referral)}
}

// status reads a deal status or stage word.
func (w *words) status(s string) repcard.Outcome {
	k := normHeader(s)
	switch {
	case w.won[k] || strings.HasPrefix(k, "closedwon"):
		return repcard.OutcomeWon
	case w.lost[k] || strings.HasPrefix(k, "closedlost"):
		return repcard.OutcomeLost
	}
	return repcard.OutcomeOpen
}

// outcome reads an activity outcome; planned reports a touch not yet done
// ("Not Started", "Scheduled") written in the outcome column.
func (w *words) outcome(s string) (o repcard.Outcome, planned bool) {
	k := normHeader(s)
	switch {
	case k == "":
		return repcard.OutcomeNone, false
	case w.won[k] || strings.HasPrefix(k, "closedwon"):
		return repcard.OutcomeWon, false
	case w.lost[k] || strings.HasPrefix(k, "closedlost"):
		return repcard.OutcomeLost, false
	case w.maybe[k]:
		return repcard.OutcomeMaybe, false
	case w.planned[k] && k != "no" && k != "false":
		return repcard.OutcomeNone, true
	}
	return repcard.OutcomeNone, false
}

// notDone reads a "done" column: To do, Not Started, no, false → not done.
func (w *words) notDone(s string) bool {
	k := normHeader(s)
	if k == "" {
		return false
	}
	if w.planned[k] {
		return true
	}
	v, ok := cell.ParseBool(s)
	return ok && !v
}

func (w *words) referralAsked(s string) repcard.Tri {
	k := normHeader(s)
	if k == "" {
		return repcard.Unknown
	}
	if w.referral[k] {
		return repcard.Yes
	}
	if v, ok := cell.ParseBool(s); ok {
		if v {
			return repcard.Yes
		}
		return repcard.No
	}
	if strings.HasPrefix(k, "yes") {
		return repcard.Yes
	}
	return repcard.Unknown
}

// activityType folds the many ways exports name a touch into call, email,
// meeting, visit and social; anything else stays as written, lowercased.
func activityType(s string) string {
	k := normHeader(s)
	switch {
	case k == "":
		return ""
	case strings.Contains(k, "call") || strings.Contains(k, "phone") || strings.Contains(k, "dial"):
		return "call"
	case strings.Contains(k, "mail"):
		return "email"
	case strings.Contains(k, "meeting") || strings.Contains(k, "demo") || strings.Contains(k, "appointment") || strings.Contains(k, "presentation"):
		return "meeting"
	case strings.Contains(k, "visit") || strings.Contains(k, "door") || strings.Contains(k, "walkin"):
		return "visit"
	case strings.Contains(k, "linkedin") || strings.Contains(k, "social") || strings.Contains(k, "message") ||
		strings.Contains(k, "sms") || strings.Contains(k, "whatsapp") || k == "dm" || k == "text":
		return "social"
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// blankLike reports values that mean "nothing here" in a numeric or date
// column: n/a, -, —, none.
func blankLike(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "-", "—", "–", "n/a", "na", "none", "null", "nil", "#n/a", "tbd", "?":
		return true
	}
	return false
}

// columnRules are the per-column decisions for one sheet: the day/month
// order of each date column and the decimal mark of each number column,
// decided from the first rows when config says auto.
type columnRules struct {
	dateOrder map[int]cell.DateOrder
	decimal   map[int]cell.Decimal
}

// dateFields and numberFields are the fields whose columns need decisions.
var (
	dateFields   = []field{fDate, fCreated, fNextFollowUp, fStartDate}
	numberFields = []field{fAmount, fCommission, fProbability, fContacts, fCalls, fEmails, fMeetings, fVisits, fSocial, fClosings, fRejections, fReferralAsks, fQuantity, fUnitPrice}
)

// converter turns the rows of one mapped sheet into records.
type converter struct {
	l        *layout
	src      repcard.Src
	rep      string // the sheet's rep when it has no rep column
	date1904 bool
	rules    columnRules
	words    *words
	roster   *rosterIndex
	issues   func(repcard.Issue)

	reps     memo[string]
	statuses memo[repcard.Outcome]
	outcomes memo[outcomeWord]
	types    memo[string]
}

// outcomeWord is what an activity's outcome text says.
type outcomeWord struct {
	o       repcard.Outcome
	planned bool
}

// errSkip marks a row that is not data (no counts on a tally row): skipped,
// not an issue.
var errSkip = errors.New("skip")

// value returns the first non-blank cell among the field's columns, and the
// column it came from (-1 when all are blank).
func (c *converter) value(row []string, f field) (string, int) {
	for _, i := range c.l.cols[f] {
		if i < len(row) {
			if v := strings.TrimSpace(row[i]); v != "" {
				return v, i
			}
		}
	}
	if len(c.l.cols[f]) > 0 {
		return "", c.l.cols[f][0]
	}
	return "", -1
}

// fail reports the row as an issue of the kind, about column col (-1 for
// none) and its raw value, and returns errLeftOut.
func (c *converter) fail(col int, raw string, kind repcard.IssueKind, detail string) error {
	name := ""
	if col >= 0 {
		name = c.l.columnName(col)
	}
	c.issues(repcard.Issue{File: c.src.File, Sheet: c.src.Sheet, Row: c.src.Row, Column: name, Raw: raw, Kind: kind, Detail: detail})
	return errLeftOut
}

// errLeftOut says the row was reported as an issue and left out.
var errLeftOut = errors.New("left out")

// date reads the date of field f. A blank date is the zero Date, or an
// issue of kind missing when the date is required.
func (c *converter) date(row []string, f field, required bool, missing repcard.IssueKind) (repcard.Date, error) {
	v, col := c.value(row, f)
	if blankLike(v) {
		if required {
			return 0, c.fail(col, v, missing, "")
		}
		return 0, nil
	}
	d, err := c.parseDate(v, col)
	switch {
	case errors.Is(err, cell.ErrAmbiguous):
		return 0, c.fail(col, v, repcard.IssueAmbiguousDate, "")
	case errors.Is(err, cell.ErrNotDateAtAll):
		return 0, c.fail(col, v, repcard.IssueBadDate, "") // the message would only repeat "not a date"
	case err != nil:
		return 0, c.fail(col, v, repcard.IssueBadDate, err.Error())
	}
	if y, _, _ := d.YMD(); y < minYear || y > maxYear {
		return 0, c.fail(col, v, repcard.IssueDateOutOfRange, "")
	}
	return d, nil
}

// parseDate reads a date cell. A plain number is an Excel serial (xlsx
// cells typed as dates arrive that way).
func (c *converter) parseDate(v string, col int) (repcard.Date, error) {
	if isSerial(v) {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return cell.DateFromSerial(f, c.date1904)
		}
	}
	return cell.ParseDate(v, c.rules.dateOrder[col])
}

// isSerial reports a plain decimal number such as 45961 or 45961.5.
func isSerial(v string) bool {
	if v == "" {
		return false
	}
	dot := false
	for i := 0; i < len(v); i++ {
		switch b := v[i]; {
		case b >= '0' && b <= '9':
		case b == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return true
}

func (c *converter) money(row []string, f field) (repcard.Money, bool, error) {
	v, col := c.value(row, f)
	if blankLike(v) {
		return 0, false, nil
	}
	m, err := cell.ParseMoney(v, c.rules.decimal[col])
	if err != nil {
		return 0, false, c.fail(col, v, repcard.IssueBadNumber, err.Error())
	}
	return m, true, nil
}

func (c *converter) count(row []string, f field) (int, bool, error) {
	v, col := c.value(row, f)
	if blankLike(v) {
		return 0, false, nil
	}
	n, err := cell.ParseCount(v, c.rules.decimal[col])
	switch {
	case errors.Is(err, cell.ErrNegativeCount):
		return 0, false, c.fail(col, v, repcard.IssueNegativeCount, "")
	case err != nil:
		return 0, false, c.fail(col, v, repcard.IssueBadNumber, err.Error())
	}
	return n, true, nil
}

func (c *converter) text(row []string, f field) string {
	v, _ := c.value(row, f)
	return v
}

// fill sets rec from row. It returns errLeftOut when the row was reported,
// errSkip when the row is not data.
func (c *converter) fill(rec *repcard.Record, row []string) error {
	*rec = repcard.Record{Kind: c.l.kind, Src: c.src}
	if c.l.kind == repcard.KindRoster {
		return c.fillRoster(rec, row)
	}
	if c.l.has(fRep) {
		v, col := c.value(row, fRep)
		if v == "" {
			return c.fail(col, "", repcard.IssueNoRep, "")
		}
		if rec.Rep = c.reps.get(v, c.roster.canonical); rec.Rep == "" {
			return c.fail(col, v, repcard.IssueNoRep, "") // only spaces or control characters
		}
	} else if c.rep != "" {
		rec.Rep = c.rep
	} else {
		return c.fail(-1, "", repcard.IssueNoRepForSheet, "")
	}
	switch c.l.kind {
	case repcard.KindDeals:
		return c.fillDeal(rec, row)
	case repcard.KindActivities:
		return c.fillActivity(rec, row)
	case repcard.KindTallies:
		return c.fillTally(rec, row)
	}
	return nil
}

func (c *converter) fillCommon(rec *repcard.Record, row []string) error {
	var err error
	rec.Prospect = c.text(row, fProspect)
	rec.LossReason = c.text(row, fLossReason)
	rec.Stage = c.text(row, fStage)
	rec.DealID = canonicalID(c.text(row, fDealID))
	if rec.Amount, rec.HasAmount, err = c.money(row, fAmount); err != nil {
		return err
	}
	if rec.Commission, rec.HasCommission, err = c.money(row, fCommission); err != nil {
		return err
	}
	if v, col := c.value(row, fReferralAsked); col >= 0 {
		rec.Referral = c.words.referralAsked(v)
	}
	if rec.NextFollowUp, err = c.date(row, fNextFollowUp, false, 0); err != nil {
		return err
	}
	return nil
}

func (c *converter) fillDeal(rec *repcard.Record, row []string) error {
	if c.l.sale {
		return c.fillSale(rec, row)
	}
	status := c.text(row, fStatus)
	rec.OutcomeText = status
	rec.Outcome = c.statuses.get(status, c.words.status)
	decided := rec.Outcome != repcard.OutcomeOpen
	var err error
	if rec.Date, err = c.date(row, fDate, decided, repcard.IssueDecidedWithoutClose); err != nil {
		return err
	}
	if err := c.fillCommon(rec, row); err != nil {
		return err
	}
	rec.ID = rec.DealID
	if rec.Created, err = c.date(row, fCreated, false, 0); err != nil {
		return err
	}
	if v, col := c.value(row, fProbability); !blankLike(v) {
		p, err := cell.ParsePercent(v, c.rules.decimal[col])
		if err != nil || p < 0 || p > 100 {
			msg := "probability must be 0–100 %"
			if err != nil {
				msg = err.Error()
			}
			return c.fail(col, v, repcard.IssueBadNumber, msg)
		}
		rec.Probability, rec.HasProbability = p, true
	}
	return nil
}

func (c *converter) fillActivity(rec *repcard.Record, row []string) error {
	var err error
	if rec.Date, err = c.date(row, fDate, true, repcard.IssueNoDate); err != nil {
		return err
	}
	if err := c.fillCommon(rec, row); err != nil {
		return err
	}
	rec.Type = c.l.fixedType
	if t := c.text(row, fType); t != "" {
		rec.Type = c.types.get(t, activityType)
	}
	out := c.text(row, fOutcome)
	rec.OutcomeText = out
	ow := c.outcomes.get(out, func(s string) outcomeWord {
		o, planned := c.words.outcome(s)
		return outcomeWord{o, planned}
	})
	rec.Outcome, rec.Planned = ow.o, ow.planned
	if v, col := c.value(row, fDone); col >= 0 && c.words.notDone(v) {
		rec.Planned = true
	}
	rec.ID = canonicalID(c.text(row, fActivityID))
	return nil
}

func (c *converter) fillTally(rec *repcard.Record, row []string) error {
	var err error
	if rec.Date, err = c.date(row, fDate, true, repcard.IssueNoDate); err != nil {
		return err
	}
	any := false
	n, ok, err := c.count(row, fContacts)
	if err != nil {
		return err
	}
	if ok {
		rec.Contacts, any = n, true
	} else {
		for _, f := range countFields {
			n, ok, err := c.count(row, f)
			if err != nil {
				return err
			}
			if ok {
				rec.Contacts += n
				any = true
			}
		}
	}
	if rec.Closings, rec.HasClosings, err = c.count(row, fClosings); err != nil {
		return err
	}
	if rec.Rejections, _, err = c.count(row, fRejections); err != nil {
		return err
	}
	if rec.ReferralAsks, _, err = c.count(row, fReferralAsks); err != nil {
		return err
	}
	if rec.Amount, rec.HasAmount, err = c.money(row, fAmount); err != nil {
		return err
	}
	if rec.Commission, rec.HasCommission, err = c.money(row, fCommission); err != nil {
		return err
	}
	if !any && !rec.HasClosings && !rec.HasCommission && !rec.HasAmount {
		return errSkip // a dated row not filled in yet
	}
	return nil
}

func (c *converter) fillRoster(rec *repcard.Record, row []string) error {
	v, col := c.value(row, fRep)
	if rec.Rep = untrusted.Name(v); rec.Rep == "" {
		return c.fail(col, v, repcard.IssueNoRep, "")
	}
	rec.Manager = untrusted.Name(c.text(row, fManager))
	rec.Office = untrusted.Name(c.text(row, fOffice))
	rec.Email = strings.ToLower(strings.TrimSpace(c.text(row, fEmail)))
	if a := c.text(row, fAliases); a != "" {
		for _, s := range strings.FieldsFunc(a, func(r rune) bool { return r == ';' || r == '|' || r == '\n' }) {
			if s = untrusted.Name(s); s != "" {
				rec.Aliases = append(rec.Aliases, s)
			}
		}
	}
	var err error
	if rec.Date, err = c.date(row, fStartDate, false, 0); err != nil {
		return err
	}
	return nil
}
