//go:build unix

package soffice

import (
	"os/exec"
	"syscall"
)

// killTree makes cmd's cancellation kill the whole process group: soffice is
// a script that starts oosplash, which starts soffice.bin, and killing the
// first alone would leave soffice.bin running.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
