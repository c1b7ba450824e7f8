package compose

import (
	"slices"
	"testing"
	"time"

	"baocao/internal/period"
	"baocao/internal/render"
)

func TestClauses(t *testing.T) {
	tests := []struct {
		name, cell string
		want       []string
	}{
		{"one line, its stop gone", "Tổ chức 01 hội nghị.", []string{"Tổ chức 01 hội nghị"}},
		{"semicolons part a line", "Tiếp tục triển khai theo Kế hoạch; lồng ghép nội dung vào giao ban.", []string{"Tiếp tục triển khai theo Kế hoạch", "lồng ghép nội dung vào giao ban"}},
		// each line a clause, its case kept, never run together
		{"lines keep their case", "Quản lý 5 tổ TK&VV;\ndư nợ 12.500 triệu đồng\nkhông có nợ quá hạn", []string{"Quản lý 5 tổ TK&VV", "dư nợ 12.500 triệu đồng", "không có nợ quá hạn"}},
		{"bullets never doubled", "- Rà soát 37 hộ\n+ gửi danh sách\n• đăng 03 tin", []string{"Rà soát 37 hộ", "gửi danh sách", "đăng 03 tin"}},
		{"a list under a colon", "Kết quả:\n- 52 hộ nghèo\n- 31 hộ cận nghèo", []string{"Kết quả: 52 hộ nghèo; 31 hộ cận nghèo"}},
		{"a comma goes on", "Phối hợp Đài truyền thanh,\nphát 12 tin", []string{"Phối hợp Đài truyền thanh, phát 12 tin"}},
		{"blank and dots dropped", "\n...\n  \n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clauses(tt.cell); !slices.Equal(got, tt.want) {
				t.Errorf("clauses(%q) = %q, want %q", tt.cell, got, tt.want)
			}
		})
	}
}

func TestSayings(t *testing.T) {
	got := sayings("Quý I năm 2026: Tiếp tục triển khai theo Kế hoạch; lồng ghép vào giao ban\nQuý II năm 2026: Không phát sinh")
	if want := []string{"Quý I năm 2026: lồng ghép vào giao ban"}; !slices.Equal(got, want) {
		t.Errorf("sayings = %q, want %q", got, want)
	}
}

func TestIsEmpty(t *testing.T) {
	for text, want := range map[string]bool{
		"Tiếp tục triển khai theo Kế hoạch": true, "- Không phát sinh trong kỳ.": true, "như kế hoạch": true,
		"Dữ liệu mẫu": true, "Hoàn thành": true, "": true,
		"Không phát sinh nợ quá hạn mới": false, "Tổ chức 01 hội nghị": false,
	} {
		if got := isEmpty(text); got != want {
			t.Errorf("isEmpty(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestSpellOut(t *testing.T) {
	keep := []string{"Văn phòng HĐND và UBND xã"}
	for in, want := range map[string]string{
		"Tham mưu UBND xã trình HĐND xã":              "Tham mưu Ủy ban nhân dân xã trình Hội đồng nhân dân xã",
		"Kế hoạch số 12/KH-UBND":                      "Kế hoạch số 12/KH-UBND",
		"gửi Văn phòng HĐND và UBND xã":               "gửi Văn phòng HĐND và UBND xã",
		"kiểm tra Tổ TK&VV, báo cáo HĐQT":             "kiểm tra Tổ Tiết kiệm và vay vốn, báo cáo Hội đồng quản trị",
		"Phòng giao dịch NHCSXH Đăk Glei":             "Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei",
		"UBND, HĐND":                                  "Ủy ban nhân dân, Hội đồng nhân dân",
		"Quyết định 02/QĐ-UBND của UBMTTQVN xã":       "Quyết định 02/QĐ-UBND của Ủy ban Mặt trận Tổ quốc Việt Nam xã",
		"UBNDX is no abbreviation, nor is NHCSXHtỉnh": "UBNDX is no abbreviation, nor is NHCSXHtỉnh",
	} {
		if got := spellOut(in, keep); got != want {
			t.Errorf("spellOut(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCiteInline(t *testing.T) {
	for in, want := range map[string]string{
		"theo QĐ 22/2023/QĐ-TTg":                          "theo Quyết định số 22/2023/QĐ-TTg của Thủ tướng Chính phủ",
		"thực hiện Chỉ thị 39-CT/TW":                      "thực hiện Chỉ thị số 39-CT/TW",
		"theo Quyết định số 22/2023/QĐ-TTg của Thủ tướng": "theo Quyết định số 22/2023/QĐ-TTg của Thủ tướng",
		"Kế hoạch số 12/KH-UBND":                          "Kế hoạch số 12/KH-UBND",
		"tổ chức 3 hội nghị, KH 2 năm":                    "tổ chức 3 hội nghị, KH 2 năm",
	} {
		if got := citeInline(in); got != want {
			t.Errorf("citeInline(%q) = %q, want %q", in, got, want)
		}
	}
}

// Dates as Decree 30/2020 writes them: a leading zero for days below 10
// and for January and February only.
func TestDecreeDates(t *testing.T) {
	for in, want := range map[string]string{
		"ngày 14/03/2026":                "ngày 14/3/2026",
		"ngày 20/1/2026":                 "ngày 20/01/2026",
		"ngày 5/2/2026, 8/12/2025":       "ngày 05/02/2026, 08/12/2025",
		"theo Quyết định 22/2023/QĐ-TTg": "theo Quyết định 22/2023/QĐ-TTg",
		"12/12 thôn":                     "12/12 thôn",
		"31/02/2026 is no date":          "31/02/2026 is no date",
	} {
		if got := decreeDates(in); got != want {
			t.Errorf("decreeDates(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAsPredicate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Tổ chức 01 đợt giám sát", "tổ chức 01 đợt giám sát", true},
		{"Ban hành Kế hoạch số 12/KH-UBND", "ban hành Kế hoạch số 12/KH-UBND", true},
		{"Báo cáo Ban đại diện HĐQT", "báo cáo Ban đại diện HĐQT", true},
		{"12 tin, bài được phát", "12 tin, bài được phát", false},
		{"UBND xã ban hành kế hoạch", "UBND xã ban hành kế hoạch", false},
		{"Quỹ “Vì người nghèo” được 86,5 triệu đồng", "Quỹ “Vì người nghèo” được 86,5 triệu đồng", false},
		{"Tổ Tiết kiệm và vay vốn hoạt động ổn định", "Tổ Tiết kiệm và vay vốn hoạt động ổn định", false},
		{"Ủy ban nhân dân xã đã phê duyệt", "Ủy ban nhân dân xã đã phê duyệt", false},
		{"I.1: việc của quý I", "I.1: việc của quý I", false},
		{"Rà soát, đối chiếu", "rà soát, đối chiếu", true},
	}
	for _, tt := range tests {
		got, ok := asPredicate(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("asPredicate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"A"}, "A"}, {[]string{"A", "B"}, "A và B"}, {[]string{"A", "B", "C"}, "A, B và C"}} {
		if got := names(tt.in); got != tt.want {
			t.Errorf("names(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The report's date: the office's when given; else the day left blank,
// in the month the report is made while it is due, or the month its data
// end when it is made long after (or before) that.
func TestReportDate(t *testing.T) {
	q1 := period.MustParse("2026-Q1")
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 9, 0, 0, 0, time.Local) }
	tests := []struct {
		name       string
		now, given time.Time
		want       any
	}{
		{"given", day(2026, 12, 7), day(2026, 3, 20), day(2026, 3, 20)},
		{"made in March", day(2026, 3, 17), time.Time{}, render.BlankDay{Month: 3, Year: 2026}},
		{"made in April", day(2026, 4, 2), time.Time{}, render.BlankDay{Month: 4, Year: 2026}},
		{"made in December", day(2026, 12, 7), time.Time{}, render.BlankDay{Month: 3, Year: 2026}},
		{"made before the cut-off", day(2026, 3, 10), time.Time{}, render.BlankDay{Month: 3, Year: 2026}},
	}
	for _, tt := range tests {
		if got := ReportDate(q1, tt.now, tt.given); got != tt.want {
			t.Errorf("%s: ReportDate = %v, want %v", tt.name, got, tt.want)
		}
	}
	if err := CheckDate(q1, day(2026, 3, 13)); err == nil {
		t.Errorf("a report dated before its last data day is accepted")
	}
	if err := CheckDate(q1, day(2026, 3, 14)); err != nil {
		t.Errorf("a report dated on its last data day is refused: %v", err)
	}
}

func TestSummaryLine(t *testing.T) {
	q1 := period.MustParse("2026-Q1")
	title := "Kế hoạch thực hiện Quyết định số 1560/QĐ-TTg ngày 18 tháng 7 năm 2025 của Thủ tướng Chính phủ về thực hiện Chỉ thị số 39-CT/TW của Ban Bí thư về nâng cao hiệu quả tín dụng chính sách xã hội trong giai đoạn mới"
	for _, tt := range []struct{ short, title, want string }{
		{"Quyết định số 1560/QĐ-TTg", title, "Kết quả thực hiện Quyết định số 1560/QĐ-TTg, quý I năm 2026"},
		{"", title, "Kết quả thực hiện Quyết định số 1560/QĐ-TTg của Thủ tướng Chính phủ về nâng cao hiệu quả tín dụng chính sách xã hội trong giai đoạn mới, quý I năm 2026"},
		{"", "Kế hoạch giảm nghèo bền vững", "Kết quả thực hiện kế hoạch giảm nghèo bền vững, quý I năm 2026"},
	} {
		if got := SummaryLine(tt.short, tt.title, q1); got != tt.want {
			t.Errorf("SummaryLine(%q) = %q, want %q", tt.short, got, tt.want)
		}
	}
}

// A long period's results say each quarter's as its own clause.
func TestLongPeriodSentence(t *testing.T) {
	w := &writer{}
	for _, tt := range []struct{ text, want string }{
		{"Quý I năm 2026: Tổ chức 01 hội nghị; Quý II năm 2026: Phát 12 tin; đăng 03 tin",
			"Trong quý I năm 2026, Phòng Kinh tế tổ chức 01 hội nghị; trong quý II năm 2026, phát 12 tin; đăng 03 tin."},
		{"Quý III năm 2026: 15 hộ được vay",
			"Theo báo cáo của Phòng Kinh tế, trong quý III năm 2026, 15 hộ được vay."},
		{"Tổ chức 01 hội nghị", "Phòng Kinh tế tổ chức 01 hội nghị."},
	} {
		if got := w.sentence("Phòng Kinh tế", tt.text); got != tt.want {
			t.Errorf("sentence(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A unit named by its code or another spelling is named as units.yaml
// names it; a name already right stays.
func TestUnitsByName(t *testing.T) {
	w := newWriterFor(loadCatalogF(t))
	for in, want := range map[string]string{
		"phối hợp HND, HPN giám sát":                       "phối hợp Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã giám sát",
		"Hội Nông dân xã quản lý 5 tổ":                     "Hội Nông dân xã quản lý 5 tổ",
		"ủy thác qua Ngân hàng Chính sách xã hội năm 2026": "ủy thác qua Ngân hàng Chính sách xã hội năm 2026",
		"HNDX is no code": "HNDX is no code",
	} {
		if got := w.unitsByName(in); got != want {
			t.Errorf("unitsByName(%q) = %q, want %q", in, got, want)
		}
	}
}
