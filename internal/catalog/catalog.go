package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Catalog is the whole plan, loaded and checked.
type Catalog struct {
	Plan       Plan
	Sections   []*Section
	Units      []*Unit
	Groups     []*Group
	Indicators []*Indicator
	Targets    []*Target
	// Notes are findings in the data files that do not stop the program
	// (two groups with the same members), worded for the person who edits
	// them.
	Notes Errors
	// Dir is the folder the data files were read from.
	Dir string
	// Fingerprint identifies the task list (codes, contents, units): forms
	// carry it so that intake can tell a form made from another plan.
	Fingerprint string

	tasks   []*Task // leaf tasks in appendix order
	byTask  map[string]*Task
	byUnit  map[string]*Unit
	byGroup map[string]*Group
	aliases []alias // folded name -> unit or group code, longest first

	// Texts prepared once for matching by content: task contents (in
	// Tasks() order), section titles, indicator names.
	taskIndex, sectionIndex, indicatorIndex *vntext.Index
}

// Section is one of the appendix's Roman-numbered sections.
type Section struct {
	Code  string
	Title string
	// ShortTitle is the section's heading in the report's part I, the
	// plan's title shortened; "" when the data gives none.
	ShortTitle string
	// Items holds the section's rows in order: tasks and group headings.
	Items []*Task
}

// Heading is the section's short title, else its title.
func (s *Section) Heading() string {
	if s.ShortTitle != "" {
		return s.ShortTitle
	}
	return s.Title
}

// Task is one row of the appendix: a leaf task, or a group heading (IV.1)
// whose items are tasks or other headings, to any depth (II.3, II.3.b,
// II.3.b.1).
type Task struct {
	Code    string
	Section string // section code, "IV"
	Parent  string // the heading this is an item of ("IV.1"); "" under the section itself
	Heading bool
	Content string
	// ShortTitle is a faithful summary of the task in about 15 words, for
	// the report's part III and the reminder; "" when the data gives none
	// (Title then falls back to the content).
	ShortTitle    string
	Lead          []string // unit or group codes as written in tasks.yaml
	LeadText      string   // the appendix's wording
	Support       []string
	SupportText   string
	Product       string
	Timing        string
	TimingMissing bool

	// LeadUnits and SupportUnits are unit codes with groups resolved. A
	// unit that leads is not repeated among the coordinators.
	LeadUnits    []string
	SupportUnits []string
	// Parties are coordinators written by name in support that are no
	// unit of units.yaml («Trưởng các thôn»): printed as written, they
	// get no form and are never awaited.
	Parties []string
}

// Title is the task's short title, else its whole content: never cut.
func (t *Task) Title() string {
	if t.ShortTitle != "" {
		return t.ShortTitle
	}
	return t.Content
}

// Unit is an organisation that reports on tasks.
type Unit struct {
	Code       string
	Name       string
	Short      string
	Aliases    []string
	Indicators bool // reports the credit indicators
	// GoverningBody is printed above the unit's name at the head of its
	// form (Decree 30/2020: the body it answers to), in capitals: the
	// People's Committee for its offices, the province's police for the
	// commune police; empty for a unit headed by its own name alone.
	GoverningBody string
	// Called is how the report's prose calls the unit after naming it
	// once in full («(sau đây gọi là Phòng giao dịch)»); "" to always
	// name it in full.
	Called string
	// OutsideAuthority marks a unit the commune's People's Committee does
	// not direct (the bank's transaction office, under its provincial
	// branch): the commune asks it, and the reminder letter, which
	// directs, never names it.
	OutsideAuthority bool
}

// Group is a phrase of the appendix that names several units at once.
type Group struct {
	Code    string
	Name    string
	Aliases []string
	Members []string
}

// Indicator is a credit figure reported each period.
type Indicator struct {
	Code    string
	Name    string
	Measure string
	Unit    string
	Kind    string // "stock" or "flow"
	// Decimals is how many digits may follow the decimal comma: 0 for
	// whole numbers (households, groups), 2 for money.
	Decimals int
}

// The kinds of target a plan sets on its indicators.
const (
	// TargetCapitalShare: Part should be Percent% of Whole by ByYear.
	TargetCapitalShare = "capital_share"
	// TargetGrowthShare: the growth of Part should be MinPercent to
	// MaxPercent% of the growth of Whole each year.
	TargetGrowthShare = "growth_share"
	// TargetGrowthRate: Indicator should grow by at least MinPercent% a year.
	TargetGrowthRate = "growth_rate"
	// TargetReach: Indicator should reach Value (a count or an amount) by
	// ByYear, or in every period when ByYear is 0.
	TargetReach = "reach"
	// TargetRatio is no goal but a figure these reports give: Part as a
	// percentage of Whole (the overdue ratio), named by Name.
	TargetRatio = "ratio"
)

// TargetKinds lists the kinds, as indicators.yaml writes them.
var TargetKinds = []string{TargetCapitalShare, TargetGrowthShare, TargetGrowthRate, TargetReach, TargetRatio}

// Target is one numeric goal of the plan, computed from the indicators.
type Target struct {
	Kind string
	Task string // the task that sets it, "" for none
	Name string // its wording; "" to word it from the kind and numbers

	Part, Whole string // indicator codes: capital_share, growth_share, ratio
	Indicator   string // indicator code: growth_rate, reach

	Percent    float64 // capital_share
	MinPercent float64 // growth_share, growth_rate
	MaxPercent float64 // growth_share; 0 for no upper bound
	Value      float64 // reach
	ByYear     int     // capital_share, reach
}

// The kinds of local body (Law on the Organisation of Local Government,
// 2025): the People's Committee of a xã, a phường or a đặc khu reports.
var LocalKinds = []string{"xã", "phường", "đặc khu"}

// Plan holds the facts of the plan and of the reports made on it.
type Plan struct {
	Issuer  string
	Commune string // the local body in capitals, for headers: "XÃ XỐP"
	// CommuneName is the local body in running text: "xã Xốp".
	CommuneName string
	// LocalKind is the kind of local body: "xã", "phường" or "đặc khu".
	LocalKind string
	// Collector is the code of the unit that collects the reports; ""
	// when the plan does not say (the plan's issuer collects them).
	Collector      string
	Place          string
	Province       string
	ReportSuffix   string
	ReminderSuffix string
	Kind           string
	Number         string
	Suffix         string
	// Date is the plan's date, dd/mm/yyyy; zero when the appendix leaves
	// the day blank, and Month and Year say what it gives.
	Date        time.Time
	Month, Year int
	PlanIssuer  string
	Title       string
	// ShortTitle is what the report's summary line (trích yếu) calls the
	// plan, short enough for two lines; "" to derive it from Title.
	ShortTitle   string
	Grounds      []string
	DeadlineDays int
	// ReminderDays is the number of working days from the reminder
	// letter's date to the new deadline it sets (reminder_days, default
	// DefaultReminderDays).
	ReminderDays int
	Authority    string
	SignerTitle  string
	SignerName   string
	Recipients   []string
}

// Reference is how documents cite the plan: "Kế hoạch số      /KH-UBND ngày
// tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp", with blanks kept for what the
// appendix leaves blank.
func (p Plan) Reference() string {
	number := p.Number
	if number == "" {
		number = "     "
	}
	date := fmt.Sprintf("ngày      tháng %d năm %d", p.Month, p.Year)
	if !p.Date.IsZero() {
		date = period.LongDate(p.Date)
	}
	return fmt.Sprintf("%s số %s/%s %s của %s", p.Kind, number, p.Suffix, date, p.PlanIssuer)
}

// Role is what a unit does on a task.
type Role int

const (
	RoleNone Role = iota
	RoleLead
	RoleSupport
)

// String gives the role as forms and reports print it.
func (r Role) String() string {
	switch r {
	case RoleLead:
		return "Chủ trì"
	case RoleSupport:
		return "Phối hợp"
	}
	return ""
}

// Assignment is a task with the role a unit has on it.
type Assignment struct {
	Task *Task
	Role Role
}

// DefaultReminderDays is reminder_days when plan.yaml does not say.
const DefaultReminderDays = 5

// Collector returns the unit that collects the reports, or nil when
// plan.yaml names none.
func (c *Catalog) Collector() *Unit { return c.byUnit[c.Plan.Collector] }

// CollectorName names who collects the reports: the collecting unit, or
// the plan's issuer when plan.yaml names none.
func (c *Catalog) CollectorName() string {
	if u := c.byUnit[c.Plan.Collector]; u != nil {
		return u.Name
	}
	return c.Plan.PlanIssuer
}

// Headings returns the group headings that t is an item of, outermost
// first: for II.3.b.1, II.3 and II.3.b.
func (c *Catalog) Headings(t *Task) []*Task {
	var out []*Task
	for p := c.byTask[t.Parent]; p != nil; p = c.byTask[p.Parent] {
		out = append(out, p)
		if len(out) > len(c.byTask) {
			break // a cycle cannot be written, but never loop
		}
	}
	slices.Reverse(out)
	return out
}

// ExampleTask is a task code to give as an example in messages: the first
// of the deepest leaf tasks, so that the example shows how codes are
// written in this plan ("IV.1.a", "II.3.b.1").
func (c *Catalog) ExampleTask() string {
	best, depth := "", 0
	for _, t := range c.tasks {
		if d := strings.Count(t.Code, ".") + 1; d > depth {
			best, depth = t.Code, d
		}
	}
	return best
}

// ExampleUnits are up to n unit codes to give as examples in messages: the
// reporting units, in units.yaml order.
func (c *Catalog) ExampleUnits(n int) []string {
	var out []string
	for _, u := range c.ReportingUnits() {
		if len(out) == n {
			break
		}
		out = append(out, u.Code)
	}
	return out
}

// Tasks returns the leaf tasks (no group headings) in appendix order.
func (c *Catalog) Tasks() []*Task { return c.tasks }

// Task returns the task or heading with this exact code, or nil.
func (c *Catalog) Task(code string) *Task { return c.byTask[code] }

// Unit returns the unit with this code, or nil.
func (c *Catalog) Unit(code string) *Unit { return c.byUnit[code] }

// HeaderName is the unit's name as its form's header prints it: in
// capitals, and a name that ends with the kind of local body ("Công an
// xã") ends with the commune's own name ("CÔNG AN XÃ XỐP"), since a unit
// headed by no People's Committee must say which commune it belongs to.
func (c *Catalog) HeaderName(u *Unit) string {
	name := strings.ToUpper(u.Name)
	kind := strings.ToUpper(c.Plan.LocalKind)
	if kind != "" && strings.HasSuffix(name, " "+kind) && strings.HasPrefix(c.Plan.Commune, kind+" ") {
		return strings.TrimSuffix(name, kind) + c.Plan.Commune
	}
	return name
}

// Section returns the section with this code, or nil.
func (c *Catalog) Section(code string) *Section {
	for _, s := range c.Sections {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// RoleOf tells what unit does on task.
func (t *Task) RoleOf(unit string) Role {
	switch {
	case slices.Contains(t.LeadUnits, unit):
		return RoleLead
	case slices.Contains(t.SupportUnits, unit):
		return RoleSupport
	}
	return RoleNone
}

// Assignments returns the tasks that unit leads or coordinates, in appendix
// order.
func (c *Catalog) Assignments(unit string) []Assignment {
	var out []Assignment
	for _, t := range c.tasks {
		if r := t.RoleOf(unit); r != RoleNone {
			out = append(out, Assignment{Task: t, Role: r})
		}
	}
	return out
}

// ReportingUnits returns the units expected to report: those that lead or
// coordinate any task, or report indicators, in units.yaml order.
func (c *Catalog) ReportingUnits() []*Unit {
	var out []*Unit
	for _, u := range c.Units {
		if u.Indicators || len(c.Assignments(u.Code)) > 0 {
			out = append(out, u)
		}
	}
	return out
}

// UnitCodes returns every unit code, in units.yaml order.
func (c *Catalog) UnitCodes() []string {
	out := make([]string, len(c.Units))
	for i, u := range c.Units {
		out[i] = u.Code
	}
	return out
}

// IndicatorsOf returns the indicators that unit reports.
func (c *Catalog) IndicatorsOf(unit string) []*Indicator {
	var out []*Indicator
	for _, ind := range c.Indicators {
		if ind.Unit == unit {
			out = append(out, ind)
		}
	}
	return out
}

// Indicator returns the indicator with this code, or nil.
func (c *Catalog) Indicator(code string) *Indicator {
	for _, ind := range c.Indicators {
		if ind.Code == code {
			return ind
		}
	}
	return nil
}

// UnitNames returns the full names of unit codes, in order.
func (c *Catalog) UnitNames(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, code := range codes {
		if u := c.byUnit[code]; u != nil {
			out = append(out, u.Name)
		} else {
			out = append(out, code)
		}
	}
	return out
}

// FindUnits returns the codes of the units and groups named in free text
// ("Phòng kinh tế, Phòng văn hóa xã hội"), in the order they appear. Names
// are matched whole, ignoring case, diacritics and punctuation; where names
// overlap the longest wins.
func (c *Catalog) FindUnits(text string) []string {
	words := strings.Fields(vntext.Fold(text))
	var found []string
	for i := 0; i < len(words); {
		best, bestLen := "", 0
		for _, a := range c.aliases {
			n := len(a.words)
			if n > bestLen && i+n <= len(words) && slices.Equal(words[i:i+n], a.words) {
				best, bestLen = a.code, n
			}
		}
		if bestLen == 0 {
			i++
			continue
		}
		if !slices.Contains(found, best) {
			found = append(found, best)
		}
		i += bestLen
	}
	return found
}

// MatchUnit returns the unit whose name or alias is exactly name (ignoring
// case, diacritics and punctuation), or nil.
func (c *Catalog) MatchUnit(name string) *Unit {
	f := vntext.Fold(name)
	for _, a := range c.aliases {
		if a.folded == f {
			return c.byUnit[a.code]
		}
	}
	return nil
}

// Resolve expands unit and group codes into unit codes, in order, each once.
func (c *Catalog) Resolve(codes []string) []string {
	var out []string
	for _, code := range codes {
		if g := c.byGroup[code]; g != nil {
			for _, m := range g.Members {
				if !slices.Contains(out, m) {
					out = append(out, m)
				}
			}
		} else if !slices.Contains(out, code) {
			out = append(out, code)
		}
	}
	return out
}

type alias struct {
	folded string
	words  []string
	code   string
}

func (c *Catalog) index() {
	c.byTask = map[string]*Task{}
	c.byUnit = map[string]*Unit{}
	c.byGroup = map[string]*Group{}
	c.tasks = nil
	c.aliases = nil
	add := func(name, code string) {
		if f := vntext.Fold(name); f != "" {
			c.aliases = append(c.aliases, alias{folded: f, words: strings.Fields(f), code: code})
		}
	}
	for _, u := range c.Units {
		c.byUnit[u.Code] = u
		add(u.Name, u.Code)
		add(u.Short, u.Code)
		for _, a := range u.Aliases {
			add(a, u.Code)
		}
	}
	for _, g := range c.Groups {
		c.byGroup[g.Code] = g
		add(g.Name, g.Code)
		for _, a := range g.Aliases {
			add(a, g.Code)
		}
	}
	slices.SortStableFunc(c.aliases, func(a, b alias) int { return len(b.words) - len(a.words) })
	for _, s := range c.Sections {
		for _, t := range s.Items {
			c.byTask[t.Code] = t
			if !t.Heading {
				c.tasks = append(c.tasks, t)
			}
		}
	}
	var contents, titles, names []string
	for _, t := range c.tasks {
		contents = append(contents, t.Content)
	}
	for _, s := range c.Sections {
		titles = append(titles, s.Title)
	}
	for _, ind := range c.Indicators {
		names = append(names, ind.Name)
	}
	c.taskIndex = vntext.NewIndex(contents...)
	c.sectionIndex = vntext.NewIndex(titles...)
	c.indicatorIndex = vntext.NewIndex(names...)
}

// TaskIndex is the leaf tasks' contents prepared for matching, in Tasks()
// order: TaskIndex().Similarity(q, i) scores against Tasks()[i].
func (c *Catalog) TaskIndex() *vntext.Index { return c.taskIndex }

// SectionIndex is the sections' titles prepared for matching, in order.
func (c *Catalog) SectionIndex() *vntext.Index { return c.sectionIndex }

// IndicatorIndex is the indicators' names prepared for matching, in order.
func (c *Catalog) IndicatorIndex() *vntext.Index { return c.indicatorIndex }

// resolveTasks fills LeadUnits and SupportUnits.
func (c *Catalog) resolveTasks() {
	for _, t := range c.tasks {
		t.LeadUnits = c.Resolve(t.Lead)
		t.SupportUnits, t.Parties = nil, nil
		var support []string
		for _, code := range t.Support {
			if c.byUnit[code] == nil && c.byGroup[code] == nil {
				t.Parties = append(t.Parties, code)
			} else {
				support = append(support, code)
			}
		}
		for _, u := range c.Resolve(support) {
			if !slices.Contains(t.LeadUnits, u) {
				t.SupportUnits = append(t.SupportUnits, u)
			}
		}
	}
}

func (c *Catalog) fingerprint() string {
	h := sha256.New()
	for _, t := range c.tasks {
		fmt.Fprintf(h, "%s\x00%s\x00%v\x00%v\n", t.Code, vntext.Fold(t.Content), t.LeadUnits, t.SupportUnits)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
