package report

// worded sets the alert's message, about who ("your", "the team's"), and
// the one a rep's manager reads ("their").
func (a Alert) worded(who string, message func(who string) string) Alert {
	a.Message, a.Theirs = message(who), message("their")
	return a
}
