package reader

import "strings"

func blankRow(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// isTotalRow reports a report's footer: "Total", "Grand Totals (12
// records)", "Subtotal" in the first non-empty cell.
func isTotalRow(row []string) bool {
	for _, c := range row {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		switch c[0] | 0x20 { // a cheap first look: most rows are data
		case 't', 'g', 's':
		default:
			return false
		}
		k := normHeader(c)
		if k == "" {
			continue
		}
		return strings.HasPrefix(k, "total") || strings.HasPrefix(k, "grandtotal") || strings.HasPrefix(k, "subtotal") || k == "sum"
	}
	return false
}

// isRepeatedHeader reports a copy of the header row further down (exports
// glued together, or a header on every printed page).
func isRepeatedHeader(row []string, headerNorm []string, l *layout) bool {
	same := 0
	for f := range numFields {
		for _, i := range l.cols[f] {
			if i >= len(row) || len(row[i]) < len(headerNorm[i]) || normHeader(row[i]) != headerNorm[i] {
				return false
			}
			same++
		}
	}
	return same > 0
}
