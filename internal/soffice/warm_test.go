//go:build unix

package soffice

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// waitWarm waits until w's LibreOffice is ready for a conversion.
func waitWarm(t *testing.T, w *Warm) *warmProc {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		w.mu.Lock()
		p := w.proc
		w.mu.Unlock()
		if p != nil && p.ready() {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatal("the warm LibreOffice never got ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func usedOf(w *Warm) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.used
}

// TestWarmReal: the real LibreOffice kept warm converts one build after
// another (it does not end after the first), telling each document as it
// takes it up; when it dies the next build still gets its PDFs and another
// is started; Close leaves no process and no folder behind.
func TestWarmReal(t *testing.T) {
	bin := realSoffice(t)
	if runtime.GOOS != "linux" {
		t.Skip("finds leftover processes through /proc")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	w := NewWarm(bin)
	defer w.Close()
	w.Start()
	p := waitWarm(t, w)
	docs := []Doc{{".docx", template(t)}, {".xlsx", workbook(t)}}
	for round := 1; round <= 2; round++ {
		var mu sync.Mutex
		var seen []int
		start := time.Now()
		res := w.ConvertAll(context.Background(), docs, PDF, func(i int) {
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		})
		t.Logf("round %d through the warm LibreOffice: %v", round, time.Since(start).Round(10*time.Millisecond))
		for i := range res {
			if res[i].Err != nil {
				t.Fatalf("round %d, %d: %v\n%v", round, i, res[i].Err, errors.Unwrap(res[i].Err))
			}
		}
		checkPDF(t, res[0].Data, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		checkPDF(t, res[1].Data, xaXop)
		if !slices.Equal(seen, []int{1, 2}) {
			t.Errorf("round %d: progress %v, want [1 2]", round, seen)
		}
		if usedOf(w) != round || p.exited() {
			t.Fatalf("round %d: made through the warm LibreOffice %d times; it exited: %v", round, usedOf(w), p.exited())
		}
	}

	// It dies: the build is made all the same, and another starts.
	p.cancel()
	<-p.done
	res := w.ConvertAll(context.Background(), docs, PDF, nil)
	for i := range res {
		if res[i].Err != nil {
			t.Fatalf("after the warm one died, %d: %v", i, res[i].Err)
		}
	}
	w.mu.Lock()
	q := w.proc
	w.mu.Unlock()
	if q == nil || q == p {
		t.Fatal("no new warm LibreOffice was started")
	}
	waitWarm(t, w)
	if res := w.ConvertAll(context.Background(), docs, PDF, nil); res[0].Err != nil || usedOf(w) != 3 {
		t.Errorf("through the new warm LibreOffice: %v, used %d", res[0].Err, usedOf(w))
	}

	w.Close()
	deadline := time.Now().Add(5 * time.Second)
	for len(processesMentioning(tmp)) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("still running after Close: %q", processesMentioning(tmp))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in the temporary folder: %v", left)
	}
	// Closed, it converts as ConvertAll does.
	if res := w.ConvertAll(context.Background(), docs[:1], PDF, nil); res[0].Err != nil {
		t.Errorf("after Close: %v", res[0].Err)
	}
}

// TestWarmBroken: a warm LibreOffice through which a conversion fails is
// stopped, and the build is converted afresh.
func TestWarmBroken(t *testing.T) {
	privateTemp(t)
	saved := warmUp
	warmUp = 0
	t.Cleanup(func() { warmUp = saved })
	// The warm one (no --convert-to) makes its profile and waits; a call
	// with its profile fails; any other converts.
	bin := fakeSoffice(t, `case "$*" in
*--convert-to*) ;;
*) p="${1#-env:UserInstallation=file://}"; mkdir -p "$p/user" && : > "$p/user/registrymodifications.xcu"; sleep 60 & wait; exit 0;;
esac
case "$1" in *warm*) echo "Error: broken" >&2; exit 1;; esac
out="$8"; shift 8
mkdir -p "$out"
for f in "$@"; do b=$(basename "$f"); echo "%PDF-1.6" > "$out/${b%.*}.pdf"; done`)
	w := NewWarm(bin)
	defer w.Close()
	w.Start()
	p := waitWarm(t, w)
	res := w.ConvertAll(context.Background(), []Doc{{".docx", []byte("a")}, {".xlsx", []byte("b")}}, PDF, nil)
	for i := range res {
		if res[i].Err != nil || !strings.HasPrefix(string(res[i].Data), "%PDF") {
			t.Errorf("%d: %q, %v", i, res[i].Data, res[i].Err)
		}
	}
	if !p.exited() {
		t.Error("the broken warm LibreOffice still runs")
	}
	if _, err := os.Stat(p.dir); !os.IsNotExist(err) {
		t.Errorf("its folder is still there: %v", err)
	}
	if usedOf(w) != 0 {
		t.Errorf("counted as made through the warm one")
	}
	w.Close()
	if left, _ := filepath.Glob(filepath.Join(os.Getenv("TMPDIR"), "*")); len(left) != 0 {
		t.Errorf("left: %v", left)
	}
}
