package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/province"
	"baocao/internal/province/gen"
)

// BenchmarkProvinceView measures one account of the province's page (what
// every view, upload and status answer reads) for 100 communes that have
// all sent: go test ./internal/web -run '^$' -bench ProvinceView.
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
	b.ResetTimer()
	for range b.N {
		d, err := province.Load(data)
		if err != nil {
			b.Fatal(err)
		}
		if v := s.provinceView(d, q1); v.Sent != n {
			b.Fatalf("%d sent, want %d", v.Sent, n)
		}
	}
}
