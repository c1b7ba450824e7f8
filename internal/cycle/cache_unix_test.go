//go:build unix

package cycle

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/period"
)

// The page's account reads each file once: a second view, and a view
// after another file came, read only what is new.
func TestAccountReadsOnce(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	receive(t, w, q1, "KT-2026-Q1.xlsx", nil)
	receive(t, w, q1, "CA-2026-Q1.xlsx", nil)
	a1 := w.Account(c, q1)
	if n := w.readCache().Reads(); n != 2 {
		t.Fatalf("%d reads", n)
	}
	a2 := w.Account(c, q1)
	if n := w.readCache().Reads(); n != 2 {
		t.Errorf("a second view read %d files", n-2)
	}
	if a1.Sent() != a2.Sent() || a1.Sent() != 2 {
		t.Errorf("sent %d, then %d", a1.Sent(), a2.Sent())
	}
	receive(t, w, q1, "VP-2026-Q1.xlsx", nil)
	if a := w.Account(c, q1); a.Sent() != 3 || w.readCache().Reads() != 3 {
		t.Errorf("after a new file: sent %d, %d reads", a.Sent(), w.readCache().Reads())
	}
}

// A slow file (here a LibreOffice conversion that takes 4 s) holds up no
// request about another period, nor a file received meanwhile.
func TestSlowFileBlocksNoOtherPeriod(t *testing.T) {
	dir := t.TempDir()
	started := filepath.Join(dir, "started")
	fake := filepath.Join(dir, "soffice")
	os.WriteFile(fake, []byte("#!/bin/sh\ntouch '"+started+"'\nsleep 4\nexit 1\n"), 0o755)
	t.Setenv("BAOCAO_SOFFICE", fake)
	w := newWorkspace(t)
	c := builtinCatalog(t)
	xls, err := os.ReadFile(filepath.Join("..", "intake", "testdata", "bad", "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	xls = append(xls, []byte(t.Name())...) // converted by no other test
	receive(t, w, q1, "KT-2026-Q1.xls", xls)
	q2 := period.MustParse("2026-Q2")
	done := make(chan *Account)
	go func() { done <- w.Account(c, q1) }()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(started); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("LibreOffice never started")
		}
	}
	start := time.Now()
	receive(t, w, q2, "CA-2026-Q1.xlsx", nil)
	a := w.Account(c, q2)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("another period waited %v for the slow file", d)
	}
	if len(a.Units) == 0 {
		t.Error("no account for the other period")
	}
	select {
	case <-done:
		t.Error("the slow file was not slow")
	default:
	}
	slow := <-done
	f, _ := slow.File(q1, "KT-2026-Q1.xls")
	if f == nil || f.Errors == 0 {
		t.Fatalf("the slow file: %+v", f)
	}
	// Its verdict is kept: the next view is immediate.
	start = time.Now()
	again := w.Account(c, q1)
	if d := time.Since(start); d > time.Second {
		t.Errorf("the slow file was judged again (%v)", d)
	}
	g, _ := again.File(q1, "KT-2026-Q1.xls")
	if g == nil || !strings.Contains(g.Problems[0].Message, "LibreOffice") {
		t.Errorf("the kept verdict: %+v", g)
	}
}

// With the real LibreOffice: files arriving one by one are converted once
// each, not on every view (issue 24 measured nine .xls uploaded one by one
// at 227 s, each converted again on every view).
func TestViewsConvertOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: LibreOffice is a real client")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("LibreOffice is not installed")
	}
	w := newWorkspace(t)
	c := builtinCatalog(t)
	xls, err := os.ReadFile(filepath.Join("..", "cli", "testdata", "real", "libreoffice-KT-2026-Q1.xls"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	var last time.Duration
	for i := range 3 {
		// Distinct contents: each is a new file to convert.
		receive(t, w, q1, fmt.Sprintf("KT-2026-Q1 ban %d.xls", i), append(xls[:len(xls):len(xls)], byte(i)))
		v := time.Now()
		w.Account(c, q1)
		last = time.Since(v)
		t.Logf("view after file %d: %v", i+1, last.Round(time.Millisecond))
	}
	v := time.Now()
	w.Account(c, q1)
	again := time.Since(v)
	t.Logf("three .xls received one by one and viewed after each: %v; a view after that: %v", time.Since(start).Round(time.Millisecond), again.Round(time.Millisecond))
	if w.readCache().Reads() != 3 {
		t.Errorf("%d readings for 3 files", w.readCache().Reads())
	}
	if again > time.Second {
		t.Errorf("a view with nothing new took %v", again)
	}
}
