package consolidate

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// The field names below are the report template's vocabulary: the office
// types them in templates/bao-cao.docx and don-doc.docx
// (fields.go declares them for the check and the help; docs/mau-bao-cao.md
// lists them). Renaming one breaks edited templates.

// TemplateData gives the report's fields for templates/bao-cao.docx.
func (r *Report) TemplateData(now time.Time) map[string]any {
	c := r.Catalog
	d := r.header(now)
	d["so_ky_hieu"] = "     /" + c.Plan.ReportSuffix
	d["trich_yeu"] = fmt.Sprintf("%s, %s", ResultsOf(c.Plan.Title), r.Period.Name())

	var grounds []map[string]any
	for _, g := range c.Plan.Grounds {
		grounds = append(grounds, map[string]any{"noi_dung": g})
	}
	d["can_cu"] = grounds

	missing := r.Missing()
	var notSent []map[string]any
	for _, u := range missing {
		notSent = append(notSent, map[string]any{"ten": u.Unit.Name, "tinh_trang": lowerFirst(StateSentence(u))})
	}
	d["so_don_vi_da_gui"] = r.Reported()
	d["so_don_vi"] = len(r.Units)
	d["chua_gui"] = notSent
	d["co_chua_gui"] = len(notSent) > 0
	d["nguon_bieu_quy"] = r.PartsNote

	var sections, appendix []map[string]any
	for _, s := range r.Sections {
		var tasks []map[string]any
		for _, t := range s.Tasks {
			tasks = append(tasks, r.taskFields(t))
			for _, h := range t.Headings {
				appendix = append(appendix, map[string]any{
					"stt": h.Code, "noi_dung": h.Content, "chu_tri": "", "ket_qua": "", "san_pham": "", "tinh_trang": "", "ghi_chu": "",
				})
			}
			appendix = append(appendix, r.appendixRow(t))
		}
		sections = append(sections, map[string]any{"so": s.Code, "ten": s.Title, "nhiem_vu": tasks})
	}
	d["phan"] = sections
	d["phu_luc"] = appendix

	d["ton_tai"] = attributed(r.Difficulties)
	d["co_ton_tai"] = len(r.Difficulties) > 0
	d["de_xuat"] = attributed(r.Proposals)
	d["co_de_xuat"] = len(r.Proposals) > 0
	d["nhiem_vu_toi"] = r.nextTasks()

	var inds []map[string]any
	hasFigures := false
	for _, l := range r.Indicators {
		if l.Current != nil {
			hasFigures = true
		}
		inds = append(inds, map[string]any{
			"ten": l.Indicator.Name, "don_vi_tinh": l.Indicator.Measure,
			"ky_truoc": numberOr(l.Previous, l.PreviousNote), "ky_nay": numberOr(l.Current, l.CurrentNote), "tang_giam": numberOrBlank(l.Change),
		})
	}
	d["chi_tieu"] = inds
	d["co_chi_tieu"] = hasFigures
	var targets []map[string]any
	for _, tc := range r.Targets {
		targets = append(targets, map[string]any{"noi_dung": tc.Target, "danh_gia": tc.Verdict})
	}
	d["muc_tieu"] = targets
	return d
}

// ReminderData gives the fields of templates/don-doc.docx: the letter that
// urges the units that sent nothing.
func (r *Report) ReminderData(now time.Time) map[string]any {
	c := r.Catalog
	d := r.header(now)
	// The letter names the period, not its dates or the plan's reference.
	delete(d, "tu_ngay")
	delete(d, "den_ngay")
	delete(d, "ke_hoach")
	delete(d, "ten_dia_phuong")
	d["so_ky_hieu"] = "     /" + c.Plan.ReminderSuffix
	deadline := r.ReminderDeadline()
	d["han_gui"] = deadline
	past := deadline.Before(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, deadline.Location()))
	d["han_gui_da_qua"] = past
	d["don_vi_thu"] = c.CollectorName()
	var units []map[string]any
	for _, u := range r.ToRemind() {
		var tasks []map[string]any
		for _, a := range u.Assignments {
			if u.State == StateIncomplete && !slices.Contains(u.MissingTasks, a.Task.Code) {
				continue // only the tasks it left blank
			}
			tasks = append(tasks, map[string]any{"ma": a.Task.Code, "noi_dung": strings.TrimRight(a.Task.Title(), ".:;") + " (" + lowerFirst(a.Role.String()) + ")"})
		}
		units = append(units, map[string]any{"ten": u.Unit.Name, "tinh_trang": reminderSentence(u), "nhiem_vu": tasks})
	}
	d["don_vi"] = units
	return d
}

// ReminderDeadline is the date the reminder asks the forms by: Deadline
// when the office gave one (report --deadline), else the plan's deadline
// for the period. It is never moved: a deadline past is said to be past.
func (r *Report) ReminderDeadline() time.Time {
	if !r.Deadline.IsZero() {
		return r.Deadline
	}
	return forms.Deadline(r.Catalog, r.Period)
}

// ToRemind returns the units the reminder writes to: every expected unit
// whose report is not complete, in units.yaml order.
func (r *Report) ToRemind() []UnitStatus {
	var out []UnitStatus
	for _, u := range r.Units {
		if u.State != StateComplete {
			out = append(out, u)
		}
	}
	return out
}

// reminderSentence says to a unit what the reminder asks of it.
func reminderSentence(u UnitStatus) string {
	switch u.State {
	case StateIncomplete:
		return "Đơn vị đã gửi báo cáo nhưng chưa điền tình trạng, kết quả của các nhiệm vụ dưới đây; đề nghị bổ sung và gửi lại."
	case StateErrors:
		s := fmt.Sprintf("Đơn vị đã gửi tệp «%s» nhưng tệp có lỗi nên chưa tổng hợp được", u.File)
		if u.Problem != "" {
			s += " (" + strings.TrimSuffix(u.Problem, ".") + ")"
		}
		return s + "; đề nghị sửa và gửi lại biểu mẫu với các nhiệm vụ dưới đây."
	case StateUnreadable:
		return fmt.Sprintf("Đơn vị đã gửi tệp «%s» nhưng đó không phải biểu mẫu Excel đọc được; đề nghị gửi lại biểu mẫu dạng .xlsx với các nhiệm vụ dưới đây.", u.File)
	}
	return "Đơn vị chưa gửi báo cáo các nhiệm vụ dưới đây."
}

func (r *Report) header(now time.Time) map[string]any {
	p := r.Catalog.Plan
	var recipients []map[string]any
	for _, rc := range p.Recipients {
		recipients = append(recipients, map[string]any{"noi_dung": rc})
	}
	return map[string]any{
		"co_quan": p.Issuer, "ten_xa": p.Commune, "dia_danh": p.Place,
		"loai_xa": p.LocalKind, "ten_dia_phuong": p.CommuneName,
		"ngay_bao_cao": now, "ky": r.Period.Name(),
		"tu_ngay": r.Period.From(), "den_ngay": r.Period.To(),
		"ke_hoach":   p.Reference(),
		"noi_nhan":   recipients,
		"quyen_han":  p.Authority,
		"chuc_vu_ky": p.SignerTitle,
		"nguoi_ky":   p.SignerName,
	}
}

// StatusText is a task's status as the report prints it, with the lead
// units' own words beside it where the status was read from them
// ("Đang thực hiện (Phòng Kinh tế ghi «hoàn thành 80%»)").
func (t TaskResult) StatusText() string {
	text := t.Status.String()
	if t.Status == forms.StatusUnknown {
		text = "chưa có đơn vị báo cáo"
		if t.Reported() {
			text = "chưa rõ tình trạng"
		}
	}
	var words []string
	for _, c := range t.Lead {
		if c.StatusWords != "" {
			words = append(words, c.UnitName+" ghi «"+c.StatusWords+"»")
		}
	}
	if len(words) > 0 {
		text += " (" + strings.Join(words, "; ") + ")"
	}
	return text
}

func (r *Report) taskFields(t TaskResult) map[string]any {
	var results, support, docs []map[string]any
	for _, c := range t.Lead {
		results = append(results, map[string]any{"don_vi": c.UnitName, "noi_dung": orNothing(c.Results), "tinh_trang": statusOrBlank(c.Status)})
	}
	// A coordinating unit that wrote nothing has nothing to show in the
	// report's prose (the summary still lists its status).
	for _, c := range append(append([]Contribution{}, t.Support...), t.Others...) {
		if c.Results != "" {
			support = append(support, map[string]any{"don_vi": c.UnitName, "noi_dung": c.Results})
		}
	}
	for _, a := range t.Documents {
		docs = append(docs, map[string]any{"don_vi": a.UnitName, "noi_dung": a.Text})
	}
	var headings []map[string]any
	for _, h := range t.Headings {
		headings = append(headings, map[string]any{"ma": h.Code, "noi_dung": h.Content})
	}
	return map[string]any{
		"tieu_de": headings,
		"ma":      t.Task.Code, "noi_dung": t.Task.Content, "chu_tri": r.leadNames(t.Task),
		"tinh_trang": t.StatusText(),
		"ket_qua":    results,
		"phoi_hop":   support, "co_phoi_hop": len(support) > 0,
		"van_ban": docs, "co_van_ban": len(docs) > 0,
		"chua_bao_cao": !t.Reported(),
	}
}

func (r *Report) appendixRow(t TaskResult) map[string]any {
	var results, products, notes []string
	for _, c := range append(append(append([]Contribution{}, t.Lead...), t.Support...), t.Others...) {
		if c.Results != "" {
			results = append(results, c.UnitName+": "+c.Results)
		}
	}
	for _, a := range t.Documents {
		products = append(products, a.UnitName+": "+a.Text)
	}
	if t.Disagreement {
		notes = append(notes, "Các đơn vị chủ trì báo cáo tình trạng khác nhau")
	}
	if len(t.SilentLeads) > 0 && t.Reported() {
		notes = append(notes, "Chưa có báo cáo của "+strings.Join(r.Catalog.UnitNames(t.SilentLeads), ", "))
	}
	if t.Task.TimingMissing {
		notes = append(notes, "Phụ lục không ghi thời gian thực hiện")
	}
	return map[string]any{
		"stt": t.Task.Code, "noi_dung": t.Task.Content, "chu_tri": r.leadNames(t.Task),
		"ket_qua": strings.Join(results, "\n"), "san_pham": strings.Join(products, "\n"),
		"tinh_trang": t.StatusText(), "ghi_chu": strings.Join(notes, "; "),
	}
}

// leadNames names the lead units, groups resolved.
func (r *Report) leadNames(t *catalog.Task) string {
	return strings.Join(r.Catalog.UnitNames(t.LeadUnits), ", ")
}

// nextTasks lists, for part III of the report, task by task, what units
// plan for the next period (the same plan from several units said once,
// naming them all), and each unfinished task that no unit planned for, by
// its short title with its lead units.
func (r *Report) nextTasks() []map[string]any {
	var out []map[string]any
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			for _, g := range sameText(t.NextTasks) {
				out = append(out, map[string]any{"noi_dung": fmt.Sprintf("%s: %s (nhiệm vụ %s).", g.units, sentence(g.text), t.Task.Code)})
			}
			if len(t.NextTasks) > 0 || t.Status == forms.StatusDone || t.Status == forms.StatusNotApplicable {
				continue
			}
			out = append(out, map[string]any{"noi_dung": fmt.Sprintf("Tiếp tục thực hiện nhiệm vụ %s «%s» (chủ trì: %s).",
				t.Task.Code, strings.TrimRight(t.Task.Title(), ".:;"), r.leadNames(t.Task))})
		}
	}
	if len(out) == 0 {
		out = append(out, map[string]any{"noi_dung": "Tiếp tục thực hiện các nhiệm vụ thường xuyên theo Kế hoạch."})
	}
	return out
}

func attributed(list []Attributed) []map[string]any {
	var out []map[string]any
	for _, a := range list {
		out = append(out, map[string]any{"don_vi": a.UnitName, "noi_dung": a.Text + " (nhiệm vụ " + a.Task + ")"})
	}
	return out
}

// numberOr is the value, or the note that says why there is none.
func numberOr(v *float64, note string) any {
	if v == nil {
		return note
	}
	return *v
}

func numberOrBlank(v *float64) any {
	if v == nil {
		return ""
	}
	return *v
}

func statusOrBlank(s forms.Status) string {
	if s == forms.StatusUnknown {
		return "chưa ghi tình trạng"
	}
	return lowerFirst(s.String())
}

func orNothing(s string) string {
	if s == "" {
		return "(đơn vị không ghi kết quả)"
	}
	return s
}

// shorten keeps a long task content readable in lists: its first paragraph,
// cut at a word boundary with an ellipsis.
// textGroup is one text and the units that wrote it.
type textGroup struct{ units, text string }

// sameText groups the texts that say the same (ignoring case, marks,
// spacing, bullets and the final stop), keeping the first wording and
// naming every unit that wrote it, in order.
func sameText(list []Attributed) []textGroup {
	var out []textGroup
	index := map[string]int{}
	for _, a := range list {
		k := vntext.Fold(strings.TrimRight(unbullet(a.Text), ".;: "))
		if i, ok := index[k]; ok {
			out[i].units += ", " + a.UnitName
			continue
		}
		index[k] = len(out)
		out = append(out, textGroup{units: a.UnitName, text: a.Text})
	}
	return out
}

// unbullet drops the bullet a unit typed before its text ("- ", "+ ",
// "• "): the report adds its own.
func unbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"-", "+", "•", "*"} {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// sentence is a unit's text as a sentence of the report: its own bullets
// gone, lines joined, a capital first, ending without a stop (the caller
// closes it).
func sentence(s string) string {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = unbullet(l); l != "" {
			lines = append(lines, l)
		}
	}
	return upperFirst(strings.TrimRight(strings.Join(lines, "; "), ".;: "))
}

// ResultsOf is the summary line of a report on a plan: "Kết quả triển khai
// kế hoạch thực hiện ...", with a verb the title does not already use
// ("Kết quả thực hiện kế hoạch triển khai ...", never "triển khai kế hoạch
// triển khai").
func ResultsOf(title string) string {
	words := strings.Fields(vntext.Fold(title))
	head := " " + strings.Join(words[:min(len(words), 6)], " ") + " "
	switch {
	case !strings.Contains(head, " trien khai "):
		return "Kết quả triển khai " + lowerFirst(title)
	case !strings.Contains(head, " thuc hien "):
		return "Kết quả thực hiện " + lowerFirst(title)
	}
	return "Kết quả " + lowerFirst(title)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}
