package intake

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"baocao/internal/forms"
	"baocao/internal/officetest"
)

// TestFormulaEmptyString: a formula that returns "" (IF(...;"...";"")),
// cached as an empty value, is an empty cell; one with no cached value
// that cannot be computed stays an error.
func TestFormulaEmptyString(t *testing.T) {
	c := loadCatalog(t)
	t.Run("Excel", func(t *testing.T) {
		path := tempPath(t, "KT-2026-Q1.xlsx")
		filled(c).write(t, path)
		rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
			b = regexp.MustCompile(`<c r="I8"[^>]*>.*?</c>|<c r="I8"[^>]*/>`).ReplaceAll(b, []byte(`<c r="I8" t="str"><f>IF(G8="","Chưa có","")</f><v></v></c>`))
			return regexp.MustCompile(`<c r="J9"[^>]*>.*?</c>|<c r="J9"[^>]*/>`).ReplaceAll(b, []byte(`<c r="J9" t="str"><f>IF(1=2,"x","")</f><v/></c>`))
		})
		s := readUnchanged(t, path, c, Options{Period: q1})
		if s.HasErrors() || hasProblem(s, SeverityWarning, "công thức") {
			t.Errorf("a formula returning \"\" is no problem:\n%s", problemsText(s))
		}
		if r := rowOf(t, s, "I.1"); r.Difficulties != "" {
			t.Errorf("I.1 difficulties %q", r.Difficulties)
		}
	})
	t.Run("LibreOffice", func(t *testing.T) {
		src := filepath.Join(t.TempDir(), "KT-2026-Q1.xlsx")
		realForm(t, c, "KT", src)
		edited := officetest.Edit(t, src, "KT-2026-Q1.xlsx",
			officetest.Formula(forms.ReportSheet, "K10", `=IF(G10="";"Thiếu kết quả";"")`),
			officetest.Formula(forms.ReportSheet, "K11", `=IF(G11="x";"Có";"")`))
		part := zipPart(t, edited, "xl/worksheets/sheet1.xml")
		if !regexp.MustCompile(`<c r="K10"[^>]*><f[^>]*>[^<]*</f><v></v></c>`).Match(part) {
			t.Fatalf("LibreOffice no longer caches an empty string as <v></v>: %s", regexp.MustCompile(`<c r="K10".{0,120}`).Find(part))
		}
		s := readUnchanged(t, edited, c, Options{Period: q1})
		if s.HasErrors() || hasProblem(s, SeverityWarning, "công thức") {
			t.Errorf("LibreOffice's formulas returning \"\":\n%s", problemsText(s))
		}
		if r := rowOf(t, s, "I.1"); r.Notes != "" {
			t.Errorf("I.1 notes %q", r.Notes)
		}
	})
	t.Run("no cached value", func(t *testing.T) {
		path := tempPath(t, "KT-2026-Q1.xlsx")
		formulaBook(t, c, path, `KHONGCOHAM(1)`)
		s := readUnchanged(t, path, c, Options{Period: q1})
		if !hasProblem(s, SeverityError, "không lưu giá trị và không tự tính được") {
			t.Errorf("a formula without a value is still an error:\n%s", problemsText(s))
		}
	})
}

func zipPart(t *testing.T, path, name string) []byte {
	t.Helper()
	var out []byte
	rewriteZip(t, copyOf(t, path), name, func(b []byte) []byte { out = bytes.Clone(b); return b })
	return out
}

func copyOf(t *testing.T, path string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), filepath.Base(path))
	copyFile(t, path, dst)
	return dst
}

// TestFormulasWithoutValuesAreNotAnEmptyForm: a workbook whose fill-in
// cells are all formulas with no stored value (as scripts write them) is
// told apart from an empty form, with the fix; an empty form stays one.
func TestFormulasWithoutValuesAreNotAnEmptyForm(t *testing.T) {
	c := loadCatalog(t)
	path := tempPath(t, "KT-2026-Q1.xlsx")
	filled(c).write(t, path)
	n := 0
	rewriteZip(t, path, "xl/worksheets/sheet1.xml", func(b []byte) []byte {
		return regexp.MustCompile(`<c r="([F-L])([0-9]+)"[^>/]*>.*?</c>`).ReplaceAllFunc(b, func(m []byte) []byte {
			g := regexp.MustCompile(`r="([F-L])([0-9]+)"`).FindSubmatch(m)
			if row, _ := strconv.Atoi(string(g[2])); row < 8 {
				return m
			}
			n++
			return []byte(`<c r="` + string(g[1]) + string(g[2]) + `" t="str"><f>NGUON(` + string(g[2]) + `)</f></c>`)
		})
	})
	if n < 10 {
		t.Fatalf("only %d cells made formulas", n)
	}
	s := readUnchanged(t, path, c, Options{Period: q1})
	if !hasProblem(s, SeverityError, "ô công thức chưa có giá trị lưu sẵn") || !hasProblem(s, SeverityError, "mở tệp bằng Excel hoặc LibreOffice Calc, lưu lại") {
		t.Errorf("want the formulas told:\n%s", problemsText(s))
	}
	if hasProblem(s, SeverityError, "biểu chưa điền gì") {
		t.Errorf("formulas without values called an empty form:\n%s", problemsText(s))
	}

	empty := tempPath(t, "KT-2026-Q1.xlsx")
	formBook(c, "KT", q1, nil).write(t, empty)
	if s := readUnchanged(t, empty, c, Options{Period: q1}); !hasProblem(s, SeverityError, "biểu chưa điền gì") || hasProblem(s, SeverityError, "công thức") {
		t.Errorf("an empty form:\n%s", problemsText(s))
	}
}
