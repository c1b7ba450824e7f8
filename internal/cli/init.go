package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
)

func newInitCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "init [THƯ_MỤC]",
		Short: "Tạo bản sao sửa được của dữ liệu kế hoạch và các mẫu Word",
		Long: `Ghi vào THƯ_MỤC (mặc định: thư mục đang đứng) bản sao của dữ liệu kế hoạch và các mẫu Word có
sẵn trong chương trình, để văn phòng sửa cho xã, phường mình (hoặc dùng baocao plan import):
  THƯ_MỤC/data/plan.yaml, tasks.yaml, units.yaml, indicators.yaml  (sửa bằng Notepad, lưu UTF-8)
  THƯ_MỤC/templates/bao-cao.docx, don-doc.docx                    (sửa bằng Word)
Tệp đã có thì giữ nguyên, không bao giờ ghi đè. Chạy baocao trong THƯ_MỤC đó thì các bản đã sửa được dùng.

Trạng thái thoát: 0 thành công; 2 không ghi được vào THƯ_MỤC.`,
		Example: `  baocao init
  baocao init "D:\Báo cáo"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return initRun(g, dir)
		},
	}
}

func initRun(g *globalOptions, dir string) error {
	res, err := cycle.Init(dir)
	if err != nil {
		return err // an *outfile.Error: exit 2
	}
	w := g.out
	if len(res.Written) > 0 {
		fmt.Fprintln(w, "Đã ghi bản sao sửa được:")
		for _, f := range res.Written {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	if len(res.Kept) > 0 {
		fmt.Fprintln(w, "Đã có sẵn, giữ nguyên (không ghi đè):")
		for _, f := range res.Kept {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	fmt.Fprintf(w, `
Việc cần sửa trước tiên, trong %s:
  - số, ngày và tên kế hoạch của xã, phường;
  - người ký báo cáo (chức vụ, họ tên) và nơi nhận;
  - đơn vị thu nhận báo cáo và số ngày hạn gửi.
Sau đó chạy baocao ngay trong thư mục %s: các bản đã sửa sẽ được dùng thay cho bản có sẵn.
`, filepath.Join(dir, cycle.DataDir, catalog.PlanFile), dir)
	return nil
}
