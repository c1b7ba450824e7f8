package planimport

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"baocao/internal/vntext"
)

// column is one column of the appendix.
type column int

const (
	colSTT column = iota
	colContent
	colLead
	colSupport
	colProduct
	colTiming
	numColumns
)

// columnNames are the columns as the review list names them.
var columnNames = [numColumns]string{"STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian thực hiện"}

// headerColumn tells which column a header cell names, or -1.
func headerColumn(text string) column {
	f := vntext.Fold(text)
	has := func(s string) bool { return f == s || strings.Contains(" "+f+" ", " "+s+" ") }
	switch {
	case f == "stt" || f == "tt" || f == "so tt" || f == "so thu tu" || strings.HasPrefix(f, "stt "):
		return colSTT
	case has("chu tri") || has("don vi thuc hien") || has("co quan thuc hien"):
		// "Đơn vị thực hiện" alone is who leads; over "Chủ trì" and
		// "Phối hợp" it is their common header, at the lead's column
		return colLead
	case has("phoi hop"):
		return colSupport
	case has("noi dung") || f == "nhiem vu" || f == "cac nhiem vu" || f == "ten nhiem vu":
		return colContent
	case has("san pham") || has("ket qua dau ra"):
		return colProduct
	case has("thoi gian") || has("thoi han") || has("tien do"):
		return colTiming
	}
	return -1
}

// layout is where the columns are on a table's grid.
type layout struct {
	col [numColumns]int // grid column; -1 when the table has none
}

// findLayout looks for the header among the first rows of t: a row naming
// at least STT and the content, and the lead column there or on the row
// below it (a two-row header: "Đơn vị thực hiện" over "Chủ trì",
// "Phối hợp"). It returns the layout and the index of the header's last
// row.
func findLayout(t *table) (layout, int, bool) {
	for i, r := range t.rows {
		if i > 30 {
			break
		}
		l, n := rowLayout(r)
		if n < 2 || l.col[colSTT] < 0 || l.col[colContent] < 0 {
			continue
		}
		last := i
		if i+1 < len(t.rows) {
			sub, _ := rowLayout(t.rows[i+1])
			used := false
			for k := colLead; k < numColumns; k++ {
				if l.col[k] < 0 && sub.col[k] >= 0 {
					l.col[k], used = sub.col[k], true
				}
			}
			if used {
				last = i + 1
			}
		}
		if l.col[colLead] < 0 {
			continue
		}
		return l, last, true
	}
	return layout{}, 0, false
}

func rowLayout(r *row) (layout, int) {
	var l layout
	for k := range l.col {
		l.col[k] = -1
	}
	n := 0
	for _, c := range r.cells {
		if c.merged {
			continue
		}
		if k := headerColumn(c.text()); k >= 0 && l.col[k] < 0 {
			l.col[k] = c.col
			n++
		}
	}
	return l, n
}

// fields are a row's cells by column.
type fields struct {
	cell [numColumns]*cell
	// covered: the column lies under a cell that another column starts
	// (a heading's content spanning the unit columns).
	covered [numColumns]bool
}

func (l layout) fields(r *row) fields {
	var f fields
	taken := map[*cell]bool{}
	for k := colSTT; k < numColumns; k++ {
		if l.col[k] < 0 {
			continue
		}
		c := r.at(l.col[k])
		if c == nil {
			continue
		}
		if taken[c] {
			f.covered[k] = true
			continue
		}
		taken[c] = true
		f.cell[k] = c
	}
	return f
}

// text is the column's text: for a cell merged with the one above, the
// text of that one.
func (f fields) text(k column) string {
	c := f.cell[k]
	if c == nil {
		return ""
	}
	if c.merged && c.origin != nil {
		return c.origin.text()
	}
	return c.text()
}

func (f fields) merged(k column) bool { return f.cell[k] != nil && f.cell[k].merged }

// spansContent tells a STT cell that also covers the content column: a
// section title, or a heading, written in one merged cell.
func (f fields) spansContent() bool { return f.covered[colContent] }

// item is a task or a group heading read from the table.
type item struct {
	code    string
	section string
	heading bool
	text    [numColumns]string
	// mergedFrom names the row a merged unit cell took its text from.
	mergedFrom [numColumns]string
	place      string
	continued  []string // rows that continue it across a page break
}

// section is a section of the appendix.
type section struct {
	code, title, place string
	items              []*item
}

// appendix is the table read into sections and items, with the review.
type appendix struct {
	sections []*section
	layout   layout
	notes    notes
	// before are the table rows above the header, as text (a title typed
	// into the first rows of a sheet).
	before []string
	rows   int // rows read, header included
	// outcomes say what became of every row under the header.
	outcomes []rowOutcome
}

// outcome is what became of a row of the table.
type outcome int

const (
	outBlank     outcome = iota // no text of its own
	outHeader                   // the header repeated at a page
	outNumbering                // the row numbering the columns
	outSection                  // a section
	outItem                     // a task or a heading
	outJoined                   // joined to the row above
	outNoted                    // left out, and the review says so
)

type rowOutcome struct {
	row *row
	out outcome
}

var (
	romanRe  = regexp.MustCompile(`^([IVXLC]+)(?:[\s.:)\-–]+(.*))?$`)
	codeRe   = regexp.MustCompile(`^([IVXLC]+)((?:\.[0-9]{1,3}|\.[a-zđ])+)\.?(?:[\s:)\-–]+(.*))?$`)
	numberRe = regexp.MustCompile(`^([0-9]{1,3}(?:\.[0-9]{1,3})*)\.?(?:[\s:)\-–]+(.*))?$`)
	letterRe = regexp.MustCompile(`^([a-zđ])((?:\.[0-9]{1,3})*)\.?(?:[\s:)\-–]+(.*))?$`)
	// numbering rows under the header: (1) (2) ... or 1 2 3 ...
	numberingRe = regexp.MustCompile(`^\(?[0-9]{1,2}\)?$|^\([A-Za-z]\)$`)
)

// marker is what the STT column says.
type marker struct {
	kind  string // "section", "code", "number", "letter", "" (none)
	value string // the roman numeral, the code, the number(s), the letter (with any ".1")
	rest  string // text after the marker in the same cell
}

func parseMarker(s string) marker {
	s = strings.TrimSpace(s)
	if s == "" {
		return marker{}
	}
	first, _, _ := strings.Cut(s, "\n")
	tail := strings.TrimSpace(strings.TrimPrefix(s, first))
	withTail := func(m marker) marker {
		if tail != "" {
			m.rest = strings.TrimSpace(m.rest + "\n" + tail)
		}
		return m
	}
	first = strings.TrimSpace(first)
	if m := codeRe.FindStringSubmatch(first); m != nil && isRoman(m[1]) {
		return withTail(marker{kind: "code", value: m[1] + m[2], rest: m[3]})
	}
	if m := romanRe.FindStringSubmatch(first); m != nil && isRoman(m[1]) {
		return withTail(marker{kind: "section", value: m[1], rest: m[2]})
	}
	if m := numberRe.FindStringSubmatch(first); m != nil {
		return withTail(marker{kind: "number", value: trimZeros(m[1]), rest: m[2]})
	}
	if m := letterRe.FindStringSubmatch(first); m != nil {
		return withTail(marker{kind: "letter", value: m[1] + m[2], rest: m[3]})
	}
	return marker{kind: "unknown", value: s}
}

// trimZeros writes "01.02" as "1.2".
func trimZeros(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		if t := strings.TrimLeft(p, "0"); t != "" {
			parts[i] = t
		} else {
			parts[i] = "0"
		}
	}
	return strings.Join(parts, ".")
}

var romanValues = map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}

// isRoman tells a well-formed Roman numeral up to 100 (sections).
func isRoman(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	total, prev := 0, 0
	rs := []rune(s)
	for i := len(rs) - 1; i >= 0; i-- {
		v := romanValues[rs[i]]
		if v < prev {
			total -= v
		} else {
			total += v
			prev = v
		}
	}
	return total > 0 && total <= 100 && toRoman(total) == s
}

func toRoman(n int) string {
	vals := []int{100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// readAppendix reads the appendix out of a document's tables. ok is false
// when no table has the appendix's header.
func readAppendix(doc *document) (*appendix, bool) {
	a := &appendix{}
	found := false
	var lay layout
	var st state
	for _, t := range doc.tables {
		l, last, ok := findLayout(t)
		start := last + 1
		switch {
		case ok:
			if !found {
				for _, r := range t.rows[:last] {
					if txt := r.joined(); txt != "" {
						a.before = append(a.before, txt)
					}
				}
			}
			found, lay = true, l
		case found && tableFits(t, lay):
			// A table that goes on without repeating the header, as when
			// the appendix was split at a page.
			start = 0
		case found:
			a.notes.add(topicReading, t.name, "bảng này không có hàng tiêu đề của phụ lục và không cùng số cột với bảng trước nên không được đọc; nếu là phần tiếp theo của phụ lục, chép các hàng vào bảng chính rồi chạy lại")
			continue
		default:
			continue
		}
		a.layout = lay
		a.rows += len(t.rows)
		for i := start; i < len(t.rows); i++ {
			a.outcomes = append(a.outcomes, rowOutcome{t.rows[i], st.read(a, lay, t.rows[i])})
		}
	}
	if !found {
		return nil, false
	}
	a.finish()
	return a, true
}

// tableFits tells a table whose rows reach the columns of l.
func tableFits(t *table, l layout) bool {
	width := 0
	for _, r := range t.rows {
		for _, c := range r.cells {
			width = max(width, c.col+c.span)
		}
	}
	return width > l.col[colLead] && width > l.col[colContent]
}

// state is where the reading stands: the current section, the last item,
// the last item whose code ends in a number (letters go under it).
type state struct {
	sec         *section
	last        *item
	lastNumeric *item
	numbering   bool // a numbering row has been noted
}

// read takes one row of the table and says what became of it.
func (st *state) read(a *appendix, l layout, r *row) outcome {
	if r.blank() {
		return outBlank
	}
	f := l.fields(r)
	sttText := f.text(colSTT)
	if f.merged(colSTT) {
		sttText = "" // a STT merged down from the row above numbers nothing new
	}
	m := parseMarker(sttText)
	if m.kind == "" {
		return st.continuation(a, l, r, f)
	}
	if st.isNumbering(r) {
		if !st.numbering {
			a.notes.add(topicReading, r.place, "hàng đánh số cột («"+shorten(r.joined(), 40)+"») được bỏ qua")
			st.numbering = true
		}
		return outNumbering
	}
	if m.kind == "unknown" {
		if lr, n := rowLayout(r); n >= 3 && lr.col[colSTT] >= 0 {
			return outHeader // the header repeated at the top of a page
		}
		a.notes.add(topicTasks, r.place, fmt.Sprintf("cột STT ghi «%s», không phải số La Mã, số hay chữ cái của một nhiệm vụ: hàng không được nhập («%s»); thêm hàng này vào tasks.yaml nếu đó là một nhiệm vụ", shorten(m.value, 40), shorten(r.joined(), 80)))
		return outNoted
	}

	content := f.text(colContent)
	if m.rest != "" {
		if f.spansContent() || content == "" {
			content = joinText(m.rest, content)
		} else {
			a.notes.add(topicTasks, r.place, fmt.Sprintf("cột STT ghi thêm «%s» sau số thứ tự; phần chữ này được bỏ qua", shorten(m.rest, 60)))
		}
	}

	if m.kind == "section" {
		sec := &section{code: m.value, title: oneLine(content), place: r.place}
		for _, s := range a.sections {
			if s.code == sec.code {
				a.notes.add(topicTasks, r.place, fmt.Sprintf("phần %s xuất hiện hai lần (lần trước ở %s): sửa mã một trong hai phần trong tasks.yaml", sec.code, s.place))
			}
		}
		a.sections = append(a.sections, sec)
		st.sec, st.last, st.lastNumeric = sec, nil, nil
		if sec.title == "" {
			a.notes.add(topicTasks, r.place, fmt.Sprintf("phần %s không có tên: ghi title trong tasks.yaml", sec.code))
		}
		return outSection
	}
	if st.sec == nil {
		a.notes.add(topicTasks, r.place, fmt.Sprintf("nhiệm vụ «%s» đứng trước mọi phần (số La Mã) nên không được nhập: «%s»", m.value, shorten(r.joined(), 80)))
		return outNoted
	}
	code, guess := st.code(m)
	if code == "" {
		a.notes.add(topicTasks, r.place, fmt.Sprintf("mục «%s» không có nhiệm vụ đánh số nào ở trên để làm tiêu đề nhóm nên không được nhập: «%s»", m.value, shorten(r.joined(), 80)))
		return outNoted
	}
	if guess != "" {
		a.notes.add(topicTasks, r.place, guess)
	}
	if st.find(code) != nil {
		a.notes.add(topicTasks, r.place, fmt.Sprintf("mã %s bị trùng với một hàng ở trên: sửa mã trong tasks.yaml", code))
	}
	it := &item{code: code, section: st.sec.code, place: r.place}
	it.text[colContent] = content
	for k := colLead; k < numColumns; k++ {
		it.text[k] = oneLine(f.text(k))
		if f.merged(k) && f.cell[k].origin != nil && it.text[k] != "" {
			it.mergedFrom[k] = f.cell[k].from
		}
	}
	st.sec.items = append(st.sec.items, it)
	st.last = it
	if m.kind == "number" || m.kind == "code" && isDigitsOnly(lastPart(code)) {
		st.lastNumeric = it
	}
	return outItem
}

// isNumbering tells the row under the header that numbers the columns:
// (1), (2), ... in every cell.
func (st *state) isNumbering(r *row) bool {
	if st.sec != nil || st.last != nil {
		return false
	}
	n := 0
	for _, c := range r.cells {
		t := strings.TrimSpace(c.text())
		if t == "" {
			continue
		}
		if !numberingRe.MatchString(t) {
			return false
		}
		n++
	}
	return n >= 3
}

// code gives the item's code from its marker, with a sentence when it had
// to guess.
func (st *state) code(m marker) (code, guess string) {
	sec := st.sec.code
	switch m.kind {
	case "code":
		if !strings.HasPrefix(m.value, sec+".") {
			return m.value, fmt.Sprintf("mã %s ghi trong cột STT không thuộc phần %s đang đọc: kiểm tra lại", m.value, sec)
		}
		return m.value, ""
	case "number":
		code = sec + "." + m.value
		// "1" again under a lettered heading: an item of that heading.
		if !strings.Contains(m.value, ".") && st.find(code) != nil && st.last != nil && isLetter(lastPart(st.last.code)) {
			c := st.last.code + "." + m.value
			return c, fmt.Sprintf("số %s đã dùng trong phần %s nên hàng này được coi là mục %s của %s: kiểm tra lại", m.value, sec, c, st.last.code)
		}
		return code, ""
	case "letter":
		if st.lastNumeric == nil {
			return "", ""
		}
		return st.lastNumeric.code + "." + m.value, ""
	}
	return "", ""
}

func (st *state) find(code string) *item {
	if st.sec == nil {
		return nil
	}
	for _, it := range st.sec.items {
		if it.code == code {
			return it
		}
	}
	return nil
}

// continuation adds a row with an empty STT to the row above: a cell that
// went on over a page break. Cells merged with the row above add nothing.
func (st *state) continuation(a *appendix, l layout, r *row, f fields) outcome {
	// the header again at the top of a page
	if lr, n := rowLayout(r); n >= 3 && lr.col[colContent] >= 0 {
		return outHeader
	}
	own := map[column]string{}
	for k := colContent; k < numColumns; k++ {
		if f.cell[k] != nil && !f.cell[k].merged {
			if t := f.cell[k].text(); t != "" {
				own[k] = t
			}
		}
	}
	if len(own) == 0 {
		return outBlank // only cells merged with the row above
	}
	// the second row of a two-row header ("Chủ trì", "Phối hợp") repeated
	headerWords := true
	for _, t := range own {
		headerWords = headerWords && headerColumn(t) >= 0
	}
	if headerWords && len(own) >= 2 {
		return outHeader
	}
	// a page number caught in the table
	if len(own) == 1 {
		for _, t := range own {
			if len(t) <= 3 && isDigitsOnly(t) {
				a.notes.add(topicReading, r.place, fmt.Sprintf("hàng chỉ có số «%s» (có lẽ là số trang) được bỏ qua", t))
				return outNoted
			}
		}
	}
	switch {
	case st.last != nil:
		for k, t := range own {
			if k == colContent {
				st.last.text[k] = joinText(st.last.text[k], t)
			} else {
				st.last.text[k] = joinLine(st.last.text[k], oneLine(t))
			}
		}
		st.last.continued = append(st.last.continued, r.place)
		a.notes.add(topicTasks, r.place, fmt.Sprintf("hàng không có STT được nối vào nhiệm vụ %s ở trên (ô bị ngắt sang trang: %s): kiểm tra chỗ nối", st.last.code, columnList(own)))
		return outJoined
	case st.sec != nil && len(own) == 1 && own[colContent] != "":
		st.sec.title = joinLine(st.sec.title, oneLine(own[colContent]))
		a.notes.add(topicTasks, r.place, fmt.Sprintf("hàng không có STT được nối vào tên phần %s", st.sec.code))
		return outJoined
	default:
		a.notes.add(topicTasks, r.place, fmt.Sprintf("hàng không có STT và không đứng sau nhiệm vụ nào nên không được nhập: «%s»", shorten(r.joined(), 80)))
	}
	return outNoted
}

func columnList(m map[column]string) string {
	var names []string
	for k := colContent; k < numColumns; k++ {
		if _, ok := m[k]; ok {
			names = append(names, "«"+columnNames[k]+"»")
		}
	}
	return "cột " + strings.Join(names, ", ")
}

// finish marks the headings: an item with items under it.
func (a *appendix) finish() {
	for _, s := range a.sections {
		codes := map[string]*item{}
		for _, it := range s.items {
			codes[it.code] = it
		}
		for _, it := range s.items {
			p := parentOf(it.code)
			if p == s.code {
				continue
			}
			if h := codes[p]; h != nil {
				h.heading = true
			} else {
				a.notes.add(topicTasks, it.place, fmt.Sprintf("nhiệm vụ %s không có hàng tiêu đề nhóm %s ở trên: thêm tiêu đề đó vào tasks.yaml (heading: true) hoặc sửa mã", it.code, p))
			}
		}
	}
}

func parentOf(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return ""
}

func lastPart(code string) string { return code[strings.LastIndexByte(code, '.')+1:] }

func isDigitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isLetter(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsLower(r)
}

// joinText continues text a with b: a cell broken over a page goes on in
// the middle of a sentence, so b's first paragraph joins a's last with a
// space, unless a ends a sentence and b starts a new one or a list item.
func joinText(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	end, _ := utf8.DecodeLastRuneInString(a)
	start, _ := utf8.DecodeRuneInString(b)
	if startsWithDash(b) || strings.ContainsRune(".:;!?”\"", end) && unicode.IsUpper(start) {
		return a + "\n" + b
	}
	return a + " " + b
}

// joinLine joins two texts of a one-line column with a space.
func joinLine(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// oneLine joins a cell's paragraphs with spaces: unit names, product,
// timing are one line in the data files.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shorten cuts s to n characters for messages.
func shorten(s string, n int) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
