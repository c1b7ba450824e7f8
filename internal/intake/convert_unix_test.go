//go:build unix

package intake

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"baocao/internal/soffice"
)

// TestXLSConversionFails: when LibreOffice crashes on an .xls, the problem
// says so in one Vietnamese line, without LibreOffice's crash dump.
func TestXLSConversionFails(t *testing.T) {
	fake := filepath.Join(t.TempDir(), "soffice")
	script := "#!/bin/sh\necho 'Fatal exception: Signal 6' >&2\necho '/usr/lib/libreoffice/program/libuno_sal.so.3(+0x37722)' >&2\nexit 134\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	saved := officeBinary
	officeBinary = func() string { return fake }
	t.Cleanup(func() { officeBinary = saved })

	c := loadCatalog(t)
	xls := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(xls, b, 0o444)
	s := readUnchanged(t, xls, c, Options{Period: q1})
	want := "tệp ở định dạng Excel 97-2003 (.xls); không chuyển được tệp .xls sang .xlsx: LibreOffice dừng đột ngột (mã thoát 134). Mở tệp bằng Excel"
	if !hasProblem(s, SeverityError, want) {
		t.Errorf("no problem %q:\n%s", want, problemsText(s))
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "Fatal") || strings.Contains(p.Message, "libuno") || strings.Contains(p.Message, "\n") {
			t.Errorf("the crash dump reached the user: %q", p.Message)
		}
	}
}

// fakeSoffice installs a LibreOffice that runs script and returns the file
// its runs are counted in (one line a run).
func fakeSoffice(t *testing.T, script string) string {
	t.Helper()
	dir := t.TempDir()
	fake := filepath.Join(dir, "soffice")
	runs := filepath.Join(dir, "runs")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho $$ >> '"+runs+"'\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	saved := officeBinary
	officeBinary = func() string { return fake }
	t.Cleanup(func() { officeBinary = saved })
	return runs
}

func lines(path string) []string {
	b, _ := os.ReadFile(path)
	return strings.Fields(string(b))
}

// A conversion is made once per content, whatever file holds it.
func TestConversionKept(t *testing.T) {
	runs := fakeSoffice(t, "echo 'Fatal exception' >&2\nexit 134\n")
	c := loadCatalog(t)
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	// Content of this test alone: not converted by another test before.
	b = append(b, []byte(t.Name())...)
	dir := t.TempDir()
	for _, name := range []string{"KT-2026-Q1.xls", "ban sao.xls"} {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	for range 2 {
		for _, s := range ReadAll([]string{dir}, c, Options{Period: q1}) {
			if !hasProblem(s, SeverityError, "LibreOffice dừng đột ngột") {
				t.Errorf("%s: %s", s.Path, problemsText(s))
			}
		}
	}
	if n := len(lines(runs)); n != 1 {
		t.Errorf("LibreOffice ran %d times for one content", n)
	}
}

// A caller that gives up stops LibreOffice: the process is killed and its
// temporary folder removed, and nothing is kept.
func TestConversionStopped(t *testing.T) {
	runs := fakeSoffice(t, "sleep 60\n")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	c := loadCatalog(t)
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, []byte(t.Name())...)
	path := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
	os.WriteFile(path, b, 0o644)
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	subs := ReadAll([]string{path, path + ".khac.xlsx"}, c, Options{Period: q1, Context: ctx})
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("stopping took %v", d)
	}
	if len(subs) == 0 || !subs[0].HasErrors() {
		t.Errorf("a stopped conversion gave no error: %+v", subs)
	}
	pids := lines(runs)
	if len(pids) != 1 {
		t.Fatalf("runs: %v", pids)
	}
	pid, _ := strconv.Atoi(pids[0])
	deadline := time.Now().Add(5 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("LibreOffice (pid %d) still runs", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Not kept: the next reading converts again.
	ReadAll([]string{path}, c, Options{Period: q1, Context: ctx})
	fresh, cancel2 := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel2()
	ReadAll([]string{path}, c, Options{Period: q1, Context: fresh})
	if n := len(lines(runs)); n != 2 {
		t.Errorf("after a stopped conversion, %d runs, want 2", n)
	}
}

// A small file that keeps LibreOffice busy past the time of its size is
// called too complex, not a LibreOffice to close and run again; the
// verdict is kept.
func TestConversionBudget(t *testing.T) {
	if d := convertBudget(1300); d < 30*time.Second || d > 31*time.Second {
		t.Errorf("a 1.3 KB file gets %v", d)
	}
	if d := convertBudget(100 << 20); d != soffice.Timeout {
		t.Errorf("a 100 MB file gets %v", d)
	}
	runs := fakeSoffice(t, "sleep 60\n")
	saved := soffice.Timeout
	soffice.Timeout = 400 * time.Millisecond
	t.Cleanup(func() { soffice.Timeout = saved })
	c := loadCatalog(t)
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
	os.WriteFile(path, append(b, []byte(t.Name())...), 0o644)
	for range 2 {
		s := readUnchanged(t, path, c, Options{Period: q1})
		if !hasProblem(s, SeverityError, "tệp quá lớn/phức tạp: LibreOffice chưa chuyển xong tệp .xls") {
			t.Errorf("%s", problemsText(s))
		}
		for _, p := range s.Problems {
			if strings.Contains(p.Message, "chạy lại") && strings.Contains(p.Message, "LibreOffice không trả lời") {
				t.Errorf("advises running again: %s", p.Message)
			}
		}
	}
	if n := len(lines(runs)); n != 1 {
		t.Errorf("LibreOffice ran %d times", n)
	}
}

// Several .xls received together, in a folder or in one zip, convert side
// by side: soffice.Parallel LibreOffices at once (the fake counts those
// running as it starts), never more.
func TestXLSConvertSideBySide(t *testing.T) {
	running := t.TempDir()
	fakeSoffice(t, `touch '`+running+`'/$$; ls '`+running+`' | wc -l >> '`+running+`.peak'; sleep 0.3; rm '`+running+`'/$$
echo 'Fatal exception' >&2
exit 134
`)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer func(n int) { soffice.Parallel = n }(soffice.Parallel)
	soffice.Parallel = 2
	c := loadCatalog(t)
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	for _, how := range []string{"folder", "zip"} {
		os.Remove(running + ".peak")
		dir := t.TempDir()
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := range 4 {
			// Content of this test alone: not converted before.
			data := append(slices.Clone(b), fmt.Sprintf("%s %s %d", t.Name(), how, i)...)
			name := fmt.Sprintf("%s-2026-Q1.xls", []string{"KT", "VP", "CA", "HND"}[i])
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
			w, _ := zw.Create(name)
			w.Write(data)
		}
		zw.Close()
		in := dir
		if how == "zip" {
			in = filepath.Join(t.TempDir(), "don-vi.zip")
			os.WriteFile(in, buf.Bytes(), 0o644)
		}
		subs := ReadAll([]string{in}, c, Options{Period: q1})
		if len(subs) != 4 {
			t.Fatalf("%s: %d submissions", how, len(subs))
		}
		for _, s := range subs {
			if !hasProblem(s, SeverityError, "không chuyển được tệp .xls sang .xlsx") {
				t.Errorf("%s: %s", how, problemsText(s))
			}
		}
		peak := 0
		for _, l := range lines(running + ".peak") {
			n, _ := strconv.Atoi(l)
			peak = max(peak, n)
		}
		if peak != 2 {
			t.Errorf("%s: at most %d LibreOffices at once, want 2 (%v)", how, peak, lines(running+".peak"))
		}
	}
}
