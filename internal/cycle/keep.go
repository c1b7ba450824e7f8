package cycle

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"baocao/internal/outfile"
)

// ledgerName is the file, beside a period's outputs, that records what the
// program last wrote there, so that a re-run can tell an output the office
// edited (kept as a dated copy) from one it may replace.
const ledgerName = ".baocao-da-ghi.json"

type ledger map[string]string // base name -> sha256 of what we wrote

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func readLedger(dir string) ledger {
	l := ledger{}
	if b, err := os.ReadFile(filepath.Join(dir, ledgerName)); err == nil {
		json.Unmarshal(b, &l) // a damaged ledger counts as empty: nothing is overwritten unseen
	}
	return l
}

// sourceKey is the ledger's key for the digest of the document that the
// PDF named pdfBase was made from.
func sourceKey(pdfBase string) string { return pdfBase + "#source" }

// inputsKey is the ledger's key for the digest of what the output named
// base was made from; inputsList, of that list itself (kept once for all
// the outputs made from it).
func inputsKey(base string) string    { return base + "#inputs" }
func inputsList(digest string) string { return "#inputs@" + digest }

// ledgerFile records files as written by us, with what the ledger held;
// made maps a PDF's path among files to the document it was made from;
// inputs, when not nil, is what the files were made from.
func ledgerFile(dir string, l ledger, files []outfile.File, made map[string][]byte, inputs []string) outfile.File {
	list := strings.Join(inputs, "\n")
	for _, f := range files {
		base := filepath.Base(f.Path)
		l[base] = digest(f.Data)
		if inputs != nil {
			l[inputsKey(base)] = digest([]byte(list))
		} else {
			delete(l, inputsKey(base))
		}
		if strings.EqualFold(filepath.Ext(base), ".pdf") {
			if src, ok := made[f.Path]; ok {
				l[sourceKey(base)] = digest(src)
			} else {
				delete(l, sourceKey(base))
			}
		}
	}
	if inputs != nil {
		l[inputsList(digest([]byte(list)))] = list
	}
	// Lists no output was made from any more go.
	used := map[string]bool{}
	for k, v := range l {
		if strings.HasSuffix(k, "#inputs") {
			used[inputsList(v)] = true
		}
	}
	for k := range l {
		if strings.HasPrefix(k, "#inputs@") && !used[k] {
			delete(l, k)
		}
	}
	b, _ := json.MarshalIndent(l, "", "  ")
	return outfile.File{Path: filepath.Join(dir, ledgerName), Data: b}
}

// setAside keeps what the office has done to a period's outputs before new
// ones are written: an output that differs from both the new one and what
// the program last wrote there was edited, and is renamed to a dated copy
// ("bao-cao-2026-Q1 (bản sửa 02-12-2026 10h15).docx", from its own
// modification time); an output of stale (the reminder, once every unit
// has sent; why says so) is renamed the same way, so that it no longer
// looks current.
// An output of unpaired (the PDF of a document written this time without
// a new PDF: no --pdf, or its conversion failed) no longer shows that
// document, and is renamed the same way. It returns one Vietnamese
// sentence per file moved.
func setAside(l ledger, files []outfile.File, stale []string, why string, unpaired []pdfOf) ([]string, error) {
	var notes []string
	for _, f := range files {
		old, err := os.ReadFile(f.Path)
		if err != nil {
			continue // nothing there; or nothing readable, which the write will word
		}
		h := digest(old)
		if h == digest(f.Data) || l[filepath.Base(f.Path)] == h {
			continue // the same, or ours and untouched: replaced
		}
		to, err := moveDated(f.Path, "bản sửa")
		if err != nil {
			return notes, err
		}
		notes = append(notes, fmt.Sprintf("%s đã được sửa sau lần lập trước: giữ lại thành %s, không ghi đè.", filepath.Base(f.Path), filepath.Base(to)))
	}
	for _, path := range stale {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		to, err := moveDated(path, "bản cũ")
		if err != nil {
			return notes, err
		}
		notes = append(notes, fmt.Sprintf("%s không còn cần (%s): chuyển thành %s.", filepath.Base(path), why, filepath.Base(to)))
	}
	for _, u := range unpaired {
		if fi, err := os.Stat(u.PDF); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		to, err := moveDated(u.PDF, "bản cũ")
		if err != nil {
			return notes, err
		}
		notes = append(notes, fmt.Sprintf("%s là bản PDF của lần lập trước, không khớp với %s vừa lập: chuyển thành %s.", filepath.Base(u.PDF), filepath.Base(u.Doc), filepath.Base(to)))
	}
	return notes, nil
}

// pdfPath is the path of the PDF of the document at path, beside it.
func pdfPath(path string) string { return strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf" }

// keptPDFs are the PDFs beside docs that need not be made again: the
// program made each from a document with the same bytes (the ledger of
// dir says so) and nobody has changed it since. A second build that
// changed nothing then waits for no LibreOffice. The PDFs are read back,
// so that what is written is what was checked.
func keptPDFs(dir string, docs []outfile.File) map[string]outfile.File {
	l := readLedger(dir)
	kept := map[string]outfile.File{}
	for _, f := range docs {
		pdf := pdfPath(f.Path)
		base := filepath.Base(pdf)
		src, ok := l[sourceKey(base)]
		if !ok || src != digest(f.Data) {
			continue
		}
		if b, err := os.ReadFile(pdf); err == nil && len(b) > 0 && digest(b) == l[base] {
			kept[f.Path] = outfile.File{Path: pdf, Data: b}
		}
	}
	return kept
}

// pdfOf is a document and the path of its PDF beside it.
type pdfOf struct{ Doc, PDF string }

// unpairedPDFs lists the documents among files whose PDF is not among
// them, with that PDF's path: a PDF already there shows an earlier
// version of the document.
func unpairedPDFs(files []outfile.File) []pdfOf {
	written := map[string]bool{}
	for _, f := range files {
		written[f.Path] = true
	}
	var out []pdfOf
	for _, f := range files {
		ext := filepath.Ext(f.Path)
		if strings.EqualFold(ext, ".pdf") {
			continue
		}
		if pdf := pdfPath(f.Path); !written[pdf] {
			out = append(out, pdfOf{Doc: f.Path, PDF: pdf})
		}
	}
	return out
}

// moveDated renames path to "name (label dd-mm-yyyy HHhMM).ext", dated by
// its modification time, with a number added if that name is taken.
func moveDated(path, label string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	when := fi.ModTime().Format("02-01-2006 15h04")
	to := fmt.Sprintf("%s (%s %s)%s", stem, label, when, ext)
	for n := 2; ; n++ {
		if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			break
		}
		to = fmt.Sprintf("%s (%s %s, %d)%s", stem, label, when, n, ext)
	}
	if err := os.Rename(path, to); err != nil {
		return "", &InputError{Msg: fmt.Sprintf("không đổi tên được %s để giữ lại bản đã có (%v). Đóng tệp nếu đang mở trong Word hoặc Excel rồi làm lại.", path, err)}
	}
	return to, nil
}
