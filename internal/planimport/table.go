package planimport

import (
	"strings"

	"baocao/internal/vntext"
)

// document is what a reader gets out of a file: the tables, and the text
// around them (the appendix's title and the line citing the plan).
type document struct {
	// lines are the paragraphs outside the tables, in order.
	lines  []string
	tables []*table
	// source words the file for messages: "tệp Word", "tệp Excel".
	kind string
}

// table is a grid of cells as the file lays it out.
type table struct {
	// name words the table for messages: "bảng 1", "trang tính «Phụ lục»".
	name string
	rows []*row
}

// row is one row of a table.
type row struct {
	// place words the row for messages: "bảng 1, hàng 12".
	place string
	cells []*cell
}

// cell is one cell: where it starts on the grid, how many grid columns it
// covers, and its paragraphs.
type cell struct {
	col, span int
	paras     []para
	// merged marks a cell that continues the one above it (a vertical
	// merge): its text is the origin's.
	merged bool
	origin *cell
	from   string // the place of the origin's row, for messages
}

// para is one paragraph of a cell.
type para struct {
	text   string
	bullet bool // a list item: a Word bullet, or a line starting with a dash
}

// text is the cell's paragraphs joined by newlines, bullets marked "- ".
func (c *cell) text() string {
	var parts []string
	for _, p := range c.paras {
		if t := p.String(); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// String is the paragraph as data files write it: cleaned, a bullet led by
// "- ".
func (p para) String() string {
	t := strings.Join(strings.Fields(vntext.Clean(p.text)), " ")
	if t == "" {
		return ""
	}
	if p.bullet && !startsWithDash(t) {
		t = "- " + t
	}
	return t
}

// startsWithDash tells a paragraph typed as a list item: "- ", "+ ", "• ".
func startsWithDash(s string) bool {
	for _, d := range []string{"- ", "– ", "+ ", "• ", "* "} {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	return false
}

// at returns the cell covering grid column col, or nil.
func (r *row) at(col int) *cell {
	for _, c := range r.cells {
		if col >= c.col && col < c.col+max(c.span, 1) {
			return c
		}
	}
	return nil
}

// blank tells a row without any text of its own.
func (r *row) blank() bool {
	for _, c := range r.cells {
		if !c.merged && c.text() != "" {
			return false
		}
	}
	return true
}

// joined is the row's text, its cells separated by " | ", for messages.
func (r *row) joined() string {
	var parts []string
	for _, c := range r.cells {
		if c.merged {
			continue
		}
		if t := strings.Join(strings.Fields(c.text()), " "); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " | ")
}

// linkMerges points every vertically merged cell at the cell it continues:
// the nearest cell above starting at the same grid column.
func (t *table) linkMerges() {
	for i, r := range t.rows {
		for _, c := range r.cells {
			if !c.merged {
				continue
			}
			for j := i - 1; j >= 0; j-- {
				if up := t.rows[j].at(c.col); up != nil && up.col == c.col {
					if up.merged {
						c.origin, c.from = up.origin, up.from
					} else {
						c.origin, c.from = up, t.rows[j].place
					}
					break
				}
			}
			if c.origin == nil {
				// A merge that continues nothing: keep its own text.
				c.merged = false
			}
		}
	}
}
