package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"baocao/internal/cycle"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

var (
	repoData, _ = filepath.Abs(filepath.Join("..", "..", "data"))
	samples, _  = filepath.Abs(filepath.Join("..", "..", "data", "samples", "2026-Q1"))
	q1          = period.MustParse("2026-Q1")
)

const testToken = "bi-mat-thu"

type testServer struct {
	*httptest.Server
	srv    *Server
	ws     *cycle.Workspace
	client *http.Client // holds the cookie once entered
	port   string
}

// start serves the page for a fresh workspace, as on 16/03/2026, and enters
// it with the secret.
func start(t *testing.T) *testServer {
	t.Helper()
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	// Files are received a minute apart from 08:00 that day.
	var mu sync.Mutex
	received := time.Date(2026, 3, 16, 8, 0, 0, 0, time.Local)
	ws.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		received = received.Add(time.Minute)
		return received
	}
	ts := httptest.NewUnstartedServer(nil)
	now := func() time.Time { return time.Date(2026, 3, 16, 9, 0, 0, 0, time.Local) }
	srv, err := New(Options{Workspace: ws, DataDir: repoData, Addr: ts.Listener.Addr().String(), Now: now, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	s := &testServer{Server: ts, srv: srv, ws: ws, client: client, port: port}
	res, err := client.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("entering with the secret: %d", res.StatusCode)
	}
	return s
}

func read(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func (s *testServer) get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	res, err := s.client.Get(s.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	return res, read(t, res)
}

type upload struct {
	name string
	data []byte
	mod  time.Time
}

func sample(t *testing.T, name string) upload {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(samples, name))
	if err != nil {
		t.Fatal(err)
	}
	return upload{name: name, data: b}
}

func allSamples(t *testing.T) []upload {
	t.Helper()
	entries, _ := os.ReadDir(samples)
	var out []upload
	for _, e := range entries {
		out = append(out, sample(t, e.Name()))
	}
	return out
}

type answer struct {
	Files []fileResult      `json:"tep"`
	Notes []string          `json:"ghi_chu"`
	HTML  map[string]string `json:"html"`
	Error string            `json:"loi"`
	Msg   string            `json:"thong_bao"`
}

func decode(t *testing.T, res *http.Response) answer {
	t.Helper()
	body := read(t, res)
	var a answer
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatalf("not JSON (%d): %s", res.StatusCode, body)
	}
	return a
}

// send posts files as the page does: a field sua_luc before each file.
func (s *testServer) send(t *testing.T, client *http.Client, files ...upload) *http.Response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range files {
		if !f.mod.IsZero() {
			mw.WriteField("sua_luc", strconv.FormatInt(f.mod.UnixMilli(), 10))
		}
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="tep"; filename="%s"`, strings.ReplaceAll(f.name, `"`, "%22"))}
		h["Content-Type"] = []string{"application/octet-stream"}
		w, _ := mw.CreatePart(h)
		w.Write(f.data)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", s.URL+"/api/nhan-tep?ky=2026-Q1", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func (s *testServer) post(t *testing.T, path string, form url.Values) *http.Response {
	t.Helper()
	res, err := s.client.PostForm(s.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func noStackTrace(t *testing.T, body string) {
	t.Helper()
	for _, s := range []string{"goroutine ", "panic(", ".go:", "runtime/debug"} {
		if strings.Contains(body, s) {
			t.Errorf("the answer shows the program's insides (%q): %s", s, body)
		}
	}
}

func TestListenLoopbackOnly(t *testing.T) {
	ln, err := Listen("", 0, false)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.Equal(net.IPv4(127, 0, 0, 1)) {
		t.Errorf("listens on %v", ip)
	}
	// The port asked for is taken: said so, in Vietnamese.
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = Listen("", port, true)
	var pe *PortInUseError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), fmt.Sprintf("cổng %d đang được chương trình khác dùng", port)) {
		t.Errorf("a taken --port: %v", err)
	}
	// Without --port, a taken default port gives another one.
	if ln.Addr().(*net.TCPAddr).Port == DefaultPort {
		other, err := Listen("", 0, false)
		if err != nil {
			t.Fatal(err)
		}
		if other.Addr().(*net.TCPAddr).Port == DefaultPort {
			t.Error("the default port twice")
		}
		other.Close()
	}
}

// DNS rebinding: a request for any other host name is refused.
func TestHostChecked(t *testing.T) {
	s := start(t)
	for _, tt := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + s.port, 200},
		{"localhost:" + s.port, 200},
		{"LOCALHOST:" + s.port, 200},
		{"evil.example:" + s.port, 403},
		{"127.0.0.1.nip.io:" + s.port, 403},
		{"127.0.0.1:1", 403},
		{"127.0.0.1", 403},
		{"[::1]:" + s.port, 403},
	} {
		req, _ := http.NewRequest("GET", s.URL+"/", nil)
		req.Host = tt.host
		req.AddCookie(&http.Cookie{Name: s.srv.cookieName(), Value: testToken})
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body := read(t, res)
		if res.StatusCode != tt.want {
			t.Errorf("Host %q: %d, want %d", tt.host, res.StatusCode, tt.want)
		}
		if tt.want == 403 && !strings.Contains(body, "chỉ mở được bằng địa chỉ") {
			t.Errorf("Host %q: the refusal does not say why: %s", tt.host, body)
		}
	}
}

func TestToken(t *testing.T) {
	s := start(t)
	stranger := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	// Without the secret: refused, with a page that says what to do.
	res, err := stranger.Get(s.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	if body := read(t, res); res.StatusCode != 403 || !strings.Contains(body, "địa chỉ in trong cửa sổ chương trình") {
		t.Errorf("no cookie: %d %s", res.StatusCode, body)
	}
	res, _ = stranger.Get(s.URL + "/?khoa=sai")
	if read(t, res); res.StatusCode != 403 {
		t.Errorf("a wrong secret: %d", res.StatusCode)
	}

	// The printed address: a cookie, then the clean address.
	res, err = stranger.Get(s.srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	landing := read(t, res)
	// A page of its own that goes on to the clean address (an HTTP
	// redirect would lose the Strict cookie when another site, or the
	// opener file, began the navigation: TestRestartInBrowser).
	if res.StatusCode != http.StatusOK || !strings.Contains(landing, `<meta http-equiv="refresh" content="0; url=/">`) || strings.Contains(landing, testToken) {
		t.Fatalf("first visit: %d %q", res.StatusCode, landing)
	}
	cookies := res.Cookies()
	if len(cookies) != 1 || cookies[0].Value != testToken || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || cookies[0].Path != "/" {
		t.Fatalf("cookie: %+v", cookies)
	}
	// Kept across the browser's restarts, as the secret is across the
	// program's: a bookmark keeps working.
	if cookies[0].MaxAge < 30*24*60*60 {
		t.Errorf("the cookie lasts %d s", cookies[0].MaxAge)
	}
	if res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Error("the secret could leak through the Referer")
	}
	// The period asked for is kept through the redirect.
	res, _ = stranger.Get(s.srv.URL() + "&ky=2026-Q2")
	if body := read(t, res); !strings.Contains(body, `url=/?ky=2026-Q2"`) {
		t.Errorf("going on with a period: %q", body)
	}

	// Every POST without the cookie, or with another, is refused.
	for _, path := range []string{"/api/nhan-tep?ky=2026-Q1", "/api/gan-don-vi?ky=2026-Q1", "/api/lap-bao-cao?ky=2026-Q1", "/api/cong-van?ky=2026-Q1"} {
		for _, cookie := range []string{"", "khac"} {
			req, _ := http.NewRequest("POST", s.URL+path, strings.NewReader("ky=2026-Q1"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if cookie != "" {
				req.AddCookie(&http.Cookie{Name: s.srv.cookieName(), Value: cookie})
			}
			res, err := stranger.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			a := decode(t, res)
			if res.StatusCode != 403 || !strings.Contains(a.Error, "Phiên làm việc không hợp lệ") {
				t.Errorf("POST %s with cookie %q: %d %q", path, cookie, res.StatusCode, a.Error)
			}
		}
	}
	if _, err := os.Stat(s.ws.PeriodDir(q1)); err == nil {
		t.Error("a refused POST wrote into the workspace")
	}

	// With the cookie, but from another site's page: refused.
	req, _ := http.NewRequest("POST", s.URL+"/api/cong-van?ky=2026-Q1", nil)
	req.Header.Set("Origin", "http://evil.example")
	res, err = s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if read(t, res); res.StatusCode != 403 {
		t.Errorf("a POST from another origin: %d", res.StatusCode)
	}

	// With the cookie, the page.
	res, body := s.get(t, "/")
	if res.StatusCode != 200 || !strings.Contains(body, "Kỳ báo cáo") {
		t.Errorf("with the cookie: %d", res.StatusCode)
	}
}

func TestPage(t *testing.T) {
	s := start(t)
	res, body := s.get(t, "/")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("%d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	// 16/03/2026 is Q1's deadline: Q1 is the period now open.
	for _, want := range []string{
		`<option value="2026-Q1" selected>Quý I năm 2026 (kỳ hiện tại)</option>`,
		`<option value="2026">Năm 2026</option>`, `<option value="2026-9M">`, `<option value="2026-H2">`,
		"số liệu từ <strong>15/12/2025</strong> đến <strong>14/03/2026</strong> · hạn đơn vị gửi <strong>16/03/2026</strong>",
		`<input type="file" id="chon-tep" name="tep" class="an-di" multiple`,
		`href="/mau-bieu/2026-Q1/KT-2026-Q1.xlsx"`, `href="/mau-bieu/2026-Q1/tat-ca.zip"`,
		`id="lap-bao-cao"`, "Lập báo cáo", "Lập công văn đôn đốc", `lang="vi"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// Nothing from outside: every address is this server's.
	for _, bad := range []string{"http://", "https://", "//cdn", "@import"} {
		if i := strings.Index(body, bad); i >= 0 {
			t.Errorf("the page refers outside (%q): …%s…", bad, body[max(0, i-40):min(len(body), i+60)])
		}
	}
	for _, asset := range []string{"/tai-nguyen/style.css", "/tai-nguyen/app.js"} {
		res, body := s.get(t, asset)
		if res.StatusCode != 200 || strings.Contains(body, "http://") || strings.Contains(body, "https://") {
			t.Errorf("%s: %d, or it refers outside", asset, res.StatusCode)
		}
	}
	if !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Error("no content security policy")
	}

	// Another period, and a mistaken one.
	_, body = s.get(t, "/?ky=2026")
	if !strings.Contains(body, `<option value="2026" selected>Năm 2026</option>`) {
		t.Error("the year is not chosen")
	}
	res, body = s.get(t, "/?ky=2026-Q9")
	if res.StatusCode != 400 || !strings.Contains(body, "Kỳ báo cáo «2026-Q9» không hợp lệ") {
		t.Errorf("a bad period: %d %s", res.StatusCode, body)
	}
	noStackTrace(t, body)
	res, body = s.get(t, "/khong-co")
	if res.StatusCode != 404 || !strings.Contains(body, "Không có trang này") {
		t.Errorf("an unknown address: %d", res.StatusCode)
	}
}

// Each file is stored, checked at once, and its unit's row comes back.
func TestUploadAndCheck(t *testing.T) {
	s := start(t)
	when := time.Date(2026, 3, 12, 8, 15, 0, 0, time.Local)
	kt := sample(t, "KT-2026-Q1.xlsx")
	kt.mod = when
	res := s.send(t, s.client, kt)
	a := decode(t, res)
	if res.StatusCode != 200 || len(a.Files) != 1 || !a.Files[0].OK || a.Files[0].Message != "Phòng Kinh tế: đã gửi đủ nhiệm vụ." {
		t.Fatalf("%d %+v", res.StatusCode, a)
	}
	// The time shown is when the page received the file, said so; the
	// time the browser gave (the file's on the clerk's disk) is not it.
	if !strings.Contains(a.HTML["units"], `id="don-vi-KT" class="du"`) || !strings.Contains(a.HTML["units"], "nhận lúc 08:01 16/03/2026") ||
		strings.Contains(a.HTML["units"], "08:15 12/03/2026") {
		t.Errorf("KT's row: %s", a.HTML["units"])
	}
	if fi, err := os.Stat(filepath.Join(s.ws.ReceivedDir(q1), "KT-2026-Q1.xlsx")); err != nil || !fi.ModTime().Equal(time.Date(2026, 3, 16, 8, 1, 0, 0, time.Local)) {
		t.Errorf("the stored file's time is not when it was received: %v %v", fi, err)
	}
	if !strings.Contains(a.HTML["tally"], "1/10") {
		t.Errorf("tally: %s", a.HTML["tally"])
	}
	path := filepath.Join(s.ws.ReceivedDir(q1), "KT-2026-Q1.xlsx")
	if b, err := os.ReadFile(path); err != nil || !bytes.Equal(b, kt.data) {
		t.Fatalf("not kept as it came: %v", err)
	}

	// The same name again: kept beside the first, never over it.
	res = s.send(t, s.client, upload{name: "KT-2026-Q1.xlsx", data: []byte("\x00\x01\x02 not a workbook")})
	a = decode(t, res)
	if a.Files[0].Stored != "KT-2026-Q1 (2).xlsx" || !strings.Contains(a.Files[0].Message, "Phòng Kinh tế") || !strings.Contains(a.Files[0].Message, "1 lỗi") {
		t.Errorf("second file: %+v", a.Files)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, kt.data) {
		t.Error("the first file was replaced")
	}
	// Unreadable, it is KT's by its name: shown on KT's row with its
	// error, while KT's good file stays the one used.
	if !strings.Contains(a.HTML["units"], `id="don-vi-KT" class="du"`) || !strings.Contains(a.HTML["units"], "KT-2026-Q1 (2).xlsx") ||
		!strings.Contains(a.HTML["units"], "không phải tệp Excel") {
		t.Errorf("after a broken resend:\n%s\n%s", a.HTML["units"], a.HTML["unassigned"])
	}

	// A file with errors, placed by sheet and cell.
	hccb := sample(t, "HCCB bao cao tin dung CSXH.xlsx")
	a = decode(t, s.send(t, s.client, hccb))
	if !strings.Contains(a.Files[0].Message, "Hội Cựu chiến binh xã: đã gửi, thiếu nhiệm vụ") ||
		!strings.Contains(a.HTML["units"], "Trang tính «Sheet1», dòng 8") {
		t.Errorf("HCCB: %+v\n%s", a.Files, a.HTML["units"])
	}
	// A PDF beside KT's workbook: not read, KT's workbook used.
	a = decode(t, s.send(t, s.client, upload{name: "Bao cao KT quy I.pdf", data: []byte("%PDF-1.4\n")}))
	if a.Files[0].Message != "Phòng Kinh tế: đã gửi đủ nhiệm vụ; tệp này không được đọc, đã dùng tệp Excel «KT-2026-Q1.xlsx» của đơn vị." ||
		!strings.Contains(a.HTML["units"], "Không đọc: đã dùng tệp Excel «KT-2026-Q1.xlsx» của đơn vị.") || strings.Contains(a.HTML["units"], "đã có tệp mới hơn") {
		t.Errorf("the PDF: %+v\n%s", a.Files, a.HTML["units"])
	}
	// The account on its own.
	res, body := s.get(t, "/api/tinh-hinh?ky=2026-Q1")
	if res.StatusCode != 200 || !strings.Contains(body, "don-vi-HCCB") {
		t.Errorf("status: %d", res.StatusCode)
	}
}

func TestUploadLimits(t *testing.T) {
	s := start(t)
	big := upload{name: "to.xlsx", data: make([]byte, cycle.MaxReceivedSize+1)}
	small := upload{name: "nho.xlsx", data: []byte("x")}
	res := s.send(t, s.client, big, small)
	a := decode(t, res)
	if res.StatusCode != 200 || len(a.Files) != 2 || a.Files[0].OK || !strings.Contains(a.Files[0].Message, "lớn hơn 20 MB nên không nhận") || !a.Files[1].OK {
		t.Fatalf("a file above 20 MB: %d %+v", res.StatusCode, a.Files)
	}
	if _, err := os.Stat(filepath.Join(s.ws.ReceivedDir(q1), "to.xlsx")); err == nil {
		t.Error("the large file was stored")
	}

	var many []upload
	for i := range MaxFilesPerRequest + 5 {
		many = append(many, upload{name: fmt.Sprintf("tep-%02d.xlsx", i), data: []byte("x")})
	}
	a = decode(t, s.send(t, s.client, many...))
	if len(a.Files) != MaxFilesPerRequest || len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "Mỗi lần gửi tối đa 30 tệp: «tep-30.xlsx» và các tệp sau chưa được nhận") {
		t.Errorf("%d files taken, notes %q", len(a.Files), a.Notes)
	}
	if _, err := os.Stat(filepath.Join(s.ws.ReceivedDir(q1), "tep-30.xlsx")); err == nil {
		t.Error("a file above the count was stored")
	}
}

func TestHostileNames(t *testing.T) {
	s := start(t)
	names := map[string]string{
		"../../thoat.xlsx":          "thoat.xlsx",
		`..\..\..\Windows\win.xlsx`: "win.xlsx",
		"/etc/passwd":               "passwd",
		"CON.xlsx":                  "_CON.xlsx",
		"a<b>|c?.xlsx":              "a_b__c_.xlsx",
		".an.xlsx":                  "an.xlsx",
		".don-vi.json":              "don-vi.json",
	}
	var files []upload
	for n := range names {
		files = append(files, upload{name: n, data: []byte(n)}) // the same bytes would be one file
	}
	a := decode(t, s.send(t, s.client, files...))
	for _, f := range a.Files {
		if f.Stored != names[f.Name] {
			t.Errorf("%q stored as %q, want %q", f.Name, f.Stored, names[f.Name])
		}
	}
	// Nothing landed outside nhan-ve.
	filepath.Walk(filepath.Dir(s.ws.Root), func(path string, fi os.FileInfo, err error) error {
		// (the workspace's own lock of its writers aside)
		if err == nil && !fi.IsDir() && filepath.Dir(path) != s.ws.ReceivedDir(q1) && path != filepath.Join(s.ws.Root, outfile.LockName) {
			t.Errorf("a file outside nhan-ve: %s", path)
		}
		return nil
	})
	// Nor can a download reach outside the folders it serves.
	for _, path := range []string{
		"/nhan-ve/2026-Q1/..%2F..%2F..%2Fetc%2Fpasswd", "/nhan-ve/2026-Q1/.don-vi.json",
		"/ket-qua/2026-Q1/..%2Fnhan-ve%2Fthoat.xlsx", "/ket-qua/..%2F..%2F/x",
		"/mau-bieu/2026-Q1/..%2F..%2Fx-2026-Q1.xlsx", "/tai-nguyen/..%2Fhandlers.go",
	} {
		res, body := s.get(t, path)
		if res.StatusCode == 200 {
			t.Errorf("%s: served %q", path, body[:min(len(body), 80)])
		}
	}
	res, body := s.get(t, "/nhan-ve/2026-Q1/thoat.xlsx")
	if res.StatusCode != 200 || body != "../../thoat.xlsx" {
		t.Errorf("a received file: %d", res.StatusCode)
	}
}

// A file that says no unit asks whose it is; the answer is kept.
func TestAssign(t *testing.T) {
	s := start(t)
	a := decode(t, s.send(t, s.client, upload{name: "anh chup.pdf", data: []byte("%PDF-1.4 x")}))
	if !strings.Contains(a.Files[0].Message, "chưa rõ của đơn vị nào") || !strings.Contains(a.HTML["unassigned"], `name="don_vi"`) {
		t.Fatalf("%+v\n%s", a.Files, a.HTML["unassigned"])
	}
	res := s.post(t, "/api/gan-don-vi?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"anh chup.pdf"}, "don_vi": {"DTN"}})
	a = decode(t, res)
	if res.StatusCode != 200 || a.Msg != "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã: gửi tệp không đọc được; tệp có 1 lỗi, xem ở dòng của đơn vị." {
		t.Errorf("%d %q %q", res.StatusCode, a.Msg, a.Error)
	}
	if !strings.Contains(a.HTML["units"], `id="don-vi-DTN" class="hong"`) || strings.Contains(a.HTML["unassigned"], "anh chup.pdf") {
		t.Errorf("after the assignment:\n%s\n%s", a.HTML["units"], a.HTML["unassigned"])
	}
	if got := s.ws.UnitOf(q1); got["anh chup.pdf"] != "DTN" {
		t.Errorf("not kept in the workspace: %v", got)
	}
	for _, bad := range []url.Values{
		{"tep": {"../x"}, "don_vi": {"DTN"}},
		{"tep": {"anh chup.pdf"}, "don_vi": {"KHONG"}},
		{"tep": {"khong co.xlsx"}, "don_vi": {"DTN"}},
	} {
		res := s.post(t, "/api/gan-don-vi?ky=2026-Q1", bad)
		if a := decode(t, res); res.StatusCode != 422 || a.Error == "" {
			t.Errorf("%v: %d %q", bad, res.StatusCode, a.Error)
		}
	}
}

func TestReportAndDownload(t *testing.T) {
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a := decode(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("%d %s", res.StatusCode, a.Error)
	}
	result := a.HTML["result"]
	for _, want := range []string{
		"Đã lập báo cáo quý I năm 2026",
		`href="/ket-qua/2026-Q1/bao-cao-2026-Q1.docx"`, `href="/ket-qua/2026-Q1/tong-hop-2026-Q1.xlsx"`, `href="/ket-qua/2026-Q1/don-doc-2026-Q1.docx"`,
		// the office's own workbook is among the downloads, with no PDF
		`href="/ket-qua/2026-Q1/kiem-tra-2026-Q1.xlsx"`, "Bảng kiểm tra của văn phòng (Excel)",
		"Có báo cáo dùng được: 9/10 đơn vị. Nhiệm vụ có báo cáo: 23/23. Dòng chưa khớp nhiệm vụ: 1. Lỗi: 0. Cảnh báo:",
		// the plan's blanks, to fill in Word: the page has no plan.yaml
		"Báo cáo còn để trống số, ngày ban hành của Kế hoạch và họ tên người ký: điền trong tệp Word trước khi trình ký.",
	} {
		if !strings.Contains(result, want) {
			t.Errorf("the result lacks %q:\n%s", want, result)
		}
	}
	if strings.Contains(result, "plan.yaml") || strings.Contains(result, "«number»") {
		t.Errorf("the result names the plan's data file:\n%s", result)
	}
	if !strings.Contains(a.HTML["outputs"], "Báo cáo (Word)") {
		t.Errorf("outputs: %s", a.HTML["outputs"])
	}
	// Each list once: the units with no usable report beside the
	// reminder's button, not again in the build's account.
	if strings.Contains(result, "Đoàn Thanh niên") || !strings.Contains(a.HTML["missing"], "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã") ||
		!strings.Contains(a.HTML["missing"], "Chưa có báo cáo dùng được: <strong>1/10</strong> đơn vị") {
		t.Errorf("the missing units:\n%s\n%s", result, a.HTML["missing"])
	}
	// The same files as «baocao report --out WS».
	for _, name := range []string{"bao-cao-2026-Q1.docx", "tong-hop-2026-Q1.xlsx", "don-doc-2026-Q1.docx"} {
		if _, err := os.Stat(filepath.Join(s.ws.Root, "2026-Q1", name)); err != nil {
			t.Error(err)
		}
	}

	for _, tt := range []struct{ path, ctype, disposition string }{
		{"/ket-qua/2026-Q1/bao-cao-2026-Q1.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			`attachment; filename="bao-cao-2026-Q1.docx"; filename*=UTF-8''bao-cao-2026-Q1.docx`},
		{"/ket-qua/2026-Q1/tong-hop-2026-Q1.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""},
		{"/nhan-ve/2026-Q1/" + url.PathEscape("Bao cao Hoi Nong dan quy I.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			`attachment; filename="Bao cao Hoi Nong dan quy I.xlsx"; filename*=UTF-8''Bao%20cao%20Hoi%20Nong%20dan%20quy%20I.xlsx`},
		{"/mau-bieu/2026-Q1/KT-2026-Q1.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ""},
		{"/mau-bieu/2026-Q1/tat-ca.zip", "application/zip", `attachment; filename="mau-bieu-2026-Q1.zip"; filename*=UTF-8''mau-bieu-2026-Q1.zip`},
	} {
		res, body := s.get(t, tt.path)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != tt.ctype || !strings.HasPrefix(body, "PK") {
			t.Errorf("%s: %d %q", tt.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if tt.disposition != "" && res.Header.Get("Content-Disposition") != tt.disposition {
			t.Errorf("%s: Content-Disposition %q", tt.path, res.Header.Get("Content-Disposition"))
		}
		if tt.path == "/mau-bieu/2026-Q1/tat-ca.zip" {
			zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
			if err != nil || len(zr.File) != 10 {
				t.Errorf("the forms' zip: %v", err)
			}
		}
	}
	res, body := s.get(t, "/ket-qua/2026-Q1/bao-cao-2026-Q2.docx")
	if res.StatusCode != 404 || !strings.Contains(body, "Lập báo cáo") {
		t.Errorf("a report not made: %d", res.StatusCode)
	}
	res, _ = s.get(t, "/mau-bieu/2026-Q1/XYZ-2026-Q1.xlsx")
	if res.StatusCode != 404 {
		t.Errorf("the form of no unit: %d", res.StatusCode)
	}
}

func TestContentDisposition(t *testing.T) {
	got := ContentDisposition(`Báo cáo "Đoàn" quý I; 100%.docx`)
	want := `attachment; filename="Bao cao _Doan_ quy I; 100%.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22%C4%90o%C3%A0n%22%20qu%C3%BD%20I%3B%20100%25.docx`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// The reminder before any file came: every unit is asked.
func TestReminderAtAnyTime(t *testing.T) {
	s := start(t)
	res := s.post(t, "/api/cong-van?ky=2026-Q1", nil)
	a := decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["result-cong-van"], "Đã lập công văn đôn đốc quý I năm 2026") ||
		!strings.Contains(a.HTML["result-cong-van"], `href="/ket-qua/2026-Q1/don-doc-2026-Q1.docx"`) {
		t.Fatalf("%d %q %s", res.StatusCode, a.Error, a.HTML["result-cong-van"])
	}
	if _, err := os.Stat(filepath.Join(s.ws.Root, "2026-Q1", "bao-cao-2026-Q1.docx")); err == nil {
		t.Error("the reminder alone wrote the report")
	}
	// A report with nothing usable says so, and writes the reminder.
	a = decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	if !strings.Contains(a.HTML["result"], "Chưa có tệp nào dùng được nên chưa lập báo cáo quý I năm 2026") {
		t.Errorf("an empty report: %s", a.HTML["result"])
	}
}

// One build of a period at a time: a second is told so.
func TestConcurrentBuilds(t *testing.T) {
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()

	unlock, err := s.ws.Lock(q1)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/lap-bao-cao?ky=2026-Q1", "/api/cong-van?ky=2026-Q1"} {
		res := s.post(t, path, nil)
		if a := decode(t, res); res.StatusCode != http.StatusConflict || !strings.Contains(a.Error, "Báo cáo quý I năm 2026 đang được lập") {
			t.Errorf("%s during a build: %d %q", path, res.StatusCode, a.Error)
		}
	}
	// Another period is not held up.
	if res := s.post(t, "/api/cong-van?ky=2026-Q2", nil); res.StatusCode != 200 {
		t.Errorf("another period: %d", res.StatusCode)
	}
	unlock()

	// Clicks at once: each is built or told so, never both half-way.
	var wg sync.WaitGroup
	codes := make([]int, 4)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := s.client.PostForm(s.URL+"/api/lap-bao-cao?ky=2026-Q1", nil)
			if err != nil {
				t.Error(err)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			codes[i] = res.StatusCode
		}()
	}
	wg.Wait()
	built := 0
	for _, c := range codes {
		switch c {
		case 200:
			built++
		case http.StatusConflict:
		default:
			t.Errorf("a click answered %d", c)
		}
	}
	if built == 0 {
		t.Errorf("no click built the report: %v", codes)
	}
	if _, err := zip.OpenReader(filepath.Join(s.ws.Root, "2026-Q1", "bao-cao-2026-Q1.docx")); err != nil {
		t.Errorf("the report after concurrent clicks: %v", err)
	}
}

// A mistake of the program gives a plain page, never its insides.
func TestPanicGivesPlainPage(t *testing.T) {
	s := start(t)
	var logged bytes.Buffer
	s.srv.log.SetOutput(&logged)
	s.srv.mux.HandleFunc("GET /thu-loi", func(http.ResponseWriter, *http.Request) { panic("nil map") })
	s.srv.mux.HandleFunc("POST /api/thu-loi", func(http.ResponseWriter, *http.Request) { panic("nil map") })
	res, body := s.get(t, "/thu-loi")
	if res.StatusCode != 500 || !strings.Contains(body, "Chương trình gặp lỗi không lường trước") || strings.Contains(body, "nil map") {
		t.Errorf("%d %s", res.StatusCode, body)
	}
	noStackTrace(t, body)
	a := decode(t, s.post(t, "/api/thu-loi", nil))
	if !strings.Contains(a.Error, "Các tệp đã nhận vẫn còn nguyên") {
		t.Errorf("API: %q", a.Error)
	}
	if !strings.Contains(logged.String(), "nil map") {
		t.Error("the panic is not logged for whoever helps")
	}
	// The server goes on.
	if res, _ := s.get(t, "/"); res.StatusCode != 200 {
		t.Errorf("after a panic: %d", res.StatusCode)
	}
}

// A year's report reads the quarters' folders: the files received for Q1
// count, and say where they are.
func TestLongPeriod(t *testing.T) {
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()
	res, err := s.client.Get(s.URL + "/api/tinh-hinh?ky=2026")
	if err != nil {
		t.Fatal(err)
	}
	a := decode(t, res)
	if !strings.Contains(a.HTML["tally"], "9/10") || !strings.Contains(a.HTML["units"], "thư mục quý I năm 2026") ||
		!strings.Contains(a.HTML["units"], `href="/nhan-ve/2026-Q1/KT-2026-Q1.xlsx"`) {
		t.Errorf("the year's account:\n%s\n%s", a.HTML["tally"], a.HTML["units"])
	}
	a = decode(t, s.post(t, "/api/lap-bao-cao?ky=2026", nil))
	if !strings.Contains(a.HTML["result"], "Đã lập báo cáo năm 2026") || !strings.Contains(a.HTML["result"], "được tổng hợp từ biểu quý năm 2026: Văn phòng HĐND và UBND xã, Phòng Kinh tế,") {
		t.Errorf("the year's report: %q\n%s", a.Error, a.HTML["result"])
	}
	if _, err := os.Stat(filepath.Join(s.ws.Root, "2026", "bao-cao-2026.docx")); err != nil {
		t.Error(err)
	}
}

// The guide that template errors point to is on the page, the same as
// «baocao help mau», and the page links to it.
func TestTemplateGuidePage(t *testing.T) {
	s := start(t)
	res, body := s.get(t, "/huong-dan-mau")
	if res.StatusCode != 200 {
		t.Fatalf("%d", res.StatusCode)
	}
	for _, want := range []string{"Sửa mẫu báo cáo bằng Word", "{ngay_bao_cao|ngay}", "nhiem_vu_toi", "han_ke_hoach",
		"Ba bước", "Gửi tệp có lỗi", "Không được làm", "bo-qua", "nhan-ve", s.ws.Root, `href="/huong-dan/mau/bao-cao.docx"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the guide lacks %q", want)
		}
	}
	// Written for the clerk: no command, no flag.
	for _, not := range []string{"--", "baocao init", "baocao report", "baocao help"} {
		if strings.Contains(body, not) {
			t.Errorf("the clerk's guide says %q", not)
		}
	}
	if _, page := s.get(t, "/"); !strings.Contains(page, `href="/huong-dan"`) {
		t.Error("the page does not link to the guide")
	}
	res, body = s.get(t, "/huong-dan/mau/bao-cao.docx")
	if res.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("the built-in template: %d", res.StatusCode)
	}
}

// A template the office broke stops the report, not the page: the page
// opens and says the mistakes, files are received and checked, and the
// report is refused with the same mistakes.
func TestBrokenTemplateKeepsPage(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "..", "templates", "bao-cao.docx"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "bao-cao.docx"), replaceInDocx(t, good, "{ten_xa}", "{ten_xaa}"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir) // the page finds the office's templates in its folder
	s := start(t)

	_, page := s.get(t, "/")
	for _, want := range []string{"Chưa lập được báo cáo: mẫu Word có lỗi", "{ten_xaa}", "có phải {ten_xa}?", `href="/huong-dan#sua-mau"`, "xem «Hướng dẫn» ở chân trang"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if res := s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx")); res.StatusCode != 200 {
		t.Errorf("receiving a file with a broken template: %d", res.StatusCode)
	}
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a := decode(t, res)
	if res.StatusCode == 200 || !strings.Contains(a.Error, "{ten_xaa}") {
		t.Errorf("the report with a broken template: %d %q", res.StatusCode, a.Error)
	}
	noStackTrace(t, a.Error)
}

// replaceInDocx is a copy of a .docx with old replaced in its body.
func replaceInDocx(t *testing.T, docx []byte, old, new string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("the template has no %s", old)
			}
			data = bytes.ReplaceAll(data, []byte(old), []byte(new))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A build from the page says which earlier outputs it kept aside, as the
// console does: an edited report, and a PDF that its new document no
// longer matches (here LibreOffice is missing, so no new PDF is made).
func TestBuildSaysWhatItSetAside(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("BAOCAO_SOFFICE", "")
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()
	if res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil); res.StatusCode != 200 {
		t.Fatalf("first build: %d", res.StatusCode)
	}
	dir := filepath.Join(s.ws.Root, "2026-Q1")
	when := time.Date(2026, 3, 16, 8, 30, 0, 0, time.Local)
	for name, data := range map[string]string{"bao-cao-2026-Q1.docx": "PK edited by the office", "bao-cao-2026-Q1.pdf": "%PDF-1.7 old figures"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(data), 0o644)
		os.Chtimes(path, when, when)
	}
	a := decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	for _, want := range []string{
		"<li>bao-cao-2026-Q1.docx đã được sửa sau lần lập trước: giữ lại thành bao-cao-2026-Q1 (bản sửa 16-03-2026 08h30).docx, không ghi đè.</li>",
		"<li>bao-cao-2026-Q1.pdf là bản PDF của lần lập trước, không khớp với bao-cao-2026-Q1.docx vừa lập: chuyển thành bao-cao-2026-Q1 (bản cũ 16-03-2026 08h30).pdf.</li>",
		"Chưa xuất được PDF: máy chưa cài LibreOffice.",
		// the built-in plan leaves the plan's number and the signer blank
		"Báo cáo còn để trống số, ngày ban hành của Kế hoạch và họ tên người ký",
		// proposals that name nobody are flagged for the clerk
		"Đề xuất chưa rõ gửi cơ quan nào (2)",
		"<li>Hội Liên hiệp Phụ nữ xã: Đề nghị mở lớp tập huấn nghiệp vụ cho tổ trưởng Tổ Tiết kiệm và vay vốn.</li>",
	} {
		if !strings.Contains(a.HTML["result"], want) {
			t.Errorf("the result lacks %q:\n%s", want, a.HTML["result"])
		}
	}
	if strings.Contains(a.HTML["outputs"], "bao-cao-2026-Q1.pdf") {
		t.Errorf("the old PDF is still offered for download: %s", a.HTML["outputs"])
	}
}

// An error that is the program's own is said without its English text,
// which goes to the log.
func TestUserMessageHidesLibraryText(t *testing.T) {
	got := userMessage(errors.New("xml: unexpected EOF"))
	if strings.Contains(got, "EOF") || !strings.Contains(got, "Chương trình gặp lỗi không lường trước") {
		t.Errorf("got %q", got)
	}
}

// The guide's folder for an edited template is the one the program reads:
// a template saved there as the guide says is the one used.
func TestGuideTemplateFolderIsRead(t *testing.T) {
	s := start(t)
	dir := t.TempDir()
	t.Chdir(dir)
	_, guide := s.get(t, "/huong-dan")
	folder := filepath.Join(dir, cycle.TemplatesDir)
	if !strings.Contains(guide, "lưu vào thư mục <code>"+folder+"</code>") || strings.Contains(guide, "lưu vào thư mục <code>"+s.ws.Root) {
		t.Fatalf("the guide does not name %s:\n%s", folder, guide)
	}
	_, data := s.get(t, "/huong-dan/mau/bao-cao.docx")
	os.MkdirAll(folder, 0o755)
	if err := os.WriteFile(filepath.Join(folder, cycle.ReportTemplate), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := cycle.LoadSources(repoData, "", "")
	if err != nil || src.Report.Builtin || src.Report.Path != filepath.Join(cycle.TemplatesDir, cycle.ReportTemplate) {
		t.Fatalf("the template saved where the guide says is not read: %+v %v", src.Report.Path, err)
	}
	if _, guide = s.get(t, "/huong-dan"); !strings.Contains(guide, "Chương trình đang dùng mẫu <code>"+filepath.Join(folder, cycle.ReportTemplate)+"</code>") {
		t.Errorf("the guide does not say the template saved is used")
	}
}
