package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/cycle"
	"baocao/internal/intake"
	"baocao/internal/period"
)

type checkOptions struct {
	*globalOptions
	period string
	units  []string
	asJSON bool
	in     []string
	paths  []string
}

func newCheckCmd(g *globalOptions) *cobra.Command {
	o := &checkOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "check [--period KỲ] [--unit [TỆP=]MÃ]... [--json] ĐƯỜNG_DẪN...",
		Short: "Kiểm tra các tệp báo cáo đơn vị gửi về, chỉ rõ lỗi ở tệp, trang tính, ô nào",
		Long: `Đọc các tệp Excel đơn vị gửi về (tệp hoặc thư mục; trong thư mục đọc mọi tệp .xlsx, .xlsm,
.xls, và các tệp Excel trong tệp nén .zip), gắn từng dòng với nhiệm vụ của kế hoạch và liệt kê
mọi vấn đề kèm vị trí: tệp, trang tính, ô hoặc dòng, và việc cần làm. Tệp PDF, Word, ảnh, .xlsb
trong thư mục cũng được liệt kê, kèm đơn vị gửi (theo tên tệp) và đề nghị gửi lại tệp Excel. Chỗ
nào chương trình phải tự hiểu lời của đơn vị (tình trạng ghi bằng lời, số liệu kèm đơn vị tính)
đều có cảnh báo ở ô đó. Không sửa tệp nào của đơn vị. Tệp .xls được chuyển sang .xlsx trong một
bản sao tạm nếu máy có LibreOffice.

Mỗi tệp in một dòng: đơn vị, kỳ, số dòng khớp nhiệm vụ, số dòng không khớp, số lỗi và cảnh báo;
sau đó là từng vấn đề. Cuối cùng là dòng tổng cộng.

--period là kỳ đang kiểm tra: tệp của kỳ khác bị báo lỗi; tệp không ghi kỳ được coi là kỳ này.
--unit MÃ buộc mọi tệp được tính cho đơn vị đó; --unit "TỆP=MÃ" chỉ tệp có tên đó (nhắc lại được),
dùng khi tệp không cho biết của đơn vị nào.
--in ĐƯỜNG_DẪN (nhắc lại được) cùng nghĩa với ĐƯỜNG_DẪN viết sau tên lệnh: «baocao check --in
nhan-ve» như «baocao check nhan-ve».

Trạng thái thoát: 0 không tệp nào có lỗi (có thể có cảnh báo); 1 có tệp có lỗi; 2 tham số sai
hoặc tệp dữ liệu có lỗi.`,
		Example: `  baocao check --period 2026-Q1 nhan-ve/
  baocao check ` + exUnit + `-2026-Q1.xlsx
  baocao check --period 2026-Q1 --unit ` + exUnit + ` "Bao cao quy 1.xlsx"
  baocao check --period 2026-Q1 --unit "bao cao quy 1.xlsx=` + exUnit2 + `" nhan-ve/
  baocao check --period 2026-Q1 --json nhan-ve/ > kiem-tra.json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(o.in) > 0 {
				return nil
			}
			return cobra.MinimumNArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = append(append([]string{}, o.in...), args...)
			ctx, stop := interruptible(cmd.Context())
			defer stop()
			return checkRun(ctx, o)
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "`KỲ` báo cáo đang kiểm tra: 2026-Q1 … 2026-Q4, 2026-H1, 2026-H2, 2026-9M, 2026")
	cmd.Flags().StringArrayVar(&o.units, "unit", nil, "tính tệp cho đơn vị có mã này: `MÃ` cho mọi tệp, hoặc \"TỆP=MÃ\" cho tệp có tên đó (nhắc lại được)")
	cmd.Flags().BoolVar(&o.asJSON, "json", false, "in kết quả dạng JSON cho các chương trình khác")
	cmd.Flags().StringArrayVar(&o.in, "in", nil, "`ĐƯỜNG_DẪN` tệp hoặc thư mục cần kiểm tra, như khi viết ngay sau tên lệnh (nhắc lại được)")
	return cmd
}

// intakeOptions turns --period and --unit into intake options, as usage
// errors. A --unit value is either a unit (a code or a name the catalog
// knows) for every file, or "FILE=UNIT" for the files of that name. Report
// reads a whole folder, so it takes only the second form (perFileOnly).
func intakeOptions(c *catalog.Catalog, units []string, per string, perFileOnly bool) (intake.Options, error) {
	var opt intake.Options
	if per != "" {
		p, err := period.Parse(per)
		if err != nil {
			return opt, usageErr("%v", err)
		}
		opt.Period = p
	}
	for _, arg := range units {
		file, unit, perFile := cutLast(arg, "=")
		if !perFile {
			unit = arg
		}
		u, err := resolveUnit(c, unit)
		if err != nil {
			return opt, err
		}
		file = strings.TrimSpace(filepath.Base(strings.TrimSpace(file)))
		switch {
		case perFile && (file == "" || file == "." || file == string(filepath.Separator)):
			return opt, usageErr("--unit «%s»: thiếu tên tệp trước dấu «=». Viết dạng --unit \"tên tệp.xlsx=MÃ\".", arg)
		case perFile:
			if opt.UnitOf == nil {
				opt.UnitOf = map[string]string{}
			}
			opt.UnitOf[file] = u.Code
		case perFileOnly:
			return opt, usageErr("--unit «%s»: lệnh report đọc cả thư mục nên cần nêu tệp nào của đơn vị nào, dạng --unit \"tên tệp.xlsx=%s\".", arg, u.Code)
		case opt.Unit != "" && opt.Unit != u.Code:
			return opt, usageErr("--unit chỉ được nêu một đơn vị cho mọi tệp (đã có %s, thêm %s). Để gán từng tệp, viết dạng --unit \"tên tệp.xlsx=MÃ\".", opt.Unit, u.Code)
		default:
			opt.Unit = u.Code
		}
	}
	return opt, nil
}

// cutLast splits s around the last sep.
func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

func checkRun(ctx context.Context, o *checkOptions) error {
	c, err := loadCatalog(o.globalOptions)
	if err != nil {
		return err
	}
	opt, err := intakeOptions(c, o.units, o.period, false)
	if err != nil {
		return err
	}
	opt.Context = ctx
	subs := intake.ReadAll(o.paths, c, opt)
	if ctx.Err() != nil {
		return stopped("kiểm tra")
	}
	if err := cycle.UnknownUnitFiles(opt.UnitOf, subs); err != nil {
		return err
	}
	account := cycle.CheckAccount(c, opt.Period, subs)
	if o.asJSON {
		if err := writeCheckJSON(o.out, c, subs, account); err != nil {
			return err
		}
	} else {
		writeCheckText(o.out, c, subs, opt.Period)
		// The account of units is for a folder, or a period asked: for
		// one file, every other unit would be "chưa gửi".
		if account != nil && (!opt.Period.IsZero() || anyFolder(o.paths)) {
			writeCheckAccount(o.out, account)
		}
	}
	for _, s := range subs {
		if s.HasErrors() {
			return silentExit(ExitProblems)
		}
	}
	return nil
}

func anyFolder(paths []string) bool {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// writeCheckAccount says, after the files, where each expected unit stands
// for the period, as the report of that period would.
func writeCheckAccount(w io.Writer, r *consolidate.Report) {
	covered, total := r.TasksCovered()
	fmt.Fprintf(w, "\nNếu lập báo cáo %s từ các tệp trên: đơn vị đã gửi %d/%d; nhiệm vụ có báo cáo %d/%d.\n",
		r.Period.Name(), r.Reported(), len(r.Units), covered, total)
	if r.PartsNote != "" {
		fmt.Fprintln(w, r.PartsNote)
	}
	printAccount(w, r)
}

func writeCheckText(w io.Writer, c *catalog.Catalog, subs []*intake.Submission, asked period.Period) {
	withErrors, warnings, superseded := 0, 0, 0
	for _, s := range subs {
		e, wn := s.Counts()
		warnings += wn
		if e > 0 {
			withErrors++
		}
		if s.SupersededBy != "" && !s.BesideWorkbook() {
			superseded++ // an older copy; a PDF beside the workbook is said by intake
		}
		unit := "chưa rõ đơn vị"
		if u := c.Unit(s.Unit); u != nil {
			unit = fmt.Sprintf("%s (%s)", u.Name, u.Code)
		}
		per := "chưa rõ kỳ"
		if !s.Period.IsZero() {
			per = s.Period.Name()
		}
		if s.Period.PartOf(asked) && !s.HasErrors() && s.SetAsideFor == "" {
			per += " (dùng làm một phần của báo cáo " + asked.Name() + ")"
		}
		fmt.Fprintf(w, "%s: %s, %s — %d dòng khớp nhiệm vụ, %d dòng không khớp, %d chỉ tiêu; %d lỗi, %d cảnh báo\n",
			s.Path, unit, per, len(s.Rows), len(s.Unmatched), len(s.Indicators), e, wn)
		for _, p := range s.Problems {
			place := p.Place()
			if place != "" {
				place += ": "
			}
			fmt.Fprintf(w, "  %s: %s%s\n", p.Severity, place, p.Text(intake.CommandLine))
		}
	}
	fmt.Fprintf(w, "\nTổng cộng: %d tệp; %d tệp không có lỗi, %d tệp có lỗi; %d cảnh báo.", len(subs), len(subs)-withErrors, withErrors, warnings)
	if superseded > 0 {
		fmt.Fprintf(w, " %d tệp cũ bị thay bằng tệp mới hơn của cùng đơn vị.", superseded)
	}
	fmt.Fprintln(w)
	if withErrors > 0 {
		fmt.Fprintln(w, "Sửa các lỗi trên (hoặc đề nghị đơn vị gửi lại tệp) rồi chạy lại baocao check.")
	}
}

// The JSON shapes: field names are part of the command-line contract, and
// the README lists them.
type jsonCheck struct {
	Files   []jsonCheckFile `json:"files"`
	Account *jsonAccount    `json:"account,omitempty"`
}

type jsonCheckFile struct {
	Path     string `json:"path"`
	Unit     string `json:"unit"`
	UnitName string `json:"unit_name"`
	Period   string `json:"period"`
	// PartOf is the longer period checked when the file is one of its
	// quarterly forms.
	PartOf       string `json:"part_of,omitempty"`
	SupersededBy string `json:"superseded_by,omitempty"`
	// SetAsideFor is the unit's file used instead when this one is of
	// another period, or a quarter beside the unit's own long-period form.
	SetAsideFor  string          `json:"set_aside_for,omitempty"`
	ComparedWith string          `json:"compared_with,omitempty"`
	Rows         []jsonCheckRow  `json:"rows"`
	Unmatched    []jsonUnmatched `json:"unmatched"`
	Indicators   []jsonIndicator `json:"indicators"`
	Problems     []jsonProblem   `json:"problems"`
}

type jsonCheckRow struct {
	Sheet      string `json:"sheet"`
	Row        int    `json:"row"`
	Task       string `json:"task"`
	Status     string `json:"status"`
	StatusText string `json:"status_text,omitempty"`
	// StatusWords are the unit's own words when they qualify the status
	// or are not clearly one ("hoàn thành 80%"); the report shows them.
	StatusWords  string  `json:"status_words,omitempty"`
	Results      string  `json:"results"`
	Documents    string  `json:"documents"`
	Difficulties string  `json:"difficulties"`
	Proposals    string  `json:"proposals"`
	NextTasks    string  `json:"next_tasks"`
	Notes        string  `json:"notes"`
	Match        string  `json:"match"`
	Confidence   float64 `json:"confidence"`
}

type jsonUnmatched struct {
	Sheet string `json:"sheet"`
	Row   int    `json:"row"`
	Text  string `json:"text"`
}

type jsonIndicator struct {
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	Measure      string   `json:"measure"`
	Previous     *float64 `json:"previous"`
	Current      *float64 `json:"current"`
	Sheet        string   `json:"sheet"`
	Row          int      `json:"row"`
	PreviousCell string   `json:"previous_cell,omitempty"`
	CurrentCell  string   `json:"current_cell,omitempty"`
}

type jsonProblem struct {
	Severity string `json:"severity"`
	Sheet    string `json:"sheet"`
	// Cell is the place as before row and col were added: "F12",
	// "dòng 12", "cột F" or "".
	Cell string `json:"cell"`
	// Row and Col are 1-based; 0 when the place is a whole column (Row)
	// or a whole row (Col), or there is none.
	Row     int    `json:"row"`
	Col     int    `json:"col"`
	Message string `json:"message"`
}

// jsonAccount is the account of units for the period, as the report of
// that period would give it.
type jsonAccount struct {
	Period     string            `json:"period"`
	PeriodName string            `json:"period_name"`
	Units      []jsonAccountUnit `json:"units"`
	Sent       []string          `json:"sent"`
	NotSent    []string          `json:"not_sent"`
	// TasksWithoutReport are the tasks no usable file filled in.
	TasksWithoutReport []string `json:"tasks_without_report"`
	PartsNote          string   `json:"parts_note,omitempty"`
}

type jsonAccountUnit struct {
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	State        string   `json:"state"`
	StateText    string   `json:"state_text"`
	File         string   `json:"file,omitempty"`
	Tasks        int      `json:"tasks"`
	Expected     int      `json:"expected"`
	MissingTasks []string `json:"missing_tasks"`
	Parts        []string `json:"parts,omitempty"`
	MissingParts []string `json:"missing_parts,omitempty"`
	Problem      string   `json:"problem,omitempty"`
}

// stateKeys name the states for scripts.
var stateKeys = map[consolidate.State]string{
	consolidate.StateComplete:   "complete",
	consolidate.StateIncomplete: "incomplete",
	consolidate.StateErrors:     "errors",
	consolidate.StateUnreadable: "unreadable",
	consolidate.StateMissing:    "missing",
}

func writeCheckJSON(w io.Writer, c *catalog.Catalog, subs []*intake.Submission, account *consolidate.Report) error {
	doc := jsonCheck{Files: []jsonCheckFile{}}
	for _, s := range subs {
		f := jsonCheckFile{Path: s.Path, Unit: s.Unit, Period: s.Period.String(), SupersededBy: s.SupersededBy, SetAsideFor: s.SetAsideFor, ComparedWith: s.ComparedWith,
			Rows: []jsonCheckRow{}, Unmatched: []jsonUnmatched{}, Indicators: []jsonIndicator{}, Problems: []jsonProblem{}}
		if account != nil && s.Period.PartOf(account.Period) && s.SetAsideFor == "" {
			f.PartOf = account.Period.String()
		}
		if u := c.Unit(s.Unit); u != nil {
			f.UnitName = u.Name
		}
		for _, r := range s.Rows {
			f.Rows = append(f.Rows, jsonCheckRow{Sheet: r.Sheet, Row: r.Row, Task: r.Task, Status: r.Status.String(), StatusText: r.StatusText, StatusWords: r.StatusWords,
				Results: r.Results, Documents: r.Documents, Difficulties: r.Difficulties, Proposals: r.Proposals, NextTasks: r.NextTasks, Notes: r.Notes,
				Match: r.Match, Confidence: float64(int(r.Confidence*1000+0.5)) / 1000})
		}
		for _, r := range s.Unmatched {
			f.Unmatched = append(f.Unmatched, jsonUnmatched{Sheet: r.Sheet, Row: r.Row, Text: r.Text})
		}
		for _, v := range s.Indicators {
			ind := jsonIndicator{Code: v.Code, Previous: v.Previous, Current: v.Current, Sheet: v.Sheet, Row: v.Row, PreviousCell: v.PreviousCell.Ref(), CurrentCell: v.CurrentCell.Ref()}
			if d := c.Indicator(v.Code); d != nil {
				ind.Name, ind.Measure = d.Name, d.Measure
			}
			f.Indicators = append(f.Indicators, ind)
		}
		for _, p := range s.Problems {
			sev := "warning"
			if p.Severity == intake.SeverityError {
				sev = "error"
			}
			f.Problems = append(f.Problems, jsonProblem{Severity: sev, Sheet: p.Sheet, Cell: p.Pos.String(), Row: p.Pos.Row, Col: p.Pos.Col, Message: p.Text(intake.CommandLine)})
		}
		doc.Files = append(doc.Files, f)
	}
	if account != nil {
		doc.Account = accountJSON(account)
	}
	return writeJSON(w, doc)
}

func accountJSON(r *consolidate.Report) *jsonAccount {
	a := &jsonAccount{Period: r.Period.String(), PeriodName: r.Period.Name(), Units: []jsonAccountUnit{},
		Sent: []string{}, NotSent: []string{}, TasksWithoutReport: []string{}, PartsNote: r.PartsNote}
	for _, u := range r.Units {
		ju := jsonAccountUnit{Code: u.Unit.Code, Name: u.Unit.Name, State: stateKeys[u.State], StateText: consolidate.StateSentence(u),
			File: u.File, Tasks: u.Tasks, Expected: u.Expected, MissingTasks: append([]string{}, u.MissingTasks...), Problem: u.Problem}
		for _, q := range u.Parts {
			ju.Parts = append(ju.Parts, q.String())
		}
		for _, q := range u.MissingParts {
			ju.MissingParts = append(ju.MissingParts, q.String())
		}
		a.Units = append(a.Units, ju)
		if u.Sent() {
			a.Sent = append(a.Sent, u.Unit.Code)
		} else {
			a.NotSent = append(a.NotSent, u.Unit.Code)
		}
	}
	for _, t := range r.Unreported() {
		a.TasksWithoutReport = append(a.TasksWithoutReport, t.Code)
	}
	return a
}
