package province_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/officetest"
	"baocao/internal/province"
	"baocao/internal/summary"
)

// The communes' upward proposals, grouped by the body asked, an ask made
// by several communes in the same words (case and stops aside) one ask
// naming them all; different words stay apart; a version 1 attachment
// is named as telling nothing of its proposals.
func TestProposals(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	d.Communes = append(d.Communes, province.Commune{Code: "23537", Name: "Ba Tơ", Kind: "xã"})
	xop, tp, ls := small[0], small[1], small[2]
	xop.Proposals = map[string]string{"IV.1.a": "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội; Đề nghị tăng mức cho vay"}
	tp.Proposals = map[string]string{"I.2": "đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn  cho vay nhà ở xã hội.",
		"I.1": "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung vốn cho vay nhà ở xã hội cho phường"}
	ls.Province = "Quảng Ngãi" // the province's bodies are named by it
	ls.Proposals = map[string]string{"I.1": "Đề nghị Ủy ban nhân dân tỉnh Quảng Ngãi bố trí thêm vốn ủy thác"}
	dir := t.TempDir()
	write(t, c, q1, xop, filepath.Join(dir, "xop.xlsx"), saved)
	write(t, c, q1, tp, filepath.Join(dir, "tp.xlsx"), saved)
	write(t, c, q1, ls, filepath.Join(dir, "ls.xlsx"), saved)
	// Đăk Pék sends a version 1 file (before the proposals)
	dp := small[0]
	dp.Name = "Đăk Pék"
	dp.Proposals = map[string]string{"I.1": "Đề nghị Chính phủ nâng mức cho vay"}
	write(t, c, q1, dp, filepath.Join(dir, "dp.xlsx"), saved)
	toVersion1(t, filepath.Join(dir, "dp.xlsx"))

	rec := province.Read(d, q1, dir)
	if len(rec.Problems) != 1 || !strings.Contains(rec.Problems[0].String(), "dp.xlsx: lưu ý: bảng tổng hợp của xã Đăk Pék lập bằng phiên bản trước của chương trình (dữ liệu phiên bản 1): đã đọc đủ số liệu và nhiệm vụ, nhưng tệp không mang đề xuất, kiến nghị của xã") {
		t.Errorf("problems: %v", rec.Problems)
	}
	r := province.Roll(d, q1, rec)
	var got []string
	for _, g := range r.Proposals {
		for _, a := range g.Asks {
			var names []string
			for _, c := range a.Communes {
				names = append(names, c.FullName())
			}
			got = append(got, g.To+" | "+a.Text+" | "+strings.Join(names, ", "))
		}
	}
	want := []string{
		"Ngân hàng Chính sách xã hội Việt Nam | bổ sung nguồn vốn cho vay nhà ở xã hội | xã Xốp, phường Trần Phú",
		"Ngân hàng Chính sách xã hội Việt Nam | bổ sung vốn cho vay nhà ở xã hội cho phường | phường Trần Phú",
		"Ủy ban nhân dân tỉnh Quảng Ngãi | bố trí thêm vốn ủy thác | đặc khu Lý Sơn",
		" | Đề nghị tăng mức cho vay | xã Xốp",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("proposals:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.NoProposals) != 1 || r.NoProposals[0].Name != "Đăk Pék" {
		t.Errorf("communes without proposals data: %v", r.NoProposals)
	}

	tmpl, _, err := province.LoadTemplate("")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := province.Report(r, tmpl, saved)
	if err != nil {
		t.Fatal(err)
	}
	text := docxText(t, b)
	for _, phrase := range []string{
		"IV. ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU",
		"Kiến nghị với Ngân hàng Chính sách xã hội Việt Nam: bổ sung nguồn vốn cho vay nhà ở xã hội (xã Xốp, phường Trần Phú); bổ sung vốn cho vay nhà ở xã hội cho phường (phường Trần Phú).",
		"Kiến nghị với Ủy ban nhân dân tỉnh Quảng Ngãi: bố trí thêm vốn ủy thác (đặc khu Lý Sơn).",
		"Các kiến nghị không nêu cơ quan nhận:", "- Đề nghị tăng mức cho vay (xã Xốp).",
		"Bảng tổng hợp của xã Đăk Pék không mang đề xuất, kiến nghị",
	} {
		if !strings.Contains(text, phrase) {
			t.Errorf("report lacks %q:\n%s", phrase, text)
		}
	}

	book, err := province.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range officetest.CheckWorkbook(book) {
		t.Errorf("workbook: %s", p)
	}
	path := filepath.Join(t.TempDir(), "b.xlsx")
	os.WriteFile(path, book, 0o644)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(province.SheetProposals)
	var sheet []string
	for _, row := range rows[4:] {
		sheet = append(sheet, strings.Join(row, " | "))
	}
	all := strings.Join(sheet, "\n")
	for _, line := range []string{
		"1 | Ngân hàng Chính sách xã hội Việt Nam | bổ sung nguồn vốn cho vay nhà ở xã hội | 2 | xã Xốp\n |  |  |  | phường Trần Phú\n2 | Ngân hàng",
		"4 | (không nêu cơ quan nhận) | Đề nghị tăng mức cho vay | 1 | xã Xốp",
		"xem báo cáo của xã: xã Đăk Pék",
	} {
		if !strings.Contains(all, line) {
			t.Errorf("sheet «%s» lacks %q:\n%s", province.SheetProposals, line, all)
		}
	}
}

// A commune's names in the report: «các xã A, B» for one kind.
func TestProposalsOfOneKind(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	for i, name := range []string{"Xốp", "Đăk Pék"} {
		cm := small[0]
		cm.Name = name
		cm.Proposals = map[string]string{"I.1": "Đề nghị Chính phủ nâng mức cho vay hộ cận nghèo"}
		write(t, c, q1, cm, filepath.Join(dir, name+".xlsx"), saved.Add(time.Duration(i)*time.Minute))
	}
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	tmpl, _, _ := province.LoadTemplate("")
	b, _, err := province.Report(r, tmpl, saved)
	if err != nil {
		t.Fatal(err)
	}
	if text := docxText(t, b); !strings.Contains(text, "Kiến nghị với Chính phủ: nâng mức cho vay hộ cận nghèo (các xã Xốp, Đăk Pék).") {
		t.Errorf("report:\n%s", text)
	}
}

// toVersion1 makes the attachment at path what version 1 wrote: the
// same data sheet without the proposals' rows.
func toVersion1(t *testing.T, path string) {
	t.Helper()
	edit(t, path, func(f *excelize.File) {
		rows, _ := f.GetRows(summary.SheetData)
		for i := len(rows) - 1; i >= 0; i-- {
			if len(rows[i]) > 0 && (rows[i][0] == "proposal" || rows[i][0] == "#proposal") {
				f.RemoveRow(summary.SheetData, i+1)
			}
		}
		f.SetCellInt(summary.SheetData, "C1", 1)
	})
}
