package reader

import (
	"strings"
	"unicode"

	"github.com/repcard/repcard"
)

// field is one thing a column can mean, whatever its header says.
type field uint8

// The fields a header cell can map to. The names (fieldNames) are the ones
// config mapping.columns uses, but for quantity and unit_price, which only
// the sales-log reading of a sheet uses (see salesLog).
const (
	fNone field = iota
	fRep
	fDate
	fType
	fProspect
	fOutcome
	fStatus
	fDealID
	fActivityID
	fAmount
	fCommission
	fLossReason
	fStage
	fReferralAsked
	fNextFollowUp
	fCreated
	fProbability
	fDone
	fContacts
	fCalls
	fEmails
	fMeetings
	fVisits
	fSocial
	fClosings
	fRejections
	fReferralAsks
	fManager
	fOffice
	fEmail
	fStartDate
	fAliases
	fCurrency          // the currency code of the amount (and commission) columns
	fConvertedAmount   // the amount converted to one currency (Salesforce "Amount (converted)")
	fConvertedCurrency // the currency code of fConvertedAmount
	fQuantity
	fUnitPrice
	fManagerEmail // the manager's address on a rep's roster row
	numFields
)

var fieldNames = [numFields]string{
	fRep: "rep", fDate: "date", fType: "type", fProspect: "prospect", fOutcome: "outcome",
	fStatus: "status", fDealID: "deal_id", fActivityID: "activity_id", fAmount: "amount",
	fCommission: "commission", fLossReason: "loss_reason", fStage: "stage",
	fReferralAsked: "referral_asked", fNextFollowUp: "next_follow_up", fCreated: "created",
	fProbability: "probability", fDone: "done", fContacts: "contacts", fCalls: "calls",
	fEmails: "emails", fMeetings: "meetings", fVisits: "visits", fSocial: "social",
	fClosings: "closings", fRejections: "rejections", fReferralAsks: "referral_asks",
	fManager: "manager", fOffice: "office", fEmail: "email", fStartDate: "start_date",
	fAliases:  "aliases",
	fCurrency: "currency", fConvertedAmount: "converted_amount", fConvertedCurrency: "converted_currency",
	fQuantity: "quantity", fUnitPrice: "unit_price", fManagerEmail: "manager_email",
}

func (f field) String() string { return fieldNames[f] }

// fieldByName returns the field a config mapping names, or fNone.
func fieldByName(name string) field {
	for f, n := range fieldNames {
		if n == name && f != int(fNone) {
			return field(f)
		}
	}
	return fNone
}

// countFields are the per-type contact counts a tally sheet may have instead
// of one contacts column.
var countFields = []field{fCalls, fEmails, fMeetings, fVisits, fSocial}

// kindSpec says which fields a kind needs. Kinds are tried in this order, the
// most specific first, so a deals sheet (which also has a rep and a date) is
// not taken for activities.
type kindSpec struct {
	kind repcard.Kind
	// required are needed besides the rep; anyOf, when set, needs at least one.
	required []field
	anyOf    []field
	// repless says the kind may take its rep from the sheet or file name when
	// it has no rep column; then extra fields must be present so that any
	// dated table is not taken for one.
	repless      bool
	replessExtra []field
}

var kindSpecs = []kindSpec{
	{kind: repcard.KindDeals, required: []field{fStatus, fDate}, repless: true},
	{kind: repcard.KindTallies, required: []field{fDate}, anyOf: append([]field{fContacts, fClosings}, countFields...), repless: true},
	{kind: repcard.KindActivities, required: []field{fDate}, repless: true, replessExtra: []field{fType, fOutcome}},
	{kind: repcard.KindRoster, anyOf: []field{fManager, fOffice, fEmail, fAliases, fStartDate}},
}

// normHeader folds a header cell for matching: lower case, letters and digits
// only ("Close Date/Expected Close Date" → "closedateexpectedclosedate",
// "Probability (%)" → "probability").
func normHeader(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldAll is normHeader of each name.
func foldAll(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = normHeader(n)
	}
	return out
}
