package intake

import (
	"fmt"
	"strings"

	"baocao/internal/period"
)

// FixKind is what would fix a problem, or where a choice it reports came
// from, as data: each front end words it as its own control (a flag on the
// command line, a control on the page).
type FixKind int

const (
	FixNone FixKind = iota
	// FixPeriod: read the file for another period (Fix.Period when known).
	FixPeriod
	// FixUnit: say which unit the file is for (Fix.File).
	FixUnit
	// FixUnitChosen: the unit was chosen by the user, not read from the file.
	FixUnitChosen
	// FixPeriodChosen: the period was chosen by the user, not read from the file.
	FixPeriodChosen
	// FixOutputElsewhere: a file the program wrote sits among the files
	// received; keep outputs elsewhere.
	FixOutputElsewhere
	// FixSetOtherAside: another file of the unit (Fix.File) is used
	// instead of this one; if this one is right, take the other away.
	FixSetOtherAside
)

// FixKinds lists every kind of fix, for front ends to test their wording.
var FixKinds = []FixKind{FixNone, FixPeriod, FixUnit, FixUnitChosen, FixPeriodChosen, FixOutputElsewhere, FixSetOtherAside}

// Fix is what would fix a problem.
type Fix struct {
	Kind   FixKind
	Period period.Period // FixPeriod: the file's own period; zero when unknown
	File   string        // FixUnit: the file's base name
}

// Wording words a fix as one sentence for one front end; "" adds nothing.
type Wording func(Fix) string

// Text is the problem's message with its fix worded by w.
func (p Problem) Text(w Wording) string {
	if p.Fix.Kind == FixNone || w == nil {
		return p.Message
	}
	s := w(p.Fix)
	if s == "" {
		return p.Message
	}
	msg := strings.TrimRight(p.Message, " ")
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg + " " + s
}

// CommandLine words fixes as the command line's flags.
func CommandLine(f Fix) string {
	switch f.Kind {
	case FixPeriod:
		if f.Period.IsZero() {
			return "Hoặc chạy lại với --period của kỳ cần đọc (ví dụ --period 2026-Q1)."
		}
		return fmt.Sprintf("Hoặc chạy lại với --period %s nếu muốn kiểm tra theo kỳ của tệp.", f.Period)
	case FixUnit:
		return fmt.Sprintf("Hoặc chạy lại với --unit \"%s=MÃ\" để tính tệp cho một đơn vị.", f.File)
	case FixUnitChosen:
		return "Đơn vị do tùy chọn --unit chỉ định."
	case FixPeriodChosen:
		return "Kỳ báo cáo do tùy chọn --period chỉ định."
	case FixOutputElsewhere:
		return "Đừng để kết quả trong thư mục các tệp đơn vị gửi về (dùng --out cho một thư mục khác)."
	case FixSetOtherAside:
		return fmt.Sprintf("Nếu tệp này mới đúng, chuyển tệp «%s» ra khỏi thư mục --in rồi chạy lại.", f.File)
	}
	return ""
}
