package soffice_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"baocao/internal/soffice"
)

// Converting the report to PDF beside it, going on without the PDF when
// LibreOffice is not installed.
func ExampleToPDF() {
	bin, err := soffice.Find("") // or the value of --soffice
	if errors.Is(err, soffice.ErrNotFound) {
		fmt.Println("bỏ qua bản PDF:", err)
		return
	} else if err != nil {
		fmt.Println(err) // a path the user gave holds no LibreOffice
		return
	}
	docx, err := os.ReadFile("out/bao-cao-2026-Q1.docx")
	if err != nil {
		fmt.Println(err)
		return
	}
	pdf, err := soffice.ToPDF(context.Background(), bin, docx, ".docx")
	if err != nil {
		fmt.Println(err) // one Vietnamese line; errors.Unwrap(err) has LibreOffice's output
		return
	}
	os.WriteFile("out/bao-cao-2026-Q1.pdf", pdf, 0o644)
}
