package compose

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/officetest"
	"baocao/internal/period"
	"baocao/internal/render"
	"baocao/internal/vntext"
)

var q1 = period.MustParse("2026-Q1")

func loadCatalog(t *testing.T) *catalog.Catalog { return loadCatalogF(t) }

func loadCatalogF(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newWriterFor is a writer for the rules on text alone.
func newWriterFor(c *catalog.Catalog) *writer {
	return newWriter(&consolidate.Report{Catalog: c, Period: q1})
}

// samples is the sample quarter as the program reads it.
func samples(t *testing.T) (*consolidate.Report, []*intake.Submission) {
	t.Helper()
	c := loadCatalog(t)
	subs := intake.ReadAll([]string{"../../data/samples/2026-Q1"}, c, intake.Options{Period: q1})
	return consolidate.Build(c, q1, subs), subs
}

func num(v float64) *float64 { return &v }

func row(task string, st forms.Status, results string) intake.Row {
	return intake.Row{Sheet: forms.ReportSheet, Row: 10, Task: task, Match: "code", Confidence: 1, Status: st, StatusText: st.String(), Results: results}
}

func sub(unit string, rows ...intake.Row) *intake.Submission {
	return &intake.Submission{Path: "/in/" + unit + "-2026-Q1.xlsx", Unit: unit, Period: q1, ModTime: time.Now(), Sheet: forms.ReportSheet, Rows: rows}
}

// messy is a quarter of my own whose units write as units do: bullets,
// lines, boilerplate pasted everywhere, abbreviations, dates with and
// without zeros, documents typed in a list, the same sentence from two
// units, proposals to the commune and upwards, a status in words.
func messy(t *testing.T) (*consolidate.Report, []*intake.Submission) {
	t.Helper()
	c := loadCatalog(t)
	filler := "- Tiếp tục triển khai theo Kế hoạch.\n- Lồng ghép vào sinh hoạt chi bộ hằng tháng."
	kt := sub("KT",
		row("I.1", forms.StatusInProgress, filler),
		row("I.2", forms.StatusInProgress, "- Phối hợp Đài truyền thanh xã phát 15 tin;\n- đăng 4 tin trên trang thông tin điện tử\nkhông phát sinh"),
		row("II.1", forms.StatusInProgress, filler),
		row("II.2", forms.StatusInProgress, filler),
		row("IV.1.a", forms.StatusInProgress, "Tham mưu UBND xã trình HĐND xã bố trí 400 triệu đồng;\nđã chuyển 200 triệu đồng."),
		row("V.3", forms.StatusNotStarted, "Chưa thực hiện"),
		row("VI.3", forms.StatusInProgress, "Tiếp tục triển khai theo Kế hoạch."),
	)
	kt.Rows[4].Documents = "1. Tờ trình số 11/TTr-KT ngày 3/1/2026; 2. Quyết định số 30/QĐ-UBND ngày 9/2/2026"
	kt.Rows[4].Difficulties = "Nguồn thu ngân sách xã hạn chế nên khó bố trí vốn ủy thác."
	kt.Rows[4].Proposals = "- Đề nghị UBND tỉnh hỗ trợ vốn ủy thác cho xã;\n- Đề nghị UBND xã bố trí thêm 100 triệu đồng trong năm."
	kt.Rows[4].NextTasks = "Tham mưu chuyển 200 triệu đồng còn lại."
	vhxh := sub("VHXH",
		row("I.1", forms.StatusInProgress, filler),
		row("II.1", forms.StatusInProgress, filler),
		row("V.5", forms.StatusDone, "Hoàn thành rà soát: 398 hộ nghèo, 176 hộ cận nghèo."),
		row("V.7", forms.StatusInProgress, "Xác nhận hồ sơ vay vốn cho 14 HSSV.\nBổ sung ngày 10/03/2026: xác nhận thêm 2 sinh viên."),
	)
	vhxh.Rows[2].Documents = "Quyết định số 05/QĐ-UBND ngày 07/01/2026"
	vhxh.Rows[3].Difficulties = "Một số hồ sơ chưa đầy đủ."
	vhxh.Rows[3].Proposals = "Đề nghị Phòng giao dịch NHCSXH giải ngân sớm cho sinh viên."
	hnd := sub("HND", row("III.2", forms.StatusDone, "Quản lý 5 Tổ TK&VV, dư nợ ủy thác 19.100 triệu đồng."))
	dtn := sub("DTN", row("III.2", forms.StatusNotStarted, "Đoàn xã chưa nhận ủy thác."))
	hnd.Rows[0].NextTasks = "Củng cố tổ hoạt động yếu."
	hpn := sub("HPN", row("III.2", forms.StatusDone, "Quản lý 6 Tổ TK&VV với 250 thành viên."))
	hpn.Rows[0].NextTasks = "Củng cố tổ hoạt động yếu."
	hpn.Rows[0].Proposals = "Đề nghị mở lớp tập huấn cho tổ trưởng.\nĐề nghị NHCSXH tỉnh hỗ trợ kinh phí cho tổ trưởng."
	mttq := sub("MTTQ", row("III.1", forms.StatusDone, "Tổ chức 02 đợt giám sát tại 4 Tổ TK&VV."))
	mttq.Rows[0].Documents = "Báo cáo giám sát số 05/BC-MTTQ ngày 2/3/2026"
	nh := sub("NHCSXH", row("VI.2", forms.StatusDone, "• Kiểm tra 20 Tổ TK&VV, 110 hộ vay."))
	nh.Indicators = []intake.IndicatorValue{
		{Code: "TONG-NGUON-VON", Previous: num(101230.5), Current: num(103000), Note: "Nhận thêm 02 khoản vốn ủy thác"},
		{Code: "VON-NSDP", Previous: num(5000), Current: num(5200)},
		{Code: "TONG-DU-NO", Previous: num(100640), Current: num(102500)},
		{Code: "NO-QUA-HAN", Previous: num(198.5), Current: num(210)},
		{Code: "DS-CHO-VAY", Previous: num(7350), Current: num(8100)},
	}
	nh.FiguresAsOf.Previous = time.Date(2025, 12, 31, 0, 0, 0, 0, time.Local)
	nh.FiguresAsOf.Current = time.Date(2026, 3, 31, 0, 0, 0, 0, time.Local)
	subs := []*intake.Submission{kt, vhxh, hnd, dtn, hpn, mttq, nh}
	return consolidate.Build(c, q1, subs), subs
}

// body is the prose of part I to IV that Fields gives, paragraph by
// paragraph, with the credit item apart.
func body(f render.Data) (prose, credit []string) {
	for _, m := range f["muc"].([]map[string]any) {
		prose = append(prose, m["ten"].(string))
		for _, d := range m["doan"].([]map[string]any) {
			prose = append(prose, d["noi_dung"].(string))
		}
	}
	for _, k := range []string{"han_che", "nguyen_nhan", "nhiem_vu_ky_toi", "kien_nghi"} {
		for _, d := range f[k].([]map[string]any) {
			prose = append(prose, d["noi_dung"].(string))
		}
	}
	for _, k := range []string{"tin_dung", "doi_chieu_muc_tieu"} {
		for _, d := range f[k].([]map[string]any) {
			credit = append(credit, d["noi_dung"].(string))
		}
	}
	return prose, credit
}

var (
	planCode    = regexp.MustCompile(`\b(?:I|II|III|IV|V|VI)\.\d+(?:\.[a-z])?\b`)
	numberRe    = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	bookkeeping = []string{"đã gửi", "chưa gửi", "gửi biểu", "không ghi kết quả", "tình trạng", "«", ".xlsx", "trang tính",
		"Hoàn thành.", "Đang thực hiện", "Chưa thực hiện.", "chưa có báo cáo", "Các đơn vị chủ trì", "Dữ liệu mẫu", "theo Kế hoạch."}
)

// cellText is every word the units wrote and the data files say: what the
// body's numbers must come from.
func cellText(t *testing.T, subs []*intake.Submission) string {
	var b strings.Builder
	for _, s := range subs {
		for _, r := range s.Rows {
			for _, x := range []string{r.Results, r.Documents, r.Difficulties, r.Proposals, r.NextTasks, r.StatusText} {
				b.WriteString(x + "\n")
			}
		}
	}
	for _, f := range []string{"plan.yaml", "tasks.yaml", "indicators.yaml"} {
		data, err := os.ReadFile("../../data/" + f)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(data)
	}
	return b.String()
}

// sameDate reads d/m/yyyy in both forms: the body writes 14/3/2026 what a
// unit typed 14/03/2026.
var dateIn = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)

func normalDates(s string) string {
	return dateIn.ReplaceAllStringFunc(s, func(m string) string {
		sm := dateIn.FindStringSubmatch(m)
		var d, mo, y int
		fmt.Sscan(sm[1], &d)
		fmt.Sscan(sm[2], &mo)
		fmt.Sscan(sm[3], &y)
		return fmt.Sprintf("%d-%d-%d", d, mo, y)
	})
}

// creditNumbers are the figures the credit item may say: each indicator's
// values, the size of its change and the change in percent, the ratios of
// the targets at both dates, the targets' own numbers, the data dates.
func creditNumbers(r *consolidate.Report) map[string]bool {
	ok := map[string]bool{}
	add := func(v float64) {
		ok[vntext.FormatAuto(v)] = true
		ok[vntext.FormatNumber(v, 2)] = true
	}
	line := map[string]consolidate.IndicatorLine{}
	for _, l := range r.Indicators {
		line[l.Indicator.Code] = l
		for _, v := range []*float64{l.Previous, l.Current, l.Change, l.ChangePercent} {
			if v != nil {
				add(math.Abs(*v))
			}
		}
	}
	for _, tg := range r.Catalog.Targets {
		for _, v := range []float64{tg.Percent, tg.MinPercent, tg.MaxPercent} {
			add(v)
		}
		ok[fmt.Sprint(tg.ByYear)] = true
		p, w := line[tg.Part], line[tg.Whole]
		for _, pair := range [][2]*float64{{p.Current, w.Current}, {p.Previous, w.Previous}, {p.Change, w.Change}} {
			if pair[0] != nil && pair[1] != nil && *pair[1] != 0 {
				add(*pair[0] / *pair[1] * 100)
			}
		}
		if p.Current != nil && w.Current != nil && *w.Current != 0 {
			add(tg.Percent - *p.Current / *w.Current * 100)
		}
	}
	for _, d := range []time.Time{r.FiguresAsOf.Previous, r.FiguresAsOf.Current} {
		ok[fmt.Sprintf("%d-%d-%d", d.Day(), int(d.Month()), d.Year())] = true
	}
	return ok
}

// TestBodyIsTheUnitsWords checks, for the samples and for a messier
// quarter, what the issue asks of the prose: no status line, no plan code,
// no bookkeeping, no doubled bullet, every number from a unit's cell or
// the data (the credit item's from the bank's figures).
func TestBodyIsTheUnitsWords(t *testing.T) {
	for name, build := range map[string]func(*testing.T) (*consolidate.Report, []*intake.Submission){"samples": samples, "messy": messy} {
		t.Run(name, func(t *testing.T) {
			r, subs := build(t)
			f := Fields(r, Options{Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.Local)})
			prose, credit := body(f)
			if len(prose) < 5 || len(credit) == 0 {
				t.Fatalf("too little prose: %q / %q", prose, credit)
			}
			cells := normalDates(cellText(t, subs))
			for _, p := range prose {
				if c := planCode.FindString(p); c != "" {
					t.Errorf("a plan code %s in the body: %q", c, p)
				}
				for _, w := range bookkeeping {
					if strings.Contains(p, w) {
						t.Errorf("bookkeeping %q in the body: %q", w, p)
					}
				}
				for _, d := range []string{"- -", "- •", "- +", "..", ";;", " ;", "; ;"} {
					if strings.Contains(p, d) {
						t.Errorf("doubled punctuation %q in %q", d, p)
					}
				}
				for _, n := range numberRe.FindAllString(normalDates(p), -1) {
					if !strings.Contains(cells, n) {
						t.Errorf("the number %s in the body comes from no unit's cell nor the data: %q", n, p)
					}
				}
			}
			ok := creditNumbers(r)
			for _, p := range credit {
				for _, n := range regexp.MustCompile(`\d+-\d+-\d+|\d+(?:[.,]\d+)*`).FindAllString(normalDates(p), -1) {
					if !ok[n] && !strings.Contains(cells, n) {
						t.Errorf("the figure %s in the credit item is none of the bank's figures: %q", n, p)
					}
				}
			}
		})
	}
}

// TestMessyQuarter checks the rules on the messier quarter, one by one.
func TestMessyQuarter(t *testing.T) {
	r, _ := messy(t)
	d := Compose(r, Options{Now: time.Date(2026, 4, 2, 0, 0, 0, 0, time.Local)})
	all := func(list []string) string { return strings.Join(list, "\n") }
	var part1 []string
	for _, s := range d.Results {
		part1 = append(part1, s.Paragraphs...)
	}
	i := all(part1)
	tests := []struct {
		name, text, want string
		present          bool
	}{
		{"the unit is the subject and keeps its verb", i, "Phòng Kinh tế phối hợp Đài truyền thanh xã phát 15 tin; đăng 4 tin trên trang thông tin điện tử", true},
		{"boilerplate dropped", i, "Tiếp tục triển khai theo Kế hoạch", false},
		{"a clause pasted on many tasks said once with its units", i, "Phòng Kinh tế và Phòng Văn hóa - Xã hội lồng ghép vào sinh hoạt chi bộ hằng tháng.", true},
		{"abbreviations spelled out", i, "tham mưu Ủy ban nhân dân xã trình Hội đồng nhân dân xã bố trí 400 triệu đồng", true},
		{"documents cited inline with their issuer", i, "(Tờ trình số 11/TTr-KT ngày 03/01/2026; Quyết định số 30/QĐ-UBND ngày 09/02/2026 của Ủy ban nhân dân xã)", true},
		{"the writer is not named as issuer of its own document", i, "05/BC-MTTQ ngày 02/3/2026 của", false},
		{"a unit that names itself is not named twice, and is named as the report names it", i, "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã chưa nhận ủy thác.", true},
		{"no subject doubled", i, "Hồ Chí Minh xã đoàn", false},
		{"a line that starts with a verb goes on in small letters", i, "; bổ sung ngày 10/3/2026: xác nhận thêm 2 sinh viên", true},
		{"a line keeps its words' case", i, "Tham mưu UBND", false},
		{"a bullet never doubled; the bank named in full once, then as units.yaml calls it", i, "Phòng giao dịch Ngân hàng Chính sách xã hội Đăk Glei (sau đây gọi là Phòng giao dịch) kiểm tra 20 Tổ Tiết kiệm và vay vốn, 110 hộ vay.", true},
		{"the source named by its short name after", all(d.Credit.Paragraphs), "Theo số liệu của Phòng giao dịch, đến ngày 31/3/2026", true},
		{"limitation: a task not started", all(d.Limitations), "Nhiệm vụ rà soát, kiến nghị hoàn thiện chính sách hỗ trợ hộ nghèo về nhà ở, nhà ở xã hội chưa thực hiện được.", true},
		{"limitation: a task filled with words that say nothing", all(d.Limitations), "Một số nhiệm vụ của Kế hoạch chưa có kết quả cụ thể trong kỳ (gắn tín dụng chính sách với các chương trình khuyến nông, đào tạo nghề, liên kết sản xuất)", true},
		{"a task someone worked on is no failure", all(d.Limitations), "nhận ủy thác", false},
		{"limitation: the unit's shortcoming", all(d.Limitations), "Một số hồ sơ chưa đầy đủ.", true},
		{"cause apart", all(d.Causes), "Nguồn thu ngân sách xã hạn chế nên khó bố trí vốn ủy thác.", true},
		{"next tasks: one plan of two units", all(d.NextTasks), "Hội Nông dân xã và Hội Liên hiệp Phụ nữ xã củng cố tổ hoạt động yếu.", true},
		{"next tasks: the commune asked to consider", all(d.NextTasks), "Ủy ban nhân dân xã xem xét bố trí thêm 100 triệu đồng trong năm theo đề xuất của Phòng Kinh tế.", true},
		{"a proposal to the bank's local office is for the office's workbook", all(d.NextTasks) + all(d.Proposals), "giải ngân sớm cho sinh viên", false},
		{"proposals upward in the commune's name", all(d.Proposals), "Đề nghị Ủy ban nhân dân tỉnh Quảng Ngãi hỗ trợ vốn ủy thác cho xã.", true},
		{"a proposal to the commune is not in part IV", all(d.Proposals), "100 triệu đồng", false},
		{"the bank at the province's level is its branch", all(d.Proposals), "Đề nghị Chi nhánh Ngân hàng Chính sách xã hội tỉnh Quảng Ngãi hỗ trợ kinh phí cho tổ trưởng.", true},
		{"the bank's dates believed and said", all(d.Credit.Paragraphs), "đến ngày 31/3/2026, tổng nguồn vốn 103.000 triệu đồng, tăng 1.769,5 triệu đồng (1,75%) so với ngày 31/12/2025", true},
		{"the overdue ratio at both dates", all(d.Credit.Paragraphs), "nợ quá hạn chiếm 0,20% tổng dư nợ (ngày 31/12/2025: 0,20%)", true},
		{"flows named for their period", all(d.Credit.Paragraphs), "Trong quý, doanh số cho vay đạt 8.100 triệu đồng.", true},
		{"the bank's note beside a figure", all(d.Credit.Paragraphs), "Về tổng nguồn vốn: nhận thêm 02 khoản vốn ủy thác.", true},
		{"the yearly target on the year to date, said so", all(d.Credit.Targets), "Tính từ đầu năm (ngày 31/12/2025) đến ngày 31/3/2026, nguồn vốn ngân sách địa phương ủy thác tăng 200 triệu đồng, bằng 10,75% phần tăng tổng dư nợ (1.860 triệu đồng), thấp hơn mức phấn đấu hằng năm khoảng 15 - 20% của Kế hoạch.", true},
	}
	for _, tt := range tests {
		if got := strings.Contains(tt.text, tt.want); got != tt.present {
			t.Errorf("%s: %q present = %v, want %v in:\n%s", tt.name, tt.want, got, tt.present, tt.text)
		}
	}
	if d.Credit.PreviousColumn != "31/12/2025" || d.Credit.CurrentColumn != "31/3/2026" {
		t.Errorf("the table's columns are dated %q, %q", d.Credit.PreviousColumn, d.Credit.CurrentColumn)
	}
	if len(d.NextTasks) > maxNextItems+1 {
		t.Errorf("%d items in part III", len(d.NextTasks))
	}
}

// Fields gives exactly the declared fields, so that the check of an
// office's template and the help topic never drift from the data; and the
// committed template uses them without a mistake.
func TestFieldsAreDeclared(t *testing.T) {
	r, _ := messy(t)
	f := Fields(r, Options{Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.Local)})
	mismatches, empty := render.DataMismatches(f, ReportFields())
	for _, m := range mismatches {
		t.Error(m)
	}
	for _, e := range empty {
		if !strings.HasPrefix(e, "phan.") && e != "chua_gui" && !strings.Contains(e, "tieu_de") {
			t.Errorf("the scenario leaves %s empty: its items' fields are not checked", e)
		}
	}
	tmpl, err := os.ReadFile("../../templates/bao-cao.docx")
	if err != nil {
		t.Fatal(err)
	}
	compiled, err := render.CompileFor(tmpl, ReportFields())
	if err != nil {
		t.Fatal(err)
	}
	if _, warnings, err := compiled.Render(f); err != nil || len(warnings) > 0 {
		t.Errorf("the committed template: %v %q", err, warnings)
	}
}

// An appendix row longer than a page breaks across pages, and one that
// fits is kept whole: LibreOffice cuts what does not fit of a row kept
// whole, so the row's end must reach the PDF.
func TestLongAppendixRowPrintsWhole(t *testing.T) {
	officetest.Binary(t)
	c := loadCatalog(t)
	var lines []string
	for i := range 150 {
		lines = append(lines, fmt.Sprintf("Kết quả thứ %d: rà soát, đối chiếu hồ sơ vay vốn của hộ nghèo tại thôn, lập danh sách gửi Phòng giao dịch", i+1))
	}
	long := strings.Join(lines, "\n") + "\nHẾT-DÒNG-CUỐI"
	r := consolidate.Build(c, q1, []*intake.Submission{sub("KT", row("I.2", forms.StatusInProgress, long), row("V.4", forms.StatusDone, "Rà soát 37 hộ."))})
	f := Fields(r, Options{Now: time.Date(2026, 3, 20, 0, 0, 0, 0, time.Local)})
	for _, row := range f["phu_luc"].([]map[string]any) {
		if want := row["stt"] != "I.2"; row["vua_trang"] != want {
			t.Errorf("row %s: vua_trang %v, want %v", row["stt"], row["vua_trang"], want)
		}
	}
	tmpl, err := os.ReadFile("../../templates/bao-cao.docx")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := render.Render(tmpl, f)
	if err != nil {
		t.Fatal(err)
	}
	docx := t.TempDir() + "/bao-cao.docx"
	if err := os.WriteFile(docx, out, 0o644); err != nil {
		t.Fatal(err)
	}
	text := officetest.PDFText(t, officetest.Convert(t, docx, "pdf"))
	appendix := text[strings.LastIndex(text, "PHỤ LỤC"):]
	if !strings.Contains(strings.Join(strings.Fields(appendix), ""), "HẾT-DÒNG-CUỐI") {
		t.Errorf("the end of a row longer than a page is cut from the printed appendix")
	}
}

// What the plan's data leaves blank is said for whoever fills the Word
// file, naming only what is blank.
func TestPlanBlanksInWord(t *testing.T) {
	for _, c := range []struct {
		blanks []PlanBlank
		want   string
	}{
		{nil, ""},
		{[]PlanBlank{PlanNumber, PlanDate, PlanSigner}, "Báo cáo còn để trống số, ngày ban hành của Kế hoạch và họ tên người ký: điền trong tệp Word trước khi trình ký."},
		{[]PlanBlank{PlanNumber}, "Báo cáo còn để trống số của Kế hoạch: điền trong tệp Word trước khi trình ký."},
		{[]PlanBlank{PlanDate, PlanSigner}, "Báo cáo còn để trống ngày ban hành của Kế hoạch và họ tên người ký: điền trong tệp Word trước khi trình ký."},
		{[]PlanBlank{PlanSigner}, "Báo cáo còn để trống họ tên người ký: điền trong tệp Word trước khi trình ký."},
	} {
		if got := PlanBlanksInWord(c.blanks); got != c.want {
			t.Errorf("%v: %q, want %q", c.blanks, got, c.want)
		}
	}
}
