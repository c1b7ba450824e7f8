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
		{"", AddresseeUnclear},
	} {
		if got := AddresseeOf(tt.text); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}
