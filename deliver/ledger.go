package deliver

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/repcard/repcard/output"
)

// The statuses of a ledger row.
const (
	StatusSent    = "sent"
	StatusFailed  = "failed"
	StatusSkipped = "skipped" // no address
	StatusDryRun  = "dry-run"
	// StatusSending is the row of a message being sent: a row still
	// "sending" when send starts was in flight when a send was stopped,
	// and may have arrived.
	StatusSending = "sending"
)

// LedgerName is the ledger's file name in out/<period>/.
const LedgerName = "deliveries.csv"

var ledgerHeader = []string{"kind", "recipient", "address", "cc", "documents", "sha256", "message_id", "status", "smtp_code", "smtp_text", "attempts", "time"}

// Row is one message of the ledger. Documents and SHA256 are
// space-separated, in the same order.
type Row struct {
	Kind, Recipient, Address, Cc string
	Documents, SHA256, MessageID string
	Status                       string
	Code                         string // the SMTP reply code, "" when none
	Text                         string // the server's words, or why not sent
	Attempts                     int
	Time                         string // RFC 3339, UTC
}

func (r *Row) key() string { return r.Kind + ":" + r.Recipient }

// Ledger is out/<period>/deliveries.csv: a row per message, in the order
// first written.
type Ledger struct {
	path string
	rows []Row
	idx  map[string]int
	lock func() (unlock func(), err error) // held for each write (Options.Lock)
}

// OpenLedger reads the ledger at path; a missing file is an empty ledger.
func OpenLedger(path string) (*Ledger, error) {
	l := &Ledger{path: path, idx: map[string]int{}}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = len(ledgerHeader)
	head, err := cr.Read()
	if err == io.EOF {
		return l, nil
	}
	if err != nil || !slices.Equal(head, ledgerHeader) {
		return nil, fmt.Errorf("%s: not a ledger repcard wrote (its first line is not %v); move it away to start over", path, ledgerHeader)
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r := Row{Kind: rec[0], Recipient: uncell(rec[1]), Address: rec[2], Cc: rec[3], Documents: rec[4], SHA256: rec[5],
			MessageID: rec[6], Status: rec[7], Code: rec[8], Text: uncell(rec[9]), Time: rec[11]}
		fmt.Sscan(rec[10], &r.Attempts)
		l.put(r)
	}
	return l, nil
}

// Get returns the row of the message with key, if any.
func (l *Ledger) Get(key string) (Row, bool) {
	i, ok := l.idx[key]
	if !ok {
		return Row{}, false
	}
	return l.rows[i], true
}

// Rows returns the rows, in file order.
func (l *Ledger) Rows() []Row { return slices.Clone(l.rows) }

func (l *Ledger) put(r Row) {
	if i, ok := l.idx[r.key()]; ok {
		l.rows[i] = r
		return
	}
	l.idx[r.key()] = len(l.rows)
	l.rows = append(l.rows, r)
}

// Put sets the row of its message and writes the whole ledger atomically:
// a send killed at any moment leaves the ledger as it was before or after
// this row.
func (l *Ledger) Put(r Row) error {
	l.put(r)
	if l.lock != nil {
		unlock, err := l.lock()
		if err != nil {
			return err
		}
		defer unlock()
	}
	return output.WriteFile(l.path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(ledgerHeader); err != nil {
			return err
		}
		for _, r := range l.rows {
			if err := cw.Write([]string{r.Kind, cell(r.Recipient), r.Address, r.Cc, r.Documents, r.SHA256, r.MessageID,
				r.Status, r.Code, cell(r.Text), fmt.Sprint(r.Attempts), r.Time}); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

// cell keeps a spreadsheet from reading text as a formula: a leading
// = + - @ tab or CR gets a ' before it, which uncell takes away.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r'", rune(s[0])) {
		return "'" + s
	}
	return s
}

func uncell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r'", rune(s[1])) {
		return s[1:]
	}
	return s
}
