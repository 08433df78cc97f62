package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A grouped header is two rows: a band of group words over the columns
// (merged cells in a workbook, a word then blanks in a CSV) and the real
// header below it.
//
//	          |      | Phone activity          | Face-to-face     | Revenue
//	Week      | Rep  | Dials | Contacts | Appts | Meetings | Closes | New | Existing | Total
//
// A group starts at its band word and runs to the next one (excelize's
// Rows iterator gives a merge's value in its first cell and blanks in the
// others, so merges need not be read). The header word names its column,
// but where the band says more: a word the band qualifies (bandWords:
// "Contacts" under a phone band are calls that reached someone, "Total"
// under Revenue is the amount, "New" and "Existing" under it are parts of
// that amount and not read), and a generic word under any other band
// ("Amount" under "Commission", "Total" under "Q3") is read as band and
// word together. A column whose band or word says it is computed (a
// "Target" band) is computed (see computed.go).

// bandMatch reads head[i] as a header under the band in head[i-1]. It
// returns nil when the row above is no band, when the band changes no
// column, or when the qualified row maps no kind. A sheet with a config
// mapping is read by its header words as they are.
func bandMatch(head [][]string, i int, maps []mappingFor, repKnown bool) *layout {
	if i == 0 || len(maps) > 0 {
		return nil
	}
	groups := bandGroups(head[i-1], head[i])
	if groups == nil {
		return nil
	}
	match := make([]string, len(head[i]))
	changed := false
	for c, h := range head[i] {
		match[c] = qualify(groups[c], h)
		changed = changed || match[c] != h
	}
	if !changed {
		return nil
	}
	l := matchRow(match, nil, repKnown)
	if l != nil {
		l.how += " (grouped header)"
	}
	return l
}

// bandGroups returns, per column of header, the band word over it ("" for
// none), or nil when band is not a band: a row that leaves the first column
// blank (a band groups measures, not the row labels), holds at most half as
// many cells as the header, each over a header cell, each a short label
// with a letter and no colon (not a "Week of: 2026-10-05" note).
func bandGroups(band, header []string) []string {
	if len(band) == 0 || strings.TrimSpace(band[0]) != "" {
		return nil
	}
	bandCells, headerCells := 0, 0
	for _, h := range header {
		if strings.TrimSpace(h) != "" {
			headerCells++
		}
	}
	groups := make([]string, len(header))
	word := ""
	for c := range header {
		if c < len(band) {
			if b := strings.TrimSpace(band[c]); b != "" {
				if !bandLabel(b) || strings.TrimSpace(header[c]) == "" {
					return nil
				}
				word = b
				bandCells++
			}
		}
		groups[c] = word
	}
	for c := len(header); c < len(band); c++ {
		if strings.TrimSpace(band[c]) != "" {
			return nil
		}
	}
	if bandCells == 0 || 2*bandCells > headerCells {
		return nil
	}
	return groups
}

// bandLabel reports a band cell's text: up to four words and 40 runes, a
// letter among them, no colon.
func bandLabel(s string) bool {
	return utf8.RuneCountInString(s) <= 40 && len(strings.Fields(s)) <= 4 && !strings.Contains(s, ":") &&
		strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// qualify is the text a header cell h under band word b is matched as.
func qualify(b, h string) string {
	if b == "" || strings.TrimSpace(h) == "" {
		return h
	}
	both := b + " " + h
	if computedHeader(both) {
		return both
	}
	k := normHeader(h)
	if as, ok := bandWords[bandClasses[normHeader(b)]][k]; ok {
		if as == "" {
			return both
		}
		return as
	}
	if _, ok := genericHeaders[k]; ok {
		return both
	}
	return h
}

// bandClasses folds the band words repcard knows to their class.
var bandClasses = classesOf(map[string][]string{
	"phone":      {"phone", "phone activity", "phone calls", "calls", "calling", "cold calls", "cold calling", "telephone", "dials", "dialing", "outbound"},
	"face":       {"face-to-face", "face to face", "f2f", "in person", "in-person", "meetings", "field", "field activity", "appointments"},
	"visits":     {"visits", "doors", "door knocking", "door-to-door", "canvassing"},
	"email":      {"email", "emails", "e-mail", "e-mails", "email activity"},
	"social":     {"social", "social media", "linkedin"},
	"deals":      {"deals", "sales", "results", "outcomes", "closings", "opportunities"},
	"revenue":    {"revenue", "sales revenue", "bookings", "income", "turnover", "sales value", "value", "amount"},
	"commission": {"commission", "commissions", "earnings"},
})

func classesOf(m map[string][]string) map[string]string {
	out := make(map[string]string)
	for class, names := range m {
		for _, n := range names {
			out[normHeader(n)] = class
		}
	}
	return out
}

// bandWords says, per band class, what a header word under it is matched
// as: a name the synonym tables know, or "" for band and word together (a
// column that is no measure of its own: appointments set on the phone are
// not meetings held, new and existing revenue are parts of the total).
// Under a phone band a call that reached someone ("Contacts", "Connected")
// is matched as "calls", before the dials ("Made", "Dials") matched as
// "dials": a contact is a conversation, and the dials count only where a
// row has no contacts.
var bandWords = map[string]map[string]string{
	"phone": foldKeys(map[string]string{
		"made": "dials", "dials": "dials", "calls": "dials", "attempts": "dials", "placed": "dials", "outbound": "dials",
		"contacts": "calls", "connected": "calls", "connects": "calls", "conversations": "calls", "reached": "calls",
		"answered": "calls", "talked": "calls", "spoken to": "calls",
		"appts": "", "appointments": "", "appts set": "", "appointments set": "", "booked": "", "set": "", "meetings": "", "meetings booked": "",
	}),
	"face": foldKeys(map[string]string{
		"meetings": "meetings", "held": "meetings", "done": "meetings", "completed": "meetings", "contacts": "meetings",
		"met": "meetings", "attended": "meetings", "visits": "meetings", "made": "meetings",
		"booked": "", "scheduled": "", "set": "",
	}),
	"visits": foldKeys(map[string]string{
		"visits": "visits", "made": "visits", "done": "visits", "contacts": "visits", "knocks": "visits", "doors": "visits", "knocked": "visits",
	}),
	"email": foldKeys(map[string]string{
		"sent": "emails", "emails": "emails", "contacts": "emails", "made": "emails",
		"opened": "", "opens": "", "replies": "", "replied": "", "clicks": "",
	}),
	"social": foldKeys(map[string]string{
		"sent": "social", "messages": "social", "contacts": "social", "made": "social", "dms": "social", "inmails": "social",
		"replies": "", "connections": "", "accepted": "",
	}),
	"deals": foldKeys(map[string]string{
		"won": "closings", "closed": "closings", "closes": "closings", "closings": "closings", "wins": "closings", "signed": "closings",
		"lost": "rejections", "rejected": "rejections", "declined": "rejections",
		"value": "amount", "amount": "amount", "revenue": "amount",
		"open": "", "new": "", "created": "", "pending": "", "total": "",
	}),
	"revenue": foldKeys(map[string]string{
		"total": "amount", "amount": "amount", "value": "amount", "sum": "amount", "revenue": "amount", "actual": "amount",
		"new": "", "existing": "", "recurring": "", "renewal": "", "renewals": "", "upsell": "", "one-off": "", "new business": "", "repeat": "",
	}),
	"commission": foldKeys(map[string]string{
		"total": "commission", "amount": "commission", "earned": "commission", "value": "commission", "paid": "commission",
	}),
}

func foldKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[normHeader(k)] = v
	}
	return out
}

// genericHeaders are header words that say little alone: under a band they
// are read with it ("Total" under "Q3" is "Q3 Total", no amount).
var genericHeaders = foldKeys(map[string]string{
	"new": "", "existing": "", "total": "", "totals": "", "sum": "", "made": "", "connected": "", "count": "",
	"number": "", "qty": "", "amount": "", "value": "", "done": "", "held": "", "booked": "",
	"set": "", "sent": "", "actual": "", "actuals": "", "mtd": "", "ytd": "", "wtd": "",
})
