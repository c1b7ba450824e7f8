package catalog

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"baocao/internal/vntext"
)

// validator checks the decoded files against each other and records every
// mistake with its file and line.
type validator struct {
	dir   string
	errs  *Errors
	notes *Errors // what is read with a guess, and said so
}

func (v validator) add(file string, line int, format string, args ...any) {
	*v.errs = append(*v.errs, &DataError{File: filepath.Join(v.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (v validator) note(file string, line int, format string, args ...any) {
	*v.notes = append(*v.notes, &DataError{File: filepath.Join(v.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Unit codes go into file names, so they are kept to letters, digits and '-'.
var unitCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]*$`)

func (v validator) check(pf planFile, tf tasksFile, uf unitsFile, inf indicatorsFile) {
	v.checkPlan(pf, uf)

	// Units and groups share one namespace: tasks refer to either.
	refs := map[string]bool{}
	units := map[string]bool{}
	aliasOwner := map[string]string{}
	claim := func(name, code string, line int) {
		f := vntext.Fold(name)
		if f == "" {
			return
		}
		if other, ok := aliasOwner[f]; ok && other != code {
			v.add(UnitsFile, line, "tên «%s» của %s trùng với tên của %s: mỗi tên chỉ được trỏ tới một đơn vị hoặc nhóm", strings.TrimSpace(name), code, other)
			return
		}
		aliasOwner[f] = code
	}
	if len(uf.Units) == 0 {
		v.add(UnitsFile, 0, "chưa có đơn vị nào trong danh sách units")
	}
	for _, u := range uf.Units {
		code := u.Code.Value
		switch {
		case !unitCode.MatchString(code):
			v.add(UnitsFile, u.Code.Line, "mã đơn vị «%s» không hợp lệ: chỉ dùng chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ %s)", code, exampleCodes(uf))
		case refs[code]:
			v.add(UnitsFile, u.Code.Line, "mã đơn vị «%s» bị trùng", code)
		}
		refs[code], units[code] = true, true
		if strings.TrimSpace(u.Name) == "" {
			v.add(UnitsFile, u.Code.Line, "đơn vị «%s» chưa có tên đầy đủ (name)", code)
		}
		claim(u.Name, code, u.Code.Line)
		claim(u.Short, code, u.Code.Line)
		for _, a := range u.Aliases {
			claim(a, code, u.Code.Line)
		}
	}
	for _, g := range uf.Groups {
		code := g.Code.Value
		switch {
		case !unitCode.MatchString(code):
			v.add(UnitsFile, g.Code.Line, "mã nhóm «%s» không hợp lệ: chỉ dùng chữ in hoa không dấu, chữ số và dấu gạch ngang", code)
		case refs[code]:
			v.add(UnitsFile, g.Code.Line, "mã «%s» bị trùng (mã nhóm không được trùng mã đơn vị hay mã nhóm khác)", code)
		}
		refs[code] = true
		claim(g.Name, code, g.Code.Line)
		for _, a := range g.Aliases {
			claim(a, code, g.Code.Line)
		}
		if len(g.Members) == 0 {
			v.add(UnitsFile, g.Code.Line, "nhóm «%s» chưa có thành viên (members)", code)
		}
		members := map[string]bool{}
		for _, m := range g.Members {
			switch {
			case !units[m.Value]:
				v.add(UnitsFile, m.Line, "nhóm «%s» có thành viên «%s» không phải là mã đơn vị đã khai báo trong units", code, m.Value)
			case members[m.Value]:
				v.add(UnitsFile, m.Line, "nhóm «%s» ghi thành viên «%s» hai lần", code, m.Value)
			}
			members[m.Value] = true
		}
	}

	if len(tf.Sections) == 0 {
		v.add(TasksFile, 0, "chưa có phần (sections) nào")
	}
	seen := map[string]bool{}
	leaves := 0
	for _, s := range tf.Sections {
		switch {
		case s.Code.Value == "" || seen[s.Code.Value]:
			v.add(TasksFile, s.Code.Line, "mã phần «%s» bị trống hoặc trùng", s.Code.Value)
		case !taskCode.MatchString(s.Code.Value) || strings.Contains(s.Code.Value, "."):
			v.add(TasksFile, s.Code.Line, "mã phần «%s» không hợp lệ: dùng số La Mã hoặc số, không dấu chấm, không dấu cách (ví dụ I, II, 3)", s.Code.Value)
		}
		seen[s.Code.Value] = true
		if strings.TrimSpace(s.Title) == "" {
			v.add(TasksFile, s.Code.Line, "phần %s chưa có tên (title)", s.Code.Value)
		}
		// headings of this section: code -> has items
		headings := map[string]bool{}
		headingLine := map[string]int{}
		var headingOrder []string
		leavesHere := map[string]bool{}
		for _, t := range s.Tasks {
			code := t.Code.Value
			valid := false
			switch {
			case code == "":
				v.add(TasksFile, t.Code.Line, "nhiệm vụ chưa có mã (code)")
			case seen[code]:
				v.add(TasksFile, t.Code.Line, "mã nhiệm vụ «%s» bị trùng", code)
			case !strings.HasPrefix(code, s.Code.Value+"."):
				v.add(TasksFile, t.Code.Line, "mã nhiệm vụ «%s» phải bắt đầu bằng mã phần «%s.»", code, s.Code.Value)
			case !taskCode.MatchString(code):
				v.add(TasksFile, t.Code.Line, "mã nhiệm vụ «%s» không hợp lệ: các phần cách nhau bởi một dấu chấm, chỉ gồm chữ và số (ví dụ %s.1, %s.1.a, %s.3.b.1)", code, s.Code.Value, s.Code.Value, s.Code.Value)
			default:
				valid = true
			}
			seen[code] = true
			if valid {
				// An item (II.3.b.1) sits under its heading (II.3.b),
				// which comes first in the same section.
				if p := parentCode(code); p != s.Code.Value {
					switch {
					case leavesHere[p]:
						v.add(TasksFile, t.Code.Line, "nhiệm vụ %s là mục con của %s, nên %s phải là tiêu đề nhóm: thêm «heading: true» cho %s (dòng %d) và bỏ đơn vị, sản phẩm, thời gian của nó", code, p, p, p, lineOfTask(s.Tasks, p))
					case !isHeading(headings, p):
						v.add(TasksFile, t.Code.Line, "nhiệm vụ %s là mục con của %s, nhưng phần %s không có tiêu đề nhóm %s ở trước nó: thêm tiêu đề đó (code: %s, heading: true, content: ...) hoặc sửa mã", code, p, s.Code.Value, p, p)
					default:
						headings[p] = true
					}
				}
			}
			if strings.TrimSpace(t.Content) == "" {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s chưa có nội dung (content)", code)
			}
			if t.Heading {
				if !isHeading(headings, code) {
					headings[code] = false
					headingLine[code] = t.Code.Line
					headingOrder = append(headingOrder, code)
				}
				continue
			}
			leavesHere[code] = true
			leaves++
			if len(t.Lead) == 0 {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s chưa có đơn vị chủ trì (lead)", code)
			}
			for i, r := range append(append([]located{}, t.Lead...), t.Support...) {
				lead := i < len(t.Lead)
				switch {
				case refs[r.Value]:
				case unitCode.MatchString(r.Value) || vntext.Fold(r.Value) == "":
					v.add(TasksFile, r.Line, "nhiệm vụ %s nhắc tới đơn vị «%s» không có trong %s (mã đơn vị hoặc mã nhóm)", code, r.Value, UnitsFile)
				case aliasOwner[vntext.Fold(r.Value)] != "":
					v.add(TasksFile, r.Line, "nhiệm vụ %s ghi «%s» là tên của %s trong %s: ghi mã %s thay cho tên", code, r.Value, aliasOwner[vntext.Fold(r.Value)], UnitsFile, aliasOwner[vntext.Fold(r.Value)])
				case lead:
					v.add(TasksFile, r.Line, "nhiệm vụ %s có đơn vị chủ trì «%s» không có trong %s: đơn vị chủ trì phải là đơn vị báo cáo; thêm đơn vị này vào %s (có mã), hoặc chuyển tên sang support nếu chỉ phối hợp", code, r.Value, UnitsFile, UnitsFile)
				default:
					// A coordinator that reports to no one here
					// («Trưởng các thôn»): printed as written, no form.
					v.note(TasksFile, r.Line, "nhiệm vụ %s có bên phối hợp «%s» không phải đơn vị báo cáo trong %s: tên được in như đã ghi và không có biểu mẫu; nếu bên này phải gửi báo cáo, thêm vào %s và ghi mã của nó ở đây", code, r.Value, UnitsFile, UnitsFile)
				}
			}
			if t.TimingMissing && strings.TrimSpace(t.Timing) != "" {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s có timing_missing: true nhưng lại ghi thời gian «%s»", code, t.Timing)
			}
		}
		for _, code := range headingOrder {
			if !headings[code] {
				v.add(TasksFile, headingLine[code], "%s là tiêu đề nhóm (heading: true) nhưng không có mục con nào (mã bắt đầu bằng «%s.»): bỏ «heading: true» nếu đó là một nhiệm vụ", code, code)
			}
		}
	}
	if len(tf.Sections) > 0 && leaves == 0 {
		v.add(TasksFile, 0, "chưa có nhiệm vụ nào")
	}

	inds := map[string]bool{}
	for _, ind := range inf.Indicators {
		code := ind.Code.Value
		if code == "" || inds[code] {
			v.add(IndicatorsFile, ind.Code.Line, "mã chỉ tiêu «%s» bị trống hoặc trùng", code)
		}
		inds[code] = true
		if !units[ind.Unit.Value] {
			v.add(IndicatorsFile, ind.Unit.Line, "chỉ tiêu %s do đơn vị «%s» báo cáo, nhưng đơn vị này không có trong %s", code, ind.Unit.Value, UnitsFile)
		}
		if ind.Kind != "stock" && ind.Kind != "flow" {
			v.add(IndicatorsFile, ind.Code.Line, "chỉ tiêu %s: kind phải là stock (số dư) hoặc flow (doanh số trong kỳ)", code)
		}
		switch {
		case ind.Decimals == nil:
			d, why := decimalsOf(ind.Measure)
			v.note(IndicatorsFile, ind.Code.Line, "chỉ tiêu %s chưa ghi decimals (số chữ số thập phân): lấy %d theo đơn vị tính «%s» (%s); ghi «decimals: %d» để bỏ ghi chú này", code, d, strings.TrimSpace(ind.Measure), why, d)
		case *ind.Decimals < 0 || *ind.Decimals > 6:
			v.add(IndicatorsFile, ind.Code.Line, "chỉ tiêu %s: decimals phải là một số từ 0 đến 6, không phải %d", code, *ind.Decimals)
		}
	}
	if inf.Targets.oldForm {
		v.note(IndicatorsFile, inf.Targets.line, "targets viết theo dạng của phiên bản trước («capital_share:», «growth_share:»): vẫn đọc được, kèm tỷ lệ nợ quá hạn như trước; dạng mới là danh sách «- kind: …» (xem mẫu: baocao init THƯ_MỤC_MỚI ghi ra bản indicators.yaml có sẵn)")
	}
	for _, t := range inf.Targets.entries {
		v.checkTarget(t, inds, seen)
	}
}

// taskCode is a section or task code: parts of letters and digits joined
// by single dots ("IV", "IV.1.a", "II.3.b.1").
var taskCode = regexp.MustCompile(`^[\p{L}0-9]+(\.[\p{L}0-9]+)*$`)

// exampleCodes are up to two valid unit codes of the file, for messages.
func exampleCodes(uf unitsFile) string {
	var out []string
	for _, u := range uf.Units {
		if unitCode.MatchString(u.Code.Value) && len(out) < 2 {
			out = append(out, u.Code.Value)
		}
	}
	if len(out) == 0 {
		return "KT, HOI-ND"
	}
	return strings.Join(out, ", ")
}

func isHeading(headings map[string]bool, code string) bool {
	_, ok := headings[code]
	return ok
}

func lineOfTask(tasks []taskEntry, code string) int {
	for _, t := range tasks {
		if t.Code.Value == code {
			return t.Code.Line
		}
	}
	return 0
}

func (v validator) checkPlan(pf planFile, uf unitsFile) {
	if strings.TrimSpace(pf.Issuer) == "" || strings.TrimSpace(pf.Commune) == "" || strings.TrimSpace(pf.Place) == "" {
		v.add(PlanFile, 0, "cần có issuer (cơ quan ban hành), commune (tên xã, phường viết hoa ở đầu văn bản) và place (địa danh ghi trước ngày tháng)")
	}
	if pf.DeadlineDays < 0 {
		v.add(PlanFile, 0, "deadline_days (số ngày hạn gửi báo cáo) không được âm")
	}
	if pf.ReminderDays != nil && (*pf.ReminderDays < 1 || *pf.ReminderDays > 60) {
		v.add(PlanFile, 0, "reminder_days (số ngày làm việc kể từ ngày công văn đôn đốc đến hạn gửi mới) phải từ 1 đến 60")
	}
	kinds := strings.Join(LocalKinds, ", ")
	kind := vntext.Clean(pf.Kind.Value)
	switch {
	case kind != "" && !slices.Contains(LocalKinds, kind):
		v.add(PlanFile, pf.Kind.Line, "local_kind «%s» không hợp lệ: ghi một trong %s", kind, kinds)
	case kind == "" && localKindOf(pf.CommuneName.Value) == "":
		v.add(PlanFile, pf.CommuneName.Line, "chưa rõ loại đơn vị hành chính: ghi local_kind (một trong %s) và commune_name bắt đầu bằng nó (ví dụ «xã Thạch Bình», «phường Hải Châu»)", kinds)
	case kind != "" && strings.TrimSpace(pf.CommuneName.Value) != "" && localKindOf(pf.CommuneName.Value) != kind:
		v.add(PlanFile, pf.CommuneName.Line, "commune_name «%s» phải bắt đầu bằng loại đơn vị hành chính «%s» (local_kind)", strings.TrimSpace(pf.CommuneName.Value), kind)
	}
	if c := pf.Collector.Value; c != "" {
		found := false
		for _, u := range uf.Units {
			found = found || u.Code.Value == c
		}
		if !found {
			v.add(PlanFile, pf.Collector.Line, "collector (đơn vị thu nhận báo cáo) «%s» không phải là mã đơn vị trong %s", c, UnitsFile)
		}
	}
	if d := pf.Plan.Date.Value; d != "" {
		_, month, year, err := parseDate(d)
		switch {
		case err != nil:
			v.add(PlanFile, pf.Plan.Date.Line, "ngày «%s» không đọc được: ghi dd/mm/yyyy (ví dụ 05/09/2025) hoặc bằng chữ («ngày 05 tháng 9 năm 2025»); để \"\" nếu kế hoạch để trống ngày", d)
		case pf.Plan.Month != 0 && pf.Plan.Month != month, pf.Plan.Year != 0 && pf.Plan.Year != year:
			v.add(PlanFile, pf.Plan.Date.Line, "ngày %s không khớp với month: %d, year: %d: bỏ month, year hoặc sửa cho khớp", d, pf.Plan.Month, pf.Plan.Year)
		}
	} else if pf.Plan.Month < 1 || pf.Plan.Month > 12 || pf.Plan.Year < 1900 {
		v.add(PlanFile, pf.Plan.Date.Line, "kế hoạch chưa có ngày: ghi date (dd/mm/yyyy), hoặc month và year khi phụ lục để trống ngày")
	}
}

func (v validator) checkTarget(t targetEntry, inds, tasks map[string]bool) {
	line := t.Kind.Line
	if line == 0 {
		line = t.Task.Line
	}
	need := func(field string, l located) {
		switch {
		case l.Value == "":
			v.add(IndicatorsFile, line, "mục tiêu loại %s cần %s (mã chỉ tiêu)", t.Kind.Value, field)
		case !inds[l.Value]:
			v.add(IndicatorsFile, l.Line, "mục tiêu nhắc tới chỉ tiêu «%s» chưa khai báo trong indicators", l.Value)
		}
	}
	switch t.Kind.Value {
	case TargetCapitalShare:
		need("part", t.Part)
		need("whole", t.Whole)
		if t.Percent <= 0 || t.ByYear == 0 {
			v.add(IndicatorsFile, line, "mục tiêu capital_share cần percent (tỷ lệ phần trăm, lớn hơn 0) và by_year (năm phải đạt)")
		}
	case TargetGrowthShare:
		need("part", t.Part)
		need("whole", t.Whole)
		if t.MinPercent <= 0 || (t.MaxPercent != 0 && t.MaxPercent < t.MinPercent) {
			v.add(IndicatorsFile, line, "mục tiêu growth_share cần min_percent lớn hơn 0, và max_percent (nếu có) không nhỏ hơn min_percent")
		}
	case TargetGrowthRate:
		need("indicator", t.Indicator)
		if t.MinPercent <= 0 {
			v.add(IndicatorsFile, line, "mục tiêu growth_rate cần min_percent (mức tăng tối thiểu mỗi năm, phần trăm, lớn hơn 0)")
		}
	case TargetReach:
		need("indicator", t.Indicator)
		if t.Value <= 0 {
			v.add(IndicatorsFile, line, "mục tiêu reach cần value (số lượng hoặc số tiền phải đạt, lớn hơn 0)")
		}
	case TargetRatio:
		need("part", t.Part)
		need("whole", t.Whole)
		if strings.TrimSpace(t.Name) == "" {
			v.add(IndicatorsFile, line, "mục tiêu ratio cần name (tên tỷ lệ, ví dụ «Tỷ lệ nợ quá hạn trên tổng dư nợ»)")
		}
	default:
		v.add(IndicatorsFile, line, "mục tiêu có kind «%s» không hợp lệ: ghi một trong %s", t.Kind.Value, strings.Join(TargetKinds, ", "))
	}
	if t.Task.Value != "" && tasks != nil && !tasks[t.Task.Value] {
		v.add(IndicatorsFile, t.Task.Line, "mục tiêu gắn với nhiệm vụ «%s» không có trong %s", t.Task.Value, TasksFile)
	}
}

// checkTexts checks that every task's lead_text and support_text name the
// units and groups of its lead and support codes, no more and no fewer.
func (v validator) checkTexts(c *Catalog, tf tasksFile) {
	for _, s := range tf.Sections {
		for _, t := range s.Tasks {
			if t.Heading {
				continue
			}
			v.checkText(c, t.Code.Value, "lead", t.LeadText, t.Lead)
			v.checkText(c, t.Code.Value, "support", t.SupportText, t.Support)
		}
	}
}

func (v validator) checkText(c *Catalog, task, field string, text located, codes []located) {
	if strings.TrimSpace(text.Value) == "" {
		return
	}
	line := text.Line
	found := c.FindUnits(text.Value)
	var want []string
	for _, l := range codes {
		if c.byUnit[l.Value] != nil || c.byGroup[l.Value] != nil {
			want = append(want, l.Value) // not a party named as written
		}
	}
	if len(found) == 0 && len(want) == 0 {
		return // only parties that do not report («Trưởng các thôn»)
	}
	if len(found) == 0 {
		v.add(TasksFile, line, "nhiệm vụ %s: %s_text «%s» không nêu đơn vị hay nhóm nào có trong %s: thêm cách viết này vào aliases của đơn vị (hoặc nhóm) %s", task, field, text.Value, UnitsFile, strings.Join(want, ", "))
		return
	}
	var extra, missing []string
	for _, f := range found {
		if !slices.Contains(want, f) {
			extra = append(extra, f)
		}
	}
	for _, w := range want {
		if !slices.Contains(found, w) {
			missing = append(missing, w)
		}
	}
	if len(extra) > 0 {
		v.add(TasksFile, line, "nhiệm vụ %s: %s_text «%s» nêu %s, nhưng %s chỉ ghi [%s]: thêm mã vào %s, hoặc sửa %s_text", task, field, text.Value, strings.Join(extra, ", "), field, strings.Join(want, ", "), field, field)
	}
	if len(missing) > 0 {
		v.add(TasksFile, line, "nhiệm vụ %s: %s ghi %s, nhưng %s_text «%s» không nêu: bỏ mã khỏi %s, hoặc thêm tên vào %s_text (hay vào aliases trong %s)", task, field, strings.Join(missing, ", "), field, text.Value, field, field, UnitsFile)
	}
}

// sameGroups finds what overlaps in the registry without being wrong: two
// groups with the same members.
func (v validator) sameGroups(uf unitsFile) Errors {
	var out Errors
	for i, a := range uf.Groups {
		for _, b := range uf.Groups[:i] {
			if len(a.Members) > 0 && sameSet(values(a.Members), values(b.Members)) {
				out = append(out, &DataError{File: filepath.Join(v.dir, UnitsFile), Line: a.Code.Line,
					Msg: fmt.Sprintf("nhóm %s có đúng các thành viên của nhóm %s: nếu là một nhóm, chuyển tên của %s vào aliases của %s", a.Code.Value, b.Code.Value, a.Code.Value, b.Code.Value)})
			}
		}
	}
	return out
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// decimalsOf is the number of decimals an indicator takes when
// indicators.yaml does not say (data written for the earlier version): 2
// for money and rates, 0 for counts; why says which, for the note.
func decimalsOf(measure string) (decimals int, why string) {
	f := " " + vntext.Fold(measure) + " "
	switch {
	case strings.Contains(f, " dong "):
		return 2, "tiền"
	case strings.Contains(measure, "%"), strings.Contains(f, " phan tram "), strings.Contains(f, " ty le "):
		return 2, "tỷ lệ"
	}
	return 0, "số đếm"
}
