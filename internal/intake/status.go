package intake

import (
	"regexp"
	"slices"
	"strings"

	"baocao/internal/forms"
	"baocao/internal/vntext"
)

// How a status cell was read.
type statusHow int

const (
	// statusExact: one of the drop-down wordings (in any case, with or
	// without diacritics): nothing was interpreted.
	statusExact statusHow = iota
	// statusSynonym: other words for one status ("đã xong", "chưa làm").
	statusSynonym
	// statusQualified: a status with more said ("hoàn thành 80%",
	// "hoàn thành một phần"): the status is the nearest one, and the
	// unit's words go into the report beside it.
	statusQualified
	// statusUnclear: not clearly one status: Unknown, words kept.
	statusUnclear
)

// Why a status was left unclear, for the message.
type unclearWhy int

const (
	whyNotUnderstood unclearWhy = iota
	whyNegated                  // "không hoàn thành", "chưa đạt": never Hoàn thành, and not one other status
	whyBasically                // "cơ bản hoàn thành": done or not, the words do not say
	whyConflict                 // two statuses at once
	whyNotApplicable            // "không" alone, "không thực hiện": no, or nothing to do?
	whyFraction                 // "hoàn thành 1/2": a share, or a date?
)

// statusReading is what a status cell says.
type statusReading struct {
	status forms.Status
	how    statusHow
	why    unclearWhy // for statusUnclear
}

// words tells whether the unit's own words must reach the report.
func (s statusReading) words() bool { return s.how >= statusQualified }

// The claims one clause of a status text can make.
type claim int

const (
	claimNone claim = iota
	claimDone
	claimStarted // "đã thực hiện", "đã triển khai": done, unless a clause says otherwise
	claimProgress
	claimNotStarted
	claimNotApplicable
	claimNotDone   // "chưa hoàn thành", "không đạt": not done, nothing more
	claimBasically // "cơ bản hoàn thành"
	claimNegated   // "không thực hiện", "không": a bare no
)

var (
	percentRe = regexp.MustCompile(`(\d{1,3}(?:[.,]\d+)?)\s*(?:%|phần trăm)`)
	// A date is no share done: "ngày 15/3", "15/03/2026".
	dateRe = regexp.MustCompile(`(?:ngày|ngay|tháng|thang)\s*\d{1,2}\s*/\s*\d{1,4}(?:\s*/\s*\d{2,4})?|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}`)
	// A document's number or a deadline is no share done either: "QĐ
	// 15/2025", "Nghị định 30/2020/NĐ-CP", "15/QĐ-UBND", "trước 31/3".
	// A year counts only after a document's kind or before a further
	// "/": «1500/2000 hộ» is a share done.
	referenceRe = regexp.MustCompile(`(?i)(?:qđ|nq|nđ|kh|tt|ct|cv|tb|bc|số|quyết định|nghị định|nghị quyết|kế hoạch|thông tư|chỉ thị|công văn|thông báo|báo cáo)\s*(?:số\s*)?\d+\s*/\s*(?:19|20)\d\d\b|\d+\s*/\s*(?:19|20)\d\d\s*/|\d+\s*/\s*\p{L}|(?:trước|hạn)\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}`)
	// A fraction N/N is the whole of it: "12/12 thôn", "50/50 hộ".
	wholeRe = regexp.MustCompile(`\b(\d+)\s*/\s*(\d+)\b`)
	// What is left of the form "1/2", "3/5": a share done or a date.
	fractionRe   = regexp.MustCompile(`\d\s*/\s*\d`)
	clauseSplit  = regexp.MustCompile(`[,;:()\[\]/\\|\n–—]+|\s-\s|\s+(?:nhưng|song|tuy nhiên|còn)\s+`)
	statusMarkRe = regexp.MustCompile(`^(?:[xXvV✓✔√☑✗✘●•■+*]|có|Có|ok|OK|1)$`)
)

// The folded words of status texts.
var (
	// Negations, with the short forms units type ("ko", "k", "kg"); not
	// "kh", which is mostly "kế hoạch" ("KH hoàn thành tháng 6").
	negWords      = []string{"khong", "chua", "chang", "cha", "ko", "k", "kg", "khg"}
	futureWords   = [][]string{{"du", "kien"}, {"se"}, {"phan", "dau"}, {"sap", "toi"}, {"ke", "hoach", "hoan", "thanh"}}
	completeWords = [][]string{{"hoan", "thanh"}, {"xong"}, {"dat"}, {"ket", "thuc"}}
	doingWords    = [][]string{{"thuc", "hien"}, {"trien", "khai"}, {"lam"}, {"to", "chuc"}, {"bat", "dau"}, {"tien", "hanh"}, {"ban", "hanh"}}
	partialWords  = [][]string{{"mot", "phan"}, {"1", "phan"}, {"nua"}, {"mot", "so"}, {"hau", "het"}, {"phan", "lon"}, {"buoc", "dau"}, {"gan"}, {"sap"}, {"chua", "het"}, {"con", "lai"}, {"giai", "doan"}}
	beyondWords   = [][]string{{"vuot"}}
	basicWords    = [][]string{{"co", "ban"}}
	progressWords = [][]string{{"dang"}, {"tiep", "tuc"}, {"thuong", "xuyen"}}
	naWords       = [][]string{{"khong", "phat", "sinh"}, {"chua", "phat", "sinh"}, {"khong", "ap", "dung"}, {"khong", "thuoc", "dien"}}
	// After "không có", these words keep the meaning "nothing to do".
	naAfterNoHave = []string{"nhiem", "vu", "viec", "phat", "sinh", "hoat", "dong", "noi", "dung", "gi", "trong", "ky", "cong", "nay"}
	// Words that add nothing to a status.
	fillerWords = []string{"da", "duoc", "roi", "tot", "trong", "ky", "nay", "nhiem", "vu", "theo", "ke", "hoach", "dung", "tien", "do",
		"han", "xuat", "sac", "cong", "viec", "va", "cac", "noi", "dung", "100", "yeu", "cau", "thuc", "hien", "hoan", "thanh", "het", "tat", "ca", "day", "du"}
)

// foldedStatuses are the drop-down wordings folded, in forms.Statuses order.
var foldedStatuses = func() []string {
	var out []string
	for _, st := range forms.Statuses {
		out = append(out, vntext.Fold(st.String()))
	}
	return out
}()

// readStatusText reads a status written in the unit's own words. The four
// drop-down wordings are exact. Anything else is read with care: a
// negation is never dropped, a share done below 100% is Đang thực hiện,
// and what is not clearly one status is left Unknown.
func readStatusText(text string) statusReading {
	for _, st := range forms.Statuses {
		if text == st.String() {
			return statusReading{status: st, how: statusExact} // the drop-down: most cells
		}
	}
	folded := vntext.Fold(text)
	if folded == "" {
		return statusReading{status: forms.StatusUnknown, how: statusUnclear}
	}
	for i, f := range foldedStatuses {
		if folded == f {
			return statusReading{status: forms.Statuses[i], how: statusExact}
		}
	}
	lower := dateRe.ReplaceAllString(strings.ToLower(vntext.Clean(text)), " ngày ")
	lower = referenceRe.ReplaceAllString(lower, " số ") // more said: the words reach the report
	lower = wholeRe.ReplaceAllStringFunc(lower, func(f string) string {
		if m := wholeRe.FindStringSubmatch(f); m[1] == m[2] {
			return " "
		}
		return f
	})
	if fractionRe.MatchString(lower) {
		return statusReading{status: forms.StatusUnknown, how: statusUnclear, why: whyFraction}
	}

	// Shares done: "80%", "hoàn thành 80 phần trăm".
	var percents []float64
	for _, m := range percentRe.FindAllStringSubmatch(lower, -1) {
		if v, ok := vntext.ParseNumber(m[1]); ok {
			percents = append(percents, v)
		}
	}
	rest := percentRe.ReplaceAllString(lower, " ")

	// Claims clause by clause: "đã triển khai, chưa hoàn thành".
	var claims []claim
	leftover := false
	carried := "" // a negation that ends a clause goes on to the next: "không (hoàn thành)"
	clauses := clauseSplit.Split(rest, -1)
	for ci, clause := range clauses {
		words := expandShort(strings.Fields(vntext.Fold(clause)))
		if carried != "" {
			words = append([]string{carried}, words...)
			carried = ""
		}
		if n := len(words); n > 0 && ci < len(clauses)-1 && slices.Contains(negWords, words[n-1]) {
			carried, words = words[n-1], words[:n-1] // said once, by the next clause
		}
		c, extra := clauseClaim(words)
		if c != claimNone {
			claims = append(claims, c)
		}
		leftover = leftover || extra
	}
	has := func(c claim) bool { return slices.Contains(claims, c) }
	only := func(allowed ...claim) bool {
		for _, c := range claims {
			if !slices.Contains(allowed, c) {
				return false
			}
		}
		return true
	}
	unclear := func(why unclearWhy) statusReading {
		return statusReading{status: forms.StatusUnknown, how: statusUnclear, why: why}
	}
	mapped := func(st forms.Status, qualified bool) statusReading {
		if qualified || leftover {
			return statusReading{status: st, how: statusQualified}
		}
		return statusReading{status: st, how: statusSynonym}
	}

	if len(percents) > 1 {
		return unclear(whyConflict)
	}
	if len(percents) == 1 {
		v := percents[0]
		switch {
		case has(claimNotApplicable) || has(claimNegated) || has(claimBasically):
			return unclear(whyConflict)
		case v >= 100 && has(claimNotDone):
			return unclear(whyNegated) // "chưa đạt 100%"
		case v > 100:
			return mapped(forms.StatusDone, true)
		case v == 100:
			if has(claimNotStarted) || has(claimProgress) {
				return unclear(whyConflict)
			}
			return mapped(forms.StatusDone, false)
		case v == 0:
			if !only(claimNotStarted, claimDone, claimNotDone, claimStarted) {
				return unclear(whyConflict)
			}
			return mapped(forms.StatusNotStarted, true)
		default:
			if has(claimNotStarted) {
				return unclear(whyConflict)
			}
			return mapped(forms.StatusInProgress, true)
		}
	}

	switch {
	case len(claims) == 0:
		return unclear(whyNotUnderstood)
	case has(claimNotApplicable):
		if only(claimNotApplicable) {
			return mapped(forms.StatusNotApplicable, false)
		}
		return unclear(whyConflict)
	case has(claimNegated):
		if only(claimNegated) {
			return unclear(whyNotApplicable)
		}
		return unclear(whyConflict)
	case has(claimBasically):
		return unclear(whyBasically)
	case only(claimDone):
		return mapped(forms.StatusDone, false)
	case only(claimStarted):
		return mapped(forms.StatusDone, false)
	case only(claimDone, claimStarted):
		return mapped(forms.StatusDone, false)
	case only(claimProgress):
		return mapped(forms.StatusInProgress, false)
	case only(claimNotStarted):
		return mapped(forms.StatusNotStarted, false)
	case only(claimNotDone):
		return unclear(whyNegated)
	case only(claimDone, claimStarted, claimProgress, claimNotDone):
		if has(claimDone) && has(claimNotDone) && !has(claimProgress) && !has(claimStarted) {
			return unclear(whyConflict) // "hoàn thành / chưa hoàn thành"
		}
		// Some of it done or begun, some still going or not finished:
		// "đã triển khai, chưa hoàn thành", "hoàn thành giai đoạn 1,
		// đang thực hiện giai đoạn 2".
		return mapped(forms.StatusInProgress, true)
	case only(claimNotStarted, claimNotDone):
		return mapped(forms.StatusNotStarted, true)
	}
	return unclear(whyConflict)
}

// clauseClaim reads one clause (folded words): the status it claims, and
// whether it has words beyond a status and fillers.
func clauseClaim(w []string) (claim, bool) {
	if len(w) == 0 {
		return claimNone, false
	}
	used := make([]bool, len(w))
	at := func(i int, phrase []string) bool {
		if i+len(phrase) > len(w) {
			return false
		}
		for j, p := range phrase {
			if w[i+j] != p {
				return false
			}
		}
		return true
	}
	mark := func(i, n int) {
		for j := i; j < i+n && j < len(used); j++ {
			used[j] = true
		}
	}
	find := func(phrases [][]string) (int, int) {
		for i := range w {
			for _, p := range phrases {
				if at(i, p) {
					return i, len(p)
				}
			}
		}
		return -1, 0
	}
	leftover := func() bool {
		for i, x := range w {
			if !used[i] && !slices.Contains(fillerWords, x) {
				return true
			}
		}
		return false
	}

	// Nothing to do in the period.
	if i, n := find(naWords); i >= 0 {
		mark(i, n)
		return claimNotApplicable, leftover()
	}
	if at(0, []string{"khong", "co"}) {
		rest := w[2:]
		ok := true
		for _, x := range rest {
			ok = ok && slices.Contains(naAfterNoHave, x)
		}
		if ok {
			return claimNotApplicable, false
		}
	}

	// What the future holds claims nothing: "dự kiến xong tháng 6".
	if i, _ := find(futureWords); i >= 0 {
		w, used = w[:i], used[:i]
		if len(w) == 0 {
			return claimNone, true
		}
	}

	// A negation before a verb (up to two words between: "chưa được
	// triển khai", "không thể hoàn thành").
	negAt := -1
	for i, x := range w {
		if slices.Contains(negWords, x) {
			negAt = i
			break
		}
	}
	verbAfter := func(phrases [][]string) (int, int) {
		for i := negAt + 1; i < len(w) && i <= negAt+3; i++ {
			for _, p := range phrases {
				if at(i, p) {
					return i, len(p)
				}
			}
		}
		return -1, 0
	}
	if negAt >= 0 {
		mark(negAt, 1)
		neg := w[negAt]
		if i, n := verbAfter(completeWords); i >= 0 {
			mark(i, n)
			mark(negAt, i-negAt)
			return claimNotDone, leftover()
		}
		if i, n := verbAfter(doingWords); i >= 0 {
			mark(i, n)
			mark(negAt, i-negAt)
			if neg == "chua" {
				return claimNotStarted, leftover()
			}
			return claimNegated, leftover() // "không thực hiện": did not, or need not?
		}
		if len(w) == 1 {
			if neg == "chua" {
				return claimNotStarted, false
			}
			return claimNegated, false
		}
		// A negation of something else ("không có vướng mắc") claims
		// nothing; what comes before it may ("hoàn thành không có
		// vướng mắc").
		if negAt == 0 {
			return claimNone, true
		}
		c, _ := clauseClaim(w[:negAt])
		return c, true
	}

	if i, n := find(basicWords); i >= 0 {
		if j, m := find(completeWords); j >= 0 {
			mark(i, n)
			mark(j, m)
			return claimBasically, leftover()
		}
	}
	if i, n := find(progressWords); i >= 0 {
		mark(i, n)
		if j, m := find(doingWords); j >= 0 {
			mark(j, m)
		}
		if j, m := find(completeWords); j >= 0 && w[i] == "dang" {
			mark(j, m) // "đang hoàn thành": finishing
		}
		return claimProgress, leftover() || w[i] == "thuong"
	}
	if i, n := find(completeWords); i >= 0 {
		mark(i, n)
		if j, m := find(partialWords); j >= 0 {
			mark(j, m)
			return claimProgress, true // "hoàn thành một phần", "gần xong"
		}
		if j, m := find(beyondWords); j >= 0 {
			mark(j, m)
			return claimDone, true // "hoàn thành vượt kế hoạch"
		}
		return claimDone, leftover()
	}
	if i, n := find(doingWords); i >= 0 {
		if i > 0 && w[i-1] == "da" {
			mark(i-1, n+1)
			return claimStarted, leftover()
		}
	}
	return claimNone, true
}

// isStatusMark tells a cell that marks a status column: "x", "✓", "1".
func isStatusMark(v string) bool {
	return statusMarkRe.MatchString(strings.TrimSpace(v))
}

// expandShort spells out "kh" as "kế hoạch", its usual meaning in a
// status ("KH hoàn thành tháng 6": planned, not done).
func expandShort(words []string) []string {
	if !slices.Contains(words, "kh") {
		return words
	}
	var out []string
	for _, w := range words {
		if w == "kh" {
			out = append(out, "ke", "hoach")
			continue
		}
		out = append(out, w)
	}
	return out
}
