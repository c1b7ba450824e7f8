package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// While a build runs, the page can ask which stage it is at; LibreOffice
// (a fake one here, which starts the first document and waits) is seen
// taking up the documents one by one, and once the build is over no stage
// is left.
func TestBuildStages(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	dir := t.TempDir()
	release := filepath.Join(dir, "tiep-tuc")
	bin := filepath.Join(dir, "soffice")
	script := `#!/bin/sh
out="$8"; shift 8
mkdir -p "$out"
n=0
for f in "$@"; do
	n=$((n+1))
	echo "convert $f -> $out/x.pdf using filter : writer_pdf_Export"
	if [ $n -eq 1 ]; then while [ ! -e "` + release + `" ]; do sleep 0.05; done; fi
	b=$(basename "$f"); echo "%PDF-1.6" > "$out/${b%.*}.pdf"
done
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BAOCAO_SOFFICE", bin)
	s := start(t)
	s.send(t, s.client, allSamples(t)...).Body.Close()

	stage := func() string {
		res, body := s.get(t, "/api/tien-do?ky=2026-Q1")
		if res.StatusCode != 200 {
			t.Fatalf("progress: %d %s", res.StatusCode, body)
		}
		var a struct {
			Stage string `json:"buoc"`
		}
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		return a.Stage
	}
	if got := stage(); got != "" {
		t.Errorf("before any build: %q", got)
	}
	done := make(chan int)
	go func() {
		res, err := s.client.PostForm(s.URL+"/api/lap-bao-cao?ky=2026-Q1", nil)
		if err != nil {
			t.Error(err)
			done <- 0
			return
		}
		res.Body.Close()
		done <- res.StatusCode
	}()
	deadline := time.Now().Add(20 * time.Second)
	for got := stage(); got != "Lập PDF 1/3"; got = stage() {
		if time.Now().After(deadline) {
			t.Fatalf("the stage is still %q", got)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// A second click meanwhile is refused and leaves the stage alone.
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	read(t, res)
	if res.StatusCode != 409 {
		t.Errorf("a second build: %d", res.StatusCode)
	} else if got := stage(); got != "Lập PDF 1/3" {
		t.Errorf("after a refused click the stage is %q", got)
	}
	if err := os.WriteFile(release, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := <-done; code != 200 {
		t.Fatalf("the build answered %d", code)
	}
	if got := stage(); got != "" {
		t.Errorf("after the build: %q", got)
	}
	if _, err := os.Stat(filepath.Join(s.ws.Root, "2026-Q1", "tong-hop-2026-Q1.pdf")); err != nil {
		t.Errorf("the PDFs were not written: %v", err)
	}
}
