package web

import (
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// Tabs follow each other: every change made through the page (a POST)
// moves the page's version on; each tab asks for the version every few
// seconds (GET /api/phien-ban) and, when it moved, fetches the page's parts
// again. The version names this run of the program too, so that a tab
// left open across a restart refreshes as well.

// VersionHeader carries, on the answer to a change, the version it made,
// so that the tab that made it does not refresh for its own change.
const VersionHeader = "X-Phien-Ban"

// versions counts the changes of one run of the program.
type versions struct {
	run     string // this run, told apart from the one before
	changes atomic.Uint64
}

func newVersions() *versions {
	return &versions{run: strconv.FormatInt(time.Now().UnixNano(), 36)}
}

func (v *versions) current() string { return v.name(v.changes.Load()) }

func (v *versions) name(n uint64) string { return v.run + "-" + strconv.FormatUint(n, 10) }

// version answers the page's version: {"phien_ban": "…"}.
func (s *Server) version(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"phien_ban": s.versions.current()})
}

// changeWriter moves the version on as the answer to a change begins,
// when the change is done, and says the new version in VersionHeader.
type changeWriter struct {
	http.ResponseWriter
	v       *versions
	written bool
}

func (c *changeWriter) WriteHeader(code int) {
	if !c.written {
		c.written = true
		c.Header().Set(VersionHeader, c.v.name(c.v.changes.Add(1)))
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *changeWriter) Write(b []byte) (int, error) {
	if !c.written {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(b)
}

func (c *changeWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }
