//go:build unix

package soffice

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestConvertRealTimeout: the real LibreOffice, stopped by Timeout, leaves
// no process behind: soffice.bin dies with the launcher.
func TestConvertRealTimeout(t *testing.T) {
	bin := realSoffice(t)
	if runtime.GOOS != "linux" {
		t.Skip("finds leftover processes through /proc")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	saved := Timeout
	Timeout = 500 * time.Millisecond
	t.Cleanup(func() { Timeout = saved })

	start := time.Now()
	_, err := ToPDF(context.Background(), bin, template(t), ".docx")
	if err == nil {
		t.Skip("LibreOffice converted within 0.5 s: nothing to stop")
	}
	if !errors.Is(err, context.DeadlineExceeded) || !strings.HasPrefix(err.Error(), "LibreOffice không trả lời sau 0,5 giây") {
		t.Fatalf("%v\n%v", err, errors.Unwrap(err))
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("returned after %v", d)
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		left := processesMentioning(tmp)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still running: %q", left)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
}

// processesMentioning lists the command lines of running processes (not
// zombies) that contain s.
func processesMentioning(s string) []string {
	var found []string
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, p := range procs {
		cmdline, err := os.ReadFile(filepath.Join(p, "cmdline"))
		if err != nil || !bytes.Contains(cmdline, []byte(s)) {
			continue
		}
		if stat, err := os.ReadFile(filepath.Join(p, "stat")); err == nil {
			if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
				continue
			}
		}
		found = append(found, string(bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})))
	}
	return found
}
