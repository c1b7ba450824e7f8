package compose

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzUnitWords runs a unit's cell through every rule of the prose: no
// panic, no bullet or separator doubled, no clause lost, valid UTF-8 out.
func FuzzUnitWords(f *testing.F) {
	for _, s := range []string{
		"- Tổ chức 01 hội nghị;\n+ đăng 03 tin\n• Tiếp tục triển khai theo Kế hoạch",
		"Kết quả:\n- 52 hộ\n- 31 hộ", "QĐ 22/2023/QĐ-TTg ngày 5/2/2026", "Quý I năm 2026: Không\nQuý II năm 2026: Rà soát",
		"UBND, HĐND; TK&VV", "1. Kế hoạch số 12/KH-UBND; 2. Công văn 30/UBND-VP", "\"Vì người nghèo\"", ";;- -", "31/02/2026",
		"Ủy ban MTTQ xã tổ chức 01 đợt giám sát\nMTTQ xã phối hợp", "Hội ND xã: quản lý 5 tổ", "PGD NHCSXH giải ngân", "UBMTTQ",
	} {
		f.Add(s)
	}
	c := loadCatalogF(f)
	w := newWriterFor(c)
	f.Fuzz(func(t *testing.T, cell string) {
		if !utf8.ValidString(cell) {
			return
		}
		for _, c := range sayings(cell) {
			if strings.TrimSpace(c) == "" || strings.HasPrefix(c, "- ") || strings.HasPrefix(c, "• ") {
				t.Errorf("clause %q of %q", c, cell)
			}
		}
		text := w.sentence("Phòng Kinh tế", w.tidy(w.joinClauses(sayings(cell))))
		// a unit that may name itself at the head of its words
		if own := w.sentence("Ủy ban Mặt trận Tổ quốc Việt Nam xã", w.tidy(w.joinClauses(sayings(cell)))); !utf8.ValidString(own) {
			t.Errorf("invalid UTF-8 from %q", cell)
		}
		for _, d := range []string{"- -", "; ;", ";;"} {
			if strings.Contains(text, d) && !strings.Contains(cell, d) {
				t.Errorf("%q doubled in %q from %q", d, text, cell)
			}
		}
		if !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8 from %q", cell)
		}
		for _, line := range documentLines(cell) {
			if cited := w.cite.cite(line, "Phòng Kinh tế"); !utf8.ValidString(cited) {
				t.Errorf("invalid UTF-8 citing %q", line)
			}
		}
	})
}
