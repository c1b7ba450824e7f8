package compose

import (
	"regexp"
	"slices"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// kinds names a document by the first part of its symbol (Decree 30/2020,
// Appendix III): «KH» in 12/KH-UBND is a Kế hoạch.
var kinds = map[string]string{
	"KH": "Kế hoạch", "QĐ": "Quyết định", "BC": "Báo cáo", "TTr": "Tờ trình", "TB": "Thông báo",
	"NQ": "Nghị quyết", "CT": "Chỉ thị", "HD": "Hướng dẫn", "KL": "Kết luận", "CV": "Công văn",
	"QC": "Quy chế", "QyĐ": "Quy định", "CTr": "Chương trình", "BB": "Biên bản", "GM": "Giấy mời",
}

// symbolRe finds a document's number and symbol: «12/KH-UBND»,
// «22/2023/QĐ-TTg», «02/BC-MTTQ», and the words before it.
var symbolRe = regexp.MustCompile(`^(.*?)(?:\s*số\s*|\s*[Ss]ố:?\s*)?(\d+(?:/\d{4})?)/([\p{L}]+(?:-[\p{L}\d]+)+)`)

// citer cites documents inline, the issuer named from the symbol where the
// symbol says it unambiguously.
type citer struct {
	c *catalog.Catalog
	// units are the units' names by their codes, short names and aliases
	// folded: the last part of a symbol («KT» in 08/TTr-KT)
	units map[string]string
}

func newCiter(c *catalog.Catalog) citer {
	ci := citer{c: c, units: map[string]string{}}
	for _, u := range c.Units {
		for _, n := range append([]string{u.Short}, u.Aliases...) {
			if n != "" {
				ci.units[vntext.Fold(n)] = u.Name
			}
		}
	}
	for _, u := range c.Units {
		ci.units[vntext.Fold(u.Code)] = u.Name // a code before any alias
	}
	return ci
}

// issuer names who issued a document with this symbol's last part, or ""
// when it does not say for sure.
func (ci citer) issuer(organ string) string {
	local := ci.c.Plan.LocalKind
	if local == "" {
		local = "xã"
	}
	switch organ {
	case "UBND":
		return "Ủy ban nhân dân " + local
	case "HĐND":
		return "Hội đồng nhân dân " + local
	case "TTg":
		return "Thủ tướng Chính phủ"
	case "CP":
		return "Chính phủ"
	}
	if u := ci.c.Unit(organ); u != nil {
		return u.Name
	}
	return ci.units[vntext.Fold(organ)]
}

// cite words one document line a unit typed as a citation: «Kế hoạch số
// 12/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân xã». The unit's own kind
// words are kept («Báo cáo giám sát số 02/BC-MTTQ»); «của …» is left out
// when the issuer is writer (the unit that did the work and cites it). A
// line with no symbol is kept as the unit typed it.
func (ci citer) cite(line, writer string) string {
	line = strings.TrimRight(unbullet(line), " .;,")
	m := symbolRe.FindStringSubmatch(line)
	if m == nil {
		return decreeDates(line)
	}
	before, number, symbol := strings.TrimSpace(m[1]), m[2], m[3]
	rest := strings.TrimSpace(line[len(m[0]):])
	parts := strings.Split(symbol, "-")
	// «30/UBND-VP» is a letter (công văn): the symbol starts with its
	// issuer, not with a kind, and ends with the office that drafted it
	organ := parts[len(parts)-1]
	kindWord, isKind := kinds[parts[0]]
	if !isKind {
		organ = parts[0]
	}
	kind := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(before, "số"), "Số"))
	if kind == "" || !startsWithKind(kind) {
		switch {
		case isKind:
			kind = kindWord
		case kind == "" || vntext.Fold(kind) == "cv":
			kind = "Công văn"
		}
	}
	out := kind + " số " + number + "/" + symbol
	if rest != "" {
		out += " " + rest
	}
	out = decreeDates(out)
	who := ci.issuer(organ)
	if who != "" && who != writer && !strings.Contains(vntext.Fold(rest), " cua ") && !strings.HasPrefix(vntext.Fold(rest), "cua ") {
		out += " của " + who
	}
	return out
}

// startsWithKind tells words a unit typed before a number that name the
// document («Báo cáo giám sát», «Kế hoạch»), not something else.
func startsWithKind(words string) bool {
	f := vntext.Fold(words)
	for _, k := range foldedKinds {
		if strings.HasPrefix(f, k) {
			return true
		}
	}
	return false
}

var foldedKinds = func() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, vntext.Fold(k))
	}
	return out
}()

// documentLines splits a documents cell into one document a line: a line
// each, and items numbered on one line («1. …; 2. …»).
func documentLines(cell string) []string {
	cell = numberedItem.ReplaceAllString(cell, "\n$1")
	var out []string
	for _, line := range strings.Split(cell, "\n") {
		line = itemNumber.ReplaceAllString(unbullet(line), "")
		if line = strings.TrimRight(strings.TrimSpace(line), ".;, "); line != "" && !isEmpty(line) {
			out = append(out, line)
		}
	}
	return out
}

var (
	numberedItem = regexp.MustCompile(`;\s*(\d{1,2}[.)]\s)`)
	itemNumber   = regexp.MustCompile(`^\d{1,2}[.)]\s+`)
)

// citations joins a unit's citations: where several in a row have the same
// issuer it is named once, after the last («Kế hoạch số 15/KH-UBND …;
// Quyết định số 45/QĐ-UBND … của Ủy ban nhân dân xã»).
func citations(list []string) string {
	out := slices.Clone(list)
	for i := 0; i+1 < len(out); i++ {
		a, b := out[i], out[i+1]
		if at := strings.LastIndex(a, " của "); at >= 0 && strings.HasSuffix(b, a[at:]) {
			out[i] = a[:at]
		}
	}
	return strings.Join(out, "; ")
}
