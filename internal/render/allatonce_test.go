package render

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"baocao/internal/render/tmplsrc"
)

// fields is a small vocabulary like the report's.
var fields = []Spec{
	{Name: "ten_xa", Kind: SpecText},
	{Name: "ngay_bao_cao", Kind: SpecDate},
	{Name: "so_don_vi", Kind: SpecNumber},
	{Name: "co_ton_tai", Kind: SpecBool},
	{Name: "phan", Kind: SpecList, Fields: []Spec{
		{Name: "ten", Kind: SpecText},
		{Name: "nhiem_vu", Kind: SpecList, Fields: []Spec{{Name: "ma", Kind: SpecText}, {Name: "noi_dung", Kind: SpecText}}},
	}},
	{Name: "phu_luc", Kind: SpecList, Fields: []Spec{{Name: "stt", Kind: SpecText}, {Name: "noi_dung", Kind: SpecText}}},
}

// Every mistake of a template comes back from one CompileFor, each with
// its place, in document order: one of syntax never hides one of names.
func TestEveryMistakeAtOnce(t *testing.T) {
	type want struct{ part, where, marker, msg string }
	tests := []struct {
		name string
		tpl  []byte
		want []want
	}{
		{"formatter_and_unknown_field", doc(para("Ngày {ngay_bao_cao|ngayy}") + para("Xã {ten_xaa}")),
			[]want{
				{"thân văn bản", "đoạn 1", "{ngay_bao_cao|ngayy}", "có phải {ngay_bao_cao|ngay}?"},
				{"thân văn bản", "đoạn 2", "{ten_xaa}", "có phải {ten_xa}?"},
			}},
		{"split_across_runs", doc(para("Xã {ten_", "xaa} ngày {ngay_bao", "_cao|ngayy}") + para("{", "ten_xa")),
			[]want{
				{"thân văn bản", "đoạn 1", "{ten_xaa}", "không có trong dữ liệu"},
				{"thân văn bản", "đoạn 1", "{ngay_bao_cao|ngayy}", "định dạng «ngayy»"},
				{"thân văn bản", "đoạn 2", "{", "không có dấu «}» đóng"},
			}},
		{"stray_brace_then_names", doc(para("{ten_xa {so_don_vi}") + para("thừa }") + para("{khong_co}")),
			[]want{
				{"thân văn bản", "đoạn 1", "{ten_xa ", "trước dấu «{» tiếp theo"},
				{"thân văn bản", "đoạn 2", "}", "dấu «}» thừa ở «thừa }»"},
				{"thân văn bản", "đoạn 3", "{khong_co}", "sửa tên theo danh sách trường"},
			}},
		{"crossed_block_keeps_its_scope", doc(para("{#phan}{ten}") + para("{#nhiem_vu}{ma} {noi_dungg}") + para("{/phan}")),
			[]want{
				{"thân văn bản", "đoạn 2", "{#nhiem_vu}", "hãy chuyển {/nhiem_vu} lên trước {/phan}"},
				{"thân văn bản", "đoạn 2", "{noi_dungg}", "có phải {noi_dung}?"},
			}},
		{"unclosed_block_keeps_its_scope", doc(para("{#phan}{ten}") + para("{#nhiem_vu}{ma} {noi_dungg}")),
			[]want{
				{"thân văn bản", "đoạn 1", "{#phan}", "chưa được đóng"},
				{"thân văn bản", "đoạn 2", "{#nhiem_vu}", "chưa được đóng"},
				{"thân văn bản", "đoạn 2", "{noi_dungg}", "có phải {noi_dung}?"},
			}},
		{"crossed_blocks_once", doc(para("{#phan}") + para("{#nhiem_vu}{ma}") + para("{/phan}") + para("{/nhiem_vu}") + para("{ma}")),
			[]want{
				{"thân văn bản", "đoạn 2", "{#nhiem_vu}", "hãy chuyển {/nhiem_vu} lên trước {/phan}"},
				{"thân văn bản", "đoạn 5", "{ma}", "chỉ dùng được giữa {#phan} {#nhiem_vu} và {/nhiem_vu} {/phan}"},
			}},
		{"table_cells", doc(table(row(cell(para("{#phu_luc}{stt}")), cell(para("{noi_dung|so:x}")))) + para("{/phu_luc}") + para("{ten_xa|ngay}")),
			[]want{
				{"thân văn bản", "bảng 1, hàng 1, ô 1, đoạn 1", "{#phu_luc}", "chưa được đóng"},
				{"thân văn bản", "bảng 1, hàng 1, ô 2, đoạn 2", "{noi_dung|so:x}", "số chữ số lẻ «x»"},
				{"thân văn bản", "đoạn 3", "{/phu_luc}", "không có dấu mở"},
				{"thân văn bản", "đoạn 4", "{ten_xa|ngay}", "còn ten_xa là chữ"},
			}},
		{"names_and_syntax_mixed", doc(para("{tên xã}") + para("{}") + para("{phan}") + para("{#khong_co}{/khong_co}") + para("{co_ton_tai|ngay:2}")),
			[]want{
				{"thân văn bản", "đoạn 1", "{tên xã}", "viết {ten_xa}"},
				{"thân văn bản", "đoạn 2", "{}", "rỗng"},
				{"thân văn bản", "đoạn 3", "{phan}", "là một danh sách"},
				{"thân văn bản", "đoạn 4", "{#khong_co}", "không có dữ liệu «khong_co»"},
				{"thân văn bản", "đoạn 5", "{co_ton_tai|ngay:2}", "không nhận «:2»"},
			}},
		{"header_and_body", tmplsrc.Build("t", para("{ten_xaa}")+tmplsrc.Section(false, false), tmplsrc.Header("rIdH", "header1.xml", para("{#phan}"))),
			[]want{
				{"thân văn bản", "đoạn 1", "{ten_xaa}", "có phải {ten_xa}?"},
				{"đầu trang 1", "đoạn 1", "{#phan}", "chưa được đóng"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CompileFor(tt.tpl, fields)
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
					t.Errorf("problem %d = %+v\nwant %+v", i, p, w)
				}
				if strings.Contains(p.Message, "docs/") || strings.Contains(p.Message, ".md") {
					t.Errorf("problem %d points to a file of the source tree: %s", i, p.Message)
				}
			}
		})
	}
}

// The whole message of a template with mistakes of every kind, as a
// clerk reads it.
func TestEveryMistakeGolden(t *testing.T) {
	tpl := doc(para("Ngày {ngay_bao_", "cao|ngayy}") + para("{ten_xaa}, {so_don_vi") + para("{#phan}{ten}") +
		table(row(cell(para("{#phu_luc}{stt}")), cell(para("{noi_dung}{/phu_luc}")))) + para("{noi_dung}") +
		para("Một đoạn rất dài để thấy chỗ sai vẫn hiện ra trong phần trích dù nó nằm ở cuối đoạn {ma}"))
	_, err := CompileFor(tpl, fields)
	if err == nil {
		t.Fatal("no error")
	}
	golden(t, "every-mistake", err.Error()+"\n")
}

// Without fields, CompileFor checks the syntax alone, as Compile does;
// Render checks the names against the data too, with the syntax.
func TestRenderReportsSyntaxAndNames(t *testing.T) {
	tpl := doc(para("{ten_xa|ngayy}") + para("{khong_co}"))
	if _, err := Compile(tpl); err == nil || strings.Contains(err.Error(), "khong_co") {
		t.Errorf("Compile: %v", err)
	}
	_, _, err := Render(tpl, Data{"ten_xa": "X"})
	var te *TemplateError
	if !errors.As(err, &te) || len(te.Problems) != 2 {
		t.Fatalf("Render: %v", err)
	}
}

// FuzzCompileFor puts random text into a template, once in one run and
// once split across runs: CompileFor never panics, every problem is
// located and worded, and where Word splits the text never changes what
// is found.
func FuzzCompileFor(f *testing.F) {
	for _, s := range []string{"{ten_xa}", "{ngay_bao_cao|ngayy}", "{#phan}{ten}", "{/phan}", "{{}}", "{ten_xa", "}{", "{tên}", "{x|so:9}", "{#phan}{#nhiem_vu}{/phan}{/nhiem_vu}", "{phan.ten}", "{?co_ton_tai}{^co_ton_tai}"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		if !utf8.ValidString(s) {
			return
		}
		runes := []rune(s)
		if cut < 0 {
			cut = -cut
		}
		if len(runes) > 0 {
			cut %= len(runes) + 1
		} else {
			cut = 0
		}
		whole := doc(para(s) + table(row(cell(para(s)), cell(para("x")))))
		split := doc(para(string(runes[:cut]), string(runes[cut:])) + table(row(cell(para(string(runes[:cut]), string(runes[cut:]))), cell(para("x")))))
		_, errWhole := CompileFor(whole, fields)
		_, errSplit := CompileFor(split, fields)
		if (errWhole == nil) != (errSplit == nil) || errWhole != nil && errWhole.Error() != errSplit.Error() {
			t.Fatalf("splitting the runs changed the result:\n%v\n---\n%v", errWhole, errSplit)
		}
		var te *TemplateError
		if errWhole != nil && !errors.As(errWhole, &te) {
			if strings.Contains(errWhole.Error(), "bất ngờ") {
				t.Fatalf("CompileFor panicked: %v", errWhole)
			}
			return
		}
		if te != nil {
			for _, p := range te.Problems {
				if p.Part == "" || p.Location == "" || p.Message == "" {
					t.Fatalf("a problem without its place or message: %+v", p)
				}
			}
		}
	})
}

// A document with no field is refused as a template, said of the whole
// template; one field is enough to be taken.
func TestTemplateWithoutFields(t *testing.T) {
	_, err := CompileFor(doc(para("BÁO CÁO")+para("Kết quả thực hiện.")), fields)
	var te *TemplateError
	if !errors.As(err, &te) || len(te.Problems) != 1 || !strings.Contains(te.Problems[0].Message, "không có trường nào") {
		t.Fatalf("a template without fields: %v, want one problem «không có trường nào»", err)
	}
	if got := err.Error(); !strings.HasPrefix(got, "Mẫu báo cáo: toàn bộ mẫu: ") {
		t.Errorf("message %q, want it placed on the whole template", got)
	}
	if _, err := CompileFor(doc(para("BÁO CÁO")+para("Xã {ten_xa}")), fields); err != nil {
		t.Errorf("a template with one field: %v", err)
	}
	if _, err := Compile(doc(para("BÁO CÁO"))); err != nil {
		t.Errorf("Compile (syntax alone) of a text without fields: %v", err)
	}
}
