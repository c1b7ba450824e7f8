package planimport

import (
	"fmt"
	"path/filepath"
	"strings"

	"baocao/internal/vntext"
)

// header is the first comment of every data file written.
func (im *importer) header(w *yamlWriter, what string) {
	w.comment(0, fmt.Sprintf("%s, imported by «baocao plan import» from %s.\nEvery guess is listed in %s: check it against the appendix.", what, filepath.Base(im.name), ReviewFile))
}

func (im *importer) planYAML() string {
	pf := im.plan
	kind := pf.localKind
	if !localKindOK(kind) {
		kind = "xã"
		im.notes.add(topicPlan, "", "không rõ đây là xã, phường hay đặc khu: tạm ghi local_kind: xã; sửa local_kind, commune, commune_name nếu khác")
	}
	name := pf.localName
	if name == "" {
		name = "CHƯA RÕ"
		im.notes.add(topicPlan, "", "không rõ tên xã, phường: ghi commune, commune_name, place trong plan.yaml (đang ghi «CHƯA RÕ»)")
	}
	issuer := pf.issuer
	if issuer == "" {
		issuer = "Ủy ban nhân dân " + kind + " " + name
	}
	planKind := pf.kind
	if planKind == "" {
		planKind = "Kế hoạch"
	}
	suffix := pf.suffix
	if suffix == "" {
		suffix = "KH-UBND"
	}
	title := pf.title
	if title == "" {
		title = planKind
		im.notes.add(topicPlan, "", "không thấy tên kế hoạch phía trên bảng: ghi plan.title (tên đầy đủ của kế hoạch) trong plan.yaml")
	} else {
		im.notes.add(topicPlan, "", fmt.Sprintf("tên kế hoạch lấy từ tiêu đề phụ lục: «%s»; ghi đúng tên đầy đủ, đúng chữ hoa (plan.title)", title))
	}
	date := pf.date()
	switch {
	case pf.month == 0:
		im.notes.add(topicPlan, "", "không thấy ngày, tháng, năm của kế hoạch: ghi plan.date (dd/mm/yyyy) hoặc plan.month và plan.year")
	case date == "":
		im.notes.add(topicPlan, "", fmt.Sprintf("phụ lục để trống ngày của kế hoạch (tháng %d năm %d): khi kế hoạch có số và ngày, ghi plan.number và plan.date (dd/mm/yyyy)", pf.month, pf.year))
	}
	if pf.number == "" && pf.month != 0 {
		im.notes.add(topicPlan, "", "phụ lục để trống số của kế hoạch: để trống plan.number hoặc ghi số khi có")
	}
	im.notes.add(topicPlan, "", "chưa có nơi nhận (recipients), tỉnh (province), người ký (signer.name) và căn cứ khác (grounds): bổ sung trong plan.yaml trước khi lập báo cáo; cơ quan cấp trên của đơn vị công an và của Phòng giao dịch NHCSXH in trên biểu mẫu (governing_body): bổ sung trong units.yaml")

	var w yamlWriter
	im.header(&w, "The plan's own facts")
	w.line(0, "issuer: ỦY BAN NHÂN DÂN")
	w.line(0, "local_kind: %s", scalar(kind))
	w.line(0, "commune: %s", scalar(strings.ToUpper(kind+" "+name)))
	w.line(0, "commune_name: %s", scalar(kind+" "+name))
	w.line(0, "place: %s", scalar(name))
	w.line(0, `province: ""`)
	w.comment(0, "the unit that collects the reports (a code of units.yaml)")
	w.line(0, "collector: %s", scalar(im.collector))
	w.line(0, "report_suffix: BC-UBND")
	w.line(0, "reminder_suffix: UBND-%s", im.collector)
	w.line(0, "plan:")
	w.line(2, "kind: %s", scalar(planKind))
	w.line(2, "number: %s", scalar(pf.number))
	w.line(2, "suffix: %s", scalar(suffix))
	w.comment(2, "dd/mm/yyyy; \"\" while the day is blank, with month and year")
	w.line(2, "date: %s", scalar(date))
	if date == "" {
		w.line(2, "month: %d", pf.month)
		w.line(2, "year: %d", pf.year)
	}
	w.line(2, "issuer: %s", scalar(issuer))
	w.field(2, "title", title)
	w.line(0, "grounds:")
	if pf.month != 0 {
		w.line(2, "- %s", scalar(pf.reference(planKind, suffix, issuer)))
	} else {
		w.line(2, "- %s", scalar(planKind+" của "+issuer))
	}
	w.line(0, "deadline_days: 2")
	w.line(0, "reminder_days: 5")
	w.line(0, "signer:")
	w.line(2, "authority: TM. ỦY BAN NHÂN DÂN")
	w.line(2, `title: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"`)
	w.line(2, `name: ""`)
	w.line(0, "recipients: []")
	return w.String()
}

func (im *importer) tasksYAML() string {
	var w yamlWriter
	im.header(&w, "The plan's appendix of tasks")
	w.line(0, "sections:")
	for i, s := range im.a.sections {
		if i > 0 {
			w.b.WriteByte('\n')
		}
		w.line(2, "- code: %s", scalar(s.code))
		w.field(4, "title", plainTitle(s.title))
		if len(s.items) == 0 {
			w.line(4, "tasks: []")
			continue
		}
		w.line(4, "tasks:")
		for _, it := range s.items {
			w.line(6, "- code: %s", scalar(it.code))
			if it.heading {
				w.line(8, "heading: true")
				w.field(8, "content", contentText(it.text[colContent]))
				continue
			}
			w.field(8, "content", contentText(it.text[colContent]))
			w.line(8, "lead: %s", flow(im.leadRefs[it]))
			w.field(8, "lead_text", it.text[colLead])
			w.line(8, "support: %s", flow(im.supportRefs[it]))
			w.field(8, "support_text", it.text[colSupport])
			w.field(8, "product", it.text[colProduct])
			w.field(8, "timing", it.text[colTiming])
			if it.text[colTiming] == "" {
				w.line(8, "timing_missing: true")
			}
		}
	}
	return w.String()
}

// contentText cleans a task's content: paragraphs kept, each on one line.
func contentText(s string) string {
	var ps []string
	for _, p := range strings.Split(vntext.Clean(s), "\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			ps = append(ps, p)
		}
	}
	return strings.Join(ps, "\n")
}

func (im *importer) unitsYAML() string {
	var w yamlWriter
	im.header(&w, "The units that lead or coordinate the tasks, and the group phrases")
	w.line(0, "units:")
	for _, e := range im.reg.entities {
		if e.group {
			continue
		}
		w.line(2, "- code: %s", scalar(e.code))
		w.line(4, "name: %s", scalar(e.name))
		if e.added {
			w.comment(4, "added: the appendix does not name this unit")
		}
		if e.isBank() {
			w.line(4, "indicators: true")
			// the bank's office is not under the commune: the reminder
			// letter never names it
			w.line(4, "outside_authority: true")
		}
		switch {
		case e.headedByOwnName():
			w.line(4, `governing_body: ""`)
		case e.isPolice():
			w.comment(4, "governing_body: CÔNG AN TỈNH … (the province's police: fill in and uncomment)")
		case e.isBank():
			w.comment(4, "governing_body: CHI NHÁNH NHCSXH TỈNH … (the bank's branch: fill in and uncomment)")
		}
		if al := e.aliases(); len(al) > 0 {
			w.line(4, "aliases:")
			for _, a := range al {
				w.line(6, "- %s", scalar(a))
			}
		}
	}
	groups := 0
	for _, e := range im.reg.entities {
		if !e.group {
			continue
		}
		if groups == 0 {
			w.b.WriteByte('\n')
			w.comment(0, "Groups: a phrase of the appendix that names several units. The members\nare a guess: the appendix does not say them.")
			w.line(0, "groups:")
		}
		groups++
		w.line(2, "- code: %s", scalar(e.code))
		w.line(4, "name: %s", scalar(e.name))
		if al := e.aliases(); len(al) > 0 {
			w.line(4, "aliases:")
			for _, a := range al {
				w.line(6, "- %s", scalar(a))
			}
		}
		w.line(4, "members: %s", flow(e.members))
	}
	if groups == 0 {
		w.line(0, "groups: []")
	}
	return w.String()
}

// standardIndicators are the figures that reports on social policy credit
// usually give, supplied by the bank's office.
var standardIndicators = []struct {
	code, name, measure, kind string
	decimals                  int
}{
	{"TONG-NGUON-VON", "Tổng nguồn vốn", "triệu đồng", "stock", 2},
	{"VON-NSDP", "Nguồn vốn ngân sách địa phương ủy thác", "triệu đồng", "stock", 2},
	{"TONG-DU-NO", "Tổng dư nợ", "triệu đồng", "stock", 2},
	{"KHACH-HANG", "Số khách hàng còn dư nợ", "khách hàng", "stock", 0},
	{"NO-QUA-HAN", "Nợ quá hạn", "triệu đồng", "stock", 2},
	{"TO-TKVV", "Số Tổ Tiết kiệm và vay vốn", "tổ", "stock", 0},
	{"DS-CHO-VAY", "Doanh số cho vay", "triệu đồng", "flow", 2},
	{"DS-THU-NO", "Doanh số thu nợ", "triệu đồng", "flow", 2},
}

func (im *importer) indicatorsYAML() string {
	var w yamlWriter
	im.header(&w, "Credit indicators reported each period, and the plan's targets")
	var bank *entity
	for _, e := range im.reg.entities {
		if e.isBank() {
			bank = e
			break
		}
	}
	if bank == nil {
		im.notes.add(topicIndicators, "", "phụ lục không nêu Phòng giao dịch Ngân hàng Chính sách xã hội: chưa có chỉ tiêu tín dụng nào; thêm đơn vị đó (indicators: true) và các chỉ tiêu nếu cần")
		w.line(0, "indicators: []")
	} else {
		im.notes.add(topicIndicators, "", fmt.Sprintf("đã ghi %d chỉ tiêu tín dụng thường gặp, do %s (%s) báo cáo: bỏ, thêm hoặc sửa cho đúng số liệu đơn vị đó cung cấp", len(standardIndicators), bank.name, bank.code))
		w.comment(0, "kind: stock (a balance at a date) or flow (a turnover in the period);\ndecimals: digits after the decimal comma (0 for whole numbers)")
		w.line(0, "indicators:")
		for _, ind := range standardIndicators {
			w.line(2, "- code: %s", ind.code)
			w.line(4, "name: %s", scalar(ind.name))
			w.line(4, "measure: %s", scalar(ind.measure))
			w.line(4, "unit: %s", scalar(bank.code))
			w.line(4, "kind: %s", ind.kind)
			w.line(4, "decimals: %d", ind.decimals)
		}
	}
	w.b.WriteByte('\n')
	w.comment(0, "Targets, each of one kind: capital_share (part is percent% of whole by\nby_year), growth_share (growth of part is min_percent to max_percent% of\nthe growth of whole), growth_rate (indicator grows min_percent% a year),\nreach (indicator reaches value, by by_year), ratio (part as a % of whole).")
	w.line(0, "targets: []")
	return w.String()
}
