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

	seq, col int // the paragraph's place in its part and the marker's in it, for document order
}

func (p Problem) String() string {
	return "Mẫu báo cáo: " + p.Place() + ": " + p.Message
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
	if p.Location == "" {
		return p.Part // the whole template, such as one with no field at all
	}
	if p.Text == "" {
		return p.Part + ", " + p.Location
	}
	return fmt.Sprintf("%s, %s («%s»)", p.Part, p.Location, p.Text)
}

// loc is where a paragraph of a template is.
type loc struct {
	part, where, text string
	full              string // the paragraph's whole text, when longer than text
	seq               int
}

func (l *loc) problem(marker, format string, args ...any) Problem {
	col := -1
	if marker != "" {
		col = strings.Index(l.full, marker)
	}
	if col < 0 {
		col = len(l.full)
	}
	return Problem{Part: l.part, Location: l.where, Text: l.around(marker), Marker: marker, Message: fmt.Sprintf(format, args...), seq: l.seq, col: col}
}

// around is the paragraph's text shortened so that it still shows the
// marker at fault: a long paragraph is cut around it.
func (l *loc) around(marker string) string {
	if marker == "" || strings.Contains(l.text, marker) || !strings.Contains(l.full, marker) {
		return l.text
	}
	full := strings.Join(strings.Fields(l.full), " ")
	i := strings.Index(full, marker)
	if i < 0 {
		return l.text
	}
	r := []rune(full)
	at := len([]rune(full[:i]))
	from := max(at-25, 0)
	to := min(from+57, len(r))
	if to-at < len([]rune(marker)) {
		to = min(at+len([]rune(marker)), len(r))
	}
	s := string(r[from:to])
	if from > 0 {
		s = "..." + s
	}
	if to < len(r) {
		s += "..."
	}
	return s
}

// sortProblems puts problems in document order: by part, in the order of
// parts, then by paragraph, then by the marker's place in it.
func sortProblems(ps []Problem, parts []string) {
	rank := map[string]int{}
	for i, p := range parts {
		rank[p] = i
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ri, rj := rank[ps[i].Part], rank[ps[j].Part]; ri != rj {
			return ri < rj
		}
		if ps[i].seq != ps[j].seq {
			return ps[i].seq < ps[j].seq
		}
		return ps[i].col < ps[j].col
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
