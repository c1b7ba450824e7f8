package intake

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetParts maps sheet names to their raw XML, read from the package
// (workbook.xml and its relationships): cheap looks at merges and cell
// attributes without excelize loading a whole worksheet model.
func sheetParts(f *excelize.File) map[string][]byte {
	targets := sheetTargets(f)
	if targets == nil {
		return nil
	}
	out := map[string][]byte{}
	for name, t := range targets {
		if b := loadPart(f, t); b != nil {
			out[name] = b
		}
	}
	return out
}

func loadPart(f *excelize.File, name string) []byte {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil
	}
	b, _ := v.([]byte)
	return b
}

// sheetTargets maps the sheet names the workbook lists to the package
// parts their relationships point to ("" for a sheet without one); nil
// when workbook.xml or its relationships cannot be read.
func sheetTargets(f *excelize.File) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			// Strict OOXML's namespace for the same attribute.
			StrictID string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(loadPart(f, "xl/workbook.xml"), &wb) != nil || xml.Unmarshal(loadPart(f, "xl/_rels/workbook.xml.rels"), &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.ID+s.StrictID]
	}
	return out
}

// isSheetEnd tells whether a sheet part ends as a whole one does: a
// worksheet, or a chart, dialog or macro sheet (no cells to read).
func isSheetEnd(b []byte) bool {
	b = bytes.TrimRight(b, " \t\r\n\x00")
	for _, end := range []string{"worksheet>", "chartsheet>", "dialogsheet>", "macrosheet>"} {
		if bytes.HasSuffix(b, []byte(end)) {
			return true
		}
	}
	return false
}

var mergeRef = regexp.MustCompile(`<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"`)

// rawMerges returns the merged ranges of a sheet part as start and end
// references.
func rawMerges(part []byte) [][2]string {
	i := bytes.Index(part, []byte("mergeCells"))
	if i < 0 {
		return nil
	}
	var out [][2]string
	for _, m := range mergeRef.FindAllSubmatch(part[max(0, i-8):], -1) {
		out = append(out, [2]string{string(m[1]), string(m[2])})
	}
	return out
}

// rawCellAttrs returns the type (t) and style (s) attributes of a cell in a
// sheet part, found by its reference; ok is false when it is not there.
func rawCellAttrs(part []byte, ref string) (typ, style string, ok bool) {
	key := []byte(` r="` + ref + `"`)
	i := bytes.Index(part, key)
	if i < 0 {
		return "", "", false
	}
	start := bytes.LastIndexByte(part[:i], '<')
	end := bytes.IndexByte(part[i:], '>')
	if start < 0 || end < 0 {
		return "", "", false
	}
	tag := string(part[start : i+end])
	if !strings.HasPrefix(tag, "<c ") && !strings.Contains(tag[:min(len(tag), 6)], ":c ") {
		return "", "", false
	}
	return attr(tag, "t"), attr(tag, "s"), true
}

func attr(tag, name string) string {
	k := " " + name + `="`
	i := strings.Index(tag, k)
	if i < 0 {
		return ""
	}
	rest := tag[i+len(k):]
	if j := strings.IndexByte(rest, '"'); j >= 0 {
		return rest[:j]
	}
	return ""
}

// withoutTheme returns the package without its theme parts: excelize
// parses the theme on open and fails the whole file when it is malformed,
// though a report never needs its colours. The other parts are copied
// still compressed. On any doubt the package is returned as it came.
func withoutTheme(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || !slices.ContainsFunc(zr.File, isThemePart) {
		return data
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if isThemePart(f) {
			continue
		}
		w, err := zw.CreateRaw(&f.FileHeader)
		if err != nil {
			return data
		}
		rc, err := f.OpenRaw()
		if err != nil {
			return data
		}
		if _, err := io.Copy(w, rc); err != nil {
			return data
		}
	}
	if zw.Close() != nil {
		return data
	}
	return buf.Bytes()
}

func isThemePart(f *zip.File) bool {
	return strings.HasPrefix(strings.ToLower(f.Name), "xl/theme/")
}

// cellEnd finds the end of a cell element: </c> or a prefixed </x:c>.
var cellEnd = regexp.MustCompile(`</(?:\w+:)?c>`)

// rawCellCached tells whether a cell of a sheet part holds a cached value,
// even an empty one (<v></v>, as Excel and LibreOffice save a formula that
// returns ""); ok is false when the cell is not found.
func rawCellCached(part []byte, ref string) (cached, ok bool) {
	i := bytes.Index(part, []byte(` r="`+ref+`"`))
	if i < 0 {
		return false, false
	}
	end := bytes.IndexByte(part[i:], '>')
	if end < 1 {
		return false, false
	}
	if part[i+end-1] == '/' {
		return false, true // <c r="G8"/>: no value at all
	}
	rest := part[i+end+1:]
	loc := cellEnd.FindIndex(rest)
	if loc == nil {
		return false, false
	}
	body := rest[:loc[0]]
	for _, v := range [][]byte{[]byte("<v>"), []byte("<v/>"), []byte("<v "), []byte(":v>"), []byte(":v/>")} {
		if bytes.Contains(body, v) {
			return true, true
		}
	}
	return false, true
}
