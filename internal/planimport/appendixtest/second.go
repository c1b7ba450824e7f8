package appendixtest

// Second is another commune's appendix, shaped unlike Xốp's: a ward
// (phường), seven sections written as one merged cell each, the columns in
// another order under a two-row header ("Đơn vị thực hiện" over "Chủ trì"
// and "Phối hợp") and a row numbering them, items three levels deep
// (II.2.b.1), timings by quarter or date, a product left empty, a cell
// continued over a page break, a timing merged over two rows, list items
// typed with dashes, and the units spelt in other ways (UBND, VH-XH,
// HĐND-UBND, "hoá"). In Word it is split into two tables at a page, the
// second repeating the header.
func Second() Doc {
	header := []Row{
		{Cells: []Cell{
			{Paras: []Para{{Text: "TT"}}, VMerge: "restart"},
			{Paras: []Para{{Text: "Nội dung công việc"}}, VMerge: "restart"},
			{Paras: []Para{{Text: "Sản phẩm"}}, VMerge: "restart"},
			{Paras: []Para{{Text: "Thời gian hoàn thành"}}, VMerge: "restart"},
			{Paras: []Para{{Text: "Đơn vị thực hiện"}}, Span: 2},
		}},
		{Cells: []Cell{
			{VMerge: "continue"}, {VMerge: "continue"}, {VMerge: "continue"}, {VMerge: "continue"},
			Text("Chủ trì"), Text("Phối hợp"),
		}},
	}
	numbering := Row{Cells: []Cell{Text("(1)"), Text("(2)"), Text("(3)"), Text("(4)"), Text("(5)"), Text("(6)")}}
	section := func(text string) Row { return Row{Cells: []Cell{{Paras: []Para{{Text: text}}, Span: 6}}} }
	task := func(stt, content, product, timing, lead, support string) Row {
		return Row{Cells: []Cell{Text(stt), Text(content), Text(product), Text(timing), Text(lead), Text(support)}}
	}
	heading := func(stt, content string) Row {
		return Row{Cells: []Cell{Text(stt), {Paras: []Para{{Text: content}}, Span: 5}}}
	}
	first := []Row{
		section("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ TUYÊN TRUYỀN"),
		task("1", "Ban hành kế hoạch của phường triển khai thực hiện nâng cao hiệu quả tín dụng chính sách xã hội giai đoạn 2025 - 2030.",
			"Kế hoạch của UBND phường", "Quý IV/2025", "Văn phòng HĐND và UBND phường", "Các phòng, đơn vị liên quan"),
		task("2", "Tuyên truyền chính sách tín dụng ưu đãi trên hệ thống loa truyền thanh và trang thông tin điện tử của phường.",
			"Tin, bài tuyên truyền", "Hằng năm", "Phòng Văn hoá - Xã hội", "Ủy ban MTTQ Việt Nam phường, các tổ chức chính trị - xã hội phường"),
		section("II. HUY ĐỘNG VÀ SỬ DỤNG NGUỒN VỐN"),
		task("1", "Rà soát nhu cầu vay vốn của hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo trên địa bàn.",
			"Danh sách hộ có nhu cầu vay vốn", "Quý I hằng năm", "Phòng Kinh tế, Hạ tầng và Đô thị", "PGD NHCSXH thị xã Ba Đồn"),
		heading("2", "Huy động nguồn vốn cho vay tại địa phương:"),
		task("a", "Vận động tổ chức, cá nhân gửi tiết kiệm qua Tổ Tiết kiệm và vay vốn.",
			"Báo cáo kết quả huy động", "Trước 31/12/2025", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng giao dịch Ngân hàng Chính sách xã hội thị xã Ba Đồn"),
		heading("b", "Nguồn vốn ủy thác từ ngân sách phường:"),
		task("b.1", "Trình HĐND phường bố trí ngân sách ủy thác, tăng dư nợ ủy thác ít nhất 10% mỗi năm.",
			"Nghị quyết của HĐND phường", "Quý I/2026", "Phòng Kinh tế, Hạ tầng và Đô thị", "Văn phòng HĐND-UBND phường"),
		task("b.2", "Giải ngân kịp thời nguồn vốn ủy thác đến đúng đối tượng.",
			"", "Hằng quý", "Phòng giao dịch NHCSXH thị xã Ba Đồn", "Phòng Kinh tế, Hạ tầng và Đô thị"),
		{Cells: []Cell{Text("3"), {Paras: []Para{
			{Text: "- Kiểm tra việc sử dụng vốn vay tại các tổ dân phố;"},
			{Text: "- Đôn đốc thu hồi nợ đến hạn, nợ quá hạn."},
		}}, Text("Biên bản kiểm tra"), Text("6 tháng một lần"), Text("UBMTTQVN phường"), Text("Các tổ chức chính trị - xã hội phường")}},
		section("III. BẢO ĐẢM AN NINH, AN SINH"),
		task("1", "Phối hợp xác nhận hồ sơ vay vốn của người chấp hành xong án phạt tù.",
			"Hồ sơ xác nhận", "Thường xuyên", "Công an phường", "Phòng VH-XH"),
	}
	second := []Row{
		task("2", "Lồng ghép tín dụng chính sách với chương trình chăm sóc sức khỏe, nước sạch và vệ sinh môi trường.",
			"Báo cáo lồng ghép", "Quý II/2026", "Trạm Y tế phường", "Phòng Văn hoá - Xã hội"),
		section("IV. PHÁT HUY VAI TRÒ CÁC HỘI"),
		{Cells: []Cell{Text("1"), Text("Củng cố, kiện toàn các Tổ Tiết kiệm và vay vốn do Hội quản lý."),
			Text("Báo cáo của Hội"), {Paras: []Para{{Text: "Hằng năm"}}, VMerge: "restart"}, Text("Hội Nông dân phường"), Text("PGD NHCSXH thị xã Ba Đồn")}},
		{Cells: []Cell{Text("2"), Text("Vận động hội viên phụ nữ vay vốn phát triển kinh tế gia đình."),
			Text("Báo cáo của Hội"), {VMerge: "continue"}, Text("Hội Liên hiệp Phụ nữ phường"), Text("PGD NHCSXH thị xã Ba Đồn")}},
		section("V. THANH NIÊN VÀ CỰU CHIẾN BINH"),
		task("1", "Hỗ trợ thanh niên khởi nghiệp tiếp cận nguồn vốn tín dụng chính sách.",
			"Danh sách thanh niên được hỗ trợ", "Quý III/2026", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", "Các tổ chức chính trị - xã hội phường"),
		task("2", "Giám sát việc bình xét cho vay tại cơ sở.",
			"Báo cáo giám sát", "Thường xuyên", "Hội Cựu chiến binh phường", "UBMTTQVN phường"),
		section("VI. NÂNG CAO CHẤT LƯỢNG ỦY THÁC"),
		task("1", "Thực hiện tốt các nội dung ủy thác, nâng cao chất lượng hoạt động của Tổ Tiết kiệm và vay vốn, kiểm tra",
			"Báo cáo đánh giá", "Hằng năm", "Các tổ chức chính trị - xã hội nhận ủy thác", "Phòng giao dịch Ngân hàng Chính sách xã hội thị xã Ba Đồn"),
		{Cells: []Cell{Text(), Text("việc sử dụng vốn của người vay."), Text(), Text(), Text(), Text()}},
		section("VII. TỔNG HỢP, BÁO CÁO"),
		task("1", "Tổng hợp, báo cáo kết quả thực hiện kế hoạch định kỳ 6 tháng, năm.",
			"Báo cáo của UBND phường", "Trước ngày 15/6 và 15/12 hằng năm", "Văn phòng HĐND-UBND phường", "Phòng Kinh tế, Hạ tầng và Đô thị; Phòng Văn hoá - Xã hội"),
	}
	widths := []int{700, 5600, 2000, 1700, 2300, 2300}
	t1 := Table{Widths: widths, Rows: append(append(append([]Row{}, header...), numbering), first...)}
	t2 := Table{Widths: widths, Rows: append(append([]Row{}, header...), second...)}
	return Doc{
		Before: []string{
			"PHỤ LỤC",
			"DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH NÂNG CAO HIỆU QUẢ TÍN DỤNG CHÍNH SÁCH XÃ HỘI",
			"(Kèm theo Kế hoạch số 45/KH-UBND ngày 03/10/2025 của UBND phường Hòa Minh)",
		},
		Tables: []Table{t1, t2},
	}
}

// OneTable is d with its tables joined into one, each later table's
// header left out: the same appendix as one sheet of a workbook.
func OneTable(d Doc, headerRows int) Doc {
	if len(d.Tables) == 0 {
		return d
	}
	t := d.Tables[0]
	t.Rows = append([]Row{}, t.Rows...)
	for _, more := range d.Tables[1:] {
		t.Rows = append(t.Rows, more.Rows[min(headerRows, len(more.Rows)):]...)
	}
	d.Tables = []Table{t}
	return d
}
