package intake

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipFiles builds a zip of name/content pairs.
func zipFiles(t *testing.T, files ...[2]any) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0].(string))
		if err != nil {
			t.Fatal(err)
		}
		switch v := f[1].(type) {
		case string:
			w.Write([]byte(v))
		case []byte:
			w.Write(v)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func bookBytes(t *testing.T, b book) []byte {
	t.Helper()
	path := tempPath(t, "x.xlsx")
	b.write(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestFolderEverythingMentioned: every file in the folder is listed with
// what to do, files that are no workbook are attributed to a unit by their
// name, and a zip's workbooks are read.
func TestFolderEverythingMentioned(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kt := filepath.Join(dir, "KT-2026-Q1.xlsx")
	filled(c).write(t, kt)
	pdf := write("Bao cao Hoi Nong dan quy 1.pdf", []byte("%PDF-1.4\n"))
	word := write("CA-2026-Q1.docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"))
	pic := write("anh chup bao cao MTTQ.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0})
	xlsb := write("VHXH.xlsb", zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "x"))
	txt := write("ghi-chu.txt", []byte("nhớ gọi Đoàn Thanh niên"))
	write("Thumbs.db", []byte{0})
	ours := write("bao-cao-2026-Q1.docx", []byte("PK"))
	mail := write("thu-dien-tu.zip", zipFiles(t,
		[2]any{"Bao cao/NHCSXH-2026-Q1.xlsx", bookBytes(t, formBook(c, "NHCSXH", q1, map[string]entry{"V.1": {status: "đã xong", results: "Rà soát 120 hộ"}}))},
		[2]any{"Bao cao/HND ban in.pdf", "%PDF-1.4"},
		[2]any{"../ngoai.xlsx", "PK"},
		[2]any{"__MACOSX/Bao cao/._NHCSXH-2026-Q1.xlsx", "x"},
	))
	before := listDir(t, dir)

	subs := ReadAll([]string{dir}, c, Options{Period: q1})
	if after := listDir(t, dir); after != before {
		t.Errorf("the folder changed while read:\n%s\n---\n%s", before, after)
	}
	byPath := map[string]*Submission{}
	for _, s := range subs {
		byPath[s.Path] = s
	}
	entry := filepath.Join(mail, "Bao cao", "NHCSXH-2026-Q1.xlsx")
	for _, tt := range []struct {
		path, unit string
		sev        Severity
		want       string
	}{
		{pdf, "HND", SeverityError, "Hội Nông dân xã gửi tệp PDF: đề nghị Hội Nông dân xã gửi lại tệp Excel (biểu mẫu .xlsx đã điền)"},
		{word, "CA", SeverityError, "gửi tệp Word (.docx), không phải biểu mẫu Excel"},
		{pic, "MTTQ", SeverityError, "gửi ảnh (.jpg)"},
		{xlsb, "VHXH", SeverityError, "dạng nhị phân (.xlsb)"},
		{txt, "", SeverityWarning, "tệp không phải tệp Excel nên không được đọc"},
		{ours, "", SeverityWarning, "đây là tệp do baocao lập"},
		{filepath.Join(mail, "Bao cao", "HND ban in.pdf"), "HND", SeverityError, "gửi tệp PDF"},
		{filepath.Join(mail, "?"), "", SeverityError, "mang tên không hợp lệ («../ngoai.xlsx»"},
	} {
		s := byPath[tt.path]
		if s == nil {
			t.Errorf("%s not mentioned", tt.path)
			continue
		}
		if s.Unit != tt.unit || !hasProblem(s, tt.sev, tt.want) {
			t.Errorf("%s: unit %q (want %q)\n%s", tt.path, s.Unit, tt.unit, problemsText(s))
		}
	}
	if s := byPath[entry]; s == nil || s.Unit != "NHCSXH" || len(s.Rows) != len(c.Assignments("NHCSXH")) || s.HasErrors() {
		t.Errorf("the workbook in the zip: %+v", s)
	} else if r := rowOf(t, s, "V.1"); r.Results != "Rà soát 120 hộ" {
		t.Errorf("V.1 in the zip: %+v", r)
	}
	for p := range byPath {
		if strings.Contains(p, "Thumbs") || strings.Contains(p, "__MACOSX") {
			t.Errorf("a system file listed: %s", p)
		}
	}
	if n := len(subs); n != 10 {
		for _, s := range subs {
			t.Log(s.Path)
		}
		t.Errorf("%d submissions, want 10", n)
	}
}

// TestZipLimits: a zip declaring too much, a zip of too many files, a zip
// inside the zip, a broken zip.
func TestZipLimits(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bom.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	raw, _ := zw.CreateRaw(&zip.FileHeader{Name: "KT.xlsx", Method: zip.Store, UncompressedSize64: 300 << 20, CompressedSize64: 4})
	raw.Write([]byte("PK\x03\x04"))
	zw.Close()
	os.WriteFile(bomb, buf.Bytes(), 0o644)
	if s := readZip(bomb, c, Options{}); len(s) != 1 || !hasProblem(s[0], SeverityError, "tệp quá lớn (hơn 20 MB khi giải nén)") {
		t.Errorf("bomb: %v", s)
	}

	many := filepath.Join(dir, "nhieu.zip")
	var files [][2]any
	for i := range ZipMaxFiles + 5 {
		files = append(files, [2]any{"ghi-chu-" + itoa(i) + ".txt", "x"})
	}
	os.WriteFile(many, zipFiles(t, files...), 0o644)
	subs := readZip(many, c, Options{})
	if !hasProblem(subs[0], SeverityError, "tệp nén lớn quá mức đọc (mỗi tệp nén chỉ xem 200 tệp đầu, mỗi tệp tối đa 20 MB và cả tệp nén tối đa 200 MB khi giải nén) nên không đọc 5 tệp: «ghi-chu-200.txt», «ghi-chu-201.txt»") || len(subs) != 1+ZipMaxFiles {
		t.Errorf("many: %d submissions\n%s", len(subs), problemsText(subs[0]))
	}

	nested := filepath.Join(dir, "long.zip")
	os.WriteFile(nested, zipFiles(t, [2]any{"trong.zip", zipOf(t, "a.txt", "x")}), 0o644)
	if subs := readZip(nested, c, Options{}); !hasProblem(subs[0], SeverityError, "tệp nén nằm trong tệp nén") {
		t.Errorf("nested: %s", problemsText(subs[0]))
	}

	broken := filepath.Join(dir, "hong.zip")
	data := zipFiles(t, [2]any{"KT.xlsx", bookBytes(t, filled(c))})
	os.WriteFile(broken, data[:len(data)/2], 0o644)
	if subs := ReadAll([]string{broken}, c, Options{}); len(subs) != 1 || !subs[0].HasErrors() {
		t.Errorf("broken: %v", subs)
	}
}

func listDir(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + info.ModTime().String() + "\n")
		}
		return nil
	})
	return b.String()
}

// TestZipNamesTheUnit: a unit's zip ("Hoi Phu nu quy 1 nam 2026.zip") whose files do not
// say whose they are: a PDF in it is that unit's (here beside its form, so
// a warning), and its own table (no metadata, no unit in the name) is read
// as that unit's.
func TestZipNamesTheUnit(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	own := ownLayout([]string{"BÁO CÁO KẾT QUẢ"}, []any{"STT", "Nội dung", "Tình trạng", "Kết quả thực hiện"},
		[]any{"I.2", "", "Hoàn thành", "Phát tờ rơi"})
	zipPath := filepath.Join(dir, "Hoi Phu nu quy 1 nam 2026.zip")
	os.WriteFile(zipPath, zipFiles(t,
		[2]any{"bao cao.pdf", "%PDF-1.4"},
		[2]any{"bang.xlsx", bookBytes(t, own)},
	), 0o644)
	subs := ReadAll([]string{dir}, c, Options{})
	if len(subs) != 2 {
		t.Fatalf("%d submissions", len(subs))
	}
	for _, s := range subs {
		if s.Unit != "HPN" || s.Period != q1 {
			t.Errorf("%s: unit %q, period %v; want HPN of the zip's name\n%s", s.Path, s.Unit, s.Period, problemsText(s))
		}
	}
	if s := subs[0]; !hasProblem(s, SeverityWarning, "Hội Liên hiệp Phụ nữ xã gửi thêm tệp PDF «bao cao.pdf»; đã dùng tệp Excel «Hoi Phu nu quy 1 nam 2026.zip"+string(filepath.Separator)+"bang.xlsx»") {
		t.Errorf("the PDF:\n%s", problemsText(s))
	}
	if s := subs[1]; len(s.Rows) != 1 || s.Rows[0].Results != "Phát tờ rơi" {
		t.Errorf("the workbook: %+v\n%s", s.Rows, problemsText(s))
	}
}

// A zip from Windows' "compressed folder" stores a Vietnamese name in the
// Vietnamese code page, unmarked: it is read as Windows-1258, so the file
// is named as the unit wrote it and asks that unit for its form.
func TestZipNameInCodePage(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "tep gui ve.zip"), zipFiles(t,
		[2]any{"B\xe1o c\xe1o H\xf4\xf2i N\xf4ng d\xe2n.pdf", "%PDF-1.4"},
	), 0o644)
	subs := ReadAll([]string{dir}, c, Options{Period: q1})
	if len(subs) != 2 { // the PDF, and the zip holding no workbook
		t.Fatalf("%d submissions", len(subs))
	}
	s := subs[0]
	if filepath.Base(s.Path) != "Báo cáo Hội Nông dân.pdf" || s.Unit != "HND" {
		t.Errorf("%q: unit %q, want the name decoded and HND\n%s", s.Path, s.Unit, problemsText(s))
	}
}

// TestNonWorkbookBesideWorkbook: a PDF, a Word file or a picture of a unit
// that also sent a usable workbook of the period is a warning naming the
// workbook used, and is superseded by it; without one it stays the error
// that asks the unit for its form.
func TestNonWorkbookBesideWorkbook(t *testing.T) {
	c := loadCatalog(t)
	task := c.Assignments("MTTQ")[0].Task.Code
	good := bookBytes(t, formBook(c, "MTTQ", q1, map[string]entry{task: {status: "Hoàn thành", results: "Tổ chức 3 hội nghị"}}))
	const pdf = "Bao cao MTTQ quy I.pdf"
	tests := []struct {
		name  string
		files [][2]any // name, content; a .zip's content is its own list
		other string   // the file besides the workbook
		want  string   // "" for the error asking for the form
		used  string   // the workbook it is superseded by, relative to the folder
	}{
		{"PDF and workbook", [][2]any{{pdf, "%PDF-1.4"}, {"MTTQ-2026-Q1.xlsx", good}}, pdf,
			"Ủy ban Mặt trận Tổ quốc Việt Nam xã gửi thêm tệp PDF «Bao cao MTTQ quy I.pdf»; đã dùng tệp Excel «MTTQ-2026-Q1.xlsx» của đơn vị, tệp PDF không được đọc.", "MTTQ-2026-Q1.xlsx"},
		{"workbook in a zip", [][2]any{{pdf, "%PDF-1.4"}, {"Hoi doan the gui.zip", [][2]any{{"MTTQ-2026-Q1.xlsx", good}}}}, pdf,
			"đã dùng tệp Excel «" + filepath.Join("Hoi doan the gui.zip", "MTTQ-2026-Q1.xlsx") + "» của đơn vị", filepath.Join("Hoi doan the gui.zip", "MTTQ-2026-Q1.xlsx")},
		{"both in a zip", [][2]any{{"MTTQ.zip", [][2]any{{"bao cao.pdf", "%PDF-1.4"}, {"bang.xlsx", good}}}}, filepath.Join("MTTQ.zip", "bao cao.pdf"),
			"gửi thêm tệp PDF «bao cao.pdf»; đã dùng tệp Excel «" + filepath.Join("MTTQ.zip", "bang.xlsx") + "»", filepath.Join("MTTQ.zip", "bang.xlsx")},
		{"Word and workbook", [][2]any{{"MTTQ-2026-Q1.docx", "PK"}, {"MTTQ-2026-Q1.xlsx", good}}, "MTTQ-2026-Q1.docx",
			"gửi thêm tệp Word «MTTQ-2026-Q1.docx»; đã dùng tệp Excel «MTTQ-2026-Q1.xlsx» của đơn vị, tệp Word không được đọc.", "MTTQ-2026-Q1.xlsx"},
		{"picture and workbook", [][2]any{{"anh MTTQ.jpg", "\xff\xd8"}, {"MTTQ-2026-Q1.xlsx", good}}, "anh MTTQ.jpg",
			"gửi thêm ảnh «anh MTTQ.jpg»", "MTTQ-2026-Q1.xlsx"},
		{"PDF alone", [][2]any{{pdf, "%PDF-1.4"}}, pdf, "", ""},
		{"workbook with errors", [][2]any{{pdf, "%PDF-1.4"}, {"MTTQ-2026-Q1.xlsx", ""}}, pdf, "", ""},
		{"another unit's workbook", [][2]any{{pdf, "%PDF-1.4"}, {"KT-2026-Q1.xlsx", bookBytes(t, filled(c))}}, pdf, "", ""},
		{"workbook of another period", [][2]any{{"MTTQ-2026-Q2.pdf", "%PDF-1.4"}, {"MTTQ-2026-Q1.xlsx", good}}, "MTTQ-2026-Q2.pdf", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				data, ok := f[1].([][2]any)
				var b []byte
				if ok {
					b = zipFiles(t, data...)
				} else if s, ok := f[1].(string); ok {
					b = []byte(s)
				} else {
					b = f[1].([]byte)
				}
				if err := os.WriteFile(filepath.Join(dir, f[0].(string)), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, opt := range []Options{{}, {Period: q1}} {
				var other *Submission
				for _, s := range ReadAll([]string{dir}, c, opt) {
					if s.Path == filepath.Join(dir, tt.other) {
						other = s
					}
				}
				checkBeside(t, opt, other, tt.other, tt.want, filepath.Join(dir, tt.used))
			}
		})
	}
}

// checkBeside checks the file besides a unit's workbook: superseded by
// used with the warning want, or ("" want) the error asking for the form.
func checkBeside(t *testing.T, opt Options, other *Submission, name, want, used string) {
	t.Helper()
	switch {
	case other == nil:
		t.Errorf("period %v: %s not listed", opt.Period, name)
	case other.Unit != "MTTQ":
		t.Errorf("period %v: unit %q, want MTTQ", opt.Period, other.Unit)
	case want == "":
		if !hasProblem(other, SeverityError, "đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã gửi lại tệp Excel") || other.SupersededBy != "" {
			t.Errorf("period %v: want the error asking for the form, not superseded (%q)\n%s", opt.Period, other.SupersededBy, problemsText(other))
		}
	case other.HasErrors() || !hasProblem(other, SeverityWarning, want) || other.SupersededBy != used:
		t.Errorf("period %v: superseded by %q, want %q; want the warning %q\n%s", opt.Period, other.SupersededBy, used, want, problemsText(other))
	}
}

func TestShownName(t *testing.T) {
	for _, tt := range []struct{ path, want string }{
		{filepath.Join("nhan-ve", "MTTQ-2026-Q1.xlsx"), "MTTQ-2026-Q1.xlsx"},
		{filepath.Join("nhan-ve", "Hoi doan the gui.zip", "MTTQ-2026-Q1.xlsx"), filepath.Join("Hoi doan the gui.zip", "MTTQ-2026-Q1.xlsx")},
		{filepath.Join("/", "d", "nhan-ve", "thu.ZIP", "Bao cao", "HND.xlsx"), filepath.Join("thu.ZIP", "Bao cao", "HND.xlsx")},
		{filepath.Join("nhan-ve", "HND-2026-Q1.zip"), "HND-2026-Q1.zip"},
		{"KT.xlsx", "KT.xlsx"},
	} {
		if got := ShownName(tt.path); got != tt.want {
			t.Errorf("ShownName(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

// A file in a zip whose name gives no period takes the zip's, even when a
// period is asked for: last quarter's PDF of a unit is not this quarter's.
func TestZipPeriodWhenAsked(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "HPN-2025-Q4.zip"), zipFiles(t, [2]any{"bao cao.pdf", "%PDF-1.4"}), 0o644)
	found := false
	for _, s := range ReadAll([]string{dir}, c, Options{Period: q1}) {
		if !strings.HasSuffix(s.Path, ".pdf") {
			continue
		}
		found = true
		if s.Unit != "HPN" || s.Period.String() != "2025-Q4" {
			t.Errorf("%s: unit %q, period %v; want HPN, 2025-Q4 from the zip's name\n%s", s.Path, s.Unit, s.Period, problemsText(s))
		}
	}
	if !found {
		t.Error("the PDF in the zip is not listed")
	}
}

// Relative names a file from the folder given, never with this machine's
// path; a file given alone by its name.
func TestRelative(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "Bao cao")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path  string
		roots []string
		want  string
	}{
		{filepath.Join(sub, "CA.xlsx"), []string{dir}, filepath.Join("Bao cao", "CA.xlsx")},
		{filepath.Join(dir, "doan the.zip", "MTTQ.xlsx"), []string{dir}, filepath.Join("doan the.zip", "MTTQ.xlsx")},
		{filepath.Join(sub, "CA.xlsx"), []string{filepath.Join(sub, "CA.xlsx")}, "CA.xlsx"},
		{filepath.Join(sub, "CA.xlsx"), []string{t.TempDir()}, "CA.xlsx"},
	} {
		if got := Relative(tt.path, tt.roots); got != tt.want {
			t.Errorf("Relative(%s, %v) = %q, want %q", tt.path, tt.roots, got, tt.want)
		}
	}
}
