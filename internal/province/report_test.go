package province_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"baocao"
	"baocao/internal/officetest"
	"baocao/internal/province"
	"baocao/internal/render/tmplsrc"
)

// The built-in templates are what internal/render/tmplsrc produces (go
// run ./cmd/gentemplates rebuilds templates/tinh/).
func TestCommittedTemplates(t *testing.T) {
	for name, want := range tmplsrc.ProvinceTemplates() {
		got, err := fs.ReadFile(baocao.ProvinceTemplates(), name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("templates/tinh/%s is not what internal/render/tmplsrc produces (%v): run go run ./cmd/gentemplates", name, err)
		}
	}
}

// The reminder letter names the communes that have not sent, one
// paragraph, with the deadline given or three working days on.
func TestReminder(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	d.ReminderSuffix = "UBND-KTTH"
	r := province.Roll(d, q1, province.Read(d, q1, t.TempDir()))
	tmpl, _, err := province.LoadReminderTemplate("")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	t.Run("one page", func(t *testing.T) {
		b, _, err := province.Reminder(r, tmpl, now, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), province.ReminderName(q1))
		os.WriteFile(path, b, 0o644)
		if n := officetest.PDFPages(t, officetest.Convert(t, path, "pdf")); n != 1 {
			t.Errorf("the letter has %d pages", n)
		}
	})
	for _, tt := range []struct {
		deadline time.Time
		want     string
	}{
		{time.Time{}, "trước ngày 25 tháng 3 năm 2026"},
		{time.Date(2026, 3, 27, 0, 0, 0, 0, time.UTC), "trước ngày 27 tháng 3 năm 2026"},
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "trước ngày 25 tháng 3 năm 2026"}, // past: three working days
	} {
		b, warnings, err := province.Reminder(r, tmpl, now, tt.deadline)
		if err != nil || len(warnings) > 0 {
			t.Fatalf("%v %v", err, warnings)
		}
		text := docxText(t, b)
		for _, want := range []string{tt.want, "Kính gửi: Ủy ban nhân dân các xã, phường, đặc khu: xã Xốp, phường Trần Phú, đặc khu Lý Sơn, xã Đăk Pék.",
			"chưa nhận được bảng tổng hợp của 4/4 xã", "(tệp tong-hop-2026-Q1.xlsx do chương trình baocao lập)", "- Lưu: VT."} {
			if !strings.Contains(text, want) {
				t.Errorf("letter lacks %q:\n%s", want, text)
			}
		}
	}
}

var tag = regexp.MustCompile(`<[^>]+>`)

// docxText is the text of a .docx body, a line per paragraph.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			s := strings.ReplaceAll(string(x), "</w:p>", "\n")
			s = strings.ReplaceAll(s, "<w:br/>", "\n")
			return html.UnescapeString(tag.ReplaceAllString(s, ""))
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// The province's report says the figures of the three communes with
// their dates, the shares recomputed, the tasks, and names the commune
// that has not sent; it converts through LibreOffice and validates.
func TestReport(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	d.Authority, d.SignerTitle, d.SignerName = "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn B"
	d.Recipients = []string{"Văn phòng Chính phủ (b/c)"}
	r := province.Roll(d, q1, province.Read(d, q1, smallFolder(t, c)))
	tmpl, builtin, err := province.LoadTemplate("")
	if err != nil || !builtin {
		t.Fatalf("template: %v (built in %v)", err, builtin)
	}
	if want, _ := os.ReadFile("../../templates/tinh/bao-cao-tinh.docx"); !bytes.Equal(tmpl, want) {
		t.Error("the built-in template is not templates/tinh/bao-cao-tinh.docx")
	}
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	b, warnings, err := province.Report(r, tmpl, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range warnings {
		t.Errorf("warning: %s", w)
	}
	text := docxText(t, b)
	if os.Getenv("DUMP") != "" {
		t.Log(text)
	}
	for _, want := range []string{
		"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số:      /BC-UBND", "Quảng Ngãi, ngày 20 tháng 3 năm 2026",
		"Tổng hợp kết quả thực hiện tín dụng chính sách xã hội của các xã, phường, đặc khu, quý I năm 2026",
		"của 3/4 xã, phường, đặc khu (số liệu từ ngày 15/12/2025 đến ngày 14/3/2026), Ủy ban nhân dân tỉnh Quảng Ngãi báo cáo như sau:",
		"đến ngày 14/3/2026, trên địa bàn tỉnh tổng nguồn vốn đạt 203.000 triệu đồng, tăng 23.000 triệu đồng (12,78%); nguồn vốn ngân sách địa phương ủy thác đạt 20.000 triệu đồng, tăng 4.000 triệu đồng (25,00%)",
		"nợ quá hạn đạt 250 triệu đồng, tăng 120 triệu đồng (92,31%)",
		"doanh số cho vay đạt 4.500 triệu đồng (tổng của 2 xã có số liệu; chưa có số liệu của đặc khu Lý Sơn), tăng 1.500 triệu đồng",
		"doanh số cho vay: tổng của 2 xã, chưa có số liệu của đặc khu Lý Sơn.)",
		"14/12/2025", "14/3/2026",
		"toàn tỉnh đến ngày 14/3/2026 là 9,85% (ngày 14/12/2025: 8,89%), chưa đạt mục tiêu 15% vào năm 2030; 1/3 xã, phường, đặc khu có đủ số liệu đã đạt mục tiêu (phường Trần Phú); cao nhất là phường Trần Phú (20,00%), thấp nhất là đặc khu Lý Sơn (4,55%).",
		"Tỷ lệ nợ quá hạn trên tổng dư nợ toàn tỉnh đến ngày 14/3/2026 là 0,14%",
		"Trong 69 nhiệm vụ theo kế hoạch của 3 xã, phường, đặc khu đã gửi báo cáo: 3 hoàn thành, 1 đang thực hiện, 1 chưa thực hiện, 1 không phát sinh trong kỳ, 63 chưa có đơn vị báo cáo.",
		"còn nhiệm vụ chưa thực hiện: phường Trần Phú (1).",
		"Theo từng phần của kế hoạch: phần I: 1/6 nhiệm vụ hoàn thành, 1 đang thực hiện; phần II: 0/9",
		"còn 1 xã, phường, đặc khu chưa gửi bảng tổng hợp kèm báo cáo quý I năm 2026: xã Đăk Pék.",
		"Kiến nghị với Ngân hàng Chính sách xã hội Việt Nam: bổ sung nguồn vốn cho vay nhà ở xã hội (xã Xốp, phường Trần Phú).",
		"- Văn phòng Chính phủ (b/c);", "- Lưu: VT.", "Nguyễn Văn B",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(text, "{") {
		t.Errorf("a field left unfilled:\n%s", text)
	}
	again, _, _ := province.Report(r, tmpl, now)
	if !bytes.Equal(b, again) {
		t.Error("two renderings differ")
	}

	// BAOCAO_KEEP_PDF=DIR keeps the outputs there, to look at them
	dir := os.Getenv("BAOCAO_KEEP_PDF")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, province.ReportName(q1))
	os.WriteFile(path, b, 0o644)
	wb, _ := province.Workbook(r)
	wbPath := filepath.Join(dir, province.WorkbookName(q1))
	os.WriteFile(wbPath, wb, 0o644)
	letterTmpl, _, _ := province.LoadReminderTemplate("")
	letter, _, err := province.Reminder(r, letterTmpl, now, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	letterPath := filepath.Join(dir, province.ReminderName(q1))
	os.WriteFile(letterPath, letter, 0o644)
	// every output through the Open XML SDK's validator, and what Excel
	// refuses that it does not look at
	t.Run("validator", func(t *testing.T) {
		for _, p := range officetest.CheckWorkbook(wb) {
			t.Errorf("%s: %s", province.WorkbookName(q1), p)
		}
		for _, b := range [][]byte{b, letter} {
			for _, p := range officetest.CheckXML(b) {
				t.Errorf("%s", p)
			}
		}
		for file, errs := range officetest.Validate(t, path, wbPath, letterPath) {
			for _, e := range errs {
				t.Errorf("%s: %s", filepath.Base(file), e)
			}
		}
	})
	t.Run("libreoffice", func(t *testing.T) {
		pdf := officetest.Convert(t, path, "pdf")
		if n := officetest.PDFPages(t, pdf); n < 1 || n > 3 {
			t.Errorf("report: %d pages", n)
		}
		if got := officetest.PDFText(t, pdf); !strings.Contains(got, "xã Đăk Pék") {
			t.Errorf("PDF text lacks the commune not sent:\n%s", got)
		}
		wbPDF := officetest.Convert(t, wbPath, "pdf")
		if keep := os.Getenv("BAOCAO_KEEP_PDF"); keep != "" {
			for _, f := range []string{pdf, wbPDF} {
				b, _ := os.ReadFile(f)
				os.WriteFile(filepath.Join(keep, filepath.Base(f)), b, 0o644)
			}
		}
	})
}
