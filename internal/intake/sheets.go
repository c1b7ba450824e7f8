package intake

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"baocao/internal/period"
	"baocao/internal/vntext"
)

// A table found on a sheet.
type found struct {
	g *grid
	h *header
}

// sheetLabel is the period a sheet says it holds: by its name ("Quý I",
// "Quý IV-2025", "Q2 2026") or the title above its table ("Kỳ báo cáo: quý I
// năm 2026"). A name without a year gives only the quarter or half.
type sheetLabel struct {
	p        period.Period
	yearless bool
	ok       bool
}

var (
	quarterName = regexp.MustCompile(`^(?:bao cao |bc |so lieu )?(?:quy|q) ?(i|ii|iii|iv|1|2|3|4)$`)
	halfName    = regexp.MustCompile(`^(?:bao cao |bc )?6 thang (dau|cuoi)(?: nam)?$`)
	romanQ      = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
)

// labelOf reads the period of a table: its sheet's name, else its title.
func labelOf(t found) sheetLabel {
	if p, ok := findPeriod(t.g.name); ok {
		return sheetLabel{p: p, ok: true}
	}
	f := vntext.Fold(t.g.name)
	if m := quarterName.FindStringSubmatch(f); m != nil {
		return sheetLabel{p: period.Period{Kind: period.Quarter, Quarter: romanQ[m[1]]}, yearless: true, ok: true}
	}
	if m := halfName.FindStringSubmatch(f); m != nil {
		k := period.FirstHalf
		if m[1] == "cuoi" {
			k = period.SecondHalf
		}
		return sheetLabel{p: period.Period{Kind: k}, yearless: true, ok: true}
	}
	var title []string
	for i := 0; i < t.h.first && i < len(t.g.rows); i++ {
		title = append(title, t.g.rows[i]...)
	}
	if p, ok := findPeriod(strings.Join(title, "\n")); ok {
		return sheetLabel{p: p, ok: true}
	}
	return sheetLabel{}
}

// matches tells whether the label is the period p.
func (l sheetLabel) matches(p period.Period) bool {
	if !l.ok {
		return false
	}
	if l.yearless {
		return l.p.Kind == p.Kind && l.p.Quarter == p.Quarter
	}
	return l.p == p
}

// name says the label's period in words: "quý II", "quý IV năm 2025".
func (l sheetLabel) name() string {
	if !l.yearless {
		return l.p.Name()
	}
	switch l.p.Kind {
	case period.Quarter:
		return "quý " + []string{"", "I", "II", "III", "IV"}[l.p.Quarter]
	case period.FirstHalf:
		return "6 tháng đầu năm"
	}
	return "6 tháng cuối năm"
}

// askedPeriod is the period whose sheet is read from a workbook with one
// sheet per period: the one being checked, else the form's own, else the
// one in the file's name.
func (r *reader) askedPeriod() (period.Period, bool) {
	if !r.opt.Period.IsZero() {
		return r.opt.Period, true
	}
	if r.meta.Period != "" {
		if p, err := period.Parse(r.meta.Period); err == nil {
			return p, true
		}
	}
	name := filepath.Base(r.s.Path)
	return findPeriod(strings.TrimSuffix(name, filepath.Ext(name)))
}

// choosePeriod keeps, of several tables of a kind (what: "bảng báo cáo",
// "bảng chỉ tiêu"), the one of the period asked for when the sheets say
// which period each holds; the others are named in a warning and not read.
// Where it cannot tell, it reports an error naming the sheets and saying
// which to keep, and keeps none; handled lists the sheets it dealt with.
func (r *reader) choosePeriod(tables []found, what string) (keep []found, handled []string) {
	if len(tables) < 2 {
		return tables, nil
	}
	labels := make([]sheetLabel, len(tables))
	labelled := 0
	for i, t := range tables {
		if labels[i] = labelOf(t); labels[i].ok {
			labelled++
		}
	}
	// Tables of one period split over sheets, or no periods at all: all
	// are read, as before.
	distinct := map[string]bool{}
	for _, l := range labels {
		if l.ok {
			distinct[l.name()] = true
		}
	}
	if labelled == 0 || len(distinct) < 2 && labelled == len(tables) {
		return tables, nil
	}
	var names []string
	for i, t := range tables {
		n := "«" + t.g.name + "»"
		switch {
		case t.g.hidden && labels[i].ok:
			n += fmt.Sprintf(" (trang ẩn, %s)", labels[i].name())
		case t.g.hidden:
			n += " (trang ẩn)"
		case labels[i].ok:
			n += " (" + labels[i].name() + ")"
		}
		names = append(names, n)
		handled = append(handled, t.g.name)
	}
	asked, ok := r.askedPeriod()
	if !ok {
		r.s.addFix(Fix{Kind: FixPeriod}, SeverityError, "", Pos{}, "sổ có %d trang tính có %s của các kỳ khác nhau: %s; tệp không cho biết là báo cáo kỳ nào nên không đọc trang nào. Giữ lại trang của kỳ cần báo cáo (xóa hoặc chuyển các trang kia sang tệp khác) rồi gửi lại.",
			len(tables), what, strings.Join(names, ", "))
		return nil, handled
	}
	var match []int
	for i, l := range labels {
		if l.matches(asked) {
			match = append(match, i)
		}
	}
	switch len(match) {
	case 0:
		r.s.addFix(Fix{Kind: FixPeriod}, SeverityError, "", Pos{}, "sổ có %d trang tính có %s: %s, nhưng không trang nào là của %s. Giữ lại trang của %s (xóa hoặc chuyển các trang kia sang tệp khác) rồi gửi lại.",
			len(tables), what, strings.Join(names, ", "), asked.Name(), asked.Name())
		return nil, handled
	case 1:
	default:
		var same []string
		for _, i := range match {
			same = append(same, "«"+tables[i].g.name+"»")
		}
		r.s.addf(SeverityError, "", Pos{}, "các trang tính %s đều có %s %s nên không biết dùng trang nào. Giữ lại một trang (bản đúng), xóa trang kia rồi gửi lại.",
			strings.Join(same, ", "), what, asked.Name())
		return nil, handled
	}
	chosen := tables[match[0]]
	for i, t := range tables {
		if i == match[0] {
			continue
		}
		why := "không ghi kỳ báo cáo"
		if labels[i].ok {
			why = "là của " + labels[i].name()
		}
		hidden := ""
		if t.g.hidden {
			hidden = " (trang ẩn)"
		}
		fix := Fix{Kind: FixPeriod}
		if labels[i].ok && !labels[i].yearless {
			fix.Period = labels[i].p
		}
		r.s.addFix(fix, SeverityWarning, t.g.name, Pos{}, "trang tính «%s»%s %s, không phải %s, nên không được đọc; chỉ đọc trang «%s».",
			t.g.name, hidden, why, asked.Name(), chosen.g.name)
	}
	return []found{chosen}, handled
}
