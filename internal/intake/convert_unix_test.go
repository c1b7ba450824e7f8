//go:build unix

package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXLSConversionFails: when LibreOffice crashes on an .xls, the problem
// says so in one Vietnamese line, without LibreOffice's crash dump.
func TestXLSConversionFails(t *testing.T) {
	fake := filepath.Join(t.TempDir(), "soffice")
	script := "#!/bin/sh\necho 'Fatal exception: Signal 6' >&2\necho '/usr/lib/libreoffice/program/libuno_sal.so.3(+0x37722)' >&2\nexit 134\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	saved := officeBinary
	officeBinary = func() string { return fake }
	t.Cleanup(func() { officeBinary = saved })

	c := loadCatalog(t)
	xls := filepath.Join(t.TempDir(), "KT-2026-Q1.xls")
	b, err := os.ReadFile(filepath.Join(corpusDir, "cu.xls"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(xls, b, 0o444)
	s := readUnchanged(t, xls, c, Options{Period: q1})
	want := "tệp ở định dạng Excel 97-2003 (.xls); không chuyển được tệp .xls sang .xlsx: LibreOffice dừng đột ngột (mã thoát 134). Mở tệp bằng Excel"
	if !hasProblem(s, SeverityError, want) {
		t.Errorf("no problem %q:\n%s", want, problemsText(s))
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "Fatal") || strings.Contains(p.Message, "libuno") || strings.Contains(p.Message, "\n") {
			t.Errorf("the crash dump reached the user: %q", p.Message)
		}
	}
}
