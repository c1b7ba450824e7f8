package cycle

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/cfb/cfbtest"
)

// repoData is the repository's data folder, made absolute before a test
// changes folder.
var repoData, _ = filepath.Abs(filepath.Join("..", "..", "data"))

// copyData copies the repository's data files into dir/data.
func copyData(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, DataDir), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{catalog.PlanFile, catalog.TasksFile, catalog.UnitsFile, catalog.IndicatorsFile} {
		b, err := os.ReadFile(filepath.Join(repoData, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, DataDir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The look-up order: the folder given, else data/ here, else built in.
func TestLoadCatalogLookup(t *testing.T) {
	empty := t.TempDir()
	t.Chdir(empty)
	c, err := LoadCatalog("")
	if err != nil || !c.Builtin || len(c.Tasks()) != 23 {
		t.Fatalf("empty folder: builtin=%v err=%v", c.Builtin, err)
	}
	if !strings.Contains(c.BuiltinNote(), "baocao init") {
		t.Errorf("the built-in note should say how to get editable copies: %q", c.BuiltinNote())
	}

	// A data/ here wins over the built-in copy, and its edits are used.
	here := t.TempDir()
	copyData(t, here)
	plan := filepath.Join(here, DataDir, catalog.PlanFile)
	b, _ := os.ReadFile(plan)
	edited := strings.Replace(string(b), "Xốp", "Thạch Bình", 1)
	if edited == string(b) {
		t.Fatal("plan.yaml does not name Xốp: the test needs another edit")
	}
	os.WriteFile(plan, []byte(edited), 0o644)
	t.Chdir(here)
	c, err = LoadCatalog("")
	if err != nil || c.Builtin || c.Dir != DataDir {
		t.Fatalf("data/ here: builtin=%v dir=%q err=%v", c.Builtin, c.Dir, err)
	}
	if c.BuiltinNote() != "" {
		t.Errorf("no note for a folder: %q", c.BuiltinNote())
	}

	// --data wins over data/ here.
	c, err = LoadCatalog(repoData)
	if err != nil || c.Builtin || c.Dir != repoData {
		t.Fatalf("--data: builtin=%v dir=%q err=%v", c.Builtin, c.Dir, err)
	}

	// A mistake in data/ here is reported, never hidden by the built-in copy.
	os.WriteFile(plan, []byte("issuer: [\n"), 0o644)
	_, err = LoadCatalog("")
	var de catalog.Errors
	if !errors.As(err, &de) || !strings.Contains(err.Error(), filepath.Join(DataDir, catalog.PlanFile)) {
		t.Errorf("a broken data/plan.yaml: want a located error, got %v", err)
	}
}

func TestLoadTemplateLookup(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tm, err := LoadTemplate("", ReportTemplate, ReportTemplateFlag)
	if err != nil || !tm.Builtin || len(tm.Data) == 0 {
		t.Fatalf("built-in: %+v %v", tm.Builtin, err)
	}

	os.MkdirAll(TemplatesDir, 0o755)
	here := filepath.Join(TemplatesDir, ReportTemplate)
	os.WriteFile(here, []byte("PK mine"), 0o644)
	tm, err = LoadTemplate("", ReportTemplate, ReportTemplateFlag)
	if err != nil || tm.Builtin || string(tm.Data) != "PK mine" || tm.Path != here {
		t.Fatalf("templates/ here: %+v %v", tm, err)
	}

	os.WriteFile("mau.doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}, 0o644)
	tests := []struct {
		name, path, want string
	}{
		{"missing", "khong-co.docx", "không tìm thấy mẫu khong-co.docx (tùy chọn --template)"},
		{"folder", TemplatesDir, "là thư mục, không phải tệp mẫu Word"},
		{"Word 97-2003", "mau.doc", "lưu thành"},
		{"Word 97-2003 by its streams", "mau-word.docx", "là tệp Word 97-2003 (.doc)"},
		{"a .docx with a password", "mau-mat-khau.docx", "có mật khẩu nên không đọc được"},
		{"an .xls", "mau-excel.docx", "là sổ Excel 97-2003 (.xls), không phải văn bản Word"},
	}
	os.WriteFile("mau-word.docx", cfbtest.Write(cfbtest.Entry{Name: "WordDocument", Data: make([]byte, 16)}), 0o644)
	os.WriteFile("mau-mat-khau.docx", cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{4}}, cfbtest.Entry{Name: "EncryptedPackage", Data: []byte{1}}), 0o644)
	os.WriteFile("mau-excel.docx", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: []byte{1}}), 0o644)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadTemplate(tt.path, ReportTemplate, ReportTemplateFlag)
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(tt.want)) {
				t.Errorf("want an InputError with %q, got %v", tt.want, err)
			}
		})
	}
}
