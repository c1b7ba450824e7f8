package intake

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on the part of a sheet that is read.
const (
	// maxCols is the number of columns read: a form has 11, a unit's own
	// layout rarely more than 20. Text beyond is reported, never read.
	maxCols = 40
	// maxRows is the number of rows read from a sheet.
	maxRows = 20000
)

// grid is the text of one sheet, as excelize gives it (raw values).
type grid struct {
	name   string
	hidden bool
	rows   [][]string // rows[i] is sheet row i+1; trailing empty cells trimmed
	// overflow lists rows with text beyond maxCols.
	overflow []int
	// tooLong is set when the sheet has more than maxRows rows.
	tooLong bool
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
	n := 0
	for rows.Next() {
		n++
		if n > maxRows {
			g.tooLong = true
			break
		}
		cols, err := rows.Columns()
		if err != nil {
			g.err, g.errRow = err, n
			break
		}
		if len(cols) > maxCols {
			for _, v := range cols[maxCols:] {
				if strings.TrimSpace(v) != "" {
					g.overflow = append(g.overflow, n)
					break
				}
			}
			cols = cols[:maxCols]
		}
		last := len(cols)
		for last > 0 && strings.TrimSpace(cols[last-1]) == "" {
			last--
		}
		if last == 0 {
			g.rows = append(g.rows, nil)
			continue
		}
		// Copy: a row with a cell in column XFD comes as a 16,384-string
		// slice, which must not stay alive behind the capped row.
		row := make([]string, last)
		copy(row, cols[:last])
		g.rows = append(g.rows, row)
	}
	if err := rows.Error(); err != nil && g.err == nil {
		g.err, g.errRow = err, n
	}
	// Drop trailing empty rows.
	last := len(g.rows)
	for last > 0 && len(g.rows[last-1]) == 0 {
		last--
	}
	g.rows = g.rows[:last]
	return g
}

// cell returns the text at row r, column c (both 0-based), or "".
func (g *grid) cell(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return g.rows[r][c]
}

// set stores v at row r, column c (0-based), growing the row.
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

// cellName gives the A1 reference of row r, column c (0-based).
func cellName(c, r int) string {
	name, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return ""
	}
	return name
}

// colName gives the column letters of column c (0-based).
func colName(c int) string {
	name, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return ""
	}
	return name
}
