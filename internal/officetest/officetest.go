// Package officetest lets tests open what we write with a real office
// client: LibreOffice, run headless. Where LibreOffice is missing the test
// is skipped with the reason, unless BAOCAO_REQUIRE_LIBREOFFICE=1 (set by CI),
// in which case it fails, so that CI can never pass by skipping.
package officetest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// mu serialises conversions inside one test binary: soffice instances are
// slow to start and memory-hungry, and the machines have two cores.
var mu sync.Mutex

// Binary returns the path of soffice, or skips (or fails, under
// BAOCAO_REQUIRE_LIBREOFFICE=1) when it is not installed.
func Binary(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const reason = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
	if os.Getenv("BAOCAO_REQUIRE_LIBREOFFICE") == "1" {
		t.Fatal(reason + " (BAOCAO_REQUIRE_LIBREOFFICE=1 forbids skipping)")
	}
	t.Skip(reason)
	return ""
}

// Convert converts src with `soffice --headless --convert-to format` into a
// fresh temporary folder and returns the path of the converted file. format
// is what soffice takes, e.g. "pdf" or "xlsx:Calc MS Excel 2007 XML". Each
// call uses its own LibreOffice profile so that parallel test binaries do not
// fight over one.
func Convert(t testing.TB, src, format string) string {
	t.Helper()
	bin := Binary(t)
	mu.Lock()
	defer mu.Unlock()

	outDir := t.TempDir()
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"-env:UserInstallation=file://"+filepath.ToSlash(profile),
		"--headless", "--norestore", "--nolockcheck",
		"--convert-to", format, "--outdir", outDir, src)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("soffice --convert-to %s %s: %v\n%s", format, src, err, out.String())
	}
	ext := format
	if i := strings.IndexByte(ext, ':'); i >= 0 {
		ext = ext[:i]
	}
	base := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	dst := filepath.Join(outDir, base+"."+ext)
	if fi, err := os.Stat(dst); err != nil || fi.Size() == 0 {
		t.Fatalf("soffice made no %s from %s: %v\n%s", ext, src, err, out.String())
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
