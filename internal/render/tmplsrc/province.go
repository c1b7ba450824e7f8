package tmplsrc

import "strings"

// BaoCaoTinh is tinh/bao-cao-tinh.docx: the province's report on its
// communes' reports (Decree 30/2020 layout like the commune's): the credit
// figures as a paragraph and a dated table, the shares against the
// targets, the tasks, the communes that have not sent named.
func BaoCaoTinh() []byte {
	page, first := pageHeaders()
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	w(header("Số: {so_ky_hieu}"))
	w(Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 360, After: 0}, bold, "BÁO CÁO"))
	w(Text(P{Style: "Plain", Jc: "center", SetIndentations: true, Left: 227, Right: 227}, bold, "{trich_yeu}"))
	w(rule(2000, portraitWidth, R{Size: 8}, ""))
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 240}, R{}, ""))

	w(bullet("Trên cơ sở bảng tổng hợp gửi kèm báo cáo {ky} của {so_da_gui}/{so_xa} xã, phường, đặc khu (số liệu từ ngày {tu_ngay|ngay_so} đến ngày {den_ngay|ngay_so}), {co_quan_goi} báo cáo như sau:"))

	keep := P{KeepNext: true}
	w(Text(heading, R{}, "I. KẾT QUẢ HOẠT ĐỘNG TÍN DỤNG CHÍNH SÁCH XÃ HỘI"))
	w(bullet("{#doan_so_lieu}{noi_dung}{/doan_so_lieu}"))
	w(Text(P{Style: "Plain", Jc: "center", KeepNext: true, SetBeforeAfter: true, Before: 120, After: 60}, bold, "Một số chỉ tiêu tín dụng chính sách xã hội toàn tỉnh"))
	w(creditTable())
	w(Text(P{Style: "Plain", Jc: "both", SetBeforeAfter: true, Before: 60, After: 120}, italic, "{nguon_so_lieu}"))
	w(bullet("{#ty_le}{noi_dung}{/ty_le}"))

	w(Text(heading, R{}, "II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU"))
	w(bullet("{#doan_nhiem_vu}{noi_dung}{/doan_nhiem_vu}"))

	w(Text(heading, R{}, "III. TÌNH HÌNH GỬI BÁO CÁO"))
	w(Text(keep, R{}, "{?co_chua_gui}Đến ngày lập báo cáo, còn {so_chua_gui} xã, phường, đặc khu chưa gửi bảng tổng hợp kèm báo cáo {ky}: {chua_gui}.{/co_chua_gui}"))
	w(bullet("{^co_chua_gui}Tất cả {so_xa} xã, phường, đặc khu đã gửi bảng tổng hợp kèm báo cáo {ky}.{/co_chua_gui}"))

	w(Text(heading, R{}, "IV. ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU"))
	w(bullet("{#doan_kien_nghi}{noi_dung}{/doan_kien_nghi}"))

	w(Text(P{KeepNext: true}, R{}, "Trên đây là báo cáo tổng hợp kết quả {ky} của các xã, phường, đặc khu trên địa bàn tỉnh {tinh}./."))
	w(signature())
	w(Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID)))
	return Build("Báo cáo tổng hợp của tỉnh", b.String(), page, first)
}

// DonDocTinh is tinh/don-doc-tinh.docx: the province's reminder letter
// (công văn đôn đốc) to the communes whose attachments are not in, on
// one page: the communes named in one paragraph, a new deadline.
func DonDocTinh() []byte {
	page, first := pageHeaders()
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	w(letterHead())
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 120}, R{}, ""))
	w(Text(P{Style: "Plain", Jc: "both", SetIndentations: true, Left: 1134, Right: 567, SetBeforeAfter: true, Before: 0, After: 120}, R{}, "Kính gửi: Ủy ban nhân dân {goi_xa}."))
	w(bullet("Để tổng hợp, báo cáo kết quả thực hiện tín dụng chính sách xã hội {ky}, các xã, phường, đặc khu gửi báo cáo kèm bảng tổng hợp (tệp tong-hop-{ma_ky}.xlsx do chương trình baocao lập). Đến ngày {ngay_bao_cao|ngay_so}, {co_quan_goi} chưa nhận được bảng tổng hợp của {so_chua_gui}/{so_xa} xã, phường, đặc khu nêu trên."))
	w(bullet("{co_quan_goi} đề nghị Ủy ban nhân dân các xã, phường, đặc khu nêu trên khẩn trương gửi báo cáo và bảng tổng hợp {ky} trước {han_gui|ngay}, giữ nguyên tệp do chương trình lập, không sửa tay, để tổng hợp, báo cáo theo quy định./."))
	w(letterEnd("- Như trên;", "- Lưu: VT."))
	w(Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID)))
	return Build("Công văn đôn đốc gửi bảng tổng hợp", b.String(), page, first)
}

// ProvinceTemplates maps the file names under tinh/ to their content.
func ProvinceTemplates() map[string][]byte {
	return map[string][]byte{"bao-cao-tinh.docx": BaoCaoTinh(), "don-doc-tinh.docx": DonDocTinh()}
}
