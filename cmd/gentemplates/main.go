// Command gentemplates rebuilds the commune's Word templates from their
// source in internal/render/tmplsrc:
//
//	go run ./cmd/gentemplates [-dir templates]
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
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gentemplates:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range tmplsrc.Templates() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
