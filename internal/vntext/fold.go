package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in a form for matching: Clean, lowercased, without
// diacritics ("đ" becomes "d"), with every character that is neither a
// letter nor a digit replaced by a space, and runs of spaces collapsed.
// "Phòng Kinh tế", its NFD form and "PHONG KINH TE" all fold to
// "phong kinh te". Fold is idempotent.
func Fold(s string) string {
	s = norm.NFD.String(strings.ToLower(Clean(s)))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Words returns the words of Fold(s).
func Words(s string) []string {
	return strings.Fields(Fold(s))
}

// Similarity tells how alike two task contents are, from 0 (nothing in
// common, or either text empty) to 1 (the same words in the same order once
// folded). It compares folded words, so it ignores diacritics, case and
// punctuation.
//
// It is the larger of two scores:
//
//   - Dice: the mean of the Dice coefficient of the two sets of words and
//     that of the two sets of word bigrams (word order matters a little);
//     this rewards texts that are alike as a whole, including light
//     rewording;
//   - containment: the share of the shorter text's words, and of its
//     bigrams, found in the longer one, times 0.9, and scaled down when the
//     shorter text has fewer than 6 words; this rewards a row that keeps only
//     the first sentence of a long task, without letting one shared word
//     decide.
//
// Both scores are symmetric, so Similarity(a, b) == Similarity(b, a).
func Similarity(a, b string) float64 {
	ix := NewIndex(b)
	return ix.Similarity(ix.Prepare(a), 0)
}
