package soffice

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ownerEnv makes the test binary, started again by TestWarmDiesWithProgram,
// a program that keeps a LibreOffice warm until it is killed.
const ownerEnv = "BAOCAO_TEST_WARM_OWNER"

// TestWarmOwner is the program of TestWarmDiesWithProgram; it runs only
// there.
func TestWarmOwner(t *testing.T) {
	bin := os.Getenv(ownerEnv)
	if bin == "" {
		t.Skip("run by TestWarmDiesWithProgram")
	}
	w := NewWarm(bin)
	w.Start()
	p := waitWarm(t, w)
	fmt.Printf("warm %s\n", p.dir)
	select {} // until killed
}

// A program killed outright (kill -9) does not leave its warm LibreOffice
// running: the real one, kept warm by a child process that is then
// killed, is gone soon after; the folder it leaves is removed by the next
// warm start.
func TestWarmDiesWithProgram(t *testing.T) {
	bin := realSoffice(t)
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestWarmOwner$", "-test.v")
	cmd.Env = append(os.Environ(), ownerEnv+"="+bin, "TMPDIR="+tmp)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var dir string
	lines := bufio.NewScanner(out)
	for dir == "" && lines.Scan() {
		if d, ok := strings.CutPrefix(lines.Text(), "warm "); ok {
			dir = d
		}
	}
	if dir == "" || !strings.HasPrefix(dir, tmp) {
		t.Fatalf("the owner said no warm folder: %q", dir)
	}
	// Should the test fail, what it started goes all the same.
	t.Cleanup(func() {
		var owner, pid int
		if b, err := os.ReadFile(filepath.Join(dir, ownerFile)); err == nil {
			if _, err := fmt.Sscan(string(b), &owner, &pid); err == nil && pid > 0 {
				syscall.Kill(-pid, syscall.SIGKILL)
			}
		}
	})
	if procs := processesMentioning(filepath.Base(dir)); len(procs) < 2 {
		t.Fatalf("the warm LibreOffice is not running: %q", procs)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	deadline := time.Now().Add(20 * time.Second)
	for len(processesMentioning(filepath.Base(dir))) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("still running after its program was killed: %q", processesMentioning(filepath.Base(dir)))
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the killed program's folder: %v", err)
	}
	t.Setenv("TMPDIR", tmp)
	sweepLeftovers()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the next start left the killed program's folder: %v", err)
	}
}

// A leftover warm LibreOffice (its program gone, nothing having ended it)
// is ended by the next warm start, and its folder removed; one whose
// program still runs is left alone.
func TestSweepLeftovers(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	leftover := func(owner int) (string, *exec.Cmd) {
		dir, err := os.MkdirTemp(tmp, warmPrefix)
		if err != nil {
			t.Fatal(err)
		}
		// A process that names the folder, as LibreOffice's shell does.
		lo := exec.CommandContext(context.Background(), "sh", "-c", "sleep 60 & wait", filepath.Join(dir, profileDir))
		killTree(lo)
		if err := lo.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { syscall.Kill(-lo.Process.Pid, syscall.SIGKILL); lo.Wait() })
		os.WriteFile(filepath.Join(dir, ownerFile), fmt.Appendf(nil, "%d %d\n", owner, lo.Process.Pid), 0o600)
		return dir, lo
	}
	orphan, lo := leftover(gone.Process.Pid)
	ours, mine := leftover(os.Getpid())
	done := make(chan struct{})
	go func() { lo.Wait(); close(done) }()
	sweepLeftovers()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Error("the leftover LibreOffice still runs")
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Errorf("the leftover's folder: %v", err)
	}
	if _, err := os.Stat(ours); err != nil || !running(mine.Process.Pid) {
		t.Errorf("a running program's warm LibreOffice was swept: %v", err)
	}
}

// A leftover folder whose process id now belongs to another program (ids
// are reused) is removed at once, and that program is left alone.
func TestSweepLeavesAnotherProgram(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	other := exec.Command("sleep", "60")
	if err := other.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Process.Kill(); other.Wait() })
	dir, err := os.MkdirTemp(tmp, warmPrefix)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, ownerFile), fmt.Appendf(nil, "%d %d\n", gone.Process.Pid, other.Process.Pid), 0o600)
	start := time.Now()
	sweepLeftovers()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the folder of a LibreOffice long gone was kept: %v", err)
	}
	if !running(other.Process.Pid) {
		t.Error("another program with the reused id was killed")
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Logf("the sweep waited %v for another program", d) // a figure, not a verdict
	}
}
