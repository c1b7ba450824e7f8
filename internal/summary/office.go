package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/outfile"
)

const officeLabel = "Bảng kiểm tra"

// ReplacedLevel is the «Mức độ» of a problem of a file that a newer file of
// its unit replaced: neither an error nor a warning of the report.
const ReplacedLevel = "đã thay bằng tệp mới"

// OfficeName is the file name of the office's own workbook for a period.
func OfficeName(p string) string { return "kiem-tra-" + p + ".xlsx" }

// WriteOffice builds the office's own workbook of r and writes it to
// path, whole or not at all.
func WriteOffice(r *consolidate.Report, opt Options, path string) ([]string, error) {
	data, warnings, err := OfficeBytes(r, opt)
	if err != nil {
		return nil, err
	}
	return warnings, outfile.WriteAll(outfile.File{Path: path, Data: data})
}

// OfficeBytes builds the office's own workbook (kiem-tra-P.xlsx): what the
// office needs and the province does not.
func OfficeBytes(r *consolidate.Report, opt Options) ([]byte, []string, error) {
	f, warnings, err := BuildOffice(r, opt)
	if err != nil {
		return nil, nil, err
	}
	data, err := bytesOf(f, officeLabel)
	return data, warnings, err
}

// BuildOffice makes the office's own workbook in memory: the units and
// their files, the checks with file, sheet and cell, the rows not matched,
// the proposals to the commune itself, the chart of tasks by status.
func BuildOffice(r *consolidate.Report, opt Options) (*excelize.File, []string, error) {
	b, err := newBuilder(r, officeLabel)
	if err != nil {
		return nil, nil, err
	}
	b.opt = opt
	for _, step := range []func() error{b.units, b.problems, b.unmatched, b.proposals, b.chart} {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	p := r.Catalog.Plan
	title := fmt.Sprintf("%s %s - KIỂM TRA BÁO CÁO CỦA CÁC ĐƠN VỊ %s", p.Issuer, p.Commune, strings.ToUpper(r.Period.Name()))
	if err := b.finish(title, SheetUnits); err != nil {
		return nil, nil, err
	}
	return b.f, b.warnings, nil
}

func (b *builder) units() error {
	// «Thời gian nhận» only where it is one: the page's workspace writes
	// each file when it receives it; a folder given to report --in holds
	// copies whose dates say nothing of receipt.
	headers := []string{"Mã", "Đơn vị", "Tệp đã nhận", "Thời gian lưu trong tệp", "Nhiệm vụ đã báo cáo", "Nhiệm vụ phải báo cáo", "Lỗi", "Cảnh báo", "Tình trạng", "Công văn đôn đốc"}
	widths := []float64{8, 26, 24, 14, 10, 10, 6, 8, 28, 26}
	if b.opt.FromPage {
		headers = append(headers[:3], append([]string{"Thời gian nhận (trang làm việc)"}, headers[3:]...)...)
		widths = []float64{8, 24, 22, 13, 13, 9, 9, 6, 8, 24, 24}
	}
	if err := b.sheet(SheetUnits, "TÌNH HÌNH GỬI BIỂU BÁO CÁO "+strings.ToUpper(b.r.Period.Name()), headers, widths); err != nil {
		return err
	}
	letter := map[string]string{}
	for _, g := range b.r.Urged() {
		letter[g.Unit.Unit.Code] = "Có: " + g.Sentence
	}
	for _, n := range b.r.NotUrged() {
		letter[n.Unit.Unit.Code] = "Không. " + n.Why
	}
	when := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("02/01/2006 15:04")
	}
	for i, u := range b.r.Units {
		row := i + 3
		values := []string{u.Unit.Code, u.Unit.Name, u.File}
		if b.opt.FromPage {
			values = append(values, when(u.Received))
		}
		values = append(values, when(u.Saved), "", "", "", "", consolidate.StateSentence(u), letter[u.Unit.Code])
		b.put(SheetUnits, row, b.text, values...)
		first := 5
		if b.opt.FromPage {
			first = 6
		}
		for i, n := range []int{u.Tasks, u.Expected, u.Errors, u.Warnings} {
			col, _ := excelize.ColumnNumberToName(first + i)
			b.setInt(SheetUnits, fmt.Sprintf("%s%d", col, row), n)
		}
	}
	notes := []string{"«Thời gian lưu trong tệp» là lúc đơn vị lưu tệp lần cuối, do chính tệp ghi (Excel, LibreOffice, WPS ghi khi lưu); để trống khi tệp không ghi. Đó không phải lúc văn phòng nhận tệp."}
	if b.opt.FromPage {
		notes = append(notes, "«Thời gian nhận» là lúc trang làm việc của văn phòng nhận tệp.")
	}
	if note := b.r.PartsNote; note != "" {
		notes = append(notes, note)
	}
	row := len(b.r.Units) + 4
	last, _ := excelize.ColumnNumberToName(len(b.widths[SheetUnits]))
	total := 0.0
	for _, w := range b.widths[SheetUnits] {
		total += w
	}
	for _, note := range notes {
		// across the sheet and wrapped: one long cell would shrink the
		// whole printed page
		b.f.MergeCell(SheetUnits, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row))
		b.f.SetCellStr(SheetUnits, fmt.Sprintf("A%d", row), note)
		b.f.SetCellStyle(SheetUnits, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), b.plain)
		b.f.SetRowHeight(SheetUnits, row, rowHeight([]string{note}, []float64{total}))
		row++
	}
	return nil
}

// proposals lists, for the commune's leadership, the units' proposals
// that ask the commune itself (not in part IV of the report), and flags
// those that do not say whom they ask (part IV keeps them).
func (b *builder) proposals() error {
	headers := []string{"Mã nhiệm vụ", "Đơn vị", "Đề xuất, kiến nghị (nguyên văn)", "Gửi tới", "Trong báo cáo"}
	if err := b.sheet(SheetProposals, "ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ GỬI ỦY BAN NHÂN DÂN XÃ VÀ CHƯA RÕ GỬI CẤP NÀO", headers, []float64{11, 26, 67, 20, 36}); err != nil {
		return err
	}
	row := 3
	for _, a := range []consolidate.Addressee{consolidate.AddresseeCommune, consolidate.AddresseeUnclear} {
		where := "không đưa vào mục IV (kiến nghị với cấp trên); để lãnh đạo xã xem xét"
		if a == consolidate.AddresseeUnclear {
			where = "đã đưa vào mục IV; cần xem lại gửi cấp nào"
		}
		for _, p := range b.r.ProposalsTo(a) {
			b.put(SheetProposals, row, b.text, p.Task, p.UnitName, p.Text, a.String(), where)
			row++
		}
	}
	if row == 3 {
		b.put(SheetProposals, row, b.text, "", "", "Không có đề xuất, kiến nghị gửi Ủy ban nhân dân xã hoặc chưa rõ gửi cấp nào.", "", "")
	}
	return nil
}

func (b *builder) unmatched() error {
	headers := []string{"Đơn vị", "Tệp", "Trang tính", "Dòng", "Nội dung dòng (nguyên văn)"}
	if err := b.sheet(SheetUnmatched, "CÁC DÒNG CHƯA KHỚP VỚI NHIỆM VỤ NÀO", headers, []float64{26, 30, 14, 8, 82}); err != nil {
		return err
	}
	for i, u := range b.r.Unmatched {
		name := u.Unit
		if unit := b.r.Catalog.Unit(u.Unit); unit != nil {
			name = unit.Name
		}
		b.put(SheetUnmatched, i+3, b.text, name, intake.Relative(u.File, b.opt.Roots), u.Sheet, "", u.Text)
		b.setInt(SheetUnmatched, fmt.Sprintf("D%d", i+3), u.Row)
	}
	if len(b.r.Unmatched) == 0 {
		b.put(SheetUnmatched, 3, b.text, "Không có dòng nào chưa khớp.", "", "", "", "")
	}
	return nil
}

func (b *builder) problems() error {
	// The row as a number and the column apart, so that the clerk can sort
	// a file's problems in sheet order.
	headers := []string{"Mức độ", "Tệp", "Trang tính", "Dòng", "Cột", "Nội dung"}
	if err := b.sheet(SheetProblems, "KẾT QUẢ KIỂM TRA CÁC TỆP ĐƠN VỊ GỬI", headers, []float64{11, 30, 16, 7, 6, 87}); err != nil {
		return err
	}
	// The command line's workbook words fixes as its flags; the page's
	// says what is wrong, its controls say the rest.
	var wording intake.Wording
	if !b.opt.FromPage {
		wording = intake.CommandLine
	}
	for i, p := range b.r.Problems {
		style, level := b.text, p.Severity.String()
		if _, ok := b.r.Replaced[p.File]; ok {
			// Not an error: the unit sent a newer file, which is used.
			level = ReplacedLevel
		} else if p.Severity == intake.SeverityError {
			style = b.bold
		}
		b.put(SheetProblems, i+3, style, level, intake.Relative(p.File, b.opt.Roots), p.Sheet, "", p.Pos.ColName(), p.Text(wording))
		if p.Pos.Row > 0 {
			b.f.SetCellInt(SheetProblems, fmt.Sprintf("D%d", i+3), int64(p.Pos.Row)) // keeps the row's style
		}
	}
	if len(b.r.Problems) == 0 {
		b.put(SheetProblems, 3, b.text, "", "", "", "", "", "Không phát hiện lỗi hay cảnh báo nào.")
	}
	return nil
}

// chart counts tasks by status in each section and draws a column chart.
func (b *builder) chart() error {
	statuses := []string{"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh trong kỳ", "Chưa rõ tình trạng", "Chưa có báo cáo"}
	headers := append([]string{"Phần"}, statuses...)
	if err := b.sheet(SheetChart, "TÌNH TRẠNG NHIỆM VỤ THEO PHẦN "+strings.ToUpper(b.r.Period.Name()), headers, []float64{10, 14, 14, 14, 14, 14, 14}); err != nil {
		return err
	}
	for i, s := range b.r.Sections {
		row := i + 3
		counts := make([]int, len(statuses))
		for _, t := range s.Tasks {
			switch t.Status {
			case forms.StatusDone:
				counts[0]++
			case forms.StatusInProgress:
				counts[1]++
			case forms.StatusNotStarted:
				counts[2]++
			case forms.StatusNotApplicable:
				counts[3]++
			default:
				if t.Reported() { // units wrote words that say no one status
					counts[4]++
				} else {
					counts[5]++
				}
			}
		}
		b.put(SheetChart, row, b.text, "Phần "+s.Code)
		for j, n := range counts {
			col, _ := excelize.ColumnNumberToName(j + 2)
			b.setInt(SheetChart, fmt.Sprintf("%s%d", col, row), n)
		}
	}
	last := len(b.r.Sections) + 2
	var series []excelize.ChartSeries
	for j := range statuses {
		col, _ := excelize.ColumnNumberToName(j + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$2", SheetChart, col),
			Categories: fmt.Sprintf("'%s'!$A$3:$A$%d", SheetChart, last),
			Values:     fmt.Sprintf("'%s'!$%s$3:$%s$%d", SheetChart, col, col, last),
		})
	}
	return b.f.AddChart(SheetChart, fmt.Sprintf("A%d", last+2), &excelize.Chart{
		Type:   excelize.Col,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Số nhiệm vụ theo tình trạng, " + b.r.Period.Name(), Font: &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}}}},
		// Every text in Times New Roman: an unset font prints in whatever
		// sans-serif the machine has (DejaVu Sans here).
		Legend: excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: "Times New Roman", Size: 10}},
		XAxis:  excelize.ChartAxis{Font: excelize.Font{Family: "Times New Roman", Size: 10, Color: "000000"}},
		// tasks are counted whole: no "0.5" between the lines
		YAxis: excelize.ChartAxis{Font: excelize.Font{Family: "Times New Roman", Size: 10, Color: "000000"}, MajorUnit: 1, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		Dimension: excelize.ChartDimension{
			Width: 720, Height: 360,
		},
	})
}
