package intake

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// moneyScale gives the worth in đồng of a money unit, by its folded
// wording: what units write after a figure.
var moneyScale = map[string]float64{
	"ty": 1e9, "ty dong": 1e9, "ty d": 1e9, "ti": 1e9, "ti dong": 1e9,
	"trieu": 1e6, "trieu dong": 1e6, "trieu d": 1e6, "tr": 1e6, "trd": 1e6, "tr d": 1e6, "tr dong": 1e6,
	"nghin": 1e3, "nghin dong": 1e3, "nghin d": 1e3, "ngan": 1e3, "ngan dong": 1e3, "ngan d": 1e3,
	"dong": 1, "d": 1, "vnd": 1, "vn dong": 1,
}

// countAliases gives, by a count measure (folded), the other words units
// write for it.
var countAliases = map[string][]string{
	"khach hang": {"kh", "khach"},
	"to":         {"to tk vv", "to tkvv"},
	"nguoi":      {"ng"},
}

// measure is what an indicator is counted in.
type measure struct {
	name    string  // as the catalog writes it: "triệu đồng"
	money   float64 // worth in đồng of one unit; 0 when no money
	percent bool
}

func measureOf(ind *catalog.Indicator) measure {
	m := measure{name: ind.Measure}
	f := vntext.Fold(ind.Measure)
	m.money = moneyScale[f]
	m.percent = strings.TrimSpace(ind.Measure) == "%" || f == "phan tram"
	return m
}

// count tells a measure of things counted one by one (customers, groups),
// which have no fractions.
func (m measure) count() bool { return m.money == 0 && !m.percent }

// example is a figure of the measure as the form wants it written: a
// count has no decimals, a rate is a small number.
func (m measure) example() string {
	switch {
	case m.percent:
		return "0,5"
	case m.count():
		return "1.234"
	}
	return "1.234,5"
}

// nonNegative tells an indicator that cannot be negative: a balance at a
// date or a turnover within the period (catalog kinds "stock" and "flow"),
// which are all the indicators of the plan.
func nonNegative(ind *catalog.Indicator) bool { return ind.Kind == "stock" || ind.Kind == "flow" }

// accepts tells whether unit (folded) names the count measure m.
func (m measure) accepts(unit string) bool {
	f := vntext.Fold(m.name)
	if unit == f {
		return true
	}
	for _, a := range countAliases[f] {
		if unit == a {
			return true
		}
	}
	return false
}

// segmentRe cuts a compound figure ("1 tỷ 250 triệu") into its parts.
var segmentRe = regexp.MustCompile(`[+\-−]?\s*\d[\d.,]*(?:\s\d{3}(?:[.,]\d+)?)*\s*[^\d]*`)

// readFigure reads a figure typed as text in an indicator cell into the
// indicator's measure. It returns the value, how it was interpreted (""
// when it was plain: a number, or the measure itself written after it),
// or, when the figure cannot be used, why (errMsg), worded for the user.
func readFigure(text string, ind *catalog.Indicator) (v float64, note, errMsg string) {
	m := measureOf(ind)
	clean := vntext.Clean(text)
	notNumber := fmt.Sprintf("«%s» không phải là số nên chỉ tiêu «%s» không đọc được. Ghi một số (%s), ví dụ %s.", shorten(clean, 30), ind.Name, m.name, m.example())
	n, unit, ok := vntext.ParseQuantity(clean)
	if !ok {
		segs := segmentRe.FindAllString(clean, -1)
		if len(segs) < 2 || strings.Join(segs, "") != clean || m.money == 0 {
			return 0, "", notNumber
		}
		// "1 tỷ 250 triệu": money parts in decreasing units.
		total, last := 0.0, math.Inf(1)
		for _, seg := range segs {
			x, u, ok := vntext.ParseQuantity(seg)
			scale, money := moneyScale[u]
			if !ok || !money || scale >= last || x < 0 {
				return 0, "", notNumber
			}
			total, last = total+x*scale, scale
		}
		v = roundMicro(total / m.money)
		return v, fmt.Sprintf("đã đổi «%s» thành %s %s", shorten(clean, 40), vntext.FormatAuto(v), m.name), ""
	}
	switch scale, money := moneyScale[unit]; {
	case unit == "":
		return n, "", ""
	case unit == "%":
		if m.percent {
			return n, "", ""
		}
		return 0, "", fmt.Sprintf("«%s» là tỷ lệ phần trăm nhưng chỉ tiêu «%s» tính bằng %s. Ghi số %s, không ghi %%.", shorten(clean, 30), ind.Name, m.name, m.name)
	case money && m.money > 0:
		v = roundMicro(n * scale / m.money)
		if scale == m.money {
			return v, "", "" // the measure itself written after the number
		}
		return v, fmt.Sprintf("đã đổi «%s» thành %s %s", shorten(clean, 40), vntext.FormatAuto(v), m.name), ""
	case !money && m.count() && m.accepts(unit):
		return n, "", ""
	}
	return 0, "", fmt.Sprintf("«%s» ghi đơn vị không đổi được sang đơn vị tính của chỉ tiêu «%s» (%s). Ghi số theo %s, không kèm đơn vị khác.", shorten(clean, 30), ind.Name, m.name, m.name)
}

// roundMicro rounds away the float noise of a conversion ("1,1 tỷ" is
// 1100, not 1100.0000000000002), keeping six decimals.
func roundMicro(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// checkFigure refuses a value the indicator cannot have: a negative one
// for a measure that cannot be negative, a fraction for a count. It
// returns "" when the value is fine.
func checkFigure(v float64, ind *catalog.Indicator) string {
	m := measureOf(ind)
	switch {
	case v < 0 && nonNegative(ind):
		return fmt.Sprintf("số âm (%s) nhưng chỉ tiêu «%s» không thể âm. Kiểm tra lại số liệu; nếu là mức giảm, ghi số cuối kỳ chứ không ghi mức giảm.", vntext.FormatAuto(v), ind.Name)
	case m.count() && v != math.Trunc(v):
		return fmt.Sprintf("%s %s không phải số nguyên: chỉ tiêu «%s» đếm từng %s nên không có phần lẻ. Kiểm tra lại số liệu.", vntext.FormatAuto(v), m.name, ind.Name, m.name)
	}
	return ""
}

// moneyCeiling is more than any social policy credit figure of a commune
// or a bank's district office, in đồng: 1.000 tỷ. A bare figure above it
// is most likely written in đồng where the measure is triệu đồng.
const moneyCeiling = 1e12

// implausibleMoney refuses a money figure too large to be meant in the
// indicator's measure, saying what it would be if written in đồng; ""
// when the figure is plausible. The program does not guess the unit: a
// figure a thousand times off is worse in the report than none.
func implausibleMoney(v float64, ind *catalog.Indicator) string {
	m := measureOf(ind)
	if m.money <= 1 || v*m.money <= moneyCeiling {
		return ""
	}
	return fmt.Sprintf("chỉ tiêu «%s» ghi %s %s, tức hơn 1.000 tỷ đồng: có phải đơn vị ghi số bằng đồng? Nếu vậy số đúng là %s %s. Số này không được dùng: đề nghị đơn vị ghi lại theo %s rồi gửi lại.",
		ind.Name, vntext.FormatAuto(v), m.name, vntext.FormatAuto(roundMicro(v/m.money)), m.name, m.name)
}

// jumpFactor is how many times a figure may grow or shrink from one
// period to the next before it is implausible.
const jumpFactor = 10

// jumps tells a pair of figures one of which is more than jumpFactor
// times the other.
func jumps(a, b float64) bool {
	if a <= 0 || b <= 0 {
		return false
	}
	return a > jumpFactor*b || b > jumpFactor*a
}
