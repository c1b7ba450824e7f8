package appendixtest

import (
	"fmt"
	"os"
	"strings"
)

// The appendix of Xốp commune's plan comes as text extracted from a PDF:
// each line is a line of a cell as printed, the cells of a row one after
// another. seedRows says how many lines each cell of each row takes, in
// order; Seed reads the lines and lays them out as the Word table the
// office has, with the quirks of the printed one:
//   - cells that go on over a page break as a row with an empty STT (II.1,
//     IV.1.c, VI.2), and the page number printed between them;
//   - IV.1, a group heading over a, b, c, its text across the other columns;
//   - IV.1.b's unit and product cells merged with IV.1.a's;
//   - VI.4 as three Word list items, V.9 and VI.3's coordinating units as
//     two paragraphs;
//   - V.8 with no timing;
//   - the units spelt in several ways, one of them typed decomposed (NFD).
type seedRow struct {
	stt     string
	kind    string // "section", "heading", "task", "cont" (a continuation), "skip" (a page number)
	lines   [5]int // content, lead, support, product, timing
	merge   [5]bool
	paras   [5][]int // line offsets within the cell that start a new paragraph
	bullets bool     // the content's paragraphs are list items
	nfd     [5]bool
}

var seedRows = []seedRow{
	{stt: "I", kind: "section", lines: [5]int{2}},
	{stt: "1", kind: "task", lines: [5]int{3, 2, 0, 4, 1}},
	{stt: "2", kind: "task", lines: [5]int{4, 1, 6, 2, 1}},
	{stt: "II", kind: "section", lines: [5]int{2}},
	{stt: "1", kind: "task", lines: [5]int{12, 2, 6, 2, 1}},
	{stt: "2", kind: "skip"},
	{kind: "cont", lines: [5]int{2}},
	{stt: "2", kind: "task", lines: [5]int{5, 2, 0, 3, 1}},
	{stt: "3", kind: "task", lines: [5]int{6, 2, 3, 3, 1}},
	{stt: "III", kind: "section", lines: [5]int{2}},
	{stt: "1", kind: "task", lines: [5]int{13, 2, 4, 2, 1}},
	{stt: "2", kind: "task", lines: [5]int{3, 2, 6, 4, 2}},
	{stt: "IV", kind: "section", lines: [5]int{5}},
	{stt: "1", kind: "heading", lines: [5]int{2}},
	{stt: "a", kind: "task", lines: [5]int{8, 2, 6, 5, 2}},
	{stt: "b", kind: "task", lines: [5]int{6, 2, 6, 5, 1}, merge: [5]bool{false, true, true, true, false}},
	{stt: "c", kind: "task", lines: [5]int{4, 4, 2, 2, 1}},
	{kind: "cont", lines: [5]int{3, 1}},
	{stt: "V", kind: "section", lines: [5]int{1}},
	{stt: "1", kind: "task", lines: [5]int{9, 3, 5, 7, 1}},
	{stt: "2", kind: "task", lines: [5]int{4, 1, 6, 4, 1}, nfd: [5]bool{false, true}},
	{stt: "3", kind: "task", lines: [5]int{4, 1, 6, 4, 1}},
	{stt: "4", kind: "task", lines: [5]int{2, 1, 6, 3, 1}},
	{stt: "5", kind: "task", lines: [5]int{4, 1, 2, 5, 2}},
	{stt: "6", kind: "task", lines: [5]int{3, 1, 2, 3, 2}},
	{stt: "7", kind: "task", lines: [5]int{2, 1, 2, 4, 2}},
	{stt: "8", kind: "task", lines: [5]int{5, 3, 2, 6, 0}},
	{stt: "9", kind: "task", lines: [5]int{12, 2, 4, 2, 1}, paras: [5][]int{{5}}},
	{stt: "VI", kind: "section", lines: [5]int{1}},
	{stt: "1", kind: "task", lines: [5]int{13, 4, 5, 4, 1}},
	{stt: "2", kind: "task", lines: [5]int{5, 4, 2, 4, 1}},
	{kind: "cont", lines: [5]int{3}},
	{stt: "3", kind: "task", lines: [5]int{6, 2, 6, 5, 1}, paras: [5][]int{nil, nil, {4}}},
	{stt: "4", kind: "task", lines: [5]int{21, 4, 6, 4, 1}, paras: [5][]int{{7, 15}, nil, {4}}, bullets: true},
}

// SeedHeader is the appendix's header row.
var SeedHeader = []string{"STT", "NỘI DUNG NHIỆM VỤ", "ĐƠN VỊ CHỦ TRÌ", "ĐƠN VỊ PHỐI HỢP", "SẢN PHẨM", "THỜI GIAN THỰC HIỆN"}

// seedWidths are the grid columns of the Word table (twips).
var seedWidths = []int{700, 5200, 2300, 2300, 2100, 1700}

// Seed reads the seed appendix's text at path and lays it out as the Word
// table of the office: see seedRows.
func Seed(path string) (Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Doc{}, err
	}
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	r := &lineReader{lines: lines}
	doc := Doc{}
	// the title: up to the line citing the plan
	for i := 0; i < 4; i++ {
		doc.Before = append(doc.Before, r.next())
	}
	// the header, printed over six lines
	if got, want := strings.Join(r.take(6), " "), strings.Join(SeedHeader, " "); strings.Join(strings.Fields(got), " ") != want {
		return Doc{}, fmt.Errorf("seed header %q, want %q", got, want)
	}
	t := Table{Widths: seedWidths}
	var header Row
	for _, h := range SeedHeader {
		header.Cells = append(header.Cells, Text(h))
	}
	t.Rows = append(t.Rows, header)
	var above [5]Cell // the cells of the row above, for merges
	for _, sr := range seedRows {
		if r.err != nil {
			break
		}
		switch sr.kind {
		case "skip":
			if l := r.next(); l != sr.stt {
				return Doc{}, fmt.Errorf("seed line %d: page number %q, want %q", r.at, l, sr.stt)
			}
			continue
		case "cont":
			row := Row{Cells: []Cell{Text()}}
			for k := 0; k < 5; k++ {
				row.Cells = append(row.Cells, Text(strings.Join(r.take(sr.lines[k]), " ")))
			}
			for k := range row.Cells[1:] {
				if len(row.Cells[k+1].Paras) == 1 && row.Cells[k+1].Paras[0].Text == "" {
					row.Cells[k+1].Paras = nil
				}
			}
			t.Rows = append(t.Rows, row)
			continue
		}
		// The STT, and on the same line the section's title ("V Rà soát...").
		first := r.next()
		rest, ok := strings.CutPrefix(first, sr.stt)
		if !ok || rest != "" && rest[0] != ' ' {
			return Doc{}, fmt.Errorf("seed line %d: %q does not start with STT %q", r.at, first, sr.stt)
		}
		if rest = strings.TrimSpace(rest); rest != "" {
			r.push(rest)
		}
		switch sr.kind {
		case "section":
			title := strings.Join(r.take(sr.lines[0]), " ")
			t.Rows = append(t.Rows, Row{Cells: []Cell{Text(sr.stt), {Paras: []Para{{Text: title}}, Span: 5}}})
		case "heading":
			t.Rows = append(t.Rows, Row{Cells: []Cell{Text(sr.stt), {Paras: []Para{{Text: strings.Join(r.take(sr.lines[0]), " ")}}, Span: 5}}})
		case "task":
			row := Row{Cells: []Cell{Text(sr.stt)}}
			var cells [5]Cell
			for k := 0; k < 5; k++ {
				ls := r.take(sr.lines[k])
				c := Cell{}
				for _, p := range paragraphs(ls, sr.paras[k]) {
					c.Paras = append(c.Paras, Para{Text: p, NFD: sr.nfd[k]})
				}
				if k == 0 && sr.bullets {
					for i := range c.Paras {
						c.Paras[i].Text = strings.TrimPrefix(c.Paras[i].Text, "- ")
						c.Paras[i].Bullet = true
					}
				}
				if sr.merge[k] {
					if joinParas(above[k]) != joinParas(c) {
						return Doc{}, fmt.Errorf("seed line %d: merged cell %q differs from the one above, %q", r.at, joinParas(c), joinParas(above[k]))
					}
					c = Cell{VMerge: "continue"}
					// the cell above starts the merge
					t.Rows[len(t.Rows)-1].Cells[k+1].VMerge = "restart"
				}
				cells[k] = c
				row.Cells = append(row.Cells, c)
			}
			above = cells
			t.Rows = append(t.Rows, row)
		}
	}
	if r.err != nil {
		return Doc{}, r.err
	}
	if r.at != len(lines) {
		return Doc{}, fmt.Errorf("seed: %d lines left over after the table, from %q", len(lines)-r.at, lines[r.at])
	}
	doc.Tables = []Table{t}
	return doc, nil
}

func joinParas(c Cell) string {
	var s []string
	for _, p := range c.Paras {
		s = append(s, p.Text)
	}
	return strings.Join(s, "\n")
}

// paragraphs joins lines into paragraphs, a new one at each offset given.
func paragraphs(lines []string, starts []int) []string {
	if len(lines) == 0 {
		return nil
	}
	var out []string
	from := 0
	for _, s := range append(starts, len(lines)) {
		out = append(out, strings.Join(lines[from:s], " "))
		from = s
	}
	return out
}

type lineReader struct {
	lines   []string
	at      int
	pending []string
	err     error
}

func (r *lineReader) next() string {
	if len(r.pending) > 0 {
		l := r.pending[0]
		r.pending = r.pending[1:]
		return l
	}
	if r.at >= len(r.lines) {
		if r.err == nil {
			r.err = fmt.Errorf("seed: the text ends before the layout")
		}
		return ""
	}
	r.at++
	return r.lines[r.at-1]
}

func (r *lineReader) push(l string) { r.pending = append(r.pending, l) }

func (r *lineReader) take(n int) []string {
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, r.next())
	}
	return out
}

// SeedPath finds the seed appendix's text from a package two folders
// under the repository's root: ../shared/seed beside the repository, as
// the project keeps it, else the copy that internal/catalog's tests keep
// (a fresh clone has only that one).
func SeedPath() string {
	for _, p := range []string{
		"../../../shared/seed/phu-luc-nhiem-vu-qd1560.txt",
		"../catalog/testdata/phu-luc-nhiem-vu-qd1560.txt",
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return "../../../shared/seed/phu-luc-nhiem-vu-qd1560.txt"
}
