package intake

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/soffice"
)

// BenchmarkNineXLS checks nine .xls files of other programs (the real
// corpus of internal/cli), each converted by LibreOffice with its cache
// emptied, first with one LibreOffice at a time (as before issue 24's
// point 1 was done), then with soffice.Parallel at once (at least 2), and
// prints both times and their ratio, measured in the same run:
//
//	go test ./internal/intake -run '^$' -bench NineXLS -benchtime 3x
func BenchmarkNineXLS(b *testing.B) {
	if officeBinary() == "" {
		b.Skip("LibreOffice is not installed")
	}
	all, _ := filepath.Glob(filepath.Join("..", "cli", "testdata", "real", "*.xls"))
	var paths []string
	for _, p := range all {
		if !strings.Contains(p, "mat-khau") && len(paths) < 9 {
			paths = append(paths, p)
		}
	}
	if len(paths) != 9 {
		b.Fatalf("%d .xls in the corpus", len(paths))
	}
	c := loadCatalog(b)
	check := func(parallel int) time.Duration {
		defer func(n int) { soffice.Parallel = n }(soffice.Parallel)
		soffice.Parallel = parallel
		conversions.Lock()
		conversions.m, conversions.bytes = map[string]*conversion{}, 0
		conversions.Unlock()
		start := time.Now()
		for _, s := range ReadAll(paths, c, Options{Period: q1}) {
			if !strings.Contains(problemsText(s), "đã dùng LibreOffice chuyển một bản sao tạm") {
				b.Fatalf("%s: not converted:\n%s", s.Path, problemsText(s))
			}
		}
		return time.Since(start)
	}
	parallel := max(2, soffice.Parallel)
	var serial, together time.Duration
	for b.Loop() {
		serial += check(1)
		together += check(parallel)
	}
	n := float64(b.N)
	b.ReportMetric(serial.Seconds()/n, "s-serial")
	b.ReportMetric(together.Seconds()/n, "s-parallel")
	b.ReportMetric(together.Seconds()/serial.Seconds(), "ratio")
	b.Logf("9 .xls: one LibreOffice at a time %.2f s, %d at once %.2f s (ratio %.2f; soffice.Parallel here is %d)",
		serial.Seconds()/n, parallel, together.Seconds()/n, together.Seconds()/serial.Seconds(), soffice.Parallel)
}
