package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestRestartInBrowser, in headless Chromium, as the clerk lives it: the
// page is open on a period when the program is closed and started again;
// the old tab, reloaded, shows the same period's page (not a refusal), and
// a second start while the page runs opens the running page's address in
// the browser instead of a second server.
func TestRestartInBrowser(t *testing.T) {
	bin := chromium(t)
	ws := filepath.Join(t.TempDir(), "baocao")
	port := strconv.Itoa(freePort(t))
	url, stop := startServe(t, "--workspace", ws, "--port", port)
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
	tab, cancel := chromedp.NewContext(alloc)
	defer cancel()
	tab, cancelVisit := context.WithTimeout(tab, 3*time.Minute)
	defer cancelVisit()
	var shots [][2]string
	snap := func(name string) {
		ctx, cancel := context.WithTimeout(tab, 20*time.Second)
		defer cancel()
		if b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			dir := t.TempDir()
			p := filepath.Join(dir, name+".png")
			if os.WriteFile(p, b, 0o644) == nil {
				shots = append(shots, [2]string{name, p})
			}
		}
	}
	defer func() {
		if !t.Failed() && !*stepShots {
			return
		}
		dir := filepath.Join("..", "..", "out", "trang-khoi-dong-lai")
		os.MkdirAll(dir, 0o755)
		for i, s := range shots {
			if b, err := os.ReadFile(s[1]); err == nil {
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, s[0])), b, 0o644)
			}
		}
		t.Logf("screenshots in %s", dir)
	}()
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, actions...); err != nil {
			snap(step + "-loi")
			t.Fatalf("%s: %v", step, err)
		}
	}
	onPeriod := `document.body.dataset.ky === "2026-Q1" && document.readyState === "complete" && !!document.getElementById("ky")`

	do("vao-trang", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("ky")))
	do("chon-ky", chromedp.Navigate(base+"/?ky=2026-Q1#nhan-tep"))
	acrossNavigation(t, tab, onPeriod)
	snap("truoc-khi-tat")

	// The program is closed; the tab stays open on the period.
	stop()
	url2, _ := startServe(t, "--workspace", ws, "--port", port)
	if url2 != url {
		t.Fatalf("the address changed across a restart: %q, then %q", url, url2)
	}
	do("tai-lai", chromedp.Reload())
	acrossNavigation(t, tab, onPeriod)
	snap("tai-lai-sau-khi-khoi-dong-lai")
	body, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "Quý I năm 2026") || strings.Contains(body, "--") {
		t.Errorf("the old tab after a restart shows:\n%s", body)
	}
	for _, refusal := range []string{"Không mở được", "403", "mã truy cập"} {
		if strings.Contains(body, refusal) {
			t.Errorf("the old tab after a restart is refused (%q):\n%s", refusal, body)
		}
	}

	// A second start (a second double-click) opens the running page in
	// the browser: here the same tab opens what the browser was handed
	// (the opener file, which sends on to the page).
	opened := make(chan string, 1)
	browserOpener = func(u string) error { openerTarget(t, u); opened <- u; return nil }
	t.Cleanup(func() { browserOpener = openBrowser })
	code, out, errOut := run(t, "serve", "--workspace", ws)
	if code != 0 || !strings.Contains(out, "đã đang mở") {
		t.Fatalf("second start: exit %d %q %q", code, out, errOut)
	}
	var target string
	select {
	case target = <-opened:
	default:
		t.Fatal("the second start opened no browser")
	}
	do("lan-mo-thu-hai", chromedp.Navigate("file://"+filepath.ToSlash(target)))
	acrossNavigation(t, tab, `document.readyState === "complete" && !!document.getElementById("ky")`)
	snap("lan-mo-thu-hai")
	if loc, _ := chromedp.Run(tab, chromedp.Evaluate[string]("location.origin")); loc != base {
		t.Errorf("the second start's address leads to %s, want the running page %s", loc, base)
	}
}
