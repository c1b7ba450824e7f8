// Package web is the office's page: the whole reporting cycle of a period
// in the browser, served on the loopback network only (InstanceHost). It
// serves pages and files and calls the steps of internal/cycle; it holds
// no domain logic.
//
// Safe by construction: a request whose Host is not the page's own
// address (HOST:PORT, or localhost:PORT when HOST is 127.0.0.1) is refused
// (DNS rebinding); every request but the first visit must carry the
// workspace's secret (Secret: kept in the workspace, readable by its owner
// alone, the same across restarts), which the printed address gives once
// and an HttpOnly, SameSite=Strict cookie carries after; file names are
// reduced to safe base names by the workspace; uploads are bounded in size
// and count, every other request body to MaxFormBody; a panic in a handler
// gives a plain Vietnamese page, never a stack trace.
//
// The secret reaches no other server of the machine (issue 24). Browsers
// keep cookies by host, not by port, so a cookie of 127.0.0.1:8686 is also
// sent to any other program serving on 127.0.0.1. The page therefore
// listens on an address of its own in the loopback network, 127.X.Y.Z,
// derived from the workspace's secret (InstanceHost): its cookie is sent to
// that address alone, which no other program uses; a request to another
// port of that address could only come from the clerk typing it (the
// cookie is SameSite=Strict, so no other site's link or form carries it).
// Where the system gives the loopback network only 127.0.0.1 (macOS), the
// page falls back to 127.0.0.1 as before.
package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"baocao/internal/cycle"
	"baocao/internal/province"
)

// DefaultPort is tried first when no port is asked for.
const DefaultPort = 8686

// cookieDays is how long the browser keeps the page's secret.
const cookieDays = 365

// TokenParam is the query parameter of the printed address that carries the secret.
const TokenParam = "khoa"

// Options are what the page serves.
type Options struct {
	Workspace *cycle.Workspace
	// DataDir is --data: "" to look the plan's data up as every command does.
	DataDir string
	// Addr is the listener's address, 127.X.Y.Z:PORT (see InstanceHost).
	Addr string
	// Now gives the time; nil for time.Now.
	Now func() time.Time
	// Log receives the program's own errors, for whoever helps; nil
	// discards them.
	Log io.Writer
	// Token is the secret (Secret gives the workspace's); "" to generate
	// one for this run alone.
	Token string
	// ProvinceDir, when set, is a province's data folder (tinh.yaml,
	// xa.csv, indicators.yaml): the page is then the province's, which
	// gathers the communes' attachments (tinh.go).
	ProvinceDir string
}

// Bounds of the connection (issue 24): a request's head and body are read
// within these times, an answer (a whole build included) is written within
// writeTimeout, an idle keep-alive connection is closed after idleTimeout,
// and at most maxConns connections are open at once (more wait to be
// accepted), so that no client can hold the program's descriptors.
var (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 10 * time.Minute
	writeTimeout      = 30 * time.Minute
	idleTimeout       = 60 * time.Second
	maxConns          = 256
)

// MaxFormBody bounds the body of every request but an upload.
const MaxFormBody = 64 << 10

// Server is the office's page for one workspace.
type Server struct {
	opt   Options
	host  string
	port  string
	token string
	mux   *http.ServeMux
	log   *log.Logger
	// ctx lives as long as the server: builds are not cancelled when the
	// browser goes away, only when the program stops.
	ctx context.Context
	// stages are the running builds' stages, for the page.
	stages stages
	// versions count the changes made through the page, for other tabs.
	versions *versions
	// provinceCache keeps each attachment's reading on the province's
	// page (tinh.go).
	provinceCache *province.Cache
}

// New makes the page. It loads the plan's data once so that a mistake in a
// data file or a template is told at start.
func New(opt Options) (*Server, error) {
	host, port, err := net.SplitHostPort(opt.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", opt.Addr, err)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{opt: opt, host: host, port: port, token: opt.Token, log: log.New(opt.Log, "", log.LstdFlags), ctx: context.Background(), versions: newVersions()}
	if s.token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		s.token = hex.EncodeToString(b)
	}
	if opt.ProvinceDir != "" {
		if _, err := s.provinceData(); err != nil {
			return nil, err
		}
		s.provinceRoutes()
		return s, nil
	}
	// Only the plan's data is needed to serve; a template's mistakes are
	// shown on the page and refuse the report alone.
	if _, err := cycle.LoadCatalog(opt.DataDir); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// URL is the address to open: it carries the secret.
func (s *Server) URL() string {
	return s.origin() + "/?" + TokenParam + "=" + s.token
}

// origin is the page's own address, http://HOST:PORT.
func (s *Server) origin() string {
	return "http://" + net.JoinHostPort(s.host, s.port)
}

// InstanceHost is the page's own loopback address for a workspace's
// secret: 127.X.Y.Z with X, Y, Z taken from a hash of the secret, never
// 127.0.0.1 (whose cookies every local web server receives) nor the
// network's first or last address.
func InstanceHost(secret string) string {
	h := sha256.Sum256([]byte("baocao trang lam viec\x00" + secret))
	x, y, z := h[0], h[1], h[2]
	if z == 0 || z == 255 {
		z = 2 + h[3]%250
	}
	if x == 0 && y == 0 && z == 1 {
		z = 2
	}
	return fmt.Sprintf("127.%d.%d.%d", x, y, z)
}

// Listen listens on host, a loopback address (127.0.0.1 when ""), or on
// 127.0.0.1 when the system does not let a program listen on host (macOS
// gives the loopback network 127.0.0.1 alone). With fixed, on port exactly
// (an *PortInUseError when it is taken); else on DefaultPort, or any free
// port when that one is taken.
func Listen(host string, port int, fixed bool) (net.Listener, error) {
	if host == "" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || ip.To4() == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("%s is not a loopback address", host)
	}
	if host != "127.0.0.1" {
		probe, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			host = "127.0.0.1"
		} else {
			probe.Close()
		}
	}
	if !fixed {
		port = DefaultPort
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err == nil || fixed {
		if err != nil && addrInUse(err) {
			return nil, &PortInUseError{Port: port}
		}
		return ln, err
	}
	return net.Listen("tcp", net.JoinHostPort(host, "0"))
}

// PortInUseError is a port asked for that another program holds.
type PortInUseError struct{ Port int }

func (e *PortInUseError) Error() string {
	return fmt.Sprintf("cổng %d đang được chương trình khác dùng (có thể baocao đã đang chạy ở một cửa sổ khác). Chọn cổng khác, ví dụ --port %d, hoặc bỏ --port để chương trình tự chọn cổng trống.", e.Port, e.Port+1)
}

// addrInUse tells EADDRINUSE, also as Windows' WSAEADDRINUSE.
func addrInUse(err error) bool {
	var errno syscall.Errno
	return errors.Is(err, syscall.EADDRINUSE) || (errors.As(err, &errno) && errno == 10048)
}

// Serve serves on ln until ctx is done, then stops cleanly.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.ctx = ctx
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.log,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(limitListener(ln, maxConns)) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(shut)
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func (s *Server) cookieName() string { return "baocao_khoa_" + s.port }

// ServeHTTP checks every request before the page sees it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.log.Printf("lỗi của chương trình khi phục vụ %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			s.programError(w, r, fmt.Errorf("%v", v))
		}
	}()
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")

	if !s.hostAllowed(r.Host) {
		s.refuse(w, r, "Trang này chỉ mở được bằng địa chỉ "+s.origin()+"/ in trong cửa sổ chương trình baocao.")
		return
	}
	if r.URL.Path == "/" && r.URL.Query().Has(TokenParam) {
		s.enter(w, r)
		return
	}
	// The style sheet and the script are no secret: even the page that
	// refuses a request uses them.
	if !s.hasToken(r) && !(r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/tai-nguyen/")) {
		s.refuse(w, r, "Phiên làm việc không hợp lệ (trình duyệt này chưa mở trang bằng địa chỉ có mã, hoặc thư mục làm việc đã đổi). Mở trang bằng địa chỉ in trong cửa sổ chương trình baocao (dòng bắt đầu bằng "+s.origin()+"/?khoa=…).")
		return
	}
	// Every body is bounded: an upload by its own limits, any other
	// request to a small form.
	if r.URL.Path == "/api/nhan-tep" {
		r.Body = http.MaxBytesReader(w, r.Body, maxUploadBody)
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, MaxFormBody)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			s.refuse(w, r, "Yêu cầu đến từ một trang khác nên bị từ chối.")
			return
		}
		// A change: the other tabs will see the version move.
		w = &changeWriter{ResponseWriter: w, v: s.versions}
	}
	s.mux.ServeHTTP(w, r)
}

// hostAllowed accepts the page's own HOST:PORT only, and localhost:PORT
// when the page is on 127.0.0.1 (localhost names no other address).
func (s *Server) hostAllowed(host string) bool {
	h, p, err := net.SplitHostPort(host)
	if err != nil || p != s.port {
		return false
	}
	return h == s.host || (s.host == "127.0.0.1" && strings.EqualFold(h, "localhost"))
}

// limitListener accepts at most n connections at once; the next waits
// until one closes (idle ones close after idleTimeout).
func limitListener(ln net.Listener, n int) net.Listener {
	return &limited{Listener: ln, slots: make(chan struct{}, n), closed: make(chan struct{})}
}

type limited struct {
	net.Listener
	slots     chan struct{}
	closed    chan struct{}
	closeOnce sync.Once
}

func (l *limited) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{Conn: c, release: func() { <-l.slots }}, nil
}

// Close also ends an Accept waiting for a free slot.
func (l *limited) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

type limitedConn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}

func (s *Server) hasToken(r *http.Request) bool {
	c, err := r.Cookie(s.cookieName())
	return err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.token)) == 1
}

// enter is the first visit, from the printed address: the secret becomes a
// cookie and the browser goes on to the address without it.
func (s *Server) enter(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get(TokenParam)), []byte(s.token)) != 1 {
		s.refuse(w, r, "Mã trong địa chỉ không đúng (địa chỉ của thư mục làm việc khác, hoặc chép thiếu). Mở trang bằng địa chỉ in trong cửa sổ chương trình baocao.")
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(), Value: s.token, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode,
		// Kept by the browser across its restarts: the secret stays the
		// same across the program's (see Secret), so a bookmark works.
		MaxAge: cookieDays * 24 * 60 * 60,
	})
	q.Del(TokenParam)
	clean := html.EscapeString((&url.URL{Path: "/", RawQuery: q.Encode()}).String())
	// Not an HTTP redirect: the printed address is usually opened from
	// the opener file (a file:// page) or another program, and a browser
	// does not send a SameSite=Strict cookie on a redirect of a navigation
	// that another site began, so the page would refuse its own clerk.
	// A page of this address that goes on by itself makes the next
	// request this site's own, and replaces the entry with the secret.
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n"+
		"<meta http-equiv=\"refresh\" content=\"0; url="+clean+"\">\n"+
		"<title>baocao</title></head>\n<body><p>Đang mở trang làm việc của văn phòng… Nếu trang không tự mở, bấm <a href=\""+clean+"\">vào đây</a>.</p></body></html>\n")
}

// refuse answers 403 with a plain page, or a message for the page's scripts.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, msg string) {
	s.fail(w, r, http.StatusForbidden, "Không mở được trang", msg)
}
