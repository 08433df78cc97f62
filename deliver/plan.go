package deliver

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/format"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/report"
)

// The kinds of message.
const (
	KindRep     = "rep"
	KindManager = "manager"
	KindTeam    = "team"
)

// Message is one e-mail to one recipient: their documents of the period.
type Message struct {
	Kind     string // KindRep, KindManager or KindTeam
	Name     string // the rep, the manager, or the team address
	To       string // the address; "" when the roster gives none
	Cc       string // the manager, with email.cc_manager
	Docs     []Doc
	Headline string // "Each no was worth $162.97"; "" when there were no contacts
}

// Key is the message's row in the ledger.
func (m *Message) Key() string { return m.Kind + ":" + m.Name }

// Doc is one document of a message.
type Doc struct {
	Rel    string // relative to the period's folder, with slashes: reps/jane-doe.pdf
	Path   string
	SHA256 string
	Size   int64
}

// metrics is the part of metrics.json a delivery needs.
type metrics struct {
	Period struct {
		Label string `json:"label"`
	} `json:"period"`
	Currency string `json:"currency"`
	Team     struct {
		ValuePerContact *float64 `json:"value_per_contact"`
	} `json:"team"`
	Managers []struct {
		Manager         string   `json:"manager"`
		Email           string   `json:"email"`
		ValuePerContact *float64 `json:"value_per_contact"`
	} `json:"managers"`
	Reps []struct {
		Rep             string   `json:"rep"`
		Slug            string   `json:"slug"`
		Manager         string   `json:"manager"`
		Email           string   `json:"email"`
		ValuePerContact *float64 `json:"value_per_contact"`
		Sources         struct {
			Contacts string `json:"contacts"`
		} `json:"sources"`
	} `json:"reps"`
}

// decided reports whether the reports of the reps that keep (all of them,
// or a manager's) call contacts "decided deals", as the PDFs do: every rep
// with contacts counts them from decided deals.
func (m *metrics) decided(keep func(manager string) bool) bool {
	decided, logged := 0, 0
	for _, r := range m.Reps {
		if !keep(r.Manager) {
			continue
		}
		switch r.Sources.Contacts {
		case report.SourceDecided:
			decided++
		case report.SourceActivities:
			logged++
		}
	}
	return decided > 0 && logged == 0
}

// Plan lists the messages of the period whose reports are in dir
// (out/<period>), from its metrics.json and the PDFs there: the team
// summary (with team.xlsx, every list in full) to each team_to address, each manager's summary to the manager,
// each rep's report (and self-review, when written) to the rep. A rep or
// manager whose PDF is not in dir (a run with -rep) has no message; one with
// no address has a message with To "". reps, when not empty, keeps only
// those reps (names folded as report.NameKey does) and no summaries.
func Plan(dir string, cfg config.Email, reps []string) (period string, msgs []Message, err error) {
	b, err := os.ReadFile(filepath.Join(dir, "metrics.json"))
	if err != nil {
		return "", nil, fmt.Errorf("reading the reports of %s: %w (run 'repcard run' first)", dir, err)
	}
	var m metrics
	if err := json.Unmarshal(b, &m); err != nil {
		return "", nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, "metrics.json"), err)
	}
	// headline is the PDF's headline: "Each no was worth $162.97", or
	// "Each decided deal was worth …" where the PDF says so.
	headline := func(v *float64, decided bool) string {
		if v == nil {
			return ""
		}
		lead := "Each no was worth "
		if decided {
			lead = "Each decided deal was worth "
		}
		return lead + format.Money(repcard.Money(math.Round(*v*100)), m.Currency)
	}
	all := func(string) bool { return true }
	want := map[string]bool{}
	for _, r := range reps {
		want[report.NameKey(r)] = true
	}
	add := func(msg Message, rels ...string) error {
		for i, rel := range rels {
			d, err := doc(dir, rel)
			if errors.Is(err, fs.ErrNotExist) {
				if i == 0 {
					return nil // not written by the run: a run with -rep
				}
				continue // no self-review written
			}
			if err != nil {
				return err
			}
			msg.Docs = append(msg.Docs, d)
		}
		msgs = append(msgs, msg)
		return nil
	}
	mgrEmail := map[string]string{}
	for _, mg := range m.Managers {
		mgrEmail[mg.Manager] = mg.Email
	}
	if len(want) == 0 {
		for _, to := range cfg.TeamTo {
			if err := add(Message{Kind: KindTeam, Name: to, To: to, Headline: headline(m.Team.ValuePerContact, m.decided(all))}, "team.pdf", "team.xlsx"); err != nil {
				return "", nil, err
			}
		}
		names := make([]string, len(m.Managers))
		for i, mg := range m.Managers {
			names[i] = mg.Manager
		}
		for i, slug := range output.Slugs(names) {
			mg := m.Managers[i]
			if err := add(Message{Kind: KindManager, Name: mg.Manager, To: mg.Email, Headline: headline(mg.ValuePerContact, m.decided(func(man string) bool { return man == mg.Manager }))}, "managers/"+slug+".pdf"); err != nil {
				return "", nil, err
			}
		}
	}
	for _, r := range m.Reps {
		if len(want) > 0 && !want[report.NameKey(r.Rep)] {
			continue
		}
		msg := Message{Kind: KindRep, Name: r.Rep, To: r.Email, Headline: headline(r.ValuePerContact, r.Sources.Contacts == report.SourceDecided)}
		if cfg.CcManager && r.Email != "" {
			msg.Cc = mgrEmail[r.Manager]
		}
		if err := add(msg, "reps/"+r.Slug+".pdf", "review/"+r.Slug+".pdf"); err != nil {
			return "", nil, err
		}
	}
	return m.Period.Label, msgs, nil
}

// doc hashes the document at dir/rel.
func doc(dir, rel string) (Doc, error) {
	elems := strings.Split(rel, "/")
	p, err := output.SafeJoin(dir, elems...)
	if err != nil {
		return Doc{}, err
	}
	f, err := os.Open(p)
	if err != nil {
		return Doc{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return Doc{}, fmt.Errorf("reading %s: %w", p, err)
	}
	return Doc{Rel: rel, Path: p, SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}, nil
}

// hashes is the documents' hashes as the ledger writes them.
func hashes(docs []Doc) string {
	s := make([]string, len(docs))
	for i, d := range docs {
		s[i] = d.SHA256
	}
	return strings.Join(s, " ")
}

func rels(docs []Doc) string {
	s := make([]string, len(docs))
	for i, d := range docs {
		s[i] = d.Rel
	}
	return strings.Join(s, " ")
}
