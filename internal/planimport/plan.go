package planimport

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// planFacts are what the text around the table says about the plan.
type planFacts struct {
	kind        string // "Kế hoạch"
	number      string
	suffix      string // "KH-UBND"
	day         int
	month, year int
	issuer      string // "Ủy ban nhân dân xã Xốp"
	localKind   string // "xã"
	localName   string // "Xốp"
	title       string
}

var (
	// "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp)"
	attachedRe = regexp.MustCompile(`(?i)^\(?\s*kèm theo\s+(.+?)\s+số\s*([0-9A-Za-z.\-]*)\s*/\s*([\p{L}0-9.\-]+)\s+(.*?)\s*của\s+(.+?)\s*\)?\s*$`)
	longDateRe = regexp.MustCompile(`(?i)ngày\s*([0-9]{1,2})?\s*tháng\s*([0-9]{1,2})\s*năm\s*([0-9]{4})`)
	shortDate  = regexp.MustCompile(`([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})`)
)

// readPlan finds the plan's facts in the lines around the table.
func readPlan(lines []string, n *notes) planFacts {
	var pf planFacts
	ref := -1
	for i, l := range lines {
		l = vntext.Clean(l)
		m := attachedRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		ref = i
		pf.kind = sentenceCase(m[1])
		pf.number = m[2]
		pf.suffix = strings.ToUpper(m[3])
		if d := longDateRe.FindStringSubmatch(m[4]); d != nil {
			pf.day, _ = strconv.Atoi(d[1])
			pf.month, _ = strconv.Atoi(d[2])
			pf.year, _ = strconv.Atoi(d[3])
		} else if d := shortDate.FindStringSubmatch(m[4]); d != nil {
			pf.day, _ = strconv.Atoi(d[1])
			pf.month, _ = strconv.Atoi(d[2])
			pf.year, _ = strconv.Atoi(d[3])
		}
		pf.issuer = m[5]
		if f := vntext.Fold(pf.issuer); strings.HasPrefix(f, "ubnd ") {
			_, rest, _ := strings.Cut(pf.issuer, " ")
			pf.issuer = "Ủy ban nhân dân " + rest
		}
		pf.localKind, pf.localName = localBody(pf.issuer)
		break
	}
	if ref < 0 {
		n.add(topicPlan, "", "không thấy dòng «(Kèm theo Kế hoạch số ... ngày ... của Ủy ban nhân dân ...)» phía trên bảng: ghi số, ngày của kế hoạch, cơ quan ban hành và tên xã, phường trong plan.yaml")
		return pf
	}
	// The title: the lines between "PHỤ LỤC" and the line citing the plan.
	var title []string
	for _, l := range lines[:ref] {
		f := vntext.Fold(l)
		if f == "phu luc" || strings.HasPrefix(f, "phu luc ") && len(strings.Fields(f)) <= 3 {
			title = nil
			continue
		}
		title = append(title, strings.TrimSpace(l))
	}
	pf.title = titleOf(strings.Join(title, " "), pf.kind)
	return pf
}

// localBody splits "Ủy ban nhân dân xã Xốp" into "xã" and "Xốp".
func localBody(issuer string) (kind, name string) {
	words := strings.Fields(issuer)
	for i := range words {
		f := vntext.Fold(words[i])
		switch {
		case f == "xa" || f == "phuong":
			kind = strings.ToLower(vntext.Clean(words[i]))
			return kind, strings.Join(words[i+1:], " ")
		case f == "dac" && i+1 < len(words) && vntext.Fold(words[i+1]) == "khu":
			return "đặc khu", strings.Join(words[i+2:], " ")
		}
	}
	return "", ""
}

// titleOf makes the plan's title from the appendix's heading: from "Kế
// hoạch" on ("NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH THỰC HIỆN ..." -> "Kế hoạch
// thực hiện ..."), in sentence case when written in capitals.
func titleOf(heading, kind string) string {
	heading = strings.Join(strings.Fields(heading), " ")
	if heading == "" {
		return ""
	}
	words := strings.Fields(heading)
	k := strings.Fields(vntext.Fold(kind))
	for i := 0; len(k) > 0 && i+len(k) <= len(words); i++ {
		if vntext.Fold(strings.Join(words[i:i+len(k)], " ")) == strings.Join(k, " ") {
			words = words[i:]
			break
		}
	}
	t := strings.Join(words, " ")
	if isUpper(t) {
		t = sentenceCase(t)
	}
	return t
}

func isUpper(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*9
}

// sentenceCase lowers every word but the first letter of the text, keeping
// symbols such as "1560/QĐ-TTG" as they are.
func sentenceCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.ContainsAny(w, "0123456789/") {
			continue
		}
		words[i] = strings.ToLower(w)
	}
	out := strings.Join(words, " ")
	for i, r := range out {
		return out[:i] + string(unicode.ToUpper(r)) + out[i+len(string(r)):]
	}
	return out
}

// date writes the plan's date as the data files do: dd/mm/yyyy, or "" when
// the day is left blank.
func (pf planFacts) date() string {
	if pf.day < 1 || pf.day > 31 || pf.month < 1 || pf.month > 12 || pf.year == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", pf.day, pf.month, pf.year)
}

// reference cites the plan as the catalog does: "Kế hoạch số      /KH-UBND
// ngày      tháng 9 năm 2025 của Ủy ban nhân dân xã Xốp", blanks kept.
func (pf planFacts) reference(kind, suffix, issuer string) string {
	number := pf.number
	if number == "" {
		number = "     "
	}
	date := fmt.Sprintf("ngày      tháng %d năm %d", pf.month, pf.year)
	if pf.day > 0 {
		month := strconv.Itoa(pf.month)
		if pf.month <= 2 {
			month = "0" + month
		}
		date = fmt.Sprintf("ngày %02d tháng %s năm %d", pf.day, month, pf.year)
	}
	return fmt.Sprintf("%s số %s/%s %s của %s", kind, number, suffix, date, issuer)
}

// localKindOK tells a kind the catalog accepts.
func localKindOK(kind string) bool {
	for _, k := range catalog.LocalKinds {
		if k == kind {
			return true
		}
	}
	return false
}
