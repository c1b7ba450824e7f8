package compose

import (
	"fmt"
	"math"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Credit is the credit figures as a commune report gives them: a
// paragraph with the dates and the source, a dated table with the balances
// apart from the flows, and the plan's targets with their progress.
type Credit struct {
	Paragraphs []string
	// PreviousColumn and CurrentColumn head the table's two columns of
	// figures: the dates of the balances.
	PreviousColumn, CurrentColumn string
	Rows                          []CreditRow
	// Source says what the columns hold and whose figures they are.
	Source  string
	Targets []string
}

// CreditRow is a line of the table; a Group row only names the kind of
// figures below it.
type CreditRow struct {
	Name, Measure, Previous, Current, Change string
	Group                                    bool
}

// credit writes the credit figures; ok is false when there are none.
func (w *writer) credit() (Credit, bool) {
	r := w.r
	var cr Credit
	any := false
	for _, l := range r.Indicators {
		if l.Current != nil || l.Previous != nil {
			any = true
		}
	}
	if !any {
		return cr, false
	}
	at := r.FiguresAsOf
	prevDate, curDate := period.NumericDate(at.Previous), period.NumericDate(at.Current)
	source := w.source()
	cr.PreviousColumn, cr.CurrentColumn = prevDate, curDate

	// The paragraph: balances at the date, against the date before; then
	// the flows of the period.
	var stocks, flows []string
	first := true
	for _, l := range r.Indicators {
		if l.Current == nil {
			continue
		}
		name := lowerFirst(l.Indicator.Name)
		value := w.amount(*l.Current, l.Indicator)
		if l.Indicator.Kind == consolidate.Flow {
			flows = append(flows, fmt.Sprintf("%s đạt %s", name, value))
			continue
		}
		clause := fmt.Sprintf("%s %s", name, value)
		if l.Change != nil {
			clause += ", " + w.change(*l.Change, l.ChangePercent, l.Indicator)
			if first {
				clause += " so với ngày " + prevDate
				first = false
			}
		}
		stocks = append(stocks, clause)
	}
	for _, t := range r.Targets {
		if t.Actual == nil || w.target(t.Task, t.Target) == nil || w.target(t.Task, t.Target).Kind != catalog.TargetRatio {
			continue
		}
		tg := w.target(t.Task, t.Target)
		s := fmt.Sprintf("%s chiếm %s%% %s", lowerFirst(w.indicatorName(tg.Part)), vntext.FormatNumber(*t.Actual, 2), lowerFirst(w.indicatorName(tg.Whole)))
		if before := w.ratioBefore(tg.Part, tg.Whole); before != nil {
			s += fmt.Sprintf(" (ngày %s: %s%%)", prevDate, vntext.FormatNumber(*before, 2))
		}
		stocks = append(stocks, s)
	}
	var p []string
	if len(stocks) > 0 {
		p = append(p, stop(fmt.Sprintf("Theo số liệu của %s, đến ngày %s, %s", source, curDate, strings.Join(stocks, "; "))))
	}
	if len(flows) > 0 {
		p = append(p, stop(upperFirst(w.within())+", "+strings.Join(flows, ", ")))
	}
	// what the bank wrote beside a figure: why it moved
	for _, l := range r.Indicators {
		for _, note := range clauses(l.Note) {
			p = append(p, stop(fmt.Sprintf("Về %s: %s", lowerFirst(l.Indicator.Name), w.lowerStart(w.tidy(note)))))
		}
	}
	if len(p) > 0 {
		cr.Paragraphs = append(cr.Paragraphs, strings.Join(p, " "))
	}

	// The table: balances, then flows.
	for _, kind := range []string{consolidate.Stock, consolidate.Flow} {
		var rows []CreditRow
		for _, l := range r.Indicators {
			if l.Indicator.Kind != kind {
				continue
			}
			row := CreditRow{Name: l.Indicator.Name, Measure: l.Indicator.Measure,
				Previous: w.figure(l.Previous, l.PreviousNote, l.Indicator), Current: w.figure(l.Current, l.CurrentNote, l.Indicator)}
			if l.Change != nil {
				row.Change = signed(*l.Change, l.Indicator.Decimals)
			}
			rows = append(rows, row)
		}
		if len(rows) == 0 {
			continue
		}
		label := "Số dư"
		if kind == consolidate.Flow {
			label = "Doanh số trong kỳ"
		}
		cr.Rows = append(cr.Rows, CreditRow{Name: label, Group: true})
		cr.Rows = append(cr.Rows, rows...)
	}
	cr.Source = fmt.Sprintf("(Số dư tại ngày %s và ngày %s; doanh số là số phát sinh trong %s và %s. Nguồn: %s.)",
		prevDate, curDate, r.Period.Previous().Name(), r.Period.Name(), source)
	cr.Targets = w.targets(curDate, prevDate)
	return cr, true
}

// source names whose figures they are: the unit that reports them.
func (w *writer) source() string {
	for _, l := range w.r.Indicators {
		if l.UnitName != "" {
			return spellOut(l.UnitName, w.keep)
		}
	}
	return "đơn vị báo cáo"
}

// within names the period the flows run over: «trong quý», «trong 6
// tháng đầu năm».
func (w *writer) within() string {
	switch w.r.Period.Kind {
	case period.Quarter:
		return "trong quý"
	case period.Year:
		return "trong năm"
	}
	return "trong " + strings.TrimSuffix(w.r.Period.Name(), fmt.Sprintf(" năm %d", w.r.Period.Year))
}

// amount writes a figure with its measure: «101.230,5 triệu đồng»,
// «0,25%».
func (w *writer) amount(v float64, ind *catalog.Indicator) string {
	if ind.Measure == "%" {
		return vntext.FormatAuto(round(v, ind.Decimals)) + "%"
	}
	return vntext.FormatAuto(round(v, ind.Decimals)) + " " + ind.Measure
}

// figure writes a table cell: the figure, or why there is none.
func (w *writer) figure(v *float64, note string, ind *catalog.Indicator) string {
	if v == nil {
		return note
	}
	return vntext.FormatAuto(round(*v, ind.Decimals))
}

// change words a balance's move: «tăng 2.780,5 triệu đồng (2,82%)».
func (w *writer) change(d float64, pct *float64, ind *catalog.Indicator) string {
	word := "tăng"
	switch {
	case d < 0:
		word = "giảm"
	case d == 0:
		return "không thay đổi"
	}
	if ind.Measure == "%" {
		// a rate moves by points, not by a percent of itself
		return word + " " + vntext.FormatAuto(round(math.Abs(d), ind.Decimals)) + " điểm phần trăm"
	}
	s := word + " " + w.amount(math.Abs(d), ind)
	if pct != nil {
		s += " (" + vntext.FormatNumber(math.Abs(*pct), 2) + "%)"
	}
	return s
}

// signed writes a change with its sign: «+2.780,5», «-16,5», «0».
func signed(d float64, decimals int) string {
	d = round(d, decimals)
	switch {
	case d > 0:
		return "+" + vntext.FormatAuto(d)
	case d < 0:
		return "-" + vntext.FormatAuto(-d)
	}
	return "0"
}

func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

func (w *writer) indicatorName(code string) string {
	if ind := w.r.Catalog.Indicator(code); ind != nil {
		return ind.Name
	}
	return code
}

// target finds the plan's target a check was made for.
func (w *writer) target(task, name string) *catalog.Target {
	for _, t := range w.r.Catalog.Targets {
		if t.Task == task && (t.Name == name || t.Name == "") {
			return t
		}
	}
	return nil
}

// line is an indicator's line.
func (w *writer) line(code string) *consolidate.IndicatorLine {
	for i := range w.r.Indicators {
		if w.r.Indicators[i].Indicator.Code == code {
			return &w.r.Indicators[i]
		}
	}
	return nil
}

// ratioBefore is part over whole at the previous date, in percent.
func (w *writer) ratioBefore(part, whole string) *float64 {
	p, q := w.line(part), w.line(whole)
	if p == nil || q == nil || p.Previous == nil || q.Previous == nil || *q.Previous <= 0 {
		return nil
	}
	v := *p.Previous / *q.Previous * 100
	return &v
}

// targets words the plan's targets against the figures: where each
// stands at the date, and for a yearly target, on the year to date.
func (w *writer) targets(curDate, prevDate string) []string {
	var out []string
	for _, t := range w.r.Catalog.Targets {
		var s string
		switch t.Kind {
		case catalog.TargetCapitalShare:
			p, q := w.line(t.Part), w.line(t.Whole)
			if p == nil || q == nil || p.Current == nil || q.Current == nil || *q.Current <= 0 {
				continue
			}
			share := *p.Current / *q.Current * 100
			s = fmt.Sprintf("đến ngày %s, %s chiếm %s%% %s", curDate, lowerFirst(w.indicatorName(t.Part)), vntext.FormatNumber(share, 2), lowerFirst(w.indicatorName(t.Whole)))
			if before := w.ratioBefore(t.Part, t.Whole); before != nil {
				s += fmt.Sprintf(" (ngày %s: %s%%)", prevDate, vntext.FormatNumber(*before, 2))
			}
			if share >= t.Percent {
				s += fmt.Sprintf(", đã đạt mục tiêu %s%% vào năm %d", vntext.FormatAuto(t.Percent), t.ByYear)
			} else {
				s += fmt.Sprintf(", còn thấp hơn %s điểm phần trăm so với mục tiêu %s%% vào năm %d", vntext.FormatNumber(t.Percent-share, 2), vntext.FormatAuto(t.Percent), t.ByYear)
			}
		case catalog.TargetGrowthShare:
			if s = w.growthShare(t); s == "" {
				continue
			}
		case catalog.TargetGrowthRate:
			l := w.line(t.Indicator)
			if l == nil || l.Current == nil {
				continue
			}
			// on the year to date when its start is known; else on the
			// period, said openly
			from, since := l.YearStart, "tính từ đầu năm (ngày "+period.NumericDate(w.yearStart())+") đến ngày "+curDate
			if from == nil {
				from, since = l.Previous, w.within()+" (so sánh số liệu trong kỳ với mục tiêu năm)"
			}
			if from == nil || *from <= 0 {
				continue
			}
			pct := (*l.Current - *from) / *from * 100
			s = fmt.Sprintf("%s, %s %s %s%%, so với mức phấn đấu tăng ít nhất %s%% mỗi năm của Kế hoạch",
				since, lowerFirst(w.indicatorName(t.Indicator)), moved(pct), vntext.FormatNumber(math.Abs(pct), 2), vntext.FormatAuto(t.MinPercent))
		case catalog.TargetReach:
			l := w.line(t.Indicator)
			if l == nil || l.Current == nil {
				continue
			}
			ind := l.Indicator
			goal := w.amount(t.Value, ind)
			if t.ByYear > 0 {
				goal += fmt.Sprintf(" vào năm %d", t.ByYear)
			}
			if *l.Current >= t.Value {
				s = fmt.Sprintf("đến ngày %s, %s đạt %s, đã đạt mục tiêu %s", curDate, lowerFirst(ind.Name), w.amount(*l.Current, ind), goal)
			} else {
				s = fmt.Sprintf("đến ngày %s, %s đạt %s, chưa đạt mục tiêu %s", curDate, lowerFirst(ind.Name), w.amount(*l.Current, ind), goal)
			}
		default:
			continue
		}
		if s != "" {
			out = append(out, stop(upperFirst(s)))
		}
	}
	if len(out) > 0 {
		out[0] = "Đối chiếu mục tiêu của Kế hoạch: " + lowerFirst(out[0])
	}
	return out
}

// growthShare words the yearly target that the growth of a part be a
// share of the growth of a whole, counted on the year to date: from the
// balances at the start of the year (the period's own previous values for
// a period that starts the year).
func (w *writer) growthShare(t *catalog.Target) string {
	p, q := w.line(t.Part), w.line(t.Whole)
	if p == nil || q == nil || p.Current == nil || q.Current == nil {
		return ""
	}
	// On the year to date when the year's start is known; else on the
	// period, said openly against a yearly target.
	from, over := p.YearStart, q.YearStart
	since := "tính từ đầu năm (ngày " + period.NumericDate(w.yearStart()) + ") đến ngày " + period.NumericDate(w.r.FiguresAsOf.Current)
	if from == nil || over == nil {
		from, over = p.Previous, q.Previous
		since = w.within() + " (so sánh số liệu trong kỳ với mục tiêu năm)"
		if from == nil || over == nil {
			return ""
		}
	}
	dp, dq := *p.Current-*from, *q.Current-*over
	if dq <= 0 {
		return fmt.Sprintf("%s, %s không tăng nên chưa đối chiếu được mức phấn đấu hằng năm về tăng trưởng %s",
			upperFirst(since), lowerFirst(w.indicatorName(t.Whole)), lowerFirst(w.indicatorName(t.Part)))
	}
	share := dp / dq * 100
	goal := vntext.FormatAuto(t.MinPercent) + "%"
	if t.MaxPercent > 0 {
		goal = "khoảng " + vntext.FormatAuto(t.MinPercent) + " - " + vntext.FormatAuto(t.MaxPercent) + "%"
	}
	verdict := "thấp hơn"
	switch {
	case share >= t.MinPercent && (t.MaxPercent == 0 || share <= t.MaxPercent):
		verdict = "đạt"
	case t.MaxPercent > 0 && share > t.MaxPercent:
		verdict = "cao hơn"
	}
	return fmt.Sprintf("%s, %s %s %s, bằng %s%% phần tăng %s (%s), %s mức phấn đấu hằng năm %s của Kế hoạch",
		upperFirst(since), lowerFirst(w.indicatorName(t.Part)), moved(dp), w.amount(math.Abs(dp), p.Indicator),
		vntext.FormatNumber(share, 2), lowerFirst(w.indicatorName(t.Whole)), w.amount(dq, q.Indicator), verdict, goal)
}

// yearStart is the date the year's balances stand at: the end of the
// year before (14/12), or the bank's own previous date for a period that
// starts the year.
func (w *writer) yearStart() time.Time {
	year := period.Period{Kind: period.Year, Year: w.r.Period.Year}
	if w.r.Period.From().Equal(year.From()) {
		return w.r.FiguresAsOf.Previous
	}
	return year.Previous().To()
}

// moved says which way a figure went.
func moved(d float64) string {
	if d < 0 {
		return "giảm"
	}
	return "tăng"
}
