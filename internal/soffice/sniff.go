package soffice

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"

	"baocao/internal/cfb"
)

// content is what a file really is, told from its bytes.
type content struct {
	name string   // for the user: "tài liệu Word (.docx)"
	exts []string // extensions such a file rightly has; none: always worth saying
}

// identify tells what data is, when its first bytes (and for a zip, the
// names of its parts) say so; ok is false for anything else, plain text
// included.
func identify(data []byte) (c content, ok bool) {
	switch {
	case len(data) == 0:
		return content{name: "tệp rỗng (0 byte)"}, true
	case bytes.HasPrefix(data, []byte("%PDF")):
		return content{"tệp PDF", []string{".pdf"}}, true
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		return content{"ảnh PNG", []string{".png"}}, true
	case bytes.HasPrefix(data, []byte("\xFF\xD8\xFF")):
		return content{"ảnh JPEG", []string{".jpg", ".jpeg"}}, true
	case bytes.HasPrefix(data, cfb.Signature):
		// By the top-level streams, in any case (an .xls may embed a
		// Word object deeper down).
		info := cfb.Sniff(data)
		switch {
		case info.Kind == cfb.EncryptedOOXML:
			return content{name: "tệp Office có mật khẩu (được mã hóa): cần gỡ mật khẩu rồi lưu lại"}, true
		case info.Kind == cfb.XLS && info.Encrypted:
			return content{name: "sổ Excel 97-2003 (.xls) có mật khẩu: cần gỡ mật khẩu rồi lưu lại"}, true
		case info.Kind == cfb.Doc && info.Encrypted:
			return content{name: "tài liệu Word 97-2003 (.doc) có mật khẩu: cần gỡ mật khẩu rồi lưu lại"}, true
		case info.Kind == cfb.Doc:
			return content{"tài liệu Word 97-2003 (.doc)", []string{".doc", ".dot", ".wps"}}, true
		case info.Kind == cfb.XLS:
			return content{"sổ Excel 97-2003 (.xls)", []string{".xls", ".xlt", ".et"}}, true
		case info.Kind == cfb.PPT:
			return content{"bản trình chiếu PowerPoint 97-2003 (.ppt)", []string{".ppt", ".pps", ".dps"}}, true
		case info.Kind == cfb.Damaged:
			return content{name: "tệp Office cũ bị hỏng hoặc chưa tải về hết"}, true
		}
		return content{}, false
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return content{name: "tệp nén bị hỏng hoặc chưa tải về hết"}, true
		}
		for _, f := range zr.File {
			switch name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")); {
			case name == "word/document.xml":
				return content{"tài liệu Word (.docx)", []string{".docx", ".docm", ".dotx", ".dotm"}}, true
			case name == "xl/workbook.xml", name == "xl/workbook.bin":
				return content{"sổ Excel (.xlsx)", []string{".xlsx", ".xlsm", ".xlsb", ".xltx", ".xltm"}}, true
			case name == "ppt/presentation.xml":
				return content{"bản trình chiếu PowerPoint (.pptx)", []string{".pptx", ".pptm", ".ppsx"}}, true
			case name == "mimetype":
				if c, ok := openDocument(f); ok {
					if ODFEncrypted(zr) {
						c = content{name: c.name + " có mật khẩu: cần gỡ mật khẩu rồi lưu lại"}
					}
					return c, true
				}
			}
		}
		return content{"tệp nén zip", []string{".zip"}}, true
	}
	return content{}, false
}

// openDocument tells an OpenDocument file by its mimetype part.
func openDocument(f *zip.File) (content, bool) {
	rc, err := f.Open()
	if err != nil {
		return content{}, false
	}
	defer rc.Close()
	var buf [80]byte
	n, _ := rc.Read(buf[:])
	switch mime := string(buf[:n]); {
	case strings.Contains(mime, "opendocument.text"):
		return content{"văn bản OpenDocument (.odt)", []string{".odt", ".ott"}}, true
	case strings.Contains(mime, "opendocument.spreadsheet"):
		return content{"bảng tính OpenDocument (.ods)", []string{".ods", ".ots"}}, true
	case strings.Contains(mime, "opendocument.presentation"):
		return content{"bản trình chiếu OpenDocument (.odp)", []string{".odp", ".otp"}}, true
	}
	return content{}, false
}

// ODFEncrypted tells an OpenDocument file saved with a password: its
// manifest gives the parts' encryption-data.
func ODFEncrypted(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, "META-INF/manifest.xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 1<<20))
		return bytes.Contains(b, []byte("encryption-data"))
	}
	return false
}

// contentNote says what data really is when that is not what a file with
// extension ext (lower case, with its dot) should hold, or "".
func contentNote(data []byte, ext string) string {
	c, ok := identify(data)
	if !ok {
		return ""
	}
	if len(c.exts) == 0 {
		return "tệp là " + c.name
	}
	if slices.Contains(c.exts, ext) {
		return ""
	}
	return "tệp mang đuôi " + ext + " nhưng thực ra là " + c.name
}
