package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"baocao/internal/catalog"
	"baocao/internal/forms"
	"baocao/internal/period"
)

type formsOptions struct {
	*globalOptions
	period string
	units  []string
	outDir string
}

func newFormsCmd(g *globalOptions) *cobra.Command {
	o := &formsOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "forms --period KỲ [--unit MÃ]... [--out THƯ_MỤC]",
		Short: "Tạo biểu mẫu Excel cho từng đơn vị điền báo cáo của kỳ",
		Long: `Tạo cho mỗi đơn vị một tệp Excel (.xlsx) để điền báo cáo của kỳ: trang «Báo cáo» liệt kê
các nhiệm vụ đơn vị chủ trì hoặc phối hợp (đã khóa), các cột đơn vị điền (tình trạng, kết quả,
văn bản đã ban hành, khó khăn, đề xuất, ghi chú); trang «Chỉ tiêu» cho đơn vị báo cáo số liệu tín
dụng; trang «Hướng dẫn». Tệp được ghi vào THƯ_MỤC/KỲ/mau-bieu/<MÃ>-<KỲ>.xlsx.

Không có --unit thì tạo cho mọi đơn vị chủ trì hoặc phối hợp ít nhất một nhiệm vụ.
Kỳ viết là ` + period.Accepted + `.

Trạng thái thoát: 0 thành công; 2 tham số sai, tệp dữ liệu có lỗi hoặc không ghi được thư mục kết quả.`,
		Example: `  baocao forms --period 2026-Q1
  baocao forms --period 2026-H1 --unit ` + exUnit + ` --unit ` + exUnit2 + `
  baocao forms --period 2026 --out D:\baocao`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return formsRun(o) },
	}
	cmd.Flags().StringVar(&o.period, "period", "", "`KỲ` báo cáo, ví dụ 2026-Q1, 2026-H1, 2026-9M, 2026 (bắt buộc)")
	cmd.Flags().StringArrayVar(&o.units, "unit", nil, "chỉ tạo biểu mẫu cho đơn vị có `MÃ` này (nhắc lại được: --unit "+exUnit+" --unit "+exUnit2+")")
	cmd.Flags().StringVar(&o.outDir, "out", "out", "`THƯ_MỤC` ghi kết quả")
	return cmd
}

func formsRun(o *formsOptions) error {
	if strings.TrimSpace(o.period) == "" {
		return usageErr("thiếu tùy chọn --period (kỳ báo cáo). Các dạng được chấp nhận: %s", period.Accepted)
	}
	p, err := period.Parse(o.period)
	if err != nil {
		return usageErr("%s", err.Error())
	}
	c, err := loadCatalog(o.globalOptions)
	if err != nil {
		return err
	}
	units, err := formUnits(c, o.units)
	if err != nil {
		return err
	}
	dir := filepath.Dir(forms.Path(o.outDir, p, "X"))
	fmt.Fprintf(o.out, "Biểu mẫu %s (số liệu từ %s đến %s, hạn gửi %s), thư mục %s:\n",
		p.Name(), period.ShortDate(p.From()), period.ShortDate(p.To()), period.ShortDate(forms.Deadline(c, p)), dir)
	for _, u := range units {
		path := forms.Path(o.outDir, p, u.Code)
		if err := forms.Write(c, u.Code, p, path); err != nil {
			return err
		}
		lead, support := 0, 0
		for _, a := range c.Assignments(u.Code) {
			if a.Role == catalog.RoleLead {
				lead++
			} else {
				support++
			}
		}
		extra := ""
		if n := len(c.IndicatorsOf(u.Code)); n > 0 {
			extra = fmt.Sprintf(", %d chỉ tiêu", n)
		}
		fmt.Fprintf(o.out, "  %-8s %s: chủ trì %d, phối hợp %d%s → %s\n", u.Code, u.Name, lead, support, extra, filepath.Base(path))
		if lead+support == 0 && extra == "" {
			fmt.Fprintf(o.errOut, "Cảnh báo: %s không chủ trì, không phối hợp nhiệm vụ nào; biểu mẫu không có dòng nhiệm vụ.\n", u.Name)
		}
	}
	fmt.Fprintf(o.out, "Đã tạo %d biểu mẫu.\n", len(units))
	return nil
}

// formUnits resolves the --unit values (codes, or names the catalog knows),
// or gives every reporting unit when there are none.
func formUnits(c *catalog.Catalog, args []string) ([]*catalog.Unit, error) {
	if len(args) == 0 {
		return c.ReportingUnits(), nil
	}
	var out []*catalog.Unit
	for _, arg := range args {
		u, err := resolveUnit(c, arg)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out, nil
}
