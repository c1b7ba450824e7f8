package intake

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

var (
	update    = flag.Bool("update", false, "write the files of the bad-input corpus under testdata/bad that are missing")
	updateAll = flag.Bool("update-all", false, "regenerate every file of the bad-input corpus under testdata/bad")
)

const corpusDir = "testdata/bad"

// badInput is one kind of file that is not what it should be.
type badInput struct {
	file  string
	build func(t *testing.T, c *catalog.Catalog, path string) // writes the file (with -update)
	opt   Options
	sev   Severity
	want  string // part of the expected message; "" when none is expected
	// absent is part of a message that must not be there.
	absent string
	// check, when set, checks more of what was read.
	check func(t *testing.T, c *catalog.Catalog, s *Submission)
	// all reads the file with ReadAll, as a folder's file is read (a zip,
	// a PDF); the submissions' rows and problems are checked together.
	all bool
}

var q1 = period.MustParse("2026-Q1")

// filled is a correctly filled KT form, the base of many kinds.
func filled(c *catalog.Catalog) book {
	e := map[string]entry{}
	for _, a := range c.Assignments("KT") {
		e[a.Task.Code] = entry{status: "Hoàn thành", results: "Đã thực hiện " + a.Task.Code}
	}
	return formBook(c, "KT", q1, e)
}

// withRows returns b with extra rows appended to its report sheet.
func withRows(b book, rows ...[]any) book {
	s := b.sheets[0]
	s.rows = append(append([][]any{}, s.rows...), rows...)
	b.sheets = append([]sheet{s}, b.sheets[1:]...)
	return b
}

// ownLayout is a unit's own table with no metadata.
func ownLayout(title []string, head []any, rows ...[]any) book {
	var all [][]any
	for _, t := range title {
		all = append(all, []any{t})
	}
	all = append(all, head)
	all = append(all, rows...)
	return book{sheets: []sheet{{name: "Sheet1", rows: all}}}
}

func writeBytes(b []byte) func(*testing.T, *catalog.Catalog, string) {
	return func(t *testing.T, _ *catalog.Catalog, path string) {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeBook(mk func(c *catalog.Catalog) book) func(*testing.T, *catalog.Catalog, string) {
	return func(t *testing.T, c *catalog.Catalog, path string) { mk(c).write(t, path) }
}

// zipOf builds a zip from name/content pairs; a content of nil declares a
// 300 MB part that holds almost nothing (a decompression bomb's header).
func zipOf(t *testing.T, parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	zw.Close()
	return buf.Bytes()
}

func bombZip(t *testing.T) []byte {
	// A real bomb: 300 MB of one byte deflates to about 300 KB; declaring
	// the size with CreateRaw keeps the fixture tiny and equally refused.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types/>`))
	w, _ = zw.Create("xl/workbook.xml")
	w.Write([]byte(`<workbook/>`))
	var comp bytes.Buffer
	zc := zip.NewWriter(&comp) // deflate a little data for the raw entry
	zc.Close()
	raw, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store, UncompressedSize64: 300 << 20, CompressedSize64: 4, CRC32: 0})
	if err != nil {
		t.Fatal(err)
	}
	raw.Write([]byte("<a/>"))
	zw.Close()
	return buf.Bytes()
}

func corpus(t *testing.T) []badInput {
	return []badInput{
		{file: "rong.xlsx", build: writeBytes(nil), sev: SeverityError, want: "tệp rỗng (0 byte)"},
		{file: "van-ban.xlsx", build: writeBytes([]byte("Báo cáo quý I: đã hoàn thành các nhiệm vụ.\n")), sev: SeverityError, want: "tệp văn bản"},
		{file: "csv.xlsx", build: writeBytes([]byte("STT;Nội dung;Tình trạng\n1;Tuyên truyền;Hoàn thành\n")), sev: SeverityError, want: "(có thể là CSV)"},
		{file: "cat-doi.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			filled(c).write(t, path)
			b, _ := os.ReadFile(path)
			os.WriteFile(path, b[:len(b)/2], 0o644)
		}, sev: SeverityError, want: "bị hỏng hoặc chưa tải về hết"},
		{file: "nhi-phan.xlsx", build: writeBytes([]byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 1, 2, 3}), sev: SeverityError, want: "đây là ảnh (có thể là ảnh chụp biểu báo cáo), không phải sổ Excel"},
		{file: "la.xlsx", build: writeBytes([]byte{0x13, 0x37, 0, 1, 2, 3, 0xFE, 0xFF}), sev: SeverityError, want: "không phải tệp Excel (.xlsx)"},
		{file: "cu.xls", build: func(t *testing.T, c *catalog.Catalog, path string) {
			src := filepath.Join(t.TempDir(), "cu.xlsx")
			filled(c).write(t, src)
			b, _ := os.ReadFile(officetest.Convert(t, src, "xls:MS Excel 97"))
			os.WriteFile(path, b, 0o644)
		}, sev: SeverityError, want: "định dạng Excel 97-2003 (.xls), chương trình chỉ đọc được .xlsx"},
		{file: "mat-khau.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			f := excelize.NewFile()
			f.SetCellStr("Sheet1", "A1", "Mã nhiệm vụ")
			if err := f.SaveAs(path, excelize.Options{Password: "123456"}); err != nil {
				t.Fatal(err)
			}
		}, sev: SeverityError, want: "tệp có mật khẩu (được mã hóa) nên không đọc được"},
		{file: "bang-tinh.ods", build: func(t *testing.T, _ *catalog.Catalog, path string) {
			os.WriteFile(path, zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"), 0o644)
		}, sev: SeverityError, want: "định dạng LibreOffice/OpenOffice (.ods)"},
		{file: "trang-web.xls", build: writeBytes([]byte("<html><body><table><tr><td>Mã nhiệm vụ</td></tr></table></body></html>")), sev: SeverityError, want: "trang web (HTML)"},
		{file: "xml-2003.xls", build: writeBytes([]byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`)), sev: SeverityError, want: "XML Spreadsheet 2003"},
		{file: "word.xlsx", build: func(t *testing.T, _ *catalog.Catalog, path string) {
			os.WriteFile(path, zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), 0o644)
		}, sev: SeverityError, want: "tệp Word (.docx)"},
		{file: "nen.xlsx", build: func(t *testing.T, _ *catalog.Catalog, path string) {
			os.WriteFile(path, zipOf(t, "anh/so-lieu.txt", "1,2,3"), 0o644)
		}, sev: SeverityError, want: "tệp nén (zip) nhưng không phải sổ Excel"},
		{file: "bom.xlsx", build: func(t *testing.T, _ *catalog.Catalog, path string) { os.WriteFile(path, bombZip(t), 0o644) },
			sev: SeverityError, want: "khi giải nén vượt quá 200 MB"},
		{file: "khong-trang-tinh.xlsx", build: func(t *testing.T, _ *catalog.Catalog, path string) {
			os.WriteFile(path, zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), 0o644)
		}, sev: SeverityError, want: "không có trang tính nào"},
		{file: "xml-hong.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			filled(c).write(t, path)
			rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
				i := bytes.Index(b, []byte("<row r=\"12\""))
				return append(b[:i:i], []byte("<row r=\"12\"><c r=\"A12\" t=\"s\"><v>1</v></c><c r=\"B12\"<<<")...)
			})
		}, sev: SeverityError, want: "bị hỏng"},
		{file: "trong.xlsx", build: writeBook(func(*catalog.Catalog) book { return book{sheets: []sheet{{name: "Sheet1"}}} }),
			sev: SeverityError, want: "tệp không có dữ liệu"},
		{file: "khong-bang.xlsx", build: writeBook(func(*catalog.Catalog) book {
			return book{sheets: []sheet{{name: "Sheet1", rows: [][]any{{"Kính gửi UBND xã"}, {"Đơn vị đã hoàn thành các nhiệm vụ được giao."}}}}}
		}), sev: SeverityError, want: "không tìm thấy bảng báo cáo"},
		{file: "bang-trong.xlsx", build: writeBook(func(*catalog.Catalog) book {
			return ownLayout([]string{"Phòng Kinh tế", "Báo cáo quý I năm 2026"}, []any{"STT", "Nội dung", "Kết quả thực hiện"})
		}), sev: SeverityError, want: "không có dòng nhiệm vụ nào dưới dòng tiêu đề"},
		{file: "cong-thuc.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			formulaBook(t, c, path, `"Đã tổ chức "&3&" hội nghị"`)
		}, sev: SeverityWarning, want: "có công thức nhưng không lưu sẵn giá trị; chương trình đã tự tính"},
		{file: "cong-thuc-loi.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			formulaBook(t, c, path, `KHONGCOHAM(1)`)
		}, sev: SeverityError, want: "không lưu giá trị và không tự tính được"},
		{file: "khong-don-vi.xlsx", build: writeBook(func(*catalog.Catalog) book {
			return ownLayout([]string{"Báo cáo quý I năm 2026"}, []any{"STT", "Nội dung", "Kết quả thực hiện"}, []any{"I.1", "", "Tổ chức hội nghị"})
		}), sev: SeverityError, want: "không xác định được tệp của đơn vị nào"},
		{file: "khong-ky.xlsx", build: writeBook(func(*catalog.Catalog) book {
			return ownLayout([]string{"Phòng Kinh tế"}, []any{"STT", "Nội dung", "Kết quả thực hiện"}, []any{"I.1", "", "Tổ chức hội nghị"})
		}), sev: SeverityError, want: "không xác định được kỳ báo cáo"},
		{file: "sai-ky.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.meta.Period = "2026-Q2"
			b.sheets[0].rows[3] = []any{"Kỳ báo cáo: quý II năm 2026"}
			return b
		}), opt: Options{Period: q1}, sev: SeverityError, want: "tệp là báo cáo quý II năm 2026 (theo thông tin ẩn của biểu mẫu) nhưng đang kiểm tra quý I năm 2026"},
		{file: "danh-muc-khac.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.meta.Fingerprint = "000000000000"
			return b
		}), sev: SeverityWarning, want: "danh mục nhiệm vụ khác"},
		{file: "tinh-trang-la.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows[7][5] = "Tạm ổn"
			return b
		}), sev: SeverityWarning, want: "không hiểu tình trạng «Tạm ổn»"},
		{file: "chi-tieu-chu.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := formBook(c, "NHCSXH", q1, nil)
			b.sheets[1].rows[3][4] = "khoảng hai tỷ"
			return b
		}), sev: SeverityError, want: "«khoảng hai tỷ» không phải là số"},
		{file: "dong-khong-khop.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"", "Hỗ trợ bà con làm nhà văn hóa thôn", "", "", "", "Hoàn thành", "Đã xong 2 nhà"})
		}), sev: SeverityWarning, want: "không khớp với nhiệm vụ nào của kế hoạch («Hỗ trợ bà con làm nhà văn hóa thôn"},
		{file: "khong-giao.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"III.2", "", "", "", "", "Hoàn thành", "Tham gia"})
		}), sev: SeverityWarning, want: "nhiệm vụ III.2 không giao cho Phòng Kinh tế"},
		{file: "tcvn3.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows[7][6] = vntext.EncodeTCVN3("Đã tổ chức hội nghị quán triệt cho cán bộ")
			return b
		}), sev: SeverityWarning, want: "bảng mã TCVN3 (ABC)"},
		{file: "vni.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows[7][6] = vntext.EncodeVNI("Đã tổ chức hội nghị quán triệt cho cán bộ")
			return b
		}), sev: SeverityWarning, want: "bảng mã VNI"},
		{file: "cot-thua.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows[5] = append(append([]any{}, b.sheets[0].rows[5]...), "Người phụ trách")
			b.sheets[0].rows[7] = append(append([]any{}, b.sheets[0].rows[7]...), "Anh Nam")
			return b
		}), sev: SeverityWarning, want: "cột L «Người phụ trách» không thuộc biểu mẫu nên không được đọc"},
		{file: "cot-xfd.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			filled(c).write(t, path)
			f, _ := excelize.OpenFile(path)
			for r := 7; r < 400; r++ {
				f.SetCellStr(forms.ReportSheet, "XFD"+itoa(r), "x")
			}
			f.Save()
			f.Close()
		}, sev: SeverityWarning, want: "có chữ ở sau cột AN"},
		{file: "ma-tieu-de.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"IV.1", "", "", "", "", "Hoàn thành", "Ghi chung cho cả nhóm"})
		}), sev: SeverityWarning, want: "mã «IV.1» là tiêu đề IV.1 chứ không phải một nhiệm vụ"},
		{file: "trung-nhiem-vu.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"I.2", "", "", "", "", "Đang thực hiện", "Bản cũ"})
		}), sev: SeverityWarning, want: "nhiệm vụ I.2 đã có ở dòng"},
		{file: "ma-khong-co.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"IV.9", "", "", "", "", "Hoàn thành", "Việc khác"})
		}), sev: SeverityWarning, want: "mã «IV.9» (hiểu là IV.9) không có trong kế hoạch"},
		{file: "mo-ho.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return withRows(filled(c), []any{"", c.Task("V.6").Content + " " + c.Task("V.7").Content, "", "", "", "Hoàn thành", "Gộp hai việc"})
		}), sev: SeverityWarning, want: "giống nhiều nhiệm vụ"},
		{file: "thieu-nhiem-vu.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows = b.sheets[0].rows[:9]
			return b
		}), sev: SeverityWarning, want: "nhiệm vụ Phòng Kinh tế được giao"},
		{file: "bieu-trong.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return formBook(c, "KT", q1, nil)
		}), sev: SeverityError, want: "biểu chưa điền gì: cả 22 dòng nhiệm vụ đều trống"},
		{file: "chua-dien-het.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return formBook(c, "KT", q1, map[string]entry{"I.1": {status: "Hoàn thành", results: "Đã phổ biến"}})
		}), sev: SeverityWarning, want: "21 nhiệm vụ chưa được điền"},
		// Issue 9: what units really send.
		{file: "lo-xoa-dong.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
			realForm(t, c, "KT", src)
			copyFile(t, officetest.Edit(t, src, "KT-2026-Q1.xlsx", officetest.Delete(forms.ReportSheet, 38, 1)), path)
		}, opt: Options{Period: q1}, absent: "dòng có dữ liệu", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if s.HasErrors() || len(s.Rows) != len(c.Assignments("KT")) {
				t.Errorf("a row deleted in LibreOffice: %d rows\n%s", len(s.Rows), problemsText(s))
			}
		}},
		{file: "tinh-trang-loi-rieng.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			words := []string{"đã xong", "hoàn thành 80%", "Không hoàn thành", "cơ bản hoàn thành", "chưa hoàn thành"}
			for _, row := range b.sheets[0].rows[6:] {
				if len(row) > 5 && len(words) > 0 {
					row[5], words = words[0], words[1:]
				}
			}
			return b
		}), sev: SeverityWarning, want: "tình trạng «hoàn thành 80%» của nhiệm vụ", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			for _, r := range s.Rows {
				if strings.Contains(r.StatusText, "hoàn thành") && r.StatusText != "Hoàn thành" && r.Status == forms.StatusDone {
					t.Errorf("%s: «%s» read as Hoàn thành", r.Task, r.StatusText)
				}
				if r.StatusText != "Hoàn thành" && r.StatusText != "đã xong" && r.StatusWords != r.StatusText {
					t.Errorf("%s: the unit's words «%s» not kept (%q)", r.Task, r.StatusText, r.StatusWords)
				}
			}
		}},
		{file: "tinh-trang-viet-tat.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			words := []string{"ko hoàn thành", "k đạt", "hoàn thành 1/2", "hoàn thành nửa", "xong 1 phần"}
			for _, row := range b.sheets[0].rows[6:] {
				if len(row) > 5 && len(words) > 0 {
					row[5], words = words[0], words[1:]
				}
			}
			return b
		}), sev: SeverityWarning, want: "có phân số (như «1/2»), không rõ là phần việc đã làm hay ngày tháng", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			n := 0
			for _, r := range s.Rows {
				if r.StatusText == "Hoàn thành" {
					continue
				}
				n++
				if r.Status == forms.StatusDone || r.StatusWords != r.StatusText {
					t.Errorf("%s: «%s» read as %v, words %q", r.Task, r.StatusText, r.Status, r.StatusWords)
				}
			}
			if n != 5 {
				t.Errorf("%d rows in the unit's words, want 5", n)
			}
		}},
		{file: "tinh-trang-danh-dau.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return ownLayout([]string{"Phòng Kinh tế", "Báo cáo quý I năm 2026"}, []any{"STT", "Nội dung", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Kết quả"},
				[]any{"I.1", "", "x", "", "", "Đã phổ biến"}, []any{"I.2", "", "x", "x", "", "Đang in tờ rơi"})
		}), sev: SeverityWarning, want: "có nhiều cột tình trạng được đánh dấu cùng lúc", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if len(s.Rows) != 2 || s.Rows[0].Status != forms.StatusDone || s.Rows[1].Status != forms.StatusUnknown {
				t.Errorf("rows %+v", s.Rows)
			}
		}},
		{file: "tieu-de-hai-dong.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b, _ := twoRowHeaderBook(c)
			return b
		}), absent: "không thuộc biểu mẫu", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if len(s.Rows) != 3 || len(s.Unmatched) != 0 || s.Rows[0].Difficulties != "Kinh phí ít" {
				t.Errorf("%d rows, %d unmatched: %+v", len(s.Rows), len(s.Unmatched), s.Rows)
			}
		}},
		{file: "chi-tieu-don-vi.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return nhBook(c, q1, map[string][2]any{"TONG-NGUON-VON": {"12 tỷ", "12,5 tỷ"}, "VON-NSDP": {"1.250.000.000 đồng", "850 nghìn đồng"}})
		}), sev: SeverityWarning, want: "đã đổi «12,5 tỷ» thành 12.500 triệu đồng", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if v := indicatorOf(t, s, "VON-NSDP"); *v.Previous != 1250 || *v.Current != 0.85 {
				t.Errorf("VON-NSDP %v %v", *v.Previous, *v.Current)
			}
		}},
		{file: "chi-tieu-am.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return nhBook(c, q1, map[string][2]any{"TONG-DU-NO": {nil, -1500.0}})
		}), sev: SeverityError, want: "số âm (-1.500) nhưng chỉ tiêu «Tổng dư nợ» không thể âm"},
		{file: "chi-tieu-le.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return nhBook(c, q1, map[string][2]any{"KHACH-HANG": {nil, "1.234,5"}})
		}), sev: SeverityError, want: "1.234,5 khách hàng không phải số nguyên"},
		{file: "chi-tieu-nhay.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return nhBook(c, q1, map[string][2]any{"TONG-DU-NO": {3000.0, 300000.0}})
		}), sev: SeverityWarning, want: "thay đổi hơn 10 lần trong một kỳ là bất thường"},
		{file: "chi-tieu-bang-dong.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			return nhBook(c, q1, map[string][2]any{"TONG-DU-NO": {3000000000.0, 3100000000.0}})
		}), sev: SeverityError, want: "có phải đơn vị ghi số bằng đồng? Nếu vậy số đúng là 3.100 triệu đồng"},
		{file: "ngay-luu.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := withRows(filled(c), []any{}, []any{"", "", "", "", "", "", "Xốp, ngày 20 tháng 3 năm 2026"})
			b.saved = "2026-03-20T08:15:00Z"
			return b
		}), check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if !s.Saved.Equal(time.Date(2026, 3, 20, 8, 15, 0, 0, time.UTC)) || s.FormDate.Day() != 20 || s.FormDate.Month() != 3 {
				t.Errorf("saved %v, form date %v", s.Saved, s.FormDate)
			}
		}},
		{file: "thu-dien-tu.zip", all: true, build: func(t *testing.T, c *catalog.Catalog, path string) {
			os.WriteFile(path, zipFiles(t,
				[2]any{"Bao cao/NHCSXH-2026-Q1.xlsx", bookBytes(t, formBook(c, "NHCSXH", q1, map[string]entry{"V.1": {status: "Hoàn thành", results: "Rà soát 120 hộ"}}))},
				[2]any{"Bao cao/HND ban in.pdf", "%PDF-1.4"},
				[2]any{"../ngoai.xlsx", "PK"},
			), 0o644)
		}, opt: Options{Period: q1}, sev: SeverityError, want: "Hội Nông dân xã gửi tệp PDF", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if len(s.Rows) != len(c.Assignments("NHCSXH")) || !hasProblem(s, SeverityError, "mang tên không hợp lệ") {
				t.Errorf("the zip: %d rows\n%s", len(s.Rows), problemsText(s))
			}
		}},
		{file: "Bao-cao-Hoi-Nong-dan-quy-1.pdf", all: true, build: writeBytes([]byte("%PDF-1.4\n%âãÏÓ\n")), opt: Options{Period: q1},
			sev: SeverityError, want: "Hội Nông dân xã gửi tệp PDF: đề nghị Hội Nông dân xã gửi lại tệp Excel", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
				if s.Unit != "HND" {
					t.Errorf("the PDF is not attributed to HND: %q", s.Unit)
				}
			}},
		{file: "trang-theo-quy.xlsx", build: writeBook(func(*catalog.Catalog) book { return quarterSheets("Phòng Kinh tế") }), opt: Options{Period: q1},
			sev: SeverityWarning, want: "trang tính «Quý IV-2025» (trang ẩn) là của quý IV năm 2025, không phải quý I năm 2026, nên không được đọc", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
				if len(s.Rows) != 2 || s.Rows[0].Results != "Kết quả quý I" {
					t.Errorf("rows %+v", s.Rows)
				}
			}},
		{file: "trang-theo-quy-khong-ky.xlsx", build: writeBook(func(*catalog.Catalog) book { return quarterSheets("Phòng Kinh tế") }),
			sev: SeverityError, want: "tệp không cho biết là báo cáo kỳ nào nên không đọc trang nào"},
		{file: "cong-thuc-rong.xlsx", build: func(t *testing.T, c *catalog.Catalog, path string) {
			filled(c).write(t, path)
			rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
				return regexp.MustCompile(`<c r="I8"[^>]*>.*?</c>|<c r="I8"[^>]*/>`).ReplaceAll(b, []byte(`<c r="I8" t="str"><f>IF(G8="","Chưa có","")</f><v></v></c>`))
			})
		}, opt: Options{Period: q1}, absent: "công thức"},
		{file: "word-duoi-xls.xls", build: func(t *testing.T, c *catalog.Catalog, path string) {
			src := filepath.Join(t.TempDir(), "bao-cao.txt")
			os.WriteFile(src, []byte("Báo cáo quý I năm 2026 của Phòng Kinh tế\n"), 0o644)
			copyFile(t, officetest.Convert(t, src, "doc:MS Word 97"), path)
		}, sev: SeverityError, want: "đây là tệp Word 97-2003 (.doc), không phải sổ Excel"},
		{file: "dao-chieu.xlsx", build: writeBook(func(c *catalog.Catalog) book {
			b := filled(c)
			b.sheets[0].rows[7][6] = "Đã tổ chức \u202Ehội nghị\u202C quán triệt"
			return b
		}), sev: SeverityWarning, want: "có ký tự đảo chiều chữ (như U+202E)", check: func(t *testing.T, c *catalog.Catalog, s *Submission) {
			if r := s.Rows[0]; strings.ContainsRune(r.Results, '\u202E') {
				t.Errorf("U+202E reached the row: %q", r.Results)
			}
		}},
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// formulaBook writes a KT form whose results are formulas without cached
// values, as a script would.
func formulaBook(t *testing.T, c *catalog.Catalog, path, formula string) {
	filled(c).write(t, path)
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(formula))
	rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<c r="G8"[^>]*>.*?</c>`).ReplaceAll(b, []byte(`<c r="G8" t="str"><f>`+esc.String()+`</f></c>`))
	})
}

// rewriteZip replaces one part of a zip file.
func rewriteZip(t *testing.T, path, part string, edit func([]byte) []byte) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		data := b.Bytes()
		if f.Name == part {
			data = edit(data)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zr.Close()
	zw.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
}

// TestBadInputs reads each kind of bad input in testdata/bad and checks
// its message; with -update it first writes the files that are missing,
// with -update-all it regenerates them all.
func TestBadInputs(t *testing.T) {
	c := loadCatalog(t)
	saved := officeBinary
	officeBinary = func() string { return "" } // the messages without LibreOffice
	defer func() { officeBinary = saved }()
	kinds := corpus(t)
	if *update || *updateAll {
		os.MkdirAll(corpusDir, 0o755)
		for _, k := range kinds {
			path := filepath.Join(corpusDir, k.file)
			if _, err := os.Stat(path); err == nil && !*updateAll {
				continue // committed files change only when asked
			}
			k.build(t, c, path)
		}
	}
	for _, k := range kinds {
		t.Run(k.file, func(t *testing.T) {
			path := filepath.Join(corpusDir, k.file)
			var s *Submission
			if k.all {
				s = &Submission{Path: path}
				for _, x := range ReadAll([]string{path}, c, k.opt) {
					s.Rows = append(s.Rows, x.Rows...)
					s.Unmatched = append(s.Unmatched, x.Unmatched...)
					s.Indicators = append(s.Indicators, x.Indicators...)
					s.Problems = append(s.Problems, x.Problems...)
					if s.Unit == "" {
						s.Unit = x.Unit
					}
				}
			} else {
				s = readUnchanged(t, path, c, k.opt)
			}
			if k.want != "" && !hasProblem(s, k.sev, k.want) {
				t.Errorf("want %s containing %q; got:\n%s", k.sev, k.want, problemsText(s))
			}
			if k.absent != "" && (hasProblem(s, SeverityError, k.absent) || hasProblem(s, SeverityWarning, k.absent)) {
				t.Errorf("want no problem containing %q; got:\n%s", k.absent, problemsText(s))
			}
			if k.check != nil {
				k.check(t, c, s)
			}
			for _, p := range s.Problems {
				if p.File != path && !(k.all && strings.HasPrefix(p.File, path+string(filepath.Separator))) {
					t.Errorf("problem names file %q, want %q", p.File, path)
				}
				if raw := libraryText(p.Message); raw != "" {
					t.Errorf("a library's own text %q reached the clerk: %s", raw, p.Message)
				}
			}
		})
	}
}

// libraryText finds the words of Go's and excelize's own errors in a
// message meant for the clerk; "" when there are none.
func libraryText(msg string) string {
	for _, raw := range []string{"EOF", "XML syntax", "does not exist", "zip:", "flate", "checksum", "invalid", "unexpected", "error", "panic", "runtime"} {
		if strings.Contains(msg, raw) {
			return raw
		}
	}
	return ""
}

// TestNoLibraryText: what excelize, archive/zip and the system say in
// English is replaced by what it means for the clerk.
func TestNoLibraryText(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{io.EOF, "tệp bị cắt cụt, có thể chưa tải về hết"},
		{io.ErrUnexpectedEOF, "tệp bị hỏng hoặc chưa tải về hết"},
		{errors.New("XML syntax error on line 2: invalid character entity &lol9;"), "nội dung bên trong tệp bị hỏng (XML sai cú pháp)"},
		{zip.ErrChecksum, "tệp bị hỏng hoặc chưa tải về hết"},
		{errors.New("sheet Module1 does not exist"), "nội dung bên trong bị hỏng"},
	}
	for _, tt := range tests {
		got := excelizeError(tt.err)
		if !strings.Contains(got, tt.want) || libraryText(got) != "" {
			t.Errorf("%v: %q", tt.err, got)
		}
	}
	for _, err := range []error{&fs.PathError{Op: "open", Path: "x", Err: syscall.EIO}, &fs.PathError{Op: "open", Path: "x", Err: syscall.ENAMETOOLONG}} {
		if got := openError(err); libraryText(got) != "" || strings.Contains(got, "input/output") || strings.Contains(got, "too long") {
			t.Errorf("%v: %q", err, got)
		}
	}

	// A name of 300 «Ạ» is too long for the system: said so.
	c := loadCatalog(t)
	s := Read(filepath.Join(t.TempDir(), strings.Repeat("Ạ", 300)+".xlsx"), c, Options{})
	if !hasProblem(s, SeverityError, "tên tệp quá dài nên hệ điều hành không mở được") {
		t.Errorf("long name:\n%s", problemsText(s))
	}

	// A sheet listed in the workbook that is no worksheet (a macro or
	// chart sheet) is passed over with a word, never «does not exist».
	// A sheet whose part is not in the package is a broken file.
	f := excelize.NewFile()
	defer f.Close()
	f.Pkg.Store("xl/workbook.xml", []byte(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Module1" sheetId="1" r:id="rId1"/><sheet name="Gone" sheetId="2" r:id="rId2"/></sheets></workbook>`))
	f.Pkg.Store("xl/_rels/workbook.xml.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>`))
	f.Pkg.Store("xl/macrosheets/sheet1.xml", []byte(`<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>`))
	r := &reader{s: &Submission{Path: "x.xlsx"}, f: f}
	r.gridProblems(&grid{name: "Module1", err: errors.New("sheet Module1 does not exist"), errRow: 1})
	if !hasProblem(r.s, SeverityWarning, "trang «Module1» không phải trang tính có bảng") || libraryText(problemsText(r.s)) != "" {
		t.Errorf("macro sheet:\n%s", problemsText(r.s))
	}
	r = &reader{s: &Submission{Path: "x.xlsx"}, f: f}
	r.gridProblems(&grid{name: "Gone", err: errors.New("sheet Gone does not exist"), errRow: 1})
	if !hasProblem(r.s, SeverityError, "tệp bị hỏng: sổ có trang tính này nhưng thiếu phần dữ liệu") || hasProblem(r.s, SeverityWarning, "trang biểu đồ") || r.s.Problems[0].Sheet != "Gone" {
		t.Errorf("missing part:\n%s", problemsText(r.s))
	}
}

func hasProblem(s *Submission, sev Severity, want string) bool {
	for _, p := range s.Problems {
		if p.Severity == sev && strings.Contains(p.Message, want) {
			return true
		}
	}
	return false
}

// TestBadPlaces covers what cannot be a committed file: a folder, a missing
// file, an oversized file, a lock file, an unreadable file.
func TestBadPlaces(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "lon.xlsx")
	fh, _ := os.Create(big)
	fh.Truncate(maxFileSize + 1) // sparse: costs no disk
	fh.Close()
	lock := filepath.Join(dir, "~$KT-2026-Q1.xlsx")
	os.WriteFile(lock, []byte{0, 1}, 0o644)
	hidden := filepath.Join(dir, ".KT.xlsx")
	os.WriteFile(hidden, []byte{0, 1}, 0o644)
	locked := filepath.Join(dir, "khoa.xlsx")
	os.WriteFile(locked, []byte("PK"), 0o000)

	tests := []struct {
		path string
		sev  Severity
		want string
	}{
		{dir, SeverityError, "đây là thư mục"},
		{filepath.Join(dir, "khong-co.xlsx"), SeverityError, "không tìm thấy tệp"},
		{big, SeverityError, "tệp quá lớn (50 MB, tối đa 50 MB)"},
	}
	if os.Geteuid() != 0 { // root reads anything
		tests = append(tests, struct {
			path string
			sev  Severity
			want string
		}{locked, SeverityError, "không có quyền đọc tệp"})
	}
	for _, tt := range tests {
		if s := Read(tt.path, c, Options{}); !hasProblem(s, tt.sev, tt.want) {
			t.Errorf("%s: want %q; got:\n%s", tt.path, tt.want, problemsText(s))
		}
	}
	subs := ReadAll([]string{lock, hidden}, c, Options{})
	if !hasProblem(subs[0], SeverityWarning, "bỏ qua tệp khóa tạm") || !hasProblem(subs[1], SeverityWarning, "bỏ qua tệp ẩn") {
		t.Errorf("lock and hidden files: %s%s", problemsText(subs[0]), problemsText(subs[1]))
	}
	empty := t.TempDir()
	if subs := ReadAll([]string{empty}, c, Options{}); len(subs) != 1 || !hasProblem(subs[0], SeverityError, "thư mục không có tệp Excel nào") {
		t.Errorf("empty folder: %v", subs)
	}
}
