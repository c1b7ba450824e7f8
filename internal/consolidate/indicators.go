package consolidate

import (
	"fmt"
	"slices"
	"strings"
	"time"

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
	// Note is what the reporting unit wrote beside the figure, each
	// quarter's labelled over a long period.
	Note string
	// YearStart is a balance at the start of the year (the end of the
	// year before, 14/12), for the plan's yearly targets counted on the
	// year to date: the previous value of a period that starts the year,
	// else from an earlier form in the folder; nil when none says it.
	YearStart *float64
}

// FigureDates are the dates the indicators stand at: the previous and the
// current balances'.
type FigureDates struct {
	Previous, Current time.Time
	// Written tells that the reporting unit wrote them on its form; else
	// they are the periods' cut-off dates (Decree 09/2019).
	Written bool
}

// Stock and Flow are the kinds of indicator (indicators.yaml): a balance
// at a date, or a turnover within the period.
const (
	Stock = "stock"
	Flow  = "flow"
)

// TargetCheck is one of the plan's targets computed from the indicators.
type TargetCheck struct {
	Task   string
	Target string // the target, in words
	Actual *float64
	// Verdict says how the actual value compares, or why it cannot be
	// computed ("chưa đủ số liệu ...").
	Verdict string
	Met     bool
}

// indicators builds the figures from the forms used and, for what a long
// period compares with, the reporting unit's forms of earlier periods that
// were set aside (last year's quarters for a yearly report).
func (r *Report) indicators(used, all []*intake.Submission) {
	// The reporting unit's values, by the period of the form they are in.
	values := map[string]map[period.Period]intake.IndicatorValue{}
	sources := slices.Clone(used)
	for _, s := range all {
		if !s.HasErrors() && (s.SetAsideFor != "" || s.ComparedWith != "") && s.Period.To().Before(r.Period.From()) {
			sources = append(sources, s)
		}
	}
	dates := map[period.Period]FigureDates{}
	for _, s := range sources {
		if at := s.FiguresAsOf; r.Catalog.Unit(s.Unit) != nil && r.Catalog.Unit(s.Unit).Indicators {
			dates[s.Period] = FigureDates{Previous: at.Previous, Current: at.Current}
		}
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
			line.Previous, line.Current, line.Note = v.Previous, v.Current, v.Note
		} else if slices.ContainsFunc(r.Period.Quarters(), func(q period.Period) bool { _, ok := parts[q]; return ok && q != r.Period }) {
			// Quarters of a long period, not earlier forms alone.
			r.fromParts(&line, parts)
		}
		line.YearStart = r.yearStart(line, parts)
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
	r.figureDates(dates)
	r.targets()
}

// figureDates sets FiguresAsOf: the dates the bank wrote on the form of
// the period, or on the first and last quarters of a long period; else
// the cut-off dates of the period before and of this one.
func (r *Report) figureDates(dates map[period.Period]FigureDates) {
	prev, cur := dates[r.Period].Previous, dates[r.Period].Current
	if _, ok := dates[r.Period]; !ok && r.Period.Kind != period.Quarter {
		qs := r.Period.Quarters()
		prev, cur = dates[qs[0]].Previous, dates[qs[len(qs)-1]].Current
	}
	r.FiguresAsOf = FigureDates{Previous: prev, Current: cur, Written: !prev.IsZero() && !cur.IsZero()}
	if prev.IsZero() {
		r.FiguresAsOf.Previous = r.Period.Previous().To()
	}
	if cur.IsZero() {
		r.FiguresAsOf.Current = r.Period.To()
	}
}

// yearStart finds a balance's value at the start of the period's year: the
// previous value of a period that starts the year, else the first
// quarter's previous value, else the end of last year's form.
func (r *Report) yearStart(line IndicatorLine, parts map[period.Period]intake.IndicatorValue) *float64 {
	if line.Indicator.Kind != Stock {
		return nil
	}
	year := period.Period{Kind: period.Year, Year: r.Period.Year}
	if r.Period.From().Equal(year.From()) {
		return line.Previous
	}
	if v, ok := parts[year.Quarters()[0]]; ok && v.Previous != nil {
		return v.Previous
	}
	last := year.Previous()
	for _, p := range []period.Period{last, last.Quarters()[len(last.Quarters())-1]} {
		if v, ok := parts[p]; ok && v.Current != nil {
			return v.Current
		}
	}
	return nil
}

// fromParts builds a long period's figure from the forms of its quarters.
// A balance is the value at the end of the last quarter, against the value
// at the start of the first (the end of the previous period of the same
// length: for the year 2026, 14/12/2025, the first quarter's "cuối kỳ
// trước", or the quarter before's "cuối kỳ này"). A flow is the sum of the
// quarters, against the previous period's form or the sum of its quarters
// when they are at hand, else "chưa đủ số liệu". A quarter missing is
// named, never a partial value given as the whole.
func (r *Report) fromParts(line *IndicatorLine, parts map[period.Period]intake.IndicatorValue) {
	qs := r.Period.Quarters()
	var notes []string
	for _, q := range qs {
		if v, ok := parts[q]; ok && v.Note != "" {
			notes = append(notes, labelled(q, v.Note))
		}
	}
	line.Note = strings.Join(notes, "\n")
	if line.Indicator.Kind == Flow {
		line.Current, line.CurrentNote = sumOf(parts, qs, false)
		prev := r.Period.Previous()
		if v, ok := parts[prev]; ok && v.Current != nil {
			line.Previous = v.Current // the previous period's own form
		} else {
			line.Previous, line.PreviousNote = sumOf(parts, prev.Quarters(), true)
		}
		return
	}
	first, last := qs[0], qs[len(qs)-1]
	if v, ok := parts[first]; ok && v.Previous != nil {
		line.Previous = v.Previous
	} else if v, ok := parts[first.Previous()]; ok && v.Current != nil {
		line.Previous = v.Current
	} else {
		line.PreviousNote = lack([]period.Period{first}, false)
	}
	if v, ok := parts[last]; ok && v.Current != nil {
		line.Current = v.Current
	} else {
		line.CurrentNote = lack([]period.Period{last}, false)
	}
}

// sumOf adds the flows of quarters qs, or says which are missing; earlier
// quarters (of the previous period) are named with their year, and when
// none is at hand the note asks for them.
func sumOf(parts map[period.Period]intake.IndicatorValue, qs []period.Period, earlier bool) (*float64, string) {
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
	switch {
	case len(missing) == 0 && len(qs) > 0:
		return &sum, ""
	case len(qs) == 0:
		return nil, "chưa đủ số liệu"
	case earlier && len(missing) == len(qs):
		return nil, "chưa đủ số liệu (cần biểu các quý của kỳ trước)"
	}
	return nil, lack(missing, earlier)
}

// lack is the note of a figure whose quarters are missing: "chưa đủ số
// liệu (thiếu quý III)", with the year for a previous period's quarters.
func lack(missing []period.Period, withYear bool) string {
	if !withYear {
		return "chưa đủ số liệu (thiếu " + quarterWords(missing) + ")"
	}
	var names []string
	for _, q := range missing {
		names = append(names, q.Name())
	}
	return "chưa đủ số liệu (thiếu " + strings.Join(names, ", ") + ")"
}

// quarterWord names a quarter without its year: "quý III".
func quarterWord(q period.Period) string {
	return strings.TrimSuffix(q.Name(), fmt.Sprintf(" năm %d", q.Year))
}

// quarterWords names quarters of one year: "quý II, quý III".
func quarterWords(qs []period.Period) string {
	var words []string
	for _, q := range qs {
		words = append(words, quarterWord(q))
	}
	return strings.Join(words, ", ")
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

// targets evaluates the plan's targets on the indicators, in the order of
// indicators.yaml. A target whose figures have not come in says so
// ("chưa đủ số liệu: cần ... của <unit>").
func (r *Report) targets() {
	for _, t := range r.Catalog.Targets {
		r.Targets = append(r.Targets, r.target(t))
	}
}

// noData says which figures a target lacks, and from whom they come.
func (r *Report) noData(what string, codes ...string) string {
	var names, units []string
	for _, code := range codes {
		names = append(names, "«"+r.name(code)+"»")
		if ind := r.Catalog.Indicator(code); ind != nil {
			if u := r.Catalog.Unit(ind.Unit); u != nil && !slices.Contains(units, u.Name) {
				units = append(units, u.Name)
			}
		}
	}
	msg := fmt.Sprintf("chưa đủ số liệu: cần %s của %s", what, strings.Join(names, " và "))
	if len(units) > 0 {
		msg += " của " + strings.Join(units, ", ")
	}
	return msg
}

func (r *Report) target(t *catalog.Target) TargetCheck {
	tc := TargetCheck{Task: t.Task, Target: t.Name}
	word := func(format string, args ...any) {
		if tc.Target == "" {
			tc.Target = fmt.Sprintf(format, args...)
		}
	}
	yearly := func() {
		if r.Period.Kind != period.Year { // the target is yearly
			tc.Verdict += " (tính trong kỳ; mục tiêu tính theo năm)"
		}
	}
	switch t.Kind {
	case catalog.TargetCapitalShare:
		word("%s đạt %s%% %s vào năm %d", r.name(t.Part), vntext.FormatAuto(t.Percent), lowerFirst(r.name(t.Whole)), t.ByYear)
		part, whole := r.line(t.Part), r.line(t.Whole)
		switch {
		case part == nil || whole == nil || part.Current == nil || whole.Current == nil:
			tc.Verdict = r.noData("số cuối kỳ", t.Part, t.Whole)
		case *whole.Current <= 0:
			tc.Verdict = "không tính được: " + lowerFirst(r.name(t.Whole)) + " bằng 0"
		default:
			share := *part.Current / *whole.Current * 100
			tc.Actual = &share
			tc.Met = share >= t.Percent
			if tc.Met {
				tc.Verdict = fmt.Sprintf("đạt %s%%, đã đạt mục tiêu %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(t.Percent))
			} else {
				tc.Verdict = fmt.Sprintf("đạt %s%%, còn thiếu %s điểm phần trăm so với mục tiêu %s%% vào năm %d",
					vntext.FormatNumber(share, 2), vntext.FormatNumber(t.Percent-share, 2), vntext.FormatAuto(t.Percent), t.ByYear)
			}
		}
	case catalog.TargetGrowthShare:
		if t.MaxPercent > 0 {
			word("Tăng trưởng %s bằng khoảng %s - %s%% tăng trưởng %s",
				lowerFirst(r.name(t.Part)), vntext.FormatAuto(t.MinPercent), vntext.FormatAuto(t.MaxPercent), lowerFirst(r.name(t.Whole)))
		} else {
			word("Tăng trưởng %s bằng ít nhất %s%% tăng trưởng %s", lowerFirst(r.name(t.Part)), vntext.FormatAuto(t.MinPercent), lowerFirst(r.name(t.Whole)))
		}
		part, whole := r.line(t.Part), r.line(t.Whole)
		switch {
		case part == nil || whole == nil || part.Change == nil || whole.Change == nil:
			tc.Verdict = r.noData("số cuối kỳ trước và cuối kỳ này", t.Part, t.Whole)
		case *whole.Change <= 0:
			tc.Verdict = "không tính được: " + lowerFirst(r.name(t.Whole)) + " không tăng trong kỳ"
		default:
			share := *part.Change / *whole.Change * 100
			tc.Actual = &share
			tc.Met = share >= t.MinPercent
			switch {
			case share < t.MinPercent:
				tc.Verdict = fmt.Sprintf("bằng %s%%, thấp hơn mức %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(t.MinPercent))
			case t.MaxPercent > 0 && share > t.MaxPercent:
				tc.Verdict = fmt.Sprintf("bằng %s%%, vượt mức %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(t.MaxPercent))
			case t.MaxPercent > 0:
				tc.Verdict = fmt.Sprintf("bằng %s%%, trong khoảng mục tiêu", vntext.FormatNumber(share, 2))
			default:
				tc.Verdict = fmt.Sprintf("bằng %s%%, đạt mức %s%%", vntext.FormatNumber(share, 2), vntext.FormatAuto(t.MinPercent))
			}
			yearly()
		}
	case catalog.TargetGrowthRate:
		word("%s tăng ít nhất %s%% mỗi năm", r.name(t.Indicator), vntext.FormatAuto(t.MinPercent))
		l := r.line(t.Indicator)
		switch {
		case l == nil || l.Change == nil:
			tc.Verdict = r.noData("số cuối kỳ trước và cuối kỳ này", t.Indicator)
		case l.ChangePercent == nil:
			tc.Verdict = "không tính được: số cuối kỳ trước của " + lowerFirst(r.name(t.Indicator)) + " bằng 0"
		default:
			pct := *l.ChangePercent
			tc.Actual = &pct
			tc.Met = pct >= t.MinPercent
			if tc.Met {
				tc.Verdict = fmt.Sprintf("tăng %s%%, đạt mức %s%%", vntext.FormatNumber(pct, 2), vntext.FormatAuto(t.MinPercent))
			} else {
				tc.Verdict = fmt.Sprintf("tăng %s%%, thấp hơn mức %s%%", vntext.FormatNumber(pct, 2), vntext.FormatAuto(t.MinPercent))
			}
			yearly()
		}
	case catalog.TargetReach:
		ind := r.Catalog.Indicator(t.Indicator)
		measure, decimals := "", 2
		if ind != nil {
			measure, decimals = " "+ind.Measure, ind.Decimals
			if ind.Measure == "%" {
				measure = "%"
			}
		}
		if t.ByYear > 0 {
			word("%s đạt %s%s vào năm %d", r.name(t.Indicator), vntext.FormatNumber(t.Value, decimals), measure, t.ByYear)
		} else {
			word("%s đạt %s%s", r.name(t.Indicator), vntext.FormatNumber(t.Value, decimals), measure)
		}
		l := r.line(t.Indicator)
		switch {
		case l == nil || l.Current == nil:
			tc.Verdict = r.noData("số cuối kỳ", t.Indicator)
		default:
			v := *l.Current
			tc.Actual = &v
			tc.Met = v >= t.Value
			if tc.Met {
				tc.Verdict = fmt.Sprintf("đạt %s%s, đã đạt mục tiêu", vntext.FormatNumber(v, decimals), measure)
			} else {
				tc.Verdict = fmt.Sprintf("đạt %s%s, còn thiếu %s%s", vntext.FormatNumber(v, decimals), measure, vntext.FormatNumber(t.Value-v, decimals), measure)
			}
		}
	case catalog.TargetRatio:
		word("Tỷ lệ %s trên %s", lowerFirst(r.name(t.Part)), lowerFirst(r.name(t.Whole)))
		part, whole := r.line(t.Part), r.line(t.Whole)
		switch {
		case part == nil || whole == nil || part.Current == nil || whole.Current == nil:
			tc.Verdict = r.noData("số cuối kỳ", t.Part, t.Whole)
		case *whole.Current <= 0:
			tc.Verdict = "không tính được: " + lowerFirst(r.name(t.Whole)) + " bằng 0"
		default:
			ratio := *part.Current / *whole.Current * 100
			tc.Actual = &ratio
			tc.Verdict = vntext.FormatNumber(ratio, 2) + "%"
			tc.Met = true
		}
	}
	return tc
}
