package render

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRender fills the real report template with random strings: Render
// must not panic, and its output must be a zip whose document.xml parses
// and holds the value verbatim.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"", "<&\"'>", "{so_ky_hieu}", "{#phan}", "  a\nb\tc  ", "\x00\x1f\uFFFE", "\xff\xfe", "\uE000\uE001{", "}}{{", "Pho\u0300ng"} {
		f.Add(s, s)
	}
	tpl := readTemplate(f, "bao-cao.docx")
	f.Fuzz(func(t *testing.T, a, b string) {
		data := sampleReport()
		data["ten_xa"] = a
		data["ky"] = b
		data["nguoi_ky"] = a + b
		data["phu_luc"] = []Data{{"stt": a, "noi_dung": b, "ten_ngan": b, "chu_tri": a, "ket_qua": b, "san_pham": "", "tinh_trang": a, "ghi_chu": b, "vua_trang": len(a) < 50}}
		out, _, err := Render(tpl, data)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		files := unzip(t, out)
		d := xml.NewDecoder(strings.NewReader(string(files["word/document.xml"])))
		var text strings.Builder
		inT := false
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("document.xml does not parse: %v", err)
			}
			switch x := tok.(type) {
			case xml.StartElement:
				inT = x.Name.Local == "t"
			case xml.EndElement:
				inT = false
			case xml.CharData:
				if inT {
					text.Write(x)
				}
			}
		}
		// a value free of what we clean (control characters, invalid UTF-8,
		// line breaks, tabs) comes back verbatim
		if utf8.ValidString(b) && !strings.ContainsFunc(b, func(r rune) bool { return r < 0x20 || r == 0xFFFE || r == 0xFFFF }) &&
			cleanValue(b) == b && !strings.Contains(text.String(), strings.ToUpper(b)) && !strings.Contains(text.String(), b) {
			t.Errorf("value %q is not in the document", b)
		}
	})
}

// FuzzTemplate puts random text (markers, braces, anything) into the
// paragraphs and a table cell of a template: Render and Fields must never
// panic, and what Render returns without error is a well-formed package.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{"{#ds}", "{/ds}", "{x}{#ds}{y}{/ds}", "{?c}{^c}{/c}", "{{}}", "{#ds}{/x}", "{x|so:9}", "{.}"} {
		f.Add(s, "{x}", "{/ds}")
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		if !utf8.ValidString(a + b + c) {
			return
		}
		tpl := doc(para(a) + para(b, c) + table(row(cell(para(a)), cell(para(c)))) + para(c))
		data := Data{"x": 1, "y": "<&>", "c": true, "ds": []Data{{"x": 2, "y": "{x}"}, {"x": 3}}}
		out, _, err := Render(tpl, data)
		Fields(tpl)
		if err != nil {
			return
		}
		if err := CheckPackage(out); err != nil {
			t.Fatalf("Render made a broken package: %v", err)
		}
	})
}
