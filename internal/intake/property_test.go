package intake

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

// TestNoRowLost fills random layouts (columns in any order, header on any
// row, codes written in any of the accepted ways or left out, blank and
// unrelated rows, rows inserted under a task) and checks that every
// non-empty row written is either matched, to the right task, or listed as
// unmatched with its place, or, inserted under a task, added to it.
func TestNoRowLost(t *testing.T) {
	c := loadCatalog(t)
	iterations := 60
	if testing.Short() {
		iterations = 10
	}
	for seed := range iterations {
		rng := rand.New(rand.NewPCG(uint64(seed), 2026))
		t.Run(fmt.Sprint(seed), func(t *testing.T) { checkRandomLayout(t, c, rng) })
	}
}

var junk = []string{"Hỗ trợ xây nhà văn hóa thôn Đăk Ung", "Tham gia hội thao cấp huyện", "Sửa chữa máy tính văn phòng", "Mua sắm bàn ghế hội trường"}

func checkRandomLayout(t *testing.T, c *catalog.Catalog, rng *rand.Rand) {
	units := c.ReportingUnits()
	u := units[rng.IntN(len(units))]
	periods := []string{"2026-Q1", "2026-Q3", "2026-H1", "2026-9M", "2026"}
	p := period.MustParse(periods[rng.IntN(len(periods))])

	// Columns: one that names the task, some to fill, maybe extras.
	type column struct{ key, head string }
	cols := []column{{forms.ColStatus, "Tình trạng"}, {forms.ColResults, "Kết quả thực hiện"}}
	switch rng.IntN(3) {
	case 0:
		cols = append(cols, column{forms.ColCode, "Mã nhiệm vụ"}, column{forms.ColContent, "Nội dung nhiệm vụ"})
	case 1:
		cols = append(cols, column{colSeq, "STT"}, column{forms.ColContent, "Nội dung"})
	case 2:
		cols = append(cols, column{forms.ColContent, "Nhiệm vụ"})
	}
	for _, extra := range []column{{forms.ColDocuments, "Văn bản đã ban hành"}, {forms.ColNotes, "Ghi chú"}, {forms.ColDifficulties, "Khó khăn"}, {"", "Người phụ trách"}} {
		if rng.IntN(2) == 0 {
			cols = append(cols, extra)
		}
	}
	rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	idx := map[string]int{}
	var head []any
	for i, col := range cols {
		if col.key != "" {
			idx[col.key] = i
		}
		head = append(head, col.head)
	}
	_, hasCode := idx[forms.ColCode]
	_, hasSeq := idx[colSeq]

	var rows [][]any
	title := []string{"ỦY BAN NHÂN DÂN XÃ XỐP", "Đơn vị: " + u.Name, "BÁO CÁO " + strings.ToUpper(p.Name())}
	for i := range rng.IntN(5) {
		if i < len(title) {
			rows = append(rows, []any{title[i]})
		} else {
			rows = append(rows, []any{})
		}
	}
	if len(rows) < 3 { // the unit and period must be found somewhere
		rows = append(rows, []any{"Đơn vị: " + u.Name}, []any{"Kỳ: " + p.Name()})
	}
	rows = append(rows, head)

	type expect struct {
		task      string // "" for a row that must stay unmatched
		mustMatch bool   // the task is certain (code in full or content in full)
	}
	want := map[int]expect{}  // sheet row -> what it must become
	added := map[int]string{} // sheet row -> the task it adds to
	newRow := func() []any { return make([]any, len(cols)) }
	lastSection, lastParent := "", ""
	tasks := c.Assignments(u.Code)
	if len(tasks) == 0 {
		tasks = []catalog.Assignment{{Task: c.Tasks()[rng.IntN(len(c.Tasks()))]}}
	}
	for _, a := range tasks {
		task := a.Task
		if rng.IntN(5) == 0 {
			continue // the unit left this task out
		}
		for range rng.IntN(2) {
			rows = append(rows, []any{}) // blank rows
		}
		row := newRow()
		codeWritten, sure := false, false
		if hasCode || hasSeq {
			key := forms.ColCode
			if hasSeq {
				key = colSeq
			}
			// Section and group headings for the short codes.
			if task.Section != lastSection {
				h := newRow()
				h[idx[key]] = task.Section
				h[idx[forms.ColContent]] = c.Section(task.Section).Title
				rows = append(rows, h)
				lastSection, lastParent = task.Section, ""
			}
			if task.Parent != "" && task.Parent != lastParent {
				h := newRow()
				h[idx[key]] = strings.TrimPrefix(task.Parent, task.Section+".")
				h[idx[forms.ColContent]] = c.Task(task.Parent).Content
				rows = append(rows, h)
				lastParent = task.Parent
			}
			switch rng.IntN(4) {
			case 0:
				row[idx[key]] = task.Code
			case 1:
				row[idx[key]] = strings.ReplaceAll(task.Code, ".", "-")
			case 2:
				parts := strings.Split(task.Code, ".")
				row[idx[key]] = parts[len(parts)-1] // "a" under IV.1, "3" under V
			case 3:
				row[idx[key]] = strings.ToLower(task.Code) + "."
			}
			codeWritten, sure = true, true
		}
		if !codeWritten || rng.IntN(2) == 0 {
			row[idx[forms.ColContent]] = task.Content
			sure = true
		}
		if rng.IntN(4) > 0 {
			row[idx[forms.ColStatus]] = []string{"Hoàn thành", "đã xong", "đang triển khai", "chưa", "Không phát sinh trong kỳ"}[rng.IntN(5)]
		}
		if rng.IntN(4) > 0 {
			row[idx[forms.ColResults]] = fmt.Sprintf("Kết quả %s: %d cuộc", task.Code, rng.IntN(100))
		}
		rows = append(rows, row)
		want[len(rows)] = expect{task: task.Code, mustMatch: sure}
		if sure && rng.IntN(4) == 0 {
			// A row inserted under the task to write more.
			cont := newRow()
			cont[idx[forms.ColResults]] = "Bổ sung " + task.Code + "."
			rows = append(rows, cont)
			added[len(rows)] = task.Code
		}
		if task.Parent == "" {
			lastParent = ""
		}
	}
	// Rows that belong to no task.
	for range rng.IntN(3) {
		row := newRow()
		row[idx[forms.ColContent]] = junk[rng.IntN(len(junk))]
		row[idx[forms.ColResults]] = "Đã làm xong"
		rows = append(rows, row)
		want[len(rows)] = expect{}
	}
	path := tempPath(t, "bao-cao.xlsx")
	book{sheets: []sheet{{name: "Trang 1", rows: rows}}}.write(t, path)
	s := readUnchanged(t, path, c, Options{})

	if len(want) == 0 {
		t.Fatal("no rows written")
	}
	t.Logf("%d rows written, %d matched, %d unmatched, %d problems", len(want), len(s.Rows), len(s.Unmatched), len(s.Problems))
	got := map[int]Row{}
	for _, r := range append(append([]Row{}, s.Rows...), s.Unmatched...) {
		if _, dup := got[r.Row]; dup {
			t.Errorf("row %d listed twice", r.Row)
		}
		got[r.Row] = r
	}
	for n, w := range want {
		r, ok := got[n]
		switch {
		case !ok:
			t.Errorf("row %d (%s) lost: neither matched nor unmatched", n, w.task)
		case w.task == "" && r.Task != "":
			t.Errorf("row %d (unrelated) matched %s", n, r.Task)
		case w.mustMatch && r.Task != w.task:
			t.Errorf("row %d: matched %q (%s), want %s; text %q", n, r.Task, r.Match, w.task, r.Text)
		}
	}
	// Rows inserted under a task are in that task's row.
	for n, task := range added {
		found := false
		for _, r := range s.Rows {
			found = found || r.Task == task && strings.Contains(r.Results, "Bổ sung "+task+".")
		}
		if !found {
			t.Errorf("row %d, added under %s, lost", n, task)
		}
		if _, ok := got[n]; ok {
			t.Errorf("row %d, added under %s, read on its own: %+v", n, task, got[n])
		}
	}
	// Every other non-empty row is a heading or the title: never a task row.
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("row %d read as a task row: %+v", n, got[n])
		}
	}
	if s.Unit != u.Code || s.Period != p {
		t.Errorf("unit %q period %v, want %s %v\n%s", s.Unit, s.Period, u.Code, p, problemsText(s))
	}
	if t.Failed() {
		for i, r := range rows {
			t.Logf("%3d %v", i+1, r)
		}
		t.Log(problemsText(s))
	}
}
