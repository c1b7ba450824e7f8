package render

import (
	"fmt"
	"testing"
)

// BenchmarkAppendixRows renders the real report with an appendix table of
// 30, 300 and 3,000 rows: time must grow linearly with the rows.
func BenchmarkAppendixRows(b *testing.B) {
	tpl := readTemplate(b, "bao-cao.docx")
	for _, n := range []int{30, 300, 3000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			data := sampleReport()
			data["phu_luc"] = appendixRows(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Render(tpl, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
