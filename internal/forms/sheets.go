package forms

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/period"
)

// indicatorsHeaderRow is the header row of the indicators sheet.
const indicatorsHeaderRow = 5

// Widths of the indicators sheet's columns, matching IndicatorColumns.
var indicatorWidths = []float64{18, 42, 13, 17, 17, 28}

// numberStyle is the style of an indicator's fill-in cells: as many
// decimals as the indicator allows.
func (b *builder) numberStyle(decimals int) int {
	switch decimals {
	case 0:
		return b.st.count
	case 2:
		return b.st.money
	}
	if id, ok := b.numStyles[decimals]; ok {
		return id
	}
	if b.numStyles == nil {
		b.numStyles = map[int]int{}
	}
	id := b.style(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}, Border: b.border(), Fill: b.fillColour(),
		Protection: &excelize.Protection{Locked: false}, CustomNumFmt: ptr("#,##0." + strings.Repeat("0", decimals))})
	b.numStyles[decimals] = id
	return id
}

func (b *builder) indicatorsSheet(inds []*catalog.Indicator) {
	const s = IndicatorsSheet
	f, st := b.f, b.st
	_, err := f.NewSheet(s)
	b.check(err)
	last := len(IndicatorColumns) - 1
	for i, w := range indicatorWidths {
		b.check(f.SetColWidth(s, col(i), col(i), w))
	}
	prev := b.p.Previous()
	b.put(s, 1, 0, last, b.c.HeaderName(b.u), st.unitName)
	b.put(s, 2, 0, last, "CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI "+strings.ToUpper(b.p.Name()), st.title)
	b.check(f.SetRowHeight(s, 2, 22))
	b.put(s, 3, 0, last, fmt.Sprintf("Cuối kỳ trước: số liệu đến ngày %s (%s). Cuối kỳ này: số liệu đến ngày %s. Doanh số ghi số phát sinh trong kỳ.",
		period.ShortDate(prev.To()), prev.Name(), period.ShortDate(b.p.To())), st.subtitle)
	b.check(f.SetRowHeight(s, 3, 34))
	for i, h := range IndicatorColumns {
		b.put(s, indicatorsHeaderRow, i, i, h, st.indHeader)
	}
	b.check(f.SetRowHeight(s, indicatorsHeaderRow, 32))
	for i, ind := range inds {
		row := indicatorsHeaderRow + 1 + i
		b.put(s, row, 0, 0, ind.Code, st.indLocked)
		b.put(s, row, 1, 1, ind.Name, st.indLocked)
		b.put(s, row, 2, 2, ind.Measure, st.lockedCenter)
		numStyle, kind, what := b.numberStyle(ind.Decimals), excelize.DataValidationTypeDecimal, fmt.Sprintf("số không âm, tối đa %d chữ số thập phân", ind.Decimals)
		if ind.Decimals == 0 {
			kind, what = excelize.DataValidationTypeWhole, "số nguyên không âm"
		}
		if ind.Decimals == 2 {
			what = "số không âm, được có phần thập phân"
		}
		b.put(s, row, 3, 3, nil, numStyle)
		b.put(s, row, 4, 4, nil, numStyle)
		b.put(s, row, 5, 5, nil, st.indFillText)
		b.check(f.SetRowHeight(s, row, rowHeight(ind.Name, indicatorWidths[1], 2)))

		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("D%d:E%d", row, row)
		b.check(dv.SetRange(0, 1e15, kind, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Số liệu không hợp lệ",
			fmt.Sprintf("%s: chỉ ghi %s, đơn vị tính %s. Không ghi chữ hay đơn vị vào ô.", ind.Name, what, ind.Measure))
		prompt := fmt.Sprintf("Ghi số dư tại ngày chốt số liệu, đơn vị tính %s.", ind.Measure)
		if ind.Kind == "flow" {
			prompt = fmt.Sprintf("Ghi số phát sinh trong kỳ, đơn vị tính %s.", ind.Measure)
		}
		dv.SetInput(short(ind.Name, 32), short(prompt, 255))
		b.check(f.AddDataValidation(s, dv))
	}
	b.check(f.SetPageLayout(s, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0)}))
	b.check(f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	b.check(f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: indicatorsHeaderRow, TopLeftCell: cell(0, indicatorsHeaderRow+1), ActivePane: "bottomLeft"}))
	b.protect(s)
}

func (b *builder) instructionsSheet() {
	const s = InstructionsSheet
	f, st := b.f, b.st
	_, err := f.NewSheet(s)
	b.check(err)
	const width = 90
	b.check(f.SetColWidth(s, "A", "A", width))
	lines := b.instructions()
	for i, line := range lines {
		style := st.text
		if i == 0 {
			style = st.textBold
		}
		b.put(s, i+1, 0, 0, line, style)
		b.check(f.SetRowHeight(s, i+1, rowHeight(line, width*0.8, 1)*13/11))
	}
	b.check(f.SetPageLayout(s, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), FitToWidth: ptr(1), FitToHeight: ptr(0)}))
	b.check(f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: ptr(true)}))
	b.protect(s)
}

// instructions is the text of the instructions sheet, one paragraph a row.
func (b *builder) instructions() []string {
	c, p := b.c, b.p
	var fill []string
	for _, column := range Columns {
		if column.Fill {
			fill = append(fill, "«"+column.Header+"»")
		}
	}
	out := []string{
		"HƯỚNG DẪN ĐIỀN BIỂU BÁO CÁO",
		fmt.Sprintf("Đơn vị: %s. Kỳ báo cáo: %s. Số liệu tính từ ngày %s đến ngày %s. Hạn gửi về %s: chậm nhất ngày %s.",
			b.u.Name, p.Name(), period.ShortDate(p.From()), period.ShortDate(p.To()), c.Plan.PlanIssuer, period.ShortDate(Deadline(c, p))),
		fmt.Sprintf("1. Trang «%s» liệt kê các nhiệm vụ của %s mà đơn vị chủ trì hoặc phối hợp. Cột «Vai trò» cho biết đơn vị chủ trì hay phối hợp thực hiện nhiệm vụ đó.", ReportSheet, c.Plan.Reference()),
		"2. Chỉ điền vào các ô nền vàng, gồm các cột " + strings.Join(fill, ", ") + ". Các cột mã, nội dung, vai trò, sản phẩm, thời gian lấy từ kế hoạch và đã được khóa: không sửa.",
		"3. Cột «Tình trạng»: bấm vào ô rồi bấm mũi tên bên phải để chọn một trong: " + statusList() + ". Chọn «" + StatusNotApplicable.String() + "» khi trong kỳ không có việc gì phải làm đối với nhiệm vụ đó.",
		"4. Cột «Kết quả thực hiện»: ghi cụ thể việc đã làm trong kỳ (số cuộc, số người, số hộ, số tiền tính bằng triệu đồng...). Cột «Văn bản, sản phẩm đã ban hành»: ghi số, ký hiệu, ngày của văn bản, ví dụ «Kế hoạch số 15/KH-UBND ngày 20/01/2026»; mỗi văn bản một dòng trong ô (Alt+Enter trong Excel và WPS, Ctrl+Enter trong LibreOffice Calc).",
		"5. Ngày tháng ghi theo dạng ngày/tháng/năm (20/01/2026). Ô nào không có nội dung thì để trống. Nếu chữ dài bị che, kéo giãn chiều cao dòng (nhấp đúp vào mép dưới của số thứ tự dòng ở bên trái).",
	}
	if len(c.IndicatorsOf(b.u.Code)) > 0 {
		out = append(out, fmt.Sprintf("6. Trang «%s»: ghi số liệu của từng chỉ tiêu tại cuối kỳ trước và cuối kỳ này, theo đơn vị tính ở cột «Đơn vị tính» (tiền tính bằng triệu đồng). Chỉ ghi số, không ghi chữ hay đơn vị vào ô; dấu phân cách hàng nghìn và thập phân theo cài đặt của máy (máy cài tiếng Việt hiển thị 1.234,5). Doanh số cho vay, thu nợ ghi số phát sinh trong kỳ.", IndicatorsSheet))
	}
	out = append(out,
		"Cần viết thêm cho một nhiệm vụ: xuống dòng ngay trong ô, hoặc chèn một dòng ngay dưới dòng nhiệm vụ đó (bấm chuột phải vào số thứ tự dòng bên dưới, chọn «Insert»/«Chèn») và để trống hai cột mã, nội dung: chương trình tổng hợp gộp dòng đó vào nhiệm vụ ở trên.",
		"Không xóa, đổi thứ tự các dòng, các cột; không đổi tên các trang tính; không chép nội dung sang tệp khác. Các trang tính được khóa không mật khẩu để tránh sửa nhầm; trường hợp thật cần thiết có thể bỏ khóa (Excel: Review/Xem lại > Unprotect Sheet; LibreOffice: Tools/Công cụ > Protect Sheet), nhưng không sửa các cột lấy từ kế hoạch.",
		"Gửi báo cáo: lưu tệp ở định dạng Excel .xlsx như khi nhận (trong Excel chọn «Excel Workbook (*.xlsx)»; trong LibreOffice chọn «Excel 2007-365 (.xlsx)» và bấm «Use Excel 2007-365!»; trong WPS chọn «.xlsx»). Không lưu thành .xls, không chuyển sang PDF, không chụp ảnh: chương trình tổng hợp chỉ đọc được tệp .xlsx. Có thể đổi tên tệp.",
		fmt.Sprintf("Gửi tệp .xlsx qua thư điện tử hoặc ứng dụng nhắn tin cho %s; đồng thời in trang «%s», người lập biểu và thủ trưởng đơn vị ký, gửi bản giấy về %s.", c.CollectorName(), ReportSheet, c.Plan.PlanIssuer),
		fmt.Sprintf("Khi có vướng mắc về biểu mẫu, liên hệ %s.", c.CollectorName()),
	)
	return out
}

// listsSheet holds the status words that the drop-down shows.
func (b *builder) listsSheet() {
	const s = ListsSheet
	_, err := b.f.NewSheet(s)
	b.check(err)
	for i, st := range Statuses {
		b.check(b.f.SetCellStr(s, cell(0, i+1), st.String()))
	}
	b.protect(s)
	b.check(b.f.SetSheetVisible(s, false))
}
