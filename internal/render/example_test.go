package render_test

import (
	"fmt"
	"time"

	"baocao/internal/render"
)

func ExampleLongDate() {
	fmt.Println(render.LongDate(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)))
	fmt.Println(render.LongDate(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)))
	// Output:
	// ngày 05 tháng 01 năm 2026
	// ngày 14 tháng 3 năm 2026
}
