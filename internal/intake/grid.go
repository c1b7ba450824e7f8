package intake

import (
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on the part of a sheet that is read.
const (
	// maxCols is the number of columns read: a form has 11, a unit's own
	// layout rarely more than 20. Text beyond is reported, never read.
	maxCols = 40
	// maxRows is the number of rows holding a value that are read from a
	// sheet. Empty rows, with or without a style, do not count: LibreOffice
	// writes an empty row 1048576 after a row is deleted, and some writers
	// give every row of a sheet a style.
	maxRows = 20000
	// maxGap is the longest run of empty rows kept as it is in a grid; a
	// longer run is kept as one empty row, so that a value far down a
	// sheet costs one row, not a million.
	maxGap = 32
)

// grid is the text of one sheet, as excelize gives it (raw values): the
// rows that hold a value, with the empty rows between them (a long run of
// empty rows is kept as one).
type grid struct {
	name   string
	hidden bool
	// rows[i] is sheet row nums[i] (1-based); trailing empty cells trimmed.
	rows [][]string
	nums []int
	// merges are the sheet's merged ranges, start and end references.
	merges [][2]string
	// overflow lists rows with text beyond maxCols.
	overflow []int
	// tooLong is set when the sheet has more than maxRows rows holding a
	// value; tooLongRow is the first of them not read.
	tooLong    bool
	tooLongRow int
	// err is a read error that stopped the sheet early, at row errRow.
	err    error
	errRow int
}

// readGrid reads a sheet with the streaming iterator, checking its error on
// every row (GetRows stops silently at a bad row).
func readGrid(f *excelize.File, name string) *grid {
	g := &grid{name: name}
	rows, err := f.Rows(name)
	if err != nil {
		g.err, g.errRow = err, 1
		return g
	}
	defer rows.Close()
	n, valued := 0, 0
	gapStart, gap := 0, 0 // the empty rows since the last row with a value
	for rows.Next() {
		n++
		cols, err := rows.Columns()
		if err != nil {
			g.err, g.errRow = err, n
			break
		}
		beyond := false // a value past maxCols
		if len(cols) > maxCols {
			for _, v := range cols[maxCols:] {
				if strings.TrimSpace(v) != "" {
					g.overflow = append(g.overflow, n)
					beyond = true
					break
				}
			}
			cols = cols[:maxCols]
		}
		last := len(cols)
		for last > 0 && strings.TrimSpace(cols[last-1]) == "" {
			last--
		}
		if last == 0 && beyond {
			// Its only values lie past the columns read: it still
			// counts against the cap on rows.
			if valued++; valued > maxRows {
				g.tooLong, g.tooLongRow = true, n
				break
			}
		}
		if last == 0 {
			if gap == 0 {
				gapStart = n
			}
			gap++
			continue
		}
		valued++
		if valued > maxRows {
			g.tooLong, g.tooLongRow = true, n
			break
		}
		if gap > 0 {
			if gap > maxGap {
				gap = 1
			}
			for k := range gap {
				g.rows = append(g.rows, nil)
				g.nums = append(g.nums, gapStart+k)
			}
			gap = 0
		}
		// Copy: a row with a cell in column XFD comes as a 16,384-string
		// slice, which must not stay alive behind the capped row.
		row := make([]string, last)
		copy(row, cols[:last])
		g.rows = append(g.rows, row)
		g.nums = append(g.nums, n)
	}
	if err := rows.Error(); err != nil && g.err == nil {
		g.err, g.errRow = err, n
	}
	return g
}

// num is the sheet row number (1-based) of row index i; past the end it
// counts on from the last row.
func (g *grid) num(i int) int {
	switch {
	case i < 0:
		return i + 1
	case i < len(g.nums):
		return g.nums[i]
	case len(g.nums) == 0:
		return i + 1
	}
	return g.nums[len(g.nums)-1] + i - len(g.nums) + 1
}

// index is the row index of sheet row num (1-based), or -1 when that row
// is empty and not kept.
func (g *grid) index(num int) int {
	i := sort.SearchInts(g.nums, num)
	if i < len(g.nums) && g.nums[i] == num {
		return i
	}
	return -1
}

// ref gives the A1 reference of column c (0-based) on row index i.
func (g *grid) ref(c, i int) string { return g.pos(c, i).Ref() }

// pos is the position of column c (0-based) on row index i.
func (g *grid) pos(c, i int) Pos { return Pos{Row: g.num(i), Col: c + 1} }

// rowPos is the position of the whole row at index i.
func (g *grid) rowPos(i int) Pos { return RowPos(g.num(i)) }

// spans returns, for sheet row num, the columns (0-based) covered by a
// merged range of two columns or more that starts on that row, each with
// the range's first column.
func (g *grid) spans(num int) map[int]int {
	out := map[int]int{}
	for _, m := range g.merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		c2, _, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || r1 != num || c2 <= c1 || c1 > maxCols {
			continue
		}
		for c := c1; c <= c2 && c <= maxCols; c++ {
			out[c-1] = c1 - 1
		}
	}
	return out
}

// cell returns the text at row index r, column c (both 0-based), or "".
func (g *grid) cell(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return g.rows[r][c]
}

// set stores v at row index r, column c (0-based), growing the row.
func (g *grid) set(r, c int, v string) {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= maxCols {
		return
	}
	for len(g.rows[r]) <= c {
		g.rows[r] = append(g.rows[r], "")
	}
	g.rows[r][c] = v
}

// empty tells a sheet without any text.
func (g *grid) empty() bool {
	for _, r := range g.rows {
		for _, v := range r {
			if strings.TrimSpace(v) != "" {
				return false
			}
		}
	}
	return true
}

// colName gives the column letters of column c (0-based).
func colName(c int) string { return ColPos(c + 1).ColName() }
