package province

import (
	"os"
	"path/filepath"
	"testing"
)

// Printed outputs name a file below the folder it was found in, never
// with the machine's folders.
func TestRelativeTo(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "nhan ve")
	zipFile := filepath.Join(dir, "ly-son.zip")
	os.MkdirAll(in, 0o755)
	os.WriteFile(zipFile, []byte("PK"), 0o644)
	for _, tt := range []struct {
		roots      []string
		file, want string
	}{
		{[]string{in}, filepath.Join(in, "zalo", "Xốp.xlsx"), "zalo/Xốp.xlsx"},
		{[]string{in + string(filepath.Separator)}, filepath.Join(in, "a.xlsx"), "a.xlsx"},
		{[]string{in, zipFile}, zipFile + "/ly son/tong-hop.xlsx", "ly-son.zip/ly son/tong-hop.xlsx"},
		{[]string{zipFile}, zipFile, "ly-son.zip"},
		{[]string{in}, filepath.Join(dir, "other", "b.xlsx"), "b.xlsx"},
	} {
		if got := relativeTo(tt.roots, tt.file); got != tt.want {
			t.Errorf("relativeTo(%v, %s) = %q, want %q", tt.roots, tt.file, got, tt.want)
		}
	}
}
