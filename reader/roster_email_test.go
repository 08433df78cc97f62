package reader

import (
	"testing"

	"github.com/repcard/repcard"
)

// A "Manager email" column is the manager's address, not a second manager
// column nor the rep's Email.
func TestRosterManagerEmail(t *testing.T) {
	tests := []struct {
		header, row    string
		manager, email string
		managerEmail   string
	}{
		{"Rep,Manager,Email,Manager email", "Jane Doe,Ana Ruiz,Jane@X.example,ana@x.example", "Ana Ruiz", "jane@x.example", "ana@x.example"},
		{"Rep,Manager,Manager e-mail", "Jane Doe,Ana Ruiz, Ana@X.example ", "Ana Ruiz", "", "ana@x.example"},
		{"Sales rep,Reports to,Work email", "Jane Doe,Ana Ruiz,jane@x.example", "Ana Ruiz", "jane@x.example", ""},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"roster.csv": tt.header + "\n" + tt.row + "\n"})
			recs := read(t, dir, nil).byKind(repcard.KindRoster)
			if len(recs) != 1 {
				t.Fatalf("%d roster rows, want 1", len(recs))
			}
			r := recs[0]
			if r.Manager != tt.manager || r.Email != tt.email || r.ManagerEmail != tt.managerEmail {
				t.Errorf("manager %q, email %q, manager email %q; want %q, %q, %q", r.Manager, r.Email, r.ManagerEmail, tt.manager, tt.email, tt.managerEmail)
			}
		})
	}
}
