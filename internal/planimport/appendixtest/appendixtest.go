// Package appendixtest writes appendix tables as a commune office has them,
// a Word document (.docx) or a workbook (.xlsx), for the tests of the
// importer and of the whole cycle: the seed appendix of Xốp commune rebuilt
// from its text as extracted from the PDF, and a second appendix shaped
// otherwise.
package appendixtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// Doc is a document with an appendix: paragraphs above the table, then the
// table (one or several, as when a table is split at a page).
type Doc struct {
	Before []string
	Tables []Table
}

// Table is a table with the widths of its grid columns (twips).
type Table struct {
	Widths []int
	Rows   []Row
}

// Row is a table row.
type Row struct {
	Cells []Cell
}

// Cell is a cell: its paragraphs, how many grid columns it spans, and
// whether it starts or continues a vertical merge.
type Cell struct {
	Paras  []Para
	Span   int
	VMerge string // "", "restart" or "continue"
}

// Para is a paragraph of a cell.
type Para struct {
	Text   string
	Bullet bool // a Word list item (numbering), its dash not typed
	NFD    bool // typed decomposed, as some keyboard tools do
}

// Text is a cell of plain paragraphs.
func Text(paras ...string) Cell {
	c := Cell{}
	for _, p := range paras {
		c.Paras = append(c.Paras, Para{Text: p})
	}
	return c
}

// Docx writes d as a .docx file. Every paragraph is cut into several runs,
// some in the middle of a word and some bold, as Word leaves text after
// edits.
func Docx(d Doc) []byte {
	var body strings.Builder
	for _, p := range d.Before {
		body.WriteString(paragraph(Para{Text: p}, true))
	}
	for _, t := range d.Tables {
		body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(&body, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		body.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
		for _, w := range t.Widths {
			fmt.Fprintf(&body, `<w:gridCol w:w="%d"/>`, w)
		}
		body.WriteString(`</w:tblGrid>`)
		for _, r := range t.Rows {
			body.WriteString(`<w:tr>`)
			col := 0
			for _, c := range r.Cells {
				span := max(c.Span, 1)
				width := 0
				for i := col; i < col+span && i < len(t.Widths); i++ {
					width += t.Widths[i]
				}
				col += span
				fmt.Fprintf(&body, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
				if span > 1 {
					fmt.Fprintf(&body, `<w:gridSpan w:val="%d"/>`, span)
				}
				switch c.VMerge {
				case "restart":
					body.WriteString(`<w:vMerge w:val="restart"/>`)
				case "continue":
					body.WriteString(`<w:vMerge/>`)
				}
				body.WriteString(`</w:tcPr>`)
				if len(c.Paras) == 0 || c.VMerge == "continue" {
					body.WriteString(`<w:p/>`)
				}
				if c.VMerge != "continue" {
					for _, p := range c.Paras {
						body.WriteString(paragraph(p, false))
					}
				}
				body.WriteString(`</w:tc>`)
			}
			body.WriteString(`</w:tr>`)
		}
		body.WriteString(`</w:tbl>`)
	}
	body.WriteString(`<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1134" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)

	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`},
		{"word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body.String() + `</w:body></w:document>`},
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, f := range files {
		w, _ := z.Create(f.name)
		w.Write([]byte(f.data))
	}
	z.Close()
	return buf.Bytes()
}

// paragraph writes a paragraph in runs of about a dozen characters, every
// other one bold.
func paragraph(p Para, centred bool) string {
	var b strings.Builder
	b.WriteString(`<w:p>`)
	if p.Bullet || centred {
		b.WriteString(`<w:pPr>`)
		if p.Bullet {
			b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
		}
		if centred {
			b.WriteString(`<w:jc w:val="center"/>`)
		}
		b.WriteString(`</w:pPr>`)
	}
	text := p.Text
	if p.NFD {
		text = norm.NFD.String(text)
	}
	for i, run := range cut(text, 11) {
		b.WriteString(`<w:r>`)
		if i%2 == 1 {
			b.WriteString(`<w:rPr><w:b/></w:rPr>`)
		}
		fmt.Fprintf(&b, `<w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(run))
	}
	b.WriteString(`</w:p>`)
	return b.String()
}

// cut splits s into pieces of n runes (the last shorter).
func cut(s string, n int) []string {
	var out []string
	for s != "" {
		i, count := 0, 0
		for i < len(s) && count < n {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			count++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

// Xlsx writes d as a workbook: the paragraphs above the table in the first
// rows, the table under them, cells spanning columns or rows merged, a
// cell's paragraphs as lines, a list item led by "- ".
func Xlsx(d Doc, sheet string) []byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	row := 1
	width := 0
	for _, t := range d.Tables {
		width = max(width, len(t.Widths))
	}
	last, _ := excelize.ColumnNumberToName(max(width, 1))
	for _, p := range d.Before {
		f.SetCellStr(sheet, fmt.Sprintf("A%d", row), p)
		f.MergeCell(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row))
		row++
	}
	row++
	// vertical merges: column -> the row they start on
	for _, t := range d.Tables {
		open := map[int]int{}
		spans := map[int]int{}
		for _, r := range t.Rows {
			col := 1
			for _, c := range r.Cells {
				span := max(c.Span, 1)
				name, _ := excelize.CoordinatesToCellName(col, row)
				if c.VMerge == "continue" {
					if start, ok := open[col]; ok {
						from, _ := excelize.CoordinatesToCellName(col, start)
						to, _ := excelize.CoordinatesToCellName(col+spans[col]-1, row)
						f.MergeCell(sheet, from, to)
					}
					col += span
					continue
				}
				var lines []string
				for _, p := range c.Paras {
					t := p.Text
					if p.NFD {
						t = norm.NFD.String(t)
					}
					if p.Bullet {
						t = "- " + t
					}
					lines = append(lines, t)
				}
				if len(lines) > 0 {
					f.SetCellStr(sheet, name, strings.Join(lines, "\n"))
				}
				if span > 1 {
					to, _ := excelize.CoordinatesToCellName(col+span-1, row)
					f.MergeCell(sheet, name, to)
				}
				if c.VMerge == "restart" {
					open[col], spans[col] = row, span
				} else {
					delete(open, col)
				}
				col += span
			}
			row++
		}
	}
	var buf bytes.Buffer
	f.Write(&buf)
	return buf.Bytes()
}
