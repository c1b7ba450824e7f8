package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Options are what the workbooks need beyond the report.
type Options struct {
	// Date is the report's date: the attachment is headed «Kèm theo Báo
	// cáo số …/BC-UBND ngày … tháng M năm Y», the day left for the clerk.
	// Zero: the period's last month.
	Date time.Time
	// FromPage tells that the files came through the office's page, whose
	// workspace keeps the time each was received; from a folder given to
	// report --in only the time saved inside each file is known.
	FromPage bool
	// Roots are the folders the files were read from (report --in): the
	// office's workbook names each file relative to them, never by a path
	// of this machine; a file outside them by its name.
	Roots []string
}

const attachmentLabel = "Bảng tổng hợp"

// Write builds the attachment of r and writes it to path, whole or not at
// all. Warnings say what had to be changed (a text longer than a cell
// holds).
func Write(r *consolidate.Report, opt Options, path string) ([]string, error) {
	data, warnings, err := Bytes(r, opt)
	if err != nil {
		return nil, err
	}
	return warnings, outfile.WriteAll(outfile.File{Path: path, Data: data})
}

// Bytes builds the attachment of r (tong-hop-P.xlsx) as the bytes of an
// .xlsx file.
func Bytes(r *consolidate.Report, opt Options) ([]byte, []string, error) {
	f, warnings, err := Build(r, opt)
	if err != nil {
		return nil, nil, err
	}
	data, err := bytesOf(f, attachmentLabel)
	return data, warnings, err
}

// Build makes the attachment in memory: the tasks table, the figures and
// the hidden machine-readable sheet.
func Build(r *consolidate.Report, opt Options) (*excelize.File, []string, error) {
	b, err := newBuilder(r, attachmentLabel)
	if err != nil {
		return nil, nil, err
	}
	if opt.Date.IsZero() {
		opt.Date = r.Period.To()
	}
	b.opt = opt
	for _, step := range []func() error{b.appendix, b.figures, b.data} {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	if err := b.finish(b.heading(), SheetTasks); err != nil {
		return nil, nil, err
	}
	return b.f, b.warnings, nil
}

func (b *builder) heading() string {
	p := b.r.Catalog.Plan
	return fmt.Sprintf("%s %s - TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH %s", p.Issuer, p.Commune, strings.ToUpper(b.r.Period.Name()))
}

// attached is the line under an attachment's title: the report it goes
// with, its number and day left blank for the clerk (Decree 30/2020).
func (b *builder) attached() string {
	p := b.r.Catalog.Plan
	d := b.opt.Date
	return fmt.Sprintf("(Kèm theo Báo cáo số      /%s ngày      tháng %d năm %d của Ủy ban nhân dân %s)", p.ReportSuffix, int(d.Month()), d.Year(), p.CommuneName)
}

// appendix is the tasks table as the report's appendix has it: code, short
// title, lead units, what units did (only those that wrote something),
// products, status, notes.
func (b *builder) appendix() error {
	r := b.r
	headers := []string{"STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kết quả thực hiện", "Sản phẩm", "Tình trạng", "Ghi chú"}
	titles := []string{"PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ " + strings.ToUpper(r.Period.Name()), b.attached()}
	row, err := b.titledSheet(SheetTasks, titles, headers, []float64{9, 30, 18, 50, 24, 13, 16})
	if err != nil {
		return err
	}
	for _, s := range r.Sections {
		b.spanned(SheetTasks, row, b.section, s.Code, s.Title)
		row++
		for _, t := range s.Tasks {
			for _, h := range t.Headings {
				b.spanned(SheetTasks, row, b.headingStyle, h.Code, h.Title())
				row++
			}
			b.put(SheetTasks, row, b.text, t.Task.Code, strings.TrimRight(t.Task.Title(), ".:;"),
				strings.Join(r.Catalog.UnitNames(t.Task.LeadUnits), ", "), b.said(t), b.products(t), t.StatusText(), b.notes(t))
			row++
		}
	}
	return nil
}

// said is what the units that wrote something on t did, a line each by
// the unit's short name: a unit with nothing written has no line.
func (b *builder) said(t consolidate.TaskResult) string {
	var lines []string
	for _, c := range append(append(append([]consolidate.Contribution{}, t.Lead...), t.Support...), t.Others...) {
		if text := strings.TrimSpace(c.Results); text != "" {
			lines = append(lines, b.short(c.Unit)+": "+consolidate.DropRepeats(text))
		}
	}
	return strings.Join(lines, "\n")
}

func (b *builder) products(t consolidate.TaskResult) string {
	var lines []string
	for _, a := range t.Documents {
		lines = append(lines, strings.TrimSpace(a.Text)+" ("+b.short(a.Unit)+")")
	}
	return strings.Join(lines, "\n")
}

func (b *builder) notes(t consolidate.TaskResult) string {
	var notes []string
	if t.Disagreement {
		notes = append(notes, "Các đơn vị chủ trì báo cáo tình trạng khác nhau")
	}
	if len(t.SilentLeads) > 0 && t.Reported() {
		var names []string
		for _, code := range t.SilentLeads {
			names = append(names, b.short(code))
		}
		notes = append(notes, "Chưa có báo cáo của "+strings.Join(names, ", "))
	}
	if t.Task.TimingMissing {
		notes = append(notes, "Kế hoạch không ghi thời gian thực hiện")
	}
	return strings.Join(notes, "\n")
}

// short is a unit's short name, for narrow columns.
func (b *builder) short(code string) string {
	if u := b.r.Catalog.Unit(code); u != nil {
		if u.Short != "" {
			return u.Short
		}
		return u.Name
	}
	return code
}

// whenText says when an indicator's figures are from, as the sheet
// «Chỉ tiêu» prints it: a balance at the end of each period, a turnover
// over each period.
func whenText(p period.Period, kind string) string {
	if kind == consolidate.Flow {
		q := p.Previous()
		return fmt.Sprintf("Phát sinh từ %s đến %s; kỳ trước từ %s đến %s", shortDate(p.From()), shortDate(p.To()), shortDate(q.From()), shortDate(q.To()))
	}
	return fmt.Sprintf("Số dư đến %s; kỳ trước đến %s", shortDate(p.To()), shortDate(p.From().AddDate(0, 0, -1)))
}

// figures are the credit indicators, by name, one figure a cell, each with
// the dates and source of its figures, then the plan's targets.
func (b *builder) figures() error {
	r := b.r
	headers := []string{"Chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Kỳ này", "Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)", "Thời điểm số liệu", "Nguồn số liệu", "Ghi chú"}
	titles := []string{"CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI " + strings.ToUpper(r.Period.Name()), b.attached()}
	row, err := b.titledSheet(SheetFigures, titles, headers, []float64{30, 11, 14, 14, 13, 11, 25, 22, 20})
	if err != nil {
		return err
	}
	for _, l := range r.Indicators {
		when := whenText(r.Period, l.Indicator.Kind)
		source := l.UnitName
		if source == "" {
			source = strings.Join(r.Catalog.UnitNames([]string{l.Indicator.Unit}), "")
		}
		b.put(SheetFigures, row, b.text, l.Indicator.Name, l.Indicator.Measure, "", "", "", "", when, source, l.Note)
		for _, c := range []struct {
			col  string
			v    *float64
			note string
		}{{"C", l.Previous, l.PreviousNote}, {"D", l.Current, l.CurrentNote}, {"E", l.Change, ""}, {"F", l.ChangePercent, changeNote(l)}} {
			cell := fmt.Sprintf("%s%d", c.col, row)
			switch {
			case c.v != nil:
				b.setNumber(SheetFigures, cell, *c.v)
			case c.note != "":
				b.f.SetCellStr(SheetFigures, cell, c.note)
			default:
				b.f.SetCellStr(SheetFigures, cell, "chưa đủ số liệu")
			}
		}
		row++
	}
	if len(r.Targets) == 0 {
		return nil
	}
	row++
	b.put(SheetFigures, row, b.header, "Mục tiêu của Kế hoạch", "Nhiệm vụ", "Thực tế (%)", "Đánh giá", "", "", "", "", "")
	b.f.MergeCell(SheetFigures, fmt.Sprintf("D%d", row), fmt.Sprintf("I%d", row))
	row++
	w := b.widths[SheetFigures]
	for _, tc := range r.Targets {
		// one figure a cell: the verdict is said in words, or not at all
		// when it is only the figure again ("0,20%")
		verdict := tc.Verdict
		if !hasLetter(verdict) {
			verdict = ""
		}
		b.put(SheetFigures, row, b.text, tc.Target, tc.Task, "", verdict, "", "", "", "", "")
		if tc.Actual != nil {
			b.setNumber(SheetFigures, fmt.Sprintf("C%d", row), *tc.Actual)
		}
		b.f.MergeCell(SheetFigures, fmt.Sprintf("D%d", row), fmt.Sprintf("I%d", row))
		b.f.SetRowHeight(SheetFigures, row, rowHeight([]string{tc.Target, tc.Task, "", verdict},
			[]float64{w[0], w[1], w[2], w[3] + w[4] + w[5] + w[6] + w[7] + w[8]}))
		row++
	}
	return nil
}

// hasLetter tells words from a bare figure.
func hasLetter(s string) bool {
	for _, r := range vntext.Fold(s) {
		if r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// changeNote says why a change in percent is not given although both
// figures are: there is no percent of a change from zero.
func changeNote(l consolidate.IndicatorLine) string {
	if l.Previous != nil && l.Current != nil && *l.Previous == 0 {
		return "không tính được (kỳ trước bằng 0)"
	}
	return ""
}
