// Package web is the office's page: the whole reporting cycle of a period
// in the browser, served on 127.0.0.1 only. It serves pages and files and
// calls the steps of internal/cycle; it holds no domain logic.
//
// Safe by construction: a request whose Host is not 127.0.0.1:PORT or
// localhost:PORT is refused (DNS rebinding); every request but the first
// visit must carry the workspace's secret (Secret: kept in the workspace,
// readable by its owner alone, the same across restarts), which the
// printed address gives once and an HttpOnly, SameSite=Strict cookie
// carries after; file
// names are reduced to safe base names by the workspace; uploads are
// bounded in size and count; a panic in a handler gives a plain Vietnamese
// page, never a stack trace.
package web

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"baocao/internal/cycle"
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
	// Addr is the listener's address, 127.0.0.1:PORT.
	Addr string
	// Now gives the time; nil for time.Now.
	Now func() time.Time
	// Log receives the program's own errors, for whoever helps; nil
	// discards them.
	Log io.Writer
	// Token is the secret (Secret gives the workspace's); "" to generate
	// one for this run alone.
	Token string
}

// Server is the office's page for one workspace.
type Server struct {
	opt   Options
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
}

// New makes the page. It loads the plan's data once so that a mistake in a
// data file or a template is told at start.
func New(opt Options) (*Server, error) {
	_, port, err := net.SplitHostPort(opt.Addr)
	if err != nil {
		return nil, fmt.Errorf("address %q: %w", opt.Addr, err)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{opt: opt, port: port, token: opt.Token, log: log.New(opt.Log, "", log.LstdFlags), ctx: context.Background(), versions: newVersions()}
	if s.token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		s.token = hex.EncodeToString(b)
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
	return "http://127.0.0.1:" + s.port + "/?" + TokenParam + "=" + s.token
}

// Listen listens on 127.0.0.1 only. With fixed, on port exactly (an
// *PortInUseError when it is taken); else on DefaultPort, or any free port
// when that one is taken.
func Listen(port int, fixed bool) (net.Listener, error) {
	if !fixed {
		port = DefaultPort
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err == nil || fixed {
		if err != nil && addrInUse(err) {
			return nil, &PortInUseError{Port: port}
		}
		return ln, err
	}
	return net.Listen("tcp", "127.0.0.1:0")
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
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          s.log,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
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
		s.refuse(w, r, "Trang này chỉ mở được bằng địa chỉ http://127.0.0.1:"+s.port+"/ in trong cửa sổ chương trình baocao.")
		return
	}
	if r.URL.Path == "/" && r.URL.Query().Has(TokenParam) {
		s.enter(w, r)
		return
	}
	// The style sheet and the script are no secret: even the page that
	// refuses a request uses them.
	if !s.hasToken(r) && !(r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/tai-nguyen/")) {
		s.refuse(w, r, "Phiên làm việc không hợp lệ (trình duyệt này chưa mở trang bằng địa chỉ có mã, hoặc thư mục làm việc đã đổi). Mở trang bằng địa chỉ in trong cửa sổ chương trình baocao (dòng bắt đầu bằng http://127.0.0.1:"+s.port+"/?khoa=…).")
		return
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

// hostAllowed accepts 127.0.0.1:PORT and localhost:PORT only.
func (s *Server) hostAllowed(host string) bool {
	h, p, err := net.SplitHostPort(host)
	if err != nil || p != s.port {
		return false
	}
	return h == "127.0.0.1" || strings.EqualFold(h, "localhost")
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
	clean := &url.URL{Path: "/", RawQuery: q.Encode()}
	http.Redirect(w, r, clean.String(), http.StatusSeeOther)
}

// refuse answers 403 with a plain page, or a message for the page's scripts.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, msg string) {
	s.fail(w, r, http.StatusForbidden, "Không mở được trang", msg)
}
