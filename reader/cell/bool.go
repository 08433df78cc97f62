package cell

import "strings"

// ParseBool reads a yes/no cell: yes, y, true, 1, x, ✓, ✔ and ☑ are true;
// no, n, false, 0, ✗ and ✘ are false; case does not matter. ok is false for
// a blank cell and for anything else, which the caller should treat as
// unknown rather than as no.
func ParseBool(s string) (v bool, ok bool) {
	s = trimSpace(s)
	switch len(s) {
	case 1:
		switch s[0] {
		case 'y', 'Y', '1', 'x', 'X':
			return true, true
		case 'n', 'N', '0':
			return false, true
		}
	case 2:
		if strings.EqualFold(s, "no") {
			return false, true
		}
	case 3:
		switch s {
		case "✓", "✔", "☑":
			return true, true
		case "✗", "✘":
			return false, true
		}
		if strings.EqualFold(s, "yes") {
			return true, true
		}
	case 4:
		if strings.EqualFold(s, "true") {
			return true, true
		}
	case 5:
		if strings.EqualFold(s, "false") {
			return false, true
		}
	}
	return false, false
}
