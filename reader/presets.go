package reader

import "github.com/repcard/repcard"

// table maps header names to fields for one kind. Presets describe one
// tracker's export and are recognised by a signature header; the synonym
// tables (one per kind) catch everything else. Names are written as people
// see them and folded with normHeader when the tables are built.
type table struct {
	name string
	kind repcard.Kind
	// sig: at least one of these headers must be present for a preset to
	// apply. Synonym tables have none.
	sig []string
	// cols lists, per field, the header names that mean it, best first.
	// When several are present the first non-blank value wins, so a
	// Pipedrive deal takes "Won time", else "Lost time", else "Expected close
	// date".
	cols map[field][]string
	// fixedType is the activity type of every row when the export is of one
	// type only (a call log).
	fixedType string
}

// presets are tried in order; the first whose signature is present and whose
// columns satisfy its kind wins.
var presets = []table{
	{
		name: "pipedrive", kind: repcard.KindDeals,
		sig: []string{"Deal - Status", "Deal - Title", "Deal - Value"},
		cols: map[field][]string{
			fRep:         {"Deal - Owner", "Deal - Owner name", "Deal - User"},
			fStatus:      {"Deal - Status"},
			fStage:       {"Deal - Stage"},
			fDate:        {"Deal - Won time", "Deal - Lost time", "Deal - Deal closed on", "Deal - Close time", "Deal - Expected close date"},
			fAmount:      {"Deal - Value"},
			fLossReason:  {"Deal - Lost reason"},
			fProspect:    {"Deal - Organization", "Deal - Organization name", "Deal - Contact person", "Deal - Title"},
			fDealID:      {"Deal - ID"},
			fCreated:     {"Deal - Deal created", "Deal - Add time"},
			fProbability: {"Deal - Probability"},
		},
	},
	{
		name: "pipedrive", kind: repcard.KindActivities,
		sig: []string{"Activity - Assigned to user", "Activity - Done", "Activity - Due date", "Activity - Type"},
		cols: map[field][]string{
			fRep:          {"Activity - Assigned to user", "Activity - User", "Activity - Creator"},
			fDate:         {"Activity - Marked as done time", "Activity - Due date", "Activity - Add time"},
			fType:         {"Activity - Type"},
			fDone:         {"Activity - Done"},
			fProspect:     {"Activity - Organization", "Organization - Name", "Activity - Contact person"},
			fDealID:       {"Activity - Deal ID", "Deal - ID"},
			fActivityID:   {"Activity - ID"},
			fOutcome:      {"Activity - Outcome", "Activity - Result"},
			fNextFollowUp: {"Activity - Next follow-up"},
		},
	},
	{
		name: "zoho", kind: repcard.KindDeals,
		// Potentials is the old name of Zoho's Deals module, still in many
		// exports.
		sig: []string{"Closing Date", "Reason For Loss", "Reason For Loss__s", "Deal Owner Id", "Deal Name", "Potential Name", "Potential Owner"},
		cols: map[field][]string{
			fRep:         {"Deal Owner", "Potential Owner", "Owner"},
			fStatus:      {"Stage"},
			fStage:       {"Stage"},
			fDate:        {"Closing Date"},
			fAmount:      {"Amount"},
			fLossReason:  {"Reason For Loss", "Reason For Loss__s", "Lost Reason"},
			fProspect:    {"Account Name", "Contact Name", "Deal Name", "Potential Name"},
			fDealID:      {"Record Id", "Deal Id", "Potential Id", "Id"},
			fCreated:     {"Created Time"},
			fProbability: {"Probability (%)", "Probability"},
		},
	},
	{
		name: "zoho", kind: repcard.KindActivities,
		sig: []string{"Call Owner", "Call Start Time", "Call Result", "Call Type", "Activity Owner"},
		cols: map[field][]string{
			fRep:        {"Call Owner", "Activity Owner", "Owner"},
			fDate:       {"Call Start Time", "Start Date Time", "Due Date", "Created Time"},
			fType:       {"Activity Type"},
			fOutcome:    {"Call Result", "Outcome"},
			fProspect:   {"Related To", "What Id", "Account Name", "Contact Name"},
			fActivityID: {"Record Id", "Id"},
			fDone:       {"Status"},
		},
		fixedType: "call",
	},
	{
		name: "zoho", kind: repcard.KindActivities,
		sig: []string{"Event Owner", "Start DateTime", "End DateTime", "Venue", "Event Title", "Participants"},
		cols: map[field][]string{
			fRep:        {"Event Owner", "Host"},
			fDate:       {"Start DateTime", "Start Date Time", "From"},
			fProspect:   {"Related To", "What Id", "Account Name", "Contact Name"},
			fActivityID: {"Record Id", "Id"},
		},
		fixedType: "meeting",
	},
	{
		name: "hubspot", kind: repcard.KindDeals,
		sig: []string{"Deal Stage", "Deal Name", "Deal owner", "Create Date", "Record ID"},
		cols: map[field][]string{
			fRep:         {"Deal owner", "HubSpot Owner", "Owner"},
			fStatus:      {"Deal Stage"},
			fStage:       {"Deal Stage"},
			fDate:        {"Close Date"},
			fAmount:      {"Amount", "Amount in company currency"},
			fLossReason:  {"Closed Lost Reason"},
			fProspect:    {"Associated Company", "Company name", "Associated Company (Primary)", "Deal Name"},
			fDealID:      {"Record ID", "Deal ID"},
			fCreated:     {"Create Date"},
			fProbability: {"Deal probability"},
		},
	},
	{
		name: "hubspot", kind: repcard.KindActivities,
		sig: []string{"Activity assigned to", "Activity date", "Call outcome", "Activity type"},
		cols: map[field][]string{
			fRep:           {"Activity assigned to", "Assigned to", "HubSpot Owner", "Activity owner"},
			fDate:          {"Activity date", "Create date", "Timestamp"},
			fType:          {"Activity type", "Engagement type"},
			fOutcome:       {"Call outcome", "Meeting outcome", "Outcome"},
			fProspect:      {"Associated company", "Company name", "Associated contact"},
			fActivityID:    {"Activity ID", "Record ID"},
			fDealID:        {"Associated deal", "Associated deal ID"},
			fDone:          {"Task status"},
			fReferralAsked: {"Referral asked"},
			fNextFollowUp:  {"Next follow-up date"},
		},
	},
	{
		name: "salesforce", kind: repcard.KindDeals,
		sig: []string{"Opportunity Owner", "Opportunity Name", "Opportunity ID", "Account Name", "Stage"},
		cols: map[field][]string{
			fRep:         {"Opportunity Owner", "Owner Full Name", "Owner"},
			fStatus:      {"Stage"},
			fStage:       {"Stage"},
			fDate:        {"Close Date"},
			fAmount:      {"Amount", "Amount (converted)", "Total Price"},
			fLossReason:  {"Loss Reason", "Closed Lost Reason", "Reason Lost", "Lost Reason"},
			fProspect:    {"Account Name", "Account"},
			fDealID:      {"Opportunity ID", "Opportunity Id", "18 Character Opportunity ID"},
			fCreated:     {"Created Date"},
			fProbability: {"Probability (%)", "Probability"},
			fCommission:  {"Commission", "Commission Amount"},
		},
	},
	{
		name: "salesforce", kind: repcard.KindActivities,
		sig: []string{"Assigned", "Task/Event Type", "Call Result", "Subject", "Company / Account"},
		cols: map[field][]string{
			fRep:        {"Assigned", "Assigned To", "Assigned Full Name"},
			fDate:       {"Date", "Due Date", "Activity Date", "Completed Date/Time"},
			fType:       {"Task Subtype", "Type", "Task/Event Type", "Activity Type"},
			fOutcome:    {"Call Result", "Result"},
			fDone:       {"Status"},
			fProspect:   {"Company / Account", "Account Name", "Account", "Company"},
			fActivityID: {"Activity ID", "Task ID"},
		},
	},
	{
		name: "close", kind: repcard.KindDeals,
		sig: []string{"status_type", "date_won", "lead_name", "user_name"},
		cols: map[field][]string{
			fRep:         {"user_name", "user"},
			fStatus:      {"status_type", "status_label"},
			fStage:       {"status_label"},
			fDate:        {"date_won", "date_lost", "close_date", "expected_date"},
			fAmount:      {"value", "annualized_value"},
			fProspect:    {"lead_name", "contact_name"},
			fDealID:      {"id", "opportunity_id"},
			fCreated:     {"date_created"},
			fProbability: {"confidence"},
			fLossReason:  {"lost_reason", "note"},
		},
	},
	{
		// Dynamics 365 Sales opportunities: amounts in the record's
		// currency ("Currency" holds its name) and in the org's base
		// currency, "(Base)".
		name: "dynamics", kind: repcard.KindDeals,
		sig: []string{"Est. Close Date", "Est. Revenue", "Actual Close Date", "Actual Revenue", "Potential Customer"},
		cols: map[field][]string{
			fRep:         {"Owner"},
			fStatus:      {"Status"},
			fStage:       {"Pipeline Phase", "Sales Stage"},
			fDate:        {"Actual Close Date", "Est. Close Date"},
			fAmount:      {"Actual Revenue", "Est. Revenue"},
			fLossReason:  {"Status Reason"},
			fProspect:    {"Potential Customer", "Account", "Topic"},
			fCreated:     {"Created On"},
			fProbability: {"Probability"},
		},
	},
	{
		name: "close", kind: repcard.KindActivities,
		sig: []string{"user_name", "lead_name", "disposition"},
		cols: map[field][]string{
			fRep:        {"user_name", "user"},
			fDate:       {"date_created", "activity_at", "date"},
			fType:       {"_type", "type", "activity_type"},
			fOutcome:    {"disposition", "outcome"},
			fProspect:   {"lead_name", "contact_name"},
			fActivityID: {"id", "activity_id"},
		},
	},
}

// synonyms are the generic header names, per kind, for exports no preset
// knows: sales_agent, Deal Owner, Assigned to, Owner, and their relatives.
var synonyms = map[repcard.Kind]map[field][]string{
	repcard.KindDeals: {
		fRep:           repNames,
		fStatus:        {"status", "deal status", "deal stage", "sales stage", "opportunity stage", "stage", "won/lost", "result", "outcome", "state"},
		fStage:         {"stage", "deal stage", "sales stage", "opportunity stage", "pipeline stage"},
		fDate:          {"close date", "closing date", "closed date", "date closed", "closed on", "close date/expected close date", "expected close date", "expected close", "estimated close date", "won date", "date won", "decision date", "date"},
		fAmount:        amountNames,
		fCommission:    commissionNames,
		fLossReason:    lossReasonNames,
		fProspect:      prospectNames,
		fDealID:        {"deal id", "opportunity id", "opportunity_id", "opp id", "opportunity number", "deal number", "record id", "id"},
		fCreated:       {"created", "created date", "create date", "created on", "date created", "engage date", "engaged", "open date", "opened", "created time", "deal created", "start date"},
		fProbability:   {"probability", "probability (%)", "win probability", "confidence", "likelihood", "chance"},
		fReferralAsked: referralAskedNames,
		fNextFollowUp:  followUpNames,
	},
	repcard.KindActivities: {
		fRep:           repNames,
		fDate:          {"date", "activity date", "due date", "task date", "event date", "call date", "contact date", "touch date", "timestamp", "date/time", "datetime", "date time", "day", "completed date", "completed", "created", "created date", "date created"},
		fType:          {"type", "activity type", "task type", "touch type", "contact type", "channel", "medium", "method", "event type", "activity"},
		fOutcome:       {"outcome", "result", "call result", "call outcome", "disposition", "response", "answer", "status"},
		fDone:          {"done", "completed?", "is done", "task status", "activity status"},
		fProspect:      prospectNames,
		fDealID:        {"deal id", "opportunity id", "opportunity"},
		fActivityID:    {"activity id", "task id", "event id", "call id", "touch id", "id"},
		fAmount:        amountNames,
		fCommission:    commissionNames,
		fLossReason:    lossReasonNames,
		fStage:         {"stage", "deal stage"},
		fReferralAsked: referralAskedNames,
		fNextFollowUp:  followUpNames,
	},
	repcard.KindTallies: {
		fRep:          repNames,
		fDate:         {"date", "week", "week of", "week starting", "week beginning", "week commencing", "week ending", "month", "day", "period"},
		fContacts:     {"contacts", "total contacts", "contacts made", "touches", "total touches", "attempts", "conversations", "prospects contacted"},
		fCalls:        {"calls", "dials", "phone calls", "calls made", "cold calls"},
		fEmails:       {"emails", "emails sent", "e-mails", "mails"},
		fMeetings:     {"meetings", "demos", "appointments", "meetings held", "presentations"},
		fVisits:       {"visits", "door knocks", "doors", "doors knocked", "site visits", "walk-ins"},
		fSocial:       {"social", "linkedin", "social touches", "dms", "inmails", "messages"},
		fClosings:     {"closings", "sales", "closed", "won", "deals won", "sales made", "closes", "wins", "deals"},
		fAmount:       amountNames,
		fCommission:   commissionNames,
		fRejections:   {"rejections", "nos", "no's", "noes", "rejected", "lost", "declines", "turndowns", "no"},
		fReferralAsks: {"referral asks", "referrals asked", "referral requests", "asked for referrals", "referrals"},
	},
	repcard.KindRoster: {
		fRep:          append(append([]string{}, repNames...), "name", "full name", "employee", "employee name"),
		fManager:      {"manager", "sales manager", "team lead", "team leader", "team", "supervisor", "reports to", "manager name"},
		fOffice:       {"office", "regional office", "regional_office", "region", "location", "branch", "territory", "city", "site"},
		fEmail:        {"email", "e-mail", "email address", "work email", "rep email"},
		fManagerEmail: {"manager email", "manager e-mail", "manager email address", "manager's email", "manager's e-mail"},
		fStartDate:    {"start date", "hire date", "started", "joined", "hired on", "start"},
		fAliases:      {"aliases", "alias", "also known as", "aka", "other names", "nicknames"},
	},
}

var repNames = []string{
	"rep", "rep name", "sales rep", "sales representative", "representative", "sales agent", "sales_agent",
	"agent", "salesperson", "sales person", "seller", "account executive", "ae", "sdr", "bdr",
	"owner", "deal owner", "opportunity owner", "account owner", "record owner", "lead owner",
	"assigned to", "assigned", "assignee", "assigned user", "user", "user name", "username",
	"sales owner", "closer", "consultant", "broker", "advisor",
}

var amountNames = []string{
	"amount", "deal size", "deal value", "deal amount", "value", "close value", "closing value",
	"sale amount", "sales amount", "sale value", "contract value", "total value", "revenue",
	"amount (usd)", "amount usd", "price", "total", "order value",
}

var commissionNames = []string{"commission", "commission amount", "commission earned", "earned commission", "payout", "comp"}

var lossReasonNames = []string{
	"loss reason", "lost reason", "reason lost", "closed lost reason", "reason for loss", "why lost",
	"rejection reason", "reason for rejection", "reason", "no reason",
}

var prospectNames = []string{
	"prospect", "account", "account name", "company", "company name", "customer", "customer name",
	"client", "client name", "organization", "organisation", "org", "lead", "lead name", "contact",
	"contact name", "associated company", "related to", "business", "household",
}

var referralAskedNames = []string{"referral asked", "asked for referral", "referral requested", "referral ask", "referral?"}

var followUpNames = []string{
	"next follow-up", "next follow up", "next follow-up date", "follow-up date", "follow up date",
	"next contact", "next contact date", "callback date", "call back date", "next step date", "next activity date", "follow up on",
}
