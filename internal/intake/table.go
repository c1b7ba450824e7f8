package intake

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// textKeys are the columns read as text into a Row.
var textKeys = []string{forms.ColResults, forms.ColDocuments, forms.ColDifficulties, forms.ColProposals, forms.ColNextTasks, forms.ColNotes}

// readTable reads the rows under a task table's header.
func (r *reader) readTable(g *grid, h *header) {
	s, c := r.s, r.c
	spread := r.spreadMerges(g, h)
	r.fillFormulas(g, h)
	r.formatNumbers(g, h)

	col := func(row int, key string) string {
		if ci, ok := h.cols[key]; ok {
			return g.cell(row, ci)
		}
		return ""
	}
	// field is a text the unit wrote: one column, or the columns under a
	// group header, each labelled ("Số cuộc: 3; Số người: 120").
	field := func(row int, key string) string {
		var out []string
		for _, p := range h.columns(key) {
			if v := g.cell(row, p.col); v != "" {
				if p.label != "" {
					v = p.label + ": " + v
				}
				out = append(out, v)
			}
		}
		return strings.Join(out, "; ")
	}
	// fillIn is what the unit wrote on row i.
	fillIn := func(i int) Row {
		row := Row{Results: field(i, forms.ColResults), Documents: field(i, forms.ColDocuments),
			Difficulties: field(i, forms.ColDifficulties), Proposals: field(i, forms.ColProposals), NextTasks: field(i, forms.ColNextTasks),
			Notes: field(i, forms.ColNotes)}
		st := statusAt(g, h, i)
		row.StatusText, row.Status = st.text, st.reading.status
		if st.reading.words() {
			row.StatusWords = st.text
		}
		return row
	}
	known := map[int]bool{}
	for _, ci := range h.allCols() {
		known[ci] = true
	}
	// Columns with text that we do not read: named once each.
	extraUsed := map[int]int{}

	var ctx codeContext
	before := len(s.Rows) + len(s.Unmatched)
	filledBefore := r.filled
	seen := map[string]int{} // task -> first row
	numbering := true        // the row right under the header may number the columns
	footerRow := -1          // the last row of a signature block above
	last := -1               // index in s.Rows of the task row just above
	for i := h.row + 1; i < len(g.rows); i++ {
		cells := g.rows[i]
		if isBlank(cells) {
			continue
		}
		if numbering {
			numbering = false
			if isNumberingRow(cells) {
				continue
			}
		}
		if sameCells(cells, g.rows[h.row]) {
			continue // the header repeated (a page break or a pasted copy)
		}
		code, seq, content := col(i, forms.ColCode), col(i, colSeq), col(i, forms.ColContent)
		filled := false
		for _, k := range append(fillKeys, markKeys...) {
			if field(i, k) != "" {
				filled = true
			}
		}
		for ci, v := range cells {
			if v != "" && !known[ci] {
				if _, ok := extraUsed[ci]; !ok {
					extraUsed[ci] = i
				}
			}
		}
		if isFooter(cells) {
			if d, ok := formDate(cells); ok {
				s.FormDate = d
			}
			footerRow = i
			last = -1 // what follows the signature block adds to no task
			continue
		}
		if footerRow >= 0 && i-footerRow <= 8 && codeParts(code) == nil && codeParts(seq) == nil && shortCells(cells) {
			continue // names and titles of the signature block
		}
		footerRow = -1
		if code == "" && seq == "" && content == "" && filled && last >= 0 {
			// A row inserted under a task to write more: it belongs to
			// the task above.
			prev := &s.Rows[last]
			if n := len(r.unfilled); n > 0 && r.unfilled[n-1] == unfilledName(prev.Task, prev.Row) {
				r.unfilled = r.unfilled[:n-1] // filled after all, on this row
			}
			*prev = prev.Merge(fillIn(i))
			r.statusWarning(g, statusAt(g, h, i), prev.Task, prev.Role)
			r.filled++
			s.addf(SeverityWarning, g.name, g.rowPos(i), "dòng %d không ghi mã và nội dung nhiệm vụ nên được gộp vào nhiệm vụ %s ở dòng %d ngay trên. Nếu đó là việc của nhiệm vụ khác, hãy ghi mã nhiệm vụ vào cột «%s».",
				g.num(i), prev.Task, prev.Row, forms.Columns[0].Header)
			continue
		}
		last = -1
		written := code
		if written == "" {
			written = seq
		}
		if written == "" && content != "" {
			if m := leadingCode.FindStringSubmatch(content); m != nil {
				written = m[1]
			}
		}
		res := resolveCode(c, written, ctx)
		// Headings with nothing filled in set the context.
		if !filled && (res.section || res.heading) {
			ctx = headingContext(c, res.code)
			continue
		}
		if !filled && res.code == "" && content != "" && written == "" {
			if sec := sectionByTitle(c, content); sec != "" {
				ctx = codeContext{section: sec}
				continue
			}
		}

		row := fillIn(i)
		row.Sheet, row.Row = g.name, g.num(i)
		row.Text = content
		place := g.rowPos(i)
		codeCell := place
		if ci, ok := h.cols[forms.ColCode]; ok && code != "" {
			codeCell = g.pos(ci, i)
		} else if ci, ok := h.cols[colSeq]; ok && seq != "" {
			codeCell = g.pos(ci, i)
		}

		if filled {
			r.filled++
		}
		r.matchRow(&row, res, written, content, codeCell, place, filled)
		if row.Task == "" {
			row.Text = joinNonEmpty(cells)
			// A warning, not an error: the rest of the file is still used,
			// and the row is listed verbatim among the unmatched rows.
			advice := "Nếu dòng này là ghi chú thêm thì không cần làm gì."
			if filled {
				advice = "Dòng này được liệt kê nguyên văn ở trang «Chưa khớp» của bảng kiểm tra, chưa đưa vào phần kết quả của báo cáo."
			}
			s.addf(SeverityWarning, g.name, place, "dòng %d không khớp với nhiệm vụ nào của kế hoạch («%s»). Ghi mã nhiệm vụ (ví dụ %s) vào cột «%s» hoặc chép đúng nội dung nhiệm vụ vào cột «%s». %s",
				g.num(i), shorten(row.Text, 80), c.ExampleTask(), forms.Columns[0].Header, forms.Columns[1].Header, advice)
			s.Unmatched = append(s.Unmatched, row)
			continue
		}
		t := c.Task(row.Task)
		if row.Match == "code" {
			// Only headings and codes give bare numbers a meaning: after a
			// row placed by its content, "3" in an STT column is a count.
			ctx = codeContext{section: t.Section, parent: t.Parent}
		}
		if s.Unit != "" {
			row.Role = t.RoleOf(s.Unit)
			if row.Role == catalog.RoleNone {
				s.addf(SeverityWarning, g.name, codeCell, "nhiệm vụ %s không giao cho %s (không chủ trì, không phối hợp) theo kế hoạch. Kiểm tra lại mã nhiệm vụ; nếu đơn vị có tham gia thì nội dung vẫn được ghi nhận.", t.Code, nameOf(c, s.Unit))
			}
		}
		if first, dup := seen[row.Task]; dup && !spread[i] {
			s.addf(SeverityWarning, g.name, place, "nhiệm vụ %s đã có ở dòng %d; dòng %d cũng ghi nhiệm vụ này. Cả hai dòng đều được đưa vào báo cáo; nếu một dòng là bản cũ, hãy xóa.", row.Task, first, g.num(i))
		} else if !dup {
			seen[row.Task] = g.num(i)
		}
		r.readStatus(&row, g, h, i, filled)
		s.Rows = append(s.Rows, row)
		last = len(s.Rows) - 1
	}
	r.flushSynonyms(g)
	if len(s.Rows)+len(s.Unmatched) == before {
		s.addf(SeverityError, g.name, RowPos(g.num(h.row)+1), "bảng báo cáo không có dòng nhiệm vụ nào dưới dòng tiêu đề (dòng %d). Đề nghị đơn vị dùng biểu mẫu văn phòng gửi, điền kết quả vào các dòng nhiệm vụ rồi gửi lại.", g.num(h.row))
	}
	if n := len(r.unfilled); n > 0 && r.filled > filledBefore {
		// A table with nothing filled at all gets one error from read.
		s.addf(SeverityWarning, g.name, Pos{}, "%d nhiệm vụ chưa được điền (tình trạng, kết quả đều trống): %s. Đề nghị đơn vị điền, hoặc chọn «%s» nếu trong kỳ không có việc.", n, strings.Join(r.unfilled, ", "), forms.StatusNotApplicable)
	}
	r.unfilled = nil
	for _, ci := range sortedKeys(extraUsed) {
		first := extraUsed[ci]
		head := ""
		if ci < len(g.rows[h.row]) {
			head = g.rows[h.row][ci]
		}
		if head == "" && h.first < h.row && ci < len(g.rows[h.first]) {
			head = g.rows[h.first][ci]
		}
		if head != "" {
			s.addf(SeverityWarning, g.name, g.pos(ci, h.row), "cột %s «%s» không thuộc biểu mẫu nên không được đọc (từ dòng %d). Nếu cột này có kết quả thực hiện, hãy chuyển sang cột «%s».", colName(ci), shorten(head, 40), g.num(first), forms.Columns[6].Header)
		} else {
			s.addf(SeverityWarning, g.name, g.pos(ci, first), "cột %s không có tiêu đề nên không được đọc (từ dòng %d). Chuyển nội dung sang các cột của bảng, ví dụ «%s».", colName(ci), g.num(first), forms.Columns[6].Header)
		}
	}
	for _, ci := range sortedKeys(h.extra) {
		head := h.extra[ci]
		if _, used := extraUsed[ci]; !used && head != "" {
			s.addf(SeverityWarning, g.name, g.pos(ci, h.row), "cột %s «%s» không thuộc biểu mẫu nên bị bỏ qua (cột đang trống).", colName(ci), shorten(head, 40))
		}
	}
}

// matchRow matches a row to a task by code, else by content.
func (r *reader) matchRow(row *Row, res codeResult, written, content string, codeCell, place Pos, filled bool) {
	s, c := r.s, r.c
	sheet := row.Sheet
	byContent := func() (candidate, bool) {
		ranked := rankContent(c, content, s.Unit)
		if len(ranked) == 0 || ranked[0].score < contentAccept {
			return candidate{}, false
		}
		best := ranked[0]
		if len(ranked) > 1 && ranked[1].score >= contentAccept && best.score-ranked[1].score < contentMargin {
			s.addf(SeverityWarning, sheet, place, "nội dung dòng %d giống nhiều nhiệm vụ: %s (%.0f%%) và %s (%.0f%%); đã xếp vào %s. Ghi mã nhiệm vụ vào cột «%s» để chắc chắn.",
				row.Row, best.task.Code, 100*best.score, ranked[1].task.Code, 100*ranked[1].score, best.task.Code, forms.Columns[0].Header)
		}
		return best, true
	}
	switch {
	case res.code != "" && !res.section && !res.heading:
		row.Task, row.Match, row.Confidence = res.code, "code", 1
		if !res.full {
			row.Confidence = contextConfidence
		}
		if content == "" || similarityTo(c, content, res.code) >= contentCheck {
			return
		}
		best, ok := byContent()
		if !ok || best.task.Code == res.code {
			return
		}
		if res.full {
			s.addf(SeverityWarning, sheet, codeCell, "mã «%s» là nhiệm vụ %s nhưng nội dung dòng giống nhiệm vụ %s hơn (%.0f%%). Đã xếp theo mã %s; kiểm tra lại mã.", written, res.code, best.task.Code, 100*best.score, res.code)
			return
		}
		s.addf(SeverityWarning, sheet, codeCell, "số «%s» ứng với nhiệm vụ %s nhưng nội dung dòng là của nhiệm vụ %s (%.0f%%); đã xếp theo nội dung vào %s.", written, res.code, best.task.Code, 100*best.score, best.task.Code)
		row.Task, row.Match, row.Confidence = best.task.Code, "content", best.score
	default:
		if best, ok := byContent(); ok {
			row.Task, row.Match, row.Confidence = best.task.Code, "content", best.score
			switch {
			case res.section || res.heading:
				s.addf(SeverityWarning, sheet, codeCell, "mã «%s» là tiêu đề %s, không phải một nhiệm vụ; đã xếp dòng theo nội dung vào nhiệm vụ %s.", written, res.code, best.task.Code)
			case res.notFound:
				s.addf(SeverityWarning, sheet, codeCell, "mã «%s» không có trong kế hoạch; đã xếp dòng theo nội dung vào nhiệm vụ %s (giống %.0f%%). Kiểm tra lại mã.", written, best.task.Code, 100*best.score)
			}
			return
		}
		switch {
		case (res.section || res.heading) && filled:
			s.addf(SeverityWarning, sheet, codeCell, "mã «%s» là tiêu đề %s chứ không phải một nhiệm vụ. Ghi kết quả vào dòng của từng nhiệm vụ cụ thể (ví dụ %s.a hoặc %s.1).", written, res.code, res.code, res.code)
		case res.notFound:
			s.addf(SeverityWarning, sheet, codeCell, "mã «%s» (hiểu là %s) không có trong kế hoạch. Dùng đúng mã trong biểu mẫu (xem baocao catalog).", written, res.tried)
		}
	}
}

// readStatus checks that the row says something and warns where its
// status was interpreted.
func (r *reader) readStatus(row *Row, g *grid, h *header, i int, filled bool) {
	st := statusAt(g, h, i)
	switch {
	case !filled:
		r.unfilled = append(r.unfilled, unfilledName(row.Task, g.num(i)))
	case st.text == "":
		if _, ok := h.cols[forms.ColStatus]; ok || h.marks() > 0 {
			r.s.addf(SeverityWarning, g.name, st.cell, "nhiệm vụ %s chưa chọn tình trạng. Chọn một trong: %s.", row.Task, statusChoices())
		}
	default:
		r.statusWarning(g, st, row.Task, row.Role)
	}
}

// synonymUse is one wording of a status read as a synonym, and where.
type synonymUse struct {
	text   string
	status forms.Status
	cells  []Pos
	tasks  []string
}

// flushSynonyms says, once per wording, how the statuses written in other
// words were read: "đã hiểu tình trạng «xong» là «Hoàn thành» (ô F9,
// F10; nhiệm vụ I.1, I.2)", at the first cell.
func (r *reader) flushSynonyms(g *grid) {
	for _, key := range r.synonymOrder {
		u := r.synonyms[key]
		if len(u.cells) == 1 {
			r.s.addf(SeverityWarning, g.name, u.cells[0], "đã hiểu tình trạng «%s» của nhiệm vụ %s là «%s». Nếu không đúng, chọn lại trong danh sách: %s.", u.text, u.tasks[0], u.status, statusChoices())
			continue
		}
		r.s.addf(SeverityWarning, g.name, u.cells[0], "đã hiểu tình trạng «%s» là «%s» ở %d ô (%s; nhiệm vụ %s). Nếu không đúng, chọn lại trong danh sách: %s.",
			u.text, u.status, len(u.cells), refs(u.cells), strings.Join(u.tasks, ", "), statusChoices())
	}
	r.synonyms, r.synonymOrder = nil, nil
}

// cellStatus is what a row says of its task's status.
type cellStatus struct {
	text    string // the unit's words: the status cell, or the marked columns' headers
	reading statusReading
	cell    Pos  // where: the status cell, the first marked cell, or the row
	marked  bool // read from a column marked "x"
	// marks are the marked cells, when more than one.
	marks []Pos
	// clash names a mark that says another status than the status column.
	clash string
}

// statusAt reads row i's status: the status column, else the columns of
// one status each marked "x" (a mark that is no "x", "80%" under «Hoàn
// thành», is read with its header: "Hoàn thành 80%").
func statusAt(g *grid, h *header, i int) cellStatus {
	st := cellStatus{cell: g.rowPos(i)}
	if ci, ok := h.cols[forms.ColStatus]; ok {
		st.cell = g.pos(ci, i)
		st.text = g.cell(i, ci)
	}
	var words []string
	var cells []Pos
	for _, k := range markKeys {
		ci, ok := h.cols[k]
		if !ok {
			continue
		}
		v := g.cell(i, ci)
		if v == "" {
			continue
		}
		head := g.cell(h.row, ci)
		if !isStatusMark(v) {
			head += " " + v
		}
		words = append(words, head)
		cells = append(cells, g.pos(ci, i))
	}
	if st.text != "" {
		st.reading = readStatusText(st.text)
		if len(words) > 0 {
			if m := readStatusText(strings.Join(words, "; ")); m.status != st.reading.status {
				st.clash = fmt.Sprintf("ô %s («%s»)", refs(cells), strings.Join(words, "; "))
			}
		}
		return st
	}
	if len(words) == 0 {
		return st
	}
	st.text, st.cell, st.marked = strings.Join(words, "; "), cells[0], true
	st.reading = readStatusText(st.text)
	if len(words) > 1 {
		st.reading = statusReading{status: forms.StatusUnknown, how: statusUnclear, why: whyConflict}
		st.marks = cells
	}
	return st
}

// refs lists cells' references: "F9, F10".
func refs(ps []Pos) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Ref()
	}
	return strings.Join(out, ", ")
}

// statusWarning says how a status in the unit's words was read.
func (r *reader) statusWarning(g *grid, st cellStatus, task string, role catalog.Role) {
	s := r.s
	if st.clash != "" {
		s.addf(SeverityWarning, g.name, st.cell, "nhiệm vụ %s: cột tình trạng ghi «%s» nhưng %s đánh dấu tình trạng khác; báo cáo theo cột tình trạng. Chỉ ghi tình trạng ở một chỗ.", task, shorten(st.text, 60), st.clash)
	}
	text, rd := shorten(st.text, 60), st.reading
	// A lead unit's words go beside the task's status in the report's
	// appendix; a coordinating unit's status decides nothing and is
	// printed nowhere: say so, not a promise the report does not keep.
	kept := "báo cáo ghi kèm nguyên văn lời của đơn vị"
	if s.Unit != "" && role != catalog.RoleLead {
		kept = "đơn vị không chủ trì nhiệm vụ này nên tình trạng này không tính vào tình trạng của nhiệm vụ và không ghi vào báo cáo (kết quả đơn vị ghi vẫn được tổng hợp)"
	}
	switch rd.how {
	case statusExact:
	case statusSynonym:
		if !st.marked {
			// One warning per wording, naming every cell (flushSynonyms).
			key := st.text + "\x00" + rd.status.String()
			u := r.synonyms[key]
			if u == nil {
				if r.synonyms == nil {
					r.synonyms = map[string]*synonymUse{}
				}
				u = &synonymUse{text: text, status: rd.status}
				r.synonyms[key] = u
				r.synonymOrder = append(r.synonymOrder, key)
			}
			u.cells, u.tasks = append(u.cells, st.cell), append(u.tasks, task)
		}
	case statusQualified:
		s.addf(SeverityWarning, g.name, st.cell, "tình trạng «%s» của nhiệm vụ %s được xếp vào «%s» (gần nhất trong danh sách); %s. Nếu không đúng, chọn lại: %s.", text, task, rd.status, kept, statusChoices())
	default:
		var why string
		switch {
		case st.marked && rd.why == whyConflict:
			why = "có nhiều cột tình trạng được đánh dấu cùng lúc (ô " + refs(st.marks) + ")"
		case rd.why == whyNegated:
			why = "có từ phủ định nên không tính là «Hoàn thành», mà cũng không rõ là «Đang thực hiện» hay «Chưa thực hiện»"
		case rd.why == whyBasically:
			why = "không rõ đã xong hẳn hay chưa"
		case rd.why == whyConflict:
			why = "nêu nhiều tình trạng khác nhau cùng lúc"
		case rd.why == whyNotApplicable:
			why = "không rõ là «Chưa thực hiện» hay «Không phát sinh trong kỳ»"
		case rd.why == whyFraction:
			why = "có phân số (như «1/2»), không rõ là phần việc đã làm hay ngày tháng"
		default:
			s.addf(SeverityWarning, g.name, st.cell, "không hiểu tình trạng «%s» của nhiệm vụ %s nên không xếp vào tình trạng nào; %s. Chọn một trong: %s.", text, task, kept, statusChoices())
			return
		}
		s.addf(SeverityWarning, g.name, st.cell, "tình trạng «%s» của nhiệm vụ %s %s, nên không xếp vào tình trạng nào; %s. Chọn một trong: %s.", text, task, why, kept, statusChoices())
	}
}

func headingContext(c *catalog.Catalog, code string) codeContext {
	if c.Section(code) != nil {
		return codeContext{section: code}
	}
	if t := c.Task(code); t != nil {
		return codeContext{section: t.Section, parent: t.Code}
	}
	return codeContext{}
}

// sectionByTitle finds the section whose title the text is.
func sectionByTitle(c *catalog.Catalog, text string) string {
	best, code := 0.0, ""
	ix := c.SectionIndex()
	q := ix.Prepare(text)
	for i, sec := range c.Sections {
		if v := ix.Similarity(q, i); v > best {
			best, code = v, sec.Code
		}
	}
	if best >= 0.7 {
		return code
	}
	return ""
}

func sameCells(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func isBlank(cells []string) bool {
	for _, v := range cells {
		if v != "" {
			return false
		}
	}
	return true
}

var numberCell = regexp.MustCompile(`^\(?\d{1,2}\)?$`)

// isNumberingRow tells the row of column numbers "(1) (2) (3)" under a header.
func isNumberingRow(cells []string) bool {
	n := 0
	for _, v := range cells {
		if v == "" {
			continue
		}
		if !numberCell.MatchString(v) {
			return false
		}
		n++
	}
	return n >= 3
}

// shortCells tells a row of short texts (names, titles), at most 6 words
// a cell.
func shortCells(cells []string) bool {
	for _, v := range cells {
		if len(strings.Fields(v)) > 6 {
			return false
		}
	}
	return true
}

var footerWords = []string{"nguoi lap", "so dien thoai", "dien thoai", "email", "dia chi", "thu truong", "ky ten", "ky ghi ro", "xac nhan", "noi nhan", "truong phong", "chu tich", "giam doc", "bi thu", "pho chu tich", "kt chu tich", "tm "}

// isFooter tells a row of the signature block under the table: every cell
// with text is a signature word, a "(Ký, ghi rõ họ tên)" or a date line.
func isFooter(cells []string) bool {
	n := 0
	for _, v := range cells {
		if v == "" {
			continue
		}
		if !isFooterCell(v) {
			return false
		}
		n++
	}
	return n > 0
}

func isFooterCell(v string) bool {
	f := vntext.Fold(v)
	for _, w := range footerWords {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	if strings.Contains(f, " ngay ") && strings.Contains(f, " thang ") && len(strings.Fields(f)) < 14 {
		return true
	}
	return strings.HasPrefix(v, "(Ký") || strings.HasPrefix(v, "(ký")
}

func joinNonEmpty(cells []string) string {
	var parts []string
	for _, v := range cells {
		if v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " | ")
}

// shorten cuts s to n runes for messages.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n]) + "…"
	}
	return s
}

// spreadMerges copies the value of vertically merged cells into the rows
// they cover, under the header, and returns the rows whose code or content
// came from a merge above them.
func (r *reader) spreadMerges(g *grid, h *header) map[int]bool {
	spread := map[int]bool{}
	merges := g.merges
	ident := map[int]bool{}
	for _, k := range []string{forms.ColCode, colSeq, forms.ColContent} {
		if ci, ok := h.cols[k]; ok {
			ident[ci] = true
		}
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m[0])
		_, r2, err2 := excelize.CellNameToCoordinates(m[1])
		if err1 != nil || err2 != nil || r2 <= r1 || r1 <= g.num(h.row) {
			continue
		}
		ci, top := c1-1, g.index(r1)
		v := g.cell(top, ci)
		if top < 0 || v == "" {
			continue
		}
		for row := top + 1; row < len(g.rows) && g.num(row) <= r2; row++ {
			if g.cell(row, ci) == "" {
				g.set(row, ci, v)
				if ident[ci] {
					spread[row] = true
				}
			}
		}
	}
	return spread
}

// fillFormulas gives formula cells without a cached value (a file written by
// a script and never opened in Excel) their computed value, or reports them.
func (r *reader) fillFormulas(g *grid, h *header) {
	if !r.formulas {
		return
	}
	computed, failed := 0, 0
	var firstOK, firstBad Pos
	for i := h.row + 1; i < len(g.rows) && i < h.row+2000; i++ {
		for _, ci := range h.allCols() {
			if g.cell(i, ci) != "" {
				continue
			}
			cell := g.ref(ci, i)
			if cached, ok := rawCellCached(r.parts[g.name], cell); ok && cached {
				continue // a formula that returned "": an empty cell
			}
			formula, err := r.f.GetCellFormula(g.name, cell)
			if err != nil || formula == "" {
				continue
			}
			v, err := r.f.CalcCellValue(g.name, cell, excelize.Options{RawCellValue: true})
			if err != nil || v == "" {
				failed++
				if firstBad.IsZero() {
					firstBad = g.pos(ci, i)
				}
				continue
			}
			computed++
			if firstOK.IsZero() {
				firstOK = g.pos(ci, i)
			}
			g.set(i, ci, vntext.Clean(v))
		}
	}
	const advice = "Mở tệp bằng Excel hoặc LibreOffice, tính lại (Ctrl+Alt+F9 trong Excel, Ctrl+Shift+F9 trong LibreOffice), lưu lại rồi gửi lại."
	if computed > 0 {
		r.s.addf(SeverityWarning, g.name, firstOK, "%d ô có công thức nhưng không lưu sẵn giá trị; chương trình đã tự tính. %s", computed, advice)
	}
	r.uncached += failed
	if failed > 0 {
		r.s.addf(SeverityError, g.name, firstBad, "%d ô có công thức nhưng không lưu giá trị và không tự tính được, nên nội dung các ô đó bị thiếu. %s", failed, advice)
	}
}

// formatNumbers turns number cells of text columns into Vietnamese text:
// dates as dd/mm/yyyy, other numbers as "1.234,5".
func (r *reader) formatNumbers(g *grid, h *header) {
	var cols []int
	for _, k := range append([]string{forms.ColStatus}, textKeys...) {
		for _, p := range h.columns(k) {
			cols = append(cols, p.col)
		}
	}
	for _, ci := range cols {
		for i := h.row + 1; i < len(g.rows); i++ {
			v := g.cell(i, ci)
			if v == "" || !startsNumeric(v) {
				continue
			}
			x, ok := parseFloatRaw(v)
			if !ok {
				continue
			}
			if r.isText(g.name, g.ref(ci, i)) {
				continue // typed as text: keep as written
			}
			switch r.cellFormat(g.name, g.ref(ci, i)) {
			case formatDate:
				if t, err := excelize.ExcelDateToTime(x, r.date1904); err == nil {
					g.set(i, ci, t.Format("02/01/2006"))
					continue
				}
			case formatPercent:
				g.set(i, ci, vntext.FormatAuto(x*100)+"%")
				continue
			}
			g.set(i, ci, vntext.FormatAuto(x))
		}
	}
}

func startsNumeric(v string) bool {
	return v[0] == '-' || v[0] == '.' || (v[0] >= '0' && v[0] <= '9')
}

// isDateCell tells a cell whose number format shows a date.
func (r *reader) isDateCell(sheet, cell string) bool { return r.cellFormat(sheet, cell) == formatDate }

// isPercentCell tells a cell whose number format shows a percentage: 0,85
// shown as 85%.
func (r *reader) isPercentCell(sheet, cell string) bool {
	return r.cellFormat(sheet, cell) == formatPercent
}

// What a cell's number format shows.
type numberFormat int

const (
	formatPlain numberFormat = iota
	formatDate
	formatPercent
)

var formatLiterals = regexp.MustCompile(`"[^"]*"|\\.|\[[^\]]*\]`)

// cellFormat tells what a cell's number format shows.
func (r *reader) cellFormat(sheet, cell string) numberFormat {
	var id int
	if _, style, ok := rawCellAttrs(r.parts[sheet], cell); ok {
		id, _ = strconv.Atoi(style)
	} else if r.parts == nil {
		id, _ = r.f.GetCellStyle(sheet, cell)
	}
	if id <= 0 {
		return formatPlain
	}
	st, err := r.f.GetStyle(id)
	if err != nil || st == nil {
		return formatPlain
	}
	switch n := st.NumFmt; {
	case n == 9 || n == 10:
		return formatPercent
	case n >= 14 && n <= 22, n >= 27 && n <= 36, n >= 45 && n <= 47, n >= 50 && n <= 58:
		return formatDate
	}
	if st.CustomNumFmt != nil {
		f := strings.ToLower(*st.CustomNumFmt)
		f, _, _ = strings.Cut(f, ";") // the format of positive numbers
		f = formatLiterals.ReplaceAllString(f, "")
		switch {
		case strings.Contains(f, "%"):
			return formatPercent
		case strings.Contains(f, "y") || (strings.Contains(f, "d") && strings.Contains(f, "m")):
			return formatDate
		}
	}
	return formatPlain
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// unfilledName names a task row left empty, in the warning that lists them.
func unfilledName(task string, row int) string { return fmt.Sprintf("%s (dòng %d)", task, row) }
