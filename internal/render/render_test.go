package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/render/tmplsrc"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with testdata/name.golden, or rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (go test -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name string
		tpl  []byte
		data Data
	}{
		{"split_runs", doc(para("Ủy ban nhân dân ", "{ten", "_x", "a}", ", năm {n", "am}", "{ngay|ngay}")),
			Data{"ten_xa": "XÃ XỐP", "nam": 2026, "ngay": day(2026, 1, 5)}},
		{"nested_paragraph_blocks", doc(para("{#phan}{so}. {ten}") + para("{#nhiem_vu}", "{ma}: {noi_dung}") +
			para("{#ket_qua}- {don_vi}: {noi_dung}{/ket_qua}") + para("{/nhiem_vu}{/phan}") + para("Hết.")),
			Data{"phan": []Data{
				{"so": "I", "ten": "Lãnh đạo", "nhiem_vu": []Data{
					{"ma": "I.1", "noi_dung": "Quán triệt", "ket_qua": []Data{{"don_vi": "Văn phòng", "noi_dung": "Đã họp"}, {"don_vi": "Công an xã", "noi_dung": "Đã tuyên truyền"}}},
					{"ma": "I.2", "noi_dung": "Kiểm tra", "ket_qua": []Data{}},
				}},
				{"so": "II", "ten": "Nguồn vốn", "nhiem_vu": []Data{}},
			}}},
		{"table_rows_nested", doc(para("{#phan}Phần {so}") + table(
			row(cell(para("Mã")), cell(para("Đơn vị"))),
			row(cell(para("{#nhiem_vu}{ma}")), cell(para("{#don_vi}- {ten}{/don_vi}")+para("{/nhiem_vu}")))) +
			para("{/phan}")),
			Data{"phan": []Data{
				{"so": "I", "nhiem_vu": []Data{{"ma": "I.1", "don_vi": []Data{{"ten": "A"}, {"ten": "B"}}}, {"ma": "I.2", "don_vi": []Data{}}}},
				{"so": "II", "nhiem_vu": []Data{}},
			}}},
		{"row_markers_in_own_rows", doc(table(
			row(cell(para("STT")), cell(para("Nội dung"))),
			row(cell(para("{#pl}")), cell(para(""))),
			row(cell(para("{stt}")), cell(para("{noi_dung}"))),
			row(cell(para("{/pl}")), cell(para(""))))),
			Data{"pl": []Data{{"stt": 1, "noi_dung": "Một"}, {"stt": 2, "noi_dung": "Hai"}}}},
		{"conditions", doc(para("{?co}Có vấn đề.{/co}") + para("{^co}Không có vấn đề.{/co}") +
			para("{?khong}Ẩn.{/khong}") + para("{^khong}Hiện.{/khong}") + para("{#nhom}{a}{/nhom}") + para("{nhom.b}")),
			Data{"co": true, "khong": false, "nhom": Data{"a": "trong nhóm", "b": "chấm"}}},
		{"escaping", doc(para("[{v}]") + para("{#ds}[{x}]{/ds}") + para("{so_ky_hieu}")),
			Data{"v": `<&"'{x}>`, "so_ky_hieu": "{so_ky_hieu}", "ds": []Data{{"x": "{#ds}{/ds}&amp;"}}}},
		{"breaks_and_spaces", doc(para("[{v}]") + para("{#ds}[{x}]{/ds}")),
			Data{"v": "  đầu\r\ndòng hai\tcột  ", "ds": []Data{{"x": "  a\nb  "}}}},
		{"nfc", doc(para("{v}")), Data{"v": "Pho\u0300ng Kinh te\u0302\u0301"}},
		{"empty_repetitions", doc(
			table(row(cell(para("STT")), cell(para("Nội dung"))), row(cell(para("{#pl}{stt}")), cell(para("{noi_dung}{/pl}")))) +
				table(row(cell(para("{#pl}{stt}")), cell(para("{noi_dung}{/pl}")))) +
				table(row(cell(para("{#pl}{stt}{/pl}")), cell(para("x"))))),
			Data{"pl": []Data{}}},
		{"formatters", doc(para("{a|so} {b|so} {c|so:1} {d|trieu} {e|phan_tram} {f|ngay} {g|ngay} {f|dd/mm/yyyy} {h|so} {t|hoa} {i} {i|so} {j}")),
			Data{"a": 1234.5, "b": -1234567, "c": 0.25, "d": 1234500000, "e": 15.5, "f": day(2026, 1, 5), "g": day(2026, 3, 14), "h": "", "t": "xã xốp", "i": 12000, "j": 2.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, warns, err := Render(tt.tpl, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if err := CheckPackage(out); err != nil {
				t.Errorf("structure: %v", err)
			}
			golden(t, tt.name, dump(t, out))
		})
	}
}

// A template compiled once fills every case as the one-shot Render does,
// and filling it leaves it unchanged for the next: render the test cases
// in turn with one compiled template each, twice over.
func TestCompileOnce(t *testing.T) {
	tpl := doc(para("Ủy ban nhân dân {ten_xa}, {ngay|ngay}") + para("{#ds}- {x}{/ds}") + table(
		row(cell(para("STT")), cell(para("Nội dung"))), row(cell(para("{#pl}{stt}")), cell(para("{noi_dung}{/pl}")))))
	datas := []Data{
		{"ten_xa": "XÃ XỐP", "ngay": day(2026, 1, 5), "ds": []Data{{"x": "một"}, {"x": "hai"}}, "pl": []Data{{"stt": 1, "noi_dung": "A"}}},
		{"ten_xa": "PHƯỜNG {B}", "ngay": day(2026, 3, 14), "ds": []Data{}, "pl": []Data{{"stt": 1, "noi_dung": "B"}, {"stt": 2, "noi_dung": "C"}}},
	}
	compiled, err := Compile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		for i, d := range datas {
			want, _, err := Render(tpl, d)
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := compiled.Render(d)
			if err != nil {
				t.Fatal(err)
			}
			if dump(t, got) != dump(t, want) {
				t.Errorf("round %d, data %d: the compiled template fills differently:\n%s\n---\n%s", round, i, dump(t, got), dump(t, want))
			}
		}
	}
	if got := len(compiled.Fields()); got != 7 {
		t.Errorf("Fields: %d names, want 7 (ten_xa, ngay, ds, ds.x, pl, pl.stt, pl.noi_dung)", got)
	}
}

// TestPreserveSpaces checks the XML itself: outer spaces need
// xml:space="preserve" on every w:t, also after a line break.
func TestPreserveSpaces(t *testing.T) {
	tpl := doc(para("{top}") + para("{#ds}{x}{/ds}"))
	out, _, err := Render(tpl, Data{"top": " a \n b ", "ds": []Data{{"x": " c \n d "}}})
	if err != nil {
		t.Fatal(err)
	}
	xml := string(unzip(t, out)["word/document.xml"])
	if strings.Contains(xml, "<w:t>") {
		t.Errorf("a w:t lacks xml:space=preserve:\n%s", xml)
	}
	for _, want := range []string{`<w:t xml:space="preserve"> a </w:t><w:br/><w:t xml:space="preserve"> b </w:t>`, `<w:t xml:space="preserve"> c </w:t><w:br/><w:t xml:space="preserve"> d </w:t>`} {
		if !strings.Contains(xml, want) {
			t.Errorf("document lacks %s", want)
		}
	}
}

// TestMarkerOnlyParagraphVanishes counts the paragraphs: the marker-only
// ones leave none behind, a section break paragraph stays.
func TestMarkerOnlyParagraphVanishes(t *testing.T) {
	tpl := doc(para("Trước") + para("{#ds}") + para("{x}") + para("{/ds}") + para("{?co}", "{/co}") + para("Sau") +
		tmplsrc.Para(tmplsrc.P{Sect: tmplsrc.Section(false, false)}, tmplsrc.Run(tmplsrc.R{}, "{?co}{/co}")))
	out, _, err := Render(tpl, Data{"ds": []Data{{"x": "1"}, {"x": "2"}}, "co": false})
	if err != nil {
		t.Fatal(err)
	}
	xml := unzip(t, out)["word/document.xml"]
	if n := bytes.Count(xml, []byte("<w:p>")) + bytes.Count(xml, []byte("<w:p/>")); n != 5 {
		t.Errorf("got %d paragraphs, want 5 (Trước, 1, 2, Sau, section break):\n%s", n, dump(t, out))
	}
	if !bytes.Contains(xml, []byte("<w:pPr><w:sectPr>")) {
		t.Errorf("the section break paragraph is gone")
	}
}

func TestHeaderFooterParts(t *testing.T) {
	hdr := tmplsrc.Header("rIdH", "header1.xml", para("Trang của {ten_xa}"))
	ftr := tmplsrc.Footer("rIdF", "footer1.xml", para("{#ds}{x}{/ds}"))
	tpl := tmplsrc.Build("t", para("Thân")+tmplsrc.Section(false, false, tmplsrc.HeaderRef("default", "rIdH")), hdr, ftr)
	out, _, err := Render(tpl, Data{"ten_xa": "XÃ XỐP", "ds": []Data{}})
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPackage(out); err != nil {
		t.Error(err)
	}
	got := dump(t, out)
	if !strings.Contains(got, "Trang của XÃ XỐP") {
		t.Errorf("header not filled:\n%s", got)
	}
}

func TestTemplateErrors(t *testing.T) {
	type want struct{ part, where, marker, msg string }
	tests := []struct {
		name string
		tpl  []byte
		data Data
		want []want
	}{
		{"unclosed", doc(para("Mở đầu") + para("{#tasks} nhiệm vụ {ten}")),
			Data{"tasks": []Data{{"ten": "a"}}},
			[]want{{"thân văn bản", "đoạn 2", "{#tasks}", "khối {#tasks} chưa được đóng bằng {/tasks}"}}},
		{"close_without_open", doc(para("{/tasks}")), Data{},
			[]want{{"thân văn bản", "đoạn 1", "{/tasks}", "không có dấu mở {#tasks}"}}},
		{"crossed", doc(para("{#a}") + para("{#b}") + para("{/a}") + para("{/b}")), Data{"a": true, "b": true},
			[]want{{"thân văn bản", "đoạn 2", "{#b}", "bị đan chéo với {/a}"}}},
		{"many_at_once", doc(para("{ten_xa") + para("thừa }") + para("{x|la}") + para("{}") + para("{tên}") + para("{#ds}")),
			Data{"x": 1, "ds": []Data{}},
			[]want{
				{"thân văn bản", "đoạn 1", "{", "không có dấu «}» đóng"},
				{"thân văn bản", "đoạn 2", "}", "dấu «}» thừa"},
				{"thân văn bản", "đoạn 3", "{x|la}", "định dạng «la»"},
				{"thân văn bản", "đoạn 4", "{}", "rỗng"},
				{"thân văn bản", "đoạn 5", "{tên}", "không hợp lệ"},
				{"thân văn bản", "đoạn 6", "{#ds}", "chưa được đóng"},
			}},
		{"cell_block_leaves_table", doc(table(row(cell(para("{#ds}{x}")), cell(para("y")))) + para("{/ds}")),
			Data{"ds": []Data{{"x": 1}}},
			[]want{
				{"thân văn bản", "bảng 1, hàng 1, ô 1, đoạn 1", "{#ds}", "chưa được đóng"},
				{"thân văn bản", "đoạn 3", "{/ds}", "không có dấu mở"},
			}},
		{"split_paragraph", doc(para("{#ds}{x}{/ds} và còn nữa")), Data{"ds": []Data{{"x": 1}}},
			[]want{{"thân văn bản", "đoạn 1", "", "một phần đoạn văn nằm trong khối"}}},
		{"unknown_fields", doc(para("{ten_xa} {khong_co}") + para("{#ds}{y} {ten_xa}{/ds}") + para("{ds}") + para("{#khong_co_khoi}{/khong_co_khoi}")),
			Data{"ten_xa": "X", "ds": []Data{{"x": 1}}},
			[]want{
				{"thân văn bản", "đoạn 1", "{khong_co}", "trường {khong_co} không có trong dữ liệu"},
				{"thân văn bản", "đoạn 2", "{y}", "trường {y} không có trong dữ liệu"},
				{"thân văn bản", "đoạn 3", "{ds}", "là một danh sách"},
				{"thân văn bản", "đoạn 4", "{#khong_co_khoi}", "không có dữ liệu «khong_co_khoi»"},
			}},
		{"header_part", tmplsrc.Build("t", para("ok")+tmplsrc.Section(false, false), tmplsrc.Header("rIdH", "header1.xml", para("{#a}"))), Data{"a": true},
			[]want{{"đầu trang 1", "đoạn 1", "{#a}", "chưa được đóng"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Render(tt.tpl, tt.data)
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("got %v, want a *TemplateError", err)
			}
			if len(te.Problems) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(te.Problems), len(tt.want), err)
			}
			for i, w := range tt.want {
				p := te.Problems[i]
				if p.Part != w.part || p.Location != w.where || p.Marker != w.marker || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d = %+v, want %+v", i, p, w)
				}
			}
			if !strings.Contains(err.Error(), "Mẫu báo cáo: thân văn bản") && !strings.Contains(err.Error(), "Mẫu báo cáo: đầu trang") {
				t.Errorf("message lacks its place: %v", err)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	_, _, err := Render(doc(para("{#tasks} nhiệm vụ {ten}")), Data{"tasks": []Data{}})
	want := "Mẫu báo cáo: thân văn bản, đoạn 1 («{#tasks} nhiệm vụ {ten}»): khối {#tasks} chưa được đóng bằng {/tasks}: thêm {/tasks} vào cuối khối (đoạn hoặc hàng bảng cuối cùng được lặp)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestUnusedFieldWarning(t *testing.T) {
	_, warns, err := Render(doc(para("{a}")+para("{#ds}{x}{/ds}")), Data{"a": 1, "b": 2, "ds": []Data{{"x": 1, "y": 2}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Mẫu báo cáo: trường «b» có trong dữ liệu nhưng mẫu không dùng",
		"Mẫu báo cáo: trường «ds.y» có trong dữ liệu nhưng mẫu không dùng",
	}
	if strings.Join(warns, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings = %q, want %q", warns, want)
	}
}

// TestNotADocx: a file that is no Word document says what it is instead,
// and what to do.
func TestNotADocx(t *testing.T) {
	zipOf := func(names ...string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("<x/>"))
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "không phải là văn bản Word .docx"},
		{"text", []byte("hello"), "không phải là văn bản Word .docx"},
		{"cut short", tmplsrc.Build("t", "")[:100], "không phải là văn bản Word .docx"},
		{"an Excel workbook renamed", zipOf("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "đây là bảng tính Excel"},
		{"a PowerPoint file", zipOf("ppt/presentation.xml"), "đây là tệp PowerPoint"},
		{"some other zip", zipOf("a.txt"), "không có phần nội dung của văn bản Word"},
	} {
		_, _, err := Render(tt.data, Data{})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), ".docx") {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestFields(t *testing.T) {
	fields, err := Fields(doc(para("{ten_xa|hoa} {ngay|ngay}") + para("{#phan}{so}") + para("{?co}{#nhiem_vu}{ma|so}{/nhiem_vu}{/co}") + para("{/phan}")))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fields {
		got = append(got, f.Name+" "+string(f.Kind)+" "+strings.Join(f.Formatters, ","))
	}
	want := []string{"ten_xa trường hoa", "ngay trường ngay", "phan khối lặp ", "phan.so trường ", "phan.co khối điều kiện ", "phan.nhiem_vu khối lặp ", "phan.nhiem_vu.ma trường so"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCommittedTemplates checks that templates/*.docx are what their source
// produces (go run ./cmd/gentemplates rebuilds them), that they are
// well-formed, and that they use every field of the data model.
func TestCommittedTemplates(t *testing.T) {
	for name, want := range tmplsrc.Templates() {
		got := readTemplate(t, name)
		if !bytes.Equal(got, want) {
			t.Errorf("templates/%s is not what internal/render/tmplsrc produces: run go run ./cmd/gentemplates", name)
		}
		if err := CheckPackage(got); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestRealTemplatesGolden(t *testing.T) {
	for _, tc := range []struct {
		file string
		data Data
	}{{"bao-cao.docx", sampleReport()}, {"don-doc.docx", sampleReminder()}} {
		out, warns, err := Render(readTemplate(t, tc.file), tc.data)
		if err != nil {
			t.Fatal(err)
		}
		if len(warns) > 0 {
			t.Errorf("%s: %q", tc.file, warns)
		}
		golden(t, strings.TrimSuffix(tc.file, ".docx"), dump(t, out))
	}
}

func TestFormatterWarning(t *testing.T) {
	out, warns, err := Render(doc(para("{#ds}{x|so} {d|ngay}{/ds}")), Data{"ds": []Data{{"x": "nhiều", "d": "sắp tới"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 2 || !strings.Contains(warns[0], "không phải là") {
		t.Errorf("warnings = %q", warns)
	}
	if got := dump(t, out); !strings.Contains(got, "nhiều sắp tới") {
		t.Errorf("the text should stay as given:\n%s", got)
	}
}

// A Note in a number's place says why there is no figure: printed as it
// is, with no warning.
func TestNoteInNumberPlace(t *testing.T) {
	out, warns, err := Render(doc(para("{#ds}{x|so}; {/ds}")), Data{"ds": []Data{{"x": Note("chưa đủ số liệu (thiếu quý III)")}, {"x": 1234.5}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings = %q", warns)
	}
	if got := dump(t, out); !strings.Contains(got, "chưa đủ số liệu (thiếu quý III); \n¶ 1.234,5; ") {
		t.Errorf("got:\n%s", got)
	}
}

// CheckPackage finds what Word refuses: each case is a document with one
// such mistake, and a well-formed one passes.
func TestCheckPackageFindsWhatWordRefuses(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"well formed", para("a") + table(row(cell(para("b")), cell(para("c")))) + para(""), ""},
		{"table without rows", `<w:tbl><w:tblPr/><w:tblGrid/></w:tbl>` + para(""), "table without rows"},
		{"row without cells", table(`<w:tr></w:tr>`) + para(""), "row without cells"},
		{"cell without paragraph", table(row(`<w:tc><w:tcPr/></w:tc>`)) + para(""), "does not end with a paragraph"},
		{"outer spaces", `<w:p><w:r><w:t> a </w:t></w:r></w:p>`, "lacks xml:space"},
		{"run properties after text", `<w:p><w:r><w:t>a</w:t><w:rPr/></w:r></w:p>`, "comes after a later sibling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPackage(doc(tt.body))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("well-formed document refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
		})
	}
}

// withParts rewrites a template: parts replaced or added by name.
func withParts(t *testing.T, template []byte, parts map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	for name, body := range parts {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// A macro-enabled template (.docm, .dotm) is refused, so that its macros
// never reach the report; an XML part that cannot be read is told in
// Vietnamese, never in the parser's English.
func TestMacrosAndBrokenXMLRefused(t *testing.T) {
	base := doc(para("Xin chào {ten}"))
	zr, _ := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	var types string
	for _, f := range zr.File {
		if f.Name == "[Content_Types].xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			types = string(b)
		}
	}
	docm := strings.Replace(types, "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml", 1)
	if docm == types {
		t.Fatalf("no main part in %s", types)
	}
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"docm", withParts(t, base, map[string]string{"[Content_Types].xml": docm, "word/vbaProject.bin": "VBA"}), "tệp có macro (.docm, .dotm): chương trình không dùng mẫu có macro"},
		{"dotm content type only", withParts(t, base, map[string]string{"[Content_Types].xml": strings.Replace(types, "wordprocessingml.document.main+xml", "ms-word.template.macroEnabledTemplate.main+xml", 1)}), "tệp có macro"},
		{"VBA part only", withParts(t, base, map[string]string{"word/vbaProject.bin": "VBA"}), "tệp có macro"},
		{"billion laughs", withParts(t, base, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`}), "nội dung XML có thực thể (entity) lạ"},
		{"cut XML", withParts(t, base, map[string]string{"word/document.xml": `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>`}), "nội dung XML"},
	} {
		_, err := Compile(tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
			continue
		}
		for _, raw := range []string{"XML syntax", "EOF", "entity &", "unexpected"} {
			if strings.Contains(err.Error(), raw) {
				t.Errorf("%s: library text reached the user: %v", tt.name, err)
			}
		}
	}
	if _, err := Compile(base); err != nil {
		t.Errorf("the plain template: %v", err)
	}
}
