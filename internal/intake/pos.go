package intake

import "strconv"

// Pos is a position within a sheet: one cell, a whole row or a whole
// column. Row and Col are 1-based, as Excel shows them; Col 0 means the
// whole row, Row 0 the whole column, and the zero Pos no position at all.
// Places are kept as numbers and worded only when shown, so that nothing
// has to read a place back out of its words.
type Pos struct {
	Row, Col int
}

// RowPos is the whole of sheet row row (1-based).
func RowPos(row int) Pos { return Pos{Row: row} }

// ColPos is the whole of column col (1-based).
func ColPos(col int) Pos { return Pos{Col: col} }

// IsZero tells a problem that has no place within its sheet.
func (p Pos) IsZero() bool { return p.Row <= 0 && p.Col <= 0 }

// IsCell tells a single cell from a whole row or column.
func (p Pos) IsCell() bool { return p.Row > 0 && p.Col > 0 }

// ColName is the column's letters ("F"), "" for a whole row.
func (p Pos) ColName() string {
	var b []byte
	for c := p.Col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b)
}

// Ref is the cell's A1 reference ("F12"), "" when p is no single cell.
func (p Pos) Ref() string {
	if !p.IsCell() {
		return ""
	}
	return p.ColName() + strconv.Itoa(p.Row)
}

// String is the place in short, as the "cell" of check --json: "F12",
// "dòng 12", "cột F", or "" for no place.
func (p Pos) String() string {
	switch {
	case p.IsCell():
		return p.Ref()
	case p.Row > 0:
		return "dòng " + strconv.Itoa(p.Row)
	case p.Col > 0:
		return "cột " + p.ColName()
	}
	return ""
}

// Words is the place as a sentence names it: "ô F12", "dòng 12", "cột F",
// or "" for no place.
func (p Pos) Words() string {
	if p.IsCell() {
		return "ô " + p.Ref()
	}
	return p.String()
}
