package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pageFor opens the province's page where its data are, the commune's
// everywhere else.
func TestPageFor(t *testing.T) {
	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	province := filepath.Join(tmp, "tinh")
	if code := Main([]string{"init", "--tinh", province}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("init --tinh: %d", code)
	}
	commune := filepath.Join(tmp, "xa")
	if code := Main([]string{"init", commune}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("init: %d", code)
	}
	empty := filepath.Join(tmp, "trong")
	os.MkdirAll(empty, 0o755)
	def := filepath.Join(home, "baocao")

	cases := []struct {
		name, cwd, data, workspace string
		root, provinceDir          string
	}{
		{"a province workspace", empty, "", province, province, filepath.Join(province, "data")},
		{"a commune workspace", empty, "", commune, commune, ""},
		{"double-click in the province's folder", province, "", "", ".", "data"},
		{"double-click in the commune's folder", commune, "", "", "", ""},
		{"double-click elsewhere", empty, "", "", "", ""},
		{"the province's data given", empty, filepath.Join(province, "data"), "", def + "-tinh", filepath.Join(province, "data")},
		{"the province's data and a workspace", empty, filepath.Join(province, "data"), filepath.Join(tmp, "ws"), filepath.Join(tmp, "ws"), filepath.Join(province, "data")},
		{"the commune's data given", province, filepath.Join(commune, "data"), "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(c.cwd)
			root, dir, err := pageFor(c.data, c.workspace)
			if err != nil {
				t.Fatal(err)
			}
			if root != c.root || dir != c.provinceDir {
				t.Errorf("pageFor(%q, %q) in %s = %q, %q; want %q, %q", c.data, c.workspace, c.cwd, root, dir, c.root, c.provinceDir)
			}
		})
	}
	// The default workspace holding the province's data is a province's.
	if code := Main([]string{"init", "--tinh", def}, io.Discard, io.Discard); code != 0 {
		t.Fatal("init --tinh in the default workspace")
	}
	t.Chdir(empty)
	if root, dir, _ := pageFor("", ""); root != def || dir != filepath.Join(def, "data") {
		t.Errorf("the default workspace with the province's data: %q, %q", root, dir)
	}
}

// baocao with no arguments in the folder «init --tinh» wrote (baocao.exe
// double-clicked there): the province's page, on that folder.
func TestDoubleClickInProvinceFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	dir := filepath.Join(t.TempDir(), "tinh")
	if code := Main([]string{"init", "--tinh", dir}, io.Discard, io.Discard); code != 0 {
		t.Fatal("init --tinh")
	}
	t.Chdir(dir)
	ctx, cancel := context.WithCancel(context.Background())
	opened := make(chan string, 1)
	browserOpener = func(path string) error {
		opened <- openerTarget(t, path)
		cancel()
		return nil
	}
	t.Cleanup(func() { browserOpener = openBrowser })
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var errOut syncBuffer
	go func() {
		done <- mainContext(ctx, nil, pw, &errOut)
		pw.Close()
	}()
	printed, _ := io.ReadAll(pr)
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	<-opened
	abs, _ := filepath.Abs(dir)
	lines := strings.Split(strings.TrimSpace(string(printed)), "\n")
	if len(lines) != 2 || lines[0] != "Thư mục làm việc của tỉnh (bảng tổng hợp các xã gửi về, báo cáo của tỉnh): "+abs || !strings.HasPrefix(lines[1], "Trang tổng hợp của tỉnh: http://127.") {
		t.Errorf("printed %q", printed)
	}
	if _, err := os.Stat(filepath.Join(home, "baocao")); err == nil {
		t.Error("the commune's default workspace was made")
	}
}

// A province's data with a mistake stop the start, with file and line.
func TestServeBrokenProvinceData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tinh")
	if code := Main([]string{"init", "--tinh", dir}, io.Discard, io.Discard); code != 0 {
		t.Fatal("init --tinh")
	}
	os.WriteFile(filepath.Join(dir, "data", "xa.csv"), []byte("mã;tên;loại\n1;Xốp;làng\n"), 0o644)
	code, out, errOut := run(t, "serve", "--no-browser", "--workspace", dir)
	if code != ExitUsage || !strings.Contains(errOut, "dữ liệu của tỉnh có lỗi") || !strings.Contains(errOut, "xa.csv") || out != "" {
		t.Errorf("exit %d, %q %q", code, out, errOut)
	}
}
