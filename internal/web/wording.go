package web

import (
	"strings"

	"baocao/internal/cycle"
	"baocao/internal/intake"
)

// pageWording words a problem's fix as the page's own control that does
// it; never a flag of the command line.
func pageWording(f intake.Fix) string {
	switch f.Kind {
	case intake.FixPeriod:
		if f.Period.IsZero() {
			return ""
		}
		return "Nếu đây đúng là báo cáo " + f.Period.Name() + ": bấm «Để riêng» ở tệp này, chọn «" + upperFirst(f.Period.Name()) + "» ở ô «Kỳ báo cáo» đầu trang rồi gửi lại tệp ở kỳ đó."
	case intake.FixUnit:
		return "Nếu biết tệp của đơn vị nào, chọn đơn vị ở mục «Tệp chưa rõ đơn vị» rồi bấm «Ghi nhận»."
	case intake.FixUnitChosen:
		return "Đơn vị do văn phòng chọn ở mục «Tệp chưa rõ đơn vị»."
	case intake.FixPeriodChosen:
		return "Kỳ báo cáo là kỳ đang mở trên trang."
	case intake.FixOutputElsewhere:
		return "Tệp này do chương trình lập, không cần gửi lên trang: bấm «Để riêng» để cất đi."
	case intake.FixSetOtherAside:
		return "Nếu tệp này mới đúng, bấm «Để riêng» ở tệp «" + f.File + "» rồi lập lại báo cáo."
	}
	return ""
}

// problemText is a problem's message as the page says it.
func problemText(p intake.Problem) string { return p.Text(pageWording) }

// pageTemplateProblem words a template's mistakes for the page: the guide
// is the page's, and the options that name a template are the command
// line's (the page reads the templates folder).
func pageTemplateProblem(msg string) string {
	msg = strings.ReplaceAll(msg, cycle.GuideHelp, "Cách viết và danh sách trường: xem «Hướng dẫn» ở chân trang, mục «Sửa mẫu báo cáo bằng Word».")
	for _, flag := range []string{cycle.ReportTemplateFlag, cycle.ReminderTemplateFlag} {
		msg = strings.ReplaceAll(msg, " (tùy chọn "+flag+")", "")
		msg = strings.ReplaceAll(msg, "tùy chọn "+flag, "thư mục "+cycle.TemplatesDir)
	}
	return msg
}
