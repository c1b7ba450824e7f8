package summary

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// The machine-readable part of the attachment: the hidden sheet
// SheetData, so that a province can gather its communes' attachments
// without retyping them. docs/du-lieu-tong-hop.md documents it.
//
// Every row starts with its kind in column A. A row "#kind" names the
// columns of the rows of that kind that follow it (a reader goes by these
// names, never by position, so that a later version may add columns);
// a row "meta" holds one key (B) and its value (C). The first row is
// "schema | baocao/tong-hop | 1".
const (
	DataSchema  = "baocao/tong-hop"
	DataVersion = 2
)

// ProposalsVersion is the first version that carries the upward
// proposals: a file of an earlier version says nothing of them (Data.
// HasProposals is false), which is not the same as having none.
const ProposalsVersion = 2

// Data is what the attachment carries for a machine.
type Data struct {
	Schema  string
	Version int

	// The commune: Issuer "ỦY BAN NHÂN DÂN", Commune "XÃ XỐP", CommuneName
	// "xã Xốp", LocalKind "xã", Province "Quảng Ngãi".
	Issuer, Commune, CommuneName, LocalKind, Province string
	// The plan reported on: PlanReference in full, PlanTitle.
	PlanReference, PlanTitle string
	// The period: Period "2026-Q1", PeriodName "quý I năm 2026", its data
	// dates From and To (Decree 09/2019).
	Period, PeriodName string
	From, To           time.Time

	Tasks      []TaskData
	Indicators []IndicatorData
	Targets    []TargetData
	Units      []UnitData
	// Proposals are the commune's upward proposals (part IV of its
	// report), from version 2.
	Proposals []ProposalData
}

// HasProposals tells whether d's version carries the proposals at all.
func (d *Data) HasProposals() bool { return d.Version >= ProposalsVersion }

// ProposalData is one upward proposal in the commune's name: To the body
// asked («Ngân hàng Chính sách xã hội Việt Nam»; "" when the proposal
// names none), Ask what it asks (the whole proposal, «Đề nghị …», when
// To is ""), Units and Tasks who proposed it on which tasks (codes).
type ProposalData struct {
	To, Ask      string
	Units, Tasks []string
}

// TaskData is one task of the plan (group headings are not tasks).
type TaskData struct {
	Code    string // "IV.1.a"
	Section string // "IV"
	Title   string // short title
	// Status is one of done, in_progress, not_started, not_applicable,
	// unknown (units wrote words that say no status) or none (no unit
	// reported on it); StatusText is the status as the attachment prints it.
	Status, StatusText string
	Lead               []string // lead units' codes
}

// IndicatorData is one credit indicator. A figure not known is nil, and
// its note says why.
type IndicatorData struct {
	Code, Name, Measure string
	Kind                string // stock (a balance at a date) or flow (a turnover)
	// The dates of the figures: a balance is at PreviousTo and CurrentTo
	// (PreviousFrom and CurrentFrom are zero); a turnover is over each
	// span.
	PreviousFrom, PreviousTo, CurrentFrom, CurrentTo time.Time
	Previous, Current, Change, ChangePercent         *float64
	PreviousNote, CurrentNote                        string
	Source                                           string // the reporting unit's code
}

// TargetData is one of the plan's targets as computed for the period.
type TargetData struct {
	Task, Target string
	Actual       *float64
	Met          bool
	Verdict      string
}

// UnitData is one unit's account: State is one of complete, incomplete,
// errors, unreadable, missing (as «baocao check --json» says it).
type UnitData struct {
	Code, Name, State, StateText string
	Tasks, Expected              int
	MissingTasks                 []string
}

var statusCodes = map[forms.Status]string{
	forms.StatusDone: "done", forms.StatusInProgress: "in_progress", forms.StatusNotStarted: "not_started",
	forms.StatusNotApplicable: "not_applicable", forms.StatusUnknown: "unknown",
}

var stateCodes = map[consolidate.State]string{
	consolidate.StateComplete: "complete", consolidate.StateIncomplete: "incomplete", consolidate.StateErrors: "errors",
	consolidate.StateUnreadable: "unreadable", consolidate.StateMissing: "missing",
}

// DataOf is the machine-readable part of r's attachment.
func DataOf(r *consolidate.Report) *Data {
	c := r.Catalog
	p := c.Plan
	d := &Data{
		Schema: DataSchema, Version: DataVersion,
		Issuer: p.Issuer, Commune: p.Commune, CommuneName: p.CommuneName, LocalKind: p.LocalKind, Province: p.Province,
		PlanReference: p.Reference(), PlanTitle: p.Title,
		Period: r.Period.String(), PeriodName: r.Period.Name(), From: r.Period.From(), To: r.Period.To(),
	}
	for _, s := range r.Sections {
		for _, t := range s.Tasks {
			status := statusCodes[t.Status]
			if t.Status == forms.StatusUnknown && !t.Reported() {
				status = "none"
			}
			d.Tasks = append(d.Tasks, TaskData{Code: t.Task.Code, Section: s.Code, Title: strings.TrimRight(t.Task.Title(), ".:;"),
				Status: status, StatusText: t.StatusText(), Lead: c.Resolve(t.Task.LeadUnits)})
		}
	}
	for _, l := range r.Indicators {
		id := IndicatorData{Code: l.Indicator.Code, Name: l.Indicator.Name, Measure: l.Indicator.Measure, Kind: l.Indicator.Kind,
			Previous: excel(l.Previous), Current: excel(l.Current), Change: excel(l.Change), ChangePercent: excel(l.ChangePercent),
			PreviousNote: l.PreviousNote, CurrentNote: l.CurrentNote, Source: l.Indicator.Unit}
		p := r.Period
		if l.Indicator.Kind == consolidate.Flow {
			q := p.Previous()
			id.PreviousFrom, id.PreviousTo, id.CurrentFrom, id.CurrentTo = q.From(), q.To(), p.From(), p.To()
		} else {
			id.PreviousTo, id.CurrentTo = p.From().AddDate(0, 0, -1), p.To()
		}
		d.Indicators = append(d.Indicators, id)
	}
	for _, tc := range r.Targets {
		d.Targets = append(d.Targets, TargetData{Task: tc.Task, Target: tc.Target, Actual: excel(tc.Actual), Met: tc.Met, Verdict: tc.Verdict})
	}
	for _, u := range r.Units {
		d.Units = append(d.Units, UnitData{Code: u.Unit.Code, Name: u.Unit.Name, State: stateCodes[u.State], StateText: consolidate.StateSentence(u),
			Tasks: u.Tasks, Expected: u.Expected, MissingTasks: u.MissingTasks})
	}
	for _, p := range compose.Upward(r) {
		d.Proposals = append(d.Proposals, ProposalData{To: p.To, Ask: p.Ask, Units: p.Units, Tasks: p.Tasks})
	}
	return d
}

// excel is v as a spreadsheet keeps it: 15 significant digits (Excel's
// and LibreOffice's precision), so that what is read back is what DataOf
// gave.
func excel(v *float64) *float64 {
	if v == nil {
		return nil
	}
	x, _ := strconv.ParseFloat(strconv.FormatFloat(*v, 'g', 15, 64), 64)
	return &x
}

// The columns of each kind of row, in the order written.
var (
	taskColumns      = []string{"code", "section", "title", "status", "status_text", "lead"}
	indicatorColumns = []string{"code", "name", "measure", "kind", "previous_from", "previous_to", "previous", "previous_note",
		"current_from", "current_to", "current", "current_note", "change", "change_percent", "source"}
	targetColumns   = []string{"task", "target", "actual", "met", "verdict"}
	unitColumns     = []string{"code", "name", "state", "state_text", "tasks", "expected", "missing_tasks"}
	proposalColumns = []string{"to", "ask", "units", "tasks"}
)

// cellValue is a value to write: a string, a *float64 (nil is blank), an
// int, a bool (1 or 0), a time (yyyy-mm-dd, zero is blank) or a list
// (codes separated by spaces).
func (b *builder) dataRow(row int, values ...any) {
	for i, v := range values {
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := fmt.Sprintf("%s%d", col, row)
		switch v := v.(type) {
		case string:
			if v != "" {
				b.f.SetCellStr(SheetData, cell, b.fit(SheetData, cell, v))
			}
		case *float64:
			if v != nil {
				b.f.SetCellFloat(SheetData, cell, *v, -1, 64)
			}
		case int:
			b.f.SetCellInt(SheetData, cell, int64(v))
		case bool:
			n := 0
			if v {
				n = 1
			}
			b.f.SetCellInt(SheetData, cell, int64(n))
		case time.Time:
			if !v.IsZero() {
				b.f.SetCellStr(SheetData, cell, v.Format(time.DateOnly))
			}
		case []string:
			if len(v) > 0 {
				b.f.SetCellStr(SheetData, cell, strings.Join(v, " "))
			}
		}
	}
}

// data writes the hidden sheet.
func (b *builder) data() error {
	d := DataOf(b.r)
	if _, err := b.f.NewSheet(SheetData); err != nil {
		return err
	}
	row := 1
	next := func(values ...any) {
		b.dataRow(row, values...)
		row++
	}
	header := func(kind string, columns []string) {
		values := []any{"#" + kind}
		for _, c := range columns {
			values = append(values, c)
		}
		next(values...)
	}
	next("schema", d.Schema, d.Version)
	for _, kv := range [][2]any{
		{"issuer", d.Issuer}, {"commune", d.Commune}, {"commune_name", d.CommuneName}, {"local_kind", d.LocalKind},
		{"province", d.Province}, {"plan_reference", d.PlanReference}, {"plan_title", d.PlanTitle},
		{"period", d.Period}, {"period_name", d.PeriodName}, {"from", d.From}, {"to", d.To},
	} {
		next("meta", kv[0], kv[1])
	}
	header("task", taskColumns)
	for _, t := range d.Tasks {
		next("task", t.Code, t.Section, t.Title, t.Status, t.StatusText, t.Lead)
	}
	header("indicator", indicatorColumns)
	for _, i := range d.Indicators {
		next("indicator", i.Code, i.Name, i.Measure, i.Kind, i.PreviousFrom, i.PreviousTo, i.Previous, i.PreviousNote,
			i.CurrentFrom, i.CurrentTo, i.Current, i.CurrentNote, i.Change, i.ChangePercent, i.Source)
	}
	header("target", targetColumns)
	for _, t := range d.Targets {
		next("target", t.Task, t.Target, t.Actual, t.Met, t.Verdict)
	}
	header("unit", unitColumns)
	for _, u := range d.Units {
		next("unit", u.Code, u.Name, u.State, u.StateText, u.Tasks, u.Expected, u.MissingTasks)
	}
	header("proposal", proposalColumns)
	for _, p := range d.Proposals {
		next("proposal", p.To, p.Ask, p.Units, p.Tasks)
	}
	// hidden, not very hidden: whoever opens the file may look
	return b.f.SetSheetVisible(SheetData, false)
}

// ErrNoData is returned by ReadData for a workbook without the
// machine-readable part (not an attachment written by baocao).
var ErrNoData = errors.New("tệp không có trang dữ liệu «" + SheetData + "»: không phải bảng tổng hợp (đính kèm báo cáo) do baocao lập")

// FormatError is a data sheet that cannot be read as this version writes
// it (a bad or later version), worded for the user.
type FormatError struct{ msg string }

func (e *FormatError) Error() string { return e.msg }

// ReadDataFile reads the machine-readable part of the attachment at path.
func ReadDataFile(path string) (*Data, error) {
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: 64 << 20})
	if err != nil {
		return nil, fmt.Errorf("không mở được %s: %w", path, err)
	}
	defer f.Close()
	return ReadData(f)
}

// ReadData reads the machine-readable part of an attachment: every
// version up to DataVersion; columns it does not know are skipped.
func ReadData(f *excelize.File) (*Data, error) {
	if idx, err := f.GetSheetIndex(SheetData); err != nil || idx < 0 {
		return nil, ErrNoData
	}
	rows, err := f.Rows(SheetData)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	d, err := readDataRows(func() ([]string, bool, error) {
		if !rows.Next() {
			return nil, false, nil
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		return cells, true, err
	})
	if err != nil {
		return nil, err
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	return d, nil
}

// readDataRows reads the data sheet's rows, given one by one by next
// (false at the end): the cells' raw values, by column from A.
func readDataRows(next func() ([]string, bool, error)) (*Data, error) {
	d := &Data{}
	columns := map[string][]string{}
	n := 0
	for {
		cells, ok, err := next()
		if !ok && err == nil {
			break
		}
		n++
		if err != nil {
			return nil, fmt.Errorf("trang «%s», dòng %d: %w", SheetData, n, err)
		}
		if len(cells) == 0 || cells[0] == "" {
			continue
		}
		kind := cells[0]
		if n == 1 {
			if kind != "schema" || len(cells) < 3 || cells[1] != DataSchema {
				return nil, ErrNoData
			}
			v, err := strconv.Atoi(cells[2])
			if err != nil || v < 1 {
				return nil, &FormatError{fmt.Sprintf("trang «%s»: phiên bản dữ liệu «%s» không hợp lệ", SheetData, cells[2])}
			}
			if v > DataVersion {
				return nil, &FormatError{fmt.Sprintf("dữ liệu của tệp theo phiên bản %d, chương trình này chỉ đọc được đến phiên bản %d: cập nhật chương trình", v, DataVersion)}
			}
			d.Schema, d.Version = cells[1], v
			continue
		}
		if name, ok := strings.CutPrefix(kind, "#"); ok {
			columns[name] = cells[1:]
			continue
		}
		rec := record{}
		if kind == "meta" {
			if len(cells) >= 3 {
				d.setMeta(cells[1], cells[2])
			}
			continue
		}
		for i, name := range columns[kind] {
			if i+1 < len(cells) {
				rec[name] = cells[i+1]
			}
		}
		switch kind {
		case "task":
			d.Tasks = append(d.Tasks, TaskData{Code: rec["code"], Section: rec["section"], Title: rec["title"],
				Status: rec["status"], StatusText: rec["status_text"], Lead: rec.list("lead")})
		case "indicator":
			d.Indicators = append(d.Indicators, IndicatorData{Code: rec["code"], Name: rec["name"], Measure: rec["measure"], Kind: rec["kind"],
				PreviousFrom: rec.date("previous_from"), PreviousTo: rec.date("previous_to"), Previous: rec.number("previous"), PreviousNote: rec["previous_note"],
				CurrentFrom: rec.date("current_from"), CurrentTo: rec.date("current_to"), Current: rec.number("current"), CurrentNote: rec["current_note"],
				Change: rec.number("change"), ChangePercent: rec.number("change_percent"), Source: rec["source"]})
		case "target":
			d.Targets = append(d.Targets, TargetData{Task: rec["task"], Target: rec["target"], Actual: rec.number("actual"), Met: rec["met"] == "1", Verdict: rec["verdict"]})
		case "unit":
			d.Units = append(d.Units, UnitData{Code: rec["code"], Name: rec["name"], State: rec["state"], StateText: rec["state_text"],
				Tasks: rec.int("tasks"), Expected: rec.int("expected"), MissingTasks: rec.list("missing_tasks")})
		case "proposal":
			d.Proposals = append(d.Proposals, ProposalData{To: rec["to"], Ask: rec["ask"], Units: rec.list("units"), Tasks: rec.list("tasks")})
		}
	}
	if d.Schema == "" {
		return nil, ErrNoData
	}
	return d, nil
}

func (d *Data) setMeta(key, value string) {
	date := func() time.Time { t, _ := time.Parse(time.DateOnly, value); return t }
	switch key {
	case "issuer":
		d.Issuer = value
	case "commune":
		d.Commune = value
	case "commune_name":
		d.CommuneName = value
	case "local_kind":
		d.LocalKind = value
	case "province":
		d.Province = value
	case "plan_reference":
		d.PlanReference = value
	case "plan_title":
		d.PlanTitle = value
	case "period":
		d.Period = value
	case "period_name":
		d.PeriodName = value
	case "from":
		d.From = date()
	case "to":
		d.To = date()
	}
}

// PeriodValue is d's period, parsed.
func (d *Data) PeriodValue() (period.Period, error) { return period.Parse(d.Period) }

// record is one data row by column name.
type record map[string]string

func (r record) number(k string) *float64 {
	if r[k] == "" {
		return nil
	}
	v, err := strconv.ParseFloat(r[k], 64)
	if err != nil {
		return nil
	}
	return &v
}

func (r record) int(k string) int {
	v, _ := strconv.Atoi(r[k])
	return v
}

func (r record) date(k string) time.Time {
	t, _ := time.Parse(time.DateOnly, r[k])
	return t
}

func (r record) list(k string) []string {
	if f := strings.Fields(r[k]); len(f) > 0 {
		return f
	}
	return nil
}
