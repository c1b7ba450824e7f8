package catalog

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"baocao/internal/vntext"
)

// validator checks the decoded files against each other and records every
// mistake with its file and line.
type validator struct {
	dir  string
	errs *Errors
}

func (v validator) add(file string, line int, format string, args ...any) {
	*v.errs = append(*v.errs, &DataError{File: filepath.Join(v.dir, file), Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Unit codes go into file names, so they are kept to letters, digits and '-'.
var unitCode = regexp.MustCompile(`^[A-Z0-9][A-Z0-9-]*$`)

func (v validator) check(pf planFile, tf tasksFile, uf unitsFile, inf indicatorsFile) {
	if strings.TrimSpace(pf.Issuer) == "" || strings.TrimSpace(pf.Commune) == "" || strings.TrimSpace(pf.Place) == "" {
		v.add(PlanFile, 0, "cần có issuer (cơ quan ban hành), commune (tên xã) và place (địa danh)")
	}
	if pf.DeadlineDays < 0 {
		v.add(PlanFile, 0, "deadline_days (số ngày hạn gửi báo cáo) không được âm")
	}

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
			v.add(UnitsFile, u.Code.Line, "mã đơn vị «%s» không hợp lệ: chỉ dùng chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ KT, NHCSXH)", code)
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
		for _, m := range g.Members {
			if !units[m.Value] {
				v.add(UnitsFile, m.Line, "nhóm «%s» có thành viên «%s» không phải là mã đơn vị đã khai báo trong units", code, m.Value)
			}
		}
	}

	if len(tf.Sections) == 0 {
		v.add(TasksFile, 0, "chưa có phần (sections) nào")
	}
	seen := map[string]bool{}
	leaves := 0
	for _, s := range tf.Sections {
		if s.Code.Value == "" || seen[s.Code.Value] {
			v.add(TasksFile, s.Code.Line, "mã phần «%s» bị trống hoặc trùng", s.Code.Value)
		}
		seen[s.Code.Value] = true
		if strings.TrimSpace(s.Title) == "" {
			v.add(TasksFile, s.Code.Line, "phần %s chưa có tên (title)", s.Code.Value)
		}
		for _, t := range s.Tasks {
			code := t.Code.Value
			switch {
			case code == "":
				v.add(TasksFile, t.Code.Line, "nhiệm vụ chưa có mã (code)")
			case seen[code]:
				v.add(TasksFile, t.Code.Line, "mã nhiệm vụ «%s» bị trùng", code)
			case !strings.HasPrefix(code, s.Code.Value+"."):
				v.add(TasksFile, t.Code.Line, "mã nhiệm vụ «%s» phải bắt đầu bằng mã phần «%s.»", code, s.Code.Value)
			}
			seen[code] = true
			if strings.TrimSpace(t.Content) == "" {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s chưa có nội dung (content)", code)
			}
			if t.Heading {
				continue
			}
			leaves++
			if len(t.Lead) == 0 {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s chưa có đơn vị chủ trì (lead)", code)
			}
			for _, r := range append(append([]located{}, t.Lead...), t.Support...) {
				if !refs[r.Value] {
					v.add(TasksFile, r.Line, "nhiệm vụ %s nhắc tới đơn vị «%s» không có trong %s (mã đơn vị hoặc mã nhóm)", code, r.Value, UnitsFile)
				}
			}
			if t.TimingMissing && strings.TrimSpace(t.Timing) != "" {
				v.add(TasksFile, t.Code.Line, "nhiệm vụ %s có timing_missing: true nhưng lại ghi thời gian «%s»", code, t.Timing)
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
	}
	cs, gs := inf.Targets.CapitalShare, inf.Targets.GrowthShare
	for _, code := range []string{cs.Part, cs.Whole, gs.Part, gs.Whole} {
		if code != "" && !inds[code] {
			v.add(IndicatorsFile, 0, "mục tiêu (targets) nhắc tới chỉ tiêu «%s» chưa khai báo trong indicators", code)
		}
	}
	for _, task := range []string{cs.Task, gs.Task} {
		if task != "" && !seen[task] {
			v.add(IndicatorsFile, 0, "mục tiêu (targets) gắn với nhiệm vụ «%s» không có trong %s", task, TasksFile)
		}
	}
}
