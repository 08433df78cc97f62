package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is the release version when a release build stamps it:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/repcard
//
// Without it, the module version from the build info is used: what
// 'go install github.com/repcard/repcard/cmd/repcard@v1.2.0' builds.
var version string

// cmdVersion prints the version, the commit it was built from and the Go
// version (versionLine).
func cmdVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "repcard version", stdout, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(version, bi))
	return exitOK
}

// versionLine is version's line: the stamped version, else the module's
// from bi ("(devel)" for a build from source that the toolchain did not
// version), then the commit when bi knows it (+dirty for uncommitted
// changes) and the Go version. bi may be nil.
func versionLine(stamped string, bi *debug.BuildInfo) string {
	v, commit, goVersion := stamped, "", "unknown Go"
	if bi != nil {
		goVersion = bi.GoVersion
		if v == "" {
			v = bi.Main.Version
		}
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value[:min(len(s.Value), 12)]
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if commit != "" && dirty {
			commit += "+dirty"
		}
	}
	if v == "" {
		v = "(devel)"
	}
	switch {
	case commit != "":
		return fmt.Sprintf("repcard %s (commit %s, %s)", v, commit, goVersion)
	case v == "(devel)":
		return fmt.Sprintf("repcard %s (commit unknown, %s)", v, goVersion)
	}
	return fmt.Sprintf("repcard %s (%s)", v, goVersion)
}
