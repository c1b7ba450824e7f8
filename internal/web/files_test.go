package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"net/url"

	"github.com/xuri/excelize/v2"
)

// The same bytes twice are one file: recognised, not stored again.
func TestDuplicateNotStoredAgain(t *testing.T) {
	s := start(t)
	kt := sample(t, "KT-2026-Q1.xlsx")
	kt.mod = time.Date(2026, 3, 12, 8, 15, 0, 0, time.Local)
	a := decode(t, s.send(t, s.client, kt))
	if a.Files[0].Outcome != "dung" {
		t.Errorf("a good file's outcome: %+v", a.Files[0])
	}
	again := kt
	again.name = "KT bản chép.xlsx"
	a = decode(t, s.send(t, s.client, again))
	f := a.Files[0]
	if f.Stored != "KT-2026-Q1.xlsx" || !f.Same || f.Outcome != "trung" || !strings.HasPrefix(f.Message, "đã nhận tệp này lúc 08:01 16/03/2026") {
		t.Errorf("the same file again: %+v", f)
	}
	entries, _ := os.ReadDir(s.ws.ReceivedDir(q1))
	n := 0
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d files in nhan-ve, want 1", n)
	}
	if strings.Count(a.HTML["units"], "KT-2026-Q1.xlsx</a>") != 1 || strings.Contains(a.HTML["units"], "tệp mới hơn") {
		t.Errorf("KT's row:\n%s", a.HTML["units"])
	}
}

// A resend that replaces a file with errors: the old errors are behind
// «đã thay bằng tệp nhận lúc …» (when the page received the new one, not
// the old one's time), and the build no longer lists them.
func TestResendHidesOldErrors(t *testing.T) {
	s := start(t)
	broken := upload{name: "KT-2026-Q1.xlsx", data: []byte("\x00\x01 hỏng"), mod: time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local)}
	a := decode(t, s.send(t, s.client, broken))
	if a.Files[0].Outcome != "hong" || !strings.Contains(a.HTML["units"], `<span class="so-loi">1 lỗi</span>`) {
		t.Fatalf("a broken file: %+v\n%s", a.Files, a.HTML["units"])
	}
	good := sample(t, "KT-2026-Q1.xlsx")
	good.name = "KT-2026-Q1 sửa.xlsx"
	good.mod = time.Date(2026, 3, 12, 8, 15, 0, 0, time.Local)
	a = decode(t, s.send(t, s.client, good))
	row := a.HTML["units"]
	i := strings.Index(row, `id="don-vi-KT"`)
	row = row[i : i+strings.Index(row[i:], "</tr>")]
	if !strings.Contains(row, `class="du"`) || !strings.Contains(row, "Đã thay bằng tệp nhận lúc 08:02 16/03/2026 («KT-2026-Q1 sửa.xlsx»)") ||
		!strings.Contains(row, "nhận lúc 08:01 16/03/2026") ||
		strings.Contains(row, "so-loi") || strings.Contains(row, "<details open") {
		t.Errorf("KT's row after the resend:\n%s", row)
	}
	a = decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	if strings.Contains(a.HTML["result"], "KT-2026-Q1.xlsx") {
		t.Errorf("the build lists the replaced file:\n%s", a.HTML["result"])
	}
}

// A file set aside leaves the account and the report, stays on disk in
// bo-qua, and comes back when put back.
func TestSetAsideAndRestore(t *testing.T) {
	s := start(t)
	s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx"), sample(t, "CA-2026-Q1.xlsx")).Body.Close()
	a := decode(t, s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"KT-2026-Q1.xlsx"}}))
	if a.Error != "" || !strings.Contains(a.Msg, "đã để riêng") {
		t.Fatalf("set aside: %+v", a)
	}
	if _, err := os.Stat(filepath.Join(s.ws.PeriodDir(q1), "bo-qua", "KT-2026-Q1.xlsx")); err != nil {
		t.Error("not in bo-qua:", err)
	}
	if _, err := os.Stat(filepath.Join(s.ws.ReceivedDir(q1), "KT-2026-Q1.xlsx")); err == nil {
		t.Error("still in nhan-ve")
	}
	if !strings.Contains(a.HTML["units"], `id="don-vi-KT" class="chua"`) || !strings.Contains(a.HTML["tally"], "1/10") ||
		!strings.Contains(a.HTML["unassigned"], "Tệp đã để riêng (1)") || !strings.Contains(a.HTML["unassigned"], "data-dua-lai") {
		t.Errorf("after setting aside:\n%s\n%s\n%s", a.HTML["tally"], a.HTML["units"], a.HTML["unassigned"])
	}
	b := decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	if !strings.Contains(b.HTML["result"], "Có báo cáo dùng được: 1/10 đơn vị.") || !strings.Contains(b.HTML["missing"], "Phòng Kinh tế") {
		t.Errorf("the build does not miss KT:\n%s\n%s", b.HTML["result"], b.HTML["missing"])
	}
	a = decode(t, s.post(t, "/api/dua-lai?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"KT-2026-Q1.xlsx"}}))
	if a.Error != "" || !strings.Contains(a.HTML["units"], `id="don-vi-KT" class="du"`) || strings.Contains(a.HTML["unassigned"], "Tệp đã để riêng") {
		t.Errorf("after putting back: %+v\n%s", a.Error, a.HTML["units"])
	}
	// Put back while the same bytes came again meanwhile: refused, kept.
	s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"KT-2026-Q1.xlsx"}}).Body.Close()
	s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx")).Body.Close()
	// Nothing is wrong: a notice for the log, not an error.
	res := s.post(t, "/api/dua-lai?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"KT-2026-Q1.xlsx"}})
	var notice struct {
		Msg     string `json:"thong_bao"`
		Outcome string `json:"ket_qua"`
		Error   string `json:"loi"`
	}
	if err := json.Unmarshal([]byte(read(t, res)), &notice); err != nil || res.StatusCode != 200 || notice.Error != "" || notice.Outcome != "trung" ||
		!strings.Contains(notice.Msg, "giống hệt tệp «KT-2026-Q1.xlsx» đã nhận lúc") {
		t.Errorf("putting back a file received again: %d %+v %v", res.StatusCode, notice, err)
	}
	if _, err := os.Stat(filepath.Join(s.ws.PeriodDir(q1), "bo-qua", "KT-2026-Q1.xlsx")); err != nil {
		t.Error("the file refused is not kept in bo-qua:", err)
	}
	// A name that is not a received file is refused with a message.
	res = s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"../x.xlsx"}})
	if a := decode(t, res); res.StatusCode != 422 || a.Error == "" {
		t.Errorf("a bad name: %d %+v", res.StatusCode, a)
	}
}

// In a half year, a unit's row says which quarter's form it lacks before
// any build; the header, step 2 and step 3 count alike.
func TestHalfYearSaysMissingQuarter(t *testing.T) {
	s := start(t)
	s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx")).Body.Close()
	a := decode(t, s.post(t, "/api/de-rieng?ky=2026-H1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"khong-co.xlsx"}}))
	if a.Error == "" {
		t.Error("a file that is not there set aside")
	}
	_, page := s.get(t, "/?ky=2026-H1")
	i := strings.Index(page, `id="don-vi-KT"`)
	if i < 0 {
		t.Fatal("no KT row")
	}
	row := page[i : i+strings.Index(page[i:], "</tr>")]
	if !strings.Contains(row, "Thiếu biểu quý II năm 2026.") {
		t.Errorf("KT's row in the half year:\n%s", row)
	}
	if strings.Count(page, "Có báo cáo dùng được: <strong>") != 2 || !strings.Contains(page, "Chưa có báo cáo dùng được: <strong>") {
		t.Errorf("the counts are not the same words in the header and step 2")
	}
}

// A file the clerk assigned, set aside, and put back as «name (2)»
// because another file of its name came meanwhile, is still its unit's on
// the page; the newcomer asks whose it is.
func TestRestoredFileKeepsItsUnit(t *testing.T) {
	s := start(t)
	s.send(t, s.client, upload{name: "anh chup.pdf", data: []byte("%PDF-1.4 của Đoàn Thanh niên")}).Body.Close()
	if a := decode(t, s.post(t, "/api/gan-don-vi?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"anh chup.pdf"}, "don_vi": {"DTN"}})); a.Error != "" {
		t.Fatal(a.Error)
	}
	s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"anh chup.pdf"}}).Body.Close()
	a := decode(t, s.send(t, s.client, upload{name: "anh chup.pdf", data: []byte("%PDF-1.4 của Hội Phụ nữ")}))
	if len(a.Files) != 1 || !strings.Contains(a.Files[0].Message, "chưa rõ của đơn vị nào") {
		t.Errorf("the newcomer does not ask whose it is: %+v", a.Files)
	}
	a = decode(t, s.post(t, "/api/dua-lai?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"anh chup.pdf"}}))
	if a.Error != "" || !strings.Contains(a.Msg, "«anh chup (2).pdf»") {
		t.Fatalf("put back: %+v", a)
	}
	if !strings.Contains(a.HTML["units"], `id="don-vi-DTN" class="hong"`) || strings.Contains(a.HTML["unassigned"], "anh chup (2).pdf") {
		t.Errorf("the file put back lost its unit:\n%s\n%s", a.HTML["units"], a.HTML["unassigned"])
	}
}

// One account of what was left out: a file a resend replaced is «đã thay
// bằng tệp mới», not an error, in the build's block, its note and the
// office's workbook alike; and nothing on the page says «chạy lại».
func TestReplacedIsNoError(t *testing.T) {
	s := start(t)
	good := sample(t, "NHCSXH-2026-Q1.xlsx")
	broken := upload{name: "NHCSXH quy I.xlsx", data: edited(t, good.data, func(f *excelize.File) {
		f.SetCellStr("Chỉ tiêu", "E9", "khoảng 2150")
	})}
	s.send(t, s.client, broken, good, upload{name: "HPN-2026-Q1.pdf", data: []byte("%PDF-1.4\n")}).Body.Close()
	a := decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	result := a.HTML["result"]
	for _, want := range []string{
		"Lỗi: 1. Cảnh báo:",
		"2 tệp không được đưa vào báo cáo: 1 tệp có lỗi, 1 tệp đã thay bằng tệp mới;",
	} {
		if !strings.Contains(result, want) {
			t.Errorf("the build lacks %q:\n%s", want, result)
		}
	}
	if strings.Contains(result, "Tệp có lỗi không đưa vào báo cáo: 2") || strings.Contains(result, "3 tệp") {
		t.Errorf("the build counts the replaced file as an error:\n%s", result)
	}
	for _, html := range []string{result, a.HTML["units"]} {
		if strings.Contains(html, "chạy lại") {
			t.Errorf("the page says «chạy lại»:\n%s", html)
		}
	}
	if !strings.Contains(a.HTML["units"], "đề nghị đơn vị sửa lỗi rồi gửi lại") {
		t.Errorf("the replaced file's warning:\n%s", a.HTML["units"])
	}
	// The workbook: as many «lỗi» rows as the block says, the replaced
	// file's problems under «đã thay bằng tệp mới».
	f, err := excelize.OpenFile(filepath.Join(s.ws.PeriodDir(q1), "kiem-tra-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Kiểm tra")
	levels := map[string]int{}
	for _, r := range rows[2:] {
		if len(r) > 1 {
			levels[r[0]]++
			if r[0] == "lỗi" && strings.Contains(r[1], "NHCSXH quy I") {
				t.Errorf("the replaced file is an error in the workbook: %q", r)
			}
		}
	}
	if levels["lỗi"] != 1 || levels["đã thay bằng tệp mới"] == 0 {
		t.Errorf("the workbook's levels: %v", levels)
	}
	// «Thời gian nhận» is when the page received the file used (the
	// second of the upload, at 08:02), as the sheet's note says.
	units, _ := f.GetRows("Đơn vị")
	found := false
	for _, r := range units {
		if len(r) > 3 && r[0] == "NHCSXH" {
			found = true
			if r[3] != "16/03/2026 08:02" {
				t.Errorf("NHCSXH's receive time: %q", r)
			}
		}
	}
	if !found {
		t.Error("no NHCSXH row in «Đơn vị»")
	}
}

// Step 3 says plainly when its files are out of date: a file received, set
// aside or given a unit after the build, and which files are old.
func TestStep3SaysOutputsAreOld(t *testing.T) {
	s := start(t)
	s.send(t, s.client, sample(t, "KT-2026-Q1.xlsx"), sample(t, "CA-2026-Q1.xlsx")).Body.Close()
	a := decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	if strings.Contains(a.HTML["outputs"], "tep-cu") || strings.Contains(a.HTML["outputs"], ">cũ<") {
		t.Fatalf("outputs just made are said old:\n%s", a.HTML["outputs"])
	}
	a = decode(t, s.send(t, s.client, sample(t, "VP-2026-Q1.xlsx")))
	out := a.HTML["outputs"]
	built := s.ws.Outputs(q1)[0].ModTime.Local().Format("15:04 02/01/2006")
	if !strings.Contains(out, "Đã nhận tệp mới («VP-2026-Q1.xlsx») sau lần lập lúc "+built+": bấm «Lập báo cáo» để cập nhật.") ||
		strings.Count(out, `<span class="trang-thai cu">cũ</span>`) != len(s.ws.Outputs(q1)) {
		t.Errorf("after a file came:\n%s", out)
	}
	// The page as loaded says the same.
	if _, page := s.get(t, "/?ky=2026-Q1"); !strings.Contains(page, "Đã nhận tệp mới («VP-2026-Q1.xlsx»)") {
		t.Error("the page loaded does not say the outputs are old")
	}
	a = decode(t, s.post(t, "/api/lap-bao-cao?ky=2026-Q1", nil))
	if strings.Contains(a.HTML["outputs"], "tep-cu") {
		t.Errorf("after building again:\n%s", a.HTML["outputs"])
	}
	a = decode(t, s.post(t, "/api/de-rieng?ky=2026-Q1", url.Values{"thu_muc": {"2026-Q1"}, "tep": {"CA-2026-Q1.xlsx"}}))
	if !strings.Contains(a.HTML["outputs"], "Đã để riêng tệp («CA-2026-Q1.xlsx») sau lần lập lúc") {
		t.Errorf("after setting a file aside:\n%s", a.HTML["outputs"])
	}
}
