// Package samples writes the sample submissions shipped in data/samples:
// filled forms for every unit but one, built with the real forms so that
// they follow the forms when the forms change. One unit retypes the table
// in its own layout and words; one answers with free wording that the
// intake warns about. The content is invented for demonstration.
package samples

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Period is the period of the shipped samples.
const Period = "2026-Q1"

// SampleNote marks every filled row as sample data.
const SampleNote = "Dữ liệu mẫu"

// Generate writes the sample submissions for period p into dir.
func Generate(c *catalog.Catalog, p period.Period, dir string) error {
	var files []outfile.File
	for _, u := range c.ReportingUnits() {
		var (
			f   *excelize.File
			err error
		)
		switch u.Code {
		case missingUnit:
			continue
		case ownWordsUnit:
			f, err = ownLayout(c, u, p)
		default:
			f, err = filledForm(c, u.Code, p)
		}
		if err != nil {
			return fmt.Errorf("dữ liệu mẫu của %s: %w", u.Code, err)
		}
		buf, err := f.WriteToBuffer()
		f.Close()
		if err != nil {
			return err
		}
		files = append(files, outfile.File{Path: filepath.Join(dir, fileName(u.Code, p)), Data: buf.Bytes()})
	}
	return outfile.WriteAll(files...)
}

// fileName is how the unit named its file: some keep the form's name, some
// rename it, as they do in real life (the form's metadata still tells).
func fileName(unit string, p period.Period) string {
	switch unit {
	case "HND":
		return "Bao cao Hoi Nong dan quy I.xlsx"
	case ownWordsUnit:
		return "HCCB bao cao tin dung CSXH.xlsx"
	}
	return fmt.Sprintf("%s-%s.xlsx", unit, p)
}

func filledForm(c *catalog.Catalog, unit string, p period.Period) (*excelize.File, error) {
	f, err := forms.Build(c, unit, p)
	if err != nil {
		return nil, err
	}
	for _, a := range c.Assignments(unit) {
		e, ok := specific[unit][a.Task.Code]
		if !ok {
			e = generic(a.Role == catalog.RoleLead)
		}
		if unit == legacyUnit && a.Task.Code == legacyTask {
			// Typed on an old machine with a .VnTime font.
			e.results = vntext.EncodeTCVN3(e.results)
		}
		err := forms.FillRow(f, a.Task.Code, map[string]string{
			forms.ColStatus:       e.status,
			forms.ColResults:      e.results,
			forms.ColDocuments:    e.documents,
			forms.ColDifficulties: e.difficulties,
			forms.ColProposals:    e.proposals,
			forms.ColNextTasks:    nextPlans[unit][a.Task.Code],
			forms.ColNotes:        SampleNote,
		})
		if err != nil {
			return nil, err
		}
	}
	if unit == insertedUnit {
		// A row inserted under a task to write more: intake adds it to
		// the task.
		err := forms.InsertBelow(f, insertedTask, map[string]string{forms.ColResults: insertedText, forms.ColNotes: SampleNote})
		if err != nil {
			return nil, err
		}
	}
	for _, ind := range c.IndicatorsOf(unit) {
		v, ok := indicatorValues[ind.Code]
		if !ok {
			continue
		}
		if err := forms.FillIndicator(f, ind.Code, v[0], v[1]); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// ownLayout is a workbook a unit made itself: a title naming the unit and
// the period, a header row of its own words, rows without task codes.
func ownLayout(c *catalog.Catalog, u *catalog.Unit, p period.Period) (*excelize.File, error) {
	f := excelize.NewFile()
	const sheet = "Sheet1"
	set := func(cell, v string) { f.SetCellStr(sheet, cell, v) }
	set("A1", strings.ToUpper(u.Name+" "+c.Plan.Place)) // "HỘI CỰU CHIẾN BINH XÃ XỐP"
	set("A3", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH VỀ TÍN DỤNG CHÍNH SÁCH XÃ HỘI "+strings.ToUpper(p.Name()))
	f.MergeCell(sheet, "A3", "E3")
	for i, h := range []string{"STT", "Nội dung công việc", "Tình trạng", "Kết quả thực hiện", "Ghi chú"} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		set(fmt.Sprintf("%s5", col), h)
	}
	for i, w := range ownWords {
		row := 6 + i
		f.SetCellInt(sheet, fmt.Sprintf("A%d", row), int64(i+1))
		set(fmt.Sprintf("B%d", row), w[0])
		set(fmt.Sprintf("C%d", row), w[1])
		set(fmt.Sprintf("D%d", row), w[2])
		set(fmt.Sprintf("E%d", row), SampleNote)
	}
	set(fmt.Sprintf("D%d", 8+len(ownWords)), "NGƯỜI LẬP BIỂU")
	return f, nil
}
