package intake

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
)

// benchForms writes n filled forms (forms.Build, filled with forms.FillRow)
// of several units into dir.
func benchForms(b testing.TB, c *catalog.Catalog, dir string, n int) []string {
	units := []string{"KT", "VHXH", "NHCSXH", "MTTQ", "HND", "CA"}
	var seeds [][]byte
	for _, u := range units {
		p := filepath.Join(dir, "seed-"+u+".xlsx")
		realForm(b, c, u, p)
		data, _ := os.ReadFile(p)
		os.Remove(p)
		seeds = append(seeds, data)
	}
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("%s-%04d.xlsx", units[i%len(units)], i))
		os.WriteFile(paths[i], seeds[i%len(seeds)], 0o644)
	}
	return paths
}

// tokenise is the bare cost of reading the same sheets: unzip every
// worksheet and the shared strings and run the XML tokenizer over them.
func tokenise(path string) error {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		d := xml.NewDecoder(rc)
		for {
			if _, err := d.RawToken(); err == io.EOF {
				break
			} else if err != nil {
				rc.Close()
				return err
			}
		}
		rc.Close()
	}
	return nil
}

// BenchmarkRead1000 reads 1,000 filled forms on one core and compares with
// the bare unzip-and-tokenise cost of the same files.
func BenchmarkRead1000(b *testing.B) {
	c := loadCatalog(b)
	const n = 1000
	paths := benchForms(b, c, b.TempDir(), n)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	var base, full time.Duration
	var heap uint64
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		for _, p := range paths {
			if err := tokenise(p); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		subs := ReadAll(paths, c, Options{Period: q1})
		full += time.Since(t1)
		base += t1.Sub(t0)
		for _, s := range subs[:10] {
			if s.HasErrors() || len(s.Rows) == 0 {
				b.Fatalf("%s: %s", s.Path, problemsText(s))
			}
		}
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap = max(heap, ms.HeapInuse)
		runtime.KeepAlive(subs)
	}
	perForm := float64(full.Microseconds()) / 1000 / float64(b.N*n)
	basePerForm := float64(base.Microseconds()) / 1000 / float64(b.N*n)
	b.ReportMetric(perForm, "ms/form")
	b.ReportMetric(basePerForm, "tokenise-ms/form")
	b.ReportMetric(perForm/basePerForm, "ratio")
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB-after")
}

// TestMemoryFlat reads 200 and then 1,000 forms and checks that the heap
// left in use grows with the (small) submissions only, not with the files.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 1,200 files")
	}
	c := loadCatalog(t)
	paths := benchForms(t, c, t.TempDir(), 1000)
	heapAfter := func(n int) uint64 {
		subs := ReadAll(paths[:n], c, Options{Period: q1})
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		runtime.KeepAlive(subs)
		return ms.HeapInuse
	}
	small, large := heapAfter(200), heapAfter(1000)
	t.Logf("heap in use: %.1f MB after 200 forms, %.1f MB after 1,000", float64(small)/(1<<20), float64(large)/(1<<20))
	// 800 more submissions of ~25 rows: a few MB at most.
	if large > small+30<<20 {
		t.Errorf("heap grew by %.1f MB for 800 more files", float64(large-small)/(1<<20))
	}
}

// excelizeAlone is the cost of excelize by itself on a file: open it and
// iterate every row of every sheet, as our reader must at the least.
func excelizeAlone(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, err := f.Rows(sh)
		if err != nil {
			return err
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkReadPaths reads 200 copies of each kind of file a unit sends,
// our own filled form and a unit's own layout (matched by content), on one
// core, and prints per file our cost beside excelize's alone.
func BenchmarkReadPaths(b *testing.B) {
	c := loadCatalog(b)
	kinds := []struct {
		name, sample, unit string
	}{
		{"own-form", "KT-2026-Q1.xlsx", ""},
		{"own-layout-HCCB", "HCCB bao cao tin dung CSXH.xlsx", "HCCB"},
		{"own-layout-HND", "Bao cao Hoi Nong dan quy I.xlsx", "HND"},
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			data, err := os.ReadFile(filepath.Join("..", "..", "data", "samples", "2026-Q1", k.sample))
			if err != nil {
				b.Fatal(err)
			}
			dir := b.TempDir()
			const n = 200
			paths := make([]string, n)
			for i := range paths {
				paths[i] = filepath.Join(dir, fmt.Sprintf("%03d-%s", i, k.sample))
				os.WriteFile(paths[i], data, 0o644)
			}
			var base, full time.Duration
			b.ResetTimer()
			for range b.N {
				t0 := time.Now()
				for _, p := range paths {
					if err := excelizeAlone(p); err != nil {
						b.Fatal(err)
					}
				}
				t1 := time.Now()
				subs := ReadAll(paths, c, Options{Period: q1, Unit: k.unit})
				full += time.Since(t1)
				base += t1.Sub(t0)
				if s := subs[n-1]; s.HasErrors() || len(s.Rows) == 0 {
					b.Fatalf("%s: %s", s.Path, problemsText(s))
				}
			}
			per := float64(full.Microseconds()) / 1000 / float64(b.N*n)
			basePer := float64(base.Microseconds()) / 1000 / float64(b.N*n)
			b.ReportMetric(per, "ms/file")
			b.ReportMetric(basePer, "excelize-ms/file")
			b.ReportMetric((per-basePer)/basePer, "ours/excelize")
		})
	}
}
