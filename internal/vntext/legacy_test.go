package vntext

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

const appendixPath = "../catalog/testdata/phu-luc-nhiem-vu-qd1560.txt"

// phrases are real Vietnamese from the domain brief and the appendix.
var phrases = []string{
	"Phòng Kinh tế",
	"Ủy ban nhân dân xã Xốp",
	"Ủy ban Mặt trận Tổ quốc Việt Nam xã",
	"Văn phòng HĐND và UBND",
	"Phòng Văn hóa - Xã hội",
	"Phòng giao dịch NHCSXH Đăk Glei",
	"Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên",
	"tín dụng chính sách xã hội",
	"Thường xuyên, hằng năm",
	"Văn bản chỉ đạo triển khai",
	"QUYẾT ĐỊNH SỐ 1560/QĐ-TTG NGÀY 18 THÁNG 7 NĂM 2025",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"Độc lập - Tự do - Hạnh phúc",
	"tổng dư nợ",
	"nợ quá hạn",
	"hợp",
	"tế",
	"cấp",
	"xã",
}

func TestTables(t *testing.T) {
	letters := []rune(unicodeLower)
	if len(letters) != 73 || len(tcvn3Lower) != 73 || len(vniLower) != 73 {
		t.Fatalf("table sizes %d %d %d, want 73", len(letters), len(tcvn3Lower), len(vniLower))
	}
	// 134 precomposed letters beyond ASCII: 67 lowercase and their capitals.
	n := 0
	for _, r := range letters {
		if r > unicode.MaxASCII {
			n += 2
			if _, ok := toVNI[r]; !ok {
				t.Errorf("no VNI code for %c", r)
			}
			if _, ok := toTCVN3[unicode.ToUpper(r)]; !ok {
				t.Errorf("no TCVN3 code for %c", unicode.ToUpper(r))
			}
		}
	}
	if n != 134 {
		t.Errorf("%d letters, want 134", n)
	}
	if len(fromTCVN3) != 67+7 {
		t.Errorf("%d TCVN3 codes, want 74 (codes must be distinct)", len(fromTCVN3))
	}
	if len(fromVNI) != 134 {
		t.Errorf("%d VNI codes, want 134 (codes must be distinct)", len(fromVNI))
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name, in, tcvn3, vni string
	}{
		{"brief example", "Phòng Kinh tế", "Phßng Kinh tÕ", "Phoøng Kinh teá"},
		{"capital with tone", "Ủy ban nhân dân", "ñy ban nh©n d©n", "UÛy ban nhaân daân"},
		{"đ and ư", "Đảng, đường", "§¶ng, ®\u00adêng", "Ñaûng, ñöôøng"},
		{"capitals", "VIỆT NAM", "VIÖT NAM", "VIEÄT NAM"},
		{"NFD input", norm.NFD.String("tế"), "tÕ", "teá"},
		{"ASCII", "UBND 2025", "UBND 2025", "UBND 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EncodeTCVN3(tt.in); got != tt.tcvn3 {
				t.Errorf("EncodeTCVN3(%q) = %q, want %q", tt.in, got, tt.tcvn3)
			}
			if got := EncodeVNI(tt.in); got != tt.vni {
				t.Errorf("EncodeVNI(%q) = %q, want %q", tt.in, got, tt.vni)
			}
		})
	}
}

func TestFromLegacy(t *testing.T) {
	tests := []struct {
		name string
		in   string
		e    Encoding
		want string
	}{
		{"TCVN3", "Phßng Kinh tÕ", TCVN3, "Phòng Kinh tế"},
		{"TCVN3 shared code is lowercase", "ñy ban", TCVN3, "ủy ban"},
		{"TCVN3 capitals word", "NHIÖM Vô", TCVN3, "NHIỆM VỤ"},
		{"TCVN3 own capitals", "§¶NG", TCVN3, "ĐẢNG"},
		{"VNI", "Phoøng Kinh teá", VNI, "Phòng Kinh tế"},
		{"VNI capitals", "UÛy ban nhaân daân", VNI, "Ủy ban nhân dân"},
		{"VNI lone mark kept", "ù", VNI, "ù"},
		{"Unicode is only normalised", norm.NFD.String("tế"), Unicode, "tế"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FromLegacy(tt.in, tt.e); got != tt.want {
				t.Errorf("FromLegacy(%q, %v) = %q, want %q", tt.in, tt.e, got, tt.want)
			}
		})
	}
}

func TestEncodingString(t *testing.T) {
	for e, want := range map[Encoding]string{Unicode: "Unicode", TCVN3: "TCVN3 (ABC)", VNI: "VNI"} {
		if got := e.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(e), got, want)
		}
	}
}

func TestDetectLegacy(t *testing.T) {
	type test struct {
		name string
		in   string
		want Encoding
	}
	tests := []test{
		{"empty", "", Unicode},
		{"English", "Total outstanding loans: 1,234.5 (million VND)", Unicode},
		{"numbers", "1.234,5 15% 2021 - 2030", Unicode},
		{"name", "Đăk Glei", Unicode},
		{"French", "Crème brûlée à la française, señor José", Unicode},
		{"German", "Müller über Straße", Unicode},
		{"Unicode Latin-1 only", "Bùi Hoàng có làm", Unicode},
		{"Unicode short", "xã", Unicode},
		{"Unicode NFD", norm.NFD.String("Phòng Kinh tế"), Unicode},
		{"brief TCVN3", "Phßng Kinh tÕ", TCVN3},
		{"brief VNI", "Phoøng Kinh teá", VNI},
		{"TCVN3 Ủy", "ñy ban", TCVN3},
		{"VNI Ủy", "UÛy ban nhaân daân", VNI},
	}
	for _, p := range phrases {
		tests = append(tests,
			test{"Unicode " + p, p, Unicode},
			test{"TCVN3 " + p, EncodeTCVN3(p), TCVN3},
			test{"VNI " + p, EncodeVNI(p), VNI},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLegacy(tt.in); got != tt.want {
				t.Errorf("DetectLegacy(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
		e              Encoding
	}{
		{"Unicode cleaned", "  Phòng  Kinh tế ", "Phòng Kinh tế", Unicode},
		{"TCVN3", "Phßng  Kinh tÕ ", "Phòng Kinh tế", TCVN3},
		{"VNI", "UÛy ban nhaân daân xaõ Xoáp", "Ủy ban nhân dân xã Xốp", VNI},
		{"English", "Report\u00a0Q1", "Report Q1", Unicode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, e := Repair(tt.in)
			if got != tt.want || e != tt.e {
				t.Errorf("Repair(%q) = %q, %v, want %q, %v", tt.in, got, e, tt.want, tt.e)
			}
		})
	}
}

// TestRoundTripAppendix encodes every line of the appendix in TCVN3 and VNI
// and checks that Repair gives it back. TCVN3 has no codes for capitals with
// a tone: outside all-capitals words they come back lowercase ("Ủy" as
// "ủy"), which is the only difference allowed.
func TestRoundTripAppendix(t *testing.T) {
	f, err := os.Open(appendixPath)
	if err != nil {
		t.Fatalf("appendix copy missing: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, caseLost := 0, 0
	for sc.Scan() {
		line := sc.Text()
		want := Clean(line)
		n++
		if got, e := Repair(line); got != want || e != Unicode {
			t.Errorf("line %d: Unicode Repair = %q, %v, want %q", n, got, e, want)
		}
		if got, _ := Repair(EncodeVNI(line)); got != want {
			t.Errorf("line %d: VNI round trip = %q, want %q", n, got, want)
		}
		got, _ := Repair(EncodeTCVN3(line))
		if got != want {
			if !sameButLostCapitals(got, want) {
				t.Errorf("line %d: TCVN3 round trip = %q, want %q", n, got, want)
			}
			caseLost++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 900 {
		t.Fatalf("read %d lines, want the whole appendix", n)
	}
	t.Logf("%d lines; %d lost a capital in TCVN3", n, caseLost)
}

// sameButLostCapitals reports whether got equals want except that some
// capitals with a tone mark became lowercase.
func sameButLostCapitals(got, want string) bool {
	g, w := []rune(got), []rune(want)
	if len(g) != len(w) {
		return false
	}
	for i := range g {
		if g[i] != w[i] && (g[i] != unicode.ToLower(w[i]) || !strings.ContainsRune(unicodeLower, g[i])) {
			return false
		}
	}
	return true
}

func TestFileName(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"Báo cáo Hội Nông dân.xlsx", "Báo cáo Hội Nông dân.xlsx"},
		// Windows-1258: ô is F4, a dot below is the combining F2, â is E2.
		{"B\xe1o c\xe1o H\xf4\xf2i N\xf4ng d\xe2n.pdf", "Báo cáo Hội Nông dân.pdf"},
		{"C\xf4ng an xa\xde quy\xec I.xlsx", "Công an xã quý I.xlsx"},
		{"plain.xlsx", "plain.xlsx"},
	} {
		if got := FileName(tt.raw); got != tt.want || !norm.NFC.IsNormalString(got) {
			t.Errorf("FileName(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
