package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// cmdVersion prints the module version, the commit it was built from and
// the Go version, from the build info the toolchain embeds.
func cmdVersion(stdout io.Writer) int {
	version, commit, goVersion := "(devel)", "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
				if len(commit) > 12 {
					commit = commit[:12]
				}
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if dirty {
			commit += "+dirty"
		}
	}
	fmt.Fprintf(stdout, "repcard %s (commit %s, %s)\n", version, commit, goVersion)
	return exitOK
}
