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
	minYear = repcard.MinYear
	maxYear = repcard.MaxYear
)

// words are config.Words folded for matching.
type words struct {
	won, lost, open, maybe, planned, noContact, noOwner, referral map[string]bool
}

func foldSet(list []string, fold func(string) string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		if k := fold(w); k != "" {
			m[k] = true
		}
	}
	return m
}

// ownerKey folds an owner cell for words.no_owner as normHeader folds the
// other words, but keeps a cell of punctuation only ("-", "—") as written,
// trimmed: normHeader would fold it to nothing.
func ownerKey(s string) string {
	if k := normHeader(s); k != "" {
		return k
	}
	return strings.TrimSpace(s)
}

func wordsOf(w config.Words) words {
	return words{
		won: foldSet(w.Won, normHeader), lost: foldSet(w.Lost, normHeader), open: foldSet(w.Open, normHeader),
		maybe: foldSet(w.Maybe, normHeader), planned: foldSet(w.Planned, normHeader),
		noContact: foldSet(w.NoContact, normHeader), noOwner: foldSet(w.NoOwner, ownerKey),
		referral: foldSet(w.Referral, normHeader),
	}
}

// statusWord is what a deal status word says. unknown is a word that is in
// none of words.won, words.lost and words.open: its row is open only when
// its sheet says so (converter.openStage).
type statusWord struct {
	o       repcard.Outcome
	unknown bool
}

// status reads a deal status or stage word. A blank status is open.
func (w *words) status(s string) statusWord {
	k := normHeader(s)
	switch {
	case w.won[k] || strings.HasPrefix(k, "closedwon"):
		return statusWord{o: repcard.OutcomeWon}
	case w.lost[k] || strings.HasPrefix(k, "closedlost"):
		return statusWord{o: repcard.OutcomeLost}
	case k == "" || w.open[k]:
		return statusWord{o: repcard.OutcomeOpen}
	}
	return statusWord{o: repcard.OutcomeOpen, unknown: true}
}

// outcome reads an activity outcome: planned is a touch not yet done ("Not
// Started", "Scheduled"), noContact one that did not take place
// ("Cancelled", "No show"), written in the outcome column.
func (w *words) outcome(s string) outcomeWord {
	k := normHeader(s)
	switch {
	case k == "":
		return outcomeWord{}
	case w.won[k] || strings.HasPrefix(k, "closedwon"):
		return outcomeWord{o: repcard.OutcomeWon}
	case w.lost[k] || strings.HasPrefix(k, "closedlost"):
		return outcomeWord{o: repcard.OutcomeLost}
	case w.maybe[k]:
		return outcomeWord{o: repcard.OutcomeMaybe}
	case w.noContact[k]:
		return outcomeWord{noContact: true}
	case w.planned[k] && k != "no" && k != "false":
		return outcomeWord{planned: true}
	}
	return outcomeWord{}
}

// done reads a "done" column: To do, Not Started, no, false → planned (not
// done); Cancelled, No show → noContact (a Zoho call's Status).
func (w *words) done(s string) outcomeWord {
	k := normHeader(s)
	switch {
	case k == "":
		return outcomeWord{}
	case w.planned[k]:
		return outcomeWord{planned: true}
	case w.noContact[k]:
		return outcomeWord{noContact: true}
	}
	v, ok := cell.ParseBool(s)
	return outcomeWord{planned: ok && !v}
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
// meeting, visit and social — in English and in the languages the header
// synonyms read (Llamada, Appel, Anruf, Reunión, Rendez-vous, Termin…);
// anything else stays as written, lowercased.
func activityType(s string) string {
	k := normHeader(s)
	if k == "" {
		return ""
	}
	for _, t := range touchTypes {
		for _, w := range t.words {
			if strings.Contains(k, w) {
				return t.name
			}
		}
	}
	switch k {
	case "dm", "text":
		return "social"
	case "termin": // German for an appointment; as a substring it is also "terminated"
		return "meeting"
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// touchTypes are the words (folded by normHeader, found anywhere in the
// cell) of each kind of touch, tried in this order.
var touchTypes = []struct {
	name  string
	words []string
}{
	{"call", []string{"call", "phone", "dial", "llamada", "ligação", "ligacao", "telefon", "appel", "anruf", "chiamata", "gesprek", "belletje", "bellen"}},
	{"email", []string{"mail", "correo", "courriel"}},
	{"meeting", []string{"meeting", "demo", "appointment", "presentation", "reunión", "reunion", "reunião", "reuniao", "rendezvous",
		"rdv", "réunion", "kundentermin", "besprechung", "treffen", "incontro", "appuntamento", "riunione", "afspraak", "vergadering"}},
	{"visit", []string{"visit", "door", "walkin", "visita", "visite", "besuch", "bezoek"}},
	{"social", []string{"linkedin", "social", "message", "sms", "whatsapp", "mensaje", "mensagem", "nachricht", "messaggio", "bericht"}},
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
	warnings func(repcard.Issue)
	cur      *currencies // the report's currency and the exchange rates
	total    *moneyTotal // the amounts of the inbox so far (moneycap.go)

	// stageColumn: the status column is a stage column (Stage, Deal
	// Stage); stagesKnown: the sheet's first rows hold a won and a lost word
	// in it. Either lets a status word no list holds be an open stage.
	stageColumn, stagesKnown bool
	tally                    *wordTally

	reps     memo[owner]
	statuses memo[statusWord]
	outcomes memo[outcomeWord]
	dones    memo[outcomeWord]
	types    memo[string]
}

// outcomeWord is what an activity's outcome or done text says.
type outcomeWord struct {
	o         repcard.Outcome
	planned   bool
	noContact bool
}

// owner is what a rep cell says: the rep's name, or a placeholder owner
// (words.no_owner) that is no rep.
type owner struct {
	rep         string
	placeholder bool
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
		o := c.reps.get(v, c.owner)
		if o.placeholder {
			return c.fail(col, v, repcard.IssueNoOwner, v)
		}
		if rec.Rep = o.rep; rec.Rep == "" {
			return c.fail(col, v, repcard.IssueNoRep, "") // only spaces or control characters
		}
	} else if c.rep != "" {
		rec.Rep = c.rep
	} else {
		return c.fail(-1, "", repcard.IssueNoRepForSheet, "")
	}
	var err error
	switch c.l.kind {
	case repcard.KindDeals:
		err = c.fillDeal(rec, row)
	case repcard.KindActivities:
		err = c.fillActivity(rec, row)
	case repcard.KindTallies:
		err = c.fillTally(rec, row)
	}
	if err != nil {
		return err
	}
	return c.checkAmounts(rec, row)
}

// owner reads a rep cell: a placeholder owner, or the rep's roster name.
// An owner written as an e-mail address that the roster does not name is
// tallied, so that check can say a roster with an Email column would.
func (c *converter) owner(v string) owner {
	if c.words.noOwner[ownerKey(v)] {
		return owner{placeholder: true}
	}
	rep := c.roster.canonical(withoutDeactivated(v))
	if _, known := c.roster.lookup(rep); !known && isEmail(rep) {
		c.tally.emailOwner(rep)
	}
	return owner{rep: rep}
}

// deactivatedMarks are what CRMs append to the name of a user who has left
// ("Eva Müller (Deactivated User)" in HubSpot): the deals are still hers.
var deactivatedMarks = []string{"(deactivated user)", "(deactivated)", "(inactive user)", "(inactive)", "[deactivated]", "[inactive]"}

// withoutDeactivated is the owner v without a deactivation mark at its end.
func withoutDeactivated(v string) string {
	t := strings.TrimSpace(v)
	lower := strings.ToLower(t)
	for _, m := range deactivatedMarks {
		if strings.HasSuffix(lower, m) && len(t) > len(m) {
			return strings.TrimSpace(t[:len(t)-len(m)])
		}
	}
	return v
}

// isEmail reports text shaped like an e-mail address: one @ with text on
// both sides and a dot after it, and no spaces.
func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at == strings.LastIndexByte(s, '@') && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s, " \t")
}

func (c *converter) fillCommon(rec *repcard.Record, row []string) error {
	var err error
	rec.Prospect = c.text(row, fProspect)
	rec.LossReason = c.text(row, fLossReason)
	rec.Stage = c.text(row, fStage)
	rec.DealID = canonicalID(c.text(row, fDealID))
	if rec.Amount, rec.HasAmount, err = c.amount(row); err != nil {
		return err
	}
	if rec.Commission, rec.HasCommission, err = c.commission(row); err != nil {
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
	status, col := c.value(row, fStatus)
	rec.OutcomeText = status
	sw := c.statuses.get(status, c.words.status)
	if sw.unknown {
		if !c.openStage(row) {
			c.tally.unknownStatus(status)
			return c.fail(col, status, repcard.IssueUnknownStatus, status)
		}
		c.tally.openStage(status)
	}
	rec.Outcome = sw.o
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
	ow := c.outcomes.get(out, c.words.outcome)
	rec.Outcome, rec.Planned, rec.NoContact = ow.o, ow.planned, ow.noContact
	if v, col := c.value(row, fDone); col >= 0 {
		dw := c.dones.get(v, c.words.done)
		rec.Planned = rec.Planned || dw.planned
		rec.NoContact = rec.NoContact || dw.noContact
	}
	rec.ID = canonicalID(c.text(row, fActivityID))
	return nil
}

func (c *converter) fillTally(rec *repcard.Record, row []string) error {
	var err error
	if rec.Date, err = c.tallyDate(row); err != nil { // permonth.go
		return err
	}
	rec.Span = c.l.tallySpan()
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
	rec.HasContacts = any
	if rec.ReferralAsks, rec.HasReferralAsks, err = c.count(row, fReferralAsks); err != nil {
		return err
	}
	if rec.Amount, rec.HasAmount, err = c.amount(row); err != nil {
		return err
	}
	if rec.Commission, rec.HasCommission, err = c.commission(row); err != nil {
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
	rec.ManagerEmail = strings.ToLower(strings.TrimSpace(c.text(row, fManagerEmail)))
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
