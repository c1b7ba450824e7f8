// Command baocao builds the commune's periodic report on social policy
// credit: the units' Excel forms, the check of what they send back, the Word
// report and the Excel summary. See README.md.
package main

import (
	"os"

	"baocao/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
