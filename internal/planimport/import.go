package planimport

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"

	"baocao/internal/catalog"
	"baocao/internal/cfb"
	"baocao/internal/outfile"
	"baocao/internal/vntext"
)

// ReviewFile is the review list written beside the data files.
const ReviewFile = "kiem-tra-nhap.txt"

// maxFileSize is the largest appendix read.
const maxFileSize = 50 << 20

// Error is a file that cannot be imported, worded for the user.
type Error struct {
	Path string
	Msg  string
	// Unreadable: the file is a Word or Excel file but nothing could be
	// read from it (exit 1); otherwise the argument itself is wrong
	// (missing, a folder, another kind of file: exit 2).
	Unreadable bool
}

func (e *Error) Error() string { return e.Path + ": " + e.Msg }

// ExistsError is an output folder that already holds some of the files:
// nothing is written over them.
type ExistsError struct {
	Dir   string
	Files []string
}

func (e *ExistsError) Error() string {
	return fmt.Sprintf("thư mục %s đã có %s: không ghi đè, không ghi gì. Chọn một thư mục mới cho --out, hoặc đổi tên (xóa) các tệp đó rồi chạy lại.",
		e.Dir, strings.Join(e.Files, ", "))
}

// Result is an imported appendix: the data files and the review list,
// ready to be written.
type Result struct {
	Source string
	// Files are the file names (plan.yaml, ..., kiem-tra-nhap.txt) and
	// their contents, in the order they are written.
	Files []outfile.File
	// Review is the review list, as written to ReviewFile.
	Review string
	// Counts of what was read.
	Sections, Tasks, Headings, Units, Groups int
	// Problems counts the errors the data files still have when checked:
	// the review list names them; the office must fix them.
	Problems int
}

// Import reads the appendix in path (.docx or .xlsx).
func Import(path string) (*Result, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &Error{Path: path, Msg: "không tìm thấy tệp. Kiểm tra lại đường dẫn (tên tệp có dấu cách thì đặt trong dấu ngoặc kép)."}
	case err != nil:
		return nil, &Error{Path: path, Msg: "không đọc được tệp (không có quyền đọc, tên quá dài hoặc ổ đĩa lỗi): chép tệp vào một thư mục khác, đặt tên ngắn rồi thử lại."}
	case fi.IsDir():
		return nil, &Error{Path: path, Msg: "đây là thư mục: nêu tệp phụ lục .docx hoặc .xlsx."}
	case fi.Size() > maxFileSize:
		return nil, &Error{Path: path, Msg: fmt.Sprintf("tệp lớn %d MB, quá lớn cho một phụ lục nhiệm vụ.", fi.Size()>>20), Unreadable: true}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: "không đọc được tệp: tệp có đang mở hoặc bị khóa không?"}
	}
	return ImportBytes(path, data)
}

var (
	ole2Signature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipSignature  = []byte("PK\x03\x04")
)

// ImportBytes reads an appendix from its bytes; name gives the file's name
// for messages.
func ImportBytes(name string, data []byte) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(name))
	var doc *document
	var err error
	switch {
	case bytes.HasPrefix(data, ole2Signature):
		what := "tệp Word 97-2003 (.doc)"
		switch info := cfb.Sniff(data); {
		case info.Encrypted:
			return nil, &Error{Path: name, Msg: "tệp có mật khẩu nên không đọc được: mở tệp bằng Word hoặc Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ > Mã hóa bằng mật khẩu: xóa mật khẩu), lưu thành .docx hoặc .xlsx rồi nhập tệp mới.", Unreadable: true}
		case info.Kind == cfb.XLS, info.Kind != cfb.Doc && ext == ".xls":
			what = "tệp Excel 97-2003 (.xls)"
		}
		return nil, &Error{Path: name, Msg: what + ": mở tệp bằng Word hoặc Excel, chọn Tệp > Lưu thành, kiểu «Tài liệu Word (*.docx)» hoặc «Sổ làm việc Excel (*.xlsx)», rồi nhập tệp mới."}
	case bytes.HasPrefix(data, []byte("%PDF")):
		return nil, &Error{Path: name, Msg: "tệp PDF không nhập được vì không giữ bảng: dùng bản Word (.docx) của phụ lục; nếu chỉ có PDF, mở bằng Word (Tệp > Mở) để chuyển thành .docx, kiểm tra bảng rồi lưu."}
	case bytes.HasPrefix(data, zipSignature) && (ext == ".xlsx" || ext == ".xlsm"):
		doc, err = readXlsx(data)
	case bytes.HasPrefix(data, zipSignature):
		doc, err = readDocx(data)
		if errors.Is(err, errNoDocument) {
			doc, err = readXlsx(data)
		}
	case ext == ".docx" || ext == ".xlsx":
		return nil, &Error{Path: name, Msg: "tệp không phải là tệp Word hay Excel hợp lệ (có thể bị hỏng hoặc chỉ đổi đuôi tên tệp): mở bằng Word hoặc Excel và lưu lại.", Unreadable: true}
	default:
		return nil, &Error{Path: name, Msg: "chỉ nhập được phụ lục dạng bảng trong tệp Word (.docx) hoặc Excel (.xlsx)."}
	}
	if err != nil {
		return nil, &Error{Path: name, Msg: "không đọc được nội dung tệp: tệp có thể bị hỏng hoặc chưa tải về hết; mở bằng Word hoặc Excel, lưu lại rồi thử lại.", Unreadable: true}
	}
	return build(name, doc)
}

// build turns the document into data files.
func build(name string, doc *document) (*Result, error) {
	a, ok := readAppendix(doc)
	if !ok {
		n := len(doc.tables)
		msg := fmt.Sprintf("không thấy bảng phụ lục nhiệm vụ (%s có %d bảng): cần một hàng tiêu đề có các cột «STT», «Nội dung nhiệm vụ» và «Đơn vị chủ trì».", doc.kind, n)
		return nil, &Error{Path: name, Msg: msg, Unreadable: true}
	}
	items := 0
	for _, s := range a.sections {
		items += len(s.items)
	}
	if items == 0 {
		return nil, &Error{Path: name, Msg: "có hàng tiêu đề của phụ lục nhưng không đọc được nhiệm vụ nào: cột STT cần số La Mã cho các phần (I, II, ...) và số cho các nhiệm vụ (1, 2, ...).", Unreadable: true}
	}
	im := &importer{name: name, a: a, notes: &a.notes}
	im.plan = readPlan(append(slices.Clone(doc.lines), a.before...), im.notes)
	return im.run()
}

// importer holds one import's state.
type importer struct {
	name  string
	a     *appendix
	plan  planFacts
	reg   *registry
	notes *notes
	// refs per item: the mentions of its lead and support columns
	leadRefs, supportRefs map[*item][]string
	collector             string
}

func (im *importer) run() (*Result, error) {
	a := im.a
	kind := im.plan.localKind
	if !localKindOK(kind) {
		kind = "xã"
	}
	im.reg = newRegistry(kind, im.plan.localName, im.notes)
	im.inherit()

	type pending struct {
		it       *item
		lead, su []mention
	}
	var ps []pending
	for _, s := range a.sections {
		for _, it := range s.items {
			if it.heading {
				continue
			}
			p := pending{it: it, lead: splitNames(it.text[colLead]), su: splitNames(it.text[colSupport])}
			for _, m := range p.lead {
				im.reg.add(m, it.place)
			}
			for _, m := range p.su {
				if isParty(m.text) && !leadsSomewhere(a, m.text) {
					continue // named as written: no unit, no form
				}
				im.reg.add(m, it.place)
			}
			ps = append(ps, p)
		}
	}
	im.collector = im.reg.finish()
	im.leadRefs, im.supportRefs = map[*item][]string{}, map[*item][]string{}
	for _, p := range ps {
		im.leadRefs[p.it] = im.resolve(p.lead)
		im.supportRefs[p.it] = im.resolve(p.su)
		for _, m := range p.su {
			if isParty(m.text) && im.reg.byKey[im.reg.unitKey(m.text)] == nil && !slices.Contains(im.supportRefs[p.it], m.text) {
				im.supportRefs[p.it] = append(im.supportRefs[p.it], m.text)
				im.notes.add(topicUnits, p.it.place, fmt.Sprintf("bên phối hợp «%s» của nhiệm vụ %s không phải đơn vị gửi báo cáo: ghi theo tên trong support, không có biểu mẫu; nếu bên này phải báo cáo, thêm vào units.yaml và ghi mã của nó thay cho tên", m.text, p.it.code))
			}
		}
	}
	im.emptyCells()
	im.targetHints()

	res := &Result{Source: im.name}
	for _, s := range a.sections {
		res.Sections++
		for _, it := range s.items {
			if it.heading {
				res.Headings++
			} else {
				res.Tasks++
			}
		}
	}
	for _, e := range im.reg.entities {
		if e.group {
			res.Groups++
		} else {
			res.Units++
		}
	}
	files := []outfile.File{
		{Path: catalog.PlanFile, Data: []byte(im.planYAML())},
		{Path: catalog.TasksFile, Data: []byte(im.tasksYAML())},
		{Path: catalog.UnitsFile, Data: []byte(im.unitsYAML())},
		{Path: catalog.IndicatorsFile, Data: []byte(im.indicatorsYAML())},
	}
	res.Problems = im.check(files)
	res.Review = im.review(res)
	res.Files = append(files, outfile.File{Path: ReviewFile, Data: []byte(strings.ReplaceAll(res.Review, "\n", "\r\n"))})
	return res, nil
}

// inherit gives an item the unit, product and timing cells of its
// heading when its own are empty and the heading's are not.
func (im *importer) inherit() {
	for _, s := range im.a.sections {
		byCode := map[string]*item{}
		for _, it := range s.items {
			byCode[it.code] = it
		}
		for _, it := range s.items {
			if !it.heading {
				continue
			}
			var kept []string
			for k := colLead; k < numColumns; k++ {
				if it.text[k] != "" {
					kept = append(kept, "«"+columnNames[k]+"»")
				}
			}
			if len(kept) == 0 {
				continue
			}
			var took []string
			for _, child := range s.items {
				if parentOf(child.code) != it.code || child.heading {
					continue
				}
				for k := colLead; k < numColumns; k++ {
					if child.text[k] == "" && it.text[k] != "" {
						child.text[k] = it.text[k]
						took = appendOnce(took, child.code)
					}
				}
			}
			msg := fmt.Sprintf("tiêu đề nhóm %s có ghi %s; tiêu đề nhóm không có đơn vị, sản phẩm, thời gian riêng nên các ô này được bỏ", it.code, strings.Join(kept, ", "))
			if len(took) > 0 {
				msg = fmt.Sprintf("tiêu đề nhóm %s có ghi %s: các mục con để trống ô tương ứng (%s) được lấy theo tiêu đề; kiểm tra lại", it.code, strings.Join(kept, ", "), strings.Join(took, ", "))
			}
			im.notes.add(topicTasks, it.place, msg)
			for k := colLead; k < numColumns; k++ {
				it.text[k] = ""
			}
		}
	}
}

// resolve gives the codes of the units and groups mentioned, in order,
// each once.
func (im *importer) resolve(ms []mention) []string {
	var out []string
	for _, m := range ms {
		if im.reg.byKey[im.reg.unitKey(m.text)] == nil && isParty(m.text) {
			continue
		}
		key := im.reg.unitKey(m.text)
		if m.group {
			key = "group:" + im.reg.groupKey(m.text)
		}
		if e := im.reg.byKey[key]; e != nil && !slices.Contains(out, e.code) {
			out = append(out, e.code)
		}
	}
	return out
}

// partyPrefixes begin (folded) the names of those an appendix may ask to
// coordinate who never report to the commune: village and residential
// group heads, the people, households.
var partyPrefixes = []string{
	"truong thon", "truong cac thon", "truong ban nhan dan thon", "truong ban nhan dan cac thon",
	"cac thon", "thon ", "truong to dan pho", "truong cac to dan pho", "cac to dan pho", "to truong",
	"nguoi dan", "nhan dan", "ho gia dinh", "cac ho gia dinh", "cac ho ",
}

// leadsSomewhere tells whether name leads some task of the appendix: then
// it is a unit, and reports.
func leadsSomewhere(a *appendix, name string) bool {
	f := vntext.Fold(name)
	for _, s := range a.sections {
		for _, it := range s.items {
			for _, m := range splitNames(it.text[colLead]) {
				if vntext.Fold(m.text) == f {
					return true
				}
			}
		}
	}
	return false
}

// isParty tells a coordinator that is no reporting unit («Trưởng các
// thôn»): tasks.yaml names it as written, and it gets no form.
func isParty(name string) bool {
	f := vntext.Fold(name) + " "
	for _, p := range partyPrefixes {
		if strings.HasPrefix(f, p) || strings.HasPrefix(f, p+" ") {
			return true
		}
	}
	return false
}

// emptyCells notes every empty cell of a task, and the cells a merge gave.
func (im *importer) emptyCells() {
	for _, s := range im.a.sections {
		for _, it := range s.items {
			if it.heading {
				continue
			}
			if it.text[colContent] == "" {
				im.notes.add(topicTasks, it.place, fmt.Sprintf("nhiệm vụ %s để trống «%s»: ghi content trong tasks.yaml", it.code, columnNames[colContent]))
			}
			for k := colLead; k < numColumns; k++ {
				if im.a.layout.col[k] < 0 {
					continue // the table has no such column: said once below
				}
				if it.text[k] == "" {
					what := ""
					switch k {
					case colLead:
						what = ": mỗi nhiệm vụ cần đơn vị chủ trì, ghi lead và lead_text trong tasks.yaml"
					case colTiming:
						what = ": ghi timing_missing: true, không tự điền thời gian"
					default:
						what = ": để trống như phụ lục"
					}
					im.notes.add(topicTasks, it.place, fmt.Sprintf("nhiệm vụ %s để trống «%s»%s", it.code, columnNames[k], what))
				}
				if from := it.mergedFrom[k]; from != "" {
					im.notes.add(topicTasks, it.place, fmt.Sprintf("nhiệm vụ %s: ô «%s» là ô gộp với %s, dùng chung «%s»", it.code, columnNames[k], from, shorten(it.text[k], 60)))
				}
			}
		}
	}
	for k := colLead; k < numColumns; k++ {
		if im.a.layout.col[k] < 0 {
			im.notes.add(topicReading, "", fmt.Sprintf("bảng không có cột «%s»: các ô đó để trống", columnNames[k]))
		}
	}
}

// targetHints names the tasks whose content gives a figure to reach: the
// office may write it as a target.
func (im *importer) targetHints() {
	for _, s := range im.a.sections {
		for _, it := range s.items {
			if !it.heading && strings.Contains(it.text[colContent], "%") {
				im.notes.add(topicIndicators, it.place, fmt.Sprintf("nhiệm vụ %s nêu một tỷ lệ phải đạt («%s»): nếu muốn báo cáo tự đánh giá, ghi mục tiêu trong targets của indicators.yaml (capital_share, growth_share, growth_rate, reach)", it.code, percentContext(it.text[colContent])))
			}
		}
	}
}

// percentContext is the words around the first "%" of s.
func percentContext(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.Contains(w, "%") {
			from, to := max(0, i-6), min(len(words), i+6)
			return strings.Join(words[from:to], " ")
		}
	}
	return shorten(s, 60)
}

// check loads the files as the program will, and notes what is still
// wrong: those mistakes must be fixed before the data can be used.
func (im *importer) check(files []outfile.File) int {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	_, err := catalog.LoadFS(fsys, ".")
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		return 0
	}
	for _, e := range errs {
		im.notes.add(topicCheck, "", strings.TrimPrefix(e.Error(), "./"))
	}
	return len(errs)
}

// review writes the review list.
func (im *importer) review(res *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "KIỂM TRA DỮ LIỆU NHẬP TỪ PHỤ LỤC\n")
	fmt.Fprintf(&b, "Tệp phụ lục: %s\n", filepath.Base(im.name))
	fmt.Fprintf(&b, "Đã đọc: %d phần, %d nhiệm vụ, %d tiêu đề nhóm; %d đơn vị, %d nhóm đơn vị.\n", res.Sections, res.Tasks, res.Headings, res.Units, res.Groups)
	b.WriteString("\nMỗi mục dưới đây là một chỗ chương trình đã phải đoán, hoặc phụ lục để trống, kèm hàng của bảng mà nó lấy ra.\n")
	b.WriteString("Đối chiếu với phụ lục, sửa trong các tệp .yaml nếu cần (mở bằng Notepad, lưu UTF-8),\n")
	b.WriteString("rồi chạy «baocao --data THƯ_MỤC catalog» để kiểm tra lại.\n")
	for _, t := range []topic{topicCheck, topicReading, topicPlan, topicUnits, topicTasks, topicIndicators} {
		var list []note
		for _, n := range *im.notes {
			if n.topic == t {
				list = append(list, n)
			}
		}
		if len(list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", topicTitles[t])
		for _, n := range list {
			if n.place != "" {
				fmt.Fprintf(&b, "  - %s: %s\n", n.place, n.text)
			} else {
				fmt.Fprintf(&b, "  - %s\n", n.text)
			}
		}
	}
	return b.String()
}

// Write puts the files into dir, whole or not at all. It refuses, writing
// nothing, when dir already holds any of them (an *ExistsError). It
// returns the paths written.
func (r *Result) Write(dir string) ([]string, error) {
	var exist []string
	var files []outfile.File
	for _, f := range r.Files {
		path := filepath.Join(dir, f.Path)
		if _, err := os.Lstat(path); err == nil {
			exist = append(exist, f.Path)
		}
		files = append(files, outfile.File{Path: path, Data: f.Data})
	}
	if len(exist) > 0 {
		return nil, &ExistsError{Dir: dir, Files: exist}
	}
	if err := outfile.WriteAll(files...); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	return paths, nil
}

// plainTitle is a text in one line, cleaned.
func plainTitle(s string) string { return strings.Join(strings.Fields(vntext.Clean(s)), " ") }
