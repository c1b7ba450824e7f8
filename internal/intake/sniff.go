package intake

import (
	"bytes"

	"baocao/internal/cfb"
)

// Kinds of file that are no workbook, told by their content so that the
// message says what the file really is (a Word file named .xls, a PDF
// named .xlsx), before LibreOffice is ever asked to convert it.
const (
	kindXLSB       kind = iota + 100 // Excel's binary workbook: zip with xl/workbook.bin
	kindWordDoc                      // Word 97-2003 (.doc): OLE2 with a WordDocument stream
	kindPowerPoint                   // PowerPoint, old or new
	kindOLE                          // another OLE2 file (an Outlook message, a Visio drawing)
	kindPDF
	kindPicture
	kindRTF
)

// utf16 spells s as an OLE2 directory stores stream names (UTF-16LE).
func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

var (
	wordStream       = utf16("worddocument")
	powerPointStream = utf16("powerpoint document")
	workbookStream   = utf16("workbook")
	bookStream       = utf16("book\x00")
	encryptedPackage = utf16("encryptedpackage")
)

// ole2Kind tells what a compound file (OLE2) holds by the names of its
// top-level streams, in any case: an .xls has a "Workbook" (or, before
// Excel 97, "Book") stream, whatever else it embeds deeper (a Word object
// is a "WordDocument" stream in a storage of its own); a .doc has a
// "WordDocument" one; an encrypted .xlsx or .docx "EncryptionInfo" and
// "EncryptedPackage". An .xls with a FILEPASS record has a password.
func ole2Kind(data []byte) kind {
	info := cfb.Sniff(data)
	switch info.Kind {
	case cfb.EncryptedOOXML:
		return kindEncrypted
	case cfb.XLS:
		if info.Encrypted {
			return kindXLSEncrypted
		}
		return kindXLS
	case cfb.Doc:
		return kindWordDoc
	case cfb.PPT:
		return kindPowerPoint
	case cfb.Other:
		return kindOLE
	}
	// A directory that cannot be read: guess from the names' bytes, in any
	// case, a workbook first (LibreOffice may still read it).
	lower := make([]byte, len(data))
	for i, c := range data {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	switch {
	case bytes.Contains(lower, encryptedPackage):
		return kindEncrypted
	case bytes.Contains(lower, workbookStream) || bytes.Contains(lower, bookStream):
		return kindXLS
	case bytes.Contains(lower, wordStream):
		return kindWordDoc
	case bytes.Contains(lower, powerPointStream):
		return kindPowerPoint
	}
	return kindOLE
}

// contentKind tells a PDF, a picture or an RTF document by its first
// bytes; ok is false for anything else.
func contentKind(data []byte) (kind, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return kindPDF, true
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}), // JPEG
		bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")),
		bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")),
		bytes.HasPrefix(data, []byte("BM")) && len(data) > 14 && data[6] == 0 && data[7] == 0,
		bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")), // TIFF
		len(data) > 12 && bytes.Equal(data[4:8], []byte("ftyp")) && bytes.Contains(data[8:12], []byte("hei")), // HEIC
		len(data) > 12 && bytes.HasPrefix(data, []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")):
		return kindPicture, true
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return kindRTF, true
	}
	return 0, false
}

// otherKindMessage words what a file that is no workbook really is, and
// what to do; "" for the kinds read or worded elsewhere.
func otherKindMessage(k kind) string {
	const resend = "Đề nghị đơn vị gửi lại đúng tệp biểu mẫu Excel (.xlsx) đã điền."
	switch k {
	case kindXLSB:
		return "tệp Excel dạng nhị phân (.xlsb), chương trình không đọc được. " + saveAsAdvice
	case kindWordDoc:
		return "đây là tệp Word 97-2003 (.doc), không phải sổ Excel, dù mang đuôi tệp Excel. " + resend
	case kindPowerPoint:
		return "đây là tệp PowerPoint, không phải sổ Excel. " + resend
	case kindOLE:
		return "đây là một tệp Office cũ nhưng không phải sổ Excel (có thể là thư Outlook hoặc bản vẽ). " + resend
	case kindPDF:
		return "đây là tệp PDF, không phải sổ Excel: chương trình không đọc được số liệu trong bản PDF. " + resend
	case kindPicture:
		return "đây là ảnh (có thể là ảnh chụp biểu báo cáo), không phải sổ Excel: chương trình không đọc được chữ trong ảnh. " + resend
	case kindRTF:
		return "đây là văn bản Word (.rtf), không phải sổ Excel. " + resend
	}
	return ""
}
