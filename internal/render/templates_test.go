package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/officetest"
)

func readTemplate(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "templates", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOfficeTemplates renders the real templates with realistic data and
// reads them back through LibreOffice.
func TestOfficeTemplates(t *testing.T) {
	tests := []struct {
		file string
		data Data
		want []string
	}{
		{"bao-cao.docx", sampleReport(), []string{"BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI", "III. NHIỆM VỤ", "IV. ĐỀ XUẤT",
			"14/12/2025", "Đề nghị Ủy ban nhân dân tỉnh", "STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Kết quả thực hiện", "Xốp, ngày 14 tháng 3 năm 2026", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "<dự kiến> &"}},
		{"don-doc.docx", sampleReminder(), []string{"V/v đôn đốc gửi báo cáo", "Kính gửi:", "Hội Cựu chiến binh xã", "VI.4", "trước ngày 20 tháng 3 năm 2026", "Lưu: VT, Văn phòng.", "Nơi nhận"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out, warns, err := Render(readTemplate(t, tt.file), tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if err := CheckPackage(out); err != nil {
				t.Fatalf("structure: %v", err)
			}
			dir := t.TempDir()
			src := filepath.Join(dir, strings.TrimSuffix(tt.file, ".docx")+"-out.docx")
			if err := os.WriteFile(src, out, 0o644); err != nil {
				t.Fatal(err)
			}
			if keep := os.Getenv("BAOCAO_KEEP"); keep != "" {
				os.WriteFile(filepath.Join(keep, filepath.Base(src)), out, 0o644)
			}
			pdf := officetest.Convert(t, src, "pdf")
			text := officetest.PDFText(t, pdf)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("PDF text lacks %q", w)
				}
			}
			if keep := os.Getenv("BAOCAO_KEEP"); keep != "" {
				b, _ := os.ReadFile(pdf)
				os.WriteFile(filepath.Join(keep, filepath.Base(pdf)), b, 0o644)
			}
			t.Logf("%d pages", officetest.PDFPages(t, pdf))
		})
	}
}
