package province

import (
	"context"
	"path/filepath"
	"time"

	"baocao/internal/cycle"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

// BuildRequest is one roll-up to build: the communes' attachments under
// In, for Period, into OutDir/Period.
type BuildRequest struct {
	Period   period.Period
	In       []string
	OutDir   string
	Template []byte
	Date     time.Time // the report's date
	PDF      bool
	Soffice  string // --soffice
}

// BuildResult is what a build read and wrote.
type BuildResult struct {
	Rollup   *Rollup
	Files    []string // written, in order
	Written  bool     // false: no attachment was usable, nothing written
	PDFNote  string
	Warnings []string // the template's
}

// Build reads, rolls up and writes the province's report and workbook
// (and their PDFs when asked), whole or not at all. Nothing is written
// when no attachment is usable.
func Build(ctx context.Context, d *Data, req BuildRequest) (*BuildResult, error) {
	rec := Read(d, req.Period, req.In...)
	r := Roll(d, req.Period, rec)
	res := &BuildResult{Rollup: r}
	if len(rec.Attachments) == 0 {
		return res, nil
	}
	doc, warnings, err := Report(r, req.Template, req.Date)
	if err != nil {
		return nil, err
	}
	res.Warnings = warnings
	book, err := Workbook(r)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(req.OutDir, req.Period.String())
	files := []outfile.File{{Path: filepath.Join(dir, ReportName(req.Period)), Data: doc}, {Path: filepath.Join(dir, WorkbookName(req.Period)), Data: book}}
	if req.PDF {
		pdfs, note := cycle.PDFs(ctx, req.Soffice, files)
		files = append(files, pdfs...)
		res.PDFNote = note
	}
	if err := outfile.WriteAll(files...); err != nil {
		return nil, err
	}
	for _, f := range files {
		res.Files = append(res.Files, f.Path)
	}
	res.Written = true
	return res, nil
}
