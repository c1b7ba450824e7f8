package planimport

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxPartSize caps word/document.xml once unzipped: an appendix of a few
// hundred rows is well under a megabyte.
const maxPartSize = 64 << 20

// The WordprocessingML namespaces, transitional and strict.
var wordNS = map[string]bool{
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main": true,
	"http://purl.oclc.org/ooxml/wordprocessingml/main":             true,
}

// errNoDocument: the zip holds no word/document.xml.
var errNoDocument = errors.New("no word/document.xml")

// readDocx reads the tables and paragraphs of a .docx file.
func readDocx(data []byte) (*document, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		if f.UncompressedSize64 > maxPartSize {
			return nil, fmt.Errorf("word/document.xml declares %d bytes", f.UncompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		xmlData, err := io.ReadAll(io.LimitReader(rc, maxPartSize+1))
		if err != nil {
			return nil, err
		}
		if len(xmlData) > maxPartSize {
			return nil, fmt.Errorf("word/document.xml is larger than %d bytes", maxPartSize)
		}
		return parseDocumentXML(xmlData)
	}
	return nil, errNoDocument
}

// docxParser walks document.xml once, token by token.
type docxParser struct {
	doc *document

	tblDepth int // tables open; cells of nested tables belong to the outer cell
	skip     int // depth inside parts whose text is not the document's (text boxes, fallbacks)
	tbl      *table
	row      *row
	nextCol  int
	cell     *cell
	inPara   bool
	inPPr    bool
	inText   bool
	para     strings.Builder
	bullet   bool
	tables   int
}

// parseDocumentXML reads word/document.xml. It never panics: malformed XML
// ends the reading with an error, keeping nothing.
func parseDocumentXML(data []byte) (*document, error) {
	p := &docxParser{doc: &document{kind: "tệp Word"}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.start(t)
		case xml.EndElement:
			p.end(t)
		case xml.CharData:
			if p.inText && p.skip == 0 {
				p.para.Write(t)
			}
		}
	}
	if p.tbl != nil { // a table left open by a truncated file
		p.closeTable()
	}
	return p.doc, nil
}

func isWord(n xml.Name, local string) bool {
	return n.Local == local && (wordNS[n.Space] || n.Space == "")
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func intAttr(e xml.StartElement, local string, def int) int {
	v, ok := attr(e, local)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return def
	}
	return n
}

func (p *docxParser) start(e xml.StartElement) {
	if p.skip > 0 {
		p.skip++
		return
	}
	switch {
	case e.Name.Local == "txbxContent", e.Name.Local == "Fallback", isWord(e.Name, "del"):
		// text boxes float outside the flow; a fallback repeats its
		// choice; deleted revisions are gone
		p.skip = 1
	case isWord(e.Name, "tbl"):
		p.tblDepth++
		if p.tblDepth == 1 {
			p.tables++
			p.tbl = &table{name: fmt.Sprintf("bảng %d", p.tables)}
		}
	case isWord(e.Name, "tr") && p.tblDepth == 1:
		p.row = &row{place: fmt.Sprintf("%s, hàng %d", p.tbl.name, len(p.tbl.rows)+1)}
		p.nextCol = 0
	case isWord(e.Name, "gridBefore") && p.tblDepth == 1 && p.row != nil && p.cell == nil:
		p.nextCol += min(intAttr(e, "val", 0), 64)
	case isWord(e.Name, "tc") && p.tblDepth == 1 && p.row != nil:
		p.cell = &cell{col: p.nextCol, span: 1}
	case isWord(e.Name, "gridSpan") && p.tblDepth == 1 && p.cell != nil:
		p.cell.span = max(1, min(intAttr(e, "val", 1), 64))
	case isWord(e.Name, "vMerge") && p.tblDepth == 1 && p.cell != nil:
		v, _ := attr(e, "val")
		p.cell.merged = v != "restart"
	case isWord(e.Name, "hMerge") && p.tblDepth == 1 && p.cell != nil:
		if v, _ := attr(e, "val"); v != "restart" {
			p.cell.span = -1 // continues the cell on its left
		}
	case isWord(e.Name, "p"):
		p.inPara, p.bullet = true, false
		p.para.Reset()
	case isWord(e.Name, "pPr"):
		p.inPPr = true
	case isWord(e.Name, "numPr") && p.inPPr:
		p.bullet = true
	case isWord(e.Name, "pStyle") && p.inPPr:
		if v, _ := attr(e, "val"); strings.Contains(strings.ToLower(v), "listbullet") {
			p.bullet = true
		}
	case isWord(e.Name, "t") && p.inPara:
		p.inText = true
	case isWord(e.Name, "tab") && p.inPara && !p.inPPr:
		p.para.WriteByte(' ')
	case isWord(e.Name, "noBreakHyphen") && p.inPara:
		p.para.WriteByte('-')
	case (isWord(e.Name, "br") || isWord(e.Name, "cr")) && p.inPara:
		// a line break inside a paragraph starts a new line of the cell
		p.flushPara()
		p.bullet = false
	}
}

func (p *docxParser) end(e xml.EndElement) {
	if p.skip > 0 {
		p.skip--
		return
	}
	switch {
	case isWord(e.Name, "t"):
		p.inText = false
	case isWord(e.Name, "pPr"):
		p.inPPr = false
	case isWord(e.Name, "p"):
		p.flushPara()
		p.inPara = false
	case isWord(e.Name, "tc") && p.tblDepth == 1 && p.cell != nil && p.row != nil:
		c := p.cell
		p.cell = nil
		if c.span < 0 {
			// hMerge: widen the cell on its left
			if n := len(p.row.cells); n > 0 {
				p.row.cells[n-1].span++
			}
			p.nextCol++
			return
		}
		p.row.cells = append(p.row.cells, c)
		p.nextCol += c.span
	case isWord(e.Name, "tr") && p.tblDepth == 1 && p.row != nil:
		// A cell left open by malformed XML ends with its row.
		p.tbl.rows = append(p.tbl.rows, p.row)
		p.row, p.cell = nil, nil
	case isWord(e.Name, "tbl"):
		if p.tblDepth == 1 {
			p.closeTable()
		}
		p.tblDepth = max(0, p.tblDepth-1)
	}
}

func (p *docxParser) closeTable() {
	if p.row != nil {
		p.tbl.rows = append(p.tbl.rows, p.row)
		p.row = nil
	}
	p.tbl.linkMerges()
	p.doc.tables = append(p.doc.tables, p.tbl)
	p.tbl, p.cell = nil, nil
}

// flushPara ends the paragraph (or line) being read: into the open cell,
// else among the document's lines.
func (p *docxParser) flushPara() {
	text := p.para.String()
	p.para.Reset()
	switch {
	case p.cell != nil:
		p.cell.paras = append(p.cell.paras, para{text: text, bullet: p.bullet})
	case p.tblDepth == 0:
		if t := strings.TrimSpace(text); t != "" {
			p.doc.lines = append(p.doc.lines, t)
		}
	}
}
