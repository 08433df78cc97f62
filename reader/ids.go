package reader

// canonicalID gives one spelling to the ids one tracker writes two ways.
// Salesforce writes a record's id in 15 case-sensitive characters (report
// exports) or in 18, the same 15 and a 3-character suffix that encodes
// their case (Data Loader, the API, some report settings); exports of the
// same deal from two tools must dedupe. An 18-character id whose suffix is
// the one its first 15 characters give is cut to those 15; any other id is
// kept as it is. A random id passes the check once in 32,768.
func canonicalID(id string) string {
	if len(id) != 18 || !alnum(id) || sfSuffix(id[:15]) != id[15:] {
		return id
	}
	return id[:15]
}

// sfSuffix is Salesforce's case-encoding suffix of a 15-character id: for
// each 5 characters, a 5-bit number with bit i set when character i is an
// upper-case letter, written as one of A–Z, 0–5.
func sfSuffix(id15 string) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
	var out [3]byte
	for chunk := range 3 {
		n := 0
		for i := range 5 {
			if c := id15[chunk*5+i]; c >= 'A' && c <= 'Z' {
				n |= 1 << i
			}
		}
		out[chunk] = digits[n]
	}
	return string(out[:])
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
