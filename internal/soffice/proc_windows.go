//go:build windows

package soffice

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// createNoWindow keeps a console program from opening a window.
const createNoWindow = 0x08000000

// killTree makes cmd's cancellation kill soffice.exe together with the
// soffice.bin it started (taskkill /T walks the tree), falling back to
// killing soffice.exe alone.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
	cmd.Cancel = func() error {
		kill := exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid))
		kill.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
		if err := kill.Run(); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
}

// peakMemory is not asked on Windows (no memory limit there).
func peakMemory(*os.ProcessState) int64 { return 0 }
