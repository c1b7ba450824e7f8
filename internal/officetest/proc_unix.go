//go:build unix

package officetest

import (
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own: soffice starts
// soffice.bin as a child, and both must go when the test is done.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup kills the process group that ownGroup gave cmd, and nothing else.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
