package province

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Asked is the communes' proposals to one body: To as the first commune
// wrote it («Ngân hàng Chính sách xã hội Việt Nam»), "" for the proposals
// that name no body.
type Asked struct {
	To   string
	Asks []Ask
}

// Ask is one proposal in a commune's words, and every commune that made
// it. Proposals are one Ask only when their words are the same but for
// letter case, spaces and the stops at their end: the province does not
// rewrite what a commune meant.
type Ask struct {
	Text     string
	Communes []Commune
}

// proposals groups the upward proposals of the communes that sent by the
// body asked, then by ask: bodies and asks made by more communes first,
// then in the order of the list; the proposals naming no body last. It
// also lists the communes whose attachment tells nothing of their
// proposals (a version 1 file, or one read from its printed sheets).
func (r *Rollup) proposals() {
	type group struct {
		asked    Asked
		communes map[string]bool
		index    map[string]int // ask key → index in asked.Asks
	}
	var groups []*group
	byBody := map[string]*group{}
	for _, c := range r.Communes {
		if !c.Sent() {
			continue
		}
		if !c.Attachment.Data.HasProposals() {
			r.NoProposals = append(r.NoProposals, c.Commune)
			continue
		}
		for _, p := range c.Attachment.Data.Proposals {
			text := strings.TrimSpace(p.Ask)
			if text == "" {
				continue
			}
			bk := sameWords(p.To)
			g := byBody[bk]
			if g == nil {
				g = &group{asked: Asked{To: strings.Join(strings.Fields(p.To), " ")}, communes: map[string]bool{}, index: map[string]int{}}
				byBody[bk] = g
				groups = append(groups, g)
			}
			g.communes[c.Commune.Code] = true
			ak := sameWords(text)
			i, ok := g.index[ak]
			if !ok {
				i = len(g.asked.Asks)
				g.index[ak] = i
				g.asked.Asks = append(g.asked.Asks, Ask{Text: strings.TrimRight(strings.Join(strings.Fields(text), " "), " .;")})
			}
			a := &g.asked.Asks[i]
			if !slices.ContainsFunc(a.Communes, func(x Commune) bool { return x.Code == c.Commune.Code }) {
				a.Communes = append(a.Communes, c.Commune)
			}
		}
	}
	slices.SortStableFunc(groups, func(a, b *group) int {
		if (a.asked.To == "") != (b.asked.To == "") {
			if a.asked.To == "" {
				return 1
			}
			return -1
		}
		return len(b.communes) - len(a.communes)
	})
	for _, g := range groups {
		slices.SortStableFunc(g.asked.Asks, func(a, b Ask) int { return len(b.Communes) - len(a.Communes) })
		r.Proposals = append(r.Proposals, g.asked)
	}
}

var stops = regexp.MustCompile(`[\s.;:,!]+$`)

// sameWords is what two proposals compare by: the same letters, in any
// case, spaces and the stops at the end aside (diacritics kept: «tăng»
// is not «tang»).
func sameWords(s string) string {
	s = strings.ToLower(norm.NFC.String(strings.Join(strings.Fields(s), " ")))
	return stops.ReplaceAllString(s, "")
}

// The most asks a body's paragraph of the report says, and the most
// communes an ask names there; the workbook's sheet has them all.
const (
	reportAsks     = 10
	reportCommunes = 10
)

// proposalTexts is the report's part on the communes' proposals: a
// paragraph a body asked, each ask with the communes that made it; the
// proposals naming no body one by one, as written.
func (r *Rollup) proposalTexts(sent int) []string {
	if sent == 0 {
		return []string{"Chưa có bảng tổng hợp của xã, phường, đặc khu nào."}
	}
	var out []string
	for _, g := range r.Proposals {
		var asks []string
		for i, a := range g.Asks {
			if i == reportAsks {
				asks = append(asks, fmt.Sprintf("và %d kiến nghị khác (tại bảng tổng hợp kèm theo, trang «%s»)", len(g.Asks)-reportAsks, SheetProposals))
				break
			}
			who := communeNames(a.Communes, reportCommunes)
			if len(a.Communes) > reportCommunes {
				who += fmt.Sprintf(", tên các xã tại bảng tổng hợp kèm theo, trang «%s»", SheetProposals)
			}
			asks = append(asks, fmt.Sprintf("%s (%s)", a.Text, who))
		}
		if g.To != "" {
			out = append(out, "Kiến nghị với "+g.To+": "+strings.Join(asks, "; ")+".")
			continue
		}
		out = append(out, "Các kiến nghị không nêu cơ quan nhận:")
		for _, a := range asks {
			out = append(out, "- "+a+".")
		}
	}
	if len(r.Proposals) == 0 {
		if len(r.NoProposals) < sent {
			out = append(out, "Các xã, phường, đặc khu đã gửi bảng tổng hợp không có đề xuất, kiến nghị với cấp trên.")
		}
	}
	if len(r.NoProposals) > 0 {
		out = append(out, fmt.Sprintf("Bảng tổng hợp của %s không mang đề xuất, kiến nghị (lập bằng phiên bản trước của chương trình, hoặc thiếu phần dữ liệu cho máy đọc): kiến nghị của các xã này xem trong báo cáo của xã.",
			communeNames(r.NoProposals, reportCommunes)))
	}
	return out
}

// communeNames names communes for the report: «các xã A, B» when they
// are of one kind, else each with its kind; past most, a count.
func communeNames(cs []Commune, most int) string {
	if len(cs) == 1 {
		return cs[0].FullName()
	}
	shown := cs
	if len(cs) > most {
		shown = cs[:most]
	}
	same := !slices.ContainsFunc(cs, func(c Commune) bool { return c.Kind != cs[0].Kind })
	var ns []string
	for _, c := range shown {
		if same {
			ns = append(ns, c.Name)
		} else {
			ns = append(ns, c.FullName())
		}
	}
	s := strings.Join(ns, ", ")
	if same {
		s = "các " + cs[0].Kind + " " + s
	}
	if len(cs) > most {
		s += fmt.Sprintf(" và %d xã, phường, đặc khu khác", len(cs)-most)
	}
	return s
}
