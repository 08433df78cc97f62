//go:build !unix

package charts

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
