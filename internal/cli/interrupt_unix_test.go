//go:build unix

package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// check and report stopped (Ctrl+C; here the context they run in) stop
// LibreOffice at once, remove its temporary files, and say so; exit 130.
func TestInterruptStopsLibreOffice(t *testing.T) {
	xls, err := os.ReadFile(filepath.Join("..", "intake", "testdata", "bad", "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"check", "report"} {
		t.Run(cmd, func(t *testing.T) {
			dir := t.TempDir()
			pids := filepath.Join(dir, "pids")
			fake := filepath.Join(dir, "soffice")
			os.WriteFile(fake, []byte("#!/bin/sh\necho $$ >> '"+pids+"'\nsleep 60\n"), 0o755)
			t.Setenv("BAOCAO_SOFFICE", fake)
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			in := filepath.Join(dir, "nhan")
			os.MkdirAll(in, 0o755)
			// Content of this run alone: no conversion kept from before.
			os.WriteFile(filepath.Join(in, "KT-2026-Q1.xls"), append(xls, []byte(t.Name())...), 0o644)
			args := []string{"check", "--period", "2026-Q1", in}
			if cmd == "report" {
				args = []string{"report", "--period", "2026-Q1", "--in", in, "--out", filepath.Join(dir, "ra")}
			}
			ctx, cancel := context.WithCancel(context.Background())
			go func() {
				for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
					if _, err := os.Stat(pids); err == nil {
						break
					}
				}
				cancel()
			}()
			var out, errOut bytes.Buffer
			start := time.Now()
			code := mainContext(ctx, args, &out, &errOut)
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("stopping took %v", d)
			}
			if code != ExitInterrupted || !strings.Contains(errOut.String(), "đã dừng theo yêu cầu (Ctrl+C)") {
				t.Errorf("exit %d: %s", code, errOut.String())
			}
			b, _ := os.ReadFile(pids)
			for _, f := range strings.Fields(string(b)) {
				pid, _ := strconv.Atoi(f)
				deadline := time.Now().Add(5 * time.Second)
				for syscall.Kill(pid, 0) == nil {
					if time.Now().After(deadline) {
						t.Fatalf("LibreOffice (pid %d) still runs", pid)
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
			if left, _ := os.ReadDir(tmp); len(left) != 0 {
				t.Errorf("temporary files left: %v", left)
			}
			if _, err := os.Stat(filepath.Join(dir, "ra", "2026-Q1")); err == nil {
				t.Error("a stopped report wrote its folder")
			}
		})
	}
}
