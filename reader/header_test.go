package reader

import (
	"strings"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

func TestMatchHeader(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header string // pipe-separated
		kind   repcard.Kind
		how    string
		want   map[field]string // field → header of its first column
	}{
		{"salesforce opportunities", "Opportunity Owner|Account Name|Opportunity Name|Stage|Amount|Probability (%)|Close Date|Created Date|Loss Reason|Opportunity ID",
			repcard.KindDeals, "preset salesforce", map[field]string{fRep: "Opportunity Owner", fStatus: "Stage", fStage: "Stage", fDate: "Close Date", fAmount: "Amount", fProbability: "Probability (%)", fCreated: "Created Date", fLossReason: "Loss Reason", fDealID: "Opportunity ID", fProspect: "Account Name"}},
		{"salesforce tasks", "Assigned|Subject|Company / Account|Task Subtype|Date|Status|Call Result",
			repcard.KindActivities, "preset salesforce", map[field]string{fRep: "Assigned", fDate: "Date", fType: "Task Subtype", fDone: "Status", fOutcome: "Call Result", fProspect: "Company / Account"}},
		{"hubspot deals", "Record ID|Deal Name|Deal Stage|Close Date|Deal owner|Amount|Create Date|Closed Lost Reason",
			repcard.KindDeals, "preset hubspot", map[field]string{fRep: "Deal owner", fStatus: "Deal Stage", fDate: "Close Date", fAmount: "Amount", fDealID: "Record ID", fCreated: "Create Date", fLossReason: "Closed Lost Reason"}},
		{"hubspot activities", "Activity ID|Activity date|Activity type|Activity assigned to|Associated company|Call outcome|Referral asked|Next follow-up date",
			repcard.KindActivities, "preset hubspot", map[field]string{fRep: "Activity assigned to", fDate: "Activity date", fType: "Activity type", fOutcome: "Call outcome", fReferralAsked: "Referral asked", fNextFollowUp: "Next follow-up date", fActivityID: "Activity ID", fProspect: "Associated company"}},
		{"pipedrive deals", "Deal - ID|Deal - Title|Deal - Owner|Deal - Organization|Deal - Value|Deal - Status|Deal - Stage|Deal - Won time|Deal - Lost time|Deal - Expected close date|Deal - Lost reason",
			repcard.KindDeals, "preset pipedrive", map[field]string{fRep: "Deal - Owner", fStatus: "Deal - Status", fStage: "Deal - Stage", fDate: "Deal - Won time", fAmount: "Deal - Value", fLossReason: "Deal - Lost reason", fDealID: "Deal - ID", fProspect: "Deal - Organization"}},
		{"pipedrive activities", "Activity - Subject|Activity - Type|Activity - Assigned to user|Activity - Due date|Activity - Done|Activity - Organization",
			repcard.KindActivities, "preset pipedrive", map[field]string{fRep: "Activity - Assigned to user", fDate: "Activity - Due date", fType: "Activity - Type", fDone: "Activity - Done", fProspect: "Activity - Organization"}},
		{"zoho deals", "Deal Owner|Deal Name|Account Name|Stage|Amount|Closing Date|Probability (%)|Reason For Loss|Created Time",
			repcard.KindDeals, "preset zoho", map[field]string{fRep: "Deal Owner", fStatus: "Stage", fDate: "Closing Date", fAmount: "Amount", fLossReason: "Reason For Loss", fCreated: "Created Time"}},
		{"zoho calls", "Call Owner|Subject|Call Type|Call Start Time|Call Result|Related To",
			repcard.KindActivities, "preset zoho", map[field]string{fRep: "Call Owner", fDate: "Call Start Time", fOutcome: "Call Result", fProspect: "Related To"}},
		{"close opportunities", "id|lead_name|status_type|status_label|value|confidence|date_won|date_created|user_name",
			repcard.KindDeals, "preset close", map[field]string{fRep: "user_name", fStatus: "status_type", fDate: "date_won", fAmount: "value", fProbability: "confidence", fProspect: "lead_name"}},
		{"close calls", "id|date_created|user_name|lead_name|_type|direction|disposition",
			repcard.KindActivities, "preset close", map[field]string{fRep: "user_name", fDate: "date_created", fType: "_type", fOutcome: "disposition"}},
		{"crm sample (snake_case generic)", "opportunity_id|sales_agent|product|account|deal_stage|engage_date|close_date|close_value",
			repcard.KindDeals, "synonyms", map[field]string{fRep: "sales_agent", fStatus: "deal_stage", fStage: "deal_stage", fDate: "close_date", fAmount: "close_value", fCreated: "engage_date", fDealID: "opportunity_id", fProspect: "account"}},
		{"deal owner pipeline", "Reporting Date|Deal Owner|Customer|Country|Sales stage|Deal size|Probability|Weighted Forecast|Sales Channel|Close Date/Expected Close Date|Next Steps|Column1|",
			repcard.KindDeals, "synonyms", map[field]string{fRep: "Deal Owner", fStatus: "Sales stage", fDate: "Close Date/Expected Close Date", fAmount: "Deal size", fProbability: "Probability", fProspect: "Customer"}},
		{"roster", "sales_agent|manager|regional_office",
			repcard.KindRoster, "synonyms", map[field]string{fRep: "sales_agent", fManager: "manager", fOffice: "regional_office"}},
		{"roster by name", "Name|Team|Email|Aliases",
			repcard.KindRoster, "synonyms", map[field]string{fRep: "Name", fManager: "Team", fEmail: "Email", fAliases: "Aliases"}},
		{"tallies with per-type counts", "Rep|Week of|Calls|Emails|Meetings|Sales|Commission|Nos|Referral asks",
			repcard.KindTallies, "synonyms", map[field]string{fRep: "Rep", fDate: "Week of", fCalls: "Calls", fEmails: "Emails", fClosings: "Sales", fCommission: "Commission", fRejections: "Nos", fReferralAsks: "Referral asks"}},
		{"generic activities with status and outcome", "Assigned to|Date|Type|Status|Outcome|Company",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Assigned to", fDate: "Date", fType: "Type", fDone: "Status", fOutcome: "Outcome", fProspect: "Company"}},
		{"generic activities with status only", "Owner|Date|Type|Status",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Owner", fDate: "Date", fType: "Type", fOutcome: "Status"}},
		{"an owner named after its record", "Contact Owner|Date|Type",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Contact Owner", fDate: "Date", fType: "Type"}},
		{"owner name", "Lead Owner Name|Date|Type",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Lead Owner Name"}},
		{"owning user", "Owning User|Due Date|Activity Type",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Owning User", fDate: "Due Date"}},
		{"a homeowner is the prospect", "Homeowner|Agent|Date|Type",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Agent"}},
		{"a business owner is the prospect", "Business Owner|Assigned to|Date|Type",
			repcard.KindActivities, "synonyms", map[field]string{fRep: "Assigned to"}},
		{"zoho potentials", "Potential Owner|Amount|Potential Name|Closing Date|Account Name|Stage|Type",
			repcard.KindDeals, "preset zoho", map[field]string{fRep: "Potential Owner", fStatus: "Stage", fDate: "Closing Date", fAmount: "Amount"}},
		{"zoho events", "Event Owner|Title|Start DateTime|End DateTime|Venue|Related To",
			repcard.KindActivities, "preset zoho", map[field]string{fRep: "Event Owner", fDate: "Start DateTime", fProspect: "Related To"}},
		{"sales log", "sales rep|date|customer name|quantity|unit price|ext price",
			repcard.KindDeals, salesLogHow, map[field]string{fRep: "sales rep", fDate: "date", fAmount: "ext price", fQuantity: "quantity", fUnitPrice: "unit price", fProspect: "customer name"}},
		{"sales log without a total", "Salesperson|Order Date|Customer|Product|Units|Unit Price",
			repcard.KindDeals, salesLogHow, map[field]string{fRep: "Salesperson", fDate: "Order Date", fQuantity: "Units", fUnitPrice: "Unit Price"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := strings.Split(tc.header, "|")
			l := matchRow(row, nil, false)
			if l == nil {
				t.Fatalf("no kind for %q", tc.header)
			}
			if l.kind != tc.kind || l.how != tc.how {
				t.Errorf("kind %s by %q, want %s by %q", l.kind, l.how, tc.kind, tc.how)
			}
			l.header = row
			for f, want := range tc.want {
				if !l.has(f) {
					t.Errorf("%s not mapped, want %q", f, want)
					continue
				}
				if got := l.columnName(l.cols[f][0]); got != want {
					t.Errorf("%s → %q, want %q", f, got, want)
				}
			}
		})
	}
}

func TestMatchHeaderNone(t *testing.T) {
	for _, h := range []string{
		"account|sector|year_established|revenue|employees|office_location|subsidiary_of",
		"product|series|sales_price",
		"Opportunities by Owner — Oct 2025 to Oct 2026",
		"",
		"Date|Amount", // dated, but no rep, type or outcome: not taken for activities
	} {
		if l := matchRow(strings.Split(h, "|"), nil, false); l != nil {
			t.Errorf("%q matched %s by %s", h, l.kind, l.how)
		}
	}
	// With a rep known from the sheet name, a personal tally book matches.
	if l := matchRow([]string{"Week of", "Calls", "Sales"}, nil, true); l == nil || l.kind != repcard.KindTallies {
		t.Errorf("rep-less tally book not matched: %+v", l)
	}
}

func TestMatchHeaderConfigMapping(t *testing.T) {
	cfg := config.Default()
	cfg.Mapping = []config.Mapping{{Files: "odd*.csv", Kind: "deals", Columns: map[string]string{"rep": "Verkäufer", "status": "Ergebnis", "date": "Abschluss", "amount": "Wert"}}}
	row := []string{"Verkäufer", "Ergebnis", "Abschluss", "Wert", "Probability"}
	maps := mappingsFor(cfg, "sub/odd-export.csv", "")
	if len(maps) != 1 {
		t.Fatalf("mappingsFor matched %d mappings", len(maps))
	}
	l := matchRow(row, maps, false)
	if l == nil || l.kind != repcard.KindDeals || l.how != "config mapping[0]" {
		t.Fatalf("got %+v", l)
	}
	l.header = row
	if l.columnName(l.cols[fProbability][0]) != "Probability" {
		t.Error("synonyms do not fill fields the mapping leaves out")
	}
	if len(mappingsFor(cfg, "other.csv", "")) != 0 {
		t.Error("mapping applied to a file its pattern does not match")
	}
}

func TestNormHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Close Date/Expected Close Date": "closedateexpectedclosedate",
		"Probability (%)":                "probability",
		"  sales_agent ":                 "salesagent",
		"Verkäufer":                      "verkäufer",
		"Deal - Owner":                   "dealowner",
	} {
		if got := normHeader(in); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMatchHeader(f *testing.F) {
	for _, s := range []string{
		"Opportunity Owner|Stage|Close Date", "sales_agent|deal_stage|close_date", "Week of|Calls", "Name|Manager",
		"\x00|\xff\xfe|", strings.Repeat("Rep|", 300),
		"Potential Owner|Stage|Closing Date|Potential Name", "Task Owner|Due Date|Status", "Event Owner|Start DateTime|Venue",
		"Lead Owner|First Name|Email|City", "sales rep|date|quantity|unit price|ext price", "Salesperson|Order Date|Units|Revenue",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, header string, repKnown bool) {
		row := strings.Split(header, "|")
		l := matchRow(row, nil, repKnown)
		if l == nil {
			_, _ = whyNone([][]string{row}, repKnown, "f.csv", "")
			return
		}
		for fld := range numFields {
			for _, i := range l.cols[fld] {
				if i < 0 || i >= len(row) {
					t.Fatalf("field %s mapped to column %d of %d", fld, i, len(row))
				}
			}
		}
		if l.sale {
			if !l.has(fDate) || !l.has(fRep) && !repKnown || !l.has(fAmount) && !l.has(fUnitPrice) {
				t.Fatalf("sales log without a date, rep or amount: %+v", l)
			}
			return
		}
		spec := specOf(l.kind)
		if !satisfies(l, spec, repKnown) {
			t.Fatalf("layout %s does not satisfy its kind", l.kind)
		}
	})
}
