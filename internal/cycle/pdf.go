package cycle

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"baocao/internal/outfile"
	"baocao/internal/soffice"
)

// noPDFAdvice tells how to get the PDF without LibreOffice.
const noPDFAdvice = "Tệp .docx và .xlsx vẫn đã được ghi. Muốn có bản PDF: cài LibreOffice (miễn phí, libreoffice.org) rồi lập lại, hoặc mở tệp bằng Word, Excel và chọn Tệp > Lưu thành (Save As) > PDF."

// toPDF converts the outputs to PDFs beside them, all with one LibreOffice
// process (warm when set, else one found by soffice.Find(explicit)),
// telling each document it
// begins as «Lập PDF 2/3» to ctx's progress. When LibreOffice is missing,
// or a conversion fails, it makes what it can and note says, in
// Vietnamese, what was not made (one line a file) and how to get it; the
// documents are written all the same.
func toPDF(ctx context.Context, explicit string, warm *soffice.Warm, files []outfile.File) (pdfs []outfile.File, note string) {
	bin, err := soffice.Find(explicit)
	if warm != nil {
		err = nil
	}
	if err != nil {
		if errors.Is(err, soffice.ErrNotFound) {
			return nil, "Chưa xuất được PDF: máy chưa cài LibreOffice. " + noPDFAdvice
		}
		return nil, "Chưa xuất được PDF: " + err.Error() + ". " + noPDFAdvice
	}
	docs := make([]soffice.Doc, len(files))
	for i, f := range files {
		docs[i] = soffice.Doc{Ext: filepath.Ext(f.Path), Data: f.Data}
	}
	progress(ctx, StagePDF)
	started := func(i int) { progress(ctx, fmt.Sprintf("%s %d/%d", StagePDF, i, len(files))) }
	var results []soffice.Result
	if warm != nil {
		results = warm.ConvertAll(ctx, docs, soffice.PDF, started)
	} else {
		results = soffice.ConvertAll(ctx, bin, docs, soffice.PDF, started)
	}
	var failed []string
	for i, f := range files {
		if err := results[i].Err; err != nil {
			failed = append(failed, filepath.Base(f.Path)+": "+err.Error())
			continue
		}
		pdfs = append(pdfs, outfile.File{Path: strings.TrimSuffix(f.Path, filepath.Ext(f.Path)) + ".pdf", Data: results[i].Data})
	}
	if len(failed) > 0 {
		note = "Chưa xuất được PDF của " + strings.Join(failed, "; ") + ". " + noPDFAdvice
	}
	return pdfs, note
}

// PDFs converts files (documents and workbooks) to PDF with one
// LibreOffice process: warm when set (the page's), else one found as
// --soffice explicit says; the PDFs beside them, and a Vietnamese note on
// what could not be made. The province's roll-up uses it as the commune's
// build does.
func PDFs(ctx context.Context, explicit string, warm *soffice.Warm, files []outfile.File) ([]outfile.File, string) {
	return toPDF(ctx, explicit, warm, files)
}
