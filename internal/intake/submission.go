package intake

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// Severity tells whether a problem stops the file from being used.
type Severity int

const (
	// SeverityError: the file, or the part named, cannot be used as it is.
	SeverityError Severity = iota
	// SeverityWarning: the file is used; the user should look at the place.
	SeverityWarning
)

// String gives the Vietnamese word printed before a problem.
func (s Severity) String() string {
	if s == SeverityError {
		return "lỗi"
	}
	return "cảnh báo"
}

// Problem is something wrong with a file, located and worded for the user.
type Problem struct {
	Severity Severity
	File     string
	Sheet    string
	// Pos is where within the sheet: a cell, a row, a column, or nothing.
	Pos     Pos
	Message string
	// Fix is what would fix it, worded by each front end (Text).
	Fix Fix
}

// Error formats the problem as "tệp, trang tính «…», ô …: message".
func (p Problem) Error() string {
	if place := p.Place(); place != "" {
		return p.File + ", " + place + ": " + p.Message
	}
	return p.File + ": " + p.Message
}

// Place is the problem's location without the file: "trang tính «…», ô F12".
func (p Problem) Place() string {
	var parts []string
	if p.Sheet != "" {
		parts = append(parts, fmt.Sprintf("trang tính «%s»", p.Sheet))
	}
	if w := p.Pos.Words(); w != "" {
		parts = append(parts, w)
	}
	return strings.Join(parts, ", ")
}

// Row is one row of the unit's table.
type Row struct {
	Sheet string
	Row   int // 1-based, as Excel shows it
	// Task is the code of the matched task, "" when unmatched.
	Task string
	// Match is how the row was matched: "code", "content" or "".
	Match string
	// Confidence is 1 for a code written in full, lower for a code read
	// from its context or a match by content (the similarity).
	Confidence float64
	// Role is what the unit does on the task by the catalog.
	Role catalog.Role
	// Status is the status understood; StatusText what the unit wrote (for
	// columns of one status each marked "x", the marked column's header).
	Status     forms.Status
	StatusText string
	// StatusWords are the unit's own words when the report must show them
	// beside Status: a qualified status ("hoàn thành 80%" is Đang thực
	// hiện) or words not clearly one status (Status is then Unknown). ""
	// when Status says it all.
	StatusWords string
	Results     string
	Documents   string
	// Difficulties, Proposals and Notes are the unit's texts.
	Difficulties string
	Proposals    string
	// NextTasks is what the unit plans for the next period.
	NextTasks string
	Notes     string
	// Text is the row's own text: for unmatched rows everything non-empty,
	// joined with " | ".
	Text string
}

// Merge joins a later row on the same task into r: each text is added on
// a new line (unless the same), and the later status wins when it has one.
func (r Row) Merge(later Row) Row {
	join := func(x, y string) string {
		switch {
		case x == "":
			return y
		case y == "" || x == y:
			return x
		}
		return x + "\n" + y
	}
	r.Results = join(r.Results, later.Results)
	r.Documents = join(r.Documents, later.Documents)
	r.Difficulties = join(r.Difficulties, later.Difficulties)
	r.Proposals = join(r.Proposals, later.Proposals)
	r.NextTasks = join(r.NextTasks, later.NextTasks)
	r.Notes = join(r.Notes, later.Notes)
	if later.Status != forms.StatusUnknown || later.StatusWords != "" {
		r.Status, r.StatusText, r.StatusWords = later.Status, later.StatusText, later.StatusWords
	}
	return r
}

// IndicatorValue is one credit figure read from the indicators sheet.
type IndicatorValue struct {
	Code              string
	Previous, Current *float64
	Sheet             string
	Row               int
	// PreviousCell and CurrentCell are the cells the values come from.
	PreviousCell, CurrentCell Pos
	// Note is what the unit wrote in the row's «Ghi chú» (why a figure
	// moved): it reaches the report beside the figure.
	Note string
}

// Submission is what one file holds.
type Submission struct {
	Path   string
	Unit   string // unit code, "" when unknown
	Period period.Period
	// ModTime is the file's modification time: when the office copied
	// it, more often than when the unit saved it.
	ModTime time.Time
	// Saved is when the workbook was last saved, as it says itself (the
	// document properties that Excel, LibreOffice and WPS set); zero when
	// it does not say.
	Saved time.Time
	// FormDate is the date written on the form ("Xốp, ngày 20 tháng 3 năm
	// 2026" above the signatures); zero when none is written.
	FormDate time.Time
	// Sheet is the sheet the task table was read from.
	Sheet      string
	Rows       []Row
	Unmatched  []Row
	Indicators []IndicatorValue
	// FiguresAsOf are the dates the indicators' two columns stand at, as
	// the unit wrote them above its table or in the columns' headings
	// ("Cuối kỳ trước: số liệu đến ngày 14/12/2025"); zero where it does
	// not say. The report believes them and says them.
	FiguresAsOf struct{ Previous, Current time.Time }
	Problems    []Problem
	// SupersededBy is the path of a newer file of the same unit and period
	// that ReadAll used instead of this one (by Saved, else FormDate, else
	// ModTime); "" when this file is used.
	SupersededBy string
	// ComparedWith is, for a file of the period before the one checked,
	// the path of the same unit's file of the period checked whose figures
	// were compared with it: the file is kept for that and reported on no
	// more than the comparison needs.
	ComparedWith string
	// SetAsideFor is the path of the same unit's file that the report of
	// the period checked uses, when this file is one it does not: of
	// another period (an earlier quarter, last year's form), or a quarter
	// of a period the unit sent its own form for. Not a mistake: a note
	// says so and the file is not used.
	SetAsideFor string
	// otherPeriod is 1 + the index in Problems of the error that the file
	// is of another period than the one checked; 0 when there is none.
	otherPeriod int
	// sentAs names what a unit sent that is no workbook ("tệp PDF",
	// "ảnh"), for a file listed by otherFile; "" for any other file.
	sentAs string
	// zipPath is the zip the file was read from, whose name tells the unit
	// and period when the file's own name does not; "" for a plain file.
	zipPath string
}

// HasErrors tells whether any problem is an error.
func (s *Submission) HasErrors() bool {
	for _, p := range s.Problems {
		if p.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Counts returns the number of errors and warnings.
func (s *Submission) Counts() (errors, warnings int) {
	for _, p := range s.Problems {
		if p.Severity == SeverityError {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Options guide Read.
type Options struct {
	// Unit, when set, is the unit the files are for, whatever they say.
	Unit string
	// UnitOf gives, by file name (without folder, any case), the unit a
	// file is for, whatever it says. It wins over Unit.
	UnitOf map[string]string
	// Period is the period being checked: a file for another period is an
	// error. Zero means unknown: each file's own period is used.
	Period period.Period
	// Context, when set, stops the work: a LibreOffice conversion under
	// way is killed and its temporary files removed, and files not yet
	// read are not read (ReadAll gives them an error saying so).
	Context context.Context
	// Cache, when set, keeps what each file gave (see Cache): ReadAll
	// reads a file again only when it, the data or the options changed.
	Cache *Cache
}

// unitFor is the unit that the options impose on the file at path, or "".
func (o Options) unitFor(path string) string {
	for file, code := range o.UnitOf {
		if SameFileName(file, path) {
			return code
		}
	}
	return o.Unit
}

// SameFileName tells whether the file at path has the given name, in any
// case and any Unicode form: names typed in NFC must find files unpacked
// from a zip made on a Mac, which stores them in NFD.
func SameFileName(name, path string) bool {
	return strings.EqualFold(norm.NFC.String(filepath.Base(name)), norm.NFC.String(filepath.Base(path)))
}

// BesideWorkbook tells a file that is no workbook (a PDF, a Word file, a
// picture) sent by a unit beside its usable workbook, which is used
// instead (SupersededBy): not an older copy, and never read.
func (s *Submission) BesideWorkbook() bool { return s.sentAs != "" && s.SupersededBy != "" }
