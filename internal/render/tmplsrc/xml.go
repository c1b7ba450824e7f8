package tmplsrc

import (
	"fmt"
	"strings"
)

// R is a run's formatting.
type R struct {
	Bold, Italic bool
	Size         int // half-points; 0 keeps the style's
}

func (r R) xml() string {
	var b strings.Builder
	if r.Bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		b.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.Size > 0 {
		fmt.Fprintf(&b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.Size, r.Size)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

// Run is one run of text; "\n" in text becomes a line break.
func Run(f R, text string) string {
	var b strings.Builder
	b.WriteString("<w:r>" + f.xml())
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		b.WriteString(`<w:t xml:space="preserve">` + escape(line) + `</w:t>`)
	}
	b.WriteString("</w:r>")
	return b.String()
}

// P is a paragraph's formatting (written in the schema's pPr order).
type P struct {
	Style           string
	KeepNext        bool
	BorderBottom    bool
	Before, After   int // twips; -1 keeps the style's
	Left, Right     int // indents in twips
	FirstLine       int // -1 keeps the style's
	Jc              string
	Sect            string // a section's properties ending here
	Run             R      // the paragraph mark's run formatting
	SetBeforeAfter  bool
	SetIndentations bool
}

func (p P) xml() string {
	var b strings.Builder
	if p.Style != "" {
		fmt.Fprintf(&b, `<w:pStyle w:val="%s"/>`, p.Style)
	}
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.BorderBottom {
		b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`)
	}
	if p.SetBeforeAfter {
		fmt.Fprintf(&b, `<w:spacing w:before="%d" w:after="%d"/>`, p.Before, p.After)
	}
	if p.SetIndentations {
		fmt.Fprintf(&b, `<w:ind w:left="%d" w:right="%d" w:firstLine="%d"/>`, p.Left, p.Right, max(p.FirstLine, 0))
	}
	if p.Jc != "" {
		fmt.Fprintf(&b, `<w:jc w:val="%s"/>`, p.Jc)
	}
	b.WriteString(p.Run.xml())
	b.WriteString(p.Sect)
	if b.Len() == 0 {
		return ""
	}
	return "<w:pPr>" + b.String() + "</w:pPr>"
}

// Para is a paragraph of runs.
func Para(p P, runs ...string) string {
	return "<w:p>" + p.xml() + strings.Join(runs, "") + "</w:p>"
}

// Text is a paragraph of one run.
func Text(p P, f R, text string) string {
	if text == "" {
		if p.Run == (R{}) {
			p.Run = f
		}
		return Para(p)
	}
	return Para(p, Run(f, text))
}

// Cell is a table cell of the given width (twips) holding block content.
func Cell(width int, borders bool, content string) string {
	tcPr := fmt.Sprintf(`<w:tcW w:w="%d" w:type="dxa"/>`, width)
	if !borders {
		tcPr += `<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>`
	}
	return "<w:tc><w:tcPr>" + tcPr + "</w:tcPr>" + content + "</w:tc>"
}

// Row is a table row; header rows repeat on every page and never split.
// Other rows may break across pages: a long row kept whole leaves half a
// page empty before it.
func Row(header bool, cells ...string) string {
	trPr := ""
	if header {
		trPr = `<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`
	}
	return "<w:tr>" + trPr + strings.Join(cells, "") + "</w:tr>"
}

// KeptRow is a table row that never breaks across pages: the header
// block, the signature and its recipients.
func KeptRow(cells ...string) string {
	return "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + strings.Join(cells, "") + "</w:tr>"
}

// Table is a table with fixed column widths; bordered draws single lines.
func Table(bordered bool, widths []int, rows ...string) string {
	total := 0
	grid := ""
	for _, w := range widths {
		total += w
		grid += fmt.Sprintf(`<w:gridCol w:w="%d"/>`, w)
	}
	borders := `<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>`
	if bordered {
		borders = `<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
			`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
			`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>`
	}
	return fmt.Sprintf(`<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>%s<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>%s</w:tblGrid>`, total, borders, grid) +
		strings.Join(rows, "") + "</w:tbl>"
}

// Section is a sectPr: A4 portrait or landscape with the margins of Decree
// 30/2020 (top and bottom 20 mm, left 30 mm, right 15 mm; landscape turns
// them with the page), headers by relationship id.
func Section(landscape, titlePage bool, headers ...string) string {
	var b strings.Builder
	b.WriteString("<w:sectPr>")
	for _, h := range headers {
		b.WriteString(h)
	}
	if landscape {
		b.WriteString(`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>`)
	} else {
		b.WriteString(`<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>`)
	}
	if titlePage {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
	return b.String()
}

// HeaderRef refers to a header part from a sectPr ("default" or "first").
func HeaderRef(kind, id string) string {
	return fmt.Sprintf(`<w:headerReference w:type="%s" r:id="%s"/>`, kind, id)
}

// PageNumber is a centred paragraph holding the PAGE field.
func PageNumber() string {
	return Para(P{Style: "Plain", Jc: "center"},
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`,
		`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`,
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`,
		`<w:r><w:t>2</w:t></w:r>`,
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
}
