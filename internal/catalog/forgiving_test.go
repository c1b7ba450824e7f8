package catalog

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in          string
		date        string // dd/mm/yyyy, "" for none
		month, year int
		bad         bool
	}{
		{"", "", 0, 0, false},
		{"05/09/2025", "05/09/2025", 9, 2025, false},
		{"5/9/2025", "05/09/2025", 9, 2025, false},
		{"05-09-2025", "05/09/2025", 9, 2025, false},
		{"5.9.2025", "05/09/2025", 9, 2025, false},
		{"2025-09-05", "05/09/2025", 9, 2025, false},
		{"ngày 12 tháng 10 năm 2025", "12/10/2025", 10, 2025, false},
		{"Ngày 05 Tháng 01 Năm 2026", "05/01/2026", 1, 2026, false},
		{"NGÀY 5 THÁNG 1 NĂM 2026", "05/01/2026", 1, 2026, false},
		{"ngay 12 thang 10 nam 2025", "12/10/2025", 10, 2025, false},
		{"Xốp, ngày 12 tháng 10 năm 2025", "12/10/2025", 10, 2025, false},
		{"ngày 12 tháng 10 năm 2025.", "12/10/2025", 10, 2025, false},
		// NFD, as some keyboard tools type it
		{"nga\u0300y 12 tha\u0301ng 10 na\u0306m 2025", "12/10/2025", 10, 2025, false},
		// the day left blank: month and year only
		{"ngày      tháng 9 năm 2025", "", 9, 2025, false},
		{"ngày … tháng 9 năm 2025", "", 9, 2025, false},
		{"tháng 9 năm 2025", "", 9, 2025, false},
		{"31/9/2025", "", 0, 0, true},
		{"ngày 30 tháng 2 năm 2026", "", 0, 0, true},
		{"ngày 12 tháng 13 năm 2025", "", 0, 0, true},
		{"12 tháng 10", "", 0, 0, true},
		{"hôm qua", "", 0, 0, true},
		{"2025", "", 0, 0, true},
	}
	for _, tt := range tests {
		got, month, year, err := parseDate(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("%q: error %v", tt.in, err)
			continue
		}
		date := ""
		if !got.IsZero() {
			date = got.Format(DateLayout)
		}
		if date != tt.date || month != tt.month || year != tt.year {
			t.Errorf("%q: got %q %d/%d, want %q %d/%d", tt.in, date, month, year, tt.date, tt.month, tt.year)
		}
	}
}

// A plan's date in words loads, and the report cites it as Decree 30/2020
// writes dates.
func TestPlanDateInWords(t *testing.T) {
	plan := strings.Replace(smallPlan, "date: 20/10/2025", "date: ngày 12 tháng 10 năm 2025", 1)
	tasks := "sections:\n  - code: I\n    title: Một\n    tasks:\n      - {code: I.1, content: Việc, lead: [VH]}\n"
	c, err := Load(writeData(t, plan, tasks, smallUnits, smallIndicators))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Plan.Date.Equal(time.Date(2025, 10, 12, 0, 0, 0, 0, time.UTC)) || c.Plan.Month != 10 || c.Plan.Year != 2025 {
		t.Errorf("date %v, %d/%d", c.Plan.Date, c.Plan.Month, c.Plan.Year)
	}
	if got := c.Plan.Reference(); !strings.Contains(got, "ngày 12 tháng 10 năm 2025") {
		t.Errorf("reference %q", got)
	}

	// The day left blank in words: the month and year are the plan's.
	plan = strings.Replace(smallPlan, "date: 20/10/2025", "date: ngày    tháng 9 năm 2025", 1)
	c, err = Load(writeData(t, plan, tasks, smallUnits, smallIndicators))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Plan.Date.IsZero() || c.Plan.Month != 9 || c.Plan.Year != 2025 {
		t.Errorf("date %v, %d/%d", c.Plan.Date, c.Plan.Month, c.Plan.Year)
	}
}

func TestDecimalsFromMeasure(t *testing.T) {
	for _, tt := range []struct {
		measure string
		want    int
	}{
		{"triệu đồng", 2}, {"Triệu Đồng", 2}, {"tỷ đồng", 2}, {"đồng", 2}, {"%", 2}, {"tỷ lệ", 2}, {"phần trăm", 2},
		{"khách hàng", 0}, {"tổ", 0}, {"hộ", 0}, {"người", 0}, {"", 0},
	} {
		if got, _ := decimalsOf(tt.measure); got != tt.want {
			t.Errorf("%q: got %d, want %d", tt.measure, got, tt.want)
		}
	}
	// Without decimals: taken from the measure, with a note on the line.
	inds := `indicators:
  - {code: DU-NO, name: Dư nợ, measure: triệu đồng, unit: VH, kind: stock}
  - {code: HO, name: Số hộ vay, measure: hộ, unit: VH, kind: stock}
  - {code: TY-LE, name: Tỷ lệ, measure: "%", unit: VH, kind: stock, decimals: 1}
`
	tasks := "sections:\n  - code: I\n    title: Một\n    tasks:\n      - {code: I.1, content: Việc, lead: [VH]}\n"
	c, err := Load(writeData(t, smallPlan, tasks, smallUnits, inds))
	if err != nil {
		t.Fatal(err)
	}
	if c.Indicator("DU-NO").Decimals != 2 || c.Indicator("HO").Decimals != 0 || c.Indicator("TY-LE").Decimals != 1 {
		t.Errorf("decimals %d %d %d", c.Indicator("DU-NO").Decimals, c.Indicator("HO").Decimals, c.Indicator("TY-LE").Decimals)
	}
	if len(c.Notes) != 2 || c.Notes[0].Line != 2 || c.Notes[1].Line != 3 ||
		!strings.Contains(c.Notes[1].Msg, "chỉ tiêu HO chưa ghi decimals (số chữ số thập phân): lấy 0 theo đơn vị tính «hộ» (số đếm); ghi «decimals: 0»") {
		t.Errorf("notes %v", c.Notes)
	}
}

// A coordinator that is no reporting unit is printed as written, gets no
// form and is never awaited; the units beside it keep theirs.
func TestPartiesThatDoNotReport(t *testing.T) {
	tasks := `sections:
  - code: I
    title: Một
    tasks:
      - code: I.1
        content: Việc một
        lead: [VH]
        lead_text: Phòng Văn hóa - Xã hội
        support: [KT, Trưởng các thôn]
        support_text: Phòng Kinh tế, Hạ tầng và Đô thị; Trưởng các thôn
      - code: I.2
        content: Việc hai
        lead: [KT]
        support: []
        support_text: Trưởng các thôn, tổ trưởng tổ TK&VV
`
	c, err := Load(writeData(t, smallPlan, tasks, smallUnits, smallIndicators))
	if err != nil {
		t.Fatal(err)
	}
	t1, t2 := c.Task("I.1"), c.Task("I.2")
	if !slices.Equal(t1.SupportUnits, []string{"KT"}) || !slices.Equal(t1.Parties, []string{"Trưởng các thôn"}) {
		t.Errorf("I.1: units %v, parties %v", t1.SupportUnits, t1.Parties)
	}
	if t1.SupportText != "Phòng Kinh tế, Hạ tầng và Đô thị; Trưởng các thôn" || t2.SupportText != "Trưởng các thôn, tổ trưởng tổ TK&VV" || len(t2.SupportUnits) != 0 {
		t.Errorf("texts %q %q, I.2 units %v", t1.SupportText, t2.SupportText, t2.SupportUnits)
	}
	var codes []string
	for _, u := range c.ReportingUnits() {
		codes = append(codes, u.Code)
	}
	if !slices.Equal(codes, []string{"VH", "KT"}) {
		t.Errorf("reporting units %v", codes)
	}
	if len(c.Notes) != 1 || c.Notes[0].Line != 9 || !strings.Contains(c.Notes[0].Msg, "nhiệm vụ I.1 có bên phối hợp «Trưởng các thôn» không phải đơn vị báo cáo trong units.yaml: tên được in như đã ghi và không có biểu mẫu") {
		t.Errorf("notes %v", c.Notes)
	}
	// A code-like name that is not declared is still a typo.
	_, err = Load(writeData(t, smallPlan, strings.Replace(tasks, "support: [KT, Trưởng các thôn]", "support: [KTX]", 1), smallUnits, smallIndicators))
	if err == nil || !strings.Contains(err.Error(), "nhắc tới đơn vị «KTX» không có trong units.yaml") {
		t.Errorf("got %v", err)
	}
}

func utf16With(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// Data files saved by Notepad as «Unicode» (UTF-16 with a mark, CRLF) or
// as UTF-8 with a mark are read as they are meant; an ANSI file
// (Windows-1258) is refused with the file, the line and how to save it.
func TestDataFileEncodings(t *testing.T) {
	units, err := os.ReadFile(filepath.Join(dataDir, UnitsFile))
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(string(units), "\n", "\r\n")
	// Windows-1258 writes «ô» as 0xF4 and «Ô» as 0xD4: no valid UTF-8.
	ansi := strings.Replace(string(units), "name: Công an xã", "name: C\xf4ng an x\xe3", 1)
	tests := []struct {
		name    string
		data    []byte
		wantErr string
	}{
		{"UTF-16 LE with BOM and CRLF", utf16With(crlf, false), ""},
		{"UTF-16 BE with BOM and CRLF", utf16With(crlf, true), ""},
		{"UTF-8 with BOM and CRLF", append([]byte{0xEF, 0xBB, 0xBF}, crlf...), ""},
		{"ANSI", []byte(ansi), "units.yaml, dòng " + strconv.Itoa(lineOf(t, UnitsFile, "name: Công an xã")) + ": tệp không lưu bằng bảng mã UTF-8 (có lẽ ANSI, Windows-1258 hay TCVN3) nên chữ có dấu sẽ bị đọc sai; hãy mở tệp bằng Notepad, chọn File > Save As (Tệp > Lưu thành), ở ô Encoding chọn UTF-8 rồi lưu lại bằng UTF-8"},
		{"UTF-16 without BOM", utf16With(crlf, false)[2:], "units.yaml: tệp lưu bằng bảng mã Unicode (UTF-16) nhưng thiếu dấu nhận biết ở đầu tệp: hãy mở tệp bằng Notepad"},
		{"UTF-16 cut short", utf16With(crlf, false)[:101], "units.yaml: tệp lưu bằng bảng mã Unicode (UTF-16) nhưng bị cắt cụt hoặc hỏng"},
	}
	want := loadData(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyData(t, UnitsFile, "units:", "units:")
			if err := os.WriteFile(filepath.Join(dir, UnitsFile), tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v\nwant %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Fingerprint != want.Fingerprint || len(c.Units) != len(want.Units) || c.Unit("CA").Name != "Công an xã" {
				t.Errorf("read differently: %d units, CA %+v", len(c.Units), c.Unit("CA"))
			}
		})
	}
}

// FuzzDataText: any bytes of a data file are read as text or refused with
// a message naming the file, never a panic; a date is read or refused.
func FuzzDataText(f *testing.F) {
	f.Add([]byte("units:\n  - code: KT\n"))
	f.Add(utf16With("units:\r\n  - code: KT\r\n", false))
	f.Add(utf16With("units:\r\n", true))
	f.Add([]byte("name: C\xf4ng an x\xe3\n"))
	f.Add([]byte("\xef\xbb\xbfngày 12 tháng 10 năm 2025"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := text("units.yaml", data)
		if err != nil {
			if err.File != "units.yaml" || !strings.Contains(err.Msg, "UTF") {
				t.Fatalf("message %v", err)
			}
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("not UTF-8: %q", out)
		}
		if d, m, y, err := parseDate(string(data)); err == nil && m != 0 && (m < 1 || m > 12 || (!d.IsZero() && (int(d.Month()) != m || d.Year() != y))) {
			t.Fatalf("%q: %v %d/%d", data, d, m, y)
		}
	})
}
