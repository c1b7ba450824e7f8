package compose

import "testing"

func TestCite(t *testing.T) {
	ci := newCiter(loadCatalog(t))
	for _, tt := range []struct{ line, writer, want string }{
		{"Kế hoạch số 12/KH-UBND ngày 20/1/2026", "Văn phòng HĐND và UBND xã", "Kế hoạch số 12/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân xã"},
		{"Số 15/KH-UBND ngày 3/4/2026", "Phòng Kinh tế", "Kế hoạch số 15/KH-UBND ngày 03/4/2026 của Ủy ban nhân dân xã"},
		{"QĐ 20/QĐ-UBND ngày 5/5/2026", "Phòng Kinh tế", "Quyết định số 20/QĐ-UBND ngày 05/5/2026 của Ủy ban nhân dân xã"},
		// the writer's own document: no «của»
		{"Tờ trình số 08/TTr-KT ngày 15/01/2026", "Phòng Kinh tế", "Tờ trình số 08/TTr-KT ngày 15/01/2026"},
		{"Báo cáo giám sát số 02/BC-MTTQ ngày 25/02/2026", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Báo cáo giám sát số 02/BC-MTTQ ngày 25/02/2026"},
		// a letter: its symbol starts with its issuer
		{"Công văn 30/UBND-VP", "Văn phòng HĐND và UBND xã", "Công văn số 30/UBND-VP của Ủy ban nhân dân xã"},
		{"30/UBND-VP ngày 2/6/2026", "Phòng Kinh tế", "Công văn số 30/UBND-VP ngày 02/6/2026 của Ủy ban nhân dân xã"},
		{"Quyết định số 22/2023/QĐ-TTg", "Công an xã", "Quyết định số 22/2023/QĐ-TTg của Thủ tướng Chính phủ"},
		// an issuer the symbol does not name for sure: the unit's words
		{"Báo cáo số 45/BC-NHCS ngày 12/03/2026", "Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei", "Báo cáo số 45/BC-NHCS ngày 12/3/2026"},
		{"Biên bản họp thôn ngày 5/3/2026", "Phòng Kinh tế", "Biên bản họp thôn ngày 05/3/2026"},
	} {
		if got := ci.cite(tt.line, tt.writer); got != tt.want {
			t.Errorf("cite(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestCitations(t *testing.T) {
	got := citations([]string{"Kế hoạch số 15/KH-UBND ngày 03/4/2026 của Ủy ban nhân dân xã", "Quyết định số 45/QĐ-UBND ngày 20/5/2026 của Ủy ban nhân dân xã", "Tờ trình số 08/TTr-KT"})
	if want := "Kế hoạch số 15/KH-UBND ngày 03/4/2026; Quyết định số 45/QĐ-UBND ngày 20/5/2026 của Ủy ban nhân dân xã; Tờ trình số 08/TTr-KT"; got != want {
		t.Errorf("citations = %q, want %q", got, want)
	}
}
