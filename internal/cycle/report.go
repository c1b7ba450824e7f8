package cycle

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"baocao/internal/consolidate"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/render"
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
	if s.report, err = render.Compile(s.Report.Data); err != nil {
		return nil, templateErr(s.Report, err)
	}
	if s.reminder, err = render.Compile(s.Reminder.Data); err != nil {
		return nil, templateErr(s.Reminder, err)
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

func templateErr(t Template, err error) error {
	var te *render.TemplateError
	if errors.As(err, &te) {
		return inputErr("mẫu %s có lỗi, cần sửa trong Word:\n%s", t.Path, te.Error())
	}
	return inputErr("mẫu %s: %v", t.Path, err)
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
}

// ReportResult is what a build wrote and what it found.
type ReportResult struct {
	Report *consolidate.Report
	// Files are the paths written, in order: report, summary, reminder,
	// then their PDFs. Without a usable file only the reminder is written.
	Files []string
	// Written tells that the report and the summary were written; false
	// when nothing usable came in.
	Written  bool
	Warnings []string
	// PDFNote says why a PDF asked for was not made, in Vietnamese.
	PDFNote string
	// SetAside says, a sentence a file, which earlier outputs were kept
	// under a dated name: edited by the office, or a reminder no longer
	// needed.
	SetAside []string
}

// Dir is the folder a period's outputs go to under outDir.
func Dir(outDir string, p period.Period) string { return filepath.Join(outDir, p.String()) }

// BuildReport reads what came in, consolidates it and writes the period's
// report, summary and reminder (the last only while a unit is missing),
// all whole or none. Errors are an *InputError (a template that fails),
// an *outfile.Error (an output that cannot be written) or internal ones.
func (s *Sources) BuildReport(ctx context.Context, req ReportRequest) (*ReportResult, error) {
	p := req.Period
	opt := intake.Options{UnitOf: req.UnitOf}
	if p.Kind == period.Quarter {
		// Longer periods may fall back on quarterly forms: consolidate
		// decides which files of which period to use.
		opt.Period = p
	}
	subs := intake.ReadAll(req.In, s.Catalog.Catalog, opt)
	if err := UnknownUnitFiles(req.UnitOf, subs); err != nil {
		return nil, err
	}
	r := consolidate.Build(s.Catalog.Catalog, p, subs)
	res := &ReportResult{Report: r, Written: r.UsedFiles > 0}
	now := req.Now
	if now.IsZero() {
		now = time.Now()
	}

	dir := Dir(req.OutDir, p)
	var files []outfile.File
	if res.Written {
		docx, warnings, err := s.report.Render(render.Data(r.TemplateData(now)))
		if err != nil {
			return nil, templateErr(s.Report, err)
		}
		xlsx, xwarnings, err := summary.Bytes(r)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(append(res.Warnings, warnings...), xwarnings...)
		files = append(files,
			outfile.File{Path: filepath.Join(dir, "bao-cao-"+p.String()+".docx"), Data: docx},
			outfile.File{Path: filepath.Join(dir, "tong-hop-"+p.String()+".xlsx"), Data: xlsx})
	}
	if len(r.Missing()) > 0 {
		letter, lw, err := s.reminder.Render(render.Data(r.ReminderData(now)))
		if err != nil {
			return nil, templateErr(s.Reminder, err)
		}
		res.Warnings = append(res.Warnings, lw...)
		files = append(files, outfile.File{Path: filepath.Join(dir, "don-doc-"+p.String()+".docx"), Data: letter})
	}
	if req.PDF && len(files) > 0 {
		pdfs, note := toPDF(ctx, req.Soffice, files)
		files = append(files, pdfs...)
		res.PDFNote = note
	}
	l := readLedger(dir)
	var stale []string
	if len(r.Missing()) == 0 {
		reminder := filepath.Join(dir, "don-doc-"+p.String())
		stale = []string{reminder + ".docx", reminder + ".pdf"}
	}
	kept, err := setAside(l, files, stale)
	res.SetAside = kept
	if err != nil {
		return nil, err
	}
	if err := outfile.WriteAll(append(files, ledgerFile(dir, l, files))...); err != nil {
		return nil, err
	}
	for _, f := range files {
		res.Files = append(res.Files, f.Path)
	}
	return res, nil
}
