package coach

import (
	"cmp"
	"math/big"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/report"
)

// Count is a whole number in a View. It prints with thousands separators
// ({{.Contacts}} gives 1,234) and compares as a number
// ({{if gt .Closings 1}}).
type Count int

// String formats c with thousands separators.
func (c Count) String() string { return format.Int(int(c)) }

// undefined is how a View prints a number that does not exist (a ratio
// with no sale, a value per contact with no contact).
const undefined = "–"

// View is the data of every coaching template: one rep's numbers, printed
// as the PDF prints them (money with the currency's symbol, ratios with one
// decimal, per cents whole). A field whose number is undefined prints "–";
// a rule only fires when the numbers its words need exist. "Last month" is
// the period's last month (the period itself for a monthly report); "the 3
// months before" are the 3 months before it, pooled.
//
// templates/README.md lists the same fields for the people who edit the
// templates; TestReadmeListsEveryField keeps the two in step.
type View struct {
	// Who and when.
	Rep            string // the rep's full name: "Jane Doe"
	FirstName      string // the first word of it: "Jane"
	Period         string // the period: "October 2026", "Q4 2026", "2026"
	Month          string // the period's last month: "October 2026"
	BaselineMonths string // the 3 months before it: "July–September 2026"

	// What the contacts are: "contact" and "contacts", or "decided deal"
	// and "decided deals" when the rep has no activity log and its
	// contacts are its won and lost deals.
	ContactWord  string
	ContactsWord string

	// The period.
	Contacts        Count  // contacts
	Closings        Count  // closings (sales)
	Nos             Count  // contacts that did not close (rejections)
	ExplicitNos     Count  // nos said in so many words: lost deals, rejected outcomes
	Commission      string // "$5,784"
	HasCommission   bool   // commission above zero
	ValuePerContact string // commission / contacts, every no included: "$48.20"
	NosWorth        string // Nos × ValuePerContact, what the nos paid: "$5,254"
	Ratio           string // contacts per close: "10.9"

	// Last month against the 3 months before.
	MonthContacts            Count  // last month's contacts
	MonthClosings            Count  // last month's closings
	MonthCommission          string // last month's commission: "$8,094"
	BaselineContacts         Count  // contacts of the 3 months before, together
	BaselineClosings         Count  // closings of the 3 months before, together
	MonthRatio               string // last month's contacts per close: "14.3"
	BaselineRatio            string // the 3 months' contacts per close: "10.9"
	RatioChange              string // change of contacts per close: "+31 %" (up is worse)
	BaselineContactsPerMonth string // the 3 months' average contacts a month: "52"
	ContactsChange           string // change of contacts on that average: "−31 %"
	MonthValuePerContact     string // last month's value per contact: "$30.10"
	BaselineValuePerContact  string // the 3 months' value per contact: "$48.20"
	ValueChange              string // change of value per contact: "−38 %"
	ByMoney                  bool   // the good/bad month rules compare value per contact (false: closings per contact, no commission recorded)

	// The trailing 12 months, the period's last month included.
	YearContacts        Count  // contacts
	YearClosings        Count  // closings
	YearCommission      string // commission: "$61,200"
	YearRatio           string // contacts per close: "11.4"
	YearValuePerContact string // value per contact: "$44.70"
	HasYearCommission   bool   // commission above zero over the 12 months

	// Losses of the period.
	ControllableNos   Count  // nos whose reason is in a controllable category
	UncontrollableNos Count  // nos whose reason is not (no reason given: in neither)
	ClassifiedNos     Count  // ControllableNos + UncontrollableNos
	TopReason         string // the most frequent controllable reason: "Wrong contact"
	TopReasonCategory string // its category in config.yaml: "fit", "follow_up"
	TopReasonCount    Count  // how many nos gave it

	// Referrals of the period.
	ReferralAsks Count  // nos after which a referral was asked
	ReferralRate string // ReferralAsks / ExplicitNos: "27 %"

	// Follow-ups due at the period end.
	FollowUpsDue         Count  // prospects whose last answer was no and who are due a touch
	OldestFollowUp       string // the prospect whose no is the oldest: "Marlowe & Finch"
	OldestFollowUpDate   string // the date of that no: "10 December 2025"
	OldestFollowUpReason string // its reason, or ""

	// Stale maybes and quiet open deals at the period end.
	StaleMaybes     Count  // how many
	OldestStale     string // the prospect quiet the longest
	OldestStaleDays Count  // for how many days
	StaleAmount     string // their amounts together: "$45,600", or "" when none has an amount

	// Near misses of the period: lost deals that had reached a late stage.
	NearMisses       Count  // how many
	NearMissesAmount string // their amounts together, or "" when none has an amount
	TopNearMiss      string // the prospect of the largest one

	// Open pipeline at the period end.
	PipelineDeals Count  // open deals
	PipelineOpen  string // their amounts together: "$120,000"
	TopShare      string // the largest open deal's share of it: "58 %"
	TopDealAmount string // the largest open deal's amount: "$69,600"

	// Records at the period's last month.
	StreakMonths Count  // months in a row with a closing, last month included
	PreviousBest string // the best monthly commission of the 11 months before: "$6,558"
	MatchedBest  bool   // last month's commission equals the previous best (a tie)
	FirstBest    bool   // there was no commission in the 11 months before
}

// NewView returns the template data of rep in rpt.
func NewView(rpt *report.Report, rep *report.Rep) View {
	cur := rpt.Currency
	whole := func(m repcard.Money) string { return format.MoneyWhole(m, cur) }
	cents := func(m report.NullMoney) string {
		if !m.OK {
			return undefined
		}
		return format.Money(m.V, cur)
	}
	ratio := func(r report.Ratio) string {
		if !r.OK {
			return undefined
		}
		return format.Ratio(r.V, 1)
	}
	change := func(r report.Ratio) string {
		if !r.OK {
			return undefined
		}
		return format.SignedPercent(r.V)
	}

	v := View{Rep: rep.Rep}
	if f := strings.Fields(rep.Rep); len(f) > 0 {
		v.FirstName = f[0]
	}
	v.Period, v.Month, v.BaselineMonths = periodNames(rpt, rep)
	v.ContactWord, v.ContactsWord = "contact", "contacts"
	if rep.Sources.Contacts == report.SourceDecided {
		v.ContactWord, v.ContactsWord = "decided deal", "decided deals"
	}

	v.Contacts, v.Closings, v.Nos, v.ExplicitNos = Count(rep.Contacts), Count(rep.Closings), Count(rep.Rejections), Count(rep.ExplicitNos)
	v.Commission, v.HasCommission = whole(rep.Commission), rep.Commission > 0
	v.ValuePerContact = cents(rep.ValuePerContact)
	v.NosWorth = undefined
	if rep.ValuePerContact.OK {
		v.NosWorth = whole(rep.ValuePerContact.V * repcard.Money(rep.Rejections))
	}
	v.Ratio = ratio(rep.ContactsPerClose)

	w := newWindow(rep)
	v.MonthContacts, v.MonthClosings, v.MonthCommission = Count(w.month.Contacts), Count(w.month.Closings), whole(w.month.Commission)
	v.BaselineContacts, v.BaselineClosings = Count(w.base.Contacts), Count(w.base.Closings)
	v.MonthValuePerContact = cents(perUnit(w.month.Commission, w.month.Contacts))
	v.BaselineValuePerContact = cents(perUnit(w.base.Commission, w.base.Contacts))
	v.ValueChange = undefined
	if w.month.Contacts > 0 && w.base.Contacts > 0 && w.base.Commission > 0 {
		m := new(big.Rat).Quo(big.NewRat(int64(w.month.Commission), int64(w.month.Contacts)), big.NewRat(int64(w.base.Commission), int64(w.base.Contacts)))
		pct, _ := m.Sub(m, big.NewRat(1, 1)).Mul(m, big.NewRat(100, 1)).Float64()
		v.ValueChange = format.SignedPercent(pct)
	}
	v.ByMoney = w.byMoney
	t := &rep.Trend
	v.MonthRatio, v.BaselineRatio, v.RatioChange = ratio(t.ContactsPerClose.Value), ratio(t.ContactsPerClose.Baseline), change(t.ContactsPerClose.ChangePct)
	v.BaselineContactsPerMonth, v.ContactsChange = undefined, change(t.Contacts.ChangePct)
	if t.Contacts.Baseline.OK {
		v.BaselineContactsPerMonth = format.Ratio(t.Contacts.Baseline.V, 0)
	}

	var year report.Counts
	for i := range rep.Monthly {
		c := &rep.Monthly[i].Counts
		year.Contacts += c.Contacts
		year.Closings += c.Closings
		year.Commission += c.Commission
	}
	v.YearContacts, v.YearClosings, v.YearCommission = Count(year.Contacts), Count(year.Closings), whole(year.Commission)
	v.YearRatio = undefined
	if year.Closings > 0 {
		v.YearRatio = format.Ratio(float64(year.Contacts)/float64(year.Closings), 1)
	}
	v.YearValuePerContact = cents(perUnit(year.Commission, year.Contacts))
	v.HasYearCommission = year.Commission > 0

	v.ControllableNos, v.UncontrollableNos = Count(rep.ControllableNos), Count(rep.UncontrollableNos)
	v.ClassifiedNos = v.ControllableNos + v.UncontrollableNos
	var top *report.LossReason
	for i := range rep.LossReasons {
		lr := &rep.LossReasons[i]
		if lr.Controllable && lr.Count > 0 && (top == nil || cmp.Or(cmp.Compare(lr.Count, top.Count), strings.Compare(top.Reason, lr.Reason)) > 0) {
			top = lr
		}
	}
	if top != nil {
		v.TopReason, v.TopReasonCategory, v.TopReasonCount = top.Reason, top.Category, Count(top.Count)
	}

	v.ReferralAsks = Count(rep.ReferralAsks.V) // 0 when not tracked: few_referrals needs them tracked
	v.ReferralRate = undefined
	if rep.ReferralAskRate.OK {
		v.ReferralRate = format.Percent(rep.ReferralAskRate.V)
	}

	v.FollowUpsDue = Count(rep.FollowUpsDueCount)
	var fu *report.FollowUp
	for i := range rep.FollowUpsDue {
		f := &rep.FollowUpsDue[i]
		if fu == nil || cmp.Or(cmp.Compare(f.Date, fu.Date), strings.Compare(f.Prospect, fu.Prospect)) < 0 {
			fu = f
		}
	}
	if fu != nil {
		v.OldestFollowUp, v.OldestFollowUpDate, v.OldestFollowUpReason = fu.Prospect, longDate(repcard.Date(fu.Date)), fu.Reason
	}

	v.StaleMaybes = Count(rep.StaleMaybesCount)
	var st *report.Stale
	var staleSum repcard.Money
	var staleAny bool
	for i := range rep.StaleMaybes {
		s := &rep.StaleMaybes[i]
		if st == nil || cmp.Or(cmp.Compare(s.AgeDays, st.AgeDays), strings.Compare(st.Prospect, s.Prospect)) > 0 {
			st = s
		}
		if s.Amount.OK {
			staleSum, staleAny = staleSum+s.Amount.V, true
		}
	}
	if st != nil {
		v.OldestStale, v.OldestStaleDays = st.Prospect, Count(st.AgeDays)
	}
	if staleAny {
		v.StaleAmount = whole(staleSum)
	}

	v.NearMisses = Count(rep.NearMissesCount)
	var nm *report.NearMiss
	var nearSum repcard.Money
	var nearAny bool
	for i := range rep.NearMisses {
		n := &rep.NearMisses[i]
		if nm == nil || cmp.Or(cmpBool(n.Amount.OK, nm.Amount.OK), cmp.Compare(n.Amount.V, nm.Amount.V), strings.Compare(nm.Prospect, n.Prospect)) > 0 {
			nm = n
		}
		if n.Amount.OK {
			nearSum, nearAny = nearSum+n.Amount.V, true
		}
	}
	if nm != nil {
		v.TopNearMiss = nm.Prospect
	}
	if nearAny {
		v.NearMissesAmount = whole(nearSum)
	}

	v.PipelineDeals, v.PipelineOpen = Count(rep.PipelineDeals), whole(rep.PipelineOpen)
	v.TopShare, v.TopDealAmount = undefined, undefined
	if rep.PipelineTopShare.OK {
		v.TopShare = format.Percent(rep.PipelineTopShare.V)
		v.TopDealAmount = whole(rep.PipelineOpen.MulRate(rep.PipelineTopShare.V))
	}

	r := &rep.Records
	v.StreakMonths = Count(r.StreakMonths)
	v.PreviousBest = whole(r.PreviousBest)
	v.MatchedBest = r.MonthCommission > 0 && r.MonthCommission == r.PreviousBest
	v.FirstBest = r.PreviousBest <= 0
	return v
}

// cmpBool orders false before true.
func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

// perUnit returns m / n rounded half away from zero to the cent, as the
// report computes value per contact; undefined when n is 0.
func perUnit(m repcard.Money, n int) report.NullMoney {
	if n == 0 {
		return report.NullMoney{}
	}
	a, b := int64(m), int64(n)
	q, r := a/b, a%b
	if 2*max(r, -r) >= b {
		if a < 0 {
			q--
		} else {
			q++
		}
	}
	return report.NullMoney{V: repcard.Money(q), OK: true}
}

// periodNames returns the period's title, its last month's title and the
// title of the 3 months before that.
func periodNames(rpt *report.Report, rep *report.Rep) (period, month, baseline string) {
	p, err := repcard.ParsePeriod(rpt.Period.Label)
	if err == nil && p.Kind == repcard.PeriodWeek {
		return weekNames(p) // week.go
	}
	if err == nil {
		period = p.Title()
	} else {
		period = rpt.Period.Label
	}
	last, ok := repcard.Month(0), false
	if n := len(rep.Monthly); n > 0 {
		last, ok = parseMonth(rep.Monthly[n-1].Month)
	}
	if !ok {
		last, ok = parseMonth(rep.Trend.Month)
	}
	if !ok && err == nil {
		last, ok = p.LastMonth, true
	}
	if !ok {
		return period, "", ""
	}
	first, prev := last-3, last-1
	month = repcard.MonthPeriod(last).Title()
	if first.Year() == prev.Year() {
		baseline = first.Mon().String() + "–" + repcard.MonthPeriod(prev).Title()
	} else {
		baseline = repcard.MonthPeriod(first).Title() + "–" + repcard.MonthPeriod(prev).Title()
	}
	return period, month, baseline
}

// parseMonth reads "2026-10".
func parseMonth(s string) (repcard.Month, bool) {
	p, err := repcard.ParsePeriod(s)
	if err != nil || p.Kind != repcard.PeriodMonth {
		return 0, false
	}
	return p.FirstMonth, true
}

// longDate formats d for a sentence: "10 December 2025"; "" for no date.
func longDate(d repcard.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 January 2006")
}
