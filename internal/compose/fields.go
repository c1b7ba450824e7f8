package compose

import (
	"slices"

	"baocao/internal/consolidate"
	"baocao/internal/render"
)

func spec(name string, kind render.SpecKind, doc, example string, fields ...render.Spec) render.Spec {
	return render.Spec{Name: name, Kind: kind, Doc: doc, Example: example, Fields: fields}
}

func text(name, doc, example string) render.Spec { return spec(name, render.SpecText, doc, example) }

func flag(name, doc string) render.Spec { return spec(name, render.SpecBool, doc, "") }

func list(name, doc string, fields ...render.Spec) render.Spec {
	return spec(name, render.SpecList, doc, "", fields...)
}

var paragraph = text("noi_dung", "một đoạn, thành câu", "")

// ReportFields are the fields of the report (templates/bao-cao.docx): the
// composed prose beside consolidate's fields, which an office's own
// template made for an earlier version may still use. Fields gives exactly
// these (a test holds them together).
func ReportFields() []render.Spec {
	fields := consolidate.ReportFields()
	for i, f := range fields {
		if f.Name == "phu_luc" {
			f.Fields = append(slices.Clone(f.Fields), flag("vua_trang", "hàng vừa một trang: mẫu giữ trọn hàng trên một trang; hàng dài hơn được ngắt sang trang sau"))
			fields[i] = f
		}
	}
	return append(fields,
		text("ky_toi", "kỳ báo cáo tiếp theo, cho mục III", "quý II năm 2026"),
		text("kinh_bao_cao", "các cơ quan cấp trên báo cáo gửi đến (nơi nhận có «(b/c)» trong plan.yaml), viết đầy đủ, cho câu kết; rỗng khi không có", "Ủy ban nhân dân tỉnh Quảng Ngãi, Chi nhánh Ngân hàng Chính sách xã hội tỉnh Quảng Ngãi"),
		list("muc", "mục I viết thành văn: các phần của kế hoạch có kết quả, mỗi phần một tiêu đề (tên ngắn của phần, short_title trong tasks.yaml) và các đoạn văn; đơn vị làm việc gì là chủ ngữ của việc đó, văn bản dẫn ngay sau việc",
			text("so", "số thứ tự trong mục I", "1"),
			text("ten", "tiêu đề", "Công tác phổ biến, tuyên truyền, quán triệt"),
			list("doan", "các đoạn văn", paragraph)),
		flag("co_tin_dung", "có số liệu tín dụng chính sách xã hội"),
		text("so_muc_tin_dung", "số thứ tự của phần số liệu tín dụng trong mục I (sau các phần của kế hoạch)", "7"),
		list("tin_dung", "đoạn văn về số liệu tín dụng: ngày của số liệu, nguồn, tăng giảm, tỷ lệ", paragraph),
		text("cot_truoc", "tiêu đề cột số dư đầu: ngày của số liệu kỳ trước", "14/12/2025"),
		text("cot_nay", "tiêu đề cột số dư cuối: ngày của số liệu kỳ này", "14/3/2026"),
		list("so_du", "hàng của bảng: các chỉ tiêu số dư",
			text("ten", "tên chỉ tiêu", "Tổng nguồn vốn"), text("don_vi_tinh", "đơn vị tính", "triệu đồng"),
			text("truoc", "số tại ngày đầu, đã viết kiểu Việt Nam", "98.450"), text("nay", "số tại ngày cuối", "101.230,5"),
			text("tang_giam", "tăng (+), giảm (-)", "+2.780,5")),
		list("doanh_so", "hàng của bảng: các chỉ tiêu doanh số (phát sinh trong kỳ trước và kỳ này)",
			text("ten", "tên chỉ tiêu", "Doanh số cho vay"), text("don_vi_tinh", "đơn vị tính", "triệu đồng"),
			text("truoc", "số của kỳ trước", "6.120"), text("nay", "số của kỳ này", "7.350"),
			text("tang_giam", "tăng (+), giảm (-)", "+1.230")),
		flag("co_doanh_so", "có chỉ tiêu doanh số"),
		text("nguon_chi_tieu", "dòng ghi chú dưới bảng: ngày, kỳ và nguồn của số liệu", "(Số dư tại ngày 14/12/2025 và ngày 14/3/2026; … Nguồn: …)"),
		list("doi_chieu_muc_tieu", "đối chiếu các mục tiêu của kế hoạch (mục tiêu năm tính trên số liệu từ đầu năm)", paragraph),
		list("han_che", "tồn tại, hạn chế", paragraph),
		flag("co_han_che", "có tồn tại, hạn chế"),
		list("nguyen_nhan", "nguyên nhân", paragraph),
		flag("co_nguyen_nhan", "có nguyên nhân"),
		list("nhiem_vu_ky_toi", "nhiệm vụ, giải pháp trọng tâm kỳ tới (khoảng 6 mục), đánh số",
			text("stt", "số thứ tự", "1"), paragraph),
		list("kien_nghi", "đề xuất, kiến nghị gửi cấp trên, nhân danh Ủy ban nhân dân xã, đánh số",
			text("stt", "số thứ tự", "1"), paragraph),
		flag("co_kien_nghi", "có đề xuất, kiến nghị gửi cấp trên"),
	)
}
