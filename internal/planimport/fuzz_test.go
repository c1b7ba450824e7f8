package planimport

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"baocao/internal/planimport/appendixtest"
)

// documentXML takes word/document.xml out of a .docx.
func documentXML(t testing.TB, docx []byte) []byte {
	z, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatal("no document.xml")
	return nil
}

// FuzzReadTable feeds the table reader any word/document.xml: it must
// never panic, and whatever it imports must either load or have its
// remaining mistakes in the review list; every row of the table after the
// header is imported, joined to a row above, or named in the review.
func FuzzReadTable(f *testing.F) {
	f.Add(documentXML(f, appendixtest.Docx(appendixtest.Second())))
	small := appendixtest.Doc{Tables: []appendixtest.Table{{Widths: []int{500, 3000, 2000, 2000}, Rows: []appendixtest.Row{
		{Cells: []appendixtest.Cell{appendixtest.Text("STT"), appendixtest.Text("Nội dung"), appendixtest.Text("Chủ trì"), appendixtest.Text("Thời gian")}},
		{Cells: []appendixtest.Cell{appendixtest.Text("I"), {Paras: []appendixtest.Para{{Text: "Phần một"}}, Span: 3}}},
		{Cells: []appendixtest.Cell{appendixtest.Text("1"), appendixtest.Text("Việc một"), {Paras: []appendixtest.Para{{Text: "Phòng Kinh tế"}}, VMerge: "restart"}, appendixtest.Text("Quý I")}},
		{Cells: []appendixtest.Cell{appendixtest.Text("a"), appendixtest.Text("Việc a"), {VMerge: "continue"}, appendixtest.Text("")}},
		{Cells: []appendixtest.Cell{appendixtest.Text(""), appendixtest.Text("tiếp theo"), appendixtest.Text("xã"), appendixtest.Text("")}},
	}}}}
	f.Add(documentXML(f, appendixtest.Docx(small)))
	f.Add([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="99999999"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Add([]byte(`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parseDocumentXML(data)
		if err != nil {
			return
		}
		res, err := build("f.docx", doc)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("not an *Error: %v", err)
			}
			return
		}
		if res.Problems > 0 && !strings.Contains(res.Review, topicTitles[topicCheck]) {
			t.Fatalf("%d problems left but the review does not list them:\n%s", res.Problems, res.Review)
		}
		if res.Problems == 0 {
			load(t, res)
		}
		a, _ := readAppendix(doc)
		accounted(t, doc, a, res)
	})
}

// accounted checks that no row with text of its own was dropped without
// a word: every one became a section, an item, part of the row above, or
// an entry of the review list naming its row (a repeated header and the
// numbering row aside).
func accounted(t *testing.T, doc *document, a *appendix, res *Result) {
	for _, o := range a.outcomes {
		switch o.out {
		case outBlank:
			for _, c := range o.row.cells {
				if !c.merged && c.text() != "" && a.layout.fields(o.row).cell[colSTT] != c {
					// text outside the appendix's columns is not read
					inColumns := false
					for k := colContent; k < numColumns; k++ {
						inColumns = inColumns || a.layout.fields(o.row).cell[k] == c
					}
					if inColumns {
						t.Fatalf("%s: text %q dropped", o.row.place, c.text())
					}
				}
			}
		case outNoted:
			if !strings.Contains(res.Review, o.row.place+":") {
				t.Fatalf("%s: left out, but the review does not name it:\n%s", o.row.place, res.Review)
			}
		}
	}
}

func TestFuzzSeeds(t *testing.T) {
	// The seed appendix goes through the same checks as fuzzed input.
	doc, err := parseDocumentXML(documentXML(t, appendixtest.Docx(seedDoc(t))))
	if err != nil {
		t.Fatal(err)
	}
	res, err := build("f.docx", doc)
	if err != nil || res.Problems != 0 {
		t.Fatalf("%v %v", err, res)
	}
}
