package cycle

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/render"
	"baocao/internal/soffice"
	"baocao/internal/summary"
)

// Sources are what a report is made from: the plan's data and the two Word
// templates.
type Sources struct {
	Catalog  Catalog
	Report   Template
	Reminder Template

	// compiled once, used by every build
	report, reminder *render.Template
}

// TemplateFlags name the options that give the templates, for messages.
const (
	ReportTemplateFlag   = "--template"
	ReminderTemplateFlag = "--reminder-template"
)

// LoadSources loads the plan's data and both templates (each "" to look it
// up, as LoadCatalog and LoadTemplate do) and checks the templates, so that
// a mistake in one is found before any unit's file is read.
func LoadSources(dataDir, reportTemplate, reminderTemplate string) (*Sources, error) {
	c, err := LoadCatalog(dataDir)
	if err != nil {
		return nil, err
	}
	s := &Sources{Catalog: c}
	if s.Report, err = LoadTemplate(reportTemplate, ReportTemplate, ReportTemplateFlag); err != nil {
		return nil, err
	}
	if s.Reminder, err = LoadTemplate(reminderTemplate, ReminderTemplate, ReminderTemplateFlag); err != nil {
		return nil, err
	}
	// both templates are checked before either is reported, so that one
	// run lists every mistake of both
	var errs []error
	if s.report, err = render.CompileFor(s.Report.Data, compose.ReportFields()); err != nil {
		errs = append(errs, err)
	}
	if s.reminder, err = render.CompileFor(s.Reminder.Data, consolidate.ReminderFields()); err != nil {
		errs = append(errs, err)
	}
	switch {
	case s.report == nil && s.reminder == nil:
		return nil, templatesErr([]Template{s.Report, s.Reminder}, errs)
	case s.report == nil:
		return nil, templatesErr([]Template{s.Report}, errs)
	case s.reminder == nil:
		return nil, templatesErr([]Template{s.Reminder}, errs)
	}
	return s, nil
}

// BuiltinNote says, in one sentence, which of the sources are the copies
// built into the program; "" when none is.
func (s *Sources) BuiltinNote() string {
	var parts []string
	if s.Catalog.Builtin {
		parts = append(parts, "dữ liệu kế hoạch")
	}
	if s.Report.Builtin {
		parts = append(parts, "mẫu báo cáo")
	}
	if s.Reminder.Builtin {
		parts = append(parts, "mẫu công văn đôn đốc")
	}
	return builtinSentence(parts)
}

func builtinSentence(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("Dùng %s có sẵn trong chương trình. Muốn sửa cho xã mình: chạy «baocao init» để có bản sao sửa được.", strings.Join(parts, ", "))
}

// maxTemplateLines is the number of distinct template mistakes listed.
const maxTemplateLines = 30

// templateErr words the mistakes of a template for the clerk.
func templateErr(t Template, err error) error { return templatesErr([]Template{t}, []error{err}) }

// templatesErr words the mistakes of templates (one error each) for the
// clerk: every mistake numbered, with its place in Word and what to do,
// then where the guide is.
func templatesErr(ts []Template, errs []error) error {
	var b strings.Builder
	guide := false
	for i, err := range errs {
		if i > 0 {
			b.WriteString("\n")
		}
		var te *render.TemplateError
		if !errors.As(err, &te) {
			fmt.Fprintf(&b, "mẫu %s: %v", ts[i].Path, err)
			continue
		}
		guide = true
		if len(te.Problems) == 1 {
			fmt.Fprintf(&b, "mẫu %s có 1 lỗi, cần sửa trong Word:", ts[i].Path)
		} else {
			fmt.Fprintf(&b, "mẫu %s có %d lỗi, cần sửa trong Word:", ts[i].Path, len(te.Problems))
		}
		// The same mistake at the same place once, with its count; at most
		// maxTemplateLines lines (a document full of «{1}» from another
		// program has thousands).
		type line struct {
			text  string
			count int
		}
		var lines []*line
		seen := map[string]*line{}
		for _, p := range te.Problems {
			text := p.Place() + ": " + p.Message
			if l := seen[text]; l != nil {
				l.count++
				continue
			}
			seen[text] = &line{text, 1}
			lines = append(lines, seen[text])
		}
		for n, l := range lines {
			if n == maxTemplateLines {
				fmt.Fprintf(&b, "\n  … và %d lỗi khác.", len(lines)-n)
				break
			}
			fmt.Fprintf(&b, "\n  %d. %s", n+1, l.text)
			if l.count > 1 {
				fmt.Fprintf(&b, " (%d chỗ như vậy)", l.count)
			}
		}
	}
	if guide {
		b.WriteString("\n" + GuideHelp)
	}
	return &InputError{Msg: b.String()}
}

// ReportRequest is one build of a period's report.
type ReportRequest struct {
	Period period.Period
	In     []string // the folders or files received
	OutDir string   // outputs go to OutDir/<period>/
	Now    time.Time
	// UnitOf assigns files that do not say whose they are: base name to unit code.
	UnitOf map[string]string
	// PDF asks for a PDF of every output, made by LibreOffice (Soffice: its
	// path; "" to look it up).
	PDF     bool
	Soffice string
	// Warm, when set, is a LibreOffice kept running that makes the PDFs
	// (Soffice is then not used).
	Warm *soffice.Warm
	// Deadline, when set, is the reminder's deadline instead of the plan's.
	Deadline time.Time
	// Date, when set, is the date the report bears; zero leaves its day
	// blank for the records clerk (compose.ReportDate).
	Date time.Time
	// FromPage tells that In are the files the office's page received (its
	// workspace keeps when each came), not a folder given to report --in.
	FromPage bool
	// Cache, when set, keeps what each file gave across builds and views
	// (the page's workspace keeps one).
	Cache *intake.Cache
	// Inputs, when not nil, is what the workspace holds for the build
	// (Workspace.inputs), recorded beside the outputs so that the page
	// can say when they are out of date.
	Inputs []string
}

// StoppedError is a build stopped before it wrote anything: the program
// was interrupted (Ctrl+C) or its caller gave up.
type StoppedError struct{ Err error }

func (e *StoppedError) Error() string {
	return "đã dừng trước khi lập xong (bấm Ctrl+C hoặc hết thời gian chờ): chưa ghi tệp nào; LibreOffice đang chạy cho việc này đã được dừng."
}

func (e *StoppedError) Unwrap() error { return e.Err }

// ReportResult is what a build wrote and what it found.
type ReportResult struct {
	Report *consolidate.Report
	// Files are the paths written, in order: report, attachment
	// (tong-hop), the office's workbook (kiem-tra), reminder, then the
	// PDFs of the report, attachment and reminder. Without a usable file
	// only the office's workbook and the reminder are written.
	Files []string
	// Written tells that the report and the attachment were written; false
	// when nothing usable came in.
	Written  bool
	Warnings []string
	// PDFNote says why a PDF asked for was not made, in Vietnamese.
	PDFNote string
	// PlanBlanks are what the plan's data leaves blank that a signed
	// report needs (the plan's number and date, the signer), for each
	// front end to word; none when nothing is.
	PlanBlanks []compose.PlanBlank
	// SetAside says, a sentence a file, which earlier outputs were kept
	// under a dated name: edited by the office, a reminder no longer
	// needed, or the PDF of a document rewritten without its PDF.
	SetAside []string
}

// Dir is the folder a period's outputs go to under outDir.
func Dir(outDir string, p period.Period) string { return filepath.Join(outDir, p.String()) }

// BuildReport reads what came in, consolidates it and writes the period's
// report, summary and reminder (the last only while a unit is missing),
// all whole or none. Errors are an *InputError (a template that fails),
// an *outfile.Error (an output that cannot be written) or internal ones.
func (s *Sources) BuildReport(ctx context.Context, req ReportRequest) (*ReportResult, error) {
	if err := compose.CheckDate(req.Period, req.Date); err != nil {
		return nil, &InputError{Msg: err.Error()}
	}
	progress(ctx, StageRead)
	r, err := s.consolidate(ctx, req)
	if err != nil {
		return nil, err
	}
	progress(ctx, StageWrite)
	res := &ReportResult{Report: r, Written: r.UsedFiles > 0, PlanBlanks: compose.PlanBlanks(r)}
	now := reportDate(req)
	if note := r.NotOver(now); note != "" {
		r.Notes = append([]string{note}, r.Notes...)
	}
	p := req.Period
	dir := Dir(req.OutDir, p)
	var files []outfile.File
	opt := summary.Options{Date: attachmentDate(req.Period, now, req.Date), FromPage: req.FromPage, Roots: req.In}
	if res.Written {
		docx, warnings, err := s.report.Render(compose.Fields(r, compose.Options{Now: now, Date: req.Date}))
		if err != nil {
			return nil, templateErr(s.Report, err)
		}
		xlsx, xwarnings, err := summary.Bytes(r, opt)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(append(res.Warnings, warnings...), xwarnings...)
		files = append(files,
			outfile.File{Path: filepath.Join(dir, "bao-cao-"+p.String()+".docx"), Data: docx},
			outfile.File{Path: filepath.Join(dir, "tong-hop-"+p.String()+".xlsx"), Data: xlsx})
	}
	// The office's own checks, whatever came in: most needed when nothing
	// could be used.
	office, owarnings, err := summary.OfficeBytes(r, opt)
	if err != nil {
		return nil, err
	}
	res.Warnings = append(res.Warnings, owarnings...)
	files = append(files, outfile.File{Path: filepath.Join(dir, summary.OfficeName(p.String())), Data: office})
	if len(r.Urged()) > 0 {
		letter, err := s.reminderFile(res, dir, letterDate(req))
		if err != nil {
			return nil, err
		}
		files = append(files, letter)
	}
	if err := s.write(ctx, req, res, files); err != nil {
		return nil, err
	}
	return res, nil
}

// BuildReminder writes only the period's reminder letter to the units from
// which no usable file came (and its PDF when asked), whatever came in so
// far: the office may send it before any file arrives. Nothing is written
// when every unit is in; Files is then empty. Errors are as BuildReport's.
func (s *Sources) BuildReminder(ctx context.Context, req ReportRequest) (*ReportResult, error) {
	progress(ctx, StageRead)
	r, err := s.consolidate(ctx, req)
	if err != nil {
		return nil, err
	}
	progress(ctx, StageWrite)
	res := &ReportResult{Report: r}
	if len(r.Urged()) == 0 {
		return res, nil
	}
	letter, err := s.reminderFile(res, Dir(req.OutDir, req.Period), letterDate(req))
	if err != nil {
		return nil, err
	}
	if err := s.write(ctx, req, res, []outfile.File{letter}); err != nil {
		return nil, err
	}
	return res, nil
}

// consolidate reads what came in and consolidates it for the period; a
// ctx done stops the reading (LibreOffice included) and the build.
func (s *Sources) consolidate(ctx context.Context, req ReportRequest) (*consolidate.Report, error) {
	opt := intakeOptions(req)
	opt.Context = ctx
	subs := intake.ReadAll(req.In, s.Catalog.Catalog, opt)
	if err := ctx.Err(); err != nil {
		return nil, &StoppedError{Err: err}
	}
	if err := UnknownUnitFiles(req.UnitOf, subs); err != nil {
		return nil, err
	}
	r := consolidate.Build(s.Catalog.Catalog, req.Period, subs)
	r.Deadline = req.Deadline
	return r, nil
}

// attachmentDate is the report's date as its attachment is headed: the
// month and year the report bears (compose.ReportDate), the day left blank.
func attachmentDate(p period.Period, now, given time.Time) time.Time {
	switch d := compose.ReportDate(p, now, given).(type) {
	case time.Time:
		return d
	case render.BlankDay:
		return time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.Local)
	}
	return now
}

// letterDate is the reminder's date: the date the office gives the report,
// else the day it is made (a reminder goes out at once).
func letterDate(req ReportRequest) time.Time {
	if !req.Date.IsZero() {
		return req.Date
	}
	return reportDate(req)
}

func reportDate(req ReportRequest) time.Time {
	if req.Now.IsZero() {
		return time.Now()
	}
	return req.Now
}

// reminderFile renders the reminder letter into dir.
func (s *Sources) reminderFile(res *ReportResult, dir string, now time.Time) (outfile.File, error) {
	r := res.Report
	letter, warnings, err := s.reminder.Render(render.Data(r.ReminderData(now)))
	if err != nil {
		return outfile.File{}, templateErr(s.Reminder, err)
	}
	res.Warnings = append(res.Warnings, warnings...)
	if d := r.ReminderDeadline(now); !r.Deadline.IsZero() && !d.Equal(r.Deadline) {
		res.Warnings = append(res.Warnings, fmt.Sprintf("Hạn gửi %s (--deadline) đã qua so với ngày công văn %s: công văn đôn đốc ghi hạn mới %s.",
			period.ShortDate(r.Deadline), period.ShortDate(now), period.ShortDate(d)))
	}
	return outfile.File{Path: filepath.Join(dir, "don-doc-"+r.Period.String()+".docx"), Data: letter}, nil
}

// write adds the PDFs when asked, keeps what the office edited (and a
// reminder no longer needed, and the PDF of a document written this time
// without one) under dated names, and writes the files and the ledger
// whole or not at all.
func (s *Sources) write(ctx context.Context, req ReportRequest, res *ReportResult, files []outfile.File) error {
	p := req.Period
	dir := Dir(req.OutDir, p)
	made := map[string][]byte{} // a PDF's path -> the document it shows
	if printed := forPrint(files); req.PDF && len(printed) > 0 {
		kept := keptPDFs(dir, printed)
		var convert []outfile.File
		for _, f := range printed {
			if _, ok := kept[f.Path]; !ok {
				convert = append(convert, f)
			}
		}
		var pdfs []outfile.File
		if len(convert) > 0 {
			pdfs, res.PDFNote = toPDF(ctx, req.Soffice, req.Warm, convert)
		}
		byPath := map[string]outfile.File{}
		for _, f := range pdfs {
			byPath[f.Path] = f
		}
		// In the documents' order, whether kept or made now.
		for _, f := range printed {
			pdf, ok := kept[f.Path]
			if !ok {
				pdf, ok = byPath[pdfPath(f.Path)]
			}
			if ok {
				files = append(files, pdf)
				made[pdf.Path] = f.Data
			}
		}
	}
	var stale []string
	if len(res.Report.Urged()) == 0 {
		reminder := filepath.Join(dir, "don-doc-"+p.String())
		stale = []string{reminder + ".docx", reminder + ".pdf"}
	}
	kept, err := writeKept(req.OutDir, dir, files, made, stale, "mọi đơn vị đã gửi", req.Inputs)
	res.SetAside = kept
	if err != nil {
		return err
	}
	for _, f := range files {
		res.Files = append(res.Files, f.Path)
	}
	return nil
}

// forPrint are the files that get a PDF: those that are sent or signed
// (the report, the attachment, the reminder), not the office's own
// workbook.
func forPrint(files []outfile.File) []outfile.File {
	var out []outfile.File
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f.Path), "kiem-tra-") {
			out = append(out, f)
		}
	}
	return out
}
