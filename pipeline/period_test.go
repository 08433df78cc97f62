package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// A period all after or all before the data is refused, and nothing is
// written. smallInbox's rows run from 2026-09-03 to 2026-10-31.
func TestPeriodWithoutData(t *testing.T) {
	for _, c := range []struct{ period, want string }{
		{"2027-01", "no data in 2027-01: the inbox's rows run from 2026-09-03 to 2026-10-31"},
		{"2026-08", "no data in 2026-08: the inbox's rows run from 2026-09-03 to 2026-10-31"},
		{"2025", "no data in 2025:"},
	} {
		dir := smallInbox(t)
		cfg := testConfig(t, dir)
		p, err := repcard.ParsePeriod(c.period)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Run(context.Background(), cfg, Options{Period: &p})
		var ne *NothingError
		if !errors.As(err, &ne) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want a *NothingError saying %q", c.period, err, c.want)
		}
		if _, err := os.Stat(cfg.Out); !os.IsNotExist(err) {
			t.Errorf("%s: out written (%v)", c.period, err)
		}
	}
}

// A year on data that ends on 31 October is a report to date: its totals
// are January–October's, and November and December raise no alert.
func TestPeriodToDate(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("Rep,Date,Contacts,Closings,Commission\n")
	for m := 1; m <= 10; m++ { // month m: 10·m contacts, m closings, 100·m commission
		fmt.Fprintf(&b, "Jane Doe,2026-%02d-15,%d,%d,%d\n", m, 10*m, m, 100*m)
	}
	b.WriteString("Jane Doe,2026-10-31,0,0,0\n") // the data's last date
	writeFile(t, filepath.Join(dir, "inbox", "tally.csv"), b.String())
	cfg := testConfig(t, dir)
	p, _ := repcard.ParsePeriod("2026")
	res := run(t, cfg, Options{Period: &p})
	rpt := res.Report
	if got := rpt.Period; got.DataEnds != "2026-10-31" || !got.ToDate() || got.End != "2026-12-31" {
		t.Errorf("period = %+v, want 2026 to date, data ending 2026-10-31", got)
	}
	// Σ 10·m for m = 1..10 = 550 contacts; Σ m = 55 closings; 5,500.00 commission.
	tm := rpt.Team
	if tm.Contacts != 550 || tm.Closings != 55 || tm.Commission != 550000 {
		t.Errorf("team = %d contacts, %d closings, %v commission; want 550, 55, 5500.00", tm.Contacts, tm.Closings, tm.Commission)
	}
	// The trend compares October (100 contacts) with July–September
	// ((70+80+90)/3 = 80): +25 %, no alert, and nothing about December.
	if len(tm.Alerts) != 0 || tm.Trend.Month != "2026-10" || tm.Trend.Contacts.ChangePct.V != 25 {
		t.Errorf("trend = %+v, alerts %v; want October against July–September, +25 %%, no alert", tm.Trend, tm.Alerts)
	}
	for _, m := range tm.Monthly {
		if m.Month > "2026-10" {
			t.Errorf("monthly holds %s, after the data's last date", m.Month)
		}
	}
	raw, err := os.ReadFile(filepath.Join(res.Dir, "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var mj struct {
		Period struct {
			DataEnds string `json:"data_ends"`
		} `json:"period"`
	}
	if err := json.Unmarshal(raw, &mj); err != nil || mj.Period.DataEnds != "2026-10-31" {
		t.Errorf("metrics.json data_ends = %q (%v)", mj.Period.DataEnds, err)
	}
}

// The default period and a month inside the data are whole: no data_ends.
func TestPeriodInRange(t *testing.T) {
	for _, period := range []string{"", "2026-09"} {
		cfg := testConfig(t, smallInbox(t))
		var opts Options
		if period != "" {
			p, _ := repcard.ParsePeriod(period)
			opts.Period = &p
		}
		rpt := run(t, cfg, opts).Report
		if rpt.Period.ToDate() {
			t.Errorf("%q: to date, ending %s", period, rpt.Period.DataEnds)
		}
	}
}
