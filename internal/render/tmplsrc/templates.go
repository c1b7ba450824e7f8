package tmplsrc

import "strings"

// Widths in twips: the portrait text area is 11906-1701-851 = 9354, the
// landscape one 16838-1701-851 = 14286.
const (
	portraitWidth  = 9354
	landscapeWidth = 14286
	headLeft       = 3600
	headRight      = portraitWidth - headLeft
)

var (
	body      = P{}
	centre    = P{Style: "Plain", Jc: "center"}
	heading   = P{Style: "Heading"}
	bold      = R{Bold: true}
	italic    = R{Italic: true}
	size13    = R{Size: 26}
	bold13    = R{Bold: true, Size: 26}
	boldItal  = R{Bold: true, Italic: true}
	cellP     = P{Style: "Cell"}
	cellHead  = P{Style: "Cell", Jc: "center"}
	cellMid   = P{Style: "Cell", Jc: "center"}
	noIndentP = P{Style: "Plain", Jc: "left"}
)

// rule is a centred paragraph whose bottom border draws a rule of the given
// width under its text.
func rule(width, cellWidth int, f R, text string) string {
	side := (cellWidth - width) / 2
	return Text(P{Style: "Plain", Jc: "center", BorderBottom: true, SetIndentations: true, Left: side, Right: side}, f, text)
}

// issuingBody is the left of the head: the People's Committee and the
// local body, in full whatever its length ("XÃ THẠCH BÌNH" on one line),
// with a short rule under it drawn by a paragraph of its own.
func issuingBody() string {
	return Text(centre, bold13, "{co_quan}") +
		Text(centre, bold13, "{ten_xa}") +
		rule(1400, headLeft, R{Size: 4}, "")
}

// header is the two-column head of an administrative document (Decree
// 30/2020, Appendix I): issuing body with a short rule, the number; the
// national name and motto with a rule as long as the motto, place and date.
func header(numberLine string) string {
	left := issuingBody() +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, size13, numberLine)
	right := Text(centre, bold13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
		rule(3900, headRight, bold, "Độc lập - Tự do - Hạnh phúc") +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, italic, "{dia_danh}, {ngay_bao_cao|ngay}")
	return Table(false, []int{headLeft, headRight}, KeptRow(Cell(headLeft, false, left), Cell(headRight, false, right)))
}

// signature is the end block: recipients on the left, the signer on the
// right.
func signature() string {
	left := Text(P{Style: "Plain", Jc: "left", SetBeforeAfter: true, Before: 120, After: 0}, R{Bold: true, Italic: true, Size: 24}, "Nơi nhận:") +
		Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, "{#noi_nhan}- {noi_dung};{/noi_nhan}") +
		Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, "- Lưu: VT.")
	right := Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, bold, "{quyen_han}") +
		Text(centre, bold, "{chuc_vu_ky}") +
		Text(centre, R{}, "") + Text(centre, R{}, "") + Text(centre, R{}, "") + Text(centre, R{}, "") +
		Text(centre, bold, "{nguoi_ky}")
	return Table(false, []int{4400, portraitWidth - 4400}, KeptRow(Cell(4400, false, left), Cell(portraitWidth-4400, false, right)))
}

// pageHeaders are the headers of a document: the page number top centre,
// and an empty one for the first page.
func pageHeaders() (Part, Part) {
	return Header("rIdHeaderPage", "header1.xml", PageNumber()),
		Header("rIdHeaderFirst", "header2.xml", Para(P{Style: "Plain"}))
}

func bullet(text string) string { return Text(body, R{}, text) }

// BaoCao is templates/bao-cao.docx: the commune's periodic report on the
// plan, with the appendix table in a landscape section.
func BaoCao() []byte {
	page, first := pageHeaders()
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	w(header("Số: {so_ky_hieu}"))
	w(Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 360, After: 0}, bold, "BÁO CÁO"))
	w(Text(P{Style: "Plain", Jc: "center", SetIndentations: true, Left: 1134, Right: 1134}, bold, "{trich_yeu}"))
	w(rule(2000, portraitWidth, R{Size: 8}, ""))
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 240}, R{}, ""))

	w(bullet("{#can_cu}Căn cứ {noi_dung};{/can_cu}"))
	w(bullet("Thực hiện {ke_hoach}; trên cơ sở báo cáo của các đơn vị (số liệu tính từ ngày {tu_ngay|dd/mm/yyyy} đến ngày {den_ngay|dd/mm/yyyy}), Ủy ban nhân dân {loai_xa} báo cáo kết quả thực hiện {ky} như sau:"))
	w(bullet("Đến thời điểm tổng hợp, {so_don_vi_da_gui}/{so_don_vi} đơn vị đã gửi báo cáo."))
	w(bullet("{?co_chua_gui}Các đơn vị chưa gửi báo cáo hoặc báo cáo chưa đủ:{/co_chua_gui}"))
	w(bullet("{#chua_gui}- {ten}: {tinh_trang};{/chua_gui}"))
	w(bullet("{?nguon_bieu_quy}{nguon_bieu_quy}{/nguon_bieu_quy}"))

	w(Text(heading, R{}, "I. KẾT QUẢ THỰC HIỆN"))
	w(Text(heading, R{}, "{#phan}{so}. {ten}"))
	w(Para(body, Run(R{}, "{#nhiem_vu}")))
	// the group headings above the task (IV.1, or II.3 then II.3.b)
	// headings and the lines that lead into a list stay with what follows
	keep := P{KeepNext: true}
	w(Text(keep, bold, "{#tieu_de}{so}. {noi_dung}{/tieu_de}"))
	w(Text(keep, boldItal, "{so}. {ten_ngan}"))
	w(Text(keep, italic, "Nhiệm vụ {ma}; chủ trì: {chu_tri}; tình trạng: {tinh_trang}."))
	w(bullet("{#ket_qua}- {don_vi}: {noi_dung}{/ket_qua}"))
	w(bullet("{?chua_bao_cao}- Chưa có đơn vị báo cáo kết quả thực hiện nhiệm vụ này.{/chua_bao_cao}"))
	w(Text(keep, italic, "{?co_phoi_hop}Các đơn vị phối hợp:{/co_phoi_hop}"))
	w(bullet("{#phoi_hop}- {don_vi}: {noi_dung}{/phoi_hop}"))
	w(Text(keep, italic, "{?co_van_ban}Văn bản đã ban hành:{/co_van_ban}"))
	w(bullet("{#van_ban}- {noi_dung} ({don_vi}).{/van_ban}"))
	w(Para(body, Run(R{}, "{/nhiem_vu}{/phan}")))

	w(Text(body, boldItal, "{?co_chi_tieu}Một số chỉ tiêu tín dụng chính sách xã hội:"))
	cw := []int{3454, 1300, 1500, 1500, 1600}
	hc := func(i int, s string) string { return Cell(cw[i], true, Text(cellHead, bold, s)) }
	w(Table(true, cw,
		Row(true, hc(0, "Chỉ tiêu"), hc(1, "Đơn vị tính"), hc(2, "Kỳ trước"), hc(3, "Kỳ này"), hc(4, "Tăng (+), giảm (-)")),
		Row(false,
			Cell(cw[0], true, Text(cellP, R{}, "{#chi_tieu}{ten}")),
			Cell(cw[1], true, Text(cellMid, R{}, "{don_vi_tinh}")),
			Cell(cw[2], true, Text(P{Style: "Cell", Jc: "right"}, R{}, "{ky_truoc|so}")),
			Cell(cw[3], true, Text(P{Style: "Cell", Jc: "right"}, R{}, "{ky_nay|so}")),
			Cell(cw[4], true, Text(P{Style: "Cell", Jc: "right"}, R{}, "{tang_giam|so}{/chi_tieu}")))))
	w(Text(P{Style: "Plain", Run: R{Size: 8}}, R{}, "{/co_chi_tieu}"))
	w(bullet("{#ghi_chu_chi_tieu}- {ten}: {noi_dung}{/ghi_chu_chi_tieu}"))
	w(bullet("{#muc_tieu}- {noi_dung}: {danh_gia}{/muc_tieu}"))

	w(Text(heading, R{}, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"))
	w(bullet("{#ton_tai}- {don_vi}: {noi_dung}{/ton_tai}"))
	w(bullet("{^co_ton_tai}Trong kỳ, các đơn vị chưa báo cáo tồn tại, hạn chế.{/co_ton_tai}"))

	w(Text(heading, R{}, "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI"))
	w(bullet("{#nhiem_vu_toi}- {noi_dung}{/nhiem_vu_toi}"))

	w(Text(heading, R{}, "IV. ĐỀ XUẤT, KIẾN NGHỊ"))
	w(bullet("{#de_xuat}- {don_vi}: {noi_dung}{/de_xuat}"))
	w(bullet("{^co_de_xuat}Không có đề xuất, kiến nghị.{/co_de_xuat}"))
	w(bullet("Trên đây là báo cáo kết quả thực hiện {ke_hoach}, {ky}./."))
	w(signature())
	// the portrait section ends here; the appendix follows on landscape pages
	w(Para(P{Style: "Plain", Sect: Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID))}))

	w(Text(centre, bold, "PHỤ LỤC"))
	w(Text(centre, bold, "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ {ky|hoa}"))
	w(Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 0, After: 240}, italic, "(Kèm theo Báo cáo số {so_ky_hieu} {ngay_bao_cao|ngay} của Ủy ban nhân dân {ten_dia_phuong})"))
	// STT holds a code like "IV.1.a" on one line; «Ghi chú» has room.
	aw := []int{1000, 3300, 1700, 4086, 1600, 1200, 1400}
	ah := func(i int, s string) string { return Cell(aw[i], true, Text(cellHead, bold, s)) }
	ac := func(i int, p P, s string) string { return Cell(aw[i], true, Text(p, R{}, s)) }
	w(Table(true, aw,
		Row(true, ah(0, "STT"), ah(1, "Nội dung nhiệm vụ"), ah(2, "Đơn vị chủ trì"), ah(3, "Kết quả thực hiện"), ah(4, "Sản phẩm"), ah(5, "Tình trạng"), ah(6, "Ghi chú")),
		Row(false, ac(0, cellMid, "{#phu_luc}{stt}"), ac(1, cellP, "{ten_ngan}"), ac(2, cellP, "{chu_tri}"), ac(3, cellP, "{ket_qua}"),
			ac(4, cellP, "{san_pham}"), ac(5, cellMid, "{tinh_trang}"), ac(6, cellP, "{ghi_chu}{/phu_luc}"))))
	w(Para(P{Style: "Plain"}))
	w(Section(true, false, HeaderRef("default", page.ID), HeaderRef("first", page.ID)))
	return Build("Báo cáo kết quả thực hiện kế hoạch", b.String(), page, first)
}

// DonDoc is templates/don-doc.docx: the commune's reminder letter (công
// văn đôn đốc) to the units it directs whose reports are not in: one
// sentence a unit and a new deadline, on one page for up to five units.
func DonDoc() []byte {
	page, first := pageHeaders()
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	// Decree 30/2020, Appendix I: a công văn has its summary line (trích
	// yếu) under the number, 12 pt, centred.
	left := issuingBody() +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, size13, "Số: {so_ky_hieu}") +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 60, After: 0}, R{Size: 24}, "V/v {trich_yeu}")
	right := Text(centre, bold13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
		rule(3900, headRight, bold, "Độc lập - Tự do - Hạnh phúc") +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, italic, "{dia_danh}, {ngay_bao_cao|ngay}")
	w(Table(false, []int{headLeft, headRight}, KeptRow(Cell(headLeft, false, left), Cell(headRight, false, right))))
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 120}, R{}, ""))
	// One addressee: «Kính gửi: X.» on one line; several: a list under it.
	kinhGui := P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 0, After: 60}
	w(Text(kinhGui, R{}, "{?mot_don_vi}Kính gửi: {ten_don_vi}.{/mot_don_vi}"))
	w(Text(kinhGui, R{}, "{^mot_don_vi}Kính gửi:{/mot_don_vi}"))
	w(Text(P{Style: "Plain", Jc: "left", SetIndentations: true, Left: 2835, SetBeforeAfter: true, Before: 0, After: 0}, R{}, "{^mot_don_vi}{#don_vi}- {ten}{dau}{/don_vi}{/mot_don_vi}"))
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 120}, R{}, ""))
	w(bullet("Thực hiện {ke_hoach}, các phòng, đơn vị gửi báo cáo kết quả thực hiện {ky} về Ủy ban nhân dân {loai_xa} (qua {don_vi_thu}) trước {han_ke_hoach|ngay}. Đến nay, báo cáo của {goi} sau chưa đủ để tổng hợp:"))
	w(bullet("{#don_vi}- {ten}: {noi_dung}{/don_vi}"))
	w(bullet("Ủy ban nhân dân {loai_xa} đề nghị {goi} khẩn trương hoàn thành, gửi báo cáo về {don_vi_thu} trước {han_gui|ngay} để tổng hợp, báo cáo cấp trên theo quy định./."))
	left2 := Text(P{Style: "Plain", Jc: "left", SetBeforeAfter: true, Before: 120, After: 0}, R{Bold: true, Italic: true, Size: 24}, "Nơi nhận:") +
		Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, "- Như trên;") +
		Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, "{#noi_nhan}- {noi_dung};{/noi_nhan}") +
		Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, "- Lưu: VT, {luu}.")
	right2 := Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, bold, "{quyen_han}") +
		Text(centre, bold, "{chuc_vu_ky}") +
		Text(centre, R{}, "") + Text(centre, R{}, "") + Text(centre, R{}, "") +
		Text(centre, bold, "{nguoi_ky}")
	w(Table(false, []int{4400, portraitWidth - 4400}, KeptRow(Cell(4400, false, left2), Cell(portraitWidth-4400, false, right2))))
	w(Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID)))
	return Build("Công văn đôn đốc gửi báo cáo", b.String(), page, first)
}

// Templates maps the file names under templates/ to their content.
func Templates() map[string][]byte {
	return map[string][]byte{"bao-cao.docx": BaoCao(), "don-doc.docx": DonDoc()}
}
