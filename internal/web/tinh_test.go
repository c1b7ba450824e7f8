package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/province/gen"
	"baocao/internal/summary"
)

var provinceData, _ = filepath.Abs(filepath.Join("..", "..", "data", "tinh"))

// startProvince serves the province's page on the built-in sample
// province's data (dir: "" for data/tinh) for a fresh workspace, as on
// 16/03/2026, and enters it with the secret.
func startProvince(t *testing.T, dir string) *testServer {
	t.Helper()
	return startProvinceOn(t, dir, time.Date(2026, 3, 16, 9, 0, 0, 0, time.Local))
}

// startProvinceOn is startProvince on the day of now.
func startProvinceOn(t *testing.T, dir string, day time.Time) *testServer {
	t.Helper()
	if dir == "" {
		dir = provinceData
	}
	ws, err := cycle.OpenWorkspace(filepath.Join(t.TempDir(), "tinh"))
	if err != nil {
		t.Fatal(err)
	}
	// Files are received a minute apart, in the order sent, from an hour
	// before the page's day.
	var mu sync.Mutex
	received := day.Add(-time.Hour)
	ws.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		received = received.Add(time.Minute)
		return received
	}
	ts := httptest.NewUnstartedServer(nil)
	now := func() time.Time { return day }
	srv, err := New(Options{Workspace: ws, ProvinceDir: dir, Addr: ts.Listener.Addr().String(), Now: now, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)
	jar, _ := cookiejar.New(nil)
	s := &testServer{Server: ts, srv: srv, ws: ws, client: &http.Client{Jar: jar}}
	res, err := s.client.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("entering with the secret: %d", res.StatusCode)
	}
	return s
}

func communeCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(repoData)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// communeOf is a commune of the sample province's list with figures.
func communeOf(name, kind string, capital float64) gen.Commune {
	return gen.Commune{Name: name, Kind: kind, Province: "Quảng Ngãi",
		Figures: map[string][2]float64{"TONG-NGUON-VON": {capital, capital * 1.1}, "VON-NSDP": {capital / 20, capital / 15},
			"TONG-DU-NO": {capital * .9, capital}, "NO-QUA-HAN": {100, 120}},
		Status: map[string]forms.Status{"I.1": forms.StatusDone, "I.2": forms.StatusInProgress}}
}

func attachmentOf(t *testing.T, p period.Period, cm gen.Commune) []byte {
	t.Helper()
	b, err := gen.Attachment(communeCatalog(t), p, cm)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipOf is a zip holding files, as a commune or a district sends several.
func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(2026, 3, 17, 8, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edited is an attachment changed by hand with excelize.
func edited(t *testing.T, b []byte, change func(*excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	change(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func noFlagIn(t *testing.T, what, body string) {
	t.Helper()
	if i := strings.Index(body, "--"); i >= 0 {
		t.Errorf("%s shows a flag: …%s…", what, body[max(0, i-120):min(len(body), i+80)])
	}
}

func TestProvincePage(t *testing.T) {
	s := startProvince(t, "")
	res, body := s.get(t, "/")
	if res.StatusCode != 200 {
		t.Fatalf("page: %d %s", res.StatusCode, body)
	}
	for _, want := range []string{"tỉnh Quảng Ngãi", "Các xã", "Tệp đã nhận", "Tổng hợp", "Quý I năm 2026 (kỳ vừa hết số liệu)",
		"xã Xốp", "phường Trần Phú", "đặc khu Lý Sơn", "23530", "0/7</strong> xã, phường, đặc khu", `data-buoc-dau="cac-xa"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	noFlagIn(t, "the province's page", body)
	// The commune's steps are not the province's.
	for _, absent := range []string{"Gửi biểu mẫu", "mau-bieu"} {
		if strings.Contains(body, absent) {
			t.Errorf("the province's page shows the commune's %q", absent)
		}
	}
	res, body = s.get(t, "/huong-dan")
	if res.StatusCode != 200 || !strings.Contains(body, "Hướng dẫn trang tổng hợp của tỉnh") || !strings.Contains(body, "Vì sao một tệp không được dùng") {
		t.Errorf("guide: %d", res.StatusCode)
	}
	noFlagIn(t, "the province's guide", body)
	res, body = s.get(t, "/huong-dan/mau/bao-cao-tinh.docx")
	if res.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("the built-in template: %d", res.StatusCode)
	}
	// The commune's addresses are not served on the province's page.
	for _, path := range []string{"/mau-bieu/2026-Q1/tat-ca.zip", "/huong-dan/mau/bao-cao.docx", "/ket-qua/2026-Q1/bao-cao-2026-Q1.docx"} {
		if res, body := s.get(t, path); res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.StatusCode)
		} else {
			noFlagIn(t, path, body)
		}
	}
	// A bad period is said, not a panic.
	res, body = s.get(t, "/?ky=2026-Q9")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "2026-Q9") {
		t.Errorf("bad period: %d %s", res.StatusCode, body)
	}
	noStackTrace(t, body)
	// The same safety as the commune's page: no secret, no page; a post
	// from another site refused.
	if res, err := http.Get(s.URL + "/"); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("without the secret: %v %v", res.StatusCode, err)
	}
	req, _ := http.NewRequest("POST", s.URL+"/api/lap-bao-cao?ky=2026-Q1", nil)
	req.Header.Set("Origin", "http://example.com")
	if res, err := s.client.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("a post from another site: %v %v", res.StatusCode, err)
	}
	if _, err := os.Stat(s.ws.PeriodDir(q1)); err == nil {
		t.Error("a refused post wrote the period's folder")
	}
	// Another period's page counts its own folder.
	if _, body := s.get(t, "/?ky=2025-Q4"); !strings.Contains(body, "Quý IV năm 2025") {
		t.Error("the period chosen is not shown")
	}
}

// TestProvinceUploadAndBuild walks the three steps: three communes' attachments
// (one in a zip, under names that say nothing), the account in each step,
// the roll-up and its downloads.
func TestProvinceUploadAndBuild(t *testing.T) {
	s := startProvince(t, "")
	saved := time.Date(2026, 3, 17, 9, 0, 0, 0, time.UTC)
	xop := upload{name: "tong-hop-2026-Q1.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 100000)), mod: saved}
	tranPhu := upload{name: "file (1).xlsx", data: attachmentOf(t, q1, communeOf("Trần Phú", "phường", 50000)), mod: saved}
	lySon := upload{name: "gửi tỉnh.zip", data: zipOf(t, map[string][]byte{"ly son/bang.xlsx": attachmentOf(t, q1, communeOf("Lý Sơn", "đặc khu", 30000))})}
	a := decode(t, s.send(t, s.client, xop, tranPhu, lySon))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	said := map[string]fileResult{}
	for _, f := range a.Files {
		said[f.Name] = f
	}
	for name, want := range map[string]string{"tong-hop-2026-Q1.xlsx": "xã Xốp: dùng để tổng hợp", "file (1).xlsx": "phường Trần Phú: dùng để tổng hợp", "bang.xlsx": "đặc khu Lý Sơn: dùng để tổng hợp", "gửi tỉnh.zip": "đã lấy ra 1 tệp"} {
		if f := said[name]; !strings.Contains(f.Message, want) || (f.Outcome != "dung") {
			t.Errorf("%s: %q (%s), want %q", name, f.Message, f.Outcome, want)
		}
	}
	for _, key := range []string{"tinh-tally", "tinh-tally-cac-xa", "tinh-tally-nhan-tep"} {
		if !strings.Contains(a.HTML[key], "3/7</strong>") {
			t.Errorf("%s: %q", key, a.HTML[key])
		}
	}
	if h := a.HTML["tinh-communes"]; !strings.Contains(h, `id="xa-23530" class="du"`) || !strings.Contains(h, `id="xa-23536" class="chua"`) {
		t.Errorf("step 1 after the upload: %s", h)
	}
	if h := a.HTML["tinh-missing"]; !strings.Contains(h, "4/7") || !strings.Contains(h, "xã Đăk Pék") || strings.Contains(h, "xã Xốp") {
		t.Errorf("the communes not sent: %s", h)
	}

	// The same file again: recognised, not stored again.
	a = decode(t, s.send(t, s.client, xop))
	if len(a.Files) != 1 || !a.Files[0].Same || !strings.Contains(a.Files[0].Message, "đã nhận tệp này lúc") || a.Files[0].Outcome != "trung" {
		t.Errorf("the same file again: %+v", a.Files)
	}
	if n := len(s.ws.ReceivedFiles(q1)); n != 3 {
		t.Errorf("%d files received, want 3", n)
	}

	// Step 3: the roll-up, counted from the same account.
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a = decode(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("build: %d %s", res.StatusCode, a.Error)
	}
	result := a.HTML["result"]
	for _, want := range []string{"Đã lập báo cáo của tỉnh quý I năm 2026", "Đã gửi bảng tổng hợp dùng được: 3/7 xã, phường, đặc khu.",
		"bao-cao-tinh-2026-Q1.docx", "tong-hop-tinh-2026-Q1.xlsx", "don-doc-tinh-2026-Q1.docx"} {
		if !strings.Contains(result, want) {
			t.Errorf("the build's answer does not say %q: %s", want, result)
		}
	}
	noFlagIn(t, "the build's answer", result)
	for _, name := range []string{"bao-cao-tinh-2026-Q1.docx", "tong-hop-tinh-2026-Q1.xlsx", "don-doc-tinh-2026-Q1.docx"} {
		res, body := s.get(t, "/ket-qua/2026-Q1/"+url.PathEscape(name))
		if res.StatusCode != 200 || !strings.HasPrefix(body, "PK") || !strings.Contains(res.Header.Get("Content-Disposition"), name) {
			t.Errorf("download %s: %d", name, res.StatusCode)
		}
		if !strings.Contains(a.HTML["tinh-outputs"], name) {
			t.Errorf("the outputs do not list %s", name)
		}
	}
	// The workbook holds the three communes' figures, read from the files.
	f, err := excelize.OpenFile(filepath.Join(s.ws.PeriodDir(q1), "tong-hop-tinh-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var text strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			text.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	for _, want := range []string{"Xốp", "Trần Phú", "Lý Sơn"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the province's workbook does not name %s", want)
		}
	}
	if res, _ := s.get(t, "/ket-qua/2026-Q1/khong-co.docx"); res.StatusCode != http.StatusNotFound {
		t.Errorf("an output not there: %d", res.StatusCode)
	}

	// Set aside from the page, then put back: the account follows.
	res = s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"file (1).xlsx"}})
	a = decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["tinh-tally"], "2/7") || !strings.Contains(a.HTML["tinh-files"], "tep-de-rieng") {
		t.Errorf("set aside: %d %s %s", res.StatusCode, a.Error, a.HTML["tinh-tally"])
	}
	res = s.post(t, "/api/dua-lai?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"file (1).xlsx"}})
	a = decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["tinh-tally"], "3/7") {
		t.Errorf("restore: %d %s %s", res.StatusCode, a.Error, a.HTML["tinh-tally"])
	}
	// Put back while the same bytes came again meanwhile: a notice, as on
	// the commune's page, not an error; the copy set aside stays there.
	s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"file (1).xlsx"}}).Body.Close()
	s.send(t, s.client, tranPhu).Body.Close()
	res = s.post(t, "/api/dua-lai?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"file (1).xlsx"}})
	var notice struct {
		Msg     string `json:"thong_bao"`
		Outcome string `json:"ket_qua"`
		Error   string `json:"loi"`
	}
	if err := json.Unmarshal([]byte(read(t, res)), &notice); err != nil || res.StatusCode != 200 || notice.Error != "" || notice.Outcome != "trung" ||
		!strings.Contains(notice.Msg, "giống hệt tệp «file (1).xlsx» đã nhận lúc") {
		t.Errorf("putting back a file received again: %d %+v %v", res.StatusCode, notice, err)
	}
	if _, err := os.Stat(filepath.Join(s.ws.PeriodDir(q1), "bo-qua", "file (1).xlsx")); err != nil {
		t.Error("the file refused is not kept in bo-qua:", err)
	}
	res = s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"../../tinh.yaml"}})
	if a := decode(t, res); res.StatusCode == 200 || a.Error == "" {
		t.Errorf("setting aside a path: %d", res.StatusCode)
	}
	// The page's status, as other tabs fetch it.
	if res, body := s.get(t, "/api/tinh-hinh?ky=2026-Q1"); res.StatusCode != 200 || !strings.Contains(body, "3/7") {
		t.Errorf("status: %d", res.StatusCode)
	}
	if res, body := s.get(t, "/api/tien-do?ky=2026-Q1"); res.StatusCode != 200 || !strings.Contains(body, `"buoc":""`) {
		t.Errorf("progress: %d %s", res.StatusCode, body)
	}
}

// TestProvinceBadInputs sends each bad input of issue 23 point 2 and
// checks the page says it in the clerk's words, naming the file.
func TestProvinceBadInputs(t *testing.T) {
	s := startProvince(t, "")
	early := time.Date(2026, 3, 17, 8, 0, 0, 0, time.UTC)
	late := early.Add(2 * time.Hour)
	xop := communeOf("Xốp", "xã", 100000)
	q3 := period.MustParse("2025-Q3")
	q4 := period.MustParse("2025-Q4")
	// The period before, whose current figures differ from what Đăk Plô's
	// Q1 says of them.
	before := communeOf("Đăk Plô", "xã", 40000)
	before.Figures["TONG-NGUON-VON"] = [2]float64{38000, 41000}
	other := communeOf("Ngọc Linh", "xã", 20000)
	other.Province = "Kon Tum"
	unknown := communeOf("Không Có", "xã", 20000)
	cases := []struct {
		name    string
		data    []byte
		mod     time.Time
		outcome string
		want    string
	}{
		{"quy-truoc-nua.xlsx", attachmentOf(t, q3, communeOf("Ngọc Linh", "xã", 20000)), early, "loi", "bảng tổng hợp của xã Ngọc Linh cho quý III năm 2025, không phải quý I năm 2026 đang tổng hợp"},
		{"tinh-khac.xlsx", attachmentOf(t, q1, other), early, "loi", "thuộc tỉnh Kon Tum, không phải tỉnh Quảng Ngãi"},
		{"xa-la.xlsx", attachmentOf(t, q1, unknown), early, "loi", "xã Không Có không có trong danh sách xã của tỉnh (xa.csv)"},
		{"xop-sang.xlsx", attachmentOf(t, q1, xop), early, "canh-bao", "xã Xốp đã gửi hai tệp"},
		{"xop-chieu.xlsx", attachmentOf(t, q1, communeOf("Xốp", "xã", 100001)), late, "dung", "xã Xốp: dùng để tổng hợp"},
		{"mat-trang-an.xlsx", edited(t, attachmentOf(t, q1, communeOf("Trần Phú", "phường", 5000)), func(f *excelize.File) { f.DeleteSheet(summary.SheetData) }), early, "canh-bao", "tệp không còn phần dữ liệu cho máy đọc (trang ẩn «_du_lieu», có lẽ đã bị xóa); đã đọc số liệu và tình trạng nhiệm vụ của phường Trần Phú từ các trang in"},
		{"dak-plo-q4.xlsx", attachmentOf(t, q4, before), early, "canh-bao", "chỉ dùng để đối chiếu số kỳ trước"},
		{"dak-plo.xlsx", attachmentOf(t, q1, communeOf("Đăk Plô", "xã", 40000)), early, "canh-bao", "kỳ trước ghi 40.000, nhưng bảng tổng hợp quý IV năm 2025 của xã Đăk Plô («dak-plo-q4.xlsx») ghi 41.000"},
		{"anh-chup.pdf", []byte("%PDF-1.4 not a workbook"), early, "loi", "không phải bảng tổng hợp (.xlsx) của xã"},
		{"hong.xlsx", []byte{0, 1, 2, 3}, early, "loi", "không mở được như một bảng Excel"},
	}
	var files []upload
	for _, c := range cases {
		files = append(files, upload{name: c.name, data: c.data, mod: c.mod})
	}
	a := decode(t, s.send(t, s.client, files...))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	// Each file's line is worded by the account after the whole upload.
	said := map[string]fileResult{}
	for _, f := range a.Files {
		said[f.Name] = f
	}
	for _, c := range cases {
		f := said[c.name]
		if !strings.Contains(f.Message, c.want) || f.Outcome != c.outcome {
			t.Errorf("%s: %q (%s), want %q (%s)", c.name, f.Message, f.Outcome, c.want, c.outcome)
		}
		noFlagIn(t, c.name, f.Message)
		if strings.Contains(f.Message, s.ws.Root) {
			t.Errorf("%s: the message names the workspace's folders: %q", c.name, f.Message)
		}
	}
	files2 := a.HTML["tinh-files"]
	for _, c := range cases {
		if !strings.Contains(files2, c.name) {
			t.Errorf("step 2 does not list %s", c.name)
		}
	}
	if !strings.Contains(a.HTML["tinh-tally"], "3/7") || !strings.Contains(a.HTML["tinh-tally"], "Tệp có lỗi: 5") {
		t.Errorf("tally: %s", a.HTML["tinh-tally"])
	}
	// The page shows the same, and no flag, no stack, at every step.
	_, body := s.get(t, "/?ky=2026-Q1")
	noFlagIn(t, "the page with bad files", body)
	noStackTrace(t, body)
	if !strings.Contains(body, `id="xa-23548" class="thieu"`) {
		t.Error("Đăk Plô's row does not carry its warning")
	}
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a = decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["result"], "Đã gửi bảng tổng hợp dùng được: 3/7 xã, phường, đặc khu. Tệp có lỗi không đưa vào: 5.") {
		t.Errorf("build with bad files: %d %s %s", res.StatusCode, a.Error, a.HTML["result"])
	}
}

// TestProvinceNothingUsable builds with no usable file: the letter alone.
func TestProvinceNothingUsable(t *testing.T) {
	s := startProvince(t, "")
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a := decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["result"], "Chưa có bảng tổng hợp nào dùng được") || !strings.Contains(a.HTML["result"], "don-doc-tinh-2026-Q1.docx") || strings.Contains(a.HTML["result"], "bao-cao-tinh-2026-Q1.docx") {
		t.Errorf("build with nothing: %d %s %s", res.StatusCode, a.Error, a.HTML["result"])
	}
}

// TestProvinceBrokenData: a mistake in xa.csv is said with its file and
// line, in the page's words.
func TestProvinceBrokenData(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"tinh.yaml", "xa.csv", "indicators.yaml"} {
		b, err := os.ReadFile(filepath.Join(provinceData, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	s := startProvince(t, dir)
	os.WriteFile(filepath.Join(dir, "xa.csv"), []byte("mã;tên;loại\n23530;Xốp;xã\n23530;Xốp Mới;làng\n"), 0o644)
	res, body := s.get(t, "/")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Dữ liệu của tỉnh có lỗi") || !strings.Contains(body, "xa.csv") {
		t.Errorf("broken data: %d %s", res.StatusCode, body)
	}
	noFlagIn(t, "broken data", body)
	os.Remove(filepath.Join(dir, "tinh.yaml"))
	res, body = s.get(t, "/api/tinh-hinh?ky=2026-Q1")
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "tinh.yaml") {
		t.Errorf("missing tinh.yaml: %d %s", res.StatusCode, body)
	}
	noFlagIn(t, "missing tinh.yaml", body)
	// New refuses a province's folder it cannot read, as the command does.
	if _, err := New(Options{Workspace: s.ws, ProvinceDir: dir, Addr: "127.0.0.1:1"}); err == nil {
		t.Error("New took a broken province's data")
	}
}

// TestProvinceGetWritesNothing: the page's GETs on a province workspace
// write nothing, as on a commune's.
func TestProvinceGetWritesNothing(t *testing.T) {
	s := startProvince(t, "")
	a := decode(t, s.send(t, s.client, upload{name: "x.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 1000))}))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	before := tree(t, s.ws.Root)
	for _, path := range []string{"/", "/?ky=2026-Q2", "/?ky=2026", "/api/tinh-hinh?ky=2026-Q1", "/api/tien-do", "/api/phien-ban", "/huong-dan",
		"/nhan-ve/2026-Q1/x.xlsx", "/ket-qua/2026-Q1/bao-cao-tinh-2026-Q1.docx", "/huong-dan/mau/don-doc-tinh.docx"} {
		s.get(t, path)
	}
	if after := tree(t, s.ws.Root); strings.Join(before, "\n") != strings.Join(after, "\n") {
		t.Errorf("GETs changed the workspace:\nbefore %v\nafter  %v", before, after)
	}
}

// TestProvinceKeepsEdits: a report the office edited after a build is kept
// under a dated name, and the letter is set aside once every commune has
// sent, as on the commune's page.
func TestProvinceKeepsEdits(t *testing.T) {
	s := startProvince(t, "")
	communes := []gen.Commune{communeOf("Xốp", "xã", 1000), communeOf("Đăk Pék", "xã", 2000), communeOf("Đăk Plô", "xã", 3000),
		communeOf("Ngọc Linh", "xã", 4000), communeOf("Trần Phú", "phường", 5000), communeOf("Cẩm Thành", "phường", 6000), communeOf("Lý Sơn", "đặc khu", 7000)}
	var first []upload
	for i, cm := range communes[:6] {
		first = append(first, upload{name: "xa-" + string(rune('a'+i)) + ".xlsx", data: attachmentOf(t, q1, cm)})
	}
	if a := decode(t, s.send(t, s.client, first...)); a.Error != "" {
		t.Fatal(a.Error)
	}
	if res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil); res.StatusCode != 200 {
		t.Fatalf("first build: %d", res.StatusCode)
	}
	report := filepath.Join(s.ws.PeriodDir(q1), "bao-cao-tinh-2026-Q1.docx")
	letter := filepath.Join(s.ws.PeriodDir(q1), "don-doc-tinh-2026-Q1.docx")
	if _, err := os.Stat(letter); err != nil {
		t.Fatal("no letter while Lý Sơn has not sent")
	}
	edited := append(readFile(t, report), 0) // the office's edit
	if err := os.WriteFile(report, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if a := decode(t, s.send(t, s.client, upload{name: "ly-son.xlsx", data: attachmentOf(t, q1, communes[6])})); a.Error != "" {
		t.Fatal(a.Error)
	}
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a := decode(t, res)
	if res.StatusCode != 200 || !strings.Contains(a.HTML["result"], "đã được sửa sau lần lập trước: giữ lại thành") || !strings.Contains(a.HTML["result"], "don-doc-tinh-2026-Q1.docx không còn cần") {
		t.Errorf("second build: %d %s", res.StatusCode, a.HTML["result"])
	}
	entries, _ := os.ReadDir(s.ws.PeriodDir(q1))
	kept := false
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "bao-cao-tinh-2026-Q1 (bản sửa") && bytes.Equal(readFile(t, filepath.Join(s.ws.PeriodDir(q1), e.Name())), edited) {
			kept = true
		}
	}
	if !kept {
		t.Errorf("the edited report is not kept: %v", entries)
	}
	if _, err := os.Stat(letter); err == nil {
		t.Error("the letter stays although every commune has sent")
	}
	if strings.Contains(a.HTML["tinh-outputs"], "don-doc-tinh") {
		t.Error("the outputs still list the letter")
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The page reads each attachment once: uploaded one by one, with the
// page and its status seen between, each file is read when it comes and
// never again; an edit of the province's list reads them again.
func TestProvinceReadsEachFileOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"tinh.yaml", "xa.csv", "indicators.yaml"} {
		os.WriteFile(filepath.Join(dir, name), readFile(t, filepath.Join(provinceData, name)), 0o644)
	}
	s := startProvince(t, dir)
	communes := []gen.Commune{communeOf("Xốp", "xã", 1000), communeOf("Đăk Pék", "xã", 2000), communeOf("Trần Phú", "phường", 5000)}
	for i, cm := range communes {
		if a := decode(t, s.send(t, s.client, upload{name: "xa-" + string(rune('a'+i)) + ".xlsx", data: attachmentOf(t, q1, cm)})); a.Error != "" {
			t.Fatal(a.Error)
		}
		s.get(t, "/?ky=2026-Q1")
		s.get(t, "/api/tinh-hinh?ky=2026-Q1")
		if n := s.srv.provinceCache.Reads(); n != i+1 {
			t.Errorf("after %d files sent one by one and the page seen, %d readings", i+1, n)
		}
	}
	b := readFile(t, filepath.Join(dir, "xa.csv"))
	os.WriteFile(filepath.Join(dir, "xa.csv"), append(b, []byte("99999;Mới;xã\n")...), 0o644)
	if _, body := s.get(t, "/?ky=2026-Q1"); !strings.Contains(body, "xã Mới") || !strings.Contains(body, "3/8") {
		t.Error("the page does not follow the edited list")
	}
	if n := s.srv.provinceCache.Reads(); n != 6 {
		t.Errorf("after the list changed, %d readings, want 6", n)
	}
}

// printedEdited is an attachment whose figure on the printed sheet
// «Chỉ tiêu» was typed over by hand, its data sheet kept.
func printedEdited(t *testing.T, b []byte) []byte {
	return edited(t, b, func(f *excelize.File) {
		rows, _ := f.GetRows(summary.SheetFigures)
		for i, r := range rows {
			if len(r) > 0 && r[0] == "Nguồn vốn ngân sách địa phương ủy thác" {
				f.SetCellFloat(summary.SheetFigures, "D"+strconv.Itoa(i+1), 7777, -1, 64)
				return
			}
		}
		t.Fatal("no row to edit")
	})
}

// A refused file that says whose it is is linked to its commune: its row
// names the commune, and step 1 tells that the commune sent again with
// an error (using its earlier file), or sent only a file with an error.
func TestProvinceRefusedFileOfACommune(t *testing.T) {
	s := startProvince(t, "")
	early := time.Date(2026, 3, 17, 8, 0, 0, 0, time.Local)
	late := early.Add(2 * time.Hour)
	a := decode(t, s.send(t, s.client,
		upload{name: "dak-pek.xlsx", data: attachmentOf(t, q1, communeOf("Đăk Pék", "xã", 2000)), mod: early},
		upload{name: "Dak Pek gui lai.xlsx", data: printedEdited(t, attachmentOf(t, q1, communeOf("Đăk Pék", "xã", 2000))), mod: late},
		upload{name: "ngoc-linh.xlsx", data: printedEdited(t, attachmentOf(t, q1, communeOf("Ngọc Linh", "xã", 4000))), mod: early},
		// refused, then sent right: the row says nothing of the old one
		upload{name: "xop-loi.xlsx", data: printedEdited(t, attachmentOf(t, q1, communeOf("Xốp", "xã", 1000))), mod: early},
		upload{name: "xop.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 1000)), mod: late},
	))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	said := map[string]fileResult{}
	for _, f := range a.Files {
		said[f.Name] = f
	}
	if f := said["Dak Pek gui lai.xlsx"]; f.Outcome != "loi" || !strings.HasPrefix(f.Message, "của xã Đăk Pék, không dùng: số trên trang «Chỉ tiêu» khác phần dữ liệu cho máy đọc") || !strings.Contains(f.Message, "ghi 7.777") {
		t.Errorf("the resent file: %q (%s)", f.Message, f.Outcome)
	}
	if h := a.HTML["tinh-files"]; strings.Count(h, `<span class="nho">của xã Đăk Pék</span>`) != 1 || strings.Count(h, `<span class="nho">của xã Ngọc Linh</span>`) != 1 {
		t.Errorf("step 2 does not name the refused files' communes: %s", h)
	}
	rows := map[string]string{}
	for _, r := range strings.Split(a.HTML["tinh-communes"], "</tr>") {
		if i := strings.Index(r, `id="xa-`); i >= 0 {
			rows[r[i+7:i+12]] = r
		}
	}
	want := map[string][]string{
		"23536": {`class="thieu"`, "Tệp gửi lại có lỗi", "dak-pek.xlsx", "Tệp «Dak Pek gui lai.xlsx» nhận lúc 08:02 16/03/2026 có lỗi, đang dùng tệp trước"}, // Đăk Pék
		"23584": {`class="loi"`, "Gửi tệp có lỗi", "Tệp «ngoc-linh.xlsx» nhận lúc 08:03 16/03/2026 có lỗi, chưa có tệp dùng được"},                           // Ngọc Linh
		"23530": {`class="du"`, "Đã gửi", "xop.xlsx"},                                                                                                        // Xốp
		"23548": {`class="chua"`, "Chưa gửi"},                                                                                                                // Đăk Plô
	}
	for code, phrases := range want {
		for _, p := range phrases {
			if !strings.Contains(rows[code], p) {
				t.Errorf("step 1's row %s does not say %q: %s", code, p, rows[code])
			}
		}
	}
	if strings.Contains(rows["23530"], "xop-loi.xlsx") {
		t.Errorf("Xốp's row names the file it replaced: %s", rows["23530"])
	}
	noFlagIn(t, "step 1", a.HTML["tinh-communes"])
}

// The province's page and the commune's agree on the period they call
// current: on 08/12/2026 the communes report on quarter IV (the commune's
// page calls it «kỳ hiện tại»), while the province gathers quarter III,
// whose data have ended; the province's page opens on that one and calls
// it so, never «kỳ hiện tại».
func TestProvincePeriodLabel(t *testing.T) {
	day := time.Date(2026, 12, 8, 9, 0, 0, 0, time.Local)
	if got := cycle.CurrentPeriod(communeCatalog(t), day); got != period.MustParse("2026-Q4") {
		t.Fatalf("the commune's current period on %s: %s", day, got)
	}
	s := startProvinceOn(t, "", day)
	_, body := s.get(t, "/")
	if !strings.Contains(body, `<option value="2026-Q3" selected>Quý III năm 2026 (kỳ vừa hết số liệu)</option>`) {
		t.Error("the province's page does not open on quarter III, the last whose data have ended")
	}
	if strings.Contains(body, "kỳ hiện tại") {
		t.Error("the province's page calls a period «kỳ hiện tại», as the commune's page calls another")
	}
}

// A commune that sent without credit figures (its bank's file left out)
// is said on step 1 and step 3: the province's sums are over the others.
func TestProvinceWithoutFigures(t *testing.T) {
	s := startProvince(t, "")
	const said = "xã Ngọc Linh gửi bảng tổng hợp chưa có số liệu tín dụng; số của tỉnh là tổng các xã có số liệu."
	a := decode(t, s.send(t, s.client, upload{name: "xop.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 1000))}))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	for _, key := range []string{"tinh-partial-cac-xa", "tinh-partial-tong-hop"} {
		if h, ok := a.HTML[key]; !ok || h != "" {
			t.Errorf("%s with every commune's figures: %q (sent: %v)", key, h, ok)
		}
	}
	bare := communeOf("Ngọc Linh", "xã", 4000)
	bare.Figures = nil
	a = decode(t, s.send(t, s.client, upload{name: "ngoc-linh.xlsx", data: attachmentOf(t, q1, bare)}))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	for _, key := range []string{"tinh-partial-cac-xa", "tinh-partial-tong-hop"} {
		if !strings.Contains(a.HTML[key], said) {
			t.Errorf("%s does not say the sums are partial: %q", key, a.HTML[key])
		}
	}
	_, body := s.get(t, "/?ky=2026-Q1")
	for _, id := range []string{`id="tinh-partial-cac-xa"><p class="canh-bao"><strong>Lưu ý:</strong> ` + said, `id="tinh-partial-tong-hop"><p class="canh-bao"><strong>Lưu ý:</strong> ` + said} {
		if !strings.Contains(body, id) {
			t.Errorf("the page does not show %q", id)
		}
	}
}

// TestProvinceTogether: the clerk selects a commune's corrected and old
// copies together; the page receives them seconds apart, in whatever
// order the browser sends them. Neither is said to be newer: the one used
// is chosen by name, said so, with the page's fix.
func TestProvinceTogether(t *testing.T) {
	s := startProvince(t, "")
	var mu sync.Mutex
	received := time.Date(2026, 3, 16, 8, 0, 0, 0, time.Local)
	s.ws.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		received = received.Add(5 * time.Second)
		return received
	}
	// the later to arrive is the first by name: not the one used
	a := decode(t, s.send(t, s.client,
		upload{name: "xop-sua.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 100001))},
		upload{name: "xop-cu.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 100000))}))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	said := map[string]fileResult{}
	for _, f := range a.Files {
		said[f.Name] = f
	}
	want := "xã Xốp gửi hai tệp cùng lúc (08:00 16/03/2026): tệp này, «xop-cu.xlsx», và «xop-sua.xlsx»; đang dùng «xop-sua.xlsx» (theo thứ tự tên tệp); nếu không đúng, bấm «Để riêng» ở tệp không muốn dùng"
	if f := said["xop-cu.xlsx"]; !strings.Contains(f.Message, want) || strings.Contains(f.Message, "mới hơn") || f.Outcome != "canh-bao" {
		t.Errorf("the file not used: %q (%s), want %q", f.Message, f.Outcome, want)
	}
	if f := said["xop-sua.xlsx"]; !strings.Contains(f.Message, "xã Xốp: dùng để tổng hợp") {
		t.Errorf("the file used: %q (%s)", f.Message, f.Outcome)
	}
	if h := a.HTML["tinh-files"]; !strings.Contains(h, "theo thứ tự tên tệp") || strings.Contains(h, "mới hơn") {
		t.Errorf("step 2 does not say the files came together: %s", h)
	}
}

// TestProvinceBuildCounts: a file received while a build runs is not in
// the build's summary, which counts what the report was made of.
func TestProvinceBuildCounts(t *testing.T) {
	s := startProvince(t, "")
	a := decode(t, s.send(t, s.client, upload{name: "xop.xlsx", data: attachmentOf(t, q1, communeOf("Xốp", "xã", 100000))}))
	if a.Error != "" {
		t.Fatal(a.Error)
	}
	// The build takes its list of files, then asks the time for the
	// report's date: a file comes in then, before the build reads.
	day := s.srv.opt.Now()
	late := attachmentOf(t, q1, communeOf("Lý Sơn", "đặc khu", 30000))
	var once sync.Once
	arm := make(chan bool, 1)
	s.srv.opt.Now = func() time.Time {
		select {
		case <-arm:
			once.Do(func() {
				if err := os.WriteFile(filepath.Join(s.ws.ReceivedDir(q1), "ly-son.xlsx"), late, 0o644); err != nil {
					t.Error(err)
				}
			})
		default:
		}
		return day
	}
	arm <- true
	res := s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil)
	a = decode(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("build: %d %s", res.StatusCode, a.Error)
	}
	if _, err := os.Stat(filepath.Join(s.ws.ReceivedDir(q1), "ly-son.xlsx")); err != nil {
		t.Fatal("the file was not received during the build:", err)
	}
	if r := a.HTML["result"]; !strings.Contains(r, "Đã gửi bảng tổng hợp dùng được: 1/7 xã, phường, đặc khu.") {
		t.Errorf("the build's summary does not count what it read: %s", r)
	}
	// the page's steps show what is there now
	if !strings.Contains(a.HTML["tinh-tally"], "2/7") {
		t.Errorf("step 1 after the build: %s", a.HTML["tinh-tally"])
	}
}
