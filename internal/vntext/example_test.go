package vntext_test

import (
	"fmt"

	"baocao/internal/vntext"
)

func Example() {
	// A cell typed with a .VnTime font, read from a workbook.
	text, enc := vntext.Repair("Phßng  Kinh tÕ ")
	fmt.Println(text, "-", enc)

	fmt.Println(vntext.Fold("PHÒNG KINH TẾ") == vntext.Fold("Phong kinh te"))

	v, ok := vntext.ParseNumber("1.234,5 triệu đồng")
	fmt.Println(v, ok, vntext.FormatNumber(v, 2), vntext.FormatAuto(v))
	// Output:
	// Phòng Kinh tế - TCVN3 (ABC)
	// true
	// 1234.5 true 1.234,50 1.234,5
}
