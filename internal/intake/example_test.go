package intake_test

import (
	"fmt"

	"baocao/internal/catalog"
	"baocao/internal/intake"
	"baocao/internal/period"
)

func ExampleRead() {
	c, err := catalog.Load("../../data")
	if err != nil {
		panic(err)
	}
	s := intake.Read("testdata/bad/tinh-trang-la.xlsx", c, intake.Options{Period: period.MustParse("2026-Q1")})
	fmt.Println(s.Unit, s.Period, len(s.Rows), "dòng khớp,", len(s.Unmatched), "dòng không khớp")
	fmt.Printf("%s %s %q %s\n", s.Rows[1].Task, s.Rows[1].Match, s.Rows[0].StatusText, s.Rows[1].Status)
	for _, p := range s.Problems {
		fmt.Println(p.Severity, p.Error())
	}
	// Output:
	// KT 2026-Q1 22 dòng khớp, 0 dòng không khớp
	// I.2 code "Tạm ổn" Hoàn thành
	// cảnh báo testdata/bad/tinh-trang-la.xlsx, trang tính «Báo cáo», ô F8: không hiểu tình trạng «Tạm ổn» của nhiệm vụ I.1 nên không xếp vào tình trạng nào; báo cáo ghi kèm nguyên văn lời của đơn vị. Chọn một trong: «Hoàn thành», «Đang thực hiện», «Chưa thực hiện», «Không phát sinh trong kỳ».
}
