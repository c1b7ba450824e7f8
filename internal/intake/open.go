package intake

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"baocao/internal/soffice"
)

// Limits on what a user's file may make us read.
var (
	// maxFileSize is the largest file read: a filled form is a few dozen
	// kilobytes.
	maxFileSize int64 = 50 << 20
	// maxUnzipSize caps the declared size of all parts once unzipped
	// (decompression bombs); maxUnzipXMLSize is the size above which
	// excelize spills a sheet to a temporary file.
	maxUnzipSize    int64 = 200 << 20
	maxUnzipXMLSize int64 = 64 << 20
)

var (
	ole2Signature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipSignature  = []byte("PK")
)

// kind is what a file turned out to be.
type kind int

const (
	kindXLSX kind = iota
	kindXLS
	kindEncrypted
	kindODS
	kindHTML
	kindXML2003
	kindFODS // a flat (one XML document) OpenDocument spreadsheet
	kindDOCX
	kindZip      // a zip that is no workbook
	kindCorrupt  // starts like a zip, cannot be read as one
	kindText     // plain text or CSV
	kindBinary   // anything else
	kindBomb     // declares more unzipped data than allowed
	kindNoSheets // a workbook part list without worksheets
	// kindXLSEncrypted is an .xls with a FILEPASS record: a password to
	// open, or Excel's default one (which LibreOffice reads).
	kindXLSEncrypted
	kindODSEncrypted // an .ods whose manifest has encryption-data
)

// sniff tells what data is from its first bytes and, for zips, its parts.
func sniff(data []byte) kind {
	switch {
	case bytes.HasPrefix(data, ole2Signature):
		// An encrypted .xlsx is an OLE2 container too, told by its
		// streams. (Trying a dummy password with excelize tells it from
		// an .xls too, but runs the password's key derivation: about a
		// second per file.)
		return ole2Kind(data)
	case bytes.HasPrefix(data, zipSignature):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return kindCorrupt
		}
		var total uint64
		workbook, binary, sheets := false, false, false
		for _, f := range zr.File {
			total += f.UncompressedSize64
			name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
			switch {
			case name == "mimetype":
				if rc, err := f.Open(); err == nil {
					var buf [64]byte
					n, _ := rc.Read(buf[:])
					rc.Close()
					if strings.Contains(string(buf[:n]), "opendocument.spreadsheet") {
						if soffice.ODFEncrypted(zr) {
							return kindODSEncrypted
						}
						return kindODS
					}
				}
			case name == "xl/workbook.xml":
				workbook = true
			case name == "xl/workbook.bin":
				binary = true
			case name == "ppt/presentation.xml":
				return kindPowerPoint
			case strings.HasPrefix(name, "xl/worksheets/"):
				sheets = true
			case name == "word/document.xml":
				return kindDOCX
			}
		}
		if total > uint64(maxUnzipSize) {
			return kindBomb
		}
		if !workbook && binary {
			return kindXLSB
		}
		if !workbook {
			return kindZip
		}
		if !sheets {
			return kindNoSheets
		}
		return kindXLSX
	}
	if k, ok := contentKind(data); ok {
		return k
	}
	head := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 1024)], []byte("\xEF\xBB\xBF")), " \t\r\n")))
	switch {
	case strings.HasPrefix(head, "<?xml") && strings.Contains(head, "urn:schemas-microsoft-com:office:spreadsheet"):
		return kindXML2003
	case strings.HasPrefix(head, "<?xml") && strings.Contains(head, "urn:oasis:names:tc:opendocument:xmlns:office"):
		// The root's office:mimetype comes after its many namespaces.
		if bytes.Contains(data[:min(len(data), 8192)], []byte(`mimetype="application/vnd.oasis.opendocument.spreadsheet"`)) {
			return kindFODS
		}
	case strings.HasPrefix(head, "<html") || strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<table") ||
		strings.Contains(head, "<html"):
		return kindHTML
	}
	if looksLikeText(data) {
		return kindText
	}
	return kindBinary
}

func looksLikeText(data []byte) bool {
	sample := data[:min(len(data), 4096)]
	if !utf8.Valid(sample) {
		// A cut in the middle of a rune at the end of the sample is fine.
		sample = sample[:max(0, len(sample)-3)]
		if !utf8.Valid(sample) {
			return false
		}
	}
	for _, b := range sample {
		if b < 0x09 || (b > 0x0D && b < 0x20) {
			return false
		}
	}
	return true
}

// convertible tells whether LibreOffice can turn the kind into an .xlsx.
func (k kind) convertible() bool {
	return k == kindXLS || k == kindXLSEncrypted || k == kindODS || k == kindHTML || k == kindXML2003 || k == kindFODS
}

// describe names the format for the user.
func (k kind) describe() string {
	switch k {
	case kindXLS, kindXLSEncrypted:
		return "định dạng Excel 97-2003 (.xls)"
	case kindODS:
		return "định dạng LibreOffice/OpenOffice (.ods)"
	case kindHTML:
		return "trang web (HTML) mang đuôi tệp Excel"
	case kindXML2003:
		return "định dạng XML Spreadsheet 2003"
	case kindFODS:
		return "định dạng LibreOffice dạng XML (.fods)"
	}
	return "định dạng khác"
}

// passwordMessage says that a file has a password, and what to do, for
// each kind of file that can have one.
func passwordMessage(k kind) string {
	switch k {
	case kindXLSEncrypted:
		return "tệp Excel 97-2003 (.xls) có mật khẩu nên không đọc được. Đề nghị đơn vị mở tệp bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu: xóa mật khẩu), lưu thành .xlsx (Tệp > Lưu thành, kiểu «Sổ làm việc Excel (*.xlsx)») rồi gửi lại."
	case kindODSEncrypted:
		return "tệp LibreOffice (.ods) có mật khẩu nên không đọc được. Đề nghị đơn vị mở tệp bằng LibreOffice Calc, chọn Tệp > Lưu thành, chọn kiểu «Excel 2007-365 (.xlsx)», bỏ chọn «Lưu với mật khẩu» rồi gửi lại tệp .xlsx."
	}
	return "tệp có mật khẩu (được mã hóa) nên không đọc được. Đề nghị đơn vị gỡ mật khẩu rồi gửi lại: trong Excel chọn Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu rồi lưu; trong LibreOffice Calc chọn Tệp > Lưu thành, bỏ chọn «Lưu với mật khẩu»."
}

// saveAsAdvice tells how to save a file as .xlsx.
const saveAsAdvice = "Mở tệp bằng Excel (hoặc LibreOffice Calc, WPS), chọn Tệp > Lưu thành (File > Save As), chọn kiểu «Sổ làm việc Excel (*.xlsx)», rồi gửi lại tệp .xlsx."

// officeBinary finds LibreOffice, or returns "" when there is none (a
// BAOCAO_SOFFICE naming no program counts as none: the file is then
// reported as not .xlsx); tests replace it to force either path.
var officeBinary = func() string {
	bin, _ := soffice.Find("")
	return bin
}

// convertFailure says why a conversion gave no workbook: err from
// convertToXLSX, or none when LibreOffice wrote something that is no .xlsx.
func convertFailure(err error) string {
	if err != nil {
		return err.Error()
	}
	return "LibreOffice chuyển sang .xlsx nhưng tệp tạo ra không phải sổ Excel đọc được"
}

// openError words an error from os for the user.
func openError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp. Kiểm tra lại đường dẫn và tên tệp."
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc tệp. Sao chép tệp sang thư mục khác (hoặc xin quyền đọc) rồi chạy lại."
	case NameTooLong(err):
		return "tên tệp quá dài nên hệ điều hành không mở được. Đổi tên tệp cho ngắn lại (ví dụ KT-2026-Q1.xlsx) rồi chạy lại."
	}
	logDetail("", err)
	return "không đọc được tệp. Tệp có thể đang được chương trình khác mở hoặc khóa, hoặc ổ đĩa có lỗi: đóng Excel hoặc chờ tải xong rồi chạy lại."
}

// NameTooLong tells an error of the system about a name or path that is
// too long: ENAMETOOLONG, or on Windows ERROR_FILENAME_EXCED_RANGE (206).
func NameTooLong(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == syscall.ENAMETOOLONG || runtime.GOOS == "windows" && errno == 206
}

// logDetail keeps a library's own text about a file out of the clerk's
// messages: it goes to the standard error when BAOCAO_DEBUG is set, for
// whoever looks after the program.
func logDetail(path string, err error) {
	if os.Getenv("BAOCAO_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "baocao: %s: %v\n", path, err)
	}
}

// damageWords says what a library's error about a damaged part means.
func damageWords(err error) string {
	msg := err.Error()
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(msg, "EOF"):
		logDetail("", err)
		return "tệp bị cắt cụt, có thể chưa tải về hết"
	case strings.Contains(msg, "XML syntax"), strings.Contains(msg, "xml:"):
		logDetail("", err)
		return "nội dung bên trong sai cú pháp, thường do công cụ khác ghi tệp hoặc tệp bị sửa"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), strings.Contains(msg, "flate"), strings.Contains(msg, "zip:"):
		logDetail("", err)
		return "phần nén bên trong bị hỏng"
	}
	logDetail("", err)
	return "nội dung bên trong bị hỏng"
}

// excelizeError words an error from excelize.OpenReader for the user.
func excelizeError(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "unzip size exceeds"):
		return fmt.Sprintf("tệp khi giải nén vượt quá %d MB: không phải biểu mẫu báo cáo bình thường (có thể là tệp độc hại). Hãy yêu cầu đơn vị gửi lại đúng biểu mẫu.", maxUnzipSize>>20)
	case errors.Is(err, zip.ErrFormat), strings.Contains(msg, "zip:"), strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "flate"):
		return "tệp bị hỏng hoặc chưa tải về hết (không giải nén được). Tải lại tệp từ thư điện tử hoặc Zalo, hoặc đề nghị đơn vị gửi lại."
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return passwordMessage(kindEncrypted)
	case strings.Contains(msg, "XML syntax"), strings.Contains(msg, "xml:"):
		return "nội dung bên trong tệp bị hỏng (XML sai cú pháp). Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi gửi lại."
	}
	return fmt.Sprintf("không mở được tệp Excel: %s. Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi gửi lại.", damageWords(err))
}
