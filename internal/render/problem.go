package render

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one mistake of a template, located so that a clerk can find
// it in Word.
type Problem struct {
	Part     string // "thân văn bản", "đầu trang 1", "chân trang 1"
	Location string // "đoạn 12" or "bảng 2, hàng 3, ô 1, đoạn 14"
	Text     string // the paragraph's text, shortened
	Marker   string // the marker or placeholder at fault, e.g. "{#tasks}"
	Message  string // what is wrong and what to do, in Vietnamese

	seq int // the paragraph's place in its part, for document order
}

func (p Problem) String() string {
	return fmt.Sprintf("Mẫu báo cáo: %s, %s («%s»): %s", p.Part, p.Location, p.Text, p.Message)
}

// TemplateError lists every mistake found in a template.
type TemplateError struct {
	Problems []Problem
}

func (e *TemplateError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String()
	}
	lines := make([]string, 0, len(e.Problems)+1)
	lines = append(lines, fmt.Sprintf("Mẫu báo cáo có %d lỗi:", len(e.Problems)))
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// Place is where the problem is, as a clerk looks for it in Word: the
// part, the table cell or paragraph, and the paragraph's text.
func (p Problem) Place() string {
	if p.Text == "" {
		return p.Part + ", " + p.Location
	}
	return fmt.Sprintf("%s, %s («%s»)", p.Part, p.Location, p.Text)
}

// loc is where a paragraph of a template is.
type loc struct {
	part, where, text string
	seq               int
}

func (l *loc) problem(marker, format string, args ...any) Problem {
	return Problem{Part: l.part, Location: l.where, Text: l.text, Marker: marker, Message: fmt.Sprintf(format, args...), seq: l.seq}
}

// sortProblems puts problems in document order: by part, in the order of
// parts, then by paragraph, keeping the order found within a paragraph.
func sortProblems(ps []Problem, parts []string) {
	rank := map[string]int{}
	for i, p := range parts {
		rank[p] = i
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ri, rj := rank[ps[i].Part], rank[ps[j].Part]; ri != rj {
			return ri < rj
		}
		return ps[i].seq < ps[j].seq
	})
}

// excerpt shortens a paragraph's text for a message.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
