package reader

import (
	"slices"
	"strings"

	"github.com/repcard/repcard"
)

// ReasonContactList is the Input.Reason of a sheet that lists leads or
// contacts (a CRM's lead report, a contacts export): each row is a prospect
// and its owner, not a touch, a deal, or a rep of the roster.
const ReasonContactList = "a list of leads/contacts, not activity"

// contactMarkers are headers that only a list of people to sell to has.
// The words of other languages are those of localised CRM exports: a
// Dutch Salesforce lead report says Voornaam, Achternaam, Leadstatus.
var contactMarkers = foldAll("first name", "last name", "lead status", "lifecycle stage", "lead source", "contact status",
	"voornaam", "achternaam", "leadstatus", "apellido", "apellidos", "estado del lead", "prénom", "statut du lead",
	"vorname", "nachname", "lead-status", "cognome", "stato del lead", "sobrenome", "status do lead",
	// Close's lead export: a lead's status and its primary contact.
	"status_label", "primary_contact_name", "primary_contact_email")

// rosterMarkers are, besides contactMarkers, headers that make a sheet that
// looks like a roster a list of prospects: the company each row is about.
var rosterMarkers = foldAll(append([]string{"company / account"}, prospectNames...)...)

// creationDates are the date headers that say when a record was created,
// which is not a touch.
var creationDates = foldAll("created", "created date", "create date", "date created", "created time", "created on")

// contactList reports whether a header row found by presets or synonyms is
// that of a list of leads or contacts rather than of its kind: a "roster"
// whose rows are prospects (first and last name, lead status, company) or
// whose reps come back on many rows, or "activities" dated only by the
// record's creation. A config mapping is taken at its word.
func contactList(l *layout, below [][]string) bool {
	if strings.HasPrefix(l.how, "config") {
		return false
	}
	norm := make([]string, len(l.header))
	for i, h := range l.header {
		norm[i] = normHeader(h)
	}
	marked := func(markers []string) bool {
		for i, h := range norm {
			if slices.Contains(markers, h) && !slices.Contains(l.cols[fRep], i) {
				return true
			}
		}
		return false
	}
	switch l.kind {
	case repcard.KindRoster:
		return marked(contactMarkers) || marked(rosterMarkers) || repsRepeat(l, below)
	case repcard.KindActivities:
		if l.has(fType) || l.has(fOutcome) || l.has(fDone) || l.fixedType != "" {
			return false
		}
		return slices.Contains(creationDates, norm[l.cols[fDate][0]]) && marked(contactMarkers)
	}
	return false
}

// repsRepeat reports whether the rows below a roster's header name the same
// reps again and again with other values: a roster has about one row per
// rep. Rows repeated whole are not counted (a roster pasted twice).
func repsRepeat(l *layout, below [][]string) bool {
	seen := map[string]bool{}
	reps := map[string]bool{}
	for _, row := range below {
		if blankRow(row) {
			continue
		}
		rep := ""
		for _, c := range l.cols[fRep] {
			if c < len(row) && strings.TrimSpace(row[c]) != "" {
				rep = nameKey(row[c])
				break
			}
		}
		if rep == "" {
			continue
		}
		k := strings.Join(row, "\x00")
		if seen[k] {
			continue
		}
		seen[k] = true
		reps[rep] = true
	}
	return len(seen) >= 4 && 2*len(reps) <= len(seen)
}
