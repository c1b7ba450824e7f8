package vntext

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The scorer before Index: sets of strings built on every call. Kept as
// the reference that the prepared scorer must agree with exactly.
func oldSimilarity(a, b string) float64 {
	wa, wb := Words(a), Words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	if strings.Join(wa, " ") == strings.Join(wb, " ") {
		return 1
	}
	ua, ub := wordSet(wa, 1), wordSet(wb, 1)
	ba, bb := wordSet(wa, 2), wordSet(wb, 2)

	dice := diceOf(ua, ub)
	if len(ba) > 0 && len(bb) > 0 {
		dice = (dice + diceOf(ba, bb)) / 2
	}

	contain := containmentOf(ua, ub)
	if len(ba) > 0 && len(bb) > 0 {
		contain = (contain + containmentOf(ba, bb)) / 2
	}
	short := min(len(wa), len(wb))
	contain *= 0.9 * min(1, float64(short)/6)

	return max(dice, contain)
}

// wordSet returns the set of n-grams (n words joined by a space) of words.
func wordSet(words []string, n int) map[string]bool {
	set := make(map[string]bool, len(words))
	for i := 0; i+n <= len(words); i++ {
		set[strings.Join(words[i:i+n], " ")] = true
	}
	return set
}

func common(a, b map[string]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

func diceOf(a, b map[string]bool) float64 {
	return 2 * float64(common(a, b)) / float64(len(a)+len(b))
}

func containmentOf(a, b map[string]bool) float64 {
	return float64(common(a, b)) / float64(min(len(a), len(b)))
}

// catalogTexts reads the task contents and section titles of the
// repository's tasks.yaml (vntext cannot import catalog).
func catalogTexts(t testing.TB) []string {
	b, err := os.ReadFile("../../data/tasks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sections []struct {
			Title string
			Tasks []struct{ Content string }
		}
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range doc.Sections {
		out = append(out, s.Title)
		for _, task := range s.Tasks {
			out = append(out, task.Content)
		}
	}
	if len(out) < 30 {
		t.Fatalf("found %d texts in tasks.yaml", len(out))
	}
	return out
}

// rowsLike makes rows as units write them from the catalog's texts: the
// first words, words dropped or repeated, shuffled, other words mixed in,
// upper case, no diacritics, and texts from nowhere.
func rowsLike(texts []string, n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	others := strings.Fields("năm 2026 hội viên gặp mặt kỷ niệm ngày thành lập đã xong tổ chức thôn làng vay vốn hộ nghèo")
	var rows []string
	for range n {
		words := strings.Fields(texts[rng.IntN(len(texts))])
		var w []string
		switch rng.IntN(6) {
		case 0:
			w = words[:1+rng.IntN(len(words))]
		case 1:
			for _, x := range words {
				if rng.IntN(3) > 0 {
					w = append(w, x)
				}
			}
		case 2:
			w = append(w, words...)
			rng.Shuffle(len(w), func(i, j int) { w[i], w[j] = w[j], w[i] })
		case 3:
			for _, x := range words {
				w = append(w, x)
				if rng.IntN(4) == 0 {
					w = append(w, others[rng.IntN(len(others))], x)
				}
			}
		case 4:
			w = strings.Fields(strings.ToUpper(Fold(strings.Join(words, " "))))
		default:
			for range 1 + rng.IntN(8) {
				w = append(w, others[rng.IntN(len(others))])
			}
		}
		rows = append(rows, strings.Join(w, " "))
	}
	return append(rows, "", " - ", "I.1", "1", strings.Join(others, " "))
}

// The prepared scorer gives exactly the reference's score on the catalog
// against itself and on generated rows against the catalog.
func TestIndexSameAsReference(t *testing.T) {
	texts := catalogTexts(t)
	ix := NewIndex(texts...)
	rows := append(rowsLike(texts, 500), texts...)
	differ := 0
	for _, row := range rows {
		q := ix.Prepare(row)
		for i, text := range texts {
			got, want := ix.Similarity(q, i), oldSimilarity(row, text)
			if got != want {
				differ++
				if differ < 5 {
					t.Errorf("Similarity(%q, text %d) = %v, reference %v", row, i, got, want)
				}
			}
			if s := Similarity(row, text); s != want {
				t.Fatalf("Similarity(%q, %q) = %v, reference %v", row, text, s, want)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d scores differ", differ, len(rows)*len(texts))
	}
}

func BenchmarkIndexVsReference(b *testing.B) {
	texts := catalogTexts(b)
	rows := rowsLike(texts, 200)
	b.Run("reference", func(b *testing.B) {
		for range b.N {
			for _, r := range rows {
				for _, t := range texts {
					oldSimilarity(r, t)
				}
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		ix := NewIndex(texts...)
		b.ResetTimer()
		for range b.N {
			for _, r := range rows {
				q := ix.Prepare(r)
				for i := range texts {
					ix.Similarity(q, i)
				}
			}
		}
	})
}
