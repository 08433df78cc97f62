package reader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/repcard/repcard"
)

// A deal in several exports counts once, as the version of the newest
// export: the file whose newest decided deal is the latest, else the later
// path.
func TestDealVersions(t *testing.T) {
	const head = "Deal - ID;Deal - Title;Deal - Owner;Deal - Value;Deal - Status;Deal - Won time;Deal - Lost time;Deal - Expected close date\n"
	type counts struct{ rows, used, dups int }
	tests := []struct {
		name   string
		files  map[string]string
		want   []string // id:status:value of each deal counted, sorted
		inputs map[string]counts
	}{{
		name: "newer export read first",
		files: map[string]string{
			"a-october.csv": head +
				"1;Big;Jane Doe;1000;won;31.10.2026;;\n" +
				"2;Slow;Jane Doe;3000;open;;;30.11.2026\n",
			"b-september.csv": head +
				"1;Big;Jane Doe;1000;open;;;15.10.2026\n" +
				"2;Slow;Jane Doe;2000;open;;;31.10.2026\n" +
				"3;Gone;Jane Doe;500;lost;;20.09.2026;\n",
		},
		want:   []string{"1:won:100000", "2:open:300000", "3:lost:50000"},
		inputs: map[string]counts{"a-october.csv": {2, 2, 0}, "b-september.csv": {3, 1, 2}},
	}, {
		name: "newer export read last",
		files: map[string]string{
			"2026-09.csv": head + "1;Big;Jane Doe;1000;open;;;15.10.2026\n4;Other;Jane Doe;10;won;01.09.2026;;\n",
			"2026-10.csv": head + "1;Big;Jane Doe;1200;lost;;02.10.2026;\n",
		},
		want:   []string{"1:lost:120000", "4:won:1000"},
		inputs: map[string]counts{"2026-09.csv": {2, 1, 1}, "2026-10.csv": {1, 1, 0}},
	}, {
		name: "no decided deals: the later path",
		files: map[string]string{
			"x.csv": head + "1;Big;Jane Doe;1000;open;;;15.10.2026\n",
			"y.csv": head + "1;Big;Jane Doe;2000;open;;;15.10.2026\n",
		},
		want:   []string{"1:open:200000"},
		inputs: map[string]counts{"x.csv": {1, 0, 1}, "y.csv": {1, 1, 0}},
	}, {
		name: "same date: the decided version, then the later path",
		files: map[string]string{
			"new.csv": head + "7;Flip;Jane Doe;100;won;05.10.2026;;\n8;Same;Jane Doe;100;lost;;31.10.2026;\n",
			"old.csv": head + "7;Flip;Jane Doe;100;open;;;05.12.2026\n8;Same;Jane Doe;200;lost;;31.10.2026;\n",
		},
		want:   []string{"7:won:10000", "8:lost:20000"},
		inputs: map[string]counts{"new.csv": {2, 1, 1}, "old.csv": {2, 1, 1}},
	}, {
		name: "a deal twice in one file is two rows",
		files: map[string]string{
			"new.csv": head + "5;Lines;Jane Doe;100;won;05.10.2026;;\n5;Lines;Jane Doe;200;won;05.10.2026;;\n",
			"old.csv": head + "5;Lines;Jane Doe;100;open;;;05.10.2026\n",
		},
		want:   []string{"5:won:10000", "5:won:20000"},
		inputs: map[string]counts{"new.csv": {2, 2, 0}, "old.csv": {1, 0, 1}},
	}, {
		name: "deals without an id: by content, first copy",
		files: map[string]string{
			"a.csv": head + ";Same;Jane Doe;100;won;05.10.2026;;\n",
			"b.csv": head + ";Same;Jane Doe;100;won;05.10.2026;;\n;Other;Jane Doe;100;won;06.10.2026;;\n",
		},
		want:   []string{":won:10000", ":won:10000"},
		inputs: map[string]counts{"a.csv": {1, 1, 0}, "b.csv": {2, 1, 1}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			res := read(t, dir, nil)
			var got []string
			for _, d := range res.byKind(repcard.KindDeals) {
				got = append(got, fmt.Sprintf("%s:%s:%d", d.ID, d.Outcome, d.Amount))
			}
			slices.Sort(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("deals counted %v, want %v (issues %v)", got, tt.want, res.batch.Issues)
			}
			for file, want := range tt.inputs {
				in := res.input(file, "")
				if got := (counts{in.Rows, in.Used, in.Duplicates}); got != want {
					t.Errorf("%s: rows, used, duplicates = %v, want %v", file, got, want)
				}
			}
			rows, used, _, dups := res.batch.Totals()
			if used+dups != rows || used != len(tt.want) {
				t.Errorf("totals: %d rows, %d used, %d duplicates; %d deals counted", rows, used, dups, len(tt.want))
			}
		})
	}
}

// A Salesforce deal exported with its 15-character id and, from another
// tool, with its 18-character one is one deal.
func TestDealVersionsSalesforceIDs(t *testing.T) {
	const head = "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Close Date\n"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"report.csv":     head + "0065g00000kDRgf,Jane Doe,Acme,Proposal,1000,2026-11-15\n",
		"dataloader.csv": head + "0065g00000kDRgfAAG,Jane Doe,Acme,Closed Won,1200,2026-10-20\n",
	})
	res := read(t, dir, nil)
	deals := res.byKind(repcard.KindDeals)
	if len(deals) != 1 || deals[0].ID != "0065g00000kDRgf" || deals[0].Outcome != repcard.OutcomeWon {
		t.Errorf("deals = %+v", deals)
	}
}

// A deal decided in the newest export keeps, as StageReached, the stage an
// older export had it open at; a Salesforce export's own Stage then reads
// only "Closed Lost".
func TestDealVersionsStageReached(t *testing.T) {
	const head = "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Close Date\n"
	tests := []struct {
		name  string
		files map[string]string
		want  string // id:stage:reached of each deal, sorted
	}{{
		name: "lost after negotiation",
		files: map[string]string{
			"q3.csv":  head + "A1,Jane Doe,Acme,Negotiation/Review,100,2026-10-15\nB1,Jane Doe,Beta,Closed Won,50,2026-09-30\n",
			"oct.csv": head + "A1,Jane Doe,Acme,Closed Lost,100,2026-10-12\n",
		},
		want: "A1:Closed Lost:Negotiation/Review B1:Closed Won:",
	}, {
		name: "the newest open version of three",
		files: map[string]string{
			"1.csv": head + "A1,Jane Doe,Acme,Prospecting,100,2026-12-15\nX,Jane Doe,X,Closed Won,1,2026-08-01\n",
			"2.csv": head + "A1,Jane Doe,Acme,Proposal/Price Quote,100,2026-11-15\nY,Jane Doe,Y,Closed Won,1,2026-09-01\n",
			"3.csv": head + "A1,Jane Doe,Acme,Closed Lost,100,2026-10-12\n",
		},
		want: "A1:Closed Lost:Proposal/Price Quote X:Closed Won: Y:Closed Won:",
	}, {
		name: "still open: nothing reached",
		files: map[string]string{
			"a.csv": head + "A1,Jane Doe,Acme,Prospecting,100,2026-12-15\nX,Jane Doe,X,Closed Won,1,2026-08-01\n",
			"b.csv": head + "A1,Jane Doe,Acme,Negotiation/Review,100,2026-12-15\nY,Jane Doe,Y,Closed Won,1,2026-09-01\n",
		},
		want: "A1:Negotiation/Review: X:Closed Won: Y:Closed Won:",
	}, {
		name: "lost in both exports",
		files: map[string]string{
			"a.csv": head + "A1,Jane Doe,Acme,Closed Lost,100,2026-10-12\n",
			"b.csv": head + "A1,Jane Doe,Acme,Closed Lost,100,2026-10-12\n",
		},
		want: "A1:Closed Lost:",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			res := read(t, dir, nil)
			var got []string
			for _, d := range res.byKind(repcard.KindDeals) {
				got = append(got, d.ID+":"+d.Stage+":"+d.StageReached)
			}
			slices.Sort(got)
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("deals %q, want %q (issues %v)", g, tt.want, res.batch.Issues)
			}
		})
	}
}
