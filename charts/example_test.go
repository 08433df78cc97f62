package charts_test

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/repcard/repcard/charts"
)

func ExampleContactsPerClose() {
	points := []charts.MonthPoint{
		{Label: "2025-11", Value: 10.7, Valid: true},
		{Label: "2025-12", Valid: false}, // no sale: a gap, not a zero
		{Label: "2026-01", Value: 9.4, Valid: true},
		{Label: "2026-02", Value: 10.9, Valid: true},
	}
	b, err := charts.ContactsPerClose(points, charts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		fmt.Println(err)
		return
	}
	w, h := charts.Options{}.SizeMM()
	fmt.Printf("%v px, to print at %.0f×%.0f mm\n", img.Bounds().Size(), w, h)
	// Output: (1500,500) px, to print at 180×60 mm
}
