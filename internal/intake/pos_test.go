package intake

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPosWording: each kind of position is worded as the user has always
// read it; a whole row or column is never called a cell.
func TestPosWording(t *testing.T) {
	tests := []struct {
		name             string
		pos              Pos
		ref, str, words  string
		place, errorText string
	}{
		{"cell", Pos{Row: 12, Col: 6}, "F12", "F12", "ô F12", "trang tính «Báo cáo», ô F12", "KT.xlsx, trang tính «Báo cáo», ô F12: sai"},
		{"first cell", Pos{Row: 1, Col: 1}, "A1", "A1", "ô A1", "trang tính «Báo cáo», ô A1", "KT.xlsx, trang tính «Báo cáo», ô A1: sai"},
		{"two letters", Pos{Row: 1048576, Col: 28}, "AB1048576", "AB1048576", "ô AB1048576", "trang tính «Báo cáo», ô AB1048576", "KT.xlsx, trang tính «Báo cáo», ô AB1048576: sai"},
		{"whole row", RowPos(12), "", "dòng 12", "dòng 12", "trang tính «Báo cáo», dòng 12", "KT.xlsx, trang tính «Báo cáo», dòng 12: sai"},
		{"whole column", ColPos(6), "", "cột F", "cột F", "trang tính «Báo cáo», cột F", "KT.xlsx, trang tính «Báo cáo», cột F: sai"},
		{"no position", Pos{}, "", "", "", "trang tính «Báo cáo»", "KT.xlsx, trang tính «Báo cáo»: sai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.pos.Ref(); got != tt.ref {
				t.Errorf("Ref() = %q, want %q", got, tt.ref)
			}
			if got := tt.pos.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := tt.pos.Words(); got != tt.words {
				t.Errorf("Words() = %q, want %q", got, tt.words)
			}
			p := Problem{File: "KT.xlsx", Sheet: "Báo cáo", Pos: tt.pos, Message: "sai"}
			if got := p.Place(); got != tt.place {
				t.Errorf("Place() = %q, want %q", got, tt.place)
			}
			if got := p.Error(); got != tt.errorText {
				t.Errorf("Error() = %q, want %q", got, tt.errorText)
			}
			if got := tt.pos.IsCell(); got != (tt.ref != "") {
				t.Errorf("IsCell() = %v", got)
			}
			if got := tt.pos.IsZero(); got != (tt.str == "") {
				t.Errorf("IsZero() = %v", got)
			}
		})
	}
	// A problem without a sheet is worded by its place alone, or not at all.
	for _, tt := range []struct {
		pos  Pos
		want string
	}{{RowPos(5), "KT.xlsx, dòng 5: sai"}, {Pos{}, "KT.xlsx: sai"}} {
		if got := (Problem{File: "KT.xlsx", Pos: tt.pos, Message: "sai"}).Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestPosColumnLetters: the column letters are Excel's, for every column a
// sheet can have.
func TestPosColumnLetters(t *testing.T) {
	for c := 1; c <= excelize.MaxColumns; c++ {
		want, err := excelize.ColumnNumberToName(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := ColPos(c).ColName(); got != want {
			t.Fatalf("column %d: %q, want %q", c, got, want)
		}
	}
	if got := RowPos(3).ColName(); got != "" {
		t.Errorf("a whole row has column %q", got)
	}
}
