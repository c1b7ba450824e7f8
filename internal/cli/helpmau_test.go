package cli

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// editDocx rewrites word/document.xml of a .docx with the replacements,
// each of which must be found.
func editDocx(t *testing.T, src string, repl ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			s := string(data)
			for i := 0; i < len(repl); i += 2 {
				if !strings.Contains(s, repl[i]) {
					t.Fatalf("%s: %q not in document.xml", src, repl[i])
				}
				s = strings.Replace(s, repl[i], repl[i+1], 1)
			}
			data = []byte(s)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// A report template the office edited with several mistakes: report
// exits 2 before reading any file, and lists every one of them with its
// place, and those of the reminder's template too, in one run.
func TestReportListsEveryTemplateMistake(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "bao-cao.docx")
	reminder := filepath.Join(dir, "don-doc.docx")
	os.WriteFile(report, editDocx(t, "../../templates/bao-cao.docx",
		// a misspelt field that Word split across two runs
		"{ten_xa}", "{ten_</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>xaa}",
		"{ngay_bao_cao|ngay}", "{ngay_bao_cao|ngayy}",
		"{trich_yeu}", "{trich_yeu",
		"{/nhiem_vu_ky_toi}", ""), 0o644)
	os.WriteFile(reminder, editDocx(t, "../../templates/don-doc.docx", "{han_gui|ngay}", "{han_gui|so}"), 0o644)
	out := t.TempDir()
	args := []string{"report", "--data", dataDir, "--period", "2026-Q1", "--in", t.TempDir(), "--out", out,
		"--template", report, "--reminder-template", reminder, "--date", "16/03/2026"}
	code, stdout, stderr := run(t, args...)
	if code != ExitUsage {
		t.Errorf("exit %d, want %d", code, ExitUsage)
	}
	if stdout != "" {
		t.Errorf("stdout: %s", stdout)
	}
	for _, want := range []string{"{ten_xaa}", "{ngay_bao_cao|ngayy}", "«{trich_yeu»", "{#nhiem_vu_ky_toi}", "{han_gui|so}", "baocao help mau"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s", want)
		}
	}
	if strings.Contains(stderr, "docs/") || strings.Contains(stderr, ".md") {
		t.Errorf("a message points to a file of the source tree:\n%s", stderr)
	}
	golden(t, "report-template-mistakes.txt", strings.ReplaceAll(stderr, dir, "THƯ_MỤC"))
	if entries, _ := os.ReadDir(out); len(entries) > 0 {
		t.Errorf("something was written: %v", entries)
	}
}

// «baocao help mau» gives the template guide: every field and formatter
// the check knows, and nothing it does not.
func TestTemplateHelpTopic(t *testing.T) {
	code, stdout, stderr := run(t, "help", "mau")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden(t, "help-mau.txt", stdout)
	for _, want := range []string{"ten_xa", "nhiem_vu_ky_toi", "ngay_so", "han_ke_hoach", "dd/mm/yyyy", "phan_tram"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %s", want)
		}
	}
	if _, out, _ := run(t, "--help"); !strings.Contains(out, "baocao help mau") {
		t.Errorf("the root's help does not name the topic:\n%s", out)
	}
}

// docs/mau-bao-cao.md, the guide for whoever reads the source, names every
// field and formatter the program knows.
func TestTemplateGuideInDocs(t *testing.T) {
	b, err := os.ReadFile("../../docs/mau-bao-cao.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	names := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-z_./]+)`").FindAllStringSubmatch(doc, -1) {
		names[m[1]] = true
	}
	var walk func(prefix string, fields []render.Spec)
	walk = func(prefix string, fields []render.Spec) {
		for _, f := range fields {
			if !names[f.Name] && !names[prefix+f.Name] && !strings.Contains(doc, "`"+f.Name+"`") {
				t.Errorf("docs/mau-bao-cao.md does not name the field %s%s", prefix, f.Name)
			}
			walk(prefix+f.Name+".", f.Fields)
		}
	}
	walk("", compose.ReportFields())
	walk("", consolidate.ReminderFields())
	for _, f := range render.Formatters() {
		if !strings.Contains(doc, "`"+f.Name+"`") {
			t.Errorf("docs/mau-bao-cao.md does not name the formatter %s", f.Name)
		}
	}
}
