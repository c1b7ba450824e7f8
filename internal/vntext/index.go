package vntext

import (
	"slices"
	"strings"
)

// Index is a fixed list of texts (a plan's task contents, section titles
// or indicator names) prepared once for Similarity: each is folded once,
// and its words and word pairs are interned as numbers, so that scoring a
// row against every text of the list folds the row once and compares
// sorted numbers instead of building sets of strings each time.
//
// An Index is read-only once built: safe for concurrent use.
type Index struct {
	ids   map[string]uint32 // word -> number, for the words of the texts
	texts []Text
}

// Text is a text prepared for Similarity: against an Index (Prepare), or
// as one of its texts.
type Text struct {
	joined string   // the folded words joined by single spaces
	words  int      // number of words, repeats included
	uni    []uint32 // distinct words, sorted
	bi     []uint64 // distinct word pairs, sorted
}

// NewIndex prepares texts, in order: Similarity(t, i) compares with texts[i].
func NewIndex(texts ...string) *Index {
	ix := &Index{ids: map[string]uint32{}}
	for _, s := range texts {
		words := Words(s)
		for _, w := range words {
			if _, ok := ix.ids[w]; !ok {
				ix.ids[w] = uint32(len(ix.ids))
			}
		}
		ix.texts = append(ix.texts, ix.prepare(words, nil))
	}
	return ix
}

// Empty tells a text without words.
func (t Text) Empty() bool { return t.words == 0 }

// Len is the number of texts.
func (ix *Index) Len() int { return len(ix.texts) }

// Prepare folds s once for scoring against every text of the index.
func (ix *Index) Prepare(s string) Text {
	return ix.prepare(Words(s), map[string]uint32{})
}

// prepare numbers words: by the index's numbers, else (for a query, local
// not nil) by numbers past the index's, which no text of it holds. That
// keeps counts of distinct words and pairs exact for unknown words.
func (ix *Index) prepare(words []string, local map[string]uint32) Text {
	t := Text{joined: strings.Join(words, " "), words: len(words)}
	ids := make([]uint32, len(words))
	for i, w := range words {
		id, ok := ix.ids[w]
		if !ok {
			if id, ok = local[w]; !ok {
				id = uint32(len(ix.ids) + len(local))
				local[w] = id
			}
		}
		ids[i] = id
	}
	for i, id := range ids {
		t.uni = append(t.uni, id)
		if i > 0 {
			t.bi = append(t.bi, uint64(ids[i-1])<<32|uint64(id))
		}
	}
	slices.Sort(t.uni)
	t.uni = slices.Compact(t.uni)
	slices.Sort(t.bi)
	t.bi = slices.Compact(t.bi)
	return t
}

// Equal tells that the prepared text and texts[i] have the same words in
// the same order once folded: Fold(a) == Fold(b).
func (ix *Index) Equal(t Text, i int) bool { return t.joined == ix.texts[i].joined }

// Similarity is vntext.Similarity of the prepared text and texts[i].
func (ix *Index) Similarity(t Text, i int) float64 {
	return similarity(t, ix.texts[i])
}

// similarity scores two prepared texts as Similarity documents.
func similarity(a, b Text) float64 {
	if a.words == 0 || b.words == 0 {
		return 0
	}
	if a.joined == b.joined {
		return 1
	}
	cu := commonSorted(a.uni, b.uni)
	dice := 2 * float64(cu) / float64(len(a.uni)+len(b.uni))
	contain := float64(cu) / float64(min(len(a.uni), len(b.uni)))
	if len(a.bi) > 0 && len(b.bi) > 0 {
		cb := commonSorted(a.bi, b.bi)
		dice = (dice + 2*float64(cb)/float64(len(a.bi)+len(b.bi))) / 2
		contain = (contain + float64(cb)/float64(min(len(a.bi), len(b.bi)))) / 2
	}
	short := min(a.words, b.words)
	contain *= 0.9 * min(1, float64(short)/6)
	return max(dice, contain)
}

// commonSorted counts the values two sorted, duplicate-free slices share.
func commonSorted[T uint32 | uint64](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
