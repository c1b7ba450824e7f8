package consolidate

import (
	"fmt"

	"baocao/internal/catalog"
	"baocao/internal/intake"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// IndicatorLine is one credit indicator: its values at the end of the
// previous period and now, and the change.
type IndicatorLine struct {
	Indicator *catalog.Indicator
	UnitName  string
	Previous  *float64
	Current   *float64
	// Change is Current - Previous when both are known.
	Change *float64
	// ChangePercent is Change as a percentage of Previous, when Previous > 0.
	ChangePercent *float64
}

// TargetCheck is one target of task IV.1.a computed from the indicators.
type TargetCheck struct {
	Task   string
	Target string // the target, in words
	Actual *float64
	// Verdict says how the actual value compares, or why it cannot be
	// computed ("chưa đủ số liệu ...").
	Verdict string
	Met     bool
}

func (r *Report) indicators(used []*intake.Submission) {
	values := map[string]intake.IndicatorValue{}
	for _, s := range used {
		for _, v := range s.Indicators {
			if r.Catalog.Indicator(v.Code) != nil && r.Catalog.Indicator(v.Code).Unit == s.Unit {
				// With quarterly forms for a yearly report, the latest wins
				// for the current value and the earliest for the previous one.
				old, seen := values[v.Code]
				if seen && old.Previous != nil {
					v.Previous = old.Previous
				}
				values[v.Code] = v
			}
		}
	}
	for _, ind := range r.Catalog.Indicators {
		line := IndicatorLine{Indicator: ind}
		if u := r.Catalog.Unit(ind.Unit); u != nil {
			line.UnitName = u.Name
		}
		if v, ok := values[ind.Code]; ok {
			line.Previous, line.Current = v.Previous, v.Current
		}
		if line.Previous != nil && line.Current != nil {
			d := *line.Current - *line.Previous
			line.Change = &d
			if *line.Previous > 0 {
				pct := d / *line.Previous * 100
				line.ChangePercent = &pct
			}
		}
		r.Indicators = append(r.Indicators, line)
	}
	r.targets()
}

func (r *Report) line(code string) *IndicatorLine {
	for i := range r.Indicators {
		if r.Indicators[i].Indicator.Code == code {
			return &r.Indicators[i]
		}
	}
	return nil
}

func (r *Report) name(code string) string {
	if ind := r.Catalog.Indicator(code); ind != nil {
		return ind.Name
	}
	return code
}

// targets computes the two targets of task IV.1.a: local-budget capital as a
// share of total capital (15% by 2030), and its growth as a share of the
// growth of outstanding loans (15-20% a year).
func (r *Report) targets() {
	const noData = "chưa đủ số liệu: cần %s của Phòng giao dịch NHCSXH"
	if cs := r.Catalog.Targets.CapitalShare; cs.Part != "" {
		tc := TargetCheck{Task: cs.Task, Target: fmt.Sprintf("%s đạt %s%% %s vào năm %d",
			r.name(cs.Part), vntext.FormatAuto(cs.Percent), lowerFirst(r.name(cs.Whole)), cs.ByYear)}
		part, whole := r.line(cs.Part), r.line(cs.Whole)
		switch {
		case part == nil || whole == nil || part.Current == nil || whole.Current == nil:
			tc.Verdict = fmt.Sprintf(noData, "số cuối kỳ của «"+r.name(cs.Part)+"» và «"+r.name(cs.Whole)+"»")
		case *whole.Current <= 0:
			tc.Verdict = "không tính được: " + lowerFirst(r.name(cs.Whole)) + " bằng 0"
		default:
			share := *part.Current / *whole.Current * 100
			tc.Actual = &share
			tc.Met = share >= cs.Percent
			if tc.Met {
				tc.Verdict = fmt.Sprintf("đạt %s%%, đã đạt mục tiêu %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(cs.Percent))
			} else {
				tc.Verdict = fmt.Sprintf("đạt %s%%, còn thiếu %s điểm phần trăm so với mục tiêu %s%% vào năm %d",
					vntext.FormatNumber(share, 2), vntext.FormatNumber(cs.Percent-share, 2), vntext.FormatAuto(cs.Percent), cs.ByYear)
			}
		}
		r.Targets = append(r.Targets, tc)
	}
	if gs := r.Catalog.Targets.GrowthShare; gs.Part != "" {
		tc := TargetCheck{Task: gs.Task, Target: fmt.Sprintf("Tăng trưởng %s bằng khoảng %s - %s%% tăng trưởng %s",
			lowerFirst(r.name(gs.Part)), vntext.FormatAuto(gs.MinPercent), vntext.FormatAuto(gs.MaxPercent), lowerFirst(r.name(gs.Whole)))}
		part, whole := r.line(gs.Part), r.line(gs.Whole)
		switch {
		case part == nil || whole == nil || part.Change == nil || whole.Change == nil:
			tc.Verdict = fmt.Sprintf(noData, "số cuối kỳ trước và cuối kỳ này của «"+r.name(gs.Part)+"» và «"+r.name(gs.Whole)+"»")
		case *whole.Change <= 0:
			tc.Verdict = "không tính được: " + lowerFirst(r.name(gs.Whole)) + " không tăng trong kỳ"
		default:
			share := *part.Change / *whole.Change * 100
			tc.Actual = &share
			tc.Met = share >= gs.MinPercent
			switch {
			case share < gs.MinPercent:
				tc.Verdict = fmt.Sprintf("bằng %s%%, thấp hơn mức %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(gs.MinPercent))
			case share > gs.MaxPercent:
				tc.Verdict = fmt.Sprintf("bằng %s%%, vượt mức %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(gs.MaxPercent))
			default:
				tc.Verdict = fmt.Sprintf("bằng %s%%, trong khoảng mục tiêu", vntext.FormatNumber(share, 2))
			}
			if r.Period.Kind != period.Year { // the target is yearly
				tc.Verdict += " (tính trong kỳ; mục tiêu tính theo năm)"
			}
		}
		r.Targets = append(r.Targets, tc)
	}
	// The overdue ratio is a common figure of these reports.
	if od, total := r.line("NO-QUA-HAN"), r.line("TONG-DU-NO"); od != nil && total != nil && od.Current != nil && total.Current != nil && *total.Current > 0 {
		ratio := *od.Current / *total.Current * 100
		r.Targets = append(r.Targets, TargetCheck{Target: "Tỷ lệ nợ quá hạn trên tổng dư nợ", Actual: &ratio,
			Verdict: vntext.FormatNumber(ratio, 2) + "%", Met: true})
	}
}
