package config

// Config is the whole of config.yaml after defaults are applied. Paths are as
// written in the file; Load resolves relative paths against the file's folder
// only for Templates and Font when they do not exist relative to the working
// directory (see Load).
//
// A Config returned by Parse or Load has passed Validate, and its enumerated
// values are spelled canonically: PageSize is "A4" or "Letter"; DateOrder,
// Decimal, Goals.Basis and Mapping[i].Kind are lower case; Mapping[i].Columns
// keys are members of Fields.
type Config struct {
	Inbox             string      `yaml:"inbox"`
	Out               string      `yaml:"out"`
	Cadence           string      `yaml:"cadence"`    // "month" or "week": the default period's length
	Currency          string      `yaml:"currency"`   // "": the data's (see reader), else USD
	PageSize          string      `yaml:"page_size"`  // "A4" or "Letter"
	DateOrder         string      `yaml:"date_order"` // "auto", "mdy", "dmy"
	Decimal           string      `yaml:"decimal"`    // "auto", "point", "comma"
	ContactTypes      []string    `yaml:"contact_types"`
	Commission        Commission  `yaml:"commission"`
	Goals             Goals       `yaml:"goals"`
	FollowUpAfterDays int         `yaml:"follow_up_after_days"`
	StaleAfterDays    int         `yaml:"stale_after_days"`
	LateStages        []string    `yaml:"late_stages"`
	NearMissProb      float64     `yaml:"near_miss_probability"` // percent, default 70
	Alerts            Alerts      `yaml:"alerts"`
	LossReasons       LossReasons `yaml:"loss_reasons"`
	Words             Words       `yaml:"words"`
	Mapping           []Mapping   `yaml:"mapping"`
	Templates         string      `yaml:"templates"`
	Font              string      `yaml:"font"`
	Limits            Limits      `yaml:"limits"`
	// ExchangeRates converts amounts in other currencies to the report's:
	// code → report-currency units one unit is worth ({GBP: 1.17}).
	ExchangeRates map[string]float64 `yaml:"exchange_rates"`
	Email         Email              `yaml:"email"` // repcard send

	// CommissionSet says that the file has a key under commission:
	// (Parse and Load set it): without one, the default rate is an
	// assumption the reports state.
	CommissionSet bool `yaml:"-"`
}

// Commission says how a won deal turns into the rep's pay.
type Commission struct {
	Rate    float64                  `yaml:"rate"`     // share of a won deal's amount
	PerSale float64                  `yaml:"per_sale"` // flat, when a won deal has no amount
	Reps    map[string]RepCommission `yaml:"reps"`
}

// RepCommission overrides the team's commission for one rep. A nil field
// keeps the team's value.
type RepCommission struct {
	Rate    *float64 `yaml:"rate"`
	PerSale *float64 `yaml:"per_sale"`
}

// Goals are the team's default goals, with per-rep overrides.
type Goals struct {
	Basis             string             `yaml:"basis"` // "commission" (default) or "closings"
	MonthlyCommission float64            `yaml:"monthly_commission"`
	AnnualCommission  float64            `yaml:"annual_commission"`
	MonthlyClosings   int                `yaml:"monthly_closings"`
	AnnualClosings    int                `yaml:"annual_closings"`
	Reps              map[string]RepGoal `yaml:"reps"`
}

// RepGoal overrides the team's goals for one rep. A nil field keeps the
// team's value.
type RepGoal struct {
	MonthlyCommission *float64 `yaml:"monthly_commission"`
	AnnualCommission  *float64 `yaml:"annual_commission"`
	MonthlyClosings   *int     `yaml:"monthly_closings"`
	AnnualClosings    *int     `yaml:"annual_closings"`
}

// Alerts are the thresholds at which a trend becomes an alert, in per cent.
type Alerts struct {
	RatioWorsePct   float64 `yaml:"ratio_worse_pct"`
	ContactsDownPct float64 `yaml:"contacts_down_pct"`
	ValueDownPct    float64 `yaml:"value_down_pct"`

	// A week report compares the week with the 4 weeks before it, with
	// these thresholds, and only when the week has at least
	// WeekMinContacts contacts.
	WeekRatioWorsePct   float64 `yaml:"week_ratio_worse_pct"`
	WeekContactsDownPct float64 `yaml:"week_contacts_down_pct"`
	WeekValueDownPct    float64 `yaml:"week_value_down_pct"`
	WeekMinContacts     int     `yaml:"week_min_contacts"`
}

// LossReasons maps free-text loss reasons to categories.
type LossReasons struct {
	Categories map[string]LossCategory `yaml:"categories"`
}

// LossCategory is one category of loss reason. Match holds case-insensitive
// substrings of the reason text.
type LossCategory struct {
	Controllable bool     `yaml:"controllable"`
	Match        []string `yaml:"match"`
}

// Words are the status, outcome and type words repcard recognises,
// matched case-insensitively after folding spaces and punctuation.
type Words struct {
	Won       []string `yaml:"won"`        // a won deal or a sale
	Lost      []string `yaml:"lost"`       // a lost deal or a rejection: an explicit no
	Open      []string `yaml:"open"`       // a deal still in the pipeline: Open, Prospecting, Negotiation
	Maybe     []string `yaml:"maybe"`      // a vague maybe: follow up, call back
	Planned   []string `yaml:"planned"`    // a touch not done yet: To do, Not Started
	NoContact []string `yaml:"no_contact"` // a touch that did not take place: Cancelled, No show, Rescheduled
	NoOwner   []string `yaml:"no_owner"`   // an owner that is no rep: Unassigned, Inactive User, (none)
	Referral  []string `yaml:"referral"`   // a yes in a "referral asked" column
}

// Mapping tells repcard how to read files that no preset knows.
type Mapping struct {
	Files   string            `yaml:"files"` // glob relative to the inbox, matched against the path and the base name
	Sheet   string            `yaml:"sheet"` // optional glob on the sheet name
	Kind    string            `yaml:"kind"`
	Columns map[string]string `yaml:"columns"` // field → header text
	Rep     string            `yaml:"rep"`     // fixed rep for sheets with no rep column
}

// Limits bound what one untrusted spreadsheet may cost.
type Limits struct {
	MaxFileMB      int `yaml:"max_file_mb"`       // size of one input file
	MaxUnzipMB     int `yaml:"max_unzip_mb"`      // total unzipped size of one workbook
	MaxXMLMemoryMB int `yaml:"max_xml_memory_mb"` // larger sheet XML streams from a temp file
	MaxRows        int `yaml:"max_rows"`          // rows per sheet
	MaxColumns     int `yaml:"max_columns"`       // columns per row
	MaxCellBytes   int `yaml:"max_cell_bytes"`    // bytes per cell
	MaxTotalRows   int `yaml:"max_total_rows"`    // rows in the whole inbox
}
