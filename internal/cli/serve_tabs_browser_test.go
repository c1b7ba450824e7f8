package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestTabsAndStagesInBrowser, in headless Chromium: a second tab shows a
// file received in the first within a few seconds, without a reload; and
// while the report is built the page says its stage, here LibreOffice (a
// fake one, held on the first document) at «Lập PDF 1/3».
func TestTabsAndStagesInBrowser(t *testing.T) {
	bin := chromium(t)
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	dir := t.TempDir()
	release := filepath.Join(dir, "tiep-tuc")
	soffice := filepath.Join(dir, "soffice")
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
	if err := os.WriteFile(soffice, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BAOCAO_SOFFICE", soffice)
	ws := filepath.Join(t.TempDir(), "baocao")
	url := served(t, ws)
	base := url[:strings.Index(url, "/?")]

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	)
	defer cancel()
	first, cancel := chromedp.NewContext(alloc)
	defer cancel()
	first, cancelVisit := context.WithTimeout(first, 3*time.Minute)
	defer cancelVisit()
	run := func(ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(0))
	}
	run(first, "vao-trang", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("ky")))
	acrossNavigation(t, first, `document.readyState === "complete"`)
	run(first, "ky", chromedp.Navigate(base+"/?ky=2026-Q1#nhan-tep"))
	acrossNavigation(t, first, `document.body.dataset.ky === "2026-Q1" && document.readyState === "complete"`)

	// The second tab, in the same browser, on the same step.
	second, cancelSecond := chromedp.NewContext(first)
	defer cancelSecond()
	run(second, "the thu hai", chromedp.Navigate(base+"/?ky=2026-Q1#nhan-tep"))
	acrossNavigation(t, second, `document.body.dataset.ky === "2026-Q1" && document.readyState === "complete"`)
	if s, _ := chromedp.Run(second, chromedp.Evaluate[string](`document.querySelector("#don-vi-KT .trang-thai").textContent`)); s != "Chưa gửi" {
		t.Fatalf("KT in the second tab before any file: %q", s)
	}

	kt, _ := filepath.Abs(filepath.Join("..", "..", "data", "samples", "2026-Q1", "KT-2026-Q1.xlsx"))
	run(first, "gui-tep",
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), []string{kt}),
		wait(`document.querySelectorAll("#nhat-ky li.dung").length === 1`),
	)
	start := time.Now()
	acrossNavigation(t, second, `document.querySelector("#don-vi-KT .trang-thai").textContent === "Đã gửi đủ nhiệm vụ"`)
	t.Logf("the second tab followed in %v", time.Since(start).Round(100*time.Millisecond))

	// The build's stage, in the tab that builds.
	run(first, "lap-bao-cao",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="bao-cao"]`)),
		chromedp.Click(chromedp.ID("lap-bao-cao")),
		wait(`document.querySelector("#tien-do-bao-cao .chu-tien-do").textContent.startsWith("Đang lập PDF 1/3…")`),
	)
	if err := os.WriteFile(release, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	run(first, "xong",
		wait(`document.querySelector('#result a[href$="bao-cao-2026-Q1.pdf"]') !== null && document.getElementById("tien-do-bao-cao").hidden`),
	)
	// The page never shows a flag.
	for _, ctx := range []context.Context{first, second} {
		if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`)); strings.Contains(s, "--") {
			t.Errorf("the page shows a flag: %q", s)
		}
	}
}
