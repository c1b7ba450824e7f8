package forms

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// FillRow writes values into the report row of taskCode, as a unit would.
// Keys are column keys (ColStatus, ColResults...). It is meant for tests and
// sample data.
func FillRow(f *excelize.File, taskCode string, v map[string]string) error {
	row, err := findRow(f, ReportSheet, taskCode)
	if err != nil {
		return err
	}
	for key, value := range v {
		i := columnIndex(key)
		if i < 0 {
			return fmt.Errorf("không có cột «%s» trong biểu mẫu", key)
		}
		if err := f.SetCellStr(ReportSheet, cell(i, row), value); err != nil {
			return err
		}
	}
	return nil
}

// InsertBelow inserts a row under the report row of taskCode, formatted
// like it, with only values written in it, as a unit does to write more on
// a task. It is meant for tests and sample data.
func InsertBelow(f *excelize.File, taskCode string, v map[string]string) error {
	row, err := findRow(f, ReportSheet, taskCode)
	if err != nil {
		return err
	}
	if err := f.DuplicateRowTo(ReportSheet, row, row+1); err != nil {
		return err
	}
	for i, column := range Columns {
		if err := f.SetCellStr(ReportSheet, cell(i, row+1), v[column.Key]); err != nil {
			return err
		}
	}
	return nil
}

// FillIndicator writes an indicator's values at the end of the previous
// period and of this one.
func FillIndicator(f *excelize.File, code string, previous, current float64) error {
	row, err := findRow(f, IndicatorsSheet, code)
	if err != nil {
		return err
	}
	if err := f.SetCellFloat(IndicatorsSheet, cell(3, row), previous, -1, 64); err != nil {
		return err
	}
	return f.SetCellFloat(IndicatorsSheet, cell(4, row), current, -1, 64)
}

// FillIndicatorNote writes a note beside an indicator's figures (column
// «Ghi chú» of the indicators sheet), as a unit would.
func FillIndicatorNote(f *excelize.File, code, note string) error {
	row, err := findRow(f, IndicatorsSheet, code)
	if err != nil {
		return err
	}
	return f.SetCellStr(IndicatorsSheet, cell(len(IndicatorColumns)-1, row), note)
}

func columnIndex(key string) int {
	for i, c := range Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// findRow returns the row whose column A holds code.
func findRow(f *excelize.File, sheet, code string) (int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, fmt.Errorf("không có trang tính «%s»: %w", sheet, err)
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns()
		if err != nil {
			return 0, err
		}
		if len(cols) > 0 && strings.TrimSpace(cols[0]) == code {
			return n, nil
		}
	}
	return 0, fmt.Errorf("trang «%s» không có dòng mã «%s»", sheet, code)
}
