package report

import (
	"slices"

	"github.com/repcard/repcard"
)

// metrics assembles the Metrics of one rep or group; who is "your" or "the
// team's", for alert messages.
func (bd *build) metrics(c *calc, who string) Metrics {
	pt, yt := bd.periodTot(c), bd.ytdTot(c)
	m := Metrics{
		Counts:            pt.counts(),
		NoReasonShare:     ratio(pt.reasoned, pt.nos),
		NoFollowUpShare:   ratio(c.withFU, pt.nos),
		NearMissesCount:   int(pt.near),
		FollowUpsDueCount: int(c.followN),
		StaleMaybesCount:  int(c.staleN),
		PipelineOpen:      c.pipe,
		PipelineDeals:     int(c.pipeDeals),
		PipelineTopShare:  ratio(int64(c.pipeMax), int64(c.pipe)),
		Monthly:           make([]Month, 0, trailingMonths),
		YTD: YTD{
			Start:  repcard.MonthOf(bd.last.Year(), 1).First().String(),
			End:    bd.end.String(),
			Counts: yt.counts(),
		},
	}
	if c.pipe <= 0 {
		m.PipelineTopShare = Ratio{}
	}
	m.LossReasons, m.ControllableNos, m.UncontrollableNos = bd.lossList(c.reasons)
	m.Goal = bd.goal(c, &pt, &yt)
	m.Trend, m.TrendArrow, m.Alerts = bd.trend(c, who)
	wins := slices.Clone(c.wins)
	slices.SortFunc(wins, compareWins)
	m.Wins = exact(wins)
	for i := range c.months {
		m.Monthly = append(m.Monthly, Month{
			Month: bd.trailingMonth(i).String(), HasData: c.months[i].hasData, Counts: c.months[i].counts(),
		})
	}
	return m
}
