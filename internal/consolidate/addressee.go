package consolidate

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Addressee is whom a unit's proposal asks: the levels above the commune
// (part IV of the report, the commune's recommendations upwards), the
// commune itself (for its leadership, in the summary), or unclear.
type Addressee int

const (
	AddresseeUnclear Addressee = iota // part IV keeps it; the summary flags it
	AddresseeUpward                   // the province, the bank's branch, ministries
	AddresseeCommune                  // the commune's People's Committee, its offices
)

// String words the addressee for the summary.
func (a Addressee) String() string {
	switch a {
	case AddresseeUpward:
		return "cấp trên"
	case AddresseeCommune:
		return "Ủy ban nhân dân xã"
	}
	return "chưa rõ gửi cấp nào"
}

// The words that tell the addressee. Matched with diacritics: folding
// them away would read "tình hình" as "tỉnh".
var (
	upwardWords = []string{"tỉnh", "trung ương", "chính phủ", "thủ tướng", "quốc hội", "cấp trên", "cấp có thẩm quyền",
		"chi nhánh", "huyện", "hội sở", "nhcsxh việt nam", "ngân hàng chính sách xã hội việt nam",
		// a ministry or a department of the province, never "cán bộ",
		// "toàn bộ", "cơ sở"
		" bộ,", " bộ ngành", " các bộ ", " bộ tài chính", " bộ nông nghiệp", " bộ lao động", " bộ kế hoạch", " bộ nội vụ",
		" bộ dân tộc", " bộ y tế", " bộ giáo dục", " bộ công an", " bộ xây dựng", " bộ công thương", " bộ tư pháp",
		"nghị bộ ", " sở,", " sở ngành", " các sở ", " sở tài chính", " sở nông nghiệp", " sở nội vụ", " sở y tế",
		" sở giáo dục", " sở lao động", " sở dân tộc", " sở xây dựng", " sở công thương", " sở tư pháp", " sở văn hóa",
		" sở khoa học", "nghị sở "}
	communeWords = []string{"ubnd xã", "ủy ban nhân dân xã", "uỷ ban nhân dân xã", "hđnd xã", "hội đồng nhân dân xã", "đảng ủy xã",
		"đảng uỷ xã", "lãnh đạo xã", "ban chỉ đạo xã", "ngân sách xã", "xã bố trí", "xã hỗ trợ", "xã quan tâm", "các phòng", "văn phòng hđnd",
		// the bank's local office is one of the plan's own units
		"phòng giao dịch", "pgd", "điểm giao dịch"}
)

// notAnOffice hides the words whose "bộ" or "sở" names no ministry and no
// department ("cán bộ, hội viên", "cơ sở, trang thiết bị").
var notAnOffice = strings.NewReplacer("cán bộ", "cán-bộ", "toàn bộ", "toàn-bộ", "đồng bộ", "đồng-bộ", "cơ sở", "cơ-sở",
	"bộ máy", "bộ-máy", "bộ hồ sơ", "bộ-hồ-sơ", "bộ phận", "bộ-phận", "trụ sở", "trụ-sở")

// AddresseeOf tells whom a proposal asks, by its words: any level above
// the commune makes it upward (a proposal to pass on is the commune's to
// make); else a word naming the commune makes it the commune's; else it is
// unclear.
func AddresseeOf(text string) Addressee {
	t := " " + strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(text), " "))) + " "
	t = notAnOffice.Replace(t)
	for _, w := range upwardWords {
		if strings.Contains(t, w) {
			return AddresseeUpward
		}
	}
	for _, w := range communeWords {
		if strings.Contains(t, w) {
			return AddresseeCommune
		}
	}
	return AddresseeUnclear
}

// ProposalsTo returns the units' proposals addressed as a says, in task
// order.
func (r *Report) ProposalsTo(a Addressee) []Attributed {
	var out []Attributed
	for _, p := range r.Proposals {
		if AddresseeOf(p.Text) == a {
			out = append(out, p)
		}
	}
	return out
}
