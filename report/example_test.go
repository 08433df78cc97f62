package report_test

import (
	"fmt"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/report"
)

func ExampleBuilder() {
	cfg := config.Default() // commission rate 10 %
	b := report.NewBuilder(cfg)
	for _, rec := range []repcard.Record{
		{Kind: repcard.KindActivities, Rep: "Jane Doe", Date: repcard.MakeDate(2026, 10, 5), Type: "call",
			Prospect: "Acme", Outcome: repcard.OutcomeLost, LossReason: "Went with a competitor"},
		{Kind: repcard.KindActivities, Rep: "Jane Doe", Date: repcard.MakeDate(2026, 10, 31), Type: "meeting",
			Prospect: "Globex", Outcome: repcard.OutcomeWon, Amount: 500000, HasAmount: true},
	} {
		b.Add(&rec)
	}
	p, _ := b.DefaultPeriod()
	jane := b.Build(p).Reps[0]
	fmt.Println(p.Label(), jane.Rep)
	fmt.Println("contacts", jane.Contacts, "closings", jane.Closings, "rejections", jane.Rejections)
	fmt.Println("contacts per close", jane.ContactsPerClose.V, "commission", jane.Commission)
	fmt.Println("each no was worth", jane.ValuePerContact.V, "explicit nos", jane.ExplicitNos)
	// Output:
	// 2026-10 Jane Doe
	// contacts 2 closings 1 rejections 1
	// contacts per close 2 commission 500.00
	// each no was worth 250.00 explicit nos 1
}
