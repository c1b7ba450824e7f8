package vntext

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"", "Phòng Kinh tế", "Phßng Kinh tÕ", "Phoøng Kinh teá", "UÛy ban nhaân daân", "ñy ban",
	"NHIÖM Vô", "Đăk Glei", "a \u00a0\t b\r\n\n\n c\u200b", "1.234,5 triệu đồng", "1,234.5", "-12,5%",
	"1.2.3,4,5", "tr\u00adêng", "e\u0301\u0323", "\xff\xfe", "H\xf4\xf2i N\xf4ng d\xe2n.pdf",
}

func FuzzClean(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if again := Clean(c); again != c {
			t.Errorf("Clean not idempotent:\n%q\n%q\n%q", s, c, again)
		}
		if !utf8.ValidString(c) || strings.Contains(c, "\n\n\n") || strings.Contains(c, "  ") {
			t.Errorf("Clean(%q) = %q", s, c)
		}
		fo := Fold(s)
		if again := Fold(fo); again != fo {
			t.Errorf("Fold not idempotent:\n%q\n%q\n%q", s, fo, again)
		}
		if sim := Similarity(s, c); sim < 0 || sim > 1 || (fo != "" && sim != 1) {
			t.Errorf("Similarity(%q, Clean) = %v", s, sim)
		}
		if n := FileName(s); !utf8.ValidString(n) || (utf8.ValidString(s) && n != s) {
			t.Errorf("FileName(%q) = %q", s, n)
		}
	})
}

func FuzzRepair(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, e := Repair(s)
		if !utf8.ValidString(r) {
			t.Errorf("Repair(%q) = %q, invalid UTF-8", s, r)
		}
		if e == Unicode && r != Clean(s) {
			t.Errorf("Repair(%q) = %q, Unicode, but Clean gives %q", s, r, Clean(s))
		}
		// Text left as Unicode stays so once cleaned. (Converted text is not
		// checked again: garbage mixing both encodings, such as "AÛ00¢C",
		// may convert a second time.)
		if again, e2 := Repair(r); e == Unicode && (again != r || e2 != Unicode) {
			t.Errorf("Repair not stable: %q -> %q -> %q, %v", s, r, again, e2)
		}
		FromLegacy(s, TCVN3)
		FromLegacy(s, VNI)
		EncodeTCVN3(s)
		EncodeVNI(s)
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 1234.5)
	}
	f.Add("0", 0.0)
	f.Add("-0,001", -0.001)
	f.Add("1e308", 1e300)
	f.Fuzz(func(t *testing.T, s string, v float64) {
		if n, ok := ParseNumber(s); ok && (math.IsNaN(n) || math.IsInf(n, 0)) {
			t.Errorf("ParseNumber(%q) = %v", s, n)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		text := FormatNumber(v, 2)
		back, ok := ParseNumber(text)
		if !ok {
			t.Fatalf("ParseNumber(FormatNumber(%v, 2) = %q) failed", v, text)
		}
		if diff := math.Abs(back - v); diff > 0.005+1e-9*math.Abs(v) {
			t.Errorf("ParseNumber(%q) = %v, want about %v", text, back, v)
		}
		if auto, ok := ParseNumber(FormatAuto(v)); !ok || math.Abs(auto-v) > 0.005+1e-9*math.Abs(v) {
			t.Errorf("ParseNumber(FormatAuto(%v) = %q) = %v, %v", v, FormatAuto(v), auto, ok)
		}
	})
}

// FuzzParseQuantity: a figure with a unit never gives NaN or infinity,
// its unit is folded text without digits, and a bare number reads as
// ParseNumber reads it.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{"12,5 tỷ", "1.250.000.000 đồng", "850 nghìn đồng", "15%", "1.234 khách hàng", "1 tỷ 250 triệu", "khoảng hai tỷ", "-3 tr.đ", "1 234,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, unit, ok := ParseQuantity(s)
		if !ok {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseQuantity(%q) = %v", s, v)
		}
		if unit != "%" && unit != Fold(unit) {
			t.Fatalf("ParseQuantity(%q): unit %q not folded", s, unit)
		}
		for _, r := range unit {
			if r >= '0' && r <= '9' {
				t.Fatalf("ParseQuantity(%q): digits in the unit %q", s, unit)
			}
		}
		if unit == "" {
			if n, ok := ParseNumber(s); !ok || n != v {
				t.Fatalf("ParseQuantity(%q) = %v but ParseNumber = %v, %v", s, v, n, ok)
			}
		}
	})
}
