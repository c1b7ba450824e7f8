package cycle

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
)

// UnitState is where an expected unit stands for a period: the one state
// consolidate gives it, which every output shows.
type UnitState = consolidate.State

const (
	StateMissing    = consolidate.StateMissing
	StateComplete   = consolidate.StateComplete
	StateIncomplete = consolidate.StateIncomplete
	StateErrors     = consolidate.StateErrors
	StateUnreadable = consolidate.StateUnreadable
)

// FileAccount is one file received, as read.
type FileAccount struct {
	Name   string        // base name in its nhan-ve folder
	Folder period.Period // the period whose nhan-ve holds it
	Path   string
	Unit   string // the unit it is for; "" when it does not say
	// Assigned: the unit is the office's assignment, not read from the file.
	Assigned bool
	Period   period.Period // the form's period; zero when unknown
	// ModTime is when the workspace received the file (its time there).
	ModTime time.Time
	// Saved is when the unit saved it, as the workbook says; zero when it
	// does not say.
	Saved time.Time
	// Readable: the file opened as a workbook (it may still have errors).
	Readable     bool
	SupersededBy string // a newer file of the same unit used instead
	// BesideWorkbook: a PDF or Word file beside the unit's workbook, which
	// is used instead (SupersededBy).
	BesideWorkbook bool
	Problems       []intake.Problem
	Errors         int
	Warnings       int
	// ReplacedBy names the unit's file that replaced this one, sent at
	// ReplacedAt: a newer file (SupersededBy), or a usable file sent after
	// this one had errors. Its problems are then the old file's.
	ReplacedBy string
	ReplacedAt time.Time
}

// UnitAccount is one expected unit for a period.
type UnitAccount struct {
	Unit     *catalog.Unit
	State    UnitState
	Files    []FileAccount
	Received time.Time // the newest of its files
	Tasks    int       // tasks it reported on
	Expected int       // tasks it leads or coordinates
	// MissingTasks are the codes of its tasks on which its usable file
	// says nothing.
	MissingTasks []string
	// MissingParts are, in a half, nine months or a year, the quarters
	// whose form did not come (a form of the period itself counts for all);
	// BrokenParts those of them whose form came with errors.
	MissingParts, BrokenParts []period.Period
}

// Account is the one account of units for a period: every expected unit in
// exactly one state, the files that say no unit (for the office to assign)
// and those that are no unit's report.
type Account struct {
	Period     period.Period
	From, To   time.Time // the period's data dates
	Deadline   time.Time
	Units      []UnitAccount
	Unassigned []FileAccount
	Skipped    []FileAccount
	Report     *consolidate.Report
}

// Count is the number of units in state s.
func (a *Account) Count(s UnitState) int {
	n := 0
	for _, u := range a.Units {
		if u.State == s {
			n++
		}
	}
	return n
}

// Sent counts the units whose report is in (complete or not).
func (a *Account) Sent() int { return a.Count(StateComplete) + a.Count(StateIncomplete) }

// File finds a file of the account by folder and name, with its unit (nil
// for a file of no unit).
func (a *Account) File(folder period.Period, name string) (*FileAccount, *UnitAccount) {
	for i := range a.Units {
		for j := range a.Units[i].Files {
			if f := &a.Units[i].Files[j]; f.Folder == folder && f.Name == name {
				return f, &a.Units[i]
			}
		}
	}
	for _, list := range [][]FileAccount{a.Unassigned, a.Skipped} {
		for i := range list {
			if list[i].Folder == folder && list[i].Name == name {
				return &list[i], nil
			}
		}
	}
	return nil, nil
}

// Account reads every file received for p (Folders(p)) with the office's
// assignments, as a build of the report would, and says where each expected
// unit stands, with its files, their times and their problems.
func (w *Workspace) Account(c *catalog.Catalog, p period.Period) *Account {
	// The lock covers the list of files and assignments only: reading
	// (kept in the workspace's cache) holds up no request about another
	// file or period.
	w.files.Lock()
	req := w.request(p, time.Time{})
	w.files.Unlock()
	subs := intake.ReadAll(req.In, c, intakeOptions(req))
	r := consolidate.Build(c, p, subs)
	a := &Account{Period: p, From: p.From(), To: p.To(), Deadline: forms.Deadline(c, p), Report: r}

	problems := map[string][]intake.Problem{}
	for _, pr := range r.Problems {
		problems[pr.File] = append(problems[pr.File], pr)
	}
	byUnit := map[string][]FileAccount{}
	for _, s := range subs {
		f := FileAccount{
			Name: filepath.Base(s.Path), Path: s.Path, Unit: s.Unit, Period: s.Period, ModTime: s.ModTime, Saved: s.Saved,
			Readable: s.Sheet != "" || len(s.Rows)+len(s.Unmatched)+len(s.Indicators) > 0, SupersededBy: s.SupersededBy, BesideWorkbook: s.BesideWorkbook(),
			Problems: problems[s.Path],
		}
		f.Folder, _ = period.Parse(filepath.Base(filepath.Dir(filepath.Dir(s.Path))))
		for file := range req.UnitOf {
			f.Assigned = f.Assigned || intake.SameFileName(file, s.Path)
		}
		for _, pr := range f.Problems {
			if pr.Severity == intake.SeverityError {
				f.Errors++
			} else {
				f.Warnings++
			}
		}
		u := c.Unit(s.Unit)
		switch {
		case s.Unit == "" && f.Errors == 0 && !hasContent(s):
			a.Skipped = append(a.Skipped, f)
		case u == nil || !slices.Contains(c.ReportingUnits(), u):
			a.Unassigned = append(a.Unassigned, f)
		default:
			byUnit[u.Code] = append(byUnit[u.Code], f)
		}
	}

	for _, st := range r.Units {
		ua := UnitAccount{Unit: st.Unit, Files: byUnit[st.Unit.Code], Expected: st.Expected, Tasks: st.Tasks}
		for _, f := range ua.Files {
			if f.ModTime.After(ua.Received) {
				ua.Received = f.ModTime
			}
		}
		ua.State, ua.MissingTasks = st.State, st.MissingTasks
		ua.MissingParts, ua.BrokenParts = st.MissingParts, st.BrokenParts
		markReplaced(ua.Files, r.Replaced)
		a.Units = append(a.Units, ua)
	}
	return a
}

// markReplaced says which of a unit's files a later one replaced, as the
// report decides it (consolidate.Report.Replaced): its problems are the
// old file's, kept out of the account's counts.
func markReplaced(files []FileAccount, replaced map[string]string) {
	for i := range files {
		f := &files[i]
		by, ok := replaced[f.Path]
		if !ok {
			continue
		}
		f.ReplacedBy = filepath.Base(by)
		for _, g := range files {
			if g.Path == by {
				f.ReplacedAt = g.ModTime
			}
		}
	}
}

func hasContent(s *intake.Submission) bool {
	return len(s.Rows)+len(s.Unmatched)+len(s.Indicators) > 0
}

// intakeOptions are those BuildReport reads with.
func intakeOptions(req ReportRequest) intake.Options {
	// A report of a longer period reads its quarterly forms as parts.
	return intake.Options{UnitOf: req.UnitOf, Period: req.Period, Cache: req.Cache}
}

// Report builds p's report, summary and reminder from what the workspace
// received, with their PDFs where LibreOffice is installed, into Root/P/
// as «baocao report --out Root» does. One build of a period runs at a time:
// another is a *BusyError.
func (w *Workspace) Report(ctx context.Context, s *Sources, p period.Period, now time.Time) (*ReportResult, error) {
	unlock, err := w.Lock(p)
	if err != nil {
		return nil, err
	}
	defer unlock()
	w.files.Lock()
	req := w.request(p, now)
	w.files.Unlock()
	return s.BuildReport(ctx, req)
}

// Reminder writes p's reminder letter to the units not yet in (and its
// PDF), whatever came in so far; under the same one-build rule as Report.
func (w *Workspace) Reminder(ctx context.Context, s *Sources, p period.Period, now time.Time) (*ReportResult, error) {
	unlock, err := w.Lock(p)
	if err != nil {
		return nil, err
	}
	defer unlock()
	w.files.Lock()
	req := w.request(p, now)
	w.files.Unlock()
	return s.BuildReminder(ctx, req)
}

// Output is a file a build wrote for a period.
type Output struct {
	Path    string
	Name    string
	Label   string // what it is, in Vietnamese
	ModTime time.Time
}

// Outputs lists the outputs of p that are in the workspace, in the order
// report, attachment, the office's workbook, reminder, then their PDFs.
func (w *Workspace) Outputs(p period.Period) []Output {
	var names []string
	for _, k := range outputKinds {
		names = append(names, k.stem+"-"+p.String()+k.ext)
	}
	for _, k := range outputKinds {
		names = append(names, k.stem+"-"+p.String()+".pdf")
	}
	var out []Output
	for _, name := range names {
		path := filepath.Join(w.PeriodDir(p), name)
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			out = append(out, Output{Path: path, Name: name, Label: OutputLabel(name), ModTime: fi.ModTime()})
		}
	}
	return out
}

var outputKinds = []struct{ stem, ext, label string }{
	{"bao-cao", ".docx", "Báo cáo"},
	{"tong-hop", ".xlsx", "Bảng tổng hợp"},
	{"kiem-tra", ".xlsx", "Bảng kiểm tra của văn phòng"},
	{"don-doc", ".docx", "Công văn đôn đốc"},
}

// OutputLabel names an output file for the page: "Báo cáo (Word)",
// "Bảng tổng hợp (PDF)"; the name itself for any other file.
func OutputLabel(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	kind := map[string]string{".docx": "Word", ".xlsx": "Excel", ".pdf": "PDF"}[ext]
	for _, k := range outputKinds {
		if strings.HasPrefix(name, k.stem+"-") && kind != "" {
			return k.label + " (" + kind + ")"
		}
	}
	return name
}
