package intake

import (
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
		"nội dung đã thực hiện", "việc đã làm", "kết quả triển khai", "kết quả thực hiện trong kỳ"},
	forms.ColDocuments: {"văn bản, sản phẩm đã ban hành", "văn bản đã ban hành", "văn bản ban hành", "văn bản", "số, ký hiệu văn bản",
		"sản phẩm đã ban hành", "sản phẩm đã hoàn thành", "văn bản, sản phẩm"},
	forms.ColDifficulties: {"khó khăn, vướng mắc", "khó khăn", "vướng mắc", "tồn tại, hạn chế", "hạn chế", "tồn tại"},
	forms.ColProposals:    {"đề xuất, kiến nghị", "đề xuất", "kiến nghị", "kiến nghị, đề xuất"},
	forms.ColNotes:        {"ghi chú"},
})}

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
var fillKeys = []string{forms.ColStatus, forms.ColResults, forms.ColDocuments, forms.ColDifficulties, forms.ColProposals, forms.ColNotes}

// header is a recognised header row.
type header struct {
	row   int            // 0-based index of the (last) header row
	first int            // 0-based index of its first row (two-row headers)
	cols  map[string]int // key -> 0-based column
	// extra lists columns with a header text that names nothing we read.
	extra map[int]string
	score int
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
		if len(s.words) <= length {
			continue
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

// headerAt reads row r of g as a header under table.
func headerAt(g *grid, r int, table headerTable) *header {
	h := &header{row: r, first: r, cols: map[string]int{}, extra: map[int]string{}}
	lengths := map[string]int{}
	for c, v := range g.rows[r] {
		if strings.TrimSpace(v) == "" {
			continue
		}
		key, n := classify(v, table)
		if key == "" && hasLatin1Letters(v) {
			// A short legacy-encoded label can read as Unicode too ("Ghi
			// chó" is TCVN3 for "Ghi chú"): try it as legacy text.
			for _, enc := range []vntext.Encoding{vntext.TCVN3, vntext.VNI} {
				if key, n = classify(vntext.FromLegacy(v, enc), table); key != "" {
					break
				}
			}
		}
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
	return h.has(forms.ColCode, forms.ColContent, colSeq) && h.has(fillKeys[:5]...) && h.score >= 2
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
	// A second header row under the first (a merged "Kết quả" over
	// "Tình trạng | Văn bản") adds the columns it names.
	if next := best.row + 1; next < len(g.rows) {
		h2 := headerAt(g, next, table)
		if h2.score >= 2 && len(h2.extra) <= 1 {
			for k, c := range h2.cols {
				for k0, c0 := range best.cols {
					if c0 == c && k0 != k {
						delete(best.cols, k0)
					}
				}
				best.cols[k] = c
				delete(best.extra, c)
			}
			best.row = next
			best.score = len(best.cols)
		}
	}
	// Columns named only in the first row of a two-row header stay extra;
	// drop extras that are now columns we read.
	for k, c := range best.cols {
		_ = k
		delete(best.extra, c)
	}
	return best
}
