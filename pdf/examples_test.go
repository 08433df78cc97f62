package pdf

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// TestExamples renders every document of the repository's example inbox,
// as repcard run would, to -pdf.out DIR/examples. Without -pdf.out it only
// checks that they render. The example config and inbox are part of the
// repository: failing to read them fails the test.
func TestExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the example inbox")
	}
	cfg, err := config.Load(filepath.Join("..", "config.yaml"))
	if err != nil {
		t.Fatal("the example config: ", err)
	}
	cfg.Inbox = filepath.Join("..", cfg.Inbox)
	b := report.NewBuilder(cfg)
	if _, err := reader.ReadInbox(context.Background(), cfg.Inbox, cfg, b.Add); err != nil {
		t.Fatal("reading the example inbox: ", err)
	}
	p, ok := b.DefaultPeriod()
	if !ok {
		t.Fatal("no period in the example inbox")
	}
	rpt := b.Build(p)
	r := newRenderer(t, Options{PageSize: cfg.PageSize, Currency: cfg.Currency})
	name := func(s string) string { return filepath.Join("examples", s) }
	render(t, r, name("team"), func(w *bytes.Buffer) error { return r.Team(w, rpt) })
	for i := range rpt.Managers {
		render(t, r, name(fmt.Sprintf("manager-%d", i+1)), func(w *bytes.Buffer) error { return r.Manager(w, rpt, &rpt.Managers[i]) })
	}
	for i := range rpt.Reps {
		rep := &rpt.Reps[i]
		render(t, r, name(fmt.Sprintf("rep-%02d", i+1)), func(w *bytes.Buffer) error { return r.Rep(w, rpt, rep, nil) })
		render(t, r, name(fmt.Sprintf("review-%02d", i+1)), func(w *bytes.Buffer) error { return r.SelfReview(w, rpt, rep, nil) })
	}
}
