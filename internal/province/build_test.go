package province_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/province"
	"baocao/internal/province/gen"
	"baocao/internal/summary"
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

// The same inputs give the same bytes in every output: the report, the
// workbook and the reminder, with communes' proposals, a version 1
// attachment and one read from its printed sheets among them.
func TestBuildSameBytes(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	d.Communes = append(d.Communes, province.Commune{Code: "23537", Name: "Ba Tơ", Kind: "xã"}, province.Commune{Code: "23538", Name: "Sơn Hà", Kind: "xã"})
	in := smallFolder(t, c)
	dp := gen4()
	dp.Proposals = map[string]string{"I.1": "Đề nghị Chính phủ nâng mức cho vay"}
	write(t, c, q1, dp, filepath.Join(in, "dp.xlsx"), saved)
	toVersion1(t, filepath.Join(in, "dp.xlsx"))
	bt := small[1]
	bt.Name, bt.Kind = "Ba Tơ", "xã"
	write(t, c, q1, bt, filepath.Join(in, "bt.xlsx"), saved)
	edit(t, filepath.Join(in, "bt.xlsx"), func(f *excelize.File) { f.DeleteSheet(summary.SheetData) })
	tmpl, _, _ := province.LoadTemplate("")
	letter, _, _ := province.LoadReminderTemplate("")
	var runs [2]map[string][]byte
	for i := range runs {
		out := t.TempDir()
		res, err := province.Build(context.Background(), d, province.BuildRequest{Period: q1, In: []string{in}, OutDir: out, Template: tmpl,
			ReminderTemplate: letter, Date: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Rollup.NoProposals) != 2 || len(res.Rollup.Proposals) == 0 || len(res.Rollup.Missing) != 1 {
			t.Fatalf("the inputs: %d without proposals, %d bodies asked, %d missing", len(res.Rollup.NoProposals), len(res.Rollup.Proposals), len(res.Rollup.Missing))
		}
		runs[i] = map[string][]byte{}
		for _, f := range res.Files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			runs[i][filepath.Base(f)] = b
		}
	}
	if len(runs[0]) != 3 {
		t.Errorf("%d files, want the report, the workbook and the reminder", len(runs[0]))
	}
	for name, b := range runs[0] {
		if !bytes.Equal(b, runs[1][name]) {
			t.Errorf("two builds on the same files wrote two different %s", name)
		}
	}
}
