package consolidate

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"baocao/internal/catalog"
	"baocao/internal/intake"
	"baocao/internal/period"
)

func TestResultsOf(t *testing.T) {
	for _, tt := range []struct{ title, want string }{
		{"Kế hoạch thực hiện Quyết định số 1560/QĐ-TTg", "Kết quả triển khai kế hoạch thực hiện Quyết định số 1560/QĐ-TTg"},
		{"Kế hoạch triển khai Quyết định số 1560/QĐ-TTg", "Kết quả thực hiện kế hoạch triển khai Quyết định số 1560/QĐ-TTg"},
		{"Kế hoạch triển khai thực hiện Chỉ thị số 39-CT/TW", "Kết quả kế hoạch triển khai thực hiện Chỉ thị số 39-CT/TW"},
		{"Kế hoạch nâng cao hiệu quả tín dụng chính sách xã hội", "Kết quả triển khai kế hoạch nâng cao hiệu quả tín dụng chính sách xã hội"},
	} {
		if got := ResultsOf(tt.title); got != tt.want {
			t.Errorf("ResultsOf(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// A plan with a target of every kind, on figures in %, households, money.
const targetsPlan = `issuer: ỦY BAN NHÂN DÂN
commune: XÃ AN BÌNH
commune_name: xã An Bình
place: An Bình
plan: {kind: Kế hoạch, suffix: KH-UBND, month: 10, year: 2025, issuer: Ủy ban nhân dân xã An Bình, title: Kế hoạch về tín dụng chính sách}
`

const targetsTasks = `sections:
  - code: "1"
    title: Nguồn vốn
    tasks:
      - {code: "1.1", content: Tăng dư nợ ủy thác, lead: [NH]}
`

const targetsUnits = `units:
  - {code: NH, name: Phòng giao dịch Ngân hàng Chính sách xã hội huyện An Lão, indicators: true}
`

const targetsIndicators = `indicators:
  - {code: DU-NO-UT, name: Dư nợ ủy thác, measure: triệu đồng, unit: NH, kind: stock, decimals: 2}
  - {code: TONG-DU-NO, name: Tổng dư nợ, measure: triệu đồng, unit: NH, kind: stock, decimals: 2}
  - {code: HO-VAY, name: Số hộ được vay, measure: lượt hộ, unit: NH, kind: flow, decimals: 0}
  - {code: TY-LE, name: Tỷ lệ hộ nghèo được vay, measure: "%", unit: NH, kind: stock, decimals: 1}
targets:
  - {kind: growth_rate, task: "1.1", indicator: DU-NO-UT, min_percent: 10}
  - {kind: reach, indicator: HO-VAY, value: 500, by_year: 2030}
  - {kind: growth_share, part: DU-NO-UT, whole: TONG-DU-NO, min_percent: 20}
  - {kind: reach, name: Tỷ lệ hộ nghèo được vay đạt 95%, indicator: TY-LE, value: 95}
`

func targetsCatalog(t *testing.T) *catalog.Catalog {
	t.Helper()
	c, err := catalog.LoadFS(fstest.MapFS{
		catalog.PlanFile:       {Data: []byte(targetsPlan)},
		catalog.TasksFile:      {Data: []byte(targetsTasks)},
		catalog.UnitsFile:      {Data: []byte(targetsUnits)},
		catalog.IndicatorsFile: {Data: []byte(targetsIndicators)},
	}, "an-binh")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTargetKinds(t *testing.T) {
	c := targetsCatalog(t)
	p := period.MustParse("2026")
	nh := &intake.Submission{Unit: "NH", Period: p, Path: "NH-2026.xlsx", ModTime: time.Now(), Indicators: []intake.IndicatorValue{
		{Code: "DU-NO-UT", Previous: num(2000), Current: num(2150)},
		{Code: "TONG-DU-NO", Previous: num(100000), Current: num(101000)},
		{Code: "HO-VAY", Current: num(320)},
		{Code: "TY-LE", Current: num(96.5)},
	}}
	r := Build(c, p, []*intake.Submission{nh})
	want := []struct{ target, verdict string }{
		{"Dư nợ ủy thác tăng ít nhất 10% mỗi năm", "tăng 7,50%, thấp hơn mức 10%"},
		{"Số hộ được vay đạt 500 lượt hộ vào năm 2030", "đạt 320 lượt hộ, còn thiếu 180 lượt hộ"},
		{"Tăng trưởng dư nợ ủy thác bằng ít nhất 20% tăng trưởng tổng dư nợ", "bằng 15,00%, thấp hơn mức 20%"},
		{"Tỷ lệ hộ nghèo được vay đạt 95%", "đạt 96,5%, đã đạt mục tiêu"},
	}
	if len(r.Targets) != len(want) {
		t.Fatalf("targets %+v", r.Targets)
	}
	for i, w := range want {
		if got := r.Targets[i]; got.Target != w.target || got.Verdict != w.verdict {
			t.Errorf("target %d:\n got %q: %q\nwant %q: %q", i, got.Target, got.Verdict, w.target, w.verdict)
		}
	}
	if r.Targets[0].Task != "1.1" || r.Targets[0].Met || !r.Targets[3].Met {
		t.Errorf("targets %+v", r.Targets)
	}

	// Without figures, each says what it lacks and from whom, and a quarter
	// is marked against a yearly target.
	r = Build(c, p, nil)
	for _, tc := range r.Targets {
		if tc.Actual != nil || !strings.HasPrefix(tc.Verdict, "chưa đủ số liệu: cần") || !strings.HasSuffix(tc.Verdict, "của Phòng giao dịch Ngân hàng Chính sách xã hội huyện An Lão") {
			t.Errorf("without figures: %+v", tc)
		}
	}
	q := period.MustParse("2026-Q1")
	nh.Period = q
	r = Build(c, q, []*intake.Submission{nh})
	if v := r.Targets[0].Verdict; !strings.HasSuffix(v, "(tính trong kỳ; mục tiêu tính theo năm)") {
		t.Errorf("quarter: %q", v)
	}
}
