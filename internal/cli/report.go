package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"baocao/internal/compose"
	"baocao/internal/consolidate"
	"baocao/internal/cycle"
	"baocao/internal/intake"
	"baocao/internal/period"
)

type reportOptions struct {
	*globalOptions
	period           string
	in               string
	outDir           string
	template         string
	reminderTemplate string
	date             string
	units            []string
	pdf              bool
	soffice          string
	deadline         string
}

func newReportCmd(g *globalOptions) *cobra.Command {
	o := &reportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "report --period KỲ --in THƯ_MỤC [--out THƯ_MỤC] [--template TỆP] [--unit TỆP=MÃ]...",
		Short: "Tổng hợp các tệp đơn vị gửi thành báo cáo Word và bảng tổng hợp Excel",
		Long: `Đọc mọi tệp Excel trong thư mục --in, kiểm tra từng tệp, rồi lập:
  THƯ_MỤC_RA/KỲ/bao-cao-KỲ.docx   dự thảo báo cáo của ` + exBody + ` (theo mẫu Word --template);
  THƯ_MỤC_RA/KỲ/tong-hop-KỲ.xlsx  bảng tổng hợp gửi kèm báo cáo lên tỉnh (phụ lục nhiệm vụ, chỉ tiêu);
  THƯ_MỤC_RA/KỲ/kiem-tra-KỲ.xlsx  bảng kiểm tra của văn phòng (đơn vị, lỗi từng ô, dòng chưa khớp,
                                  kiến nghị gửi xã), không gửi đi;
  THƯ_MỤC_RA/KỲ/don-doc-KỲ.docx   công văn đôn đốc các đơn vị do Ủy ban nhân dân xã chỉ đạo còn thiếu
                                  báo cáo, hạn gửi mới --deadline dd/mm/yyyy (mặc định: reminder_days
                                  ngày làm việc sau ngày lập, trong plan.yaml).
Tệp có lỗi không được đưa vào báo cáo và được liệt kê cùng lỗi; các tệp còn lại vẫn được tổng hợp.
Tệp của đơn vị không bao giờ bị sửa; tệp kết quả được ghi trọn vẹn hoặc không ghi gì.
Tệp không cho biết của đơn vị nào thì gán bằng --unit "TỆP=MÃ" (nhắc lại được cho nhiều tệp).

Trạng thái thoát: 0 đã ghi báo cáo và bảng tổng hợp; 1 không có tệp nào dùng được;
2 tham số sai, mẫu báo cáo hoặc tệp dữ liệu có lỗi, hoặc không ghi được vào thư mục kết quả.`,
		Example: `  baocao report --period 2026-Q1 --in data/samples/2026-Q1
  baocao report --period 2026 --in "D:\Bao cao\2026" --out ket-qua
  baocao report --period 2026-Q1 --in nhan-ve --unit "bao cao quy 1.xlsx=` + exUnit + `"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := interruptible(cmd.Context())
			defer stop()
			return reportRun(ctx, o)
		},
	}
	cmd.Flags().StringVar(&o.period, "period", "", "`KỲ` báo cáo: 2026-Q1 … 2026-Q4, 2026-H1, 2026-H2, 2026-9M hoặc 2026 (bắt buộc)")
	cmd.Flags().StringVar(&o.in, "in", "", "`THƯ_MỤC` chứa các tệp Excel đơn vị gửi về (bắt buộc)")
	cmd.Flags().StringVar(&o.outDir, "out", "out", "`THƯ_MỤC` ghi kết quả")
	cmd.Flags().StringVar(&o.template, "template", "", "`TỆP` mẫu báo cáo Word (mặc định templates/bao-cao.docx ở thư mục này nếu có, nếu không thì mẫu có sẵn)")
	cmd.Flags().StringVar(&o.reminderTemplate, "reminder-template", "", "`TỆP` mẫu công văn đôn đốc (mặc định templates/don-doc.docx ở thư mục này nếu có, nếu không thì mẫu có sẵn)")
	cmd.Flags().BoolVar(&o.pdf, "pdf", false, "xuất thêm bản PDF của từng tệp (cần LibreOffice trên máy)")
	cmd.Flags().StringVar(&o.soffice, "soffice", "", "`TỆP` chương trình LibreOffice (soffice) dùng để xuất PDF, khi không tự tìm thấy (hoặc biến môi trường BAOCAO_SOFFICE)")
	cmd.Flags().StringArrayVar(&o.units, "unit", nil, "`TỆP=MÃ`: tính tệp có tên TỆP cho đơn vị có mã MÃ khi tệp không cho biết đơn vị (nhắc lại được)")
	cmd.Flags().StringVar(&o.deadline, "deadline", "", "`NGÀY` hạn gửi ghi trong công văn đôn đốc, dạng dd/mm/yyyy (mặc định: hạn của kỳ theo dữ liệu kế hoạch)")
	cmd.Flags().StringVar(&o.date, "date", "", "`NGÀY` ghi trên báo cáo, dạng dd/mm/yyyy, không sớm hơn ngày chốt số liệu của kỳ (mặc định: để trống ngày cho văn thư điền khi ban hành, ghi tháng và năm)")
	return cmd
}

func reportRun(ctx context.Context, o *reportOptions) error {
	if o.period == "" {
		return usageErr("thiếu --period. %s", period.Accepted)
	}
	p, err := period.Parse(o.period)
	if err != nil {
		return usageErr("%s", err.Error())
	}
	if o.in == "" {
		return usageErr("thiếu --in: thư mục chứa các tệp Excel đơn vị gửi về.")
	}
	if fi, err := os.Stat(o.in); err != nil || !fi.IsDir() {
		return usageErr("không tìm thấy thư mục %s (tùy chọn --in).", o.in)
	}
	now := time.Now()
	var date time.Time
	if o.date != "" {
		if date, err = time.Parse("2/1/2006", o.date); err != nil {
			return usageErr("ngày «%s» không hợp lệ (tùy chọn --date): viết dạng dd/mm/yyyy, ví dụ 05/01/2026.", o.date)
		}
		if err := compose.CheckDate(p, date); err != nil {
			return usageErr("%s (tùy chọn --date).", err.Error())
		}
	}
	var deadline time.Time
	if o.deadline != "" {
		if deadline, err = time.Parse("02/01/2006", o.deadline); err != nil {
			return usageErr("ngày «%s» không hợp lệ (tùy chọn --deadline): viết dạng dd/mm/yyyy, ví dụ 20/03/2026.", o.deadline)
		}
	}
	src, err := cycle.LoadSources(o.dataDir, o.template, o.reminderTemplate)
	if err != nil {
		return err
	}
	o.noteBuiltin(src.BuiltinNote())
	opt, err := intakeOptions(src.Catalog.Catalog, o.units, "", true)
	if err != nil {
		return err
	}
	res, err := src.BuildReport(ctx, cycle.ReportRequest{
		Period: p, In: []string{o.in}, OutDir: o.outDir, Now: now, UnitOf: opt.UnitOf,
		PDF: o.pdf, Soffice: o.soffice, Deadline: deadline, Date: date,
	})
	if ctx.Err() != nil {
		return stopped("lập báo cáo")
	}
	if err != nil {
		return err
	}
	printReport(o.out, res, src.Catalog.Builtin)
	if !res.Written {
		fmt.Fprintf(o.out, "\nKhông có tệp nào dùng được cho báo cáo %s trong %s: chưa lập báo cáo.\n", p.Name(), o.in)
		return silentExit(ExitProblems)
	}
	return nil
}

func printReport(w io.Writer, res *cycle.ReportResult, builtinData bool) {
	r := res.Report
	if res.Written {
		fmt.Fprintf(w, "Đã lập báo cáo %s:\n", r.Period.Name())
	} else if len(res.Files) > 0 {
		fmt.Fprintf(w, "Đã lập công văn đôn đốc %s:\n", r.Period.Name())
	}
	for _, f := range res.Files {
		fmt.Fprintf(w, "  %s\n", f)
	}
	for _, n := range res.SetAside {
		fmt.Fprintf(w, "  %s\n", n)
	}
	if res.PDFNote != "" {
		fmt.Fprintf(w, "\n%s\n", res.PDFNote)
	}
	if note := planNote(res.PlanBlanks, builtinData); res.Written && note != "" {
		fmt.Fprintf(w, "\n%s\n", note)
	}
	if !res.Written {
		printLeftOut(w, r)
		return
	}
	covered, total := r.TasksCovered()
	fmt.Fprintf(w, "\nĐơn vị đã gửi: %d/%d. Nhiệm vụ có báo cáo: %d/%d. Dòng chưa khớp nhiệm vụ: %d. Lỗi: %d. Cảnh báo: %d.\n",
		r.Reported(), len(r.Units), covered, total, len(r.Unmatched), r.Errors, r.Warnings)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "- %s\n", n)
	}
	if len(r.Proposals) > 0 {
		fmt.Fprintf(w, "Đề xuất, kiến nghị: %d gửi cấp trên (mục IV của báo cáo); %d gửi Ủy ban nhân dân xã (mục III của báo cáo ghi «Ủy ban nhân dân xã xem xét …», và trang «Kiến nghị» của bảng kiểm tra; không đưa vào mục IV); %d chưa rõ gửi cấp nào (vẫn ở mục IV, cần xem lại).\n",
			len(r.ProposalsTo(consolidate.AddresseeUpward)), len(r.ProposalsTo(consolidate.AddresseeCommune)), len(r.ProposalsTo(consolidate.AddresseeUnclear)))
		for _, p := range r.ProposalsTo(consolidate.AddresseeUnclear) {
			fmt.Fprintf(w, "  chưa rõ gửi ai: %s (%s): %s\n", p.UnitName, p.Task, oneLine(p.Text, 90))
		}
	}
	printLeftOut(w, r)
	if len(r.Unmatched) > 0 {
		fmt.Fprintln(w, "\nCác dòng chưa khớp với nhiệm vụ nào (xem trang «Chưa khớp» của bảng kiểm tra):")
		for _, u := range r.Unmatched {
			fmt.Fprintf(w, "  %s, trang tính «%s», dòng %d: %s\n", filepath.Base(u.File), u.Sheet, u.Row, oneLine(u.Text, 90))
		}
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintln(w, "\nGhi chú khi lập tệp:")
		for _, wn := range res.Warnings {
			fmt.Fprintf(w, "  %s\n", wn)
		}
	}
}

// printAccount says, state by state, which units are not fully in (the
// one account of units that the report, summary and reminder show too),
// and which tasks no unit filled in.
func printAccount(w io.Writer, r *consolidate.Report) {
	for _, st := range []struct {
		state consolidate.State
		title string
	}{
		{consolidate.StateMissing, "Chưa gửi báo cáo"},
		{consolidate.StateErrors, "Gửi tệp có lỗi, cần gửi lại"},
		{consolidate.StateUnreadable, "Gửi tệp không đọc được, cần gửi lại tệp Excel"},
		{consolidate.StateIncomplete, "Đã gửi, chưa đủ"},
	} {
		units := r.InState(st.state)
		if len(units) == 0 {
			continue
		}
		var names []string
		for _, u := range units {
			switch st.state {
			case consolidate.StateIncomplete:
				names = append(names, u.Unit.Name+" ("+strings.TrimPrefix(consolidate.StateBrief(u), "đã gửi, ")+")")
			case consolidate.StateErrors, consolidate.StateUnreadable:
				names = append(names, u.Unit.Name+" (tệp "+u.File+")")
			default:
				names = append(names, u.Unit.Name)
			}
		}
		fmt.Fprintf(w, "\n%s (%d): %s.\n", st.title, len(units), strings.Join(names, "; "))
	}
	if tasks := r.Unreported(); len(tasks) > 0 {
		var codes []string
		for _, t := range tasks {
			codes = append(codes, t.Code)
		}
		fmt.Fprintf(w, "\nNhiệm vụ chưa có đơn vị báo cáo (%d): %s.\n", len(tasks), strings.Join(codes, ", "))
	}
}

// printLeftOut lists the units that sent nothing and the files left out
// with their errors.
func printLeftOut(w io.Writer, r *consolidate.Report) {
	printAccount(w, r)
	errorsByFile := map[string][]intake.Problem{}
	var order []string
	for _, p := range r.Problems {
		if _, replaced := r.Replaced[p.File]; p.Severity != intake.SeverityError || replaced {
			continue // a file a newer one replaced is not in error
		}
		if _, ok := errorsByFile[p.File]; !ok {
			order = append(order, p.File)
		}
		errorsByFile[p.File] = append(errorsByFile[p.File], p)
	}
	if len(order) > 0 {
		fmt.Fprintln(w, "\nTệp không đưa vào báo cáo vì có lỗi (sửa rồi chạy lại; chi tiết: baocao check):")
		for _, f := range order {
			fmt.Fprintf(w, "  %s\n", f)
			for _, p := range errorsByFile[f] {
				fmt.Fprintf(w, "    - %s\n", problemPlace(p))
			}
		}
	}
}

// problemPlace words a problem with its sheet and cell.
func problemPlace(p intake.Problem) string {
	if place := p.Place(); place != "" {
		return place + ": " + p.Text(intake.CommandLine)
	}
	return p.Text(intake.CommandLine)
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}

// planNote words what the plan's data leaves blank: by plan.yaml's lines
// when the data folder is the office's own, which it can fill once for
// every build; else as the page does, to fill in the Word file (the
// built-in data has no plan.yaml to edit).
func planNote(blanks []compose.PlanBlank, builtinData bool) string {
	if len(blanks) == 0 {
		return ""
	}
	if builtinData {
		return compose.PlanBlanksInWord(blanks)
	}
	lines := map[compose.PlanBlank]string{
		compose.PlanNumber: "số của kế hoạch (dòng «number» trong plan.yaml)",
		compose.PlanDate:   "ngày ban hành kế hoạch (dòng «date» trong plan.yaml)",
		compose.PlanSigner: "họ tên người ký (dòng «name» dưới «signer» trong plan.yaml)",
	}
	var parts []string
	for _, b := range blanks {
		parts = append(parts, lines[b])
	}
	return "Lưu ý: dữ liệu kế hoạch còn để trống " + strings.Join(parts, ", ") + "; báo cáo để trống các chỗ đó, cần điền trước khi trình ký."
}
