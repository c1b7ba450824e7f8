package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"baocao/internal/period"
	"baocao/internal/province"
	"baocao/internal/render"
)

type tinhOptions struct {
	*globalOptions
	period, outDir, template, reminderTemplate string
	date, deadline, soffice                    string
	in                                         []string
	pdf                                        bool
}

func newTinhCmd(g *globalOptions) *cobra.Command {
	o := &tinhOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "tinh --period KỲ --in THƯ_MỤC [--data THƯ_MỤC] [--out THƯ_MỤC]",
		Short: "Tỉnh tổng hợp bảng tổng hợp (tong-hop-KỲ.xlsx) của các xã thành báo cáo của tỉnh",
		Long: `Đọc mọi bảng tổng hợp (tong-hop-KỲ.xlsx) các xã, phường, đặc khu gửi kèm báo cáo, trong
thư mục --in (cả thư mục con và tệp nén .zip; tên tệp đặt thế nào cũng được: xã được nhận ra
theo dữ liệu trong tệp, đối chiếu với danh sách xã của tỉnh), rồi lập:
  THƯ_MỤC_RA/KỲ/bao-cao-tinh-KỲ.docx  dự thảo báo cáo của tỉnh (theo mẫu Word --template): số liệu
                                     toàn tỉnh, tỷ lệ so với mục tiêu, nhiệm vụ, các xã chưa gửi;
  THƯ_MỤC_RA/KỲ/tong-hop-tinh-KỲ.xlsx bảng của tỉnh: từng xã, toàn tỉnh, xếp hạng, trang «Dữ liệu»
                                     (mỗi dòng một xã và một chỉ tiêu, để nhập vào hệ thống khác),
                                     các tệp không dùng được và lý do;
  THƯ_MỤC_RA/KỲ/don-doc-tinh-KỲ.docx  công văn đôn đốc các xã chưa gửi (một trang), hạn --deadline.
Tệp không dùng được (kỳ khác, tỉnh khác, xã không có trong danh sách, không phải bảng tổng
hợp, số trên trang in khác trang dữ liệu) được liệt kê kèm lý do; tệp mất trang dữ liệu hoặc
có trang dữ liệu bị sửa tay thì đọc thay từ các trang in khi còn nguyên, nếu không thì nêu
trang và ô sai; xã gửi hai tệp thì dùng tệp mới hơn. Kiến nghị của các xã được gộp theo cơ
quan được kiến nghị, nêu tên các xã.

Dữ liệu của tỉnh (--data): tinh.yaml, xa.csv, indicators.yaml; mặc định thư mục data ở đây
nếu có tinh.yaml, nếu không thì dữ liệu mẫu có sẵn (tỉnh Quảng Ngãi). Tạo bản sửa được:
baocao init --tinh.

Trạng thái thoát: 0 đã ghi báo cáo và bảng của tỉnh; 1 không có bảng tổng hợp nào dùng được
(chỉ ghi công văn đôn đốc); 2 tham số sai, dữ liệu của tỉnh hoặc mẫu có lỗi, hoặc không ghi
được thư mục kết quả.`,
		Example: `  baocao tinh --period 2026-Q1 --in nhan-ve
  baocao tinh --period 2026 --in "D:\Bao cao xa\2026" --data du-lieu-tinh --out ket-qua --pdf`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return tinhRun(c.Context(), o) },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "`KỲ` báo cáo: 2026-Q1 … 2026-Q4, 2026-H1, 2026-H2, 2026-9M hoặc 2026 (bắt buộc)")
	cmd.Flags().StringArrayVar(&o.in, "in", nil, "`THƯ_MỤC` (hoặc tệp .xlsx, .zip) chứa bảng tổng hợp các xã gửi (bắt buộc; nhắc lại được)")
	cmd.Flags().StringVar(&o.outDir, "out", "out", "`THƯ_MỤC` ghi kết quả")
	cmd.Flags().StringVar(&o.template, "template", "", "`TỆP` mẫu báo cáo Word của tỉnh (mặc định templates/bao-cao-tinh.docx ở đây nếu có, nếu không thì mẫu có sẵn)")
	cmd.Flags().StringVar(&o.reminderTemplate, "reminder-template", "", "`TỆP` mẫu công văn đôn đốc các xã chưa gửi (mặc định templates/don-doc-tinh.docx ở đây nếu có, nếu không thì mẫu có sẵn)")
	cmd.Flags().StringVar(&o.date, "date", "", "`NGÀY` ghi trên báo cáo và công văn, dạng dd/mm/yyyy (mặc định hôm nay)")
	cmd.Flags().StringVar(&o.deadline, "deadline", "", "`NGÀY` hạn gửi ghi trong công văn đôn đốc, dạng dd/mm/yyyy (mặc định 3 ngày làm việc sau ngày công văn)")
	cmd.Flags().BoolVar(&o.pdf, "pdf", false, "xuất thêm bản PDF của báo cáo và bảng (cần LibreOffice trên máy)")
	cmd.Flags().StringVar(&o.soffice, "soffice", "", "`TỆP` chương trình LibreOffice (soffice) dùng để xuất PDF, khi không tự tìm thấy")
	return cmd
}

func tinhRun(ctx context.Context, o *tinhOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.period == "" {
		return usageErr("thiếu --period. %s", period.Accepted)
	}
	p, err := period.Parse(o.period)
	if err != nil {
		return usageErr("%s", err.Error())
	}
	if len(o.in) == 0 {
		return usageErr("thiếu --in: thư mục chứa bảng tổng hợp các xã gửi về.")
	}
	for _, in := range o.in {
		if _, err := os.Stat(in); err != nil {
			return usageErr("không tìm thấy %s (tùy chọn --in).", in)
		}
	}
	date := time.Now()
	if o.date != "" {
		if date, err = time.Parse("2/1/2006", o.date); err != nil {
			return usageErr("ngày «%s» không hợp lệ (tùy chọn --date): viết dạng dd/mm/yyyy, ví dụ 20/03/2026.", o.date)
		}
		if date.Before(p.To()) {
			return usageErr("ngày báo cáo %s sớm hơn ngày chốt số liệu của %s (%s) (tùy chọn --date).", period.ShortDate(date), p.Name(), period.ShortDate(p.To()))
		}
	}
	var deadline time.Time
	if o.deadline != "" {
		if deadline, err = time.Parse("2/1/2006", o.deadline); err != nil {
			return usageErr("ngày «%s» không hợp lệ (tùy chọn --deadline): viết dạng dd/mm/yyyy, ví dụ 25/03/2026.", o.deadline)
		}
	}
	d, builtin, err := province.LoadDefault(o.dataDir)
	if err != nil {
		return err // catalog.Errors: exit 2
	}
	tmpl, builtinTemplate, err := province.LoadTemplate(o.template)
	if err != nil {
		return usageErr("không đọc được mẫu báo cáo %s (tùy chọn --template): %v", o.template, err)
	}
	reminder, _, err := province.LoadReminderTemplate(o.reminderTemplate)
	if err != nil {
		return usageErr("không đọc được mẫu công văn %s (tùy chọn --reminder-template): %v", o.reminderTemplate, err)
	}
	switch {
	case builtin && builtinTemplate:
		o.noteBuiltin("Dùng dữ liệu mẫu của tỉnh và mẫu báo cáo có sẵn trong chương trình. Muốn sửa cho tỉnh mình: chạy «baocao init --tinh» để có bản sao sửa được.")
	case builtin:
		o.noteBuiltin("Dùng dữ liệu mẫu của tỉnh có sẵn trong chương trình. Muốn sửa cho tỉnh mình: chạy «baocao init --tinh» để có bản sao sửa được.")
	}
	res, err := province.Build(ctx, d, province.BuildRequest{Period: p, In: o.in, OutDir: o.outDir, Template: tmpl,
		ReminderTemplate: reminder, Deadline: deadline, Date: date, PDF: o.pdf, Soffice: o.soffice})
	var te *render.TemplateError
	if errors.As(err, &te) {
		return fmt.Errorf("mẫu báo cáo hoặc mẫu công văn của tỉnh có lỗi:\n%w", te) // exit 2
	}
	if err != nil {
		return err
	}
	printTinh(o.out, res)
	if !res.Written {
		fmt.Fprintf(o.out, "\nKhông có bảng tổng hợp nào dùng được cho %s: chưa lập báo cáo của tỉnh (chỉ lập công văn đôn đốc).\n", p.Name())
		return silentExit(ExitProblems)
	}
	return nil
}

func printTinh(w io.Writer, res *province.BuildResult) {
	r := res.Rollup
	d := r.Data
	switch {
	case res.Written:
		fmt.Fprintf(w, "Đã lập báo cáo của tỉnh %s, %s:\n", d.Province, r.Period.Name())
	case len(res.Files) > 0:
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
	sent := len(d.Communes) - len(r.Missing)
	fmt.Fprintf(w, "\nXã, phường, đặc khu đã gửi: %d/%d. Tệp không dùng được hoặc cần lưu ý: %d.\n", sent, len(d.Communes), len(r.Problems))
	if len(r.Missing) > 0 {
		var names []string
		for _, c := range r.Missing {
			names = append(names, c.FullName())
		}
		fmt.Fprintf(w, "Chưa gửi (%d): %s\n", len(r.Missing), joinShort(names, 30))
	}
	if len(r.Problems) > 0 {
		fmt.Fprintln(w, "\nCác tệp:")
		for _, p := range r.Problems {
			fix := ""
			if !p.Period.IsZero() {
				fix = fmt.Sprintf(" (chạy lại với --period %s)", p.Period)
			}
			if p.Together {
				fix = " (nếu không đúng, chuyển tệp không muốn dùng ra khỏi thư mục đọc rồi chạy lại)"
			}
			fmt.Fprintf(w, "  %s%s\n", p, fix)
		}
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintln(w, "\nGhi chú khi lập báo cáo:")
		for _, wn := range res.Warnings {
			fmt.Fprintf(w, "  %s\n", wn)
		}
	}
}

// joinShort names up to n items, then counts the rest.
func joinShort(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s và %d nơi khác", strings.Join(items[:n], ", "), len(items)-n)
}
