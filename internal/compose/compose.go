package compose

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/period"
	"baocao/internal/render"
)

// Options are the facts of a report that are not in its data.
type Options struct {
	// Now is when the report is made.
	Now time.Time
	// Date is the report's date when the office gives it (report --date);
	// zero leaves the day blank for the records clerk to write when the
	// report is issued, like its number.
	Date time.Time
}

// writer composes one report.
type writer struct {
	r    *consolidate.Report
	cite citer
	// keep are names written as they are: the units' names keep their
	// abbreviations («Văn phòng HĐND và UBND xã»).
	keep []string
	// names are the ways each unit names itself at the head of its
	// words, by its name
	names map[string][][]token
	// byInitial are the names by their first letter, and named what
	// startsWithName found of a text
	byInitial map[rune][][]token
	named     map[string]bool
	// spellings replaces a unit's code or other spelling by its name
	spellings *strings.Replacer
}

func newWriter(r *consolidate.Report) *writer {
	w := &writer{r: r, cite: newCiter(r.Catalog)}
	// the units' names are proper names: written as the data has them
	for _, u := range r.Catalog.Units {
		w.keep = append(w.keep, u.Name)
	}
	w.names = unitNames(r.Catalog.Units, w.local())
	w.byInitial, w.named = initialIndex(w.names), map[string]bool{}
	w.spellings = unitSpellings(r.Catalog.Units, w.local())
	return w
}

// unitSpellings replaces the units' codes of three letters or more that
// are no common abbreviation («HND», «HPN») by their names, a whole word at
// a time. Aliases stay as written: some are the bank's or an office's
// generic names («Ngân hàng Chính sách xã hội») that mean more than the
// unit.
func unitSpellings(units []*catalog.Unit, local string) *strings.Replacer {
	abbrev := map[string]bool{}
	for _, a := range abbreviations {
		abbrev[a.short] = true
	}
	seen := map[string]bool{}
	var pairs []string
	add := func(from, to string) {
		if from == "" || seen[from] {
			return
		}
		seen[from] = true
		for _, edge := range []string{" ", ",", ";", ".", ")", ":"} {
			pairs = append(pairs, " "+from+edge, " "+to+edge)
		}
	}
	for _, u := range units {
		add(u.Name, u.Name)
	}
	for _, u := range units {
		if utf8.RuneCountInString(u.Code) >= 3 && !abbrev[u.Code] {
			// «HND xã»: the name says «xã» already
			if base, ok := strings.CutSuffix(u.Name, " "+local); ok {
				add(u.Code+" "+local, base+" "+local)
			}
			add(u.Code, u.Name)
		}
	}
	// longest first, so a longer spelling wins over the name it contains
	type pair struct{ from, to string }
	var ps []pair
	for i := 0; i < len(pairs); i += 2 {
		ps = append(ps, pair{pairs[i], pairs[i+1]})
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return utf8.RuneCountInString(b.from) - utf8.RuneCountInString(a.from) })
	var flat []string
	for _, p := range ps {
		flat = append(flat, p.from, p.to)
	}
	return strings.NewReplacer(flat...)
}

func (w *writer) unitName(code string) string {
	if u := w.r.Catalog.Unit(code); u != nil {
		return u.Name
	}
	return code
}

// Document is the report's prose: what Fields gives the template, typed.
type Document struct {
	Results      []Section
	Credit       Credit
	HasCredit    bool
	Limitations  []string
	Causes       []string
	NextTasks    []string
	Proposals    []string
	SummaryLine  string
	Date         any // time.Time, or render.BlankDay
	NextPeriod   string
	CreditNumber int
	// ReportedTo are the bodies above the commune the report goes to
	// («Ủy ban nhân dân tỉnh Quảng Ngãi, Chi nhánh …»), for the closing.
	ReportedTo string
}

// Compose writes the report's prose from the consolidated data.
func Compose(r *consolidate.Report, o Options) Document { return newWriter(r).compose(o) }

func (w *writer) compose(o Options) Document {
	r := w.r
	d := Document{Results: w.results()}
	d.Credit, d.HasCredit = w.credit()
	said := map[string]bool{}
	for _, s := range d.Results {
		for _, p := range s.Paragraphs {
			said[key(p)] = true
		}
	}
	for _, list := range w.allSaid() {
		for _, sd := range list {
			for _, c := range sd.clauses {
				said[key(c)] = true
			}
		}
	}
	d.Limitations, d.Causes = w.shortcomings(said)
	d.NextTasks = w.nextItems()
	d.Proposals = w.proposals()
	d.SummaryLine = SummaryLine(r.Catalog.Plan.ShortTitle, r.Catalog.Plan.Title, r.Period)
	d.Date = ReportDate(r.Period, o.Now, o.Date)
	d.NextPeriod = r.Period.Next().Name()
	d.CreditNumber = len(d.Results) + 1
	d.ReportedTo = w.reportedTo()
	w.callOnceNamed(&d)
	return d
}

// Fields gives the report template its fields: those of consolidate (the
// header, the appendix, and the older fields an office's own template may
// still use) and the composed prose.
func Fields(r *consolidate.Report, o Options) render.Data {
	w := newWriter(r)
	d := w.compose(o)
	f := render.Data(r.TemplateData(o.Now))
	for _, row := range f["phu_luc"].([]map[string]any) {
		if t := r.TaskResult(row["stt"].(string)); t != nil {
			row["san_pham"] = w.products(*t)
			row["ket_qua"] = decreeDates(row["ket_qua"].(string))
		}
		row["vua_trang"] = fitsOnAPage(row)
	}
	f["ngay_bao_cao"] = d.Date
	f["trich_yeu"] = d.SummaryLine
	f["ky_toi"] = d.NextPeriod
	f["kinh_bao_cao"] = d.ReportedTo

	var sections []map[string]any
	for i, s := range d.Results {
		sections = append(sections, map[string]any{"so": fmt.Sprint(i + 1), "ten": keepLastWords(s.Title), "doan": paragraphs(s.Paragraphs)})
	}
	f["muc"] = sections
	f["co_tin_dung"] = d.HasCredit
	f["so_muc_tin_dung"] = fmt.Sprint(d.CreditNumber)
	f["tin_dung"] = paragraphs(d.Credit.Paragraphs)
	f["cot_truoc"] = d.Credit.PreviousColumn
	f["cot_nay"] = d.Credit.CurrentColumn
	var stocks, flows []map[string]any
	group := &stocks
	for _, row := range d.Credit.Rows {
		if row.Group {
			if len(stocks) > 0 {
				group = &flows
			}
			continue
		}
		*group = append(*group, map[string]any{"ten": row.Name, "don_vi_tinh": row.Measure, "truoc": row.Previous, "nay": row.Current, "tang_giam": row.Change})
	}
	f["so_du"] = stocks
	f["doanh_so"] = flows
	f["co_doanh_so"] = len(flows) > 0
	f["nguon_chi_tieu"] = d.Credit.Source
	f["doi_chieu_muc_tieu"] = paragraphs(d.Credit.Targets)
	f["han_che"] = paragraphs(d.Limitations)
	f["co_han_che"] = len(d.Limitations) > 0
	f["nguyen_nhan"] = paragraphs(d.Causes)
	f["co_nguyen_nhan"] = len(d.Causes) > 0
	f["nhiem_vu_ky_toi"] = numbered(d.NextTasks)
	f["kien_nghi"] = numbered(d.Proposals)
	f["co_kien_nghi"] = len(d.Proposals) > 0
	return f
}

// appendixColumns are the appendix table's text columns with about how
// many characters of 12 pt Times a line of each holds, and linesOnAPage
// about how many lines a landscape page holds under the table's head:
// enough to tell a row that surely fits from one that may not.
var (
	appendixColumns = map[string]int{"stt": 6, "ten_ngan": 25, "chu_tri": 12, "ket_qua": 32, "san_pham": 11, "tinh_trang": 8, "ghi_chu": 9}
	linesOnAPage    = 24
)

// fitsOnAPage tells an appendix row that fits on a page: it is kept whole;
// a longer one may break across pages, as LibreOffice would otherwise cut
// what does not fit.
func fitsOnAPage(row map[string]any) bool {
	for col, width := range appendixColumns {
		text, _ := row[col].(string)
		lines := 0
		for _, p := range strings.Split(text, "\n") {
			lines += 1 + utf8.RuneCountInString(p)/width
		}
		if lines > linesOnAPage {
			return false
		}
	}
	return true
}

// keepLastWords ties a heading's last two words together, so that a
// heading never ends on a line holding one word («… chính trị - xã / hội»).
func keepLastWords(s string) string {
	if i := strings.LastIndex(s, " "); i > 0 && strings.Count(s, " ") >= 3 {
		return s[:i] + "\u00a0" + s[i+1:]
	}
	return s
}

func paragraphs(list []string) []map[string]any {
	var out []map[string]any
	for _, p := range list {
		out = append(out, map[string]any{"noi_dung": p})
	}
	return out
}

func numbered(list []string) []map[string]any {
	var out []map[string]any
	for i, p := range list {
		out = append(out, map[string]any{"stt": fmt.Sprint(i + 1), "noi_dung": p})
	}
	return out
}

// products are a task's documents for the appendix, a line each, cited as
// the body cites them; the unit that named a document is given where the
// symbol does not say who issued it.
func (w *writer) products(t consolidate.TaskResult) string {
	var lines []string
	for _, d := range t.Documents {
		for _, line := range documentLines(d.Text) {
			c := w.cite.cite(line, "")
			if !strings.Contains(c, " của ") {
				if u := w.r.Catalog.Unit(d.Unit); u != nil && u.Short != "" {
					c += " (" + u.Short + ")"
				}
			}
			if !slices.Contains(lines, c) {
				lines = append(lines, c)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// callOnceNamed names a unit that has a shorter name for prose (units.yaml
// «called») in full the first time the body names it, «(sau đây gọi là
// …)», and by the shorter name after.
func (w *writer) callOnceNamed(d *Document) {
	var texts []*string
	for i := range d.Results {
		for j := range d.Results[i].Paragraphs {
			texts = append(texts, &d.Results[i].Paragraphs[j])
		}
	}
	for _, list := range [][]string{d.Credit.Paragraphs, d.Credit.Targets, d.Limitations, d.Causes, d.NextTasks, d.Proposals} {
		for i := range list {
			texts = append(texts, &list[i])
		}
	}
	texts = append(texts, &d.Credit.Source)
	for _, u := range w.r.Catalog.Units {
		if u.Called == "" || u.Called == u.Name {
			continue
		}
		named := false
		for _, t := range texts {
			if !strings.Contains(*t, u.Name) {
				continue
			}
			if !named {
				*t = strings.Replace(*t, u.Name, u.Name+" (sau đây gọi là "+u.Called+")", 1)
				named = true
				first := strings.Index(*t, u.Name) + len(u.Name) + len(" (sau đây gọi là "+u.Called+")")
				*t = (*t)[:first] + strings.ReplaceAll((*t)[first:], u.Name, u.Called)
				continue
			}
			*t = strings.ReplaceAll(*t, u.Name, u.Called)
		}
	}
}

// reportedTo names the recipients above the commune that the report is
// sent to for their information («(b/c)» in plan.yaml), in full.
func (w *writer) reportedTo() string {
	var out []string
	for _, rc := range w.r.Catalog.Plan.Recipients {
		body, ok := strings.CutSuffix(strings.TrimSpace(rc), "(b/c)")
		if !ok || consolidate.AddresseeOf(body) != consolidate.AddresseeUpward {
			continue
		}
		out = append(out, spellOut(strings.TrimSpace(body), w.keep))
	}
	return strings.Join(out, ", ")
}

// ReportDate is the date a report bears: the office's date when given,
// else the month and year with the day left blank for the records clerk.
// The month is the one the report is made in while that is the cut-off's
// month or the next; a report made later (a past quarter's report redone
// in December) bears the month after its cut-off, when it was due.
func ReportDate(p period.Period, now, given time.Time) any {
	if !given.IsZero() {
		return given
	}
	cut := p.To()
	due := time.Date(cut.Year(), cut.Month()+1, 1, 0, 0, 0, 0, cut.Location())
	if now.Before(cut) || !now.Before(due.AddDate(0, 1, 0)) {
		// before the cut-off, or long after: the month the data end
		return render.BlankDay{Month: cut.Month(), Year: cut.Year()}
	}
	return render.BlankDay{Month: now.Month(), Year: now.Year()}
}

// CheckDate refuses a report date before the period's last data day: a
// report cannot be dated before the figures it gives.
func CheckDate(p period.Period, date time.Time) error {
	if !date.IsZero() && date.Before(p.To()) {
		return fmt.Errorf("ngày báo cáo %s sớm hơn ngày chốt số liệu của %s (%s): báo cáo không thể ghi ngày trước ngày có số liệu. Ghi ngày từ %s trở đi, hoặc bỏ trống để văn thư điền khi ban hành",
			period.NumericDate(date), p.Name(), period.NumericDate(p.To()), period.NumericDate(p.To()))
	}
	return nil
}

// planDates finds the dates in a plan's title: «ngày 18 tháng 7 năm 2025».
var planDates = regexp.MustCompile(`\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}`)

// SummaryLine is the report's trích yếu: «Kết quả thực hiện <plan>, quý I
// năm 2026», the plan named by its short title when the data give one,
// else by its title without its dates and its middle links («về thực hiện
// Chỉ thị … của …»), so that the line fits on two.
func SummaryLine(short, title string, p period.Period) string {
	name := short
	if name == "" {
		name = strings.Join(strings.Fields(planDates.ReplaceAllString(title, "")), " ")
		if parts := strings.Split(name, " về "); len(parts) > 2 {
			name = parts[0] + " về " + parts[len(parts)-1]
		}
		// «Kế hoạch thực hiện Quyết định …»: the results are the
		// decision's, as the office writes them
		if m := planVerb.FindString(name); m != "" && len(name) > len(m) {
			name = name[len(m):]
		} else {
			name = lowerFirst(name)
		}
	}
	return "Kết quả thực hiện " + name + ", " + p.Name()
}

var planVerb = regexp.MustCompile(`^(?i)kế hoạch\s+(thực hiện|triển khai)\s+`)

// PlanBlank is a line of the plan's data that a signed report needs and
// that is left blank: the report leaves its place blank too. Each front
// end words it for its reader (plan.yaml's key on the command line, the
// Word file on the page).
type PlanBlank int

const (
	PlanNumber PlanBlank = iota // the plan's number
	PlanDate                    // the date the plan was issued
	PlanSigner                  // the signer's name
)

// PlanBlanks lists what the plan's data leaves blank that a signed report
// needs, in that order; none when nothing is.
func PlanBlanks(r *consolidate.Report) []PlanBlank {
	p := r.Catalog.Plan
	var out []PlanBlank
	if strings.TrimSpace(p.Number) == "" {
		out = append(out, PlanNumber)
	}
	if p.Date.IsZero() {
		out = append(out, PlanDate)
	}
	if strings.TrimSpace(p.SignerName) == "" {
		out = append(out, PlanSigner)
	}
	return out
}

// PlanBlanksInWord words blanks for whoever fills them in the report's
// Word file (the page, and the command line on the built-in data, which
// has no plan.yaml to edit): «Báo cáo còn để trống số, ngày ban hành của
// Kế hoạch và họ tên người ký: điền trong tệp Word trước khi trình ký.»
func PlanBlanksInWord(blanks []PlanBlank) string {
	var plan, parts []string
	for _, b := range blanks {
		switch b {
		case PlanNumber:
			plan = append(plan, "số")
		case PlanDate:
			plan = append(plan, "ngày ban hành")
		}
	}
	if len(plan) > 0 {
		parts = append(parts, strings.Join(plan, ", ")+" của Kế hoạch")
	}
	if slices.Contains(blanks, PlanSigner) {
		parts = append(parts, "họ tên người ký")
	}
	if len(parts) == 0 {
		return ""
	}
	return "Báo cáo còn để trống " + strings.Join(parts, " và ") + ": điền trong tệp Word trước khi trình ký."
}
