package compose

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/period"
)

var q2 = period.MustParse("2026-Q2")

// filled is a unit's form as the program generates it, filled in by fill
// (which gets the form and the codes of its task rows), saved, and read
// back as the clerk's intake reads it.
type filled struct {
	unit string
	fill func(f *excelize.File, tasks []string)
}

// formTasks are the codes of a form's task rows, in order.
func formTasks(t *testing.T, f *excelize.File) []string {
	t.Helper()
	rows, err := f.GetRows(forms.ReportSheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if len(r) > 2 && strings.Contains(r[0], ".") && r[2] != "" {
			out = append(out, r[0])
		}
	}
	return out
}

// quarterFromForms builds the forms of period p, has the units fill them,
// and consolidates what intake reads from the saved files.
func quarterFromForms(t *testing.T, p period.Period, units ...filled) (*consolidate.Report, []*intake.Submission) {
	t.Helper()
	c := loadCatalog(t)
	dir := t.TempDir()
	for _, u := range units {
		f, err := forms.Build(c, u.unit, p)
		if err != nil {
			t.Fatal(err)
		}
		u.fill(f, formTasks(t, f))
		if err := f.SaveAs(filepath.Join(dir, u.unit+"-"+p.String()+".xlsx")); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	subs := intake.ReadAll([]string{dir}, c, intake.Options{Period: p})
	for _, s := range subs {
		for _, e := range s.Problems {
			if e.Severity == intake.SeverityError {
				t.Fatalf("%s: %v", s.Path, e)
			}
		}
	}
	return consolidate.Build(c, p, subs), subs
}

func fillRow(t *testing.T, f *excelize.File, task string, cols map[string]string) {
	t.Helper()
	if err := forms.FillRow(f, task, cols); err != nil {
		t.Fatal(err)
	}
}

// copiedDown is the Phòng Kinh tế of quarter II that fills every row and
// copies one phrase down the columns, as units do: the same plan for the
// next period on 21 rows, the same difficulty and proposal on every row,
// a line twice in one cell, a clause of results on two tasks.
func copiedDown(t *testing.T) (*consolidate.Report, []*intake.Submission) {
	return quarterFromForms(t, q2, filled{"KT", func(f *excelize.File, tasks []string) {
		if len(tasks) < 20 {
			t.Fatalf("Phòng Kinh tế has %d rows", len(tasks))
		}
		for i, task := range tasks {
			next, results := "Tiếp tục theo dõi, đôn đốc thực hiện", fmt.Sprintf("Tổ chức %d cuộc họp triển khai nhiệm vụ.", i+1)
			switch task {
			case "IV.1.a":
				next, results = "Tiếp tục tham mưu bổ sung nguồn vốn ủy thác", "Tham mưu chuyển 150 triệu đồng vốn ủy thác.\nTham mưu chuyển 150 triệu đồng vốn ủy thác."
			case "I.1", "I.2":
				results += "\nPhối hợp kiểm tra việc bình xét cho vay tại 3 thôn."
			case "II.1":
				next = "tiếp tục theo dõi,  đôn đốc thực hiện."
			}
			fillRow(t, f, task, map[string]string{forms.ColStatus: "Đang thực hiện", forms.ColResults: results, forms.ColNextTasks: next,
				forms.ColDifficulties: "Nguồn vốn ủy thác còn hạn chế.", forms.ColProposals: "Đề nghị UBND tỉnh bổ sung nguồn vốn ủy thác."})
		}
	}})
}

// TestCopiedPhrasesSaidOnce: a phrase a unit copied down a column is said
// once in each part of the report, in the order first written, and never
// dropped; the appendix keeps it per task, once in a cell.
func TestCopiedPhrasesSaidOnce(t *testing.T) {
	r, _ := copiedDown(t)
	f := Fields(r, Options{Now: time.Date(2026, 6, 20, 0, 0, 0, 0, time.Local)})
	d := Compose(r, Options{Now: time.Date(2026, 6, 20, 0, 0, 0, 0, time.Local)})
	var part1 []string
	for _, s := range d.Results {
		part1 = append(part1, s.Paragraphs...)
	}
	count := func(list []string, phrase string) int {
		return strings.Count(strings.ToLower(strings.Join(list, "\n")), strings.ToLower(phrase))
	}
	for _, tt := range []struct {
		part   string
		list   []string
		phrase string
	}{
		{"III", d.NextTasks, "tiếp tục theo dõi, đôn đốc thực hiện"},
		{"III", d.NextTasks, "tiếp tục tham mưu bổ sung nguồn vốn ủy thác"},
		{"I", part1, "tham mưu chuyển 150 triệu đồng vốn ủy thác"},
		{"I", part1, "phối hợp kiểm tra việc bình xét cho vay tại 3 thôn"},
		{"II", append(d.Limitations, d.Causes...), "nguồn vốn ủy thác còn hạn chế"},
		{"IV", d.Proposals, "bổ sung nguồn vốn ủy thác"},
	} {
		if n := count(tt.list, tt.phrase); n != 1 {
			t.Errorf("part %s says %q %d times, want once:\n%s", tt.part, tt.phrase, n, strings.Join(tt.list, "\n"))
		}
	}
	want := "Phòng Kinh tế tiếp tục theo dõi, đôn đốc thực hiện; tiếp tục tham mưu bổ sung nguồn vốn ủy thác."
	if !strings.Contains(strings.Join(d.NextTasks, "\n"), want) {
		t.Errorf("part III does not say %q in the order first written:\n%s", want, strings.Join(d.NextTasks, "\n"))
	}
	// the appendix: per task, once within a cell
	for _, row := range f["phu_luc"].([]map[string]any) {
		text := row["ket_qua"].(string)
		switch row["stt"] {
		case "IV.1.a":
			if n := strings.Count(text, "Tham mưu chuyển 150 triệu đồng vốn ủy thác"); n != 1 {
				t.Errorf("the appendix's row IV.1.a says its line %d times: %q", n, text)
			}
		case "I.1", "I.2":
			if n := strings.Count(text, "Phối hợp kiểm tra việc bình xét cho vay tại 3 thôn"); n != 1 {
				t.Errorf("the appendix's row %s says the unit's line %d times, want once per task: %q", row["stt"], n, text)
			}
		}
	}
}

// selfNamed is a quarter II whose units start their words with their own
// names, in full or abbreviated, as units write them.
func selfNamed(t *testing.T) (*consolidate.Report, []*intake.Submission) {
	one := func(unit string, cells ...map[string]string) filled {
		return filled{unit, func(f *excelize.File, tasks []string) {
			for i, c := range cells {
				if i >= len(tasks) {
					t.Fatalf("%s has %d rows", unit, len(tasks))
				}
				c[forms.ColStatus] = "Hoàn thành"
				fillRow(t, f, tasks[i], c)
			}
		}}
	}
	return quarterFromForms(t, q2,
		one("MTTQ", map[string]string{forms.ColResults: "Ủy ban MTTQ xã tổ chức 01 đợt giám sát việc bình xét cho vay tại 3 thôn."},
			map[string]string{forms.ColResults: "MTTQ xã phối hợp tuyên truyền tại 5 thôn."},
			map[string]string{forms.ColResults: "UBMTTQ xã lồng ghép tuyên truyền trong 4 hội nghị."},
			map[string]string{forms.ColResults: "Tổ chức hội nghị giao ban.\nMặt trận Tổ quốc xã chủ trì giám sát 2 Tổ Tiết kiệm và vay vốn."}),
		one("HND", map[string]string{forms.ColResults: "Hội Nông dân phối hợp tuyên truyền tại 4 chi hội.", forms.ColNextTasks: "Hội ND xã tiếp tục củng cố tổ hoạt động yếu."},
			map[string]string{forms.ColResults: "Hội ND quản lý 5 Tổ Tiết kiệm và vay vốn."},
			map[string]string{forms.ColResults: "HND xã vận động 12 hộ gửi tiết kiệm."}),
		one("NHCSXH", map[string]string{forms.ColResults: "PGD NHCSXH giải ngân 2.300 triệu đồng cho 45 hộ."},
			map[string]string{forms.ColResults: "Phòng giao dịch kiểm tra 20 Tổ Tiết kiệm và vay vốn."}),
		one("KT", map[string]string{forms.ColResults: "Ủy ban nhân dân xã ban hành 01 kế hoạch tuyên truyền."},
			map[string]string{forms.ColResults: "12 tin bài được đăng.\nHội Nông dân xã phối hợp phát 3 tin."}),
	)
}

// TestUnitNamesItself: a text that starts with its unit's name, however
// spelled, is the unit's sentence with the unit as subject, named as the
// report names it; never «Theo báo cáo của X, x …», and a name never loses
// its capital.
func TestUnitNamesItself(t *testing.T) {
	r, _ := selfNamed(t)
	d := Compose(r, Options{Now: time.Date(2026, 6, 20, 0, 0, 0, 0, time.Local)})
	var part1 []string
	for _, s := range d.Results {
		part1 = append(part1, s.Paragraphs...)
	}
	body := strings.Join(append(part1, d.NextTasks...), "\n")
	for _, want := range []string{
		"Ủy ban Mặt trận Tổ quốc Việt Nam xã tổ chức 01 đợt giám sát việc bình xét cho vay tại 3 thôn",
		"Ủy ban Mặt trận Tổ quốc Việt Nam xã phối hợp tuyên truyền tại 5 thôn",
		"Ủy ban Mặt trận Tổ quốc Việt Nam xã lồng ghép tuyên truyền trong 4 hội nghị",
		"Hội Nông dân xã phối hợp tuyên truyền tại 4 chi hội",
		"Hội Nông dân xã quản lý 5 Tổ Tiết kiệm và vay vốn",
		"Hội Nông dân xã vận động 12 hộ gửi tiết kiệm",
		"Hội Nông dân xã tiếp tục củng cố tổ hoạt động yếu",
		"Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei (sau đây gọi là Phòng giao dịch) giải ngân 2.300 triệu đồng cho 45 hộ",
		"Phòng giao dịch kiểm tra 20 Tổ Tiết kiệm và vay vốn",
		// another's name after a clause or after «Theo báo cáo của»
		"Theo báo cáo của Phòng Kinh tế, Ủy ban nhân dân xã ban hành 01 kế hoạch tuyên truyền",
		"; Hội Nông dân xã phối hợp phát 3 tin",
		"; Mặt trận Tổ quốc xã chủ trì giám sát",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the body does not say %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"Theo báo cáo của Ủy ban Mặt trận", "Theo báo cáo của Hội Nông dân", "Theo báo cáo của Phòng giao dịch",
		"ủy ban Mặt trận", "mặt trận Tổ quốc", "hội Nông dân", "phòng giao dịch", "ủy ban nhân dân xã ban hành", "xã xã", "Hội ND", "HND", "PGD", "MTTQ", "thực hiện: hội"} {
		if strings.Contains(body, bad) {
			t.Errorf("the body says %q:\n%s", bad, body)
		}
	}
}

// A name keeps its capital where a unit's line goes on after other words;
// a verb loses it.
func TestLowerStartKeepsNames(t *testing.T) {
	w := newWriterFor(loadCatalog(t))
	for _, tt := range []struct{ in, want string }{
		{"Tổ chức 2 hội nghị", "tổ chức 2 hội nghị"},
		{"Ủy ban nhân dân xã ban hành kế hoạch", "Ủy ban nhân dân xã ban hành kế hoạch"},
		{"Hội Nông dân phối hợp", "Hội Nông dân phối hợp"},
		{"Hội ND xã phối hợp", "Hội ND xã phối hợp"},
		{"Mặt trận Tổ quốc xã giám sát", "Mặt trận Tổ quốc xã giám sát"},
		{"Phòng giao dịch giải ngân", "Phòng giao dịch giải ngân"},
		{"Kế hoạch số 12/KH-UBND được ban hành", "kế hoạch số 12/KH-UBND được ban hành"},
	} {
		if got := w.lowerStart(tt.in); got != tt.want {
			t.Errorf("lowerStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// statusWords finds a status warning's quoted words and its task.
var statusWords = regexp.MustCompile(`tình trạng «([^»]+)» của nhiệm vụ (\S+)`)

// TestStatusWordsAsPromised: where intake tells the clerk that the report
// quotes a unit's own words for a status, the report (the appendix's
// status column, the only place statuses are printed) quotes them; where
// it does not quote them, the warning promises nothing. A coordinating
// unit's typo («Hoàn thàn») and a lead's words («Tạm ổn») from forms.
func TestStatusWordsAsPromised(t *testing.T) {
	r, subs := quarterFromForms(t, q2,
		filled{"KT", func(f *excelize.File, _ []string) {
			fillRow(t, f, "I.2", map[string]string{forms.ColStatus: "Tạm ổn", forms.ColResults: "Phát 15 tin trên đài truyền thanh."})
		}},
		filled{"HND", func(f *excelize.File, _ []string) {
			fillRow(t, f, "I.2", map[string]string{forms.ColStatus: "Hoàn thàn", forms.ColResults: "Phối hợp tuyên truyền tại 4 chi hội."})
		}})
	f := Fields(r, Options{Now: time.Date(2026, 6, 20, 0, 0, 0, 0, time.Local)})
	status := map[string]string{}
	for _, row := range f["phu_luc"].([]map[string]any) {
		status[row["stt"].(string)] = row["tinh_trang"].(string)
	}
	checked := 0
	for _, s := range subs {
		for _, p := range s.Problems {
			m := statusWords.FindStringSubmatch(p.Message)
			if m == nil {
				continue
			}
			checked++
			promised := strings.Contains(p.Message, "báo cáo ghi kèm nguyên văn")
			quoted := strings.Contains(status[m[2]], "«"+m[1]+"»")
			if promised != quoted {
				t.Errorf("%s: the warning promises the words: %v; the appendix's status of %s quotes them: %v (%q)\n%s", s.Unit, promised, m[2], quoted, status[m[2]], p.Message)
			}
		}
	}
	if checked != 2 {
		t.Errorf("%d status warnings, want 2 (KT's «Tạm ổn», HND's «Hoàn thàn»)", checked)
	}
}

// A repeated clause that cites other documents on its second task is said
// again with them: its documents are never left as if the unit issued
// them alone.
func TestRepeatWithItsDocuments(t *testing.T) {
	r, _ := quarterFromForms(t, q2, filled{"KT", func(f *excelize.File, _ []string) {
		fillRow(t, f, "I.1", map[string]string{forms.ColStatus: "Hoàn thành", forms.ColResults: "Tham mưu tổ chức hội nghị quán triệt."})
		fillRow(t, f, "I.2", map[string]string{forms.ColStatus: "Hoàn thành", forms.ColResults: "Tham mưu tổ chức hội nghị quán triệt.",
			forms.ColDocuments: "Kế hoạch số 40/KH-UBND ngày 5/5/2026"})
	}})
	d := Compose(r, Options{Now: time.Date(2026, 6, 20, 0, 0, 0, 0, time.Local)})
	var part1 []string
	for _, s := range d.Results {
		part1 = append(part1, s.Paragraphs...)
	}
	text := strings.Join(part1, "\n")
	if strings.Contains(text, "ban hành Kế hoạch số 40") || !strings.Contains(text, "Kế hoạch số 40/KH-UBND ngày 05/5/2026") {
		t.Errorf("the document of the repeated clause:\n%s", text)
	}
}
