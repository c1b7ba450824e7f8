package web

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/internal/cycle"
)

// The secret is made once and kept in the workspace, readable by its owner
// alone; wider rights are narrowed, a broken file replaced.
func TestSecretKept(t *testing.T) {
	dir := t.TempDir()
	s1, err := Secret(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !secretPattern.MatchString(s1) {
		t.Fatalf("secret %q", s1)
	}
	path := filepath.Join(dir, SecretFile)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("rights %v, want 0600", fi.Mode().Perm())
	}
	if s2, err := Secret(dir); err != nil || s2 != s1 {
		t.Errorf("second start: %q, %v; want %q", s2, err, s1)
	}
	if runtime.GOOS != "windows" {
		os.Chmod(path, 0o644)
		if s3, err := Secret(dir); err != nil || s3 != s1 {
			t.Errorf("after chmod: %q, %v", s3, err)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("rights left at %v", fi.Mode().Perm())
		}
	}
	os.WriteFile(path, []byte("hỏng"), 0o600)
	if s4, err := Secret(dir); err != nil || s4 == s1 || !secretPattern.MatchString(s4) {
		t.Errorf("a broken file: %q, %v", s4, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, SecretFile+".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// serveWorkspace serves the page of ws with secret, as serve does.
func serveWorkspace(t *testing.T, ws *cycle.Workspace, secret string) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	srv, err := New(Options{Workspace: ws, DataDir: repoData, Addr: ts.Listener.Addr().String(), Token: secret})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// A page holds the lock of its workspace; a second claim finds it running
// and gets its address; a lock whose page is gone is taken over; a page
// removes only its own lock.
func TestClaim(t *testing.T) {
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	secret, err := Secret(ws.Root)
	if err != nil {
		t.Fatal(err)
	}
	if got := Running(ws.Root, secret); got != "" {
		t.Errorf("running before any start: %q", got)
	}
	ts := serveWorkspace(t, ws, secret)
	addr := ts.Listener.Addr().String()
	release, running, err := Claim(ws.Root, addr, secret)
	if err != nil || running != "" {
		t.Fatalf("first claim: %q, %v", running, err)
	}
	var info lockInfo
	b, _ := os.ReadFile(filepath.Join(ws.Root, LockFile))
	if err := json.Unmarshal(b, &info); err != nil || info.Addr != addr || info.PID != os.Getpid() {
		t.Errorf("lock %s: %v", b, err)
	}
	want := "http://" + addr + "/?khoa=" + secret
	if got := Running(ws.Root, secret); got != want {
		t.Errorf("Running = %q, want %q", got, want)
	}
	// A second start, listening elsewhere, is sent to the first.
	if r2, running, err := Claim(ws.Root, "127.0.0.1:1", secret); err != nil || running != want || r2 != nil {
		t.Errorf("second claim: %q, %v", running, err)
	}
	// Another workspace's secret does not count as this page.
	if got := Running(ws.Root, strings.Repeat("0", 48)); got != "" {
		t.Errorf("another secret: %q", got)
	}
	release()
	if _, err := os.Stat(filepath.Join(ws.Root, LockFile)); !os.IsNotExist(err) {
		t.Errorf("the lock is still there after release: %v", err)
	}

	// A program that died left its lock: the address answers nothing.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := ln.Addr().String()
	ln.Close()
	stale, _ := json.Marshal(lockInfo{Addr: dead, PID: 999999, Started: time.Now().Add(-time.Hour)})
	os.WriteFile(filepath.Join(ws.Root, LockFile), stale, 0o600)
	if got := Running(ws.Root, secret); got != "" {
		t.Errorf("a dead page counts as running: %q", got)
	}
	release, running, err = Claim(ws.Root, addr, secret)
	if err != nil || running != "" {
		t.Fatalf("taking over a stale lock: %q, %v", running, err)
	}
	if b, _ := os.ReadFile(filepath.Join(ws.Root, LockFile)); !strings.Contains(string(b), addr) {
		t.Errorf("lock after take-over: %s", b)
	}
	// A later start took the lock over: ending does not remove its lock.
	later, _ := json.Marshal(lockInfo{Addr: "127.0.0.1:9", PID: 1, Started: time.Now()})
	os.WriteFile(filepath.Join(ws.Root, LockFile), later, 0o600)
	release()
	if b, _ := os.ReadFile(filepath.Join(ws.Root, LockFile)); string(b) != string(later) {
		t.Errorf("another page's lock was removed or changed: %s", b)
	}
	// A broken lock file is taken over too.
	os.WriteFile(filepath.Join(ws.Root, LockFile), []byte("{"), 0o600)
	if release, running, err = Claim(ws.Root, addr, secret); err != nil || running != "" {
		t.Fatalf("a broken lock: %q, %v", running, err)
	}
	release()
}

// Tabs follow each other: a change made in one tab moves the version the
// other asks for, and the other's refresh shows it; the tab that made the
// change is told its version with the answer.
func TestTabsFollow(t *testing.T) {
	s := start(t)
	jar, _ := cookiejar.New(nil)
	other := &http.Client{Jar: jar}
	res, err := other.Get(s.srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	read(t, res)
	versionAt := func(base string, c *http.Client) string {
		res, err := c.Get(base + "/api/phien-ban")
		if err != nil {
			t.Fatal(err)
		}
		var a struct {
			V string `json:"phien_ban"`
		}
		if err := json.Unmarshal([]byte(read(t, res)), &a); err != nil || res.StatusCode != 200 || a.V == "" {
			t.Fatalf("version: %d %v", res.StatusCode, err)
		}
		return a.V
	}
	versionOf := func(c *http.Client) string { return versionAt(s.URL, c) }
	before := versionOf(other)
	if versionOf(s.client) != before {
		t.Error("two tabs see two versions")
	}
	_, page := s.get(t, "/api/tinh-hinh?ky=2026-Q1")
	if strings.Contains(page, "Đã gửi 1/") {
		t.Fatal("a unit is counted before any file")
	}
	res = s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx"))
	read(t, res)
	made := res.Header.Get(VersionHeader)
	if made == "" || made == before {
		t.Fatalf("the change's answer carries version %q (before %q)", made, before)
	}
	if now := versionOf(other); now != made {
		t.Errorf("the other tab sees %q, want %q", now, made)
	}
	// Reading changes nothing.
	s.get(t, "/api/tinh-hinh?ky=2026-Q1")
	if now := versionOf(other); now != made {
		t.Errorf("a read moved the version to %q", now)
	}
	res, err = other.Get(s.URL + "/api/tinh-hinh?ky=2026-Q1")
	if err != nil {
		t.Fatal(err)
	}
	if body := read(t, res); !strings.Contains(body, "KT-2026-Q1.xlsx") {
		t.Errorf("the other tab's refresh does not show the file sent")
	}
	// A refused change (no cookie) moves nothing.
	if res, err := http.Post(s.URL+"/api/cong-van?ky=2026-Q1", "application/x-www-form-urlencoded", nil); err == nil {
		read(t, res)
	}
	if now := versionOf(other); now != made {
		t.Errorf("a refused POST moved the version to %q", now)
	}
	// Another run of the program has another version, whatever its count.
	s2 := start(t)
	if v := versionAt(s2.URL, s2.client); strings.SplitN(v, "-", 2)[0] == strings.SplitN(before, "-", 2)[0] {
		t.Errorf("two runs share the version's run part: %q, %q", v, before)
	}
}
