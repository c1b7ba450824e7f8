package compose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"baocao/internal/catalog"
)

// A unit writes its own name at the head of its words in many ways: in
// full, as units.yaml's short or called names or aliases, abbreviated
// («Ủy ban MTTQ xã», «Hội ND», «HND xã», «PGD NHCSXH»). Such a text is
// the unit's own sentence: the report keeps the unit as its subject,
// named as the report names it.

// token is a word of a name or a text: folded, whether it was written as
// an acronym (two capitals or more: MTTQ, HĐND), and where it ends.
type token struct {
	fold    string
	acronym bool
	end     int
}

// tokens are the words of s (runs of letters and digits); at most limit
// of them (0: all).
func tokens(s string, limit int) []token {
	var out []token
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			w := s[start:i]
			out = append(out, token{fold: key(w), acronym: isAcronym(w), end: i}) // key: a word's fold, kept
			start = -1
			if limit > 0 && len(out) == limit {
				break
			}
		}
	}
	return out
}

func isAcronym(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// initials tells how many words of ws an abbreviation stands for («mttq»:
// «mặt trận tổ quốc», 4); 0 when its letters are not their initials.
func initials(ws []token, abbr string) int {
	letters := []rune(abbr)
	if len(letters) < 2 || len(letters) > len(ws) {
		return 0
	}
	for i, l := range letters {
		if r, _ := utf8.DecodeRuneInString(ws[i].fold); r != l || ws[i].acronym {
			return 0
		}
	}
	return len(letters)
}

// matchName tells how many words at the head of text spell name, an
// abbreviation on either side standing for the words of its initials; -1
// when text does not start with name.
func matchName(text, name []token) int {
	var m func(i, j int) int
	m = func(i, j int) int {
		if j == len(name) {
			return i
		}
		if i == len(text) {
			return -1
		}
		if text[i].fold == name[j].fold {
			if r := m(i+1, j+1); r >= 0 {
				return r
			}
		}
		if text[i].acronym {
			if n := initials(name[j:], text[i].fold); n > 0 {
				if r := m(i+1, j+n); r >= 0 {
					return r
				}
			}
		}
		if name[j].acronym {
			if n := initials(text[i:], name[j].fold); n > 0 {
				if r := m(i+n, j+1); r >= 0 {
					return r
				}
			}
		}
		return -1
	}
	return m(0, 0)
}

// unitNames are the ways each unit may name itself, by its name: its name,
// short and called names and aliases, its head word with the commune's
// kind («Đoàn xã»), each also without a place name at its end («PGD
// NHCSXH» for «PGD NHCSXH Đăk Glei»).
func unitNames(units []*catalog.Unit, local string) map[string][][]token {
	out := map[string][][]token{}
	for _, u := range units {
		head := strings.Fields(u.Name)[0] + " " + local
		for _, n := range append([]string{u.Name, u.Short, u.Called, head}, u.Aliases...) {
			if strings.TrimSpace(n) == "" {
				continue
			}
			out[u.Name] = append(out[u.Name], tokens(n, 0))
			if short := withoutPlace(n); short != n {
				out[u.Name] = append(out[u.Name], tokens(short, 0))
			}
		}
	}
	return out
}

// withoutPlace drops the place name that ends a name: the capitalised
// words after its last word that is not («… xã hội Đăk Glei», «PGD NHCSXH
// Đăk Glei»); the name as it is when two words would not remain.
func withoutPlace(name string) string {
	words := strings.Fields(name)
	i := len(words)
	for i > 0 {
		r, _ := utf8.DecodeRuneInString(words[i-1])
		if !unicode.IsUpper(r) || isAcronym(words[i-1]) {
			break
		}
		i--
	}
	if i == len(words) || i < 2 {
		return name
	}
	return strings.Join(words[:i], " ")
}

// ownHead finds the unit's own name at the head of text and gives what
// follows it; ok false when the text does not start with it. subject is
// the unit's name as the report writes it.
func (w *writer) ownHead(subject, text string) (rest string, ok bool) {
	variants := w.names[subject]
	if len(variants) == 0 {
		return "", false
	}
	tt := tokens(text, 16)
	best := 0
	for _, v := range variants {
		if n := matchName(tt, v); n > best {
			best = n
		}
	}
	if best == 0 || best == len(tt) {
		return "", false
	}
	rest = strings.TrimLeft(text[tt[best-1].end:], " ,:;-–")
	return rest, rest != ""
}

// startsWithName tells a text that starts with a unit's name or a public
// body's: its first letter is a capital of a name, never lowered.
func (w *writer) startsWithName(text string) bool {
	if named, ok := w.named[text]; ok {
		return named
	}
	named := namedBody(text)
	if tt := tokens(text, 16); !named && len(tt) > 0 {
		// a name and a text that starts with it have the same first
		// letter, abbreviated or not
		first, _ := utf8.DecodeRuneInString(tt[0].fold)
		for _, v := range w.byInitial[first] {
			if matchName(tt, v) > 0 {
				named = true
				break
			}
		}
	}
	if w.named == nil || len(w.named) > 10000 {
		w.named = map[string]bool{}
	}
	w.named[text] = named
	return named
}

// initialIndex lists every unit's ways of naming itself by their first
// letter.
func initialIndex(names map[string][][]token) map[rune][][]token {
	out := map[rune][][]token{}
	for _, variants := range names {
		for _, v := range variants {
			if len(v) > 0 {
				r, _ := utf8.DecodeRuneInString(v[0].fold)
				out[r] = append(out[r], v)
			}
		}
	}
	return out
}

// bodyHeads are the first words of the names of public bodies and of the
// units of a commune («Mặt trận Tổ quốc», «Ủy ban nhân dân», «Hội Nông
// dân»): a text that starts with one starts with a name.
var bodyHeads = []string{
	"ủy ban", "uỷ ban", "hội đồng", "mặt trận", "ngân hàng", "văn phòng", "đảng ủy", "đảng uỷ", "chi bộ", "chi hội", "chi đoàn",
	"đoàn thanh niên", "công an", "phòng giao dịch", "thủ tướng", "chính phủ", "ban chỉ đạo", "ban thường vụ", "ban đại diện",
	"hội nông dân", "hội liên hiệp", "hội phụ nữ", "hội cựu chiến binh", "quân sự", "ban chỉ huy", "trạm y tế", "đài truyền thanh",
}

// namedBody tells a text that starts with a public body's name.
func namedBody(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return false // a name is written with its capital
	}
	f := strings.ToLower(strings.Join(strings.Fields(text), " ")) + " "
	for _, h := range bodyHeads {
		if strings.HasPrefix(f, h+" ") {
			return true
		}
	}
	return false
}

// lowerStart takes the capital away from a unit's words that go on after
// other words («Theo báo cáo của …, tổ chức …»), unless they start with a
// name.
func (w *writer) lowerStart(text string) string {
	if w.startsWithName(text) {
		return text
	}
	return lowerFirst(text)
}

// predicate is asPredicate for a unit's words: a text that starts with a
// name is no predicate, whatever its first word.
func (w *writer) predicate(text string) (string, bool) {
	p, ok := asPredicate(text)
	if !ok || w.startsWithName(text) {
		return text, false
	}
	return p, true
}
