package compose

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// causeWords mark a difficulty that is a cause (the conditions the units
// worked in) rather than a shortcoming of the work itself.
var causeWords = []string{
	" nen ", "chua co van ban", "chua co huong dan", "dia ban", "thoi tiet", "mua mua", "mua lu", "lon tuoi",
	"trinh do", "nguon thu", "kinh phi", "thieu can bo", "kiem nhiem", "dich benh", "di lai kho khan",
	"ngan sach", "lam an xa", "nhan luc", "thieu nguoi",
}

// isCause tells a difficulty that says why rather than what.
func isCause(clause string) bool {
	k := " " + key(clause) + " "
	if strings.HasPrefix(k, " do ") || strings.HasPrefix(k, " vi ") || strings.HasPrefix(k, " nguyen nhan ") {
		return true
	}
	for _, w := range causeWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// shortcomings writes part II: the limitations (what fell short: a target
// not met, tasks not started, the units' own shortcomings), then the
// causes, each said once and not again what part I already says.
func (w *writer) shortcomings(saidInI map[string]bool) (limits, causes []string) {
	seen := maps.Clone(saidInI)
	add := func(list *[]string, text string) {
		k := key(text)
		if k == "" || seen[k] {
			return
		}
		for s := range seen {
			if len(s) > 20 && (strings.Contains(s, k) || strings.Contains(k, s)) {
				return
			}
		}
		seen[k] = true
		*list = append(*list, stop(upperFirst(w.tidy(text))))
	}
	// a target the figures show not met
	for _, t := range w.r.Catalog.Targets {
		if t.Kind != catalog.TargetCapitalShare {
			continue
		}
		p, q := w.line(t.Part), w.line(t.Whole)
		if p == nil || q == nil || p.Current == nil || q.Current == nil || *q.Current <= 0 {
			continue
		}
		// the figures are in part I: the shortcoming is said in words
		if share := *p.Current / *q.Current * 100; share < t.Percent {
			add(&limits, fmt.Sprintf("%s còn thấp so với mục tiêu %s%% %s vào năm %d của Kế hoạch",
				w.indicatorName(t.Part), vntext.FormatAuto(t.Percent), lowerFirst(w.indicatorName(t.Whole)), t.ByYear))
		}
	}
	// tasks a lead unit says are not started and no unit did anything
	// for; tasks the units filled in with words that say nothing
	var notStarted, nothing []string
	for _, s := range w.r.Sections {
		for _, t := range s.Tasks {
			title := lowerFirst(strings.TrimRight(t.Task.Title(), ".:;"))
			switch {
			case hasResults(t):
			case t.Status == forms.StatusNotStarted:
				notStarted = append(notStarted, title)
			case t.Reported() && t.Status != forms.StatusNotApplicable:
				nothing = append(nothing, title)
			}
		}
	}
	switch len(notStarted) {
	case 0:
	case 1:
		add(&limits, "Nhiệm vụ "+notStarted[0]+" chưa thực hiện được")
	default:
		add(&limits, "Các nhiệm vụ chưa thực hiện được: "+strings.Join(notStarted, "; "))
	}
	if len(nothing) > 0 {
		add(&limits, "Một số nhiệm vụ của Kế hoạch chưa có kết quả cụ thể trong kỳ ("+strings.Join(nothing, "; ")+")")
	}
	for _, d := range w.r.Difficulties {
		for _, c := range sayings(d.Text) {
			if isCause(c) {
				add(&causes, c)
			} else {
				add(&limits, c)
			}
		}
	}
	return limits, causes
}

// hasResults tells a task some unit did something for: a result that
// says something other than what was not done («chưa có hướng dẫn…»), or
// a document.
func hasResults(t consolidate.TaskResult) bool {
	for _, c := range contributions(t) {
		for _, s := range sayings(c.Results) {
			if !negative(strings.TrimPrefix(s, periodLabel.FindString(s))) {
				return true
			}
		}
	}
	return len(t.Documents) > 0
}

// maxNextItems is about as many items as part III holds: what a reader
// keeps in mind for the next period.
const maxNextItems = 6

// proposalRe finds a text that is a proposal: «Đề nghị …», «Kiến nghị
// …», «Đề xuất …».
var proposalRe = regexp.MustCompile(`^(?i)(đề nghị|kiến nghị|đề xuất)\s+`)

// nextItems writes part III: what the units plan for the next period,
// grouped by the units that plan it; then what the commune's own People's
// Committee is asked to consider; then one sentence for the unfinished
// tasks nobody planned for.
func (w *writer) nextItems() []string {
	type group struct {
		units []string
		texts []string
	}
	var groups []*group
	var toCommune []consolidate.Attributed
	planned := map[string]bool{}
	// each distinct plan once, in the order first written, naming every
	// unit that wrote it on any task: units copy a phrase down the column
	var texts []string
	who := map[string][]string{}
	for _, s := range w.r.Sections {
		for _, t := range s.Tasks {
			for _, a := range t.NextTasks {
				for _, c := range sayings(a.Text) {
					planned[t.Task.Code] = true
					if proposalRe.MatchString(c) {
						toCommune = append(toCommune, consolidate.Attributed{Unit: a.Unit, UnitName: a.UnitName, Task: a.Task, Text: c})
						continue
					}
					k := key(c)
					if _, ok := who[k]; !ok {
						texts = append(texts, c)
					}
					if name := w.unitName(a.Unit); !slices.Contains(who[k], name) {
						who[k] = append(who[k], name)
					}
				}
			}
		}
	}
	for _, text := range texts {
		units := who[key(text)]
		var g *group
		for _, x := range groups {
			if slices.Equal(x.units, units) {
				g = x
			}
		}
		if g == nil {
			g = &group{units: units}
			groups = append(groups, g)
		}
		g.texts = append(g.texts, text)
	}
	var items []string
	for _, g := range groups {
		var parts []string
		for i, t := range g.texts {
			text := w.tidy(t)
			if len(g.units) == 1 {
				if rest, own := w.ownHead(g.units[0], text); own {
					text = rest // «Hội ND xã tiếp tục …»: the unit is the subject already
				}
			}
			p, ok := w.predicate(text)
			if !ok && i == 0 {
				p = "thực hiện: " + w.lowerStart(p)
			}
			parts = append(parts, p)
		}
		items = append(items, stop(names(g.units)+" "+strings.Join(parts, "; ")))
	}
	// proposals to the commune itself: for its People's Committee to
	// consider, never part IV
	commune := append(w.r.ProposalsTo(consolidate.AddresseeCommune), filter(toCommune, consolidate.AddresseeCommune)...)
	var asked []string
	for _, p := range commune {
		what, toCommittee := w.consider(p.Text)
		k := key(what)
		if slices.ContainsFunc(asked, func(a string) bool { return strings.Contains(key(a), k) || strings.Contains(k, key(a)) }) {
			continue
		}
		asked = append(asked, what)
		// a proposal to one of the commune's offices or to the bank's
		// local office is for the office's workbook, not the report
		if toCommittee {
			items = append(items, stop(fmt.Sprintf("Ủy ban nhân dân %s xem xét %s theo đề xuất của %s", w.local(), what, w.unitName(p.Unit))))
		}
	}
	if len(items) > maxNextItems {
		rest := items[maxNextItems-1:]
		for i := range rest {
			rest[i] = strings.TrimSuffix(rest[i], ".")
		}
		items = append(items[:maxNextItems-1], stop(strings.Join(rest, "; ")))
	}
	for _, s := range w.r.Sections {
		if slices.ContainsFunc(s.Tasks, func(t consolidate.TaskResult) bool { return unfinished(t) && !planned[t.Task.Code] }) {
			items = append(items, "Các phòng, đơn vị tiếp tục thực hiện các nhiệm vụ thường xuyên còn lại của Kế hoạch theo chức năng, nhiệm vụ được giao.")
			break
		}
	}
	return items
}

// filter keeps the proposals addressed to a.
func filter(list []consolidate.Attributed, a consolidate.Addressee) []consolidate.Attributed {
	var out []consolidate.Attributed
	for _, p := range list {
		if consolidate.AddresseeOf(p.Text) == a {
			out = append(out, p)
		}
	}
	return out
}

// communeAsked finds «Đề nghị Ủy ban nhân dân xã (xem xét)» at the head of
// a proposal to the commune.
var communeAsked = regexp.MustCompile(`^(?i)(đề nghị|kiến nghị|đề xuất)\s+((ủy|uỷ) ban nhân dân|ubnd|lãnh đạo)\s+(xã|phường|đặc khu)\s*(xem xét|quan tâm)?\s*`)

// consider turns a proposal to the commune's People's Committee into what
// it is asked to consider: «Đề nghị UBND xã bố trí phòng làm việc» → «bố
// trí phòng làm việc», toCommittee true. A proposal to another body of
// the commune (an office, the bank's local office) comes back as the unit
// wrote it, with «Đề nghị» at its head.
func (w *writer) consider(text string) (what string, toCommittee bool) {
	t := strings.TrimRight(strings.TrimSpace(unbullet(text)), " .;")
	if m := communeAsked.FindString(t); m != "" {
		return w.lowerStart(w.tidy(strings.TrimSpace(t[len(m):]))), true
	}
	return w.upward(t), false
}

// local is the kind of the commune as prose says it: «xã».
func (w *writer) local() string {
	if k := w.r.Catalog.Plan.LocalKind; k != "" {
		return k
	}
	return "xã"
}

// Proposal is one upward proposal in the commune's name, as part IV
// words it: To is the body asked («Ngân hàng Chính sách xã hội Việt Nam»,
// "" when the text names none we know), Ask what it is asked (the whole
// proposal, «Đề nghị …», when To is ""). Units and Tasks are who proposed
// it and on which tasks (codes).
type Proposal struct {
	To, Ask      string
	Units, Tasks []string
}

// Upward lists r's upward proposals (and those with no clear addressee,
// which part IV keeps), one per distinct ask, in the plan's order: what
// part IV says and the attachment carries for the province.
func Upward(r *consolidate.Report) []Proposal { return newWriter(r).upwardAsks() }

func (w *writer) upwardAsks() []Proposal {
	list := append(w.r.ProposalsTo(consolidate.AddresseeUpward), w.r.ProposalsTo(consolidate.AddresseeUnclear)...)
	order := map[string]int{}
	for i, t := range w.r.Catalog.Tasks() {
		order[t.Code] = i
	}
	slices.SortStableFunc(list, func(a, b consolidate.Attributed) int { return order[a.Task] - order[b.Task] })
	var out []Proposal
	seen := map[string]int{} // key of the text → index in out
	for _, p := range list {
		for _, c := range splitAsks(p.Text) {
			text := w.upward(c)
			if i, ok := seen[key(text)]; ok {
				x := &out[i]
				if !slices.Contains(x.Units, p.Unit) {
					x.Units = append(x.Units, p.Unit)
				}
				if !slices.Contains(x.Tasks, p.Task) {
					x.Tasks = append(x.Tasks, p.Task)
				}
				continue
			}
			seen[key(text)] = len(out)
			body, ask := w.addressee(text)
			out = append(out, Proposal{To: strings.TrimPrefix(body, "Đề nghị "), Ask: ask, Units: []string{p.Unit}, Tasks: []string{p.Task}})
		}
	}
	return out
}

// proposals writes part IV: what goes upward, in the commune's name,
// naming who is asked; the proposals to one body said in one item.
func (w *writer) proposals() []string {
	type item struct {
		body string
		asks []string
	}
	var items []*item
	for _, p := range w.upwardAsks() {
		var it *item
		for _, x := range items {
			if p.To != "" && x.body == p.To {
				it = x
			}
		}
		if it == nil {
			it = &item{body: p.To}
			items = append(items, it)
		}
		it.asks = append(it.asks, p.Ask)
	}
	var out []string
	for _, it := range items {
		if it.body == "" {
			for _, a := range it.asks {
				out = append(out, stop(a))
			}
			continue
		}
		out = append(out, stop("Đề nghị "+it.body+" "+strings.Join(it.asks, "; ")))
	}
	return out
}

// splitAsks splits a proposals cell into its proposals, without the
// quarter's label a long period puts on them.
func splitAsks(text string) []string {
	var out []string
	for _, c := range sayings(text) {
		out = append(out, strings.TrimPrefix(c, periodLabel.FindString(c)))
	}
	return out
}

// upward words a proposal in the commune's name: abbreviations spelled
// out, «Đề nghị» at its head, the province named.
func (w *writer) upward(text string) string {
	t := w.tidy(strings.TrimRight(strings.TrimSpace(text), " .;"))
	if !proposalRe.MatchString(t) {
		t = "Đề nghị " + w.lowerStart(t)
	}
	t = bankOfProvince.ReplaceAllString(t, "${1}Chi nhánh Ngân hàng Chính sách xã hội tỉnh")
	if p := w.r.Catalog.Plan.Province; p != "" {
		t = provinceRe.ReplaceAllStringFunc(t, func(m string) string {
			return m + " " + p
		})
		// «tỉnh Quảng Ngãi Quảng Ngãi» when the unit named it already
		t = strings.ReplaceAll(t, "tỉnh "+p+" "+p, "tỉnh "+p)
	}
	return t
}

// provinceRe finds the province's bodies named without the province.
var provinceRe = regexp.MustCompile(`(Ủy ban nhân dân|Hội đồng nhân dân|Chi nhánh Ngân hàng Chính sách xã hội) tỉnh`)

// bankOfProvince is the bank at the province's level as units write it:
// its provincial branch.
var bankOfProvince = regexp.MustCompile(`(^|[^h] )Ngân hàng Chính sách xã hội tỉnh`)

// bodies are the heads of the names of the bodies part IV asks, longest
// first, to tell «Đề nghị <body> <what>».
var bodies = []string{
	"Chi nhánh Ngân hàng Chính sách xã hội tỉnh", "Ngân hàng Chính sách xã hội Việt Nam", "Ngân hàng Chính sách xã hội",
	"Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Thủ tướng Chính phủ", "Chính phủ", "cấp có thẩm quyền", "cấp trên",
}

// addressee splits «Đề nghị <body> <what>» into «Đề nghị <body>» and
// «<what>»; body is "" when the text names none we know.
func (w *writer) addressee(text string) (body, ask string) {
	m := proposalRe.FindString(text)
	rest := text[len(m):]
	for _, b := range bodies {
		if !strings.HasPrefix(rest, b) {
			continue
		}
		name := b
		after := rest[len(b):]
		if p := w.r.Catalog.Plan.Province; strings.HasSuffix(b, "tỉnh") && p != "" && strings.HasPrefix(after, " "+p) {
			name += " " + p
			after = after[len(p)+1:]
		}
		if strings.TrimSpace(after) == "" {
			return "", text
		}
		return "Đề nghị " + name, strings.TrimSpace(after)
	}
	return "", text
}
