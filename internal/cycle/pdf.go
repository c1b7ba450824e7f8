package cycle

import (
	"context"

	"baocao/internal/outfile"
)

// toPDF converts each output to PDF; note says why some could not be.
func toPDF(ctx context.Context, soffice string, files []outfile.File) (pdfs []outfile.File, note string) {
	return nil, "" // TODO(soffice): wired once the LibreOffice adapter lands
}
