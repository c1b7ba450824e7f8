package render

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
)

// Schema order of the children we write or rewrite (ECMA-376 part 1,
// CT_PPr, CT_RPr, CT_TblPr, CT_TcPr, CT_SectPr). Word refuses a part whose
// children are out of this order; LibreOffice does not care.
var childOrder = map[string][]string{
	"w:pPr": {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
		"w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
		"w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
		"w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
		"w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
		"w:rPr", "w:sectPr", "w:pPrChange"},
	"w:rPr": {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
		"w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
		"w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
		"w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
		"w:specVanish", "w:oMath"},
	"w:tblPr": {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
		"w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"},
	"w:tcPr": {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
		"w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"},
	"w:sectPr": {"w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
		"w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
		"w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"},
	"w:tbl": {"w:tblPr", "w:tblGrid", "*"},
	"w:tr":  {"w:tblPrEx", "w:trPr", "*"},
	"w:tc":  {"w:tcPr", "*"},
	"w:p":   {"w:pPr", "*"},
	"w:r":   {"w:rPr", "*"},
}

// CheckPackage checks what Word is stricter about than LibreOffice: every
// part has a content type, every relationship target exists, every XML part
// parses, and in the document, headers and footers the children of
// paragraphs, runs, tables, rows, cells and their properties come in the
// schema's order, tables have rows, cells, headers and footers end with a
// paragraph, and text with outer spaces is marked xml:space="preserve".
// The messages are for developers and tests.
func CheckPackage(docx []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return fmt.Errorf("not a zip: %w", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	var errs []error
	// content types
	var types struct {
		Defaults []struct {
			Extension string `xml:",attr"`
		} `xml:"Default"`
		Overrides []struct {
			PartName string `xml:",attr"`
		} `xml:"Override"`
	}
	ct, ok := files["[Content_Types].xml"]
	if !ok {
		return errors.New("[Content_Types].xml is missing")
	}
	if err := xml.Unmarshal(ct, &types); err != nil {
		return fmt.Errorf("[Content_Types].xml: %w", err)
	}
	exts, overrides := map[string]bool{}, map[string]bool{}
	for _, d := range types.Defaults {
		exts[strings.ToLower(d.Extension)] = true
	}
	for _, o := range types.Overrides {
		name := strings.TrimPrefix(o.PartName, "/")
		overrides[name] = true
		if _, ok := files[name]; !ok {
			errs = append(errs, fmt.Errorf("[Content_Types].xml overrides %s, which is missing", o.PartName))
		}
	}
	for name := range files {
		if name == "[Content_Types].xml" || strings.HasSuffix(name, "/") {
			continue
		}
		if !overrides[name] && !exts[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))] {
			errs = append(errs, fmt.Errorf("%s has no content type", name))
		}
	}
	for _, must := range []string{"_rels/.rels", "word/document.xml"} {
		if _, ok := files[must]; !ok {
			errs = append(errs, fmt.Errorf("%s is missing", must))
		}
	}
	// relationships
	for name, b := range files {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rels []struct {
				ID         string `xml:"Id,attr"`
				Target     string `xml:",attr"`
				TargetMode string `xml:",attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rels); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		// word/_rels/document.xml.rels is relative to word/
		base := path.Dir(path.Dir(name))
		if base == "." || base == "_rels" {
			base = ""
		}
		for _, r := range rels.Rels {
			if strings.EqualFold(r.TargetMode, "External") {
				continue
			}
			target := r.Target
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Clean(path.Join(base, target))
			}
			if _, ok := files[target]; !ok {
				errs = append(errs, fmt.Errorf("%s: relationship %s targets %s, which is missing", name, r.ID, target))
			}
		}
	}
	// XML parts
	for name, b := range files {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		root, err := parseXML(b)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s does not parse: %w", name, err))
			continue
		}
		if partsRe.MatchString(name) {
			errs = append(errs, checkWordPart(name, b, root)...)
		}
	}
	return errors.Join(errs...)
}

func checkWordPart(name string, src []byte, root *elem) []error {
	var errs []error
	add := func(e *elem, format string, args ...any) {
		if len(errs) < 20 {
			errs = append(errs, fmt.Errorf("%s at byte %d: %s", name, e.start, fmt.Sprintf(format, args...)))
		}
	}
	endsWithP := func(e *elem) bool {
		return len(e.kids) > 0 && e.kids[len(e.kids)-1].name == "w:p"
	}
	var walk func(e *elem)
	walk = func(e *elem) {
		if order, ok := childOrder[e.name]; ok {
			last := -1
			for _, k := range e.kids {
				i := indexOf(order, k.name)
				if i < 0 {
					i = indexOf(order, "*")
				}
				if i < 0 {
					continue
				}
				if i < last {
					add(k, "<%s> comes after a later sibling inside <%s>", k.name, e.name)
				}
				last = i
			}
		}
		switch e.name {
		case "w:tbl":
			if !hasKid(e, "w:tr") {
				add(e, "table without rows")
			}
		case "w:tr":
			if !hasKid(e, "w:tc") {
				add(e, "row without cells")
			}
		case "w:tc", "w:hdr", "w:ftr":
			if !endsWithP(e) {
				add(e, "<%s> does not end with a paragraph", e.name)
			}
		case "w:body":
			for i, k := range e.kids {
				if k.name == "w:sectPr" && i != len(e.kids)-1 {
					add(k, "body's sectPr is not its last child")
				}
			}
		case "w:t":
			t := string(e.text)
			if t != strings.TrimSpace(t) && !bytes.Contains(src[e.start:e.openEnd], []byte(`xml:space="preserve"`)) {
				add(e, "text %q with outer spaces lacks xml:space=\"preserve\"", t)
			}
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(root)
	return errs
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// hasKid tells whether e has a child element called name.
func hasKid(e *elem, name string) bool {
	return slices.ContainsFunc(e.kids, func(k *elem) bool { return k.name == name })
}
