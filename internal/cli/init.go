package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
	"baocao/internal/cycle"
	"baocao/internal/province"
)

func newInitCmd(g *globalOptions) *cobra.Command {
	var forProvince bool
	cmd := &cobra.Command{
		Use:   "init [THƯ_MỤC]",
		Short: "Tạo bản sao sửa được của dữ liệu kế hoạch và các mẫu Word",
		Long: `Ghi vào THƯ_MỤC (mặc định: thư mục đang đứng) bản sao của dữ liệu kế hoạch và các mẫu Word có
sẵn trong chương trình, để văn phòng sửa cho xã, phường mình (hoặc dùng baocao plan import):
  THƯ_MỤC/data/plan.yaml, tasks.yaml, units.yaml, indicators.yaml  (sửa bằng Notepad, lưu UTF-8)
  THƯ_MỤC/templates/bao-cao.docx, don-doc.docx                    (sửa bằng Word)
Tệp đã có thì giữ nguyên, không bao giờ ghi đè. Chạy baocao trong THƯ_MỤC đó thì các bản đã sửa được dùng.

Với --tinh: ghi dữ liệu mẫu của tỉnh, để tổng hợp bảng tổng hợp của các xã (baocao tinh):
  THƯ_MỤC/data/tinh.yaml        (tỉnh, cơ quan báo cáo, người ký, nơi nhận)
  THƯ_MỤC/data/xa.csv           (danh sách xã, phường, đặc khu: mã;tên;loại; lưu từ Excel dạng CSV)
  THƯ_MỤC/data/indicators.yaml  (chỉ tiêu và mục tiêu, cùng mã với chỉ tiêu của xã)
  THƯ_MỤC/templates/bao-cao-tinh.docx, don-doc-tinh.docx  (mẫu báo cáo, công văn đôn đốc của tỉnh)

Trạng thái thoát: 0 thành công; 2 không ghi được vào THƯ_MỤC.`,
		Example: `  baocao init
  baocao init "D:\Báo cáo"
  baocao init --tinh "D:\Tổng hợp tỉnh"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if forProvince {
				return initProvinceRun(g, dir)
			}
			return initRun(g, dir)
		},
	}
	cmd.Flags().BoolVar(&forProvince, "tinh", false, "ghi dữ liệu mẫu của tỉnh (tinh.yaml, xa.csv, indicators.yaml) và mẫu báo cáo của tỉnh thay cho dữ liệu của xã")
	return cmd
}

func initProvinceRun(g *globalOptions, dir string) error {
	written, kept, err := province.Init(dir)
	if err != nil {
		return err // an *outfile.Error: exit 2
	}
	listFiles(g, written, kept)
	fmt.Fprintf(g.out, `
Việc cần sửa trước tiên, trong %s:
  - danh sách xã, phường, đặc khu của tỉnh (%s là danh sách mẫu, mã chỉ để minh họa):
    mở bằng Excel, sửa rồi lưu lại dạng CSV UTF-8;
  - cơ quan báo cáo, người ký và nơi nhận (%s).
Sau đó mở trang tổng hợp của tỉnh trên thư mục này: baocao serve --workspace "%s" (hoặc chép
baocao.exe vào thư mục đó rồi bấm đúp); hay chạy baocao tinh ngay trong thư mục đó.
`, filepath.Join(dir, province.DataDir), province.CommunesFile, province.FactsFile, dir)
	return nil
}

func listFiles(g *globalOptions, written, kept []string) {
	if len(written) > 0 {
		fmt.Fprintln(g.out, "Đã ghi bản sao sửa được:")
		for _, f := range written {
			fmt.Fprintf(g.out, "  %s\n", f)
		}
	}
	if len(kept) > 0 {
		fmt.Fprintln(g.out, "Đã có sẵn, giữ nguyên (không ghi đè):")
		for _, f := range kept {
			fmt.Fprintf(g.out, "  %s\n", f)
		}
	}
}

func initRun(g *globalOptions, dir string) error {
	res, err := cycle.Init(dir)
	if err != nil {
		return err // an *outfile.Error: exit 2
	}
	w := g.out
	listFiles(g, res.Written, res.Kept)
	fmt.Fprintf(w, `
Việc cần sửa trước tiên, trong %s:
  - số, ngày và tên kế hoạch của xã, phường;
  - người ký báo cáo (chức vụ, họ tên) và nơi nhận;
  - đơn vị thu nhận báo cáo và số ngày hạn gửi.
Sau đó chạy baocao ngay trong thư mục %s: các bản đã sửa sẽ được dùng thay cho bản có sẵn.
`, filepath.Join(dir, cycle.DataDir, catalog.PlanFile), dir)
	return nil
}
