package province

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/summary"
)

// Figure is one indicator at both dates, with its change. A figure not
// known is nil, and Note says why.
type Figure struct {
	Previous, Current     *float64
	Change, ChangePercent *float64
	Note                  string
	// The province's: how many communes that sent the current figure
	// sums, and those that sent without it.
	Counted int
	Lacking []Commune
	// PreviousLacking are the communes with the current figure but not
	// the previous one: the two dates do not sum the same communes, so
	// the change is not given, and this says why.
	PreviousLacking []Commune
}

// Share is a target's ratio (part over whole, in %), recomputed from the
// summed parts, never averaged; against the target's percent where it
// sets one.
type Share struct {
	Target            *catalog.Target
	Previous, Current *float64 // %
	Met               bool     // Current reaches Target.Percent (capital_share)
	Counted           int      // the province's: communes with both parts now
}

// Tasks counts a commune's tasks by status.
type Tasks struct {
	Done, InProgress, NotStarted, NotApplicable, Unknown, NotReported int
}

// Total is the number of tasks counted.
func (t Tasks) Total() int {
	return t.Done + t.InProgress + t.NotStarted + t.NotApplicable + t.Unknown + t.NotReported
}

// Row is one commune in the roll-up, or the province's totals.
type Row struct {
	Commune    Commune
	Attachment *Attachment // nil: not sent (or the province's row)
	Figures    []Figure    // one an indicator of the province's data
	Shares     []Share     // one a target of kind capital_share or ratio
	Tasks      Tasks
	// BySection counts the tasks of each of the plan's sections that all
	// communes that sent share (Rollup.Sections).
	BySection map[string]Tasks
	Rank      int // by the first capital_share, 1 the highest; 0 none
}

// Sent tells whether the commune's attachment came in.
func (r *Row) Sent() bool { return r.Attachment != nil }

// HasFigures tells whether a commune that sent has a figure of this
// period for some indicator of the province.
func (r *Row) HasFigures() bool {
	for _, f := range r.Figures {
		if f.Current != nil {
			return true
		}
	}
	return false
}

// Rollup is the province's roll-up for a period.
type Rollup struct {
	Period   period.Period
	Data     *Data
	Communes []*Row // every commune of the list, in its order
	Province *Row   // the sums over the communes that sent
	Ranking  []*Row // communes with a share, highest first
	Missing  []Commune
	// WithoutFigures are the communes that sent but with no figure of
	// this period (the bank's file left out): the province's sums are
	// over the communes that have each figure.
	WithoutFigures []Commune
	Problems       []Problem
	// Sections are the plan's sections (by code, «I» … «VI») that every
	// commune that sent has: communes' plans derive from the province's,
	// so their tasks compare section by section.
	Sections []string
	// Proposals are the communes' upward proposals by the body asked;
	// NoProposals the communes that sent an attachment that does not
	// carry them (so that none is taken for «no proposal»).
	Proposals   []Asked
	NoProposals []Commune
	// Roots are the folders and files read (Received.Roots).
	Roots []string
	// StockDates and FlowDates: the dates of the figures (a balance at
	// PreviousTo and CurrentTo; a flow over each span).
	PreviousFrom, PreviousTo, CurrentFrom, CurrentTo time.Time
}

// Roll rolls up what came in for period p.
func Roll(d *Data, p period.Period, rec *Received) *Rollup {
	r := &Rollup{Period: p, Data: d, Problems: slices.Clone(rec.Problems), Roots: rec.Roots}
	q := p.Previous()
	r.PreviousFrom, r.PreviousTo, r.CurrentFrom, r.CurrentTo = q.From(), q.To(), p.From(), p.To()
	sent := map[string]*Attachment{}
	for _, a := range rec.Attachments {
		sent[a.Commune.Code] = a
	}
	for _, c := range d.Communes {
		row := &Row{Commune: c, Attachment: sent[c.Code]}
		if row.Sent() {
			row.Figures = figuresOf(d, row.Attachment.Data)
			row.Shares = sharesOf(d, row.Figures)
			row.Tasks = tasksOf(row.Attachment.Data)
			if !row.HasFigures() {
				r.WithoutFigures = append(r.WithoutFigures, c)
			}
		} else {
			r.Missing = append(r.Missing, c)
		}
		r.Communes = append(r.Communes, row)
	}
	r.sections()
	r.proposals()
	r.Province = r.total()
	r.rank()
	return r
}

// FileName is a file read as printed outputs name it: below the folder
// it was found in, without the machine's folders.
func (r *Rollup) FileName(file string) string { return relativeTo(r.Roots, file) }

// sections finds the sections every commune that sent has, and counts
// each commune's tasks by them.
func (r *Rollup) sections() {
	count := map[string]int{}
	var order []string
	sent := 0
	for _, c := range r.Communes {
		if !c.Sent() {
			continue
		}
		sent++
		seen := map[string]bool{}
		for _, t := range c.Attachment.Data.Tasks {
			if !seen[t.Section] {
				seen[t.Section] = true
				if count[t.Section] == 0 {
					order = append(order, t.Section)
				}
				count[t.Section]++
			}
		}
	}
	for _, s := range order {
		if count[s] == sent && s != "" {
			r.Sections = append(r.Sections, s)
		}
	}
	for _, c := range r.Communes {
		if !c.Sent() {
			continue
		}
		c.BySection = make(map[string]Tasks, len(r.Sections))
		for _, s := range r.Sections {
			c.BySection[s] = countTasks(c.Attachment.Data.Tasks, s)
		}
	}
}

// figuresOf is the attachment's figures in the order of the province's
// indicators.
func figuresOf(d *Data, sd *summary.Data) []Figure {
	by := map[string]summary.IndicatorData{}
	for _, ind := range sd.Indicators {
		by[ind.Code] = ind
	}
	out := make([]Figure, len(d.Indicators))
	for i, ind := range d.Indicators {
		x, ok := by[ind.Code]
		if !ok {
			out[i].Note = "bảng tổng hợp của xã không có chỉ tiêu này"
			continue
		}
		out[i] = Figure{Previous: x.Previous, Current: x.Current, Change: x.Change, ChangePercent: x.ChangePercent, Note: strings.TrimSpace(x.CurrentNote)}
		if out[i].Note == "" {
			out[i].Note = strings.TrimSpace(x.PreviousNote)
		}
	}
	return out
}

func tasksOf(sd *summary.Data) Tasks { return countTasks(sd.Tasks, "") }

// countTasks counts tasks by status: those of section, or all when
// section is "".
func countTasks(tasks []summary.TaskData, section string) Tasks {
	var t Tasks
	for _, task := range tasks {
		if section != "" && task.Section != section {
			continue
		}
		switch task.Status {
		case "done":
			t.Done++
		case "in_progress":
			t.InProgress++
		case "not_started":
			t.NotStarted++
		case "not_applicable":
			t.NotApplicable++
		case "none":
			t.NotReported++
		default: // unknown, or a status a later version adds
			t.Unknown++
		}
	}
	return t
}

// previousGap says which communes lack the previous figure, and so why
// the change is not given.
func previousGap(lack []Commune) string {
	return fmt.Sprintf("chưa có số liệu kỳ trước của %s nên không tính tăng, giảm (hai kỳ không cùng các xã)", communeNames(lack, 5))
}

// total sums the communes that sent: balances at a date and flows over
// the period alike add up across communes. Each figure is summed over the
// communes that have it (Figure.Counted, Figure.Lacking say which), so
// that one commune sent without the bank's figures does not blank the
// province's; the change only when both dates sum the same communes.
func (r *Rollup) total() *Row {
	d := r.Data
	row := &Row{Commune: Commune{Name: d.Province, Kind: "tỉnh"}, Figures: make([]Figure, len(d.Indicators))}
	for i := range d.Indicators {
		var prev, cur float64
		var noPrev, noCur []Commune
		n, nPrev := 0, 0
		for _, c := range r.Communes {
			if !c.Sent() {
				continue
			}
			n++
			f := c.Figures[i]
			if f.Previous != nil {
				prev += *f.Previous
				nPrev++
			} else {
				noPrev = append(noPrev, c.Commune)
			}
			if f.Current != nil {
				cur += *f.Current
			} else {
				noCur = append(noCur, c.Commune)
			}
		}
		fig := &row.Figures[i]
		if n == 0 {
			fig.Note = "chưa xã nào gửi"
			continue
		}
		fig.Counted, fig.Lacking = n-len(noCur), noCur
		for _, c := range noPrev {
			if !slices.Contains(noCur, c) {
				fig.PreviousLacking = append(fig.PreviousLacking, c)
			}
		}
		if fig.Counted > 0 {
			fig.Current = &cur
		}
		if nPrev > 0 {
			fig.Previous = &prev
		}
		switch {
		case fig.Counted == 0:
			fig.Note = "chưa xã nào có số liệu kỳ này"
		case len(noCur) > 0:
			fig.Note = fmt.Sprintf("tổng của %d/%d xã có số liệu; chưa có số liệu của %s", fig.Counted, n, communeNames(noCur, 5))
			if len(fig.PreviousLacking) > 0 {
				fig.Note += "; " + previousGap(fig.PreviousLacking)
			}
		case len(noPrev) > 0:
			fig.Note = fmt.Sprintf("kỳ trước: tổng của %d/%d xã có số liệu; %s", nPrev, n, previousGap(noPrev))
		}
		if fig.Previous != nil && fig.Current != nil && slices.Equal(noPrev, noCur) {
			ch := cur - prev
			fig.Change = &ch
			if prev != 0 {
				pc := ch / prev * 100
				fig.ChangePercent = &pc
			}
		}
	}
	for _, c := range r.Communes {
		if c.Sent() {
			t := &row.Tasks
			t.Done += c.Tasks.Done
			t.InProgress += c.Tasks.InProgress
			t.NotStarted += c.Tasks.NotStarted
			t.NotApplicable += c.Tasks.NotApplicable
			t.Unknown += c.Tasks.Unknown
			t.NotReported += c.Tasks.NotReported
		}
	}
	row.BySection = map[string]Tasks{}
	for _, s := range r.Sections {
		var sum Tasks
		for _, c := range r.Communes {
			if c.Sent() {
				x := c.BySection[s]
				sum.Done += x.Done
				sum.InProgress += x.InProgress
				sum.NotStarted += x.NotStarted
				sum.NotApplicable += x.NotApplicable
				sum.Unknown += x.Unknown
				sum.NotReported += x.NotReported
			}
		}
		row.BySection[s] = sum
	}
	row.Shares = r.provinceShares()
	return row
}

// provinceShares recomputes each share from the parts summed over the
// communes that have both the part and the whole at the date, never
// averaged: a commune without figures leaves the ratio over the others.
func (r *Rollup) provinceShares() []Share {
	d := r.Data
	at := map[string]int{}
	for i, ind := range d.Indicators {
		at[ind.Code] = i
	}
	var out []Share
	for _, t := range d.Targets {
		if t.Kind != catalog.TargetCapitalShare && t.Kind != catalog.TargetRatio {
			continue
		}
		pi, okp := at[t.Part]
		wi, okw := at[t.Whole]
		s := Share{Target: t}
		if okp && okw {
			var part, whole, partBefore, wholeBefore float64
			var now, before int
			for _, c := range r.Communes {
				if !c.Sent() {
					continue
				}
				p, w := c.Figures[pi], c.Figures[wi]
				if p.Current != nil && w.Current != nil {
					part, whole, now = part+*p.Current, whole+*w.Current, now+1
				}
				if p.Previous != nil && w.Previous != nil {
					partBefore, wholeBefore, before = partBefore+*p.Previous, wholeBefore+*w.Previous, before+1
				}
			}
			if now > 0 {
				s.Current = ratio(&part, &whole)
			}
			if before > 0 {
				s.Previous = ratio(&partBefore, &wholeBefore)
			}
			s.Counted = now
		}
		s.Met = t.Kind == catalog.TargetCapitalShare && s.Current != nil && *s.Current >= t.Percent
		out = append(out, s)
	}
	return out
}

// names lists communes for a note: up to five, then a count.
func names(ns []string) string {
	if len(ns) <= 5 {
		return strings.Join(ns, ", ")
	}
	return fmt.Sprintf("%s và %d xã khác", strings.Join(ns[:5], ", "), len(ns)-5)
}

// sharesOf computes the targets that are a part over a whole from the
// figures given (a commune's, or the province's sums).
func sharesOf(d *Data, figs []Figure) []Share {
	at := map[string]Figure{}
	for i, ind := range d.Indicators {
		at[ind.Code] = figs[i]
	}
	var out []Share
	for _, t := range d.Targets {
		if t.Kind != catalog.TargetCapitalShare && t.Kind != catalog.TargetRatio {
			continue
		}
		part, whole := at[t.Part], at[t.Whole]
		s := Share{Target: t, Previous: ratio(part.Previous, whole.Previous), Current: ratio(part.Current, whole.Current)}
		s.Met = t.Kind == catalog.TargetCapitalShare && s.Current != nil && *s.Current >= t.Percent
		out = append(out, s)
	}
	return out
}

func ratio(part, whole *float64) *float64 {
	if part == nil || whole == nil || *whole == 0 {
		return nil
	}
	v := *part / *whole * 100
	return &v
}

// ShareName is how a share is headed: its target's name, or for
// capital_share «Tỷ lệ <part> / <whole> (mục tiêu ≥ P% năm Y)».
func (d *Data) ShareName(t *catalog.Target) string {
	if t.Name != "" {
		return t.Name
	}
	name := func(code string) string {
		for _, ind := range d.Indicators {
			if ind.Code == code {
				r, n := utf8.DecodeRuneInString(ind.Name)
				return string(unicode.ToLower(r)) + ind.Name[n:]
			}
		}
		return code
	}
	s := "Tỷ lệ " + name(t.Part) + " trên " + name(t.Whole)
	if t.Kind == catalog.TargetCapitalShare {
		s += fmt.Sprintf(" (mục tiêu %s%% vào năm %d)", trimFloat(t.Percent), t.ByYear)
	}
	return s
}

func trimFloat(v float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}

// rank orders the communes by the first capital_share target's current
// share, highest first (ties by the list's order). Shares equal as
// printed (two decimals) share a rank: 1, 1, 3.
func (r *Rollup) rank() {
	k := -1
	for i, s := range r.Province.Shares {
		if s.Target.Kind == catalog.TargetCapitalShare {
			k = i
			break
		}
	}
	if k < 0 {
		return
	}
	for _, c := range r.Communes {
		if c.Sent() && c.Shares[k].Current != nil {
			r.Ranking = append(r.Ranking, c)
		}
	}
	shown := func(c *Row) float64 { return math.Round(*c.Shares[k].Current * 100) }
	slices.SortStableFunc(r.Ranking, func(a, b *Row) int { return cmp.Compare(shown(b), shown(a)) })
	for i, c := range r.Ranking {
		c.Rank = i + 1
		if i > 0 && shown(c) == shown(r.Ranking[i-1]) {
			c.Rank = r.Ranking[i-1].Rank
		}
	}
}
