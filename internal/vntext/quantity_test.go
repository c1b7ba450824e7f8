package vntext

import "testing"

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in   string
		v    float64
		unit string
		ok   bool
	}{
		{"12,5 tỷ", 12.5, "ty", true},
		{"12,5tỷ", 12.5, "ty", true},
		{"1.250.000.000 đồng", 1250000000, "dong", true},
		{"1 250 000 000 đ", 1250000000, "d", true},
		{"850 nghìn đồng", 850, "nghin dong", true},
		{"1.234,5 triệu đồng", 1234.5, "trieu dong", true},
		{"1.234,5 tr.đ", 1234.5, "tr d", true},
		{"500 VNĐ", 500, "vnd", true},
		{"1.234 khách hàng", 1234, "khach hang", true},
		{"85%", 85, "%", true},
		{"0,85 %", 0.85, "%", true},
		{"1.234,5", 1234.5, "", true},
		{"-12", -12, "", true},
		{"  2.000  ", 2000, "", true},
		{"khoảng hai tỷ", 0, "", false},
		{"1 tỷ 250 triệu", 0, "", false},
		{"12,5 ...", 0, "", false},
		{"", 0, "", false},
		{"tỷ", 0, "", false},
		{"1.2.3,4,5 đồng", 0, "", false},
	}
	for _, tt := range tests {
		v, unit, ok := ParseQuantity(tt.in)
		if ok != tt.ok || ok && (v != tt.v || unit != tt.unit) {
			t.Errorf("ParseQuantity(%q) = %v, %q, %v; want %v, %q, %v", tt.in, v, unit, ok, tt.v, tt.unit, tt.ok)
		}
	}
}
