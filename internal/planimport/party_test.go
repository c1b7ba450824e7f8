package planimport

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"baocao/internal/catalog"
	"baocao/internal/planimport/appendixtest"
)

// A coordinator that is no reporting unit («Trưởng các thôn») is written
// by name in support, gets no unit and no form, and the data load.
func TestPartyCoordinator(t *testing.T) {
	d := appendixtest.Second()
	changed := 0
	for ti := range d.Tables {
		for ri, r := range d.Tables[ti].Rows {
			if len(r.Cells) == 6 && len(r.Cells[5].Paras) > 0 && r.Cells[5].Paras[0].Text == "PGD NHCSXH thị xã Ba Đồn" {
				d.Tables[ti].Rows[ri].Cells[5] = appendixtest.Text("PGD NHCSXH thị xã Ba Đồn, Trưởng các thôn")
				changed++
			}
		}
	}
	if changed == 0 {
		t.Fatalf("%d rows changed", changed)
	}
	for _, isP := range []struct {
		name string
		want bool
	}{{"Trưởng các thôn", true}, {"Thôn trưởng", true}, {"các tổ dân phố", true}, {"Người dân", true}, {"Phòng Kinh tế", false}, {"Thông tin", false}, {"Ủy ban nhân dân phường", false}} {
		if got := isParty(isP.name); got != isP.want {
			t.Errorf("isParty(%q) = %v", isP.name, got)
		}
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "phu-luc.docx")
	os.WriteFile(src, appendixtest.Docx(d), 0o644)
	res, err := Import(src)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "du-lieu")
	if _, err := res.Write(out); err != nil {
		t.Fatal(err)
	}
	units, _ := os.ReadFile(filepath.Join(out, catalog.UnitsFile))
	if strings.Contains(string(units), "Trưởng các thôn") {
		t.Errorf("the party became a unit:\n%s", units)
	}
	if !strings.Contains(res.Review, "bên phối hợp «Trưởng các thôn» của nhiệm vụ II.1 không phải đơn vị gửi báo cáo") {
		t.Errorf("review:\n%s", res.Review)
	}
	c, err := catalog.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	task := c.Task("II.1")
	if task == nil || !slices.Equal(task.Parties, []string{"Trưởng các thôn"}) || !slices.Contains(task.SupportUnits, "NHCSXH") {
		t.Errorf("II.1: %+v", task)
	}
	for _, u := range c.ReportingUnits() {
		if strings.Contains(u.Name, "thôn") {
			t.Errorf("a form for %s", u.Name)
		}
	}
}
