package intake

import (
	"os"
	"testing"

	"baocao/internal/period"
)

func TestDemoFiles(t *testing.T) {
	dir := os.Getenv("DEMO_DIR")
	if dir == "" {
		t.Skip()
	}
	c := loadCatalog(t)
	q1 := period.MustParse("2026-Q1")
	e := map[string]entry{"I.1": {status: "đã xong", results: "Tổ chức 3 hội nghị"}, "I.2": {status: "đang triển khai"}, "II.1": {status: "hoàn thành 100%", results: "x"}}
	formBook(c, "KT", q1, e).write(t, dir+"/KT-2026-Q1.xlsx")
	formBook(c, "NHCSXH", q1, e).write(t, dir+"/NH.xlsx")
}
