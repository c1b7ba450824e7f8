package compose

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"baocao/internal/period"
	"baocao/internal/vntext"
)

// emptyWords are clauses that say nothing a reader can use: a plan
// followed, nothing arisen, a status typed where the results go, the
// sample data's marker. Compared folded, without the final stop.
var emptyWords = map[string]bool{
	"tiep tuc trien khai theo ke hoach": true, "tiep tuc thuc hien theo ke hoach": true,
	"trien khai theo ke hoach": true, "thuc hien theo ke hoach": true, "nhu ke hoach": true,
	"theo ke hoach": true, "tiep tuc trien khai": true, "tiep tuc thuc hien": true,
	"khong phat sinh": true, "khong phat sinh trong ky": true, "chua phat sinh": true,
	"khong": true, "khong co": true, "khong co gi": true, "ko": true, "ko co": true, "khong co ket qua": true,
	"hoan thanh": true, "dang thuc hien": true, "chua thuc hien": true, "dang trien khai": true,
	"da hoan thanh": true, "du lieu mau": true, "x": true,
}

// isEmpty tells a clause that says nothing.
func isEmpty(clause string) bool {
	k := key(clause)
	return k == "" || emptyWords[k]
}

// key is a clause compared: folded, spaces and the stops at its ends gone.
// The same clauses are compared many times over a report: their keys are
// kept (the cache is dropped whole past a bound, so that a page open for
// months does not grow).
func key(s string) string {
	keys.Lock()
	defer keys.Unlock()
	if k, ok := keys.m[s]; ok {
		return k
	}
	if len(keys.m) > 50000 || keys.m == nil {
		keys.m = map[string]string{}
	}
	k := vntext.Fold(strings.Trim(unbullet(s), " .;:,!?"))
	keys.m[s] = k
	return k
}

var keys struct {
	sync.Mutex
	m map[string]string
}

// unbullet drops the bullet a unit typed before its text.
func unbullet(s string) string {
	s = strings.TrimSpace(s)
	for {
		rest, ok := "", false
		for _, b := range []string{"-", "+", "•", "*", "–", "·"} {
			if r, cut := strings.CutPrefix(s, b); cut {
				rest, ok = r, true
				break
			}
		}
		if !ok {
			return s
		}
		s = strings.TrimSpace(rest)
	}
}

// clauses splits a unit's cell into what it says, in order: a line each,
// and the parts of a line the unit separated with «;». Bullets and final
// stops go, the unit's case stays. A line ending with «:» keeps the list
// under it (joined with «; »), a line ending with «,» goes on with the next.
func clauses(cell string) []string {
	var out []string
	list := false // the last clause ends with ":" and gathers a list
	for _, line := range strings.Split(strings.ReplaceAll(cell, "\r", ""), "\n") {
		raw := strings.TrimSpace(line)
		text := strings.TrimRight(unbullet(raw), " .;")
		if strings.Trim(text, " .;:,!?") == "" {
			continue
		}
		bulleted := text != strings.TrimRight(raw, " .;")
		if n := len(out); n > 0 {
			last := out[n-1]
			switch {
			case strings.HasSuffix(last, ":"):
				out[n-1] = last + " " + text
				list = true
				continue
			case list && bulleted:
				out[n-1] = last + "; " + text
				continue
			case strings.HasSuffix(last, ","):
				out[n-1] = last + " " + text
				continue
			}
		}
		list = false
		for _, part := range strings.Split(text, ";") {
			if part = strings.TrimSpace(strings.TrimRight(unbullet(part), " .")); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// sayings are the clauses of a cell that say something: the empty ones
// dropped, a clause the cell repeats said once (units copy a line down),
// a quarter's label («Quý I năm 2026: ») kept on the first clause of that
// quarter that says something. A quarter's words are its own: a clause
// repeated in the next quarter stays there.
func sayings(cell string) []string {
	var out []string
	label := ""
	seen := map[string]bool{}
	for _, c := range clauses(cell) {
		if m := periodLabel.FindString(c); m != "" {
			label, c = m, c[len(m):]
			clear(seen)
		}
		if isEmpty(c) || seen[key(c)] {
			continue
		}
		seen[key(c)] = true
		out = append(out, label+c)
		label = ""
	}
	return out
}

// joinClauses writes clauses as one run of prose: «; » between them, a
// clause that starts with a verb in small letters after it («…; đăng 04
// tin»). Names, codes and figures keep their case.
func (w *writer) joinClauses(cs []string) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		if p, ok := w.predicate(c); ok && i > 0 && !periodLabel.MatchString(c) {
			c = p
		}
		out[i] = c
	}
	return strings.Join(out, "; ")
}

// abbreviations spelled out in prose (Decree 30/2020: a name in full).
// A document's symbol (12/KH-UBND) keeps its letters: only a word standing
// alone is replaced.
var abbreviations = []struct{ short, long string }{
	{"UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"},
	{"UBMTTQ", "Ủy ban Mặt trận Tổ quốc"},
	{"MTTQVN", "Mặt trận Tổ quốc Việt Nam"},
	{"MTTQ", "Mặt trận Tổ quốc"},
	{"UBND", "Ủy ban nhân dân"},
	{"HĐND", "Hội đồng nhân dân"},
	{"NHCSXH", "Ngân hàng Chính sách xã hội"},
	{"HĐQT", "Hội đồng quản trị"},
	{"TK&VV", "Tiết kiệm và vay vốn"},
	{"TKVV", "Tiết kiệm và vay vốn"},
	{"CSXH", "chính sách xã hội"},
	{"HSSV", "học sinh, sinh viên"},
	{"DTTS", "dân tộc thiểu số"},
	{"PGD", "Phòng giao dịch"},
	{"CCB", "Cựu chiến binh"},
	{"TTĐT", "thông tin điện tử"},
}

// documentWords are the kinds of document a unit names before a number
// without «số» («Chỉ thị 39-CT/TW», «QĐ 22/2023/QĐ-TTg»): prose writes
// «Chỉ thị số 39-CT/TW», «Quyết định số 22/2023/QĐ-TTg».
var documentWords = regexp.MustCompile(`(^|[\s(])(Quyết định|QĐ|Kế hoạch|KH|Chỉ thị|Nghị quyết|NQ|Nghị định|NĐ|Thông tư|TT|Công văn|CV|Tờ trình|Thông báo|TB|Hướng dẫn|HD) (\d+[/-])`)

// shortKinds spells out a document's kind written in its letters.
var shortKinds = map[string]string{"QĐ": "Quyết định", "KH": "Kế hoạch", "NQ": "Nghị quyết", "NĐ": "Nghị định", "TT": "Thông tư", "CV": "Công văn", "TB": "Thông báo", "HD": "Hướng dẫn"}

// nationalIssuers are the issuers a document's symbol names beyond doubt
// in any text: «22/2023/QĐ-TTg» is the Prime Minister's.
var nationalIssuers = regexp.MustCompile(`(\d+/(?:\d{4}/)?[\p{L}]+-(TTg|CP))\b( của)?`)

// citeInline writes the documents a unit names in its words as prose cites
// them: «số» after the kind, the kind in words, the national issuer named.
func citeInline(text string) string {
	if !strings.ContainsAny(text, "0123456789") {
		return text
	}
	text = documentWords.ReplaceAllStringFunc(text, func(m string) string {
		sm := documentWords.FindStringSubmatch(m)
		kind := sm[2]
		if long, ok := shortKinds[kind]; ok {
			kind = long
		}
		return sm[1] + kind + " số " + sm[3]
	})
	return nationalIssuers.ReplaceAllStringFunc(text, func(m string) string {
		sm := nationalIssuers.FindStringSubmatch(m)
		if sm[3] != "" {
			return m // the unit named the issuer
		}
		return sm[1] + " của " + map[string]string{"TTg": "Thủ tướng Chính phủ", "CP": "Chính phủ"}[sm[2]]
	})
}

var abbrevRe = func() *regexp.Regexp {
	var alts []string
	for _, a := range abbreviations {
		alts = append(alts, regexp.QuoteMeta(a.short))
	}
	// not inside a symbol: no letter, digit, "/" or "-" on either side
	return regexp.MustCompile(`(^|[^\p{L}\p{N}/\-&])(` + strings.Join(alts, "|") + `)($|[^\p{L}\p{N}/\-&])`)
}()

// spellOut replaces the abbreviations of a text with their words, except
// inside the names in keep (the office's own name is written as it is).
func spellOut(text string, keep []string) string {
	if !hasCapitals(text) {
		return text
	}
	var held []string
	for i, k := range keep {
		if k != "" && strings.Contains(text, k) {
			mark := "\x00" + strconv.Itoa(i) + "\x00"
			text = strings.ReplaceAll(text, k, mark)
			held = append(held, mark, k)
		}
	}
	long := map[string]string{}
	for _, a := range abbreviations {
		long[a.short] = a.long
	}
	// Two passes: a match takes the character after it, so «UBND, HĐND»
	// needs a second look.
	for range 2 {
		text = abbrevRe.ReplaceAllStringFunc(text, func(m string) string {
			sm := abbrevRe.FindStringSubmatch(m)
			return sm[1] + long[sm[2]] + sm[3]
		})
	}
	if len(held) > 0 {
		text = strings.NewReplacer(held...).Replace(text)
	}
	return text
}

// hasCapitals tells a text with two capital letters in a row: where an
// abbreviation can be.
func hasCapitals(text string) bool {
	before := false
	for _, r := range text {
		upper := unicode.IsUpper(r)
		if upper && before {
			return true
		}
		before = upper
	}
	return false
}

var dateRe = regexp.MustCompile(`(^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})($|[^\d/])`)

// decreeDates rewrites the dates a unit typed (dd/mm/yyyy, d/m/yyyy) the
// way Decree 30/2020 writes them: 20/01/2026, 14/3/2026. A document's
// number (22/2023/QĐ-TTg) is no date.
func decreeDates(text string) string {
	if strings.Count(text, "/") < 2 {
		return text
	}
	for range 2 {
		text = dateRe.ReplaceAllStringFunc(text, func(m string) string {
			sm := dateRe.FindStringSubmatch(m)
			day, _ := strconv.Atoi(sm[2])
			month, _ := strconv.Atoi(sm[3])
			year, _ := strconv.Atoi(sm[4])
			t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if t.Day() != day || int(t.Month()) != month {
				return m
			}
			return sm[1] + period.NumericDate(t) + sm[5]
		})
	}
	return text
}

// quotes turns straight double quotes into typographic ones, as the
// report's Times New Roman text has them.
func quotes(text string) string {
	var b strings.Builder
	open := true
	for _, r := range text {
		if r == '"' {
			if open {
				b.WriteRune('“')
			} else {
				b.WriteRune('”')
			}
			open = !open
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nounStarts are words that begin a noun phrase rather than what a unit
// did: such a text cannot follow the unit's name as its verb.
var nounStarts = map[string]bool{
	"tong": true, "so": true, "du": true, "nguon": true, "quy": true, "ke": true, "quyet": true,
	"cac": true, "mot": true, "nhieu": true, "toan": true, "ty": true, "muc": true, "ket": true,
	"trong": true, "tai": true, "den": true, "tu": true, "theo": true, "nhin": true, "ve": true,
	"uy": true, "dai": true, "hoi": true, "phong": true, "ngan": true, "nguoi": true, "ho": true,
	"cong": true, "viec": true, "nam": true, "thon": true, "xa": true, "diem": true,
}

// asPredicate tells whether a text starts with what its unit did (a verb:
// «Tổ chức 01 hội nghị», «Phối hợp…»), so that it reads after the unit's
// name, and returns it with its first letter small. A figure, a name or a
// noun first («12 tin bài…», «Quỹ “Vì người nghèo”…») is no predicate.
func asPredicate(text string) (string, bool) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return text, false
	}
	first := words[0]
	r, n := utf8.DecodeRuneInString(first)
	if !unicode.IsLetter(r) || nounStarts[vntext.Fold(first)] {
		return text, false
	}
	if strings.IndexFunc(strings.TrimRight(first, ",:;"), func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return text, false // a code or a figure: «I.1:», «V2»
	}
	rest := first[n:]
	if rest != strings.ToLower(rest) {
		return text, false // an acronym: UBND, TK&VV
	}
	if len(words) > 1 && vntext.Fold(first) != "to" {
		if r2, _ := utf8.DecodeRuneInString(words[1]); unicode.IsUpper(r2) && unicode.IsUpper(r) {
			return text, false // a proper name: «Ban đại diện» stays
		}
	}
	if vntext.Fold(first) == "to" && len(words) > 1 {
		if r2, _ := utf8.DecodeRuneInString(words[1]); unicode.IsUpper(r2) {
			return text, false // «Tổ Tiết kiệm và vay vốn», a noun
		}
	}
	return strings.ToLower(string(r)) + text[n:], true
}

// upperFirst gives a text its capital.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return strings.ToUpper(string(r)) + s[n:]
}

// lowerFirst takes a text's capital away, unless its first word is an
// acronym.
func lowerFirst(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(words[0])
	if rest := words[0][n:]; rest != strings.ToLower(rest) {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToLower(string(r)) + s[n:]
}

// names joins unit names as prose does: «A, B và C».
func names(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " và " + list[len(list)-1]
}

// stop ends a sentence with a full stop, once.
func stop(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), " ;,:")
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}
