package render

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"baocao/internal/render/tmplsrc"
)

// doc builds a one-section template from block-level XML.
func doc(body string) []byte {
	return tmplsrc.Build("test", body+tmplsrc.Section(false, false))
}

// para is a plain paragraph whose runs hold the given texts (one run each,
// which lets a test split a placeholder across runs).
func para(texts ...string) string {
	runs := make([]string, len(texts))
	for i, t := range texts {
		runs[i] = tmplsrc.Run(tmplsrc.R{Bold: i%2 == 1}, t)
	}
	return tmplsrc.Para(tmplsrc.P{}, runs...)
}

func cell(content string) string { return tmplsrc.Cell(2000, true, content) }

func row(cells ...string) string { return tmplsrc.Row(false, cells...) }

func table(rows ...string) string {
	return tmplsrc.Table(true, []int{2000, 2000}, rows...)
}

func unzip(t testing.TB, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("output is not a zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = data
	}
	return files
}

// dump is a readable text of a .docx: each part, its paragraphs (a line
// break shows as ⏎, a tab as →) and tables as rows of cells.
func dump(t testing.TB, b []byte) string {
	t.Helper()
	files := unzip(t, b)
	var names []string
	for n := range files {
		if partsRe.MatchString(n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out strings.Builder
	for _, n := range names {
		root, err := parseXML(files[n])
		if err != nil {
			t.Fatalf("%s does not parse: %v", n, err)
		}
		fmt.Fprintf(&out, "== %s\n", n)
		var block func(e *elem, indent string)
		block = func(e *elem, indent string) {
			for _, k := range e.kids {
				switch k.name {
				case "w:p":
					fmt.Fprintf(&out, "%s¶ %s\n", indent, paraText(k))
				case "w:tbl":
					fmt.Fprintf(&out, "%s[bảng]\n", indent)
					for _, tr := range k.kids {
						if tr.name != "w:tr" {
							continue
						}
						var cells []string
						for _, tc := range tr.kids {
							if tc.name != "w:tc" {
								continue
							}
							var ps []string
							for _, p := range tc.kids {
								if p.name == "w:p" {
									ps = append(ps, paraText(p))
								}
							}
							cells = append(cells, strings.Join(ps, " / "))
						}
						fmt.Fprintf(&out, "%s| %s |\n", indent, strings.Join(cells, " | "))
					}
				default:
					block(k, indent)
				}
			}
		}
		block(root, "")
	}
	return out.String()
}

func paraText(p *elem) string {
	var b strings.Builder
	var walk func(e *elem)
	walk = func(e *elem) {
		for _, k := range e.kids {
			switch k.name {
			case "w:t":
				b.Write(k.text)
			case "w:br":
				b.WriteString("⏎")
			case "w:tab":
				b.WriteString("→")
			case "w:pPr", "w:rPr":
			default:
				walk(k)
			}
		}
	}
	walk(p)
	return b.String()
}
