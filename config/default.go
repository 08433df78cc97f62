package config

import "slices"

// Fields are the field names a mapping's columns may name, sorted. The reader
// maps header text to these same names.
var Fields = []string{
	"activity_id",
	"aliases",
	"amount",
	"calls",
	"closings",
	"commission",
	"contacts",
	"converted_amount",
	"converted_currency",
	"created",
	"currency",
	"date",
	"deal_id",
	"done",
	"email",
	"emails",
	"loss_reason",
	"manager",
	"manager_email",
	"meetings",
	"next_follow_up",
	"office",
	"outcome",
	"probability",
	"prospect",
	"referral_asked",
	"referral_asks",
	"rejections",
	"rep",
	"social",
	"stage",
	"start_date",
	"status",
	"type",
	"visits",
}

// The default word lists that hold words of several languages: English,
// then Spanish, Portuguese, French, German, Italian and Dutch, as CRMs
// localise their won, lost and open stages. The starter config spells the
// same lists (TestStarter holds them equal).
var (
	wonWords = []string{"won", "closed won", "closedwon", "sale", "sold", "deal won", "signed",
		"ganado", "ganada", "cerrado ganado", "cerrada ganada", "vendido",
		"ganho", "ganha", "fechado ganho", "fechada ganha",
		"gagné", "gagnée", "fermé gagné", "vendu",
		"gewonnen", "abgeschlossen gewonnen", "verkauft",
		"vinto", "vinta", "chiuso vinto", "chiusa vinta", "venduto",
		"gesloten gewonnen", "verkocht"}
	lostWords = []string{"lost", "closed lost", "closedlost", "not interested", "rejected", "no", "declined", "deal lost", "refused",
		"perdido", "perdida", "cerrado perdido", "cerrada perdida",
		"fechado perdido", "fechada perdida",
		"perdu", "perdue", "fermé perdu",
		"verloren", "abgeschlossen verloren",
		"perso", "persa", "chiuso perso", "chiusa persa",
		"gesloten verloren"}
	// openWords are the open statuses and the stages of the stock
	// pipelines: Salesforce and Zoho, HubSpot (labels and internal names
	// fold alike), Pipedrive, Close.
	openWords = []string{"open", "active", "in progress", "new", "lead", "qualified", "proposal", "negotiation",
		"prospecting", "qualification", "needs analysis", "value proposition", "id. decision makers",
		"identify decision makers", "perception analysis", "proposal/price quote", "negotiation/review",
		"appointment scheduled", "qualified to buy", "presentation scheduled", "decision maker bought-in", "contract sent",
		"lead in", "contact made", "demo scheduled", "needs defined", "proposal made", "negotiations started",
		"abierto", "abierta", "en curso", "aberto", "aberta", "em andamento",
		"ouvert", "ouverte", "en cours", "offen", "in bearbeitung", "aperto", "aperta", "in corso", "lopend"}
	noContactWords = []string{"cancelled", "canceled", "no show", "no-show", "rescheduled", "did not show",
		"cancelado", "cancelada", "reprogramado", "annulé", "abgesagt", "annullato", "geannuleerd"}
	noOwnerWords = []string{"unassigned", "not assigned", "no owner", "(none)", "-", "n/a", "unknown", "inactive user", "deleted user", "tbd", "tba",
		"sin asignar", "não atribuído", "non assigné", "nicht zugewiesen", "non assegnato", "niet toegewezen"}
)

// kinds are the values a mapping's kind may take, as in repcard.Kind (less
// "none", which is a sheet repcard leaves alone).
var kinds = []string{"activities", "deals", "tallies", "roster"}

// Default returns a new Config holding every key's default. Its maps and
// slices are fresh and non-nil, so the caller may change them.
func Default() *Config {
	return &Config{
		Inbox:        "examples/inbox",
		Out:          "out",
		Cadence:      "month",
		Currency:     "",
		PageSize:     "A4",
		DateOrder:    "auto",
		Decimal:      "auto",
		ContactTypes: []string{"call", "email", "meeting", "visit", "social"},
		Commission: Commission{
			Rate:    0.10,
			PerSale: 0,
			Reps:    map[string]RepCommission{},
		},
		Goals: Goals{
			Basis: "commission",
			Reps:  map[string]RepGoal{},
		},
		FollowUpAfterDays: 90,
		StaleAfterDays:    45,
		LateStages:        []string{"proposal", "negotiation"},
		NearMissProb:      70,
		Alerts: Alerts{
			RatioWorsePct:   20,
			ContactsDownPct: 25,
			ValueDownPct:    25,

			WeekRatioWorsePct:   30,
			WeekContactsDownPct: 30,
			WeekValueDownPct:    30,
			WeekMinContacts:     10,
		},
		LossReasons: LossReasons{Categories: map[string]LossCategory{
			"timing":     {Controllable: false, Match: []string{"timing", "not now", "next year"}},
			"budget":     {Controllable: false, Match: []string{"budget", "price", "too expensive"}},
			"competitor": {Controllable: false, Match: []string{"competitor", "went with"}},
			"fit":        {Controllable: true, Match: []string{"wrong contact", "decision maker", "no need"}},
			"follow_up":  {Controllable: true, Match: []string{"no response", "went dark", "no follow"}},
		}},
		Words: Words{
			Won:       slices.Clone(wonWords),
			Lost:      slices.Clone(lostWords),
			Open:      slices.Clone(openWords),
			Maybe:     []string{"follow up", "follow-up", "call back", "callback", "maybe", "later", "thinking about it", "send info"},
			Planned:   []string{"to do", "todo", "not started", "scheduled", "open", "planned", "pending", "deferred", "no", "false"},
			NoContact: slices.Clone(noContactWords),
			NoOwner:   slices.Clone(noOwnerWords),
			Referral:  []string{"yes", "y", "true", "1", "x", "asked"},
		},
		Mapping:   []Mapping{},
		Templates: "templates",
		Font:      "",
		Limits: Limits{
			MaxFileMB:      200,
			MaxUnzipMB:     1024,
			MaxXMLMemoryMB: 16,
			MaxRows:        1048576,
			MaxColumns:     16384,
			MaxCellBytes:   32768,
			MaxTotalRows:   20000000,
		},
		ExchangeRates: map[string]float64{},
		Email:         defaultEmail(),
	}
}

// Starter returns a commented config.yaml that sets every key to its default
// and says in one line what it does. Parse(Starter()) equals Default() but
// for currency, which the starter sets to USD where Default leaves it to the
// data. It is what "repcard init" writes.
func Starter() []byte { return []byte(starter) }

const starter = `# repcard configuration. Every key is shown with its default: delete a line to
# keep the default. A list you give replaces the default list.

inbox: examples/inbox      # folder of exports (.xlsx .xlsm .csv .tsv), read at any depth
out: out                   # output folder; reports go to out/<period>/
cadence: month             # the default period: the newest whole month, or week (the newest whole ISO week)
currency: USD              # the report's currency code; the printed symbol follows it (delete the line: the data's, else USD)
page_size: A4              # A4 or Letter
date_order: auto           # 03/10/2026: mdy (March 10) | dmy (3 October) | auto: decided per column
decimal: auto              # point (1,234.56) | comma (1.234,56) | auto: decided per column
contact_types: [call, email, meeting, visit, social]  # activity types that count as contacts

commission:
  rate: 0.10               # share of a won deal's amount: 0.10 is 10 %
  per_sale: 0              # flat commission for a won deal that has no amount
  reps: {}                 # per-rep overrides, e.g. {"Jane Doe": {rate: 0.12, per_sale: 50}}

goals:
  basis: commission        # what attainment measures: commission | closings
  monthly_commission: 0    # each rep's commission goal for a month (0: no goal)
  annual_commission: 0     # each rep's commission goal for a year
  monthly_closings: 0      # each rep's goal of won deals for a month
  annual_closings: 0       # each rep's goal of won deals for a year
  reps: {}                 # per-rep overrides, e.g. {"Jane Doe": {monthly_commission: 4000}}

follow_up_after_days: 90   # a prospect who said no is due a follow-up after this many days
stale_after_days: 45       # an open deal or a maybe with no touch for this long is stale
late_stages: [proposal, negotiation]  # a lost deal that reached one of these stages is a near miss
near_miss_probability: 70  # ... and so is a lost deal that had this probability (%) or more

alerts:                    # a change against the mean of the previous 3 months is an alert when
  ratio_worse_pct: 20      # contacts per close got worse by this many per cent
  contacts_down_pct: 25    # contacts fell by this many per cent
  value_down_pct: 25       # value per contact fell by this many per cent
  week_ratio_worse_pct: 30   # a week report: the same against the mean of the 4 weeks before
  week_contacts_down_pct: 30 # contacts fell by this many per cent
  week_value_down_pct: 30    # value per contact fell by this many per cent
  week_min_contacts: 10      # no week alert on a week with fewer contacts than this

loss_reasons:
  categories:              # a loss reason containing a match (any case) is in that category; yours replace these
    timing: {controllable: false, match: [timing, not now, next year]}
    budget: {controllable: false, match: [budget, price, too expensive]}
    competitor: {controllable: false, match: [competitor, went with]}
    fit: {controllable: true, match: [wrong contact, decision maker, no need]}
    follow_up: {controllable: true, match: [no response, went dark, no follow]}

words:                     # words in status, outcome, done and owner columns, matched ignoring case, spaces and punctuation
  won: [won, closed won, closedwon, sale, sold, deal won, signed,  # a won deal or a sale
    ganado, ganada, cerrado ganado, cerrada ganada, vendido, ganho, ganha, fechado ganho, fechada ganha,
    gagné, gagnée, fermé gagné, vendu, gewonnen, abgeschlossen gewonnen, verkauft,
    vinto, vinta, chiuso vinto, chiusa vinta, venduto, gesloten gewonnen, verkocht]
  lost: [lost, closed lost, closedlost, not interested, rejected, "no", declined, deal lost, refused,  # an explicit no
    perdido, perdida, cerrado perdido, cerrada perdida, fechado perdido, fechada perdida,
    perdu, perdue, fermé perdu, verloren, abgeschlossen verloren, perso, persa, chiuso perso, chiusa persa, gesloten verloren]
  open: [open, active, in progress, new, lead, qualified, proposal, negotiation,  # a deal still in the pipeline
    prospecting, qualification, needs analysis, value proposition, id. decision makers, identify decision makers,
    perception analysis, proposal/price quote, negotiation/review, appointment scheduled, qualified to buy,
    presentation scheduled, decision maker bought-in, contract sent, lead in, contact made, demo scheduled,
    needs defined, proposal made, negotiations started, abierto, abierta, en curso, aberto, aberta, em andamento,
    ouvert, ouverte, en cours, offen, in bearbeitung, aperto, aperta, in corso, lopend]
  # A deal status in none of won, lost, open leaves its row out as an issue,
  # unless the column is a stage column (Stage, Deal Stage) and the row has a
  # probability above 0 and below 100, or the sheet's stages include a won and a lost word.
  maybe: [follow up, follow-up, call back, callback, maybe, later, thinking about it, send info]  # a vague maybe
  planned: [to do, todo, not started, scheduled, open, planned, pending, deferred, "no", "false"]  # a touch not done yet
  no_contact: [cancelled, canceled, no show, no-show, rescheduled, did not show,  # a touch that did not take place: kept, not a contact
    cancelado, cancelada, reprogramado, annulé, abgesagt, annullato, geannuleerd]
  no_owner: [unassigned, not assigned, no owner, "(none)", "-", n/a, unknown, inactive user, deleted user, tbd, tba,  # owner cells that are no rep: rows left out
    sin asignar, não atribuído, non assigné, nicht zugewiesen, non assegnato, niet toegewezen]
  referral: ["yes", "y", "true", "1", x, asked]  # a referral was asked

mapping: []                # column mappings for files no preset knows, for example:
#  - files: "deal-owner*.csv"   # glob, relative to the inbox
#    sheet: "*"                 # optional glob on the sheet name
#    kind: deals                # activities | deals | tallies | roster
#    columns: {rep: "Deal Owner", status: "Sales stage", date: "Close Date", amount: "Deal size"}
#  - files: "my-tally*.xlsx"    # a personal tally book with no rep column
#    kind: tallies
#    rep: "Zoë Brontë"          # the rep every row belongs to

templates: templates       # folder of coaching text templates
font: ""                   # optional TTF font for scripts the built-in font lacks

exchange_rates: {}         # amounts in other currencies, converted: report-currency units per unit, e.g. {GBP: 1.17, EUR: 1.08}
                           # a row in a currency not listed here is left out and listed in data-issues.csv

limits:                    # what one untrusted spreadsheet may cost
  max_file_mb: 200         # size of one input file
  max_unzip_mb: 1024       # unzipped size of one workbook
  max_xml_memory_mb: 16    # sheet XML larger than this streams through a temporary file
  max_rows: 1048576        # rows per sheet
  max_columns: 16384       # columns per row
  max_cell_bytes: 32768    # bytes per cell
  max_total_rows: 20000000 # rows in the whole inbox

email:                     # "repcard send": each rep and manager gets their own PDF
  server: ""               # host:port of the SMTP server, e.g. smtp.example.com:587
  security: starttls       # starttls | tls | none (none only for a server on this machine)
  username: ""             # "": the server needs no login
  password_env: REPCARD_SMTP_PASSWORD # the password (or xoauth2 token) is read from this variable,
  password_file: ""        # or from this file when set; never written in config.yaml
  auth: plain              # plain | login | xoauth2
  from: ""                 # "Sales reports <reports@example.com>"
  team_to: []              # who gets team.pdf, e.g. [head.of.sales@example.com]
  cc_manager: false        # true: the manager in Cc on each rep's mail
  rate_per_minute: 30      # messages a minute at most, to stay under the provider's limit (0: no pacing)
  max_attachment_mb: 15    # a larger PDF is not attached: the mail says where it is
`
