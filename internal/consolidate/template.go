package consolidate

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/render"
	"baocao/internal/vntext"
)

// The field names below are the report template's vocabulary: the office
// types them in templates/bao-cao.docx and don-doc.docx
// (fields.go declares them for the check and the help; docs/mau-bao-cao.md
// lists them). Renaming one breaks edited templates.

// TemplateData gives the report's fields for templates/bao-cao.docx.
func (r *Report) TemplateData(now time.Time) map[string]any {
	c := r.Catalog
	d := r.header(now)
	d["so_ky_hieu"] = "     /" + c.Plan.ReportSuffix
	d["trich_yeu"] = fmt.Sprintf("%s, %s", ResultsOf(c.Plan.Title), r.Period.Name())

	// The plan itself is cited once, by "Thực hiện {ke_hoach}": not among
	// the grounds too.
	var grounds []map[string]any
	for _, g := range c.Plan.Grounds {
		if vntext.Fold(strings.TrimRight(g, ".;")) != vntext.Fold(c.Plan.Reference()) {
			grounds = append(grounds, map[string]any{"noi_dung": g})
		}
	}
	d["can_cu"] = grounds

	// Every unit the reminder goes to, the one that left tasks blank too.
	var notSent []map[string]any
	for _, u := range r.ToRemind() {
		notSent = append(notSent, map[string]any{"ten": u.Unit.Name, "tinh_trang": StateBrief(u)})
	}
	d["so_don_vi_da_gui"] = r.Reported()
	d["so_don_vi"] = len(r.Units)
	d["chua_gui"] = notSent
	d["co_chua_gui"] = len(notSent) > 0
	d["nguon_bieu_quy"] = r.PartsNote

	var sections, appendix []map[string]any
	for i, s := range r.Sections {
		var tasks []map[string]any
		number := outline(i+1, s.Tasks)
		for _, t := range s.Tasks {
			tasks = append(tasks, r.taskFields(t, number))
			for _, h := range t.Headings {
				appendix = append(appendix, map[string]any{
					"stt": h.Code, "noi_dung": h.Content, "ten_ngan": h.Title(), "chu_tri": "", "ket_qua": "", "san_pham": "", "tinh_trang": "", "ghi_chu": "",
				})
			}
			appendix = append(appendix, r.appendixRow(t))
		}
		sections = append(sections, map[string]any{"so": fmt.Sprint(i + 1), "ma": s.Code, "ten": s.Title, "nhiem_vu": tasks})
	}
	d["phan"] = sections
	d["phu_luc"] = appendix

	d["ton_tai"] = attributed(r.Difficulties)
	d["co_ton_tai"] = len(r.Difficulties) > 0
	// Part IV holds what goes upwards, and what does not say to whom (the
	// summary flags those); what asks the commune itself is for its
	// leadership, in the summary.
	upward := append(r.ProposalsTo(AddresseeUpward), r.ProposalsTo(AddresseeUnclear)...)
	sortByTask(upward, c)
	d["de_xuat"] = attributed(upward)
	d["co_de_xuat"] = len(upward) > 0
	d["nhiem_vu_toi"] = r.nextTasks()

	var inds []map[string]any
	hasFigures := false
	for _, l := range r.Indicators {
		// Any figure, of this period or the one before: the table says
		// what is known and what is missing, rather than vanish.
		if l.Current != nil || l.Previous != nil {
			hasFigures = true
		}
		inds = append(inds, map[string]any{
			"ten": l.Indicator.Name, "don_vi_tinh": l.Indicator.Measure,
			"ky_truoc": numberOr(l.Previous, l.PreviousNote), "ky_nay": numberOr(l.Current, l.CurrentNote), "tang_giam": numberOrBlank(l.Change),
		})
	}
	d["chi_tieu"] = inds
	d["co_chi_tieu"] = hasFigures
	// what the reporting unit wrote beside a figure: why it moved
	var figureNotes []map[string]any
	for _, l := range r.Indicators {
		if l.Note != "" {
			figureNotes = append(figureNotes, map[string]any{"ten": l.Indicator.Name, "noi_dung": sentence(l.Note) + "."})
		}
	}
	d["ghi_chu_chi_tieu"] = figureNotes
	var targets []map[string]any
	for _, tc := range r.Targets {
		targets = append(targets, map[string]any{"noi_dung": tc.Target, "danh_gia": strings.TrimRight(tc.Verdict, ".") + "."})
	}
	d["muc_tieu"] = targets
	return d
}

// ToRemind returns every expected unit whose report is not complete, in
// units.yaml order (the report names them); the reminder letter writes to
// fewer of them (Urged).
func (r *Report) ToRemind() []UnitStatus {
	var out []UnitStatus
	for _, u := range r.Units {
		if u.State != StateComplete {
			out = append(out, u)
		}
	}
	return out
}

func (r *Report) header(now time.Time) map[string]any {
	p := r.Catalog.Plan
	var recipients []map[string]any
	for _, rc := range p.Recipients {
		recipients = append(recipients, map[string]any{"noi_dung": rc})
	}
	return map[string]any{
		"co_quan": p.Issuer, "ten_xa": p.Commune, "dia_danh": p.Place,
		"loai_xa": p.LocalKind, "ten_dia_phuong": p.CommuneName,
		"ngay_bao_cao": now, "ky": r.Period.Name(),
		"tu_ngay": r.Period.From(), "den_ngay": r.Period.To(),
		"ke_hoach":   p.Reference(),
		"noi_nhan":   recipients,
		"quyen_han":  p.Authority,
		"chuc_vu_ky": p.SignerTitle,
		"nguoi_ky":   p.SignerName,
	}
}

// StatusText is a task's status as the report prints it, with the lead
// units' own words beside it where the status was read from them
// ("Đang thực hiện (Phòng Kinh tế ghi «hoàn thành 80%»)").
func (t TaskResult) StatusText() string {
	text := t.Status.String()
	if t.Status == forms.StatusUnknown {
		text = "chưa có đơn vị báo cáo"
		if t.Reported() {
			text = "chưa rõ tình trạng"
		}
	}
	var words []string
	for _, c := range t.Lead {
		if c.StatusWords != "" {
			words = append(words, c.UnitName+" ghi «"+c.StatusWords+"»")
		}
	}
	switch {
	case len(words) == 0:
	case t.Status == forms.StatusUnknown:
		// the units' own words say it better than "chưa rõ"
		text = strings.Join(words, "; ")
	default:
		text += " (" + strings.Join(words, "; ") + ")"
	}
	return text
}

// outline numbers a section's tasks and group headings for the report's
// part I: the section is n, what stands under it n.1, n.2, ..., the items
// of a group heading n.k.1, n.k.2: never the plan's Roman numerals, which
// the report's own parts use.
func outline(n int, tasks []TaskResult) map[string]string {
	number := map[string]string{}
	count := map[string]int{} // children numbered so far, by parent's number
	place := func(t *catalog.Task, parent string) string {
		if s, ok := number[t.Code]; ok {
			return s
		}
		count[parent]++
		s := fmt.Sprintf("%s.%d", parent, count[parent])
		number[t.Code] = s
		return s
	}
	top := fmt.Sprint(n)
	parentOf := func(t *catalog.Task) string {
		if s, ok := number[t.Parent]; ok {
			return s
		}
		return top
	}
	for _, t := range tasks {
		for _, h := range t.Headings {
			place(h, parentOf(h))
		}
		place(t.Task, parentOf(t.Task))
	}
	return number
}

// results words the contributions that wrote something: the same text
// from several units is one item naming them all, each a sentence with
// its stop; units that only gave a status share one item per status.
func results(cs []Contribution, withStatus bool, name func(code string) string) []map[string]any {
	var out []map[string]any
	var texts []Attributed
	statusOf := map[string]forms.Status{}
	var bare []forms.Status
	bareUnits := map[forms.Status][]string{}
	for _, c := range cs {
		if strings.TrimSpace(c.Results) != "" {
			texts = append(texts, Attributed{Unit: c.Unit, UnitName: name(c.Unit), Text: c.Results})
			statusOf[name(c.Unit)] = c.Status
			continue
		}
		if !withStatus || c.Status == forms.StatusUnknown {
			continue
		}
		if _, ok := bareUnits[c.Status]; !ok {
			bare = append(bare, c.Status)
		}
		bareUnits[c.Status] = append(bareUnits[c.Status], name(c.Unit))
	}
	for _, g := range sameText(texts) {
		item := map[string]any{"don_vi": g.units, "noi_dung": sentence(g.text) + "."}
		if withStatus {
			status := ""
			for i, name := range strings.Split(g.units, ", ") {
				if st := statusOrBlank(statusOf[name]); i == 0 {
					status = st
				} else if st != status {
					status = ""
				}
			}
			item["tinh_trang"] = status
		}
		out = append(out, item)
	}
	for _, st := range bare {
		text := "Không phát sinh trong kỳ."
		if st != forms.StatusNotApplicable {
			text = "Báo cáo «" + st.String() + "», không ghi kết quả cụ thể."
		}
		out = append(out, map[string]any{"don_vi": strings.Join(bareUnits[st], ", "), "noi_dung": text, "tinh_trang": st.String()})
	}
	return out
}

// leadResults are results(t.Lead) where the same words from every one of
// several lead units are said of "Các đơn vị chủ trì", named just above.
func (r *Report) leadResults(t TaskResult) []map[string]any {
	items := results(t.Lead, true, r.unitName)
	if len(items) == 1 && len(t.Lead) > 1 && len(t.Lead) == len(t.Task.LeadUnits) {
		items[0]["don_vi"] = "Các đơn vị chủ trì"
	}
	return items
}

// documents lists the documents of a task one by one (a cell may hold
// several, a line each), each once with every unit that named it.
func documents(list []Attributed, name func(code string) string) []map[string]any {
	var each []Attributed
	for _, a := range list {
		// "1. Kế hoạch số 12…; 2. Công văn số 25…" on one line: an item each.
		text := numberedItem.ReplaceAllString(a.Text, "\n$1")
		for _, line := range strings.Split(text, "\n") {
			line = itemNumber.ReplaceAllString(unbullet(line), "")
			if line = strings.TrimRight(line, ".;, "); line != "" {
				each = append(each, Attributed{a.Unit, name(a.Unit), a.Task, line})
			}
		}
	}
	var out []map[string]any
	for _, g := range sameText(each) {
		out = append(out, map[string]any{"don_vi": g.units, "noi_dung": g.text})
	}
	return out
}

func (r *Report) taskFields(t TaskResult, number map[string]string) map[string]any {
	// A coordinating unit that wrote nothing has nothing to show in the
	// report's prose (the summary still lists its status).
	support := results(append(append([]Contribution{}, t.Support...), t.Others...), false, r.unitName)
	docs := documents(t.Documents, r.unitName)
	var headings []map[string]any
	for _, h := range t.Headings {
		headings = append(headings, map[string]any{"so": number[h.Code], "ma": h.Code, "noi_dung": h.Content})
	}
	return map[string]any{
		"tieu_de": headings,
		"so":      number[t.Task.Code],
		"ma":      t.Task.Code, "noi_dung": t.Task.Content, "ten_ngan": strings.TrimRight(t.Task.Title(), ".:;"),
		"chu_tri":    r.leadNames(t.Task),
		"tinh_trang": t.StatusText(),
		"ket_qua":    r.leadResults(t),
		"phoi_hop":   support, "co_phoi_hop": len(support) > 0,
		"van_ban": docs, "co_van_ban": len(docs) > 0,
		"chua_bao_cao": !t.Reported(),
	}
}

func (r *Report) appendixRow(t TaskResult) map[string]any {
	var said, products, notes []string
	// A table column is narrow: units go by their short names there.
	for _, item := range results(append(append(append([]Contribution{}, t.Lead...), t.Support...), t.Others...), false, r.shortName) {
		said = append(said, item["don_vi"].(string)+": "+item["noi_dung"].(string))
	}
	for _, item := range documents(t.Documents, r.shortName) {
		products = append(products, item["noi_dung"].(string)+" ("+item["don_vi"].(string)+")")
	}
	if t.Disagreement {
		var each []string
		for _, c := range t.Lead {
			if st := statusOrBlank(c.Status); st != "" {
				each = append(each, r.shortName(c.Unit)+": "+st)
			}
		}
		notes = append(notes, "Các đơn vị chủ trì báo cáo tình trạng khác nhau ("+strings.Join(each, "; ")+")")
	}
	// which lead unit sent nothing is the console's and the reminder's:
	// the appendix goes up with the report
	return map[string]any{
		"stt": t.Task.Code, "noi_dung": t.Task.Content, "ten_ngan": strings.TrimRight(t.Task.Title(), ".:;"), "chu_tri": r.shortNames(t.Task.LeadUnits),
		"ket_qua": strings.Join(said, "\n"), "san_pham": strings.Join(products, "\n"),
		"tinh_trang": t.StatusText(), "ghi_chu": strings.Join(notes, "; "),
	}
}

func (r *Report) unitName(code string) string { return r.Catalog.Unit(code).Name }

// shortName is a unit's short name for tables (units.yaml's short), else
// its name.
func (r *Report) shortName(code string) string {
	if u := r.Catalog.Unit(code); u.Short != "" {
		return u.Short
	}
	return r.Catalog.Unit(code).Name
}

func (r *Report) shortNames(codes []string) string {
	var out []string
	for _, c := range codes {
		out = append(out, r.shortName(c))
	}
	return strings.Join(out, ", ")
}

// leadNames names the lead units, groups resolved.
func (r *Report) leadNames(t *catalog.Task) string {
	return strings.Join(r.Catalog.UnitNames(t.LeadUnits), ", ")
}

// nextTasks lists, for part III of the report, task by task, what units
// plan for the next period (the same plan from several units said once,
// naming them all); then the unfinished tasks that no unit planned for, by
// their short titles, one item for the tasks of the same lead units.
func (r *Report) nextTasks() []map[string]any {
	var out []map[string]any
	var leads []string
	pending := map[string][]string{}
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			for _, g := range sameText(t.NextTasks) {
				out = append(out, map[string]any{"noi_dung": fmt.Sprintf("%s: %s (nhiệm vụ %s).", g.units, sentence(g.text), t.Task.Code)})
			}
			if len(t.NextTasks) > 0 || t.Status == forms.StatusDone || t.Status == forms.StatusNotApplicable {
				continue
			}
			lead := r.leadNames(t.Task)
			if _, ok := pending[lead]; !ok {
				leads = append(leads, lead)
			}
			pending[lead] = append(pending[lead], fmt.Sprintf("%s «%s»", t.Task.Code, strings.TrimRight(t.Task.Title(), ".:;")))
		}
	}
	for _, lead := range leads {
		tasks := pending[lead]
		what := "nhiệm vụ " + tasks[0]
		if len(tasks) > 1 {
			what = "các nhiệm vụ " + strings.Join(tasks, "; ")
		}
		out = append(out, map[string]any{"noi_dung": fmt.Sprintf("%s: tiếp tục thực hiện %s.", lead, what)})
	}
	if len(out) == 0 {
		out = append(out, map[string]any{"noi_dung": "Tiếp tục thực hiện các nhiệm vụ thường xuyên theo Kế hoạch."})
	}
	return out
}

// sortByTask orders texts by their task's place in the plan.
func sortByTask(list []Attributed, c *catalog.Catalog) {
	order := map[string]int{}
	for i, t := range c.Tasks() {
		order[t.Code] = i
	}
	slices.SortStableFunc(list, func(a, b Attributed) int { return order[a.Task] - order[b.Task] })
}

// attributed lists texts of several tasks (difficulties, proposals) in
// the report's one form of attribution, "đơn vị: câu (nhiệm vụ X).", the
// same text on one task from several units once.
func attributed(list []Attributed) []map[string]any {
	var out []map[string]any
	var tasks []string
	byTask := map[string][]Attributed{}
	for _, a := range list {
		if _, ok := byTask[a.Task]; !ok {
			tasks = append(tasks, a.Task)
		}
		byTask[a.Task] = append(byTask[a.Task], a)
	}
	for _, task := range tasks {
		for _, g := range sameText(byTask[task]) {
			out = append(out, map[string]any{"don_vi": g.units, "noi_dung": sentence(g.text) + " (nhiệm vụ " + task + ")."})
		}
	}
	return out
}

// numberOr is a figure, or the note that says why there is none.
func numberOr(v *float64, note string) any {
	if v == nil {
		return render.Note(note)
	}
	return *v
}

func numberOrBlank(v *float64) any {
	if v == nil {
		return ""
	}
	return *v
}

func statusOrBlank(s forms.Status) string {
	if s == forms.StatusUnknown {
		return "chưa rõ tình trạng"
	}
	return lowerFirst(s.String())
}

// shorten keeps a long task content readable in lists: its first paragraph,
// cut at a word boundary with an ellipsis.
// textGroup is one text and the units that wrote it.
type textGroup struct{ units, text string }

// numberedItem finds where a numbered item starts after a semicolon, and
// itemNumber the number it starts with ("2. ", "3) ").
var (
	numberedItem = regexp.MustCompile(`;\s*(\d{1,2}[.)]\s)`)
	itemNumber   = regexp.MustCompile(`^\d{1,2}[.)]\s+`)
)

// sameText groups the texts that say the same (ignoring case, marks,
// spacing, bullets and the final stop), keeping the first wording and
// naming every unit that wrote it, in order.
func sameText(list []Attributed) []textGroup {
	var out []textGroup
	index := map[string]int{}
	for _, a := range list {
		k := vntext.Fold(strings.TrimRight(unbullet(a.Text), ".;: "))
		if i, ok := index[k]; ok {
			out[i].units += ", " + a.UnitName
			continue
		}
		index[k] = len(out)
		out = append(out, textGroup{units: a.UnitName, text: a.Text})
	}
	return out
}

// unbullet drops the bullet a unit typed before its text ("- ", "+ ",
// "• "): the report adds its own.
func unbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"-", "+", "•", "*"} {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// sentence is a unit's text as the report prints it, the last line
// without its stop (the caller closes it). A single line loses its bullet
// (the report adds its own); several lines keep the unit's layout: a line
// ending with ":" keeps it and the dashes of a list under it stay, items
// of a list end with ";", other lines with "."; a text that is a list from
// its first line starts on a new line under the unit's name. A quarter's
// results of a long period stay on their own lines.
func sentence(s string) string {
	type line struct {
		text   string
		bullet string // "- ", "+ " (a list's second level) or ""
	}
	var lines []line
	for _, l := range strings.Split(DropRepeats(s), "\n") {
		l = strings.TrimSpace(l)
		text, mark := unbullet(l), ""
		switch {
		case text == l:
		case strings.HasPrefix(l, "+"):
			mark = "+ "
		default:
			mark = "- "
		}
		switch {
		case strings.Trim(text, ".;:,!? ") == "":
			// a line of punctuation alone says nothing
		case len(lines) > 0 && mark == "" && continues(lines[len(lines)-1].text, text):
			// a sentence the cell wrapped: one line again
			lines[len(lines)-1].text += " " + text
		default:
			lines = append(lines, line{text, mark})
		}
	}
	if len(lines) == 0 {
		return ""
	}
	if len(lines) == 1 {
		return upperFirst(strings.TrimRight(lines[0].text, ".;: "))
	}
	var b strings.Builder
	if lines[0].bullet != "" {
		b.WriteString("\n")
	}
	for i, l := range lines {
		text := l.bullet + upperFirst(l.text)
		if i == len(lines)-1 {
			b.WriteString(strings.TrimRight(text, ".;: "))
			break
		}
		switch next := lines[i+1]; {
		case strings.HasSuffix(text, ":") || strings.HasSuffix(text, ";") || strings.HasSuffix(text, ".") ||
			strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?"):
		case l.bullet != "" && next.bullet != "":
			text += ";"
		default:
			text += "."
		}
		b.WriteString(text + "\n")
	}
	return b.String()
}

// quarterLabel is the label a long period's report puts before a
// quarter's words (labelled).
var quarterLabel = regexp.MustCompile(`^Quý (?:I|II|III|IV) năm \d{4}: `)

// DropRepeats says once what a unit's cell repeats: a line, or a
// «;»-separated part of one, it copied down the cell (compared folded:
// case, spaces, accents, punctuation); a long period's quarter keeps its
// own words. Nothing else of the cell changes.
func DropRepeats(cell string) string {
	if !strings.ContainsAny(cell, "\n;") {
		return cell
	}
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(cell, "\n") {
		if quarterLabel.MatchString(strings.TrimSpace(l)) {
			clear(seen) // a quarter's words are its own
		}
		if strings.TrimSpace(l) == "" {
			out = append(out, l)
			continue
		}
		if l = onceEach(l, seen); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// onceEach drops from a line what seen holds already, a «;»-separated
// part at a time, and adds what it keeps: "" when all was said before.
func onceEach(line string, seen map[string]bool) string {
	var kept []string
	for _, part := range strings.Split(line, ";") {
		k := vntext.Fold(strings.TrimRight(unbullet(part), ".;:, "))
		if k != "" && seen[k] {
			continue
		}
		if k != "" {
			seen[k] = true
		}
		kept = append(kept, part)
	}
	if len(kept) == 0 {
		return ""
	}
	return strings.TrimSpace(strings.Join(kept, ";"))
}

// continues tells a line that goes on with the sentence of the line before
// (which ends with a comma, or is followed by a small letter).
func continues(before, text string) bool {
	if strings.HasSuffix(before, ",") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLower(r) && !strings.HasSuffix(before, ":") && !strings.HasSuffix(before, ".") && !strings.HasSuffix(before, ";")
}

// ResultsOf is the summary line of a report on a plan: "Kết quả triển khai
// kế hoạch thực hiện ...", with a verb the title does not already use
// ("Kết quả thực hiện kế hoạch triển khai ...", never "triển khai kế hoạch
// triển khai").
func ResultsOf(title string) string {
	words := strings.Fields(vntext.Fold(title))
	head := " " + strings.Join(words[:min(len(words), 6)], " ") + " "
	switch {
	case !strings.Contains(head, " trien khai "):
		return "Kết quả triển khai " + lowerFirst(title)
	case !strings.Contains(head, " thuc hien "):
		return "Kết quả thực hiện " + lowerFirst(title)
	}
	return "Kết quả " + lowerFirst(title)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}
