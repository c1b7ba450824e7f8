// Package officetest lets tests open what we write with a real office
// client: LibreOffice, run headless. Where LibreOffice is missing the test
// is skipped with the reason, unless BAOCAO_REQUIRE_LIBREOFFICE=1 (set by CI),
// in which case it fails, so that CI can never pass by skipping.
package officetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"baocao/internal/soffice"
)

// Binary returns the path of soffice (found as soffice.Find finds it), or
// skips (or fails, under BAOCAO_REQUIRE_LIBREOFFICE=1) when it is not
// installed.
func Binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: LibreOffice is a real client, its tests are skipped")
	}
	bin, err := soffice.Find("")
	if err == nil {
		return bin
	}
	reason := "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (" + err.Error() + ")"
	if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
		t.Fatal(reason + " (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
	}
	t.Skip(reason)
	return ""
}

// Convert converts src with soffice.Convert (`soffice --headless
// --convert-to format`) and returns the path of the converted file, in a
// fresh temporary folder and named like src. format is what soffice takes,
// e.g. "pdf" or "xlsx:Calc MS Excel 2007 XML". Each conversion has its own
// LibreOffice profile, so that parallel test binaries do not fight over one,
// and those of one test binary run one at a time.
func Convert(t testing.TB, src, format string) string {
	t.Helper()
	bin := Binary(t)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := soffice.Convert(context.Background(), bin, data, filepath.Ext(src), format)
	if err != nil {
		// The wrapped error holds what LibreOffice printed.
		t.Fatalf("soffice --convert-to %s %s: %v\n%v", format, src, err, errors.Unwrap(err))
	}
	ext, _, _ := strings.Cut(format, ":")
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	dst := filepath.Join(t.TempDir(), base+"."+ext)
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// PDFText returns the text of a PDF through pdftotext (poppler-utils),
// skipping or failing like Binary when the tool is missing.
func PDFText(t testing.TB, pdf string) string {
	t.Helper()
	out, err := exec.Command(Poppler(t, "pdftotext"), "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// PDFPages returns the number of pages of a PDF (pdfinfo), for print checks.
func PDFPages(t testing.TB, pdf string) int {
	t.Helper()
	out, err := exec.Command(Poppler(t, "pdfinfo"), pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			var n int
			fmt.Sscan(strings.TrimSpace(rest), &n)
			return n
		}
	}
	t.Fatalf("pdfinfo %s: no page count in %q", pdf, out)
	return 0
}

// Poppler finds a poppler-utils program (pdftotext, pdfinfo, pdftoppm),
// skipping (or failing under BAOCAO_REQUIRE_LIBREOFFICE=1) when it is missing.
func Poppler(t testing.TB, name string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		reason := name + " is not installed: apt-get install poppler-utils"
		if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
			t.Fatal(reason + " (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
		}
		t.Skip(reason)
	}
	return bin
}
