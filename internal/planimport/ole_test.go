package planimport

import (
	"strings"
	"testing"

	"baocao/internal/cfb/cfbtest"
)

// An old Office file is named by its streams, and one with a password is
// told so, never as damaged.
func TestOldOfficeAppendix(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
		want string
	}{
		{"phu-luc.doc", cfbtest.Write(cfbtest.Entry{Name: "WORKBOOK", Data: []byte{1}}), "tệp Excel 97-2003 (.xls)"},
		{"phu-luc.xls", cfbtest.Write(cfbtest.Entry{Name: "WordDocument", Data: make([]byte, 16)}), "tệp Word 97-2003 (.doc)"},
		{"phu-luc.docx", cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{4}}, cfbtest.Entry{Name: "EncryptedPackage", Data: []byte{1}}), "tệp có mật khẩu nên không đọc được"},
	} {
		_, err := ImportBytes(tt.name, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %q", tt.name, err, tt.want)
		}
	}
}
