// Command gensamples rewrites the sample submissions in data/samples from
// the current forms: go run ./cmd/gensamples. internal/samples' test fails
// when the committed samples differ from what it would write.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/samples"
)

func main() {
	c, err := catalog.Load("data")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	p := period.MustParse(samples.Period)
	dir := filepath.Join("data", "samples", p.String())
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := samples.Generate(c, p, dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("Đã ghi dữ liệu mẫu vào", dir)
}
