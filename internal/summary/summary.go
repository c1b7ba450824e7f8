// Package summary writes the Excel summary that is attached to the commune's
// submission: every task with its results by unit, the units and what they
// sent, the indicators and targets, the rows that matched no task, every
// problem found, and a chart of task status by section. Print-ready: A4
// landscape, fit to width with columns narrow enough that 11 pt Times New
// Roman prints at 9 pt or more, rows as tall as their wrapped text, header
// rows repeated. The same report gives the same bytes.
package summary

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/vntext"
)

// Sheet names.
const (
	SheetTasks     = "Tổng hợp"
	SheetUnits     = "Đơn vị"
	SheetFigures   = "Chỉ tiêu"
	SheetUnmatched = "Chưa khớp"
	SheetProposals = "Kiến nghị"
	SheetProblems  = "Kiểm tra"
	SheetChart     = "Biểu đồ"
)

// Fonts: Times New Roman like the report, 11 pt, which prints at no less
// than 9 pt on a sheet fitted to the page width at 82% or more.
const (
	fontName  = "Times New Roman"
	fontSize  = 11.0
	titleSize = 13.0
)

// maxWidth is the most a sheet's columns may add up to. A column's width
// is in characters of the default font, about 5.5 pt each: the 770 pt
// between the margins of an A4 landscape page hold 140 at 100%, and a
// sheet 160 wide is fitted to the width at 770 / (160 × 5.5) ≈ 87%, its
// 11 pt text printed at about 9.6 pt (9 pt is 82%, 170 wide).
const maxWidth = 160

// maxCell is Excel's limit on the characters of one cell; excelize cuts
// longer strings silently, so we cut them ourselves and say so.
const maxCell = 32767

// Write builds the summary of r and writes it to path, whole or not at all.
// Warnings say what had to be changed (a text longer than a cell holds).
func Write(r *consolidate.Report, path string) ([]string, error) {
	data, warnings, err := Bytes(r)
	if err != nil {
		return nil, err
	}
	return warnings, outfile.WriteAll(outfile.File{Path: path, Data: data})
}

// Bytes builds the summary of r as the bytes of an .xlsx file.
func Bytes(r *consolidate.Report) ([]byte, []string, error) {
	f, warnings, err := Build(r)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, nil, fmt.Errorf("không tạo được bảng tổng hợp: %w", err)
	}
	return buf.Bytes(), warnings, nil
}

// Build makes the workbook in memory.
func Build(r *consolidate.Report) (*excelize.File, []string, error) {
	b := &builder{f: excelize.NewFile(), r: r, widths: map[string][]float64{}}
	if err := b.styles(); err != nil {
		return nil, nil, err
	}
	steps := []func() error{b.tasks, b.units, b.figures, b.proposals, b.unmatched, b.problems, b.chart}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	if err := b.f.SetCustomProps(excelize.CustomProperty{Name: forms.SummaryMarker, Value: r.Period.String()}); err != nil {
		return nil, nil, err
	}
	// Who and what, instead of excelize's "xuri" (which a PDF shows as
	// its author); the dates stay excelize's constant ones, so that the
	// same report gives the same bytes.
	p := r.Catalog.Plan
	if err := b.f.SetDocProps(&excelize.DocProperties{Creator: p.Issuer + " " + p.Commune, Title: b.heading()}); err != nil {
		return nil, nil, err
	}
	b.f.DeleteSheet("Sheet1")
	idx, _ := b.f.GetSheetIndex(SheetTasks)
	b.f.SetActiveSheet(idx)
	// excelize adds the image types of a drawing to the content types in
	// map order: sorted, the same report gives the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.Slice(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	return b.f, b.warnings, nil
}

type builder struct {
	f        *excelize.File
	r        *consolidate.Report
	warnings []string
	widths   map[string][]float64 // column widths by sheet, for row heights

	title, header, text, plain, bold, section, headingStyle int
	number                                                  [3]int // by decimals
}

func (b *builder) styles() error {
	// The default font is the unit of column widths: Times New Roman, like
	// every text, so that widths mean the same wherever the file is opened
	// (an absent Calibri is replaced by a wider font and the sheet shrinks).
	if err := b.f.SetDefaultFont(fontName); err != nil {
		return err
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic}
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = b.f.NewStyle(s)
		return id
	}
	b.title = mk(&excelize.Style{Font: font(titleSize, true, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.header = mk(&excelize.Style{Font: font(fontSize, true, false), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.text = mk(&excelize.Style{Font: font(fontSize, false, false), Border: border, Alignment: wrapTop})
	b.plain = mk(&excelize.Style{Font: font(fontSize, false, false), Alignment: wrapTop}) // a note under a table
	b.bold = mk(&excelize.Style{Font: font(fontSize, true, false), Border: border, Alignment: wrapTop})
	b.section = mk(&excelize.Style{Font: font(fontSize, true, false), Border: border, Alignment: wrapTop,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
	b.headingStyle = mk(&excelize.Style{Font: font(fontSize, true, true), Border: border, Alignment: wrapTop})
	for n, code := range numberFormats {
		b.number[n] = mk(&excelize.Style{Font: font(fontSize, false, false), Border: border, CustomNumFmt: &code,
			Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}})
	}
	return err
}

// numberFormats show a number with 0, 1 or 2 decimals, Vietnamese style
// ("38", "1.234,5"): the [$-42A] (Vietnamese) tag makes LibreOffice, and so
// our PDF, print a dot for thousands and a comma for decimals whatever the
// machine's language; Excel shows the separators of the viewer's settings.
// There is no "#,##0.##": Excel prints an integer with it as "38.".
var numberFormats = [3]string{"[$-42A]#,##0", "[$-42A]#,##0.0", "[$-42A]#,##0.00"}

// setNumber writes v in cell with the format that shows it as
// vntext.FormatAuto does: at most 2 decimals, no trailing zeros.
func (b *builder) setNumber(sheet, cell string, v float64) {
	b.f.SetCellFloat(sheet, cell, v, -1, 64)
	b.f.SetCellStyle(sheet, cell, cell, b.number[decimals(v)])
}

// setInt writes n in cell as a number without decimals.
func (b *builder) setInt(sheet, cell string, n int) {
	b.f.SetCellInt(sheet, cell, int64(n))
	b.f.SetCellStyle(sheet, cell, cell, b.number[0])
}

// decimals is how many decimals (0 to 2) v needs once rounded to 2.
func decimals(v float64) int {
	s := vntext.FormatAuto(v)
	if _, frac, ok := strings.Cut(s, ","); ok {
		return len(frac)
	}
	return 0
}

// sheet starts a sheet with a title row, a header row and print settings.
func (b *builder) sheet(name, title string, headers []string, widths []float64) error {
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	f.SetCellStr(name, "A1", title)
	f.MergeCell(name, "A1", last+"1")
	f.SetCellStyle(name, "A1", last+"1", b.title)
	f.SetRowHeight(name, 1, 36)
	for i, h := range headers {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetCellStr(name, col+"2", h)
		f.SetColWidth(name, col, col, widths[i])
	}
	f.SetCellStyle(name, "A2", last+"2", b.header)
	b.widths[name] = widths
	// Bold letters are wider: the header's lines are counted in narrower
	// columns.
	narrower := make([]float64, len(widths))
	for i, w := range widths {
		narrower[i] = w * 0.8
	}
	f.SetRowHeight(name, 2, rowHeight(headers, narrower))
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	size, orient, fitW, fitH := 9, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin := 0.5
	f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin})
	noScale := false
	f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{ScaleWithDoc: &noScale, OddFooter: "&C&\"Times New Roman\"&11Trang &P/&N"})
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: fmt.Sprintf("'%s'!$1:$2", name)})
}

// put writes one row of strings from column A, as text (never a formula:
// a unit's "=HYPERLINK(...)" stays what it typed).
func (b *builder) put(sheet string, row int, style int, values ...string) {
	for i, v := range values {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := fmt.Sprintf("%s%d", col, row)
		b.f.SetCellStr(sheet, cell, b.fit(sheet, cell, v))
	}
	last, _ := excelize.ColumnNumberToName(len(values))
	b.f.SetCellStyle(sheet, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), style)
	// Excel and LibreOffice do not grow a row for wrapped text in a file
	// they open, so the height is set from an estimate of the lines.
	b.f.SetRowHeight(sheet, row, rowHeight(values, b.widths[sheet]))
}

// Row heights: neither Excel nor LibreOffice grows a row for wrapped text
// in a file it opens, so the height is set from an estimate of the lines,
// by wrapping the words as they would be in a column that holds
// charsPerUnit characters of 11 pt text per unit of width.
const (
	charsPerUnit = 1.0
	lineHeight   = 12.0 // points
	rowPadding   = 4.0  // points
	maxRowHeight = 409  // points, the most Excel allows
)

// spanned writes a row of a code in column A and a text merged over every
// other column, as tall as the text needs at that width.
func (b *builder) spanned(sheet string, row, style int, code, text string) {
	widths := b.widths[sheet]
	values := make([]string, len(widths))
	values[0], values[1] = code, text
	b.put(sheet, row, style, values...)
	last, _ := excelize.ColumnNumberToName(len(widths))
	b.f.MergeCell(sheet, fmt.Sprintf("B%d", row), fmt.Sprintf("%s%d", last, row))
	var rest float64
	for _, w := range widths[1:] {
		rest += w
	}
	b.f.SetRowHeight(sheet, row, rowHeight([]string{code, text}, []float64{widths[0], rest}))
}

// rowHeight estimates the height in points that shows every line of the
// values in columns of the given widths (in characters).
func rowHeight(values []string, widths []float64) float64 {
	n := 1
	for i, v := range values {
		if i < len(widths) && v != "" {
			n = max(n, lines(v, widths[i]))
		}
	}
	return min(maxRowHeight, rowPadding+float64(n)*lineHeight)
}

// lines is how many lines text takes wrapped in a column of width
// characters: words go on the line while they fit, a word longer than a
// line is broken.
func lines(text string, width float64) int {
	perLine := max(int(width*charsPerUnit), 1)
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			if used > 0 && used+1+w <= perLine {
				used += 1 + w
				continue
			}
			if used > 0 {
				n++
			}
			n += (w - 1) / perLine
			used = w - (w-1)/perLine*perLine
		}
	}
	return n
}

func (b *builder) fit(sheet, cell, v string) string {
	if utf8.RuneCountInString(v) <= maxCell {
		return v
	}
	const more = " … (văn bản quá dài so với một ô Excel; xem toàn văn trong tệp của đơn vị)"
	b.warnings = append(b.warnings, fmt.Sprintf("Bảng tổng hợp, trang «%s», ô %s: văn bản dài %d ký tự, quá giới hạn %d ký tự của một ô Excel, đã được cắt bớt và ghi chú; toàn văn vẫn có trong báo cáo Word và tệp của đơn vị.",
		sheet, cell, utf8.RuneCountInString(v), maxCell))
	r := []rune(v)
	return string(r[:maxCell-utf8.RuneCountInString(more)]) + more
}

func (b *builder) heading() string {
	p := b.r.Catalog.Plan
	return fmt.Sprintf("%s %s - TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH %s", p.Issuer, p.Commune, strings.ToUpper(b.r.Period.Name()))
}

func (b *builder) tasks() error {
	headers := []string{"Mã", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Tình trạng", "Kết quả thực hiện (theo đơn vị)", "Văn bản, sản phẩm đã ban hành", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị", "Ghi chú"}
	if err := b.sheet(SheetTasks, b.heading(), headers, []float64{7, 36, 13, 11, 40, 14, 14, 14, 11}); err != nil {
		return err
	}
	row := 3
	for _, s := range b.r.Sections {
		b.spanned(SheetTasks, row, b.section, s.Code, s.Title)
		row++
		for _, t := range s.Tasks {
			// the group headings above the task, at any depth
			for _, h := range t.Headings {
				b.spanned(SheetTasks, row, b.headingStyle, h.Code, h.Content)
				row++
			}
			var results, idle []string
			for _, c := range append(append(append([]consolidate.Contribution{}, t.Lead...), t.Support...), t.Others...) {
				if c.Status == forms.StatusNotApplicable && c.Results == "" {
					// One line for all of them: most coordinating units
					// have nothing in a quarter, and a line each buried
					// the results.
					idle = append(idle, c.UnitName)
					continue
				}
				line := c.UnitName + " (" + strings.ToLower(roleName(c)) + ")"
				if c.Status != forms.StatusUnknown {
					line += ", " + strings.ToLower(c.Status.String())
				}
				if c.Results != "" {
					line += ": " + c.Results
				}
				results = append(results, line)
			}
			if len(idle) > 0 {
				results = append(results, forms.StatusNotApplicable.String()+": "+strings.Join(idle, ", "))
			}
			var notes []string
			if t.Disagreement {
				notes = append(notes, "Các đơn vị chủ trì báo cáo tình trạng khác nhau")
			}
			if len(t.SilentLeads) > 0 {
				notes = append(notes, "Chưa có báo cáo của: "+strings.Join(b.r.Catalog.UnitNames(t.SilentLeads), ", "))
			}
			if t.Task.TimingMissing {
				notes = append(notes, "Phụ lục không ghi thời gian thực hiện")
			}
			b.put(SheetTasks, row, b.text, t.Task.Code, t.Task.Content,
				strings.Join(b.r.Catalog.UnitNames(t.Task.LeadUnits), ", "), t.StatusText(),
				strings.Join(results, "\n"), joinAttributed(t.Documents), joinAttributed(t.Difficulties),
				joinAttributed(t.Proposals), strings.Join(notes, "\n"))
			row++
		}
	}
	return nil
}

func roleName(c consolidate.Contribution) string {
	if s := c.Role.String(); s != "" {
		return s
	}
	return "ngoài phân công"
}

func joinAttributed(list []consolidate.Attributed) string {
	var lines []string
	for _, a := range list {
		lines = append(lines, a.UnitName+": "+a.Text)
	}
	return strings.Join(lines, "\n")
}

func (b *builder) units() error {
	headers := []string{"Mã", "Đơn vị", "Tệp đã nhận", "Thời gian nhận", "Nhiệm vụ đã báo cáo", "Nhiệm vụ phải báo cáo", "Lỗi", "Cảnh báo", "Tình trạng"}
	if err := b.sheet(SheetUnits, "TÌNH HÌNH GỬI BIỂU BÁO CÁO "+strings.ToUpper(b.r.Period.Name()), headers, []float64{9, 36, 28, 17, 11, 11, 7, 9, 32}); err != nil {
		return err
	}
	for i, u := range b.r.Units {
		row := i + 3
		state, received := consolidate.StateSentence(u), ""
		if !u.Received.IsZero() {
			received = u.Received.Format("02/01/2006 15:04")
		}
		b.put(SheetUnits, row, b.text, u.Unit.Code, u.Unit.Name, u.File, received, "", "", "", "", state)
		for i, n := range []int{u.Tasks, u.Expected, u.Errors, u.Warnings} {
			col, _ := excelize.ColumnNumberToName(5 + i) // E to H
			b.setInt(SheetUnits, fmt.Sprintf("%s%d", col, row), n)
		}
	}
	if note := b.r.PartsNote; note != "" {
		// across the sheet and wrapped: one long cell would shrink the
		// whole printed page
		row := len(b.r.Units) + 4
		last, _ := excelize.ColumnNumberToName(len(b.widths[SheetUnits]))
		b.f.MergeCell(SheetUnits, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row))
		b.f.SetCellStr(SheetUnits, fmt.Sprintf("A%d", row), note)
		b.f.SetCellStyle(SheetUnits, fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row), b.plain)
		total := 0.0
		for _, w := range b.widths[SheetUnits] {
			total += w
		}
		b.f.SetRowHeight(SheetUnits, row, rowHeight([]string{note}, []float64{total}))
	}
	return nil
}

func (b *builder) figures() error {
	headers := []string{"Mã", "Chỉ tiêu", "Đơn vị tính", "Cuối kỳ trước", "Cuối kỳ này", "Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)", "Ghi chú của đơn vị"}
	if err := b.sheet(SheetFigures, "CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI "+strings.ToUpper(b.r.Period.Name()), headers, []float64{16, 34, 12, 16, 16, 14, 14, 38}); err != nil {
		return err
	}
	row := 3
	for _, l := range b.r.Indicators {
		// the notes in the number columns wrap like any text, and the row
		// is as tall as they are
		b.put(SheetFigures, row, b.text, l.Indicator.Code, l.Indicator.Name, l.Indicator.Measure, l.PreviousNote, l.CurrentNote, "", changeNote(l), l.Note)
		b.f.SetCellStyle(SheetFigures, fmt.Sprintf("D%d", row), fmt.Sprintf("G%d", row), b.number[0])
		for _, c := range []struct {
			col  string
			v    *float64
			note string
		}{{"D", l.Previous, l.PreviousNote}, {"E", l.Current, l.CurrentNote}, {"F", l.Change, ""}, {"G", l.ChangePercent, changeNote(l)}} {
			cell := fmt.Sprintf("%s%d", c.col, row)
			switch {
			case c.v != nil:
				b.setNumber(SheetFigures, cell, *c.v)
			case c.note != "":
				b.f.SetCellStr(SheetFigures, cell, c.note)
				b.f.SetCellStyle(SheetFigures, cell, cell, b.text)
			default:
				b.f.SetCellStr(SheetFigures, cell, "chưa đủ số liệu")
				b.f.SetCellStyle(SheetFigures, cell, cell, b.text)
			}
		}
		row++
	}
	row++
	b.put(SheetFigures, row, b.header, "Nhiệm vụ", "Mục tiêu", "", "Thực tế (%)", "Đánh giá", "", "")
	b.f.MergeCell(SheetFigures, fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row))
	b.f.MergeCell(SheetFigures, fmt.Sprintf("E%d", row), fmt.Sprintf("G%d", row))
	row++
	for _, tc := range b.r.Targets {
		b.put(SheetFigures, row, b.text, tc.Task, tc.Target, "", "", tc.Verdict, "", "")
		if tc.Actual != nil {
			cell := fmt.Sprintf("D%d", row)
			b.f.SetCellFloat(SheetFigures, cell, *tc.Actual, 2, 64)
			b.f.SetCellStyle(SheetFigures, cell, cell, b.number[decimals(*tc.Actual)])
		}
		b.f.MergeCell(SheetFigures, fmt.Sprintf("B%d", row), fmt.Sprintf("C%d", row))
		b.f.MergeCell(SheetFigures, fmt.Sprintf("E%d", row), fmt.Sprintf("G%d", row))
		w := b.widths[SheetFigures]
		b.f.SetRowHeight(SheetFigures, row, rowHeight([]string{tc.Task, tc.Target, "", "", tc.Verdict},
			[]float64{w[0], w[1] + w[2], 0, w[3], w[4] + w[5] + w[6]}))
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
		b.put(SheetUnmatched, i+3, b.text, name, intake.ShownName(u.File), u.Sheet, "", u.Text)
		b.setInt(SheetUnmatched, fmt.Sprintf("D%d", i+3), u.Row)
	}
	if len(b.r.Unmatched) == 0 {
		b.put(SheetUnmatched, 3, b.text, "Không có dòng nào chưa khớp.", "", "", "", "")
	}
	return nil
}

func (b *builder) problems() error {
	headers := []string{"Mức độ", "Tệp", "Trang tính", "Ô / dòng", "Nội dung"}
	if err := b.sheet(SheetProblems, "KẾT QUẢ KIỂM TRA CÁC TỆP ĐƠN VỊ GỬI", headers, []float64{11, 30, 16, 10, 90}); err != nil {
		return err
	}
	for i, p := range b.r.Problems {
		style := b.text
		if p.Severity == intake.SeverityError {
			style = b.bold
		}
		b.put(SheetProblems, i+3, style, p.Severity.String(), intake.ShownName(p.File), p.Sheet, p.Cell, p.Message)
	}
	if len(b.r.Problems) == 0 {
		b.put(SheetProblems, 3, b.text, "", "", "", "", "Không phát hiện lỗi hay cảnh báo nào.")
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

// changeNote says why a change in percent is not given although both
// figures are: there is no percent of a change from zero.
func changeNote(l consolidate.IndicatorLine) string {
	if l.Previous != nil && l.Current != nil && *l.Previous == 0 {
		return "không tính được (kỳ trước bằng 0)"
	}
	return ""
}
