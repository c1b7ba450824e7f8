package province

import (
	"strings"
	"testing"

	"baocao/internal/catalog"
)

// The province's previous total sums the communes that have it: when the
// two dates do not sum the same communes the change is not given, and the
// note and the table's note say which commune lacks the previous figure,
// also beside a commune that sent without any figure.
func TestPreviousGapSaid(t *testing.T) {
	v := func(x float64) *float64 { return &x }
	a := Commune{Code: "1", Name: "A", Kind: "xã"} // new: this period only
	b := Commune{Code: "2", Name: "B", Kind: "xã"} // sent without figures
	c := Commune{Code: "3", Name: "C", Kind: "xã"} // both dates
	row := func(cm Commune, f Figure) *Row {
		return &Row{Commune: cm, Attachment: &Attachment{Commune: cm}, Figures: []Figure{f}}
	}
	for _, tc := range []struct {
		name     string
		rows     []*Row
		without  []Commune
		wantNote []string // in the figure's note
		wantRow  []string // in the table's note
		noRow    []string
	}{
		{"new commune and one without figures",
			[]*Row{row(a, Figure{Current: v(50)}), row(b, Figure{}), row(c, Figure{Previous: v(100), Current: v(120)})},
			[]Commune{b},
			[]string{"tổng của 2/3 xã có số liệu; chưa có số liệu của xã B", "chưa có số liệu kỳ trước của xã A nên không tính tăng, giảm"},
			[]string{"chưa có số liệu kỳ trước của xã A nên không tính tăng, giảm"}, []string{"xã B"}},
		{"new commune only",
			[]*Row{row(a, Figure{Current: v(50)}), row(c, Figure{Previous: v(100), Current: v(120)})},
			nil,
			[]string{"kỳ trước: tổng của 1/2 xã có số liệu; chưa có số liệu kỳ trước của xã A nên không tính tăng, giảm"},
			[]string{"chưa có số liệu kỳ trước của xã A"}, nil},
		{"the same communes at both dates",
			[]*Row{row(b, Figure{}), row(c, Figure{Previous: v(100), Current: v(120)})},
			[]Commune{b},
			[]string{"chưa có số liệu của xã B"}, nil, []string{"kỳ trước", "xã B"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Rollup{Data: &Data{Province: "Thử", Indicators: []*catalog.Indicator{{Code: "X"}}}, Communes: tc.rows, WithoutFigures: tc.without}
			f := r.total().Figures[0]
			for _, w := range tc.wantNote {
				if !strings.Contains(f.Note, w) {
					t.Errorf("note %q lacks %q", f.Note, w)
				}
			}
			if (len(f.PreviousLacking) > 0) != (f.Change == nil) {
				t.Errorf("change %v with communes lacking the previous figure %v", f.Change, f.PreviousLacking)
			}
			note := r.rowNote(f)
			for _, w := range tc.wantRow {
				if !strings.Contains(note, w) {
					t.Errorf("table's note %q lacks %q", note, w)
				}
			}
			for _, w := range tc.noRow {
				if strings.Contains(note, w) {
					t.Errorf("table's note %q says %q", note, w)
				}
			}
		})
	}
}
