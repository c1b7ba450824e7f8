package province_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"baocao/internal/period"
	"baocao/internal/province"
)

func TestCurrentPeriod(t *testing.T) {
	for _, tt := range []struct {
		day  string
		want string
	}{
		{"14/03/2026", "2025-Q4"}, // the quarter's last data day: not over yet
		{"15/03/2026", "2026-Q1"},
		{"16/03/2026", "2026-Q1"},
		{"14/06/2026", "2026-Q1"},
		{"15/06/2026", "2026-Q2"},
		{"20/12/2026", "2026-Q4"},
		{"02/01/2027", "2026-Q4"},
	} {
		now, _ := time.ParseInLocation("02/01/2006", tt.day, time.Local)
		if got := province.CurrentPeriod(now.Add(10 * time.Hour)); got != period.MustParse(tt.want) {
			t.Errorf("%s: %s, want %s", tt.day, got, tt.want)
		}
	}
}

// Files says what became of each file: used for a commune, left out by
// rule, or refused, with what was said of it.
func TestFiles(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	wrong := small[1]
	wrong.Province = "Gia Lai"
	files := map[string]func(string){
		"xop.xlsx":       func(p string) { write(t, c, q1, small[0], p, saved.Add(time.Hour)) },
		"xop-cu.xlsx":    func(p string) { write(t, c, q1, small[0], p, saved) },
		"gia-lai.xlsx":   func(p string) { write(t, c, q1, wrong, p, saved) },
		"ly-son-q4.xlsx": func(p string) { write(t, c, period.MustParse("2025-Q4"), small[2], p, saved) },
		"anh.pdf":        func(p string) { os.WriteFile(p, []byte("%PDF"), 0o644) },
	}
	var paths []string
	for _, name := range []string{"xop.xlsx", "xop-cu.xlsx", "gia-lai.xlsx", "ly-son-q4.xlsx", "anh.pdf"} {
		p := filepath.Join(dir, name)
		files[name](p)
		paths = append(paths, p)
	}
	a := province.NewAccount(d, q1, paths)
	if len(a.Files) != len(paths) {
		t.Fatalf("%d files, want %d", len(a.Files), len(paths))
	}
	want := map[string]struct {
		state    province.FileState
		commune  string
		problems int
	}{
		"xop.xlsx":       {province.FileUsed, "xã Xốp", 0},
		"xop-cu.xlsx":    {province.FileNotUsed, "", 1},
		"gia-lai.xlsx":   {province.FileRefused, "", 1},
		"ly-son-q4.xlsx": {province.FileNotUsed, "", 1},
		"anh.pdf":        {province.FileRefused, "", 1},
	}
	for i, f := range a.Files {
		if f.File != paths[i] {
			t.Errorf("file %d is %s, want %s (the order given)", i, f.File, paths[i])
		}
		w := want[filepath.Base(f.File)]
		got := ""
		if f.Commune != nil {
			got = f.Commune.FullName()
		}
		if f.State != w.state || got != w.commune || len(f.Problems) != w.problems {
			t.Errorf("%s: state %d, commune %q, %d problems %v; want %d, %q, %d", filepath.Base(f.File), f.State, got, len(f.Problems), f.Problems, w.state, w.commune, w.problems)
		}
	}
	if a.Sent() != 1 || len(a.Rollup.Missing) != 3 {
		t.Errorf("sent %d, missing %d; want 1 and 3", a.Sent(), len(a.Rollup.Missing))
	}
}
