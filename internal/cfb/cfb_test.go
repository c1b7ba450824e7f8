package cfb_test

import (
	"slices"
	"testing"

	"baocao/internal/cfb"
	"baocao/internal/cfb/cfbtest"
)

func TestSniff(t *testing.T) {
	bof := cfbtest.BIFF(cfbtest.RecordBOF, make([]byte, 16))
	globals := append(bof, cfbtest.BIFF(0x005C, make([]byte, 112), cfbtest.RecordEOF, []byte{})...)
	protected := append(append([]byte{}, bof...), cfbtest.BIFF(cfbtest.RecordFilePass, make([]byte, 54), cfbtest.RecordEOF, []byte{})...)
	fib := func(flags uint16) []byte {
		b := make([]byte, 32)
		b[0], b[1] = 0xEC, 0xA5
		b[10], b[11] = byte(flags), byte(flags>>8)
		return b
	}
	word := cfbtest.Entry{Name: "WordDocument", Data: fib(0)}
	tests := []struct {
		name      string
		data      []byte
		kind      cfb.Kind
		encrypted bool
	}{
		{"xls", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: globals}), cfb.XLS, false},
		{"xls, stream in capitals", cfbtest.Write(cfbtest.Entry{Name: "WORKBOOK", Data: globals}), cfb.XLS, false},
		{"Excel 5 book", cfbtest.Write(cfbtest.Entry{Name: "Book", Data: globals}), cfb.XLS, false},
		{"xls embedding a Word object", cfbtest.Write(
			cfbtest.Entry{Name: "Workbook", Data: globals},
			cfbtest.Entry{Name: "MBD0001", Children: []cfbtest.Entry{word}},
		), cfb.XLS, false},
		{"xls with a password", cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: protected}), cfb.XLS, true},
		{"doc", cfbtest.Write(word, cfbtest.Entry{Name: "1Table", Data: []byte{1}}), cfb.Doc, false},
		{"doc with a password", cfbtest.Write(cfbtest.Entry{Name: "WordDocument", Data: fib(0x0100)}), cfb.Doc, true},
		{"ppt", cfbtest.Write(cfbtest.Entry{Name: "PowerPoint Document", Data: []byte{1}}), cfb.PPT, false},
		{"encrypted xlsx or docx", cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, cfbtest.Entry{Name: "EncryptedPackage", Data: []byte{1}}), cfb.EncryptedOOXML, true},
		{"an Outlook message", cfbtest.Write(cfbtest.Entry{Name: "__substg1.0_0037001F", Data: []byte{1}}), cfb.Other, false},
		{"signature only", cfb.Signature, cfb.Damaged, false},
		{"not a compound file", []byte("PK\x03\x04"), cfb.NotCompound, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			info := cfb.Sniff(tt.data)
			if info.Kind != tt.kind || info.Encrypted != tt.encrypted {
				t.Errorf("got %+v, want kind %d, encrypted %v", info, tt.kind, tt.encrypted)
			}
		})
	}
	if got := cfb.Sniff(tests[3].data).Streams; !slices.Equal(got, []string{"Workbook", "MBD0001"}) {
		t.Errorf("top-level streams %q", got)
	}
}

// FuzzSniff: no compound file, however broken, makes Sniff panic or hang.
func FuzzSniff(f *testing.F) {
	f.Add(cfbtest.Write(cfbtest.Entry{Name: "Workbook", Data: cfbtest.BIFF(cfbtest.RecordBOF, make([]byte, 16), cfbtest.RecordFilePass, make([]byte, 8))}))
	f.Add(cfbtest.Write(cfbtest.Entry{Name: "EncryptionInfo", Data: []byte{1}}, cfbtest.Entry{Name: "D", Children: []cfbtest.Entry{{Name: "WordDocument", Data: []byte{1}}}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfb.Sniff(data)
	})
}
