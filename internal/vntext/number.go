package vntext

import (
	"math"
	"strconv"
	"strings"
)

// measureSuffixes are the units ParseNumber accepts after a number, folded
// (see Fold): "triệu đồng", "tr.đ", "đồng", "người", "hộ", "%"...
var measureSuffixes = map[string]bool{
	"trieu dong": true, "tr d": true, "trd": true, "trieu": true, "ty dong": true, "ty": true,
	"nghin dong": true, "ngan dong": true, "dong": true, "d": true, "vnd": true,
	"nguoi": true, "ho": true, "to": true, "luot": true, "lan": true, "khach hang": true,
}

// ParseNumber reads a number as units type it in a workbook cell. The rules:
//
//   - the text is cleaned (Clean) and may start with "+", "-" or "−";
//   - it may end with "%" (the number is returned as written: "15%" is 15)
//     or with a unit of measure from a short list ("triệu đồng", "tr.đ",
//     "trđ", "tỷ đồng", "nghìn đồng", "đồng", "đ", "VND", "người", "hộ", "tổ",
//     "lượt", "lần", "khách hàng"), compared without case or diacritics;
//     any other trailing text is rejected;
//   - spaces (NBSP included) separate thousands when every group after the
//     first has exactly three digits ("1 234 567");
//   - with both "." and ",", the one that comes last, once, is the decimal
//     mark and the other separates thousands ("1.234,5", "1,234.5");
//   - with only dots: two or more separate thousands ("1.234.567"); a
//     single one separates thousands when it follows 1 to 3 digits other
//     than a lone "0" and is followed by exactly 3 digits ("1.234" is 1234,
//     "0.123" is 0.123), and is a decimal mark otherwise ("1234.5", "1.5");
//   - with only commas: two or more separate thousands ("1,234,567"); a
//     single one is the decimal mark ("12,5", and "1,234" is 1.234);
//   - thousands groups must be well formed: 1 to 3 digits, then groups of 3;
//   - digits must stand on both sides of every separator; "", "abc",
//     "1.2.3,4,5", ",5" and "5," are rejected, as are numbers too large for
//     a float64.
func ParseNumber(s string) (float64, bool) {
	s = Clean(s)
	if strings.ContainsRune(s, '\n') {
		return 0, false
	}
	body, ok := stripSuffix(s)
	if !ok {
		return 0, false
	}
	neg := false
	switch {
	case strings.HasPrefix(body, "+"):
		body = body[1:]
	case strings.HasPrefix(body, "-"):
		body, neg = body[1:], true
	case strings.HasPrefix(body, "−"):
		body, neg = body[len("−"):], true
	}
	body = strings.TrimPrefix(body, " ")

	var intPart, frac string
	hasDec := false
	if strings.Contains(body, " ") {
		// Spaces separate thousands; a decimal mark may follow the last group.
		last := strings.LastIndex(body, " ")
		tail := body[last+1:]
		if i := strings.IndexAny(tail, ".,"); i >= 0 {
			tail, frac, hasDec = tail[:i], tail[i+1:], true
		}
		var ok bool
		if intPart, ok = ungroup(body[:last+1]+tail, " "); !ok {
			return 0, false
		}
	} else {
		dots, commas := strings.Count(body, "."), strings.Count(body, ",")
		dec, sep := "", ""
		switch {
		case dots > 0 && commas > 0:
			if strings.LastIndex(body, ",") > strings.LastIndex(body, ".") {
				dec, sep = ",", "."
			} else {
				dec, sep = ".", ","
			}
			if strings.Count(body, dec) != 1 {
				return 0, false
			}
		case dots > 1:
			sep = "."
		case commas > 1:
			sep = ","
		case commas == 1:
			dec = ","
		case dots == 1:
			before, after, _ := strings.Cut(body, ".")
			if len(after) == 3 && len(before) >= 1 && len(before) <= 3 && before != "0" && allDigits(before) {
				sep = "."
			} else {
				dec = "."
			}
		}
		intPart = body
		if dec != "" {
			intPart, frac, hasDec = strings.Cut(body, dec)
		}
		if sep != "" {
			var ok bool
			if intPart, ok = ungroup(intPart, sep); !ok {
				return 0, false
			}
		}
	}
	if intPart == "" || !allDigits(intPart) {
		return 0, false
	}
	num := intPart
	if hasDec {
		if frac == "" || !allDigits(frac) {
			return 0, false
		}
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// stripSuffix removes a trailing "%" or unit of measure from s and reports
// whether what remains may be a number (no other trailing text).
func stripSuffix(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	end := len(s)
	for end > 0 && !isDigit(s[end-1]) {
		end--
	}
	if end == len(s) {
		return s, s != ""
	}
	if end == 0 || !measureSuffixes[Fold(s[end:])] {
		return "", false
	}
	return strings.TrimSpace(s[:end]), true
}

// ungroup removes thousands separators sep from s, checking the groups: 1 to
// 3 digits, then groups of exactly 3.
func ungroup(s, sep string) (string, bool) {
	groups := strings.Split(s, sep)
	for i, g := range groups {
		if !allDigits(g) || g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// FormatNumber writes v the Vietnamese way with exactly decimals decimals
// (none when decimals <= 0), rounding halves away from zero: dot for
// thousands, comma for decimals, a "-" before negative numbers ("-1.234,50"). A value that rounds to zero has no
// sign. NaN and infinities are written "NaN", "+∞" and "-∞".
func FormatNumber(v float64, decimals int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+∞"
	case math.IsInf(v, -1):
		return "-∞"
	}
	decimals = max(decimals, 0)
	abs := math.Abs(v)
	if p := math.Pow10(decimals); abs*p < 1e15 {
		abs = math.Round(abs*p) / p // halves away from zero, as people round
	}
	text := strconv.FormatFloat(abs, 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(text, ".")

	var b strings.Builder
	if v < 0 && strings.Trim(text, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatAuto writes v like FormatNumber with at most 2 decimals, dropping
// trailing zeros: "1.234,5", "15", "0,25".
func FormatAuto(v float64) string {
	s := FormatNumber(v, 2)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}
