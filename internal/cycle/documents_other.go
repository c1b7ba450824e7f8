//go:build !windows

package cycle

import "os"

// documentsDir is where the workspace goes on systems other than Windows:
// the user's home.
func documentsDir() (string, error) { return os.UserHomeDir() }
