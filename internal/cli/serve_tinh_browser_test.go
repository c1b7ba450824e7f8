package cli

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/province/gen"
	"baocao/internal/summary"
)

// provinceAttachments writes, for the sample province, three communes'
// attachments for p as communes send them (one inside a zip, names that
// say nothing), one of another period, and Trần Phú's sent again later
// with a printed figure typed over by hand (its data sheet kept).
func provinceAttachments(t *testing.T, p period.Period) (good []string, wrongPeriod, resent string) {
	t.Helper()
	c, err := catalog.Load(filepath.Join("..", "..", "data"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	commune := func(name, kind string, capital float64) gen.Commune {
		return gen.Commune{Name: name, Kind: kind, Province: "Quảng Ngãi",
			Figures: map[string][2]float64{"TONG-NGUON-VON": {capital, capital * 1.08}, "VON-NSDP": {capital / 18, capital / 14},
				"TONG-DU-NO": {capital * .92, capital * 1.02}, "NO-QUA-HAN": {80, 95}},
			Status: map[string]forms.Status{"I.1": forms.StatusDone, "I.2": forms.StatusInProgress}}
	}
	write := func(name string, p period.Period, cm gen.Commune) string {
		b, err := gen.Attachment(c, p, cm)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good = append(good, write("tong-hop-2026-Q1.xlsx", p, commune("Xốp", "xã", 120000)))
	good = append(good, write("Zalo gửi tỉnh.xlsx", p, commune("Trần Phú", "phường", 65000)))
	b, err := gen.Attachment(c, p, commune("Lý Sơn", "đặc khu", 30000))
	if err != nil {
		t.Fatal(err)
	}
	zpath := filepath.Join(dir, "ly-son.zip")
	zf, err := os.Create(zpath)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "Lý Sơn/bang tong hop.xlsx", Method: zip.Deflate, Modified: time.Now().Add(-time.Hour)})
	w.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()
	good = append(good, zpath)
	wrongPeriod = write("Đăk Pék.xlsx", period.MustParse("2025-Q3"), commune("Đăk Pék", "xã", 20000))
	resent = write("Tran Phu gui lai.xlsx", p, commune("Trần Phú", "phường", 65000))
	f, err := excelize.OpenFile(resent)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(summary.SheetFigures)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Nguồn vốn ngân sách địa phương ủy thác" {
			f.SetCellFloat(summary.SheetFigures, fmt.Sprintf("D%d", i+1), 7777, -1, 64)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	later := time.Now().Add(time.Minute)
	os.Chtimes(resent, later, later)
	return good, wrongPeriod, resent
}

// TestProvincePageInBrowser goes through a period as the province's
// office does, in headless Chromium: write the province's data with
// «baocao init --tinh», open the page on that workspace, see the
// communes, send three communes' attachments (one in a zip) and one of
// another period, build the roll-up and download it.
func TestProvincePageInBrowser(t *testing.T) {
	bin := chromium(t)
	ws := filepath.Join(t.TempDir(), "tong-hop-tinh")
	if code := Main([]string{"init", "--tinh", ws}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("init --tinh: %d", code)
	}
	url := served(t, ws)
	base := url[:strings.Index(url, "/?")]
	q1 := period.MustParse("2026-Q1")
	good, wrongPeriod, resent := provinceAttachments(t, q1)

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
	ctx, cancelVisit := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelVisit()

	type shot struct {
		name string
		png  []byte
	}
	var shots []shot
	snap := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
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
		dir := filepath.Join("..", "..", "out", "trang-tinh")
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
	noFlag := func(step string) {
		t.Helper()
		body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if i := strings.Index(body, "--"); i >= 0 {
			t.Errorf("%s: the page shows a flag: …%s…", step, body[max(0, i-120):min(len(body), i+80)])
		}
	}

	// Open the printed address, then the period's page.
	do("mo-trang",
		chromedp.EmulateViewport(1366, 768),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("ky")),
	)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/?ky=2026-Q1")); err != nil {
		t.Fatal(err)
	}
	acrossNavigation(t, ctx, `document.body.dataset.ky === "2026-Q1" && document.readyState === "complete" && document.querySelector("#xa-23530") !== null && document.querySelector("#cac-xa").offsetParent !== null`)
	do("cac-xa")
	if s := text("h1"); !strings.Contains(s, "tỉnh Quảng Ngãi") {
		t.Errorf("the header: %q", s)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#tinh-communes tr").length`)); n != 7 {
		t.Errorf("%d communes listed, want the sample's 7", n)
	}
	if s := text("#xa-23530"); !strings.Contains(s, "xã Xốp") || !strings.Contains(s, "Chưa gửi") {
		t.Errorf("Xốp's row before any file: %q", s)
	}
	noFlag("cac-xa")

	// Step 2: three communes' attachments, one a zip.
	do("nhan-tep",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="nhan-tep"]`)),
		chromedp.WaitVisible(chromedp.ID("vung-tha")),
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), good),
		wait(`document.querySelectorAll("#nhat-ky li:not(.dang)").length === 3 && document.querySelector("#tinh-tally").textContent.includes("3/7")`),
	)
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#nhat-ky li.dung").length`)); n != 3 {
		log, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#nhat-ky").innerText`))
		t.Errorf("%d green lines, want 3: %s", n, log)
	}
	if s := text("#tinh-files"); !strings.Contains(s, "Dùng cho đặc khu Lý Sơn") || !strings.Contains(s, "Zalo gửi tỉnh.xlsx") {
		t.Errorf("step 2's files: %q", s)
	}
	noFlag("nhan-tep")

	// A file of another period: refused in the clerk's words.
	do("ky-khac",
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), []string{wrongPeriod}),
		wait(`(l => l !== null && !l.classList.contains("dang"))(document.querySelector("#nhat-ky li"))`),
	)
	if s := text("#nhat-ky li"); !strings.Contains(s, "quý III năm 2025, không phải quý I năm 2026") {
		t.Errorf("the other period's line: %q", s)
	}
	if c, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#nhat-ky li").className`)); c != "loi" {
		t.Errorf("the other period's line is %q, want loi", c)
	}
	if s := text("#tinh-tally"); !strings.Contains(s, "3/7") || !strings.Contains(s, "Tệp có lỗi: 1") {
		t.Errorf("tally: %q", s)
	}
	noFlag("ky-khac")

	// Trần Phú sends again, a figure typed over: refused, the long
	// located message wrapped whole in the log (no line cut by the box),
	// the file and step 1 naming the commune.
	do("gui-lai",
		chromedp.SetUploadFiles(chromedp.ID("chon-tep"), []string{resent}),
		wait(`(l => l !== null && !l.classList.contains("dang") && l.textContent.includes("Tran Phu gui lai"))(document.querySelector("#nhat-ky li"))`),
	)
	if s := text("#nhat-ky li"); !strings.Contains(s, "của phường Trần Phú, không dùng: số trên trang «Chỉ tiêu» khác phần dữ liệu") || !strings.Contains(s, "gửi lại") {
		t.Errorf("the resent file's line: %q", s)
	}
	// Every line shows whole: the box does not scroll or cut a line, and
	// no line runs past its width.
	clipped, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
		const box = document.querySelector("#nhat-ky");
		if (box.scrollHeight > box.clientHeight + 1) return "the box cuts its lines: " + box.scrollHeight + " > " + box.clientHeight;
		for (const li of box.querySelectorAll("li")) {
			if (li.scrollWidth > li.clientWidth + 1) return "a line runs past the box: " + li.textContent;
		}
		return "";
	})()`))
	if clipped != "" {
		t.Errorf("the log: %s", clipped)
	}
	if s := text("#tinh-files"); !strings.Contains(s, "của phường Trần Phú") {
		t.Errorf("step 2 does not name the refused file's commune: %q", s)
	}
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#xa-21199").textContent`)); !strings.Contains(s, "Tệp gửi lại có lỗi") || !strings.Contains(s, "Tran Phu gui lai.xlsx") || !strings.Contains(s, "đang dùng tệp trước") {
		t.Errorf("Trần Phú's row in step 1: %q", s)
	}
	noFlag("gui-lai")

	// Step 3: the roll-up.
	do("tong-hop",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="tong-hop"]`)),
		chromedp.Click(chromedp.ID("lap-bao-cao")),
		wait(`document.querySelector('#result a[href$="bao-cao-tinh-2026-Q1.docx"]') !== null`),
		chromedp.ScrollIntoView(chromedp.CSS("body")),
	)
	if s := text("#result"); !strings.Contains(s, "Đã gửi bảng tổng hợp dùng được: 3/7 xã, phường, đặc khu. Tệp có lỗi không đưa vào: 2.") {
		t.Errorf("the build's summary: %q", s)
	}
	for _, name := range []string{"tong-hop-tinh-2026-Q1.xlsx", "don-doc-tinh-2026-Q1.docx"} {
		if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector('#result a[href$="`+name+`"]') !== null`)); !ok {
			t.Errorf("no link to %s", name)
		}
	}
	if s := text("#tinh-missing"); !strings.Contains(s, "4/7") || !strings.Contains(s, "xã Đăk Pék") {
		t.Errorf("the communes not sent: %q", s)
	}
	noFlag("tong-hop")

	// Download the report with the browser's own cookie, and read it.
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#result a[href$="bao-cao-tinh-2026-Q1.docx"]').getAttribute("href")`))
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
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), "bao-cao-tinh-2026-Q1.docx") {
		t.Fatalf("download: %d %v", res.StatusCode, res.Header)
	}
	path := filepath.Join(t.TempDir(), "bao-cao-tinh.docx")
	os.WriteFile(path, body, 0o644)
	doc := docxText(t, path)
	for _, want := range []string{"BÁO CÁO", "quý I năm 2026", "3/7", "Đăk Pék"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the province's report does not say %q", want)
		}
	}
	// The outputs are in the province's workspace.
	for _, name := range []string{"bao-cao-tinh-2026-Q1.docx", "tong-hop-tinh-2026-Q1.xlsx"} {
		if _, err := os.Stat(filepath.Join(ws, "2026-Q1", name)); err != nil {
			t.Error(err)
		}
	}

	// Step 1 again: who has sent.
	do("cac-xa-sau",
		chromedp.Click(chromedp.CSS(`nav a[data-buoc="cac-xa"]`)),
		chromedp.WaitVisible(chromedp.ID("tinh-communes")),
	)
	if s := text("#xa-21292"); !strings.Contains(s, "Đã gửi") || !strings.Contains(s, "bang tong hop.xlsx") {
		t.Errorf("Lý Sơn's row: %q", s)
	}

	// The guide at the province.
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/huong-dan")); err != nil {
		t.Fatal(err)
	}
	acrossNavigation(t, ctx, `document.readyState === "complete" && document.querySelector("#loi") !== null`)
	do("huong-dan")
	noFlag("huong-dan")
}
