package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
	"baocao/internal/summary"
)

// The bank's figures in every quarter q of 2025 and 2026, chained so that a
// quarter's "cuối kỳ trước" is the previous quarter's "cuối kỳ này": the
// balance (dư nợ) grows by 100 a quarter from 1.000 at 14/12/2025; the
// lending turnover (a flow) is 10·q in quarter q.
func bankFigures(p period.Period) map[string][2]float64 {
	n := float64((p.Year-2026)*4 + p.Quarter) // 2026-Q1 is 1, 2025-Q4 is 0
	return map[string][2]float64{
		"TONG-DU-NO": {900 + 100*n, 1000 + 100*n},
		"DS-CHO-VAY": {10 * float64((p.Quarter+2)%4+1), 10 * float64(p.Quarter)},
	}
}

// sent is one form a unit sent.
type sent struct {
	unit string
	per  string
	// status of the unit's tasks in that form: by task code, else all.
	status map[string]string
	all    string
	// figures override bankFigures (for a yearly form).
	figures map[string][2]float64
	// difficulty, written on every task it fills in
	difficulty string
}

func writeSent(t *testing.T, c *catalog.Catalog, dir string, s sent) {
	t.Helper()
	p := period.MustParse(s.per)
	f, err := forms.Build(c, s.unit, p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, a := range c.Assignments(s.unit) {
		st, ok := s.status[a.Task.Code]
		if !ok {
			st = s.all
		}
		if st == "" {
			continue
		}
		if err := forms.FillRow(f, a.Task.Code, map[string]string{
			forms.ColStatus:       st,
			forms.ColResults:      fmt.Sprintf("%s: việc của %s.", a.Task.Code, p.Name()),
			forms.ColDifficulties: s.difficulty,
		}); err != nil {
			t.Fatal(err)
		}
	}
	figures := s.figures
	if figures == nil && s.unit == "NHCSXH" {
		figures = bankFigures(p)
	}
	for code, v := range figures {
		if err := forms.FillIndicator(f, code, v[0], v[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, s.unit+"-"+p.String()+".xlsx")); err != nil {
		t.Fatal(err)
	}
}

// quarters are the unit's quarterly forms of the given quarters of 2026,
// every task at status.
func quarters(unit, status string, qs ...int) []sent {
	var out []sent
	for _, q := range qs {
		out = append(out, sent{unit: unit, per: fmt.Sprintf("2026-Q%d", q), all: status})
	}
	return out
}

// everyoneBut is a quarterly form of every reporting unit but those named,
// for each of the quarters.
func everyoneBut(c *catalog.Catalog, qs []int, but ...string) []sent {
	var out []sent
	for _, u := range c.ReportingUnits() {
		if !slices.Contains(but, u.Code) {
			out = append(out, quarters(u.Code, "Đang thực hiện", qs...)...)
		}
	}
	return out
}

// summaryCell reads the summary's cell in the row whose column A is key,
// under the header (row 2) that says column.
func summaryCell(t *testing.T, f *excelize.File, sheet, key, column string) string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for _, r := range rows {
		if i := slices.Index(r, column); i >= 0 {
			col = i
			break
		}
	}
	if col < 0 {
		t.Fatalf("sheet %s has no column %q", sheet, column)
	}
	for _, r := range rows {
		if len(r) > 0 && r[0] == key {
			if len(r) > col {
				return r[col]
			}
			return "" // the row ends before the column: an empty cell
		}
	}
	t.Fatalf("sheet %s has no row %q", sheet, key)
	return ""
}

// TestLongPeriods builds 6-month, 9-month and yearly reports from quarterly
// forms (and from a mix with yearly forms, and across the year boundary)
// and reads the figures, statuses and missing parts back from the summary's
// cells, the report's text and check's account.
func TestLongPeriods(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	type figure struct{ previous, current string }
	tests := []struct {
		name   string
		period string
		files  []sent
		// figures in the summary's «Chỉ tiêu» sheet
		balance, flow figure
		// texts the report must hold
		report    []string // in the report
		notReport []string // bookkeeping, never in the report
		// the bank's state sentence
		bank string
		// a sentence the reminder must hold
		reminder string
	}{
		{
			name: "half year from two quarters", period: "2026-H1",
			files:   everyoneBut(c, []int{1, 2}),
			balance: figure{"1000", "1200"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "30"},
			bank: "Đã gửi đủ nhiệm vụ; dùng biểu quý I năm 2026, quý II năm 2026",
		},
		{
			name: "second half: its balance starts at the end of the first", period: "2026-H2",
			files:   everyoneBut(c, []int{3, 4}),
			balance: figure{"1200", "1400"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "70"},
			bank: "Đã gửi đủ nhiệm vụ; dùng biểu quý III năm 2026, quý IV năm 2026",
		},
		{
			name: "nine months", period: "2026-9M",
			files:   everyoneBut(c, []int{1, 2, 3}),
			balance: figure{"1000", "1300"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "60"},
		},
		{
			name: "year from four quarters", period: "2026",
			files:   everyoneBut(c, []int{1, 2, 3, 4}),
			balance: figure{"1000", "1400"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "100"},
			notReport: []string{"Đơn vị chưa gửi biểu năm 2026 được tổng hợp từ biểu quý năm 2026"},
		},
		{
			name: "year with quarter III missing: no partial sum", period: "2026",
			files:   append(everyoneBut(c, []int{1, 2, 3, 4}, "NHCSXH"), quarters("NHCSXH", "Hoàn thành", 1, 2, 4)...),
			balance: figure{"1000", "1400"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "chưa đủ số liệu (thiếu quý III)"},
			bank:      "Đã gửi; dùng biểu quý I năm 2026, quý II năm 2026, quý IV năm 2026, thiếu quý III",
			notReport: []string{"(quý I, quý II, quý IV; thiếu quý III)", "đã gửi, thiếu biểu quý III"},
			// the bank's office is not under the commune: no reminder names it
		},
		{
			name: "year with a quarter's form left out for its errors: the unit is told and reminded", period: "2026",
			files: append(append(everyoneBut(c, []int{1, 2, 3, 4}, "KT"), quarters("KT", "Hoàn thành", 1, 2, 4)...),
				sent{unit: "KT", per: "2026-Q3"}), // a blank form: an error
			balance: figure{"1000", "1400"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "100"},
			notReport: []string{"đã gửi, thiếu biểu quý III"},
			reminder:  "Phòng Kinh tế: biểu quý III năm 2026 có lỗi nên chưa tổng hợp được.",
		},
		{
			name: "nine months without the bank's quarter III: the table says what is missing", period: "2026-9M",
			files:   append(everyoneBut(c, []int{1, 2, 3}, "NHCSXH"), quarters("NHCSXH", "Hoàn thành", 1, 2)...),
			balance: figure{"1000", "chưa đủ số liệu (thiếu quý III)"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "chưa đủ số liệu (thiếu quý III)"},
			report: []string{"Một số chỉ tiêu tín dụng chính sách xã hội", "Tổng dư nợ\ntriệu đồng\n1.000\nchưa đủ số liệu (thiếu quý III)"},
		},
		{
			name: "year boundary: the previous year's quarter IV is not a part", period: "2026",
			files: append(everyoneBut(c, []int{1, 2, 3, 4}),
				sent{unit: "KT", per: "2025-Q4", all: "Chưa thực hiện"}, sent{unit: "NHCSXH", per: "2025-Q4", all: "Chưa thực hiện"}),
			balance: figure{"1000", "1400"}, flow: figure{"chưa đủ số liệu (thiếu quý I năm 2025, quý II năm 2025, quý III năm 2025)", "100"},
			bank: "Đã gửi đủ nhiệm vụ; dùng biểu quý I năm 2026, quý II năm 2026, quý III năm 2026, quý IV năm 2026",
		},
		{
			name: "a half year's difficulties say their quarter", period: "2026-H1",
			files: append(everyoneBut(c, []int{1, 2}, "KT"),
				sent{unit: "KT", per: "2026-Q1", all: "Đang thực hiện", difficulty: "Thiếu kinh phí."},
				sent{unit: "KT", per: "2026-Q2", all: "Hoàn thành", difficulty: "Không có khó khăn"}),
			balance: figure{"1000", "1200"}, flow: figure{"chưa đủ số liệu (cần biểu các quý của kỳ trước)", "30"},
			report:    []string{"- Quý I năm 2026: Thiếu kinh phí."},
			notReport: []string{"Không có khó khăn"},
		},
		{
			name: "a year against last year's four quarters, set aside beside this year's", period: "2026",
			files: append(everyoneBut(c, []int{1, 2, 3, 4}),
				sent{unit: "NHCSXH", per: "2025-Q1", all: "Hoàn thành"}, sent{unit: "NHCSXH", per: "2025-Q2", all: "Hoàn thành"},
				sent{unit: "NHCSXH", per: "2025-Q3", all: "Hoàn thành"}, sent{unit: "NHCSXH", per: "2025-Q4", all: "Hoàn thành"}),
			balance: figure{"1000", "1400"}, flow: figure{"100", "100"},
		},
		{
			name: "a year against last year's own form", period: "2026",
			files: append(everyoneBut(c, []int{1, 2, 3, 4}),
				sent{unit: "NHCSXH", per: "2025", all: "Hoàn thành", figures: map[string][2]float64{"TONG-DU-NO": {600, 1000}, "DS-CHO-VAY": {70, 85}}}),
			balance: figure{"1000", "1400"}, flow: figure{"85", "100"},
		},
		{
			name: "the second half against the first, from the first half's quarters", period: "2026-H2",
			files:   everyoneBut(c, []int{1, 2, 3, 4}),
			balance: figure{"1200", "1400"}, flow: figure{"30", "70"},
		},
		{
			name: "the second half without quarter III: the opening balance is quarter II's end", period: "2026-H2",
			files:   append(everyoneBut(c, []int{1, 2, 3, 4}, "NHCSXH"), quarters("NHCSXH", "Hoàn thành", 1, 2, 4)...),
			balance: figure{"1200", "1400"}, flow: figure{"30", "chưa đủ số liệu (thiếu quý III)"},
		},
		{
			name: "a yearly form is used as it is beside others' quarterly forms", period: "2026",
			files: append(everyoneBut(c, []int{1, 2, 3, 4}, "NHCSXH", "VP"),
				append(quarters("NHCSXH", "Đang thực hiện", 1, 2),
					sent{unit: "NHCSXH", per: "2026", all: "Hoàn thành", figures: map[string][2]float64{"TONG-DU-NO": {1000, 1450}, "DS-CHO-VAY": {80, 95}}},
					sent{unit: "VP", per: "2026", all: "Hoàn thành"})...),
			balance: figure{"1000", "1450"}, flow: figure{"80", "95"},
			bank: "Đã gửi đủ nhiệm vụ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), t.TempDir()
			for _, s := range tt.files {
				writeSent(t, c, in, s)
			}
			code, console, stderr := run(t, "report", "--data", dataDir, "--period", tt.period, "--in", in, "--out", out,
				"--template", "../../templates/bao-cao.docx", "--reminder-template", "../../templates/don-doc.docx", "--date", "20/12/2026")
			if code != 0 {
				t.Fatalf("report: exit %d\n%s\n%s", code, console, stderr)
			}
			if strings.Contains(console, "không phải là số") {
				t.Errorf("the built-in template warns of its own fields:\n%s", console)
			}
			p := period.MustParse(tt.period)
			f, err := excelize.OpenFile(filepath.Join(out, p.String(), "tong-hop-"+p.String()+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for _, fig := range []struct {
				code string
				want figure
			}{{"TONG-DU-NO", tt.balance}, {"DS-CHO-VAY", tt.flow}} {
				name := c.Indicator(fig.code).Name // a person reads names, not codes
				got := figure{summaryCell(t, f, summary.SheetFigures, name, "Kỳ trước"), summaryCell(t, f, summary.SheetFigures, name, "Kỳ này")}
				if got != fig.want {
					t.Errorf("%s: got %+v, want %+v", fig.code, got, fig.want)
				}
			}
			office, err := excelize.OpenFile(filepath.Join(out, p.String(), "kiem-tra-"+p.String()+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			defer office.Close()
			if tt.bank != "" {
				if got := summaryCell(t, office, summary.SheetUnits, "NHCSXH", "Tình trạng"); got != tt.bank {
					t.Errorf("the bank's state in the summary:\n got %q\nwant %q", got, tt.bank)
				}
			}
			text := docxText(t, filepath.Join(out, p.String(), "bao-cao-"+p.String()+".docx"))
			for _, want := range tt.report {
				if !strings.Contains(text, want) {
					t.Errorf("the report lacks %q", want)
				}
			}
			for _, book := range tt.notReport {
				if strings.Contains(text, book) {
					t.Errorf("the report says %q: the program's bookkeeping reaches the province", book)
				}
			}
			if tt.reminder != "" {
				if letter := docxText(t, filepath.Join(out, p.String(), "don-doc-"+p.String()+".docx")); !strings.Contains(letter, tt.reminder) {
					t.Errorf("the reminder lacks %q:\n%s", tt.reminder, letter)
				}
			}

			// check --period agrees with report: the same quarterly forms
			// are accepted as parts, none refused for being quarterly.
			code, js, stderr := run(t, "check", "--data", dataDir, "--period", tt.period, "--json", in)
			var doc jsonCheck
			if err := json.Unmarshal([]byte(js), &doc); err != nil {
				t.Fatalf("check --json: exit %d, %v\n%s", code, err, stderr)
			}
			for _, file := range doc.Files {
				fp, _ := period.Parse(file.Period)
				refused := slices.ContainsFunc(file.Problems, func(p jsonProblem) bool { return p.Severity == "error" })
				blank := slices.ContainsFunc(file.Problems, func(p jsonProblem) bool { return strings.HasPrefix(p.Message, "biểu chưa điền gì") })
				// A file set aside (another period's, or a quarter beside
				// the unit's own form) is neither a part nor a mistake.
				aside := file.SetAsideFor != ""
				switch {
				case fp.PartOf(p) && !aside && (refused && !blank || file.PartOf != p.String()):
					t.Errorf("check refuses or does not mark the part %s: %+v", file.Path, file.Problems)
				case aside && (refused || file.PartOf != ""):
					t.Errorf("check sets %s aside but refuses it or calls it a part: %+v", file.Path, file.Problems)
				case fp.Year != p.Year && !refused && !aside:
					t.Errorf("check accepts %s, of another year, for %s", file.Path, tt.period)
				}
			}
			if doc.Account == nil || doc.Account.Period != p.String() {
				t.Fatalf("check --json has no account of %s: %+v", tt.period, doc.Account)
			}
			for _, u := range doc.Account.Units {
				if got := summaryCell(t, office, summary.SheetUnits, u.Code, "Tình trạng"); got != u.StateText {
					t.Errorf("%s: check says %q, the summary %q", u.Code, u.StateText, got)
				}
			}
			// check's text says which quarters each unit misses, in the
			// report's own sentence.
			_, plain, _ := run(t, "check", "--data", dataDir, "--period", tt.period, in)
			// which quarters were used is the office's to know: the
			// console says it, the report that goes up does not
			if doc.Account.PartsNote != "" && (!strings.Contains(plain, doc.Account.PartsNote) || strings.Contains(text, doc.Account.PartsNote)) {
				t.Errorf("check does not say %q, or the report does:\n%s", doc.Account.PartsNote, plain)
			}
			if strings.Contains(tt.bank, "dùng biểu") && !strings.Contains(plain, "(dùng làm một phần của báo cáo "+p.Name()+")") {
				t.Errorf("check does not say the quarterly forms are parts of %s:\n%s", p.Name(), plain)
			}
		})
	}
}

// TestLongPeriodStatuses: a task's status over the quarters is the most
// advanced any quarter gave, "Không phát sinh trong kỳ" only when every
// quarter says so, and each quarter's results are kept in order.
func TestLongPeriodStatuses(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	in, out := t.TempDir(), t.TempDir()
	na := "Không phát sinh trong kỳ"
	for _, s := range []sent{
		{unit: "KT", per: "2026-Q1", all: na, status: map[string]string{"I.2": "Hoàn thành", "V.3": na}},
		{unit: "KT", per: "2026-Q2", all: na, status: map[string]string{"I.2": "Đang thực hiện", "V.3": na, "V.4": "Đang thực hiện"}},
	} {
		writeSent(t, c, in, s)
	}
	code, console, stderr := run(t, "report", "--data", dataDir, "--period", "2026-H1", "--in", in, "--out", out,
		"--template", "../../templates/bao-cao.docx", "--reminder-template", "../../templates/don-doc.docx", "--date", "20/06/2026")
	if code != 0 {
		t.Fatalf("report: exit %d\n%s\n%s", code, console, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "2026-H1", "tong-hop-2026-H1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for task, want := range map[string]string{"I.2": "Hoàn thành", "V.3": na, "V.4": "Đang thực hiện"} {
		if got := summaryCell(t, f, summary.SheetTasks, task, "Tình trạng"); got != want {
			t.Errorf("%s over the half year: got %q, want %q", task, got, want)
		}
	}
	text := docxText(t, filepath.Join(out, "2026-H1", "bao-cao-2026-H1.docx"))
	order := regexp.MustCompile(`Quý I năm 2026: I\.2: việc của quý I năm 2026\.\s*Quý II năm 2026: I\.2: việc của quý II năm 2026\.`)
	if !order.MatchString(text) {
		t.Errorf("the report does not keep I.2's results of each quarter, labelled, in order")
	}
}

// TestAccountsAgree: in one run, the console, the report, the summary's
// «Đơn vị» sheet, the reminder and check name the same units in the same
// state, and the reminder is there before any file has arrived.
func TestAccountsAgree(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	in, out := t.TempDir(), t.TempDir()
	// KT complete; VHXH with tasks left blank; CA a file with errors (of
	// another period inside); HND a PDF; the rest nothing.
	writeSent(t, c, in, sent{unit: "KT", per: "2026-Q1", all: "Hoàn thành"})
	writeSent(t, c, in, sent{unit: "VHXH", per: "2026-Q1", status: map[string]string{"IV.1.a": "Hoàn thành"}})
	writeSent(t, c, in, sent{unit: "CA", per: "2026-Q2", all: "Hoàn thành"})
	if err := os.Rename(filepath.Join(in, "CA-2026-Q2.xlsx"), filepath.Join(in, "CA-2026-Q1.xlsx")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "HND-2026-Q1.pdf"), []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, console, stderr := run(t, reportArgs(in, out)...)
	if code != 0 {
		t.Fatalf("report: exit %d\n%s\n%s", code, console, stderr)
	}
	_, js, _ := run(t, "check", "--data", dataDir, "--period", "2026-Q1", "--json", in)
	var doc jsonCheck
	if err := json.Unmarshal([]byte(js), &doc); err != nil || doc.Account == nil {
		t.Fatalf("check --json: %v\n%s", err, js)
	}
	dir := filepath.Join(out, "2026-Q1")
	report := docxText(t, filepath.Join(dir, "bao-cao-2026-Q1.docx"))
	reminder := docxText(t, filepath.Join(dir, "don-doc-2026-Q1.docx"))
	f, err := excelize.OpenFile(filepath.Join(dir, "kiem-tra-2026-Q1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wantState := map[string]string{"KT": "complete", "VHXH": "incomplete", "CA": "errors", "HND": "unreadable", "VP": "missing"}
	for _, u := range doc.Account.Units {
		if want, ok := wantState[u.Code]; ok && u.State != want {
			t.Errorf("%s: state %s, want %s", u.Code, u.State, want)
		}
		inSummary := summaryCell(t, f, summary.SheetUnits, u.Code, "Tình trạng")
		if inSummary != u.StateText {
			t.Errorf("%s: check says %q, the summary %q", u.Code, u.StateText, inSummary)
		}
		sentOK := u.State == "complete" || u.State == "incomplete"
		// Who sent what is the console's, the page's, the reminder's and
		// the summary's: the report that goes up names no unit's state.
		if listed := regexp.MustCompile(`(?m)^- ` + regexp.QuoteMeta(u.Name) + `: ([^\n]*);$`).FindStringSubmatch(report); listed != nil {
			t.Errorf("%s (%s): the report lists its state: %q", u.Code, u.State, listed[1])
		}
		// The reminder goes to the units the commune directs that are not
		// in, never to the office that collects the reports (VP) nor to
		// the bank's office; the office's workbook says which, and why.
		letter := summaryCell(t, f, summary.SheetUnits, u.Code, "Công văn đôn đốc")
		urged := u.State != "complete" && u.Code != "VP" && u.Code != "NHCSXH"
		if urged != strings.Contains(reminder, "- "+u.Name+": ") || urged != strings.HasPrefix(letter, "Có: ") {
			t.Errorf("%s (%s): urged %v; the reminder: %v; the office's workbook: %q", u.Code, u.State, urged, strings.Contains(reminder, u.Name), letter)
		}
		if !sentOK && !strings.Contains(console, u.Name) {
			t.Errorf("%s (%s): the console does not name it", u.Code, u.State)
		}
	}
	for _, task := range doc.Account.TasksWithoutReport {
		if !regexp.MustCompile(`Nhiệm vụ chưa có đơn vị báo cáo \(\d+\): [^\n]*\b` + regexp.QuoteMeta(task) + `\b`).MatchString(console) {
			t.Errorf("task %s without a report is not listed on the console", task)
		}
	}
	if len(doc.Account.Sent)+len(doc.Account.NotSent) != len(doc.Account.Units) || !slices.Contains(doc.Account.Sent, "VHXH") || !slices.Contains(doc.Account.NotSent, "CA") {
		t.Errorf("sent %v, not sent %v", doc.Account.Sent, doc.Account.NotSent)
	}

	// Before any file: report exits 1 having written the reminder.
	empty, out2 := t.TempDir(), t.TempDir()
	code, console, _ = run(t, reportArgs(empty, out2)...)
	if code != ExitProblems {
		t.Errorf("report with nothing in: exit %d, want %d", code, ExitProblems)
	}
	if _, err := os.Stat(filepath.Join(out2, "2026-Q1", "don-doc-2026-Q1.docx")); err != nil || !strings.Contains(console, "don-doc-2026-Q1.docx") {
		t.Errorf("the reminder is not written (or not said) before any file arrives: %v\n%s", err, console)
	}
}

// TestFilesSetAside: files a unit sent besides those the report uses are
// notes, not mistakes, and are not used: another period's form when the
// unit has one for this period, and quarters beside its own yearly form.
// A unit whose only file is of another period still gets an error.
func TestFilesSetAside(t *testing.T) {
	c, err := catalog.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, period string
		files        []sent
		aside        map[string]string // file -> the file used instead
		refused      []string
	}{
		{"last year's quarter beside this year's", "2026",
			append(quarters("KT", "Hoàn thành", 1, 2, 3, 4), sent{unit: "KT", per: "2025-Q4", all: "Hoàn thành"}),
			map[string]string{"KT-2025-Q4.xlsx": "KT-2026-Q"}, nil},
		{"quarters beside the yearly form", "2026",
			append(quarters("KT", "Hoàn thành", 1, 2), sent{unit: "KT", per: "2026", all: "Hoàn thành"}),
			map[string]string{"KT-2026-Q1.xlsx": "KT-2026.xlsx", "KT-2026-Q2.xlsx": "KT-2026.xlsx"}, nil},
		{"the second half's quarter beside the first half", "2026-H1",
			quarters("KT", "Hoàn thành", 1, 2, 3),
			map[string]string{"KT-2026-Q3.xlsx": "KT-2026-Q"}, nil},
		{"a blank quarter beside the yearly form: set aside, no error", "2026",
			[]sent{{unit: "KT", per: "2026-Q3"}, {unit: "KT", per: "2026", all: "Hoàn thành"}},
			map[string]string{"KT-2026-Q3.xlsx": "KT-2026.xlsx"}, nil},
		{"a first half's form beside quarter III, for nine months: overlapping, an error", "2026-9M",
			[]sent{{unit: "KT", per: "2026-H1", all: "Hoàn thành"}, {unit: "KT", per: "2026-Q3", all: "Hoàn thành"}},
			nil, []string{"KT-2026-H1.xlsx"}},
		{"only another period's form", "2026-Q1",
			[]sent{{unit: "KT", per: "2025-Q4", all: "Hoàn thành"}}, nil, []string{"KT-2025-Q4.xlsx"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := t.TempDir()
			for _, s := range tt.files {
				writeSent(t, c, in, s)
			}
			_, js, stderr := run(t, "check", "--data", dataDir, "--period", tt.period, "--json", in)
			var doc jsonCheck
			if err := json.Unmarshal([]byte(js), &doc); err != nil {
				t.Fatalf("check --json: %v\n%s", err, stderr)
			}
			for _, f := range doc.Files {
				name := filepath.Base(f.Path)
				refused := slices.ContainsFunc(f.Problems, func(p jsonProblem) bool { return p.Severity == "error" })
				want, aside := tt.aside[name]
				switch {
				case aside && (!strings.HasPrefix(filepath.Base(f.SetAsideFor), want) || refused || f.PartOf != ""):
					t.Errorf("%s: set aside for %q, refused %v, part of %q; want set aside for %s…", name, f.SetAsideFor, refused, f.PartOf, want)
				case !aside && f.SetAsideFor != "":
					t.Errorf("%s is set aside for %s", name, f.SetAsideFor)
				case slices.Contains(tt.refused, name) != refused:
					t.Errorf("%s: refused %v: %+v", name, refused, f.Problems)
				}
			}
		})
	}
}
