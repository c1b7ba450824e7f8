package cycle

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/period"
)

func testSources(t *testing.T) *Sources {
	t.Helper()
	src, err := LoadSources(repoData, filepath.Join("..", "..", "templates", ReportTemplate), filepath.Join("..", "..", "templates", ReminderTemplate))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// A re-run replaces what the program wrote, keeps what the office edited
// as a dated copy, and moves a reminder that is no longer needed aside.
func TestRerunKeepsEdits(t *testing.T) {
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := Dir(out, q1)
	report := filepath.Join(dir, "bao-cao-2026-Q1.docx")
	reminder := filepath.Join(dir, "don-doc-2026-Q1.docx")

	res, err := src.BuildReport(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.SetAside) != 0 {
		t.Fatalf("first run set aside %v", res.SetAside)
	}
	// A second run on the same inputs replaces its own outputs silently.
	req.Now = req.Now.AddDate(0, 0, 1)
	if res, err = src.BuildReport(context.Background(), req); err != nil || len(res.SetAside) != 0 {
		t.Fatalf("a re-run over untouched outputs: %v, set aside %v", err, res.SetAside)
	}

	// The office edits the report; the next run keeps that edit.
	edited := []byte("PK edited by the office")
	os.WriteFile(report, edited, 0o644)
	when := time.Date(2026, 3, 21, 10, 15, 0, 0, time.Local)
	os.Chtimes(report, when, when)
	if res, err = src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "bao-cao-2026-Q1 (bản sửa 21-03-2026 10h15).docx")
	if b, err := os.ReadFile(kept); err != nil || string(b) != string(edited) {
		t.Fatalf("the edited report was not kept as %s: %v", kept, err)
	}
	if len(res.SetAside) != 1 || !strings.Contains(res.SetAside[0], filepath.Base(kept)) {
		t.Errorf("the run should say it kept the edit: %v", res.SetAside)
	}
	if b, _ := os.ReadFile(report); string(b) == string(edited) {
		t.Error("the new report was not written")
	}

	// Every unit has now sent: the reminder is moved aside, not left current.
	if _, err := os.Stat(reminder); err != nil {
		t.Fatal("the samples leave a unit missing: a reminder was expected")
	}
	all := t.TempDir()
	for _, u := range src.Catalog.ReportingUnits() {
		writeFilledForm(t, src, u.Code, all)
	}
	req.In = []string{all}
	if res, err = src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if n := len(res.Report.ToRemind()); n != 0 {
		t.Fatalf("every unit filled its form in; %d still to remind", n)
	}
	if _, err := os.Stat(reminder); err == nil {
		t.Error("a reminder no longer needed is still there under its current name")
	}
	moved, _ := filepath.Glob(filepath.Join(dir, "don-doc-2026-Q1 (bản cũ *).docx"))
	if len(moved) != 1 || !strings.Contains(strings.Join(res.SetAside, " "), "không còn cần") {
		t.Errorf("the stale reminder should be moved aside and said: %v, %v", moved, res.SetAside)
	}
}

// writeFilledForm writes unit's form with every task filled in.
func writeFilledForm(t *testing.T, src *Sources, unit, dir string) {
	t.Helper()
	c := src.Catalog.Catalog
	f, err := forms.Build(c, unit, period.MustParse("2026-Q1"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range c.Assignments(unit) {
		if err := forms.FillRow(f, a.Task.Code, map[string]string{forms.ColStatus: forms.Statuses[0].String(), forms.ColResults: "Đã triển khai theo kế hoạch."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, unit+"-2026-Q1.xlsx")); err != nil {
		t.Fatal(err)
	}
}
