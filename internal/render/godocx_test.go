package render

import (
	"bytes"
	"testing"
)

// TestGoDocxFillsFreeFields checks that go-docx, not only our fallback,
// fills the placeholders outside blocks of the real template, that it keeps
// braces of values away from our pass, and leaves block fields alone.
func TestGoDocxFillsFreeFields(t *testing.T) {
	files := unzip(t, readTemplate(t, "bao-cao.docx"))
	src := files["word/document.xml"]
	prog, problems := compilePart(src, "thân văn bản")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	data := sampleReport()
	data["ten_xa"] = "XÃ {X}"
	x := &execer{}
	repl := freeFields(prog, data, '\uE000', '\uE001', x)
	for _, k := range []string{"{co_quan}", "{ten_xa}", "{ngay_bao_cao|ngay}", "{trich_yeu}"} {
		if _, ok := repl[k]; !ok {
			t.Errorf("go-docx is not given %s", k)
		}
	}
	for _, k := range []string{"{noi_dung}", "{stt}", "{don_vi}"} {
		if _, ok := repl[k]; ok {
			t.Errorf("go-docx is given the block field %s", k)
		}
	}
	out, err := goDocxReplace(src, repl)
	if err != nil {
		t.Fatalf("go-docx failed on our own template: %v", err)
	}
	if bytes.Contains(out, []byte("{co_quan}")) || !bytes.Contains(out, []byte("XÃ \uE000X\uE001")) {
		t.Errorf("go-docx did not fill the free fields")
	}
	if !bytes.Contains(out, []byte("{#muc}")) {
		t.Errorf("go-docx touched the blocks")
	}
}
