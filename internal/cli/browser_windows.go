//go:build windows

package cli

import "golang.org/x/sys/windows"

// openBrowser opens url in the default browser through the shell's own
// API (ShellExecuteW with the verb "open"), as Explorer does for a link;
// no helper program is started.
func openBrowser(url string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(url)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
}
