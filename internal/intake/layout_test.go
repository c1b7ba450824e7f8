package intake

import (
	"regexp"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/forms"
)

var bothMarks = regexp.MustCompile(`\(ô (C\d+), D\d+\)`)

// rowOf returns the row read for task, failing when there is none.
func rowOf(t *testing.T, s *Submission, task string) Row {
	t.Helper()
	for _, r := range s.Rows {
		if r.Task == task {
			return r
		}
	}
	t.Fatalf("no row for %s\n%s", task, problemsText(s))
	return Row{}
}

// TestStatusMarks: a column per status, marked "x", in a one-row header
// and under a merged "Tình trạng"; a mark that is not an "x" is read with
// its header; two marks are unclear, with a warning naming both cells.
func TestStatusMarks(t *testing.T) {
	c := loadCatalog(t)
	title := []string{"Phòng Kinh tế", "Báo cáo quý I năm 2026"}
	rows := [][]any{
		{"I.1", "", "x", "", "", "", "Đã phổ biến"},
		{"I.2", "", "", "X", "", "", "Đang in tờ rơi"},
		{"II.1", "", "", "", "✓", "", ""},
		{"II.2", "", "", "", "", "x", ""},
		{"II.3", "", "80%", "", "", "", "Đã lồng ghép 4/5 chương trình"},
		{"III.1", "", "x", "x", "", "", "Phối hợp"},
	}
	oneRow := ownLayout(title, []any{"STT", "Nội dung", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh", "Kết quả"}, rows...)
	twoRows := ownLayout(title, []any{"STT", "Nội dung", "Tình trạng", "", "", "", "Kết quả"},
		append([][]any{{"", "", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Không phát sinh trong kỳ", ""}}, rows...)...)
	twoRows.sheets[0].merges = [][2]string{{"C3", "F3"}, {"A3", "A4"}, {"B3", "B4"}, {"G3", "G4"}}
	for name, b := range map[string]book{"one header row": oneRow, "two header rows": twoRows} {
		t.Run(name, func(t *testing.T) {
			path := tempPath(t, "bao-cao.xlsx")
			b.write(t, path)
			s := readUnchanged(t, path, c, Options{Period: q1})
			if len(s.Rows) != 6 || len(s.Unmatched) != 0 {
				t.Fatalf("%d rows, %d unmatched\n%s", len(s.Rows), len(s.Unmatched), problemsText(s))
			}
			for task, want := range map[string]forms.Status{"I.1": forms.StatusDone, "I.2": forms.StatusInProgress, "II.1": forms.StatusNotStarted,
				"II.2": forms.StatusNotApplicable, "II.3": forms.StatusInProgress, "III.1": forms.StatusUnknown} {
				if r := rowOf(t, s, task); r.Status != want {
					t.Errorf("%s: status %v, want %v (text %q)", task, r.Status, want, r.StatusText)
				}
			}
			if r := rowOf(t, s, "II.3"); r.StatusWords != "Hoàn thành 80%" {
				t.Errorf("II.3: words %q, want «Hoàn thành 80%%»", r.StatusWords)
			}
			if r := rowOf(t, s, "III.1"); !strings.Contains(r.StatusWords, "Hoàn thành") || !strings.Contains(r.StatusWords, "Đang thực hiện") {
				t.Errorf("III.1: words %q", r.StatusWords)
			}
			if !hasProblem(s, SeverityWarning, "có nhiều cột tình trạng được đánh dấu cùng lúc") {
				t.Errorf("no warning for two marks\n%s", problemsText(s))
			}
			for _, p := range s.Problems {
				if strings.Contains(p.Message, "không thuộc biểu mẫu") || strings.Contains(p.Message, "chưa chọn tình trạng") {
					t.Errorf("a status column not understood: %s", p.Error())
				}
				if !strings.Contains(p.Message, "nhiều cột tình trạng") {
					continue
				}
				// At the first mark, naming both: III.1 is marked in C and D.
				if m := bothMarks.FindStringSubmatch(p.Message); m == nil || p.Pos.Ref() != m[1] {
					t.Errorf("the warning is at %v, not at the first of both marks: %q", p.Pos, p.Message)
				}
			}
		})
	}
}

// TestTwoRowHeader: a table starting at C12, under a two-row header with
// merged group headers: "Kết quả" over "Đã làm" | "Tồn tại", "Văn bản ban
// hành" over "Số, ký hiệu" | "Ngày", "Số liệu" over "Số cuộc" | "Số
// người". Every column is read, no header row is read as data.
func TestTwoRowHeader(t *testing.T) {
	c := loadCatalog(t)
	b, tasks := twoRowHeaderBook(c)
	path := tempPath(t, "HND-2026-Q1.xlsx")
	b.write(t, path)
	s := readUnchanged(t, path, c, Options{Period: q1})
	if s.Unit != "HND" || len(s.Rows) != 3 || len(s.Unmatched) != 0 {
		t.Fatalf("unit %q, %d rows, %d unmatched\n%s", s.Unit, len(s.Rows), len(s.Unmatched), problemsText(s))
	}
	for i, r := range s.Rows {
		if r.Task != tasks[i] || r.Row != 15+i || r.Status != forms.StatusInProgress || r.Results != "Tuyên truyền "+tasks[i]+"; Số cuộc: 3; Số người: 120" ||
			r.Difficulties != "Kinh phí ít" || r.Documents != "12/KH-HND; Ngày: 15/01/2026" {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	for _, p := range s.Problems {
		if strings.Contains(p.Message, "không thuộc biểu mẫu") || strings.Contains(p.Message, "không có tiêu đề") || strings.Contains(p.Message, "không khớp") {
			t.Errorf("a column or header row not understood: %s", p.Error())
		}
	}
}

// twoRowHeaderBook is HND's own layout: the table at C12 under a two-row
// header with merged group headers, three tasks filled.
func twoRowHeaderBook(c *catalog.Catalog) (book, []string) {
	rows := make([][]any, 11)
	rows[1] = []any{"", "", "HỘI NÔNG DÂN XÃ XỐP"}
	rows[4] = []any{"", "", "BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH QUÝ I NĂM 2026"}
	rows = append(rows,
		[]any{"", "", "STT", "Nội dung nhiệm vụ", "Tiến độ", "Kết quả", "", "Văn bản ban hành", "", "Kết quả", "", "Ghi chú"},
		[]any{"", "", "", "", "", "Đã làm", "Tồn tại", "Số, ký hiệu", "Ngày", "Số cuộc", "Số người", ""},
		[]any{"", "", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"},
	)
	var tasks []string
	for _, a := range c.Assignments("HND")[:3] {
		tasks = append(tasks, a.Task.Code)
		rows = append(rows, []any{"", "", a.Task.Code, a.Task.Content, "đang làm", "Tuyên truyền " + a.Task.Code, "Kinh phí ít", "12/KH-HND", "15/01/2026", 3, 120, ""})
	}
	return book{sheets: []sheet{{name: "Sheet1", rows: rows, merges: [][2]string{
		{"C12", "C13"}, {"D12", "D13"}, {"E12", "E13"}, {"F12", "G12"}, {"H12", "I12"}, {"J12", "K12"}, {"L12", "L13"}}}}}, tasks
}

// TestNextTasksColumn: the next-period plans are read from our form's
// column and from units' own headers for it, never taken for the task's
// content (whose synonyms include "nhiệm vụ, giải pháp").
func TestNextTasksColumn(t *testing.T) {
	c := loadCatalog(t)
	title := []string{"Phòng Kinh tế", "Báo cáo quý I năm 2026"}
	for _, header := range []string{"Nhiệm vụ, giải pháp kỳ tới", "Phương hướng nhiệm vụ quý tới", "Nhiệm vụ trọng tâm kỳ tới", "Kế hoạch kỳ tới"} {
		t.Run(header, func(t *testing.T) {
			b := ownLayout(title, []any{"Mã nhiệm vụ", "Nội dung nhiệm vụ", "Tình trạng", "Kết quả thực hiện", header},
				[]any{"I.2", "Thông tin kịp thời các chủ trương", "Đang thực hiện", "Phát 12 tin", "Phát thêm 10 tin trong quý II"})
			path := tempPath(t, "bao-cao.xlsx")
			b.write(t, path)
			s := readUnchanged(t, path, c, Options{Period: q1})
			r := rowOf(t, s, "I.2")
			if r.NextTasks != "Phát thêm 10 tin trong quý II" || r.Results != "Phát 12 tin" {
				t.Errorf("next tasks %q, results %q\n%s", r.NextTasks, r.Results, problemsText(s))
			}
		})
	}
}
