package province

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/period"
	"baocao/internal/render"
	"baocao/internal/vntext"
)

// ReportName is the Word report's file name for p.
func ReportName(p period.Period) string { return "bao-cao-tinh-" + p.String() + ".docx" }

// TemplateName is the report template's file name in a templates folder.
const TemplateName = "bao-cao-tinh.docx"

// Report fills the province's Word template with r, dated now.
func Report(r *Rollup, template []byte, now time.Time) ([]byte, []string, error) {
	return render.Render(template, r.TemplateData(now))
}

// TemplateData is the fields of the province's report template.
func (r *Rollup) TemplateData(now time.Time) render.Data {
	d := r.Data
	first, rest, _ := strings.Cut(d.Issuer, "\n")
	var recipients []map[string]any
	for _, rc := range d.Recipients {
		recipients = append(recipients, map[string]any{"noi_dung": rc})
	}
	sent := len(d.Communes) - len(r.Missing)
	var missing []string
	for _, c := range r.Missing {
		missing = append(missing, c.FullName())
	}
	subject := "Tổng hợp kết quả thực hiện tín dụng chính sách xã hội của các xã, phường, đặc khu"
	data := render.Data{
		"co_quan": first, "ten_xa": strings.ReplaceAll(rest, "\n", " "), "dia_danh": d.Place,
		"so_ky_hieu": "     /" + d.ReportSuffix, "ngay_bao_cao": now,
		"trich_yeu": subject + ", " + r.Period.Name(), "ky": r.Period.Name(), "tinh": d.Province,
		"co_quan_goi": issuerInText(d.Issuer),
		"tu_ngay":     r.CurrentFrom, "den_ngay": r.CurrentTo,
		"so_xa": len(d.Communes), "so_da_gui": sent, "so_chua_gui": len(r.Missing),
		"co_chua_gui": len(r.Missing) > 0, "chua_gui": strings.Join(missing, ", "),
		"cot_truoc": period.NumericDate(r.PreviousTo), "cot_nay": period.NumericDate(r.CurrentTo),
		"noi_nhan": recipients, "quyen_han": d.Authority, "chuc_vu_ky": d.SignerTitle, "nguoi_ky": d.SignerName,
	}
	var stocks, flows []map[string]any
	for i, ind := range d.Indicators {
		f := r.Province.Figures[i]
		row := map[string]any{"ten": ind.Name, "don_vi_tinh": ind.Measure, "truoc": numText(f.Previous, ind), "nay": numText(f.Current, ind), "tang_giam": signed(f.Change, ind)}
		if ind.Kind == "flow" {
			flows = append(flows, row)
		} else {
			stocks = append(stocks, row)
		}
	}
	data["so_du"], data["doanh_so"], data["co_doanh_so"] = stocks, flows, len(flows) > 0
	data["doan_so_lieu"] = paragraphs(r.figureText(sent))
	data["nguon_so_lieu"] = r.sourceText(sent)
	data["ty_le"] = paragraphs(r.shareTexts(sent))
	data["doan_nhiem_vu"] = paragraphs(r.taskText(sent))
	data["doan_kien_nghi"] = paragraphs(r.proposalTexts(sent))
	return data
}

// issuerInText is the issuer in running text: «ỦY BAN NHÂN DÂN\nTỈNH
// QUẢNG NGÃI» → «Ủy ban nhân dân tỉnh Quảng Ngãi».
func issuerInText(issuer string) string {
	words := strings.Fields(strings.ToLower(issuer))
	if len(words) == 0 {
		return ""
	}
	// the first word takes a capital; so do the words of the place name,
	// after «tỉnh» or «thành phố»
	out := make([]string, len(words))
	place := false
	for i, w := range words {
		if i == 0 || place {
			w = capital(w)
		}
		out[i] = w
		if w == "tỉnh" || (i > 0 && words[i-1] == "thành" && w == "phố") {
			place = true
		}
	}
	return strings.Join(out, " ")
}

func capital(w string) string {
	r := []rune(w)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

func paragraphs(texts []string) []map[string]any {
	var out []map[string]any
	for _, t := range texts {
		out = append(out, map[string]any{"noi_dung": t})
	}
	return out
}

func numText(v *float64, ind *catalog.Indicator) string {
	if v == nil {
		return "-"
	}
	return vntext.FormatNumber(*v, decimalsShown(*v, ind))
}

// decimalsShown drops decimals a figure does not use: 203.000, 12,5.
func decimalsShown(v float64, ind *catalog.Indicator) int {
	s := vntext.FormatNumber(v, ind.Decimals)
	if i := strings.IndexByte(s, ','); i >= 0 {
		t := strings.TrimRight(s, "0")
		return len(t) - i - 1
	}
	return 0
}

func signed(v *float64, ind *catalog.Indicator) string {
	if v == nil {
		return "-"
	}
	s := numText(v, ind)
	if *v > 0 && s != "0" {
		s = "+" + s
	}
	return s
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = []rune(strings.ToLower(string(r[0])))[0]
	return string(r)
}

// lackingText says once which communes that sent have no figure (the
// province's figures being the sum over the others), "" when none.
func (r *Rollup) lackingText(sent int) string {
	if len(r.WithoutFigures) == 0 {
		return ""
	}
	return fmt.Sprintf("số liệu toàn tỉnh là tổng của %d/%d xã, phường, đặc khu đã gửi có số liệu; chưa có số liệu của %s (bảng tổng hợp gửi về không có số liệu kỳ này)",
		sent-len(r.WithoutFigures), sent, communeNames(r.WithoutFigures, reportCommunes))
}

// extraLacking is the communes that lack figure f beyond those without
// any figure (said once, lackingText).
func (r *Rollup) extraLacking(f Figure) []Commune {
	var out []Commune
	for _, c := range f.Lacking {
		if !slices.Contains(r.WithoutFigures, c) {
			out = append(out, c)
		}
	}
	return out
}

// figureText is the figures as sentences: balances at the date, with
// their change; flows over the period. Each is the sum over the communes
// that have it: those without any figure are named once, before.
func (r *Rollup) figureText(sent int) []string {
	d := r.Data
	if sent == 0 {
		return []string{"Chưa xã, phường, đặc khu nào gửi bảng tổng hợp nên chưa có số liệu tổng hợp."}
	}
	var stock, flow, none []string
	for i, ind := range d.Indicators {
		f := r.Province.Figures[i]
		name := lowerFirst(ind.Name)
		if f.Current == nil {
			none = append(none, name)
			continue
		}
		s := fmt.Sprintf("%s đạt %s %s", name, numText(f.Current, ind), ind.Measure)
		if extra := r.extraLacking(f); len(extra) > 0 {
			s += fmt.Sprintf(" (tổng của %d xã có số liệu; chưa có số liệu của %s)", f.Counted, communeNames(extra, reportCommunes))
		}
		if f.Change != nil {
			verb := "tăng"
			if *f.Change < 0 {
				verb = "giảm"
			}
			abs := -*f.Change
			if *f.Change >= 0 {
				abs = *f.Change
			}
			if *f.Change == 0 {
				s += ", không đổi"
			} else {
				s += fmt.Sprintf(", %s %s %s", verb, numText(&abs, ind), ind.Measure)
				if f.ChangePercent != nil {
					p := *f.ChangePercent
					if p < 0 {
						p = -p
					}
					s += fmt.Sprintf(" (%s%%)", vntext.FormatNumber(p, 2))
				}
			}
		}
		if ind.Kind == "flow" {
			flow = append(flow, s)
		} else {
			stock = append(stock, s)
		}
	}
	var out []string
	lead := fmt.Sprintf("Theo bảng tổng hợp của %d/%d xã, phường, đặc khu đã gửi, đến", sent, len(d.Communes))
	if lack := r.lackingText(sent); lack != "" {
		out = append(out, upperFirst(lack)+".")
		lead = "Đến"
	}
	if len(stock) > 0 {
		out = append(out, fmt.Sprintf("%s ngày %s, trên địa bàn tỉnh %s so với ngày %s.",
			lead, period.NumericDate(r.CurrentTo), strings.Join(stock, "; "), period.NumericDate(r.PreviousTo)))
	}
	if len(flow) > 0 {
		out = append(out, fmt.Sprintf("Trong %s, %s so với %s.", r.Period.Name(), strings.Join(flow, "; "), r.Period.Previous().Name()))
	}
	if len(none) > 0 {
		out = append(out, "Chưa xã, phường, đặc khu nào có số liệu kỳ này của: "+strings.Join(none, "; ")+".")
	}
	return out
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

// rowNote is the note of a province's figure in a table: what the figure
// lacks beyond the communes without any figure (said once, lackingText).
func (r *Rollup) rowNote(f Figure) string {
	var notes []string
	if extra := r.extraLacking(f); len(extra) > 0 {
		notes = append(notes, fmt.Sprintf("tổng của %d xã có số liệu; chưa có số liệu của %s", f.Counted, communeNames(extra, reportCommunes)))
	} else if len(f.Lacking) == 0 {
		return f.Note
	}
	// Beyond the communes without any figure (said above): a commune
	// with this period's figure but not the previous one.
	if len(f.PreviousLacking) > 0 {
		notes = append(notes, previousGap(f.PreviousLacking))
	}
	return strings.Join(notes, "; ")
}

// sourceText is the note under the figures' table: whose tables, the
// dates, and the communes whose figures are not in the sums.
func (r *Rollup) sourceText(sent int) string {
	d := r.Data
	s := fmt.Sprintf("(Nguồn: bảng tổng hợp gửi kèm báo cáo của %d/%d xã, phường, đặc khu; số dư tại ngày %s và %s, doanh số trong %s và %s",
		sent, len(d.Communes), period.NumericDate(r.PreviousTo), period.NumericDate(r.CurrentTo), r.Period.Previous().Name(), r.Period.Name())
	if lack := r.lackingText(sent); lack != "" {
		s += "; " + lack
	}
	for i, ind := range d.Indicators {
		f := r.Province.Figures[i]
		if extra := r.extraLacking(f); f.Current != nil && len(extra) > 0 {
			s += fmt.Sprintf("; %s: tổng của %d xã, chưa có số liệu của %s", lowerFirst(ind.Name), f.Counted, communeNames(extra, reportCommunes))
		}
	}
	return s + ".)"
}

// shareTexts says each share of the province, against its target, and
// how many communes reach it.
func (r *Rollup) shareTexts(sent int) []string {
	d := r.Data
	var out []string
	for k, s := range r.Province.Shares {
		name := d.ShareName(s.Target)
		if s.Target.Kind == catalog.TargetCapitalShare {
			name = "Tỷ lệ " + strings.TrimPrefix(strings.SplitN(name, " (mục tiêu", 2)[0], "Tỷ lệ ")
		}
		if s.Current == nil {
			out = append(out, fmt.Sprintf("%s toàn tỉnh: chưa đủ số liệu để tính.", name))
			continue
		}
		t := fmt.Sprintf("%s toàn tỉnh đến ngày %s là %s%%", name, period.NumericDate(r.CurrentTo), vntext.FormatNumber(*s.Current, 2))
		var aside []string
		if s.Previous != nil {
			aside = append(aside, fmt.Sprintf("ngày %s: %s%%", period.NumericDate(r.PreviousTo), vntext.FormatNumber(*s.Previous, 2)))
		}
		if s.Counted < sent {
			aside = append(aside, fmt.Sprintf("tính trên %d xã, phường, đặc khu có số liệu", s.Counted))
		}
		if len(aside) > 0 {
			t += " (" + strings.Join(aside, "; ") + ")"
		}
		if s.Target.Kind == catalog.TargetCapitalShare {
			verdict := "chưa đạt"
			if s.Met {
				verdict = "đã đạt"
			}
			var met []string
			counted := 0
			for _, c := range r.Communes {
				if c.Sent() && c.Shares[k].Current != nil {
					counted++
					if c.Shares[k].Met {
						met = append(met, c.Commune.FullName())
					}
				}
			}
			t += fmt.Sprintf(", %s mục tiêu %s%% vào năm %d; %d/%d xã, phường, đặc khu có đủ số liệu đã đạt mục tiêu", verdict, vntext.FormatAuto(s.Target.Percent), s.Target.ByYear, len(met), counted)
			if len(met) > 0 {
				t += " (" + names(met) + ")"
			}
			if len(r.Ranking) > 1 && r.Ranking[0].Rank == r.Ranking[len(r.Ranking)-1].Rank {
				t += fmt.Sprintf("; các xã, phường, đặc khu có số liệu cùng tỷ lệ %s%%", vntext.FormatNumber(*r.Ranking[0].Shares[k].Current, 2))
			} else if len(r.Ranking) > 1 {
				hi, lo := r.Ranking[0], r.Ranking[len(r.Ranking)-1]
				t += fmt.Sprintf("; cao nhất là %s (%s%%), thấp nhất là %s (%s%%)", hi.Commune.FullName(), vntext.FormatNumber(*hi.Shares[k].Current, 2),
					lo.Commune.FullName(), vntext.FormatNumber(*lo.Shares[k].Current, 2))
			}
		}
		out = append(out, t+".")
	}
	return out
}

// taskText counts the tasks of the communes that sent.
func (r *Rollup) taskText(sent int) []string {
	if sent == 0 {
		return []string{"Chưa có báo cáo của xã, phường, đặc khu nào."}
	}
	t := r.Province.Tasks
	parts := []string{fmt.Sprintf("%d hoàn thành", t.Done), fmt.Sprintf("%d đang thực hiện", t.InProgress), fmt.Sprintf("%d chưa thực hiện", t.NotStarted)}
	if t.NotApplicable > 0 {
		parts = append(parts, fmt.Sprintf("%d không phát sinh trong kỳ", t.NotApplicable))
	}
	if t.Unknown > 0 {
		parts = append(parts, fmt.Sprintf("%d chưa rõ tình trạng", t.Unknown))
	}
	parts = append(parts, fmt.Sprintf("%d chưa có đơn vị báo cáo", t.NotReported))
	out := []string{fmt.Sprintf("Trong %d nhiệm vụ theo kế hoạch của %d xã, phường, đặc khu đã gửi báo cáo: %s. Số nhiệm vụ theo tình trạng của từng xã tại bảng tổng hợp kèm theo.",
		t.Total(), sent, strings.Join(parts, ", "))}
	if len(r.Sections) > 1 {
		var parts []string
		for _, sec := range r.Sections {
			x := r.Province.BySection[sec]
			parts = append(parts, fmt.Sprintf("phần %s: %d/%d nhiệm vụ hoàn thành, %d đang thực hiện", sec, x.Done, x.Total(), x.InProgress))
		}
		out = append(out, "Theo từng phần của kế hoạch: "+strings.Join(parts, "; ")+".")
	}
	var behind []string
	for _, c := range r.Communes {
		if c.Sent() && c.Tasks.NotStarted > 0 {
			behind = append(behind, fmt.Sprintf("%s (%d)", c.Commune.FullName(), c.Tasks.NotStarted))
		}
	}
	if len(behind) > 0 {
		out = append(out, "Các xã, phường, đặc khu còn nhiệm vụ chưa thực hiện: "+names(behind)+".")
	}
	return out
}
