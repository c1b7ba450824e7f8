package render

import (
	"fmt"
	"time"
)

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// sampleReport is realistic data for templates/bao-cao.docx, as the report
// assembler passes it.
func sampleReport() Data {
	return Data{
		"co_quan":        "ỦY BAN NHÂN DÂN",
		"ten_xa":         "XÃ XỐP",
		"dia_danh":       "Xốp",
		"ten_dia_phuong": "xã Xốp",
		"so_ky_hieu":     "     /BC-UBND",
		"ngay_bao_cao":   day(2026, 3, 14),
		"ky":             "quý I năm 2026",
		"tu_ngay":        day(2025, 12, 15),
		"den_ngay":       day(2026, 3, 14),
		"ke_hoach":       "Kế hoạch số      /KH-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp",
		"trich_yeu":      "Kết quả thực hiện Kế hoạch triển khai Quyết định số 1560/QĐ-TTg quý I năm 2026",
		"can_cu": []Data{
			{"noi_dung": "Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư về nâng cao hiệu quả tín dụng chính sách xã hội"},
			{"noi_dung": "Quyết định số 1560/QĐ-TTg ngày 18/7/2025 của Thủ tướng Chính phủ"},
		},
		"phu_luc":      appendixRows(12),
		"ky_toi":       "quý II năm 2026",
		"kinh_bao_cao": "Ủy ban nhân dân tỉnh Quảng Ngãi",
		"muc": []Data{
			{"so": "1", "ten": "Công tác phổ biến, tuyên truyền", "doan": []Data{
				{"noi_dung": "Văn phòng HĐND và UBND xã tổ chức 01 hội nghị quán triệt cho 120 đại biểu (Kế hoạch số 12/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân xã)."},
				{"noi_dung": "Phòng Kinh tế trình bổ sung 500 triệu đồng <dự kiến> & chờ phê duyệt."}}},
		},
		"co_tin_dung":        true,
		"so_muc_tin_dung":    "2",
		"tin_dung":           []Data{{"noi_dung": "Theo số liệu của Phòng giao dịch, đến ngày 14/3/2026, tổng nguồn vốn đạt 158.900,25 triệu đồng."}},
		"cot_truoc":          "14/12/2025",
		"cot_nay":            "14/3/2026",
		"so_du":              []Data{{"ten": "Tổng nguồn vốn", "don_vi_tinh": "triệu đồng", "truoc": "152.340,5", "nay": "158.900,25", "tang_giam": "+6.559,75"}},
		"doanh_so":           []Data{{"ten": "Doanh số cho vay", "don_vi_tinh": "triệu đồng", "truoc": "6.120", "nay": "7.350", "tang_giam": "+1.230"}},
		"co_doanh_so":        true,
		"nguon_chi_tieu":     "(Số dư tại ngày 14/12/2025 và ngày 14/3/2026. Nguồn: Phòng giao dịch.)",
		"doi_chieu_muc_tieu": []Data{{"noi_dung": "Đối chiếu mục tiêu của Kế hoạch: vốn ủy thác chiếm 4,94% tổng nguồn vốn."}},
		"han_che":            []Data{{"noi_dung": "Nguồn vốn ủy thác còn thấp so với nhu cầu."}},
		"co_han_che":         true,
		"nguyen_nhan":        []Data{{"noi_dung": "Nguồn thu ngân sách xã hạn chế."}},
		"co_nguyen_nhan":     true,
		"nhiem_vu_ky_toi":    []Data{{"stt": "1", "noi_dung": "Phòng Kinh tế tham mưu bố trí vốn ngân sách ủy thác năm 2026."}},
		"kien_nghi":          []Data{{"stt": "1", "noi_dung": "Đề nghị Ủy ban nhân dân tỉnh bổ sung 1.000 triệu đồng vốn ủy thác."}},
		"co_kien_nghi":       true,
		"noi_nhan":           []Data{{"noi_dung": "UBND tỉnh (b/c)"}, {"noi_dung": "Thường trực Đảng ủy xã (b/c)"}, {"noi_dung": "Các đơn vị liên quan"}},
		"quyen_han":          "TM. ỦY BAN NHÂN DÂN",
		"chuc_vu_ky":         "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		"nguoi_ky":           "Nguyễn Văn A",
	}
}

func appendixRows(n int) []Data {
	rows := make([]Data, n)
	for i := range rows {
		rows[i] = Data{
			"stt":        fmt.Sprint(i + 1),
			"noi_dung":   fmt.Sprintf("Nhiệm vụ số %d: triển khai tín dụng chính sách xã hội tại thôn %d", i+1, i%12+1),
			"ten_ngan":   fmt.Sprintf("Tín dụng chính sách tại thôn %d", i%12+1),
			"chu_tri":    "Phòng Văn hóa - Xã hội",
			"ket_qua":    "Đã giải ngân cho 15 hộ nghèo, tổng số tiền 1.234,5 triệu đồng",
			"san_pham":   "Báo cáo",
			"tinh_trang": "Hoàn thành",
			"ghi_chu":    "",
			"vua_trang":  i%2 == 0,
		}
	}
	return rows
}

func sampleReminder() Data {
	return Data{
		"co_quan": "ỦY BAN NHÂN DÂN", "ten_xa": "XÃ XỐP", "dia_danh": "Xốp", "so_ky_hieu": "     /UBND-VP",
		"loai_xa": "xã", "don_vi_thu": "Văn phòng HĐND và UBND xã", "luu": "Văn phòng",
		"trich_yeu":    "đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch số      /KH-UBND, quý I năm 2026",
		"ke_hoach":     "Kế hoạch số      /KH-UBND ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp",
		"ngay_bao_cao": day(2026, 3, 16), "ky": "quý I năm 2026", "han_ke_hoach": day(2026, 3, 16), "han_gui": day(2026, 3, 20),
		"mot_don_vi": false, "ten_don_vi": "", "goi": "các đơn vị",
		"don_vi": []Data{
			{"ten": "Hội Cựu chiến binh xã", "noi_dung": "đã gửi báo cáo nhưng biểu mẫu có lỗi nên chưa tổng hợp được; đề nghị liên hệ Văn phòng HĐND và UBND xã để sửa và gửi lại.", "dau": ";"},
			{"ten": "Đoàn Thanh niên xã", "noi_dung": "chưa báo cáo kết quả 01 nhiệm vụ do đơn vị chủ trì (nhiệm vụ VI.4) và 02 nhiệm vụ phối hợp.", "dau": "."},
		},
		"noi_nhan":   []Data{{"noi_dung": "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân xã (b/c)"}},
		"quyen_han":  "TM. ỦY BAN NHÂN DÂN",
		"chuc_vu_ky": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		"nguoi_ky":   "Nguyễn Văn A",
	}
}
