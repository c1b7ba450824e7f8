package province_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/cycle"
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

// Build tells its stages as the commune's build does, for the page, and
// writes the ledger that keeps the office's edits.
func TestBuildStages(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	in := smallFolder(t, c)
	tmpl, _, err := province.LoadTemplate("")
	if err != nil {
		t.Fatal(err)
	}
	letter, _, err := province.LoadReminderTemplate("")
	if err != nil {
		t.Fatal(err)
	}
	var stages []string
	ctx := cycle.WithProgress(context.Background(), func(s string) { stages = append(stages, s) })
	out := t.TempDir()
	res, err := province.Build(ctx, d, province.BuildRequest{Period: q1, In: []string{in}, OutDir: out, Template: tmpl, ReminderTemplate: letter, Date: saved})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(stages, "|") != cycle.StageRead+"|"+cycle.StageWrite {
		t.Errorf("stages %q", stages)
	}
	if !res.Written || len(res.Files) != 3 || len(res.SetAside) != 0 {
		t.Errorf("written %v, files %v, set aside %v", res.Written, res.Files, res.SetAside)
	}
	if _, err := os.Stat(filepath.Join(out, "2026-Q1", ".baocao-da-ghi.json")); err != nil {
		t.Errorf("no ledger: %v", err)
	}
}
