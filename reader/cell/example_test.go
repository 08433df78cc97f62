package cell_test

import (
	"errors"
	"fmt"

	"github.com/repcard/repcard/reader/cell"
)

func Example() {
	d, _ := cell.ParseDate("Sat, Oct 31, 2026", cell.DateAuto)
	m, _ := cell.ParseMoney("1.234,50 €", cell.DecimalAuto)
	neg, _ := cell.ParseMoney("(500)", cell.DecimalAuto)
	p, _ := cell.ParsePercent("65 %", cell.DecimalAuto)
	n, _ := cell.ParseCount("1,200", cell.DecimalAuto)
	b, ok := cell.ParseBool("yes")
	fmt.Println(d, m, neg, p, n, b, ok)
	// Output: 2026-10-31 1234.50 -500.00 65 1200 true true
}

func ExampleParseDate() {
	for _, s := range []string{"2026-10-31T14:05:00Z", "31/10/2026", "03/04/2026", "31-Oct-26", "46326", ""} {
		d, err := cell.ParseDate(s, cell.DateAuto)
		fmt.Printf("%-22q %v %v\n", s, d, err)
	}
	d, _ := cell.ParseDate("03/04/2026", cell.DMY)
	fmt.Println(d)
	// Output:
	// "2026-10-31T14:05:00Z" 2026-10-31 <nil>
	// "31/10/2026"           2026-10-31 <nil>
	// "03/04/2026"            ambiguous date: day and month are both 12 or less
	// "31-Oct-26"            2026-10-31 <nil>
	// "46326"                2026-10-31 <nil>
	// ""                      blank
	// 2026-04-03
}

func ExampleParseMoney() {
	for _, s := range []string{"$1,234.56", "1 234,56 €", "12,5", "(500)", "1,234", "12abc"} {
		m, err := cell.ParseMoney(s, cell.DecimalAuto)
		fmt.Printf("%-14q %v %v\n", s, m, err)
	}
	// Output:
	// "$1,234.56"    1234.56 <nil>
	// "1 234,56 €"   1234.56 <nil>
	// "12,5"         12.50 <nil>
	// "(500)"        -500.00 <nil>
	// "1,234"        0.00 ambiguous decimal separator: could be thousands or decimals
	// "12abc"        0.00 not a number
}

func ExampleDecimalColumn() {
	var c cell.DecimalColumn
	for _, v := range []string{"1.234", "", "12,50"} {
		c.Observe(v)
	}
	dec, decided, conflicting := c.Decimal()
	fmt.Println(dec, decided, conflicting)
	m, err := cell.ParseMoney("1.234", dec)
	fmt.Println(m, err)
	_, err = cell.ParseMoney("1.234", cell.DecimalAuto)
	fmt.Println(errors.Is(err, cell.ErrAmbiguous))
	// Output:
	// comma true false
	// 1234.00 <nil>
	// true
}

func ExampleDateFromSerial() {
	d, _ := cell.DateFromSerial(46326.75, false)
	fmt.Println(d)
	d, _ = cell.DateFromSerial(61, false)
	fmt.Println(d)
	_, err := cell.DateFromSerial(60, false)
	fmt.Println(err)
	// Output:
	// 2026-10-31
	// 1900-03-01
	// serial 60 is 1900-02-29, a day that does not exist
}
