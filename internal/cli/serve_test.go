package cli

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"baocao/internal/web"
)

var mousetrapDefault = startedByExplorer

func TestServeHelp(t *testing.T) {
	code, out, _ := run(t, "serve", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"--port CỔNG", "--no-browser", "--workspace THƯ_MỤC", "Trạng thái thoát: 0", "Documents\\baocao", "mau-bieu/", "nhan-ve/", "data/tinh.yaml", "Documents\\baocao-tinh"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --help lacks %q", want)
		}
	}
	for _, english := range []string{"Usage:", "Flags:", "help for", "(default", "[flags]"} {
		if strings.Contains(out, english) {
			t.Errorf("serve --help says %q", english)
		}
	}
	_, out, _ = run(t, "--help")
	if !strings.Contains(out, "serve") || !strings.Contains(out, "không kèm lệnh nào") {
		t.Errorf("the root help does not tell about the page:\n%s", out)
	}
}

func TestServeBadArguments(t *testing.T) {
	// The port taken on the page's own address.
	busy := t.TempDir()
	secret, err := web.Secret(busy)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", web.InstanceHost(secret)+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	file := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--no-browser", "--workspace", busy, "--port", fmt.Sprint(port)}, fmt.Sprintf("cổng %d đang được chương trình khác dùng", port)},
		{[]string{"serve", "--no-browser", "--workspace", t.TempDir(), "--port", "0"}, "cổng 0 không hợp lệ"},
		{[]string{"serve", "--no-browser", "--workspace", file}, "là một tệp, không phải thư mục"},
		{[]string{"serve", "--no-browser", "--data", t.TempDir()}, "dữ liệu kế hoạch có lỗi"},
		{[]string{"serve", "thua"}, "không có lệnh «thua»"},
	} {
		code, out, errOut := run(t, tt.args...)
		if code != ExitUsage || !strings.Contains(errOut, tt.want) || out != "" {
			t.Errorf("%v: exit %d, %q, want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// baocao with no arguments, as a double-click gives: the page in the
// default workspace, opened in the browser; a clean stop is exit 0.
func TestNoArgumentsServes(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Chdir(t.TempDir())
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
	url := <-opened
	lines := strings.Split(strings.TrimSpace(string(printed)), "\n")
	// The workspace is said first, so that the clerk knows where her
	// files are; then the address.
	if len(lines) != 2 || lines[0] != "Thư mục làm việc (biểu mẫu, tệp nhận về, báo cáo): "+filepath.Join(home, "baocao") ||
		!strings.Contains(lines[1], url) || !strings.Contains(lines[1], "đóng cửa sổ này để thoát") {
		t.Errorf("printed %q, opened %q", printed, url)
	}
	// Nothing about the built-in data and templates: the clerk who
	// double-clicked has no command to run about them.
	if e := errOut.String(); e != "" {
		t.Errorf("printed a note: %q", e)
	}
	if !regexp.MustCompile(`^http://127\.\d+\.\d+\.\d+:\d+/\?khoa=\w+$`).MatchString(url) || strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("address %q", url)
	}
	if fi, err := os.Stat(filepath.Join(home, "baocao")); err != nil || !fi.IsDir() {
		t.Errorf("the default workspace ~/baocao: %v", err)
	}
}

// After a double-click, an error waits for Enter before the window closes.
func TestDoubleClickErrorWaits(t *testing.T) {
	startedByExplorer = func() bool { return true }
	stdin = strings.NewReader("\n")
	t.Cleanup(func() { startedByExplorer, stdin = mousetrapDefault, os.Stdin })
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Chdir(t.TempDir())
	os.WriteFile(filepath.Join(home, "baocao"), []byte("a file where the workspace goes"), 0o644)
	code, _, errOut := run(t)
	if code != ExitUsage || !strings.Contains(errOut, "là một tệp, không phải thư mục") || !strings.HasSuffix(errOut, "Bấm Enter để đóng cửa sổ này.\n") {
		t.Errorf("exit %d: %q", code, errOut)
	}
	// A command typed in a terminal never waits.
	code, _, errOut = run(t, "serve", "--workspace", filepath.Join(home, "baocao"))
	if code != ExitUsage || strings.Contains(errOut, "Bấm Enter") {
		t.Errorf("serve: exit %d: %q", code, errOut)
	}
}
