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
	w(Text(P{Style: "Plain", Jc: "center", SetIndentations: true, Left: 227, Right: 227}, bold, "{trich_yeu}"))
	w(rule(2000, portraitWidth, R{Size: 8}, ""))
	w(Text(P{Style: "Plain", SetBeforeAfter: true, Before: 0, After: 240}, R{}, ""))

	w(bullet("{#can_cu}Căn cứ {noi_dung};{/can_cu}"))
	w(bullet("Thực hiện {ke_hoach} (sau đây gọi là Kế hoạch), trên cơ sở báo cáo của các phòng, đơn vị, Ủy ban nhân dân {ten_dia_phuong} báo cáo kết quả thực hiện {ky} (số liệu từ ngày {tu_ngay|ngay_so} đến ngày {den_ngay|ngay_so}) như sau:"))

	// I. The plan's sections in prose; then the credit figures as an
	// item of their own.
	keep := P{KeepNext: true}
	w(Text(heading, R{}, "I. KẾT QUẢ THỰC HIỆN"))
	w(bullet("Kết quả thực hiện từng nhiệm vụ của Kế hoạch tại Phụ lục kèm theo; một số kết quả chủ yếu như sau:"))
	w(Text(keep, bold, "{#muc}{so}. {ten}"))
	w(bullet("{#doan}{noi_dung}{/doan}{/muc}"))
	w(Text(keep, bold, "{?co_tin_dung}{so_muc_tin_dung}. Kết quả hoạt động tín dụng chính sách xã hội và tiến độ các mục\u00a0tiêu"))
	w(bullet("{#tin_dung}{noi_dung}{/tin_dung}"))
	w(Text(P{Style: "Plain", Jc: "center", KeepNext: true, SetBeforeAfter: true, Before: 120, After: 60}, bold, "Một số chỉ tiêu tín dụng chính sách xã hội"))
	w(creditTable())
	w(Text(P{Style: "Plain", Jc: "both", SetBeforeAfter: true, Before: 60, After: 120}, italic, "{nguon_chi_tieu}"))
	w(bullet("{#doi_chieu_muc_tieu}{noi_dung}{/doi_chieu_muc_tieu}"))
	w(Text(P{Style: "Plain", Run: R{Size: 8}}, R{}, "{/co_tin_dung}"))

	w(Text(heading, R{}, "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"))
	w(Text(keep, bold, "{?co_han_che}1. Tồn tại, hạn chế{/co_han_che}"))
	w(bullet("{#han_che}- {noi_dung}{/han_che}"))
	w(bullet("{^co_han_che}Trong kỳ, các đơn vị chưa báo cáo tồn tại, hạn chế.{/co_han_che}"))
	w(Text(keep, bold, "{?co_nguyen_nhan}2. Nguyên nhân{/co_nguyen_nhan}"))
	w(bullet("{#nguyen_nhan}- {noi_dung}{/nguyen_nhan}"))

	w(Text(heading, R{}, "III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM {ky_toi|hoa}"))
	w(bullet("{#nhiem_vu_ky_toi}{stt}. {noi_dung}{/nhiem_vu_ky_toi}"))

	w(Text(heading, R{}, "IV. ĐỀ XUẤT, KIẾN NGHỊ"))
	w(bullet("{#kien_nghi}{stt}. {noi_dung}{/kien_nghi}"))
	w(bullet("{^co_kien_nghi}Không có đề xuất, kiến nghị.{/co_kien_nghi}"))
	// the closing sentence stays on the page of the signature
	w(Text(P{KeepNext: true}, R{}, "{?kinh_bao_cao}Trên đây là báo cáo kết quả thực hiện Kế hoạch {ky}, Ủy ban nhân dân {ten_dia_phuong} kính báo cáo {kinh_bao_cao} xem xét, chỉ đạo./.{/kinh_bao_cao}"))
	w(Text(P{KeepNext: true}, R{}, "{^kinh_bao_cao}Trên đây là báo cáo kết quả thực hiện Kế hoạch {ky} của Ủy ban nhân dân {ten_dia_phuong}./.{/kinh_bao_cao}"))
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
	cells := func() []string {
		return []string{ac(0, cellMid, "{stt}"), ac(1, cellP, "{ten_ngan}"), ac(2, cellP, "{chu_tri}"), ac(3, cellP, "{ket_qua}"),
			ac(4, cellP, "{san_pham}"), ac(5, cellMid, "{tinh_trang}"), ac(6, cellP, "{ghi_chu}")}
	}
	mark := func(m string) string {
		var cs []string
		for i := range aw {
			text := ""
			if i == 0 {
				text = m
			}
			cs = append(cs, ac(i, cellP, text))
		}
		return Row(false, cs...)
	}
	// A row that fits on a page is kept whole; a longer one may break
	// (LibreOffice clips a row kept whole that is taller than a page).
	w(Table(true, aw,
		Row(true, ah(0, "STT"), ah(1, "Nội dung nhiệm vụ"), ah(2, "Đơn vị chủ trì"), ah(3, "Kết quả thực hiện"), ah(4, "Sản phẩm"), ah(5, "Tình trạng"), ah(6, "Ghi chú")),
		mark("{#phu_luc}"), mark("{?vua_trang}"), KeptRow(cells()...), mark("{/vua_trang}"),
		mark("{^vua_trang}"), Row(false, cells()...), mark("{/vua_trang}"), mark("{/phu_luc}")))
	w(Para(P{Style: "Plain"}))
	w(Section(true, false, HeaderRef("default", page.ID), HeaderRef("first", page.ID)))
	return Build("Báo cáo kết quả thực hiện kế hoạch", b.String(), page, first)
}

// creditTable is the table of the credit figures, the report's and the
// province's: dated columns, the balances, then the flows of the period
// under their own label (rows of fields so_du, doanh_so, cot_truoc,
// cot_nay, co_doanh_so).
func creditTable() string {
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
	return Table(true, cw,
		Row(true, hc(0, "Chỉ tiêu"), hc(1, "Đơn vị tính"), hc(2, "{cot_truoc}"), hc(3, "{cot_nay}"), hc(4, "Tăng (+), giảm (-)")),
		label("Số dư"), figures("so_du"),
		marker("{?co_doanh_so}"), label("Doanh số trong kỳ"), figures("doanh_so"), marker("{/co_doanh_so}"))
}

// letterHead is the head of a letter (công văn, Decree 30/2020, Appendix
// I): as a report's, with the summary line (trích yếu) under the number,
// 12 pt, centred.
func letterHead() string {
	left := issuingBody() +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, size13, "Số: {so_ky_hieu}") +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 60, After: 0}, R{Size: 24}, "V/v {trich_yeu}")
	right := Text(centre, bold13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
		rule(3900, headRight, bold, "Độc lập - Tự do - Hạnh phúc") +
		Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, italic, "{dia_danh}, {ngay_bao_cao|ngay}")
	return Table(false, []int{headLeft, headRight}, KeptRow(Cell(headLeft, false, left), Cell(headRight, false, right)))
}

// letterEnd is a letter's end block: its recipients, a line each, and
// the signer with room for the signature, on one short page.
func letterEnd(recipients ...string) string {
	left := Text(P{Style: "Plain", Jc: "left", SetBeforeAfter: true, Before: 120, After: 0}, R{Bold: true, Italic: true, Size: 24}, "Nơi nhận:")
	for _, r := range recipients {
		left += Text(P{Style: "Plain", Jc: "left"}, R{Size: 22}, r)
	}
	right := Text(P{Style: "Plain", Jc: "center", SetBeforeAfter: true, Before: 120, After: 0}, bold, "{quyen_han}") +
		Text(centre, bold, "{chuc_vu_ky}") +
		Text(centre, R{}, "") + Text(centre, R{}, "") + Text(centre, R{}, "") +
		Text(centre, bold, "{nguoi_ky}")
	return Table(false, []int{4400, portraitWidth - 4400}, KeptRow(Cell(4400, false, left), Cell(portraitWidth-4400, false, right)))
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
	w(letterHead())
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
	w(letterEnd("- Như trên;", "{#noi_nhan}- {noi_dung};{/noi_nhan}", "- Lưu: VT, {luu}."))
	w(Section(false, true, HeaderRef("default", page.ID), HeaderRef("first", first.ID)))
	return Build("Công văn đôn đốc gửi báo cáo", b.String(), page, first)
}

// Templates maps the file names under templates/ to their content.
func Templates() map[string][]byte {
	return map[string][]byte{"bao-cao.docx": BaoCao(), "don-doc.docx": DonDoc()}
}
