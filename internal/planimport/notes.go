package planimport

// topic is the part of the review list a note belongs to.
type topic int

const (
	topicReading topic = iota
	topicPlan
	topicUnits
	topicTasks
	topicIndicators
	topicCheck
)

// topicTitles head the parts of the review list.
var topicTitles = map[topic]string{
	topicReading:    "Đọc bảng",
	topicPlan:       "Kế hoạch (plan.yaml)",
	topicUnits:      "Đơn vị và nhóm (units.yaml)",
	topicTasks:      "Nhiệm vụ (tasks.yaml)",
	topicIndicators: "Chỉ tiêu (indicators.yaml)",
	topicCheck:      "Lỗi còn lại khi kiểm tra dữ liệu (phải sửa trước khi dùng)",
}

// note is one entry of the review list: what was guessed or left empty,
// and the row of the table it comes from.
type note struct {
	topic topic
	place string
	text  string
}

type notes []note

func (n *notes) add(t topic, place, text string) {
	*n = append(*n, note{topic: t, place: place, text: text})
}
