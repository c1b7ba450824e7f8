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
		"loai_xa":        "xã",
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
		"so_don_vi_da_gui": 7,
		"so_don_vi":        9,
		"co_chua_gui":      true,
		"nguon_bieu_quy":   "",
		"chua_gui":         []Data{{"ten": "Hội Cựu chiến binh xã", "tinh_trang": "gửi tệp có lỗi (HCCB.xlsx), đề nghị gửi lại"}, {"ten": "Đoàn Thanh niên xã", "tinh_trang": "chưa gửi"}},
		"phan": []Data{
			{"so": "1", "ma": "I", "ten": "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "nhiem_vu": []Data{
				{"tieu_de": []Data{}, "so": "1.1", "ma": "I.1", "noi_dung": "Quán triệt, triển khai Chỉ thị số 39-CT/TW", "ten_ngan": "Quán triệt Chỉ thị số 39-CT/TW", "chu_tri": "Văn phòng HĐND và UBND", "tinh_trang": "Hoàn thành",
					"ket_qua":     []Data{{"don_vi": "Văn phòng HĐND và UBND", "noi_dung": "Đã tham mưu tổ chức hội nghị quán triệt cho 120 đại biểu.\nĐã ban hành kế hoạch.", "tinh_trang": "Hoàn thành"}},
					"phoi_hop":    []Data{{"don_vi": "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "noi_dung": "Phối hợp tuyên truyền tại 12 thôn."}},
					"co_phoi_hop": true,
					"van_ban":     []Data{{"don_vi": "Văn phòng HĐND và UBND", "noi_dung": "Kế hoạch số 12/KH-UBND ngày 05/01/2026"}},
					"co_van_ban":  true, "chua_bao_cao": false},
			}},
			{"so": "2", "ma": "IV", "ten": "NGUỒN VỐN", "nhiem_vu": []Data{
				{"tieu_de": []Data{{"so": "2.1", "ma": "IV.1", "noi_dung": "Tập trung các nguồn vốn vào Ngân hàng Chính sách xã hội:"}},
					"so": "2.1.1", "ma": "IV.1.a", "ten_ngan": "Bố trí vốn ngân sách địa phương ủy thác", "noi_dung": "Bố trí nguồn vốn ngân sách địa phương ủy thác qua Ngân hàng Chính sách xã hội", "chu_tri": "Phòng Kinh tế", "tinh_trang": "Đang thực hiện",
					"ket_qua":  []Data{{"don_vi": "Phòng Kinh tế", "noi_dung": "Đã trình bổ sung 500 triệu đồng <dự kiến> & chờ phê duyệt.", "tinh_trang": "Đang thực hiện"}},
					"phoi_hop": []Data{}, "co_phoi_hop": false, "van_ban": []Data{}, "co_van_ban": false, "chua_bao_cao": false},
				{"tieu_de": []Data{}, "so": "2.1.2", "ma": "IV.1.b", "ten_ngan": "Huy động nguồn vốn tại địa phương", "noi_dung": "Huy động nguồn vốn tại địa phương", "chu_tri": "Phòng giao dịch NHCSXH Đăk Glei", "tinh_trang": "Chưa báo cáo",
					"ket_qua": []Data{}, "phoi_hop": []Data{}, "co_phoi_hop": false, "van_ban": []Data{}, "co_van_ban": false, "chua_bao_cao": true},
			}},
		},
		"ton_tai":      []Data{{"don_vi": "Phòng Kinh tế", "noi_dung": "Nguồn vốn ủy thác còn thấp so với nhu cầu"}},
		"co_ton_tai":   true,
		"nhiem_vu_toi": []Data{{"noi_dung": "Tiếp tục tham mưu bố trí vốn ngân sách ủy thác năm 2026."}},
		"de_xuat":      []Data{{"don_vi": "Phòng giao dịch NHCSXH Đăk Glei", "noi_dung": "Đề nghị bổ sung 1.000 triệu đồng vốn ủy thác."}},
		"co_de_xuat":   true,
		"chi_tieu": []Data{
			{"ten": "Tổng nguồn vốn", "don_vi_tinh": "triệu đồng", "ky_truoc": 152340.5, "ky_nay": 158900.25, "tang_giam": 6559.75},
			{"ten": "Nợ quá hạn", "don_vi_tinh": "triệu đồng", "ky_truoc": "", "ky_nay": 120.0, "tang_giam": ""},
		},
		"co_chi_tieu":      true,
		"ghi_chu_chi_tieu": []Data{{"ten": "Số Tổ Tiết kiệm và vay vốn", "noi_dung": "Sáp nhập 02 tổ tại thôn Đăk Ung."}},
		"muc_tieu":         []Data{{"noi_dung": "Vốn ủy thác bằng 15-20% tăng trưởng dư nợ", "danh_gia": "đạt 12,4%, chưa đạt"}},
		"phu_luc":          appendixRows(12),
		"noi_nhan":         []Data{{"noi_dung": "UBND tỉnh (b/c)"}, {"noi_dung": "Thường trực Đảng ủy xã (b/c)"}, {"noi_dung": "Các đơn vị liên quan"}},
		"quyen_han":        "TM. ỦY BAN NHÂN DÂN",
		"chuc_vu_ky":       "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
		"nguoi_ky":         "Nguyễn Văn A",
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
