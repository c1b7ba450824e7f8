package cycle

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"baocao/internal/outfile"
)

// crashAfter makes the next journalled step stop after n moves, as a kill
// would.
func crashAfter(t *testing.T, n int) {
	outfile.CrashAfter = n
	t.Cleanup(func() { outfile.CrashAfter = -1 })
}

// A zip killed half-way through its unpacking is whole on the next start:
// its units are not shown as not sent.
func TestZipUnpackingAllOrNothing(t *testing.T) {
	w := newWorkspace(t)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := []string{"KT-2026-Q1.xlsx", "CA-2026-Q1.xlsx", "VP-2026-Q1.xlsx"}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(samples, n))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := zw.Create(n)
		f.Write(b)
	}
	zw.Close()
	crashAfter(t, 2) // the zip and one file in place
	if _, err := w.Receive(q1, "cac don vi.zip", bytes.NewReader(buf.Bytes())); !errors.Is(err, outfile.ErrCrashed) {
		t.Fatalf("the kill: %v", err)
	}
	outfile.CrashAfter = -1
	if n := len(w.ReceivedFiles(q1)); n != 1 {
		t.Fatalf("after the kill, %d files in place", n)
	}
	// The next start.
	again, err := OpenWorkspace(w.Root)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.ReceivedFiles(q1); len(got) != 3 || len(again.Recovered) != 2 {
		t.Errorf("after the restart: %v (recovered %v)", got, again.Recovered)
	}
	entries, _ := os.ReadDir(again.ReceivedDir(q1))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") || e.Name() == outfile.JournalName {
			t.Errorf("left over: %s", e.Name())
		}
	}
	if a := again.Account(builtinCatalog(t), q1); a.Sent() != 3 {
		t.Errorf("sent %d", a.Sent())
	}
}

// A build killed during its final renames is whole on the next start, and
// the ledger knows every output as the program's own: the next build sets
// nothing aside as an office edit.
func TestBuildAllOrNothing(t *testing.T) {
	w := newWorkspace(t)
	src := testSources(t)
	receive(t, w, q1, "KT-2026-Q1.xlsx", nil)
	req := w.request(q1, time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC))
	req.PDF = false
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	receive(t, w, q1, "CA-2026-Q1.xlsx", nil)
	req = w.request(q1, time.Date(2026, 3, 21, 0, 0, 0, 0, time.UTC))
	req.PDF = false
	crashAfter(t, 1)
	if _, err := src.BuildReport(context.Background(), req); !errors.Is(err, outfile.ErrCrashed) {
		t.Fatalf("the kill: %v", err)
	}
	outfile.CrashAfter = -1
	if _, err := OpenWorkspace(w.Root); err != nil {
		t.Fatal(err)
	}
	dir := w.PeriodDir(q1)
	var l map[string]string
	b, err := os.ReadFile(filepath.Join(dir, ledgerName))
	if err != nil || json.Unmarshal(b, &l) != nil {
		t.Fatalf("the ledger: %v", err)
	}
	for name, sum := range l {
		if strings.Contains(name, "#") {
			continue // what an output was made from, not a file
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || digest(data) != sum {
			t.Errorf("%s is not what the ledger says was written (%v)", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") || e.Name() == outfile.JournalName {
			t.Errorf("left over: %s", e.Name())
		}
	}
	res, err := src.BuildReport(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.SetAside) != 0 {
		t.Errorf("the program's own outputs taken for edits: %v", res.SetAside)
	}
}

// The killed build is finished even when the next build comes first (the
// command line has no start to recover in).
func TestBuildRecoversBeforeWriting(t *testing.T) {
	src := testSources(t)
	out := t.TempDir()
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	req.Now = req.Now.AddDate(0, 0, 2)
	crashAfter(t, 1)
	if _, err := src.BuildReport(context.Background(), req); !errors.Is(err, outfile.ErrCrashed) {
		t.Fatalf("the kill: %v", err)
	}
	outfile.CrashAfter = -1
	res, err := src.BuildReport(context.Background(), req)
	if err != nil || len(res.SetAside) != 0 {
		t.Errorf("after the kill: %v, set aside %v", err, res.SetAside)
	}
}

// Two programs on one workspace assigning units at once lose no update.
func TestConcurrentInstancesAssign(t *testing.T) {
	w := newWorkspace(t)
	other, err := OpenWorkspace(w.Root) // another program: its own mutexes
	if err != nil {
		t.Fatal(err)
	}
	c := builtinCatalog(t)
	units := c.ReportingUnits()
	const n = 30
	for i := range n {
		receive(t, w, q1, fmt.Sprintf("anh %02d.pdf", i), []byte(fmt.Sprintf("%%PDF-1.4 %d", i)))
	}
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := w
			if i%2 == 1 {
				ws = other
			}
			if err := ws.Assign(c, q1, fmt.Sprintf("anh %02d.pdf", i), units[i%len(units)].Code); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := w.Assignments(q1); len(got) != n {
		t.Errorf("%d of %d assignments kept", len(got), n)
	}
}

// The same bytes twice in one zip are stored once, as a file sent again
// is, though neither is in place before the zip's one step.
func TestZipSameBytesTwice(t *testing.T) {
	w := newWorkspace(t)
	b, err := os.ReadFile(filepath.Join(samples, "KT-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"KT-2026-Q1.xlsx", "ban sao KT.xlsx"} {
		f, _ := zw.Create(n)
		f.Write(b)
	}
	zw.Close()
	rc, err := w.Receive(q1, "hai ban.zip", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rc.Files) != 2 || rc.Files[0].Same || !rc.Files[1].Same || rc.Files[1].Stored != "KT-2026-Q1.xlsx" {
		t.Errorf("receipt: %+v", rc.Files)
	}
	if got := w.ReceivedFiles(q1); len(got) != 1 {
		t.Errorf("stored: %v", got)
	}
}
