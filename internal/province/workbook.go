package province

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// The province workbook's sheets.
const (
	SheetCommunes  = "Các xã"
	SheetProvince  = "Toàn tỉnh"
	SheetRanking   = "Xếp hạng"
	SheetProposals = "Kiến nghị"
	SheetFlat      = "Dữ liệu"
	SheetFiles     = "Tệp nhận về"
)

// FlatColumns are the flat sheet's column names (row 1), one row a
// commune and indicator, for import into other systems. Dates are
// yyyy-mm-dd text; sent is 1 or 0.
var FlatColumns = []string{"period", "commune_code", "commune", "kind", "sent", "indicator", "indicator_name", "measure",
	"indicator_kind", "previous_from", "previous_to", "previous", "current_from", "current_to", "current", "change",
	"change_percent", "note", "file"}

// Marker is a custom property of the province's workbook (its period),
// so that a roll-up run on a folder holding it says what it is.
const Marker = "baocao_tong_hop_tinh"

// WorkbookName is the workbook's file name for p.
func WorkbookName(p period.Period) string { return "tong-hop-tinh-" + p.String() + ".xlsx" }

// Workbook builds the province's workbook: the per-commune table with the
// province's totals, the totals alone, the ranking, the flat sheet and the
// files received. The same roll-up gives the same bytes.
func Workbook(r *Rollup) ([]byte, error) { return workbook(r, true) }

// PrintWorkbook is the workbook as its PDF shows it, for people: without
// the flat sheet, which is for other systems to import.
func PrintWorkbook(r *Rollup) ([]byte, error) { return workbook(r, false) }

func workbook(r *Rollup, flat bool) ([]byte, error) {
	w := &wb{f: excelize.NewFile(), r: r}
	defer w.f.Close()
	w.styles()
	steps := []func() error{w.communes, w.province, w.ranking, w.proposals, w.flat, w.files}
	if !flat {
		steps = slices.Delete(steps, 4, 5)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := w.f.SetCustomProps(excelize.CustomProperty{Name: Marker, Value: r.Period.String()}); err != nil {
		return nil, err
	}
	if err := w.f.SetDocProps(&excelize.DocProperties{Creator: oneLine(r.Data.Issuer),
		Title: "Tổng hợp báo cáo của các xã, " + r.Period.Name()}); err != nil {
		return nil, err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("không tạo được bảng tổng hợp của tỉnh: %w", err)
	}
	w.f.Close() // the streamed sheets' buffers go before the zip is rewritten
	return canonicalZip(buf.Bytes())
}

var defaultType = regexp.MustCompile(`<Default [^>]*>(</Default>)?`)

// sortDefaults puts the content types' Default elements in one order:
// excelize writes the image types of a drawing from a map.
func sortDefaults(data []byte) []byte {
	found := defaultType.FindAll(data, -1)
	if len(found) < 2 {
		return data
	}
	rest := defaultType.ReplaceAll(data, nil)
	i := bytes.Index(rest, []byte("<Types"))
	j := bytes.IndexByte(rest[max(i, 0):], '>')
	if i < 0 || j < 0 {
		return data
	}
	at := i + j + 1
	slices.SortFunc(found, bytes.Compare)
	out := append([]byte{}, rest[:at]...)
	out = append(out, bytes.Join(found, nil)...)
	return append(out, rest[at:]...)
}

// canonicalZip writes the package's parts in one order ([Content_Types].xml
// first, then by name): excelize writes streamed sheets in the order of a
// map, and the same roll-up must give the same bytes.
func canonicalZip(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int {
		ka, kb := a.Name != "[Content_Types].xml", b.Name != "[Content_Types].xml"
		if ka != kb {
			if !ka {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "[Content_Types].xml" {
			data = sortDefaults(data)
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

type wb struct {
	f                                       *excelize.File
	r                                       *Rollup
	title, plain, head, text, bold, percent int
	number                                  map[int]int // by decimals
	boldNumber                              map[int]int
}

func (w *wb) styles() {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	bold := &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}
	style := func(s *excelize.Style) int {
		id, _ := w.f.NewStyle(s)
		return id
	}
	w.title = style(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true}})
	w.plain = style(&excelize.Style{Font: font})
	w.head = style(&excelize.Style{Font: bold, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	w.text = style(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	w.bold = style(&excelize.Style{Font: bold, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	// [$-42A]: Vietnamese, so that LibreOffice and Excel print «1.234,5»
	// whatever the machine's language, as the commune's workbooks do
	top := &excelize.Alignment{Vertical: "top"}
	w.percent = style(&excelize.Style{Font: font, Border: border, Alignment: top, CustomNumFmt: ptr("[$-42A]0.00")})
	w.number, w.boldNumber = map[int]int{}, map[int]int{}
	for _, d := range []int{0, 1, 2, 3, 4, 5, 6} {
		fmtText := "[$-42A]#,##0"
		if d > 0 {
			fmtText += "." + strings.Repeat("0", d)
		}
		w.number[d] = style(&excelize.Style{Font: font, Border: border, Alignment: top, CustomNumFmt: ptr(fmtText)})
		w.boldNumber[d] = style(&excelize.Style{Font: bold, Border: border, Alignment: top, CustomNumFmt: ptr(fmtText)})
	}
}

func ptr[T any](v T) *T { return &v }

// tall is the options of a row whose wrapped texts need more than one
// line in columns of widths: LibreOffice does not grow a streamed row to
// its text, so its height is given (12 pt Times New Roman: some 16 points
// a line, a character of the column's width holding 1.15 letters, as
// LibreOffice prints them).
func tall(widths []float64, values []any) excelize.RowOpts {
	lines := 1
	for i, v := range values {
		c, ok := v.(excelize.Cell)
		text, isText := c.Value.(string)
		if !ok || !isText || i >= len(widths) {
			continue
		}
		per := max(1, int(widths[i]*1.15))
		n := 0
		for _, para := range strings.Split(text, "\n") {
			n += wrappedLines(para, per)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return excelize.RowOpts{}
	}
	return excelize.RowOpts{Height: float64(lines)*16 + 2}
}

// wrappedLines is how many lines text takes wrapped at word boundaries
// in lines of per characters, as a spreadsheet wraps it (a word longer
// than a line is broken).
func wrappedLines(text string, per int) int {
	lines, used := 1, 0
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case used == 0:
		case used+1+n <= per:
			used++
		default:
			lines++
			used = 0
		}
		for n > per {
			lines++
			n -= per
		}
		used += n
	}
	return lines
}

// setWidths sets the widths of columns A, B, … of a streamed sheet. The
// stream writer puts each column set before those set already: set last
// to first, they are written in order, as Excel expects them.
func setWidths(sw *excelize.StreamWriter, widths ...float64) {
	for i := len(widths) - 1; i >= 0; i-- {
		sw.SetColWidth(i+1, i+1, widths[i])
	}
}

// shown is how many decimals a figure prints with: those it uses, up to
// its indicator's (203.000, not 203.000,00), as the report writes it.
func shown(v *float64, ind *catalog.Indicator) int {
	if v == nil {
		return 0
	}
	return min(decimalsShown(*v, ind), 6)
}

// cell is a value with its style; a nil *float64 is an empty bordered cell.
func (w *wb) cell(v any, style int) excelize.Cell {
	if f, ok := v.(*float64); ok {
		if f == nil {
			return excelize.Cell{StyleID: style}
		}
		return excelize.Cell{Value: *f, StyleID: style}
	}
	return excelize.Cell{Value: v, StyleID: style}
}

func axis(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// dates labels an indicator's two figures: balances by their dates,
// flows by their periods.
func (w *wb) dates(ind *catalog.Indicator) (string, string) {
	if ind.Kind == "flow" {
		return w.r.Period.Previous().Name(), w.r.Period.Name()
	}
	return period.NumericDate(w.r.PreviousTo), period.NumericDate(w.r.CurrentTo)
}

var taskHeads = []string{"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh", "Không rõ tình trạng", "Chưa báo cáo"}

func taskCounts(t Tasks) []int {
	return []int{t.Done, t.InProgress, t.NotStarted, t.NotApplicable, t.Unknown, t.NotReported}
}

// capitalShare is the index of the first capital_share among the
// shares, -1 for none.
func (w *wb) capitalShare() int {
	for k, s := range w.r.Province.Shares {
		if s.Target.Kind == catalog.TargetCapitalShare {
			return k
		}
	}
	return -1
}

// communes: one row a commune of the list, then the province's totals.
func (w *wb) communes() error {
	r, d := w.r, w.r.Data
	ncols := 4 + 3*len(d.Indicators) + len(r.Province.Shares) + 1 + len(taskHeads)
	// the columns in groups that a printed page keeps whole: the key
	// columns, an indicator's three, each share, the rank with the tasks
	widths := []float64{5, 7, 24, 12}
	groups := [][2]int{{1, 4}}
	col := 5
	for range d.Indicators {
		groups = append(groups, [2]int{col, col + 2})
		col += 3
	}
	for range r.Province.Shares {
		groups = append(groups, [2]int{col, col})
		col++
	}
	groups = append(groups, [2]int{col, col + len(taskHeads)})
	for len(widths) < ncols {
		widths = append(widths, 13)
	}
	// the rank and the task counts: narrow, so that their group fits a
	// page beside the key columns
	for c := ncols - len(taskHeads) - 1; c < ncols; c++ {
		widths[c] = 10
	}
	bands := printBands(widths, groups)
	sw, err := w.newStream(SheetCommunes, len(bands) <= 1)
	if err != nil {
		return err
	}
	setWidths(sw, widths...)
	sw.SetRow("A1", []any{w.cell("TỔNG HỢP KẾT QUẢ THỰC HIỆN CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU, "+strings.ToUpper(r.Period.Name()), w.title)})
	sw.SetRow("A2", []any{w.cell(fmt.Sprintf("Tỉnh %s; %d/%d xã, phường, đặc khu đã gửi bảng tổng hợp; số liệu chốt từ %s đến %s",
		d.Province, len(d.Communes)-len(r.Missing), len(d.Communes), period.NumericDate(r.CurrentFrom), period.NumericDate(r.CurrentTo)), w.plain)})
	top, sub := make([]any, ncols), make([]any, ncols)
	for i := range top {
		top[i], sub[i] = w.cell("", w.head), w.cell("", w.head)
	}
	var merges [][2]string
	mergeDown := func(col int, text string) {
		top[col-1] = w.cell(text, w.head)
		merges = append(merges, [2]string{axis(col, 4), axis(col, 5)})
	}
	mergeDown(1, "STT")
	mergeDown(2, "Mã")
	mergeDown(3, "Xã, phường, đặc khu")
	mergeDown(4, "Bảng tổng hợp")
	col = 5
	for _, ind := range d.Indicators {
		top[col-1] = w.cell(fmt.Sprintf("%s (%s)", ind.Name, ind.Measure), w.head)
		merges = append(merges, [2]string{axis(col, 4), axis(col+2, 4)})
		a, b := w.dates(ind)
		sub[col-1], sub[col], sub[col+1] = w.cell(a, w.head), w.cell(b, w.head), w.cell("Tăng (+), giảm (-)", w.head)
		col += 3
	}
	for _, s := range r.Province.Shares {
		mergeDown(col, d.ShareName(s.Target)+" (%), "+period.NumericDate(r.CurrentTo))
		col++
	}
	mergeDown(col, "Xếp hạng")
	col++
	top[col-1] = w.cell("Số nhiệm vụ", w.head)
	merges = append(merges, [2]string{axis(col, 4), axis(col+len(taskHeads)-1, 4)})
	for i, h := range taskHeads {
		sub[col-1+i] = w.cell(h, w.head)
	}
	sw.SetRow("A4", top, excelize.RowOpts{Height: 45})
	sw.SetRow("A5", sub, excelize.RowOpts{Height: 45})
	row := 6
	values := func(n any, code, name, state string, rw *Row, boldRow bool) []any {
		text, nums := w.text, w.number
		if boldRow {
			text, nums = w.bold, w.boldNumber
		}
		out := []any{w.cell(n, text), w.cell(code, text), w.cell(name, text), w.cell(state, text)}
		for i, ind := range d.Indicators {
			var f Figure
			if rw.Figures != nil {
				f = rw.Figures[i]
			}
			out = append(out, w.cell(f.Previous, nums[shown(f.Previous, ind)]), w.cell(f.Current, nums[shown(f.Current, ind)]), w.cell(f.Change, nums[shown(f.Change, ind)]))
		}
		for k := range r.Province.Shares {
			var v *float64
			if rw.Shares != nil {
				v = rw.Shares[k].Current
			}
			out = append(out, w.cell(v, w.percent))
		}
		if rw.Rank > 0 {
			out = append(out, w.cell(rw.Rank, text))
		} else {
			out = append(out, w.cell("", text))
		}
		if rw.Sent() || rw == r.Province {
			for _, n := range taskCounts(rw.Tasks) {
				out = append(out, w.cell(n, nums[0]))
			}
		} else {
			for range taskHeads {
				out = append(out, w.cell("", text))
			}
		}
		return out
	}
	for i, c := range r.Communes {
		state := "Chưa gửi"
		switch {
		case c.Sent() && !c.HasFigures():
			state = "Đã gửi, chưa có số liệu"
		case c.Sent():
			state = "Đã gửi"
		}
		vals := values(i+1, c.Commune.Code, c.Commune.FullName(), state, c, false)
		if err := sw.SetRow(axis(1, row), vals, tall(widths, vals)); err != nil {
			return err
		}
		row++
	}
	sw.SetRow(axis(1, row), values("", "", "Toàn tỉnh", fmt.Sprintf("%d/%d", len(d.Communes)-len(r.Missing), len(d.Communes)), r.Province, true))
	for _, m := range merges {
		sw.MergeCell(m[0], m[1])
	}
	return w.finishBands(sw, SheetCommunes, bands, "$A:$D", "$4:$5")
}

// finishBands flushes a sheet that prints in bands (printBands): fit to
// width when one band holds it; else at printScale, a page break before
// each band, keyCols and titleRows printed on every page.
func (w *wb) finishBands(sw *excelize.StreamWriter, sheet string, bands []int, keyCols, titleRows string) error {
	if len(bands) <= 1 {
		return w.finish(sw, sheet, titleRows)
	}
	w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), AdjustTo: ptr(uint(printScale))})
	w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: ptr(marginInches), Right: ptr(marginInches)})
	for _, b := range bands[1:] {
		if err := w.f.InsertPageBreak(sheet, axis(b, 1)); err != nil {
			return err
		}
	}
	w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%[1]s'!%[2]s,'%[1]s'!%[3]s", sheet, keyCols, titleRows), Scope: sheet})
	return sw.Flush()
}

// Printing: A4 landscape within margins of marginInches; a sheet is fit
// to the page's width only when its 12 pt text still prints at 9 pt or
// more (printScale, with a little room for how LibreOffice measures
// columns); else it prints at printScale, a band of whole column groups a
// page.
const (
	printScale   = 85 // %: 12 pt prints at 10.2 pt, unstyled 11 pt at 9.35
	marginInches = 0.5
	a4Landscape  = 841.9 // pt
	// roomShare is the share of the page's width the bands are measured
	// against: a band that overflows would be cut by an automatic break
	// inside a group.
	roomShare = 0.95
)

// colPoints is how wide a column of width w (in characters of the default
// font) prints at 100%, as LibreOffice draws it: 6.6 points a character,
// measured (Excel's 7 pixels and 5 of padding say less).
func colPoints(w float64) float64 { return w * 6.6 }

// printBands splits the columns into the bands a page prints at
// printScale: the first group (the key columns) on every page, then as
// many whole groups as fit; it returns each band's first column, one band
// when the whole sheet fits.
func printBands(widths []float64, groups [][2]int) []int {
	room := (a4Landscape - 2*72*marginInches) / (float64(printScale) / 100) * roomShare
	width := func(g [2]int) float64 {
		var sum float64
		for c := g[0]; c <= g[1] && c <= len(widths); c++ {
			sum += colPoints(widths[c-1])
		}
		return sum
	}
	key := width(groups[0])
	var total float64
	for _, g := range groups {
		total += width(g)
	}
	if total <= room {
		return []int{1}
	}
	bands := []int{1}
	used := key
	for i, g := range groups[1:] {
		if gw := width(g); used+gw > room && i > 0 {
			bands = append(bands, g[0])
			used = key + gw
		} else {
			used += gw
		}
	}
	return bands
}

// newStream starts a sheet. The first one takes the place of the new
// file's «Sheet1», so that it is the active sheet without SetActiveSheet
// (which parses every streamed sheet again).
func (w *wb) newStream(name string, fit ...bool) (*excelize.StreamWriter, error) {
	if list := w.f.GetSheetList(); len(list) == 1 && list[0] == "Sheet1" {
		if err := w.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := w.f.NewSheet(name); err != nil {
		return nil, err
	}
	// sheetPr is written when the stream starts: fit to page goes first
	// (unless fit says the sheet prints at a fixed scale)
	if err := w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(len(fit) == 0 || fit[0])}); err != nil {
		return nil, err
	}
	return w.f.NewStreamWriter(name)
}

// finish flushes a sheet and sets it to print on A4 landscape, fit to
// width, its header rows repeated.
// The settings go before Flush: after it excelize would parse the whole
// streamed sheet again to apply them.
func (w *wb) finish(sw *excelize.StreamWriter, sheet, titles string) error {
	w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)})
	if titles != "" {
		w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!%s", sheet, titles), Scope: sheet})
	}
	return sw.Flush()
}

// province: the totals, indicator by indicator, then the shares, the
// tasks and the communes that have not sent.
func (w *wb) province() error {
	r, d := w.r, w.r.Data
	sw, err := w.newStream(SheetProvince)
	if err != nil {
		return err
	}
	provinceWidths := []float64{5, 30, 11, 12, 12, 12, 12, 12, 24}
	setWidths(sw, provinceWidths...)
	sw.SetRow("A1", []any{w.cell("SỐ LIỆU TOÀN TỈNH "+strings.ToUpper(d.Province)+", "+strings.ToUpper(r.Period.Name()), w.title)})
	sent := len(d.Communes) - len(r.Missing)
	sw.SetRow("A2", []any{w.cell(fmt.Sprintf("Cộng số liệu của %d/%d xã, phường, đặc khu đã gửi bảng tổng hợp", sent, len(d.Communes)), w.plain)})
	if lack := r.lackingText(sent); lack != "" {
		sw.SetRow("A3", []any{w.cell(upperFirst(lack), w.plain)})
	}
	head := []any{}
	for _, h := range []string{"STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Kỳ này", "Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)", "Thời điểm", "Ghi chú"} {
		head = append(head, w.cell(h, w.head))
	}
	sw.SetRow("A4", head, excelize.RowOpts{Height: 32})
	row := 5
	for i, ind := range d.Indicators {
		f := r.Province.Figures[i]
		a, b := w.dates(ind)
		vals := []any{w.cell(i+1, w.text), w.cell(ind.Name, w.text), w.cell(ind.Measure, w.text),
			w.cell(f.Previous, w.number[shown(f.Previous, ind)]), w.cell(f.Current, w.number[shown(f.Current, ind)]), w.cell(f.Change, w.number[shown(f.Change, ind)]),
			w.cell(f.ChangePercent, w.percent), w.cell(a+" → "+b, w.text), w.cell(r.rowNote(f), w.text)}
		sw.SetRow(axis(1, row), vals, tall(provinceWidths, vals))
		row++
	}
	row++
	sw.SetRow(axis(1, row), []any{w.cell("", w.head), w.cell("Tỷ lệ", w.head), w.cell("", w.head), w.cell(period.NumericDate(r.PreviousTo), w.head),
		w.cell(period.NumericDate(r.CurrentTo), w.head), w.cell("Mục tiêu (%)", w.head), w.cell("Đánh giá", w.head)})
	row++
	for i, s := range r.Province.Shares {
		goal, verdict := "", ""
		if s.Target.Kind == catalog.TargetCapitalShare {
			goal = fmt.Sprintf("%s%% (năm %d)", trimFloat(s.Target.Percent), s.Target.ByYear)
			switch {
			case s.Current == nil:
				verdict = "chưa đủ số liệu"
			case s.Met:
				verdict = "đã đạt"
			default:
				verdict = "chưa đạt"
			}
		}
		vals := []any{w.cell(i+1, w.text), w.cell(d.ShareName(s.Target), w.text), w.cell("%", w.text),
			w.cell(s.Previous, w.percent), w.cell(s.Current, w.percent), w.cell(goal, w.text), w.cell(verdict, w.text)}
		sw.SetRow(axis(1, row), vals, tall(provinceWidths, vals))
		row++
	}
	row++
	// tasks by status: all, then each section every commune has
	head = []any{w.cell("", w.head), w.cell("Nhiệm vụ của các xã đã gửi", w.head), w.cell("Cả kế hoạch", w.head)}
	for _, sec := range r.Sections {
		head = append(head, w.cell("Phần "+sec, w.head))
	}
	sw.SetRow(axis(1, row), head)
	row++
	for i, h := range taskHeads {
		vals := []any{w.cell(i+1, w.text), w.cell(h, w.text), w.cell(taskCounts(r.Province.Tasks)[i], w.number[0])}
		for _, sec := range r.Sections {
			vals = append(vals, w.cell(taskCounts(r.Province.BySection[sec])[i], w.number[0]))
		}
		sw.SetRow(axis(1, row), vals)
		row++
	}
	row++
	sw.SetRow(axis(1, row), []any{w.cell(fmt.Sprintf("Các xã, phường, đặc khu chưa gửi bảng tổng hợp: %d", len(r.Missing)), w.title)})
	row++
	for i, c := range r.Missing {
		sw.SetRow(axis(1, row), []any{w.cell(i+1, w.text), w.cell(c.FullName(), w.text), w.cell(c.Code, w.text)})
		row++
	}
	return w.finish(sw, SheetProvince, "")
}

// ranking: the communes by the local-budget share, highest first.
func (w *wb) ranking() error {
	r, d := w.r, w.r.Data
	sw, err := w.newStream(SheetRanking)
	if err != nil {
		return err
	}
	k := w.capitalShare()
	setWidths(sw, 8, 7, 26, 10, 12)
	if k < 0 {
		sw.SetRow("A1", []any{w.cell("Chỉ tiêu của tỉnh không có mục tiêu tỷ lệ vốn (capital_share) nên không xếp hạng", w.title)})
		return w.finish(sw, SheetRanking, "")
	}
	t := r.Province.Shares[k].Target
	// short lines: a title running past the table and the chart would
	// widen what the page is fit to
	sw.SetRow("A1", []any{w.cell("XẾP HẠNG CÁC XÃ, PHƯỜNG, ĐẶC KHU, "+strings.ToUpper(r.Period.Name()), w.title)})
	sw.SetRow("A2", []any{w.cell(d.ShareName(t), w.plain)})
	sw.SetRow("A3", []any{w.cell("Tỷ lệ tính từ số liệu của từng xã đến ngày "+period.NumericDate(r.CurrentTo)+"; xã chưa gửi hoặc thiếu số liệu không được xếp hạng", w.plain)})
	head := []any{}
	for _, h := range []string{"Xếp hạng", "Mã", "Xã, phường, đặc khu", "Tỷ lệ (%)", "So với mục tiêu"} {
		head = append(head, w.cell(h, w.head))
	}
	sw.SetRow("A4", head)
	for i, c := range r.Ranking {
		s := c.Shares[k]
		verdict := "chưa đạt"
		if s.Met {
			verdict = "đã đạt"
		}
		sw.SetRow(axis(1, 5+i), []any{w.cell(c.Rank, w.text), w.cell(c.Commune.Code, w.text), w.cell(c.Commune.FullName(), w.text),
			w.cell(s.Current, w.percent), w.cell(verdict, w.text)})
	}
	if err := w.shareChart(t, len(r.Ranking)); err != nil {
		return err
	}
	return w.finish(sw, SheetRanking, "$4:$4")
}

// chartMax is the most communes a chart shows, one bar each: a province
// has about a hundred; more (a country's list) would be a chart nobody
// can read, and the table says it all.
const chartMax = 200

// shareChart draws the ranking's shares, one bar a commune, beside the
// table; the title names the target.
func (w *wb) shareChart(t *catalog.Target, n int) error {
	if n == 0 || n > chartMax {
		return nil
	}
	last := 4 + n
	// 13 pt, a bar 30 pixels: the sheet is fit to the page's width at
	// some 80%, and the names print at 9 pt or more
	font := excelize.Font{Family: "Times New Roman", Size: 13, Color: "000000"}
	return w.f.AddChart(SheetRanking, "F4", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       "Tỷ lệ (%)",
			Categories: fmt.Sprintf("'%s'!$C$5:$C$%d", SheetRanking, last),
			Values:     fmt.Sprintf("'%s'!$D$5:$D$%d", SheetRanking, last),
		}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: w.r.Data.ShareName(t) + ", " + period.NumericDate(w.r.CurrentTo),
			Font: &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{Font: font, ReverseOrder: true},
		YAxis:     excelize.ChartAxis{Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		Dimension: excelize.ChartDimension{Width: 440, Height: uint(120 + 30*n)},
	})
}

// proposals: the communes' upward proposals, one row an ask, by the body
// asked, each with every commune that made it.
func (w *wb) proposals() error {
	r := w.r
	sw, err := w.newStream(SheetProposals)
	if err != nil {
		return err
	}
	widths := []float64{5, 28, 60, 7, 30}
	setWidths(sw, widths...)
	sw.SetRow("A1", []any{w.cell("ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU VỚI CẤP TRÊN, "+strings.ToUpper(r.Period.Name()), w.title)})
	sw.SetRow("A2", []any{w.cell("Theo cơ quan được kiến nghị; kiến nghị giống nhau (cùng lời) của nhiều xã là một dòng", w.plain)})
	head := []any{}
	for _, h := range []string{"STT", "Kiến nghị với", "Nội dung", "Số xã", "Xã, phường, đặc khu đã kiến nghị"} {
		head = append(head, w.cell(h, w.head))
	}
	sw.SetRow("A4", head)
	row, n := 5, 0
	for _, g := range r.Proposals {
		to := g.To
		if to == "" {
			to = "(không nêu cơ quan nhận)"
		}
		for _, a := range g.Asks {
			n++
			// a row a commune, the ask said once in cells merged down
			// its rows: any number of communes fits and prints
			for i, c := range a.Communes {
				vals := []any{w.cell("", w.text), w.cell("", w.text), w.cell("", w.text), w.cell("", w.text), w.cell(c.FullName(), w.text)}
				if i == 0 {
					vals[0], vals[1], vals[2], vals[3] = w.cell(n, w.text), w.cell(to, w.text), w.cell(a.Text, w.text), w.cell(len(a.Communes), w.number[0])
				}
				opts := excelize.RowOpts{}
				if len(a.Communes) == 1 {
					opts = tall(widths, vals)
				}
				if err := sw.SetRow(axis(1, row+i), vals, opts); err != nil {
					return err
				}
			}
			if len(a.Communes) > 1 {
				for col := 1; col <= 4; col++ {
					if err := sw.MergeCell(axis(col, row), axis(col, row+len(a.Communes)-1)); err != nil {
						return err
					}
				}
			}
			row += len(a.Communes)
		}
	}
	if n == 0 {
		sw.SetRow(axis(1, row), []any{w.cell("Các xã đã gửi không có đề xuất, kiến nghị với cấp trên", w.text)})
		row++
	}
	if len(r.NoProposals) > 0 {
		row++
		var names []string
		for _, c := range r.NoProposals {
			names = append(names, c.FullName())
		}
		sw.SetRow(axis(1, row), []any{fmt.Sprintf("Bảng tổng hợp không mang đề xuất, kiến nghị (phiên bản trước của chương trình, hoặc thiếu phần dữ liệu cho máy đọc), xem báo cáo của xã: %s", strings.Join(names, ", "))})
	}
	return w.finish(sw, SheetProposals, "$4:$4")
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// flat: one row a commune of the list and indicator.
func (w *wb) flat() error {
	r, d := w.r, w.r.Data
	// for import, not for reading; printed, it goes in bands with the
	// period and the commune on every page
	widths := []float64{9, 8, 24, 8, 5, 16, 30, 11, 8, 11, 11, 12, 11, 11, 12, 12, 8, 24, 30}
	groups := [][2]int{{1, 3}}
	for c := 4; c <= len(widths); c++ {
		groups = append(groups, [2]int{c, c})
	}
	bands := printBands(widths, groups)
	sw, err := w.newStream(SheetFlat, len(bands) <= 1)
	if err != nil {
		return err
	}
	setWidths(sw, widths...)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(FlatColumns))
	for i, c := range FlatColumns {
		head[i] = c
	}
	sw.SetRow("A1", head)
	row := 2
	for _, c := range r.Communes {
		sent, file := 0, ""
		if c.Sent() {
			sent, file = 1, r.FileName(c.Attachment.File)
		}
		for i, ind := range d.Indicators {
			var f Figure
			if c.Sent() {
				f = c.Figures[i]
			}
			pf, pt, cf, ct := time.Time{}, r.PreviousTo, time.Time{}, r.CurrentTo
			if ind.Kind == "flow" {
				pf, cf = r.PreviousFrom, r.CurrentFrom
			}
			vals := []any{r.Period.String(), c.Commune.Code, c.Commune.FullName(), c.Commune.Kind, sent, ind.Code, ind.Name, ind.Measure, ind.Kind,
				isoDate(pf), isoDate(pt), num(f.Previous), isoDate(cf), isoDate(ct), num(f.Current), num(f.Change), num(f.ChangePercent), f.Note, file}
			if err := sw.SetRow(axis(1, row), vals); err != nil {
				return err
			}
			row++
		}
	}
	return w.finishBands(sw, SheetFlat, bands, "$A:$C", "$1:$1")
}

func num(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// files: every problem with the files received.
func (w *wb) files() error {
	sw, err := w.newStream(SheetFiles)
	if err != nil {
		return err
	}
	widths := []float64{32, 8, 90}
	setWidths(sw, widths...)
	sw.SetRow("A1", []any{w.cell("Tệp", w.head), w.cell("Mức", w.head), w.cell("Nội dung", w.head)})
	for i, p := range w.r.Problems {
		kind := "Lỗi"
		if p.Severity == Warning {
			kind = "Lưu ý"
		}
		vals := []any{w.cell(w.r.FileName(p.File), w.text), w.cell(kind, w.text), w.cell(p.Message, w.text)}
		sw.SetRow(axis(1, i+2), vals, tall(widths, vals))
	}
	if len(w.r.Problems) == 0 {
		sw.SetRow("A2", []any{w.cell("Mọi tệp nhận về đều dùng được", w.text)})
	}
	return w.finish(sw, SheetFiles, "$1:$1")
}
