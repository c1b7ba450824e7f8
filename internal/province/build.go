package province

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"baocao/internal/cycle"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/soffice"
)

// BuildRequest is one roll-up to build: the communes' attachments under
// In, for Period, into OutDir/Period.
type BuildRequest struct {
	Period   period.Period
	In       []string
	OutDir   string
	Template []byte
	// ReminderTemplate is the reminder letter's; Deadline the one it
	// sets (zero: ReminderDays working days after Date).
	ReminderTemplate []byte
	Deadline         time.Time
	Date             time.Time // the report's and the letter's date
	PDF              bool
	Soffice          string // --soffice
	// Warm, when set, is the page's LibreOffice kept running, which makes
	// the PDFs (Soffice is then not used), as for the commune's build.
	Warm *soffice.Warm
	// Cache, when set, keeps each workbook's reading (the page's).
	Cache *Cache
}

// BuildResult is what a build read and wrote.
type BuildResult struct {
	Rollup *Rollup
	// Account is what the build read, by the paths given in In (a front
	// end counts from it what the report says, not from a later read).
	Account  *Account
	Files    []string // written, in order
	Written  bool     // false: no attachment was usable, no report written
	PDFNote  string
	Warnings []string // the template's
	// SetAside says, a sentence a file, which earlier outputs were kept
	// under a dated name: edited since the last build, the reminder once
	// every commune has sent, a PDF of an earlier version.
	SetAside []string
}

// Build reads, rolls up and writes the province's report and workbook,
// and the reminder letter when some commune has not sent (and their PDFs
// when asked), whole or not at all, as the commune's report does: an
// output the office edited is kept under a dated name, and so is an old
// reminder once every commune has sent. When no attachment is usable
// only the letter is written.
func Build(ctx context.Context, d *Data, req BuildRequest) (*BuildResult, error) {
	cycle.Progress(ctx, cycle.StageRead)
	rec := req.Cache.Read(d, req.Period, req.In...)
	r := Roll(d, req.Period, rec)
	res := &BuildResult{Rollup: r, Account: &Account{Rollup: r, Files: Files(rec, req.In)}}
	dir := filepath.Join(req.OutDir, req.Period.String())
	var files []outfile.File
	cycle.Progress(ctx, cycle.StageWrite)
	if len(rec.Attachments) > 0 {
		doc, warnings, err := Report(r, req.Template, req.Date)
		if err != nil {
			return nil, err
		}
		res.Warnings = warnings
		book, err := Workbook(r)
		if err != nil {
			return nil, err
		}
		files = append(files, outfile.File{Path: filepath.Join(dir, ReportName(req.Period)), Data: doc}, outfile.File{Path: filepath.Join(dir, WorkbookName(req.Period)), Data: book})
		res.Written = true
	}
	if len(r.Missing) > 0 && req.ReminderTemplate != nil {
		letter, warnings, err := Reminder(r, req.ReminderTemplate, req.Date, req.Deadline)
		if err != nil {
			return nil, err
		}
		res.Warnings = append(res.Warnings, warnings...)
		files = append(files, outfile.File{Path: filepath.Join(dir, ReminderName(req.Period)), Data: letter})
	}
	var stale []string
	if len(r.Missing) == 0 {
		letter := filepath.Join(dir, strings.TrimSuffix(ReminderName(req.Period), ".docx"))
		stale = []string{letter + ".docx", letter + ".pdf"}
	}
	if len(files) == 0 {
		return res, nil
	}
	if req.PDF {
		// the workbook's PDF is for people: without the flat sheet
		sources := slices.Clone(files)
		if res.Written {
			book, err := PrintWorkbook(r)
			if err != nil {
				return nil, err
			}
			sources[1].Data = book
		}
		pdfs, note := cycle.PDFs(ctx, req.Soffice, req.Warm, sources)
		files = append(files, pdfs...)
		res.PDFNote = note
	}
	kept, err := cycle.WriteKept(req.OutDir, dir, files, nil, stale, "mọi xã, phường, đặc khu đã gửi")
	res.SetAside = kept
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		res.Files = append(res.Files, f.Path)
	}
	return res, nil
}
