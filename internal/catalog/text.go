package catalog

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// clean normalises a data string: NFC, single spaces, trimmed.
func clean(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// cleanParagraphs is clean for each paragraph of a multi-paragraph text.
func cleanParagraphs(s string) string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n")
}

// fold makes names comparable: no diacritics, lower case, punctuation as
// spaces.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
