package cycle

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"baocao/internal/outfile"
	"baocao/internal/soffice"
)

// noPDFAdvice tells how to get the PDF without LibreOffice.
const noPDFAdvice = "Tệp .docx và .xlsx vẫn đã được ghi. Muốn có bản PDF: cài LibreOffice (miễn phí, libreoffice.org) rồi lập lại, hoặc mở tệp bằng Word, Excel và chọn Tệp > Lưu thành (Save As) > PDF."

// toPDF converts each output to a PDF beside it, with LibreOffice found by
// soffice.Find(explicit). When LibreOffice is missing, or a conversion
// fails, it makes what it can and note says, in Vietnamese, what was not
// made and how to get it; the documents are written all the same.
func toPDF(ctx context.Context, explicit string, files []outfile.File) (pdfs []outfile.File, note string) {
	bin, err := soffice.Find(explicit)
	if err != nil {
		if errors.Is(err, soffice.ErrNotFound) {
			return nil, "Chưa xuất được PDF: máy chưa cài LibreOffice. " + noPDFAdvice
		}
		return nil, "Chưa xuất được PDF: " + err.Error() + ". " + noPDFAdvice
	}
	var failed []string
	for _, f := range files {
		ext := filepath.Ext(f.Path)
		pdf, err := soffice.ToPDF(ctx, bin, f.Data, ext)
		if err != nil {
			failed = append(failed, filepath.Base(f.Path)+": "+err.Error())
			continue
		}
		pdfs = append(pdfs, outfile.File{Path: strings.TrimSuffix(f.Path, ext) + ".pdf", Data: pdf})
	}
	if len(failed) > 0 {
		note = "Chưa xuất được PDF của " + strings.Join(failed, "; ") + ". " + noPDFAdvice
	}
	return pdfs, note
}
