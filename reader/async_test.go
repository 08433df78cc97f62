package reader

import (
	"fmt"
	"testing"

	"github.com/repcard/repcard"
)

func TestAsyncKeepsOrder(t *testing.T) {
	for _, n := range []int{0, 1, batchSize - 1, batchSize, 3*batchSize + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var got []string
			emit, wait := Async(func(r *repcard.Record) { got = append(got, r.Rep) })
			var rec repcard.Record // reused, as ReadInbox does
			for i := range n {
				rec.Rep = fmt.Sprint(i)
				emit(&rec)
			}
			wait()
			if len(got) != n {
				t.Fatalf("%d records consumed, want %d", len(got), n)
			}
			for i, r := range got {
				if r != fmt.Sprint(i) {
					t.Fatalf("record %d is %q", i, r)
				}
			}
		})
	}
}
