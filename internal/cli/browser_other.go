//go:build !windows

package cli

import (
	"os/exec"
	"runtime"
)

// openBrowser opens url in the default browser without waiting for it:
// open on macOS, xdg-open elsewhere.
func openBrowser(url string) error {
	cmd := exec.Command("xdg-open", url)
	if runtime.GOOS == "darwin" {
		cmd = exec.Command("open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
