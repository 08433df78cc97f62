package report

// activityFolds lists the wins and near misses of reps whose closings come
// from activities.
func (bd *build) activityFolds() {
	eachFold(bd, bd.b.actWins, func(r, p int32, w *winFold) {
		c := &bd.calcs[r]
		c.wins = append(c.wins, Win{
			Rep: bd.b.reps[r].name, Prospect: bd.prospect[p], Date: Day(w.date),
			Amount: NullMoney{w.amount, w.hasAmount}, Commission: w.commission, Count: int(w.n),
		})
	})
	eachFold(bd, bd.b.actNears, func(r, p int32, n *nearFold) {
		c := &bd.calcs[r]
		c.nears = append(c.nears, NearMiss{
			Prospect: bd.prospect[p], Date: Day(n.date), Amount: NullMoney{n.amount, n.hasAmount},
			Stage: bd.stage[n.stage], Probability: Ratio{n.prob, n.hasProb}, Reason: bd.reason[n.reason],
			By: n.by.String(), Count: int(n.n),
		})
	})
}

// eachFold calls fn with the rep and prospect of each fold of folds, keyed
// pack(rep, prospect, month), that counts: its month is in the period and
// the rep's closings come from activities.
func eachFold[F any](bd *build, folds map[uint64]F, fn func(r, p int32, f *F)) {
	for k, f := range folds {
		r, p, m := unpack(k)
		if m < bd.first || m > bd.last || bd.b.reps[r].hasDeals {
			continue
		}
		fn(r, p, &f)
	}
}

// activityLosses lists the explicit nos of reps whose closings come from
// activities: per prospect and month, the latest no and how many there were.
func (bd *build) activityLosses() {
	b := bd.b
	for _, ms := range b.states.between(bd.first, bd.last) {
		for _, e := range ms.run {
			r, p, _ := unpack(e.pair() << monthBits)
			st := e.state()
			if b.reps[r].hasDeals || st.nos == 0 || st.no == 0 {
				continue
			}
			c := &bd.calcs[r]
			c.losses = append(c.losses, bd.loss(p, dayOf(ms.m, st.no), NullMoney{}, st.reason, "", int(st.nos)))
		}
	}
}
