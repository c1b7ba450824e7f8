package intake

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// readIndicators reads the credit figures under an indicators header.
func (r *reader) readIndicators(g *grid, h *header) {
	s, c := r.s, r.c
	col := func(row int, key string) (string, Pos) {
		if ci, ok := h.cols[key]; ok {
			return g.cell(row, ci), g.pos(ci, row)
		}
		return "", Pos{}
	}
	r.figureDates(g, h)
	seen := map[string]int{}
	for i := h.row + 1; i < len(g.rows); i++ {
		cells := g.rows[i]
		if isBlank(cells) || isNumberingRow(cells) || isFooter(cells) {
			continue
		}
		code, codeCell := col(i, indCode)
		name, _ := col(i, indName)
		ind := r.matchIndicator(code, name)
		place := g.rowPos(i)
		if ind == nil {
			prev, _ := col(i, indPrev)
			cur, _ := col(i, indCur)
			if prev == "" && cur == "" && code == "" {
				continue // a sub-heading or a note without figures
			}
			s.addf(SeverityWarning, g.name, place, "dòng %d («%s») không khớp chỉ tiêu nào trong danh mục nên số liệu không được dùng. Ghi đúng mã chỉ tiêu%s vào cột «Mã chỉ tiêu».", g.num(i), shorten(joinNonEmpty(cells), 60), firstIndicator(c))
			continue
		}
		if codeCell.IsZero() {
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
				ind.Name, vntext.FormatAuto(*v.Current), v.CurrentCell.Ref(), jumpWord(*v.Current, *v.Previous), vntext.FormatAuto(*v.Previous), v.PreviousCell.Ref(), jumpFactor, ind.Measure)
		}
		if v.Current == nil {
			if raw, cell := col(i, indCur); !cell.IsZero() {
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
func (r *reader) indicatorNumber(g *grid, h *header, i int, key string, ind *catalog.Indicator) (*float64, Pos) {
	ci, ok := h.cols[key]
	if !ok {
		return nil, Pos{}
	}
	cell := g.pos(ci, i)
	v := g.cell(i, ci)
	if v == "" {
		return nil, cell
	}
	var x float64
	number, converted := false, false
	if !strings.Contains(v, ",") && !r.isText(g.name, cell.Ref()) {
		x, number = parseFloatRaw(v)
	}
	switch {
	case number && r.isPercentCell(g.name, cell.Ref()):
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
		s.addf(SeverityWarning, s.Sheet, Pos{}, "tệp không có dòng nào cho %d nhiệm vụ %s được giao: %s. Bổ sung các dòng đó (chọn «Không phát sinh trong kỳ» nếu không có việc).", len(missing), nameOf(r.c, s.Unit), strings.Join(missing, ", "))
	}
}

// figureDates reads the dates the figures stand at: in the headings of the
// two columns («Cuối kỳ này (14/3/2026)»), else in the lines above the
// table, a date after words naming its column («Cuối kỳ trước: số liệu
// đến ngày 14/12/2025. Cuối kỳ này: ... ngày 14/03/2026»).
func (r *reader) figureDates(g *grid, h *header) {
	at := &r.s.FiguresAsOf
	var rows [2]int // the sheet rows the two dates were read from
	defer func() { r.otherDates(g, rows) }()
	for _, key := range []string{indPrev, indCur} {
		ci, ok := h.cols[key]
		if !ok {
			continue
		}
		for row := h.first; row <= h.row; row++ {
			if ds := datesIn(g.cell(row, ci)); len(ds) == 1 {
				if key == indPrev {
					at.Previous, rows[0] = ds[0].date, g.num(row)
				} else {
					at.Current, rows[1] = ds[0].date, g.num(row)
				}
			}
		}
	}
	for row := 0; row < h.first && row < len(g.rows); row++ {
		for _, d := range datesIn(strings.Join(g.rows[row], " ")) {
			before := vntext.Fold(d.before)
			switch {
			case strings.Contains(before, "ky truoc") || strings.Contains(before, "dau ky"):
				if at.Previous.IsZero() {
					at.Previous, rows[0] = d.date, g.num(row)
				}
			case strings.Contains(before, "ky nay") || strings.Contains(before, "cuoi ky"):
				if at.Current.IsZero() {
					at.Current, rows[1] = d.date, g.num(row)
				}
			}
		}
	}
}

// otherDates says when the dates written for the figures are not the
// period's cut-off dates (Decree 09/2019): the report believes the unit
// and says its dates, and the office should know before it goes up.
func (r *reader) otherDates(g *grid, rows [2]int) {
	s := r.s
	if s.Period.IsZero() {
		return
	}
	for _, d := range []struct {
		at, want time.Time
		what     string
		row      int
	}{{s.FiguresAsOf.Previous, s.Period.Previous().To(), "cuối kỳ trước", rows[0]}, {s.FiguresAsOf.Current, s.Period.To(), "cuối kỳ này", rows[1]}} {
		if !d.at.IsZero() && !sameDay(d.at, d.want) {
			s.addf(SeverityWarning, g.name, RowPos(d.row), "số liệu %s ghi là đến ngày %s, khác ngày chốt số liệu %s của %s: báo cáo ghi theo ngày đơn vị ghi. Nếu đơn vị ghi nhầm, đề nghị sửa lại ngày hoặc số liệu.",
				d.what, d.at.Format("02/01/2006"), d.want.Format("02/01/2006"), s.Period.Name())
		}
	}
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.Month() == b.Month() && a.Day() == b.Day()
}

// datedText is a date found in a text and the words between it and the
// date before it.
type datedText struct {
	date   time.Time
	before string
}

var numericDate = regexp.MustCompile(`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`)

// datesIn finds the dates written dd/mm/yyyy in a text.
func datesIn(text string) []datedText {
	var out []datedText
	last := 0
	for _, m := range numericDate.FindAllStringSubmatchIndex(text, 8) {
		day, _ := strconv.Atoi(text[m[2]:m[3]])
		month, _ := strconv.Atoi(text[m[4]:m[5]])
		year, _ := strconv.Atoi(text[m[6]:m[7]])
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.Local)
		if year >= 2000 && year <= 2100 && t.Day() == day && int(t.Month()) == month {
			out = append(out, datedText{t, text[last:m[0]]})
		}
		last = m[1]
	}
	return out
}
