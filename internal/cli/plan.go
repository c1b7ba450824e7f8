package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
	"baocao/internal/planimport"
)

func newPlanCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Dữ liệu kế hoạch của xã, phường: nhập phụ lục nhiệm vụ từ Word hoặc Excel",
		Long: `Các lệnh về dữ liệu kế hoạch (plan.yaml, tasks.yaml, units.yaml, indicators.yaml).

  baocao plan import TỆP --out THƯ_MỤC   đọc phụ lục nhiệm vụ (.docx, .xlsx) thành các tệp dữ liệu.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	cmd.AddCommand(newPlanImportCmd(g))
	return cmd
}

type planImportOptions struct {
	*globalOptions
	outDir string
}

func newPlanImportCmd(g *globalOptions) *cobra.Command {
	o := &planImportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "import TỆP --out THƯ_MỤC",
		Short: "Đọc phụ lục nhiệm vụ của kế hoạch (bảng trong tệp Word hoặc Excel) thành các tệp dữ liệu",
		Long: `Đọc bảng phụ lục nhiệm vụ của kế hoạch, như văn phòng đang có: tệp Word (.docx) hoặc cùng
bảng đó trong tệp Excel (.xlsx), với các cột STT, Nội dung nhiệm vụ, Đơn vị chủ trì, Đơn vị phối
hợp, Sản phẩm, Thời gian thực hiện (theo thứ tự nào cũng được). Ghi vào THƯ_MỤC:
  plan.yaml, tasks.yaml, units.yaml, indicators.yaml
      dữ liệu kế hoạch, dùng được với --data THƯ_MỤC;
  ` + planimport.ReviewFile + `
      danh sách cần kiểm tra: mọi chỗ chương trình phải đoán hoặc phụ lục để trống,
      kèm hàng của bảng mà nó lấy ra.
Danh sách cần kiểm tra cũng được in ra màn hình. Đọc nó, sửa các tệp .yaml nếu cần, rồi chạy
baocao --data THƯ_MỤC catalog để kiểm tra.
Không bao giờ ghi đè: THƯ_MỤC đã có một trong các tệp trên thì không ghi gì cả.

Trạng thái thoát: 0 đã ghi; 1 không đọc được bảng phụ lục nào trong tệp;
2 tham số sai (thiếu tệp, thiếu --out, tệp không phải .docx hay .xlsx, THƯ_MỤC đã có dữ liệu
hoặc không ghi được).`,
		Example: `  baocao plan import phu-luc.docx --out du-lieu
  baocao plan import "D:\Kế hoạch\Phụ lục nhiệm vụ.xlsx" --out "D:\Báo cáo\du-lieu"
  baocao --data du-lieu catalog`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("cần đúng một tệp phụ lục (.docx hoặc .xlsx), ví dụ: baocao plan import phu-luc.docx --out du-lieu")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return planImportRun(o, args[0]) },
	}
	cmd.Flags().StringVar(&o.outDir, "out", "", "`THƯ_MỤC` mới để ghi các tệp dữ liệu (bắt buộc)")
	return cmd
}

func planImportRun(o *planImportOptions, path string) error {
	if o.outDir == "" {
		return usageErr("thiếu --out: thư mục mới để ghi các tệp dữ liệu, ví dụ: baocao plan import %s --out du-lieu", path)
	}
	res, err := planimport.Import(path)
	if err != nil {
		return err // a *planimport.Error: exit 1 or 2 (exitCode)
	}
	paths, err := res.Write(o.outDir)
	if err != nil {
		return err // a *planimport.ExistsError or an *outfile.Error: exit 2
	}
	w := o.out
	fmt.Fprintf(w, "Đã đọc phụ lục %s: %d phần, %d nhiệm vụ, %d tiêu đề nhóm; %d đơn vị, %d nhóm đơn vị.\n",
		filepath.Base(path), res.Sections, res.Tasks, res.Headings, res.Units, res.Groups)
	fmt.Fprintln(w, "Đã ghi:")
	for _, p := range paths {
		fmt.Fprintf(w, "  %s\n", p)
	}
	fmt.Fprintf(w, "\n%s\n", res.Review)
	if res.Problems > 0 {
		fmt.Fprintf(w, "Dữ liệu còn %d lỗi (mục «Lỗi còn lại» ở đầu danh sách): phải sửa trong các tệp .yaml trước khi dùng.\n", res.Problems)
	}
	fmt.Fprintf(w, `Việc tiếp theo:
  1. Đọc %s (như trên), đối chiếu với phụ lục và sửa các tệp .yaml nếu cần;
     nhất là thành viên của các nhóm đơn vị trong %s, người ký và nơi nhận trong %s.
  2. Kiểm tra dữ liệu: baocao --data %s catalog
  3. Tạo biểu mẫu cho các đơn vị: baocao --data %s forms --period KỲ
`, filepath.Join(o.outDir, planimport.ReviewFile), catalog.UnitsFile, catalog.PlanFile, quoteArg(o.outDir), quoteArg(o.outDir))
	return nil
}

// quoteArg quotes a path with spaces for a command to copy.
func quoteArg(s string) string {
	for _, r := range s {
		if r == ' ' {
			return `"` + s + `"`
		}
	}
	return s
}
