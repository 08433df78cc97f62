package main

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// activity is one HubSpot engagement.
type activity struct {
	ID       int64
	At       time.Time
	Type     string // CALL, EMAIL, MEETING, NOTE, TASK
	Rep      string // canonical roster name
	Assignee string // as the export writes it
	Company  string
	Outcome  string
	Referral string    // "Yes", "No" or ""
	NextFU   time.Time // zero: blank
	Amount   int64     // cents; Won rows only
}

// isContact reports whether the activity is a contact (a call, email or
// meeting), as opposed to a note or a task.
func (a activity) isContact() bool {
	return a.Type == "CALL" || a.Type == "EMAIL" || a.Type == "MEETING"
}

// deal is one opportunity, in Salesforce or Pipedrive.
type deal struct {
	ID       string
	Rep      string // canonical roster name
	Owner    string // as the export writes it
	Account  string
	Name     string
	Status   string // won, lost, open
	Stage    string
	Prob     int
	Amount   int64     // cents
	Close    time.Time // close date; for an open deal the expected close (zero: blank)
	Created  time.Time
	Reason   string
	Expected time.Time // Pipedrive's expected close date, also kept on some decided deals
}

// tallyWeek is one row of Zoë's tally book.
type tallyWeek struct {
	Monday                                   time.Time
	Calls, Emails, Meetings, Sales, Nos, Ref int
	Commission                               int64 // cents
}

// dataset is everything the generator writes.
type dataset struct {
	Activities []activity // oldest first
	SF         []deal     // the full Salesforce export
	SFQ3       []deal     // the overlapping Q3 export
	Pipedrive  []deal
	Tally      []tallyWeek
}

// generate builds the dataset for a seed. The same seed gives the same data.
func generate(seed uint64) *dataset {
	root := rand.New(rand.NewPCG(seed, seed))
	// Each rep draws from a stream of their own, split from the root in a
	// fixed order, so tuning one rep's story leaves the others alone.
	sub := func() *rand.Rand { return rand.New(rand.NewPCG(root.Uint64(), root.Uint64())) }

	d := &dataset{}
	for _, p := range profiles {
		r := sub()
		switch {
		case p.Activity:
			simulateActive(d, r, p)
		default:
			simulateDealsOnly(d, r, p)
		}
	}
	d.Tally = simulateTally(sub())
	finish(d, sub())
	return d
}

// Prospect states, per rep.
const (
	active  = iota // being worked
	dormant        // said no; left alone until wake
	stalled        // a maybe nobody followed up on
)

type prospect struct {
	Company   string
	State     int
	Wake      time.Time
	LastTouch time.Time
}

// book is one rep's territory.
type book struct {
	r         *rand.Rand
	prospects []*prospect
}

func newBook(r *rand.Rand, n int) *book {
	b := &book{r: r}
	for _, i := range r.Perm(len(companies))[:n] {
		b.prospects = append(b.prospects, &prospect{Company: companies[i]})
	}
	return b
}

// wake returns dormant prospects whose time has come to the active list, and
// keeps at least 8 prospects active (a rep short of leads goes back to old ones).
func (b *book) wake(t time.Time) {
	n := 0
	for _, p := range b.prospects {
		if p.State == dormant && !p.Wake.After(t) {
			p.State = active
		}
		if p.State == active {
			n++
		}
	}
	for ; n < 8; n++ {
		var next *prospect
		for _, p := range b.prospects {
			if p.State == dormant && (next == nil || p.Wake.Before(next.Wake)) {
				next = p
			}
		}
		if next == nil { // nothing left to wake: revive a forgotten maybe
			for _, p := range b.prospects {
				if p.State == stalled {
					next = p
					break
				}
			}
		}
		if next == nil {
			return
		}
		next.State = active
	}
}

// pick returns an active prospect; with recent, preferably one touched in
// the 45 days before t.
func (b *book) pick(t time.Time, recent bool) *prospect {
	var all, warm []*prospect
	for _, p := range b.prospects {
		if p.State != active {
			continue
		}
		all = append(all, p)
		if !p.LastTouch.IsZero() && t.Sub(p.LastTouch) <= 45*24*time.Hour {
			warm = append(warm, p)
		}
	}
	if recent && len(warm) > 0 {
		return warm[b.r.IntN(len(warm))]
	}
	return all[b.r.IntN(len(all))]
}

// sayNo puts a prospect aside after a no. Most are picked up again within a
// few months (on the follow-up date, when there is one); the rest are
// forgotten, which is what the follow-ups-due list is for.
func (b *book) sayNo(p *prospect, t time.Time, followUp time.Time, forget float64) {
	p.State = dormant
	switch {
	case !followUp.IsZero() && b.r.Float64() < 0.75:
		p.Wake = followUp
	case b.r.Float64() < forget:
		p.Wake = windowEnd().AddDate(0, 1+b.r.IntN(6), 0)
	default:
		p.Wake = t.AddDate(0, 0, 20+b.r.IntN(130))
	}
}

// event is a touch or a deal decision during a month's simulation.
type event struct {
	At   time.Time
	Kind int // evContact, evNote, evWon, evLost
	Type string
	Won  bool // a contact that closes (HubSpot-closing reps)
}

const (
	evContact = iota
	evNote
	evWon
	evLost
)

// simulateActive plays one HubSpot rep through the window.
func simulateActive(d *dataset, r *rand.Rand, p profile) {
	b := newBook(r, 44)
	var deals []deal
	for m := range numMonths {
		wins, contacts := draw(r, p, m)
		days := workdays(m)

		var evs []event
		for range contacts {
			typ := contactType(r)
			at := touchTime(r, days)
			if typ == "EMAIL" && r.Float64() < 0.02 { // the odd Saturday email
				at = saturday(r, m).Add(at.Sub(truncDay(at)))
			}
			evs = append(evs, event{At: at, Kind: evContact, Type: typ})
		}
		for range round(float64(contacts) * 0.07) {
			typ := "NOTE"
			if r.Float64() < 0.4 {
				typ = "TASK"
			}
			evs = append(evs, event{At: touchTime(r, days), Kind: evNote, Type: typ})
		}
		switch p.Closings {
		case fromHubSpot: // some calls and meetings are the closings
			var idx []int
			for i, e := range evs {
				if e.Type == "CALL" || e.Type == "MEETING" {
					idx = append(idx, i)
				}
			}
			for _, k := range r.Perm(len(idx))[:min(wins, len(idx))] {
				evs[idx[k]].Won = true
			}
		case fromSalesforce:
			lostPerWin := p.LostPerWin
			if p.Name == tom && m >= numMonths-2 { // his slide: more deals lost, late
				lostPerWin *= 1.8
			}
			lost := round(float64(wins) * lostPerWin * uniform(r, 0.85, 1.15))
			for range wins {
				evs = append(evs, event{At: closeDate(r, m, days).Add(17 * time.Hour), Kind: evWon})
			}
			for range lost {
				evs = append(evs, event{At: closeDate(r, m, days).Add(17 * time.Hour), Kind: evLost})
			}
		}
		slices.SortStableFunc(evs, func(a, b event) int { return a.At.Compare(b.At) })

		bigWinDone, tomLate := false, 0
		for _, e := range evs {
			b.wake(e.At)
			switch e.Kind {
			case evContact, evNote:
				pr := b.pick(e.At, e.Won)
				a := activity{At: e.At, Type: e.Type, Rep: p.Name, Assignee: assignee(r, p.Name), Company: pr.Company}
				if e.Kind == evContact {
					a.Outcome = outcome(r, e.Type, p.NoRate)
				}
				switch {
				case e.Won:
					a.Outcome = "Won"
					a.Amount = amount(r, p.MinAmt, p.MaxAmt)
				case a.Outcome == "Not interested":
					a.Referral = referral(r, p.Referral)
					if r.Float64() < p.FollowUp {
						a.NextFU = truncDay(e.At).AddDate(0, 2+r.IntN(4), r.IntN(20))
					}
					b.sayNo(pr, e.At, a.NextFU, p.Forget)
				case a.Outcome == "Follow up" && r.Float64() < p.Stall:
					pr.State = stalled
				}
				pr.LastTouch = e.At
				d.Activities = append(d.Activities, a)
			case evWon:
				pr := b.pick(e.At, true)
				dl := newDeal(r, p, pr.Company, "won", truncDay(e.At))
				if p.Name == aisha && m == numMonths-1 && !bigWinDone {
					dl.Account, dl.Amount = aishaBigWinAcct, aishaBigWinCents
					dl.Name = oppName(r, dl.Account, dl.Amount)
					bigWinDone = true
				}
				deals = append(deals, dl)
			case evLost:
				pr := b.pick(e.At, true)
				dl := newDeal(r, p, pr.Company, "lost", truncDay(e.At))
				if p.Name == tom && m >= numMonths-2 { // losing late, for reasons in his control
					dl.Reason = pickReason(r, []int{6, 6, 4, 4, 12, 18, 30, 4, 6})
					if tomLate++; tomLate <= 2 || r.Float64() < 0.3 {
						dl.Prob = []int{75, 90}[r.IntN(2)]
					}
				}
				deals = append(deals, dl)
				b.sayNo(pr, e.At, time.Time{}, p.Forget)
			}
		}
	}
	if p.Closings != fromSalesforce {
		return
	}
	deals = append(deals, openDeals(r, p, b)...)
	d.SF = append(d.SF, deals...)
}

// draw sets a rep's month: closings from the seasonal volume, then contacts
// (or decided deals) around closings × ratio, so the ratio holds steady
// unless the rep's story moves it.
func draw(r *rand.Rand, p profile, m int) (closings, contacts int) {
	cm, rm := story(p.Name, m)
	ratio := p.Ratio * rm
	closings = max(1, round(p.Contacts*season[m]*cm/ratio))
	return closings, round(float64(closings) * ratio * uniform(r, 0.96, 1.04))
}

// openDeals are a Salesforce rep's open opportunities on the last day: fresh
// ones at prospects being worked, and some at prospects gone quiet.
func openDeals(r *rand.Rand, p profile, b *book) []deal {
	end := windowEnd()
	var out []deal
	var warm, quiet []*prospect
	for _, pr := range b.prospects {
		switch {
		case pr.State == active && end.Sub(pr.LastTouch) <= 30*24*time.Hour:
			warm = append(warm, pr)
		case pr.State == stalled && end.Sub(pr.LastTouch) > 50*24*time.Hour:
			quiet = append(quiet, pr)
		}
	}
	for i, k := range r.Perm(len(warm)) {
		if i == p.Open {
			break
		}
		dl := newDeal(r, p, warm[k].Company, "open", end.AddDate(0, 0, 10+r.IntN(100)))
		dl.Created = end.AddDate(0, 0, -(10 + r.IntN(70)))
		out = append(out, dl)
	}
	for i, pr := range quiet {
		if i == p.Stale {
			break
		}
		last := truncDay(pr.LastTouch)
		dl := newDeal(r, p, pr.Company, "open", last.AddDate(0, 0, 20+r.IntN(50)))
		dl.Stage, dl.Prob = openStage(r, []int{0, 5, 4, 1})
		dl.Created = last.AddDate(0, 0, -(10 + r.IntN(50)))
		out = append(out, dl)
	}
	return out
}

// simulateDealsOnly plays a rep who records only deals (no activity log):
// Αλέξανδρος in Salesforce, José and Lars in Pipedrive.
func simulateDealsOnly(d *dataset, r *rand.Rand, p profile) {
	b := newBook(r, 40)
	var deals []deal
	for m := range numMonths {
		wins, decided := draw(r, p, m)
		days := workdays(m)
		for i := range decided {
			status := "lost"
			if i < wins {
				status = "won"
			}
			at := closeDate(r, m, days)
			deals = append(deals, newDeal(r, p, b.pick(at, false).Company, status, at))
		}
	}
	end := windowEnd()
	for _, k := range r.Perm(len(b.prospects))[:p.Open] {
		closeAt := end.AddDate(0, 0, 5+r.IntN(120))
		dl := newDeal(r, p, b.prospects[k].Company, "open", closeAt)
		dl.Created = end.AddDate(0, 0, -(15 + r.IntN(140)))
		if p.Closings == fromPipedrive {
			dl.Expected = dl.Close
			if r.Float64() < 0.35 { // Pipedrive does not require one
				dl.Expected = time.Time{}
			}
			dl.Close = time.Time{}
		}
		deals = append(deals, dl)
	}
	if p.Name == alex {
		dl := newDeal(r, p, hugeDealAccount, "open", time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC))
		dl.Name = hugeDealAccount + " - Enterprise platform rollout"
		dl.Amount = hugeDealDollars * 100
		dl.Stage, dl.Prob = "Negotiation/Review", 90
		dl.Created = time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)
		deals = append(deals, dl)
	}
	switch p.Closings {
	case fromPipedrive:
		d.Pipedrive = append(d.Pipedrive, deals...)
	default:
		d.SF = append(d.SF, deals...)
	}
}

// newDeal makes a deal with the stage, probability, amount, dates and loss
// reason its tool would show.
func newDeal(r *rand.Rand, p profile, account, status string, close time.Time) deal {
	dl := deal{Rep: p.Name, Owner: p.Name, Account: account, Status: status, Close: close}
	dl.Amount = amount(r, p.MinAmt, p.MaxAmt)
	dl.Created = close.AddDate(0, 0, -(7 + r.IntN(110)))
	pd := p.Closings == fromPipedrive
	switch status {
	case "won":
		dl.Stage, dl.Prob = "Closed Won", 100
		if pd {
			dl.Stage = pick(r, []string{"Negotiations Started", "Proposal Made"}, []int{7, 3})
		}
	case "lost":
		dl.Stage, dl.Prob = "Closed Lost", 0
		dl.Reason = pickReason(r, p.Reasons)
		if pd {
			dl.Stage = pick(r, pipedriveStages, []int{35, 32, 23, 7, 3})
		} else if r.Float64() < p.NearMiss {
			// The org keeps the last probability on a lost deal: a near miss.
			dl.Prob = []int{70, 75, 90}[r.IntN(3)]
		}
	case "open":
		dl.Stage, dl.Prob = openStage(r, []int{3, 3, 3, 2})
		if pd {
			dl.Stage = pick(r, pipedriveStages, []int{2, 3, 3, 3, 2})
		}
	}
	if pd && status != "open" && r.Float64() < 0.5 {
		dl.Expected = close.AddDate(0, 0, r.IntN(51)-25)
	}
	dl.Name = oppName(r, account, dl.Amount)
	if pd {
		dl.Name = pdTitle(r, account, dl.Amount)
	}
	return dl
}

var pipedriveStages = []string{"Lead In", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"}

// openStage picks an open Salesforce stage (weights for Prospecting,
// Qualification, Proposal/Price Quote, Negotiation/Review) with its default
// probability.
func openStage(r *rand.Rand, w []int) (string, int) {
	stages := []string{"Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review"}
	prob := []int{10, 10, 75, 90}
	i := pickIndex(r, w)
	return stages[i], prob[i]
}

// oppName is a Salesforce opportunity name: account and product.
func oppName(r *rand.Rand, account string, cents int64) string {
	return account + " - " + product(r, cents)
}

// pdTitle is a Pipedrive deal title: mostly the default "<org> deal".
func pdTitle(r *rand.Rand, account string, cents int64) string {
	if r.Float64() < 0.6 {
		return account + " deal"
	}
	return account + " – " + product(r, cents)
}

func product(r *rand.Rand, cents int64) string {
	d := cents / 100
	switch {
	case d < 1500:
		return pick(r, []string{"Starter plan", "Onboarding package", "Support plan"}, nil)
	case d < 5000:
		return fmt.Sprintf("Team licences (%d seats)", max(5, d/150/5*5))
	case d < 12000:
		return pick(r, []string{"Business bundle", "Analytics add-on", "Annual renewal"}, nil)
	case d < 25000:
		return pick(r, []string{"Multi-site rollout", "Annual renewal", "Premium support upgrade"}, nil)
	}
	return pick(r, []string{"Enterprise upgrade", "Enterprise agreement"}, nil)
}

// contactType draws CALL, EMAIL or MEETING.
func contactType(r *rand.Rand) string {
	return pick(r, []string{"CALL", "EMAIL", "MEETING"}, []int{55, 33, 12})
}

// outcome draws the HubSpot call outcome for a contact.
func outcome(r *rand.Rand, typ string, noRate float64) string {
	x := r.Float64()
	switch typ {
	case "CALL":
		if x < noRate {
			return "Not interested"
		}
		return pick(r, []string{"Connected", "No answer", "Left voicemail", "Follow up"}, []int{34, 28, 24, 14})
	case "EMAIL":
		switch {
		case x < noRate/2:
			return "Not interested"
		case x < noRate/2+0.04:
			return "Follow up"
		}
		return ""
	default: // MEETING
		if x < noRate {
			return "Not interested"
		}
		return pick(r, []string{"", "Connected", "Follow up"}, []int{50, 25, 25})
	}
}

// referral is the "Referral asked" value after a no.
func referral(r *rand.Rand, p float64) string {
	switch {
	case r.Float64() < p:
		return "Yes"
	case r.Float64() < 0.7:
		return "No"
	}
	return ""
}

// assignee is how the HubSpot export writes the rep: mostly the name, now
// and then a variant the roster's aliases and emails have to catch.
func assignee(r *rand.Rand, rep string) string {
	x := r.Float64()
	switch rep {
	case jane:
		switch {
		case x < 0.015:
			return "J. Doe"
		case x < 0.025:
			return "Jane Doe " // trailing space
		}
	case aisha:
		if x < 0.015 {
			return "Aisha  Khan" // double space
		}
	case tom:
		if x < 0.03 {
			return "Tom O’Brien" // typographic apostrophe
		}
	case dmitri:
		if x < 0.08 {
			return "Dmitry Ivanov"
		}
	case sofia:
		switch {
		case x < 0.08:
			return "sofia.nunez@acme.example"
		case x < 0.12:
			return "Sofia Nunez"
		}
	}
	return rep
}

// pickReason draws a loss reason; the last weight is for a blank one.
func pickReason(r *rand.Rand, w []int) string {
	i := pickIndex(r, w)
	if i == len(lossReasons) {
		return ""
	}
	return lossReasons[i]
}

// amount draws a deal size, log-uniform between lo and hi dollars: mostly
// round to $50, now and then a discounted odd amount.
func amount(r *rand.Rand, lo, hi float64) int64 {
	x := math.Exp(math.Log(lo) + r.Float64()*(math.Log(hi)-math.Log(lo)))
	if r.Float64() < 0.8 {
		return int64(math.Round(x/50)) * 50 * 100
	}
	return int64(math.Round(x * 100))
}

// touchTime is a working-day time between 08:00 and 18:30.
func touchTime(r *rand.Rand, days []time.Time) time.Time {
	d := days[r.IntN(len(days))]
	return d.Add(time.Duration(8*60+r.IntN(630)) * time.Minute)
}

// closeDate is a deal's close date in month m: a working day, or, as reps
// often do, the last day of the month.
func closeDate(r *rand.Rand, m int, days []time.Time) time.Time {
	if r.Float64() < 0.2 {
		return monthEnd(m)
	}
	return days[r.IntN(len(days))]
}

// saturday is a random Saturday of month m.
func saturday(r *rand.Rand, m int) time.Time {
	var sats []time.Time
	for d := monthStart(m); d.Before(monthStart(m + 1)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday {
			sats = append(sats, d)
		}
	}
	return sats[r.IntN(len(sats))]
}

func truncDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + r.Float64()*(hi-lo) }

func round(x float64) int { return int(math.Round(x)) }

// pickIndex draws an index with the given weights.
func pickIndex(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	panic("unreachable")
}

// pick draws one of xs, with weights w (nil: uniform).
func pick(r *rand.Rand, xs []string, w []int) string {
	if w == nil {
		return xs[r.IntN(len(xs))]
	}
	return xs[pickIndex(r, w)]
}

// simulateTally fills Zoë's weekly book: steady volume that grows a little,
// a ratio that improves from about 17 to 13 contacts a sale, and referral
// asks that become a habit.
func simulateTally(r *rand.Rand) []tallyWeek {
	var weeks []tallyWeek
	monday := windowStart()
	for monday.Weekday() != time.Monday {
		monday = monday.AddDate(0, 0, 1)
	}
	for ; !monday.After(windowEnd()); monday = monday.AddDate(0, 0, 7) {
		weeks = append(weeks, tallyWeek{Monday: monday})
	}
	for m := range numMonths {
		var idx []int
		contacts := 0
		for i := range weeks {
			w := &weeks[i]
			if monthIndex(w.Monday) != m {
				continue
			}
			n := float64(len(weeks)) // growth over the year
			c := 32 * season[m] * (1 + 0.15*float64(i)/n) * uniform(r, 0.92, 1.08)
			switch w.Monday.Format("2006-01-02") {
			case "2025-12-22", "2026-08-10": // holidays
				c = 0
			case "2025-12-29", "2026-04-06":
				c *= 0.5
			}
			w.Calls = round(c * 0.58)
			w.Emails = round(c * 0.30)
			w.Meetings = round(c * 0.12)
			contacts += w.Calls + w.Emails + w.Meetings
			if c > 0 {
				idx = append(idx, i)
			}
		}
		ratio := (17 - 4*float64(m)/(numMonths-1)) * uniform(r, 0.97, 1.03)
		sales := round(float64(contacts) / ratio)
		for range sales { // each sale lands in a week, busier weeks likelier
			w := make([]int, len(idx))
			for k, i := range idx {
				w[k] = weeks[i].Calls + weeks[i].Emails + weeks[i].Meetings
			}
			wk := &weeks[idx[pickIndex(r, w)]]
			wk.Sales++
			wk.Commission += amount(r, 800, 9000) / 10
		}
		askRate := 0.3 + 0.3*float64(m)/(numMonths-1)
		for _, i := range idx {
			w := &weeks[i]
			rej := w.Calls + w.Emails + w.Meetings - w.Sales
			w.Nos = round(float64(rej) * uniform(r, 0.12, 0.2))
			for range w.Nos {
				if r.Float64() < askRate {
					w.Ref++
				}
			}
		}
	}
	return weeks
}

// finish assigns ids, writes the name variants the exports carry, and cuts
// the quarterly Salesforce export.
func finish(d *dataset, r *rand.Rand) {
	// HubSpot: ids grow with time.
	slices.SortStableFunc(d.Activities, func(a, b activity) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Rep, b.Rep))
	})
	id := int64(38_140_000_000)
	for i := range d.Activities {
		id += 1 + r.Int64N(4000)
		d.Activities[i].ID = id
	}

	// Salesforce: 15-character ids, unique.
	seen := map[string]bool{}
	for i := range d.SF {
		for {
			s := sfID(r)
			if !seen[s] {
				seen[s] = true
				d.SF[i].ID = s
				break
			}
		}
		if d.SF[i].Rep == alex && r.Float64() < 0.1 {
			d.SF[i].Owner = "Alexandros Papadopoulos"
		}
	}
	// Sofía's oldest deals still show the name of her first user record.
	var hers []int
	for i, dl := range d.SF {
		if dl.Rep == sofia {
			hers = append(hers, i)
		}
	}
	slices.SortStableFunc(hers, func(a, b int) int { return d.SF[a].Close.Compare(d.SF[b].Close) })
	for _, i := range hers[:6] {
		d.SF[i].Owner = "S. Nunez"
	}

	// Pipedrive: one shared account, ids in order of creation, with gaps
	// where deals were deleted.
	slices.SortStableFunc(d.Pipedrive, func(a, b deal) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.Rep, b.Rep))
	})
	n := 1842
	for i := range d.Pipedrive {
		n += 1 + r.IntN(3)
		d.Pipedrive[i].ID = fmt.Sprint(n)
	}

	d.SFQ3 = quarterExport(d, r)
	sortSF(d.SF)
	sortSF(d.SFQ3)
}

// quarterExport is the Q3 2026 export taken on 1 October for Jane, Tom and
// Дмитрий: every deal closing in July–September, as it stood then. Three
// deals that closed in October were still open then, expected in September.
func quarterExport(d *dataset, r *rand.Rand) []deal {
	q3start, q3end := monthStart(9), monthEnd(11)
	in := func(rep string) bool { return rep == jane || rep == tom || rep == dmitri }
	var out []deal
	moved := map[string]bool{}
	for i := range d.SF {
		dl := &d.SF[i]
		if !in(dl.Rep) || dl.Status == "open" || monthIndex(dl.Close) != numMonths-1 || moved[dl.Rep] {
			continue
		}
		// This deal was in Negotiation/Review on 1 October, due in September.
		moved[dl.Rep] = true
		dl.Created = time.Date(2026, 8, 3+r.IntN(20), 0, 0, 0, 0, time.UTC)
		snap := *dl
		snap.Status, snap.Stage, snap.Prob, snap.Reason = "open", "Negotiation/Review", 90, ""
		snap.Close = time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
		out = append(out, snap)
	}
	for _, dl := range d.SF {
		if in(dl.Rep) && !dl.Close.Before(q3start) && !dl.Close.After(q3end) && !dl.Created.After(q3end) {
			out = append(out, dl)
		}
	}
	return out
}

// sortSF orders a Salesforce report grouped by owner: owner, close date, id.
func sortSF(ds []deal) {
	slices.SortStableFunc(ds, func(a, b deal) int {
		return cmp.Or(cmp.Compare(a.Owner, b.Owner), a.Close.Compare(b.Close), cmp.Compare(a.ID, b.ID))
	})
}

// sfID is a Salesforce opportunity id such as 0065g00000AbCdE.
func sfID(r *rand.Rand) string {
	const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := []byte("0065g00000")
	for range 5 {
		b = append(b, chars[r.IntN(len(chars))])
	}
	return string(b)
}
