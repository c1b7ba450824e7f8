package vntext

import (
	"strings"
	"unicode"
)

// ParseQuantity reads a figure as units type it in a cell: a number, then
// perhaps a unit of measure ("12,5 tỷ", "1.250.000.000 đồng", "850 nghìn
// đồng", "15%", "1.234 khách hàng"). It returns the number, read by
// ParseNumber's rules, and the unit folded (see Fold: "ty", "dong",
// "nghin dong", "khach hang"), "%" for a percent sign, or "" for a bare
// number. Unlike ParseNumber it accepts any unit and leaves it to the
// caller to convert or refuse, so that "12,5 tỷ" is never taken for 12,5.
// Text before the number, digits in the unit, or a unit made of no
// letters make it fail.
func ParseQuantity(s string) (v float64, unit string, ok bool) {
	s = Clean(s)
	if s == "" || strings.ContainsRune(s, '\n') {
		return 0, "", false
	}
	if body, found := strings.CutSuffix(s, "%"); found {
		v, ok := ParseNumber(strings.TrimSpace(body))
		return v, "%", ok
	}
	// The number: signs, digits, separators and the spaces between them.
	end := 0
	for i, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == ' ' || r == '+' || r == '-' || r == '−') {
			break
		}
		end = i + len(string(r))
	}
	number, rest := strings.TrimSpace(s[:end]), strings.TrimSpace(s[end:])
	if number == "" {
		return 0, "", false
	}
	v, ok = ParseNumber(number)
	if !ok {
		return 0, "", false
	}
	if rest == "" {
		return v, "", true
	}
	letters := false
	for _, r := range rest {
		if unicode.IsDigit(r) {
			return 0, "", false
		}
		letters = letters || unicode.IsLetter(r)
	}
	if !letters {
		return 0, "", false
	}
	return v, Fold(rest), true
}
