package intake

import (
	"slices"
	"strings"
	"sync"

	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// Column keys beyond those of forms.Columns: columns that units' own layouts
// have and that are known but not read.
const (
	colSeq     = "seq"     // STT: a running number, or the code's last part
	colLead    = "lead"    // Đơn vị chủ trì
	colSupport = "support" // Đơn vị phối hợp

	// Columns with one status each, marked "x" on a task's row.
	markDone       = "mark_done"
	markProgress   = "mark_progress"
	markNotStarted = "mark_not_started"
	markNA         = "mark_na"
	markNotDone    = "mark_not_done"

	indCode    = "ind_code"
	indName    = "ind_name"
	indMeasure = "ind_measure"
	indPrev    = "ind_prev"
	indCur     = "ind_cur"
	indNotes   = "ind_notes"
)

// synonym is a folded header wording and the column it names.
type synonym struct {
	words []string
	key   string
}

// headerTable is the set of wordings of one kind of table.
type headerTable struct {
	id       string
	synonyms []synonym
}

func synonyms(table map[string][]string) []synonym {
	var out []synonym
	for key, list := range table {
		for _, s := range list {
			out = append(out, synonym{words: strings.Fields(vntext.Fold(s)), key: key})
		}
	}
	return out
}

// taskHeaders lists the wordings of the task table's headers: ours first,
// then those seen in units' own layouts.
var taskHeaders = headerTable{"task", synonyms(map[string][]string{
	forms.ColCode:    {"mã nhiệm vụ", "mã NV", "mã số", "mã", "số hiệu nhiệm vụ"},
	colSeq:           {"STT", "TT", "số TT", "số thứ tự", "thứ tự", "mục"},
	forms.ColContent: {"nội dung nhiệm vụ", "nội dung công việc", "nội dung", "nhiệm vụ", "tên nhiệm vụ", "công việc", "nhiệm vụ, giải pháp", "nội dung kế hoạch"},
	forms.ColRole:    {"vai trò", "vai trò của đơn vị", "chủ trì / phối hợp", "chủ trì phối hợp"},
	colLead:          {"đơn vị chủ trì", "chủ trì", "cơ quan chủ trì"},
	colSupport:       {"đơn vị phối hợp", "phối hợp", "cơ quan phối hợp"},
	forms.ColProduct: {"sản phẩm", "sản phẩm dự kiến", "sản phẩm đầu ra", "hình thức sản phẩm"},
	forms.ColTiming:  {"thời gian thực hiện", "thời gian", "thời hạn", "thời hạn hoàn thành", "thời gian hoàn thành"},
	forms.ColStatus:  {"tình trạng", "trạng thái", "tiến độ", "tiến độ thực hiện", "mức độ hoàn thành", "tình trạng thực hiện", "đánh giá", "tự đánh giá"},
	forms.ColResults: {"kết quả thực hiện", "kết quả", "kết quả đạt được", "tình hình thực hiện", "tình hình, kết quả thực hiện",
		"nội dung đã thực hiện", "việc đã làm", "đã làm", "những việc đã làm", "đã thực hiện", "kết quả triển khai", "kết quả thực hiện trong kỳ"},
	forms.ColDocuments: {"văn bản, sản phẩm đã ban hành", "văn bản đã ban hành", "văn bản ban hành", "văn bản", "số, ký hiệu văn bản", "số, ký hiệu", "số ký hiệu", "ngày ban hành",
		"sản phẩm đã ban hành", "sản phẩm đã hoàn thành", "văn bản, sản phẩm"},
	forms.ColDifficulties: {"khó khăn, vướng mắc", "khó khăn", "vướng mắc", "tồn tại, hạn chế", "hạn chế", "tồn tại"},
	forms.ColProposals:    {"đề xuất, kiến nghị", "đề xuất", "kiến nghị", "kiến nghị, đề xuất"},
	forms.ColNotes:        {"ghi chú"},
	forms.ColNextTasks: {"nhiệm vụ, giải pháp kỳ tới", "nhiệm vụ kỳ tới", "nhiệm vụ trọng tâm kỳ tới", "nhiệm vụ quý tới", "nhiệm vụ năm tới",
		"nhiệm vụ thời gian tới", "kế hoạch kỳ tới", "kế hoạch quý tới", "kế hoạch năm tới", "phương hướng kỳ tới", "phương hướng, nhiệm vụ kỳ tới",
		"phương hướng nhiệm vụ", "phương hướng", "dự kiến kỳ tới", "giải pháp kỳ tới", "kỳ tới"},
	// A column per status, marked "x": the header must be the whole cell.
	markDone:       {"hoàn thành", "đã hoàn thành", "xong", "đã xong"},
	markProgress:   {"đang thực hiện", "đang triển khai", "đang làm"},
	markNotStarted: {"chưa thực hiện", "chưa triển khai", "chưa làm"},
	markNA:         {"không phát sinh", "không phát sinh trong kỳ", "không có"},
	markNotDone:    {"chưa hoàn thành", "không hoàn thành"},
})}

// markKeys are the status columns marked "x", in the drop-down's order.
var markKeys = []string{markDone, markProgress, markNotStarted, markNA, markNotDone}

func isMarkKey(key string) bool { return strings.HasPrefix(key, "mark_") }

// indicatorHeaders lists the wordings of the indicators table's headers.
var indicatorHeaders = headerTable{"indicator", synonyms(map[string][]string{
	indCode:    {"mã chỉ tiêu", "mã"},
	indName:    {"chỉ tiêu", "tên chỉ tiêu", "nội dung chỉ tiêu", "nội dung"},
	indMeasure: {"đơn vị tính", "ĐVT"},
	indPrev:    {"cuối kỳ trước", "kỳ trước", "số đầu kỳ", "đầu kỳ", "thực hiện kỳ trước"},
	indCur:     {"cuối kỳ này", "kỳ này", "số cuối kỳ", "cuối kỳ", "thực hiện", "thực hiện kỳ này", "số liệu"},
	indNotes:   {"ghi chú"},
})}

// fillKeys are the columns a unit writes in.
var fillKeys = []string{forms.ColStatus, forms.ColResults, forms.ColDocuments, forms.ColDifficulties, forms.ColProposals, forms.ColNextTasks, forms.ColNotes}

// header is a recognised header row.
type header struct {
	row   int            // 0-based index of the (last) header row
	first int            // 0-based index of its first row (two-row headers)
	cols  map[string]int // key -> 0-based column
	// extra lists columns with a header text that names nothing we read.
	extra map[int]string
	// parts lists, for a column under a merged group header of a two-row
	// header ("Kết quả" over "Số cuộc" | "Số người"), the columns read
	// together as that key, each with its label ("" for the column that
	// names the key itself).
	parts map[string][]headPart
	score int
}

// headPart is one column of a key read from several columns.
type headPart struct {
	col   int
	label string
	// unnamed: the sub-header names nothing we know ("Số cuộc").
	unnamed bool
}

// maxHeaderWords: a header cell is short; a longer text is data.
const maxHeaderWords = 14

type classified struct {
	key    string
	length int
}

// classifyCache remembers what header texts name: the same texts come back
// in every form. It is bounded; past the bound texts are not remembered.
var classifyCache = struct {
	sync.Mutex
	m map[string]classified
}{m: map[string]classified{}}

const classifyCacheMax = 20000

// classify returns the key a header cell names, or "".
func classify(text string, table headerTable) (key string, length int) {
	if len(text) > 200 || strings.Count(text, " ") >= 2*maxHeaderWords {
		return "", 0 // long text is data: do not fold it
	}
	id := table.id + "\x00" + text
	classifyCache.Lock()
	c, ok := classifyCache.m[id]
	classifyCache.Unlock()
	if ok {
		return c.key, c.length
	}
	key, length = classifyText(text, table.synonyms)
	classifyCache.Lock()
	if len(classifyCache.m) < classifyCacheMax {
		classifyCache.m[id] = classified{key, length}
	}
	classifyCache.Unlock()
	return key, length
}

func classifyText(text string, table []synonym) (key string, length int) {
	words := strings.Fields(vntext.Fold(text))
	if len(words) == 0 || len(words) > maxHeaderWords {
		return "", 0
	}
	for _, s := range table {
		if len(s.words) <= length || isMarkKey(s.key) && len(s.words) != len(words) {
			continue // a status marked "x" must be the whole cell ("Ngày hoàn thành" is none)
		}
		if hasRun(words, s.words) {
			key, length = s.key, len(s.words)
		}
	}
	// A single short word like "mã" or "TT" must be the whole cell.
	if length == 1 && len(words) > 3 {
		return "", 0
	}
	return key, length
}

// hasRun reports whether sub occurs in words as a contiguous run, starting
// at the first word or right after a leading number ("1. Nội dung").
func hasRun(words, sub []string) bool {
	for i := 0; i+len(sub) <= len(words); i++ {
		match := true
		for j, w := range sub {
			if words[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// classifyCell returns the key a header cell names, trying a short
// legacy-encoded label as such ("Ghi chó" is TCVN3 for "Ghi chú").
func classifyCell(v string, table headerTable) (string, int) {
	key, n := classify(v, table)
	if key == "" && hasLatin1Letters(v) {
		for _, enc := range []vntext.Encoding{vntext.TCVN3, vntext.VNI} {
			if key, n = classify(vntext.FromLegacy(v, enc), table); key != "" {
				break
			}
		}
	}
	return key, n
}

// headerAt reads row r of g as a header under table.
func headerAt(g *grid, r int, table headerTable) *header {
	h := &header{row: r, first: r, cols: map[string]int{}, extra: map[int]string{}}
	lengths := map[string]int{}
	for c, v := range g.rows[r] {
		if strings.TrimSpace(v) == "" {
			continue
		}
		key, n := classifyCell(v, table)
		if key == "" {
			h.extra[c] = v
			continue
		}
		if prev, ok := h.cols[key]; ok {
			if lengths[key] >= n {
				h.extra[c] = v
				continue
			}
			h.extra[prev] = g.cell(r, prev)
		}
		h.cols[key], lengths[key] = c, n
	}
	h.score = len(h.cols)
	return h
}

func (h *header) has(keys ...string) bool {
	for _, k := range keys {
		if _, ok := h.cols[k]; ok {
			return true
		}
	}
	return false
}

// isTaskTable tells a header of a task table: something that names the task
// and something the unit fills in.
func (h *header) isTaskTable() bool {
	return h.has(forms.ColCode, forms.ColContent, colSeq) && (h.has(fillKeys[:5]...) || h.marks() >= 2) && h.score >= 2
}

// marks counts the status columns marked "x".
func (h *header) marks() int {
	n := 0
	for _, k := range markKeys {
		if _, ok := h.cols[k]; ok {
			n++
		}
	}
	return n
}

func (h *header) isIndicatorTable() bool {
	return h.has(indCode, indName) && h.has(indPrev, indCur)
}

// headerScanRows is how far down a sheet the header is looked for.
const headerScanRows = 60

// findHeader returns the best header of g for table, or nil.
func findHeader(g *grid, table headerTable, ok func(*header) bool) *header {
	var best *header
	for r := 0; r < len(g.rows) && r < headerScanRows; r++ {
		if best != nil && best.score >= 4 && r > best.row+3 {
			break // a clear header was found: what follows is data
		}
		if len(g.rows[r]) < 2 {
			continue
		}
		h := headerAt(g, r, table)
		if !ok(h) {
			continue
		}
		if best == nil || h.score > best.score {
			best = h
		}
	}
	if best == nil {
		return nil
	}
	subHeader(g, best, table)
	// Drop extras that are now columns we read.
	for _, c := range best.cols {
		delete(best.extra, c)
	}
	return best
}

// subHeader reads the row under h as a second header row when it is one:
// a merged "Kết quả" over "Đã làm" | "Tồn tại", or "Tình trạng" over a
// column per status. Each of its cells must lie under a group header
// merged across columns, under an empty cell of the first row, or name a
// column itself under a first-row header it refines; and one at least
// must lie under a group or an empty cell. A row of data (a task's
// content, its code) is never one. Under a group that names a key, a
// sub-column that names nothing is read as part of that key, with its
// label; one that names another key is that column.
func subHeader(g *grid, h *header, table headerTable) {
	next := h.row + 1
	if next >= len(g.rows) || g.num(next) != g.num(h.row)+1 || isBlank(g.rows[next]) {
		return
	}
	spans := g.spans(g.num(h.row))
	keyAt := map[int]string{}
	for k, c := range h.cols {
		keyAt[c] = k
	}
	ident := map[int]bool{}
	for _, k := range []string{forms.ColCode, colSeq, forms.ColContent} {
		if c, ok := h.cols[k]; ok {
			ident[c] = true
		}
	}
	type sub struct {
		col        int
		key, label string
		group      int // the group's first column, -1 when none
	}
	var subs []sub
	anchored := false
	for c, v := range g.rows[next] {
		if strings.TrimSpace(v) == "" {
			continue
		}
		key, _ := classifyCell(v, table)
		start, grouped := spans[c]
		short := len(strings.Fields(v)) <= maxHeaderWords && len(v) <= 200
		switch {
		case grouped && short:
			anchored = true
		case !grouped && g.cell(h.row, c) == "" && key != "":
			anchored = true
		case !grouped && key != "" && !ident[c]:
			// a refinement of the header above ("Kết quả" over "Đã làm")
		default:
			return // data, not a header
		}
		if !grouped {
			start = -1
		}
		subs = append(subs, sub{c, key, v, start})
	}
	if !anchored {
		return
	}
	parts := map[string][]headPart{}
	for _, sb := range subs {
		groupKey := ""
		if sb.group >= 0 {
			if groupKey = keyAt[sb.group]; groupKey == "" {
				// A group header that names a key already taken ("Kết quả"
				// twice) still names it for the columns under it.
				groupKey, _ = classifyCell(g.cell(h.row, sb.group), table)
			}
		}
		switch {
		case sb.key == "" && groupKey == "":
			h.extra[sb.col] = sb.label
		case sb.key == "" || sb.key == groupKey:
			parts[groupKey] = append(parts[groupKey], headPart{sb.col, sb.label, sb.key == ""})
		default:
			for k, c := range h.cols {
				if c == sb.col && k != sb.key {
					delete(h.cols, k)
				}
			}
			h.cols[sb.key] = sb.col
			delete(h.extra, sb.col)
		}
	}
	for k, ps := range parts {
		if _, taken := h.cols[k]; !taken || !slices.ContainsFunc(ps, func(p headPart) bool { return p.col == h.cols[k] }) {
			h.cols[k] = ps[0].col
		}
		// A column whose sub-header names the key itself needs no label
		// when it is the only one; one that names nothing keeps its label.
		named := 0
		for _, p := range ps {
			if !p.unnamed {
				named++
			}
		}
		for i := range ps {
			if !ps[i].unnamed && named == 1 {
				ps[i].label = ""
			}
		}
		if len(ps) > 1 || ps[0].label != "" {
			if h.parts == nil {
				h.parts = map[string][]headPart{}
			}
			h.parts[k] = ps
		}
		for _, p := range ps {
			delete(h.extra, p.col)
		}
	}
	h.row = next
	h.score = len(h.cols)
}

// allCols returns every column read, parts included.
func (h *header) allCols() []int {
	var out []int
	for _, c := range h.cols {
		out = append(out, c)
	}
	for _, ps := range h.parts {
		for _, p := range ps {
			if !slices.Contains(out, p.col) {
				out = append(out, p.col)
			}
		}
	}
	slices.Sort(out)
	return out
}

// columns returns the columns read as key, with their labels: one
// unlabelled column, or the parts under a group header.
func (h *header) columns(key string) []headPart {
	if ps, ok := h.parts[key]; ok {
		return ps
	}
	if c, ok := h.cols[key]; ok {
		return []headPart{{col: c}}
	}
	return nil
}
