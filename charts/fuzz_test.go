package charts

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
)

// FuzzCharts draws every chart from arbitrary values and labels: no error,
// and never the fallback chart (a panic while drawing).
func FuzzCharts(f *testing.F) {
	f.Add([]byte{}, "2026-01", 1.0)
	f.Add(bytes.Repeat([]byte{0x40, 0x24, 0, 0, 0, 0, 0, 0}, 12), "Price too high", 50.0)
	f.Add(bytes.Repeat([]byte{0x7F, 0xF8, 0, 0, 0, 0, 0, 1}, 5), "Δεν απάντησαν\x00\xff", math.Inf(1))
	f.Add(bytes.Repeat([]byte{0x7F, 0xEF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0}, 7), "", -3.0)
	opt := Options{Width: 600, Height: 200, Currency: "$"}
	fb, err := fallback(Options{Width: 600, Height: 200, DPI: DefaultDPI}, "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, label string, goal float64) {
		var vals []float64
		var points []MonthPoint
		var bars []ReasonBar
		for i := 0; i+8 <= len(data) && len(vals) < 400; i += 8 {
			v := math.Float64frombits(binary.BigEndian.Uint64(data[i:]))
			vals = append(vals, v)
			points = append(points, MonthPoint{Label: label, Value: v, Valid: data[i]&1 == 0})
			bars = append(bars, ReasonBar{Reason: label[:min(len(label), i/8)], Count: int(int32(binary.BigEndian.Uint32(data[i:]))), Controllable: data[i+7]&1 == 1})
		}
		check := func(name string, b []byte, err error) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if bytes.Equal(b, fb) {
				t.Fatalf("%s: drawing panicked", name)
			}
		}
		b, err := ContactsAndClosings(points, points[min(1, len(points)):], opt)
		check("ContactsAndClosings", b, err)
		b, err = ContactsPerClose(points, opt)
		check("ContactsPerClose", b, err)
		b, err = ValuePerContact(points, goal, opt)
		check("ValuePerContact", b, err)
		b, err = LossReasons(bars, opt)
		check("LossReasons", b, err)
		b, err = RatioDistribution(vals, opt)
		check("RatioDistribution", b, err)
	})
}
