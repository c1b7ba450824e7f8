package cycle

import (
	"os"

	"baocao/internal/outfile"
	"baocao/internal/period"
)

// WriteKept writes a period's outputs into outDir/P as a commune's build
// does: one writer of the folder at a time, what a killed program left
// finished first, an output the office edited since the last build kept
// under a dated name, each of stale (an output no longer wanted, such as
// the reminder once everyone has sent) and the PDF of a document written
// now without one renamed the same way; then the files and the ledger,
// whole or not at all. It returns one sentence a file kept. The
// province's roll-up writes through it.
func WriteKept(outDir string, p period.Period, files []outfile.File, stale []string) ([]string, error) {
	dir := Dir(outDir, p)
	unlock, err := outfile.Lock(outDir)
	if err != nil {
		return nil, outfile.FolderError(outDir, err)
	}
	defer unlock()
	if _, err := os.Stat(dir); err == nil {
		outfile.Recover(dir)
	}
	l := readLedger(dir)
	kept, err := setAside(l, files, stale, unpairedPDFs(files))
	if err != nil {
		return kept, err
	}
	return kept, outfile.WriteAll(append(files, ledgerFile(dir, l, files, nil))...)
}
