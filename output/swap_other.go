//go:build !linux

package output

// exchange cannot swap two folders in one step here.
func exchange(a, b string) error { return errNoExchange }

// syncTree syncs each file and folder under dir.
func syncTree(dir string) error { return syncEach(dir) }
