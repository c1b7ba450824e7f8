package intake

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Read reads one workbook. It never returns nil and never panics: whatever
// goes wrong is a Problem of the submission. The file is only read.
func Read(path string, c *catalog.Catalog, opt Options) (s *Submission) {
	s = &Submission{Path: path, Unit: opt.unitFor(path), Period: opt.Period}
	defer recoverInto(s)
	st, err := os.Stat(path)
	if err != nil {
		s.addf(SeverityError, "", Pos{}, "%s", openError(err))
		return s
	}
	s.ModTime = st.ModTime()
	switch {
	case st.IsDir():
		s.addf(SeverityError, "", Pos{}, "đây là thư mục, không phải tệp. Dùng lệnh baocao check với thư mục để kiểm tra mọi tệp trong đó.")
		return s
	case !st.Mode().IsRegular():
		s.addf(SeverityError, "", Pos{}, "đây không phải tệp thông thường nên không đọc. Chép tệp Excel vào một thư mục rồi chạy lại.")
		return s
	case st.Size() == 0:
		s.addf(SeverityError, "", Pos{}, "tệp rỗng (0 byte): có thể tải về chưa xong hoặc lưu bị lỗi. Tải lại tệp hoặc đề nghị đơn vị gửi lại.")
		return s
	case st.Size() > maxFileSize:
		s.addf(SeverityError, "", Pos{}, "tệp quá lớn (%d MB, tối đa %d MB): biểu mẫu báo cáo thường chỉ vài chục KB. Kiểm tra đã gửi đúng tệp chưa; xóa ảnh, trang tính thừa rồi gửi lại.", st.Size()>>20, maxFileSize>>20)
		return s
	}
	data, err := os.ReadFile(path)
	if err != nil {
		s.addf(SeverityError, "", Pos{}, "%s", openError(err))
		return s
	}
	readData(s, data, c, opt)
	attribute(s, c)
	return s
}

// attribute gives a file that could not be read (a Word file named .xls, a
// broken workbook) the unit and period its name says, so that the unit is
// asked to send its form again rather than counted as silent.
func attribute(s *Submission, c *catalog.Catalog) {
	name := filepath.Base(s.Path)
	if s.Unit == "" {
		s.Unit = unitFromFileName(c, name)
	}
	if s.Period.IsZero() {
		if p, ok := findPeriod(strings.TrimSuffix(name, filepath.Ext(name))); ok {
			s.Period = p
		}
	}
}

// recoverInto turns a panic while reading one file into an error of that
// file, so that one bad file never stops a run.
func recoverInto(s *Submission) {
	if r := recover(); r != nil {
		s.addf(SeverityError, "", Pos{}, "chương trình gặp lỗi khi đọc tệp này (lỗi của chương trình, không phải của đơn vị). Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi thử lại; nếu vẫn lỗi, gửi tệp cho người phụ trách phần mềm.")
		logDetail(s.Path, fmt.Errorf("panic: %v\n%s", r, debug.Stack()))
	}
}

func (s *Submission) addf(sev Severity, sheet string, at Pos, format string, args ...any) {
	s.addFix(Fix{}, sev, sheet, at, format, args...)
}

// addFix is addf with the fix as data.
func (s *Submission) addFix(fix Fix, sev Severity, sheet string, at Pos, format string, args ...any) {
	if vntext.HasControls(sheet) {
		sheet = vntext.Clean(sheet) // a sheet's name is shown, never reversed
	}
	s.Problems = append(s.Problems, Problem{Severity: sev, File: s.Path, Sheet: sheet, Pos: at, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// excelizeOptions are the options every user file is opened with.
func excelizeOptions() excelize.Options {
	return excelize.Options{RawCellValue: true, UnzipSizeLimit: maxUnzipSize, UnzipXMLSizeLimit: maxUnzipXMLSize}
}

// readData reads a workbook's bytes into s.
func readData(s *Submission, data []byte, c *catalog.Catalog, opt Options) {
	if len(data) == 0 {
		s.addf(SeverityError, "", Pos{}, "tệp rỗng (0 byte): có thể tải về chưa xong hoặc lưu bị lỗi. Tải lại tệp hoặc đề nghị đơn vị gửi lại.")
		return
	}
	k := sniff(data)
	if k == kindODSEncrypted {
		s.addf(SeverityError, "", Pos{}, "%s", passwordMessage(k))
		return
	}
	if k.convertible() {
		bin := officeBinary()
		if bin == "" && k == kindXLSEncrypted {
			s.addf(SeverityError, "", Pos{}, "%s", passwordMessage(k))
			return
		}
		if bin == "" {
			s.addf(SeverityError, "", Pos{}, "tệp ở %s, chương trình chỉ đọc được .xlsx. %s (Nếu máy cài LibreOffice, chương trình sẽ tự chuyển đổi một bản sao.)", k.describe(), saveAsAdvice)
			return
		}
		ext := map[kind]string{kindXLS: ".xls", kindXLSEncrypted: ".xls", kindODS: ".ods", kindHTML: ".html", kindXML2003: ".xml", kindFODS: ".fods"}[k]
		conv, err := convertToXLSX(opt.Context, bin, data, ext)
		if (err != nil || sniff(conv) != kindXLSX) && k == kindXLSEncrypted {
			// Excel's default password is read; another one is not.
			s.addf(SeverityError, "", Pos{}, "%s", passwordMessage(k))
			return
		}
		if err != nil || sniff(conv) != kindXLSX {
			s.addf(SeverityError, "", Pos{}, "tệp ở %s; %s. %s", k.describe(), convertFailure(err), saveAsAdvice)
			return
		}
		s.addf(SeverityWarning, "", Pos{}, "tệp ở %s: đã dùng LibreOffice chuyển một bản sao tạm sang .xlsx để đọc (tệp gốc giữ nguyên). Đề nghị đơn vị lần sau lưu thành .xlsx. %s", k.describe(), saveAsAdvice)
		data, k = conv, kindXLSX
	}
	if msg := otherKindMessage(k); msg != "" {
		s.addf(SeverityError, "", Pos{}, "%s", msg)
		return
	}
	switch k {
	case kindXLSX:
	case kindEncrypted:
		s.addf(SeverityError, "", Pos{}, "%s", passwordMessage(k))
		return
	case kindCorrupt:
		s.addf(SeverityError, "", Pos{}, "tệp bị hỏng hoặc chưa tải về hết (không giải nén được). Tải lại tệp từ thư điện tử hoặc Zalo, hoặc đề nghị đơn vị gửi lại.")
		return
	case kindDOCX:
		s.addf(SeverityError, "", Pos{}, "đây là tệp Word (.docx) mang đuôi Excel, không phải biểu mẫu báo cáo. Đề nghị đơn vị gửi lại đúng tệp biểu mẫu Excel đã điền.")
		return
	case kindZip:
		s.addf(SeverityError, "", Pos{}, "đây là tệp nén (zip) nhưng không phải sổ Excel. Giải nén và kiểm tra lại bằng Excel, hoặc đề nghị đơn vị gửi lại đúng tệp .xlsx.")
		return
	case kindNoSheets:
		s.addf(SeverityError, "", Pos{}, "sổ Excel không có trang tính nào (tệp hỏng). Đề nghị đơn vị mở lại biểu mẫu, điền và lưu thành .xlsx rồi gửi lại.")
		return
	case kindBomb:
		s.addf(SeverityError, "", Pos{}, "tệp khi giải nén vượt quá %d MB: không phải biểu mẫu báo cáo bình thường (có thể là tệp độc hại). Không mở tệp này; đề nghị đơn vị gửi lại đúng biểu mẫu.", maxUnzipSize>>20)
		return
	case kindText:
		s.addf(SeverityError, "", Pos{}, "đây là tệp văn bản (có thể là CSV) chứ không phải sổ Excel. %s", saveAsAdvice)
		return
	default:
		s.addf(SeverityError, "", Pos{}, "không phải tệp Excel (.xlsx): có thể tệp bị hỏng hoặc gửi nhầm tệp. Đề nghị đơn vị gửi lại đúng biểu mẫu đã điền.")
		return
	}
	if why := tooComplex(data); why != "" {
		s.addf(SeverityError, "", Pos{}, "tệp quá lớn/phức tạp: %s nên không đọc. %s", why, tooComplexAdvice)
		return
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelizeOptions())
	if err != nil {
		// A malformed theme fails the whole file though we never use it:
		// try again without it.
		if g, err2 := excelize.OpenReader(bytes.NewReader(withoutTheme(data)), excelizeOptions()); err2 == nil {
			f, err = g, nil
		}
	}
	if err != nil {
		s.addf(SeverityError, "", Pos{}, "%s", excelizeError(err))
		return
	}
	defer f.Close()
	r := &reader{s: s, c: c, opt: opt, f: f}
	r.read()
}

// reader holds the state of reading one workbook.
type reader struct {
	s   *Submission
	c   *catalog.Catalog
	opt Options
	f   *excelize.File

	grids    []*grid
	meta     forms.Meta
	date1904 bool
	formulas bool // some sheet has formulas
	// uncached counts the formula cells of the tables read that hold no
	// value, stored or computed: a file written by a script and never
	// opened in Excel, whose emptiness is no unit's doing.
	uncached int
	parts    map[string][]byte // sheet name -> raw XML
	missing  int               // sheets listed whose part is not in the package
	unfilled []string
	filled   int // rows with something written in a fill-in column
	// synonyms gathers the statuses read as other words for one status,
	// by wording, for one warning each.
	synonyms     map[string]*synonymUse
	synonymOrder []string
}

// skipSheet tells the sheets that hold no report: our metadata, lists and
// instructions.
func skipSheet(name string) bool {
	return name == forms.MetaSheet || name == forms.ListsSheet || name == forms.InstructionsSheet
}

// maxSheets is the number of sheets read.
const maxSheets = 50

func (r *reader) read() {
	s := r.s
	if props, err := r.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		r.date1904 = *props.Date1904
	}
	r.meta, _ = forms.ReadMeta(r.f)
	s.Saved = savedTime(r.f)
	if name := r.meta.Summary; name != "" {
		if q, err := period.Parse(name); err == nil {
			name = q.Name()
		}
		s.addFix(Fix{Kind: FixOutputElsewhere}, SeverityWarning, "", Pos{}, "bỏ qua: đây là bảng tổng hợp %s do baocao lập, không phải báo cáo của đơn vị.", name)
		return
	}
	names := r.f.GetSheetList()
	if len(names) == 0 {
		s.addf(SeverityError, "", Pos{}, "sổ Excel không có trang tính nào. Đề nghị đơn vị gửi lại biểu mẫu đã điền.")
		return
	}
	if len(names) > maxSheets {
		s.addf(SeverityWarning, "", Pos{}, "sổ có %d trang tính; chỉ đọc %d trang đầu. Xóa các trang tính thừa rồi gửi lại.", len(names), maxSheets)
		names = names[:maxSheets]
	}
	for _, name := range names {
		if skipSheet(name) {
			continue
		}
		g := readGrid(r.f, name)
		if visible, err := r.f.GetSheetVisible(name); err == nil {
			g.hidden = !visible
		}
		r.gridProblems(g)
		r.grids = append(r.grids, g)
	}
	r.scanParts()
	for _, g := range r.grids {
		g.merges = r.mergesOf(g.name)
	}

	// Clean every cell: NFC, spaces, legacy encodings.
	for _, g := range r.grids {
		if !skipSheet(g.name) {
			r.cleanGrid(g)
		}
	}

	// Find the tables.
	var tables, indicatorTables []found
	for _, g := range r.grids {
		if skipSheet(g.name) {
			continue
		}
		if h := findHeader(g, taskHeaders, (*header).isTaskTable); h != nil {
			tables = append(tables, found{g, h})
			continue
		}
		if h := findHeader(g, indicatorHeaders, (*header).isIndicatorTable); h != nil {
			indicatorTables = append(indicatorTables, found{g, h})
		}
	}
	// A workbook with one sheet per period: the sheet of the period asked
	// for, and no other.
	handled := map[string]bool{}
	var done []string
	tables, done = r.choosePeriod(tables, "bảng báo cáo")
	periodSheets := len(done) > 0
	for _, name := range done {
		handled[name] = true
	}
	indicatorTables, done = r.choosePeriod(indicatorTables, "bảng chỉ tiêu")
	for _, name := range done {
		handled[name] = true
	}
	var indicators *found
	for i, t := range indicatorTables {
		if indicators == nil || t.g.name == forms.IndicatorsSheet {
			indicators = &indicatorTables[i]
		}
	}
	// Our report sheet first, then the best table.
	slices.SortStableFunc(tables, func(a, b found) int {
		ra, rb := a.g.name == forms.ReportSheet, b.g.name == forms.ReportSheet
		switch {
		case ra && !rb:
			return -1
		case rb && !ra:
			return 1
		}
		return b.h.score - a.h.score
	})

	// Title text: what lies above the header, or the top of the first
	// sheet with text.
	var title []string
	if len(tables) > 0 {
		t := tables[0]
		for i := 0; i < t.h.first; i++ {
			title = append(title, t.g.rows[i]...)
		}
	} else {
		for _, g := range r.grids {
			if skipSheet(g.name) {
				continue
			}
			for i := 0; i < len(g.rows) && i < 10; i++ {
				title = append(title, g.rows[i]...)
			}
		}
	}
	r.identify(title)
	if s.FormDate.IsZero() {
		if d, ok := formDate(title); ok {
			s.FormDate = d
		}
	}

	if len(tables) == 0 && !periodSheets {
		if indicators == nil || len(r.c.Assignments(s.Unit)) > 0 {
			r.noTable()
		}
	}
	for i, t := range tables {
		if i == 0 {
			s.Sheet = t.g.name
			if t.g.name != forms.ReportSheet {
				s.addf(SeverityWarning, t.g.name, Pos{}, "không có trang tính «%s» của biểu mẫu; đã đọc bảng báo cáo ở trang tính «%s» (dòng tiêu đề %d).", forms.ReportSheet, t.g.name, t.g.num(t.h.row))
			}
		} else {
			s.addf(SeverityWarning, t.g.name, Pos{}, "trang tính «%s» cũng có bảng báo cáo (dòng tiêu đề %d) nên cũng được đọc. Nếu đó là bản nháp hoặc bản cũ, hãy xóa trang tính đó để tránh trùng nhiệm vụ.", t.g.name, t.g.num(t.h.row))
		}
		r.readTable(t.g, t.h)
	}
	if indicators != nil {
		r.readIndicators(indicators.g, indicators.h)
	} else if s.Unit != "" && len(r.c.IndicatorsOf(s.Unit)) > 0 {
		s.addf(SeverityWarning, "", Pos{}, "không tìm thấy bảng chỉ tiêu (trang tính «%s») với các cột «Mã chỉ tiêu», «Cuối kỳ trước», «Cuối kỳ này». Điền số liệu vào trang tính đó của biểu mẫu rồi gửi lại.", forms.IndicatorsSheet)
	}
	if len(tables) > 0 && r.filled == 0 && !hasIndicatorValues(s) && r.uncached > 0 {
		s.addf(SeverityError, s.Sheet, Pos{}, "biểu có %d ô công thức chưa có giá trị lưu sẵn (tệp do một chương trình khác ghi ra, chưa được mở và lưu bằng Excel) nên chương trình chưa thấy nội dung đơn vị điền: đây chưa chắc là biểu trống. Đề nghị đơn vị mở tệp bằng Excel hoặc LibreOffice Calc, lưu lại (Ctrl+S) rồi gửi lại.", r.uncached)
	} else if len(tables) > 0 && r.filled == 0 && !hasIndicatorValues(s) {
		s.addf(SeverityError, s.Sheet, Pos{}, "biểu chưa điền gì: cả %d dòng nhiệm vụ đều trống (chưa chọn tình trạng, chưa ghi kết quả) nên không dùng được cho báo cáo. Có thể đơn vị gửi nhầm biểu trống: đề nghị đơn vị điền (chọn «%s» cho nhiệm vụ không có việc) rồi gửi lại.", len(s.Rows)+len(s.Unmatched), forms.StatusNotApplicable)
	}
	// Sheets with text that were not read.
	used := handled
	for _, t := range tables {
		used[t.g.name] = true
	}
	if indicators != nil {
		used[indicators.g.name] = true
	}
	if len(tables) > 0 {
		for _, g := range r.grids {
			if !used[g.name] && !skipSheet(g.name) && !g.empty() {
				s.addf(SeverityWarning, g.name, Pos{}, "trang tính «%s» có nội dung nhưng không có bảng báo cáo nên không được đọc. Nếu trong đó có kết quả thực hiện nhiệm vụ, hãy chép sang trang tính «%s».", g.name, s.Sheet)
			}
		}
	}
	r.checkMissing()
}

// scanParts looks at the raw sheet parts: whether any has formulas, and
// whether any is cut short (the streaming reader stops at broken XML
// without an error).
func (r *reader) scanParts() {
	r.parts = sheetParts(r.f)
	scan := func(sheet, part string, b []byte) {
		if !r.formulas && (bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) || bytes.Contains(b, []byte(":f>"))) {
			r.formulas = true
		}
		if !isSheetEnd(b) {
			what := "trang tính bị hỏng"
			if sheet == "" {
				what = "phần dữ liệu " + part + " của tệp bị hỏng"
			}
			r.s.addf(SeverityError, sheet, Pos{}, "%s (dữ liệu bị cắt cụt), nên chỉ đọc được một phần hoặc không đọc được. Mở tệp bằng Excel hoặc LibreOffice, kiểm tra, lưu lại thành .xlsx rồi gửi lại; hoặc đề nghị đơn vị gửi lại tệp.", what)
		}
	}
	if r.parts != nil {
		for _, name := range r.f.GetSheetList() {
			if b, ok := r.parts[name]; ok {
				scan(name, "", b)
			}
		}
		return
	}
	var names []string
	r.f.Pkg.Range(func(k, v any) bool {
		if name, ok := k.(string); ok && strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml") {
			names = append(names, name)
		}
		return true
	})
	slices.Sort(names)
	for _, name := range names {
		v, _ := r.f.Pkg.Load(name)
		b, _ := v.([]byte)
		scan("", name, b)
	}
}

// mergesOf returns the merged ranges of a sheet as start and end
// references: from the raw part, else from excelize.
func (r *reader) mergesOf(sheet string) [][2]string {
	if part, ok := r.parts[sheet]; ok {
		return rawMerges(part)
	}
	if r.parts != nil {
		return nil
	}
	mc, err := r.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil
	}
	var merges [][2]string
	for _, m := range mc {
		merges = append(merges, [2]string{m.GetStartAxis(), m.GetEndAxis()})
	}
	return merges
}

// isText tells a cell stored as text (not a number), from the raw XML.
func (r *reader) isText(sheet, ref string) bool {
	if typ, _, ok := rawCellAttrs(r.parts[sheet], ref); ok {
		return typ == "s" || typ == "inlineStr" || typ == "str"
	}
	if r.parts != nil {
		return false
	}
	typ, err := r.f.GetCellType(sheet, ref)
	return err == nil && (typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString)
}

// partMissing tells a sheet the workbook lists whose part the package
// lacks (no relationship, or none to an existing part): a broken file,
// unlike a chart or macro sheet, which has a part excelize does not read.
func (r *reader) partMissing(name string) bool {
	targets := sheetTargets(r.f)
	if targets == nil {
		return true
	}
	t, ok := targets[name]
	return !ok || t == "" || loadPart(r.f, t) == nil
}

// gridProblems reports what could not be read from a sheet.
func (r *reader) gridProblems(g *grid) {
	switch {
	case g.err != nil && g.errRow == 1 && strings.Contains(g.err.Error(), "does not exist") && r.partMissing(g.name):
		// Listed in the workbook, but its part is not in the package.
		r.missing++
		r.s.addf(SeverityError, g.name, Pos{}, "tệp bị hỏng: sổ có trang tính này nhưng thiếu phần dữ liệu của nó nên không đọc được. Mở tệp bằng Excel hoặc LibreOffice, kiểm tra, lưu lại thành .xlsx rồi gửi lại; hoặc đề nghị đơn vị gửi lại tệp.")
	case g.err != nil && g.errRow == 1 && strings.Contains(g.err.Error(), "does not exist"):
		// Listed in the workbook but no worksheet: a chart sheet, an
		// Excel 4 macro sheet or a dialog sheet.
		r.s.addf(SeverityWarning, g.name, Pos{}, "trang «%s» không phải trang tính có bảng (trang biểu đồ, trang macro hoặc hộp thoại) nên được bỏ qua.", vntext.Clean(g.name))
	case g.err != nil:
		r.s.addf(SeverityError, g.name, RowPos(g.errRow), "trang tính bị hỏng từ dòng %d (%s) nên các dòng từ đó trở đi không đọc được. Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi gửi lại.", g.errRow, damageWords(g.err))
	}
	if g.tooLong {
		r.s.addf(SeverityError, g.name, RowPos(g.tooLongRow), "trang tính có hơn %d dòng có dữ liệu nên chỉ đọc %d dòng đầu, đến trước dòng %d: không phải một biểu báo cáo bình thường. Xóa các dòng thừa (hoặc chép bảng báo cáo sang một tệp mới) rồi gửi lại.", maxRows, maxRows, g.tooLongRow)
	}
	for i, row := range g.overflow {
		if i == 5 {
			r.s.addf(SeverityWarning, g.name, Pos{}, "và %d dòng khác có chữ sau cột %s.", len(g.overflow)-5, colName(maxCols-1))
			break
		}
		r.s.addf(SeverityWarning, g.name, RowPos(row), "có chữ ở sau cột %s (cột thứ %d) nên không được đọc. Chuyển nội dung đó vào các cột của bảng báo cáo.", colName(maxCols-1), maxCols)
	}
}

// formTexts holds, per catalog, the texts that our forms copy from the
// catalog and the forms' vocabulary and that are already clean: most cells
// of a form, which cleanGrid need not look at one character at a time.
var formTexts sync.Map // *catalog.Catalog -> map[string]bool

func knownClean(c *catalog.Catalog) map[string]bool {
	if m, ok := formTexts.Load(c); ok {
		return m.(map[string]bool)
	}
	texts := []string{catalog.RoleLead.String(), catalog.RoleSupport.String()}
	for _, col := range forms.Columns {
		texts = append(texts, col.Header)
	}
	for _, st := range forms.Statuses {
		texts = append(texts, st.String())
	}
	for _, sec := range c.Sections {
		texts = append(texts, sec.Code, sec.Title)
	}
	for _, t := range c.Tasks() {
		texts = append(texts, t.Code, t.Content, t.Product, t.Timing)
	}
	m := map[string]bool{}
	for _, t := range texts {
		if isClean(t) {
			m[t] = true
		}
	}
	formTexts.Store(c, m)
	return m
}

// cleanGrid normalises every cell and converts legacy-encoded text.
func (r *reader) cleanGrid(g *grid) {
	counts := map[vntext.Encoding]int{}
	first := map[vntext.Encoding]Pos{}
	known := knownClean(r.c)
	controls, bidi, firstControl := 0, false, Pos{}
	for i, row := range g.rows {
		for j, v := range row {
			if v == "" || known[v] || isClean(v) {
				continue
			}
			if vntext.HasControls(v) {
				if controls == 0 {
					firstControl = g.pos(j, i)
				}
				controls++
				bidi = bidi || vntext.HasBidiControls(v)
			}
			fixed, enc := repair(v)
			row[j] = fixed
			if enc != vntext.Unicode {
				if counts[enc] == 0 {
					first[enc] = g.pos(j, i)
				}
				counts[enc]++
			}
		}
	}
	if controls > 0 {
		what := "ký tự điều khiển ẩn (không nhìn thấy)"
		if bidi {
			what = "ký tự điều khiển ẩn, có ký tự đảo chiều chữ (như U+202E) làm Word hiện chữ ngược"
		}
		r.s.addf(SeverityWarning, g.name, firstControl, "%d ô có %s; đã xóa các ký tự đó trước khi đưa vào báo cáo. Kiểm tra lại chữ ở các ô đó (ô đầu tiên: %s); thường do chép chữ từ trang web hoặc tin nhắn.", controls, what, firstControl.Ref())
	}
	for _, enc := range []vntext.Encoding{vntext.TCVN3, vntext.VNI} {
		if n := counts[enc]; n > 0 {
			r.s.addf(SeverityWarning, g.name, first[enc], "%d ô được gõ bằng bảng mã %s (chữ hiện sai dấu), đã tự chuyển sang Unicode để đọc. Kiểm tra lại chữ ở các ô đó trong báo cáo; lần sau hãy gõ bằng bảng mã Unicode (Unikey: Bảng mã Unicode).", n, enc)
		}
	}
}

// hasLatin1Letters tells text with characters of U+00A1..U+00FF, which
// legacy text read as Windows-1252 is made of.
func hasLatin1Letters(s string) bool {
	for _, r := range s {
		if r >= 0xA1 && r <= 0xFF {
			return true
		}
	}
	return false
}

type repaired struct {
	text string
	enc  vntext.Encoding
}

// repairCache remembers vntext.Repair on short texts, which come back in
// every form ("Hoàn thành", "Ghi chú"). It is bounded.
var repairCache = struct {
	sync.Mutex
	m map[string]repaired
}{m: map[string]repaired{}}

func repair(v string) (string, vntext.Encoding) {
	if len(v) > 64 {
		return vntext.Repair(v)
	}
	repairCache.Lock()
	r, ok := repairCache.m[v]
	repairCache.Unlock()
	if ok {
		return r.text, r.enc
	}
	text, enc := vntext.Repair(v)
	repairCache.Lock()
	if len(repairCache.m) < 20000 {
		repairCache.m[strings.Clone(v)] = repaired{text, enc}
	}
	repairCache.Unlock()
	return text, enc
}

// isClean tells text that vntext.Repair would leave as it is: no control
// characters or unusual spaces, no doubled or edge spaces, no characters
// that legacy encodings use, and already in NFC.
func isClean(v string) bool {
	ascii, viet, latin1 := true, false, false
	prevSpace := true // no leading space or newline
	newlines := 0
	for _, r := range v {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r == '\n':
			if (prevSpace && newlines == 0) || newlines == 2 {
				return false // space before a newline, or two blank lines
			}
			newlines++
			prevSpace = true
			continue
		case r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD || r == 0xFEFF || r == 0x1680 || r == 0x3000 ||
			(r >= 0x2000 && r <= 0x200D) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x2060 ||
			vntext.Invisible(r):
			return false // what vntext.Clean changes
		case r >= 0x80 && r <= 0xFF:
			latin1 = true
		case isVietnameseLatin(r) || (r >= 0x1EA0 && r <= 0x1EF9):
			viet = true
		case r >= 0x100 && r <= 0x2FF:
			return false // letters VNI text read as Windows-1252 shows
		}
		if r >= 0x80 {
			ascii = false
		}
		prevSpace, newlines = false, 0
	}
	switch {
	case prevSpace:
		return false // trailing space or newline
	case ascii:
		return true
	case latin1 && !viet:
		return false // maybe TCVN3 or VNI: let Repair decide
	}
	return norm.NFC.IsNormalString(v)
}

// isVietnameseLatin tells the Latin-1 and Latin Extended letters that
// Unicode Vietnamese uses and legacy text read as Windows-1252 does not:
// Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư.
func isVietnameseLatin(r rune) bool {
	switch r {
	case 'Ă', 'ă', 'Đ', 'đ', 'Ĩ', 'ĩ', 'Ũ', 'ũ', 'Ơ', 'ơ', 'Ư', 'ư':
		return true
	}
	return false
}

// noTable reports a workbook without a task table.
func (r *reader) noTable() {
	empty := true
	for _, g := range r.grids {
		if !skipSheet(g.name) && !g.empty() {
			empty = false
		}
	}
	if empty && r.missing > 0 {
		return // said broken, not empty
	}
	if empty {
		r.s.addf(SeverityError, "", Pos{}, "tệp không có dữ liệu: các trang tính đều trống. Đề nghị đơn vị điền biểu mẫu và gửi lại.")
		return
	}
	r.s.addf(SeverityError, "", Pos{}, "không tìm thấy bảng báo cáo: cần một dòng tiêu đề có cột «%s» (hoặc «STT», «%s») và cột «%s» hoặc «%s». Dùng biểu mẫu văn phòng gửi, hoặc thêm dòng tiêu đề đó vào bảng của đơn vị rồi gửi lại.",
		forms.Columns[0].Header, forms.Columns[1].Header, forms.Columns[5].Header, forms.Columns[6].Header)
}

// exampleFileName is a form's file name to give as an example: the first
// reporting unit's, for period p (2026-Q1 when none is given).
func exampleFileName(c *catalog.Catalog, p period.Period) string {
	if p.IsZero() {
		p = period.MustParse("2026-Q1")
	}
	unit := "MÃ"
	if units := c.ExampleUnits(1); len(units) > 0 {
		unit = units[0]
	}
	return unit + "-" + p.String() + ".xlsx"
}

// identify finds the unit and the period: metadata first, then the title
// cells, then the file name; the options override.
func (r *reader) identify(title []string) {
	s, c := r.s, r.c
	fileName := filepath.Base(s.Path)
	titleText := strings.Join(title, "\n")

	// Unit.
	var found, source string
	if r.meta.Unit != "" {
		if u := c.Unit(r.meta.Unit); u != nil {
			found, source = u.Code, "thông tin ẩn của biểu mẫu"
		} else if u := c.MatchUnit(r.meta.Unit); u != nil {
			found, source = u.Code, "thông tin ẩn của biểu mẫu"
		} else {
			s.addFix(Fix{Kind: FixUnit, File: fileName}, SeverityWarning, "", Pos{}, "biểu mẫu ghi mã đơn vị «%s» không có trong danh mục đơn vị (units.yaml). Kiểm tra lại danh mục.", r.meta.Unit)
		}
	}
	if found == "" {
		found = r.unitFromTitle(title)
		source = "tiêu đề"
	}
	if found == "" {
		found = unitFromFileName(c, fileName)
		source = "tên tệp"
	}
	if found == "" && s.zipPath != "" {
		found = unitFromFileName(c, s.zipPath)
		source = "tên tệp nén"
	}
	switch forced := r.opt.unitFor(s.Path); {
	case forced != "":
		if found != "" && found != forced {
			s.addFix(Fix{Kind: FixUnitChosen}, SeverityWarning, "", Pos{}, "tệp ghi đơn vị %s (theo %s) nhưng đã tính cho %s.", c.Unit(found).Name, source, nameOf(c, forced))
		}
		s.Unit = forced
	case found != "":
		s.Unit = found
	default:
		s.addFix(Fix{Kind: FixUnit, File: fileName}, SeverityError, "", Pos{}, "không xác định được tệp của đơn vị nào (không có thông tin ẩn của biểu mẫu, tiêu đề và tên tệp không nêu tên đơn vị). Đặt lại tên tệp theo mẫu «MÃĐƠNVỊ-KỲ.xlsx» (ví dụ %s) hoặc ghi «Đơn vị: <tên đơn vị>» ở đầu trang tính. Các mã: %s.", exampleFileName(c, r.opt.Period), strings.Join(c.UnitCodes(), ", "))
	}

	// Period.
	var p period.Period
	ok := false
	if r.meta.Period != "" {
		if q, err := period.Parse(r.meta.Period); err == nil {
			p, ok, source = q, true, "thông tin ẩn của biểu mẫu"
		} else if q, found := findPeriod(r.meta.Period); found {
			p, ok, source = q, true, "thông tin ẩn của biểu mẫu"
		}
	}
	if !ok {
		p, ok = findPeriod(titleText)
		source = "tiêu đề"
	}
	if !ok {
		p, ok = findPeriod(strings.TrimSuffix(fileName, filepath.Ext(fileName)))
		source = "tên tệp"
	}
	if !ok && s.zipPath != "" {
		zipName := filepath.Base(s.zipPath)
		p, ok = findPeriod(strings.TrimSuffix(zipName, filepath.Ext(zipName)))
		source = "tên tệp nén"
	}
	switch {
	case ok && !r.opt.Period.IsZero() && p != r.opt.Period && !p.PartOf(r.opt.Period):
		s.Period = p
		s.otherPeriod = len(s.Problems) + 1
		s.addFix(Fix{Kind: FixPeriod, Period: p}, SeverityError, "", Pos{}, "tệp là báo cáo %s (theo %s) nhưng đang kiểm tra %s. Đề nghị đơn vị gửi đúng báo cáo %s.", p.Name(), source, r.opt.Period.Name(), r.opt.Period.Name())
	case ok:
		s.Period = p
	case !r.opt.Period.IsZero():
		s.Period = r.opt.Period
		s.addFix(Fix{Kind: FixPeriodChosen}, SeverityWarning, "", Pos{}, "tệp không ghi kỳ báo cáo; coi là báo cáo %s.", r.opt.Period.Name())
	default:
		s.addFix(Fix{Kind: FixPeriod}, SeverityError, "", Pos{}, "không xác định được kỳ báo cáo của tệp (không có thông tin ẩn của biểu mẫu, tiêu đề và tên tệp không ghi kỳ). Ghi kỳ vào tiêu đề (ví dụ «quý I năm 2026») hay tên tệp (ví dụ %s).", exampleFileName(c, period.MustParse("2026-Q1")))
	}
	if r.meta.Fingerprint != "" && c.Fingerprint != "" && r.meta.Fingerprint != c.Fingerprint {
		s.addf(SeverityWarning, "", Pos{}, "biểu mẫu được tạo từ một danh mục nhiệm vụ khác với danh mục hiện tại (mã %s, hiện tại %s): nhiệm vụ có thể đã đổi. Các dòng được khớp lại theo mã và nội dung; nên gửi đơn vị biểu mẫu mới (baocao forms).", r.meta.Fingerprint, c.Fingerprint)
	}
}

func nameOf(c *catalog.Catalog, code string) string {
	if u := c.Unit(code); u != nil {
		return u.Name
	}
	return code
}

// unitFromTitle finds the unit named in the title cells: a cell labelled
// "Đơn vị" wins; else the one unit named.
func (r *reader) unitFromTitle(title []string) string {
	var all []string
	for _, t := range title {
		us := unitsIn(r.c, t)
		if len(us) == 0 {
			continue
		}
		f := vntext.Fold(t)
		if strings.HasPrefix(f, "don vi") || strings.HasPrefix(f, "ten don vi") || strings.HasPrefix(f, "co quan") {
			return us[0]
		}
		for _, u := range us {
			if !slices.Contains(all, u) {
				all = append(all, u)
			}
		}
	}
	if len(all) == 1 {
		return all[0]
	}
	if len(all) > 1 {
		r.s.addf(SeverityWarning, "", Pos{}, "tiêu đề nêu nhiều đơn vị (%s) nên không dựa vào đó để xác định đơn vị gửi.", strings.Join(r.c.UnitNames(all), ", "))
	}
	return ""
}

// hasIndicatorValues tells whether any indicator has a figure.
func hasIndicatorValues(s *Submission) bool {
	for _, v := range s.Indicators {
		if v.Previous != nil || v.Current != nil {
			return true
		}
	}
	return false
}
