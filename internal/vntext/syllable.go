package vntext

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese syllable structure, used by DetectLegacy: (initial consonant)
// + vowel cluster + (final consonant), with at most one tone mark; a syllable
// ending in c, ch, p or t takes only the tones sắc and nặng.
var (
	initials = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}
	finals = []string{"ch", "ng", "nh", "c", "k", "m", "n", "p", "t"} // "k": place names such as "Đăk Glei"

	// vowel clusters that may end a syllable; the rhymes map holds them and
	// every closed cluster followed by a final consonant
	openVowels = words("a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi " +
		"ua uê ui uơ uy ưa ưi ưu iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu")
	// vowel clusters that may take a final consonant
	closedVowels = words("a ă â e ê i o ô ơ u ư iê yê oa oă oe oo uâ uê uô ươ uy uyê")

	rhymes = map[string]bool{}
)

func words(s string) []string { return strings.Fields(s) }

func init() {
	for _, v := range openVowels {
		rhymes[v] = true
	}
	for _, v := range closedVowels {
		for _, f := range finals {
			rhymes[v+f] = true
		}
	}
}

// tone marks, as combining characters
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303'
	toneHook  = '\u0309'
	toneDot   = '\u0323'
)

// isSyllable reports whether w (any case) is a well-formed Vietnamese
// syllable, with its tone mark, if any, on a vowel where Vietnamese puts it
// (old style "hòa" and new style "hoà" both pass, "xaõ" does not).
func isSyllable(w string) bool {
	var plain []rune
	tone, toneAt := rune(0), -1
	for _, r := range strings.ToLower(w) {
		var letter []rune
		for _, m := range norm.NFD.String(string(r)) {
			switch m {
			case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
				if tone != 0 {
					return false
				}
				tone, toneAt = m, len(plain)
			default:
				letter = append(letter, m)
			}
		}
		plain = append(plain, []rune(norm.NFC.String(string(letter)))...)
	}
	word := string(plain)
	for _, ini := range initials {
		rhyme, ok := strings.CutPrefix(word, ini)
		if !ok || !rhymes[rhyme] {
			continue
		}
		final := ""
		for _, f := range finals {
			if strings.HasSuffix(rhyme, f) && rhymes[strings.TrimSuffix(rhyme, f)] {
				final = f
				break
			}
		}
		if final == "c" || final == "ch" || final == "p" || final == "t" {
			if tone != 0 && tone != toneAcute && tone != toneDot {
				continue
			}
		}
		vowels := []rune(strings.TrimSuffix(rhyme, final))
		at := toneAt - len([]rune(ini))
		if tone != 0 && !toneOK(vowels, final != "", at) {
			continue
		}
		return true
	}
	return false
}

// toneOK reports whether the tone may sit on vowels[at].
func toneOK(vowels []rune, closed bool, at int) bool {
	if at < 0 || at >= len(vowels) {
		return false
	}
	// A vowel with a hat, breve or horn carries the tone; in "ươ" the second.
	last := -1
	for i, v := range vowels {
		if strings.ContainsRune("ăâêôơư", v) {
			last = i
		}
	}
	switch {
	case last >= 0:
		return at == last
	case closed || len(vowels) == 1:
		return at == len(vowels)-1
	case len(vowels) == 3:
		return at == 1
	}
	switch string(vowels) {
	case "oa", "oe", "uy":
		return true // "hòa" and "hoà" are both in use
	}
	return at == 0
}
