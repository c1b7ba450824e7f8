package cycle

import (
	"os"

	"baocao/internal/outfile"
)

// WriteKept writes a period's outputs, files, into dir under outDir,
// whole or not at all, keeping what the office has done there (see
// setAside): an output it edited, and one of stale (a reminder no longer
// needed, because of why), are kept under dated names first. made maps a
// PDF among files to the document it shows, for the ledger (nil when
// unknown: such a PDF is made again next time). It returns one Vietnamese
// sentence a file so kept. The commune's build and the province's
// roll-up write through it.
func WriteKept(outDir, dir string, files []outfile.File, made map[string][]byte, stale []string, why string) ([]string, error) {
	return writeKept(outDir, dir, files, made, stale, why, nil)
}

// writeKept is WriteKept recording, when inputs is not nil, what the
// files were made from (Workspace.inputs), so that the page can tell
// when they are out of date (Workspace.Changes).
func writeKept(outDir, dir string, files []outfile.File, made map[string][]byte, stale []string, why string, inputs []string) ([]string, error) {
	// One writer of the folder at a time, across programs; what a killed
	// one left is finished first, so that the ledger and the outputs
	// agree (never the program's own output taken for an office edit).
	unlock, err := outfile.Lock(outDir)
	if err != nil {
		return nil, outfile.FolderError(outDir, err)
	}
	defer unlock()
	if _, err := os.Stat(dir); err == nil {
		outfile.Recover(dir)
	}
	l := readLedger(dir)
	kept, err := setAside(l, files, stale, why, unpairedPDFs(files))
	if err != nil {
		return kept, err
	}
	return kept, outfile.WriteAll(append(files, ledgerFile(dir, l, files, made, inputs))...)
}
