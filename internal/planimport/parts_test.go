package planimport

import (
	"fmt"
	"testing"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		in                string
		kind, value, rest string
	}{
		{"I", "section", "I", ""},
		{"IV.", "section", "IV", ""},
		{"V Rà soát, bổ sung", "section", "V", "Rà soát, bổ sung"},
		{"II. CÔNG TÁC", "section", "II", "CÔNG TÁC"},
		{"XII", "section", "XII", ""},
		{"IIII", "unknown", "IIII", ""},
		{"1", "number", "1", ""},
		{"01", "number", "1", ""},
		{"2.", "number", "2", ""},
		{"3.1", "number", "3.1", ""},
		{"3)", "number", "3", ""},
		{"a", "letter", "a", ""},
		{"b)", "letter", "b", ""},
		{"b.1", "letter", "b.1", ""},
		{"đ", "letter", "đ", ""},
		{"a) Tiếp tục", "letter", "a", "Tiếp tục"},
		{"IV.1.a", "code", "IV.1.a", ""},
		{"II.3.b.1", "code", "II.3.b.1", ""},
		{"(1)", "unknown", "(1)", ""},
		{"-", "unknown", "-", ""},
		{"", "", "", ""},
		{"Ghi chú", "unknown", "Ghi chú", ""},
	}
	for _, tt := range tests {
		m := parseMarker(tt.in)
		if m.kind != tt.kind || m.value != tt.value || m.rest != tt.rest {
			t.Errorf("parseMarker(%q) = %+v, want %s %q %q", tt.in, m, tt.kind, tt.value, tt.rest)
		}
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Phòng kinh tế, Phòng văn hóa xã hội", "[Phòng kinh tế] [Phòng văn hóa xã hội]"},
		{"Ủy ban Mặt trận Tổ quốc, các tổ chức chính trị - xã hội xã. Các phòng, đơn vị liên quan",
			"[Ủy ban Mặt trận Tổ quốc] [các tổ chức chính trị - xã hội xã]* [Các phòng, đơn vị liên quan]*"},
		{"UBMTTQVN và các tổ chức chính trị - xã hội xã", "[UBMTTQVN] [các tổ chức chính trị - xã hội xã]*"},
		{"Văn phòng HĐND và UBND xã", "[Văn phòng HĐND và UBND xã]"},
		{"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường; Công an phường", "[Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường] [Công an phường]"},
		{"Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hoá - Xã hội", "[Phòng Kinh tế, Hạ tầng và Đô thị] [Phòng Văn hoá - Xã hội]"},
		{"Các phòng, ban, đơn vị có liên quan", "[Các phòng, ban, đơn vị có liên quan]*"},
		{"Phòng Kinh tế (chủ trì), Công an xã", "[Phòng Kinh tế] [Công an xã]"},
		{"Các đoàn thể chính trị - xã hội nhận ủy thác", "[Các đoàn thể chính trị - xã hội nhận ủy thác]*"},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		for i, m := range splitNames(tt.in) {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("[%s]", m.text)
			if m.group {
				got += "*"
			}
		}
		if got != tt.want {
			t.Errorf("splitNames(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestUnitKeys: spellings of one unit share a key; other units do not.
func TestUnitKeys(t *testing.T) {
	r := newRegistry("xã", "Xốp", &notes{})
	same := [][]string{
		{"Phòng Kinh tế", "Phòng kinh tế", "PHÒNG KINH TẾ", "Phòng Kinh tế xã"},
		{"Ủy ban Mặt trận Tổ quốc", "UBMTTQVN", "UBMTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Uỷ ban MTTQ xã Xốp", "Mặt trận Tổ quốc xã"},
		{"Phòng Văn hóa - Xã hội", "Phòng văn hoá xã hội", "Phòng VH-XH", "Phòng VHXH"},
		{"Văn phòng HĐND và UBND xã", "Văn phòng HĐND-UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"},
		{"Phòng giao dịch NHCSXH Đăk Glei", "PGD NHCSXH huyện Đăk Glei", "Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei"},
		{"Công an xã", "Công an xã Xốp"},
	}
	for _, group := range same {
		k := r.unitKey(group[0])
		for _, s := range group[1:] {
			if got := r.unitKey(s); got != k {
				t.Errorf("unitKey(%q) = %q, want %q (as %q)", s, got, k, group[0])
			}
		}
	}
	keys := map[string]string{}
	for _, group := range same {
		k := r.unitKey(group[0])
		if other, ok := keys[k]; ok {
			t.Errorf("%q and %q share the key %q", group[0], other, k)
		}
		keys[k] = group[0]
	}
	if r.groupKey("Các phòng, đơn vị liên quan") != r.groupKey("Các đơn vị có liên quan") ||
		r.groupKey("các tổ chức chính trị - xã hội xã") != r.groupKey("Các tổ chức CT-XH") ||
		r.groupKey("Các đoàn thể chính trị - xã hội nhận ủy thác") == r.groupKey("các tổ chức chính trị - xã hội") {
		t.Error("group keys")
	}
}

func TestCodes(t *testing.T) {
	r := newRegistry("phường", "An Hải", &notes{})
	for name, want := range map[string]string{
		"Phòng Kinh tế":                    "KT",
		"Phòng Văn hóa - Xã hội":           "VHXH",
		"Phòng Kinh tế, Hạ tầng và Đô thị": "KTHTDT",
		"Trạm Y tế phường":                 "TYT",
		"Công an phường":                   "CA",
		"PGD NHCSXH thành phố":             "NHCSXH",
		"Ban Chỉ huy Quân sự phường":       "CHQS",
	} {
		if got := codeFor(r.unitKey(name)); got != want {
			t.Errorf("codeFor(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestJoinText(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"để huy", "động sự đóng góp", "để huy động sự đóng góp"},
		{"trong giai", "đoạn mới", "trong giai đoạn mới"},
		{"hoàn thành.", "Xây dựng cơ chế", "hoàn thành.\nXây dựng cơ chế"},
		{"như sau:", "- Một", "như sau:\n- Một"},
		{"", "x", "x"},
	} {
		if got := joinText(tt.a, tt.b); got != tt.want {
			t.Errorf("joinText(%q, %q) = %q", tt.a, tt.b, got)
		}
	}
}

func TestHeaderColumn(t *testing.T) {
	for text, want := range map[string]column{
		"STT": colSTT, "TT": colSTT, "Số TT": colSTT, "NỘI DUNG NHIỆM VỤ": colContent, "Nội dung công việc": colContent,
		"Nhiệm vụ": colContent, "ĐƠN VỊ CHỦ TRÌ": colLead, "Chủ trì": colLead, "Đơn vị thực hiện": colLead,
		"ĐƠN VỊ PHỐI HỢP": colSupport, "Sản phẩm đầu ra": colProduct, "Kết quả đầu ra": colProduct,
		"THỜI GIAN THỰC HIỆN": colTiming, "Thời hạn hoàn thành": colTiming, "Tiến độ": colTiming,
		"Ghi chú": -1, "Kinh phí": -1,
	} {
		if got := headerColumn(text); got != want {
			t.Errorf("headerColumn(%q) = %d, want %d", text, got, want)
		}
	}
}
