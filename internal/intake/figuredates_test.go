package intake

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/period"
)

// The bank writes the dates its figures stand at above its table: they are
// read, and dates other than the period's cut-offs are believed but
// warned about at the row they are written on.
func TestFigureDates(t *testing.T) {
	c := loadCatalog(t)
	sample := "../../data/samples/2026-Q1/NHCSXH-2026-Q1.xlsx"
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local) }
	tests := []struct {
		name, a3, d5 string
		prev, cur    time.Time
		warnings     []string
	}{
		{"the form's own line", "", "", day(2025, 12, 14), day(2026, 3, 14), nil},
		{"the bank's own dates", "Cuối kỳ trước: số liệu đến ngày 31/12/2025. Cuối kỳ này: số liệu đến ngày 31/3/2026.", "",
			day(2025, 12, 31), day(2026, 3, 31), []string{"dòng 3: số liệu cuối kỳ trước ghi là đến ngày 31/12/2025", "dòng 3: số liệu cuối kỳ này ghi là đến ngày 31/03/2026"}},
		{"a date in a column's heading", "Số liệu tín dụng", "Cuối kỳ trước (14/12/2025)", day(2025, 12, 14), time.Time{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenFile(sample)
			if err != nil {
				t.Fatal(err)
			}
			if tt.a3 != "" {
				f.SetCellValue("Chỉ tiêu", "A3", tt.a3)
			}
			if tt.d5 != "" {
				f.SetCellValue("Chỉ tiêu", "D5", tt.d5)
			}
			path := filepath.Join(t.TempDir(), "NHCSXH-2026-Q1.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			s := Read(path, c, Options{Period: period.MustParse("2026-Q1")})
			if !s.FiguresAsOf.Previous.Equal(tt.prev) || !s.FiguresAsOf.Current.Equal(tt.cur) {
				t.Errorf("dates %v, %v; want %v, %v", s.FiguresAsOf.Previous, s.FiguresAsOf.Current, tt.prev, tt.cur)
			}
			var said []string
			for _, p := range s.Problems {
				if strings.Contains(p.Message, "ghi là đến ngày") {
					said = append(said, p.Pos.String()+": "+p.Message)
				}
			}
			if len(said) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %d", said, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if !strings.Contains(said[i], w) {
					t.Errorf("warning %q lacks %q", said[i], w)
				}
			}
		})
	}
}
