package web

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/cycle"
	"baocao/internal/intake"
	"baocao/internal/period"
)

// The view models below only arrange what cycle says for the templates.

type pageView struct {
	Commune     string
	Code, Name  string
	Title       string // the name with a capital
	From, To    string
	Deadline    string
	Groups      []choiceGroup
	Workspace   string
	FormsDir    string
	ReceivedDir string
	OutDir      string
	ZipURL      string
	Units       []unitView
	Unassigned  []fileView
	Skipped     []fileView
	SetAside    []fileView   // files the office set aside, to put back
	Choices     []unitChoice // units to assign a file to
	Sent, Total int
	Counts      []stateCount
	Missing     []missingUnit // units with no usable report, the reminder's
	Outputs     []outputView
	// Changes says, when outputs are out of date, what changed since
	// they were made and what to do; "" when they are up to date.
	Changes   string
	MaxMB     int
	MaxFiles  int
	FirstStep string // the step shown first: receiving once a file came
	// TemplateProblem lists the mistakes of a template the office edited:
	// the report cannot be made until they are fixed.
	TemplateProblem string
	account         *cycle.Account
}

type choiceGroup struct {
	Label   string
	Options []choice
}

type choice struct {
	Code, Label string
	Selected    bool
}

type unitChoice struct{ Code, Name string }

type missingUnit struct{ Name, State, Class string }

// partsText says which quarters' forms a unit's row lacks in a longer
// period, before any build.
func partsText(ua cycle.UnitAccount) string {
	var missing, broken []string
	for _, q := range ua.MissingParts {
		if slices.Contains(ua.BrokenParts, q) {
			broken = append(broken, q.Name())
		} else {
			missing = append(missing, q.Name())
		}
	}
	var out []string
	if len(missing) > 0 {
		out = append(out, "Thiếu biểu "+strings.Join(missing, ", "))
	}
	if len(broken) > 0 {
		out = append(out, "Biểu "+strings.Join(broken, ", ")+" có lỗi")
	}
	if len(out) == 0 {
		return ""
	}
	return strings.Join(out, "; ") + "."
}

type stateCount struct {
	Label string
	Class string
	N     int
}

type unitView struct {
	Code, Name   string
	State, Class string
	FormURL      string
	FormName     string
	Lead         int
	Support      int
	Indicators   int
	Tasks        int
	Expected     int
	MissingTasks string
	// MissingParts says, in a longer period, which quarters' forms did not
	// come or came with errors: «Thiếu biểu quý II năm 2026».
	MissingParts string
	Files        []fileView
}

type fileView struct {
	ID         string // for the ids of the page
	Name       string
	URL        string
	Time       string // when the page received it
	Saved      string // when the unit saved it, as the file says; "" unknown
	Folder     string // the period code of the folder that holds it
	FolderName string // when it is another period's folder
	Assigned   bool
	Unit       string
	Superseded string
	// SupersededAt is when the file that replaced this one was received:
	// its problems are kept out of sight behind it.
	SupersededAt string
	Errors       int
	Warnings     int
	Problems     []problemView
	Open         bool // its problems shown at once
	Beside       bool // a PDF or Word file beside the unit's workbook
	Readable     bool
}

type problemView struct {
	Error   bool
	Kind    string
	Place   string
	Message string
}

type outputView struct {
	Label, Name, URL, Time string
	Stale                  bool // made before the files changed
}

var stateClass = map[cycle.UnitState]string{
	cycle.StateComplete:   "du",
	cycle.StateIncomplete: "thieu",
	cycle.StateErrors:     "loi",
	cycle.StateUnreadable: "hong",
	cycle.StateMissing:    "chua",
}

// timeText writes a time as the office reads it: 14:05 05/03/2026.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("15:04 02/01/2006")
}

func (s *Server) view(c *catalog.Catalog, p period.Period) *pageView {
	ws := s.opt.Workspace
	a := ws.Account(c, p)
	now := s.opt.Now()
	current := cycle.CurrentPeriod(c, now)
	v := &pageView{
		Commune: c.Plan.CommuneName, Code: p.String(), Name: p.Name(), Title: upperFirst(p.Name()),
		From: period.ShortDate(a.From), To: period.ShortDate(a.To), Deadline: period.ShortDate(a.Deadline),
		Workspace: ws.Root, FormsDir: ws.FormsDir(p), ReceivedDir: ws.ReceivedDir(p), OutDir: ws.PeriodDir(p),
		ZipURL:   "/mau-bieu/" + p.String() + "/tat-ca.zip",
		MaxMB:    cycle.MaxReceivedSize >> 20,
		MaxFiles: MaxFilesPerRequest,
		account:  a,
	}
	// The period choices: the years around now, and the one shown.
	v.Groups = periodGroups(cycle.PeriodChoices(c.Plan.Year, now), p, current, "kỳ hiện tại")

	for _, u := range c.ReportingUnits() {
		v.Choices = append(v.Choices, unitChoice{u.Code, u.Name})
	}
	for _, ua := range a.Units {
		uv := unitView{
			Code: ua.Unit.Code, Name: ua.Unit.Name, State: upperFirst(ua.State.String()), Class: stateClass[ua.State],
			FormName: filepath.Base(ws.FormPath(p, ua.Unit.Code)),
			Tasks:    ua.Tasks, Expected: ua.Expected, Indicators: len(c.IndicatorsOf(ua.Unit.Code)),
			MissingTasks: strings.Join(ua.MissingTasks, ", "),
		}
		uv.FormURL = "/mau-bieu/" + p.String() + "/" + url.PathEscape(uv.FormName)
		uv.MissingParts = partsText(ua)
		for _, as := range c.Assignments(ua.Unit.Code) {
			if as.Role == catalog.RoleLead {
				uv.Lead++
			} else {
				uv.Support++
			}
		}
		for _, f := range ua.Files {
			uv.Files = append(uv.Files, s.fileView(c, p, f))
		}
		if !ua.State.Sent() {
			v.Missing = append(v.Missing, missingUnit{Name: ua.Unit.Name, State: ua.State.String(), Class: stateClass[ua.State]})
		}
		v.Units = append(v.Units, uv)
	}
	for _, f := range a.Unassigned {
		v.Unassigned = append(v.Unassigned, s.fileView(c, p, f))
	}
	for _, f := range a.Skipped {
		v.Skipped = append(v.Skipped, s.fileView(c, p, f))
	}
	for _, f := range ws.SetAsideFiles(p) {
		fv := fileView{Name: f.Name, Time: timeText(f.ModTime), Folder: f.Folder.String(), Readable: true}
		fv.ID = "rieng-" + idOf(fv.Folder+"/"+f.Name)
		if f.Folder != p {
			fv.FolderName = f.Folder.Name()
		}
		v.SetAside = append(v.SetAside, fv)
	}
	v.Sent, v.Total = a.Sent(), len(a.Units)
	v.FirstStep = "bieu-mau"
	if len(ws.ReceivedFiles(p)) > 0 {
		v.FirstStep = "nhan-tep"
	}
	for _, st := range []cycle.UnitState{cycle.StateComplete, cycle.StateIncomplete, cycle.StateErrors, cycle.StateUnreadable, cycle.StateMissing} {
		v.Counts = append(v.Counts, stateCount{Label: upperFirst(st.String()), Class: stateClass[st], N: a.Count(st)})
	}
	ch := ws.Changes(p)
	for _, o := range ws.Outputs(p) {
		v.Outputs = append(v.Outputs, outputView{Label: o.Label, Name: o.Name, URL: "/ket-qua/" + p.String() + "/" + url.PathEscape(o.Name), Time: timeText(o.ModTime),
			Stale: ch != nil && slices.Contains(ch.Stale, o.Name)})
	}
	v.Changes = changesText(ch)
	return v
}

// changesText says what changed since the outputs out of date were made:
// «Đã nhận tệp mới («VP.xlsx») sau lần lập lúc 01:05 08/12/2026: bấm «Lập
// báo cáo» để cập nhật.»
func changesText(c *cycle.Changes) string {
	if c == nil {
		return ""
	}
	names := func(list []string) string {
		const shown = 3
		var q []string
		for i, n := range list {
			if i == shown {
				q = append(q, fmt.Sprintf("và %d tệp khác", len(list)-shown))
				break
			}
			q = append(q, "«"+n+"»")
		}
		return " (" + strings.Join(q, ", ") + ")"
	}
	var parts []string
	if len(c.Added) > 0 {
		parts = append(parts, "đã nhận tệp mới"+names(c.Added))
	}
	if len(c.Removed) > 0 {
		parts = append(parts, "đã để riêng tệp"+names(c.Removed))
	}
	if len(c.Assigned) > 0 {
		parts = append(parts, "đã gán đơn vị cho tệp"+names(c.Assigned))
	}
	if c.Changed || len(parts) == 0 {
		parts = append(parts, "các tệp đã nhận đã thay đổi")
	}
	return upperFirst(strings.Join(parts, ", ")) + " sau lần lập lúc " + timeText(c.Built) + ": bấm «Lập báo cáo» để cập nhật. Các tệp ghi «cũ» dưới đây chưa tính các thay đổi đó."
}

func (s *Server) fileView(c *catalog.Catalog, p period.Period, f cycle.FileAccount) fileView {
	fv := fileView{
		Name: f.Name, Time: timeText(f.ModTime), Saved: timeText(f.Saved), Folder: f.Folder.String(), Assigned: f.Assigned,
		Errors: f.Errors, Warnings: f.Warnings, Readable: f.Readable,
		URL: "/nhan-ve/" + f.Folder.String() + "/" + url.PathEscape(f.Name),
	}
	fv.ID = "tep-" + idOf(f.Folder.String()+"/"+f.Name)
	if f.Folder != p {
		fv.FolderName = f.Folder.Name()
	}
	if u := c.Unit(f.Unit); u != nil {
		fv.Unit = u.Code
	}
	if f.SupersededBy != "" {
		fv.Superseded = intake.ShownName(f.SupersededBy)
	}
	fv.Beside = f.BesideWorkbook
	if f.ReplacedBy != "" {
		fv.Superseded, fv.SupersededAt = f.ReplacedBy, timeText(f.ReplacedAt)
	}
	for _, pr := range f.Problems {
		fv.Problems = append(fv.Problems, problemView{
			Error: pr.Severity == intake.SeverityError, Kind: upperFirst(pr.Severity.String()),
			Place: upperFirst(pr.Place()), Message: problemText(pr),
		})
	}
	fv.Open = f.Errors > 0 && fv.Superseded == ""
	return fv
}

// idOf makes an HTML id out of any text.
func idOf(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

// fileVerdict says in one sentence what a file stored turned out to be.
func (v *pageView) fileVerdict(folder period.Period, name string) string {
	f, u := v.account.File(folder, name)
	switch {
	case f == nil:
		return "đã lưu; chương trình không đọc tệp loại này."
	case u == nil && f.Errors == 0 && f.Warnings > 0 && !f.Readable:
		return "bỏ qua: " + strings.TrimSuffix(problemText(f.Problems[0]), ".") + "."
	case u == nil && f.Unit == "":
		return "chưa rõ của đơn vị nào: chọn đơn vị ở mục «Tệp chưa rõ đơn vị»."
	case u == nil:
		return "tệp của đơn vị không có trong danh sách báo cáo: chọn đơn vị ở mục «Tệp chưa rõ đơn vị»."
	}
	msg := u.Unit.Name + ": " + u.State.String()
	switch {
	case f.BesideWorkbook:
		msg += "; tệp này không được đọc, đã dùng tệp Excel «" + intake.ShownName(f.SupersededBy) + "» của đơn vị"
	case f.SupersededBy != "":
		msg += "; tệp này không dùng vì đã có tệp mới hơn «" + intake.ShownName(f.SupersededBy) + "»"
	case f.Errors > 0:
		msg += fmt.Sprintf("; tệp có %d lỗi, xem ở dòng của đơn vị", f.Errors)
	case f.Warnings > 0:
		msg += fmt.Sprintf("; %d cảnh báo, xem ở dòng của đơn vị", f.Warnings)
	}
	return msg + "."
}

// fileOutcome is the colour of an upload's line for a file stored.
func (v *pageView) fileOutcome(folder period.Period, name string) string {
	f, u := v.account.File(folder, name)
	switch {
	case f == nil || !f.Readable:
		return "hong"
	case f.Errors > 0 || u == nil:
		return "loi"
	case f.Warnings > 0 || f.SupersededBy != "":
		return "canh-bao"
	}
	return "dung"
}

// resultView is what a build says, as the console says it.
type resultView struct {
	Title    string
	Written  bool
	Files    []outputView
	SetAside []string // earlier outputs kept under a dated name, as the console says
	PDFNote  string
	PlanNote string // what the report leaves blank for the office to fill in Word
	// Unclear are the proposals that name no addressee: part IV keeps
	// them, the clerk is asked to say to whom in the Word file.
	Unclear []string
	Summary string
	Notes   []string
	// LeftOutFiles counts the files left out for their errors (the
	// report's note says how many): the page lists them once, in step 2's
	// rows.
	LeftOutFiles int
	Unmatched    []string
	Warnings     []string
	Time         string
}

// resultView words a build; reminder tells the reminder alone from a report.
func (s *Server) resultView(p period.Period, res *cycle.ReportResult, reminder bool, a *cycle.Account) *resultView {
	r := res.Report
	rv := &resultView{Written: res.Written, SetAside: res.SetAside, PDFNote: res.PDFNote, Warnings: res.Warnings, Time: timeText(s.opt.Now())}
	if res.Written {
		rv.PlanNote = compose.PlanBlanksInWord(res.PlanBlanks)
		for _, p := range r.ProposalsTo(consolidate.AddresseeUnclear) {
			rv.Unclear = append(rv.Unclear, p.UnitName+": "+p.Text)
		}
	}
	switch {
	case res.Written:
		rv.Title = "Đã lập báo cáo " + p.Name()
	case len(res.Files) > 0 && reminder:
		rv.Title = "Đã lập công văn đôn đốc " + p.Name()
	case len(res.Files) > 0:
		rv.Title = "Chưa có tệp nào dùng được nên chưa lập báo cáo " + p.Name() + "; đã lập công văn đôn đốc"
	default:
		rv.Title = "Các đơn vị do Ủy ban nhân dân xã chỉ đạo đã gửi báo cáo dùng được: không cần công văn đôn đốc"
	}
	for _, f := range res.Files {
		name := filepath.Base(f)
		rv.Files = append(rv.Files, outputView{Label: cycle.OutputLabel(name), Name: name, URL: "/ket-qua/" + p.String() + "/" + url.PathEscape(name)})
	}
	// The page's one account: the same count and words as the header's,
	// the errors as the report and its workbook count them (a file a
	// newer one replaced is not in error).
	rv.LeftOutFiles = r.LeftOutWithErrors
	covered, total := r.TasksCovered()
	rv.Summary = fmt.Sprintf("Có báo cáo dùng được: %d/%d đơn vị. Nhiệm vụ có báo cáo: %d/%d. Dòng chưa khớp nhiệm vụ: %d. Lỗi: %d. Cảnh báo: %d.",
		a.Sent(), len(a.Units), covered, total, len(r.Unmatched), r.Errors, r.Warnings)
	rv.Notes = r.Notes
	for _, u := range r.Unmatched {
		rv.Unmatched = append(rv.Unmatched, fmt.Sprintf("%s, trang tính «%s», dòng %d: %s", filepath.Base(u.File), u.Sheet, u.Row, oneLine(u.Text, 110)))
	}
	return rv
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// periodGroups lists choices by year for the period picker, with shown
// among them (selected) and current named by currentLabel.
func periodGroups(choices []period.Period, shown, current period.Period, currentLabel string) []choiceGroup {
	if !slices.Contains(choices, shown) {
		choices = append(choices, shown)
	}
	var groups []choiceGroup
	for _, q := range choices {
		label := fmt.Sprintf("Năm %d", q.Year)
		if len(groups) == 0 || groups[len(groups)-1].Label != label {
			groups = append(groups, choiceGroup{Label: label})
		}
		name := upperFirst(q.Name())
		if q == current {
			name += " (" + currentLabel + ")"
		}
		g := &groups[len(groups)-1]
		g.Options = append(g.Options, choice{Code: q.String(), Label: name, Selected: q == shown})
	}
	return groups
}
