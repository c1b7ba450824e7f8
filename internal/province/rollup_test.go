package province_test

import (
	"archive/zip"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"baocao/internal/catalog"
	"baocao/internal/consolidate"
	"baocao/internal/forms"
	"baocao/internal/officetest"
	"baocao/internal/period"
	"baocao/internal/province"
	"baocao/internal/province/gen"
	"baocao/internal/summary"
)

var q1 = period.MustParse("2026-Q1")

func commune(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// smallProvince is Quảng Ngãi with four communes: three send (Xốp, Trần
// Phú, Lý Sơn), one (Đăk Pék) does not.
func smallProvince(c *catalog.Catalog) *province.Data {
	return &province.Data{Province: "Quảng Ngãi", Issuer: "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", Place: "Quảng Ngãi", ReportSuffix: "BC-UBND",
		Indicators: c.Indicators, Targets: c.Targets,
		Communes: []province.Commune{
			{Code: "23530", Name: "Xốp", Kind: "xã"},
			{Code: "21199", Name: "Trần Phú", Kind: "phường"},
			{Code: "21292", Name: "Lý Sơn", Kind: "đặc khu"},
			{Code: "23536", Name: "Đăk Pék", Kind: "xã"},
		}}
}

// The three communes' figures (previous, current), hand-made so that
// the sums below can be checked by hand.
var small = []gen.Commune{
	{Name: "Xốp", Kind: "xã", Province: "Quảng Ngãi",
		Figures: map[string][2]float64{"TONG-NGUON-VON": {100000, 110000}, "VON-NSDP": {5000, 6500}, "TONG-DU-NO": {90000, 100000},
			"NO-QUA-HAN": {100, 200}, "DS-CHO-VAY": {2000, 3000}},
		Status:    map[string]forms.Status{"IV.1.a": forms.StatusDone, "I.2": forms.StatusInProgress},
		Proposals: map[string]string{"IV.1.a": "Đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội"}},
	{Name: "Trần Phú", Kind: "phường", Province: "Quảng Ngãi",
		Figures: map[string][2]float64{"TONG-NGUON-VON": {50000, 60000}, "VON-NSDP": {10000, 12000}, "TONG-DU-NO": {40000, 50000},
			"NO-QUA-HAN": {0, 50}, "DS-CHO-VAY": {1000, 1500}},
		Status:    map[string]forms.Status{"IV.1.a": forms.StatusDone, "I.1": forms.StatusDone, "I.2": forms.StatusNotStarted},
		Proposals: map[string]string{"IV.1.a": "đề nghị Ngân hàng Chính sách xã hội Việt Nam bổ sung nguồn vốn cho vay nhà ở xã hội."}},
	{Name: "Lý Sơn", Kind: "đặc khu", Province: "quảng ngãi", // letter case of the province does not matter
		Figures: map[string][2]float64{"TONG-NGUON-VON": {30000, 33000}, "VON-NSDP": {1000, 1500}, "TONG-DU-NO": {20000, 25000},
			"NO-QUA-HAN": {30, 0}},
		Status: map[string]forms.Status{"I.1": forms.StatusNotApplicable}},
}

func write(t *testing.T, c *catalog.Catalog, p period.Period, cm gen.Commune, path string, mod time.Time) {
	t.Helper()
	b, err := gen.Attachment(c, p, cm)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mod, mod); err != nil {
		t.Fatal(err)
	}
}

var saved = time.Date(2026, 3, 17, 9, 0, 0, 0, time.UTC)

// smallFolder writes the three communes: Xốp at the top, Trần Phú in a
// subfolder under a name that says nothing, Lý Sơn inside a zip.
func smallFolder(t *testing.T, c *catalog.Catalog) string {
	t.Helper()
	dir := t.TempDir()
	write(t, c, q1, small[0], filepath.Join(dir, "tong-hop-2026-Q1.xlsx"), saved)
	write(t, c, q1, small[1], filepath.Join(dir, "zalo", "file (1).xlsx"), saved)
	b, err := gen.Attachment(c, q1, small[2])
	if err != nil {
		t.Fatal(err)
	}
	zf, _ := os.Create(filepath.Join(dir, "ly-son.zip"))
	zw := zip.NewWriter(zf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "ly son/tong-hop.xlsx", Method: zip.Deflate, Modified: saved})
	w.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zf.Close()
	return dir
}

func near(got *float64, want float64) bool {
	return got != nil && math.Abs(*got-want) < 1e-9*math.Max(1, math.Abs(want))
}

func show(v *float64) string {
	if v == nil {
		return "nil"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}

// The roll-up of three communes against sums checked by hand.
func TestRollSmall(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	rec := province.Read(d, q1, smallFolder(t, c))
	for _, p := range rec.Problems {
		t.Errorf("unexpected problem: %s", p)
	}
	r := province.Roll(d, q1, rec)
	idx := map[string]int{}
	for i, ind := range d.Indicators {
		idx[ind.Code] = i
	}
	for _, tt := range []struct {
		row       string // commune code, "" the province
		code      string
		prev, cur float64
		change    float64
		percent   float64 // NaN: none
	}{
		{"", "TONG-NGUON-VON", 180000, 203000, 23000, 23000.0 / 180000 * 100},
		{"", "VON-NSDP", 16000, 20000, 4000, 25},
		{"", "TONG-DU-NO", 150000, 175000, 25000, 25000.0 / 150000 * 100},
		{"", "NO-QUA-HAN", 130, 250, 120, 120.0 / 130 * 100},
		{"23530", "VON-NSDP", 5000, 6500, 1500, 30},
		{"21292", "NO-QUA-HAN", 30, 0, -30, -100},
		{"21199", "NO-QUA-HAN", 0, 50, 50, math.NaN()},
	} {
		row := r.Province
		for _, cr := range r.Communes {
			if cr.Commune.Code == tt.row {
				row = cr
			}
		}
		f := row.Figures[idx[tt.code]]
		if !near(f.Previous, tt.prev) || !near(f.Current, tt.cur) || !near(f.Change, tt.change) ||
			(math.IsNaN(tt.percent) != (f.ChangePercent == nil)) || (!math.IsNaN(tt.percent) && !near(f.ChangePercent, tt.percent)) {
			t.Errorf("%s %s: %s → %s, %s (%s%%); want %v → %v, %v (%v%%)", row.Commune.FullName(), tt.code,
				show(f.Previous), show(f.Current), show(f.Change), show(f.ChangePercent), tt.prev, tt.cur, tt.change, tt.percent)
		}
	}
	// Lý Sơn reported no lending: the province's sum is over the two
	// communes that did, and says so, naming Lý Sơn.
	f := r.Province.Figures[idx["DS-CHO-VAY"]]
	if !near(f.Previous, 3000) || !near(f.Current, 4500) || !near(f.Change, 1500) || f.Counted != 2 || len(f.Lacking) != 1 ||
		f.Note != "tổng của 2/3 xã có số liệu; chưa có số liệu của đặc khu Lý Sơn" {
		t.Errorf("DS-CHO-VAY of the province: %s → %s, counted %d, note %q", show(f.Previous), show(f.Current), f.Counted, f.Note)
	}

	// Shares are recomputed from the sums, not averaged: 20000/203000,
	// where the mean of the communes' shares would be 10.15%.
	share := r.Province.Shares[0]
	if share.Target.Kind != catalog.TargetCapitalShare || !near(share.Current, 20000.0/203000*100) || !near(share.Previous, 16000.0/180000*100) || share.Met {
		t.Errorf("province's share: %s (before %s), met %v", show(share.Current), show(share.Previous), share.Met)
	}
	var ratio *province.Share
	for i := range r.Province.Shares {
		if r.Province.Shares[i].Target.Kind == catalog.TargetRatio {
			ratio = &r.Province.Shares[i]
		}
	}
	if ratio == nil || !near(ratio.Current, 250.0/175000*100) {
		t.Errorf("overdue ratio: %+v", ratio)
	}
	// Ranked by share: Trần Phú 20% (met), Xốp 5.9%, Lý Sơn 4.5%.
	var ranked []string
	for _, row := range r.Ranking {
		ranked = append(ranked, row.Commune.Name)
	}
	if strings.Join(ranked, ", ") != "Trần Phú, Xốp, Lý Sơn" || !r.Ranking[0].Shares[0].Met || r.Ranking[1].Shares[0].Met || r.Ranking[0].Rank != 1 {
		t.Errorf("ranking: %v", ranked)
	}
	// Tasks: 23 each; the tasks whose units sent nothing are not reported.
	want := map[string]province.Tasks{
		"23530": {Done: 1, InProgress: 1, NotReported: 21},
		"21199": {Done: 2, NotStarted: 1, NotReported: 20},
		"21292": {NotApplicable: 1, NotReported: 22},
	}
	for _, row := range r.Communes {
		if w, ok := want[row.Commune.Code]; ok && row.Tasks != w {
			t.Errorf("%s tasks: %+v, want %+v", row.Commune.FullName(), row.Tasks, w)
		}
	}
	if got := r.Province.Tasks; got.Done != 3 || got.Total() != 69 {
		t.Errorf("province tasks: %+v", got)
	}
	// by section: the plan's six, shared by the three communes; section I
	// has I.1 (Trần Phú done, Lý Sơn not applicable) and I.2 (Xốp in
	// progress, Trần Phú not started)
	if strings.Join(r.Sections, " ") != "I II III IV V VI" {
		t.Errorf("sections: %v", r.Sections)
	}
	if got := r.Province.BySection["I"]; got.Done != 1 || got.InProgress != 1 || got.NotStarted != 1 || got.NotApplicable != 1 {
		t.Errorf("section I: %+v", got)
	}
	if got := r.Communes[1].BySection["IV"]; got.Done != 1 {
		t.Errorf("Trần Phú, section IV: %+v", got)
	}
	sum := 0
	for _, s := range r.Sections {
		sum += r.Province.BySection[s].Total()
	}
	if sum != r.Province.Tasks.Total() {
		t.Errorf("sections add up to %d tasks, not %d", sum, r.Province.Tasks.Total())
	}
	if len(r.Missing) != 1 || r.Missing[0].Name != "Đăk Pék" || r.Communes[3].Sent() {
		t.Errorf("missing: %+v", r.Missing)
	}
	// every commune that sent has figures (Lý Sơn some)
	if len(r.WithoutFigures) != 0 || !r.Communes[2].HasFigures() {
		t.Errorf("without figures: %+v", r.WithoutFigures)
	}
	// the zip's file is named zip/inner
	if a := r.Communes[2].Attachment; a == nil || !strings.HasSuffix(a.File, "ly-son.zip/ly son/tong-hop.xlsx") {
		t.Errorf("Lý Sơn's attachment: %+v", a)
	}
}

// A commune that sent without the bank's figures (its bank file left
// out) leaves the province's figures summed over the others, said once;
// the shares and the ranking are over the communes with figures.
func TestRollWithoutFigures(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	write(t, c, q1, small[0], filepath.Join(dir, "xop.xlsx"), saved)
	write(t, c, q1, small[1], filepath.Join(dir, "tran-phu.xlsx"), saved)
	bare := small[2]
	bare.Figures = nil
	write(t, c, q1, bare, filepath.Join(dir, "ly-son.xlsx"), saved)
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	if len(r.WithoutFigures) != 1 || r.WithoutFigures[0].Name != "Lý Sơn" || r.Communes[2].HasFigures() || !r.Communes[0].HasFigures() {
		t.Fatalf("without figures: %+v", r.WithoutFigures)
	}
	for i, ind := range d.Indicators {
		f := r.Province.Figures[i]
		var want float64
		have := false
		for _, cm := range small[:2] {
			if v, ok := cm.Figures[ind.Code]; ok {
				want, have = want+v[1], true
			}
		}
		if have != (f.Current != nil) || (have && !near(f.Current, want)) {
			t.Errorf("%s: %s, want the sum of Xốp and Trần Phú %v", ind.Code, show(f.Current), want)
		}
	}
	share := r.Province.Shares[0]
	if !near(share.Current, 18500.0/170000*100) || share.Counted != 2 {
		t.Errorf("province's share: %s over %d communes", show(share.Current), share.Counted)
	}
	if len(r.Ranking) != 2 {
		t.Errorf("ranking: %d communes, want the 2 with figures", len(r.Ranking))
	}
	data := r.TemplateData(saved)
	var text []string
	for _, p := range data["doan_so_lieu"].([]map[string]any) {
		text = append(text, p["noi_dung"].(string))
	}
	all := strings.Join(text, "\n")
	if n := strings.Count(all, "Lý Sơn"); n != 1 || !strings.Contains(all, "tổng của 2/3 xã, phường, đặc khu đã gửi có số liệu") ||
		strings.Contains(all, "chưa đủ") || !strings.Contains(all, "tổng nguồn vốn đạt 170.000") {
		t.Errorf("the figures' paragraphs name Lý Sơn %d times:\n%s", n, all)
	}
	if row := data["so_du"].([]map[string]any)[0]; row["nay"] != "170.000" {
		t.Errorf("table's first row: %v", row)
	}
	if src := data["nguon_so_lieu"].(string); !strings.Contains(src, "đặc khu Lý Sơn") {
		t.Errorf("the table's note does not name Lý Sơn: %s", src)
	}
}

// Every bad input is said, naming the file; none is dropped silently.
func TestReadProblems(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	type file struct {
		name string
		make func(t *testing.T, path string)
	}
	attach := func(cm gen.Commune, p period.Period, mod time.Time) func(*testing.T, string) {
		return func(t *testing.T, path string) { write(t, c, p, cm, path, mod) }
	}
	xopQ4 := small[0]
	xopQ4.Figures = map[string][2]float64{"TONG-NGUON-VON": {95000, 100000}, "VON-NSDP": {4000, 5200}}
	other := small[0]
	other.Province = "Gia Lai"
	stranger := small[0]
	stranger.Name = "Ngọc Linh"
	for _, tt := range []struct {
		name     string
		files    []file
		problems map[string]string // file name → a phrase of its message
		sent     int
	}{
		{"another period", []file{{"a.xlsx", attach(small[0], period.MustParse("2026-Q2"), saved)}},
			map[string]string{"a.xlsx": "cho quý II năm 2026, không phải quý I năm 2026 đang tổng hợp; đề nghị xã Xốp gửi bảng tổng hợp quý I năm 2026, hoặc chọn kỳ quý II năm 2026 để tổng hợp kỳ đó"}, 0},
		// The period before checks the figures: Xốp's quarter IV gives
		// 5.200 for VON-NSDP where its quarter I says 5.000 before.
		{"the period before", []file{{"q1.xlsx", attach(small[0], q1, saved)}, {"q4.xlsx", attach(xopQ4, period.MustParse("2025-Q4"), saved)}},
			map[string]string{"q4.xlsx": "bảng tổng hợp quý IV năm 2025 của xã Xốp, kỳ trước quý I năm 2026: không tổng hợp, chỉ dùng để đối chiếu",
				"q1.xlsx": "VON-NSDP: Nguồn vốn ngân sách địa phương ủy thác kỳ trước ghi 5.000, nhưng bảng tổng hợp quý IV năm 2025 của xã Xốp"}, 1},
		{"another province", []file{{"a.xlsx", attach(other, q1, saved)}},
			map[string]string{"a.xlsx": "thuộc tỉnh Gia Lai, không phải tỉnh Quảng Ngãi"}, 0},
		{"not in the list", []file{{"a.xlsx", attach(stranger, q1, saved)}},
			map[string]string{"a.xlsx": "xã Ngọc Linh không có trong danh sách xã của tỉnh"}, 0},
		{"diacritics differ", []file{{"a.xlsx", attach(gen.Commune{Name: "Đắk Pék", Kind: "xã", Province: "tỉnh Quảng Ngãi"}, q1, saved)}},
			map[string]string{"a.xlsx": "tên trong tệp «xã Đắk Pék» khác tên trong danh sách «xã Đăk Pék» (mã 23536) ở dấu: tính là xã Đăk Pék"}, 1},
		{"two files, the later kept", []file{
			{"moi.xlsx", attach(small[0], q1, saved.Add(time.Hour))},
			{"cu.xlsx", attach(small[0], q1, saved)}},
			map[string]string{"cu.xlsx": "đã gửi hai tệp: tệp này ("}, 1},
		// Within a minute: they came together (one selection on the page,
		// one zip), so the later by a few seconds is not said to be newer;
		// the choice is by name, said so.
		{"two files within a minute", []file{
			{"a.xlsx", attach(small[0], q1, saved.Add(40*time.Second))},
			{"b.xlsx", attach(small[0], q1, saved)}},
			map[string]string{"a.xlsx": "xã Xốp gửi hai tệp cùng lúc (" + saved.Add(40*time.Second).Local().Format("15:04 02/01/2006") + "): tệp này, «a.xlsx», và «b.xlsx»; đang dùng «b.xlsx» (theo thứ tự tên tệp)"}, 1},
		{"two files at one time", []file{
			{"b.xlsx", attach(small[0], q1, saved)},
			{"a.xlsx", attach(small[0], q1, saved)}},
			map[string]string{"a.xlsx": "xã Xốp gửi hai tệp cùng lúc"}, 1},
		// the machine part removed: the printed sheets are read, said
		{"machine part removed", []file{{"a.xlsx", func(t *testing.T, path string) {
			write(t, c, q1, small[0], path, saved)
			edit(t, path, func(f *excelize.File) { f.DeleteSheet(summary.SheetData) })
		}}}, map[string]string{"a.xlsx": "tệp không còn phần dữ liệu cho máy đọc (trang ẩn «_du_lieu», có lẽ đã bị xóa); đã đọc số liệu và tình trạng nhiệm vụ của xã Xốp từ các trang in «Chỉ tiêu», «Phụ lục»"}, 1},
		{"machine part edited", []file{{"a.xlsx", func(t *testing.T, path string) {
			write(t, c, q1, small[0], path, saved)
			edit(t, path, func(f *excelize.File) { setIndicator(t, f, "VON-NSDP", "current", 9999) })
		}}}, map[string]string{"a.xlsx": "đã bị sửa tay hoặc hỏng: chỉ tiêu VON-NSDP: kỳ trước 5.000, kỳ này 9.999 nhưng tăng/giảm ghi 1.500; đã đọc số liệu và tình trạng nhiệm vụ của xã Xốp từ các trang in"}, 1},
		// removed, and a printed figure edited too: refused, located
		{"machine part removed, a figure edited", []file{{"a.xlsx", func(t *testing.T, path string) {
			write(t, c, q1, small[0], path, saved)
			edit(t, path, func(f *excelize.File) {
				f.DeleteSheet(summary.SheetData)
				setPrinted(t, f, "Nguồn vốn ngân sách địa phương ủy thác", "D", 7000)
			})
		}}}, map[string]string{"a.xlsx": "và không đọc thay được từ các trang in: trang «Chỉ tiêu», ô E5: Nguồn vốn ngân sách địa phương ủy thác: kỳ trước 5.000, kỳ này 7.000 nhưng tăng, giảm ghi 1.500 (một số đã bị sửa tay)"}, 0},
		{"a workbook of another kind", []file{{"a.xlsx", func(t *testing.T, path string) {
			f := excelize.NewFile()
			f.SaveAs(path)
		}}}, map[string]string{"a.xlsx": "không có phần dữ liệu cho máy đọc (trang ẩn «_du_lieu») cũng không có trang «Chỉ tiêu»: không phải bảng tổng hợp do baocao lập"}, 0},
		{"a later version", []file{{"a.xlsx", func(t *testing.T, path string) {
			write(t, c, q1, small[0], path, saved)
			edit(t, path, func(f *excelize.File) { f.SetCellInt(summary.SheetData, "C1", 9) })
		}}}, map[string]string{"a.xlsx": fmt.Sprintf("dữ liệu của tệp theo phiên bản 9, chương trình này chỉ đọc được đến phiên bản %d", summary.DataVersion)}, 0},
		{"printed figure edited", []file{{"a.xlsx", func(t *testing.T, path string) {
			write(t, c, q1, small[0], path, saved)
			edit(t, path, func(f *excelize.File) {
				setPrinted(t, f, "Nguồn vốn ngân sách địa phương ủy thác", "D", 7000)
			})
		}}}, map[string]string{"a.xlsx": "số trên trang «Chỉ tiêu» khác phần dữ liệu cho máy đọc (trang ẩn «_du_lieu»): ô D5 (Nguồn vốn ngân sách địa phương ủy thác, kỳ này) ghi 7.000, dữ liệu ghi 6.500; một trong hai đã bị sửa tay"}, 0},
		{"not a workbook", []file{{"bao-cao.pdf", func(t *testing.T, path string) { os.WriteFile(path, []byte("%PDF-1.4"), 0o644) }}},
			map[string]string{"bao-cao.pdf": "không phải bảng tổng hợp (.xlsx)"}, 0},
		{"a broken workbook", []file{{"a.xlsx", func(t *testing.T, path string) { os.WriteFile(path, []byte("PK\x03\x04 cut"), 0o644) }}},
			map[string]string{"a.xlsx": "không mở được như một bảng Excel"}, 0},
		{"a zip's bad file", []file{{"z.zip", func(t *testing.T, path string) {
			zf, _ := os.Create(path)
			zw := zip.NewWriter(zf)
			w, _ := zw.Create("ghi chu.txt")
			w.Write([]byte("x"))
			zw.Close()
			zf.Close()
		}}}, map[string]string{"ghi chu.txt": "không phải bảng tổng hợp (.xlsx)"}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				f.make(t, filepath.Join(dir, f.name))
			}
			rec := province.Read(d, q1, dir)
			// Read through a cache, first and again, gives the same.
			cache := province.NewCache(100)
			for range 2 {
				if got := cache.Read(d, q1, dir); !reflect.DeepEqual(got, rec) {
					t.Errorf("through a cache:\n%+v\nwithout:\n%+v", got, rec)
				}
			}
			// A refused file that names a commune of the list is said to
			// be that commune's (it did send, with an error).
			named := map[string]string{"another period": "xã Xốp", "printed figure edited": "xã Xốp"}[tt.name]
			if want := map[bool]int{true: 1}[named != ""]; len(rec.Named) != want {
				t.Errorf("named %v, want %q", rec.Named, named)
			}
			for file, n := range rec.Named {
				if fi, err := os.Stat(file); err != nil || n.Commune.FullName() != named || !n.ModTime.Equal(fi.ModTime()) {
					t.Errorf("%s named %v, want %q saved when the file was", file, n, named)
				}
			}
			if len(rec.Attachments) != tt.sent {
				t.Errorf("%d attachments, want %d", len(rec.Attachments), tt.sent)
			}
			if len(rec.Problems) != len(tt.problems) {
				t.Errorf("problems: %v", rec.Problems)
			}
			for name, phrase := range tt.problems {
				found := false
				for _, p := range rec.Problems {
					if strings.HasSuffix(p.File, name) && strings.Contains(p.Message, phrase) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem on %s saying %q: %v", name, phrase, rec.Problems)
				}
			}
			// another period: its own period, as data, for the fix
			if tt.name == "another period" && (len(rec.Problems) != 1 || rec.Problems[0].Period != period.MustParse("2026-Q2")) {
				t.Errorf("another period's problem: %+v", rec.Problems)
			}
			// read from the printed sheets: the printed figures and tasks
			if strings.HasPrefix(tt.name, "machine part") && tt.sent == 1 {
				r := province.Roll(d, q1, rec)
				row := r.Communes[0]
				if a := rec.Attachments[0]; !a.Printed || row.Tasks != (province.Tasks{Done: 1, InProgress: 1, NotReported: 21}) {
					t.Errorf("read from the printed sheets: printed %v, tasks %+v", a.Printed, row.Tasks)
				}
				if f := row.Figures[1]; !near(f.Current, 6500) || !near(f.Previous, 5000) || !near(f.Change, 1500) {
					t.Errorf("VON-NSDP from the printed sheets: %s → %s", show(f.Previous), show(f.Current))
				}
				if len(r.NoProposals) != 1 {
					t.Errorf("a file read from its printed sheets is not said to lack the proposals: %v", r.NoProposals)
				}
			}
			if strings.HasPrefix(tt.name, "two files ") && tt.name != "two files, the later kept" {
				if len(rec.Attachments) != 1 || !strings.HasSuffix(rec.Attachments[0].File, "b.xlsx") || len(rec.Problems) != 1 || !rec.Problems[0].Together || strings.Contains(rec.Problems[0].Message, "mới hơn") {
					t.Errorf("together: kept %v, problems %+v", rec.Attachments, rec.Problems)
				}
			}
			if tt.name == "two files, the later kept" && (len(rec.Problems) != 1 || rec.Problems[0].Together) {
				t.Errorf("a later file is not together: %+v", rec.Problems)
			}
			if tt.name == "two files, the later kept" && (len(rec.Attachments) != 1 || !strings.HasSuffix(rec.Attachments[0].File, "moi.xlsx")) {
				t.Errorf("kept %v", rec.Attachments)
			}
		})
	}
}

func edit(t *testing.T, path string, change func(*excelize.File)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	change(f)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// setIndicator sets one column of one indicator's row in the data sheet.
func setIndicator(t *testing.T, f *excelize.File, code, column string, v float64) {
	t.Helper()
	rows, err := f.GetRows(summary.SheetData)
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for i, r := range rows {
		if len(r) > 0 && r[0] == "#indicator" {
			cols = r
		}
		if len(r) > 1 && r[0] == "indicator" && r[1] == code {
			for j, name := range cols {
				if name == column {
					cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
					f.SetCellFloat(summary.SheetData, cell, v, -1, 64)
					return
				}
			}
		}
	}
	t.Fatalf("no indicator %s column %s", code, column)
}

// What the program itself wrote, in the folder read again, is said and
// left out; the commune office's own workbook is refused with what to
// send instead; a file given twice is one file.
func TestReadOwnFiles(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := smallFolder(t, c)
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	book, err := province.Workbook(r)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "2026-Q1")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, province.WorkbookName(q1)), book, 0o644)
	os.WriteFile(filepath.Join(out, "bao-cao-tinh-2026-Q1.pdf"), []byte("%PDF"), 0o644)
	b, _, err := summary.OfficeBytes(consolidate.Build(c, q1, nil), summary.Options{})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "kiem-tra-2026-Q1.xlsx"), b, 0o644)

	rec := province.Read(d, q1, dir, dir, filepath.Join(dir, "tong-hop-2026-Q1.xlsx"))
	if len(rec.Attachments) != 3 {
		t.Errorf("%d attachments", len(rec.Attachments))
	}
	want := map[string]string{
		"tong-hop-tinh-2026-Q1.xlsx": "lưu ý: bảng của tỉnh do chương trình lập",
		"bao-cao-tinh-2026-Q1.pdf":   "lưu ý: văn bản của tỉnh do chương trình lập",
		"kiem-tra-2026-Q1.xlsx":      "lỗi: đây là bảng kiểm tra của văn phòng xã",
	}
	if len(rec.Problems) != len(want) {
		t.Errorf("problems: %v", rec.Problems)
	}
	for _, p := range rec.Problems {
		if phrase := want[filepath.Base(p.File)]; phrase == "" || !strings.Contains(p.String(), phrase) {
			t.Errorf("%s", p)
		}
	}
}

// setPrinted sets the figure of one indicator, by name, on the printed
// sheet «Chỉ tiêu».
func setPrinted(t *testing.T, f *excelize.File, name, col string, v float64) {
	t.Helper()
	rows, err := f.GetRows(summary.SheetFigures)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == name {
			f.SetCellFloat(summary.SheetFigures, fmt.Sprintf("%s%d", col, i+1), v, -1, 64)
			return
		}
	}
	t.Fatalf("no row %q on %s", name, summary.SheetFigures)
}

// The same through LibreOffice, as a commune's clerk would do it: the
// hidden data sheet deleted, the printed sheets read instead; then a
// figure typed over by hand, refused with its cell.
func TestReadEditedInLibreOffice(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	src := filepath.Join(t.TempDir(), "tong-hop-2026-Q1.xlsx")
	write(t, c, q1, small[0], src, saved)
	// the data sheet's cell of VON-NSDP's current figure
	var current string
	if f, err := excelize.OpenFile(src); err == nil {
		rows, _ := f.GetRows(summary.SheetData)
		var cols []string
		for i, r := range rows {
			if len(r) > 0 && r[0] == "#indicator" {
				cols = r
			}
			if len(r) > 1 && r[0] == "indicator" && r[1] == "VON-NSDP" {
				for j, name := range cols {
					if name == "current" {
						current, _ = excelize.CoordinatesToCellName(j+1, i+1)
					}
				}
			}
		}
		f.Close()
	}
	if current == "" {
		t.Fatal("no VON-NSDP current in the data sheet")
	}
	for _, tt := range []struct {
		name string
		ops  []officetest.EditOp
		sent int
		says string
	}{
		{"data sheet edited", []officetest.EditOp{officetest.Number(summary.SheetData, current, 9999)}, 1,
			"lưu ý: phần dữ liệu cho máy đọc (trang ẩn «_du_lieu») đã bị sửa tay hoặc hỏng: chỉ tiêu VON-NSDP: kỳ trước 5.000, kỳ này 9.999 nhưng tăng/giảm ghi 1.500; đã đọc số liệu và tình trạng nhiệm vụ của xã Xốp từ các trang in"},
		{"data sheet deleted", []officetest.EditOp{officetest.RemoveSheet(summary.SheetData)}, 1,
			"lưu ý: tệp không còn phần dữ liệu cho máy đọc (trang ẩn «_du_lieu», có lẽ đã bị xóa); đã đọc số liệu và tình trạng nhiệm vụ của xã Xốp từ các trang in"},
		{"data sheet deleted, a figure typed over", []officetest.EditOp{officetest.RemoveSheet(summary.SheetData), officetest.Number(summary.SheetFigures, "D5", 7000)}, 0,
			"lỗi: tệp không còn phần dữ liệu cho máy đọc (trang ẩn «_du_lieu», có lẽ đã bị xóa), và không đọc thay được từ các trang in: trang «Chỉ tiêu», ô E5: Nguồn vốn ngân sách địa phương ủy thác: kỳ trước 5.000, kỳ này 7.000 nhưng tăng, giảm ghi 1.500"},
		{"a figure typed over", []officetest.EditOp{officetest.Number(summary.SheetFigures, "D5", 7000)}, 0,
			"lỗi: số trên trang «Chỉ tiêu» khác phần dữ liệu cho máy đọc (trang ẩn «_du_lieu»): ô D5 (Nguồn vốn ngân sách địa phương ủy thác, kỳ này) ghi 7.000, dữ liệu ghi 6.500"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			edited := officetest.Edit(t, src, "tong-hop-2026-Q1.xlsx", tt.ops...)
			rec := province.Read(d, q1, edited)
			if len(rec.Attachments) != tt.sent || len(rec.Problems) != 1 || !strings.Contains(rec.Problems[0].String(), tt.says) {
				t.Fatalf("%d attachments, problems %v; want %d, %q", len(rec.Attachments), rec.Problems, tt.sent, tt.says)
			}
			if tt.sent == 1 {
				row := province.Roll(d, q1, rec).Communes[0]
				if f := row.Figures[1]; !near(f.Current, 6500) || row.Tasks.Done != 1 {
					t.Errorf("read after LibreOffice: VON-NSDP %s, tasks %+v", show(f.Current), row.Tasks)
				}
			}
		})
	}
}

// Shares equal as printed share a rank (1, 1, 3), and the next rank
// skips: two communes at 4,94 % are both first.
func TestRankTies(t *testing.T) {
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	for i, f := range [][2]float64{{49449, 1000000}, {49351, 1000000}, {4500, 100000}, {4940, 100000}} {
		cm := gen.Commune{Name: d.Communes[i].Name, Kind: d.Communes[i].Kind, Province: "Quảng Ngãi",
			Figures: map[string][2]float64{"VON-NSDP": {f[0], f[0]}, "TONG-NGUON-VON": {f[1], f[1]}}}
		write(t, c, q1, cm, filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)), saved)
	}
	r := province.Roll(d, q1, province.Read(d, q1, dir))
	var got []string
	for _, row := range r.Ranking {
		got = append(got, fmt.Sprintf("%d %s", row.Rank, row.Commune.Name))
	}
	if want := "1 Xốp, 1 Trần Phú, 1 Đăk Pék, 4 Lý Sơn"; strings.Join(got, ", ") != want {
		t.Errorf("ranking %q, want %q", strings.Join(got, ", "), want)
	}
}

// A file the system will not read is said in words, named below the
// folder read: neither the system's English nor the machine's full path
// reaches the workbook or the page.
func TestReadUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits or symlinks to rely on")
	}
	c := commune(t)
	d := smallProvince(c)
	dir := t.TempDir()
	file := filepath.Join(dir, "xop.xlsx")
	want := "không có quyền đọc"
	if os.Geteuid() == 0 {
		// root reads whatever the permissions say: a link to nothing
		if err := os.Symlink(filepath.Join(dir, "da-xoa.xlsx"), file); err != nil {
			t.Fatal(err)
		}
		want = "không tìm thấy tệp"
	} else {
		write(t, c, q1, small[0], file, saved)
		if err := os.Chmod(file, 0); err != nil {
			t.Fatal(err)
		}
	}
	for _, rec := range []*province.Received{province.Read(d, q1, dir), province.NewCache(10).Read(d, q1, dir)} {
		if len(rec.Problems) != 1 || len(rec.Attachments) != 0 {
			t.Fatalf("problems %v, attachments %v", rec.Problems, rec.Attachments)
		}
		msg := rec.Problems[0].Message
		if !strings.Contains(msg, want) || strings.Contains(msg, dir) || strings.Contains(msg, "/") ||
			strings.Contains(msg, "permission") || strings.Contains(msg, "no such") || strings.Contains(msg, "open") {
			t.Errorf("said %q, want %q in Vietnamese, without the path", msg, want)
		}
	}
}
