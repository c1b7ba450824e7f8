//go:build unix

package soffice

import (
	"os"
	"os/exec"
	"runtime"
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

// peakMemory is the most resident memory, in bytes, that the process
// (with the children it waited for: soffice.bin) held.
func peakMemory(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		if runtime.GOOS == "darwin" {
			return int64(ru.Maxrss) // bytes there
		}
		return int64(ru.Maxrss) << 10 // KB on Linux and the BSDs
	}
	return 0
}
