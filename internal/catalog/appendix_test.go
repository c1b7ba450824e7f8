package catalog

import (
	"os"
	"slices"
	"strings"
	"testing"

	"baocao/internal/vntext"
)

// The appendix as extracted from the PDF, kept under testdata so that this
// test checks the data files against the source and not against themselves.
const appendixFile = "testdata/phu-luc-nhiem-vu-qd1560.txt"

func appendixWords(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(appendixFile)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(vntext.Fold(string(b)))
}

// findChunks looks for needle in hay[from:to] as at most maxChunks contiguous
// runs, in order: a cell that the PDF broke across a page comes back as two
// runs with other columns between them. The first run must hold most of the
// needle, so that a few common words cannot stitch a false match together.
// It returns where the match starts.
func findChunks(hay, needle []string, from, to, maxChunks int) (int, bool) {
	for s := from; s < to; s++ {
		if hay[s] != needle[0] {
			continue
		}
		i, p, chunks := 0, s, 0
		for i < len(needle) && chunks < maxChunks {
			// longest run of needle[i:] starting at or after p
			bestQ, bestL := -1, 0
			for q := p; q < to; q++ {
				l := 0
				for i+l < len(needle) && q+l < to && hay[q+l] == needle[i+l] {
					l++
				}
				if l > bestL {
					bestQ, bestL = q, l
				}
				if chunks == 0 {
					break // the first run must start at s
				}
			}
			if bestL == 0 || (chunks == 0 && bestL < len(needle) && bestL*2 < len(needle)) {
				break
			}
			i += bestL
			p = bestQ + bestL
			chunks++
		}
		if i == len(needle) {
			return s, true
		}
	}
	return 0, false
}

func TestDataAgreesWithAppendix(t *testing.T) {
	c := loadData(t)
	hay := appendixWords(t)

	// Every task's content appears in the source, in appendix order, in at
	// most two pieces (a page break splits IV.1.c and VI.2).
	type span struct {
		task  *Task
		start int
	}
	var spans []span
	pos := 0
	for _, s := range c.Sections {
		title := strings.Fields(vntext.Fold(s.Title))
		at, ok := findChunks(hay, title, pos, len(hay), 2)
		if !ok {
			t.Errorf("section %s: title not found in the appendix after word %d: %q", s.Code, pos, s.Title)
			continue
		}
		pos = at + len(title)
		for _, task := range s.Items {
			words := strings.Fields(vntext.Fold(task.Content))
			at, ok := findChunks(hay, words, pos, len(hay), 2)
			if !ok {
				t.Errorf("task %s: content not found in the appendix (in order, after word %d)", task.Code, pos)
				continue
			}
			spans = append(spans, span{task, at})
			pos = at + 1
		}
	}
	// The other columns lie between a task's content and the next task.
	for i, sp := range spans {
		end := len(hay)
		if i+1 < len(spans) {
			end = spans[i+1].start
		}
		task := sp.task
		if task.Heading {
			continue
		}
		for _, col := range []struct{ name, text string }{
			{"lead_text", task.LeadText},
			{"support_text", task.SupportText},
			{"product", task.Product},
			{"timing", task.Timing},
		} {
			if col.text == "" {
				continue
			}
			if _, ok := findChunks(hay, strings.Fields(vntext.Fold(col.text)), sp.start, end, 3); !ok {
				t.Errorf("task %s: %s %q is not in the appendix's row", task.Code, col.name, col.text)
			}
		}
		// Nothing of the row is left out: every word between this task and
		// the next belongs to one of its columns, but for numbering (STT,
		// page numbers) and the next section's title.
		left := map[string]int{}
		for _, w := range hay[sp.start:end] {
			left[w]++
		}
		fields := []string{task.Content, task.LeadText, task.SupportText, task.Product, task.Timing}
		if i+1 < len(spans) && spans[i+1].task.Section != task.Section {
			fields = append(fields, c.Section(spans[i+1].task.Section).Title)
		}
		for _, f := range fields {
			for _, w := range strings.Fields(vntext.Fold(f)) {
				left[w]--
			}
		}
		for w, n := range left {
			if n > 0 && !isNumbering(w) {
				t.Errorf("task %s: the appendix's row has %d × %q that the data files leave out", task.Code, n, w)
			}
		}
		row := strings.Join(hay[sp.start:end], " ")
		if task.TimingMissing != !strings.Contains(row, "thuong xuyen") {
			t.Errorf("task %s: timing_missing=%v, but the appendix's row says %q", task.Code, task.TimingMissing, row)
		}
	}
}

func TestLeadAndSupportMatchTheirText(t *testing.T) {
	c := loadData(t)
	for _, task := range c.Tasks() {
		if got := c.FindUnits(task.LeadText); !slices.Equal(got, task.Lead) {
			t.Errorf("task %s: lead %v, but lead_text %q names %v", task.Code, task.Lead, task.LeadText, got)
		}
		if got := c.FindUnits(task.SupportText); !slices.Equal(got, task.Support) {
			t.Errorf("task %s: support %v, but support_text %q names %v", task.Code, task.Support, task.SupportText, got)
		}
	}
}

// isNumbering tells the words of the STT column and page numbers.
func isNumbering(w string) bool {
	if strings.Trim(w, "0123456789") == "" {
		return true
	}
	return slices.Contains([]string{"a", "b", "c", "i", "ii", "iii", "iv", "v", "vi"}, w)
}
