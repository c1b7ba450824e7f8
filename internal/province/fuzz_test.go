package province_test

import (
	"bytes"
	"strings"
	"testing"

	"baocao/internal/province"
)

// ReadCommunes never panics; each mistake has a line within the file;
// what it returns is a list it can read back the same.
func FuzzReadCommunes(f *testing.F) {
	for _, s := range []string{"mã;tên;loại\n1;Xốp;xã\n", "Mã,Tên\n1,phường Trần Phú\n", "code,name,kind\n\"1\",\"Lý Sơn\",đặc khu\n", "mã;tên\n1;\"x\n", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, errs := province.ReadCommunes(bytes.NewReader(b), "xa.csv")
		lines := bytes.Count(b, []byte("\n")) + 1
		for _, e := range errs {
			if e.Line < 0 || e.Line > lines {
				t.Fatalf("line %d of %d: %s", e.Line, lines, e)
			}
		}
		if len(errs) > 0 {
			return
		}
		var out bytes.Buffer
		out.WriteString("mã;tên;loại\n")
		for _, c := range cs {
			out.WriteString(quote(c.Code) + ";" + quote(c.Name) + ";" + c.Kind + "\n")
		}
		again, errs := province.ReadCommunes(&out, "xa.csv")
		if len(errs) > 0 || len(again) != len(cs) {
			t.Fatalf("read back: %v %v\n%s", again, errs, out.String())
		}
		for i := range cs {
			if again[i].Code != cs[i].Code || again[i].FullName() != cs[i].FullName() {
				t.Fatalf("read back %+v, was %+v", again[i], cs[i])
			}
		}
	})
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
