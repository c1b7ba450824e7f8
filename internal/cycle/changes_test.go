package cycle

import (
	"context"
	"slices"
	"testing"
	"time"
)

// The page's outputs are out of date once a file is received, set aside or
// given a unit after they were made; up to date again after a build, or
// once the files are as they were.
func TestChangesSinceBuild(t *testing.T) {
	src := testSources(t)
	w := newWorkspace(t)
	now := time.Date(2026, 3, 18, 0, 0, 0, 0, time.Local)
	build := func(reminder bool) {
		t.Helper()
		w.files.Lock()
		req := w.request(q1, now)
		w.files.Unlock()
		req.PDF = false // LibreOffice is not what is tested
		var err error
		if reminder {
			_, err = src.BuildReminder(context.Background(), req)
		} else {
			_, err = src.BuildReport(context.Background(), req)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"KT-2026-Q1.xlsx", "CA-2026-Q1.xlsx", "VP-2026-Q1.xlsx"} {
		receive(t, w, q1, n, nil)
	}
	if c := w.Changes(q1); c != nil {
		t.Fatalf("changes before any build: %+v", c)
	}
	build(false)
	if c := w.Changes(q1); c != nil {
		t.Fatalf("changes right after a build: %+v", c)
	}

	receive(t, w, q1, "MTTQ-2026-Q1.xlsx", nil)
	c := w.Changes(q1)
	all := []string{"bao-cao-2026-Q1.docx", "tong-hop-2026-Q1.xlsx", "kiem-tra-2026-Q1.xlsx", "don-doc-2026-Q1.docx"}
	if c == nil || !slices.Equal(c.Added, []string{"MTTQ-2026-Q1.xlsx"}) || len(c.Removed)+len(c.Assigned) > 0 || !slices.Equal(c.Stale, all) || c.Built.IsZero() {
		t.Fatalf("after a file came: %+v", c)
	}
	// The reminder alone made again: it is up to date, the report is not.
	build(true)
	if c := w.Changes(q1); c == nil || slices.Contains(c.Stale, "don-doc-2026-Q1.docx") || !slices.Contains(c.Stale, "bao-cao-2026-Q1.docx") ||
		!slices.Equal(c.Added, []string{"MTTQ-2026-Q1.xlsx"}) {
		t.Errorf("after the reminder alone: %+v", c)
	}
	build(false)
	if c := w.Changes(q1); c != nil {
		t.Fatalf("after building again: %+v", c)
	}

	if _, err := w.SetAside(q1, "CA-2026-Q1.xlsx"); err != nil {
		t.Fatal(err)
	}
	if c := w.Changes(q1); c == nil || !slices.Equal(c.Removed, []string{"CA-2026-Q1.xlsx"}) || len(c.Added) > 0 {
		t.Errorf("after setting a file aside: %+v", c)
	}
	// Put back as it was: nothing changed since the build.
	if _, err := w.Restore(q1, "CA-2026-Q1.xlsx"); err != nil {
		t.Fatal(err)
	}
	if c := w.Changes(q1); c != nil {
		t.Errorf("after putting the file back: %+v", c)
	}
	c2, err := LoadCatalog(repoData)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Assign(c2.Catalog, q1, "VP-2026-Q1.xlsx", "KT"); err != nil {
		t.Fatal(err)
	}
	if c := w.Changes(q1); c == nil || !slices.Equal(c.Assigned, []string{"VP-2026-Q1.xlsx"}) {
		t.Errorf("after giving a file a unit: %+v", c)
	}

	// Outputs the command line made record no inputs: never said stale.
	req := ReportRequest{Period: q1, In: w.ReceivedFiles(q1), OutDir: w.Root, Now: now}
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if c := w.Changes(q1); c != nil {
		t.Errorf("outputs of the command line: %+v", c)
	}
}
