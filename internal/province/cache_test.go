package province_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"baocao/internal/period"
	"baocao/internal/province"
)

// A cache reads a workbook once: again only when its content, the
// province's data or the period change; a renamed file is found, said
// under its new name; the least recently used goes beyond the bound.
// Each reading is what Read gives.
func TestCacheReadsOnce(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := smallFolder(t, c) // two workbooks, and a zip holding a third
	cache := province.NewCache(100)
	reads := 0
	step := func(what string, want int, d *province.Data, p period.Period) {
		t.Helper()
		got := cache.Read(d, p, dir)
		if n := cache.Reads() - reads; n != want {
			t.Errorf("%s: %d workbooks read, want %d", what, n, want)
		}
		reads = cache.Reads()
		if same := province.Read(d, p, dir); !reflect.DeepEqual(got, same) {
			t.Errorf("%s: not what Read gives:\n%+v\n%+v", what, got, same)
		}
	}
	step("first", 3, d, q1)
	step("again", 0, d, q1)
	// Xốp sends again (a new figure): that file alone is read.
	again := small[0]
	again.Figures = map[string][2]float64{"TONG-NGUON-VON": {100000, 120000}}
	write(t, c, q1, again, filepath.Join(dir, "tong-hop-2026-Q1.xlsx"), saved)
	step("one file changed", 1, d, q1)
	// A rename reads nothing; the attachment is the new name's.
	if err := os.Rename(filepath.Join(dir, "zalo", "file (1).xlsx"), filepath.Join(dir, "zalo", "tran-phu.xlsx")); err != nil {
		t.Fatal(err)
	}
	step("renamed", 0, d, q1)
	// Another period, or an edit of the province's list, reads all again.
	step("another period", 3, d, period.MustParse("2026-Q2"))
	d2 := smallProvince(c)
	d2.Communes[0].Name = "Xốp Mới"
	step("the list changed", 3, d2, q1)
	step("the first data again", 0, d, q1)

	// Bounded: two entries kept, the third reading evicts the oldest.
	small := province.NewCache(2)
	small.Read(d, q1, dir)
	small.Read(d, q1, dir)
	if n := small.Reads(); n < 4 {
		t.Errorf("a cache of 2 kept 3 readings: %d reads", n)
	}
}
