package planimport

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on a workbook: the appendix is one sheet of a few hundred rows.
const (
	maxSheetRows = 5000
	maxSheetCols = 40
)

// readXlsx reads every sheet of a workbook as a table; the text above the
// table (the title, the line citing the plan) is found among its rows.
func readXlsx(data []byte) (doc *document, err error) {
	defer func() {
		// excelize has panicked on malformed parts before: a user's file
		// must never stop the program.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("excelize: %v", r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: maxPartSize})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc = &document{kind: "tệp Excel"}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
		if err != nil {
			continue
		}
		if len(rows) > maxSheetRows {
			rows = rows[:maxSheetRows]
		}
		merges, _ := f.GetMergeCells(sheet)
		doc.tables = append(doc.tables, sheetTable(sheet, rows, merges))
	}
	return doc, nil
}

// mergeSpan is the size of a merged range.
type mergeSpan struct{ cols, rows int }

// sheetTable lays out a sheet's cells as a table: a merged range is one
// cell as wide as the range on its first row, and a merged continuation on
// every row below.
func sheetTable(sheet string, rows [][]string, merges []excelize.MergeCell) *table {
	t := &table{name: fmt.Sprintf("trang tính «%s»", sheet)}
	starts := map[[2]int]mergeSpan{} // top-left (row, col) -> size
	covered := map[[2]int]int{}      // (row, col) covered by a merge, not top-left: the start column
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 || r1 > maxSheetRows || c1 > maxSheetCols {
			continue
		}
		r2, c2 = min(r2, maxSheetRows), min(c2, maxSheetCols)
		starts[[2]int{r1 - 1, c1 - 1}] = mergeSpan{c2 - c1 + 1, r2 - r1 + 1}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[[2]int{r - 1, c - 1}] = c1 - 1
				}
			}
		}
	}
	last := len(rows)
	for k := range starts {
		last = max(last, k[0]+starts[k].rows)
	}
	for i := 0; i < last; i++ {
		var values []string
		if i < len(rows) {
			values = rows[i]
		}
		r := &row{place: fmt.Sprintf("trang tính «%s», dòng %d", sheet, i+1)}
		for j := 0; j < maxSheetCols; j++ {
			if start, ok := covered[[2]int{i, j}]; ok {
				if start == j { // the first column of a merge, on a lower row
					sz := starts[[2]int{originRow(covered, starts, i, j), j}]
					r.cells = append(r.cells, &cell{col: j, span: max(sz.cols, 1), merged: true})
				}
				continue
			}
			sz, isStart := starts[[2]int{i, j}]
			v := ""
			if j < len(values) {
				v = values[j]
			}
			if v == "" && !isStart {
				continue
			}
			c := &cell{col: j, span: 1, paras: splitLines(v)}
			if isStart {
				c.span = sz.cols
			}
			r.cells = append(r.cells, c)
		}
		t.rows = append(t.rows, r)
	}
	t.linkMerges()
	return t
}

// originRow finds the top row of the merge covering (row, col) whose first
// column is col.
func originRow(covered map[[2]int]int, starts map[[2]int]mergeSpan, row, col int) int {
	for r := row - 1; r >= 0; r-- {
		if _, ok := starts[[2]int{r, col}]; ok {
			return r
		}
		if _, ok := covered[[2]int{r, col}]; !ok {
			break
		}
	}
	return row
}

// splitLines makes a workbook cell's lines into paragraphs: a line that
// starts with a dash is a list item.
func splitLines(v string) []para {
	var out []para
	for _, line := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, para{text: line, bullet: startsWithDash(line)})
	}
	return out
}
