package summary

import (
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/period"
)

// ReadDataBytes never panics on a damaged attachment, and what it reads
// has its schema.
func FuzzReadDataBytes(f *testing.F) {
	c, err := catalog.Load("../../data")
	if err != nil {
		f.Fatal(err)
	}
	b, _, err := Bytes(consolidate.Build(c, period.MustParse("2026-Q1"), nil), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadDataBytes(b)
		if err == nil && (d == nil || d.Schema != DataSchema) {
			t.Fatalf("read without its schema: %+v", d)
		}
	})
}

// ReadPrinted never panics on printed sheets changed by hand, one cell
// at a time, and what it reads has a commune, a period and its tasks.
func FuzzReadPrinted(f *testing.F) {
	c, err := catalog.Load("../../data")
	if err != nil {
		f.Fatal(err)
	}
	p := period.MustParse("2026-Q1")
	b, _, err := Bytes(consolidate.Build(c, p, nil), Options{})
	if err != nil {
		f.Fatal(err)
	}
	_, sheets, err := ReadDataSheets(b, SheetTasks, SheetFigures)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(false, 4, 3, "7000")
	f.Add(true, 1, 0, "(Kèm theo Báo cáo số của Ủy ban nhân dân )")
	f.Add(true, 8, 5, "")
	f.Fuzz(func(t *testing.T, tasks bool, row, col int, value string) {
		name := SheetFigures
		if tasks {
			name = SheetTasks
		}
		edited := map[string][][]string{}
		for k, rows := range sheets {
			edited[k] = make([][]string, len(rows))
			for i, r := range rows {
				edited[k][i] = append([]string(nil), r...)
			}
		}
		rows := edited[name]
		if row >= 0 && row < 200 && col >= 0 && col < 20 {
			for len(rows) <= row {
				rows = append(rows, nil)
			}
			for len(rows[row]) <= col {
				rows[row] = append(rows[row], "")
			}
			rows[row][col] = value
			edited[name] = rows
		}
		d, err := ReadPrinted(edited, p.Previous(), p)
		if err == nil && (d.CommuneName == "" || d.Period == "" || len(d.Tasks) == 0) {
			t.Fatalf("read without commune, period or tasks: %+v", d)
		}
	})
}
