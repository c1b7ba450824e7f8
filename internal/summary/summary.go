// Package summary writes the period's two workbooks. The attachment
// (tong-hop-P.xlsx) goes up to the province with the report: the tasks
// table as the report's appendix has it, the credit figures with their
// dates, source, change and the plan's targets, and the same data in a
// hidden sheet with a versioned schema that ReadData reads back (data.go).
// The office's own workbook (kiem-tra-P.xlsx) holds what only the office
// needs: the units and their files, the checks with file, sheet and cell,
// the rows not matched, the proposals to the commune itself, the chart.
// Both print on A4 landscape, fitted to the width with columns narrow
// enough that 11 pt Times New Roman prints at 9 pt or more, rows as tall
// as their wrapped text, header rows repeated. The same report gives the
// same bytes.
package summary

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// Sheet names: the attachment's, then the office workbook's.
const (
	SheetTasks   = "Phụ lục"
	SheetFigures = "Chỉ tiêu"
	SheetData    = "_du_lieu" // hidden: the machine-readable part

	SheetUnits     = "Đơn vị"
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

type builder struct {
	f        *excelize.File
	r        *consolidate.Report
	label    string // the workbook, for warnings: "Bảng tổng hợp"
	opt      Options
	warnings []string
	widths   map[string][]float64 // column widths by sheet, for row heights

	title, subtitle, header, text, plain, bold, section, headingStyle int
	number                                                            [3]int // by decimals
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
	b.subtitle = mk(&excelize.Style{Font: font(fontSize+1, false, true), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
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
	_, err := b.titledSheet(name, []string{title}, headers, widths)
	return err
}

// titledSheet starts a sheet with title rows (the first bold, the others
// italic), a header row and print settings; it returns the first row
// under the header.
func (b *builder) titledSheet(name string, titles, headers []string, widths []float64) (int, error) {
	f := b.f
	if _, err := f.NewSheet(name); err != nil {
		return 0, err
	}
	last, _ := excelize.ColumnNumberToName(len(headers))
	var total float64
	for _, w := range widths {
		total += w
	}
	for i, title := range titles {
		cell := fmt.Sprintf("A%d", i+1)
		f.SetCellStr(name, cell, title)
		f.MergeCell(name, cell, fmt.Sprintf("%s%d", last, i+1))
		style := b.title
		if i > 0 {
			style = b.subtitle
		}
		f.SetCellStyle(name, cell, fmt.Sprintf("%s%d", last, i+1), style)
		// a title wraps at the page's width, at its larger size
		f.SetRowHeight(name, i+1, max(24, rowHeight([]string{title}, []float64{total * fontSize / titleSize})*titleSize/fontSize+6))
	}
	hr := len(titles) + 1
	for i, h := range headers {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetCellStr(name, fmt.Sprintf("%s%d", col, hr), h)
		f.SetColWidth(name, col, col, widths[i])
	}
	f.SetCellStyle(name, fmt.Sprintf("A%d", hr), fmt.Sprintf("%s%d", last, hr), b.header)
	b.widths[name] = widths
	// Bold letters are wider: the header's lines are counted in narrower
	// columns.
	narrower := make([]float64, len(widths))
	for i, w := range widths {
		narrower[i] = w * 0.8
	}
	f.SetRowHeight(name, hr, rowHeight(headers, narrower))
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: hr, TopLeftCell: fmt.Sprintf("A%d", hr+1), ActivePane: "bottomLeft"})
	size, orient, fitW, fitH := 9, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &fitW, FitToHeight: &fitH}); err != nil {
		return 0, err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return 0, err
	}
	margin := 0.5
	f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin})
	noScale := false
	f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{ScaleWithDoc: &noScale, OddFooter: "&C&\"Times New Roman\"&11Trang &P/&N"})
	// the header row repeats on every printed page (the titles only on the first)
	return hr + 1, f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, hr, hr)})
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
	b.warnings = append(b.warnings, fmt.Sprintf("%s, trang «%s», ô %s: văn bản dài %d ký tự, quá giới hạn %d ký tự của một ô Excel, đã được cắt bớt và ghi chú; toàn văn vẫn có trong báo cáo Word và tệp của đơn vị.",
		b.label, sheet, cell, utf8.RuneCountInString(v), maxCell))
	r := []rune(v)
	return string(r[:maxCell-utf8.RuneCountInString(more)]) + more
}

func newBuilder(r *consolidate.Report, label string) (*builder, error) {
	b := &builder{f: excelize.NewFile(), r: r, label: label, widths: map[string][]float64{}}
	if err := b.styles(); err != nil {
		return nil, err
	}
	return b, nil
}

// finish marks the workbook as ours (so that a report run on the folder
// skips it), names who made it, makes first the active sheet and orders
// what excelize leaves in map order: the same report, the same bytes.
func (b *builder) finish(title, first string) error {
	if err := b.f.SetCustomProps(excelize.CustomProperty{Name: forms.SummaryMarker, Value: b.r.Period.String()}); err != nil {
		return err
	}
	// Who and what, instead of excelize's "xuri" (which a PDF shows as
	// its author); the dates stay excelize's constant ones, so that the
	// same report gives the same bytes.
	p := b.r.Catalog.Plan
	if err := b.f.SetDocProps(&excelize.DocProperties{Creator: p.Issuer + " " + p.Commune, Title: title}); err != nil {
		return err
	}
	b.f.DeleteSheet("Sheet1")
	idx, _ := b.f.GetSheetIndex(first)
	b.f.SetActiveSheet(idx)
	// excelize adds the image types of a drawing to the content types in
	// map order: sorted, the same report gives the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.Slice(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
	return nil
}

// bytesOf writes f to memory.
func bytesOf(f *excelize.File, label string) ([]byte, error) {
	defer f.Close()
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("không tạo được %s: %w", strings.ToLower(label), err)
	}
	return buf.Bytes(), nil
}

// shortDate writes a date as documents do (Decree 30/2020): a leading zero
// for days below 10 and for months 1 and 2 only: 05/02/2026, 14/3/2026.
func shortDate(t time.Time) string {
	if t.Month() <= 2 {
		return t.Format("02/01/2006")
	}
	return t.Format("02/1/2006")
}
