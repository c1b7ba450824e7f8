package consolidate

import (
	"fmt"
	"strings"

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
	// PreviousNote and CurrentNote say why a value built from the parts of
	// a long period is missing: "chưa đủ số liệu (thiếu quý III)".
	PreviousNote, CurrentNote string
}

// Stock and Flow are the kinds of indicator (indicators.yaml): a balance
// at a date, or a turnover within the period.
const (
	Stock = "stock"
	Flow  = "flow"
)

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
	// The reporting unit's values, by the period of the form they are in.
	values := map[string]map[period.Period]intake.IndicatorValue{}
	for _, s := range used {
		for _, v := range s.Indicators {
			if ind := r.Catalog.Indicator(v.Code); ind != nil && ind.Unit == s.Unit {
				if values[v.Code] == nil {
					values[v.Code] = map[period.Period]intake.IndicatorValue{}
				}
				values[v.Code][s.Period] = v
			}
		}
	}
	for _, ind := range r.Catalog.Indicators {
		line := IndicatorLine{Indicator: ind}
		if u := r.Catalog.Unit(ind.Unit); u != nil {
			line.UnitName = u.Name
		}
		parts := values[ind.Code]
		if v, ok := parts[r.Period]; ok {
			// A form of the period itself is used as it is.
			line.Previous, line.Current = v.Previous, v.Current
		} else if len(parts) > 0 {
			r.fromParts(&line, parts)
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

// fromParts builds a long period's figure from the forms of its quarters.
// A balance is the value at the end of the last quarter, against the value
// at the start of the first (the end of the previous period of the same
// length: for the year 2026, 14/12/2025, the first quarter's "cuối kỳ
// trước"). A flow is the sum of the quarters; the previous period's parts
// are not at hand, so its previous value is "chưa đủ số liệu". A quarter
// missing is named, never a partial value given as the whole.
func (r *Report) fromParts(line *IndicatorLine, parts map[period.Period]intake.IndicatorValue) {
	qs := r.Period.Quarters()
	lack := func(missing []period.Period) string {
		var names []string
		for _, q := range missing {
			names = append(names, quarterWord(q))
		}
		return "chưa đủ số liệu (thiếu " + strings.Join(names, ", ") + ")"
	}
	if line.Indicator.Kind == Flow {
		var missing []period.Period
		sum := 0.0
		for _, q := range qs {
			v, ok := parts[q]
			if !ok || v.Current == nil {
				missing = append(missing, q)
				continue
			}
			sum += *v.Current
		}
		if len(missing) > 0 {
			line.CurrentNote = lack(missing)
		} else {
			line.Current = &sum
		}
		line.PreviousNote = "chưa đủ số liệu (cần biểu các quý của kỳ trước)"
		return
	}
	first, last := qs[0], qs[len(qs)-1]
	if v, ok := parts[first]; ok && v.Previous != nil {
		line.Previous = v.Previous
	} else {
		line.PreviousNote = lack([]period.Period{first})
	}
	if v, ok := parts[last]; ok && v.Current != nil {
		line.Current = v.Current
	} else {
		line.CurrentNote = lack([]period.Period{last})
	}
}

// quarterWord names a quarter without its year: "quý III".
func quarterWord(q period.Period) string {
	return strings.TrimSuffix(q.Name(), fmt.Sprintf(" năm %d", q.Year))
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
