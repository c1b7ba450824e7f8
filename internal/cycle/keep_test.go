package cycle

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/outfile"
	"baocao/internal/period"
)

func testSources(t *testing.T) *Sources {
	t.Helper()
	src, err := LoadSources(repoData, filepath.Join("..", "..", "templates", ReportTemplate), filepath.Join("..", "..", "templates", ReminderTemplate))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// A re-run replaces what the program wrote, keeps what the office edited
// as a dated copy, and moves a reminder that is no longer needed aside.
func TestRerunKeepsEdits(t *testing.T) {
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := Dir(out, q1)
	report := filepath.Join(dir, "bao-cao-2026-Q1.docx")
	reminder := filepath.Join(dir, "don-doc-2026-Q1.docx")

	res, err := src.BuildReport(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.SetAside) != 0 {
		t.Fatalf("first run set aside %v", res.SetAside)
	}
	// A second run on the same inputs replaces its own outputs silently.
	req.Now = req.Now.AddDate(0, 0, 1)
	if res, err = src.BuildReport(context.Background(), req); err != nil || len(res.SetAside) != 0 {
		t.Fatalf("a re-run over untouched outputs: %v, set aside %v", err, res.SetAside)
	}

	// The office edits the report; the next run keeps that edit.
	edited := []byte("PK edited by the office")
	os.WriteFile(report, edited, 0o644)
	when := time.Date(2026, 3, 21, 10, 15, 0, 0, time.Local)
	os.Chtimes(report, when, when)
	if res, err = src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "bao-cao-2026-Q1 (bản sửa 21-03-2026 10h15).docx")
	if b, err := os.ReadFile(kept); err != nil || string(b) != string(edited) {
		t.Fatalf("the edited report was not kept as %s: %v", kept, err)
	}
	if len(res.SetAside) != 1 || !strings.Contains(res.SetAside[0], filepath.Base(kept)) {
		t.Errorf("the run should say it kept the edit: %v", res.SetAside)
	}
	if b, _ := os.ReadFile(report); string(b) == string(edited) {
		t.Error("the new report was not written")
	}

	// Every unit has now sent: the reminder is moved aside, not left current.
	if _, err := os.Stat(reminder); err != nil {
		t.Fatal("the samples leave a unit missing: a reminder was expected")
	}
	all := t.TempDir()
	for _, u := range src.Catalog.ReportingUnits() {
		writeFilledForm(t, src, u.Code, all)
	}
	req.In = []string{all}
	if res, err = src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if n := len(res.Report.ToRemind()); n != 0 {
		t.Fatalf("every unit filled its form in; %d still to remind", n)
	}
	if _, err := os.Stat(reminder); err == nil {
		t.Error("a reminder no longer needed is still there under its current name")
	}
	moved, _ := filepath.Glob(filepath.Join(dir, "don-doc-2026-Q1 (bản cũ *).docx"))
	if len(moved) != 1 || !strings.Contains(strings.Join(res.SetAside, " "), "không còn cần") {
		t.Errorf("the stale reminder should be moved aside and said: %v, %v", moved, res.SetAside)
	}
}

// writeFilledForm writes unit's form with every task filled in.
func writeFilledForm(t *testing.T, src *Sources, unit, dir string) {
	t.Helper()
	c := src.Catalog.Catalog
	f, err := forms.Build(c, unit, period.MustParse("2026-Q1"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range c.Assignments(unit) {
		if err := forms.FillRow(f, a.Task.Code, map[string]string{forms.ColStatus: forms.Statuses[0].String(), forms.ColResults: "Đã triển khai theo kế hoạch."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, unit+"-2026-Q1.xlsx")); err != nil {
		t.Fatal(err)
	}
}

// fakePDF writes a PDF from an earlier run beside the outputs, dated when.
func fakePDF(t *testing.T, path string, when time.Time) []byte {
	t.Helper()
	data := []byte("%PDF-1.7 old figures of " + filepath.Base(path))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, when, when); err != nil {
		t.Fatal(err)
	}
	return data
}

// A run that writes a document without its PDF moves the PDF an earlier
// run left beside it aside, so that no PDF shows other figures than its
// document; a PDF whose document this run did not write is left alone.
func TestRerunMovesUnpairedPDFAside(t *testing.T) {
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := Dir(out, q1)
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	// As if that run had been «report --pdf».
	when := time.Date(2026, 3, 20, 9, 5, 0, 0, time.Local)
	old := map[string][]byte{}
	for _, name := range []string{"bao-cao-2026-Q1", "tong-hop-2026-Q1", "don-doc-2026-Q1"} {
		old[name] = fakePDF(t, filepath.Join(dir, name+".pdf"), when)
	}

	// The reminder alone: only its PDF goes, the report's stays.
	res, err := src.BuildReminder(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(dir, "don-doc-2026-Q1 (bản cũ 20-03-2026 09h05).pdf")
	if b, err := os.ReadFile(moved); err != nil || string(b) != string(old["don-doc-2026-Q1"]) {
		t.Errorf("the reminder's old PDF was not moved to %s: %v", moved, err)
	}
	want := "don-doc-2026-Q1.pdf là bản PDF của lần lập trước, không khớp với don-doc-2026-Q1.docx vừa lập: chuyển thành don-doc-2026-Q1 (bản cũ 20-03-2026 09h05).pdf."
	if len(res.SetAside) != 1 || res.SetAside[0] != want {
		t.Errorf("the run should say, in one line, that it moved the PDF:\n got %q\nwant %q", res.SetAside, want)
	}
	for _, name := range []string{"bao-cao-2026-Q1", "tong-hop-2026-Q1"} {
		if b, err := os.ReadFile(filepath.Join(dir, name+".pdf")); err != nil || string(b) != string(old[name]) {
			t.Errorf("%s.pdf was moved, though its document was not written: %v", name, err)
		}
	}

	// The report on changed inputs, without --pdf: the PDFs of the report
	// and the summary go too, under their own dates.
	fakePDF(t, filepath.Join(dir, "don-doc-2026-Q1.pdf"), when)
	req.In = []string{t.TempDir()}
	writeFilledForm(t, src, src.Catalog.ReportingUnits()[0].Code, req.In[0])
	req.Now = req.Now.AddDate(0, 0, 1)
	if res, err = src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bao-cao-2026-Q1", "tong-hop-2026-Q1", "don-doc-2026-Q1"} {
		if _, err := os.Stat(filepath.Join(dir, name+".pdf")); err == nil {
			t.Errorf("%s.pdf is still there beside the new document", name)
		}
	}
	for name, n := range map[string]int{"bao-cao-2026-Q1": 1, "tong-hop-2026-Q1": 1, "don-doc-2026-Q1": 2} {
		if got, _ := filepath.Glob(filepath.Join(dir, name+" (bản cũ 20-03-2026 09h05*).pdf")); len(got) != n {
			t.Errorf("%s: %d PDFs kept aside, want %d: %v", name, len(got), n, got)
		}
	}
	// The name taken by the first move gets a number, nothing is lost.
	if b, err := os.ReadFile(filepath.Join(dir, "don-doc-2026-Q1 (bản cũ 20-03-2026 09h05, 2).pdf")); err != nil || string(b) != string(old["don-doc-2026-Q1"]) {
		t.Errorf("the second old PDF of the reminder: %v", err)
	}
	if n := strings.Count(strings.Join(res.SetAside, "\n"), "là bản PDF của lần lập trước"); n != 3 || len(res.SetAside) != 3 {
		t.Errorf("three PDFs moved, three lines expected: %q", res.SetAside)
	}

	// Nothing moved when there is no PDF left to move.
	if res, err = src.BuildReport(context.Background(), req); err != nil || len(res.SetAside) != 0 {
		t.Errorf("a re-run with no PDF there: %v, set aside %q", err, res.SetAside)
	}
}

// A PDF beside a document the office edited is moved aside with it, the
// edit kept as «bản sửa», the PDF as «bản cũ».
func TestEditedDocumentsPDFMovedAside(t *testing.T) {
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := Dir(out, q1)
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "bao-cao-2026-Q1.docx")
	when := time.Date(2026, 3, 21, 10, 15, 0, 0, time.Local)
	os.WriteFile(report, []byte("PK edited by the office"), 0o644)
	os.Chtimes(report, when, when)
	fakePDF(t, filepath.Join(dir, "bao-cao-2026-Q1.pdf"), when)
	res, err := src.BuildReport(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for _, kept := range []string{"bao-cao-2026-Q1 (bản sửa 21-03-2026 10h15).docx", "bao-cao-2026-Q1 (bản cũ 21-03-2026 10h15).pdf"} {
		if _, err := os.Stat(filepath.Join(dir, kept)); err != nil {
			t.Errorf("%s: %v", kept, err)
		}
		if !strings.Contains(strings.Join(res.SetAside, "\n"), kept) {
			t.Errorf("the run does not say it kept %s: %q", kept, res.SetAside)
		}
	}
}

// When the PDFs asked for cannot be made, the old ones are moved aside
// all the same, and the note says why none was made.
func TestFailedPDFMovesOldPDFAside(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("BAOCAO_SOFFICE", "")
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC)}
	dir := Dir(out, q1)
	if _, err := src.BuildReport(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	old := fakePDF(t, filepath.Join(dir, "bao-cao-2026-Q1.pdf"), time.Date(2026, 3, 20, 9, 5, 0, 0, time.Local))
	req.PDF = true
	res, err := src.BuildReport(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if res.PDFNote == "" {
		t.Fatal("no LibreOffice, yet no note")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "bao-cao-2026-Q1 (bản cũ 20-03-2026 09h05).pdf")); err != nil || string(b) != string(old) {
		t.Errorf("the old PDF was not moved aside: %v", err)
	}
	if len(res.SetAside) != 1 || !strings.Contains(res.SetAside[0], "bao-cao-2026-Q1.pdf là bản PDF của lần lập trước") {
		t.Errorf("set aside %q", res.SetAside)
	}
}

// Only the documents whose PDF is not written this time count.
func TestUnpairedPDFs(t *testing.T) {
	files := []outfile.File{{Path: "d/bao-cao-2026.docx"}, {Path: "d/tong-hop-2026.xlsx"}, {Path: "d/don-doc-2026.docx"}, {Path: "d/bao-cao-2026.pdf"}, {Path: "d/don-doc-2026.pdf"}}
	got := unpairedPDFs(files)
	if len(got) != 1 || got[0] != (pdfOf{Doc: "d/tong-hop-2026.xlsx", PDF: "d/tong-hop-2026.pdf"}) {
		t.Errorf("got %v", got)
	}
}

// A build whose documents come out with the same bytes as the last keeps
// the PDFs the program made of them instead of asking LibreOffice again;
// a PDF edited since, or of a document that changed, is made afresh. After
// every build, each PDF shows the document beside it.
func TestRebuildKeepsUnchangedPDFs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake soffice is a shell script")
	}
	log := filepath.Join(t.TempDir(), "log")
	bin := filepath.Join(t.TempDir(), "soffice")
	// $8 is the output folder, the inputs follow; each PDF names the
	// digest of the document it was made from.
	script := `#!/bin/sh
out="$8"; shift 8
echo "$#" >> "` + log + `"
mkdir -p "$out"
for f in "$@"; do
	b=$(basename "$f"); b=${b%.*}
	echo "%PDF-1.6 $(sha256sum < "$f" | cut -d' ' -f1)" > "$out/$b.pdf"
done
`
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	calls := func() []string {
		b, _ := os.ReadFile(log)
		return strings.Fields(string(b))
	}
	src := testSources(t)
	out := t.TempDir()
	q1 := period.MustParse("2026-Q1")
	dir := Dir(out, q1)
	req := ReportRequest{Period: q1, In: []string{samples}, OutDir: out, Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), PDF: true, Soffice: bin}
	docs := []string{"bao-cao-2026-Q1.docx", "tong-hop-2026-Q1.xlsx", "don-doc-2026-Q1.docx"}
	build := func(step string) *ReportResult {
		t.Helper()
		res, err := src.BuildReport(context.Background(), req)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if res.PDFNote != "" {
			t.Fatalf("%s: PDF note %q", step, res.PDFNote)
		}
		var pdfs []string
		for _, f := range res.Files {
			if strings.HasSuffix(f, ".pdf") {
				pdfs = append(pdfs, filepath.Base(f))
			}
		}
		if want := []string{"bao-cao-2026-Q1.pdf", "tong-hop-2026-Q1.pdf", "don-doc-2026-Q1.pdf"}; strings.Join(pdfs, " ") != strings.Join(want, " ") {
			t.Errorf("%s: PDFs written %q, want %q in the documents' order", step, pdfs, want)
		}
		for _, name := range docs {
			doc, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".pdf"))
			if err != nil || string(pdf) != "%PDF-1.6 "+digest(doc)+"\n" {
				t.Errorf("%s: the PDF of %s does not show it: %q %v", step, name, pdf, err)
			}
		}
		return res
	}

	build("first build")
	if got := calls(); len(got) != 1 || got[0] != "3" {
		t.Fatalf("first build: LibreOffice calls (files each) %q, want one of 3", got)
	}
	if res := build("the same build again"); len(res.SetAside) != 0 {
		t.Errorf("nothing changed, yet set aside: %q", res.SetAside)
	}
	if got := calls(); len(got) != 1 {
		t.Errorf("nothing changed, yet LibreOffice was called again: %q", got)
	}

	// The office replaced the report's PDF: kept aside, made afresh alone.
	edited := filepath.Join(dir, "bao-cao-2026-Q1.pdf")
	when := time.Date(2026, 3, 21, 10, 15, 0, 0, time.Local)
	os.WriteFile(edited, []byte("%PDF-1.7 signed and scanned"), 0o644)
	os.Chtimes(edited, when, when)
	res := build("after the office edited a PDF")
	if got := calls(); len(got) != 2 || got[1] != "1" {
		t.Errorf("after an edited PDF: LibreOffice calls %q, want a second one of 1 file", got)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "bao-cao-2026-Q1 (bản sửa 21-03-2026 10h15).pdf")); err != nil || string(b) != "%PDF-1.7 signed and scanned" {
		t.Errorf("the office's PDF was not kept: %v (set aside %q)", err, res.SetAside)
	}

	// A unit sends a corrected file: the changed documents are made again.
	extra := t.TempDir()
	writeFilledForm(t, src, src.Catalog.ReportingUnits()[0].Code, extra)
	req.In = []string{samples, extra}
	build("after a new file")
	if got := calls(); len(got) != 3 {
		t.Errorf("after a new file: LibreOffice calls %q, want a third", got)
	}
}
