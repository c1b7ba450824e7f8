package vntext

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"trim and collapse", "  Phòng \t Kinh\u00a0\u00a0tế  ", "Phòng Kinh tế"},
		{"NFD to NFC", norm.NFD.String("Phòng Kinh tế"), "Phòng Kinh tế"},
		{"zero-width removed", "Ủy\u200b ban\ufeff", "Ủy ban"},
		{"CRLF and CR", "dòng 1\r\ndòng 2\rdòng 3", "dòng 1\ndòng 2\ndòng 3"},
		{"spaces around line breaks", "a  \n   b", "a\nb"},
		{"one blank line kept", "a\n\nb", "a\n\nb"},
		{"blank lines collapsed", "a\n\n\n\n  \nb", "a\n\nb"},
		{"leading and trailing blank lines", "\n\n a \n\n", "a"},
		{"control characters", "a\x00b\x1fc", "a b c"},
		{"unicode spaces", "a\u2003b\u202fc\u3000d", "a b c d"},
		{"line separator", "a\u2028b", "a\nb"},
		{"soft hyphen kept", "tr\u00adêng", "tr\u00adêng"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"right-to-left override", "Đã \u202Ehoàn thành\u202C", "Đã hoàn thành"},
		{"bidi isolates and marks", "\u2067Phòng\u2069 \u200FKinh tế\u200E", "Phòng Kinh tế"},
		{"tags and invisible operators", "a\U000E0041\u2062b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"NFC", "Phòng Kinh tế", "phong kinh te"},
		{"NFD", norm.NFD.String("Phòng Kinh tế"), "phong kinh te"},
		{"capitals", "PHONG KINH TE", "phong kinh te"},
		{"capitals with marks", "PHÒNG KINH TẾ", "phong kinh te"},
		{"đ", "Đăk Glei, đoàn thể", "dak glei doan the"},
		{"punctuation", "Quyết định số 1560/QĐ-TTg;  (2025)", "quyet dinh so 1560 qd ttg 2025"},
		{"line breaks", "Ủy ban\nMặt trận", "uy ban mat tran"},
		{"only punctuation", " - ; ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	got := Words(" Hội Nông dân, Hội Cựu chiến binh ")
	want := []string{"hoi", "nong", "dan", "hoi", "cuu", "chien", "binh"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Words = %q, want %q", got, want)
	}
	if got := Words(" ... "); len(got) != 0 {
		t.Errorf("Words of punctuation = %q, want none", got)
	}
}

const longTask = "Xác định nhiệm vụ chỉ đạo đối với hoạt động tín dụng chính sách xã hội là nhiệm vụ trọng tâm " +
	"trong triển khai quy hoạch, kế hoạch phát triển kinh tế - xã hội của đơn vị, địa phương; chiến lược phát triển " +
	"kinh tế - xã hội 10 năm 2021 - 2030 là trách nhiệm của cả hệ thống chính trị, trước hết là các cấp ủy, tổ chức " +
	"đảng, người đứng đầu các cơ quan, đơn vị, địa phương, có trách nhiệm trực tiếp đối với công tác lãnh đạo, chỉ đạo " +
	"phát huy kết quả đạt được, khắc phục hạn chế, nâng cao chất lượng, hiệu quả công tác quản lý, kiểm tra, giám sát " +
	"đối với hoạt động tín dụng chính sách xã hội."

func TestSimilarity(t *testing.T) {
	other := "Nâng cao công tác quản lý, giám sát và sử dụng tối đa nguồn lực tín dụng chính sách xã hội."
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64
	}{
		{"identical", longTask, longTask, 1, 1},
		{"same after folding", "Phòng Kinh tế", "PHONG KINH TE!", 1, 1},
		{"NFD", longTask, norm.NFD.String(longTask), 1, 1},
		{"both empty", "", "", 0, 0},
		{"one empty", "", longTask, 0, 0},
		{"nothing shared", "Phòng Kinh tế", "Công an xã", 0, 0},
		{"first sentence only", longTask,
			"Xác định nhiệm vụ chỉ đạo đối với hoạt động tín dụng chính sách xã hội là nhiệm vụ trọng tâm", 0.8, 0.95},
		{"reworded a little", "Tổ chức nghiên cứu, phổ biến, quán triệt sâu rộng nội dung Chỉ thị số 39-CT/TW của Ban Bí thư",
			"Tổ chức nghiên cứu phổ biến quán triệt nội dung Chỉ thị 39-CT/TW của Ban Bí thư", 0.75, 0.95},
		{"without diacritics", "Thông tin kịp thời các chủ trương, chính sách của Đảng",
			"thong tin kip thoi cac chu truong chinh sach cua dang", 1, 1},
		{"one shared word is not enough", longTask, "chính sách", 0, 0.35},
		{"different tasks", longTask, other, 0, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ab, ba := Similarity(tt.a, tt.b), Similarity(tt.b, tt.a)
			if ab != ba {
				t.Errorf("not symmetric: %v and %v", ab, ba)
			}
			if ab < tt.lo || ab > tt.hi {
				t.Errorf("Similarity = %.3f, want in [%v, %v]", ab, tt.lo, tt.hi)
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	task := longTask[:500]
	for b.Loop() {
		Fold(task)
	}
}

func BenchmarkSimilarity(b *testing.B) {
	task := longTask[:500]
	short := longTask[:200]
	for b.Loop() {
		Similarity(task, short)
	}
}

func TestHasControls(t *testing.T) {
	for in, want := range map[string][2]bool{
		"Phòng Kinh tế":       {false, false},
		"dòng 1\ndòng 2\tx":   {false, false},
		"a\u00a0b":            {false, false},
		"Đã \u202Ehoàn thành": {true, true},
		"a\u200bb":            {true, false},
		"a\x00b":              {true, false},
		"\u2066Phòng\u2069":   {true, true},
	} {
		if got := [2]bool{HasControls(in), HasBidiControls(in)}; got != want {
			t.Errorf("HasControls, HasBidiControls(%q) = %v, want %v", in, got, want)
		}
	}
}
