package officetest

import (
	"bytes"
	"encoding/xml"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// PDFPage is a printed page and the words on it, as pdftotext -bbox finds
// them; sizes and positions are in points.
type PDFPage struct {
	Width, Height float64
	Words         []PDFWord
}

// PDFWord is a word and its box. The box's height is the font's height
// (ascent and descent), proportional to the printed font size whatever the
// letters.
type PDFWord struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// PDFWords returns the pages of a PDF with their words (pdftotext -bbox,
// poppler-utils), skipping or failing like Binary when the tool is missing.
func PDFWords(t testing.TB, pdf string) []PDFPage {
	t.Helper()
	out, err := exec.Command(Poppler(t, "pdftotext"), "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	var doc struct {
		Pages []struct {
			Width  float64 `xml:"width,attr"`
			Height float64 `xml:"height,attr"`
			Words  []struct {
				Text string  `xml:",chardata"`
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false // the output is XHTML with a DOCTYPE
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	var pages []PDFPage
	for _, p := range doc.Pages {
		page := PDFPage{Width: p.Width, Height: p.Height}
		for _, w := range p.Words {
			page.Words = append(page.Words, PDFWord{Text: norm.NFC.String(w.Text), XMin: w.XMin, YMin: w.YMin, XMax: w.XMax, YMax: w.YMax})
		}
		pages = append(pages, page)
	}
	return pages
}

// BoxHeightPerPoint is the height of a word's box in a PDF that
// LibreOffice prints from a cell of 1 pt text, measured on a cell of 11 pt
// Times New Roman printed at 100%: it depends on the font LibreOffice
// uses. A printed word's size in points is its box's height over it.
func BoxHeightPerPoint(t testing.TB) float64 {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	style, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 11}})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Sheet1", "A1", "Chuẩn")
	f.SetCellStyle("Sheet1", "A1", "A1", style)
	path := filepath.Join(t.TempDir(), "chuan.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	pages := PDFWords(t, Convert(t, path, "pdf"))
	if len(pages) != 1 || len(pages[0].Words) != 1 {
		t.Fatalf("the 11 pt sample printed as %+v, want one word on one page", pages)
	}
	w := pages[0].Words[0]
	return (w.YMax - w.YMin) / 11
}
