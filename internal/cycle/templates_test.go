package cycle

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/render/tmplsrc"
)

func writeTemplate(t *testing.T, dir, name string, paras ...string) string {
	t.Helper()
	var body string
	for _, p := range paras {
		body += tmplsrc.Para(tmplsrc.P{}, tmplsrc.Run(tmplsrc.R{}, p))
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, tmplsrc.Build("t", body+tmplsrc.Section(false, false)), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// LoadSources checks both templates before saying anything: the mistakes
// of both, of syntax and of names, come in one error, numbered, with the
// way to the guide and no path of the source tree.
func TestLoadSourcesListsBothTemplates(t *testing.T) {
	dir := t.TempDir()
	report := writeTemplate(t, dir, "bao-cao.docx", "{ten_xa|ngayy}", "{ten_xaa}", "{#phan}{ten}")
	reminder := writeTemplate(t, dir, "don-doc.docx", "{han_gui|so}")
	_, err := LoadSources("../../data", report, reminder)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("got %v, want an *InputError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"mẫu " + report + " có 3 lỗi, cần sửa trong Word:",
		"  1. thân văn bản, đoạn 1 («{ten_xa|ngayy}»): định dạng «ngayy»",
		"  2. thân văn bản, đoạn 2 («{ten_xaa}»): trường {ten_xaa} không có",
		"  3. thân văn bản, đoạn 3 («{#phan}{ten}»): khối {#phan} chưa được đóng",
		"mẫu " + reminder + " có 1 lỗi",
		"còn han_gui là ngày",
		GuideHelp,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "docs/") {
		t.Errorf("message points to the source tree:\n%s", msg)
	}
	// a sound reminder template: only the report's mistakes
	_, err = LoadSources("../../data", report, "../../templates/don-doc.docx")
	if err == nil || strings.Contains(err.Error(), "don-doc") || !strings.Contains(err.Error(), "có 3 lỗi") {
		t.Errorf("got %v", err)
	}
}
