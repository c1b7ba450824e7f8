// Package forms builds the Excel workbook that a unit fills in for a period:
// a print-ready report sheet listing the unit's tasks, an indicators sheet
// for the units that report credit figures, instructions, and metadata that
// lets intake recognise the form however it has been renamed or re-saved.
package forms

// This file is the vocabulary that forms writes and intake reads back: sheet
// names, column headers, status words and metadata keys. Change it in one
// place only.

// Version of the form's layout, stored in the metadata.
const Version = "1"

// Sheet names.
const (
	ReportSheet       = "Báo cáo"
	IndicatorsSheet   = "Chỉ tiêu"
	InstructionsSheet = "Hướng dẫn"
	MetaSheet         = "_baocao"  // very hidden: key in column A, value in B
	ListsSheet        = "_danhmuc" // hidden: the status list for drop-downs
)

// Column is one column of the report sheet's table.
type Column struct {
	Key    string // stable identifier used in code
	Header string // the header cell's text
	Fill   bool   // filled in by the unit (unlocked); else copied from the plan (locked)
	Width  float64
	// Prompt is the input message shown when a fill-in cell is selected.
	Prompt string
}

// Column keys.
const (
	ColCode         = "code"
	ColContent      = "content"
	ColRole         = "role"
	ColProduct      = "product"
	ColTiming       = "timing"
	ColStatus       = "status"
	ColResults      = "results"
	ColDocuments    = "documents"
	ColDifficulties = "difficulties"
	ColProposals    = "proposals"
	ColNotes        = "notes"
	ColNextTasks    = "next_tasks"
)

// Columns of the report sheet, in order (A, B, ...).
var Columns = []Column{
	{Key: ColCode, Header: "Mã nhiệm vụ", Width: 8},
	{Key: ColContent, Header: "Nội dung nhiệm vụ", Width: 38},
	{Key: ColRole, Header: "Vai trò", Width: 9},
	{Key: ColProduct, Header: "Sản phẩm", Width: 15},
	{Key: ColTiming, Header: "Thời gian thực hiện", Width: 10},
	{Key: ColStatus, Header: "Tình trạng", Fill: true, Width: 13,
		Prompt: "Chọn một trong danh sách: Hoàn thành, Đang thực hiện, Chưa thực hiện, Không phát sinh trong kỳ."},
	{Key: ColResults, Header: "Kết quả thực hiện", Fill: true, Width: 32,
		Prompt: "Ghi cụ thể việc đã làm trong kỳ: số cuộc, số người, số hộ, số tiền (triệu đồng)..."},
	{Key: ColDocuments, Header: "Văn bản, sản phẩm đã ban hành (số, ký hiệu, ngày)", Fill: true, Width: 20,
		Prompt: "Ghi số, ký hiệu, ngày văn bản, ví dụ: Kế hoạch số 15/KH-UBND ngày 20/01/2026. Mỗi văn bản một dòng (Alt+Enter)."},
	{Key: ColDifficulties, Header: "Khó khăn, vướng mắc", Fill: true, Width: 16,
		Prompt: "Ghi khó khăn, vướng mắc và nguyên nhân (nếu có)."},
	{Key: ColProposals, Header: "Đề xuất, kiến nghị", Fill: true, Width: 16,
		Prompt: "Ghi đề xuất, kiến nghị với UBND xã hoặc cấp trên (nếu có)."},
	{Key: ColNextTasks, Header: "Nhiệm vụ, giải pháp kỳ tới", Fill: true, Width: 18,
		Prompt: "Ghi việc đơn vị sẽ làm trong kỳ tới để tiếp tục hoặc hoàn thành nhiệm vụ này (nếu có)."},
	{Key: ColNotes, Header: "Ghi chú", Fill: true, Width: 9,
		Prompt: "Ghi chú khác (nếu có)."},
}

// Status is the state of a task that a unit reports.
type Status int

const (
	StatusUnknown Status = iota // not given, or not understood
	StatusDone
	StatusInProgress
	StatusNotStarted
	StatusNotApplicable // nothing to do in this period
)

// Statuses lists the drop-down values, in the order shown.
var Statuses = []Status{StatusDone, StatusInProgress, StatusNotStarted, StatusNotApplicable}

// String gives the drop-down wording.
func (s Status) String() string {
	switch s {
	case StatusDone:
		return "Hoàn thành"
	case StatusInProgress:
		return "Đang thực hiện"
	case StatusNotStarted:
		return "Chưa thực hiện"
	case StatusNotApplicable:
		return "Không phát sinh trong kỳ"
	}
	return ""
}

// Indicator sheet columns, in order.
var IndicatorColumns = []string{"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Cuối kỳ trước", "Cuối kỳ này", "Ghi chú"}

// Metadata keys: stored as custom document properties (as strings, since
// LibreOffice turns numbers into floats), on the very hidden MetaSheet, and
// as workbook defined names, so that at least one survives a re-save.
const (
	MetaUnit        = "baocao_don_vi"
	MetaPeriod      = "baocao_ky"
	MetaFingerprint = "baocao_danh_muc"
	MetaVersion     = "baocao_phien_ban"
	// SummaryMarker is a custom property of the summary workbook that
	// baocao writes (its value is the period), so that the intake can tell
	// it from a unit's report when it lands in the input folder.
	SummaryMarker = "baocao_tong_hop"
)
