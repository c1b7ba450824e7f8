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
	cw := []int{3454, 1300, 1500, 1500, 1600}
	hc := func(i int, s string) string { return Cell(cw[i], true, Text(cellHead, bold, s)) }
	right := P{Style: "Cell", Jc: "right"}
	label := func(s string) string {
		return KeptRow(Cell(cw[0], true, Text(cellP, boldItal, s)), Cell(cw[1], true, Text(cellP, R{}, "")),
			Cell(cw[2], true, Text(cellP, R{}, "")), Cell(cw[3], true, Text(cellP, R{}, "")), Cell(cw[4], true, Text(cellP, R{}, "")))
	}
	figures := func(loop string) string {
		return KeptRow(
			Cell(cw[0], true, Text(cellP, R{}, "{#"+loop+"}{ten}")),
			Cell(cw[1], true, Text(cellMid, R{}, "{don_vi_tinh}")),
			Cell(cw[2], true, Text(right, R{}, "{truoc}")),
			Cell(cw[3], true, Text(right, R{}, "{nay}")),
			Cell(cw[4], true, Text(right, R{}, "{tang_giam}{/"+loop+"}")))
	}
	marker := func(m string) string {
		return KeptRow(Cell(cw[0], true, Text(cellP, R{}, m)), Cell(cw[1], true, Text(cellP, R{}, "")),
			Cell(cw[2], true, Text(cellP, R{}, "")), Cell(cw[3], true, Text(cellP, R{}, "")), Cell(cw[4], true, Text(cellP, R{}, "")))
	}
	w(Table(true, cw,
		Row(true, hc(0, "Chỉ tiêu"), hc(1, "Đơn vị tính"), hc(2, "{cot_truoc}"), hc(3, "{cot_nay}"), hc(4, "Tăng (+), giảm (-)")),
		label("Số dư"), figures("so_du"),
		marker("{?co_doanh_so}"), label("Doanh số trong kỳ"), figures("doanh_so"), marker("{/co_doanh_so}")))
	w(Text(P{Style: "Plain", Jc: "both", SetBeforeAfter: true, Before: 60, After: 120}, italic, "{nguon_so_lieu}"))
	w(bullet("{#ty_le}{noi_dung}{/ty_le}"))

	w(Text(heading, R{}, "II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU"))
	w(bullet("{#doan_nhiem_vu}{noi_dung}{/doan_nhiem_vu}"))

	w(Text(heading, R{}, "III. TÌNH HÌNH GỬI BÁO CÁO"))
	w(Text(keep, R{}, "{?co_chua_gui}Đến ngày lập báo cáo, còn {so_chua_gui} xã, phường, đặc khu chưa gửi bảng tổng hợp kèm báo cáo {ky}: {chua_gui}.{/co_chua_gui}"))
	w(bullet("{^co_chua_gui}Tất cả {so_xa} xã, phường, đặc khu đã gửi bảng tổng hợp kèm báo cáo {ky}.{/co_chua_gui}"))

	w(Text(P{KeepNext: true}, R{}, "Trên đây là báo cáo tổng hợp kết quả {ky} của các xã, phường, đặc khu trên địa bàn tỉnh {tinh}./."))
	w(signature())
	w(Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID)))
	return Build("Báo cáo tổng hợp của tỉnh", b.String(), page, first)
}

// ProvinceTemplates maps the file names under tinh/ to their content.
func ProvinceTemplates() map[string][]byte {
	return map[string][]byte{"bao-cao-tinh.docx": BaoCaoTinh()}
}
