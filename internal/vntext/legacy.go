package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding names how Vietnamese text was typed.
type Encoding int

const (
	// Unicode is ordinary text (or text whose legacy encoding could not be
	// recognised with confidence).
	Unicode Encoding = iota
	// TCVN3 is TCVN 5712:1993 VN3, typed with ABC and the ".Vn" fonts
	// (.VnTime, .VnArial): one byte per precomposed letter.
	TCVN3
	// VNI is VNI-Windows, typed with the "VNI-" fonts (VNI-Times): a base
	// letter followed by one character for its marks.
	VNI
)

// String returns the name users know the encoding by.
func (e Encoding) String() string {
	switch e {
	case TCVN3:
		return "TCVN3 (ABC)"
	case VNI:
		return "VNI"
	default:
		return "Unicode"
	}
}

// The tables list, for each of the 12 Vietnamese vowels, the letter without
// tone and with the tones huyền, hỏi, ngã, sắc, nặng (in this order), then
// "đ": 73 lowercase letters, which with their uppercase forms make the 134
// precomposed letters of Vietnamese beyond ASCII plus the 12 plain vowels.
// Legacy codes are written as the characters they become when a workbook
// stores the font's bytes as Windows-1252 (identical to Latin-1 here).
const unicodeLower = "aàảãáạ" + "ăằẳẵắặ" + "âầẩẫấậ" + "eèẻẽéẹ" + "êềểễếệ" + "iìỉĩíị" +
	"oòỏõóọ" + "ôồổỗốộ" + "ơờởỡớợ" + "uùủũúụ" + "ưừửữứự" + "yỳỷỹýỵ" + "đ"

// tcvn3Lower holds the TCVN3 code of each letter of unicodeLower. "\u00ad"
// (soft hyphen, byte 0xAD) is "ư".
var tcvn3Lower = []rune("aµ¶·¸¹" + "¨»¼½¾Æ" + "©ÇÈÉÊË" + "eÌÎÏÐÑ" + "ªÒÓÔÕÖ" + "i×ØÜÝÞ" +
	"oßáâãä" + "«åæçèé" + "¬êëìíî" + "uïñòóô" + "\u00adõö÷øù" + "yúûüýþ" + "®")

// tcvn3Upper holds the only capitals TCVN3 has codes for; capitals with a
// tone share the code of the lowercase letter (the .VnTimeH fonts draw every
// code as a capital).
var tcvn3Upper = map[rune]rune{'Ă': '¡', 'Â': '¢', 'Ê': '£', 'Ô': '¤', 'Ơ': '¥', 'Ư': '¦', 'Đ': '§'}

// vniLower holds the VNI code of each letter of unicodeLower. Capitals are
// the same codes upper-cased character by character ("Ủ" is "UÛ").
var vniLower = []string{
	"a", "aø", "aû", "aõ", "aù", "aï",
	"aê", "aè", "aú", "aü", "aé", "aë",
	"aâ", "aà", "aå", "aã", "aá", "aä",
	"e", "eø", "eû", "eõ", "eù", "eï",
	"eâ", "eà", "eå", "eã", "eá", "eä",
	"i", "ì", "æ", "ó", "í", "ò",
	"o", "oø", "oû", "oõ", "où", "oï",
	"oâ", "oà", "oå", "oã", "oá", "oä",
	"ô", "ôø", "ôû", "ôõ", "ôù", "ôï",
	"u", "uø", "uû", "uõ", "uù", "uï",
	"ö", "öø", "öû", "öõ", "öù", "öï",
	"y", "yø", "yû", "yõ", "yù", "î",
	"ñ",
}

var (
	toTCVN3   = map[rune]rune{}   // Unicode letter -> TCVN3 code
	fromTCVN3 = map[rune]rune{}   // TCVN3 code -> Unicode letter (lowercase when shared)
	toVNI     = map[rune]string{} // Unicode letter -> VNI code
	fromVNI   = map[string]rune{} // VNI code of one or two characters -> Unicode letter
)

func init() {
	for i, lower := range []rune(unicodeLower) {
		if lower <= unicode.MaxASCII {
			continue // plain vowels are the same in every encoding
		}
		// Some codes are the letter itself: TCVN3 "ý", VNI "ì" and "í".
		upper := unicode.ToUpper(lower)
		code := tcvn3Lower[i]
		toTCVN3[lower] = code
		fromTCVN3[code] = lower
		if _, own := tcvn3Upper[upper]; !own {
			toTCVN3[upper] = code
		}
		vni := vniLower[i]
		toVNI[lower] = vni
		toVNI[upper] = strings.ToUpper(vni)
		fromVNI[vni] = lower
		fromVNI[strings.ToUpper(vni)] = upper
	}
	for upper, code := range tcvn3Upper {
		toTCVN3[upper] = code
		fromTCVN3[code] = upper
	}
}

// EncodeTCVN3 returns s as it would look typed with a TCVN3 font and read
// back as Unicode. Capitals with a tone become the lowercase code, as in the
// real encoding. It exists for test fixtures.
func EncodeTCVN3(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if code, ok := toTCVN3[r]; ok {
			r = code
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EncodeVNI returns s as it would look typed with a VNI font and read back
// as Unicode. It exists for test fixtures.
func EncodeVNI(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		if code, ok := toVNI[r]; ok {
			b.WriteString(code)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FromLegacy converts s, typed in encoding e, to Unicode NFC. Text in
// Unicode is only normalised to NFC.
//
// TCVN3 cannot tell "ệ" from "Ệ": such a letter is made a capital when the
// other letters of its word are capitals, two or more of them, or one next
// to such a word ("NHIÖM Vô" becomes "NHIỆM VỤ"), and is left lowercase
// otherwise ("ñy ban" becomes "ủy ban" and "Tê tr×nh" "Tờ trình", even if
// "Ủy ban" was typed).
func FromLegacy(s string, e Encoding) string {
	switch e {
	case TCVN3:
		return norm.NFC.String(fromTCVN3Text(s))
	case VNI:
		return norm.NFC.String(fromVNIText(s))
	default:
		return norm.NFC.String(s)
	}
}

func fromTCVN3Text(s string) string {
	runes := []rune(s)
	shared := make([]bool, len(runes)) // decoded from a code shared by both cases
	for i, r := range runes {
		if u, ok := fromTCVN3[r]; ok {
			runes[i] = u
			shared[i] = unicode.IsLower(u)
		}
	}
	// Give shared letters the case of an all-capitals word: one with no
	// lowercase letter and two capitals or more, or one capital next to
	// such a word ("VỤ" in "NHIỆM VỤ", but "Tờ" in "Tờ trình").
	type word struct{ start, end, upper, lower int }
	var words []word
	for i := 0; i < len(runes); {
		if !unicode.IsLetter(runes[i]) {
			i++
			continue
		}
		w := word{start: i}
		for ; i < len(runes) && unicode.IsLetter(runes[i]); i++ {
			switch {
			case shared[i]:
			case unicode.IsUpper(runes[i]):
				w.upper++
			case unicode.IsLower(runes[i]):
				w.lower++
			}
		}
		w.end = i
		words = append(words, w)
	}
	caps := func(k int) bool { return k >= 0 && k < len(words) && words[k].lower == 0 && words[k].upper >= 2 }
	for k, w := range words {
		if w.lower > 0 || w.upper == 0 || (w.upper == 1 && !caps(k-1) && !caps(k+1)) {
			continue
		}
		for i := w.start; i < w.end; i++ {
			if shared[i] {
				runes[i] = unicode.ToUpper(runes[i])
			}
		}
	}
	return string(runes)
}

func fromVNIText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		r1, n1 := utf8.DecodeRuneInString(s)
		if n1 < len(s) {
			_, n2 := utf8.DecodeRuneInString(s[n1:])
			if u, ok := fromVNI[s[:n1+n2]]; ok {
				b.WriteRune(u)
				s = s[n1+n2:]
				continue
			}
		}
		if u, ok := fromVNI[s[:n1]]; ok {
			r1 = u
		}
		b.WriteRune(r1)
		s = s[n1:]
	}
	return b.String()
}

// DetectLegacy guesses whether s was typed with a TCVN3 or a VNI font. It
// says so only when confident, and returns Unicode otherwise: converting
// good text by mistake is worse than leaving some mojibake.
//
// The rule:
//   - text with no character in U+00A1..U+00FF cannot be legacy text;
//   - text holding a letter that only Unicode Vietnamese has (ă, đ, ơ, ư,
//     ĩ, ũ, the letters U+1EA0..U+1EF9) or a combining mark is Unicode;
//   - otherwise only the words holding a character above U+007F are
//     weighed ("suspect words"). For each encoding, a suspect word scores
//     when its conversion is a well-formed Vietnamese syllable (see
//     isSyllable: initial, vowels, final, and the tone on the right vowel).
//     A converted word must also have a natural case pattern ("Phòng",
//     "phòng", "PHÒNG", not "PHơ") to score, as must the words of the text
//     as it is. The
//     encoding wins when its score is higher than that of the text as it
//     is, and at least half of the suspect words score (names such as
//     "Glei" are not syllables). When both encodings win, the higher
//     score wins, and on a tie (such as "ñy": TCVN3 "ủy" or VNI "đy")
//     TCVN3, which government offices used far more than VNI.
func DetectLegacy(s string) Encoding {
	legacyChars := false
	for _, r := range s {
		switch {
		case isUnicodeOnlyVietnamese(r):
			return Unicode
		case r >= 0xA1 && r <= 0xFF:
			legacyChars = true
		}
	}
	if !legacyChars {
		return Unicode
	}

	var suspects []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isLegacyWordRune(r) }) {
		for _, r := range w {
			if r > unicode.MaxASCII {
				suspects = append(suspects, w)
				break
			}
		}
	}
	asIs, tcvn3, vni := 0, 0, 0
	for _, w := range suspects {
		if naturalCase(w) && isSyllable(w) {
			asIs++
		}
		tcvn3 += scores(w, FromLegacy(w, TCVN3))
		vni += scores(w, FromLegacy(w, VNI))
	}
	wins := func(score int) bool { return score > asIs && 2*score >= len(suspects) }
	switch {
	case wins(tcvn3) && tcvn3 >= vni:
		return TCVN3 // on a tie, the more widespread of the two
	case wins(vni):
		return VNI
	}
	return Unicode
}

// Repair recognises legacy text (DetectLegacy), converts it (FromLegacy) and
// cleans it (Clean). It returns the encoding found, Unicode when the text was
// not converted.
func Repair(s string) (string, Encoding) {
	// Detect on the cleaned text: NFC may turn a character outside the
	// legacy range into one inside it (U+0387 becomes U+00B7, TCVN3 "ã"),
	// and Repair must give the same answer on its own output.
	s = Clean(s)
	e := DetectLegacy(s)
	return Clean(FromLegacy(s, e)), e
}

// scores tells whether w, converted to conv, counts for an encoding: conv is
// a syllable with a natural case pattern.
func scores(w, conv string) int {
	if isSyllable(conv) && naturalCase(conv) {
		return 1
	}
	return 0
}

// isUnicodeOnlyVietnamese reports whether r appears in Unicode Vietnamese
// but never in text typed with a legacy font read as Windows-1252.
func isUnicodeOnlyVietnamese(r rune) bool {
	switch r {
	case 'ă', 'Ă', 'đ', 'Đ', 'ĩ', 'Ĩ', 'ũ', 'Ũ', 'ơ', 'Ơ', 'ư', 'Ư':
		return true
	}
	return (r >= 0x1EA0 && r <= 0x1EF9) || (r >= 0x0300 && r <= 0x036F)
}

// isLegacyWordRune reports whether r may be part of a word typed in a legacy
// encoding: a letter, or any character of U+00A1..U+00FF (TCVN3 puts letters
// on codes such as "¸", "×" and the soft hyphen).
func isLegacyWordRune(r rune) bool {
	return unicode.IsLetter(r) || (r >= 0xA1 && r <= 0xFF)
}

// naturalCase reports whether w is all lowercase, all capitals or
// capitalised, as real words are; "tÕ" (TCVN3 "tế") is not.
func naturalCase(w string) bool {
	runes := []rune(w)
	rest := string(runes[1:])
	return rest == strings.ToLower(rest) || w == strings.ToUpper(w)
}

// FileName reads a file name stored as bytes of unknown encoding, as in a
// zip made by Windows' own "compressed folder", which writes names in the
// machine's code page without marking them: valid UTF-8 as it is, else
// Windows-1258, the Vietnamese code page, its tone marks composed.
func FileName(raw string) string {
	if utf8.ValidString(raw) {
		return raw
	}
	s, err := charmap.Windows1258.NewDecoder().String(raw)
	if err != nil {
		return strings.ToValidUTF8(raw, "?")
	}
	return norm.NFC.String(s)
}
