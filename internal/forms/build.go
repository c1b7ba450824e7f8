package forms

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// Layout of the report sheet.
const (
	headerRow        = 8 // the table's header row; tasks start below it
	fontName         = "Times New Roman"
	fontSize         = 11
	lineHeight       = 15.0 // points per wrapped line at fontSize
	minTaskRowHeight = 48.0 // room to write three lines
	// boldWidth scales a width for rowHeight when the text is bold: bold
	// titles in merged cells fit about 0.7 characters per unit of width in
	// LibreOffice's PDF, against 1.2 for plain text.
	boldWidth = 0.55
)

// Path is where the form of unit for p goes under outDir:
// outDir/P/mau-bieu/<CODE>-<P>.xlsx.
func Path(outDir string, p period.Period, unit string) string {
	return filepath.Join(outDir, p.String(), "mau-bieu", unit+"-"+p.String()+".xlsx")
}

// Deadline is the day by which units send their form back: the period's
// last data day plus the plan's deadline_days.
func Deadline(c *catalog.Catalog, p period.Period) time.Time {
	return p.To().AddDate(0, 0, c.Plan.DeadlineDays)
}

// UnknownUnitError is a unit code that the catalog does not know.
type UnknownUnitError struct {
	Code     string
	Accepted []string
}

func (e *UnknownUnitError) Error() string {
	return fmt.Sprintf("không có đơn vị mã «%s». Các mã hợp lệ: %s", e.Code, strings.Join(e.Accepted, ", "))
}

// Build makes the form of unit for period p.
func Build(c *catalog.Catalog, unit string, p period.Period) (*excelize.File, error) {
	u := c.Unit(unit)
	if u == nil {
		return nil, &UnknownUnitError{Code: unit, Accepted: c.UnitCodes()}
	}
	b := &builder{c: c, u: u, p: p, f: excelize.NewFile()}
	if err := b.build(); err != nil {
		b.f.Close()
		return nil, fmt.Errorf("tạo biểu mẫu của đơn vị %s: %w", unit, err)
	}
	return b.f, nil
}

type builder struct {
	c   *catalog.Catalog
	u   *catalog.Unit
	p   period.Period
	f   *excelize.File
	err error // first error of a chain of calls
	st  styles

	headings  map[string]bool // group headings already on the form
	numStyles map[int]int     // number styles by decimals, beyond st.count and st.money
}

// check keeps the first error so that the layout code reads as a list of
// cells rather than a list of error checks.
func (b *builder) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *builder) build() error {
	f := b.f
	b.check(f.SetDefaultFont(fontName))
	b.check(f.SetSheetName("Sheet1", ReportSheet))
	b.st = b.newStyles()
	b.reportSheet()
	if inds := b.c.IndicatorsOf(b.u.Code); len(inds) > 0 {
		b.indicatorsSheet(inds)
	}
	b.instructionsSheet()
	b.listsSheet()
	b.metadata()
	f.SetActiveSheet(0)
	b.check(f.SetDocProps(&excelize.DocProperties{
		Title:    "Biểu báo cáo " + b.p.Name() + " - " + b.u.Name,
		Subject:  b.c.Plan.Reference(),
		Creator:  "baocao",
		Language: "vi-VN",
	}))
	return b.err
}

type styles struct {
	issuer, unitName, motto, motto2, title, subtitle, info          int
	header, section, heading, code, locked, lockedCenter, fill      int
	footBold, footItalic, footDate, footName, footLabel, footFill   int
	text, textBold, money, count, indHeader, indLocked, indFillText int
}

func (b *builder) style(s *excelize.Style) int {
	if s.Font == nil {
		s.Font = &excelize.Font{}
	}
	s.Font.Family = fontName
	if s.Font.Size == 0 {
		s.Font.Size = fontSize
	}
	id, err := b.f.NewStyle(s)
	b.check(err)
	return id
}

func (b *builder) border() []excelize.Border {
	return []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
}

// fillColour is the background of the cells a unit fills in.
func (b *builder) fillColour() excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8DC"}}
}

func (b *builder) newStyles() styles {
	border := b.border()
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	topLeft := &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}
	topCenter := &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}
	fill := b.fillColour()
	grey := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}
	unlocked := &excelize.Protection{Locked: false}
	return styles{
		issuer:   b.style(&excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: center}),
		unitName: b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Bold: true}, Alignment: center}),
		motto:    b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Bold: true}, Alignment: center}),
		motto2:   b.style(&excelize.Style{Font: &excelize.Font{Size: 13, Bold: true}, Alignment: center}),
		title:    b.style(&excelize.Style{Font: &excelize.Font{Size: 14, Bold: true}, Alignment: center}),
		subtitle: b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Italic: true}, Alignment: center}),
		info:     b.style(&excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: center}),

		header:       b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border, Fill: grey}),
		section:      b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: border}),
		heading:      b.style(&excelize.Style{Font: &excelize.Font{Bold: true, Italic: true}, Alignment: topLeft, Border: border}),
		code:         b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: topCenter, Border: border}),
		locked:       b.style(&excelize.Style{Alignment: topLeft, Border: border}),
		lockedCenter: b.style(&excelize.Style{Alignment: topCenter, Border: border}),
		fill:         b.style(&excelize.Style{Alignment: topLeft, Border: border, Fill: fill, Protection: unlocked}),

		footBold:   b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Bold: true}, Alignment: center}),
		footItalic: b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Italic: true}, Alignment: center}),
		footDate:   b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Italic: true}, Alignment: center, Protection: unlocked}),
		footName:   b.style(&excelize.Style{Font: &excelize.Font{Size: 12, Bold: true}, Alignment: center, Fill: fill, Protection: unlocked}),
		footLabel:  b.style(&excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}),
		footFill:   b.style(&excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}, Fill: fill, Protection: unlocked}),

		text:        b.style(&excelize.Style{Font: &excelize.Font{Size: 12}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		textBold:    b.style(&excelize.Style{Font: &excelize.Font{Size: 14, Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		money:       b.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: border, Fill: fill, Protection: unlocked, CustomNumFmt: ptr("#,##0.00")}),
		count:       b.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: border, Fill: fill, Protection: unlocked, CustomNumFmt: ptr("#,##0")}),
		indHeader:   b.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border, Fill: grey}),
		indLocked:   b.style(&excelize.Style{Alignment: topLeft, Border: border}),
		indFillText: b.style(&excelize.Style{Alignment: topLeft, Border: border, Fill: fill, Protection: unlocked}),
	}
}

func ptr[T any](v T) *T { return &v }

// col is the column letter of the i-th column (0-based).
func col(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

func cell(colIndex, row int) string { return fmt.Sprintf("%s%d", col(colIndex), row) }

// put writes a value with a style, merging from..to on row when to > from.
func (b *builder) put(sheet string, row, from, to int, value any, style int) {
	first, last := cell(from, row), cell(to, row)
	if to > from {
		b.check(b.f.MergeCell(sheet, first, last))
	}
	if value != nil {
		b.check(b.f.SetCellValue(sheet, first, value))
	}
	b.check(b.f.SetCellStyle(sheet, first, last, style))
}

func (b *builder) reportSheet() {
	const s = ReportSheet
	f, c, st := b.f, b.c, b.st
	last := len(Columns) - 1
	for i, column := range Columns {
		b.check(f.SetColWidth(s, col(i), col(i), column.Width))
	}

	// Title block: issuing body and unit on the left, the national motto on
	// the right, then the form's title, the plan, the period's dates.
	if b.u.GoverningBody != "" {
		b.put(s, 1, 0, 2, b.u.GoverningBody, st.issuer)
		b.put(s, 2, 0, 2, c.HeaderName(b.u), st.unitName)
	} else {
		// Headed by its own name alone: the name takes both lines.
		b.check(f.MergeCell(s, cell(0, 1), cell(2, 2)))
		b.check(f.SetCellValue(s, cell(0, 1), c.HeaderName(b.u)))
		b.check(f.SetCellStyle(s, cell(0, 1), cell(2, 2), st.unitName))
	}
	b.put(s, 1, 6, last, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.motto)
	b.put(s, 2, 6, last, "Độc lập - Tự do - Hạnh phúc", st.motto2)
	b.check(f.SetRowHeight(s, 2, 32))
	b.put(s, 4, 0, last, "BIỂU BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ "+strings.ToUpper(b.p.Name()), st.title)
	b.check(f.SetRowHeight(s, 4, 22))
	b.put(s, 5, 0, last, "(Thực hiện "+c.Plan.Reference()+")", st.subtitle)
	b.check(f.SetRowHeight(s, 5, 20))
	b.put(s, 6, 0, last, fmt.Sprintf("Số liệu tính từ ngày %s đến ngày %s. Hạn gửi về %s: chậm nhất ngày %s (tệp Excel .xlsx và bản giấy có chữ ký).",
		period.ShortDate(b.p.From()), period.ShortDate(b.p.To()), c.Plan.PlanIssuer, period.ShortDate(Deadline(c, b.p))), st.info)
	b.check(f.SetRowHeight(s, 6, 20))

	// The table's header: exactly the Header texts of Columns.
	for i, column := range Columns {
		b.put(s, headerRow, i, i, column.Header, st.header)
	}
	b.check(f.SetRowHeight(s, headerRow, 48))

	// One row per section title, group heading and task.
	row := headerRow + 1
	firstTask, lastTask := 0, 0
	var taskRows []int
	for _, sec := range c.Sections {
		printed := false
		for _, t := range sec.Items {
			if t.Heading {
				continue
			}
			role := t.RoleOf(b.u.Code)
			if role == catalog.RoleNone {
				continue
			}
			if !printed {
				b.put(s, row, 0, 0, sec.Code, st.code)
				b.put(s, row, 1, last, sec.Title, st.section)
				b.check(f.SetRowHeight(s, row, rowHeight(sec.Title, boldWidth*sumWidths(1, last), 1)))
				row++
				printed = true
			}
			// The group headings of a task (II.3, then II.3.b) go before
			// its first item on the form.
			for _, h := range c.Headings(t) {
				if b.headingDone(h.Code) {
					continue
				}
				b.put(s, row, 0, 0, h.Code, st.code)
				b.put(s, row, 1, last, h.Content, st.heading)
				b.check(f.SetRowHeight(s, row, rowHeight(h.Content, boldWidth*sumWidths(1, last), 1)))
				row++
			}
			b.taskRow(row, t, role)
			if firstTask == 0 {
				firstTask = row
			}
			lastTask = row
			taskRows = append(taskRows, row)
			row++
		}
	}
	b.fillValidations(firstTask, lastTask, taskRows)
	if firstTask == 0 {
		firstTask = headerRow + 1
	}
	b.footer(row + 1)

	// Print: A4 landscape, one page wide, the header row on every page.
	b.check(f.SetPageLayout(s, &excelize.PageLayoutOptions{
		Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}))
	b.check(f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	b.check(f.SetPageMargins(s, &excelize.PageLayoutMarginsOptions{
		Top: ptr(0.6), Bottom: ptr(0.6), Left: ptr(0.8), Right: ptr(0.4), Header: ptr(0.3), Footer: ptr(0.3), Horizontally: ptr(true),
	}))
	b.check(f.SetHeaderFooter(s, &excelize.HeaderFooterOptions{
		OddFooter: "&C&\"Times New Roman,Regular\"&10Trang &P/&N",
	}))
	b.check(f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s, headerRow, headerRow), Scope: s,
	}))
	b.check(f.SetPanes(s, &excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: cell(0, headerRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cell(5, firstTask), ActiveCell: cell(5, firstTask), Pane: "bottomLeft"}},
	}))
	b.protect(s)
}

func (b *builder) headingDone(code string) bool {
	if b.headings == nil {
		b.headings = map[string]bool{}
	}
	done := b.headings[code]
	b.headings[code] = true
	return done
}

func (b *builder) taskRow(row int, t *catalog.Task, role catalog.Role) {
	const s = ReportSheet
	st := b.st
	values := map[string]string{
		ColCode: t.Code, ColContent: t.Content, ColRole: role.String(), ColProduct: t.Product, ColTiming: t.Timing,
	}
	height := minTaskRowHeight
	for i, column := range Columns {
		style := st.locked
		switch {
		case column.Fill:
			style = st.fill
		case column.Key == ColCode:
			style = st.code
		case column.Key == ColRole || column.Key == ColTiming:
			style = st.lockedCenter
		}
		var v any
		if text, ok := values[column.Key]; ok {
			v = text
			height = math.Max(height, rowHeight(text, column.Width, 1))
		}
		b.put(s, row, i, i, v, style)
	}
	b.check(b.f.SetRowHeight(s, row, height))
}

// fillValidations puts the drop-down on the status column and the input
// messages on every fill-in column, over the task rows.
func (b *builder) fillValidations(first, last int, rows []int) {
	if first == 0 {
		return
	}
	for i, column := range Columns {
		if !column.Fill {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = ranges(col(i), rows)
		if column.Key == ColStatus {
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$A$1:$A$%d", ListsSheet, len(Statuses)))
			dv.SetError(excelize.DataValidationErrorStyleStop, "Tình trạng không hợp lệ",
				"Chỉ chọn một trong danh sách: "+statusList()+". Bấm vào mũi tên bên phải ô để chọn, hoặc để trống.")
		} else {
			dv.Type = "none"
		}
		title, _, _ := strings.Cut(column.Header, " (")
		dv.SetInput(short(title, 32), short(b.localise(column.Prompt), 255))
		b.check(b.f.AddDataValidation(ReportSheet, dv))
	}
}

// localise words a prompt for the plan's kind of local body: the
// prompts are written for a xã ("UBND xã").
func (b *builder) localise(s string) string {
	return strings.ReplaceAll(s, "UBND xã", "UBND "+b.c.Plan.LocalKind)
}

func statusList() string {
	words := make([]string, len(Statuses))
	for i, s := range Statuses {
		words[i] = s.String()
	}
	return strings.Join(words, ", ")
}

// ranges writes the cells of column on rows as an sqref, joining runs of
// consecutive rows: "F10:F12 F14".
func ranges(column string, rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, fmt.Sprintf("%s%d", column, rows[i]))
		} else {
			parts = append(parts, fmt.Sprintf("%s%d:%s%d", column, rows[i], column, rows[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, " ")
}

// short cuts s to at most n UTF-16 units (Excel's limits on validation
// titles and messages), ending with "…" when cut.
func short(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if units+w > n-1 && i+utf8.RuneLen(r) < len(s) {
			return s[:i] + "…"
		}
		units += w
	}
	return s
}

// footer writes the signature block from row r: date, who prepared the form
// and the head of unit, their names and the phone number.
func (b *builder) footer(r int) {
	const s = ReportSheet
	st := b.st
	last := len(Columns) - 1
	year := Deadline(b.c, b.p).Year()
	b.put(s, r, 6, last, fmt.Sprintf("%s, ngày ..... tháng ..... năm %d", b.c.Plan.Place, year), st.footDate)
	b.put(s, r+1, 0, 3, "NGƯỜI LẬP BIỂU", st.footBold)
	b.put(s, r+1, 6, last, "THỦ TRƯỞNG ĐƠN VỊ", st.footBold)
	b.put(s, r+2, 0, 3, "(Ký, ghi rõ họ tên)", st.footItalic)
	b.put(s, r+2, 6, last, "(Ký, ghi rõ họ tên, đóng dấu nếu có)", st.footItalic)
	b.check(b.f.SetRowHeight(s, r+3, 60))
	b.put(s, r+4, 0, 3, nil, st.footName)
	b.put(s, r+4, 6, last, nil, st.footName)
	b.put(s, r+5, 0, 1, "Số điện thoại liên hệ:", st.footLabel)
	b.put(s, r+5, 2, 3, nil, st.footFill)
}

// protect locks the sheet without a password: locked cells stay locked,
// rows and columns may still be resized.
func (b *builder) protect(sheet string) {
	b.check(b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true, FormatColumns: true,
		// A unit may insert a row under a task to write more; the
		// intake adds it to that task.
		InsertRows: true,
	}))
}

// rowHeight estimates the height in points of text wrapped in a column of
// width characters: Times New Roman at 11 pt fits about 1.3 characters
// per unit of width, 1.3 measured on LibreOffice's PDF. Excel does not fit wrapped rows itself when it opens a
// file, so the form sets heights.
func rowHeight(text string, width float64, minLines int) float64 {
	perLine := int(width * 1.3)
	if perLine < 1 {
		perLine = 1
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n := utf8.RuneCountInString(para)
		lines += max(1, (n+perLine-1)/perLine)
	}
	lines = max(lines, minLines)
	return math.Min(409, float64(lines)*lineHeight+4)
}

// sumWidths is the width of columns from..to of the report table.
func sumWidths(from, to int) float64 {
	w := 0.0
	for _, column := range Columns[from : to+1] {
		w += column.Width
	}
	return w
}
