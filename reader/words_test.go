package reader

import (
	"slices"
	"testing"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// rowIssues are the kinds and details of a batch's issues about rows.
func rowIssues(b *Batch) []repcard.Issue {
	var out []repcard.Issue
	for _, is := range b.Issues {
		if is.Row > 0 {
			out = append(out, repcard.Issue{Kind: is.Kind, Detail: is.Detail, Row: is.Row})
		}
	}
	return out
}

// outcomes are the deals' outcomes by prospect.
func outcomes(res readResult) map[string]repcard.Outcome {
	m := map[string]repcard.Outcome{}
	for _, rec := range res.byKind(repcard.KindDeals) {
		m[rec.Prospect] = rec.Outcome
	}
	return m
}

// TestDealStatusWords: each tool's deals export, in the columns its
// documentation lists, in two variants; a status word of no word list is
// an issue unless the column is a stage column whose stages are known.
func TestDealStatusWords(t *testing.T) {
	const (
		won  = repcard.OutcomeWon
		lost = repcard.OutcomeLost
		open = repcard.OutcomeOpen
	)
	tests := []struct {
		name    string
		file    string
		content string
		cfg     func(*config.Config)
		want    map[string]repcard.Outcome
		issues  []repcard.Issue
		unknown []WordCount
	}{
		{
			name: "home-made log, Spanish", file: "ventas.csv",
			content: "Rep,Customer,Status,Close Date,Amount\n" +
				"Ana Ruiz,Acme,Ganado,2026-10-03,1200\n" +
				"Ana Ruiz,Globex,Perdido,2026-10-04,800\n" +
				"Ana Ruiz,Initech,Abierto,,500\n" +
				"Ana Ruiz,Hooli,Cerrado ganado,2026-10-05,300\n",
			want: map[string]repcard.Outcome{"Acme": won, "Globex": lost, "Initech": open, "Hooli": won},
		},
		{
			name: "home-made log, French, German, Italian, Portuguese, Dutch", file: "log.csv",
			content: "Rep,Customer,Status,Close Date,Amount\n" +
				"Luc,A,Gagné,2026-10-03,1\nLuc,B,Perdu,2026-10-03,1\nLuc,C,En cours,,1\n" +
				"Jan,D,Gewonnen,2026-10-03,1\nJan,E,Verloren,2026-10-03,1\nJan,F,Offen,,1\n" +
				"Gio,G,Chiuso vinto,2026-10-03,1\nGio,H,Persa,2026-10-03,1\nGio,I,Aperto,,1\n" +
				"Rui,J,Fechado ganho,2026-10-03,1\nRui,K,Fechado perdido,2026-10-03,1\nRui,L,Em andamento,,1\n" +
				"Els,M,Gesloten gewonnen,2026-10-03,1\nEls,N,Open,,1\n",
			want: map[string]repcard.Outcome{"A": won, "B": lost, "C": open, "D": won, "E": lost, "F": open,
				"G": won, "H": lost, "I": open, "J": won, "K": lost, "L": open, "M": won, "N": open},
		},
		{
			// A team that replaced words.won: Ganado is no word it knows.
			// The column is a status, not a stage: the row is left out,
			// never read as open.
			name: "home-made log, words.won replaced", file: "ventas.csv",
			content: "Rep,Customer,Status,Close Date,Amount,Probability\n" +
				"Ana Ruiz,Acme,Ganado,2026-10-03,1200,60%\n" +
				"Ana Ruiz,Globex,Ganado,2026-10-04,800,\n" +
				"Ana Ruiz,Initech,Won,2026-10-05,500,100%\n",
			cfg:     func(c *config.Config) { c.Words.Won = []string{"won"} },
			want:    map[string]repcard.Outcome{"Initech": won},
			issues:  []repcard.Issue{{Kind: repcard.IssueUnknownStatus, Detail: "Ganado", Row: 2}, {Kind: repcard.IssueUnknownStatus, Detail: "Ganado", Row: 3}},
			unknown: []WordCount{{"Ganado", 2, "words.won, words.lost or words.open"}},
		},
		{
			name: "salesforce, stock stages", file: "sf.csv",
			content: "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),Close Date,Created Date,Opportunity ID\n" +
				"Jane Doe,Acme,Acme renewal,Closed Won,1200,100,10/3/2026,9/1/2026,006A\n" +
				"Jane Doe,Globex,Globex new,Closed Lost,800,0,10/9/2026,9/2/2026,006B\n" +
				"Jane Doe,Initech,Initech pilot,Id. Decision Makers,500,60,11/20/2026,9/3/2026,006C\n" +
				"Jane Doe,Hooli,Hooli expansion,Perception Analysis,700,70,12/1/2026,9/4/2026,006D\n" +
				"Jane Doe,Umbrella,Umbrella deal,Proposal/Price Quote,900,75,12/5/2026,9/5/2026,006E\n",
			want: map[string]repcard.Outcome{"Acme": won, "Globex": lost, "Initech": open, "Hooli": open, "Umbrella": open},
		},
		{
			// An open-pipeline report: custom stages and no won or lost
			// row. A probability inside 0–100 makes a stage open; a custom
			// stage at 100 % may be a win: it is an issue.
			name: "salesforce, custom stages, open pipeline only", file: "sf-open.csv",
			content: "Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),Close Date,Opportunity ID\n" +
				"Jane Doe,Acme,Acme pilot,Pilot Running,1200,40,12/3/2026,006A\n" +
				"Jane Doe,Globex,Globex legal,Legal Review,800,80,12/9/2026,006B\n" +
				"Jane Doe,Initech,Initech booked,Booked,500,100,10/20/2026,006C\n" +
				"Jane Doe,Hooli,Hooli lead,Qualification,700,10,12/1/2026,006D\n",
			want:    map[string]repcard.Outcome{"Acme": open, "Globex": open, "Hooli": open},
			issues:  []repcard.Issue{{Kind: repcard.IssueUnknownStatus, Detail: "Booked", Row: 4}},
			unknown: []WordCount{{"Booked", 1, "words.won, words.lost or words.open"}},
		},
		{
			name: "hubspot, internal stage names", file: "hubspot-deals.csv",
			content: "Record ID,Deal Name,Deal Stage,Pipeline,Close Date,Deal owner,Amount,Create Date\n" +
				"101,Acme,appointmentscheduled,default,,Jane Doe,100,2026-09-01\n" +
				"102,Globex,qualifiedtobuy,default,,Jane Doe,200,2026-09-01\n" +
				"103,Initech,presentationscheduled,default,,Jane Doe,300,2026-09-01\n" +
				"104,Hooli,decisionmakerboughtin,default,,Jane Doe,400,2026-09-01\n" +
				"105,Umbrella,contractsent,default,,Jane Doe,500,2026-09-01\n" +
				"106,Stark,closedwon,default,2026-10-02,Jane Doe,600,2026-09-01\n" +
				"107,Wayne,closedlost,default,2026-10-03,Jane Doe,700,2026-09-01\n",
			want: map[string]repcard.Outcome{"Acme": open, "Globex": open, "Initech": open, "Hooli": open, "Umbrella": open, "Stark": won, "Wayne": lost},
		},
		{
			// Labels and a custom stage, no probability column: the sheet's
			// stages include a won and a lost word, so Onboarding is open.
			name: "hubspot, labels and a custom stage", file: "hubspot-deals.csv",
			content: "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount\n" +
				"101,Acme,Appointment Scheduled,,Jane Doe,100\n" +
				"102,Globex,Onboarding,,Jane Doe,200\n" +
				"103,Initech,Decision maker bought-in,,Jane Doe,300\n" +
				"104,Stark,Closed won,2026-10-02,Jane Doe,600\n" +
				"105,Wayne,Closed lost,2026-10-03,Jane Doe,700\n",
			want: map[string]repcard.Outcome{"Acme": open, "Globex": open, "Initech": open, "Stark": won, "Wayne": lost},
		},
		{
			name: "pipedrive, status open/won/lost and custom stages", file: "pipedrive-deals.csv",
			content: "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Status,Deal - Stage,Deal - Won time,Deal - Lost time,Deal - Expected close date\n" +
				"1,Acme deal,Jane Doe,100,open,Sauna visit booked,,,2026-12-01\n" +
				"2,Globex deal,Jane Doe,200,won,Contract signed,2026-10-02 10:00:00,,\n" +
				"3,Initech deal,Jane Doe,300,lost,Quote sent,,2026-10-03 11:00:00,\n",
			want: map[string]repcard.Outcome{"Acme deal": open, "Globex deal": won, "Initech deal": lost},
		},
		{
			// A German account: the status is translated. "Gelöscht"
			// (deleted) is in no list, and Deal - Status is no stage
			// column: an issue, even with won and lost rows beside it.
			name: "pipedrive, German statuses", file: "pipedrive-deals.csv",
			content: "Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Status,Deal - Stage,Deal - Won time,Deal - Lost time,Deal - Expected close date\n" +
				"1,Acme deal,Jana Novak,100,Offen,Erstkontakt,,,2026-12-01\n" +
				"2,Globex deal,Jana Novak,200,Gewonnen,Vertrag,2026-10-02 10:00:00,,\n" +
				"3,Initech deal,Jana Novak,300,Verloren,Angebot,,2026-10-03 11:00:00,\n" +
				"4,Hooli deal,Jana Novak,400,Gelöscht,Angebot,,,\n",
			want:    map[string]repcard.Outcome{"Acme deal": open, "Globex deal": won, "Initech deal": lost},
			issues:  []repcard.Issue{{Kind: repcard.IssueUnknownStatus, Detail: "Gelöscht", Row: 5}},
			unknown: []WordCount{{"Gelöscht", 1, "words.won, words.lost or words.open"}},
		},
		{
			name: "close, status_type", file: "close-opportunities.csv",
			content: "id,lead_name,user_name,status_type,status_label,value,confidence,date_won,date_lost,date_created\n" +
				"oppo_1,Acme,Jane Doe,active,Demo Completed,100,50,,,2026-09-01\n" +
				"oppo_2,Globex,Jane Doe,won,Won,200,100,2026-10-02,,2026-09-01\n" +
				"oppo_3,Initech,Jane Doe,lost,Lost,300,0,,2026-10-03,2026-09-01\n",
			want: map[string]repcard.Outcome{"Acme": open, "Globex": won, "Initech": lost},
		},
		{
			// The shape of a pipeline tracker with a "Sales stage" of its
			// own words: the stage column holds Won and Lost, so
			// Identified is an open stage.
			name: "sales stage column of custom stages", file: "pipeline.csv",
			content: "Deal Owner,Customer,Sales stage,Deal size,Close Date/Expected Close Date\n" +
				"Angela,C1,Identified,2910,2015-04-07\n" +
				"Denny,C2,Won,1680,2015-04-02\n" +
				"Denny,C3,Lost,1000,2015-04-03\n",
			want: map[string]repcard.Outcome{"C1": open, "C2": won, "C3": lost},
		},
		{
			// The same stages in a column headed Status: no stage column,
			// so a word of no list is an issue whatever else the sheet holds.
			name: "status column of custom words", file: "pipeline.csv",
			content: "Deal Owner,Customer,Status,Deal size,Close Date\n" +
				"Angela,C1,Identified,2910,2015-04-07\n" +
				"Angela,C4,Identified,2910,2015-04-07\n" +
				"Denny,C5,Parked,2910,2015-04-07\n" +
				"Denny,C2,Won,1680,2015-04-02\n" +
				"Denny,C3,Lost,1000,2015-04-03\n",
			want: map[string]repcard.Outcome{"C2": won, "C3": lost},
			issues: []repcard.Issue{{Kind: repcard.IssueUnknownStatus, Detail: "Identified", Row: 2},
				{Kind: repcard.IssueUnknownStatus, Detail: "Identified", Row: 3}, {Kind: repcard.IssueUnknownStatus, Detail: "Parked", Row: 4}},
			unknown: []WordCount{{"Identified", 2, "words.won, words.lost or words.open"}, {"Parked", 1, "words.won, words.lost or words.open"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.file: tt.content})
			cfg := config.Default()
			if tt.cfg != nil {
				tt.cfg(cfg)
			}
			res := read(t, dir, cfg)
			if in := res.input(tt.file, ""); in.Kind != repcard.KindDeals {
				t.Fatalf("%s read as %v (%s)", tt.file, in.Kind, in.Reason)
			}
			if got := outcomes(res); !mapsEqual(got, tt.want) {
				t.Errorf("outcomes = %v, want %v", got, tt.want)
			}
			if got := rowIssues(res.batch); !slices.Equal(got, tt.issues) {
				t.Errorf("issues = %+v, want %+v", got, tt.issues)
			}
			if !slices.Equal(res.batch.UnknownStatuses, tt.unknown) {
				t.Errorf("UnknownStatuses = %+v, want %+v", res.batch.UnknownStatuses, tt.unknown)
			}
		})
	}
}

// reps are the records' reps, in order.
func (r readResult) reps() []string {
	var out []string
	for _, rec := range r.records {
		out = append(out, rec.Rep)
	}
	return out
}

func mapsEqual[K, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestPlaceholderOwners: owner cells that are no rep leave their rows out,
// in each shape that writes them.
func TestPlaceholderOwners(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		reps    []string
		owners  []string // the issues' details, in row order
	}{
		{
			name: "salesforce opportunities", file: "sf.csv",
			content: "Opportunity Owner,Account Name,Stage,Amount,Close Date,Opportunity ID\n" +
				"Jane Doe,Acme,Closed Won,100,2026-10-01,006A\n" +
				"Inactive User,Globex,Closed Won,200,2026-10-02,006B\n" +
				"Unassigned,Initech,Closed Lost,300,2026-10-03,006C\n",
			reps: []string{"Jane Doe"}, owners: []string{"Inactive User", "Unassigned"},
		},
		{
			name: "hubspot activities", file: "hubspot-activities.csv",
			content: "Activity ID,Activity date,Activity type,Activity assigned to,Associated company,Call outcome\n" +
				"1,2026-10-01 10:00,CALL,Mei Lin,Acme,Connected\n" +
				"2,2026-10-01 11:00,CALL,(none),Globex,Connected\n" +
				"3,2026-10-01 12:00,EMAIL,-,Initech,\n" +
				"4,2026-10-01 13:00,EMAIL,No owner,Hooli,\n",
			reps: []string{"Mei Lin"}, owners: []string{"(none)", "-", "No owner"},
		},
		{
			name: "home-made log", file: "ventas.csv",
			content: "Date,Rep,Type,Outcome\n" +
				"2026-10-01,Ana Ruiz,call,Sale\n" +
				"2026-10-02,Sin asignar,call,Sale\n" +
				"2026-10-03,n/a,call,\n" +
				"2026-10-04,None,visit,\n",
			reps: []string{"Ana Ruiz"}, owners: []string{"Sin asignar", "n/a", "None"},
		},
		{
			name: "zoho deals, a config list", file: "zoho-deals.csv",
			content: "Deal Owner,Deal Name,Account Name,Stage,Amount,Closing Date\n" +
				"Jana Novak,D1,Acme,Closed Won,100,2026-10-01\n" +
				"Nobody,D2,Globex,Closed Won,200,2026-10-02\n" +
				"Unassigned,D3,Initech,Closed Won,300,2026-10-03\n",
			reps: []string{"Jana Novak", "Unassigned"}, owners: []string{"Nobody"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.file: tt.content})
			cfg := config.Default()
			if tt.name == "zoho deals, a config list" {
				cfg.Words.NoOwner = []string{"nobody"}
			}
			res := read(t, dir, cfg)
			if reps := res.reps(); !slices.Equal(reps, tt.reps) {
				t.Errorf("reps = %q, want %q", reps, tt.reps)
			}
			var owners []string
			for _, is := range res.batch.Issues {
				if is.Kind != repcard.IssueNoOwner {
					t.Errorf("issue %v", is)
				}
				owners = append(owners, is.Detail)
			}
			if !slices.Equal(owners, tt.owners) {
				t.Errorf("placeholder owners = %q, want %q", owners, tt.owners)
			}
			if in := res.input(tt.file, ""); in.LeftOut != len(tt.owners) {
				t.Errorf("left out %d, want %d", in.LeftOut, len(tt.owners))
			}
		})
	}
}

// TestEmailOwners: an owner written as an e-mail address is the roster's
// rep with that e-mail; one no roster names is listed for check.
func TestEmailOwners(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		reps   []string
		emails []string
	}{
		{
			name: "hubspot activities and a roster with an Email column",
			files: map[string]string{
				"roster.csv": "Rep,Email,Manager\nMei Lin,mei.lin@acme.com,Sam\n",
				"hubspot-activities.csv": "Activity ID,Activity date,Activity type,Activity assigned to,Call outcome\n" +
					"1,2026-10-01 10:00,CALL,Mei.Lin@acme.com,Connected\n" +
					"2,2026-10-01 11:00,CALL,jo@acme.com,Connected\n",
			},
			reps: []string{"Mei Lin", "Mei Lin", "jo@acme.com"}, emails: []string{"jo@acme.com"},
		},
		{
			name: "close opportunities, no roster",
			files: map[string]string{
				"close-opportunities.csv": "id,lead_name,user_name,status_type,value,date_won\n" +
					"oppo_1,Acme,b@acme.com,won,100,2026-10-02\n" +
					"oppo_2,Globex,a@acme.com,won,200,2026-10-02\n" +
					"oppo_3,Initech,a@acme.com,won,300,2026-10-03\n" +
					"oppo_4,Hooli,Jane Doe,won,300,2026-10-03\n",
			},
			reps: []string{"b@acme.com", "a@acme.com", "a@acme.com", "Jane Doe"}, emails: []string{"a@acme.com", "b@acme.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			res := read(t, dir, nil)
			if reps := res.reps(); !slices.Equal(reps, tt.reps) {
				t.Errorf("reps = %q, want %q", reps, tt.reps)
			}
			if !slices.Equal(res.batch.EmailOwners, tt.emails) {
				t.Errorf("EmailOwners = %q, want %q", res.batch.EmailOwners, tt.emails)
			}
		})
	}
}

// TestNoContactOutcomes: cancelled, no-show and rescheduled touches are kept
// as NoContact; scheduled ones are Planned.
func TestNoContactOutcomes(t *testing.T) {
	type flags struct{ planned, noContact bool }
	tests := []struct {
		name    string
		file    string
		content string
		want    []flags
	}{
		{
			name: "hubspot meetings, meeting outcome", file: "hubspot-activities.csv",
			content: "Activity ID,Activity date,Activity type,Activity assigned to,Meeting outcome\n" +
				"1,2026-10-01 10:00,MEETING,Mei Lin,COMPLETED\n" +
				"2,2026-10-02 10:00,MEETING,Mei Lin,CANCELED\n" +
				"3,2026-10-03 10:00,MEETING,Mei Lin,NO_SHOW\n" +
				"4,2026-10-04 10:00,MEETING,Mei Lin,RESCHEDULED\n" +
				"5,2026-10-05 10:00,MEETING,Mei Lin,SCHEDULED\n",
			want: []flags{{}, {noContact: true}, {noContact: true}, {noContact: true}, {planned: true}},
		},
		{
			name: "hubspot calls, call outcome", file: "hubspot-activities.csv",
			content: "Activity ID,Activity date,Activity type,Activity assigned to,Call outcome\n" +
				"1,2026-10-01 10:00,CALL,Mei Lin,Connected\n" +
				"2,2026-10-02 10:00,CALL,Mei Lin,No answer\n" +
				"3,2026-10-03 10:00,MEETING,Mei Lin,No-show\n",
			want: []flags{{}, {}, {noContact: true}},
		},
		{
			// Zoho's Calls module: a scheduled call is Cancelled in its
			// status, the done column.
			name: "zoho calls, status", file: "zoho-calls.csv",
			content: "Call Owner,Subject,Call Type,Call Start Time,Call Duration,Call Result,Status\n" +
				"Jana Novak,Intro,Outbound,2026-10-01 10:00,05:00,Interested,Completed\n" +
				"Jana Novak,Demo call,Outbound,2026-10-02 10:00,,,Cancelled\n" +
				"Jana Novak,Follow-up,Outbound,2026-10-03 10:00,,,Scheduled\n",
			want: []flags{{}, {noContact: true}, {planned: true}},
		},
		{
			name: "home-made log", file: "log.csv",
			content: "Date,Rep,Type,Outcome\n" +
				"2026-10-01,Ana Ruiz,visit,Sale\n" +
				"2026-10-02,Ana Ruiz,visit,No show\n" +
				"2026-10-03,Ana Ruiz,meeting,Cancelado\n" +
				"2026-10-04,Ana Ruiz,call,To do\n",
			want: []flags{{}, {noContact: true}, {noContact: true}, {planned: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.file: tt.content})
			res := read(t, dir, nil)
			if in := res.input(tt.file, ""); in.Kind != repcard.KindActivities {
				t.Fatalf("%s read as %v (%s)", tt.file, in.Kind, in.Reason)
			}
			if len(res.batch.Issues) > 0 {
				t.Errorf("issues: %v", res.batch.Issues)
			}
			var got []flags
			for _, rec := range res.byKind(repcard.KindActivities) {
				got = append(got, flags{rec.Planned, rec.NoContact})
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("planned/no contact = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestDateOrderAndDecimal reads day/month-ambiguous dates and
// decimal-ambiguous amounts under every combination of date_order and
// decimal: each key set applies, whatever the other says.
func TestDateOrderAndDecimal(t *testing.T) {
	files := map[string]string{
		// An activity log (no stage column) and a Salesforce export
		// (a stage column, whose rows are held to decide its stages).
		"log.csv": "Date,Rep,Type,Outcome,Amount\n" +
			"03/04/2026,Ana Ruiz,visit,Sale,\"1,250\"\n" +
			"05/06/2026,Ana Ruiz,visit,Sale,\"2,500\"\n",
		"sf.csv": "Opportunity Owner,Account Name,Stage,Amount,Close Date\n" +
			"Jane Doe,Acme,Closed Won,\"1,250\",03/04/2026\n" +
			"Jane Doe,Globex,Closed Won,\"2,500\",05/06/2026\n",
	}
	dir := t.TempDir()
	writeFiles(t, dir, files)
	for _, order := range []string{"", "auto", "mdy", "dmy"} {
		for _, dec := range []string{"", "auto", "point", "comma"} {
			t.Run(order+"/"+dec, func(t *testing.T) {
				cfg := config.Default()
				cfg.DateOrder, cfg.Decimal = order, dec
				res := read(t, dir, cfg)
				// 03/04/2026 and 05/06/2026; 1,250 and 2,500
				dates, unit := []repcard.Date{d(2026, 3, 4), d(2026, 5, 6)}, repcard.Money(125000)
				var wantWarnings []repcard.IssueKind
				switch order {
				case "dmy":
					dates = []repcard.Date{d(2026, 4, 3), d(2026, 6, 5)}
				case "", "auto":
					wantWarnings = append(wantWarnings, repcard.IssueUndecidedDateOrder)
				}
				switch dec {
				case "comma":
					unit = 125 // 1,250 is 1.25
				case "", "auto":
					wantWarnings = append(wantWarnings, repcard.IssueUndecidedDecimal)
				}
				if len(res.batch.Issues) > 0 {
					t.Errorf("issues: %v", res.batch.Issues)
				}
				if len(res.records) != 4 {
					t.Fatalf("%d records, want 4", len(res.records))
				}
				for _, rec := range res.records {
					i := rec.Src.Row - 2 // the data rows are rows 2 and 3
					if rec.Date != dates[i] || rec.Amount != unit*repcard.Money(i+1) {
						t.Errorf("%s row %d: date %v amount %d, want %v and %d", rec.Src.File, rec.Src.Row, rec.Date, rec.Amount, dates[i], unit*repcard.Money(i+1))
					}
				}
				// Each file warns once per undecided column.
				var got []repcard.IssueKind
				for _, w := range res.batch.Warnings {
					if w.File == "log.csv" {
						got = append(got, w.Kind)
					}
				}
				if !slices.Equal(got, wantWarnings) {
					t.Errorf("warnings of log.csv = %v, want %v", got, wantWarnings)
				}
			})
		}
	}
}
