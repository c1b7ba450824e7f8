//go:build unix

package soffice

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
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

// warmScript runs the warm LibreOffice ("$@", after the memory limit "$1"
// in KB, 0 for none) so that it ends with the program, however the program
// ends, kill -9 included: the shell leads the process group (killTree)
// and a watcher in it waits to read fd 3, a pipe whose writing end only
// the program holds. When the program ends the kernel closes that end, the
// watcher reads end-of-file and kills the group: the shell, oosplash and
// soffice.bin. Pdeathsig would reach the shell alone (soffice.bin is a
// grandchild) and fires when the thread that started it ends, not the
// program. When LibreOffice ends by itself, the shell ends with its
// status and the watcher goes too.
const warmScript = `[ "$1" -gt 0 ] && ulimit -v "$1" 2>/dev/null; shift
"$@" 3<&- &
lo=$!
(read _ <&3; kill -KILL 0) </dev/null >/dev/null 2>&1 &
watcher=$!
exec 3<&-
wait $lo; status=$?
kill $watcher 2>/dev/null
exit $status`

// tiedCommand is exec.CommandContext(ctx, bin, args...) for the warm
// LibreOffice, run through warmScript, with its memory limit on Linux;
// start starts it and release (after it ended, or to stop it) lets the
// watcher go. Without a shell, the command is bin's own.
func tiedCommand(ctx context.Context, bin string, args []string) (cmd *exec.Cmd, start func() error, release func()) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		cmd = exec.CommandContext(ctx, bin, args...)
		killTree(cmd)
		return cmd, cmd.Start, func() {}
	}
	var limit int64
	if runtime.GOOS == "linux" && MemoryLimit > 0 {
		limit = MemoryLimit >> 10
	}
	cmd = exec.CommandContext(ctx, sh, append([]string{"-c", warmScript, "baocao-soffice", strconv.FormatInt(limit, 10), bin}, args...)...)
	killTree(cmd)
	var w *os.File
	start = func() error {
		r, pw, err := os.Pipe()
		if err != nil {
			return err
		}
		cmd.ExtraFiles = []*os.File{r}
		err = cmd.Start()
		r.Close() // the child has its own
		if err != nil {
			pw.Close()
			return err
		}
		w = pw
		return nil
	}
	release = func() {
		if w != nil {
			w.Close()
		}
	}
	return cmd, start, release
}

// running tells whether a process pid runs (or is a zombie not yet waited).
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// endLeftover kills the process group of pid, a warm LibreOffice left by
// a program that ended without stopping it, when its command line still
// names its folder dir (on Linux, through /proc). Elsewhere it cannot
// tell, and the pid may be another's by now: it is left alone.
func endLeftover(pid int, dir string) leftover {
	if runtime.GOOS != "linux" {
		return leftoverUnknown
	}
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil || !bytes.Contains(b, []byte(filepath.Base(dir))) {
		return leftoverGone
	}
	syscall.Kill(-pid, syscall.SIGKILL)
	return leftoverKilled
}

// runTied is cmd.Run: on unix the memory limit is set by the command
// itself (Convert's shell) and nothing more ties it.
func runTied(cmd *exec.Cmd) error { return cmd.Run() }
