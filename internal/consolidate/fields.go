package consolidate

import "baocao/internal/render"

// The vocabulary of the templates, declared once: the report's templates
// are checked against it before any unit's file is read, and the program's
// help topic on templates («baocao help mau») lists it. TemplateData and
// ReminderData give exactly these fields (a test holds them together).

func field(name string, kind render.SpecKind, doc, example string, fields ...render.Spec) render.Spec {
	return render.Spec{Name: name, Kind: kind, Doc: doc, Example: example, Fields: fields}
}

func text(name, doc, example string) render.Spec { return field(name, render.SpecText, doc, example) }

func list(name, doc string, fields ...render.Spec) render.Spec {
	return field(name, render.SpecList, doc, "", fields...)
}

func flag(name, doc string) render.Spec { return field(name, render.SpecBool, doc, "") }

func date(name, doc, example string) render.Spec { return field(name, render.SpecDate, doc, example) }

func number(name, doc, example string) render.Spec {
	return field(name, render.SpecNumber, doc, example)
}

var (
	unitName  = text("don_vi", "tên đơn vị", "Phòng Kinh tế")
	content   = text("noi_dung", "nội dung", "")
	recipient = list("noi_nhan", "nơi nhận, mỗi mục một dòng", text("noi_dung", "một nơi nhận", "UBND tỉnh (b/c)"))
)

// headerFields are the fields of the header and the signature, shared by
// both templates.
func headerFields() []render.Spec {
	return []render.Spec{
		text("co_quan", "cơ quan ban hành (dòng đầu)", "ỦY BAN NHÂN DÂN"),
		text("ten_xa", "dòng thứ hai của cơ quan ban hành, viết hoa", "XÃ XỐP"),
		text("loai_xa", "xã, phường hoặc đặc khu (local_kind trong plan.yaml)", "xã"),
		text("dia_danh", "địa danh ở dòng ngày tháng", "Xốp"),
		text("so_ky_hieu", "số, ký hiệu văn bản, để trống số cho văn thư điền khi đăng ký", ""),
		date("ngay_bao_cao", "ngày lập văn bản; dùng {ngay_bao_cao|ngay}", "ngày 14 tháng 3 năm 2026"),
		text("ky", "kỳ báo cáo", "quý I năm 2026"),
		recipient,
		text("quyen_han", "thẩm quyền ký", "TM. ỦY BAN NHÂN DÂN"),
		text("chuc_vu_ky", "chức vụ người ký, có thể xuống dòng", "KT. CHỦ TỊCH ⏎ PHÓ CHỦ TỊCH"),
		text("nguoi_ky", "họ tên người ký, có thể rỗng", "Nguyễn Văn A"),
	}
}

// ReportFields are the fields of the report (templates/bao-cao.docx).
func ReportFields() []render.Spec {
	return append(headerFields(),
		text("ten_dia_phuong", "tên địa phương trong câu (commune_name)", "xã Xốp"),
		date("tu_ngay", "ngày đầu kỳ chốt số liệu", "15/12/2025"),
		date("den_ngay", "ngày cuối kỳ chốt số liệu", "14/03/2026"),
		text("ke_hoach", "kế hoạch được báo cáo", "Kế hoạch số      /KH-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp"),
		text("trich_yeu", "trích yếu dưới chữ BÁO CÁO", "Kết quả triển khai ..., quý I năm 2026"),
		list("can_cu", "các căn cứ", text("noi_dung", "một căn cứ", "")),
		number("so_don_vi_da_gui", "số đơn vị đã gửi báo cáo", "7"),
		number("so_don_vi", "số đơn vị phải báo cáo", "9"),
		list("chua_gui", "các đơn vị chưa gửi báo cáo hoặc gửi chưa đủ (những đơn vị công văn đôn đốc gửi đến)",
			text("ten", "tên đơn vị", "Hội Nông dân xã"),
			text("tinh_trang", "tình trạng, viết thường", "chưa gửi")),
		flag("co_chua_gui", "có đơn vị chưa gửi hoặc gửi chưa đủ"),
		text("nguon_bieu_quy", "báo cáo kỳ dài: một câu nói biểu quý nào của đơn vị nào được dùng, thiếu quý nào; rỗng khi mọi đơn vị gửi biểu của kỳ", "Đơn vị chưa gửi biểu năm 2026 được tổng hợp từ biểu quý năm 2026: Phòng Kinh tế (quý I, quý II; thiếu quý III, quý IV)."),
		list("phan", "các phần của kế hoạch, đánh số 1, 2, ... dưới mục I của báo cáo",
			text("so", "số thứ tự của phần trong báo cáo", "1"),
			text("ma", "mã phần trong kế hoạch", "I"),
			text("ten", "tên phần", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"),
			list("nhiem_vu", "các nhiệm vụ của phần",
				list("tieu_de", "các tiêu đề nhóm ở trên nhiệm vụ, từ ngoài vào trong, chỉ ở nhiệm vụ đầu tiên của nhóm",
					text("so", "số thứ tự của nhóm trong báo cáo", "4.1"),
					text("ma", "mã nhóm", "IV.1"), text("noi_dung", "nội dung nhóm", "")),
				text("so", "số thứ tự của nhiệm vụ trong báo cáo", "4.1.1"),
				text("ma", "mã nhiệm vụ trong kế hoạch và phụ lục", "IV.1.a"),
				text("noi_dung", "nội dung nhiệm vụ, nguyên văn kế hoạch", ""),
				text("ten_ngan", "tên ngắn của nhiệm vụ (short_title trong tasks.yaml; không có thì là nội dung)", "Rà soát, hoàn thiện chính sách cho vay nước sạch và vệ sinh môi trường nông thôn"),
				text("chu_tri", "đơn vị chủ trì", "Phòng Kinh tế"),
				text("tinh_trang", "tình trạng", "Hoàn thành"),
				list("ket_qua", "kết quả do đơn vị chủ trì báo cáo: cùng một nội dung của nhiều đơn vị chỉ một mục, nêu tên mọi đơn vị",
					text("don_vi", "tên đơn vị, hoặc các đơn vị cách nhau bằng dấu phẩy", "Phòng Kinh tế, Công an xã"),
					text("noi_dung", "kết quả, thành câu có dấu chấm cuối", ""),
					text("tinh_trang", "tình trạng đơn vị ghi (rỗng khi các đơn vị ghi khác nhau)", "")),
				list("phoi_hop", "phần đóng góp của đơn vị phối hợp, như ket_qua", unitName, content),
				flag("co_phoi_hop", "có đơn vị phối hợp ghi kết quả"),
				list("van_ban", "văn bản đã ban hành", unitName,
					text("noi_dung", "số, ký hiệu, ngày của văn bản", "Kế hoạch số 12/KH-UBND ngày 05/01/2026")),
				flag("co_van_ban", "có văn bản đã ban hành"),
				flag("chua_bao_cao", "chưa đơn vị nào báo cáo nhiệm vụ này"))),
		list("phu_luc", "hàng của bảng phụ lục: mỗi nhiệm vụ một hàng, tiêu đề nhóm có hàng riêng (chỉ stt, noi_dung)",
			text("stt", "mã nhiệm vụ", "IV.1.a"), content,
			text("ten_ngan", "tên ngắn của nhiệm vụ (short_title); không có thì là nội dung", ""),
			text("chu_tri", "đơn vị chủ trì", ""), text("ket_qua", "kết quả", ""),
			text("san_pham", "sản phẩm", ""), text("tinh_trang", "tình trạng", ""),
			text("ghi_chu", "ghi chú", "")),
		list("ton_tai", "tồn tại, hạn chế, nguyên nhân: don_vi và noi_dung (thành câu, kèm mã nhiệm vụ)", unitName, content),
		flag("co_ton_tai", "có tồn tại, hạn chế"),
		list("nhiem_vu_toi", "nhiệm vụ kỳ tới", content),
		list("de_xuat", "đề xuất, kiến nghị", unitName, content),
		flag("co_de_xuat", "có đề xuất, kiến nghị"),
		list("chi_tieu", "các chỉ tiêu tín dụng",
			text("ten", "tên chỉ tiêu", "Tổng nguồn vốn"),
			text("don_vi_tinh", "đơn vị tính", "triệu đồng"),
			number("ky_truoc", "kỳ trước (dùng |so), rỗng khi chưa có", "152340.5"),
			number("ky_nay", "kỳ này (dùng |so)", ""),
			number("tang_giam", "tăng, giảm so với kỳ trước (dùng |so)", "")),
		flag("co_chi_tieu", "có số liệu chỉ tiêu"),
		list("ghi_chu_chi_tieu", "ghi chú của đơn vị báo cáo bên cạnh số liệu chỉ tiêu",
			text("ten", "tên chỉ tiêu", "Số Tổ Tiết kiệm và vay vốn"),
			text("noi_dung", "ghi chú, một câu", "Sáp nhập 02 tổ tại thôn Đăk Ung.")),
		list("muc_tieu", "các mục tiêu của kế hoạch và mức đạt",
			content, text("danh_gia", "mức đạt, hoặc «chưa đủ số liệu»", "")),
	)
}

// ReminderFields are the fields of the reminder letter
// (templates/don-doc.docx).
func ReminderFields() []render.Spec {
	return append(headerFields(),
		text("trich_yeu", "trích yếu sau «V/v»", "đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số      /KH-UBND, quý I năm 2026"),
		text("ke_hoach", "kế hoạch được báo cáo", "Kế hoạch số      /KH-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp"),
		date("han_ke_hoach", "hạn gửi báo cáo của kỳ theo kế hoạch (deadline_days); dùng {han_ke_hoach|ngay}", "ngày 16 tháng 3 năm 2026"),
		date("han_gui", "hạn gửi mới: ngày hạn nêu khi lập công văn, hoặc reminder_days ngày làm việc sau ngày công văn; không bao giờ là ngày đã qua; dùng {han_gui|ngay}", "ngày 25 tháng 3 năm 2026"),
		text("don_vi_thu", "đơn vị thu nhận báo cáo (collector trong plan.yaml)", "Văn phòng HĐND và UBND xã"),
		text("luu", "tên ngắn của đơn vị soạn công văn, ghi sau «Lưu: VT,»", "Văn phòng"),
		flag("mot_don_vi", "công văn gửi một đơn vị: «Kính gửi: tên đơn vị.» trên một dòng"),
		text("ten_don_vi", "tên đơn vị khi công văn gửi một đơn vị, rỗng khi nhiều", "Hội Nông dân xã"),
		text("goi", "cách gọi những nơi nhận trong câu: «các đơn vị», hoặc «đơn vị» khi chỉ một", "các đơn vị"),
		list("don_vi", "các đơn vị được đôn đốc (do Ủy ban nhân dân xã chỉ đạo; không có đơn vị thu nhận báo cáo và đơn vị ngoài quyền chỉ đạo)",
			text("ten", "tên đơn vị", "Hội Nông dân xã"),
			text("noi_dung", "điều còn thiếu, một câu viết thường, có dấu chấm cuối", "chưa gửi báo cáo."),
			text("dau", "dấu cuối dòng «Kính gửi»: «;», ở đơn vị cuối «.»", ";")),
	)
}
