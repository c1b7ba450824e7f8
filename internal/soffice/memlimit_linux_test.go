package soffice

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// LibreOffice converts under MemoryLimit: its address space is bounded
// whatever the file makes it build.
func TestConvertMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	seen := filepath.Join(dir, "limit")
	fake := filepath.Join(dir, "soffice")
	os.WriteFile(fake, []byte("#!/bin/sh\nulimit -v > '"+seen+"'\nexit 1\n"), 0o755)
	Convert(context.Background(), fake, []byte("x"), ".xls", XLSX)
	b, err := os.ReadFile(seen)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(b)); got != strconv.FormatInt(MemoryLimit>>10, 10) {
		t.Errorf("LibreOffice ran with ulimit -v %s, want %d", got, MemoryLimit>>10)
	}
}
