package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"baocao/internal/officetest"
	"baocao/internal/soffice"
)

// With LibreOffice kept warm while the page is open, a build's PDFs do not
// wait for LibreOffice to start: the same build, first with LibreOffice
// started for it, then through the warm one. The times are logged (the
// machine's load makes them vary); the PDFs must be made either way.
func TestBuildWithWarmLibreOffice(t *testing.T) {
	bin := officetest.Binary(t)
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()
	build := func() time.Duration {
		t.Helper()
		start := time.Now()
		res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
		a := decode(t, res)
		if res.StatusCode != http.StatusOK || !containsAll(a.HTML["result"], "bao-cao-2026-Q1.pdf", "tong-hop-2026-Q1.pdf", "don-doc-2026-Q1.pdf") {
			t.Fatalf("build: %d %q %q", res.StatusCode, a.Error, a.HTML["result"])
		}
		return time.Since(start)
	}
	cold := build()

	warm := soffice.NewWarm(bin)
	defer warm.Close()
	s.ws.Soffice = warm
	warm.Start()
	deadline := time.Now().Add(2 * time.Minute)
	for !warm.Ready() {
		if time.Now().After(deadline) {
			t.Fatal("the warm LibreOffice never got ready")
		}
		time.Sleep(100 * time.Millisecond)
	}
	first := build()
	second := build()
	if !warm.Ready() {
		t.Error("the warm LibreOffice ended after the builds")
	}
	t.Logf("build with PDFs: LibreOffice started for it %v; through the warm one %v, then %v (%.2f of the first)",
		cold.Round(10*time.Millisecond), first.Round(10*time.Millisecond), second.Round(10*time.Millisecond), second.Seconds()/cold.Seconds())
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
