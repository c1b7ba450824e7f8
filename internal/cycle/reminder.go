package cycle

import (
	"context"
	"path/filepath"
	"time"

	"baocao/internal/consolidate"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/render"
)

// BuildReminder writes only the period's reminder letter to the units from
// which no usable file came (and its PDF when asked), whatever came in so
// far: the office may send it before any file arrives. Nothing is written
// when every unit is in; Files is then empty. Errors are as BuildReport's.
func (s *Sources) BuildReminder(ctx context.Context, req ReportRequest) (*ReportResult, error) {
	p := req.Period
	subs := intake.ReadAll(req.In, s.Catalog.Catalog, intakeOptions(req))
	if err := UnknownUnitFiles(req.UnitOf, subs); err != nil {
		return nil, err
	}
	r := consolidate.Build(s.Catalog.Catalog, p, subs)
	res := &ReportResult{Report: r}
	if len(r.Missing()) == 0 {
		return res, nil
	}
	now := req.Now
	if now.IsZero() {
		now = time.Now()
	}
	letter, warnings, err := render.Render(s.Reminder.Data, render.Data(r.ReminderData(now)))
	if err != nil {
		return nil, templateErr(s.Reminder, err)
	}
	res.Warnings = warnings
	files := []outfile.File{{Path: filepath.Join(Dir(req.OutDir, p), "don-doc-"+p.String()+".docx"), Data: letter}}
	if req.PDF {
		pdfs, note := toPDF(ctx, req.Soffice, files)
		files = append(files, pdfs...)
		res.PDFNote = note
	}
	if err := outfile.WriteAll(files...); err != nil {
		return nil, err
	}
	for _, f := range files {
		res.Files = append(res.Files, f.Path)
	}
	return res, nil
}
