package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Clean normalises text read from a user's workbook:
//
//   - invalid UTF-8 becomes U+FFFD and the text is put in NFC;
//   - CRLF, a lone CR, U+2028, U+2029, vertical tab and form feed become "\n";
//   - tab, NBSP and the other Unicode spaces, and the remaining control
//     characters, become a plain space;
//   - zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and the other
//     invisible format controls are removed: the bidirectional controls
//     (U+200E, U+200F, U+061C, U+202A..U+202E such as the right-to-left
//     override, U+2066..U+2069), which make Word show words reversed, the
//     invisible operators U+2061..U+2064, U+180E, U+034F, the
//     interlinear annotation marks U+FFF9..U+FFFB and the tag characters
//     U+E0000..U+E007F (see Invisible);
//   - on every line runs of spaces collapse into one and the line is trimmed;
//   - runs of blank lines collapse into one blank line, and blank lines at
//     the start and end are dropped.
//
// The soft hyphen U+00AD is kept: it is the TCVN3 code of "ư", and removing
// it would make legacy text impossible to repair. Clean is idempotent.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case Invisible(r):
			// zero-width or a format control: drop
		case isHorizontalSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	s = norm.NFC.String(b.String())

	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, line := range lines {
		line = strings.Join(strings.FieldsFunc(line, func(r rune) bool { return r == ' ' }), " ")
		if line == "" {
			blank++
			continue
		}
		if blank > 0 && len(out) > 0 {
			out = append(out, "")
		}
		blank = 0
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// isHorizontalSpace reports whether r should be read as a plain space: tab,
// the Unicode space separators, and control characters other than line
// breaks.
func isHorizontalSpace(r rune) bool {
	switch {
	case r == '\t' || r == ' ' || r == '\u00A0' || r == '\u1680' || r == '\u202F' || r == '\u205F' || r == '\u3000':
		return true
	case r >= '\u2000' && r <= '\u200A':
		return true
	case r < 0x20 || (r >= 0x7F && r < 0xA0):
		return true
	}
	return false
}

// Invisible tells the characters that Clean removes because they show
// nothing yet change what is shown: zero-width characters, the
// bidirectional controls (U+202E, the right-to-left override, makes Word
// show a line reversed), invisible operators and tags.
func Invisible(r rune) bool {
	switch {
	case r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060' || r == '\uFEFF':
		return true // zero-width
	case r == '\u200E' || r == '\u200F' || r == '\u061C' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069'):
		return true // bidirectional controls
	case (r >= '\u2061' && r <= '\u2064') || r == '\u180E' || r == '\u034F' || (r >= '\uFFF9' && r <= '\uFFFB') || (r >= 0xE0000 && r <= 0xE007F):
		return true
	}
	return false
}

// HasControls tells text that Clean changes in a way a reader should be
// told about: invisible characters (Invisible) or control characters
// other than tab and line breaks. Spaces, tabs, line breaks and
// normalisation do not count.
func HasControls(s string) bool {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
		case Invisible(r), r < 0x20, r >= 0x7F && r < 0xA0:
			return true
		}
	}
	return false
}

// HasBidiControls tells text with a bidirectional control (U+202E and
// its kin), which makes words show reversed.
func HasBidiControls(s string) bool {
	for _, r := range s {
		if r == '\u200E' || r == '\u200F' || r == '\u061C' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') {
			return true
		}
	}
	return false
}
