package consolidate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// Urge is a unit the reminder letter (công văn đôn đốc) writes to, and
// what it asks of it.
type Urge struct {
	Unit UnitStatus
	// Lead are the tasks it leads that its usable form leaves blank;
	// Support counts the tasks it coordinates left blank (said only beside
	// another reason, never listed).
	Lead    []*catalog.Task
	Support int
	// Sentence says what is missing in one plain sentence, starting in
	// lower case after the unit's name, with its full stop: no file, sheet
	// or cell names (those are in the office's workbook).
	Sentence string
}

// Unurged is a unit whose report is not complete but that the letter does
// not name, and why, for the office's workbook.
type Unurged struct {
	Unit UnitStatus
	Why  string
}

// Urged returns the units the reminder letter writes to, in units.yaml
// order: units the commune's People's Committee directs that sent
// nothing, sent a file that cannot be used, or left blank tasks they lead
// (or, over a long period, a quarter's form). Never the office that
// collects the reports (it drafts the letter), never a unit outside the
// commune's authority (outside_authority in units.yaml), and never a
// unit whose only gap is coordinating tasks left blank.
func (r *Report) Urged() []Urge {
	urged, _ := r.reminded()
	return urged
}

// NotUrged returns the units whose report is not complete but that the
// reminder letter does not name, each with the reason.
func (r *Report) NotUrged() []Unurged {
	_, not := r.reminded()
	return not
}

func (r *Report) reminded() ([]Urge, []Unurged) {
	c := r.Catalog
	var urged []Urge
	var not []Unurged
	for _, u := range r.Units {
		if u.State == StateComplete {
			continue
		}
		switch {
		case u.Unit.Code == c.Plan.Collector:
			not = append(not, Unurged{u, "Đơn vị thu nhận báo cáo (soạn công văn đôn đốc): tự bổ sung báo cáo của mình."})
			continue
		case u.Unit.OutsideAuthority:
			not = append(not, Unurged{u, fmt.Sprintf("Không thuộc quyền chỉ đạo của Ủy ban nhân dân %s nên không có trong công văn đôn đốc: liên hệ trực tiếp hoặc gửi văn bản đề nghị riêng.", c.Plan.LocalKind)})
			continue
		}
		g := Urge{Unit: u}
		for _, a := range u.Assignments {
			if u.State != StateIncomplete || !slices.Contains(u.MissingTasks, a.Task.Code) {
				continue
			}
			if a.Role == catalog.RoleLead {
				g.Lead = append(g.Lead, a.Task)
			} else {
				g.Support++
			}
		}
		if u.State == StateIncomplete && len(g.Lead) == 0 && len(u.MissingParts) == 0 {
			not = append(not, Unurged{u, fmt.Sprintf("Chỉ còn %s nhiệm vụ phối hợp chưa ghi: không phải lý do để đôn đốc.", count(g.Support))})
			continue
		}
		g.Sentence = urgeSentence(g, r.Period, c.CollectorName())
		urged = append(urged, g)
	}
	return urged, not
}

// count writes a count as documents do: a leading zero below ten.
func count(n int) string { return fmt.Sprintf("%02d", n) }

// urgeSentence says what the letter asks of one unit.
func urgeSentence(g Urge, p period.Period, collector string) string {
	u := g.Unit
	switch u.State {
	case StateMissing:
		return "chưa gửi báo cáo."
	case StateErrors:
		return fmt.Sprintf("đã gửi báo cáo nhưng biểu mẫu có lỗi nên chưa tổng hợp được; đề nghị liên hệ %s để sửa và gửi lại.", collector)
	case StateUnreadable:
		return "đã gửi báo cáo nhưng không phải biểu mẫu Excel đã gửi đơn vị nên chưa tổng hợp được; đề nghị điền vào biểu mẫu và gửi lại."
	}
	var says []string
	var notSent []period.Period
	for _, q := range u.MissingParts {
		if !slices.Contains(u.BrokenParts, q) {
			notSent = append(notSent, q)
		}
	}
	if len(notSent) > 0 {
		says = append(says, fmt.Sprintf("chưa gửi biểu %s năm %d", quarterWords(notSent), notSent[0].Year))
	}
	if len(u.BrokenParts) > 0 {
		says = append(says, fmt.Sprintf("biểu %s năm %d có lỗi nên chưa tổng hợp được", quarterWords(u.BrokenParts), u.BrokenParts[0].Year))
	}
	if n := len(g.Lead); n > 0 {
		s := fmt.Sprintf("chưa báo cáo kết quả %s nhiệm vụ do đơn vị chủ trì", count(n))
		if n <= 2 {
			var titles []string
			for _, t := range g.Lead {
				titles = append(titles, "«"+strings.TrimRight(t.Title(), ".:;")+"»")
			}
			s += " (" + strings.Join(titles, "; ") + ")"
		} else {
			var codes []string
			for _, t := range g.Lead {
				codes = append(codes, t.Code)
			}
			s += " (nhiệm vụ " + strings.Join(codes, ", ") + ")"
		}
		if g.Support > 0 {
			s += fmt.Sprintf(" và %s nhiệm vụ phối hợp", count(g.Support))
		}
		says = append(says, s)
	}
	return strings.Join(says, "; ") + "."
}

// ReminderDeadline is the date the reminder letter dated now asks the
// reports by: Deadline when the office gave one (report --deadline) and it
// is not before the letter's day; else reminder_days working days (Monday
// to Friday) after the letter's day, or the plan's own deadline for the
// period when that is later. Never a date already past.
func (r *Report) ReminderDeadline(now time.Time) time.Time {
	loc := now.Location()
	if !r.Deadline.IsZero() {
		loc = r.Deadline.Location()
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	if !r.Deadline.IsZero() && !r.Deadline.Before(day) {
		return r.Deadline
	}
	d := WorkingDaysAfter(day, r.Catalog.Plan.ReminderDays)
	if plan := forms.Deadline(r.Catalog, r.Period); plan.After(d) {
		return plan
	}
	return d
}

// WorkingDaysAfter is the day n working days (Monday to Friday) after
// day. Public holidays are not known and count as working days.
func WorkingDaysAfter(day time.Time, n int) time.Time {
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return day
}

// ReminderData gives the fields of templates/don-doc.docx: the letter that
// urges the units the commune directs (Urged) to send what is missing by
// a new deadline.
func (r *Report) ReminderData(now time.Time) map[string]any {
	c := r.Catalog
	p := c.Plan
	d := r.header(now)
	// The letter names the period, not its dates.
	delete(d, "tu_ngay")
	delete(d, "den_ngay")
	delete(d, "ten_dia_phuong")
	d["so_ky_hieu"] = "     /" + p.ReminderSuffix
	d["trich_yeu"] = fmt.Sprintf("đôn đốc gửi báo cáo kết quả thực hiện %s, %s", planShortReference(p), r.Period.Name())
	d["han_ke_hoach"] = forms.Deadline(c, r.Period)
	d["han_gui"] = r.ReminderDeadline(now)
	d["don_vi_thu"] = c.CollectorName()
	// The letter goes to the units it names ("Như trên", written by the
	// template), the commune's leaders, and the archive with the office
	// that drafted it.
	d["noi_nhan"] = []map[string]any{{"noi_dung": "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân " + p.LocalKind + " (b/c)"}}
	luu := "Văn phòng"
	if u := c.Collector(); u != nil && u.Short != "" {
		luu = u.Short
	}
	d["luu"] = luu
	var units []map[string]any
	urged := r.Urged()
	for i, g := range urged {
		end := ";"
		if i == len(urged)-1 {
			end = "."
		}
		units = append(units, map[string]any{"ten": g.Unit.Unit.Name, "noi_dung": g.Sentence, "dau": end})
	}
	d["don_vi"] = units
	d["mot_don_vi"] = len(urged) == 1
	name := ""
	if len(urged) == 1 {
		name = urged[0].Unit.Unit.Name
	}
	d["ten_don_vi"] = name
	d["goi"] = "các đơn vị"
	if len(urged) == 1 {
		d["goi"] = "đơn vị"
	}
	return d
}

// planShortReference names the plan in a summary line: its kind, number
// and symbol ("Kế hoạch số      /KH-UBND"), without date and issuer.
func planShortReference(p catalog.Plan) string {
	number := p.Number
	if number == "" {
		number = "     "
	}
	return fmt.Sprintf("%s số %s/%s", p.Kind, number, p.Suffix)
}
