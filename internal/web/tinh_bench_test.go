package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/province"
	"baocao/internal/province/gen"
)

// BenchmarkProvinceView measures one account of the province's page (what
// every view, upload and status answer reads) for 100 communes that have
// all sent: every file read (as each view did before the page kept the
// readings), then as the page does now, with the readings kept; the
// second reports how many times faster it is, measured in the same run:
// go test ./internal/web -run '^$' -bench ProvinceView.
func BenchmarkProvinceView(b *testing.B) {
	const n = 100
	c, err := catalog.Load(repoData)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	data := filepath.Join(dir, "data")
	os.MkdirAll(data, 0o755)
	for _, name := range []string{"tinh.yaml", "indicators.yaml"} {
		bs, _ := os.ReadFile(filepath.Join(provinceData, name))
		os.WriteFile(filepath.Join(data, name), bs, 0o644)
	}
	var csv strings.Builder
	csv.WriteString("mã;tên;loại\n")
	for _, cm := range gen.Province(c, "Quảng Ngãi", 1, n).Communes {
		fmt.Fprintf(&csv, "%s;%s;%s\n", cm.Code, cm.Name, cm.Kind)
	}
	os.WriteFile(filepath.Join(data, "xa.csv"), []byte(csv.String()), 0o644)
	ws, err := cycle.OpenWorkspace(filepath.Join(dir, "ws"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := gen.Write(c, "Quảng Ngãi", q1, 1, n, ws.ReceivedDir(q1)); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Workspace: ws, ProvinceDir: data, Addr: "127.0.0.1:1"})
	if err != nil {
		b.Fatal(err)
	}
	// view is one view as the page makes it; fresh: with no reading kept.
	view := func(b *testing.B, fresh bool) {
		if fresh {
			s.provinceCache = province.NewCache(provinceReadings)
		}
		d, err := province.Load(data)
		if err != nil {
			b.Fatal(err)
		}
		if v := s.provinceView(d, q1); v.Sent != n {
			b.Fatalf("%d sent, want %d", v.Sent, n)
		}
	}
	var every time.Duration
	b.Run("every-file-read", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			view(b, true)
		}
		every = time.Since(start) / time.Duration(b.N)
	})
	b.Run("readings-kept", func(b *testing.B) {
		view(b, true) // the first view reads every file
		reads := s.provinceCache.Reads()
		start := time.Now()
		for b.Loop() {
			view(b, false)
		}
		kept := time.Since(start) / time.Duration(b.N)
		if r := s.provinceCache.Reads() - reads; r != 0 {
			b.Fatalf("%d files read again", r)
		}
		if every > 0 {
			b.ReportMetric(float64(every)/float64(kept), "x-faster")
		}
	})
}
