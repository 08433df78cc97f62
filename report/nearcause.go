package report

// nearCause says why a lost row is a near miss: one bit per rule it meets.
type nearCause uint8

const (
	// nearByStage: its stage contains a late_stages entry.
	nearByStage nearCause = 1 << iota
	// nearByProbability: its probability is at least near_miss_probability.
	nearByProbability
)

// String is the cause as NearMiss.By writes it.
func (c nearCause) String() string {
	switch c {
	case nearByStage:
		return "stage"
	case nearByProbability:
		return "probability"
	}
	return "stage+probability"
}
