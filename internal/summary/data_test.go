package summary

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/intake"
	"baocao/internal/officetest"
	"baocao/internal/period"
)

// roundTrip writes r's attachment and reads its machine-readable part back.
func roundTrip(t *testing.T, r *consolidate.Report) (string, *Data) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tong-hop-"+r.Period.String()+".xlsx")
	if _, err := Write(r, Options{}, path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDataFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, got
}

// equalData compares two Data, naming the first field that differs.
func equalData(t *testing.T, got, want *Data) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("%s:\n got %s\nwant %s", gv.Type().Field(i).Name, dump(gv.Field(i).Interface()), dump(wv.Field(i).Interface()))
		}
	}
}

// dump shows a value with what its pointers point to.
func dump(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The attachment's machine-readable part reads back as it was written:
// commune, plan, period, tasks, indicators (figures, notes, dates),
// targets and the account of units; through a LibreOffice re-save too.
func TestDataRoundTrip(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	zero, ten := 0.0, 10.0
	subs[1].Indicators = append(subs[1].Indicators, intake.IndicatorValue{Code: "NO-QUA-HAN", Previous: &zero, Current: &ten})
	// upward proposals, one asked twice by two units, one to no body
	subs[0].Rows[1].Proposals = "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội; Đề nghị tăng mức cho vay"
	subs[1].Rows = append(subs[1].Rows, intake.Row{Sheet: forms.ReportSheet, Row: 9, Task: "IV.1.a", Match: "code", Status: forms.StatusDone,
		Results: "Giải ngân", Proposals: "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội."})
	for _, tt := range []struct {
		name string
		r    *consolidate.Report
	}{
		{"quarter", consolidate.Build(c, p, subs)},
		// a year from quarter I alone: figures missing, with their notes
		{"year", consolidate.Build(c, period.MustParse("2026"), subs)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := DataOf(tt.r)
			path, got := roundTrip(t, tt.r)
			equalData(t, got, want)
			sameFast(t, path, want)
			if got.Version != DataVersion || got.Period != tt.r.Period.String() || len(got.Tasks) != 23 || len(got.Units) != 10 || len(got.Indicators) != 8 {
				t.Errorf("read back: version %d, period %s, %d tasks, %d units, %d indicators", got.Version, got.Period, len(got.Tasks), len(got.Units), len(got.Indicators))
			}
			if tt.name != "quarter" {
				return
			}
			// the proposals as part IV says them, with who asked
			wantProps := []ProposalData{
				{To: "Ngân hàng Chính sách xã hội Việt Nam", Ask: "bổ sung nguồn vốn cho vay nhà ở xã hội", Units: []string{"KT", "NHCSXH"}, Tasks: []string{"I.2", "IV.1.a"}},
				{Ask: "Đề nghị tăng mức cho vay", Units: []string{"KT"}, Tasks: []string{"I.2"}},
				{Ask: "Đề nghị 84 912 345 678", Units: []string{"KT"}, Tasks: []string{"IV.1.a"}}, // the fixture's cell that looks like a formula
			}
			if !got.HasProposals() || !reflect.DeepEqual(got.Proposals, wantProps) {
				t.Errorf("proposals: %s", dump(got.Proposals))
			}
			// what a province needs, spelled out
			ind := got.Indicators[1]
			if ind.Code != "VON-NSDP" || ind.Current == nil || *ind.Current != 6500 || ind.Previous == nil || *ind.Previous != 5000 ||
				!ind.CurrentTo.Equal(time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)) || !ind.PreviousTo.Equal(time.Date(2025, 12, 14, 0, 0, 0, 0, time.UTC)) ||
				!ind.CurrentFrom.IsZero() || ind.Source != "NHCSXH" || ind.Kind != "stock" {
				t.Errorf("VON-NSDP: %+v", ind)
			}
			var task TaskData
			for _, x := range got.Tasks {
				if x.Code == "IV.1.a" {
					task = x
				}
			}
			if task.Section != "IV" || task.Status != "done" || !reflect.DeepEqual(task.Lead, []string{"KT", "VHXH"}) {
				t.Errorf("IV.1.a: %+v", task)
			}
			states := map[string]string{}
			for _, u := range got.Units {
				states[u.Code] = u.State
			}
			if states["KT"] != "incomplete" || states["HND"] != "missing" {
				t.Errorf("units: %v", states)
			}
			// LibreOffice keeps the hidden sheet and its values
			resaved := officetest.Convert(t, path, "xlsx:Calc MS Excel 2007 XML")
			again, err := ReadDataFile(resaved)
			if err != nil {
				t.Fatal(err)
			}
			equalData(t, again, want)
			sameFast(t, resaved, want)
		})
	}
}

// sameFast checks that ReadDataBytes reads the file at path as ReadData
// does (its own token loop, not excelize).
func sameFast(t *testing.T, path string, want *Data) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := readDataPackage(b, nil); err != nil {
		t.Errorf("%s: the package was not followed: %v", filepath.Base(path), err)
	}
	got, sheets, err := ReadDataSheets(b, SheetFigures, "không có")
	if err != nil {
		t.Fatal(err)
	}
	equalData(t, got, want)
	// the other sheet's values, cell by cell, as excelize reads them
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetFigures, excelize.Options{RawCellValue: true})
	cells := func(rows [][]string) map[string]string {
		out := map[string]string{}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					name, _ := excelize.CoordinatesToCellName(c+1, r+1)
					out[name] = v
				}
			}
		}
		return out
	}
	if _, ok := sheets["không có"]; ok || !reflect.DeepEqual(cells(sheets[SheetFigures]), cells(rows)) || len(rows) < 5 {
		t.Errorf("«%s» read fast:\n%v\nexcelize:\n%v", SheetFigures, sheets[SheetFigures], rows)
	}
}

// A workbook that is not an attachment, or of a later version, is refused
// with a sentence that says why.
func TestReadDataRefuses(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if _, err := ReadData(f); !errors.Is(err, ErrNoData) {
		t.Errorf("a plain workbook: %v", err)
	}
	if b, _ := f.WriteToBuffer(); b != nil {
		if _, err := ReadDataBytes(b.Bytes()); !errors.Is(err, ErrNoData) {
			t.Errorf("a plain workbook, read fast: %v", err)
		}
	}
	f.NewSheet(SheetData)
	f.SetSheetRow(SheetData, "A1", &[]any{"schema", DataSchema, DataVersion + 1})
	if _, err := ReadData(f); err == nil || err.Error() != fmt.Sprintf("dữ liệu của tệp theo phiên bản %d, chương trình này chỉ đọc được đến phiên bản %d: cập nhật chương trình", DataVersion+1, DataVersion) {
		t.Errorf("a later version: %v", err)
	}
	// a later version of the same schema may add columns: they are skipped
	g := excelize.NewFile()
	defer g.Close()
	g.NewSheet(SheetData)
	g.SetSheetRow(SheetData, "A1", &[]any{"schema", DataSchema, 1})
	g.SetSheetRow(SheetData, "A2", &[]any{"#task", "extra", "code", "status"})
	g.SetSheetRow(SheetData, "A3", &[]any{"task", "x", "I.1", "done"})
	d, err := ReadData(g)
	if err != nil || len(d.Tasks) != 1 || d.Tasks[0].Code != "I.1" || d.Tasks[0].Status != "done" {
		t.Errorf("columns by name: %+v %v", d, err)
	}
	b, _ := g.WriteToBuffer()
	if fast, err := ReadDataBytes(b.Bytes()); err != nil || !reflect.DeepEqual(fast, d) {
		t.Errorf("read fast: %+v %v", fast, err)
	}
	if _, err := ReadDataBytes([]byte("not a zip")); err == nil {
		t.Error("not a zip: no error")
	}
}

// A version 1 attachment (before the proposals) is read whole: every
// field it has comes back, and HasProposals says it tells nothing of
// them.
func TestReadDataVersion1(t *testing.T) {
	c, p, subs := fixture(t, "Bố trí 300 triệu đồng")
	subs[0].Rows[1].Proposals = "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn"
	r := consolidate.Build(c, p, subs)
	want := DataOf(r)
	if len(want.Proposals) == 0 {
		t.Fatalf("fixture: %d proposals", len(want.Proposals))
	}
	path := filepath.Join(t.TempDir(), "v1.xlsx")
	if _, err := Write(r, Options{}, path); err != nil {
		t.Fatal(err)
	}
	// what version 1 wrote: the same rows, without the proposals'
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetData)
	for i := len(rows) - 1; i >= 0; i-- {
		if len(rows[i]) > 0 && (rows[i][0] == "proposal" || rows[i][0] == "#proposal") {
			f.RemoveRow(SheetData, i+1)
		}
	}
	f.SetCellInt(SheetData, "C1", 1)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	got, err := ReadDataFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want.Version, want.Proposals = 1, nil
	equalData(t, got, want)
	sameFast(t, path, want)
	if got.HasProposals() {
		t.Error("a version 1 file says it carries the proposals")
	}
}
