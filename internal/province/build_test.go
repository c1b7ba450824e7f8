package province_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/province"
	"baocao/internal/province/gen"
)

// A build keeps what the office did to the outputs, as the commune's
// report does: the reminder, once every commune has sent, is set aside
// under a dated name (not left looking current); a report the office
// edited since the last build is kept, not overwritten; the program's
// own bookkeeping files in a folder read are said and left out.
func TestBuildSetsAside(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	in := smallFolder(t, c)
	out := t.TempDir()
	tmpl, _, _ := province.LoadTemplate("")
	letter, _, _ := province.LoadReminderTemplate("")
	req := province.BuildRequest{Period: q1, In: []string{in}, OutDir: out, Template: tmpl, ReminderTemplate: letter,
		Date: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := filepath.Join(out, q1.String())
	reminder := filepath.Join(dir, province.ReminderName(q1))
	report := filepath.Join(dir, province.ReportName(q1))

	res, err := province.Build(context.Background(), d, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(reminder); err != nil || len(res.SetAside) != 0 {
		t.Fatalf("first build: reminder %v, set aside %v", err, res.SetAside)
	}
	// the same build again replaces its own outputs, quietly
	if res, err = province.Build(context.Background(), d, req); err != nil || len(res.SetAside) != 0 {
		t.Fatalf("second build: %v, set aside %v", err, res.SetAside)
	}
	// the office edits the report; then Đăk Pék sends
	os.WriteFile(report, []byte("sửa tay"), 0o644)
	write(t, c, q1, gen4(), filepath.Join(in, "dak-pek.xlsx"), saved)
	res, err = province.Build(context.Background(), d, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(reminder); err == nil {
		t.Error("the reminder is still there once every commune has sent")
	}
	notes := strings.Join(res.SetAside, "\n")
	for _, phrase := range []string{"don-doc-tinh-2026-Q1.docx không còn cần (mọi xã, phường, đặc khu đã gửi): chuyển thành don-doc-tinh-2026-Q1 (bản cũ ",
		"bao-cao-tinh-2026-Q1.docx đã được sửa sau lần lập trước: giữ lại thành bao-cao-tinh-2026-Q1 (bản sửa "} {
		if !strings.Contains(notes, phrase) {
			t.Errorf("set aside: %q lacks %q", notes, phrase)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, "|"); !strings.Contains(got, "don-doc-tinh-2026-Q1 (bản cũ ") || !strings.Contains(got, "bao-cao-tinh-2026-Q1 (bản sửa ") {
		t.Errorf("folder: %s", got)
	}
	// the output folder read as input: the bookkeeping file is said, and
	// left out
	rec := province.Read(d, q1, in, out)
	found := false
	for _, p := range rec.Problems {
		if strings.HasPrefix(filepath.Base(p.File), ".baocao-") {
			found = p.Severity == province.Warning && strings.Contains(p.Message, "tệp ghi chép của chương trình baocao")
		}
	}
	if !found {
		t.Errorf("the ledger read as input: %v", rec.Problems)
	}
}

// gen4 is Đăk Pék, the fourth commune of smallProvince.
func gen4() (cm gen.Commune) {
	cm = small[0]
	cm.Name = "Đăk Pék"
	return cm
}
