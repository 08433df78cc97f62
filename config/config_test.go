package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func ptr[T any](v T) *T { return &v }

func TestDefault(t *testing.T) {
	c := Default()
	checks := []struct {
		name      string
		got, want any
	}{
		{"inbox", c.Inbox, "examples/inbox"},
		{"out", c.Out, "out"},
		{"currency", c.Currency, ""}, // from the data, else USD
		{"exchange_rates", c.ExchangeRates, map[string]float64{}},
		{"page_size", c.PageSize, "A4"},
		{"date_order", c.DateOrder, "auto"},
		{"decimal", c.Decimal, "auto"},
		{"contact_types", c.ContactTypes, []string{"call", "email", "meeting", "visit", "social"}},
		{"commission.rate", c.Commission.Rate, 0.10},
		{"commission.per_sale", c.Commission.PerSale, 0.0},
		{"goals.basis", c.Goals.Basis, "commission"},
		{"follow_up_after_days", c.FollowUpAfterDays, 90},
		{"stale_after_days", c.StaleAfterDays, 45},
		{"late_stages", c.LateStages, []string{"proposal", "negotiation"}},
		{"near_miss_probability", c.NearMissProb, 70.0},
		{"cadence", c.Cadence, "month"},
		{"alerts", c.Alerts, Alerts{RatioWorsePct: 20, ContactsDownPct: 25, ValueDownPct: 25,
			WeekRatioWorsePct: 30, WeekContactsDownPct: 30, WeekValueDownPct: 30, WeekMinContacts: 10}},
		{"categories", slices.Sorted(maps.Keys(c.LossReasons.Categories)), []string{"budget", "competitor", "fit", "follow_up", "timing"}},
		{"fit", c.LossReasons.Categories["fit"], LossCategory{Controllable: true, Match: []string{"wrong contact", "decision maker", "no need"}}},
		{"timing", c.LossReasons.Categories["timing"], LossCategory{Controllable: false, Match: []string{"timing", "not now", "next year"}}},
		{"words.lost has no", slices.Contains(c.Words.Lost, "no"), true},
		{"words.planned has no", slices.Contains(c.Words.Planned, "no"), true},
		{"words.won has Ganado", slices.Contains(c.Words.Won, "ganado"), true},
		{"words.lost has Perdu", slices.Contains(c.Words.Lost, "perdu"), true},
		{"words.open has prospecting", slices.Contains(c.Words.Open, "prospecting"), true},
		{"words.no_contact has no show", slices.Contains(c.Words.NoContact, "no show"), true},
		{"words.no_owner has unassigned", slices.Contains(c.Words.NoOwner, "unassigned"), true},
		{"words.referral", c.Words.Referral, []string{"yes", "y", "true", "1", "x", "asked"}},
		{"mapping", c.Mapping, []Mapping{}},
		{"templates", c.Templates, "templates"},
		{"font", c.Font, ""},
		{"limits", c.Limits, Limits{MaxFileMB: 200, MaxUnzipMB: 1024, MaxXMLMemoryMB: 16, MaxRows: 1048576,
			MaxColumns: 16384, MaxCellBytes: 32768, MaxTotalRows: 20000000}},
	}
	for _, tc := range checks {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s = %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Default().Validate() = %v", err)
	}

	// Each call is fresh: changing one Default changes no other.
	c.ContactTypes[0] = "changed"
	c.LossReasons.Categories["fit"] = LossCategory{}
	c.Commission.Reps["x"] = RepCommission{}
	if d := Default(); d.ContactTypes[0] != "call" || len(d.LossReasons.Categories["fit"].Match) == 0 || len(d.Commission.Reps) != 0 {
		t.Error("Default() shares state between calls")
	}
}

func TestFields(t *testing.T) {
	if !slices.IsSorted(Fields) {
		t.Errorf("Fields not sorted: %v", Fields)
	}
	if len(slices.Compact(slices.Clone(Fields))) != len(Fields) {
		t.Errorf("Fields has duplicates: %v", Fields)
	}
	for _, f := range Fields {
		if fieldKey(f) != f {
			t.Errorf("field %q is not in folded form %q", f, fieldKey(f))
		}
	}
	if len(Fields) != 35 {
		t.Errorf("len(Fields) = %d, want 35", len(Fields))
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want func(c *Config) // applied to Default(); nil: the defaults
	}{
		{"empty", "", nil},
		{"email to a server on this machine", "email:\n  server: 127.0.0.1:1025\n  security: none\n  team_to: [boss@example.com]\n  cc_manager: true\n", func(c *Config) {
			c.Email.Server, c.Email.Security, c.Email.TeamTo, c.Email.CcManager = "127.0.0.1:1025", "none", []string{"boss@example.com"}, true
		}},
		{"blank lines", "\n\n  \n", nil},
		{"comments only", "# nothing here\n# at all\n", nil},
		{"document marker", "---\n", nil},
		{"null document", "~\n", nil},
		{"empty mapping", "{}\n", nil},
		{"byte order mark", "\ufeffinbox: in\n", func(c *Config) { c.Inbox = "in" }},

		{"inbox", "inbox: exports\n", func(c *Config) { c.Inbox = "exports" }},
		{"out", "out: reports\n", func(c *Config) { c.Out = "reports" }},
		{"currency", "currency: EUR\n", func(c *Config) { c.Currency = "EUR" }},
		{"page_size", "page_size: Letter\n", func(c *Config) { c.PageSize = "Letter" }},
		{"page_size folded", "page_size: letter\n", func(c *Config) { c.PageSize = "Letter" }},
		{"page_size a4", "page_size: a4\n", nil},
		{"date_order", "date_order: dmy\n", func(c *Config) { c.DateOrder = "dmy" }},
		{"date_order folded", "date_order: MDY\n", func(c *Config) { c.DateOrder = "mdy" }},
		{"decimal", "decimal: comma\n", func(c *Config) { c.Decimal = "comma" }},
		{"decimal point", "decimal: Point\n", func(c *Config) { c.Decimal = "point" }},
		{"commission.rate", "commission:\n  rate: 0.125\n", func(c *Config) { c.Commission.Rate = 0.125 }},
		{"commission.rate 0", "commission: {rate: 0}\n", func(c *Config) { c.Commission.Rate = 0 }},
		{"commission.rate 1", "commission: {rate: 1}\n", func(c *Config) { c.Commission.Rate = 1 }},
		{"commission.per_sale", "commission: {per_sale: 500}\n", func(c *Config) { c.Commission.PerSale = 500 }},
		{"goals.basis", "goals: {basis: closings}\n", func(c *Config) { c.Goals.Basis = "closings" }},
		{"goals amounts", "goals:\n  monthly_commission: 3000\n  annual_commission: 36000\n  monthly_closings: 4\n  annual_closings: 48\n",
			func(c *Config) {
				c.Goals.MonthlyCommission, c.Goals.AnnualCommission = 3000, 36000
				c.Goals.MonthlyClosings, c.Goals.AnnualClosings = 4, 48
			}},
		{"follow_up_after_days", "follow_up_after_days: 30\n", func(c *Config) { c.FollowUpAfterDays = 30 }},
		{"follow_up_after_days 0", "follow_up_after_days: 0\n", func(c *Config) { c.FollowUpAfterDays = 0 }},
		{"stale_after_days", "stale_after_days: 60\n", func(c *Config) { c.StaleAfterDays = 60 }},
		{"near_miss_probability", "near_miss_probability: 80\n", func(c *Config) { c.NearMissProb = 80 }},
		{"alerts", "alerts:\n  ratio_worse_pct: 10\n  contacts_down_pct: 15.5\n  value_down_pct: 30\n",
			func(c *Config) {
				c.Alerts.RatioWorsePct, c.Alerts.ContactsDownPct, c.Alerts.ValueDownPct = 10, 15.5, 30
			}},
		{"week alerts", "cadence: Week\nalerts: {week_min_contacts: 5, week_value_down_pct: 50}\n", func(c *Config) {
			c.Cadence, c.Alerts.WeekMinContacts, c.Alerts.WeekValueDownPct = "week", 5, 50
		}},
		{"one alert", "alerts: {value_down_pct: 40}\n", func(c *Config) { c.Alerts.ValueDownPct = 40 }},
		{"templates", "templates: my/templates\n", func(c *Config) { c.Templates = "my/templates" }},
		{"font", "font: /usr/share/fonts/NotoSansCJK.ttf\n", func(c *Config) { c.Font = "/usr/share/fonts/NotoSansCJK.ttf" }},
		{"limits", "limits:\n  max_file_mb: 1\n  max_unzip_mb: 2\n  max_xml_memory_mb: 3\n  max_rows: 4\n  max_columns: 5\n  max_cell_bytes: 6\n  max_total_rows: 7\n",
			func(c *Config) {
				c.Limits = Limits{MaxFileMB: 1, MaxUnzipMB: 2, MaxXMLMemoryMB: 3, MaxRows: 4, MaxColumns: 5, MaxCellBytes: 6, MaxTotalRows: 7}
			}},
		{"integral float for an int", "stale_after_days: 30.0\n", func(c *Config) { c.StaleAfterDays = 30 }},
		{"text that looks like a number", "currency: 978\n", func(c *Config) { c.Currency = "978" }},

		{"list replaces", "contact_types: [call]\n", func(c *Config) { c.ContactTypes = []string{"call"} }},
		{"empty list replaces", "contact_types: []\n", func(c *Config) { c.ContactTypes = []string{} }},
		{"null list keeps default", "contact_types:\nlate_stages: ~\n", nil},
		{"null scalar keeps default", "inbox:\ncommission: {rate: ~}\n", nil},
		{"null section keeps default", "commission:\nalerts: ~\n", nil},
		{"block list", "late_stages:\n  - demo\n  - contract\n", func(c *Config) { c.LateStages = []string{"demo", "contract"} }},
		{"word list", "words:\n  lost: [lost, \"no\"]\n", func(c *Config) { c.Words.Lost = []string{"lost", "no"} }},
		{"unquoted yaml 1.1 words stay text", "words: {referral: [yes, no, true, 1, on]}\n",
			func(c *Config) { c.Words.Referral = []string{"yes", "no", "true", "1", "on"} }},
		{"categories replace", "loss_reasons:\n  categories:\n    price: {controllable: false, match: [price]}\n",
			func(c *Config) {
				c.LossReasons.Categories = map[string]LossCategory{"price": {Match: []string{"price"}}}
			}},
		{"no categories", "loss_reasons: {categories: {}}\n", func(c *Config) { c.LossReasons.Categories = map[string]LossCategory{} }},
		{"null categories keep default", "loss_reasons: {categories: ~}\n", nil},
		{"controllable yes", "loss_reasons: {categories: {x: {controllable: yes}}}\n",
			func(c *Config) { c.LossReasons.Categories = map[string]LossCategory{"x": {Controllable: true}} }},

		{"commission.reps", "commission:\n  reps:\n    \"Jane Doe\": {rate: 0.12}\n    Bob: {per_sale: 50}\n",
			func(c *Config) {
				c.Commission.Reps = map[string]RepCommission{"Jane Doe": {Rate: ptr(0.12)}, "Bob": {PerSale: ptr(50.0)}}
			}},
		{"goals.reps", "goals:\n  monthly_commission: 1000\n  reps:\n    Ann: {monthly_commission: 2000, annual_closings: 12}\n",
			func(c *Config) {
				c.Goals.MonthlyCommission = 1000
				c.Goals.Reps = map[string]RepGoal{"Ann": {MonthlyCommission: ptr(2000.0), AnnualClosings: ptr(12)}}
			}},
		{"null reps keep empty", "goals: {reps: ~}\ncommission: {reps: ~}\n", nil},

		{"mapping", "mapping:\n  - files: \"deal-owner*.csv\"\n    kind: Deals\n    columns: {Rep: \"Deal Owner\", Deal ID: \"ID\", next-follow-up: Next}\n  - files: \"my-tally*.xlsx\"\n    sheet: \"20*\"\n    kind: tallies\n    rep: \"Zoë Brontë\"\n",
			func(c *Config) {
				c.Mapping = []Mapping{
					{Files: "deal-owner*.csv", Kind: "deals", Columns: map[string]string{"rep": "Deal Owner", "deal_id": "ID", "next_follow_up": "Next"}},
					{Files: "my-tally*.xlsx", Sheet: "20*", Kind: "tallies", Rep: "Zoë Brontë"},
				}
			}},
		{"merge in a section", "commission:\n  <<: {rate: 0.2, per_sale: 1}\n  per_sale: 3\n",
			func(c *Config) { c.Commission.Rate, c.Commission.PerSale = 0.2, 3 }},
		{"alias", "late_stages: &s [demo]\nwords: {maybe: *s}\n",
			func(c *Config) { c.LateStages, c.Words.Maybe = []string{"demo"}, []string{"demo"} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse([]byte(tc.src), "config.yaml")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := Default()
			if tc.want != nil {
				tc.want(want)
			}
			got.CommissionSet = false // TestCommissionSet covers it
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tc.src, got, want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("Validate after Parse: %v", err)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		key  string
		line int
		msg  string // a substring of Msg
	}{
		{"unknown top-level key", "inbox: in\ncolour: red\n", "colour", 2, "unknown key; the keys here are inbox, out"},
		{"unknown top-level key close to one", "inbox: in\npage-size: A4\n", "page-size", 2, "did you mean page_size?"},
		{"key at the wrong level", "out: out\nrate: 0.1\n", "rate", 2, "did you mean commission.rate?"},
		{"unknown nested key", "inbox: in\ncommission:\n  rat: 0.12\n", "commission.rat", 3, "unknown key (did you mean rate?)"},
		{"unknown key in a rep override", "commission:\n  rate: 0.1\n  reps:\n    Jane Doe:\n      rat: 0.2\n",
			`commission.reps["Jane Doe"].rat`, 5, "did you mean rate?"},
		{"unknown key in a list entry", "mapping:\n  - files: a.csv\n    kind: deals\n  - files: b.csv\n    kind: deals\n    colums: {rep: Owner}\n",
			"mapping[1].colums", 6, "did you mean columns?"},
		{"unknown key in a category", "loss_reasons:\n  categories:\n    price:\n      matches: [price]\n",
			"loss_reasons.categories.price.matches", 4, "did you mean match?"},
		{"string for a number", "commission:\n  rate: ten\n", "commission.rate", 2, `want a number, got "ten"`},
		{"quoted number", "follow_up_after_days: \"90\"\n", "follow_up_after_days", 1, `want a whole number, got "90"`},
		{"fraction for a whole number", "limits:\n  max_rows: 2.5\n", "limits.max_rows", 2, `want a whole number, got "2.5"`},
		{"huge whole number", "limits:\n  max_rows: 99999999999999999999\n", "limits.max_rows", 2, "want a whole number"},
		{"map for a list", "inbox: in\ncontact_types:\n  call: yes\n", "contact_types", 2, "want a list such as [a, b], got key: value pairs"},
		{"text for a list", "late_stages: proposal\n", "late_stages", 1, `want a list such as [a, b], got "proposal"`},
		{"list for text", "currency: [USD]\n", "currency", 1, "want text, got a list"},
		{"list for a number", "commission:\n  per_sale: [1]\n", "commission.per_sale", 2, "want a number, got a list"},
		{"text for a section", "commission: 0.1\n", "commission", 1, `want keys under it (rate, per_sale, reps), got "0.1"`},
		{"bad bool", "loss_reasons:\n  categories:\n    x: {controllable: perhaps}\n", "loss_reasons.categories.x.controllable", 3, "want true or false"},
		{"wrong type in a list entry", "mapping:\n  - files: a.csv\n    kind: deals\n    columns: [rep]\n", "mapping[0].columns", 4, "want name: value pairs, got a list"},
		{"scalar top level", "hello\n", "", 1, `want key: value lines`},
		{"list top level", "- a\n", "", 1, `want key: value lines`},
		{"duplicate key", "inbox: a\nout: b\ninbox: c\n", "inbox", 3, "given twice (first on line 1)"},
		{"duplicate columns field", "mapping:\n  - files: a.csv\n    kind: deals\n    columns:\n      Rep: A\n      rep: B\n", "mapping[0].columns.rep", 6, "given twice (first on line 5)"},
		{"empty list entry", "contact_types: [call, ~]\n", "contact_types[1]", 1, "an empty entry"},
		{"blank word", "words:\n  won: [won, \" \"]\n", "words.won[1]", 2, "want a word"},
		{"blank open word", "inbox: a\nwords:\n  open: [open, \"\"]\n", "words.open[1]", 3, "want a word"},
		{"blank no_contact word", "words:\n  maybe: [later]\n  no_contact: [\"  \"]\n", "words.no_contact[0]", 3, "want a word"},
		{"blank no_owner word", "words:\n  no_owner:\n    - unassigned\n    - \" \"\n", "words.no_owner[1]", 4, "want a word"},
		{"second document", "inbox: a\n---\ninbox: b\n", "", 2, "a second YAML document"},
		{"syntax error", "inbox: a\ncontact_types: [call\n", "", 2, "YAML syntax: did not find expected ',' or ']'"},
		{"syntax error in a list", "inbox: a\nlate_stages:\n  - x\n  y: 2\n", "", 3, "YAML syntax"},
		{"syntax error on a scanner line", "inbox: a\nout: b: c\n", "", 2, "YAML syntax: mapping values are not allowed"},
		{"tab indent", "commission:\n\trate: 0.1\n", "", 2, "not tabs"},
		{"alias contains itself", "commission: &a\n  <<: *a\n", "commission", 2, "nested too deeply"},

		{"bad page_size", "page_size: B5\n", "page_size", 1, `want A4 or Letter, got "B5"`},
		{"email server without a port", "email:\n  server: smtp.example.com\n", "email.server", 2, "want host:port"},
		{"email server with a bad port", "email:\n  server: smtp.example.com:99999\n", "email.server", 2, "want host:port"},
		{"email security none off this machine", "email:\n  server: smtp.example.com:25\n  security: none\n", "email.security", 3, "only for a server on this machine"},
		{"email security unknown", "email:\n  security: ssl\n", "email.security", 2, `want starttls, tls or none, got "ssl"`},
		{"email auth unknown", "email:\n  auth: cram-md5\n", "email.auth", 2, `want plain, login or xoauth2`},
		{"email username without a password source", "email:\n  username: me\n  password_env: \"\"\n", "email.password_env", 3, "want the name of the variable"},
		{"email from not an address", "email:\n  from: reports\n", "email.from", 2, "want an address"},
		{"email team_to not an address", "email:\n  team_to:\n    - boss@example.com\n    - boss\n", "email.team_to[1]", 4, "want an e-mail address"},
		{"email negative rate", "email:\n  rate_per_minute: -1\n", "email.rate_per_minute", 2, "want 0 or more"},
		{"email zero attachment size", "email:\n  max_attachment_mb: 0\n", "email.max_attachment_mb", 2, "want a whole number above 0"},
		{"email unknown key", "email:\n  smtp: x\n", "email.smtp", 2, "unknown"},
		{"bad date_order", "currency: USD\ndate_order: ymd\n", "date_order", 2, `want auto, mdy or dmy, got "ymd"`},
		{"bad cadence", "cadence: daily\n", "cadence", 1, `want month or week, got "daily"`},
		{"bad decimal", "decimal: dot\n", "decimal", 1, `want auto, point or comma, got "dot"`},
		{"bad goals.basis", "goals:\n  basis: revenue\n", "goals.basis", 2, `want commission or closings, got "revenue"`},
		{"rate above 1", "commission:\n  rate: 10\n", "commission.rate", 2, "want a share between 0 and 1"},
		{"rate below 0", "commission:\n  rate: -0.1\n", "commission.rate", 2, "want a share between 0 and 1"},
		{"rate not a number", "commission:\n  rate: .nan\n", "commission.rate", 2, "want a share between 0 and 1"},
		{"negative per_sale", "commission: {per_sale: -5}\n", "commission.per_sale", 1, "want 0 or more"},
		{"rep rate above 1", "commission:\n  reps:\n    Ann: {rate: 12}\n", "commission.reps.Ann.rate", 3, "want a share"},
		{"same rep twice", "commission:\n  reps:\n    Jane Doe: {rate: 0.2}\n    \" jane  DOE\": {rate: 0.3}\n",
			`commission.reps[" jane  DOE"]`, 4, `the same rep as "Jane Doe"`},
		{"blank rep name", "goals:\n  reps:\n    \" \": {monthly_closings: 1}\n", `goals.reps[" "]`, 3, "want a rep's name"},
		{"negative goal", "goals:\n  annual_commission: -1\n", "goals.annual_commission", 2, "want 0 or more"},
		{"negative rep goal", "goals:\n  reps:\n    Ann:\n      monthly_closings: -2\n", "goals.reps.Ann.monthly_closings", 4, "want 0 or more"},
		{"negative days", "stale_after_days: -1\n", "stale_after_days", 1, "want 0 or more, got -1"},
		{"negative follow-up days", "follow_up_after_days: -90\n", "follow_up_after_days", 1, "want 0 or more"},
		{"probability above 100", "near_miss_probability: 170\n", "near_miss_probability", 1, "between 0 and 100"},
		{"negative alert", "alerts:\n  contacts_down_pct: -25\n", "alerts.contacts_down_pct", 2, "want 0 or more"},
		{"negative limit", "limits:\n  max_file_mb: -1\n", "limits.max_file_mb", 2, "want a whole number above 0"},
		{"zero limit", "limits:\n  max_total_rows: 0\n", "limits.max_total_rows", 2, "want a whole number above 0"},
		{"blank category match", "loss_reasons:\n  categories:\n    price: {match: [\"\"]}\n", "loss_reasons.categories.price.match[0]", 3, "want a word"},
		{"mapping without files", "mapping:\n  - kind: deals\n    columns: {rep: Owner}\n", "mapping[0].files", 2, "want a file pattern"},
		{"mapping with a bad glob", "mapping:\n  - files: \"[deals\"\n    kind: deals\n", "mapping[0].files", 2, "syntax error in pattern"},
		{"mapping with a bad sheet glob", "mapping:\n  - files: a.csv\n    sheet: \"[x\"\n    kind: deals\n", "mapping[0].sheet", 3, "syntax error in pattern"},
		{"mapping with an unknown kind", "mapping:\n  - files: a.csv\n    kind: leads\n", "mapping[0].kind", 3, `want activities, deals, tallies or roster, got "leads"`},
		{"mapping without a kind", "mapping:\n  - files: a.csv\n", "mapping[0].kind", 2, `got ""`},
		{"mapping with an unknown field", "mapping:\n  - files: a.csv\n    kind: deals\n    columns:\n      rep: Owner\n      owner: Owner\n",
			"mapping[0].columns.owner", 6, "unknown field; the fields are activity_id, aliases"},
		{"mapping field close to one", "mapping:\n  - files: a.csv\n    kind: deals\n    columns: {repp: Owner}\n", "mapping[0].columns.repp", 4, "did you mean rep?"},
		{"mapping with an empty header", "mapping:\n  - files: a.csv\n    kind: deals\n    columns:\n      rep: \"\"\n", "mapping[0].columns.rep", 5, "want the header text"},
		{"empty mapping entry", "mapping:\n  - ~\n", "mapping[0]", 2, "an empty entry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse([]byte(tc.src), "config.yaml")
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tc.src, c)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse error %T %v is not an *Error", err, err)
			}
			if e.File != "config.yaml" || e.Key != tc.key || e.Line != tc.line || !strings.Contains(e.Msg, tc.msg) {
				t.Errorf("Parse(%q) error\n got  file %q key %q line %d msg %q\n want file %q key %q line %d msg containing %q",
					tc.src, e.File, e.Key, e.Line, e.Msg, "config.yaml", tc.key, tc.line, tc.msg)
			}
		})
	}
}

// TestParseAliasBomb checks that aliases cannot make a small file cost a
// great deal: the walk stops after maxNodes values.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("words:\n  won: &a [" + strings.Repeat("x, ", 999) + "x]\nloss_reasons:\n  categories:\n")
	for i := range 200 {
		fmt.Fprintf(&b, "    c%d: {match: *a}\n", i)
	}
	_, err := Parse([]byte(b.String()), "config.yaml")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "more than 100000 values") || !strings.HasPrefix(e.Key, "loss_reasons.categories.c") {
		t.Errorf("Parse(alias bomb) = %v, want more than 100000 values", err)
	}
}

// TestDecodeError checks the safety net that turns a yaml.v3 decode error
// the walk did not foresee into an *Error with a key.
func TestDecodeError(t *testing.T) {
	w := &walker{lines: map[string]int{"commission": 2, "commission.rate": 3, "out": 1}}
	e := w.decodeError(&yaml.TypeError{Errors: []string{"line 3: cannot unmarshal !!str `ten` into float64"}})
	if e.Key != "commission.rate" || e.Line != 3 || e.Msg != "cannot unmarshal !!str `ten` into float64" {
		t.Errorf("decodeError = %+v", e)
	}
}

func TestErrorString(t *testing.T) {
	_, err := Parse([]byte("inbox: in\ncommission:\n  rate: ten\n"), "config.yaml")
	if got, want := err.Error(), `config.yaml:3: commission.rate: want a number, got "ten"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "c.yaml", Key: "out", Line: 2, Msg: "m"}, "c.yaml:2: out: m"},
		{Error{File: "c.yaml", Msg: "m"}, "c.yaml: m"},
		{Error{Key: "commission.rate", Msg: "m"}, "commission.rate: m"},
		{Error{Line: 4, Msg: "m"}, "line 4: m"},
		{Error{Msg: "m"}, "m"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v.Error() = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *Config)
		key    string // "" for no error
	}{
		{"defaults", func(c *Config) {}, ""},
		{"zero follow-up days", func(c *Config) { c.FollowUpAfterDays = 0 }, ""},
		{"nil maps and slices", func(c *Config) {
			c.Commission.Reps, c.Goals.Reps, c.Mapping, c.LossReasons.Categories = nil, nil, nil, nil
		}, ""},
		{"page_size not canonical", func(c *Config) { c.PageSize = "letter" }, "page_size"},
		{"date_order", func(c *Config) { c.DateOrder = "ymd" }, "date_order"},
		{"decimal", func(c *Config) { c.Decimal = "" }, "decimal"},
		{"rate", func(c *Config) { c.Commission.Rate = 1.01 }, "commission.rate"},
		{"rep rate", func(c *Config) {
			c.Commission.Reps = map[string]RepCommission{"Ann": {Rate: ptr(-0.5)}}
		}, "commission.reps.Ann.rate"},
		{"rep per_sale", func(c *Config) {
			c.Commission.Reps = map[string]RepCommission{"Ann Lee": {PerSale: ptr(-1.0)}}
		}, `commission.reps["Ann Lee"].per_sale`},
		{"basis", func(c *Config) { c.Goals.Basis = "Closings" }, "goals.basis"},
		{"stale days", func(c *Config) { c.StaleAfterDays = -1 }, "stale_after_days"},
		{"late stage blank", func(c *Config) { c.LateStages = []string{""} }, "late_stages[0]"},
		{"limit", func(c *Config) { c.Limits.MaxColumns = 0 }, "limits.max_columns"},
		{"mapping kind", func(c *Config) { c.Mapping = []Mapping{{Files: "*.csv", Kind: "Deals"}} }, "mapping[0].kind"},
		{"mapping field", func(c *Config) {
			c.Mapping = []Mapping{{Files: "*.csv", Kind: "deals"}, {Files: "*.xlsx", Kind: "roster", Columns: map[string]string{"Rep": "Name"}}}
		}, "mapping[1].columns.Rep"},
		{"mapping ok", func(c *Config) {
			c.Mapping = []Mapping{{Files: "x/*.csv", Kind: "roster", Columns: map[string]string{"rep": "Name", "aliases": "AKA"}}}
		}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := Default()
			tc.change(c)
			err := c.Validate()
			if tc.key == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Validate() = %v, want an *Error", err)
			}
			if e.Key != tc.key || e.Line != 0 || e.File != "" {
				t.Errorf("Validate() = key %q line %d file %q (%v), want key %q, no line, no file", e.Key, e.Line, e.File, e, tc.key)
			}
		})
	}
}

func TestStarter(t *testing.T) {
	got, err := Parse(Starter(), "starter.yaml")
	if err != nil {
		t.Fatalf("Parse(Starter()): %v", err)
	}
	want := Default()
	want.Currency = "USD"     // the starter says it; Default leaves it to the data
	want.CommissionSet = true // the starter writes commission.rate out
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(Starter()) differs from Default()\n got %+v\nwant %+v", got, want)
	}

	// Every key reachable through sections is written out, and every key
	// that holds a value says what it does.
	var doc yaml.Node
	if err := yaml.Unmarshal(Starter(), &doc); err != nil {
		t.Fatal(err)
	}
	w := &walker{lines: map[string]int{}, budget: maxNodes}
	if e := w.walk(doc.Content[0], configType, "", 1, 0); e != nil {
		t.Fatal(e)
	}
	lines := strings.Split(string(Starter()), "\n")
	for _, key := range structKeys(configType, "") {
		line, ok := w.lines[key]
		if !ok {
			t.Errorf("Starter() lacks key %s", key)
			continue
		}
		if f := fieldType(configType, key); f.Kind() == reflect.Struct {
			continue // a section heading
		}
		if !strings.Contains(lines[line-1], " # ") {
			t.Errorf("Starter() line %d, key %s, has no comment: %q", line, key, lines[line-1])
		}
	}
	for i, l := range lines {
		if strings.Contains(l, "\t") {
			t.Errorf("Starter() line %d has a tab", i+1)
		}
	}
}

// fieldType follows a dotted key of struct fields from t.
func fieldType(t reflect.Type, key string) reflect.Type {
	for name := range strings.SplitSeq(key, ".") {
		t, _ = fieldByName(t, name)
	}
	return t
}

func TestLookups(t *testing.T) {
	c, err := Parse([]byte(`
commission:
  rate: 0.10
  per_sale: 25
  reps:
    "Jane Doe": {rate: 0.12}
    "Bob  Smith ": {per_sale: 40}
goals:
  monthly_commission: 3000
  annual_commission: 36000
  monthly_closings: 4
  reps:
    "José Müller": {monthly_commission: 5000, annual_closings: 60}
`), "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type goals struct {
		mc, ac float64
		mn, an int
	}
	tests := []struct {
		rep     string
		rate    float64
		perSale float64
		goals   goals
	}{
		{"Jane Doe", 0.12, 25, goals{3000, 36000, 4, 0}},
		{"jane doe", 0.12, 25, goals{3000, 36000, 4, 0}},
		{"  JANE   Doe\t", 0.12, 25, goals{3000, 36000, 4, 0}},
		{"Bob Smith", 0.10, 40, goals{3000, 36000, 4, 0}},
		{"bob smith", 0.10, 40, goals{3000, 36000, 4, 0}},
		{"José Müller", 0.10, 25, goals{5000, 36000, 4, 60}},
		{"JOSÉ  MÜLLER", 0.10, 25, goals{5000, 36000, 4, 60}},
		{"Jose Muller", 0.10, 25, goals{3000, 36000, 4, 0}}, // accents are not folded
		{"Nobody", 0.10, 25, goals{3000, 36000, 4, 0}},
		{"", 0.10, 25, goals{3000, 36000, 4, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.rep, func(t *testing.T) {
			if got := c.RateFor(tc.rep); got != tc.rate {
				t.Errorf("RateFor(%q) = %v, want %v", tc.rep, got, tc.rate)
			}
			if got := c.PerSaleFor(tc.rep); got != tc.perSale {
				t.Errorf("PerSaleFor(%q) = %v, want %v", tc.rep, got, tc.perSale)
			}
			var g goals
			g.mc, g.ac, g.mn, g.an = c.GoalsFor(tc.rep)
			if g != tc.goals {
				t.Errorf("GoalsFor(%q) = %+v, want %+v", tc.rep, g, tc.goals)
			}
		})
	}

	// A zero Config has no maps: the team values (zero) come back.
	var z Config
	if z.RateFor("x") != 0 || z.PerSaleFor("x") != 0 {
		t.Error("lookups on a zero Config")
	}
}

func TestLoad(t *testing.T) {
	t.Run("empty path gives defaults", func(t *testing.T) {
		c, err := Load("")
		if err != nil || !reflect.DeepEqual(c, Default()) {
			t.Errorf("Load(\"\") = %+v, %v; want defaults", c, err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nope.yaml")
		_, err := Load(path)
		var e *Error
		if !errors.As(err, &e) || e.File != path || !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("Load(missing) = %v, want an *Error for %s wrapping fs.ErrNotExist", err, path)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name %s", err, path)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if err != nil || !reflect.DeepEqual(c, Default()) {
			t.Errorf("Load(empty) = %+v, %v; want defaults", c, err)
		}
	})
	t.Run("error names the file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, []byte("out: x\ncommision: {rate: 0.1}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(path)
		if want := path + ":2: commision: unknown key (did you mean commission?)"; err == nil || err.Error() != want {
			t.Errorf("Load = %v, want %s", err, want)
		}
	})
	t.Run("too large", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(path, make([]byte, maxFileBytes+1), 0o644); err != nil {
			t.Fatal(err)
		}
		var e *Error
		if _, err := Load(path); !errors.As(err, &e) || !strings.Contains(e.Msg, "too large") {
			t.Errorf("Load(huge) = %v", err)
		}
	})
	t.Run("templates beside the config", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "coaching"), 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, []byte("templates: coaching\nfont: missing.ttf\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(dir, "coaching"); c.Templates != want {
			t.Errorf("Templates = %q, want %q", c.Templates, want)
		}
		if c.Font != "missing.ttf" {
			t.Errorf("Font = %q, want it as written", c.Font)
		}
	})
}

// TestRepoConfig loads the repository's own config.yaml, the first one a
// new user sees.
func TestRepoConfig(t *testing.T) {
	c, err := Load("../config.yaml")
	if err != nil {
		t.Fatalf("Load(../config.yaml): %v", err)
	}
	if c.Inbox != "examples/inbox" || c.Out != "out" {
		t.Errorf("inbox %q out %q, want examples/inbox and out", c.Inbox, c.Out)
	}
	if c.Commission.Rate != 0.10 {
		t.Errorf("commission.rate = %v, want 0.10", c.Commission.Rate)
	}
	if mc, ac, _, _ := c.GoalsFor("Anyone"); mc != 5000 || ac != 60000 {
		t.Errorf("goals = %v, %v; want 5000, 60000", mc, ac)
	}
	if len(c.Mapping) != 0 {
		t.Errorf("the repository's config has %d mappings, want none (presets read the examples)", len(c.Mapping))
	}
	if err := c.Validate(); err != nil {
		t.Error(err)
	}
}
