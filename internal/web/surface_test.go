package web

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/cycle"
	"baocao/internal/forms"
)

// The page's own address: 127.X.Y.Z from the secret, the same for the
// same secret, never 127.0.0.1.
func TestInstanceHost(t *testing.T) {
	seen := map[string]bool{}
	for _, secret := range []string{"a", "b", testToken, strings.Repeat("0", 48)} {
		h := InstanceHost(secret)
		ip := net.ParseIP(h)
		if ip == nil || ip.To4() == nil || !ip.IsLoopback() || h == "127.0.0.1" || strings.HasSuffix(h, ".0") || strings.HasSuffix(h, ".255") {
			t.Errorf("InstanceHost(%q) = %s", secret, h)
		}
		if InstanceHost(secret) != h {
			t.Error("not stable")
		}
		seen[h] = true
	}
	if len(seen) != 4 {
		t.Errorf("four secrets, %d addresses", len(seen))
	}
}

// startOn serves the page on its own loopback address, as serve does.
func startOn(t *testing.T) (*Server, string, *cycle.Workspace) {
	t.Helper()
	if runtime.GOOS == "darwin" {
		t.Skip("macOS gives the loopback network 127.0.0.1 alone")
	}
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen(InstanceHost(testToken), 0, true)
	if err != nil {
		t.Fatal(err)
	}
	if h, _, _ := net.SplitHostPort(ln.Addr().String()); h != InstanceHost(testToken) {
		t.Fatalf("listens on %s, want %s", h, InstanceHost(testToken))
	}
	srv, err := New(Options{Workspace: ws, DataDir: repoData, Addr: ln.Addr().String(), Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return srv, ts.URL, ws
}

// The secret's cookie goes to the page's own address and to no other
// server of the machine: cookiejar keeps cookies by host and not by port,
// as browsers do (RFC 6265), so a server on 127.0.0.1 that the same
// browser visits gets nothing.
func TestSecretReachesNoOtherServer(t *testing.T) {
	srv, base, _ := startOn(t)
	var mu sync.Mutex
	var leaked []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range r.Cookies() {
			leaked = append(leaked, c.Name+"="+c.Value)
		}
	}))
	defer other.Close()
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	res, err := browser.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	if read(t, res); res.StatusCode != 200 {
		t.Fatalf("entering %s: %d", srv.URL(), res.StatusCode)
	}
	if res, err = browser.Get(base + "/"); err != nil {
		t.Fatal(err)
	}
	if body := read(t, res); res.StatusCode != 200 || !strings.Contains(body, "Kỳ báo cáo") {
		t.Fatalf("the page after entering: %d", res.StatusCode)
	}
	if !strings.HasPrefix(srv.URL(), base) {
		t.Errorf("printed address %s, served at %s", srv.URL(), base)
	}
	// The cookie is kept: the page opens again without the secret.
	res, err = browser.Get(base + "/api/tinh-hinh?ky=2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	if read(t, res); res.StatusCode != 200 {
		t.Fatalf("with the cookie: %d", res.StatusCode)
	}
	// Another local server, on another port of 127.0.0.1.
	res, err = browser.Get(other.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	read(t, res)
	u, _ := url.Parse(other.URL)
	if len(jar.Cookies(u)) != 0 || len(leaked) != 0 {
		t.Errorf("the secret reached another server: %v", leaked)
	}
	// The other server cannot pretend to be the page either: a request
	// for Host 127.0.0.1 is refused by the page.
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	req, _ := http.NewRequest("GET", base+"/", nil)
	req.Host = "127.0.0.1:" + port
	req.AddCookie(&http.Cookie{Name: srv.cookieName(), Value: testToken})
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if read(t, res); res.StatusCode != 403 {
		t.Errorf("Host 127.0.0.1 on the page's own address: %d", res.StatusCode)
	}
}

// tree lists every file and folder under root.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil {
			rel, _ := filepath.Rel(root, path)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// No GET writes anything: a form of a far period is built in memory.
func TestGetWritesNothing(t *testing.T) {
	s := start(t)
	before := tree(t, s.ws.Root)
	for _, path := range []string{
		"/mau-bieu/2100-Q4/KT-2100-Q4.xlsx",
		"/mau-bieu/2100-Q4/tat-ca.zip",
		"/?ky=2100-Q4",
		"/api/tinh-hinh?ky=2100-Q4",
		"/api/tien-do?ky=2100-Q4",
		"/ket-qua/2100-Q4/bao-cao-2100-Q4.docx",
		"/nhan-ve/2100-Q4/KT-2100-Q4.xlsx",
		"/huong-dan-mau",
	} {
		res, body := s.get(t, path)
		if path == "/mau-bieu/2100-Q4/KT-2100-Q4.xlsx" {
			if res.StatusCode != 200 {
				t.Fatalf("the form: %d", res.StatusCode)
			}
			f, err := excelize.OpenReader(strings.NewReader(body))
			if err != nil {
				t.Fatalf("the form is no workbook: %v", err)
			}
			if m, ok := forms.ReadMeta(f); !ok || m.Unit != "KT" || m.Period != "2100-Q4" {
				t.Errorf("the form's metadata: %+v", m)
			}
			f.Close()
		}
	}
	if after := tree(t, s.ws.Root); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("GETs changed the workspace: %v, then %v", before, after)
	}
	// So the page and its guide never say that a form downloaded is kept
	// in mau-bieu: they say what is true, that an edited one put there is
	// served.
	_, page := s.get(t, "/?ky=2100-Q4")
	_, guide := s.get(t, "/huong-dan")
	for _, said := range []string{page, guide} {
		if strings.Contains(said, "cũng được lưu trong thư mục") || strings.Contains(said, "mau-bieu</code>: biểu mẫu gửi đơn vị") {
			t.Errorf("the page says forms downloaded are saved in the workspace:\n%s", said)
		}
	}
	if !strings.Contains(page, "Biểu mẫu được lập khi tải về") || !strings.Contains(page, "trang sẽ tải về bản đã sửa") {
		t.Errorf("step 1 does not say where the forms are")
	}
	// A form the office put there is the one served.
	os.MkdirAll(s.ws.FormsDir(q1), 0o755)
	os.WriteFile(s.ws.FormPath(q1, "KT"), []byte("bản văn phòng sửa"), 0o644)
	if res, body := s.get(t, "/mau-bieu/2026-Q1/KT-2026-Q1.xlsx"); res.StatusCode != 200 || body != "bản văn phòng sửa" {
		t.Errorf("the office's own form: %d %q", res.StatusCode, body)
	}
}

// Every request body is bounded, the unit assignment's included.
func TestBodiesBounded(t *testing.T) {
	s := start(t)
	big := url.Values{"tep": {strings.Repeat("a", 1<<20)}, "don_vi": {"KT"}}.Encode()
	for _, ct := range []string{"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"} {
		body := big
		if strings.HasPrefix(ct, "multipart") {
			body = "--x\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a\"\r\n\r\n" + strings.Repeat("a", 1<<20) + "\r\n--x--\r\n"
		}
		req, _ := http.NewRequest("POST", s.URL+"/api/gan-don-vi?ky=2026-Q1", strings.NewReader(body))
		req.Header.Set("Content-Type", ct)
		res, err := s.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		a := decode(t, res)
		if res.StatusCode != http.StatusRequestEntityTooLarge && res.StatusCode != http.StatusBadRequest || !strings.Contains(a.Error, "gán đơn vị") {
			t.Errorf("%s, 1 MB: %d %q", ct, res.StatusCode, a.Error)
		}
	}
	// A report asked for with a large body: refused before anything.
	req, _ := http.NewRequest("POST", s.URL+"/api/cong-van?ky=2026-Q1", bytes.NewReader(make([]byte, 1<<20)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	read(t, res)
	// The usual assignment still works.
	res = s.post(t, "/api/gan-don-vi?ky=2026-Q1", url.Values{"tep": {"khong-co.xlsx"}, "don_vi": {"KT"}})
	if a := decode(t, res); strings.Contains(a.Error, "quá lớn") {
		t.Errorf("a small assignment: %d %q", res.StatusCode, a.Error)
	}
}

// Idle keep-alive connections are closed; a client that sends its request
// head too slowly is cut off.
func TestIdleConnectionsClosed(t *testing.T) {
	saved := [2]time.Duration{idleTimeout, readHeaderTimeout}
	idleTimeout, readHeaderTimeout = 300*time.Millisecond, 300*time.Millisecond
	defer func() { idleTimeout, readHeaderTimeout = saved[0], saved[1] }()
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("", 0, true)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Workspace: ws, DataDir: repoData, Addr: ln.Addr().String(), Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := contextWithCancel()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /tai-nguyen/style.css HTTP/1.1\r\nHost: "+ln.Addr().String()+"\r\n\r\n")
	br := bufio.NewReader(c)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Close {
		t.Fatalf("a keep-alive answer: %d close=%v", res.StatusCode, res.Close)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("the idle connection: %v after %v", err, time.Since(start))
	}
	// A slow head.
	c2, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	io.WriteString(c2, "GET / HTTP/1.1\r\n")
	c2.SetReadDeadline(time.Now().Add(5 * time.Second))
	// Go answers 408 or closes: either way the connection ends, long
	// before our deadline.
	var ne net.Error
	if _, err := io.ReadAll(c2); errors.As(err, &ne) && ne.Timeout() {
		t.Errorf("a slow request head kept its connection: %v", err)
	}
}

// The browser is handed a file of the owner's, not the secret.
func TestOpener(t *testing.T) {
	dir := t.TempDir()
	u := "http://127.1.2.3:8686/?khoa=" + strings.Repeat("ab", 24)
	path, err := Opener(dir, u)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(path, "khoa") || strings.Contains(path, "abab") {
		t.Errorf("the path carries the secret: %s", path)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), `content="0; url=`+u+`"`) {
		t.Errorf("the opener: %s", b)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the opener is readable by others: %v", fi.Mode())
	}
	// Written again, whole, with the next address.
	if _, err := Opener(dir, u+"x"); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftovers: %v", entries)
	}
}

func contextWithCancel() (context.Context, context.CancelFunc) {
	return context.WithCancel(context.Background())
}

// At most maxConns connections are open at once; the next waits for one to
// close, and a stop does not wait for the waiting one.
func TestConnectionsCapped(t *testing.T) {
	saved := maxConns
	maxConns = 3
	defer func() { maxConns = saved }()
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := Listen("", 0, true)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Workspace: ws, DataDir: repoData, Addr: ln.Addr().String(), Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := contextWithCancel()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	ask := func(c net.Conn) error {
		c.SetDeadline(time.Now().Add(700 * time.Millisecond))
		io.WriteString(c, "GET /tai-nguyen/style.css HTTP/1.1\r\nHost: "+ln.Addr().String()+"\r\n\r\n")
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err == nil {
			res.Body.Close()
		}
		return err
	}
	var conns []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := ask(c); err != nil {
			t.Fatalf("within the cap: %v", err)
		}
		conns = append(conns, c)
	}
	fourth, err := net.Dial("tcp", ln.Addr().String()) // the kernel accepts; the server waits
	if err != nil {
		t.Fatal(err)
	}
	defer fourth.Close()
	if err := ask(fourth); err == nil {
		t.Error("a fourth connection was served while three were open")
	}
	conns[0].Close()
	if err := func() error {
		fourth.SetDeadline(time.Now().Add(3 * time.Second))
		res, err := http.ReadResponse(bufio.NewReader(fourth), nil)
		if err == nil {
			res.Body.Close()
		}
		return err
	}(); err != nil {
		t.Errorf("the fourth, once one closed: %v", err)
	}
	start := time.Now()
	cancel()
	<-done
	if d := time.Since(start); d > 7*time.Second {
		t.Errorf("stopping took %v", d)
	}
}
