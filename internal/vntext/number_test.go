package vntext

import (
	"math"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
		ok   bool
	}{
		{"Vietnamese thousands and decimals", "1.234,5", 1234.5, true},
		{"Vietnamese thousands", "1.234", 1234, true},
		{"Vietnamese millions", "1.234.567", 1234567, true},
		{"Vietnamese decimal", "12,5", 12.5, true},
		{"single comma is decimal", "1,234", 1.234, true},
		{"dot decimal", "1234.5", 1234.5, true},
		{"dot decimal short", "1.5", 1.5, true},
		{"dot decimal four digits", "1.2345", 1.2345, true},
		{"zero dot three digits is decimal", "0.123", 0.123, true},
		{"dot after four digits is decimal", "1234.567", 1234.567, true},
		{"English", "1,234.5", 1234.5, true},
		{"English millions", "1,234,567", 1234567, true},
		{"integer", "15", 15, true},
		{"zero", "0", 0, true},
		{"spaces as thousands", "1 234 567", 1234567, true},
		{"NBSP as thousands", "1\u00a0234,5", 1234.5, true},
		{"surrounding spaces", "  42 ", 42, true},
		{"plus", "+3", 3, true},
		{"minus", "-1.234,5", -1234.5, true},
		{"Unicode minus", "−2", -2, true},
		{"minus and space", "- 7", -7, true},
		{"percent", "15%", 15, true},
		{"percent after space", "12,5 %", 12.5, true},
		{"triệu đồng", "1.234,5 triệu đồng", 1234.5, true},
		{"tr.đ", "250 tr.đ", 250, true},
		{"trđ", "250trđ", 250, true},
		{"đồng", "50.000 đồng", 50000, true},
		{"đ", "50.000đ", 50000, true},
		{"người", "120 người", 120, true},
		{"hộ without diacritics", "35 ho", 35, true},
		{"unit in capitals", "12 TRIỆU ĐỒNG", 12, true},
		{"empty", "", 0, false},
		{"spaces only", "   ", 0, false},
		{"letters", "abc", 0, false},
		{"mixed separators", "1.2.3,4,5", 0, false},
		{"two decimal commas", "1,2,3.4", 0, false},
		{"bad grouping", "1.23.456", 0, false},
		{"bad English grouping", "12,34,567", 0, false},
		{"bad space grouping", "12 34", 0, false},
		{"leading comma", ",5", 0, false},
		{"trailing comma", "5,", 0, false},
		{"trailing dot", "5.", 0, false},
		{"other trailing text", "12 quyển sổ", 0, false},
		{"leading text", "khoảng 12", 0, false},
		{"sign only", "-", 0, false},
		{"double sign", "--5", 0, false},
		{"percent only", "%", 0, false},
		{"unit only", "triệu đồng", 0, false},
		{"two lines", "12\n13", 0, false},
		{"exponent", "1e9", 0, false},
		{"huge digits", strings.Repeat("9", 400), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseNumber(tt.in)
			if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-9) {
				t.Errorf("ParseNumber(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		decimals int
		want     string
	}{
		{"thousands and decimal", 1234.5, 1, "1.234,5"},
		{"exact decimals", 1234.5, 2, "1.234,50"},
		{"no decimals", 1234.5, 0, "1.235"},
		{"negative decimals as none", 15, -1, "15"},
		{"millions", 1234567.891, 2, "1.234.567,89"},
		{"small", 0.25, 2, "0,25"},
		{"negative", -1234.5, 1, "-1.234,5"},
		{"negative rounding to zero", -0.001, 2, "0,00"},
		{"zero", 0, 0, "0"},
		{"three digits", 999, 0, "999"},
		{"NaN", math.NaN(), 2, "NaN"},
		{"infinity", math.Inf(1), 2, "+∞"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatNumber(tt.v, tt.decimals); got != tt.want {
				t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
			}
		})
	}
}

func TestFormatAuto(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		want string
	}{
		{"one decimal", 1234.5, "1.234,5"},
		{"integer", 15, "15"},
		{"two decimals", 0.25, "0,25"},
		{"rounded to two", 2.345678, "2,35"},
		{"trailing zeros", 1000.10, "1.000,1"},
		{"negative", -12.5, "-12,5"},
		{"tiny negative", -0.001, "0"},
		{"zero", 0, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FormatAuto(tt.v); got != tt.want {
				t.Errorf("FormatAuto(%v) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}
