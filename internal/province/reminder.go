package province

import (
	"strings"
	"time"

	"baocao/internal/consolidate"
	"baocao/internal/period"
	"baocao/internal/render"
)

// ReminderTemplateName is the reminder letter's template file name.
const ReminderTemplateName = "don-doc-tinh.docx"

// ReminderName is the reminder letter's file name for p.
func ReminderName(p period.Period) string { return "don-doc-tinh-" + p.String() + ".docx" }

// ReminderDays is how many working days the letter gives, from its date.
const ReminderDays = 3

// Reminder fills the reminder letter to the communes that have not sent,
// dated now, with the deadline given (zero: ReminderDays working days
// after now). There is no letter when every commune has sent.
func Reminder(r *Rollup, template []byte, now, deadline time.Time) ([]byte, []string, error) {
	return render.Render(template, r.ReminderData(now, deadline))
}

// ReminderData is the fields of the reminder letter's template.
func (r *Rollup) ReminderData(now, deadline time.Time) render.Data {
	d := r.Data
	if deadline.IsZero() || deadline.Before(now) {
		deadline = consolidate.WorkingDaysAfter(now, ReminderDays)
	}
	first, rest, _ := strings.Cut(d.Issuer, "\n")
	var names []string
	for _, c := range r.Missing {
		names = append(names, c.FullName())
	}
	addressee := strings.Join(names, ", ")
	if len(names) > 1 {
		addressee = "các xã, phường, đặc khu: " + addressee
	}
	return render.Data{
		"co_quan": first, "ten_xa": strings.ReplaceAll(rest, "\n", " "), "dia_danh": d.Place,
		"so_ky_hieu": "     /" + d.ReminderSuffix, "ngay_bao_cao": now, "han_gui": deadline,
		"trich_yeu": "đôn đốc gửi báo cáo, bảng tổng hợp " + r.Period.Name(), "ky": r.Period.Name(), "ma_ky": r.Period.String(),
		"goi_xa": addressee, "co_quan_goi": issuerInText(d.Issuer),
		"so_chua_gui": len(r.Missing), "so_xa": len(d.Communes),
		"quyen_han": d.Authority, "chuc_vu_ky": d.SignerTitle, "nguoi_ky": d.SignerName,
	}
}
