// Package tmplsrc is the source of the commune's Word templates
// (templates/bao-cao.docx and templates/don-doc.docx): it writes the OOXML
// of each part by hand, in the schema's element order, and packs them into
// a .docx deterministically, so that `go run ./cmd/gentemplates` rebuilds
// exactly the committed files. Tests use it to build small templates too.
package tmplsrc

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Namespaces declared on every part's root.
const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// Part is an extra part of a package: a header or a footer.
type Part struct {
	ID   string // relationship id used by the sectPr, e.g. "rIdHeader1"
	Name string // file name under word/, e.g. "header1.xml"
	Kind string // "header" or "footer"
	XML  string // the whole part
}

// Header wraps block-level content into a header part.
func Header(id, name, body string) Part {
	return Part{ID: id, Name: name, Kind: "header", XML: xmlDecl + `<w:hdr ` + ns + `>` + body + `</w:hdr>`}
}

// Footer wraps block-level content into a footer part.
func Footer(id, name, body string) Part {
	return Part{ID: id, Name: name, Kind: "footer", XML: xmlDecl + `<w:ftr ` + ns + `>` + body + `</w:ftr>`}
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Build packs a document body (block-level content ending with the body's
// sectPr) and its headers and footers into a .docx.
func Build(title, body string, parts ...Part) []byte {
	var files [][2]string
	ct := `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
		`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>`
	for _, p := range parts {
		ct += fmt.Sprintf(`<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml"/>`, p.Name, p.Kind)
		rels += fmt.Sprintf(`<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>`, p.ID, p.Kind, p.Name)
	}
	ct += `</Types>`
	rels += `</Relationships>`
	files = append(files,
		[2]string{"[Content_Types].xml", xmlDecl + ct},
		[2]string{"_rels/.rels", xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
			`</Relationships>`},
		[2]string{"docProps/core.xml", xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + escape(title) + `</dc:title><dc:creator>baocao</dc:creator><dc:language>vi-VN</dc:language>` +
			`</cp:coreProperties>`},
		[2]string{"docProps/app.xml", xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>baocao</Application></Properties>`},
		[2]string{"word/_rels/document.xml.rels", xmlDecl + rels},
		[2]string{"word/document.xml", xmlDecl + `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`},
		[2]string{"word/styles.xml", xmlDecl + styles},
		[2]string{"word/settings.xml", xmlDecl + `<w:settings ` + ns + `><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`},
	)
	for _, p := range parts {
		files = append(files, [2]string{"word/" + p.Name, p.XML})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// styles: Times New Roman 14, Vietnamese, black; Normal is the body text of
// Decree 30/2020: justified, first-line indent 1.27 cm, 6 pt after.
const styles = `<w:styles ` + ns + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:widowControl/><w:spacing w:before="0" w:after="120" w:line="264" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Plain"><w:name w:val="Plain"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Cell"><w:name w:val="Cell"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading"><w:name w:val="Heading"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

func escape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != 0x9 && r != 0xA || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
