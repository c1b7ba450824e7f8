//go:build windows

package soffice

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// createNoWindow keeps a console program from opening a window.
const createNoWindow = 0x08000000

// killTree makes cmd's cancellation kill soffice.exe together with the
// soffice.bin it started (taskkill /T walks the tree), falling back to
// killing soffice.exe alone. Once started through startTied, the job
// object's end kills the tree instead.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: syscall.CREATE_NEW_PROCESS_GROUP}
	cmd.Cancel = func() error {
		if j := jobOf(cmd); j != nil && j.terminate() == nil {
			return nil
		}
		kill := exec.Command("taskkill", "/T", "/F", "/PID", strconv.Itoa(cmd.Process.Pid))
		kill.SysProcAttr = &syscall.SysProcAttr{HideWindow: true, CreationFlags: createNoWindow}
		if err := kill.Run(); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
}

// job is a Windows job object holding a LibreOffice and every process it
// starts: they are killed when its last handle closes, which the system
// does when the program ends however it ends (the Task Manager included),
// and each may commit at most MemoryLimit bytes (issue 24: a crafted file
// must not take the machine's memory).
type job struct {
	mu sync.Mutex
	h  windows.Handle
}

var (
	jobsMu sync.Mutex
	jobs   = map[*exec.Cmd]*job{}
)

func jobOf(cmd *exec.Cmd) *job {
	jobsMu.Lock()
	defer jobsMu.Unlock()
	return jobs[cmd]
}

// newJob makes a job object that kills its processes when closed, with
// the memory limit.
func newJob() (*job, error) {
	h, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return nil, err
	}
	var info windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	if MemoryLimit > 0 {
		info.BasicLimitInformation.LimitFlags |= windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY
		info.ProcessMemoryLimit = uintptr(MemoryLimit)
	}
	if _, err := windows.SetInformationJobObject(h, windows.JobObjectExtendedLimitInformation, uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(h)
		return nil, err
	}
	return &job{h: h}, nil
}

func (j *job) terminate() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.h == 0 {
		return os.ErrClosed
	}
	return windows.TerminateJobObject(j.h, 1)
}

func (j *job) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.h != 0 {
		windows.CloseHandle(j.h)
		j.h = 0
	}
}

// startTied starts cmd and puts it in a job object of its own (see job);
// release, once cmd has ended, closes the job, killing what it left. When
// no job can be made, cmd runs outside one.
func startTied(cmd *exec.Cmd) (release func(), err error) {
	j, jerr := newJob()
	if err := cmd.Start(); err != nil {
		if j != nil {
			j.close()
		}
		return func() {}, err
	}
	if jerr != nil {
		return func() {}, nil
	}
	// soffice.exe is put in the job as soon as it runs, before it can
	// have started soffice.bin, which then belongs to the job too.
	ph, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(cmd.Process.Pid))
	if err == nil {
		err = windows.AssignProcessToJobObject(j.h, ph)
		windows.CloseHandle(ph)
	}
	if err != nil {
		j.close()
		return func() {}, nil
	}
	jobsMu.Lock()
	jobs[cmd] = j
	jobsMu.Unlock()
	return func() {
		jobsMu.Lock()
		delete(jobs, cmd)
		jobsMu.Unlock()
		j.close()
	}, nil
}

// runTied is cmd.Run in a job object of its own.
func runTied(cmd *exec.Cmd) error {
	release, err := startTied(cmd)
	if err != nil {
		return err
	}
	defer release()
	return cmd.Wait()
}

// tiedCommand is exec.CommandContext(ctx, bin, args...) for the warm
// LibreOffice, started in a job object (start) that release closes.
func tiedCommand(ctx context.Context, bin string, args []string) (cmd *exec.Cmd, start func() error, release func()) {
	cmd = exec.CommandContext(ctx, bin, args...)
	killTree(cmd)
	release = func() {}
	start = func() error {
		r, err := startTied(cmd)
		release = r
		return err
	}
	return cmd, start, func() { release() }
}

// running tells whether a process pid runs.
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	var code uint32
	return windows.GetExitCodeProcess(h, &code) == nil && code == 259 // STILL_ACTIVE
}

// endLeftover kills nothing on Windows: the job object ended the warm
// LibreOffice with the program that started it, so a live pid is another
// program's (Windows reuses them) and the folder is free.
func endLeftover(pid int, dir string) leftover { return leftoverGone }

// peakMemory is not asked on Windows (the job object refuses memory past
// the limit; LibreOffice then fails as it fails on a broken file).
func peakMemory(*os.ProcessState) int64 { return 0 }
