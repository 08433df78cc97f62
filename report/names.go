package report

// Metric names a metric an alert is about, as metrics.json writes it.
type Metric string

// The metrics whose trend can raise an alert.
const (
	// MetricContactsPerClose: contacts per close of the last month against
	// the pooled 3 months before; worse is up (alerts.ratio_worse_pct).
	MetricContactsPerClose Metric = "contacts_per_close"
	// MetricContacts: contacts of the last month against the mean of the 3
	// months before; worse is down (alerts.contacts_down_pct).
	MetricContacts Metric = "contacts"
	// MetricValuePerContact: commission per contact of the last month
	// against the pooled 3 months before; worse is down
	// (alerts.value_down_pct).
	MetricValuePerContact Metric = "value_per_contact"
)

// The loss categories report assigns besides the config's own (LossReason
// and Loss Category).
const (
	// CategoryUnknown is the category of explicit nos with no reason given:
	// counted as neither controllable nor uncontrollable.
	CategoryUnknown string = "unknown"
	// CategoryOther is the category of a reason no config category matches:
	// not controllable.
	CategoryOther string = "other"
)

// ReasonNotGiven is the LossReason.Reason of explicit nos with no reason.
const ReasonNotGiven string = "(no reason given)"

// The values of Metrics.TrendArrow besides "" (undefined).
const (
	ArrowUp   string = "up"
	ArrowDown string = "down"
	ArrowFlat string = "flat"
)

// The values of Goal.Basis.
const (
	BasisCommission string = "commission"
	BasisClosings   string = "closings"
)

// The values of Stale.Kind.
const (
	StaleMaybe    string = "maybe"
	StaleOpenDeal string = "open deal"
)
