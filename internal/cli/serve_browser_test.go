package cli

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

var (
	pageShot  = flag.Bool("screenshot", false, "write the page after the report to docs/trang-van-phong.png")
	stepShots = flag.Bool("screenshots", false, "write every step's screenshot under out/trang, passed or not")
)

// chromium finds the browser, or skips (fails under BAOCAO_REQUIRE_BROWSER=1).
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: Chromium is a real client, its tests are skipped")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const reason = "Chromium is not installed (apt-get install chromium): the page is not tried in a browser"
	if os.Getenv("BAOCAO_REQUIRE_BROWSER") == "1" {
		t.Fatal(reason + " (BAOCAO_REQUIRE_BROWSER=1 forbids skipping)")
	}
	t.Skip(reason)
	return ""
}

// served runs «baocao serve --no-browser» in this process as a clerk would
// start it, and returns the address it printed. The server stops with the
// test.
func served(t *testing.T, workspace string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errOut syncBuffer
	done := make(chan int, 1)
	go func() {
		code := mainContext(ctx, []string{"serve", "--no-browser", "--workspace", workspace}, pw, &errOut)
		pw.Close()
		done <- code
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve ended with %d: %s", code, errOut.String())
		}
	})
	// The workspace's line comes first, then the address's.
	lines := bufio.NewScanner(pr)
	var line string
	for !strings.Contains(line, "khoa=") {
		if !lines.Scan() {
			t.Fatalf("serve printed no address: %s", errOut.String())
		}
		line = lines.Text()
	}
	go io.Copy(io.Discard, pr)
	if !strings.Contains(line, "đóng cửa sổ này để thoát") {
		t.Errorf("the line does not say how to stop: %q", line)
	}
	url := regexp.MustCompile(`http://127\.\d+\.\d+\.\d+:\d+/\?khoa=\w+`).FindString(line)
	if url == "" {
		t.Fatalf("no address in %q", line)
	}
	return url
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestPageInBrowser goes through a period as the office does, in headless
// Chromium: open the printed address, choose 2026-Q1, send the nine sample
// files, make the report and download it.
func TestPageInBrowser(t *testing.T) {
	bin := chromium(t)
	ws := filepath.Join(t.TempDir(), "baocao")
	url := served(t, ws)
	base := url[:strings.Index(url, "/?")]

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	// No step may hang the suite: the whole visit has a bound.
	ctx, cancelVisit := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelVisit()

	// Screenshots of every step, written under out/ when the test fails.
	type shot struct {
		name string
		png  []byte
	}
	var shots []shot
	snap := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			// A screenshot taken while a page loads can wait forever.
			ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			b, err := chromedp.FullScreenshot(100)(ctx, t)
			if err == nil {
				shots = append(shots, shot{name, b})
			}
			return nil
		})
	}
	defer func() {
		if !t.Failed() && !*stepShots {
			return
		}
		dir := filepath.Join("..", "..", "out", "trang")
		os.MkdirAll(dir, 0o755)
		for i, s := range shots {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, s.name)), s.png, 0o644)
		}
		t.Logf("screenshots of the steps in %s", dir)
	}()
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, append(actions, snap(step))...); err != nil {
			chromedp.Do(ctx, snap(step+"-loi"))
			t.Fatalf("%s: %v", step, err)
		}
	}
	wait := func(js string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(0))
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}

	do("mo-trang",
		chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("ky")),
	)
	if loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("location.href")); strings.Contains(loc, "khoa=") {
		t.Errorf("the secret stays in the address bar: %s", loc)
	}

	// Choosing in the list, as a user does, fires "change", which loads
	// the period's page. The event fires after the script returns, and the
	// wait for the new page retries its check while the old page goes
	// away (chromedp's own waits fail when the document changes under
	// them).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const s = document.getElementById("ky");
		s.value = "2026-Q1";
		setTimeout(() => s.dispatchEvent(new Event("change", {bubbles: true})), 0);
	})()`)); err != nil {
		t.Fatalf("chon-ky: %v", err)
	}
	acrossNavigation(t, ctx, `document.body.dataset.ky === "2026-Q1" && document.readyState === "complete" &&
		(a => a !== null && a.offsetParent !== null)(document.querySelector('#bieu-mau a[href="/mau-bieu/2026-Q1/tat-ca.zip"]'))`)
	do("chon-ky")
	if s := text(".ky-ngay"); !strings.Contains(s, "15/12/2025") || !strings.Contains(s, "14/03/2026") || !strings.Contains(s, "16/03/2026") {
		t.Errorf("the period's dates and deadline: %q", s)
	}

	samples, _ := filepath.Abs(filepath.Join("..", "..", "data", "samples", "2026-Q1"))
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(samples, e.Name()))
	}
	if len(files) != 9 {
		t.Fatalf("%d sample files, want 9", len(files))
	}
	do("nhan-tep",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="nhan-tep"]`)),
		chromedp.WaitVisible(chromedp.ID("vung-tha")),
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), files),
		wait(`document.querySelectorAll("#units .tep").length === 9 && document.querySelectorAll("#nhat-ky li:not(.dang)").length === 9`),
	)
	for unit, want := range map[string]string{"KT": "Đã gửi đủ nhiệm vụ", "HCCB": "Đã gửi, thiếu nhiệm vụ", "DTN": "Chưa gửi", "HND": "Đã gửi đủ nhiệm vụ"} {
		if s := text("#don-vi-" + unit + " .trang-thai"); s != want {
			t.Errorf("%s: %q, want %q", unit, s, want)
		}
	}
	hccb, _ := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS("#don-vi-HCCB")))
	if s := hccb; !strings.Contains(s, "HCCB bao cao tin dung CSXH.xlsx") || !strings.Contains(s, "Trang tính «Sheet1», dòng 8") {
		t.Errorf("HCCB's row does not show its file and the place of its problems: %q", s)
	}
	if s := text("#tally"); !strings.Contains(s, "9/10") {
		t.Errorf("tally: %q", s)
	}

	do("bao-cao",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="bao-cao"]`)),
		chromedp.Click(chromedp.ID("lap-bao-cao")),
		wait(`document.querySelector('#result a[href$="bao-cao-2026-Q1.docx"]') !== null`),
		chromedp.ScrollIntoView(chromedp.CSS("body")),
	)
	if s := text("#result"); !strings.Contains(s, "Có báo cáo dùng được: 9/10 đơn vị. Nhiệm vụ có báo cáo: 23/23. Dòng chưa khớp nhiệm vụ: 1. Lỗi: 0.") {
		t.Errorf("the summary: %q", s)
	}
	// The plan's blanks are to be filled in Word: no plan.yaml on the page.
	if s := text("#result"); strings.Contains(s, "plan.yaml") || !strings.Contains(s, "điền trong tệp Word trước khi trình ký") {
		t.Errorf("the plan's blanks: %q", s)
	}
	for _, name := range []string{"tong-hop-2026-Q1.xlsx", "don-doc-2026-Q1.docx"} {
		if s, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#result a[href$="`+name+`"]') !== null`)); !s {
			t.Errorf("no link to %s", name)
		}
	}
	if *pageShot {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "trang-van-phong.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Download the report with the browser's own cookie, and read it.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#result a[href$="bao-cao-2026-Q1.docx"]').getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	cookies, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]*network.Cookie, error) {
		r, err := cdp.Call(ctx, tg, network.GetCookies, network.GetCookiesParams{URLs: []string{base + "/"}})
		return r.Cookies, err
	})
	if err != nil || len(cookies) == 0 {
		t.Fatalf("the browser's cookies: %v %v", cookies, err)
	}
	if !cookies[0].HTTPOnly || cookies[0].SameSite != network.CookieSameSiteStrict {
		t.Errorf("the cookie is not HttpOnly, SameSite=Strict: %+v", cookies[0])
	}
	req, _ := http.NewRequest("GET", base+href, nil)
	for _, c := range cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), "bao-cao-2026-Q1.docx") {
		t.Fatalf("download: %d %v", res.StatusCode, res.Header)
	}
	path := filepath.Join(t.TempDir(), "bao-cao.docx")
	os.WriteFile(path, body, 0o644)
	doc := docxText(t, path)
	for _, want := range []string{"BÁO CÁO", "quý I năm 2026", "Hội Nông dân", "Phòng Kinh tế", "Đoàn Thanh niên"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	// The outputs are in the workspace, as report --out lays them.
	if _, err := os.Stat(filepath.Join(ws, "2026-Q1", "bao-cao-2026-Q1.docx")); err != nil {
		t.Error(err)
	}
	if _, err := zip.OpenReader(filepath.Join(ws, "2026-Q1", "tong-hop-2026-Q1.xlsx")); err != nil {
		t.Error(err)
	}

	do("cong-van",
		chromedp.Click(chromedp.ID("lap-cong-van")),
		wait(`document.querySelector('#result-cong-van a[href$="don-doc-2026-Q1.docx"]') !== null`),
	)

	// A file dropped on the page is received like one chosen; one that
	// says no unit asks whose it is.
	do("keo-tha",
		chromedp.Evaluate[chromedp.Void](`(() => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array([37, 80, 68, 70, 0, 1, 2])], "ảnh chụp kéo thả.pdf", {type: "application/pdf"}));
			document.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		})()`),
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="nhan-tep"]`)),
		wait(`document.querySelector("#unassigned") && document.querySelector("#unassigned").textContent.includes("ảnh chụp kéo thả.pdf")`),
	)
	if s := text("#nhat-ky li"); !strings.Contains(s, "chưa rõ của đơn vị nào") {
		t.Errorf("the dropped file's line: %q", s)
	}
	// Step 3 says at once that its files were made before this file came,
	// and marks them old.
	do("bao-cao-cu",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="bao-cao"]`)),
		wait(`document.querySelector("#tep-cu") !== null`),
	)
	if s := text("#tep-cu"); !strings.Contains(s, "Đã nhận tệp mới («ảnh chụp kéo thả.pdf») sau lần lập lúc") || !strings.Contains(s, "bấm «Lập báo cáo» để cập nhật") {
		t.Errorf("step 3 after a file came: %q", s)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[[]int](`[document.querySelectorAll("#outputs li.cu").length, document.querySelectorAll("#outputs li").length]`)); len(n) != 2 || n[0] == 0 || n[0] != n[1] {
		t.Errorf("outputs marked old, of all: %v", n)
	}
	if old, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#result").classList.contains("cu")`)); !old {
		t.Error("the build's account made before the file came is not greyed")
	}
	chromedp.Run(ctx, chromedp.Click(chromedp.CSS(`nav a[data-buoc="nhan-tep"]`)))
	// Every line of the upload log is coloured by its outcome.
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#nhat-ky li.dung, #nhat-ky li.canh-bao, #nhat-ky li.loi, #nhat-ky li.hong").length`)); n != 10 {
		t.Errorf("%d coloured lines in the upload log, want 10", n)
	}
	noFlag := func(step string) {
		t.Helper()
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if i := strings.Index(body, "--"); i >= 0 {
			t.Errorf("%s: the page shows a flag: …%s…", step, body[max(0, i-120):min(len(body), i+80)])
		}
	}
	noFlag("keo-tha")
	kt := filepath.Join(samples, "KT-2026-Q1.xlsx")

	// The same file again: recognised, not stored a second time.
	do("tep-trung",
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), []string{kt}),
		wait(`(l => l !== null && !l.classList.contains("dang"))(document.querySelector("#nhat-ky li"))`),
	)
	if s := text("#nhat-ky li"); !strings.Contains(s, "đã nhận tệp này lúc") {
		t.Errorf("the same file again: %q", s)
	}
	if c, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#nhat-ky li").className`)); c != "trung" {
		t.Errorf("the same file's line is %q, want trung", c)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#don-vi-KT .tep").length`)); n != 1 {
		t.Errorf("KT's row has %d files after the same file again, want 1", n)
	}
	noFlag("tep-trung")

	// Set aside from the page, then put back: the account follows.
	do("de-rieng",
		chromedp.Click(chromedp.CSS(`#don-vi-KT button[data-de-rieng]`)),
		wait(`document.querySelector("#tep-de-rieng") !== null && document.querySelector("#don-vi-KT .trang-thai").textContent === "Chưa gửi"`),
	)
	if s := text("#tally"); !strings.Contains(s, "8/10") {
		t.Errorf("tally after setting KT's file aside: %q", s)
	}
	if _, err := os.Stat(filepath.Join(ws, "2026-Q1", "bo-qua", "KT-2026-Q1.xlsx")); err != nil {
		t.Errorf("the file set aside is not in bo-qua: %v", err)
	}
	do("dua-lai",
		chromedp.Click(chromedp.CSS(`#tep-de-rieng button[data-dua-lai]`)),
		wait(`document.querySelector("#tep-de-rieng") === null && document.querySelector("#don-vi-KT .trang-thai").textContent === "Đã gửi đủ nhiệm vụ"`),
	)
	if s := text("#tally"); !strings.Contains(s, "9/10") {
		t.Errorf("tally after putting KT's file back: %q", s)
	}

	// A broken file, then the unit's corrected resend: the old error goes
	// behind «Đã thay bằng tệp nhận lúc …».
	do("tep-hong",
		chromedp.Click(chromedp.CSS(`#don-vi-KT button[data-de-rieng]`)),
		wait(`document.querySelector("#don-vi-KT .trang-thai").textContent === "Chưa gửi"`),
		chromedp.Evaluate[chromedp.Void](`(() => {
			const dt = new DataTransfer();
			dt.items.add(new File([new Uint8Array([0, 1, 2, 3])], "KT-2026-Q1 hong.xlsx", {lastModified: Date.UTC(2026, 0, 5)}));
			document.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		})()`),
		wait(`document.querySelector("#don-vi-KT .so-loi") !== null`),
	)
	if c, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#nhat-ky li").className`)); c != "hong" {
		t.Errorf("the broken file's line is %q, want hong", c)
	}
	do("gui-lai",
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), []string{kt}),
		wait(`document.querySelector("#don-vi-KT .trang-thai").textContent === "Đã gửi đủ nhiệm vụ"`),
	)
	row, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#don-vi-KT").innerText`))
	if !strings.Contains(row, "Đã thay bằng tệp nhận lúc") || strings.Contains(row, "không phải tệp Excel") {
		t.Errorf("KT's row after the resend shows the old error: %q", row)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#don-vi-KT .so-loi, #don-vi-KT details[open]").length`)); n != 0 {
		t.Errorf("KT's row keeps %d open errors after the resend", n)
	}
	noFlag("gui-lai")
	// Times are when the page received each file, said so: not the time
	// the browser gave the broken file (5 January).
	if !strings.Contains(row, "nhận lúc") || strings.Contains(row, "05/01/2026") {
		t.Errorf("KT's row does not say when its files were received: %q", row)
	}

	// Putting back the file set aside, whose bytes came again meanwhile:
	// a notice in the log, not an error.
	do("dua-lai-trung",
		chromedp.Click(chromedp.CSS(`#tep-de-rieng button[data-dua-lai]`)),
		wait(`(l => l !== null && l.textContent.includes("không cần đưa lại"))(document.querySelector("#nhat-ky li"))`),
	)
	if c, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#nhat-ky li").className`)); c != "trung" {
		t.Errorf("the file already received's line is %q, want trung", c)
	}
	if hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#thong-bao").hidden`)); !hidden {
		t.Errorf("the file already received shows in the error bar: %q", text("#thong-bao"))
	}

	// A half year: before any build, a unit's row says which quarter's
	// form it lacks.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/?ky=2026-H1#nhan-tep")); err != nil {
		t.Fatal(err)
	}
	acrossNavigation(t, ctx, `document.body.dataset.ky === "2026-H1" && document.readyState === "complete" && document.querySelector("#don-vi-KT") !== null`)
	do("sau-thang")
	if s := text("#don-vi-KT"); !strings.Contains(s, "Thiếu biểu quý II năm 2026") {
		t.Errorf("KT's row in the half year: %q", s)
	}
	noFlag("sau-thang")

	// The clerk's guide.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/huong-dan")); err != nil {
		t.Fatal(err)
	}
	acrossNavigation(t, ctx, `document.readyState === "complete" && document.querySelector("#sua-mau") !== null`)
	do("huong-dan")
	noFlag("huong-dan")
}

// acrossNavigation waits until js is true on the page, retrying through
// the errors a navigation gives (the old document's context is gone), for
// at most about 60 seconds.
func acrossNavigation(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	var last error
	for range 600 {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the page never got to %s (last error: %v)", js, last)
}
