package intake

import (
	"fmt"
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
			s.addf(SeverityWarning, g.name, place, "dòng %d («%s») không khớp chỉ tiêu nào trong danh mục nên số liệu không được dùng. Ghi đúng mã chỉ tiêu (ví dụ %s) vào cột «Mã chỉ tiêu».", g.num(i), shorten(joinNonEmpty(cells), 60), firstIndicator(c))
			continue
		}
		if codeCell == "" {
			codeCell = place
		}
		if s.Unit != "" && ind.Unit != s.Unit {
			s.addf(SeverityWarning, g.name, codeCell, "chỉ tiêu %s do %s báo cáo, không phải %s; số liệu vẫn được ghi nhận, kiểm tra lại.", ind.Code, nameOf(c, ind.Unit), nameOf(c, s.Unit))
		}
		if first, dup := seen[ind.Code]; dup {
			s.addf(SeverityWarning, g.name, place, "chỉ tiêu %s đã có ở dòng %d; dùng cả hai dòng là không đúng, hãy xóa một dòng.", ind.Code, first)
		}
		seen[ind.Code] = g.num(i)
		v := IndicatorValue{Code: ind.Code, Sheet: g.name, Row: g.num(i)}
		v.Previous = r.indicatorNumber(g, h, i, indPrev, ind)
		v.Current = r.indicatorNumber(g, h, i, indCur, ind)
		if v.Current == nil {
			if _, cell := col(i, indCur); cell != "" {
				if raw, _ := col(i, indCur); raw == "" {
					s.addf(SeverityWarning, g.name, cell, "chỉ tiêu %s chưa có số liệu cuối kỳ này. Điền số (triệu đồng, khách hàng… theo cột đơn vị tính).", ind.Code)
				}
			}
		}
		s.Indicators = append(s.Indicators, v)
	}
}

func firstIndicator(c *catalog.Catalog) string {
	if len(c.Indicators) > 0 {
		return c.Indicators[0].Code
	}
	return "TONG-NGUON-VON"
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

// indicatorNumber reads a figure: a number cell, or Vietnamese text
// ("1.234,5"). A bad value is an error at its cell.
func (r *reader) indicatorNumber(g *grid, h *header, i int, key string, ind *catalog.Indicator) *float64 {
	ci, ok := h.cols[key]
	if !ok {
		return nil
	}
	v := g.cell(i, ci)
	if v == "" {
		return nil
	}
	cell := g.ref(ci, i)
	text := true
	if !strings.Contains(v, ",") {
		text = r.isText(g.name, cell)
	}
	if !text {
		if x, ok := parseFloatRaw(v); ok {
			return &x
		}
	}
	if x, ok := vntext.ParseNumber(v); ok {
		return &x
	}
	r.s.addf(SeverityError, g.name, cell, "«%s» không phải là số nên chỉ tiêu %s không đọc được. Ghi một số (%s), ví dụ 1.234,5; không ghi chữ hay đơn vị vào ô này.", shorten(v, 30), ind.Code, ind.Measure)
	return nil
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
