package consolidate

import "testing"

func TestAddresseeOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Addressee
	}{
		{"Đề nghị UBND tỉnh xem xét hỗ trợ bổ sung nguồn vốn ủy thác.", AddresseeUpward},
		{"Kiến nghị Chi nhánh NHCSXH tỉnh tăng chỉ tiêu vốn cho vay.", AddresseeUpward},
		{"Đề nghị cấp có thẩm quyền sửa đổi mức cho vay.", AddresseeUpward},
		{"Đề nghị Bộ Tài chính bổ sung hướng dẫn.", AddresseeUpward},
		{"Đề nghị UBND xã bố trí phòng làm việc cho Điểm giao dịch.", AddresseeCommune},
		{"Đề nghị Ủy ban nhân dân xã trích ngân sách xã ủy thác thêm.", AddresseeCommune},
		{"Đề nghị lãnh đạo xã quan tâm chỉ đạo.", AddresseeCommune},
		{"Đề nghị mở lớp tập huấn nghiệp vụ cho tổ trưởng.", AddresseeUnclear},
		{"Đề nghị NHCSXH giải ngân trước kỳ nhập học.", AddresseeUnclear},
		// "tình hình" is not "tỉnh": diacritics are kept.
		{"Đề nghị nắm tình hình sử dụng vốn, báo cáo UBND xã.", AddresseeCommune},
		{"Đề nghị UBND xã đề xuất UBND tỉnh bổ sung vốn.", AddresseeUpward},
		// "bộ" of "cán bộ", "toàn bộ", and "sở" of "cơ sở" name no ministry
		// and no department.
		{"Đề nghị UBND xã bố trí kinh phí tập huấn cho cán bộ thôn.", AddresseeCommune},
		{"Đề nghị xã hỗ trợ toàn bộ chi phí in tờ rơi.", AddresseeCommune},
		{"Đề nghị trang bị bộ máy tính cho Điểm giao dịch.", AddresseeCommune},
		{"Đề nghị UBND xã quan tâm cơ sở vật chất.", AddresseeCommune},
		{"Đề nghị Sở Nông nghiệp và Môi trường hướng dẫn thủ tục.", AddresseeUpward},
		{"Đề nghị các bộ, ngành sửa đổi quy định.", AddresseeUpward},
		{"Đề nghị Bộ Nội vụ hướng dẫn.", AddresseeUpward},
		{"Đề nghị UBND xã tăng cường tập huấn cho cán bộ, hội viên", AddresseeCommune},
		{"Đề nghị xã hỗ trợ kinh phí sửa chữa cơ sở, trang thiết bị", AddresseeCommune},
		{"Đề nghị xã hỗ trợ toàn bộ, kịp thời", AddresseeCommune},
		{"Đề nghị xã quan tâm cán bộ ngành", AddresseeCommune},
		{"Đề nghị bố trí trụ sở, bộ phận một cửa", AddresseeUnclear},
		{"Đề nghị các sở, ngành hướng dẫn", AddresseeUpward},
		{"Đề nghị Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei tập huấn cho tổ trưởng", AddresseeCommune},
		{"Đề nghị PGD NHCSXH giải ngân sớm", AddresseeCommune},
		{"", AddresseeUnclear},
	} {
		if got := AddresseeOf(tt.text); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestProposalsSplit: a cell holding proposals to two levels gives two
// proposals, each to its addressee; lines under a proposal stay with it;
// a cell that says there is none gives none.
func TestProposalsSplit(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want []string
	}{
		{"Đề nghị UBND xã bố trí kinh phí hoạt động.\nĐề nghị NHCSXH tỉnh bổ sung nguồn vốn.",
			[]string{"Đề nghị UBND xã bố trí kinh phí hoạt động.", "Đề nghị NHCSXH tỉnh bổ sung nguồn vốn."}},
		{"Đề nghị UBND tỉnh:\n- bổ sung vốn;\n- mở lớp tập huấn.\nKiến nghị xã bố trí phòng.",
			[]string{"Đề nghị UBND tỉnh:\n- bổ sung vốn;\n- mở lớp tập huấn.", "Kiến nghị xã bố trí phòng."}},
		{"- Đề nghị xã hỗ trợ\n- Đề xuất Chi nhánh tăng vốn", []string{"- Đề nghị xã hỗ trợ", "- Đề xuất Chi nhánh tăng vốn"}},
		{"Bổ sung vốn cho hộ mới thoát nghèo\nvà hộ cận nghèo", []string{"Bổ sung vốn cho hộ mới thoát nghèo\nvà hộ cận nghèo"}},
		{"Quý I năm 2026: Đề nghị UBND xã bố trí phòng.\nQuý II năm 2026: Đề nghị NHCSXH tỉnh bổ sung vốn.",
			[]string{"Quý I năm 2026: Đề nghị UBND xã bố trí phòng.", "Quý II năm 2026: Đề nghị NHCSXH tỉnh bổ sung vốn."}},
		{"1. Đề nghị UBND tỉnh bổ sung vốn.\n2. Đề nghị UBND xã bố trí phòng.",
			[]string{"Đề nghị UBND tỉnh bổ sung vốn.", "Đề nghị UBND xã bố trí phòng."}},
		{"a) Đề nghị UBND tỉnh bổ sung vốn;\nb) Kiến nghị xã bố trí phòng.",
			[]string{"Đề nghị UBND tỉnh bổ sung vốn;", "Kiến nghị xã bố trí phòng."}},
		{"Kiến nghị:\n- UBND tỉnh bổ sung vốn;\n- Bố trí phòng giao dịch tại xã.",
			[]string{"Kiến nghị UBND tỉnh bổ sung vốn;", "Kiến nghị bố trí phòng giao dịch tại xã."}},
		{"Quý I năm 2026: Đề nghị UBND xã bố trí phòng.\nĐề nghị NHCSXH tỉnh bổ sung vốn.",
			[]string{"Quý I năm 2026: Đề nghị UBND xã bố trí phòng.", "Quý I năm 2026: Đề nghị NHCSXH tỉnh bổ sung vốn."}},
		{"Kiến nghị: Không", nil},
		{"Quý II năm 2026: Không có", nil},
		{"Không", nil},
		{"Không có kiến nghị.", nil},
		{"", nil},
	} {
		got := splitProposals(tt.cell)
		if len(got) != len(tt.want) {
			t.Errorf("splitProposals(%q) = %q, want %q", tt.cell, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("splitProposals(%q)[%d] = %q, want %q", tt.cell, i, got[i], tt.want[i])
			}
		}
	}
	if a, b := AddresseeOf("Đề nghị UBND xã bố trí kinh phí hoạt động."), AddresseeOf("Đề nghị NHCSXH tỉnh bổ sung nguồn vốn."); a != AddresseeCommune || b != AddresseeUpward {
		t.Errorf("the two parts go to %v and %v", a, b)
	}
}

// TestNothingSaid: the cells that say there is nothing to say, against
// those that say what is absent.
func TestNothingSaid(t *testing.T) {
	for _, tt := range []struct {
		cell    string
		nothing bool
	}{
		{"", true}, {"-", true}, {"Không", true}, {"không.", true}, {"Ko", true}, {"0", true},
		{"Không có", true}, {"Không có gì", true}, {"Không có khó khăn, vướng mắc.", true},
		{"Không có kiến nghị", true}, {"Không có đề xuất, kiến nghị gì thêm", true}, {"Chưa có kiến nghị", true},
		{"Không phát sinh", true}, {"Không có tồn tại, hạn chế", true},
		{"Không có hộ vay quá hạn", false}, {"Không hoàn thành chỉ tiêu", false}, {"Chưa có kinh phí", false},
		{"Thiếu kinh phí", false}, {"Không đủ vốn cho vay", false}, {"Chưa", false},
		{"Khó khăn: Không", true}, {"Kiến nghị: không có", true}, {"Ko có", true}, {"Ko có khó khăn", true},
		{"Chưa phát sinh", true}, {"Chưa có văn bản hướng dẫn", false}, {"Không có văn bản", false},
		{"Khó khăn: thiếu vốn", false}, {"Không có kinh phí", false},
	} {
		if got := nothingSaid(tt.cell); got != tt.nothing {
			t.Errorf("nothingSaid(%q) = %v, want %v", tt.cell, got, tt.nothing)
		}
	}
	for cell, none := range map[string]bool{"Không có văn bản": true, "Chưa ban hành văn bản nào": true, "-": true,
		"Kế hoạch số 12/KH-UBND": false, "Không có văn bản hướng dẫn của tỉnh": false} {
		if got := noDocument(cell); got != none {
			t.Errorf("noDocument(%q) = %v, want %v", cell, got, none)
		}
	}
}
