package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/repcard/repcard"
)

// Report is every number of one run for one period: the whole team, each
// manager's team and each rep. It is what metrics.json holds; the PDFs print
// from it.
type Report struct {
	Period   PeriodJSON      `json:"period"`
	Currency string          `json:"currency"`
	Inputs   []repcard.Input `json:"inputs"` // set by the caller
	// Commission is the rule that turned won deals into commission, so
	// that the PDFs can say what was assumed.
	Commission CommissionRule `json:"commission"`
	Team       Metrics        `json:"team"`
	Managers   []Manager      `json:"managers"`
	Reps       []Rep          `json:"reps"`

	aliases map[string]string // NameKey of a roster alias or e-mail → the rep's name
}

// PeriodJSON is the period as metrics.json writes it.
type PeriodJSON struct {
	Label string `json:"label"` // 2026-10, 2026-Q4, 2026
	Start string `json:"start"` // 2026-10-01
	End   string `json:"end"`   // 2026-10-31
	// DataEnds is the data's last date when it falls before End: the
	// report is of the period to date, and the months after DataEnds are
	// months with no data, not months of zeros.
	DataEnds string `json:"data_ends,omitempty"`
}

// ToDate reports whether the report is of its period to date: whether the
// data ends before the period does.
func (p PeriodJSON) ToDate() bool { return p.DataEnds != "" }

// CommissionRule is the team's commission rule: a won deal's commission
// field when it has one, else its amount × Rate, else PerSale.
type CommissionRule struct {
	Rate    float64       `json:"rate"`     // share of a won deal's amount (0.1 is 10 %)
	PerSale repcard.Money `json:"per_sale"` // flat, for a won deal with no amount
	// Default: config.yaml has no commission: and repcard's default rule
	// applies, an assumption the PDFs state.
	Default bool `json:"default"`
	// OwnRate counts the reps whose rate or per_sale differs from the
	// team's (commission.reps in config.yaml).
	OwnRate int `json:"own_rate"`
}

// Manager is one manager's team: the reps the roster puts under them, and
// their metrics summed (ratios recomputed from the sums).
type Manager struct {
	Manager string `json:"manager"`
	Office  string `json:"office,omitempty"` // the office of all its reps, when they share one
	// Email is the manager's address: their own roster row's, else a
	// "Manager email" column of their reps' rows; "" when neither says.
	Email string   `json:"email,omitempty"`
	Reps  []string `json:"reps"`
	Metrics
}

// Rep is one rep's report.
type Rep struct {
	Rep      string  `json:"rep"`
	Slug     string  `json:"slug"` // set by the caller (output.Slugs)
	Manager  string  `json:"manager"`
	Office   string  `json:"office"`
	OnRoster bool    `json:"on_roster"`
	Email    string  `json:"email,omitempty"` // the roster's address for the rep
	Sources  Sources `json:"sources"`
	// CommissionRate and CommissionPerSale are the rep's commission rule
	// (the team's, or the rep's own in commission.reps).
	CommissionRate    float64       `json:"commission_rate"`
	CommissionPerSale repcard.Money `json:"commission_per_sale"`
	Metrics
	Records      Records    `json:"records"`
	Rank         Rank       `json:"rank"` // on value per contact, this month and last
	FollowUpsDue []FollowUp `json:"follow_ups_due"`
	StaleMaybes  []Stale    `json:"stale_maybes"`
	NearMisses   []NearMiss `json:"near_misses"`
	Losses       []Loss     `json:"losses"` // every explicit no of the period with a prospect, oldest first (self-review)
}

// Sources says where a rep's numbers come from; the package documentation
// says how each source is chosen.
type Sources struct {
	Contacts     string `json:"contacts"`      // "activities+tallies", "deals (won+lost)" or "none"
	Closings     string `json:"closings"`      // "deals", "activities+tallies" or "none"
	ReferralAsks string `json:"referral_asks"` // "deals", "activities+tallies" or "none"
}

// The values of Sources fields.
const (
	SourceActivities = "activities+tallies"
	SourceDeals      = "deals"
	SourceDecided    = "deals (won+lost)"
	SourceNone       = "none"
)

// Counts are the metrics that exist for any stretch of time: a month, the
// period, the year to date.
type Counts struct {
	Contacts         int           `json:"contacts"`
	Planned          int           `json:"planned"` // touches not done yet: not contacts
	Closings         int           `json:"closings"`
	Rejections       int           `json:"rejections"` // contacts − closings, never below 0
	CloseRate        Ratio         `json:"close_rate"`
	ContactsPerClose Ratio         `json:"contacts_per_close"`
	Revenue          repcard.Money `json:"revenue"`
	Commission       repcard.Money `json:"commission"`
	ValuePerContact  NullMoney     `json:"value_per_contact"` // commission / contacts, to the cent
	ExplicitNos      int           `json:"explicit_nos"`
	ReferralAsks     NullInt       `json:"referral_asks"`     // null when no row records referral asks (not tracked)
	ReferralAskRate  Ratio         `json:"referral_ask_rate"` // referral asks / explicit nos of the reps that track them
	Touches          int           `json:"touches"`           // done activities of every type, plus tallied contacts
	TouchesPerSale   Ratio         `json:"touches_per_sale"`
	ValuePerTouch    NullMoney     `json:"value_per_touch"` // commission / touches, to the cent
}

// Metrics are the metrics of the period for a rep, a manager's team or the
// team, with the trailing 12 months and the year to date.
type Metrics struct {
	Counts
	LossReasons       []LossReason  `json:"loss_reasons"`
	ControllableNos   int           `json:"controllable_nos"`
	UncontrollableNos int           `json:"uncontrollable_nos"` // includes category "other"; nos with no reason are in neither
	NoReasonShare     Ratio         `json:"no_reason_share"`    // explicit nos that carry a reason / explicit nos
	NoFollowUpShare   Ratio         `json:"no_follow_up_share"` // explicit nos whose prospect has a follow-up date after its last no / explicit nos
	NearMissesCount   int           `json:"near_misses_count"`
	FollowUpsDueCount int           `json:"follow_ups_due_count"`
	StaleMaybesCount  int           `json:"stale_maybes_count"`
	PipelineOpen      repcard.Money `json:"pipeline_open"`
	PipelineDeals     int           `json:"pipeline_deals"`
	PipelineTopShare  Ratio         `json:"pipeline_top_share"`
	Goal              Goal          `json:"goal"`
	Trend             Trend         `json:"trend"`
	TrendArrow        string        `json:"trend_arrow"` // value_per_contact: ArrowUp, ArrowDown, ArrowFlat, or "" when undefined
	Alerts            []Alert       `json:"alerts"`
	Wins              []Win         `json:"wins"`
	Monthly           []Month       `json:"monthly"` // 12 months, oldest first, ending with the period's last month
	YTD               YTD           `json:"ytd"`

	// A week report's own (BuildWeek; absent from other reports): the 12
	// weeks ending with the period's, oldest first; contacts by day of the
	// week, Monday first; and the measures monthly tallies leave uncounted
	// week by week ("contacts", "closings").
	Weekly           []WeekCounts `json:"weekly,omitempty"`
	Weekdays         []int        `json:"weekdays,omitempty"`
	NotTrackedWeekly []string     `json:"not_tracked_weekly,omitempty"`
}

// WeekCounts is one week of a week report's trailing 12. Counts is null
// for a week with no row of any kind: a gap, not zeros.
type WeekCounts struct {
	Week       string   `json:"week"`  // 2026-W43
	Start      string   `json:"start"` // its Monday
	Counts     *Counts  `json:"counts"`
	NotTracked []string `json:"not_tracked,omitempty"` // as Metrics.NotTrackedWeekly, for this week
}

// Month is one month of the trailing 12.
type Month struct {
	Month   string `json:"month"`    // 2026-10
	HasData bool   `json:"has_data"` // false: no row of any kind in the month (charts show a gap)
	Counts
}

// YTD is the year to date: 1 January of the period end's year through the
// period end.
type YTD struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Counts
}

// LossReason is how many explicit nos gave one reason.
type LossReason struct {
	Reason       string `json:"reason"`
	Category     string `json:"category"`
	Controllable bool   `json:"controllable"`
	Count        int    `json:"count"`
}

// Goal is goal progress: the period against its goal, the year to date
// against the year's goal pro-rated to the period end, and the pace needed
// for the rest of the year. Values are in the basis' unit: currency for
// "commission", closings for "closings".
type Goal struct {
	Basis              string  `json:"basis"` // BasisCommission or BasisClosings
	PeriodGoal         GoalNum `json:"period_goal"`
	PeriodActual       GoalNum `json:"period_actual"`
	Attainment         Ratio   `json:"attainment"`
	YearGoal           GoalNum `json:"year_goal"`
	YTDActual          GoalNum `json:"ytd_actual"`
	YTDGoalProrated    GoalNum `json:"ytd_goal_prorated"`
	YTDAttainment      Ratio   `json:"ytd_attainment"`
	AheadBy            GoalNum `json:"ahead_by"` // ytd_actual − ytd_goal_prorated; null without a year goal
	MonthsLeft         int     `json:"months_left"`
	PaceNeededPerMonth GoalNum `json:"pace_needed_per_month"` // null when months_left = 0 or no year goal
}

// Trend compares the period's last month with the pooled previous 3 months.
type Trend struct {
	Month            string     `json:"month"`    // the period's last month
	Baseline         string     `json:"baseline"` // "2026-07..2026-09"
	ContactsPerClose TrendValue `json:"contacts_per_close"`
	ValuePerContact  TrendValue `json:"value_per_contact"` // currency units, unrounded
	Contacts         TrendValue `json:"contacts"`          // baseline: the mean of the 3 months
}

// TrendValue is one metric's value this month, its baseline and the change
// in per cent ((value − baseline) / baseline × 100).
type TrendValue struct {
	Value     Ratio `json:"value"`
	Baseline  Ratio `json:"baseline"`
	ChangePct Ratio `json:"change_pct"`
}

// Alert is a trend that crossed a config threshold.
type Alert struct {
	Metric    Metric `json:"metric"`
	Message   string `json:"message"`
	Theirs    string `json:"-"` // the message as a rep's manager reads it: "their 3-month …"
	Value     Ratio  `json:"value"`
	Baseline  Ratio  `json:"baseline"`
	ChangePct Ratio  `json:"change_pct"`
}

// Win is a won deal (or the won outcomes with one prospect in one month) to
// celebrate.
type Win struct {
	Rep        string        `json:"rep"`
	Prospect   string        `json:"prospect"`
	Date       Day           `json:"date"`
	Amount     NullMoney     `json:"amount"`
	Commission repcard.Money `json:"commission"`
	Count      int           `json:"count"` // 1 for a deal; won outcomes folded per prospect and month
}

// Records are a rep's personal records at the period's last month.
type Records struct {
	BestMonth       bool          `json:"best_month"` // the last month's commission is the best of the trailing 12 (ties count)
	MonthCommission repcard.Money `json:"month_commission"`
	PreviousBest    repcard.Money `json:"previous_best"` // best of the 11 months before
	StreakMonths    int           `json:"streak_months"` // consecutive months with a closing, ending with the last month
}

// FollowUp is a prospect whose last answer was a no and who is due a
// follow-up.
type FollowUp struct {
	Prospect     string `json:"prospect"`
	Date         Day    `json:"date"` // of the no
	Reason       string `json:"reason"`
	LastTouch    Day    `json:"last_touch"`
	NextFollowUp Day    `json:"next_follow_up,omitempty"`
	DaysQuiet    int    `json:"days_quiet"` // period end − last touch
	Rule         string `json:"rule"`       // "quiet N days" or "follow-up date"
	Due          Day    `json:"due"`        // the follow-up date, or last touch + follow_up_after_days
	Why          string `json:"why"`        // "90 days after the no", "90 days after the last touch" or "follow-up date set"
}

// Stale is an open deal or a maybe that has gone quiet.
type Stale struct {
	Kind     string    `json:"kind"` // StaleOpenDeal or StaleMaybe
	Prospect string    `json:"prospect"`
	Since    Day       `json:"since"` // last sign of life: touch, answer or deal created
	AgeDays  int       `json:"age_days"`
	Amount   NullMoney `json:"amount"`
	Stage    string    `json:"stage,omitempty"`
	Deal     string    `json:"deal,omitempty"` // an open deal's id, when it has one
}

// Loss is one explicit no of the period: a lost deal, or a prospect's
// rejected outcomes of one month (Count says how many).
type Loss struct {
	Prospect     string    `json:"prospect"`
	Date         Day       `json:"date"`
	Amount       NullMoney `json:"amount"`
	Reason       string    `json:"reason"`
	Category     string    `json:"category"` // as in loss_reasons: a config category, CategoryOther or CategoryUnknown
	Controllable bool      `json:"controllable"`
	Stage        string    `json:"stage,omitempty"`
	Count        int       `json:"count"`
}

// NearMiss is a lost deal that had reached a late stage or a high
// probability.
type NearMiss struct {
	Prospect    string    `json:"prospect"`
	Date        Day       `json:"date"`
	Amount      NullMoney `json:"amount"`
	Stage       string    `json:"stage"`
	Probability Ratio     `json:"probability"` // per cent, null when absent
	Reason      string    `json:"reason"`
	By          string    `json:"by"`    // "stage", "probability" or "stage+probability"
	Count       int       `json:"count"` // 1 for a deal; lost outcomes folded per prospect and month
}

// Day is a date in a listed item. It marshals as "2026-10-31", or "" for
// the zero Day, without keeping a string per item.
type Day repcard.Date

// String formats d as ISO 8601, or "" for the zero Day.
func (d Day) String() string { return repcard.Date(d).String() }

// MarshalJSON writes d as a JSON string.
func (d Day) MarshalJSON() ([]byte, error) {
	if d == 0 {
		return []byte(`""`), nil
	}
	y, m, dd := repcard.Date(d).YMD()
	return fmt.Appendf(nil, `"%04d-%02d-%02d"`, y, int(m), dd), nil
}

// Ratio is a ratio that may be undefined (a division by zero). It marshals
// to null when undefined, else to the float unrounded.
type Ratio struct {
	V  float64
	OK bool
}

// MarshalJSON writes the float, or null.
func (r Ratio) MarshalJSON() ([]byte, error) {
	if !r.OK || math.IsNaN(r.V) || math.IsInf(r.V, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(r.V)
}

// String formats r unrounded, or "–" when undefined (for messages and tests).
func (r Ratio) String() string {
	if !r.OK {
		return "–"
	}
	return strconv.FormatFloat(r.V, 'f', -1, 64)
}

// ratio returns num / den, undefined when den is 0.
func ratio(num, den int64) Ratio {
	if den == 0 {
		return Ratio{}
	}
	return Ratio{float64(num) / float64(den), true}
}

// NullInt is a count that may not be tracked: the data has no column for
// it. It marshals to null, or as an int; a count of 0 is a count.
type NullInt struct {
	V  int
	OK bool
}

// MarshalJSON writes the count, or null.
func (n NullInt) MarshalJSON() ([]byte, error) {
	if !n.OK {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n.V), 10), nil
}

// NullMoney is an amount that may be absent or undefined (a value per
// contact with no contacts, a deal with no amount). It marshals to null, or
// as repcard.Money does.
type NullMoney struct {
	V  repcard.Money
	OK bool
}

// MarshalJSON writes the amount with two decimals, or null.
func (m NullMoney) MarshalJSON() ([]byte, error) {
	if !m.OK {
		return []byte("null"), nil
	}
	return m.V.MarshalJSON()
}

// perUnit returns m / n rounded half away from zero to the cent, undefined
// when n is 0.
func perUnit(m repcard.Money, n int64) NullMoney {
	if n == 0 {
		return NullMoney{}
	}
	return NullMoney{repcard.Money(divRound(int64(m), n)), true}
}

// GoalNum is a goal quantity in hundredths of the basis' unit: cents of
// commission, or hundredths of a closing (a pro-rated goal of 10 closings a
// year is 4.17 at the end of May). It marshals to null when !OK, to two
// decimals for money, and to the shortest decimal for closings.
type GoalNum struct {
	V     int64 // hundredths
	Money bool
	OK    bool
}

// MarshalJSON writes the number, or null.
func (g GoalNum) MarshalJSON() ([]byte, error) {
	if !g.OK {
		return []byte("null"), nil
	}
	if g.Money {
		return repcard.Money(g.V).MarshalJSON()
	}
	return strconv.AppendFloat(nil, float64(g.V)/100, 'f', -1, 64), nil
}

// Units returns g in the basis' unit (currency or closings).
func (g GoalNum) Units() float64 { return float64(g.V) / 100 }

// divRound returns a / b rounded half away from zero; b must not be 0.
func divRound(a, b int64) int64 {
	if b < 0 {
		a, b = -a, -b
	}
	q, r := a/b, a%b
	if 2*abs(r) >= b {
		if a < 0 {
			q--
		} else {
			q++
		}
	}
	return q
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// JSON returns the report as metrics.json writes it: indented with two
// spaces, with a final newline. The same report gives the same bytes.
func (r *Report) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// WriteJSON writes the same bytes as JSON, one rep at a time, so that a
// large report (thousands of follow-ups) is never held as one document.
func (r *Report) WriteJSON(w io.Writer) error {
	head := *r
	head.Reps = []Rep{}
	b, err := json.MarshalIndent(&head, "", "  ")
	if err != nil {
		return err
	}
	const tail = "[]\n}"
	if len(r.Reps) == 0 || !bytes.HasSuffix(b, []byte(tail)) {
		if len(r.Reps) > 0 {
			return fmt.Errorf("report: unexpected JSON layout")
		}
		_, err = w.Write(append(b, '\n'))
		return err
	}
	b = append(b[:len(b)-len(tail)], "[\n"...)
	for i := range r.Reps {
		rb, err := json.MarshalIndent(&r.Reps[i], "    ", "  ")
		if err != nil {
			return err
		}
		b = append(append(b, "    "...), rb...)
		if i < len(r.Reps)-1 {
			b = append(b, ",\n"...)
		} else {
			b = append(b, "\n  ]\n}\n"...)
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		b = b[:0]
	}
	return nil
}

// Shorten cuts every rep's follow-ups due and stale maybes to their first
// n entries; FollowUpsDueCount and StaleMaybesCount keep the full numbers.
// A run writes metrics.json from the whole report, then shortens it to what
// the PDFs print (pdf.ListRows), so that a report with hundreds of
// thousands of follow-ups is not held while rendering.
func (r *Report) Shorten(n int) {
	for i := range r.Reps {
		rep := &r.Reps[i]
		if len(rep.FollowUpsDue) > n {
			rep.FollowUpsDue = slices.Clone(rep.FollowUpsDue[:n])
		}
		if len(rep.StaleMaybes) > n {
			rep.StaleMaybes = slices.Clone(rep.StaleMaybes[:n])
		}
	}
}

// Only returns a copy of r that keeps only the reps named (as RepNamed
// finds them: by name or roster alias, case, spacing and accents folded)
// and the managers with at least one of them. Team and manager figures stay
// those of all the data.
func (r *Report) Only(names []string) *Report {
	out := *r
	out.Reps = []Rep{}
	kept := map[string]bool{}
	for _, n := range names {
		if rep, ok := r.RepNamed(n); ok {
			kept[rep] = true
		}
	}
	for _, rep := range r.Reps {
		if kept[rep.Rep] {
			out.Reps = append(out.Reps, rep)
		}
	}
	out.Managers = []Manager{}
	for _, m := range r.Managers {
		for _, n := range m.Reps {
			if kept[n] {
				out.Managers = append(out.Managers, m)
				break
			}
		}
	}
	return &out
}
