// Package consolidate turns the period's submissions into the report's data
// model: per task what its lead units reported and what each coordinating
// unit contributed, the documents issued, difficulties and proposals with
// their units, the tasks nobody reported on, the units that sent nothing,
// the rows that matched no task, every problem found, and the credit
// indicators with the plan's targets.
package consolidate

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
	"baocao/internal/vntext"
)

// Report is everything the Word report and the Excel summary show.
type Report struct {
	Period  period.Period
	Catalog *catalog.Catalog

	Sections   []Section
	Units      []UnitStatus // every expected unit, in units.yaml order
	Unmatched  []Unmatched  // rows of used files that matched no task
	Problems   []intake.Problem
	Indicators []IndicatorLine
	Targets    []TargetCheck
	// FiguresAsOf are the dates the indicators stand at.
	FiguresAsOf FigureDates

	Difficulties []Attributed
	Proposals    []Attributed

	// Notes are sentences about how the report was made (a yearly report
	// built from quarterly forms, files left out).
	Notes []string
	// PartsNote is the one sentence saying which quarterly forms a longer
	// period's report uses for which units, and which quarters are
	// missing; "" when every unit sent the period's own form.
	PartsNote string

	// Deadline, when set, is the reminder's deadline instead of the plan's.
	Deadline time.Time

	UsedFiles     int
	ExcludedFiles int
	SkippedFiles  int // files that are no unit's report (lock files, our summary)
	// Replaced maps each file a newer file of its unit replaced (a usable
	// file sent later, or after a file with errors) to that file. Such a
	// file is «đã thay bằng tệp mới», not an error: its problems are not
	// counted in Errors and Warnings, and every output says so alike.
	Replaced map[string]string
	// LeftOutWithErrors counts the files left out for their errors (or
	// their period), not replaced.
	LeftOutWithErrors int
	// Errors and Warnings count the problems of the files not replaced.
	Errors   int
	Warnings int
}

// Section is one section of the plan with its tasks' results.
type Section struct {
	Code  string
	Title string
	Tasks []TaskResult
}

// TaskResult is what was reported on one task.
type TaskResult struct {
	Task *catalog.Task
	// Headings are the group headings to show above the task, outermost
	// first: those of its headings not shown above an earlier task.
	Headings []*catalog.Task
	// Status derives from the lead units' statuses: all alike gives that
	// status; differing ones give the least advanced, with Disagreement set.
	Status       forms.Status
	Disagreement bool
	Lead         []Contribution // lead units that reported on it
	Support      []Contribution // coordinating units that reported on it
	// Others are units that reported on a task that is not theirs.
	Others       []Contribution
	Documents    []Attributed
	Difficulties []Attributed
	Proposals    []Attributed
	// NextTasks are what units plan for the next period on the task.
	NextTasks []Attributed
	// SilentLeads are lead units that sent a file but said nothing on this
	// task, or sent no file at all.
	SilentLeads []string
}

// Reported tells whether some unit filled the task in: a status or a
// result. A row with only a note or a document counts as no report.
func (t TaskResult) Reported() bool {
	for _, list := range [][]Contribution{t.Lead, t.Support, t.Others} {
		for _, c := range list {
			if c.Filled() {
				return true
			}
		}
	}
	return false
}

// Filled tells whether the unit gave a status or a result.
func (c Contribution) Filled() bool {
	return filledRow(intake.Row{Status: c.Status, StatusText: c.StatusText, Results: c.Results})
}

// Contribution is one unit's row on a task.
type Contribution struct {
	Unit       string
	UnitName   string
	Role       catalog.Role
	Status     forms.Status
	StatusText string
	// StatusWords are the unit's words that the report shows beside the
	// status (intake.Row.StatusWords).
	StatusWords string
	Results     string
	Documents   string
	Notes       string
	File        string
	Sheet       string
	Row         int
	// Period is the form's period when it differs from the report's (a
	// quarterly form used for a yearly report).
	Period string
}

// Attributed is a piece of text with the unit (and task) it comes from.
type Attributed struct {
	Unit     string
	UnitName string
	Task     string
	Text     string
}

// State is where an expected unit stands for the period: exactly one of
// these, the same in every output (console, report, summary, reminder,
// page).
type State int

const (
	StateMissing    State = iota // nothing came from the unit
	StateComplete                // a usable file, filled in on every task of the unit
	StateIncomplete              // a usable file, some of its tasks not filled in
	StateErrors                  // only files with errors: the unit is asked to resend
	StateUnreadable              // only files that are no workbook (a PDF, a Word file)
)

// String words the state as every output does.
func (s State) String() string {
	switch s {
	case StateComplete:
		return "đã gửi đủ nhiệm vụ"
	case StateIncomplete:
		return "đã gửi, thiếu nhiệm vụ"
	case StateErrors:
		return "gửi tệp có lỗi"
	case StateUnreadable:
		return "gửi tệp không đọc được"
	}
	return "chưa gửi"
}

// Sent tells the states in which the unit's report is in the period's report.
func (s State) Sent() bool { return s == StateComplete || s == StateIncomplete }

// UnitStatus says what one expected unit sent.
type UnitStatus struct {
	State State
	Unit  *catalog.Unit
	File  string // the file used, as intake.ShownName names it; "" when none
	// Received is the file's modification time: when the office's page
	// received it (its workspace writes the file then), or when a file
	// given to report --in was copied, which is no receipt.
	Received time.Time
	// Saved is when the unit's workbook was last saved, as the file says
	// itself; zero when it does not say.
	Saved    time.Time
	Period   string // the form's period, when it differs from the report's
	Tasks    int    // tasks it reported on
	Expected int    // tasks it leads or coordinates
	Errors   int
	Warnings int
	// Excluded: the unit sent a file, but it had errors and was left out.
	Excluded bool
	// Tasks the unit leads or coordinates, for the reminder letter.
	Assignments []catalog.Assignment
	// MissingTasks are the codes of its tasks that its usable file does not
	// fill in (no status, no result).
	MissingTasks []string
	// Problem is, for a unit whose file was left out, the first error of
	// that file, worded with its place: the reminder says it.
	Problem string
	// Parts are the periods of the forms used when they are not the
	// report's own (quarterly forms for a yearly report), and MissingParts
	// those of the report's quarters that did not come.
	Parts, MissingParts []period.Period
	// BrokenParts are those of the MissingParts whose form came with
	// errors; BrokenFile is the first such file, Problem its first error.
	BrokenParts []period.Period
	BrokenFile  string
}

// Sent tells whether a usable file came from the unit.
func (u UnitStatus) Sent() bool { return u.State.Sent() }

// Unmatched is a row that matched no task, kept verbatim with its place.
type Unmatched struct {
	Unit  string
	File  string
	Sheet string
	Row   int
	Text  string
}

// Options for Build.
type Options struct {
	// Now is the report's date; zero means time.Now().
	Now time.Time
}

// Build consolidates the submissions for period p. Files with errors are
// left out (their problems are kept); so are files of another period, and
// an older file of a unit that sent a newer one.
func Build(c *catalog.Catalog, p period.Period, subs []*intake.Submission) *Report {
	r := &Report{Period: p, Catalog: c}
	for _, s := range subs {
		r.Problems = append(r.Problems, s.Problems...)
	}
	used := r.choose(subs)

	// Index the rows by task and unit; a unit's rows on one task (written
	// twice, or in several quarterly forms) are joined.
	rows := map[key]intake.Row{}
	fileOf := map[key]*intake.Submission{}
	var unitOrder []string
	for _, s := range used {
		if !slices.Contains(unitOrder, s.Unit) {
			unitOrder = append(unitOrder, s.Unit)
		}
		for _, row := range s.Rows {
			if row.Task == "" {
				continue
			}
			if s.Period != p {
				// each part's words say which quarter they are of; a part
				// that gave a status alone says it in its quarter's line
				if strings.TrimSpace(row.Results) == "" && row.Status != forms.StatusUnknown {
					row.Results = row.Status.String() + "."
				}
				row.Results = labelled(s.Period, row.Results)
				// the next period follows the period's last quarter: an
				// earlier quarter's plan is past
				if qs := p.Quarters(); s.Period != qs[len(qs)-1] {
					row.NextTasks = ""
				}
				for _, text := range []*string{&row.Difficulties, &row.Proposals} {
					if nothingSaid(*text) {
						*text = "" // «Không» of one quarter is nothing to join to another's
					} else {
						*text = labelled(s.Period, *text)
					}
				}
			}
			k := key{row.Task, s.Unit}
			if prev, ok := rows[k]; ok {
				row = mergeParts(prev, row)
			}
			rows[k] = row
			fileOf[k] = s
		}
		for _, row := range s.Unmatched {
			r.Unmatched = append(r.Unmatched, Unmatched{Unit: s.Unit, File: s.Path, Sheet: row.Sheet, Row: row.Row, Text: row.Text})
		}
	}

	// Units are named in units.yaml's order, not in the order their files
	// were read.
	rank := map[string]int{}
	for i, u := range c.Units {
		rank[u.Code] = i
	}
	slices.SortStableFunc(unitOrder, func(a, b string) int { return rank[a] - rank[b] })

	for _, sec := range c.Sections {
		out := Section{Code: sec.Code, Title: sec.Title}
		shown := map[string]bool{}
		for _, t := range sec.Items {
			if t.Heading {
				continue
			}
			tr := TaskResult{Task: t}
			for _, h := range c.Headings(t) {
				if !shown[h.Code] {
					shown[h.Code] = true
					tr.Headings = append(tr.Headings, h)
				}
			}
			for _, unit := range unitOrder {
				row, ok := rows[key{t.Code, unit}]
				if !ok {
					continue
				}
				s := fileOf[key{t.Code, unit}]
				contrib := r.contribution(s, row, t.RoleOf(unit))
				switch contrib.Role {
				case catalog.RoleLead:
					tr.Lead = append(tr.Lead, contrib)
				case catalog.RoleSupport:
					tr.Support = append(tr.Support, contrib)
				default:
					tr.Others = append(tr.Others, contrib)
				}
				name := c.Unit(unit).Name
				if !noDocument(row.Documents) {
					tr.Documents = append(tr.Documents, Attributed{unit, name, t.Code, row.Documents})
				}
				if !nothingSaid(row.Difficulties) {
					a := Attributed{unit, name, t.Code, row.Difficulties}
					tr.Difficulties = append(tr.Difficulties, a)
					r.Difficulties = append(r.Difficulties, a)
				}
				for _, p := range splitProposals(row.Proposals) {
					a := Attributed{unit, name, t.Code, p}
					tr.Proposals = append(tr.Proposals, a)
					r.Proposals = append(r.Proposals, a)
				}
				if !nothingSaid(row.NextTasks) {
					tr.NextTasks = append(tr.NextTasks, Attributed{unit, name, t.Code, row.NextTasks})
				}
			}
			sortContributions(tr.Lead, t.LeadUnits)
			sortContributions(tr.Support, t.SupportUnits)
			for _, u := range t.LeadUnits {
				if _, ok := rows[key{t.Code, u}]; !ok {
					tr.SilentLeads = append(tr.SilentLeads, u)
				}
			}
			tr.Status, tr.Disagreement = deriveStatus(tr.Lead)
			out.Tasks = append(out.Tasks, tr)
		}
		r.Sections = append(r.Sections, out)
	}

	r.units(subs, used, rows)
	r.indicators(used, subs)
	r.replaced(subs, used)
	for _, pr := range r.Problems {
		if _, ok := r.Replaced[pr.File]; ok {
			continue
		}
		if pr.Severity == intake.SeverityError {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	return r
}

// choose picks the submissions to use: error-free, of the report's period
// (or, for a yearly report, quarterly forms of that year where a unit sent
// no yearly form), the newest per unit.
func (r *Report) choose(subs []*intake.Submission) []*intake.Submission {
	byUnit := map[string][]*intake.Submission{}
	var order []string
	for _, s := range subs {
		switch {
		case !s.HasErrors() && s.Unit == "" && len(s.Rows)+len(s.Unmatched)+len(s.Indicators) == 0:
			// Not a unit's report at all: an Excel lock file, a hidden
			// file, our own summary. Intake has said so.
			r.SkippedFiles++
			continue
		case s.HasErrors() || s.Unit == "" || r.Catalog.Unit(s.Unit) == nil || s.SupersededBy != "":
			r.ExcludedFiles++
			continue
		case s.ComparedWith != "" || s.SetAsideFor != "":
			// the period before, to compare figures with, or a file the
			// unit sent besides the one used: intake has said so
			r.ExcludedFiles++
			continue
		case s.Period != r.Period && !r.quarterOfYear(s.Period):
			r.ExcludedFiles++
			r.Problems = append(r.Problems, intake.Problem{
				Severity: intake.SeverityError, File: s.Path,
				Message: fmt.Sprintf("tệp là báo cáo %s, không phải %s nên không được đưa vào báo cáo; kiểm tra lại tệp.", s.Period.Name(), r.Period.Name()),
				Fix:     intake.Fix{Kind: intake.FixPeriod, Period: s.Period},
			})
			continue
		}
		if _, ok := byUnit[s.Unit]; !ok {
			order = append(order, s.Unit)
		}
		byUnit[s.Unit] = append(byUnit[s.Unit], s)
	}
	var used []*intake.Submission
	for _, unit := range order {
		list := byUnit[unit]
		// Forms of the report's own period win over quarterly ones.
		var own, quarters []*intake.Submission
		for _, s := range list {
			if s.Period == r.Period {
				own = append(own, s)
			} else {
				quarters = append(quarters, s)
			}
		}
		if len(own) > 0 {
			used = append(used, newest(own))
			r.ExcludedFiles += len(list) - 1
			continue
		}
		// A yearly report from quarterly forms: the newest form per quarter.
		perQuarter := map[period.Period][]*intake.Submission{}
		for _, s := range quarters {
			perQuarter[s.Period] = append(perQuarter[s.Period], s)
		}
		for _, q := range r.Period.Quarters() {
			if l := perQuarter[q]; len(l) > 0 {
				used = append(used, newest(l))
				r.ExcludedFiles += len(l) - 1
			}
		}
	}
	r.UsedFiles = len(used)
	if r.SkippedFiles > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d tệp được bỏ qua vì không phải báo cáo của đơn vị (tệp khóa tạm của Excel, tệp ẩn, hoặc báo cáo, bảng tổng hợp, bảng kiểm tra do baocao lập); xem trang «Kiểm tra» của bảng kiểm tra.", r.SkippedFiles))
	}
	return used
}

// replaced finds the files a newer file of their unit replaced (see
// Report.Replaced), counts the files left out for their errors, and says
// in one note what was left out and why.
func (r *Report) replaced(all, used []*intake.Submission) {
	r.Replaced = map[string]string{}
	for _, s := range all {
		if slices.Contains(used, s) || s.Unit == "" || s.BesideWorkbook() {
			continue
		}
		if s.SupersededBy != "" {
			r.Replaced[s.Path] = s.SupersededBy
			continue
		}
		if !s.HasErrors() {
			continue
		}
		for _, u := range used {
			if u.Unit == s.Unit && (u.Period == s.Period || s.Period.IsZero()) && !intake.Later(s, u) {
				r.Replaced[s.Path] = u.Path
				break
			}
		}
	}
	withErrors := map[string]bool{}
	for _, pr := range r.Problems {
		if _, ok := r.Replaced[pr.File]; !ok && pr.Severity == intake.SeverityError && !slices.ContainsFunc(used, func(s *intake.Submission) bool { return s.Path == pr.File }) {
			withErrors[pr.File] = true
		}
	}
	r.LeftOutWithErrors = len(withErrors)
	if r.ExcludedFiles == 0 {
		return
	}
	var parts []string
	if n := r.LeftOutWithErrors; n > 0 {
		parts = append(parts, fmt.Sprintf("%d tệp có lỗi", n))
	}
	if n := len(r.Replaced); n > 0 {
		parts = append(parts, fmt.Sprintf("%d tệp đã thay bằng tệp mới", n))
	}
	if n := r.ExcludedFiles - r.LeftOutWithErrors - len(r.Replaced); n > 0 {
		parts = append(parts, fmt.Sprintf("%d tệp khác (tệp kỳ trước để đối chiếu, tệp PDF cạnh tệp Excel của đơn vị…)", n))
	}
	r.Notes = append(r.Notes, fmt.Sprintf("%d tệp không được đưa vào báo cáo: %s; xem trang «Kiểm tra» của bảng kiểm tra.", r.ExcludedFiles, strings.Join(parts, ", ")))
}

func (r *Report) quarterOfYear(p period.Period) bool {
	return p.PartOf(r.Period)
}

func newest(list []*intake.Submission) *intake.Submission {
	best := list[0]
	for _, s := range list[1:] {
		if s.ModTime.After(best.ModTime) {
			best = s
		}
	}
	return best
}

func (r *Report) contribution(s *intake.Submission, row intake.Row, role catalog.Role) Contribution {
	c := Contribution{
		Unit: s.Unit, UnitName: r.Catalog.Unit(s.Unit).Name, Role: role,
		Status: row.Status, StatusText: row.StatusText, StatusWords: row.StatusWords,
		Results: row.Results, Documents: row.Documents, Notes: row.Notes,
		File: filepath.Base(s.Path), Sheet: row.Sheet, Row: row.Row,
	}
	if s.Period != r.Period {
		c.Period = s.Period.Name()
	}
	return c
}

// labelled prefixes a quarterly form's text with its quarter, for a report
// over a longer period: "Quý I năm 2026: ...".
func labelled(p period.Period, text string) string {
	if text == "" {
		return ""
	}
	name := p.Name()
	return strings.ToUpper(name[:1]) + name[1:] + ": " + text
}

// sortContributions orders contributions as the units are listed for the task.
func sortContributions(cs []Contribution, order []string) {
	sort.SliceStable(cs, func(i, j int) bool {
		return slices.Index(order, cs[i].Unit) < slices.Index(order, cs[j].Unit)
	})
}

// mergeParts joins a unit's rows on one task: from one form (the task
// written twice) or from the parts of a long period, in order. The texts
// are kept, each part's labelled; the status is the most advanced any part
// gave ("Hoàn thành" in quarter I stays so for the year), and "Không phát
// sinh trong kỳ" only when every part says so.
func mergeParts(earlier, later intake.Row) intake.Row {
	status, text := earlier.Status, earlier.StatusText
	merged := earlier.Merge(later)
	if partRank[later.Status] > partRank[status] {
		status, text = later.Status, later.StatusText
	}
	merged.Status, merged.StatusText = status, text
	return merged
}

// partRank orders statuses across the parts of a period.
var partRank = map[forms.Status]int{
	forms.StatusUnknown:       0,
	forms.StatusNotApplicable: 1,
	forms.StatusNotStarted:    2,
	forms.StatusInProgress:    3,
	forms.StatusDone:          4,
}

// progress ranks statuses from least to most advanced.
var progress = map[forms.Status]int{
	forms.StatusUnknown:       0,
	forms.StatusNotStarted:    1,
	forms.StatusInProgress:    2,
	forms.StatusDone:          3,
	forms.StatusNotApplicable: 4,
}

// deriveStatus gives a task's status from its lead units' rows: the same
// status when they agree; otherwise the least advanced one that is known
// ("not applicable" only counts when every lead says so), with disagreement
// flagged. A lead whose words could not be read as a status ("chưa
// xong", "cơ bản hoàn thành") has not said it is done: the task is then
// not Hoàn thành (nor Không phát sinh) on the others' word, but unclear.
func deriveStatus(lead []Contribution) (forms.Status, bool) {
	var known []forms.Status
	unclear := false
	for _, c := range lead {
		if c.Status != forms.StatusUnknown {
			known = append(known, c.Status)
		} else if c.StatusWords != "" {
			unclear = true
		}
	}
	if len(known) == 0 {
		return forms.StatusUnknown, false
	}
	if unclear && !slices.ContainsFunc(known, func(s forms.Status) bool { return progress[s] < progress[forms.StatusDone] }) {
		return forms.StatusUnknown, true
	}
	best := known[0]
	disagree := false
	for _, s := range known[1:] {
		if s != best {
			disagree = true
		}
		if progress[s] < progress[best] || best == forms.StatusNotApplicable {
			if s != forms.StatusNotApplicable {
				best = s
			}
		}
	}
	return best, disagree
}

// key indexes rows by task and unit.
type key struct{ task, unit string }

func (r *Report) units(all, used []*intake.Submission, rows map[key]intake.Row) {
	usedBy := map[string][]*intake.Submission{}
	for _, s := range used {
		usedBy[s.Unit] = append(usedBy[s.Unit], s)
	}
	for _, u := range r.Catalog.ReportingUnits() {
		st := UnitStatus{Unit: u, Assignments: r.Catalog.Assignments(u.Code)}
		st.Expected = len(st.Assignments)
		if list := usedBy[u.Code]; len(list) > 0 {
			var names []string
			for _, s := range list {
				names = append(names, intake.ShownName(s.Path))
				if s.ModTime.After(st.Received) {
					st.Received = s.ModTime
				}
				if s.Saved.After(st.Saved) {
					st.Saved = s.Saved
				}
				if s.Period != r.Period {
					st.Parts = append(st.Parts, s.Period)
				}
				e, w := s.Counts()
				st.Errors += e
				st.Warnings += w
			}
			st.File = strings.Join(names, ", ")
			var parts []string
			for _, q := range st.Parts {
				parts = append(parts, q.Name())
			}
			st.Period = strings.Join(parts, ", ")
			if len(st.Parts) > 0 {
				for _, q := range r.Period.Quarters() {
					if !slices.Contains(st.Parts, q) {
						st.MissingParts = append(st.MissingParts, q)
					}
				}
			}
			// A quarter's form left out for its errors: the unit is told
			// which and why, and asked for it again.
			for _, s := range all {
				if s.Unit != u.Code || !s.HasErrors() || !slices.Contains(st.MissingParts, s.Period) {
					continue
				}
				e, w := s.Counts()
				st.Errors += e
				st.Warnings += w
				if !slices.Contains(st.BrokenParts, s.Period) {
					st.BrokenParts = append(st.BrokenParts, s.Period)
				}
				if st.Problem == "" {
					st.Problem, st.BrokenFile = firstError(s), intake.ShownName(s.Path)
				}
			}
			for _, a := range st.Assignments {
				row, ok := rows[key{a.Task.Code, u.Code}]
				if ok && filledRow(row) {
					st.Tasks++
				} else if !slices.Contains(st.MissingTasks, a.Task.Code) {
					st.MissingTasks = append(st.MissingTasks, a.Task.Code)
				}
			}
			// A quarter missing from a longer period is as a task left
			// blank: the report is not whole, the unit is reminded.
			st.State = StateComplete
			if len(st.MissingTasks) > 0 || len(st.MissingParts) > 0 {
				st.State = StateIncomplete
			}
		} else {
			// Files of the unit that were left out: with errors, or no
			// workbook at all.
			readable := false
			for _, s := range all {
				if s.Unit != u.Code || !s.HasErrors() {
					continue
				}
				st.File, st.Received, st.Saved, st.Excluded = intake.ShownName(s.Path), s.ModTime, s.Saved, true
				readable = readable || s.Sheet != "" || len(s.Rows)+len(s.Unmatched)+len(s.Indicators) > 0
				e, w := s.Counts()
				st.Errors += e
				st.Warnings += w
				if st.Problem == "" {
					st.Problem = firstError(s)
				}
			}
			switch {
			case !st.Excluded:
				st.State = StateMissing
			case readable:
				st.State = StateErrors
			default:
				st.State = StateUnreadable
			}
		}
		r.Units = append(r.Units, st)
	}
	// Units that used the same quarters are named together.
	var parts []string
	unitsOf := map[string][]string{}
	for _, u := range r.Units {
		if u.Sent() && len(u.Parts) > 0 {
			var used, miss []string
			for _, q := range u.Parts {
				used = append(used, quarterWord(q))
			}
			for _, q := range u.MissingParts {
				miss = append(miss, quarterWord(q))
			}
			which := strings.Join(used, ", ")
			if len(miss) > 0 {
				which += "; thiếu " + strings.Join(miss, ", ")
			}
			if _, ok := unitsOf[which]; !ok {
				parts = append(parts, which)
			}
			unitsOf[which] = append(unitsOf[which], u.Unit.Name)
		}
	}
	for i, which := range parts {
		parts[i] = strings.Join(unitsOf[which], ", ") + " (" + which + ")"
	}
	if len(parts) > 0 {
		r.PartsNote = fmt.Sprintf("Đơn vị chưa gửi biểu %s được tổng hợp từ biểu quý năm %d: %s.", r.Period.Name(), r.Period.Year, strings.Join(parts, "; "))
		r.Notes = append([]string{r.PartsNote}, r.Notes...)
	}
}

// filledRow tells a row that gives a status or a result.
func filledRow(row intake.Row) bool {
	return row.Status != forms.StatusUnknown || strings.TrimSpace(row.StatusText) != "" || strings.TrimSpace(row.Results) != ""
}

// NotOver says, when the report is made on day now before its period's
// data end, that its figures are an estimate; "" once the period is over.
func (r *Report) NotOver(now time.Time) string {
	end := r.Period.To()
	if time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, end.Location()).After(end) {
		return ""
	}
	return fmt.Sprintf("Kỳ %s chưa kết thúc: số liệu tính đến ngày %s, báo cáo lập ngày %s nên là số ước thực hiện. Lập lại sau ngày %s để có số liệu cả kỳ.",
		r.Period.Name(), period.ShortDate(end), period.ShortDate(now), period.ShortDate(end))
}

// firstError is a file's first error, worded with its place; "" when it
// has none.
func firstError(s *intake.Submission) string {
	for _, p := range s.Problems {
		if p.Severity == intake.SeverityError {
			if place := p.Place(); place != "" {
				return place + ": " + p.Message
			}
			return p.Message
		}
	}
	return ""
}

// StateSentence words a unit's state with what it means for the unit, the
// one sentence every output uses: "đã gửi, thiếu nhiệm vụ: V.7, VI.1".
func StateSentence(u UnitStatus) string {
	text := upperFirst(u.State.String())
	switch u.State {
	case StateIncomplete:
		// tasks left blank, or quarters missing, said by PartsSentence
		if len(u.MissingTasks) > 0 {
			text += ": " + strings.Join(u.MissingTasks, ", ")
		} else {
			text = "Đã gửi"
		}
		// which quarters, then why one was left out
		if len(u.Parts) > 0 {
			text += "; " + PartsSentence(u)
		}
		if u.Problem != "" && len(u.BrokenParts) > 0 {
			text += fmt.Sprintf(". %s (tệp «%s») có lỗi: %s", upperFirst(quarterWords(u.BrokenParts)), u.BrokenFile, strings.TrimSuffix(u.Problem, "."))
		}
		return text
	case StateErrors:
		text += " (" + u.File + "), đề nghị gửi lại"
		if u.Problem != "" {
			text += ": " + u.Problem
		}
	case StateUnreadable:
		text += " (" + u.File + "), đề nghị gửi lại tệp Excel"
	}
	if u.State.Sent() && len(u.Parts) > 0 {
		text += "; " + PartsSentence(u)
	}
	return text
}

// StateBrief words a unit's state for the report that goes up: what it
// means, without the file's name or its mistakes, which are for the clerk
// and the unit (the console, the summary, the reminder).
func StateBrief(u UnitStatus) string {
	switch u.State {
	case StateIncomplete:
		var missing []string
		if len(u.MissingTasks) > 0 {
			missing = append(missing, "thiếu nhiệm vụ "+strings.Join(u.MissingTasks, ", "))
		}
		if len(u.MissingParts) > 0 {
			missing = append(missing, "thiếu biểu "+quarterWords(u.MissingParts))
		}
		return "đã gửi, " + strings.Join(missing, "; ")
	case StateErrors:
		return "gửi biểu có lỗi, chưa tổng hợp được"
	case StateUnreadable:
		return "gửi tệp không phải biểu mẫu Excel, chưa tổng hợp được"
	}
	return u.State.String()
}

// PartsSentence says which quarterly forms of a unit a longer period's
// report uses and which quarters are missing: "dùng biểu quý I năm 2026,
// quý II năm 2026, thiếu quý III, quý IV"; "" when it uses the period's own.
func PartsSentence(u UnitStatus) string {
	if len(u.Parts) == 0 {
		return ""
	}
	var names []string
	for _, q := range u.Parts {
		names = append(names, q.Name())
	}
	text := "dùng biểu " + strings.Join(names, ", ")
	if len(u.MissingParts) > 0 {
		var miss []string
		for _, q := range u.MissingParts {
			miss = append(miss, quarterWord(q))
		}
		text += ", thiếu " + strings.Join(miss, ", ")
	}
	return text
}

func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// InState returns the expected units in state st, in units.yaml order.
func (r *Report) InState(st State) []UnitStatus {
	var out []UnitStatus
	for _, u := range r.Units {
		if u.State == st {
			out = append(out, u)
		}
	}
	return out
}

// Missing returns the expected units from which no usable file came.
func (r *Report) Missing() []UnitStatus {
	var out []UnitStatus
	for _, u := range r.Units {
		if !u.Sent() {
			out = append(out, u)
		}
	}
	return out
}

// Reported counts the expected units that sent a usable file.
func (r *Report) Reported() int { return len(r.Units) - len(r.Missing()) }

// TasksCovered counts the tasks that some unit reported on.
func (r *Report) TasksCovered() (covered, total int) {
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			total++
			if t.Reported() {
				covered++
			}
		}
	}
	return covered, total
}

// Unreported returns the tasks nobody reported on.
func (r *Report) Unreported() []*catalog.Task {
	var out []*catalog.Task
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			if !t.Reported() {
				out = append(out, t.Task)
			}
		}
	}
	return out
}

// nothingWords are the words of a cell that says there is nothing to say:
// "Không có khó khăn, vướng mắc", "Không có đề xuất, kiến nghị gì".
var nothingWords = map[string]bool{
	"kho": true, "khan": true, "vuong": true, "mac": true, "kien": true, "nghi": true, "de": true, "xuat": true,
	"y": true, "ton": true, "tai": true, "han": true, "che": true, "gi": true, "va": true, "noi": true, "dung": true,
	"phat": true, "sinh": true, "trong": true, "ky": true, "nao": true, "them": true,
}

// nothingSaid tells a cell that is empty or says there is nothing to say
// ("Không", "Không có.", "Không có khó khăn, vướng mắc", "Kiến nghị:
// không có", "Chưa phát sinh", "-"): the report says nothing rather than
// print it as a difficulty or a proposal. A cell that says what is absent
// ("Không có hộ vay quá hạn", "Chưa có văn bản hướng dẫn") is a finding
// and is kept.
func nothingSaid(s string) bool { return saysNothing(s, nil) }

// noDocument tells a documents cell that says none was issued ("Không có
// văn bản", "Chưa ban hành văn bản nào").
func noDocument(s string) bool {
	return saysNothing(s, map[string]bool{"van": true, "ban": true, "hanh": true, "moi": true})
}

// saysNothing is nothingSaid with more words that add nothing (extra).
func saysNothing(s string, extra map[string]bool) bool {
	words := plainWords(s)
	// a label before the answer: "Khó khăn: không", "Quý I năm 2026: Không"
	if i := strings.IndexByte(s, ':'); i >= 0 {
		if label := plainWords(s[:i]); len(label) > 0 && (labelOnly(label) || len(label) >= 3 && label[0] == "quy" && label[2] == "nam") {
			words = plainWords(s[i+1:])
		}
	}
	no := func(w string) bool { return w == "khong" || w == "k" || w == "ko" || w == "kg" || w == "khg" }
	switch {
	case len(words) == 0:
		return true
	case len(words) == 1 && (no(words[0]) || words[0] == "0"):
		return true
	case !no(words[0]) && !(words[0] == "chua" && len(words) > 1 && (words[1] == "co" || words[1] == "phat" || extra[words[1]])):
		return false
	}
	for _, w := range words[1:] {
		if w != "co" && !nothingWords[w] && !extra[w] {
			return false
		}
	}
	return true
}

// labelOnly tells words that only name a column ("khó khăn, vướng mắc",
// "kiến nghị", "đề xuất").
func labelOnly(words []string) bool {
	for _, w := range words {
		if !nothingWords[w] || w == "gi" || w == "nao" {
			return false
		}
	}
	return true
}

// itemMark is the number or letter a unit put before an item ("1. ", "a) ").
var itemMark = regexp.MustCompile(`^\s*(?:\(?\d{1,2}[.)]|[a-zđ]\))\s*`)

// splitProposals cuts a unit's proposals cell into its proposals, one for
// each line that starts one ("Đề nghị …", "2. Kiến nghị …"), the lines
// under it kept with it, so that each goes to its own addressee. Under a
// heading alone ("Kiến nghị:") each item is one, said with the heading's
// verb. A quarter's label goes with each of its proposals. A cell that
// says nothing gives none.
func splitProposals(s string) []string {
	var out []string
	label, verb := "", ""
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		body := line
		if w := plainWords(line); len(w) >= 4 && w[0] == "quy" && w[2] == "nam" { // "Quý I năm 2026: Đề nghị …"
			if i := strings.IndexByte(line, ':'); i >= 0 {
				label, body = line[:i+1]+" ", strings.TrimSpace(line[i+1:])
			}
		}
		body = itemMark.ReplaceAllString(body, "")
		w := plainWords(body)
		starts := len(w) >= 2 && (w[0] == "de" && (w[1] == "nghi" || w[1] == "xuat") || w[0] == "kien" && w[1] == "nghi")
		switch {
		case starts && len(w) == 2 && strings.HasSuffix(body, ":"):
			verb = strings.TrimSuffix(body, ":") // a heading: its items follow
			continue
		case verb != "" && unbullet(body) != body:
			out = append(out, label+verb+" "+lowerWord(unbullet(body)))
		case starts || len(out) == 0:
			out = append(out, label+body)
			verb = ""
		default:
			out[len(out)-1] += "\n" + line
		}
	}
	kept := out[:0]
	for _, p := range out {
		if !nothingSaid(p) {
			kept = append(kept, p)
		}
	}
	return kept
}

// plainWords are the words of s folded, without punctuation.
func plainWords(s string) []string {
	return strings.FieldsFunc(vntext.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// lowerWord lowers the first letter of a text that goes on after other
// words, unless its first word is an abbreviation ("UBND", "NHCSXH").
func lowerWord(s string) string {
	first, _, _ := strings.Cut(s, " ")
	if n := strings.Count(first, "") - 1; n > 1 && strings.ToUpper(first) == first {
		return s
	}
	return lowerFirst(s)
}

// TaskResult is what was reported on the task with this code; nil for a
// code that is no task of the report (a group heading).
func (r *Report) TaskResult(code string) *TaskResult {
	for i := range r.Sections {
		for j := range r.Sections[i].Tasks {
			if r.Sections[i].Tasks[j].Task.Code == code {
				return &r.Sections[i].Tasks[j]
			}
		}
	}
	return nil
}
