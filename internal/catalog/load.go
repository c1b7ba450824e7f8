package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"baocao/internal/vntext"
)

// The data files, relative to the data folder.
const (
	PlanFile       = "plan.yaml"
	TasksFile      = "tasks.yaml"
	UnitsFile      = "units.yaml"
	IndicatorsFile = "indicators.yaml"
)

// DataError is a mistake in a data file, worded for the person who edits it.
type DataError struct {
	File string // path of the file
	Line int    // 1-based; 0 when the whole file is at fault
	Msg  string // Vietnamese
}

func (e *DataError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s, dòng %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every mistake found in the data files, in file order.
type Errors []*DataError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Load reads and checks the data files in dir. On mistakes it returns an
// Errors value listing all of them.
func Load(dir string) (*Catalog, error) {
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, Errors{{File: dir, Msg: "không tìm thấy thư mục dữ liệu kế hoạch. Kiểm tra tùy chọn --data (thư mục chứa plan.yaml, tasks.yaml, units.yaml, indicators.yaml)."}}
	}
	return LoadFS(os.DirFS(dir), dir)
}

// LoadFS reads and checks the data files at the root of fsys: a folder, or
// the copies built into the program. dir names the place in messages.
func LoadFS(fsys fs.FS, dir string) (*Catalog, error) {
	c := &Catalog{Dir: dir}
	var errs Errors
	l := loader{fsys: fsys, dir: dir, errs: &errs}

	var pf planFile
	l.decode(PlanFile, &pf)
	var tf tasksFile
	l.decode(TasksFile, &tf)
	var uf unitsFile
	l.decode(UnitsFile, &uf)
	var inf indicatorsFile
	l.decode(IndicatorsFile, &inf)
	if len(errs) > 0 {
		return nil, errs
	}

	c.Plan = pf.plan()
	for _, u := range uf.Units {
		// No governing_body: the People's Committee, as for its offices;
		// governing_body: "": none, the unit is headed by its own name.
		body := c.Plan.Issuer + " " + c.Plan.Commune
		if u.GoverningBody != nil {
			body = strings.ToUpper(strings.Join(strings.Fields(vntext.Clean(*u.GoverningBody)), " "))
		}
		c.Units = append(c.Units, &Unit{Code: u.Code.Value, Name: vntext.Clean(u.Name), Short: vntext.Clean(u.Short), Aliases: u.Aliases, Indicators: u.Indicators, GoverningBody: body, Called: vntext.Clean(u.Called), OutsideAuthority: u.OutsideAuthority})
	}
	for _, g := range uf.Groups {
		c.Groups = append(c.Groups, &Group{Code: g.Code.Value, Name: vntext.Clean(g.Name), Aliases: g.Aliases, Members: values(g.Members)})
	}
	for _, s := range tf.Sections {
		sec := &Section{Code: s.Code.Value, Title: vntext.Clean(s.Title), ShortTitle: vntext.Clean(s.ShortTitle)}
		codes := map[string]bool{}
		for _, t := range s.Tasks {
			sec.Items = append(sec.Items, &Task{
				Code: t.Code.Value, Section: s.Code.Value, Heading: t.Heading, Content: vntext.Clean(t.Content), ShortTitle: vntext.Clean(t.ShortTitle),
				Lead: values(t.Lead), LeadText: vntext.Clean(t.LeadText.Value), Support: values(t.Support), SupportText: vntext.Clean(t.SupportText.Value),
				Product: vntext.Clean(t.Product), Timing: vntext.Clean(t.Timing), TimingMissing: t.TimingMissing,
			})
		}
		// An item's heading is its code less the last part (II.3.b.1 is
		// an item of II.3.b), written above it in the same section.
		for _, t := range sec.Items {
			if p := parentCode(t.Code); p != sec.Code && codes[p] {
				t.Parent = p
			}
			codes[t.Code] = true
		}
		c.Sections = append(c.Sections, sec)
	}
	for _, ind := range inf.Indicators {
		decimals, _ := decimalsOf(ind.Measure)
		if ind.Decimals != nil {
			decimals = *ind.Decimals
		}
		c.Indicators = append(c.Indicators, &Indicator{Code: ind.Code.Value, Name: vntext.Clean(ind.Name), Measure: ind.Measure, Unit: ind.Unit.Value, Kind: ind.Kind, Decimals: decimals})
	}
	if inf.Targets.oldForm {
		inf.Targets.entries = append(inf.Targets.entries, oldRatio(inf)...)
	}
	for _, t := range inf.Targets.entries {
		c.Targets = append(c.Targets, &Target{
			Kind: t.Kind.Value, Task: t.Task.Value, Name: vntext.Clean(t.Name),
			Part: t.Part.Value, Whole: t.Whole.Value, Indicator: t.Indicator.Value,
			Percent: t.Percent, MinPercent: t.MinPercent, MaxPercent: t.MaxPercent, Value: t.Value, ByYear: t.ByYear,
		})
	}

	var notes Errors
	v := validator{dir: dir, errs: &errs, notes: &notes}
	v.check(pf, tf, uf, inf)
	if len(errs) > 0 {
		return nil, errs
	}
	if c.Plan.LocalKind == "" {
		c.Plan.LocalKind = localKindOf(c.Plan.CommuneName)
	}
	if date, month, year, err := parseDate(pf.Plan.Date.Value); err == nil && month != 0 {
		c.Plan.Date, c.Plan.Month, c.Plan.Year = date, month, year
	}
	c.index()
	// What the appendix wrote in the unit columns must name the units the
	// codes give: checked once the names are indexed.
	v.checkTexts(c, tf)
	c.Notes = append(notes, v.sameGroups(uf)...)
	if len(errs) > 0 {
		return nil, errs
	}
	c.resolveTasks()
	c.Fingerprint = c.fingerprint()
	return c, nil
}

type loader struct {
	fsys fs.FS
	dir  string
	errs *Errors
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// decode reads one file strictly (unknown keys are mistakes) into v.
func (l loader) decode(name string, v any) {
	path := filepath.Join(l.dir, name)
	data, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		msg := "không đọc được tệp dữ liệu: " + err.Error()
		if errors.Is(err, fs.ErrNotExist) {
			msg = "không tìm thấy tệp dữ liệu. Kiểm tra tùy chọn --data (thư mục chứa plan.yaml, tasks.yaml, units.yaml, indicators.yaml)."
		}
		*l.errs = append(*l.errs, &DataError{File: path, Msg: msg})
		return
	}
	data, derr := text(path, data)
	if derr != nil {
		*l.errs = append(*l.errs, derr)
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil && err != io.EOF {
		*l.errs = append(*l.errs, yamlErrors(path, err)...)
	}
}

// yamlErrors turns yaml.v3's English errors into located Vietnamese ones.
func yamlErrors(path string, err error) []*DataError {
	var texts []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		texts = te.Errors
	} else {
		texts = []string{err.Error()}
	}
	var out []*DataError
	for _, t := range texts {
		t = strings.TrimPrefix(t, "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(t); m != nil {
			line, _ = strconv.Atoi(m[1])
			t = m[2]
		}
		out = append(out, &DataError{File: path, Line: line, Msg: yamlMessage(t)})
	}
	return out
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type`)
	badValue     = regexp.MustCompile("^cannot unmarshal !!(\\w+) `?([^`]*)`? into (\\S+)")
	bareType     = regexp.MustCompile(`^cannot unmarshal !!(\w+) into (\S+)`)
)

func yamlMessage(t string) string {
	if strings.Contains(t, "[]catalog.targetEntry") {
		return "targets phải là một danh sách mục tiêu, mỗi mục bắt đầu bằng «- kind:» (" + strings.Join(TargetKinds, ", ") +
			"); dạng cũ «capital_share:», «growth_share:» cần viết lại thành «- kind: capital_share», «- kind: growth_share» (xem mẫu: baocao init THƯ_MỤC_MỚI ghi ra bản indicators.yaml có sẵn)"
	}
	if m := bareType.FindStringSubmatch(t); m != nil {
		return fmt.Sprintf("giá trị không đúng kiểu (cần %s)", kindName(m[2]))
	}
	if m := unknownField.FindStringSubmatch(t); m != nil {
		return fmt.Sprintf("khóa «%s» không có trong mẫu dữ liệu (viết sai tên khóa?)", m[1])
	}
	if m := badValue.FindStringSubmatch(t); m != nil {
		return fmt.Sprintf("giá trị «%s» không đúng kiểu (cần %s)", m[2], kindName(m[3]))
	}
	return "lỗi cú pháp YAML (" + t + "); kiểm tra thụt lề bằng dấu cách và dấu hai chấm sau mỗi khóa"
}

func kindName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "một danh sách"
	case goType == "bool":
		return "true hoặc false"
	case goType == "int" || goType == "float64":
		return "một số"
	case goType == "string":
		return "một chuỗi chữ"
	}
	return "một nhóm khóa"
}

// located is a scalar with the line it was written on, so that checks made
// after decoding can still point at the line.
type located struct {
	Value string
	Line  int
}

func (l *located) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: cannot unmarshal !!%s into string", n.Line, strings.TrimPrefix(n.ShortTag(), "!!"))}}
	}
	l.Value, l.Line = strings.TrimSpace(n.Value), n.Line
	return nil
}

func values(ls []located) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Value
	}
	return out
}

// The files' shapes.

type planFile struct {
	Issuer         string  `yaml:"issuer"`
	Kind           located `yaml:"local_kind"`
	Commune        string  `yaml:"commune"`
	CommuneName    located `yaml:"commune_name"`
	Place          string  `yaml:"place"`
	Collector      located `yaml:"collector"`
	Province       string  `yaml:"province"`
	ReportSuffix   string  `yaml:"report_suffix"`
	ReminderSuffix string  `yaml:"reminder_suffix"`
	Plan           struct {
		Kind   string  `yaml:"kind"`
		Number string  `yaml:"number"`
		Suffix string  `yaml:"suffix"`
		Date   located `yaml:"date"`
		Month  int     `yaml:"month"`
		Year   int     `yaml:"year"`
		Issuer string  `yaml:"issuer"`
		Title  string  `yaml:"title"`
		// ShortTitle is what the report's summary line calls the plan.
		ShortTitle string `yaml:"short_title"`
	} `yaml:"plan"`
	Grounds      []string `yaml:"grounds"`
	DeadlineDays int      `yaml:"deadline_days"`
	// A pointer, so that an absent line takes the default.
	ReminderDays *int `yaml:"reminder_days"`
	Signer       struct {
		Authority string `yaml:"authority"`
		Title     string `yaml:"title"`
		Name      string `yaml:"name"`
	} `yaml:"signer"`
	Recipients []string `yaml:"recipients"`
}

func (pf planFile) plan() Plan {
	p := Plan{
		Issuer: vntext.Clean(pf.Issuer), Commune: vntext.Clean(pf.Commune), CommuneName: vntext.Clean(pf.CommuneName.Value),
		LocalKind: vntext.Clean(pf.Kind.Value), Collector: pf.Collector.Value,
		Place: vntext.Clean(pf.Place), Province: vntext.Clean(pf.Province),
		ReportSuffix: pf.ReportSuffix, ReminderSuffix: pf.ReminderSuffix,
		Kind: vntext.Clean(pf.Plan.Kind), Number: pf.Plan.Number, Suffix: pf.Plan.Suffix,
		Month: pf.Plan.Month, Year: pf.Plan.Year, PlanIssuer: vntext.Clean(pf.Plan.Issuer), Title: vntext.Clean(pf.Plan.Title), ShortTitle: vntext.Clean(pf.Plan.ShortTitle),
		Grounds: pf.Grounds, DeadlineDays: pf.DeadlineDays, ReminderDays: DefaultReminderDays,
		Authority: vntext.Clean(pf.Signer.Authority), SignerTitle: pf.Signer.Title, SignerName: vntext.Clean(pf.Signer.Name),
		Recipients: pf.Recipients,
	}
	if pf.ReminderDays != nil {
		p.ReminderDays = *pf.ReminderDays
	}
	return p
}

type tasksFile struct {
	Sections []struct {
		Code       located     `yaml:"code"`
		Title      string      `yaml:"title"`
		ShortTitle string      `yaml:"short_title"`
		Tasks      []taskEntry `yaml:"tasks"`
	} `yaml:"sections"`
}

type taskEntry struct {
	Code          located   `yaml:"code"`
	Heading       bool      `yaml:"heading"`
	Content       string    `yaml:"content"`
	ShortTitle    string    `yaml:"short_title"`
	Lead          []located `yaml:"lead"`
	LeadText      located   `yaml:"lead_text"`
	Support       []located `yaml:"support"`
	SupportText   located   `yaml:"support_text"`
	Product       string    `yaml:"product"`
	Timing        string    `yaml:"timing"`
	TimingMissing bool      `yaml:"timing_missing"`
}

type unitsFile struct {
	Units []struct {
		Code       located  `yaml:"code"`
		Name       string   `yaml:"name"`
		Short      string   `yaml:"short"`
		Aliases    []string `yaml:"aliases"`
		Indicators bool     `yaml:"indicators"`
		// A pointer, so that "" (no governing body) differs from absent.
		GoverningBody    *string `yaml:"governing_body"`
		OutsideAuthority bool    `yaml:"outside_authority"`
		// Called is how the report calls the unit once named in full.
		Called string `yaml:"called"`
	} `yaml:"units"`
	Groups []struct {
		Code    located   `yaml:"code"`
		Name    string    `yaml:"name"`
		Aliases []string  `yaml:"aliases"`
		Members []located `yaml:"members"`
	} `yaml:"groups"`
}

type indicatorsFile struct {
	Indicators []struct {
		Code     located `yaml:"code"`
		Name     string  `yaml:"name"`
		Measure  string  `yaml:"measure"`
		Unit     located `yaml:"unit"`
		Kind     string  `yaml:"kind"`
		Decimals *int    `yaml:"decimals"`
	} `yaml:"indicators"`
	Targets targetList `yaml:"targets"`
}

// targetList is the plan's targets: a list of kinds, or the earlier
// version's mapping of two kinds («capital_share:», «growth_share:»),
// read as the list it stands for.
type targetList struct {
	entries []targetEntry
	oldForm bool
	line    int
}

// UnmarshalYAML takes the decoding function (the older interface), so
// that unknown keys stay mistakes inside the targets too.
func (tl *targetList) UnmarshalYAML(unmarshal func(any) error) error {
	err := unmarshal(&tl.entries)
	var te *yaml.TypeError
	if err == nil || !errors.As(err, &te) || len(te.Errors) != 1 || !strings.Contains(te.Errors[0], "!!map into []catalog.targetEntry") {
		return err
	}
	tl.entries = nil
	var old struct {
		CapitalShare *targetEntry `yaml:"capital_share"`
		GrowthShare  *targetEntry `yaml:"growth_share"`
	}
	if err := unmarshal(&old); err != nil {
		return err
	}
	tl.oldForm = true
	for _, e := range []struct {
		kind  string
		entry *targetEntry
	}{{TargetCapitalShare, old.CapitalShare}, {TargetGrowthShare, old.GrowthShare}} {
		if e.entry == nil {
			continue
		}
		// The kind's own line is the one above its first field.
		line := 0
		for _, l := range []int{e.entry.Task.Line, e.entry.Part.Line, e.entry.Whole.Line} {
			if l > 0 && (line == 0 || l-1 < line) {
				line = l - 1
			}
		}
		e.entry.Kind = located{Value: e.kind, Line: line}
		if tl.line == 0 || line > 0 && line-1 < tl.line {
			tl.line = max(line-1, 1)
		}
		tl.entries = append(tl.entries, *e.entry)
	}
	return nil
}

type targetEntry struct {
	Kind       located `yaml:"kind"`
	Task       located `yaml:"task"`
	Name       string  `yaml:"name"`
	Part       located `yaml:"part"`
	Whole      located `yaml:"whole"`
	Indicator  located `yaml:"indicator"`
	Percent    float64 `yaml:"percent"`
	MinPercent float64 `yaml:"min_percent"`
	MaxPercent float64 `yaml:"max_percent"`
	Value      float64 `yaml:"value"`
	ByYear     int     `yaml:"by_year"`
}

// oldRatio is the overdue ratio that the earlier version gave in code, as
// the target that gives it now, when the old targets' indicators have it.
func oldRatio(inf indicatorsFile) []targetEntry {
	has := map[string]bool{}
	for _, ind := range inf.Indicators {
		has[ind.Code.Value] = true
	}
	for _, t := range inf.Targets.entries {
		if t.Kind.Value == TargetRatio {
			return nil
		}
	}
	if !has["NO-QUA-HAN"] || !has["TONG-DU-NO"] {
		return nil
	}
	return []targetEntry{{Kind: located{Value: TargetRatio}, Name: "Tỷ lệ nợ quá hạn trên tổng dư nợ",
		Part: located{Value: "NO-QUA-HAN"}, Whole: located{Value: "TONG-DU-NO"}}}
}

// parentCode is code less its last part: "II.3.b" for "II.3.b.1", "IV" for
// "IV.1".
func parentCode(code string) string {
	if i := strings.LastIndexByte(code, '.'); i > 0 {
		return code[:i]
	}
	return ""
}

// DateLayout is the form of dates the data files are written with:
// dd/mm/yyyy. parseDate also reads what an office types by hand.
const DateLayout = "02/01/2006"

var (
	// numericDate is d/m/yyyy, with "/", "-" or "." between the parts.
	numericDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	// isoDate is yyyy-mm-dd, which YAML itself reads as a date.
	isoDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	// wordDate is a date in words, folded (no punctuation): «ngày 12
	// tháng 10 năm 2025», maybe after the place («Xốp, ngày …»); the day
	// may be left blank («ngày   tháng 9 năm 2025», «tháng 9 năm 2025»).
	wordDate = regexp.MustCompile(`^(?:[a-z ]*?\s)?(?:ngay(?:\s(\d{1,2}))?\s)?thang\s(\d{1,2})\snam\s(\d{4})$`)
)

// parseDate reads a date of the data files; "" is no date. It takes
// dd/mm/yyyy and what an office types by hand: 5/9/2025, 05-09-2025 and
// «ngày 12 tháng 10 năm 2025». A date in words with the day left blank
// («tháng 9 năm 2025») gives the zero time and its month and year.
func parseDate(s string) (t time.Time, month, year int, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, 0, 0, nil
	}
	var d, m, y string
	if g := numericDate.FindStringSubmatch(s); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else if g := isoDate.FindStringSubmatch(s); g != nil {
		d, m, y = g[3], g[2], g[1]
	} else if g := wordDate.FindStringSubmatch(vntext.Fold(s)); g != nil {
		d, m, y = g[1], g[2], g[3]
	} else {
		return time.Time{}, 0, 0, errors.New("not a date")
	}
	month, _ = strconv.Atoi(m)
	year, _ = strconv.Atoi(y)
	if month < 1 || month > 12 {
		return time.Time{}, 0, 0, errors.New("no such month")
	}
	if d == "" {
		return time.Time{}, month, year, nil
	}
	day, _ := strconv.Atoi(d)
	t = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if day < 1 || t.Day() != day {
		return time.Time{}, 0, 0, errors.New("no such day")
	}
	return t, month, year, nil
}

// localKindOf is the kind of local body that a name in running text
// starts with ("xã Xốp" -> "xã"), or "".
func localKindOf(name string) string {
	f := vntext.Fold(name)
	for _, k := range LocalKinds {
		if fk := vntext.Fold(k); f == fk || strings.HasPrefix(f, fk+" ") {
			return k
		}
	}
	return ""
}
