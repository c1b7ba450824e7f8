package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"baocao/internal/forms"
	"baocao/internal/officetest"
)

// TestLatestBySaveTime: of two files of a unit, the one the workbook says
// was saved last is used, whatever the files' modification times; both
// messages give both save times as dd/mm/yyyy hh:mm.
func TestLatestBySaveTime(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	newer, older := filepath.Join(dir, "KT-2026-Q1-sua.xlsx"), filepath.Join(dir, "KT-2026-Q1.xlsx")
	b := filled(c)
	b.saved = "2026-03-20T08:15:00Z"
	b.write(t, newer)
	b.saved = "2026-03-18T02:05:00Z"
	b.write(t, older)
	// The office copied the older one last.
	now := time.Now()
	os.Chtimes(newer, now.Add(-48*time.Hour), now.Add(-48*time.Hour))
	os.Chtimes(older, now, now)

	subs := ReadAll([]string{dir}, c, Options{Period: q1})
	byPath := map[string]*Submission{}
	for _, s := range subs {
		byPath[s.Path] = s
	}
	n, o := byPath[newer], byPath[older]
	if n == nil || o == nil {
		t.Fatalf("%v", subs)
	}
	if n.Saved.IsZero() || !n.Saved.Equal(time.Date(2026, 3, 20, 8, 15, 0, 0, time.UTC)) {
		t.Errorf("save time read: %v", n.Saved)
	}
	if o.SupersededBy != newer || n.SupersededBy != "" {
		t.Fatalf("superseded: newer %q, older %q\n%s", n.SupersededBy, o.SupersededBy, problemsText(o))
	}
	tn := time.Date(2026, 3, 20, 8, 15, 0, 0, time.UTC).Local().Format("02/01/2006 15:04")
	to := time.Date(2026, 3, 18, 2, 5, 0, 0, time.UTC).Local().Format("02/01/2006 15:04")
	for _, s := range []*Submission{n, o} {
		text := problemsText(s)
		if !strings.Contains(text, tn) || !strings.Contains(text, to) || !strings.Contains(text, "theo thời gian lưu do Excel, LibreOffice hoặc WPS ghi trong tệp") {
			t.Errorf("%s: the message does not give both save times (%s, %s) and why:\n%s", s.Path, tn, to, text)
		}
	}
}

// TestLatestByFormDate: without save times, the date written above the
// signatures decides.
func TestLatestByFormDate(t *testing.T) {
	c := loadCatalog(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	signed := func(date string) book {
		k := filled(c)
		return withRows(k, []any{}, []any{"", "", "", "", "", "", date}, []any{"NGƯỜI LẬP BIỂU", "", "", "", "", "", "THỦ TRƯỞNG ĐƠN VỊ"})
	}
	signed("Xốp, ngày 20 tháng 3 năm 2026").write(t, a)
	signed("Xốp, ngày 18 tháng 03 năm 2026").write(t, b)
	now := time.Now()
	os.Chtimes(a, now.Add(-time.Hour), now.Add(-time.Hour))
	os.Chtimes(b, now, now)
	subs := ReadAll([]string{a, b}, c, Options{Period: q1})
	if subs[0].FormDate.Day() != 20 || subs[1].FormDate.Day() != 18 {
		t.Fatalf("form dates %v %v", subs[0].FormDate, subs[1].FormDate)
	}
	if subs[1].SupersededBy != a || !hasProblem(subs[1], SeverityWarning, "không dùng tệp này (ký lúc 18/03/2026) vì tệp a.xlsx mới hơn (ký lúc 20/03/2026), theo ngày đơn vị ghi trên biểu") {
		t.Errorf("%q\n%s", subs[1].SupersededBy, problemsText(subs[1]))
	}
}

// TestFormDate: only a line that is a place and a date is the form's date.
func TestFormDate(t *testing.T) {
	tests := map[string]bool{
		"Xốp, ngày 20 tháng 3 năm 2026":                    true,
		"Ngày 20/03/2026":                                  true,
		"ngày 5 tháng 01 năm 2026":                         true,
		"Xốp, ngày ..... tháng ..... năm .....":            false,
		"Kế hoạch số 15/KH-UBND ngày 20 tháng 01 năm 2026": false,
		"ngày 31 tháng 2 năm 2026":                         false,
	}
	for in, want := range tests {
		if _, ok := formDate([]string{in}); ok != want {
			t.Errorf("formDate(%q) = %v, want %v", in, ok, want)
		}
	}
}

// TestLatestLibreOfficeSave: a form re-saved in LibreOffice records when;
// it wins over a copy saved earlier, though that copy reached the folder
// later.
func TestLatestLibreOfficeSave(t *testing.T) {
	c := loadCatalog(t)
	src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
	realForm(t, c, "KT", src)
	edited := officetest.Edit(t, src, "KT-2026-Q1-LibreOffice.xlsx", officetest.Type(forms.ReportSheet, "G10", "Đã sửa trong LibreOffice"))
	dir := t.TempDir()
	lo := filepath.Join(dir, "KT-2026-Q1-LibreOffice.xlsx")
	copyFile(t, edited, lo)
	early := filepath.Join(dir, "KT-2026-Q1.xlsx")
	b := filled(c)
	b.saved = "2026-01-02T03:04:05Z"
	b.write(t, early)
	old := time.Now().Add(-72 * time.Hour)
	os.Chtimes(lo, old, old)
	subs := ReadAll([]string{dir}, c, Options{Period: q1})
	for _, s := range subs {
		switch s.Path {
		case lo:
			if s.Saved.IsZero() || s.SupersededBy != "" {
				t.Errorf("the LibreOffice save: saved %v, superseded by %q\n%s", s.Saved, s.SupersededBy, problemsText(s))
			}
		case early:
			if s.SupersededBy != lo {
				t.Errorf("the early copy is used\n%s", problemsText(s))
			}
		}
	}
}
