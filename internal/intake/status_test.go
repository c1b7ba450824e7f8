package intake

import (
	"strings"

	"baocao/internal/vntext"
	"testing"

	"golang.org/x/text/unicode/norm"

	"baocao/internal/forms"
)

// TestReadStatusText: statuses as units really write them. A negation is
// never dropped; a qualified status maps to its nearest one only where that
// is unambiguous and keeps the unit's words; anything else is Unknown with
// the words kept.
func TestReadStatusText(t *testing.T) {
	const (
		done = forms.StatusDone
		prog = forms.StatusInProgress
		not  = forms.StatusNotStarted
		na   = forms.StatusNotApplicable
		unk  = forms.StatusUnknown
	)
	tests := []struct {
		in   string
		want forms.Status
		how  statusHow
	}{
		// The drop-down, in any case and form.
		{"Hoàn thành", done, statusExact},
		{"Đang thực hiện", prog, statusExact},
		{"Chưa thực hiện", not, statusExact},
		{"Không phát sinh trong kỳ", na, statusExact},
		{"hoàn thành", done, statusExact},
		{"HOÀN THÀNH", done, statusExact},
		{"Hoan thanh", done, statusExact},
		{norm.NFD.String("Hoàn thành"), done, statusExact},
		{"  Đang   thực hiện ", prog, statusExact},
		// Other words for one status.
		{"đã xong", done, statusSynonym},
		{"xong", done, statusSynonym},
		{"Đã xong.", done, statusSynonym},
		{"hoàn thành 100%", done, statusSynonym},
		{"Hoàn thành 100% kế hoạch", done, statusSynonym},
		{"Đã hoàn thành", done, statusSynonym},
		{"đã thực hiện xong", done, statusSynonym},
		{"Hoàn thành tốt", done, statusSynonym},
		{"hoàn thành đúng tiến độ", done, statusSynonym},
		{"100%", done, statusSynonym},
		{"Đã thực hiện", done, statusSynonym},
		{"đã triển khai", done, statusSynonym},
		{"đang làm", prog, statusSynonym},
		{"đang triển khai", prog, statusSynonym},
		{"Đang tiến hành", prog, statusSynonym},
		{"tiếp tục thực hiện", prog, statusSynonym},
		{"chưa", not, statusSynonym},
		{"chưa làm", not, statusSynonym},
		{"Chưa triển khai", not, statusSynonym},
		{"chưa bắt đầu", not, statusSynonym},
		{"chưa thực hiện được", not, statusSynonym},
		{"không có", na, statusSynonym},
		{"không phát sinh", na, statusSynonym},
		{"Không có nhiệm vụ phát sinh", na, statusSynonym},
		{"không áp dụng", na, statusSynonym},
		{"chưa phát sinh", na, statusSynonym},
		// Negations: never Hoàn thành.
		{"Không hoàn thành", unk, statusUnclear},
		{"chưa hoàn thành", unk, statusUnclear},
		{"không đạt", unk, statusUnclear},
		{"chưa đạt", unk, statusUnclear},
		{"chưa xong", unk, statusUnclear},
		{"Không hoàn thành do thiếu kinh phí", unk, statusUnclear},
		{"không hoàn thành 100%", unk, statusUnclear},
		{"chưa đạt 100%", unk, statusUnclear},
		{"Không thực hiện", unk, statusUnclear},
		{"không", unk, statusUnclear},
		{"hoàn thành/chưa hoàn thành", unk, statusUnclear},
		{"không thực hiện được", unk, statusUnclear},
		{"Không hoàn thành được", unk, statusUnclear},
		{"không đạt yêu cầu", unk, statusUnclear},
		{"chưa hoàn thành hết", unk, statusUnclear},
		// The short forms units type for "không": still a negation.
		{"ko hoàn thành", unk, statusUnclear},
		{"k hoàn thành", unk, statusUnclear},
		{"KO HOÀN THÀNH", unk, statusUnclear},
		{"kg đạt", unk, statusUnclear},
		{"kh hoàn thành", unk, statusUnclear},
		{"Hoàn thành, k có vướng mắc", done, statusQualified},
		// Qualified: the nearest status where it is unambiguous, words kept.
		{"hoàn thành 80%", prog, statusQualified},
		{"Hoàn thành 80 phần trăm", prog, statusQualified},
		{"đạt 50%", prog, statusQualified},
		{"80%", prog, statusQualified},
		{"đã hoàn thành 50%", prog, statusQualified},
		{"Đang thực hiện 60%", prog, statusQualified},
		{"đang thực hiện (đạt 70%)", prog, statusQualified},
		{"chưa hoàn thành (đạt 80%)", prog, statusQualified},
		{"hoàn thành một phần", prog, statusQualified},
		{"gần hoàn thành", prog, statusQualified},
		{"sắp xong", prog, statusQualified},
		{"đã triển khai nhưng chưa hoàn thành", prog, statusQualified},
		{"đang thực hiện, chưa hoàn thành", prog, statusQualified},
		{"Đang thực hiện, dự kiến xong tháng 6", prog, statusQualified},
		{"Hoàn thành giai đoạn 1, đang thực hiện giai đoạn 2", prog, statusQualified},
		{"thường xuyên", prog, statusQualified},
		{"0%", not, statusQualified},
		{"hoàn thành vượt kế hoạch", done, statusQualified},
		{"hoàn thành 120%", done, statusQualified},
		{"Hoàn thành, không có vướng mắc", done, statusQualified},
		{"Hoàn thành không có vướng mắc", done, statusQualified},
		{"hoàn thành chậm tiến độ", done, statusQualified},
		{"hoàn thành nửa", prog, statusQualified},
		{"xong 1 phần", prog, statusQualified},
		{"hoàn thành một số nội dung", prog, statusQualified},
		{"hoàn thành hầu hết", prog, statusQualified},
		{"hoàn thành ngày 15/3", done, statusQualified},
		{"Hoàn thành ngày 15/03/2026", done, statusQualified},
		{"Đã ban hành Kế hoạch số 12/KH-UBND", done, statusQualified},
		// Ambiguous or not understood: Unknown, words kept.
		{"cơ bản hoàn thành", unk, statusUnclear},
		{"Hoàn thành cơ bản", unk, statusUnclear},
		{"Tạm ổn", unk, statusUnclear},
		{"x", unk, statusUnclear},
		{"HT", unk, statusUnclear},
		{"50% và 80%", unk, statusUnclear},
		{"chưa thực hiện 50%", unk, statusUnclear},
		{"Không phát sinh, đang thực hiện", unk, statusUnclear},
		{"hoàn thành phần A, chưa thực hiện phần B", unk, statusUnclear},
		// A fraction is a share done or a date: not read.
		{"hoàn thành 1/2", unk, statusUnclear},
		{"Hoàn thành 3/5 chỉ tiêu", unk, statusUnclear},
		{"Hoàn thành 15/3", unk, statusUnclear},
		{"Hoàn thành 8/12 thôn", unk, statusUnclear},
		// A document's number, a deadline, or N out of N are no fraction.
		{"Hoàn thành trước 31/3", done, statusQualified},
		{"Đã hoàn thành, QĐ 15/2025", done, statusQualified},
		{"Hoàn thành theo Nghị định 30/2020/NĐ-CP", done, statusQualified},
		{"Đã ban hành Kế hoạch 12/KH-UBND", done, statusQualified},
		{"hoàn thành 12/12 thôn", done, statusQualified},
		{"Hoàn thành 100% (50/50 hộ)", done, statusQualified},
		// A share done stays a fraction, whatever its numbers.
		{"Hoàn thành 1500/2000 hộ", unk, statusUnclear},
		{"Hoàn thành 150/1990 hộ", unk, statusUnclear},
		{"Hoàn thành đến 4/5 thôn", unk, statusUnclear},
		{"Đã triển khai từ 3/5 thôn", unk, statusUnclear},
		{"Hoàn thành theo Quyết định 15/2025", done, statusQualified},
		// A negation before a bracket still negates what is in it.
		{"Không (hoàn thành)", unk, statusUnclear},
		{"k (xong)", unk, statusUnclear},
		// "KH" is a plan: planned is not done.
		{"KH hoàn thành tháng 6", unk, statusUnclear},
	}
	if len(tests) < 40 {
		t.Fatalf("%d phrasings; the issue asks for at least 40", len(tests))
	}
	for _, tt := range tests {
		got := readStatusText(tt.in)
		if got.status != tt.want || got.how != tt.how {
			t.Errorf("readStatusText(%q) = %v (how %d), want %v (how %d)", tt.in, got.status, got.how, tt.want, tt.how)
		}
		if got.status == done && hasNegation(tt.in) {
			t.Errorf("readStatusText(%q): a negation read as Hoàn thành", tt.in)
		}
		if got.how >= statusQualified != got.words() {
			t.Errorf("readStatusText(%q): words() disagrees with how", tt.in)
		}
	}
}

// hasNegation tells a text whose completion word is negated, for the
// check that no negation becomes Hoàn thành.
func hasNegation(s string) bool {
	for _, neg := range []string{"không hoàn thành", "chưa hoàn thành", "không đạt", "chưa đạt", "chưa xong", "ko hoàn thành", "k hoàn thành", "kg đạt", "kh hoàn thành"} {
		if strings.Contains(" "+vntext.Fold(s), " "+vntext.Fold(neg)) {
			return true
		}
	}
	return false
}
