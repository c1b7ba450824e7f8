package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"baocao/internal/web"
)

// freePort is a port nobody listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startServe runs «baocao serve» with args in this process until the
// returned stop is called; it returns the address printed.
func startServe(t *testing.T, args ...string) (url string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		code := mainContext(ctx, append([]string{"serve", "--no-browser"}, args...), pw, &errOut)
		pw.Close()
		done <- code
	}()
	lines := bufio.NewScanner(pr)
	for url == "" {
		if !lines.Scan() {
			t.Fatalf("serve printed no address: %s", errOut.String())
		}
		url = regexp.MustCompile(`http://127\.\d+\.\d+\.\d+:\d+/\?khoa=\w+`).FindString(lines.Text())
	}
	go io.Copy(io.Discard, pr)
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve ended with %d: %s", code, errOut.String())
		}
	}
	t.Cleanup(stop)
	return url, stop
}

// A second start on the same workspace opens the running page and ends at
// once, without a second server; once the first ends, its lock is gone.
func TestSecondStartOpensRunningPage(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "baocao")
	url, stop := startServe(t, "--workspace", ws)

	opened := make(chan string, 1)
	browserOpener = func(u string) error { opened <- openerTarget(t, u); return nil }
	t.Cleanup(func() { browserOpener = openBrowser })
	start := time.Now()
	code, out, errOut := run(t, "serve", "--workspace", ws)
	if code != 0 {
		t.Fatalf("second start: exit %d: %s", code, errOut)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the second start took %v", d)
	}
	if !strings.Contains(out, "đã đang mở") || !strings.Contains(out, url) {
		t.Errorf("the second start printed %q, want the running page %s", out, url)
	}
	select {
	case u := <-opened:
		if u != url {
			t.Errorf("opened %q, want %q", u, url)
		}
	default:
		t.Error("the browser was not opened on the running page")
	}
	// No flag name in what the clerk reads, and nothing about the data and
	// templates built into the program, which she cannot act on.
	if strings.Contains(out, "--") {
		t.Errorf("printed a flag: %q", out)
	}
	if errOut != "" {
		t.Errorf("the second start printed a note: %q", errOut)
	}
	// Even with the first page's port asked for, the second start opens it.
	port := regexp.MustCompile(`:(\d+)/`).FindStringSubmatch(url)[1]
	if code, out, errOut := run(t, "serve", "--no-browser", "--workspace", ws, "--port", port); code != 0 || !strings.Contains(out, url) {
		t.Errorf("second start with --port %s: exit %d %q %q", port, code, out, errOut)
	}
	stop()
	if _, err := os.Stat(filepath.Join(ws, web.LockFile)); !os.IsNotExist(err) {
		t.Errorf("the lock outlived the page: %v", err)
	}
}

// The page's address keeps working across a restart: the same secret, and
// the browser's cookie of the first run opens the page of the second.
func TestRestartKeepsAddress(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "baocao")
	port := strconv.Itoa(freePort(t))
	url1, stop := startServe(t, "--workspace", ws, "--port", port)
	jar, _ := cookiejar.New(nil)
	tab := &http.Client{Jar: jar}
	res, err := tab.Get(url1)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("entering: %d", res.StatusCode)
	}
	stop()

	url2, _ := startServe(t, "--workspace", ws, "--port", port)
	if url2 != url1 {
		t.Errorf("the address changed across a restart: %q, then %q", url1, url2)
	}
	// The old tab reloads, and its bookmark (the address without the
	// secret) opens the page.
	origin := url1[:strings.Index(url1, "/?")]
	res, err = tab.Get(origin + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "Kỳ báo cáo") {
		t.Errorf("the old tab after a restart: %d", res.StatusCode)
	}
	// Another host name is still refused.
	req, _ := http.NewRequest("GET", origin+"/", nil)
	req.Host = "may-khac:" + port
	res, err = tab.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("another host: %d", res.StatusCode)
	}
}

// A lock left by a program that died is taken over: the page starts.
func TestStaleLockTakenOver(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "baocao")
	os.MkdirAll(ws, 0o755)
	dead := "127.0.0.1:" + strconv.Itoa(freePort(t))
	stale, _ := json.Marshal(map[string]any{"dia_chi": dead, "pid": 999999})
	os.WriteFile(filepath.Join(ws, web.LockFile), stale, 0o600)
	url, _ := startServe(t, "--workspace", ws)
	b, err := os.ReadFile(filepath.Join(ws, web.LockFile))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), dead) || !strings.Contains(url, regexp.MustCompile(`"dia_chi":"([^"]+)"`).FindStringSubmatch(string(b))[1]) {
		t.Errorf("lock %s for the page at %s", b, url)
	}
}

// openerTarget is the address that the file handed to the browser sends it
// on to; the file's path itself must not carry the secret.
func openerTarget(t *testing.T, path string) string {
	t.Helper()
	if strings.Contains(path, "khoa=") || !strings.HasSuffix(path, web.OpenerFile) {
		t.Errorf("the browser was handed %q, not the opener file", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`url=(http://[^"]+)"`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatalf("the opener sends nowhere: %s", b)
	}
	return strings.ReplaceAll(m[1], "&amp;", "&")
}
