package repcard

// Outcome is what a row says happened, folded from status and outcome words
// (config "words") into a few classes.
type Outcome uint8

// The outcome classes. OutcomeNone is a touch with no stated result (no
// answer, left voicemail); OutcomeOpen is an open deal.
const (
	OutcomeNone  Outcome = iota
	OutcomeWon           // a won deal, a sale
	OutcomeLost          // a lost deal, a rejection: an explicit no
	OutcomeMaybe         // follow up, call back, maybe, later
	OutcomeOpen          // an open deal, still in the pipeline
)

func (o Outcome) String() string {
	switch o {
	case OutcomeWon:
		return "won"
	case OutcomeLost:
		return "lost"
	case OutcomeMaybe:
		return "maybe"
	case OutcomeOpen:
		return "open"
	}
	return ""
}

// Span is the stretch of time one tally row counts.
type Span uint8

// The spans of a tally. SpanDay is also a tally whose sheet does not say:
// a row dated by a day is read as that day's.
const (
	SpanDay Span = iota
	SpanWeek
	SpanMonth
)

// Tri is a yes/no value that may be absent.
type Tri int8

// The values of a Tri.
const (
	Unknown Tri = iota
	Yes
	No
)

// Record is one typed row of any kind. Which fields are set depends on Kind;
// absent values are zero (a zero Date is "no date"), and HasAmount,
// HasCommission and HasProbability tell a blank from a zero.
type Record struct {
	Kind Kind
	Src  Src

	// Rep is the rep's canonical name: trimmed, whitespace-collapsed and
	// mapped through roster aliases and emails.
	Rep string

	// Date is when the row happened: the touch (activities), the close or
	// expected close (deals; zero for an open deal with none), the day, week
	// or month tallied (tallies), the start date (roster).
	Date Date

	// Activities and deals.
	Type         string  // activity type, lowercased: "call", "email", "meeting"…
	Planned      bool    // a touch not done yet (To do, Not Started): not a contact
	NoContact    bool    // a touch that did not take place (Cancelled, No show, Rescheduled): not a contact
	Prospect     string  // account or contact
	Outcome      Outcome // deals: won, lost or open; activities: won, lost, maybe or none
	OutcomeText  string  // the raw status or outcome word, trimmed
	ID           string  // deal id or activity id, when the sheet has one
	DealID       string  // for an activity, the deal it belongs to
	LossReason   string  // trimmed, as written
	Stage        string  // as written
	Referral     Tri     // was a referral asked (after a no)
	NextFollowUp Date
	Created      Date // deals: created date

	// StageReached is, for a deal decided in the newest export, the stage
	// an older export of the same deal had it open at: the stage it reached
	// before it was lost or won. Set by the reader; "" when no older export
	// holds the deal open.
	StageReached string

	Amount         Money
	HasAmount      bool
	Commission     Money
	HasCommission  bool
	Probability    float64 // per cent, 0–100
	HasProbability bool

	// Tallies: counts for the day, week or month of Date. Contacts is the
	// total of all contact counts (per-type counts are summed into it).
	Contacts     int
	Closings     int
	Rejections   int
	ReferralAsks int
	HasClosings  bool
	// HasContacts and HasReferralAsks say that the row counts contacts
	// (or calls, emails…) and referral asks: a tally sheet with no such
	// column does not track them, which is not a count of 0.
	HasContacts     bool
	HasReferralAsks bool

	// Span is how long a tally's counts run from Date: a day, a week or a
	// month. A week report takes a day's or a week's counts into the week
	// of Date, and a month's into none.
	Span Span

	// Roster.
	Manager string
	Office  string
	Email   string
	Aliases []string
	// ManagerEmail is the manager's address, from a "Manager email"
	// column: for a manager who has no roster row of their own.
	ManagerEmail string
}

// Input is what happened to one sheet (or one unreadable file): its kind, how
// its header was mapped, and where its rows went. Rows = Used + LeftOut +
// Duplicates; Skipped counts title, blank, total and repeated header rows,
// which are not data.
type Input struct {
	File    string `json:"file"`
	Sheet   string `json:"sheet"`
	Kind    Kind   `json:"kind"`
	Mapping string `json:"mapping,omitempty"`  // "preset salesforce", "config mapping[0]", "synonyms"
	RepFrom string `json:"rep_from,omitempty"` // for sheets with no rep column: "header block", "sheet name", "file name", "config"
	Reason  string `json:"reason,omitempty"`   // why kind is none, or why the file could not be read; one line
	// Suggest, for a sheet of kind none with a rep or a date column, is a
	// config "mapping:" block (YAML, several lines) of the reader's best
	// guesses, ready to paste into config.yaml.
	Suggest    string  `json:"suggest,omitempty"`
	HeaderRow  int     `json:"header_row,omitempty"`
	Rows       int     `json:"rows"`
	Used       int     `json:"used"`
	LeftOut    int     `json:"left_out"`
	Duplicates int     `json:"duplicates"`
	Skipped    int     `json:"skipped"`
	NotRead    NotRead `json:"not_read,omitempty"` // for a sheet of kind none that was read to its header rows: whether it looks like sales data
}

// NotRead says what a sheet of kind none looked like, when it could be read
// but no kind fits its header: "" for every other input (a sheet of a kind,
// or a file or sheet that could not be read, which is an issue already).
type NotRead string

// The classes of a sheet not read.
const (
	// NotReadSalesData looks like sales data — a rep column; or a date
	// column with an amount, a status or outcome, or contact counts — but
	// no kind fits it: an issue of kind IssueSheetNotRead, which counts as
	// left out.
	NotReadSalesData NotRead = "sales_data"
	// NotReadNotSalesData is plainly not sales data: an empty sheet, a line
	// of text, a product or account list. Its issue, of kind
	// IssueNotSalesData, leaves nothing out.
	NotReadNotSalesData NotRead = "not_sales_data"
)

// NotReadIssue is the issue of an input that was not read (NotRead set):
// IssueSheetNotRead or IssueNotSalesData, with the input's Reason as its
// Detail. ok is false for any other input.
func (in Input) NotReadIssue() (is Issue, ok bool) {
	kind := IssueNotSalesData
	switch in.NotRead {
	case "":
		return is, false
	case NotReadSalesData:
		kind = IssueSheetNotRead
	}
	return Issue{File: in.File, Sheet: in.Sheet, Kind: kind, Detail: in.Reason}, true
}
