package summary

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"baocao/internal/consolidate"
	"baocao/internal/period"
)

// The printed sheets read back as the data sheet says, but for what they
// do not print (codes of indicators, leads, province, targets, units,
// proposals).
func TestReadPrinted(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	for _, per := range []period.Period{p, period.MustParse("2026")} {
		r := consolidate.Build(c, per, subs)
		b, _, err := Bytes(r, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, sheets, err := ReadDataSheets(b, SheetTasks, SheetFigures)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadPrinted(sheets, per.Previous(), per)
		if err != nil {
			t.Fatalf("%s: %v", per, err)
		}
		want := DataOf(r)
		if got.Period != want.Period || got.CommuneName != want.CommuneName || got.Commune != want.Commune || !got.From.Equal(want.From) || !got.To.Equal(want.To) || got.HasProposals() {
			t.Errorf("%s: %+v", per, got)
		}
		if len(got.Tasks) != len(want.Tasks) {
			t.Fatalf("%s: %d tasks, want %d", per, len(got.Tasks), len(want.Tasks))
		}
		for i, w := range want.Tasks {
			w.Lead = nil
			if !reflect.DeepEqual(got.Tasks[i], w) {
				t.Errorf("%s: task %+v, want %+v", per, got.Tasks[i], w)
			}
		}
		for i, w := range want.Indicators {
			w.Code, w.Source = "", ""
			if i >= len(got.Indicators) || !reflect.DeepEqual(got.Indicators[i], w) {
				t.Errorf("%s: indicator\n got %s\nwant %s", per, dump(got.Indicators[i]), dump(w))
			}
		}
	}
}

// A printed sheet changed by hand is refused, located.
func TestReadPrintedRefuses(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	b, _, err := Bytes(consolidate.Build(c, p, subs), Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.xlsx")
	os.WriteFile(path, b, 0o644)
	for _, tt := range []struct {
		name  string
		sheet string
		row   int
		col   int
		value string
		want  PrintedError
	}{
		{"a figure", SheetFigures, 4, 3, "7000", PrintedError{SheetFigures, "E5", "Nguồn vốn ngân sách địa phương ủy thác: kỳ trước 5.000, kỳ này 7.000 nhưng tăng, giảm ghi 1.500 (một số đã bị sửa tay)"}},
		{"a figure as text", SheetFigures, 4, 2, "5.000,5", PrintedError{SheetFigures, "C5", "Nguồn vốn ngân sách địa phương ủy thác (kỳ trước) ghi «5.000,5», không phải một số"}},
		{"another period's title", SheetTasks, 0, 0, "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2026", PrintedError{SheetTasks, "A1", "tiêu đề ghi «PHỤ LỤC: TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2026», không phải tiêu đề do chương trình lập cho kỳ đang tổng hợp"}},
		{"a heading", SheetFigures, 2, 3, "Quý này", PrintedError{SheetFigures, "D3", "tiêu đề cột ghi «Quý này», không phải «Kỳ này»"}},
		{"a date", SheetFigures, 4, 6, "Số dư đến 31/3/2026", PrintedError{SheetFigures, "G5", "thời điểm số liệu ghi «Số dư đến 31/3/2026», không phải «Số dư đến 14/3/2026; kỳ trước đến 14/12/2025» của quý I năm 2026"}},
		{"a status cleared", SheetTasks, 4, 5, "", PrintedError{SheetTasks, "F5", "nhiệm vụ I.1 không ghi tình trạng"}},
		{"the commune", SheetFigures, 1, 0, "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 3 năm 2026 của Ủy ban nhân dân xã Khác)", PrintedError{SheetFigures, "A2", "ghi «xã Khác», trang «Phụ lục» ghi «xã Xốp»"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, sheets, _ := ReadDataSheets(b, SheetTasks, SheetFigures)
			rows := sheets[tt.sheet]
			for len(rows[tt.row]) <= tt.col {
				rows[tt.row] = append(rows[tt.row], "")
			}
			rows[tt.row][tt.col] = tt.value
			_, err := ReadPrinted(sheets, p.Previous(), p)
			var pe *PrintedError
			if !errors.As(err, &pe) || *pe != tt.want {
				t.Errorf("got %v\nwant %v", err, &tt.want)
			}
		})
	}
}
