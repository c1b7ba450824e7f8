package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

const dataDir = "../../data"

// run executes baocao in memory and returns its exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCatalogText(t *testing.T) {
	code, out, errOut := run(t, "catalog", "--data", dataDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "6 phần, 23 nhiệm vụ") {
		t.Errorf("missing counts:\n%s", out[:200])
	}
	for _, code := range []string{"I.1", "IV.1", "IV.1.a", "V.8", "VI.4"} {
		if !strings.Contains(out, "\n  "+code+" ") {
			t.Errorf("task %s missing", code)
		}
	}
	if !strings.Contains(out, "(phụ lục để trống)") {
		t.Error("V.8's missing timing is not shown as missing")
	}
}

func TestCatalogUnit(t *testing.T) {
	code, out, errOut := run(t, "catalog", "--data", dataDir, "--unit", "KT")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "Nhiệm vụ của Phòng Kinh tế (KT): chủ trì 12, phối hợp 10.") {
		t.Errorf("header: %q", strings.SplitN(out, "\n", 2)[0])
	}
	if strings.Contains(out, "\n  III.2 ") {
		t.Error("III.2 is not the economic office's task")
	}
	// The unit may also be named instead of coded.
	code2, out2, _ := run(t, "catalog", "--data", dataDir, "--unit", "phòng kinh tế")
	if code2 != 0 || out2 != out {
		t.Errorf("--unit by name: exit %d, same output %v", code2, out2 == out)
	}
}

func TestCatalogJSON(t *testing.T) {
	code, out, errOut := run(t, "catalog", "--data", dataDir, "--json", "--unit", "NHCSXH")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc jsonCatalog
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var lead []string
	for _, s := range doc.Sections {
		for _, task := range s.Tasks {
			if task.Role == "Chủ trì" {
				lead = append(lead, task.Code)
			}
			if task.Role == "" {
				t.Errorf("task %s has no role", task.Code)
			}
		}
	}
	if want := []string{"IV.1.c", "V.1", "V.8", "VI.1", "VI.2", "VI.4"}; !slices.Equal(lead, want) {
		t.Errorf("NHCSXH leads %v, want %v", lead, want)
	}

	_, out, _ = run(t, "catalog", "--data", dataDir, "--json")
	doc = jsonCatalog{}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range doc.Sections {
		for _, task := range s.Tasks {
			if task.Heading {
				continue
			}
			n++
			if len(task.Lead) == 0 || task.Lead[0].Name == "" {
				t.Errorf("task %s: lead units not resolved: %+v", task.Code, task.Lead)
			}
			if task.Code == "V.8" && (!task.TimingMissing || task.Timing != "") {
				t.Errorf("V.8 timing: %+v", task)
			}
		}
	}
	if n != 23 {
		t.Errorf("JSON has %d tasks, want 23", n)
	}
}

func TestExitCodesAndMessages(t *testing.T) {
	broken := t.TempDir()
	for _, f := range []string{"plan.yaml", "tasks.yaml", "units.yaml", "indicators.yaml"} {
		b, _ := os.ReadFile(filepath.Join(dataDir, f))
		if f == "tasks.yaml" {
			b = []byte(strings.Replace(string(b), "lead: [CA]", "lead: [CONG-AN]", 1))
		}
		os.WriteFile(filepath.Join(broken, f), b, 0o644)
	}
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"unknown unit", []string{"catalog", "--data", dataDir, "--unit", "XYZ"}, 2, "không có đơn vị mã «XYZ»"},
		{"unknown flag", []string{"catalog", "--data", dataDir, "--nope"}, 2, "không có tùy chọn --nope"},
		{"unknown command", []string{"baocao-khong-co"}, 2, "không có lệnh «baocao-khong-co»"},
		{"extra argument", []string{"catalog", "--data", dataDir, "thừa"}, 2, "không có lệnh"},
		{"broken data", []string{"catalog", "--data", broken}, 2, "tasks.yaml, dòng"},
		{"missing data", []string{"catalog", "--data", filepath.Join(broken, "khong-co")}, 2, "không tìm thấy thư mục dữ liệu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (%s)", code, tt.code, errOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q does not say %q", errOut, tt.wantErr)
			}
			if !strings.HasPrefix(errOut, "Lỗi: ") {
				t.Errorf("stderr should start with «Lỗi: »: %q", errOut)
			}
		})
	}
}

func TestHelpIsVietnamese(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"catalog", "--help"}, {"forms", "--help"}, {"check", "--help"}, {"report", "--help"}} {
		code, out, _ := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d", args, code)
		}
		for _, english := range []string{"Usage:", "Flags:", "Available Commands", "help for", "(default", "[flags]"} {
			if strings.Contains(out, english) {
				t.Errorf("%v: help still says %q:\n%s", args, english, out)
			}
		}
	}
	_, out, _ := run(t, "report", "--help")
	if !strings.Contains(out, `(mặc định "out")`) || strings.Contains(out, `--date NGÀY (mặc định`) {
		t.Errorf("defaults: %s", out)
	}
	_, out, _ = run(t, "--version")
	if !strings.HasPrefix(out, "baocao phiên bản ") {
		t.Errorf("--version: %q", out)
	}
}

// The descriptions of a command's flags start in one column, counted in
// characters: "--in THƯ_MỤC" is 12 characters but 15 bytes.
func TestHelpFlagsAligned(t *testing.T) {
	_, out, _ := run(t, "report", "--help")
	section := out[strings.Index(out, "Tùy chọn:"):strings.Index(out, "Tùy chọn chung:")]
	columns := map[int][]string{}
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "-") {
			continue
		}
		flag := line[strings.Index(line, "--"):]
		gap := strings.Index(flag, "  ")
		desc := strings.TrimLeft(flag[gap:], " ")
		col := utf8.RuneCountInString(line[:len(line)-len(desc)])
		columns[col] = append(columns[col], flag[:gap])
	}
	if len(columns) != 1 {
		t.Errorf("descriptions start in %d columns: %v\n%s", len(columns), columns, section)
	}
}

// A note about the data files is for whoever edits them: given by catalog
// for a data folder, never for the copy built into the program (two of
// its groups have the same members on purpose; issue 22, point 7).
func TestCatalogNotesNotOfBuiltinData(t *testing.T) {
	const note = "nhóm DT-UT có đúng các thành viên của nhóm CTXH"
	if code, _, errOut := run(t, "catalog", "--data", dataDir); code != 0 || !strings.Contains(errOut, note) {
		t.Errorf("a data folder: exit %d, want its note: %q", code, errOut)
	}
	t.Chdir(t.TempDir()) // no data/ here: the built-in copy
	if code, _, errOut := run(t, "catalog"); code != 0 || strings.Contains(errOut, "Lưu ý") {
		t.Errorf("the built-in data: exit %d, printed %q", code, errOut)
	}
}
