package report

import (
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Builder folds records into per-rep monthly accumulators as they are added,
// and builds a Report for any period from them. It keeps no activity or
// tally record: its memory grows with reps × months × prospects, not with
// rows. Deal records are kept in a compact form (for wins, near misses,
// pipeline and stale deals).
//
// A Builder is not safe for concurrent use.
type Builder struct {
	cfg *config.Config

	contactTypes map[string]bool // folded
	lateStages   []string        // folded, non-empty
	categories   []category      // sorted by name
	closingsGoal bool            // goals.basis is "closings"

	repIdx  map[string]int32
	reps    []repState
	lastRep int32 // index of the rep of the last row

	prospects, reasons, stages, types, dealIDs *interner
	typeContact                                []int8 // by type id: 0 unknown, 1 contact, 2 not
	stageLate                                  []int8 // by stage id: 0 unknown, 1 late, 2 not

	accIdx   map[uint64]int32 // rep<<32 | month → index in accs
	accs     []acc
	minMonth repcard.Month // the oldest month of any acc; valid when len(accs) > 0

	states    stateStore          // by month, then rep<<idBits | prospect
	actWins   map[uint64]winFold  // pack(rep, prospect, month): won outcomes of activities
	actNears  map[uint64]nearFold // pack(rep, prospect, month): near-miss lost outcomes of activities
	dealTouch map[uint64]uint8    // pack(rep, deal id, month) → day of the latest activity on the deal
	reasonN   map[reasonKey]int64 // explicit nos per rep, month, reason and source
	deals     []deal              // every deals row, compact
	minDate   repcard.Date        // oldest activity, tally or decided-deal date
	maxDate   repcard.Date        // newest activity, tally or decided-deal date

	week weekStore // counts per rep and day, for week reports (week.go)
}

// category is one loss-reason category of the config.
type category struct {
	name         string
	controllable bool
	match        []string // folded, non-empty
}

// repState is what the Builder knows of one rep apart from the counts.
type repState struct {
	name            string
	onRoster        bool
	manager, office string
	email, mgrEmail string // roster addresses: the rep's, and the manager's ("Manager email")
	hasAct          bool   // any activities row
	hasTally        bool   // any tallies row
	hasDeals        bool   // any deals row
	dealsReferral   bool   // any deals row with a referral-asked value
	actReferral     bool   // any activities row with a referral-asked value, or tallies row with a referral count
	tallyContacts   bool   // any tallies row that counts contacts
	rate            float64
	perSale         repcard.Money
	monthlyGoal     int64 // hundredths of the basis' unit
	annualGoal      int64

	aliases []string // the roster's aliases and e-mail addresses
}

// acc holds one rep's counts for one month, per source. Counts of
// activities leave planned touches and those that did not take place out,
// except aRows and aPlanned.
type acc struct {
	aRows, aPlanned, aTouches, aContacts     int64
	aWon, aLost, aReasoned, aReferral, aNear int64
	aRevenue, aCommission                    repcard.Money

	tRows, tContacts, tClosings, tRejections, tReferral int64
	tRevenue, tCommission                               repcard.Money

	dWon, dLost, dReasoned, dReferral, dNear int64
	dRevenue, dCommission                    repcard.Money
}

// pstate is one rep's dealings with one prospect in one month. Days are
// days of the month (1–31), 0 for none; the month is in the key.
type pstate struct {
	nfu                   repcard.Date // latest next follow-up date on a row dated in the month
	reason                int32        // loss reason of the latest no
	touch, no, maybe, won uint8        // latest done touch, no, maybe and win
	nos                   uint32       // explicit nos of activities (saturating at maxNos)
}

// winFold is the won outcomes of activities with one prospect in one month.
type winFold struct {
	date       repcard.Date // latest
	amount     repcard.Money
	commission repcard.Money
	n          int32
	hasAmount  bool
}

// nearFold is the near-miss lost outcomes of activities with one prospect in
// one month: the latest one, and how many.
type nearFold struct {
	date          repcard.Date
	amount        repcard.Money
	prob          float64
	stage, reason int32
	n             int32
	by            nearCause
	hasAmount     bool
	hasProb       bool
}

type reasonKey struct {
	rep, reason int32
	m           repcard.Month
	deals       bool
}

// deal is one deals row.
type deal struct {
	rep, prospect, id, stage, reason int32
	date, created                    repcard.Date
	amount, commission               repcard.Money
	prob                             float64
	status                           repcard.Outcome // won, lost or open
	near                             nearCause       // 0: not a near miss
	hasAmount, hasProb               bool
}

// Key packing for the per-prospect maps: 20 bits of rep, 24 of prospect (or
// deal id), 20 of month. Rows beyond these bounds (over a million reps,
// sixteen million prospects, or dates after the year 87000) are counted but
// not tracked per prospect.
const (
	monthBits = 20
	idBits    = 24
	repBits   = 20
	monthMask = 1<<monthBits - 1
	idMask    = 1<<idBits - 1
)

func pack(rep, id int32, m repcard.Month) (uint64, bool) {
	if uint32(rep) >= 1<<repBits || uint32(id) >= 1<<idBits || uint32(m) > monthMask {
		return 0, false
	}
	return uint64(rep)<<(idBits+monthBits) | uint64(id)<<monthBits | uint64(m), true
}

func unpack(k uint64) (rep, id int32, m repcard.Month) {
	return int32(k >> (idBits + monthBits)), int32(k >> monthBits & idMask), repcard.Month(k & monthMask)
}

// NewBuilder returns a Builder for cfg; nil means config.Default().
func NewBuilder(cfg *config.Config) *Builder {
	if cfg == nil {
		cfg = config.Default()
	}
	b := &Builder{
		cfg:          cfg,
		contactTypes: map[string]bool{},
		closingsGoal: strings.EqualFold(strings.TrimSpace(cfg.Goals.Basis), "closings"),
		repIdx:       map[string]int32{},
		prospects:    newInterner(true),
		reasons:      newInterner(true),
		stages:       newInterner(true),
		types:        newInterner(true),
		dealIDs:      newInterner(false),
		typeContact:  []int8{0},
		stageLate:    []int8{2},
		accIdx:       map[uint64]int32{},
		actWins:      map[uint64]winFold{},
		actNears:     map[uint64]nearFold{},
		dealTouch:    map[uint64]uint8{},
		reasonN:      map[reasonKey]int64{},
	}
	b.states.merge = b.mergeState
	for _, t := range cfg.ContactTypes {
		b.contactTypes[foldKey(t)] = true
	}
	for _, s := range cfg.LateStages {
		if k := foldKey(s); k != "" {
			b.lateStages = append(b.lateStages, k)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.LossReasons.Categories)) {
		c := cfg.LossReasons.Categories[name]
		cat := category{name: name, controllable: c.Controllable}
		for _, m := range c.Match {
			if k := foldKey(m); k != "" {
				cat.match = append(cat.match, k)
			}
		}
		b.categories = append(b.categories, cat)
	}
	return b
}

// repID returns the rep's index, adding the rep when new. Rows come in
// runs of one rep (one export, one tally book), so the last rep is tried
// first.
func (b *Builder) repID(name string) int32 {
	if len(b.reps) > 0 && b.reps[b.lastRep].name == name {
		return b.lastRep
	}
	if i, ok := b.repIdx[name]; ok {
		b.lastRep = i
		return i
	}
	name = strings.Clone(name)
	i := int32(len(b.reps))
	b.repIdx[name] = i
	rs := repState{
		name:    name,
		rate:    b.cfg.RateFor(name),
		perSale: cents(b.cfg.PerSaleFor(name)),
	}
	mc, ac, mcl, acl := b.cfg.GoalsFor(name)
	if b.closingsGoal {
		rs.monthlyGoal, rs.annualGoal = int64(mcl)*100, int64(acl)*100
	} else {
		rs.monthlyGoal, rs.annualGoal = int64(cents(mc)), int64(cents(ac))
	}
	b.reps = append(b.reps, rs)
	b.lastRep = i
	return i
}

// cents converts a config amount in currency units to Money.
func cents(units float64) repcard.Money {
	return repcard.Money(math.Round(units * 100))
}

// acc returns the accumulator of rep r for month m. The pointer is valid
// until the next call.
func (b *Builder) acc(r int32, m repcard.Month) *acc {
	k := uint64(uint32(r))<<32 | uint64(uint32(m))
	if i, ok := b.accIdx[k]; ok {
		return &b.accs[i]
	}
	if len(b.accs) == 0 || m < b.minMonth {
		b.minMonth = m
	}
	b.accIdx[k] = int32(len(b.accs))
	b.accs = append(b.accs, acc{})
	return &b.accs[len(b.accs)-1]
}

func (b *Builder) see(d repcard.Date) {
	if d > b.maxDate {
		b.maxDate = d
	}
	if b.minDate == 0 || d < b.minDate {
		b.minDate = d
	}
}

// DataSpan returns the oldest and newest dates among done activities,
// tallies and decided (won or lost) deals: the dates DefaultPeriod reads.
// It returns false when no row has such a date.
func (b *Builder) DataSpan() (first, last repcard.Date, ok bool) {
	return b.minDate, b.maxDate, b.maxDate != 0
}

// isContact reports whether an activity type counts as a contact. A blank
// type counts: a log with no type column is a log of contacts.
func (b *Builder) isContact(typ string) bool {
	id := b.types.id(typ)
	if int(id) >= len(b.typeContact) {
		b.typeContact = append(b.typeContact, make([]int8, int(id)+1-len(b.typeContact))...)
	}
	switch b.typeContact[id] {
	case 1:
		return true
	case 2:
		return false
	}
	v := id == 0 || b.contactTypes[b.types.key[id]]
	b.typeContact[id] = 2
	if v {
		b.typeContact[id] = 1
	}
	return v
}

// nearBy says why a lost row is a near miss; 0 when it is not one.
func (b *Builder) nearBy(rec *repcard.Record, stage int32) nearCause {
	if int(stage) >= len(b.stageLate) {
		b.stageLate = append(b.stageLate, make([]int8, int(stage)+1-len(b.stageLate))...)
	}
	if b.stageLate[stage] == 0 {
		b.stageLate[stage] = 2
		k := b.stages.key[stage]
		for _, s := range b.lateStages {
			if strings.Contains(k, s) {
				b.stageLate[stage] = 1
				break
			}
		}
	}
	var by nearCause
	if b.stageLate[stage] == 1 {
		by |= nearByStage
	}
	if rec.HasProbability && b.cfg.NearMissProb > 0 && rec.Probability >= b.cfg.NearMissProb {
		by |= nearByProbability
	}
	return by
}

// commission is what one won row pays the rep: its commission, else its
// amount at the rep's rate, else the rep's flat commission per sale.
func (rs *repState) commission(rec *repcard.Record) repcard.Money {
	switch {
	case rec.HasCommission:
		return rec.Commission
	case rec.HasAmount:
		return rec.Amount.MulRate(rs.rate)
	}
	return rs.perSale
}

// Add folds one record into the Builder. Records of every kind go through
// Add, in any order; rec may be reused by the caller after Add returns.
// Records with no rep, and kinds other than activities, deals, tallies and
// roster, are ignored.
func (b *Builder) Add(rec *repcard.Record) {
	if rec.Rep == "" {
		return
	}
	day := b.dayBefore(rec) // week.go
	switch rec.Kind {
	case repcard.KindActivities:
		b.addActivity(rec)
	case repcard.KindTallies:
		b.addTally(rec)
	case repcard.KindDeals:
		b.addDeal(rec)
	case repcard.KindRoster:
		b.addRoster(rec)
	}
	if day {
		b.dayAfter(rec)
	}
}

func (b *Builder) addRoster(rec *repcard.Record) {
	rs := &b.reps[b.repID(rec.Rep)]
	rs.onRoster = true
	rs.manager = merge(rs.manager, rec.Manager)
	rs.office = merge(rs.office, rec.Office)
	rs.aliases = append(append(rs.aliases, rec.Email), rec.Aliases...)
	rs.email = merge(rs.email, rec.Email)
	rs.mgrEmail = merge(rs.mgrEmail, rec.ManagerEmail)
}

// aliasIndex maps the NameKey of every roster alias and e-mail address to
// its rep's name. An alias two reps share names neither.
func (b *Builder) aliasIndex() map[string]string {
	idx := map[string]string{}
	shared := map[string]bool{}
	for _, rs := range b.reps {
		for _, a := range rs.aliases {
			k := NameKey(a)
			switch n, ok := idx[k]; {
			case k == "" || shared[k]:
			case ok && n != rs.name:
				delete(idx, k)
				shared[k] = true
			default:
				idx[k] = rs.name
			}
		}
	}
	return idx
}

// merge keeps one of two roster values: the non-blank one, or the smaller
// when both are set, so the result does not depend on the order of rows.
func merge(cur, v string) string {
	v = strings.Join(strings.Fields(v), " ")
	switch {
	case v == "":
		return cur
	case cur == "" || v < cur:
		return strings.Clone(v)
	}
	return cur
}

func (b *Builder) addActivity(rec *repcard.Record) {
	r := b.repID(rec.Rep)
	rs := &b.reps[r]
	rs.hasAct = true
	rs.actReferral = rs.actReferral || rec.Referral != repcard.Unknown
	if rec.Date == 0 {
		return
	}
	m, day := monthDay(rec.Date)
	a := b.acc(r, m)
	a.aRows++
	if rec.Planned {
		a.aPlanned++
		return
	}
	if rec.NoContact {
		return // cancelled, no-show: neither a contact nor a touch
	}
	b.see(rec.Date)
	a.aTouches++
	if b.isContact(rec.Type) {
		a.aContacts++
	}
	if rec.Referral == repcard.Yes {
		a.aReferral++
	}
	p := b.prospects.id(rec.Prospect)
	var reason int32
	switch rec.Outcome {
	case repcard.OutcomeWon:
		com := rs.commission(rec)
		a.aWon++
		a.aCommission += com
		if rec.HasAmount {
			a.aRevenue += rec.Amount
		}
		if k, ok := pack(r, p, m); ok {
			w := b.actWins[k]
			w.n++
			w.commission += com
			if rec.HasAmount {
				w.amount += rec.Amount
				w.hasAmount = true
			}
			w.date = max(w.date, rec.Date)
			b.actWins[k] = w
		}
	case repcard.OutcomeLost:
		reason = b.reasons.id(rec.LossReason)
		a.aLost++
		if reason != 0 {
			a.aReasoned++
		}
		b.reasonN[reasonKey{r, reason, m, false}]++
		stage := b.stages.id(rec.Stage)
		if by := b.nearBy(rec, stage); by != 0 {
			a.aNear++
			if k, ok := pack(r, p, m); ok {
				b.foldNear(k, rec, stage, reason, by)
			}
		}
	}
	if p != 0 {
		if k, ok := pack(r, p, m); ok {
			st := pstate{touch: uint8(day), nfu: rec.NextFollowUp}
			b.answer(&st, rec.Outcome, uint8(day), reason)
			if rec.Outcome == repcard.OutcomeLost {
				st.nos = 1
			}
			b.states.add(m, k>>monthBits, st)
		}
	}
	if rec.DealID != "" {
		if k, ok := pack(r, b.dealIDs.id(rec.DealID), m); ok {
			if d := b.dealTouch[k]; uint8(day) > d {
				b.dealTouch[k] = uint8(day)
			}
		}
	}
}

// answer records an answer (won, lost, maybe) on day of the month. Of two
// nos on the same day, the one with a reason wins, then the reason first in
// folded byte order, so the result does not depend on the order of rows.
func (b *Builder) answer(ps *pstate, o repcard.Outcome, day uint8, reason int32) {
	switch o {
	case repcard.OutcomeWon:
		ps.won = max(ps.won, day)
	case repcard.OutcomeMaybe:
		ps.maybe = max(ps.maybe, day)
	case repcard.OutcomeLost:
		if day > ps.no || day == ps.no && b.betterReason(reason, ps.reason) {
			ps.no, ps.reason = day, reason
		}
	}
}

// mergeState merges src into dst, as if src's rows had been added to dst:
// the latest day of each kind, the nos summed.
func (b *Builder) mergeState(dst, src *pstate) {
	dst.touch = max(dst.touch, src.touch)
	dst.maybe = max(dst.maybe, src.maybe)
	dst.won = max(dst.won, src.won)
	if src.no > dst.no || src.no == dst.no && b.betterReason(src.reason, dst.reason) {
		dst.no, dst.reason = src.no, src.reason
	}
	dst.nos = min(dst.nos+src.nos, maxNos) // both ≤ maxNos: no overflow
	dst.nfu = max(dst.nfu, src.nfu)
}

func (b *Builder) betterReason(r, cur int32) bool {
	if r == 0 || r == cur {
		return false
	}
	return cur == 0 || b.reasons.key[r] < b.reasons.key[cur]
}

// foldNear keeps the latest near miss of a prospect in a month; ties go to
// the larger amount, then probability, then stage and reason in folded byte
// order.
func (b *Builder) foldNear(k uint64, rec *repcard.Record, stage, reason int32, by nearCause) {
	old, seen := b.actNears[k]
	n := nearFold{
		date: rec.Date, amount: rec.Amount, hasAmount: rec.HasAmount, prob: rec.Probability,
		hasProb: rec.HasProbability, stage: stage, reason: reason, by: by, n: old.n + 1,
	}
	if seen && !b.nearAfter(&n, &old) {
		old.n = n.n
		n = old
	}
	b.actNears[k] = n
}

func (b *Builder) nearAfter(x, y *nearFold) bool {
	switch {
	case x.date != y.date:
		return x.date > y.date
	case x.amount != y.amount:
		return x.amount > y.amount
	case x.prob != y.prob:
		return x.prob > y.prob
	case x.stage != y.stage:
		return b.stages.key[x.stage] < b.stages.key[y.stage]
	}
	return b.reasons.key[x.reason] < b.reasons.key[y.reason]
}

func (b *Builder) addTally(rec *repcard.Record) {
	r := b.repID(rec.Rep)
	rs := &b.reps[r]
	rs.hasTally = true
	rs.tallyContacts = rs.tallyContacts || rec.HasContacts || rec.Contacts > 0
	rs.actReferral = rs.actReferral || rec.HasReferralAsks || rec.ReferralAsks > 0
	if rec.Date == 0 {
		return
	}
	b.see(rec.Date)
	m, _ := monthDay(rec.Date)
	a := b.acc(r, m)
	a.tRows++
	a.tContacts += int64(rec.Contacts)
	a.tClosings += int64(rec.Closings)
	a.tRejections += int64(rec.Rejections)
	a.tReferral += int64(rec.ReferralAsks)
	if rec.HasAmount {
		a.tRevenue += rec.Amount
	}
	switch {
	case rec.HasCommission:
		a.tCommission += rec.Commission
	case rec.HasAmount:
		a.tCommission += rec.Amount.MulRate(rs.rate)
	default:
		a.tCommission += rs.perSale * repcard.Money(rec.Closings)
	}
}

func (b *Builder) addDeal(rec *repcard.Record) {
	r := b.repID(rec.Rep)
	rs := &b.reps[r]
	rs.hasDeals = true
	if rec.Referral != repcard.Unknown {
		rs.dealsReferral = true
	}
	id := rec.ID
	if id == "" {
		id = rec.DealID
	}
	d := deal{
		rep: r, prospect: b.prospects.id(rec.Prospect), id: b.dealIDs.id(id), stage: b.stages.id(stageReached(rec)),
		date: rec.Date, created: rec.Created, amount: rec.Amount, hasAmount: rec.HasAmount,
		prob: rec.Probability, hasProb: rec.HasProbability, status: repcard.OutcomeOpen,
	}
	if (rec.Outcome == repcard.OutcomeWon || rec.Outcome == repcard.OutcomeLost) && rec.Date != 0 {
		d.status = rec.Outcome
		b.see(rec.Date)
		m, day := monthDay(rec.Date)
		a := b.acc(r, m)
		if rec.Outcome == repcard.OutcomeWon {
			d.commission = rs.commission(rec)
			a.dWon++
			a.dCommission += d.commission
			if rec.HasAmount {
				a.dRevenue += rec.Amount
			}
		} else {
			d.reason = b.reasons.id(rec.LossReason)
			a.dLost++
			if d.reason != 0 {
				a.dReasoned++
			}
			b.reasonN[reasonKey{r, d.reason, m, true}]++
			if d.near = b.nearBy(rec, d.stage); d.near != 0 {
				a.dNear++
			}
		}
		if rec.Referral == repcard.Yes {
			a.dReferral++
		}
		if d.prospect != 0 {
			if k, ok := pack(r, d.prospect, m); ok {
				st := pstate{nfu: rec.NextFollowUp}
				b.answer(&st, rec.Outcome, uint8(day), d.reason)
				b.states.add(m, k>>monthBits, st)
			}
		}
	} else if rec.Outcome == repcard.OutcomeWon || rec.Outcome == repcard.OutcomeLost {
		d.status = rec.Outcome // decided with no close date: in no month
	}
	b.deals = append(b.deals, d)
}

// stageReached is the stage a deal row says the deal reached: for a decided
// deal, the stage an older export had it open at (Record.StageReached), or
// its stage unless that is only its status word ("Closed Lost" in the one
// column that is both), which says nothing of how far it got.
func stageReached(rec *repcard.Record) string {
	switch {
	case rec.Outcome != repcard.OutcomeWon && rec.Outcome != repcard.OutcomeLost:
		return rec.Stage
	case rec.StageReached != "":
		return rec.StageReached
	case strings.EqualFold(strings.TrimSpace(rec.Stage), strings.TrimSpace(rec.OutcomeText)):
		return ""
	}
	return rec.Stage
}

// DefaultPeriod returns the newest month whose last day is on or before the
// newest date among done activities, tallies and decided (won or lost)
// deals. An open deal's expected close and a planned touch do not count.
// It returns false when no row has such a date.
func (b *Builder) DefaultPeriod() (repcard.Period, bool) {
	if b.maxDate == 0 {
		return repcard.Period{}, false
	}
	m, _ := monthDay(b.maxDate)
	if b.maxDate < firstDay(m+1)-1 {
		m--
	}
	return repcard.MonthPeriod(m), true
}
