package render

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	docx "github.com/lukasjarosch/go-docx"
)

// Data is what a template is filled with. Values are string, bool, ints,
// float64, time.Time; Data or map[string]any for {a.b}; []Data,
// []map[string]any or []any for blocks.
type Data map[string]any

// FieldKind tells how a template uses a name.
type FieldKind string

const (
	KindValue FieldKind = "trường"         // {x}
	KindBlock FieldKind = "khối lặp"       // {#x} ... {/x}
	KindIf    FieldKind = "khối điều kiện" // {?x} ... {/x}
	KindIfNot FieldKind = "khối ngược lại" // {^x} ... {/x}
)

// Field is a name a template uses.
type Field struct {
	Name       string    // dotted, with the enclosing repeat blocks: "phan.nhiem_vu.ma"
	Kind       FieldKind //
	Formatters []string  // formatters used with it, e.g. "so"
}

// partsRe selects the parts that hold text we fill.
var partsRe = regexp.MustCompile(`^word/(document|header[0-9]*|footer[0-9]*)\.xml$`)

func partName(zipName string) string {
	base := strings.TrimSuffix(strings.TrimPrefix(zipName, "word/"), ".xml")
	switch {
	case base == "document":
		return "thân văn bản"
	case strings.HasPrefix(base, "header"):
		return "đầu trang " + strings.TrimPrefix(base, "header")
	default:
		return "chân trang " + strings.TrimPrefix(base, "footer")
	}
}

// maxPackage caps what a template may unpack to, in all.
const maxPackage = 256 << 20

// macros tells a macro-enabled Word file (.docm, .dotm): a VBA project
// part, or a macro-enabled main part in its content types.
func macros(zr *zip.Reader) bool {
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if strings.HasSuffix(name, "vbaproject.bin") {
			return true
		}
		if name == "[content_types].xml" {
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
			rc.Close()
			if bytes.Contains(bytes.ToLower(b), []byte("macroenabled")) {
				return true
			}
		}
	}
	return false
}

// openDocument words a LibreOffice (OpenDocument) file given as a Word
// template, from its mimetype.
func openDocument(mimetype string) error {
	what := "tệp OpenDocument của LibreOffice"
	switch {
	case strings.Contains(mimetype, "opendocument.spreadsheet"):
		what = "bảng tính LibreOffice Calc (.ods)"
	case strings.Contains(mimetype, "opendocument.text"):
		what = "văn bản LibreOffice Writer (.odt)"
	}
	return fmt.Errorf("đây là %s, không phải văn bản Word: chọn đúng tệp mẫu Word (.docx); nếu mẫu được soạn bằng LibreOffice Writer, mở nó rồi chọn Tệp > Lưu thành, kiểu «Word 2007-365 (.docx)»", what)
}

type zipEntry struct {
	hdr  zip.FileHeader
	data []byte
}

// readPackage reads every entry of a .docx. Its messages say what the
// file is instead, since the caller names the file.
func readPackage(b []byte) ([]*zipEntry, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		// A flat OpenDocument file (.fods, .fodt) is one XML document.
		if head := b[:min(len(b), 4096)]; bytes.Contains(head, []byte("urn:oasis:names:tc:opendocument:xmlns:office")) {
			return nil, openDocument(string(head))
		}
		return nil, errors.New("tệp không phải là văn bản Word .docx (không mở được như một tệp .docx): mở mẫu bằng Word, chọn Tệp > Lưu thành, kiểu «Tài liệu Word (*.docx)», rồi dùng tệp đó")
	}
	// What the package is, before anything else: a macro-enabled
	// workbook is a workbook, not a macro-enabled template.
	for _, f := range zr.File {
		switch f.Name {
		case "xl/workbook.xml", "xl/workbook.bin":
			return nil, errors.New("đây là bảng tính Excel, không phải văn bản Word: chọn đúng tệp mẫu Word (.docx)")
		case "ppt/presentation.xml":
			return nil, errors.New("đây là tệp PowerPoint, không phải văn bản Word: chọn đúng tệp mẫu Word (.docx)")
		case "mimetype":
			// OpenDocument (LibreOffice): the mimetype entry names it, even
			// in a file saved with a password.
			if rc, err := f.Open(); err == nil {
				m, _ := io.ReadAll(io.LimitReader(rc, 256))
				rc.Close()
				return nil, openDocument(string(m))
			}
		}
	}
	if macros(zr) {
		return nil, errors.New("tệp có macro (.docm, .dotm): chương trình không dùng mẫu có macro, để macro không lọt vào báo cáo gửi đi. Mở mẫu bằng Word, chọn Tệp > Lưu thành, kiểu «Tài liệu Word (*.docx)» (Word bỏ macro đi), rồi dùng tệp .docx đó")
	}
	var entries []*zipEntry
	var total int64
	for _, f := range zr.File {
		if total += int64(f.UncompressedSize64); total > maxPackage {
			return nil, fmt.Errorf("tệp quá lớn khi giải nén (hơn %d MB): một mẫu báo cáo chỉ vài chục KB; mở mẫu bằng Word, xóa ảnh lớn rồi lưu lại", maxPackage>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("không đọc được phần %s trong tệp .docx: tệp bị hỏng khi chép hoặc chưa tải về hết; mở bằng Word và lưu lại", f.Name)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxPackage))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("không đọc được phần %s trong tệp .docx: tệp bị hỏng khi chép hoặc chưa tải về hết; mở bằng Word và lưu lại", f.Name)
		}
		entries = append(entries, &zipEntry{hdr: f.FileHeader, data: data})
	}
	has := func(name string) bool {
		for _, e := range entries {
			if e.hdr.Name == name {
				return true
			}
		}
		return false
	}
	if has("word/document.xml") {
		return entries, nil
	}
	return nil, errors.New("tệp không có phần nội dung của văn bản Word (word/document.xml): mở mẫu bằng Word, chọn Tệp > Lưu thành, kiểu «Tài liệu Word (*.docx)», rồi dùng tệp đó")
}

type compiledPart struct {
	entry *zipEntry
	name  string
	prog  *program
}

func compileAll(entries []*zipEntry) ([]*compiledPart, []Problem) {
	var parts []*compiledPart
	var problems []Problem
	for _, e := range entries {
		if !partsRe.MatchString(e.hdr.Name) {
			continue
		}
		name := partName(e.hdr.Name)
		prog, ps := compilePart(e.data, name)
		problems = append(problems, ps...)
		parts = append(parts, &compiledPart{entry: e, name: name, prog: prog})
	}
	// the body first, then headers and footers, for a readable list
	sort.SliceStable(parts, func(i, j int) bool {
		return parts[i].entry.hdr.Name == "word/document.xml" && parts[j].entry.hdr.Name != "word/document.xml"
	})
	return parts, problems
}

// Template is a compiled .docx template: compile it once, then list its
// fields or fill it as often as needed. Render never changes it.
type Template struct {
	src     []byte
	entries []*zipEntry
	parts   []*compiledPart
	// declared: compiled against the program's fields, which a template
	// may leave unused (the office's own template, the vocabulary of an
	// earlier version) without a warning.
	declared bool
}

// Compile reads and compiles a template. Its mistakes of syntax come back
// as a *TemplateError that lists all of them. Compile never panics.
func Compile(template []byte) (*Template, error) { return CompileFor(template, nil) }

// CompileFor compiles a template and checks it against the fields the
// program gives it: every mistake, of syntax (a stray brace, a block left
// open, a formatter that does not exist) and of names (a field that does
// not exist, or is used outside its block), comes back in one
// *TemplateError, in document order. With no fields it checks the syntax
// alone. CompileFor never panics.
func CompileFor(template []byte, fields []Spec) (t *Template, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("Mẫu báo cáo: lỗi bất ngờ khi đọc mẫu (%v)", r)
		}
	}()
	var top *shape
	if fields != nil {
		top = specShape(fields)
	}
	t, problems, err := compileTemplate(template, top)
	if err != nil {
		return nil, err
	}
	if fields != nil && len(problems) == 0 && len(t.Fields()) == 0 {
		// A document with no field would come out as itself: a report
		// with no figure and no unit's words, under the program's name.
		problems = append(problems, Problem{Part: "toàn bộ mẫu", Message: "mẫu không có trường nào trong ngoặc nhọn (như {ten_xa} hay {#phan}…{/phan}) nên văn bản lập ra sẽ chỉ là chính mẫu, không có số liệu và lời báo cáo nào của các đơn vị. Dùng mẫu có sẵn của chương trình (hoặc bản mẫu đã sửa trước đó), chỉ sửa lời văn và giữ nguyên các trường."})
	}
	if len(problems) > 0 {
		return nil, &TemplateError{Problems: problems}
	}
	t.declared = fields != nil
	return t, nil
}

// compileTemplate compiles a template and, when top is given, checks its
// names against it. The template comes back with its problems, in
// document order, so that a caller can check it further.
func compileTemplate(template []byte, top *shape) (*Template, []Problem, error) {
	entries, err := readPackage(template)
	if err != nil {
		return nil, nil, err
	}
	parts, problems := compileAll(entries)
	t := &Template{src: template, entries: entries, parts: parts}
	if top != nil {
		problems = append(problems, t.check(top).problems...)
	}
	t.sort(problems)
	return t, problems, nil
}

// check compares the template's names with a shape of its data.
func (t *Template) check(top *shape) *checker {
	chk := &checker{used: map[string]bool{}}
	for _, p := range t.parts {
		if p.prog != nil {
			chk.walk(p.prog.body, []*shape{top}, 0)
		}
	}
	return chk
}

func (t *Template) sort(problems []Problem) {
	names := make([]string, len(t.parts))
	for i, p := range t.parts {
		names[i] = p.name
	}
	sortProblems(problems, names)
}

// Fields lists the names a template uses, in the order they first appear.
func Fields(template []byte) ([]Field, error) {
	t, err := Compile(template)
	if err != nil {
		return nil, err
	}
	return t.Fields(), nil
}

// Fields lists the names the template uses, in the order they first appear.
func (t *Template) Fields() (fields []Field) {
	parts := t.parts
	index := map[string]int{}
	var walk func(ops []op, chain []string)
	add := func(name string, kind FieldKind, formatter string) {
		key := name + "\x00" + string(kind)
		i, ok := index[key]
		if !ok {
			i = len(fields)
			index[key] = i
			fields = append(fields, Field{Name: name, Kind: kind})
		}
		if formatter != "" && !contains(fields[i].Formatters, formatter) {
			fields[i].Formatters = append(fields[i].Formatters, formatter)
		}
	}
	walk = func(ops []op, chain []string) {
		for _, o := range ops {
			switch o := o.(type) {
			case *fieldOp:
				add(strings.Join(append(chain, strings.Join(o.ref.path, ".")), "."), KindValue, o.ref.formatter)
			case *blockOp:
				name := strings.Join(append(chain, o.name), ".")
				switch o.kind {
				case '?':
					add(name, KindIf, "")
					walk(o.body, chain)
				case '^':
					add(name, KindIfNot, "")
					walk(o.body, chain)
				default:
					add(name, KindBlock, "")
					walk(o.body, append(chain[:len(chain):len(chain)], o.name))
				}
			case *cellOp:
				walk(o.body, chain)
			case *tableOp:
				walk(o.body, chain)
			case *rowOp:
				walk(o.body, chain)
			}
		}
	}
	for _, p := range parts {
		walk(p.prog.body, nil)
	}
	return fields
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// goDocxMu guards go-docx, whose run and fragment counters are globals.
var goDocxMu sync.Mutex

// Render fills a .docx template with data. Mistakes of the template come
// back as a *TemplateError that lists all of them; warnings (fields given
// but never used, values a formatter could not read) come back apart, in
// Vietnamese. Render never panics, whatever the template.
func Render(template []byte, data Data) (out []byte, warnings []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, warnings, err = nil, nil, fmt.Errorf("Mẫu báo cáo: lỗi bất ngờ khi đọc mẫu (%v)", r)
		}
	}()
	t, problems, err := compileTemplate(template, shapeOf(data))
	if err != nil {
		return nil, nil, err
	}
	if len(problems) > 0 {
		return nil, nil, &TemplateError{Problems: problems}
	}
	return t.Render(data)
}

// Render fills the template with data, as the function Render does.
func (t *Template) Render(data Data) (out []byte, warnings []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, warnings, err = nil, nil, fmt.Errorf("Mẫu báo cáo: lỗi bất ngờ khi điền mẫu (%v)", r)
		}
	}()
	// Fill copies of the entries: the compiled template stays as it was.
	template := t.src
	entries := make([]*zipEntry, len(t.entries))
	copied := map[*zipEntry]*zipEntry{}
	for i, e := range t.entries {
		c := *e
		entries[i], copied[e] = &c, &c
	}
	parts := make([]*compiledPart, len(t.parts))
	for i, p := range t.parts {
		parts[i] = &compiledPart{entry: copied[p.entry], name: p.name, prog: p.prog}
	}
	top := shapeOf(data)
	chk := t.check(top)
	if len(chk.problems) > 0 {
		t.sort(chk.problems)
		return nil, nil, &TemplateError{Problems: chk.problems}
	}
	if !t.declared {
		warnings = unusedWarnings(top, chk.used)
	}

	open, close := sentinels(template, data)
	usedSentinel := false
	x := &execer{}
	for _, p := range parts {
		src := p.entry.data
		if repl := freeFields(p.prog, data, open, close, x); len(repl) > 0 {
			if b, err := goDocxReplace(src, repl); err == nil {
				src = b
				usedSentinel = true
			}
		}
		prog, ps := compilePart(src, p.name)
		if len(ps) > 0 {
			return nil, nil, &TemplateError{Problems: ps}
		}
		x.buf.Reset()
		x.program(prog, data)
		res := x.buf.Bytes()
		if usedSentinel {
			res = bytes.ReplaceAll(res, []byte(string(open)), []byte("&#123;"))
			res = bytes.ReplaceAll(res, []byte(string(close)), []byte("&#125;"))
		}
		p.entry.data = append([]byte(nil), res...)
	}
	for w := range x.warnings {
		warnings = append(warnings, w)
	}
	sort.Strings(warnings)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := zip.FileHeader{Name: e.hdr.Name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, nil, fmt.Errorf("render: write %s: %w", e.hdr.Name, err)
		}
		if _, err := w.Write(e.data); err != nil {
			return nil, nil, fmt.Errorf("render: write %s: %w", e.hdr.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, nil, fmt.Errorf("render: write docx: %w", err)
	}
	return buf.Bytes(), warnings, nil
}

// freeFields picks the placeholders that go-docx fills: those outside any
// block whose text is never used inside one (where an item could give the
// name another value), with their formatted values. Braces in the values
// become the sentinel runes so that nothing reads them as placeholders.
func freeFields(p *program, data Data, open, close rune, x *execer) map[string]string {
	outside := map[string]*ref{}
	inside := map[string]bool{}
	var walk func(ops []op, depth int)
	walk = func(ops []op, depth int) {
		for _, o := range ops {
			switch o := o.(type) {
			case *fieldOp:
				if depth == 0 {
					outside[o.ref.raw] = o.ref
				} else {
					inside[o.ref.raw] = true
				}
			case *blockOp:
				walk(o.body, depth+1)
			case *cellOp:
				walk(o.body, depth)
			case *tableOp:
				walk(o.body, depth)
			case *rowOp:
				walk(o.body, depth)
			}
		}
	}
	walk(p.body, 0)
	repl := map[string]string{}
	for raw, r := range outside {
		if inside[raw] || strings.ContainsAny(raw, "<>&\"'") {
			continue
		}
		v, _ := resolve(r.path, []any{map[string]any(data)})
		s := cleanValue(x.format(r, v))
		if strings.ContainsRune(s, '\t') {
			continue // go-docx would leave a raw tab; our layer writes <w:tab/>
		}
		s = strings.Map(func(c rune) rune {
			switch c {
			case '{':
				return open
			case '}':
				return close
			}
			return c
		}, s)
		repl[raw] = s
	}
	return repl
}

// goDocxReplace lets go-docx replace placeholders in one part. Whatever it
// cannot do is left in place for our own pass.
func goDocxReplace(src []byte, repl map[string]string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("go-docx: %v", r)
		}
	}()
	goDocxMu.Lock()
	defer goDocxMu.Unlock()
	docx.ResetRunIdCounter()
	docx.ResetFragmentIdCounter()
	doc := append([]byte(nil), src...)
	rp := docx.NewRunParser(doc)
	if err := rp.Execute(); err != nil {
		return nil, err
	}
	ph, err := docx.ParsePlaceholders(rp.Runs(), doc)
	if err != nil {
		return nil, err
	}
	r := docx.NewReplacer(doc, ph)
	keys := make([]string, 0, len(repl))
	for k := range repl {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := r.Replace(k, repl[k]); err != nil && !errors.Is(err, docx.ErrPlaceholderNotFound) {
			return nil, err
		}
	}
	// go-docx writes a line break as </w:t><w:br/><w:t>: keep the spaces
	// around it.
	return bytes.ReplaceAll(r.Bytes(), []byte("<w:t>"), []byte(`<w:t xml:space="preserve">`)), nil
}

// sentinels picks two private-use runes that occur neither in the template
// nor in the data, to carry braces through go-docx.
func sentinels(template []byte, data Data) (rune, rune) {
	seen := map[rune]bool{}
	note := func(s string) {
		for _, r := range s {
			if r >= 0xE000 && r <= 0xF8FF {
				seen[r] = true
			}
		}
	}
	for i := 0; i < len(template); {
		r, n := utf8.DecodeRune(template[i:])
		if r >= 0xE000 && r <= 0xF8FF {
			seen[r] = true
		}
		i += n
	}
	walkStrings(data, note)
	var picked []rune
	for r := rune(0xE000); r <= 0xF8FF && len(picked) < 2; r++ {
		if !seen[r] {
			picked = append(picked, r)
		}
	}
	return picked[0], picked[1]
}

func walkStrings(v any, fn func(string)) {
	switch x := v.(type) {
	case string:
		fn(x)
	case Data:
		for k, e := range x {
			fn(k)
			walkStrings(e, fn)
		}
	case map[string]any:
		for k, e := range x {
			fn(k)
			walkStrings(e, fn)
		}
	case []Data:
		for _, e := range x {
			walkStrings(e, fn)
		}
	case []map[string]any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	case []any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	case []string:
		for _, e := range x {
			fn(e)
		}
	}
}
