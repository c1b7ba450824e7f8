package planimport

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"baocao/internal/catalog"
	"baocao/internal/outfile"
	"baocao/internal/planimport/appendixtest"
	"baocao/internal/vntext"
)

// The seed appendix as extracted from the PDF.
var seedFile = appendixtest.SeedPath()

func seedDoc(t testing.TB) appendixtest.Doc {
	t.Helper()
	d, err := appendixtest.Seed(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func seedDocxBytes(t testing.TB) []byte { return appendixtest.Docx(seedDoc(t)) }

func mustImport(t testing.TB, name string, data []byte) *Result {
	t.Helper()
	res, err := ImportBytes(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// load reads the imported files as the program will.
func load(t testing.TB, res *Result) *catalog.Catalog {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range res.Files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	c, err := catalog.LoadFS(fsys, "nhap")
	if err != nil {
		t.Fatalf("the imported data do not load: %v\n%s", err, res.Review)
	}
	return c
}

func file(res *Result, name string) string {
	for _, f := range res.Files {
		if f.Path == name {
			return string(f.Data)
		}
	}
	return ""
}

// norm compares texts whatever their wrapping and Unicode form.
func norm(s string) string { return strings.Join(strings.Fields(vntext.Clean(s)), " ") }

// paragraphs of a content, each normalised.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = norm(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TestSeedImportsLikeData reads the seed appendix, made into the Word table
// the office has, and finds the tasks, contents, units, products and
// timings that data/ holds, written by hand from the same appendix.
func TestSeedImportsLikeData(t *testing.T) {
	res := mustImport(t, "phu-luc.docx", appendixtest.Docx(seedDoc(t)))
	if res.Problems != 0 {
		t.Fatalf("%d problems left:\n%s", res.Problems, res.Review)
	}
	got := load(t, res)
	want, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Sections) != len(want.Sections) {
		t.Fatalf("%d sections, want %d", len(got.Sections), len(want.Sections))
	}
	// A unit or group of the import is the data's one its name finds.
	mapRefs := func(refs []string) []string {
		var out []string
		for _, r := range refs {
			name := r
			if u := got.Unit(r); u != nil {
				name = u.Name
			}
			for _, g := range got.Groups {
				if g.Code == r {
					name = g.Name
				}
			}
			found := want.FindUnits(name)
			if len(found) != 1 {
				t.Errorf("%s (%q) names %v in data/", r, name, found)
				continue
			}
			out = append(out, found[0])
		}
		return out
	}
	for i, ws := range want.Sections {
		gs := got.Sections[i]
		if gs.Code != ws.Code || norm(gs.Title) != norm(ws.Title) {
			t.Errorf("section %d: got %s %q, want %s %q", i, gs.Code, gs.Title, ws.Code, ws.Title)
		}
		if len(gs.Items) != len(ws.Items) {
			t.Errorf("section %s: %d items, want %d", ws.Code, len(gs.Items), len(ws.Items))
			continue
		}
		for j, w := range ws.Items {
			g := gs.Items[j]
			if g.Code != w.Code || g.Heading != w.Heading || g.Parent != w.Parent {
				t.Errorf("item %s: got %s heading=%v parent=%q, want heading=%v parent=%q", w.Code, g.Code, g.Heading, g.Parent, w.Heading, w.Parent)
				continue
			}
			if gp, wp := paragraphs(g.Content), paragraphs(w.Content); !slices.Equal(gp, wp) {
				t.Errorf("%s content:\n got %q\nwant %q", w.Code, gp, wp)
			}
			if w.Heading {
				continue
			}
			for _, f := range []struct{ name, got, want string }{
				{"lead_text", g.LeadText, w.LeadText}, {"support_text", g.SupportText, w.SupportText},
				{"product", g.Product, w.Product}, {"timing", g.Timing, w.Timing},
			} {
				if norm(f.got) != norm(f.want) {
					t.Errorf("%s %s: got %q, want %q", w.Code, f.name, f.got, f.want)
				}
			}
			if g.TimingMissing != w.TimingMissing {
				t.Errorf("%s timing_missing %v, want %v", w.Code, g.TimingMissing, w.TimingMissing)
			}
			if m := mapRefs(g.Lead); !slices.Equal(m, w.Lead) {
				t.Errorf("%s lead %v (%v), want %v", w.Code, g.Lead, m, w.Lead)
			}
			if m := mapRefs(g.Support); !slices.Equal(m, w.Support) {
				t.Errorf("%s support %v (%v), want %v", w.Code, g.Support, m, w.Support)
			}
		}
	}
	// Every unit data/ names directly in a task is a unit of the import.
	for _, task := range want.Tasks() {
		for _, ref := range append(slices.Clone(task.Lead), task.Support...) {
			if u := want.Unit(ref); u != nil && got.MatchUnit(u.Name) == nil && len(got.FindUnits(task.LeadText+" "+task.SupportText)) == 0 {
				t.Errorf("unit %s of %s is not in the import", ref, task.Code)
			}
		}
	}
	if got.Plan.CommuneName != "xã Xốp" || got.Plan.LocalKind != "xã" || got.Plan.Month != 9 || got.Plan.Year != 2025 ||
		got.Plan.Reference() != want.Plan.Reference() {
		t.Errorf("plan: %+v, reference %q", got.Plan, got.Plan.Reference())
	}
	if got.Collector() == nil || got.CollectorName() != "Văn phòng HĐND và UBND xã" {
		t.Errorf("collector %q", got.CollectorName())
	}
	// Letterheads: the Front and the associations are headed by their own
	// name as in data/; the police and the bank are left for the office
	// (the province is not in the appendix), so the People's Committee.
	for _, u := range got.Units {
		found := want.FindUnits(u.Name)
		if len(found) != 1 {
			continue
		}
		w := want.Unit(found[0])
		if w == nil {
			continue
		}
		if own, wantOwn := u.GoverningBody == "", w.GoverningBody == ""; own != wantOwn {
			t.Errorf("%s: governing body %q, data/ has %q", u.Name, u.GoverningBody, w.GoverningBody)
		}
	}
	if n := len(got.IndicatorsOf("NHCSXH")); n != 8 {
		t.Errorf("the bank's office reports %d indicators", n)
	}
}

// TestSeedReview: the review list names every guess with its row.
func TestSeedReview(t *testing.T) {
	res := mustImport(t, "phu-luc.docx", appendixtest.Docx(seedDoc(t)))
	for _, want := range []string{
		"Đã đọc: 6 phần, 23 nhiệm vụ, 1 tiêu đề nhóm; 10 đơn vị, 3 nhóm đơn vị.",
		// continuation rows at page breaks
		"bảng 1, hàng 7: hàng không có STT được nối vào nhiệm vụ II.1 ở trên",
		"bảng 1, hàng 18: hàng không có STT được nối vào nhiệm vụ IV.1.c ở trên (ô bị ngắt sang trang: cột «Nội dung nhiệm vụ», «Đơn vị chủ trì»)",
		"bảng 1, hàng 32: hàng không có STT được nối vào nhiệm vụ VI.2 ở trên",
		// empty cells, kept empty
		"bảng 1, hàng 27: nhiệm vụ V.8 để trống «Thời gian thực hiện»: ghi timing_missing: true",
		"bảng 1, hàng 3: nhiệm vụ I.1 để trống «Đơn vị phối hợp»",
		// merged cells
		"bảng 1, hàng 16: nhiệm vụ IV.1.b: ô «Đơn vị chủ trì» là ô gộp với bảng 1, hàng 15",
		// spellings merged
		"«Phòng Kinh tế» (bảng 1, hàng 4), «Phòng kinh tế» (bảng 1, hàng 15, 16, 22, 23) được coi là một đơn vị",
		"«UBMTTQVN» (bảng 1, hàng 9, 20)",
		"«Ủy ban Mặt trận Tổ quốc Việt Nam xã» (bảng 1, hàng 17)",
		"«Các đơn vị có liên quan» (bảng 1, hàng 33, 34) được coi là một nhóm",
		// groups to confirm, units added
		"nhóm «Các phòng, đơn vị có liên quan» (DV-LQ) gồm những đơn vị nào thì phụ lục không nói: tạm ghi VP, KT, VHXH, CA",
		"đã thêm đơn vị «Văn phòng HĐND và UBND xã» và ghi là collector",
		"đã thêm các đơn vị Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã, Hội Cựu chiến binh xã, Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
		// the plan
		"phụ lục để trống ngày của kế hoạch (tháng 9 năm 2025)",
		"bảng 1, hàng 15: nhiệm vụ IV.1.a nêu một tỷ lệ phải đạt",
	} {
		if !strings.Contains(res.Review, want) {
			t.Errorf("review lacks %q", want)
		}
	}
	c := load(t, res)
	if vi4 := paragraphs(c.Task("VI.4").Content); len(vi4) != 3 || !strings.HasPrefix(vi4[1], "- Đơn giản hóa") {
		t.Errorf("VI.4: the Word list items are not three paragraphs led by dashes: %q", vi4)
	}
	if v2 := c.Task("V.2"); v2.LeadText != "Phòng văn hóa xã hội" || !slices.Equal(v2.Lead, []string{"VHXH"}) {
		t.Errorf("V.2 typed decomposed: %q %v", v2.LeadText, v2.Lead)
	}
	if got := file(res, ReviewFile); !strings.Contains(got, "\r\n") || strings.ReplaceAll(got, "\r\n", "\n") != res.Review {
		t.Error("the review file should be the review with Windows line ends")
	}
}

func secondDocx() []byte { return appendixtest.Docx(appendixtest.Second()) }
func secondXlsx() []byte {
	return appendixtest.Xlsx(appendixtest.OneTable(appendixtest.Second(), 2), "Phụ lục")
}

// TestSecondAppendix reads an appendix shaped otherwise, as a Word
// document split into two tables and as one sheet of a workbook.
func TestSecondAppendix(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{{"phu-luc.docx", secondDocx()}, {"phu-luc.xlsx", secondXlsx()}} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustImport(t, tc.name, tc.data)
			if res.Problems != 0 {
				t.Fatalf("%d problems:\n%s", res.Problems, res.Review)
			}
			c := load(t, res)
			var codes []string
			for _, s := range c.Sections {
				for _, it := range s.Items {
					codes = append(codes, it.Code)
				}
			}
			want := []string{"I.1", "I.2", "II.1", "II.2", "II.2.a", "II.2.b", "II.2.b.1", "II.2.b.2", "II.3", "III.1", "III.2",
				"IV.1", "IV.2", "V.1", "V.2", "VI.1", "VII.1"}
			if !slices.Equal(codes, want) {
				t.Fatalf("codes\n got %v\nwant %v", codes, want)
			}
			var heads []string
			for _, h := range c.Headings(c.Task("II.2.b.1")) {
				heads = append(heads, h.Code)
			}
			if !slices.Equal(heads, []string{"II.2", "II.2.b"}) {
				t.Errorf("headings of II.2.b.1: %v", heads)
			}
			p := c.Plan
			if p.LocalKind != "phường" || p.Commune != "PHƯỜNG HÒA MINH" || p.Place != "Hòa Minh" || p.Number != "45" ||
				p.Date.Format("02/01/2006") != "03/10/2025" || p.PlanIssuer != "Ủy ban nhân dân phường Hòa Minh" {
				t.Errorf("plan %+v", p)
			}
			if c.CollectorName() != "Văn phòng HĐND và UBND phường" {
				t.Errorf("collector %q", c.CollectorName())
			}
			checks := []struct {
				code, field, got, want string
			}{
				{"I.2", "lead", strings.Join(c.Task("I.2").Lead, ","), "VHXH"},
				{"III.1", "support", strings.Join(c.Task("III.1").Support, ","), "VHXH"}, // Phòng VH-XH
				{"II.2.b.1", "support", strings.Join(c.Task("II.2.b.1").Support, ","), "VP"},
				{"V.2", "support", strings.Join(c.Task("V.2").Support, ","), "MTTQ"},
				{"II.1", "lead", c.Unit(c.Task("II.1").Lead[0]).Name, "Phòng Kinh tế, Hạ tầng và Đô thị"},
				{"II.2.b.2", "product", c.Task("II.2.b.2").Product, ""},
				{"IV.2", "timing", c.Task("IV.2").Timing, "Hằng năm"},
				{"VII.1", "timing", c.Task("VII.1").Timing, "Trước ngày 15/6 và 15/12 hằng năm"},
				{"VI.1", "content", c.Task("VI.1").Content, "Thực hiện tốt các nội dung ủy thác, nâng cao chất lượng hoạt động của Tổ Tiết kiệm và vay vốn, kiểm tra việc sử dụng vốn của người vay."},
				{"II.3", "content", c.Task("II.3").Content, "- Kiểm tra việc sử dụng vốn vay tại các tổ dân phố;\n- Đôn đốc thu hồi nợ đến hạn, nợ quá hạn."},
				{"VII.1", "support", strings.Join(c.Task("VII.1").Support, ","), c.Task("II.1").Lead[0] + ",VHXH"},
			}
			for _, ck := range checks {
				if ck.got != ck.want {
					t.Errorf("%s %s: got %q, want %q", ck.code, ck.field, ck.got, ck.want)
				}
			}
			bank := c.Unit("NHCSXH")
			if bank == nil || !bank.Indicators || !slices.Contains(bank.Aliases, "PGD NHCSXH thị xã Ba Đồn") {
				t.Errorf("bank %+v", bank)
			}
			for _, want := range []string{
				"hàng đánh số cột («(1) | (2) | (3) | (4) | (5) | (6)») được bỏ qua",
				"nhiệm vụ II.2.b.2 để trống «Sản phẩm»",
				"nhiệm vụ IV.2: ô «Thời gian thực hiện» là ô gộp với",
				"hàng không có STT được nối vào nhiệm vụ VI.1",
				"«Phòng VH-XH»",
				"nhiệm vụ II.2.b.1 nêu một tỷ lệ phải đạt («dư nợ ủy thác ít nhất 10% mỗi năm.»)",
			} {
				if !strings.Contains(res.Review, want) {
					t.Errorf("review lacks %q:\n%s", want, res.Review)
				}
			}
		})
	}
}

// TestWordAndExcelAgree: the same appendix in Word and in Excel gives the
// same data files.
func TestWordAndExcelAgree(t *testing.T) {
	w := mustImport(t, "phu-luc.docx", secondDocx())
	// The same name, so that the files' first comment is the same; the
	// workbook is told from a Word file by its content.
	x := mustImport(t, "phu-luc.docx", secondXlsx())
	for _, name := range []string{catalog.PlanFile, catalog.TasksFile, catalog.UnitsFile, catalog.IndicatorsFile} {
		if file(w, name) != file(x, name) {
			t.Errorf("%s differs between Word and Excel:\n--- Word\n%s\n--- Excel\n%s", name, file(w, name), file(x, name))
		}
	}
}

func TestNothingToRead(t *testing.T) {
	noTable := appendixtest.Docx(appendixtest.Doc{Before: []string{"PHỤ LỤC", "Không có bảng"}})
	headerOnly := appendixtest.Docx(appendixtest.Doc{Tables: []appendixtest.Table{{Widths: []int{500, 3000, 2000}, Rows: []appendixtest.Row{
		{Cells: []appendixtest.Cell{appendixtest.Text("STT"), appendixtest.Text("Nội dung"), appendixtest.Text("Chủ trì")}},
		{Cells: []appendixtest.Cell{appendixtest.Text(""), appendixtest.Text("ghi chú"), appendixtest.Text("")}},
	}}}})
	tests := []struct {
		name       string
		file       string
		data       []byte
		unreadable bool
		msg        string
	}{
		{"no table", "a.docx", noTable, true, "không thấy bảng phụ lục nhiệm vụ (tệp Word có 0 bảng)"},
		{"header only", "a.docx", headerOnly, true, "không đọc được nhiệm vụ nào"},
		{"not a zip", "a.docx", []byte("xin chào"), true, "không phải là tệp Word hay Excel hợp lệ"},
		{"a zip of nothing", "a.docx", []byte("PK\x03\x04 hỏng"), true, "không đọc được nội dung tệp"},
		{"pdf", "a.pdf", []byte("%PDF-1.4 ..."), false, "tệp PDF không nhập được"},
		{"old word", "a.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0), false, "Word 97-2003"},
		{"text", "a.txt", []byte("STT;Nội dung"), false, "chỉ nhập được phụ lục dạng bảng"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ImportBytes(tt.file, tt.data)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if e.Unreadable != tt.unreadable || !strings.Contains(e.Msg, tt.msg) || e.Path != tt.file {
				t.Errorf("got %+v, want unreadable=%v and %q", e, tt.unreadable, tt.msg)
			}
		})
	}
	for _, path := range []string{filepath.Join(t.TempDir(), "khong-co.docx"), t.TempDir()} {
		_, err := Import(path)
		var e *Error
		if !errors.As(err, &e) || e.Unreadable {
			t.Errorf("Import(%s): %v", path, err)
		}
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	res := mustImport(t, "phu-luc.docx", secondDocx())
	dir := filepath.Join(t.TempDir(), "du-lieu")
	paths, err := res.Write(dir)
	if err != nil || len(paths) != 5 {
		t.Fatalf("Write: %v %v", paths, err)
	}
	if _, err := catalog.Load(dir); err != nil {
		t.Fatalf("the written folder does not load: %v", err)
	}
	// Again: nothing written, every file kept.
	os.WriteFile(filepath.Join(dir, catalog.UnitsFile), []byte("# sửa tay\n"), 0o644)
	os.Remove(filepath.Join(dir, catalog.TasksFile))
	_, err = res.Write(dir)
	var ee *ExistsError
	if !errors.As(err, &ee) || !slices.Equal(ee.Files, []string{catalog.PlanFile, catalog.UnitsFile, catalog.IndicatorsFile, ReviewFile}) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "không ghi đè, không ghi gì") {
		t.Errorf("message %q", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, catalog.UnitsFile)); string(b) != "# sửa tay\n" {
		t.Error("units.yaml was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, catalog.TasksFile)); err == nil {
		t.Error("tasks.yaml was written although the folder had other files")
	}
	// A folder that cannot be made: nothing is left half-written.
	blocker := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(blocker, []byte("x"), 0o644)
	_, err = res.Write(filepath.Join(blocker, "du-lieu"))
	var oe *outfile.Error
	if !errors.As(err, &oe) {
		t.Errorf("got %v, want an *outfile.Error", err)
	}
}
