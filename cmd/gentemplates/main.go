// Command gentemplates rebuilds the commune's Word templates from their
// source in internal/render/tmplsrc, and the province's into templates/tinh/:
//
//	go run ./cmd/gentemplates [-dir templates] [-tinh tinh]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"baocao/internal/render/tmplsrc"
)

func main() {
	dir := flag.String("dir", "templates", "thư mục ghi các mẫu .docx")
	provinceDir := flag.String("tinh", "templates/tinh", "thư mục ghi mẫu báo cáo của tỉnh")
	flag.Parse()
	err := run(*dir, tmplsrc.Templates())
	if err == nil {
		err = run(*provinceDir, tmplsrc.ProvinceTemplates())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gentemplates:", err)
		os.Exit(1)
	}
}

func run(dir string, templates map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range templates {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
