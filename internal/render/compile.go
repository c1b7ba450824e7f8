package render

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"baocao/internal/vntext"
)

// A program is a part of a template compiled into operations: verbatim
// bytes, values to insert, blocks, cells and tables. Running it with data
// writes the part in one pass.
type program struct {
	head, tail []byte
	body       []op
	ensurePara bool // header and footer parts must end with a paragraph
}

type op interface{}

type rawOp []byte

// ref is a placeholder {path|formatter:arg}.
type ref struct {
	raw       string // as written, e.g. "{ky_nay|so}"
	path      []string
	formatter string
	arg       string
	loc       *loc
}

type fieldOp struct{ ref *ref }

type blockOp struct {
	name   string
	path   []string
	kind   byte // '#' repeat or enter, '?' if true, '^' if false
	marker string
	loc    *loc
	body   []op
}

// cellOp is a table cell: whatever its blocks produce, it keeps a paragraph.
type cellOp struct {
	head, tail []byte
	body       []op
}

// tableOp is a table: without any row left it is dropped.
type tableOp struct {
	head, tail []byte
	body       []op
}

type rowOp struct{ body []op }

type tokKind int

const (
	tokText tokKind = iota
	tokOpen
	tokClose
)

// tok is what blocks are built from: markers and the content of units
// (paragraphs, tables, rows) in document order.
type tok struct {
	kind      tokKind
	name      string
	bkind     byte
	marker    string
	loc       *loc
	unit      int
	blank     bool // content that holds no text (an empty paragraph)
	escalated bool // a marker of a cell that belongs to the table's rows
	matched   bool
}

type unit struct {
	ops []op
}

type compiler struct {
	src      []byte
	part     string
	paraNo   int
	tableNo  int
	where    []string
	problems []Problem
}

func (c *compiler) add(p Problem) { c.problems = append(c.problems, p) }

// xmlProblem says what an XML part that cannot be read means for the
// person who edits the template, never the parser's own English.
func xmlProblem(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "entity"):
		return "nội dung XML có thực thể (entity) lạ, thường do công cụ khác sửa tệp hoặc tệp độc hại: mở mẫu bằng Word, chép nội dung sang một tài liệu mới và lưu thành .docx"
	case strings.Contains(msg, "EOF"):
		return "nội dung XML bị cắt cụt (tệp hỏng hoặc chưa tải về hết): mở mẫu bằng Word và lưu lại"
	}
	return "nội dung XML sai cú pháp (tệp hỏng hoặc bị sửa bằng công cụ khác): mở mẫu bằng Word và lưu lại thành .docx"
}

// compilePart compiles one XML part (document, header or footer).
func compilePart(src []byte, part string) (*program, []Problem) {
	c := &compiler{src: src, part: part}
	root, err := parseXML(src)
	if err != nil {
		return nil, []Problem{{Part: part, Location: "toàn bộ", Message: xmlProblem(err)}}
	}
	var container *elem
	prog := &program{}
	for _, k := range root.kids {
		switch k.name {
		case "w:document":
			container = k.child("w:body")
		case "w:hdr", "w:ftr":
			container = k
			prog.ensurePara = true
		}
	}
	if container == nil {
		return nil, []Problem{{Part: part, Location: "toàn bộ", Message: "không thấy phần thân văn bản (w:body, w:hdr hoặc w:ftr)"}}
	}
	body, _, end := c.container(container, false)
	prog.head = src[:container.openEnd]
	prog.body = body
	prog.tail = src[end:]
	return prog, c.problems
}

// addUnit appends one child: its ops, preceded by the raw bytes between it
// and the previous child, and its tokens, numbered with the child's index.
func addUnit(units []unit, toks []tok, prefix rawOp, u unit, ts []tok) ([]unit, []tok) {
	if len(prefix) > 0 {
		u.ops = append([]op{prefix}, u.ops...)
	}
	for i := range ts {
		ts[i].unit = len(units)
	}
	return append(units, u), append(toks, ts...)
}

// container compiles the block-level children of a body, cell, header or
// footer. With escalate, markers that do not match inside it are handed up
// (a cell's markers that repeat the table's rows). It returns the ops, the
// tokens handed up (escalated markers and content), and where the last
// child ended.
func (c *compiler) container(e *elem, escalate bool) ([]op, []tok, int) {
	var units []unit
	var toks []tok
	cursor := e.openEnd
	for _, k := range e.kids {
		prefix := rawOp(c.src[cursor:k.start])
		cursor = k.end
		var u unit
		var ts []tok
		switch k.name {
		case "w:p":
			u.ops, ts = c.paragraph(k)
		case "w:tbl":
			u.ops = []op{c.table(k)}
			ts = []tok{{kind: tokText}}
		default:
			c.opaque(k)
			u.ops = []op{rawOp(c.src[k.start:k.end])}
			ts = []tok{{kind: tokText, blank: true}}
		}
		units, toks = addUnit(units, toks, prefix, u, ts)
	}
	c.match(toks, escalate)
	ops := c.build(toks, units)
	var up []tok
	for _, t := range toks {
		if t.escalated || t.kind == tokText {
			up = append(up, t)
		}
	}
	return ops, up, cursor
}

// match pairs the markers of toks. Unmatched markers are escalated when
// escalate is set, otherwise reported.
//
// Each mistake is reported once and the blocks are mended so that the
// names inside them are still checked in the block's scope: a block left
// open ends with its container, a block crossed by an outer block's end
// ends there too, and the crossed block's own end is then passed over.
func (c *compiler) match(toks []tok, escalate bool) {
	var stack []int
	crossed := map[string]int{}
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tokOpen:
			stack = append(stack, i)
		case tokClose:
			j := len(stack) - 1
			for j >= 0 && toks[stack[j]].name != t.name {
				j--
			}
			if j < 0 {
				if crossed[t.name] > 0 {
					crossed[t.name]--
					continue
				}
				if escalate {
					t.escalated = true
				} else {
					c.add(t.loc.problem(t.marker, "dấu đóng %s không có dấu mở {#%s} (hoặc {?%s}, {^%s}) ở trước: thêm dấu mở vào đầu khối, hoặc xóa %s", t.marker, t.name, t.name, t.name, t.marker))
				}
				continue
			}
			for k := len(stack) - 1; k > j; k-- {
				o := &toks[stack[k]]
				c.add(o.loc.problem(o.marker, "khối %s bị đan chéo với %s: khối mở sau phải đóng trước, hãy chuyển {/%s} lên trước %s", o.marker, t.marker, o.name, t.marker))
				o.matched = true
				crossed[o.name]++
			}
			toks[stack[j]].matched = true
			t.matched = true
			stack = stack[:j]
		}
	}
	for _, i := range stack {
		o := &toks[i]
		if escalate {
			o.escalated = true
		} else {
			c.add(o.loc.problem(o.marker, "khối %s chưa được đóng bằng {/%s}: thêm {/%s} vào cuối khối (đoạn hoặc hàng bảng cuối cùng được lặp)", o.marker, o.name, o.name))
			o.matched = true
		}
	}
}

// build places the units' ops inside the blocks that the matched markers
// make. A unit whose text is split between inside and outside a block is a
// mistake.
func (c *compiler) build(toks []tok, units []unit) []op {
	root := &blockOp{}
	stack := []*blockOp{root}
	placed := make([]int, len(units))
	for i := range placed {
		placed[i] = -1
	}
	reported := make(map[int]bool)
	for _, t := range toks {
		top := stack[len(stack)-1]
		switch t.kind {
		case tokOpen:
			if !t.matched || t.escalated {
				continue
			}
			b := &blockOp{name: t.name, path: strings.Split(t.name, "."), kind: t.bkind, marker: t.marker, loc: t.loc}
			top.body = append(top.body, b)
			stack = append(stack, b)
		case tokClose:
			if !t.matched || t.escalated {
				continue
			}
			// up to the block it closes: blocks it crossed end with it
			for len(stack) > 1 {
				b := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if b.name == t.name {
					break
				}
			}
		case tokText:
			switch {
			case placed[t.unit] < 0:
				top.body = append(top.body, units[t.unit].ops...)
				placed[t.unit] = len(stack)
			case placed[t.unit] != len(stack) && !reported[t.unit] && t.loc != nil:
				reported[t.unit] = true
				c.add(t.loc.problem("", "một phần đoạn văn nằm trong khối, một phần nằm ngoài: hãy đặt dấu khối ở đầu hoặc cuối đoạn, hoặc tách thành đoạn riêng"))
			}
		}
	}
	return root.body
}

// table compiles a table: its rows are the units that row blocks repeat.
func (c *compiler) table(e *elem) op {
	c.tableNo++
	tableName := fmt.Sprintf("bảng %d", c.tableNo)
	t := &tableOp{}
	first := -1
	for i, k := range e.kids {
		if k.name == "w:tr" {
			first = i
			break
		}
	}
	if first < 0 {
		c.opaque(e)
		t.head = c.src[e.start:e.end]
		return &tableOp{head: c.src[e.start:e.end]}
	}
	t.head = c.src[e.start:e.kids[first].start]
	var units []unit
	var toks []tok
	cursor := e.kids[first].start
	row := 0
	for _, k := range e.kids[first:] {
		prefix := rawOp(c.src[cursor:k.start])
		cursor = k.end
		var u unit
		var ts []tok
		if k.name == "w:tr" {
			row++
			var r *rowOp
			r, ts = c.row(k, tableName, row)
			u.ops = []op{r}
		} else {
			c.opaque(k)
			u.ops = []op{rawOp(c.src[k.start:k.end])}
			ts = []tok{{kind: tokText, blank: true}}
		}
		units, toks = addUnit(units, toks, prefix, u, ts)
	}
	c.match(toks, false)
	t.body = c.build(toks, units)
	t.tail = c.src[cursor:e.end]
	return t
}

// row compiles a table row; its tokens are the markers its cells handed up
// and one content token when it holds any text.
func (c *compiler) row(e *elem, tableName string, row int) (*rowOp, []tok) {
	r := &rowOp{}
	cursor := e.start
	var toks []tok
	hasMarkers := false
	cell := 0
	for _, k := range e.kids {
		if k.name != "w:tc" {
			continue
		}
		cell++
		r.body = append(r.body, rawOp(c.src[cursor:k.start]))
		c.where = append(c.where, fmt.Sprintf("%s, hàng %d, ô %d", tableName, row, cell))
		body, up, end := c.container(k, true)
		c.where = c.where[:len(c.where)-1]
		r.body = append(r.body, &cellOp{head: c.src[k.start:k.openEnd], body: body, tail: c.src[end:k.end]})
		cursor = k.end
		for _, t := range up {
			switch {
			case t.escalated:
				t.escalated, t.matched = false, false
				toks = append(toks, t)
				hasMarkers = true
			case !t.blank:
				toks = append(toks, tok{kind: tokText, loc: t.loc})
			}
		}
	}
	r.body = append(r.body, rawOp(c.src[cursor:e.end]))
	for _, k := range e.kids {
		if k.name != "w:tc" {
			c.opaque(k)
		}
	}
	if !hasMarkers {
		// a row without row markers is content as a whole
		return r, []tok{{kind: tokText}}
	}
	return r, toks
}

// runContainers are the elements inside a paragraph whose runs we read.
var runContainers = map[string]bool{
	"w:hyperlink": true, "w:ins": true, "w:smartTag": true, "w:customXml": true,
	"w:sdt": true, "w:sdtContent": true, "w:fldSimple": true, "w:moveTo": true,
	"w:dir": true, "w:bdo": true,
}

// occurrence is a marker or placeholder found in a paragraph's text.
type occurrence struct {
	s, e   int
	marker bool
	tok    tok  // for markers
	ref    *ref // for placeholders
}

// paragraph compiles a paragraph: markers are taken out, placeholders become
// fieldOps, the rest is copied.
func (c *compiler) paragraph(p *elem) ([]op, []tok) {
	c.paraNo++
	var ts []*elem
	hasDrawing, hasSectPr := false, false
	var visit func(e *elem)
	visit = func(e *elem) {
		for _, k := range e.kids {
			switch {
			case k.name == "w:pPr":
				hasSectPr = k.child("w:sectPr") != nil
			case k.name == "w:r":
				for _, rk := range k.kids {
					switch rk.name {
					case "w:t":
						ts = append(ts, rk)
					case "w:drawing", "w:pict", "w:object", "mc:AlternateContent":
						hasDrawing = true
						c.opaque(rk)
					}
				}
			case runContainers[k.name]:
				visit(k)
			default:
				c.opaque(k)
			}
		}
	}
	visit(p)
	var text []byte
	starts := make([]int, len(ts))
	for i, t := range ts {
		starts[i] = len(text)
		text = append(text, t.text...)
	}
	where := strings.Join(append(append([]string(nil), c.where...), fmt.Sprintf("đoạn %d", c.paraNo)), ", ")
	l := &loc{part: c.part, where: where, text: excerpt(string(text)), full: string(text), seq: 2 * c.paraNo}
	occs := c.scan(string(text), l)

	// tokens
	var toks []tok
	blank := len(bytes.TrimSpace(text)) == 0 && !hasDrawing
	hasMarker := false
	for _, o := range occs {
		if o.marker {
			hasMarker = true
		}
	}
	if !hasMarker {
		toks = []tok{{kind: tokText, loc: l, blank: blank}}
	} else {
		pos := 0
		for _, o := range occs {
			if len(bytes.TrimSpace(text[pos:o.s])) > 0 {
				toks = append(toks, tok{kind: tokText, loc: l})
			}
			if o.marker {
				toks = append(toks, o.tok)
			} else {
				toks = append(toks, tok{kind: tokText, loc: l})
			}
			pos = o.e
		}
		if len(bytes.TrimSpace(text[pos:])) > 0 {
			toks = append(toks, tok{kind: tokText, loc: l})
		}
		contentless := true
		for _, t := range toks {
			if t.kind == tokText {
				contentless = false
			}
		}
		if contentless && (hasDrawing || hasSectPr) {
			toks = append(toks, tok{kind: tokText, loc: l, blank: !hasDrawing})
		}
	}
	if len(occs) == 0 {
		return []op{rawOp(c.src[p.start:p.end])}, toks
	}

	// ops: rewrite every w:t of the paragraph
	var ops []op
	var buf []byte
	flush := func() {
		if len(buf) > 0 {
			ops = append(ops, rawOp(buf))
			buf = nil
		}
	}
	cursor := p.start
	oi := 0
	for i, t := range ts {
		a, b := starts[i], starts[i]+len(t.text)
		buf = append(buf, c.src[cursor:t.start]...)
		buf = append(buf, `<w:t xml:space="preserve">`...)
		pos := a
		for oi < len(occs) && occs[oi].e <= a {
			oi++
		}
		for j := oi; j < len(occs) && occs[j].s < b; j++ {
			o := occs[j]
			if o.s > pos {
				buf = appendEscaped(buf, text[pos:o.s])
			}
			if o.s >= a && !o.marker && o.ref != nil {
				flush()
				ops = append(ops, &fieldOp{ref: o.ref})
			}
			pos = min(o.e, b)
		}
		if pos < b {
			buf = appendEscaped(buf, text[pos:b])
		}
		buf = append(buf, "</w:t>"...)
		cursor = t.end
	}
	buf = append(buf, c.src[cursor:p.end]...)
	flush()
	return ops, toks
}

// scan finds the markers and placeholders of a paragraph's text.
func (c *compiler) scan(text string, l *loc) []occurrence {
	var occs []occurrence
	for i := 0; i < len(text); {
		switch text[i] {
		case '{':
			j := strings.IndexByte(text[i+1:], '}')
			k := strings.IndexByte(text[i+1:], '{')
			if j < 0 {
				c.add(l.problem("{", "dấu «{» ở «%s» không có dấu «}» đóng: viết đủ cặp ngoặc quanh tên trường, ví dụ {ten_xa}, hoặc xóa dấu «{» nếu không phải chỗ điền", after(text[i:])))
				return occs
			}
			if k >= 0 && k < j {
				c.add(l.problem(text[i:i+1+k], "dấu «{» ở «%s» không có dấu «}» đóng trước dấu «{» tiếp theo: thêm «}» sau tên trường, hoặc xóa dấu «{» thừa", after(text[i:i+1+k])))
				i += 1 + k
				continue
			}
			end := i + 1 + j + 1
			if o, ok := c.parseOcc(text[i:end], l); ok {
				o.s, o.e = i, end
				occs = append(occs, o)
			} else {
				// keep the broken text out of the output; the error says why
				occs = append(occs, occurrence{s: i, e: end, marker: false})
			}
			i = end
		case '}':
			c.add(l.problem("}", "dấu «}» thừa ở «%s», không có dấu «{» mở trước nó: xóa dấu «}», hoặc thêm «{» trước tên trường", before(text[:i+1])))
			i++
		default:
			i++
		}
	}
	return occs
}

func validName(s string) bool {
	if s == "." {
		return true
	}
	for _, seg := range strings.Split(s, ".") {
		if seg == "" {
			return false
		}
		for _, r := range seg {
			if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// parseOcc reads "{...}". A placeholder whose formatter is wrong is still
// kept, without its formatter, so that its name is checked too.
func (c *compiler) parseOcc(raw string, l *loc) (occurrence, bool) {
	inner := strings.TrimSpace(raw[1 : len(raw)-1])
	if inner == "" {
		c.add(l.problem(raw, "cặp ngoặc %s rỗng, thiếu tên trường: viết tên trường vào giữa, ví dụ {ten_xa}, hoặc xóa cặp ngoặc", raw))
		return occurrence{}, false
	}
	switch inner[0] {
	case '#', '?', '^', '/':
		name := strings.TrimSpace(inner[1:])
		if !validName(name) || name == "." {
			c.add(l.problem(raw, "tên khối trong %s không hợp lệ: chỉ dùng chữ không dấu, chữ số, «_» và «.»%s", raw, suggestName(inner[:1], name, "")))
			return occurrence{}, false
		}
		t := tok{kind: tokOpen, name: name, bkind: inner[0], marker: raw, loc: l}
		if inner[0] == '/' {
			t.kind = tokClose
		}
		return occurrence{marker: true, tok: t}, true
	}
	name, format, hasFormat := strings.Cut(inner, "|")
	name = strings.TrimSpace(name)
	if !validName(name) {
		c.add(l.problem(raw, "tên trường trong %s không hợp lệ: chỉ dùng chữ không dấu, chữ số, «_» và «.»%s", raw, suggestName("", name, format)))
		return occurrence{}, false
	}
	r := &ref{raw: raw, path: strings.Split(name, "."), loc: l}
	if name == "." {
		r.path = []string{"."}
	}
	format = strings.TrimSpace(format)
	if hasFormat && format == "" {
		c.add(l.problem(raw, "sau dấu «|» trong %s thiếu tên định dạng: viết {%s|so}, {%s|ngay}... hoặc bỏ dấu «|»", raw, name, name))
		return occurrence{ref: r}, true
	}
	if format == "" {
		return occurrence{ref: r}, true
	}
	f, arg, hasArg := strings.Cut(format, ":")
	f, arg = strings.TrimSpace(f), strings.TrimSpace(arg)
	spec, ok := formatterOf(f)
	switch {
	case !ok:
		hint := ""
		if near := closest(f, formatterNames()); near != "" {
			hint = fmt.Sprintf(": có phải {%s|%s}?", name, near)
		}
		c.add(l.problem(raw, "định dạng «%s» trong %s không có%s Các định dạng dùng được: %s", f, raw, hint+map[bool]string{true: "", false: "."}[hint != ""], strings.Join(formatterNames(), ", ")))
		return occurrence{ref: r}, true
	case hasArg && !spec.Arg:
		c.add(l.problem(raw, "định dạng «%s» trong %s không nhận «:%s»: viết {%s|%s}", f, raw, arg, name, f))
		return occurrence{ref: r}, true
	case hasArg:
		if n, err := strconv.Atoi(arg); err != nil || n < 0 || n > 6 {
			c.add(l.problem(raw, "số chữ số lẻ «%s» trong %s không hợp lệ: viết một số từ 0 đến 6, ví dụ {%s|%s:1}", arg, raw, name, f))
			return occurrence{ref: r}, true
		}
	}
	r.formatter, r.arg = f, arg
	return occurrence{ref: r}, true
}

// after and before are a few characters of a paragraph's text from a
// brace on, or up to it, to show the clerk which brace is meant.
func after(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func before(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return "…" + string(r[len(r)-20:])
	}
	return s
}

// suggestName offers a valid spelling of a name written with diacritics
// or spaces ("tên xã" → ten_xa): ", ví dụ {ten_xa}", or "".
func suggestName(prefix, name, format string) string {
	s := strings.ToLower(vntext.Fold(strings.TrimSpace(name)))
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }), "_")
	if s == "" || !validName(s) || s == "." {
		return ""
	}
	if format != "" {
		s += "|" + strings.TrimSpace(format)
	}
	return fmt.Sprintf(": viết {%s%s}", prefix, s)
}

// opaque reports placeholders inside what we copy without reading (text
// boxes, content controls, drawings): they could not be filled.
func (c *compiler) opaque(e *elem) {
	check := func(k *elem) bool {
		if k.name == "w:t" && bytes.ContainsAny(k.text, "{}") {
			where := strings.Join(append(append([]string(nil), c.where...), fmt.Sprintf("sau đoạn %d", c.paraNo)), ", ")
			l := &loc{part: c.part, where: where, text: excerpt(string(k.text)), seq: 2*c.paraNo + 1}
			c.add(l.problem(string(k.text), "chỗ điền nằm trong hộp văn bản, khung, hình vẽ hoặc điều khiển nội dung nên không điền được: hãy đưa nó ra một đoạn văn thường"))
		}
		return true
	}
	if check(e) {
		e.walk(check)
	}
}

// appendEscaped writes template text back as XML character data.
func appendEscaped(dst, s []byte) []byte {
	for _, ch := range s {
		switch ch {
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '&':
			dst = append(dst, "&amp;"...)
		default:
			dst = append(dst, ch)
		}
	}
	return dst
}
