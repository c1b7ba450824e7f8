package forms

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/catalog"
)

// writeAll builds and serialises the forms of units, as `baocao forms` does
// without the disk.
func writeAll(b *testing.B, c *catalog.Catalog, units []string) {
	for _, u := range units {
		f, err := Build(c, u, q1)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

func codes(units []*catalog.Unit) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = u.Code
	}
	return out
}

// BenchmarkBuildAll builds every form of the commune (10 units) in memory.
func BenchmarkBuildAll(b *testing.B) {
	c := loadCatalog(b)
	units := codes(c.ReportingUnits())
	b.ReportAllocs()
	for b.Loop() {
		writeAll(b, c, units)
	}
	b.ReportMetric(float64(len(units)), "units")
}

// BenchmarkWriteAll writes every form of the commune to disk, as the command
// does (temporary file, fsync, rename).
func BenchmarkWriteAll(b *testing.B) {
	c := loadCatalog(b)
	units := codes(c.ReportingUnits())
	out := b.TempDir()
	for b.Loop() {
		for _, u := range units {
			if err := Write(c, u, q1, Path(out, q1, u)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkScaling builds forms for synthetic catalogs of 10 and 1,000 extra
// units, each a member of "Các phòng, đơn vị liên quan" (15 tasks): the time
// per unit should stay flat.
func BenchmarkScaling(b *testing.B) {
	for _, n := range []int{10, 1000} {
		c := syntheticCatalog(b, n)
		var units []string
		for _, u := range c.Units {
			if strings.HasPrefix(u.Code, "S") {
				units = append(units, u.Code)
			}
		}
		b.Run(fmt.Sprintf("units=%d", n), func(b *testing.B) {
			for b.Loop() {
				writeAll(b, c, units)
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(n), "ms/unit")
		})
	}
}

// syntheticCatalog is the real plan with n more units, all of them members
// of the PHONG-LQ group.
func syntheticCatalog(b *testing.B, n int) *catalog.Catalog {
	b.Helper()
	dir := b.TempDir()
	for _, name := range []string{catalog.PlanFile, catalog.TasksFile, catalog.IndicatorsFile, catalog.UnitsFile} {
		data, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			b.Fatal(err)
		}
		if name == catalog.UnitsFile {
			var units, members strings.Builder
			for i := 1; i <= n; i++ {
				fmt.Fprintf(&units, "  - code: S%04d\n    name: Đơn vị thử số %d\n    short: Thử %d\n", i, i, i)
				fmt.Fprintf(&members, ", S%04d", i)
			}
			s := strings.Replace(string(data), "\n# Groups", "\n"+units.String()+"\n# Groups", 1)
			s = strings.Replace(s, "members: [VP, KT, VHXH, CA]", "members: [VP, KT, VHXH, CA"+members.String()+"]", 1)
			data = []byte(s)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	c, err := catalog.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	if got := len(c.Assignments("S0001")); got == 0 {
		b.Fatal("synthetic units have no tasks")
	}
	return c
}
