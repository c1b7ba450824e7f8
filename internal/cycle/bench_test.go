package cycle

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/intake"
	"baocao/internal/outfile"
	"baocao/internal/period"
	"baocao/internal/render"
	"baocao/internal/summary"
)

// BenchmarkReportPhases prints the cost of each fixed phase of `report` on
// the samples: the plan's data, the templates, reading the files,
// consolidating, the Word report, the reminder, the summary and writing,
// as the build does them (process start: scripts/bench-vs-peer.sh).
func BenchmarkReportPhases(b *testing.B) {
	q1 := period.MustParse("2026-Q1")
	phases := []string{"catalog", "templates", "intake", "consolidate", "report", "reminder", "summary", "write"}
	spent := make([]time.Duration, len(phases))
	now := time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)
	out := b.TempDir()
	for range b.N {
		i := 0
		lap := func(t0 time.Time) time.Time {
			t1 := time.Now()
			spent[i] += t1.Sub(t0)
			i++
			return t1
		}
		t := time.Now()
		c, err := LoadCatalog(repoData)
		if err != nil {
			b.Fatal(err)
		}
		t = lap(t)
		src := &Sources{Catalog: c}
		if src.Report, err = LoadTemplate(filepath.Join("..", "..", "templates", ReportTemplate), ReportTemplate, ""); err != nil {
			b.Fatal(err)
		}
		if src.Reminder, err = LoadTemplate(filepath.Join("..", "..", "templates", ReminderTemplate), ReminderTemplate, ""); err != nil {
			b.Fatal(err)
		}
		rep, err := render.Compile(src.Report.Data)
		if err != nil {
			b.Fatal(err)
		}
		rem, err := render.Compile(src.Reminder.Data)
		if err != nil {
			b.Fatal(err)
		}
		t = lap(t)
		subs := intake.ReadAll([]string{samples}, c.Catalog, intake.Options{Period: q1})
		t = lap(t)
		r := consolidate.Build(c.Catalog, q1, subs)
		t = lap(t)
		docx, _, err := rep.Render(compose.Fields(r, compose.Options{Now: now}))
		if err != nil {
			b.Fatal(err)
		}
		t = lap(t)
		letter, _, err := rem.Render(render.Data(r.ReminderData(now)))
		if err != nil {
			b.Fatal(err)
		}
		t = lap(t)
		xlsx, _, err := summary.Bytes(r, summary.Options{})
		if err != nil {
			b.Fatal(err)
		}
		t = lap(t)
		err = outfile.WriteAll(
			outfile.File{Path: filepath.Join(out, "bao-cao.docx"), Data: docx},
			outfile.File{Path: filepath.Join(out, "tong-hop.xlsx"), Data: xlsx},
			outfile.File{Path: filepath.Join(out, "don-doc.docx"), Data: letter})
		if err != nil {
			b.Fatal(err)
		}
		lap(t)
	}
	var total time.Duration
	for _, d := range spent {
		total += d
	}
	for i, name := range phases {
		ms := float64(spent[i].Microseconds()) / 1000 / float64(b.N)
		b.ReportMetric(ms, name+"-ms")
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "total-ms")
}

// BenchmarkBuildReport is the whole build as the command runs it.
func BenchmarkBuildReport(b *testing.B) {
	src, err := LoadSources(repoData, filepath.Join("..", "..", "templates", ReportTemplate), filepath.Join("..", "..", "templates", ReminderTemplate))
	if err != nil {
		b.Fatal(err)
	}
	out := b.TempDir()
	b.ResetTimer()
	for i := range b.N {
		_, err := src.BuildReport(context.Background(), ReportRequest{Period: period.MustParse("2026-Q1"), In: []string{samples}, OutDir: filepath.Join(out, fmt.Sprint(i))})
		if err != nil {
			b.Fatal(err)
		}
	}
}
