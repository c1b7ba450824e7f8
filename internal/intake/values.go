package intake

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// statusWords maps folded wordings to statuses, most specific first: "chưa
// hoàn thành" must be tried before "hoàn thành".
var statusWords = []struct {
	words  string
	status forms.Status
}{
	{"khong phat sinh", forms.StatusNotApplicable},
	{"khong co nhiem vu", forms.StatusNotApplicable},
	{"khong ap dung", forms.StatusNotApplicable},
	{"chua hoan thanh", forms.StatusInProgress},
	{"chua xong", forms.StatusInProgress},
	{"chua thuc hien", forms.StatusNotStarted},
	{"chua trien khai", forms.StatusNotStarted},
	{"chua lam", forms.StatusNotStarted},
	{"chua bat dau", forms.StatusNotStarted},
	{"chua", forms.StatusNotStarted},
	{"dang thuc hien", forms.StatusInProgress},
	{"dang trien khai", forms.StatusInProgress},
	{"dang lam", forms.StatusInProgress},
	{"dang", forms.StatusInProgress},
	{"tiep tuc", forms.StatusInProgress},
	{"thuong xuyen", forms.StatusInProgress},
	{"hoan thanh", forms.StatusDone},
	{"da thuc hien", forms.StatusDone},
	{"da trien khai", forms.StatusDone},
	{"da xong", forms.StatusDone},
	{"xong", forms.StatusDone},
	{"dat", forms.StatusDone},
	{"khong", forms.StatusNotApplicable},
}

var percent = regexp.MustCompile(`(\d+(?:[.,]\d+)?)\s*%`)

// parseStatus reads a status from the drop-down or from free words:
// "đã xong", "hoàn thành 100%", "đang triển khai", "chưa", "80%".
func parseStatus(text string) forms.Status {
	if text == "" {
		return forms.StatusUnknown
	}
	for _, s := range forms.Statuses {
		if text == s.String() {
			return s
		}
	}
	folded := " " + vntext.Fold(text) + " "
	if m := percent.FindStringSubmatch(text); m != nil {
		if v, ok := vntext.ParseNumber(m[1]); ok {
			if strings.Contains(folded, " chua ") && v < 100 {
				return forms.StatusInProgress
			}
			switch {
			case v >= 100:
				return forms.StatusDone
			case v <= 0:
				return forms.StatusNotStarted
			default:
				return forms.StatusInProgress
			}
		}
	}
	for _, w := range statusWords {
		if strings.Contains(folded, " "+w.words+" ") {
			return w.status
		}
	}
	return forms.StatusUnknown
}

// statusChoices is the list of drop-down values, for messages.
func statusChoices() string {
	var names []string
	for _, s := range forms.Statuses {
		names = append(names, "«"+s.String()+"»")
	}
	return strings.Join(names, ", ")
}

// parseFloatRaw reads a number stored as a number cell ("1234.5", "1E+3").
func parseFloatRaw(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}
