package samples

// The sample content: what each unit of Xốp commune might write for the
// first quarter of 2026. Invented for demonstration (not real figures).

// entry is one unit's row on one task; keys as in forms' column keys.
type entry struct {
	status, results, documents, difficulties, proposals string
}

// specific holds the rows written out in full; other tasks get a plain
// sentence by role (see generic).
var specific = map[string]map[string]entry{
	"KT": {
		"I.2": {"Đang thực hiện", "Phối hợp Đài truyền thanh xã phát 12 tin, bài về chính sách tín dụng ưu đãi đối với hộ nghèo, hộ cận nghèo; đăng 03 tin trên trang thông tin điện tử của xã.", "", "", ""},
		"IV.1.a": {"Đang thực hiện", "Tham mưu UBND xã trình HĐND xã bố trí 300 triệu đồng ngân sách xã ủy thác qua Ngân hàng Chính sách xã hội năm 2026; đã chuyển 150 triệu đồng trong quý.",
			"Tờ trình số 08/TTr-KT ngày 15/01/2026\nQuyết định số 21/QĐ-UBND ngày 05/02/2026", "Nguồn thu ngân sách xã hạn chế nên khó bố trí đủ mức 15 - 20% tăng trưởng dư nợ.",
			"Đề nghị UBND tỉnh xem xét hỗ trợ bổ sung nguồn vốn ủy thác cho các xã đặc biệt khó khăn."},
		"V.3": {"Chưa thực hiện", "Chưa có hướng dẫn của tỉnh về hỗ trợ nhà ở xã hội sau khi sắp xếp đơn vị hành chính.", "", "Chưa có văn bản hướng dẫn của cấp tỉnh.", ""},
		"V.4": {"Hoàn thành", "Rà soát 37 hộ có nhu cầu vay vốn nước sạch và vệ sinh môi trường nông thôn, gửi danh sách cho Phòng giao dịch NHCSXH Đăk Glei.", "Báo cáo số 05/BC-KT ngày 02/03/2026", "", ""},
	},
	"VHXH": {
		"IV.1.a": {"Hoàn thành", "Phối hợp Phòng Kinh tế xác định đối tượng thụ hưởng nguồn vốn ủy thác: 52 hộ nghèo, 31 hộ cận nghèo.", "", "", ""},
		"V.2":    {"Đang thực hiện", "Rà soát nhu cầu vay vốn của hộ đồng bào dân tộc thiểu số tại 6 thôn, tổng hợp 64 hộ có nhu cầu.", "", "Địa bàn rộng, đi lại khó khăn vào mùa mưa.", ""},
		"V.5":    {"Hoàn thành", "Hoàn thành rà soát hộ nghèo, hộ cận nghèo cuối năm 2025 theo chuẩn nghèo đa chiều: 412 hộ nghèo, 188 hộ cận nghèo.", "Quyết định số 02/QĐ-UBND ngày 08/01/2026", "", ""},
		"V.7":    {"Đang thực hiện", "Xác nhận hồ sơ vay vốn cho 9 học sinh, sinh viên.", "", "", "Đề nghị NHCSXH giải ngân trước kỳ nhập học."},
	},
	"CA": {
		// Free wording of the status: intake understands it and warns.
		"V.6": {"đã xong", "Rà soát 4 người chấp hành xong án phạt tù trở về địa phương, hướng dẫn 2 người lập hồ sơ vay vốn theo Quyết định số 22/2023/QĐ-TTg.", "Báo cáo số 11/BC-CAX ngày 10/03/2026", "", ""},
	},
	"MTTQ": {
		"IV.1.c": {"Đang thực hiện", "Vận động Quỹ \"Vì người nghèo\" được 86,5 triệu đồng; đề nghị chuyển 20 triệu đồng bổ sung nguồn vốn cho vay.", "Kế hoạch số 03/KH-MTTQ ngày 12/01/2026", "", ""},
		"III.1":  {"Hoàn thành", "Tổ chức 01 đợt giám sát hoạt động ủy thác tại 3 Tổ Tiết kiệm và vay vốn.", "Báo cáo giám sát số 02/BC-MTTQ ngày 25/02/2026", "", ""},
	},
	"HND": {
		"III.2": {"Hoàn thành", "Quản lý 5 Tổ Tiết kiệm và vay vốn, dư nợ ủy thác 18.420 triệu đồng, không phát sinh nợ quá hạn mới.", "", "", ""},
	},
	"HPN": {
		"III.2": {"Hoàn thành", "Quản lý 6 Tổ Tiết kiệm và vay vốn với 243 thành viên; củng cố 1 tổ hoạt động yếu.", "", "Một số tổ trưởng lớn tuổi, hạn chế về sổ sách.", "Đề nghị mở lớp tập huấn nghiệp vụ cho tổ trưởng Tổ Tiết kiệm và vay vốn."},
	},
	"HCCB": {
		"III.2": {"Đang thực hiện", "Quản lý 3 Tổ Tiết kiệm và vay vốn; đang đôn đốc thu hồi 2 khoản nợ đến hạn.", "", "", ""},
	},
	"NHCSXH": {
		"IV.1.c": {"Đang thực hiện", "Huy động tiền gửi của tổ chức, cá nhân qua Điểm giao dịch xã đạt 1.250 triệu đồng.", "", "", ""},
		"V.1":    {"Hoàn thành", "Báo cáo Ban đại diện HĐQT về kết quả thực hiện các chương trình tín dụng quý I.", "Báo cáo số 45/BC-NHCS ngày 12/03/2026", "", ""},
		"VI.1":   {"Đang thực hiện", "Duy trì giao dịch cố định tại Điểm giao dịch xã vào ngày 12 hằng tháng.", "", "Điểm giao dịch xã chưa có phòng làm việc riêng.", "Đề nghị UBND xã bố trí phòng làm việc cho Điểm giao dịch."},
		"VI.2":   {"Hoàn thành", "Kiểm tra 14 Tổ Tiết kiệm và vay vốn, 96 hộ vay; không phát hiện sử dụng vốn sai mục đích.", "", "", ""},
	},
	"VP": {
		"I.1": {"Hoàn thành", "Tham mưu UBND xã ban hành Kế hoạch tuyên truyền Chỉ thị số 39-CT/TW và Quyết định số 1560/QĐ-TTg; tổ chức 01 hội nghị quán triệt cho 45 cán bộ, công chức và trưởng thôn.", "Kế hoạch số 12/KH-UBND ngày 20/01/2026", "", ""},
	},
}

// nextPlans are what units write in «Nhiệm vụ, giải pháp kỳ tới»: some
// tasks only, two units with the same plan on one task.
var nextPlans = map[string]map[string]string{
	"KT": {
		"IV.1.a": "Tham mưu chuyển 150 triệu đồng còn lại trong quý II.",
		"I.2":    "- Tiếp tục phối hợp Đài truyền thanh xã tuyên truyền chính sách tín dụng ưu đãi.",
	},
	"VHXH": {
		"V.2": "Hoàn thành rà soát nhu cầu vay vốn tại 3 thôn còn lại",
		"V.7": "Tiếp tục xác nhận hồ sơ vay vốn cho học sinh, sinh viên trước năm học mới.",
	},
	"MTTQ": {
		"IV.1.c": "Tiếp tục vận động Quỹ \"Vì người nghèo\" năm 2026.",
	},
	"HPN": {
		"III.2": "Củng cố, kiện toàn Tổ Tiết kiệm và vay vốn hoạt động yếu.",
	},
	"HND": {
		"III.2": "củng cố, kiện toàn Tổ Tiết kiệm và vay vốn hoạt động yếu",
	},
	"NHCSXH": {
		"VI.1": "Đề xuất bố trí phòng làm việc cho Điểm giao dịch xã.",
	},
}

// generic is what a unit writes on a task it has nothing special to say on.
func generic(lead bool) entry {
	if lead {
		return entry{status: "Đang thực hiện", results: "Tiếp tục triển khai theo Kế hoạch; lồng ghép nội dung vào các cuộc họp giao ban hằng tháng."}
	}
	return entry{status: "Không phát sinh trong kỳ"}
}

// indicatorValues are the bank's figures (triệu đồng, except counts).
var indicatorValues = map[string][2]float64{
	"TONG-NGUON-VON": {98450, 101230.5},
	"VON-NSDP":       {4850, 5000},
	"TONG-DU-NO":     {97820, 100640},
	"KHACH-HANG":     {2104, 2131},
	"NO-QUA-HAN":     {215, 198.5},
	"TO-TKVV":        {38, 38},
	"DS-CHO-VAY":     {6120, 7350},
	"DS-THU-NO":      {4980, 4530},
}

// missingUnit sends no form, so that the report shows who is missing and
// writes the reminder letter.
const missingUnit = "DTN"

// legacyUnit types one cell of legacyTask in the TCVN3 (ABC) encoding and
// writes a status in free words: intake converts and understands both, with
// warnings.
const (
	legacyUnit = "CA"
	legacyTask = "V.6"
)

// insertedUnit inserts a row under insertedTask to write more on it,
// leaving the code and content empty: intake adds it to the task.
const (
	insertedUnit = "VHXH"
	insertedTask = "V.7"
	insertedText = "Bổ sung ngày 10/03/2026: xác nhận thêm hồ sơ vay vốn cho 3 sinh viên."
)

// ownWordsUnit retypes the table in its own layout, in its own words.
const ownWordsUnit = "HCCB"

// ownWords are the rows of that table: no codes, the content said another
// way; the last one matches no task and must be listed as unmatched.
var ownWords = [][3]string{
	{"Thực hiện các nội dung nhận ủy thác cho vay từ Ngân hàng Chính sách xã hội", "Đang thực hiện", "Quản lý 3 Tổ Tiết kiệm và vay vốn; đôn đốc thu hồi 2 khoản nợ đến hạn."},
	{"Thông tin chủ trương chính sách tín dụng ưu đãi đối với người nghèo đến hội viên", "Hoàn thành", "Lồng ghép tuyên truyền tại 6 buổi sinh hoạt chi hội."},
	{"Tổ chức gặp mặt kỷ niệm ngày thành lập Hội", "Hoàn thành", "Gặp mặt 52 hội viên (nội dung không thuộc kế hoạch)."},
}
