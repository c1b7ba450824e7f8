package summary

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// PrintedError is a printed sheet of an attachment that is not as the
// program wrote it, located: the sheet, the cell, what is wrong.
type PrintedError struct {
	Sheet, Cell, Msg string
}

func (e *PrintedError) Error() string {
	return fmt.Sprintf("trang «%s», ô %s: %s", e.Sheet, e.Cell, e.Msg)
}

// The printed sheets' header rows, as the attachment writes them.
var (
	tasksHeader   = []string{"STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kết quả thực hiện", "Sản phẩm", "Tình trạng", "Ghi chú"}
	figuresHeader = []string{"Chỉ tiêu", "Đơn vị tính", "Kỳ trước", "Kỳ này", "Tăng (+), giảm (-)", "Tỷ lệ tăng, giảm (%)", "Thời điểm số liệu", "Nguồn số liệu", "Ghi chú"}
)

// attachedBy finds the commune in the line under a printed sheet's
// title: «(Kèm theo Báo cáo số …/BC-UBND ngày … tháng 3 năm 2026 của Ủy
// ban nhân dân xã Xốp)».
var attachedBy = regexp.MustCompile(`^\(Kèm theo Báo cáo số .* của Ủy ban nhân dân (.+)\)$`)

// ReadPrinted reads an attachment from its printed sheets («Phụ lục» and
// «Chỉ tiêu», raw values by row as ReadDataSheets gives them), for when
// its data sheet was removed or edited by hand: the commune (by its name
// in running text), the period (one of periods, by the titles), each
// task's code, section and status, each indicator's name, measure, kind,
// dates and figures. It does not know the province, the indicators'
// codes (Code is ""), the targets, the units' account nor the proposals
// (Version is 0). A sheet that is not as the program writes it — a title,
// a heading, a date line, a figure that is not a number, a change that is
// not the difference of its figures — is refused, located.
func ReadPrinted(sheets map[string][][]string, periods ...period.Period) (*Data, error) {
	tasks, ok := sheets[SheetTasks]
	if !ok {
		return nil, &PrintedError{SheetTasks, "A1", "không có trang này"}
	}
	figures, ok := sheets[SheetFigures]
	if !ok {
		return nil, &PrintedError{SheetFigures, "A1", "không có trang này"}
	}
	at := func(rows [][]string, r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	cell := func(c, r int) string { name, _ := excelize.CoordinatesToCellName(c+1, r+1); return name }
	d := &Data{}
	// the period, by the titles
	for _, s := range []struct {
		name, lead string
		rows       [][]string
	}{{SheetTasks, "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ", tasks}, {SheetFigures, "CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI ", figures}} {
		title := at(s.rows, 0, 0)
		found := false
		for _, p := range periods {
			if title == s.lead+strings.ToUpper(p.Name()) {
				if d.Period != "" && d.Period != p.String() {
					return nil, &PrintedError{s.name, "A1", fmt.Sprintf("tiêu đề ghi «%s», khác kỳ của trang «%s»", title, SheetTasks)}
				}
				d.Period, d.PeriodName, d.From, d.To = p.String(), p.Name(), p.From(), p.To()
				found = true
			}
		}
		if !found {
			return nil, &PrintedError{s.name, "A1", fmt.Sprintf("tiêu đề ghi «%s», không phải tiêu đề do chương trình lập cho kỳ đang tổng hợp", title)}
		}
		m := attachedBy.FindStringSubmatch(at(s.rows, 1, 0))
		if m == nil {
			return nil, &PrintedError{s.name, "A2", fmt.Sprintf("dòng «%s» không nêu báo cáo kèm theo của xã nào", at(s.rows, 1, 0))}
		}
		if d.CommuneName != "" && m[1] != d.CommuneName {
			return nil, &PrintedError{s.name, "A2", fmt.Sprintf("ghi «%s», trang «%s» ghi «%s»", m[1], SheetTasks, d.CommuneName)}
		}
		d.CommuneName = m[1]
	}
	d.Commune = strings.ToUpper(d.CommuneName)
	if kind, _, ok := strings.Cut(d.CommuneName, " "); ok {
		d.LocalKind = kind
	}
	p, _ := d.PeriodValue()
	for _, s := range []struct {
		name string
		rows [][]string
		want []string
	}{{SheetTasks, tasks, tasksHeader}, {SheetFigures, figures, figuresHeader}} {
		for c, h := range s.want {
			if got := at(s.rows, 2, c); got != h {
				return nil, &PrintedError{s.name, cell(c, 2), fmt.Sprintf("tiêu đề cột ghi «%s», không phải «%s»", got, h)}
			}
		}
	}
	// the tasks: a row with lead units or a status; a section is a row
	// with a code and a title only, whose code has no dot
	section := ""
	for r := 3; r < len(tasks); r++ {
		code, lead, status := at(tasks, r, 0), at(tasks, r, 2), at(tasks, r, 5)
		if code == "" && lead == "" && status == "" {
			continue
		}
		if lead == "" && status == "" {
			if !strings.Contains(code, ".") {
				section = code
			}
			continue
		}
		if code == "" {
			return nil, &PrintedError{SheetTasks, cell(0, r), "nhiệm vụ không có số thứ tự (mã)"}
		}
		if status == "" {
			return nil, &PrintedError{SheetTasks, cell(5, r), fmt.Sprintf("nhiệm vụ %s không ghi tình trạng", code)}
		}
		sec := section
		if sec == "" {
			sec, _, _ = strings.Cut(code, ".")
		}
		d.Tasks = append(d.Tasks, TaskData{Code: code, Section: sec, Title: at(tasks, r, 1), Status: statusOfText(status), StatusText: status})
	}
	if len(d.Tasks) == 0 {
		return nil, &PrintedError{SheetTasks, "A4", "không có nhiệm vụ nào"}
	}
	// the figures: a row an indicator, up to the first empty row
	for r := 3; r < len(figures); r++ {
		name := at(figures, r, 0)
		if name == "" {
			break
		}
		when := at(figures, r, 6)
		ind := IndicatorData{Name: name, Measure: at(figures, r, 1), Kind: consolidate.Stock}
		if strings.HasPrefix(when, "Phát sinh") {
			ind.Kind = consolidate.Flow
		}
		if want := whenText(p, ind.Kind); when != want {
			return nil, &PrintedError{SheetFigures, cell(6, r), fmt.Sprintf("thời điểm số liệu ghi «%s», không phải «%s» của %s", when, want, p.Name())}
		}
		if ind.Kind == consolidate.Flow {
			q := p.Previous()
			ind.PreviousFrom, ind.PreviousTo, ind.CurrentFrom, ind.CurrentTo = q.From(), q.To(), p.From(), p.To()
		} else {
			ind.PreviousTo, ind.CurrentTo = p.From().AddDate(0, 0, -1), p.To()
		}
		figure := func(c int, what string) (*float64, string, error) {
			v := at(figures, r, c)
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				return &x, "", nil
			}
			if v == "chưa đủ số liệu" { // what the sheet prints for a figure with no note
				return nil, "", nil
			}
			if v == "" || hasLetter(v) && !strings.ContainsAny(v, "0123456789") || strings.HasPrefix(v, "chưa đủ số liệu") || strings.HasPrefix(v, "không tính được") {
				return nil, v, nil
			}
			return nil, "", &PrintedError{SheetFigures, cell(c, r), fmt.Sprintf("%s (%s) ghi «%s», không phải một số", name, what, v)}
		}
		var err error
		if ind.Previous, ind.PreviousNote, err = figure(2, "kỳ trước"); err != nil {
			return nil, err
		}
		if ind.Current, ind.CurrentNote, err = figure(3, "kỳ này"); err != nil {
			return nil, err
		}
		if ind.Change, _, err = figure(4, "tăng, giảm"); err != nil {
			return nil, err
		}
		if ind.ChangePercent, _, err = figure(5, "tỷ lệ tăng, giảm"); err != nil {
			return nil, err
		}
		if ind.Previous != nil && ind.Current != nil {
			want := *ind.Current - *ind.Previous
			if ind.Change == nil || math.Abs(*ind.Change-want) > 1e-6*max(1, math.Abs(want)) {
				got := "trống"
				if ind.Change != nil {
					got = vntext.FormatAuto(*ind.Change)
				}
				return nil, &PrintedError{SheetFigures, cell(4, r), fmt.Sprintf("%s: kỳ trước %s, kỳ này %s nhưng tăng, giảm ghi %s (một số đã bị sửa tay)",
					name, vntext.FormatAuto(*ind.Previous), vntext.FormatAuto(*ind.Current), got)}
			}
		}
		d.Indicators = append(d.Indicators, ind)
	}
	return d, nil
}

// statusOfText is the status a printed status says (StatusText): its
// words, or a unit's own words that say none.
func statusOfText(text string) string {
	if text == "chưa có đơn vị báo cáo" {
		return "none"
	}
	for st, code := range statusCodes {
		if s := st.String(); s != "" && (text == s || strings.HasPrefix(text, s+" (")) {
			return code
		}
	}
	return statusCodes[forms.StatusUnknown]
}
