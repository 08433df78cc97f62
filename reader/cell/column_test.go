package cell

import "testing"

func TestDateColumn(t *testing.T) {
	for _, tc := range []struct {
		Name        string
		Values      []string
		Order       DateOrder
		Decided     bool
		Conflicting bool
	}{
		{"Empty", nil, DateAuto, false, false},
		{"OnlyAmbiguous", []string{"", "05/05/2026", "03/04/2026", "1/2/17"}, DateAuto, false, false},
		{"OneDayFirst", []string{"03/04/2026", "31/10/2026"}, DMY, true, false},
		{"MonthFirst", []string{"10/31/2026", "3/4/2026", "12/25/2026 2:05 PM"}, MDY, true, false},
		{"TieTakesFirst", []string{"31/10/2026", "10/31/2026"}, DMY, true, true},
		{"TieTakesFirstMDY", []string{"10/31/2026", "31/10/2026"}, MDY, true, true},
		{"Majority", []string{"31/10/2026", "10/31/2026", "12/25/2026"}, MDY, true, true},
		{"ISOOnly", []string{"2026-10-31", "2026-03-04"}, DateAuto, false, false},
		{"DotsIgnored", []string{"31.10.2026", "03/04/2026"}, DateAuto, false, false},
		{"NamesIgnored", []string{"31 Oct 2026", "Oct 31, 2026"}, DateAuto, false, false},
		{"GarbageIgnored", []string{"13/10/2026 garbage", "13/13/2026", "31/02/2026", "x"}, DateAuto, false, false},
		{"Dashes", []string{"31-10-2026"}, DMY, true, false},
		{"WithWeekday", []string{"Sat, 31/10/2026"}, DMY, true, false},
		{"WithSpaces", []string{"  10/31/2026  "}, MDY, true, false},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			var c DateColumn
			for _, v := range tc.Values {
				c.Observe(v)
			}
			order, decided, conflicting := c.Order()
			if order != tc.Order || decided != tc.Decided || conflicting != tc.Conflicting {
				t.Fatalf("Order() = %v, %v, %v; want %v, %v, %v", order, decided, conflicting, tc.Order, tc.Decided, tc.Conflicting)
			}
		})
	}
	var c DateColumn
	for _, v := range []string{"31/10/2026", "10/31/2026", "12/25/2026", "1/1/2026"} {
		c.Observe(v)
	}
	if mdy, dmy := c.Votes(); mdy != 2 || dmy != 1 {
		t.Errorf("Votes() = %d, %d; want 2, 1", mdy, dmy)
	}
}

func TestDecimalColumn(t *testing.T) {
	for _, tc := range []struct {
		Name        string
		Values      []string
		Dec         Decimal
		Decided     bool
		Conflicting bool
	}{
		{"Empty", nil, DecimalAuto, false, false},
		{"Undecidable", []string{"1,234", "1234", "", "abc", "1 234", "-"}, DecimalAuto, false, false},
		{"GroupedComma", []string{"1,234", "1.234,50"}, Comma, true, false},
		{"ShortComma", []string{"12,5"}, Comma, true, false},
		{"PointGroups", []string{"1.234.567"}, Comma, true, false},
		{"SpaceGroupsComma", []string{"1 234,56 €"}, Comma, true, false},
		{"GroupedPoint", []string{"$1,234.50"}, Point, true, false},
		{"ShortPoint", []string{"12.5%"}, Point, true, false},
		{"CommaGroups", []string{"1,234,567"}, Point, true, false},
		{"Apostrophe", []string{"1'234.56"}, Point, true, false},
		{"TieTakesFirst", []string{"12,5", "12.5"}, Comma, true, true},
		{"Majority", []string{"12,5", "12.5", "1,234.50"}, Point, true, true},
		{"GarbageIgnored", []string{"1.2.3,4,5", "12,5abc", "--1.5"}, DecimalAuto, false, false},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			var c DecimalColumn
			for _, v := range tc.Values {
				c.Observe(v)
			}
			dec, decided, conflicting := c.Decimal()
			if dec != tc.Dec || decided != tc.Decided || conflicting != tc.Conflicting {
				t.Fatalf("Decimal() = %v, %v, %v; want %v, %v, %v", dec, decided, conflicting, tc.Dec, tc.Decided, tc.Conflicting)
			}
		})
	}
	var c DecimalColumn
	for _, v := range []string{"12,5", "12.5", "1,234.50", "7"} {
		c.Observe(v)
	}
	if point, comma := c.Votes(); point != 2 || comma != 1 {
		t.Errorf("Votes() = %d, %d; want 2, 1", point, comma)
	}
}

// TestColumnThenParse reads a German export's column the way the reader
// will: decide the column, then parse every value with its decision.
func TestColumnThenParse(t *testing.T) {
	values := []string{"1.234", "12,50 €", "", "7.500"}
	var c DecimalColumn
	for _, v := range values {
		c.Observe(v)
	}
	dec, decided, conflicting := c.Decimal()
	if dec != Comma || !decided || conflicting {
		t.Fatalf("Decimal() = %v, %v, %v", dec, decided, conflicting)
	}
	var got []int64
	for _, v := range values {
		m, err := ParseMoney(v, dec)
		if err == ErrBlank {
			continue
		}
		if err != nil {
			t.Fatalf("ParseMoney(%q, %v): %v", v, dec, err)
		}
		got = append(got, int64(m))
	}
	want := []int64{123400, 1250, 750000}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}
}
