package cycle

import (
	"archive/zip"
	"baocao/internal/intake"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

var (
	q1         = period.MustParse("2026-Q1")
	samples, _ = filepath.Abs(filepath.Join("..", "..", "data", "samples", "2026-Q1"))
)

func builtinCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := LoadCatalog(repoData)
	if err != nil {
		t.Fatal(err)
	}
	return c.Catalog
}

func newWorkspace(t *testing.T) *Workspace {
	t.Helper()
	w, err := OpenWorkspace(filepath.Join(t.TempDir(), "baocao"))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// receive stores a file of the samples folder, or data under name.
func receive(t *testing.T, w *Workspace, p period.Period, name string, data []byte) *Receipt {
	t.Helper()
	if data == nil {
		var err error
		if data, err = os.ReadFile(filepath.Join(samples, name)); err != nil {
			t.Fatal(err)
		}
	}
	rc, err := w.Receive(p, name, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Receive(%q): %v", name, err)
	}
	return rc
}

func sampleNames(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(samples)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestSafeName(t *testing.T) {
	nfd := norm.NFD.String("Báo cáo Hội Nông dân.xlsx")
	tests := []struct{ in, want string }{
		{"KT-2026-Q1.xlsx", "KT-2026-Q1.xlsx"},
		{"../../etc/passwd", "passwd"},
		{`..\..\Windows\win.ini`, "win.ini"},
		{`C:\fakepath\Báo cáo.xlsx`, "Báo cáo.xlsx"},
		{"/etc/shadow", "shadow"},
		{nfd, "Báo cáo Hội Nông dân.xlsx"},
		{`a<b>:"c|d?*.xlsx`, "a_b___c_d__.xlsx"},
		{"dòng\x00mới\r\n.xlsx", "dòngmới.xlsx"},
		{".an.xlsx", "an.xlsx"},
		{"  tên. . ", "tên"},
		{"CON", "_CON"},
		{"con.xlsx", "_con.xlsx"},
		{"NUL.tar.gz", "_NUL.tar.gz"},
		{"Com1.xls", "_Com1.xls"},
		{"LPT9.ods", "_LPT9.ods"},
		{"COM10.xlsx", "COM10.xlsx"},
		{"CONSOLE.xlsx", "CONSOLE.xlsx"},
		{"..xlsx", "xlsx"},
		{"\u202eslx.exe", "slx.exe"}, // a right-to-left override hiding the extension
	}
	for _, tt := range tests {
		got, err := SafeName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("SafeName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if !norm.NFC.IsNormalString(got) || strings.ContainsAny(got, `/\<>:"|?*`) {
			t.Errorf("SafeName(%q) = %q is not safe", tt.in, got)
		}
	}
	for _, bad := range []string{"", "..", ".", "...", "/", `\`, " . "} {
		if got, err := SafeName(bad); err == nil {
			t.Errorf("SafeName(%q) = %q, want an error", bad, got)
		}
	}
	long := strings.Repeat("dài ", 100) + ".xlsx"
	got, err := SafeName(long)
	if err != nil || len([]rune(got)) > maxNameRunes || !strings.HasSuffix(got, ".xlsx") {
		t.Errorf("a long name: %q (%d runes), %v", got, len([]rune(got)), err)
	}
}

// A second file of the same name gets a suffix; the first stays as it came.
func TestReceiveNeverReplaces(t *testing.T) {
	w := newWorkspace(t)
	for i, want := range []string{"KT.xlsx", "KT (2).xlsx", "kt (3).xlsx", "KT (4).xlsx"} {
		name := "KT.xlsx"
		if i == 2 {
			name = "kt.xlsx" // the same file on Windows
		}
		rc := receive(t, w, q1, name, []byte{byte('a' + i)})
		if len(rc.Files) != 1 || rc.Files[0].Stored != want || rc.Files[0].Sent != name {
			t.Fatalf("file %d: %+v, want stored as %q", i, rc.Files, want)
		}
	}
	b, _ := os.ReadFile(filepath.Join(w.ReceivedDir(q1), "KT.xlsx"))
	if string(b) != "a" {
		t.Errorf("the first file was changed: %q", b)
	}

	// Hostile names land inside nhan-ve, under a safe name.
	rc := receive(t, w, q1, "../../../thoat.xlsx", []byte("x"))
	if rc.Files[0].Stored != "thoat.xlsx" {
		t.Errorf("stored as %q", rc.Files[0].Stored)
	}
	if _, err := os.Stat(filepath.Join(w.ReceivedDir(q1), "thoat.xlsx")); err != nil {
		t.Error(err)
	}

	// The file's time is when it was received, in a zip too (not the
	// time it was saved, which the workbook says itself).
	when := time.Date(2026, 3, 10, 9, 30, 0, 0, time.Local)
	w.Now = func() time.Time { return when }
	defer func() { w.Now = nil }()
	if _, err := w.Receive(q1, "HND.xlsx", strings.NewReader("y")); err != nil {
		t.Fatal(err)
	}
	receive(t, w, q1, "trong.zip", makeZip(t, map[string][]byte{"CA trong zip.xlsx": []byte("z")}))
	for _, name := range []string{"HND.xlsx", "CA trong zip.xlsx", "trong.zip"} {
		if fi, _ := os.Stat(filepath.Join(w.ReceivedDir(q1), name)); fi == nil || !fi.ModTime().Equal(when) {
			t.Errorf("%s: time %v, want %v", name, fi, when)
		}
	}
}

func TestReceiveTooLarge(t *testing.T) {
	w := newWorkspace(t)
	_, err := w.Receive(q1, "to.xlsx", bytes.NewReader(make([]byte, MaxReceivedSize+1)))
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "20 MB") {
		t.Fatalf("want a TooLargeError saying 20 MB, got %v", err)
	}
	if files := w.ReceivedFiles(q1); len(files) != 0 {
		t.Errorf("something was stored: %v", files)
	}
	if _, err := w.Receive(q1, "vua.xlsx", bytes.NewReader(make([]byte, MaxReceivedSize))); err != nil {
		t.Errorf("exactly 20 MB is taken: %v", err)
	}
}

func makeZip(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(files[n])
	}
	zw.Close()
	return buf.Bytes()
}

func TestReceiveZip(t *testing.T) {
	w := newWorkspace(t)
	kt, _ := os.ReadFile(filepath.Join(samples, "KT-2026-Q1.xlsx"))
	data := makeZip(t, map[string][]byte{
		"bao cao/KT-2026-Q1.xlsx":     kt,
		"../../ngoai.xlsx":            []byte("x"),
		"__MACOSX/._KT-2026-Q1.xlsx":  []byte("fork"),
		"bao cao/~$KT-2026-Q1.xlsx":   []byte("lock"),
		"bao cao/ben-trong.zip":       []byte("PK"),
		"bao cao/":                    nil,
		`bao cao\CON.xlsx`:            []byte("y"),
		"bao cao/KT-2026-Q1 (2).xlsx": []byte("bản khác"), // the same bytes would be one file
	})
	rc := receive(t, w, q1, "tu don vi.zip", data)
	if rc.Zip == nil || rc.Zip.Stored != "tu don vi.zip" {
		t.Fatalf("the zip is not kept: %+v", rc.Zip)
	}
	var stored []string
	for _, f := range rc.Files {
		stored = append(stored, f.Stored)
	}
	slices.Sort(stored)
	// "KT-2026-Q1 (2).xlsx" comes first in the zip and keeps its name.
	want := []string{"KT-2026-Q1 (2).xlsx", "KT-2026-Q1.xlsx", "_CON.xlsx", "ngoai.xlsx"}
	if !slices.Equal(stored, want) {
		t.Errorf("taken out: %q, want %q", stored, want)
	}
	if len(rc.Notes) != 1 || !strings.Contains(rc.Notes[0], "ben-trong.zip") {
		t.Errorf("notes: %q", rc.Notes)
	}
	// The zip itself is not read; what came out of it is.
	files := w.ReceivedFiles(q1)
	if len(files) != 4 || slices.ContainsFunc(files, func(f string) bool { return strings.HasSuffix(f, ".zip") }) {
		t.Errorf("received files: %q", files)
	}

	rc = receive(t, w, q1, "hong.zip", []byte("PK\x03\x04 not really"))
	if len(rc.Files) != 0 || len(rc.Notes) != 1 || !strings.Contains(rc.Notes[0], "bị hỏng") {
		t.Errorf("a broken zip: %+v", rc)
	}
}

func TestAssignments(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	receive(t, w, q1, "khong ro.xlsx", []byte("x"))
	if err := w.Assign(c, q1, "khong ro.xlsx", "HND"); err != nil {
		t.Fatal(err)
	}
	if got := w.UnitOf(q1); got["khong ro.xlsx"] != "HND" || len(got) != 1 {
		t.Errorf("UnitOf = %v", got)
	}
	if _, err := os.Stat(filepath.Join(w.ReceivedDir(q1), AssignmentsFile)); err != nil {
		t.Errorf("the assignment is not kept in the workspace: %v", err)
	}
	for _, tt := range []struct{ file, unit, want string }{
		{"khac.xlsx", "HND", "không có tệp «khac.xlsx»"},
		{"../khong ro.xlsx", "HND", "không hợp lệ"},
		{AssignmentsFile, "HND", "không hợp lệ"},
		{"khong ro.xlsx", "XYZ", "không có đơn vị mã «XYZ»"},
	} {
		var ie *InputError
		if err := w.Assign(c, q1, tt.file, tt.unit); !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Assign(%q, %q) = %v, want %q", tt.file, tt.unit, err, tt.want)
		}
	}
	// A file removed in Explorer loses its assignment.
	os.Remove(filepath.Join(w.ReceivedDir(q1), "khong ro.xlsx"))
	if got := w.UnitOf(q1); len(got) != 0 {
		t.Errorf("after removing the file: %v", got)
	}
}

// A year's report counts the quarters' folders too.
func TestFolders(t *testing.T) {
	w := newWorkspace(t)
	year := period.MustParse("2026")
	receive(t, w, q1, "KT-2026-Q1.xlsx", nil)
	receive(t, w, year, "VP-2026-Q1.xlsx", nil)
	receive(t, w, period.MustParse("2026-Q2"), "rieng.zip", makeZip(t, map[string][]byte{"a.xlsx": []byte("a")}))
	os.WriteFile(filepath.Join(w.ReceivedDir(q1), ".an.xlsx"), []byte("x"), 0o644)
	var got []string
	for _, f := range w.ReceivedFiles(year) {
		rel, _ := filepath.Rel(w.Root, f)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"2026/nhan-ve/VP-2026-Q1.xlsx", "2026-Q1/nhan-ve/KT-2026-Q1.xlsx", "2026-Q2/nhan-ve/a.xlsx"}
	if !slices.Equal(got, want) {
		t.Errorf("ReceivedFiles(2026) = %q, want %q", got, want)
	}
	if got := w.ReceivedFiles(q1); len(got) != 1 {
		t.Errorf("a quarter counts only its own folder: %q", got)
	}
}

func stateOf(t *testing.T, a *Account, code string) UnitAccount {
	t.Helper()
	for _, u := range a.Units {
		if u.Unit.Code == code {
			return u
		}
	}
	t.Fatalf("no unit %s in the account", code)
	return UnitAccount{}
}

// Every expected unit is in exactly one state, with its files and problems.
func TestAccount(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	a := w.Account(c, q1)
	if len(a.Units) != len(c.ReportingUnits()) || a.Count(StateMissing) != len(a.Units) {
		t.Fatalf("empty workspace: %d units, %d missing", len(a.Units), a.Count(StateMissing))
	}
	if !a.From.Equal(time.Date(2025, 12, 15, 0, 0, 0, 0, time.UTC)) || !a.Deadline.Equal(time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("dates: %v %v", a.From, a.Deadline)
	}

	for _, n := range sampleNames(t) {
		receive(t, w, q1, n, nil)
	}
	receive(t, w, q1, "anh chup.pdf", []byte("%PDF-1.4 scanned"))
	a = w.Account(c, q1)
	if got := stateOf(t, a, "KT"); got.State != StateComplete || len(got.Files) != 1 || got.Files[0].Name != "KT-2026-Q1.xlsx" || got.Received.IsZero() {
		t.Errorf("KT: %+v", got)
	}
	hccb := stateOf(t, a, "HCCB")
	if hccb.State != StateIncomplete || !slices.Contains(hccb.MissingTasks, "II.1") || hccb.Files[0].Warnings == 0 {
		t.Errorf("HCCB: state %v, missing %v, files %+v", hccb.State, hccb.MissingTasks, hccb.Files)
	}
	if got := stateOf(t, a, "DTN"); got.State != StateMissing || len(got.Files) != 0 {
		t.Errorf("DTN: %+v", got)
	}
	if a.Sent() != 9 || len(a.Unassigned) != 1 || a.Unassigned[0].Name != "anh chup.pdf" || a.Unassigned[0].Readable {
		t.Fatalf("sent %d, unassigned %+v", a.Sent(), a.Unassigned)
	}

	// The office says whose the PDF is: the unit sent something unreadable.
	if err := w.Assign(c, q1, "anh chup.pdf", "DTN"); err != nil {
		t.Fatal(err)
	}
	a = w.Account(c, q1)
	dtn := stateOf(t, a, "DTN")
	if dtn.State != StateUnreadable || len(dtn.Files) != 1 || !dtn.Files[0].Assigned || dtn.Files[0].Errors == 0 || len(a.Unassigned) != 0 {
		t.Fatalf("DTN after the assignment: %+v; unassigned %v", dtn, a.Unassigned)
	}
	// Then its form, sent back empty: readable, with errors.
	path, err := w.EnsureForm(c, q1, "DTN")
	if err != nil {
		t.Fatal(err)
	}
	blank, _ := os.ReadFile(path)
	receive(t, w, q1, "DTN-2026-Q1.xlsx", blank)
	a = w.Account(c, q1)
	if dtn := stateOf(t, a, "DTN"); dtn.State != StateErrors || len(dtn.Files) != 2 {
		t.Errorf("DTN with an empty form: %v, %d files", dtn.State, len(dtn.Files))
	}
	f, u := a.File(q1, "DTN-2026-Q1.xlsx")
	if f == nil || u == nil || u.Unit.Code != "DTN" || f.Errors == 0 {
		t.Errorf("File(): %+v %+v", f, u)
	}
	// Every problem says where it is.
	for _, p := range f.Problems {
		if p.File != f.Path {
			t.Errorf("a problem of another file: %+v", p)
		}
	}
}

// A year's account reads the quarterly forms of the quarters' folders.
func TestAccountLongPeriod(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	receive(t, w, q1, "KT-2026-Q1.xlsx", nil)
	a := w.Account(c, period.MustParse("2026"))
	if kt := stateOf(t, a, "KT"); !kt.State.Sent() || kt.Files[0].Folder != q1 {
		t.Errorf("KT in the year: %+v", kt)
	}
}

func TestWorkspaceReport(t *testing.T) {
	t.Chdir(t.TempDir()) // no data/ or templates/ here: the built-in copies
	src, err := LoadSources("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	w := newWorkspace(t)
	now := time.Date(2026, 3, 18, 0, 0, 0, 0, time.Local)

	// The reminder, before anything came in: every unit is asked.
	res, err := w.Reminder(context.Background(), src, q1, now)
	if err != nil {
		t.Fatal(err)
	}
	letter := filepath.Join(w.Root, "2026-Q1", "don-doc-2026-Q1.docx")
	if len(res.Files) == 0 || res.Files[0] != letter || res.Written || len(res.Report.Missing()) != len(src.Catalog.ReportingUnits()) {
		t.Fatalf("reminder: %+v", res)
	}
	// The letter in Word, and in PDF where LibreOffice is installed.
	if got := w.Outputs(q1); len(got) == 0 || got[0].Label != "Công văn đôn đốc (Word)" || len(got) > 1 && got[1].Label != "Công văn đôn đốc (PDF)" || len(got) > 2 {
		t.Errorf("outputs after the reminder: %+v", got)
	}

	for _, n := range sampleNames(t) {
		receive(t, w, q1, n, nil)
	}
	res, err = w.Report(context.Background(), src, q1, now)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Written || res.Report.Reported() != 9 {
		t.Fatalf("report: written %v, reported %d", res.Written, res.Report.Reported())
	}
	// The same layout as «baocao report --out Root».
	for _, name := range []string{"bao-cao-2026-Q1.docx", "tong-hop-2026-Q1.xlsx", "kiem-tra-2026-Q1.xlsx", "don-doc-2026-Q1.docx"} {
		if !slices.Contains(res.Files, filepath.Join(w.Root, "2026-Q1", name)) {
			t.Errorf("%s not written: %q", name, res.Files)
		}
	}
	// Through the page the office's workbook says when each file was
	// received: the workspace keeps it.
	office, err := excelize.OpenFile(filepath.Join(w.Root, "2026-Q1", "kiem-tra-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	header, _ := office.GetCellValue("Đơn vị", "D2")
	kt, _ := office.GetCellValue("Đơn vị", "D4")
	office.Close()
	if header != "Thời gian nhận (trang làm việc)" || kt == "" {
		t.Errorf("the office's workbook: %q, KT received %q", header, kt)
	}
	var labels []string
	for _, o := range w.Outputs(q1) {
		labels = append(labels, o.Label)
	}
	if !slices.Equal(labels[:4], []string{"Báo cáo (Word)", "Bảng tổng hợp (Excel)", "Bảng kiểm tra của văn phòng (Excel)", "Công văn đôn đốc (Word)"}) {
		t.Errorf("outputs: %q", labels)
	}

	// One build of a period at a time; another period is free.
	unlock, err := w.Lock(q1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Report(context.Background(), src, q1, now)
	var busy *BusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "đang được lập") {
		t.Errorf("a second build: %v", err)
	}
	if _, err := w.Reminder(context.Background(), src, q1, now); !errors.As(err, &busy) {
		t.Errorf("a reminder during a build: %v", err)
	}
	if _, err := w.Reminder(context.Background(), src, period.MustParse("2026-Q2"), now); err != nil {
		t.Errorf("another period: %v", err)
	}
	unlock()
	if _, err := w.Reminder(context.Background(), src, q1, now); err != nil {
		t.Errorf("after the build: %v", err)
	}
}

func TestFormsZip(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	// A form the office edited is kept as it is.
	os.MkdirAll(w.FormsDir(q1), 0o755)
	os.WriteFile(w.FormPath(q1, "KT"), []byte("sửa tay"), 0o644)
	name, data, err := w.FormsZip(c, q1)
	if err != nil || name != "mau-bieu-2026-Q1.zip" {
		t.Fatal(name, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(c.ReportingUnits()) || zr.File[0].Name != "VP-2026-Q1.xlsx" {
		t.Errorf("%d files, first %s", len(zr.File), zr.File[0].Name)
	}
	if b, _ := os.ReadFile(w.FormPath(q1, "KT")); string(b) != "sửa tay" {
		t.Error("an edited form was overwritten")
	}
	// Built in memory: a GET writes nothing.
	if _, err := os.Stat(w.FormPath(q1, "DTN")); !os.IsNotExist(err) {
		t.Errorf("a missing form was written into the workspace: %v", err)
	}
}

func TestCurrentPeriod(t *testing.T) {
	c := builtinCatalog(t) // deadline_days: 2
	for _, tt := range []struct{ day, want string }{
		{"2025-12-15", "2025-Q4"}, // Q4 2025 is due on 16/12/2025
		{"2025-12-17", "2026-Q1"},
		{"2026-01-05", "2026-Q1"},
		{"2026-03-14", "2026-Q1"},
		{"2026-03-16", "2026-Q1"}, // the deadline: still Q1
		{"2026-03-17", "2026-Q2"},
		{"2026-06-10", "2026-Q2"},
		{"2026-12-16", "2026-Q4"},
		{"2026-12-17", "2027-Q1"},
		{"2026-12-31", "2027-Q1"},
	} {
		day, _ := time.Parse("2006-01-02", tt.day)
		if got := CurrentPeriod(c, day.Add(15*time.Hour)); got.String() != tt.want {
			t.Errorf("CurrentPeriod(%s) = %s, want %s", tt.day, got, tt.want)
		}
	}
	if got := PeriodChoices(2025, time.Date(2029, 5, 1, 0, 0, 0, 0, time.UTC)); got[0].String() != "2025-Q1" || got[len(got)-1].String() != "2030" {
		t.Errorf("choices from the plan's year: %v … %v", got[0], got[len(got)-1])
	}
	if got := PeriodChoices(0, time.Date(2029, 5, 1, 0, 0, 0, 0, time.UTC)); got[0].String() != "2028-Q1" {
		t.Errorf("no plan year: from %v", got[0])
	}
	choices := PeriodChoices(2026, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	var codes []string
	for _, p := range choices {
		codes = append(codes, p.String())
	}
	if !slices.Contains(codes, "2026-Q1") || !slices.Contains(codes, "2026") || !slices.Contains(codes, "2026-9M") ||
		codes[0] != "2025-Q1" || codes[len(codes)-1] != "2027" || len(codes) != 24 {
		t.Errorf("choices: %q", codes)
	}
}

// zerosZip is a zip of n entries of size bytes of zeros, declared
// honestly, built from one deflated entry: about 2 MB for 100 of 20 MB.
func zerosZip(t *testing.T, n int, size int64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	zeros := make([]byte, size)
	fw.Write(zeros)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range n {
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("KT-%d.xlsx", i), Method: zip.Deflate,
			CRC32: crc32.ChecksumIEEE(zeros), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)})
		w.Write(comp.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

// The page's side of intake's zip policy: a 2 MB zip of 100 entries of
// 20 MB of zeros stores at most intake.ZipMaxTotalBytes, and a second zip
// of the same upload (one budget) stores nothing more; a zip of 100,000
// entries with bad checksums is told in a few short notes.
func TestReceiveZipBoundedInTotal(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB")
	}
	w := newWorkspace(t)
	bomb := zerosZip(t, 100, intake.ZipMaxFileBytes)
	t.Logf("zip of zeros: %d KB", len(bomb)>>10)
	budget := intake.NewZipBudget()
	start := time.Now()
	rc, err := w.ReceiveWithin(q1, "khong.zip", bytes.NewReader(bomb), budget)
	if err != nil {
		t.Fatal(err)
	}
	rc2, err := w.ReceiveWithin(q1, "khong lan hai.zip", bytes.NewReader(bomb), budget)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("two zips of zeros in one upload: %v", time.Since(start))
	var written int64
	for _, name := range w.ReceivedFiles(q1) {
		if fi, err := os.Stat(filepath.Join(w.ReceivedDir(q1), name)); err == nil && !strings.HasSuffix(name, ".zip") {
			written += fi.Size()
		}
	}
	if written > intake.ZipMaxTotalBytes || len(rc.Files) != 10 || len(rc2.Files) != 0 {
		t.Errorf("written %d MB; %d and %d files taken out", written>>20, len(rc.Files), len(rc2.Files))
	}
	if len(rc.Notes) != 1 || !strings.Contains(rc.Notes[0], "không lấy 90 tệp («KT-10.xlsx»") || !strings.Contains(rc.Notes[0], "và 80 tệp khác") ||
		len(rc2.Notes) != 1 || !strings.Contains(rc2.Notes[0], "không lấy 100 tệp") {
		t.Errorf("notes %q\n%q", rc.Notes, rc2.Notes)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range 100_000 {
		f, _ := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("HND-%d.xlsx", i), Method: zip.Store, CRC32: 1, CompressedSize64: 1, UncompressedSize64: 1})
		f.Write([]byte("x"))
	}
	zw.Close()
	start = time.Now()
	rc = receive(t, w, q1, "xau.zip", buf.Bytes())
	t.Logf("100,000 bad entries: %v", time.Since(start))
	if len(rc.Files) != 0 || len(rc.Notes) != 2 || !strings.Contains(rc.Notes[0], "không lấy 99800 tệp") ||
		!strings.Contains(rc.Notes[1], "không lấy được 200 tệp trong tệp nén «xau.zip» («HND-0.xlsx»") || len(strings.Join(rc.Notes, "")) > 3000 {
		t.Errorf("notes %q", rc.Notes)
	}
}

// A name of 300 «Ạ» is stored under a shortened name, and a name the
// system still refuses is told «tên tệp quá dài», never a full disk.
func TestLongNames(t *testing.T) {
	w := newWorkspace(t)
	long := strings.Repeat("Ạ", 300) + ".xlsx"
	rc := receive(t, w, q1, long, []byte("x"))
	if got := rc.Files[0].Stored; len(got) > 255 || !strings.HasSuffix(got, ".xlsx") || !strings.HasPrefix(got, "ẠẠ") {
		t.Errorf("stored as %q (%d bytes)", got, len(got))
	}
	err := receiveErr(w.ReceivedDir(q1), &fs.PathError{Op: "open", Path: long, Err: syscall.ENAMETOOLONG})
	if err == nil || !strings.Contains(err.Error(), "tên tệp quá dài") || strings.Contains(err.Error(), "ổ đĩa đầy") || strings.Contains(err.Error(), "file name too long") {
		t.Errorf("got %v", err)
	}
}

// The same bytes received again, alone or in a zip, are the file received
// before: named, with its time, and not stored again.
func TestReceiveSameFileOnce(t *testing.T) {
	w := newWorkspace(t)
	kt, _ := os.ReadFile(filepath.Join(samples, "KT-2026-Q1.xlsx"))
	when := time.Date(2026, 3, 12, 8, 15, 0, 0, time.Local)
	w.Now = func() time.Time { return when }
	rc, err := w.Receive(q1, "KT-2026-Q1.xlsx", bytes.NewReader(kt))
	w.Now = nil
	if err != nil || rc.Files[0].Same {
		t.Fatal(err, rc)
	}
	rc, err = w.Receive(q1, "ban sao.xlsx", bytes.NewReader(kt))
	if err != nil || len(rc.Files) != 1 || !rc.Files[0].Same || rc.Files[0].Stored != "KT-2026-Q1.xlsx" || !rc.Files[0].Since.Equal(when) {
		t.Fatalf("the same file again: %v %+v", err, rc)
	}
	rc = receive(t, w, q1, "lai.zip", makeZip(t, map[string][]byte{"KT.xlsx": kt}))
	if len(rc.Files) != 1 || !rc.Files[0].Same || rc.Files[0].Stored != "KT-2026-Q1.xlsx" {
		t.Errorf("the same file in a zip: %+v", rc.Files)
	}
	if files := w.ReceivedFiles(q1); len(files) != 1 {
		t.Errorf("received files: %q", files)
	}
}

// Setting aside and putting back move a file, never over another, and the
// account follows.
func TestSetAsideAndRestore(t *testing.T) {
	w := newWorkspace(t)
	for _, data := range []string{"một", "hai"} {
		if _, err := w.Receive(q1, "KT-2026-Q1.xlsx", strings.NewReader(data)); err != nil {
			t.Fatal(err)
		}
	}
	first, err := w.SetAside(q1, "KT-2026-Q1.xlsx")
	if err != nil || first != "KT-2026-Q1.xlsx" {
		t.Fatal(first, err)
	}
	// Another file of the same name comes and is set aside too.
	if _, err := w.Receive(q1, "KT-2026-Q1.xlsx", strings.NewReader("ba")); err != nil {
		t.Fatal(err)
	}
	second, err := w.SetAside(q1, "KT-2026-Q1.xlsx")
	if err != nil || second != "KT-2026-Q1 (2).xlsx" {
		t.Fatalf("the second set aside: %q %v", second, err)
	}
	if got := w.SetAsideFiles(q1); len(got) != 2 {
		t.Errorf("set aside: %+v", got)
	}
	if files := w.ReceivedFiles(q1); len(files) != 1 || filepath.Base(files[0]) != "KT-2026-Q1 (2).xlsx" {
		t.Errorf("received: %q", files)
	}
	back, err := w.Restore(q1, "KT-2026-Q1.xlsx")
	if err != nil || back != "KT-2026-Q1.xlsx" {
		t.Fatalf("put back: %q %v", back, err)
	}
	if b, _ := os.ReadFile(filepath.Join(w.ReceivedDir(q1), back)); string(b) != "một" {
		t.Errorf("put back %q", b)
	}
	for _, bad := range []string{"", "../x.xlsx", ".don-vi.json", "khong-co.xlsx"} {
		var ie *InputError
		if _, err := w.SetAside(q1, bad); !errors.As(err, &ie) {
			t.Errorf("set aside %q: %v", bad, err)
		}
	}
}

// The unit the office gave a file follows it aside and back, even when it
// comes back under a new name because a file of its name came meanwhile;
// that other file does not take it.
func TestAssignmentFollowsSetAsideFile(t *testing.T) {
	w := newWorkspace(t)
	c := builtinCatalog(t)
	receive(t, w, q1, "bao cao.xlsx", []byte("của Hội Nông dân"))
	if err := w.Assign(c, q1, "bao cao.xlsx", "HND"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.SetAside(q1, "bao cao.xlsx"); err != nil {
		t.Fatal(err)
	}
	if got := w.UnitOf(q1); len(got) != 0 {
		t.Errorf("a file set aside still counts as assigned: %v", got)
	}
	// Another unit's file of the same name comes: not the first one's unit.
	receive(t, w, q1, "bao cao.xlsx", []byte("của Hội Phụ nữ"))
	if got := w.UnitOf(q1); len(got) != 0 {
		t.Errorf("the new file took the unit of the one set aside: %v", got)
	}
	back, err := w.Restore(q1, "bao cao.xlsx")
	if err != nil || back != "bao cao (2).xlsx" {
		t.Fatalf("put back: %q %v", back, err)
	}
	if got := w.UnitOf(q1); len(got) != 1 || got["bao cao (2).xlsx"] != "HND" {
		t.Errorf("after putting back as %q: %v, want it HND's", back, got)
	}
	// Aside again under a name taken there, and back: still HND's.
	receive(t, w, q1, "x.xlsx", []byte("x"))
	if err := w.Assign(c, q1, "x.xlsx", "HPN"); err != nil {
		t.Fatal(err)
	}
	aside, err := w.SetAside(q1, "bao cao (2).xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if back, err = w.Restore(q1, aside); err != nil {
		t.Fatal(err)
	}
	if got := w.UnitOf(q1); len(got) != 2 || got[back] != "HND" || got["x.xlsx"] != "HPN" {
		t.Errorf("after a second round as %q: %v", back, got)
	}
}
