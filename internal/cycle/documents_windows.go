//go:build windows

package cycle

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// documentsDir is the user's Documents folder as Windows knows it
// (SHGetKnownFolderPath of FOLDERID_Documents): right also when the folder
// was moved, to OneDrive or another drive. Where the API fails, the
// Documents folder under the user's home.
func documentsDir() (string, error) {
	if dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT); err == nil && dir != "" {
		return dir, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, "Documents"), nil
}
