package intake

import (
	"fmt"
	"math"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// readIndicators reads the credit figures under an indicators header.
func (r *reader) readIndicators(g *grid, h *header) {
	s, c := r.s, r.c
	col := func(row int, key string) (string, string) {
		if ci, ok := h.cols[key]; ok {
			return g.cell(row, ci), g.ref(ci, row)
		}
		return "", ""
	}
	seen := map[string]int{}
	for i := h.row + 1; i < len(g.rows); i++ {
		cells := g.rows[i]
		if isBlank(cells) || isNumberingRow(cells) || isFooter(cells) {
			continue
		}
		code, codeCell := col(i, indCode)
		name, _ := col(i, indName)
		ind := r.matchIndicator(code, name)
		place := fmt.Sprintf("dòng %d", g.num(i))
		if ind == nil {
			prev, _ := col(i, indPrev)
			cur, _ := col(i, indCur)
			if prev == "" && cur == "" && code == "" {
				continue // a sub-heading or a note without figures
			}
			s.addf(SeverityWarning, g.name, place, "dòng %d («%s») không khớp chỉ tiêu nào trong danh mục nên số liệu không được dùng. Ghi đúng mã chỉ tiêu%s vào cột «Mã chỉ tiêu».", g.num(i), shorten(joinNonEmpty(cells), 60), firstIndicator(c))
			continue
		}
		if codeCell == "" {
			codeCell = place
		}
		if s.Unit != "" && ind.Unit != s.Unit {
			s.addf(SeverityWarning, g.name, codeCell, "chỉ tiêu «%s» do %s báo cáo, không phải %s; số liệu vẫn được ghi nhận, kiểm tra lại.", ind.Name, nameOf(c, ind.Unit), nameOf(c, s.Unit))
		}
		if first, dup := seen[ind.Code]; dup {
			s.addf(SeverityWarning, g.name, place, "chỉ tiêu «%s» đã có ở dòng %d; dùng cả hai dòng là không đúng, hãy xóa một dòng.", ind.Name, first)
		}
		seen[ind.Code] = g.num(i)
		note, _ := col(i, indNotes)
		v := IndicatorValue{Code: ind.Code, Sheet: g.name, Row: g.num(i), Note: vntext.Clean(note)}
		v.Previous, v.PreviousCell = r.indicatorNumber(g, h, i, indPrev, ind)
		v.Current, v.CurrentCell = r.indicatorNumber(g, h, i, indCur, ind)
		if v.Previous != nil && v.Current != nil && jumps(*v.Previous, *v.Current) {
			s.addf(SeverityWarning, g.name, v.CurrentCell, "chỉ tiêu «%s»: cuối kỳ này %s (ô %s) %s cuối kỳ trước %s (ô %s), thay đổi hơn %d lần trong một kỳ là bất thường. Kiểm tra lại hai ô, nhất là đơn vị tính (%s): có thể đã ghi bằng đồng hoặc nghìn đồng, hay thừa, thiếu chữ số 0.",
				ind.Name, vntext.FormatAuto(*v.Current), v.CurrentCell, jumpWord(*v.Current, *v.Previous), vntext.FormatAuto(*v.Previous), v.PreviousCell, jumpFactor, ind.Measure)
		}
		if v.Current == nil {
			if raw, cell := col(i, indCur); cell != "" {
				if raw == "" {
					s.addf(SeverityWarning, g.name, cell, "chỉ tiêu «%s» chưa có số liệu cuối kỳ này. Điền số (đơn vị tính: %s).", ind.Name, ind.Measure)
				}
			}
		}
		s.Indicators = append(s.Indicators, v)
	}
}

// firstIndicator is an example of an indicator code for messages, " (ví
// dụ CODE)", or "" when the plan has none.
func firstIndicator(c *catalog.Catalog) string {
	if len(c.Indicators) > 0 {
		return " (ví dụ " + c.Indicators[0].Code + ")"
	}
	return ""
}

// matchIndicator finds an indicator by code, else by name.
func (r *reader) matchIndicator(code, name string) *catalog.Indicator {
	c := r.c
	if code != "" {
		if ind := c.Indicator(strings.ToUpper(strings.TrimSpace(code))); ind != nil {
			return ind
		}
	}
	for _, text := range []string{name, code} {
		if text == "" {
			continue
		}
		var best *catalog.Indicator
		bestScore := 0.0
		ix := c.IndicatorIndex()
		q := ix.Prepare(text)
		for i, ind := range c.Indicators {
			if ix.Equal(q, i) {
				return ind
			}
			if v := ix.Similarity(q, i); v > bestScore {
				best, bestScore = ind, v
			}
		}
		if bestScore >= 0.75 {
			return best
		}
	}
	return nil
}

// indicatorNumber reads a figure and returns it with its cell: a number
// cell (a percentage cell as shown: 0,85 is 85%), or text as units type it
// ("1.234,5", "12,5 tỷ"), converted to the indicator's measure. A figure
// that cannot be used is an error at its cell; one that was converted, a
// warning.
func (r *reader) indicatorNumber(g *grid, h *header, i int, key string, ind *catalog.Indicator) (*float64, string) {
	ci, ok := h.cols[key]
	if !ok {
		return nil, ""
	}
	cell := g.ref(ci, i)
	v := g.cell(i, ci)
	if v == "" {
		return nil, cell
	}
	var x float64
	number, converted := false, false
	if !strings.Contains(v, ",") && !r.isText(g.name, cell) {
		x, number = parseFloatRaw(v)
	}
	switch {
	case number && r.isPercentCell(g.name, cell):
		x *= 100
		if !measureOf(ind).percent {
			r.s.addf(SeverityError, g.name, cell, "ô hiện %s%% (định dạng phần trăm) nhưng chỉ tiêu «%s» tính bằng %s, nên không đọc được. Bỏ định dạng phần trăm của ô (Định dạng ô > Số) và ghi số theo %s.", vntext.FormatAuto(x), ind.Name, ind.Measure, ind.Measure)
			return nil, cell
		}
	case !number:
		var note, bad string
		x, note, bad = readFigure(v, ind)
		if bad != "" {
			r.s.addf(SeverityError, g.name, cell, "%s", bad)
			return nil, cell
		}
		if note != "" {
			r.s.addf(SeverityWarning, g.name, cell, "chỉ tiêu «%s»: %s để đọc. Kiểm tra lại; lần sau ghi số theo %s, không kèm đơn vị.", ind.Name, note, ind.Measure)
			converted = true
		}
	}
	if bad := checkFigure(x, ind); bad != "" {
		r.s.addf(SeverityError, g.name, cell, "%s", bad)
		return nil, cell
	}
	// A bare figure only: one written with its unit says what it means.
	if bad := implausibleMoney(x, ind); bad != "" && !converted {
		r.s.addf(SeverityError, g.name, cell, "%s", bad)
		return nil, cell
	}
	return &x, cell
}

// jumpWord says how a figure compares with another: "gấp" or "chỉ bằng
// 1/N".
func jumpWord(now, before float64) string {
	times := func(x float64) string { return vntext.FormatAuto(math.Round(x*10) / 10) }
	if now > before {
		return "gấp " + times(now/before) + " lần"
	}
	return "chỉ bằng 1/" + times(before/now)
}

// checkMissing names the tasks of the unit that the file has no row for.
func (r *reader) checkMissing() {
	s := r.s
	if s.Unit == "" || s.Sheet == "" {
		return
	}
	have := map[string]bool{}
	for _, row := range s.Rows {
		have[row.Task] = true
	}
	var missing []string
	for _, a := range r.c.Assignments(s.Unit) {
		if !have[a.Task.Code] {
			missing = append(missing, a.Task.Code)
		}
	}
	if len(missing) > 0 {
		s.addf(SeverityWarning, s.Sheet, "", "tệp không có dòng nào cho %d nhiệm vụ %s được giao: %s. Bổ sung các dòng đó (chọn «Không phát sinh trong kỳ» nếu không có việc).", len(missing), nameOf(r.c, s.Unit), strings.Join(missing, ", "))
	}
}
