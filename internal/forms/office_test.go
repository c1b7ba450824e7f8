package forms

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/officetest"
)

// TestFormsConvertToPDF prints every unit's form with LibreOffice: each
// report page is A4 landscape and holds the whole table, first to last
// column, with the header row repeated.
func TestFormsConvertToPDF(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	out := t.TempDir()
	for _, u := range c.ReportingUnits() {
		t.Run(u.Code, func(t *testing.T) {
			path := Path(out, q1, u.Code)
			if err := Write(c, u.Code, q1, path); err != nil {
				t.Fatal(err)
			}
			pdf := officetest.Convert(t, path, "pdf")
			w, h := pageSize(t, pdf)
			if w < h || w < 840 || w > 843 {
				t.Errorf("page %.0f x %.0f pt, want A4 landscape (842 x 595)", w, h)
			}
			pages := strings.Split(officetest.PDFText(t, pdf), "\f")
			report := 0
			for i, page := range pages {
				if strings.Contains(page, "HƯỚNG DẪN ĐIỀN") || strings.Contains(page, "CHỈ TIÊU TÍN DỤNG") {
					break
				}
				report++
				for _, want := range []string{"Mã", "Nội dung nhiệm vụ", "Tình trạng", "Ghi chú"} {
					if !strings.Contains(page, want) {
						t.Errorf("report page %d lacks the header %q", i+1, want)
					}
				}
			}
			text := strings.Join(pages, "\n")
			for _, a := range c.Assignments(u.Code) {
				if !strings.Contains(text, a.Task.Code) {
					t.Errorf("task %s is not printed", a.Task.Code)
				}
			}
			if report == 0 || !strings.Contains(text, "NGƯỜI LẬP BIỂU") || !strings.Contains(text, "HƯỚNG DẪN ĐIỀN") {
				t.Errorf("%d report pages; footer or instructions missing", report)
			}
			t.Logf("%s: %d pages, %d of them the report", u.Code, len(pages)-1, report)
		})
	}
}

// TestPrintedPage renders the first page of a form to PNG and checks that the
// ink stays inside the page's margins: nothing is cut at the right edge. Set
// BAOCAO_KEEP_PNG to a folder to keep the image and look at it.
func TestPrintedPage(t *testing.T) {
	officetest.Binary(t)
	bin := officetest.Poppler(t, "pdftoppm")
	c := loadCatalog(t)
	path := Path(t.TempDir(), q1, "NHCSXH")
	if err := Write(c, "NHCSXH", q1, path); err != nil {
		t.Fatal(err)
	}
	pdf := officetest.Convert(t, path, "pdf")
	dir := t.TempDir()
	if keep := os.Getenv("BAOCAO_KEEP_PNG"); keep != "" {
		dir = keep
	}
	prefix := filepath.Join(dir, "NHCSXH-2026-Q1")
	if out, err := exec.Command(bin, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	img := readPNG(t, prefix+".png")
	b := img.Bounds()
	if b.Dx() <= b.Dy() {
		t.Fatalf("page is %dx%d px: not landscape", b.Dx(), b.Dy())
	}
	ink := inkBox(img)
	t.Logf("page %dx%d px, ink %v (image %s.png)", b.Dx(), b.Dy(), ink, prefix)
	// At 50 dpi a 0.4 inch right margin is 20 px: ink up to the edge means a cut.
	if ink.Max.X > b.Max.X-10 || ink.Min.X < 10 {
		t.Errorf("ink %v reaches the page's edge %v: columns are cut", ink, b)
	}
	// The table spans the page: the last column is near the right margin.
	if ink.Dx() < b.Dx()*3/4 {
		t.Errorf("ink %v is narrow for the page %v: fit to width is off", ink, b)
	}
}

// TestMetadataSurvivesLibreOffice re-saves a form as .xlsx with LibreOffice
// and reads the metadata back from each place. Found with LibreOffice 7.4:
// custom properties, the metadata sheet (saved as hidden, not very hidden)
// and the defined names all survive.
func TestMetadataSurvivesLibreOffice(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	path := Path(t.TempDir(), q1, "NHCSXH")
	if err := Write(c, "NHCSXH", q1, path); err != nil {
		t.Fatal(err)
	}
	resaved := officetest.Convert(t, path, "xlsx:Calc MS Excel 2007 XML")
	f, err := excelize.OpenFile(resaved)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := Meta{Unit: "NHCSXH", Period: "2026-Q1", Fingerprint: c.Fingerprint, Version: Version}
	for place, m := range metaPlaces(t, f) {
		t.Logf("after LibreOffice, %s: %+v (survived: %v)", place, m, m == want)
		if m != want {
			t.Errorf("%s did not survive: %+v", place, m)
		}
	}
	if m, ok := ReadMeta(f); !ok || m != want {
		t.Errorf("ReadMeta = %+v, %v", m, ok)
	}
	// The form itself survives too: header, drop-down, protection.
	rows, _ := f.GetRows(ReportSheet)
	if len(rows) < headerRow || rows[headerRow-1][len(Columns)-1] != Columns[len(Columns)-1].Header {
		t.Error("header row lost")
	}
	dvs, _ := f.GetDataValidations(ReportSheet)
	list := false
	for _, dv := range dvs {
		list = list || (dv.Type == "list" && strings.Contains(dv.Formula1, ListsSheet))
	}
	if !list {
		t.Error("status drop-down lost")
	}
}

func pageSize(t *testing.T, pdf string) (w, h float64) {
	t.Helper()
	out, err := exec.Command(officetest.Poppler(t, "pdfinfo"), pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Page size:"); ok {
			f := strings.Fields(rest) // 841.89 x 595.304 pts (A4)
			if len(f) >= 3 {
				w, _ = strconv.ParseFloat(f[0], 64)
				h, _ = strconv.ParseFloat(f[2], 64)
			}
		}
	}
	return w, h
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inkBox is the smallest rectangle holding every pixel that is not near white.
func inkBox(img image.Image) image.Rectangle {
	b := img.Bounds()
	box := image.Rectangle{Min: b.Max, Max: b.Min}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0xD000 || g < 0xD000 || bl < 0xD000 {
				box.Min.X, box.Min.Y = min(box.Min.X, x), min(box.Min.Y, y)
				box.Max.X, box.Max.Y = max(box.Max.X, x+1), max(box.Max.Y, y+1)
			}
		}
	}
	return box
}
