package planimport

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"baocao/internal/vntext"
)

// abbreviations are the shortenings appendices use for the bodies of every
// commune, with the words they stand for (folded).
var abbreviations = map[string]string{
	"ubmttqvn": "uy ban mat tran to quoc viet nam",
	"ubmttq":   "uy ban mat tran to quoc",
	"mttqvn":   "mat tran to quoc viet nam",
	"mttq":     "mat tran to quoc",
	"nhcsxh":   "ngan hang chinh sach xa hoi",
	"pgd":      "phong giao dich",
	"hdnd":     "hoi dong nhan dan",
	"ubnd":     "uy ban nhan dan",
	"vhxh":     "van hoa xa hoi",
	"vh xh":    "van hoa xa hoi",
	"lhpn":     "lien hiep phu nu",
	"ccb":      "cuu chien binh",
	"tncs":     "thanh nien cong san",
	"ctxh":     "chinh tri xa hoi",
	"ct xh":    "chinh tri xa hoi",
	"hcm":      "ho chi minh",
}

// headWords begin the name of an organisation (folded): a segment of a
// unit column that begins otherwise goes on the name before it ("Phòng
// Kinh tế, Hạ tầng và Đô thị").
var headWords = []string{
	"phong", "van phong", "ban", "hoi", "doan", "cong an", "uy ban", "ub", "ubnd", "ubmttq", "ubmttqvn",
	"mttq", "mttqvn", "mat tran", "ngan hang", "nhcsxh", "pgd", "chi nhanh", "trung tam", "tram", "truong",
	"cac", "nhung", "dang uy", "quan su", "chi huy", "kho bac", "chi cuc", "buu dien", "hop tac xa", "doi",
	"to", "diem", "cong ty", "so", "co quan", "hdnd", "thuong truc", "lien doan", "ban chi huy", "bch",
	"chu tich", "pho chu tich", "lanh dao", "dai", "thon", "ban quan ly", "bql", "cap uy", "chi bo", "toa",
	"vien kiem sat", "hat", "khu", "to dan pho", "ubkt", "hoi dong", "giam doc",
}

// mention is one name read from a unit cell.
type mention struct {
	text  string // as written, cleaned
	group bool   // a plural phrase: several units at once
}

// splitNames splits a unit column into the names it lists: at commas,
// semicolons, full stops and "và", gluing back the parts that do not
// begin like an organisation's name.
func splitNames(text string) []mention {
	text = stripParens(vntext.Clean(text))
	type seg struct {
		words []string
		sep   string // the separator before it, as written
	}
	var segs []seg
	cur := seg{}
	flush := func(sep string) {
		if len(cur.words) > 0 {
			segs = append(segs, cur)
		}
		cur = seg{sep: sep}
	}
	for _, tok := range strings.Fields(text) {
		f := vntext.Fold(tok)
		if f == "va" || tok == "&" || tok == "+" {
			// "HĐND và UBND" is one name
			if prev := lastFolded(cur.words); prev == "hdnd" || prev == "nhan dan" && len(cur.words) >= 4 {
				cur.words = append(cur.words, tok)
				continue
			}
			flush(" " + tok + " ")
			continue
		}
		end := ""
		for _, p := range []string{",", ";", "."} {
			if strings.HasSuffix(tok, p) && len(tok) > 1 {
				tok, end = strings.TrimSuffix(tok, p), p
				break
			}
			if tok == p {
				tok, end = "", p
			}
		}
		if tok != "" {
			cur.words = append(cur.words, tok)
		}
		if end != "" {
			flush(end + " ")
		}
	}
	flush("")

	var out []mention
	var prev *mention
	for _, s := range segs {
		name := strings.Trim(strings.Join(s.words, " "), " -–:")
		if name == "" {
			continue
		}
		f := vntext.Fold(name)
		group := isGroupPhrase(f)
		first, _ := utf8.DecodeRuneInString(name)
		glue := prev != nil && !group && (!startsWithHead(f) || prev.group && unicode.IsLower(first) && !strings.HasPrefix(s.sep, "."))
		if glue {
			prev.text += s.sep + name
			prev.text = strings.ReplaceAll(prev.text, "  ", " ")
			continue
		}
		out = append(out, mention{text: name, group: group})
		prev = &out[len(out)-1]
	}
	for i := range out {
		out[i].text = strings.TrimSpace(out[i].text)
	}
	return out
}

func lastFolded(words []string) string {
	if len(words) == 0 {
		return ""
	}
	f := vntext.Fold(strings.Join(words, " "))
	if strings.HasSuffix(f, "hoi dong nhan dan") {
		return "nhan dan"
	}
	fw := strings.Fields(f)
	return fw[len(fw)-1]
}

// stripParens drops remarks in parentheses: "Phòng Kinh tế (chủ trì)".
func stripParens(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func startsWithHead(folded string) bool {
	for _, h := range headWords {
		if folded == h || strings.HasPrefix(folded, h+" ") {
			return true
		}
	}
	return false
}

// isGroupPhrase tells a plural phrase that names several units at once:
// "các phòng, đơn vị liên quan", "các tổ chức chính trị - xã hội".
func isGroupPhrase(folded string) bool {
	for _, p := range []string{"cac", "nhung", "toan the", "tat ca"} {
		if folded == p || strings.HasPrefix(folded, p+" ") {
			return true
		}
	}
	return false
}

// entity is a unit or a group of the registry being built.
type entity struct {
	code      string
	group     bool
	key       string
	spellings []*spelling
	members   []string
	// added: not named by the appendix but added for the cycle to run (the
	// office that collects the reports, the organisations of a group).
	added bool
	name  string // chosen among the spellings, or given when added
}

// spelling is one way the appendix writes an entity, with its rows.
type spelling struct {
	text   string
	places []string
}

// registry gathers the units and groups named by the appendix.
type registry struct {
	kind, local string // the local body: "xã", "Xốp"
	entities    []*entity
	byKey       map[string]*entity
	notes       *notes
}

func newRegistry(kind, local string, n *notes) *registry {
	return &registry{kind: kind, local: local, byKey: map[string]*entity{}, notes: n}
}

// words folds name and writes out the abbreviations.
func expand(name string) []string {
	f := vntext.Fold(name)
	for abbr, long := range abbreviations {
		if strings.Contains(abbr, " ") {
			f = strings.ReplaceAll(" "+f+" ", " "+abbr+" ", " "+long+" ")
			f = strings.TrimSpace(f)
		}
	}
	var out []string
	for _, w := range strings.Fields(f) {
		if long, ok := abbreviations[w]; ok {
			out = append(out, strings.Fields(long)...)
		} else {
			out = append(out, w)
		}
	}
	return out
}

// unitKey is what two spellings of one unit have in common: folded,
// abbreviations written out, without "Việt Nam" after "Tổ quốc", "Ủy ban"
// before "Mặt trận", "huyện" and the local body's name at the end.
func (r *registry) unitKey(name string) string {
	w := expand(name)
	var out []string
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == "uy" && i+2 < len(w) && w[i+1] == "ban" && w[i+2] == "mat":
			i++ // "ủy ban mặt trận" -> "mặt trận"
			continue
		case w[i] == "viet" && i+1 < len(w) && w[i+1] == "nam" && i > 0 && w[i-1] == "quoc":
			i++
			continue
		case w[i] == "huyen" || w[i] == "va":
			continue
		}
		out = append(out, w[i])
	}
	return strings.Join(r.trimLocal(out), " ")
}

// trimLocal drops the local body at the end of a name: "xã", "xã Xốp".
func (r *registry) trimLocal(w []string) []string {
	local := strings.Fields(vntext.Fold(r.local))
	kind := strings.Fields(vntext.Fold(r.kind))
	for _, suffix := range [][]string{append(append([]string{}, kind...), local...), local, kind, {"xa"}, {"phuong"}, {"dac", "khu"}} {
		if len(suffix) > 0 && len(w) > len(suffix) && slices.Equal(w[len(w)-len(suffix):], suffix) {
			return w[:len(w)-len(suffix)]
		}
	}
	return w
}

// groupKey is what the spellings of one group have in common: every
// "units concerned" phrase is one group, so is every phrase for the
// socio-political organisations (apart from those that receive entrusted
// lending).
func (r *registry) groupKey(name string) string {
	var w []string
	for _, x := range expand(name) {
		if x != "co" {
			w = append(w, x)
		}
	}
	w = r.trimLocal(w)
	f := strings.Join(w, " ")
	switch {
	case strings.Contains(f, "lien quan"):
		return "lien quan"
	case strings.Contains(f, "chinh tri xa hoi") || strings.Contains(f, "doan the"):
		if strings.Contains(f, "uy thac") {
			return "ctxh uy thac"
		}
		return "ctxh"
	}
	return f
}

// add records a mention read at place and returns its entity.
func (r *registry) add(m mention, place string) *entity {
	key := r.unitKey(m.text)
	if m.group {
		key = "group:" + r.groupKey(m.text)
	}
	if key == "" || key == "group:" {
		return nil
	}
	e := r.byKey[key]
	if e == nil {
		e = &entity{key: key, group: m.group}
		r.byKey[key] = e
		r.entities = append(r.entities, e)
	}
	for _, s := range e.spellings {
		if s.text == m.text {
			s.places = appendOnce(s.places, place)
			return e
		}
	}
	e.spellings = append(e.spellings, &spelling{text: m.text, places: []string{place}})
	return e
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// mergeContained merges a unit whose key lies inside exactly one other
// unit's key ("Ngân hàng Chính sách xã hội" inside "Phòng giao dịch Ngân
// hàng Chính sách xã hội huyện X"): most likely one unit, written short.
func (r *registry) mergeContained() {
	for _, a := range slices.Clone(r.entities) {
		if a.group || len(strings.Fields(a.key)) < 2 {
			continue
		}
		var into []*entity
		for _, b := range r.entities {
			if b != a && !b.group && strings.Contains(" "+b.key+" ", " "+a.key+" ") {
				into = append(into, b)
			}
		}
		if len(into) != 1 {
			continue
		}
		b := into[0]
		b.spellings = append(b.spellings, a.spellings...)
		r.entities = slices.DeleteFunc(r.entities, func(e *entity) bool { return e == a })
		r.byKey[a.key] = b
		r.notes.add(topicUnits, a.spellings[0].places[0], fmt.Sprintf("«%s» được coi là cùng đơn vị với «%s» (tên ngắn hơn): nếu là hai đơn vị khác nhau, tách ra trong units.yaml", a.spellings[0].text, b.spellings[0].text))
	}
}

// bestName picks the spelling to print: written out rather than
// abbreviated, then the fullest, then the one with capitals, then the
// first seen.
func bestName(sp []*spelling) string {
	best := sp[0].text
	score := func(s string) [3]int {
		abbr := 0
		for _, w := range strings.Fields(vntext.Fold(s)) {
			if _, ok := abbreviations[w]; ok {
				abbr++
			}
		}
		upper := 0
		for _, r := range s {
			if unicode.IsUpper(r) {
				upper++
			}
		}
		return [3]int{-abbr, utf8.RuneCountInString(s), upper}
	}
	bs := score(best)
	for _, s := range sp[1:] {
		if sc := score(s.text); slices.Compare(sc[:], bs[:]) > 0 {
			best, bs = s.text, sc
		}
	}
	return best
}

// The organisations that work with every commune's People's Committee,
// added when the appendix names them only through a group, with the codes
// they are given.
var standardOrganisations = []struct{ code, name string }{
	{"HND", "Hội Nông dân"},
	{"HPN", "Hội Liên hiệp Phụ nữ"},
	{"HCCB", "Hội Cựu chiến binh"},
	{"DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"},
}

// knownCodes give the usual code of a unit whose key holds these words.
var knownCodes = []struct{ words, code string }{
	{"ngan hang chinh sach xa hoi", "NHCSXH"},
	{"mat tran to quoc", "MTTQ"},
	{"van phong hoi dong nhan dan", "VP"},
	{"cong an", "CA"},
	{"hoi nong dan", "HND"},
	{"hoi lien hiep phu nu", "HPN"},
	{"hoi phu nu", "HPN"},
	{"hoi cuu chien binh", "HCCB"},
	{"doan thanh nien", "DTN"},
}

// codeFor makes a unit's code from its key: the usual code, or the
// initials of its words ("phong kinh te" -> "KT").
func codeFor(key string) string {
	for _, k := range knownCodes {
		if strings.HasPrefix(key, k.words) || strings.Contains(key, " "+k.words) {
			return k.code
		}
	}
	w := strings.Fields(key)
	if len(w) > 1 && (w[0] == "phong" || w[0] == "ban") {
		w = w[1:]
	}
	var b strings.Builder
	for _, x := range w {
		if x == "va" || x == "-" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(x)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToUpper(r))
		}
		if b.Len() == 8 {
			break
		}
	}
	if b.Len() == 0 {
		return "DV"
	}
	return b.String()
}

func groupCodeFor(key string) string {
	switch key {
	case "group:lien quan":
		return "DV-LQ"
	case "group:ctxh":
		return "CTXH"
	case "group:ctxh uy thac":
		return "CTXH-UT"
	}
	return "NHOM"
}

// isAssociation tells a socio-political organisation: an association
// ("hội", not a council "hội đồng") or the youth union.
func (e *entity) isAssociation() bool {
	return !e.group && (strings.HasPrefix(e.key, "hoi ") && !strings.HasPrefix(e.key, "hoi dong") || strings.HasPrefix(e.key, "doan "))
}

// headedByOwnName tells a unit that no People's Committee heads on its
// form: the Front and the associations (Decree 30/2020 letterheads).
func (e *entity) headedByOwnName() bool {
	return !e.group && strings.Contains(e.key, "mat tran to quoc") || e.isAssociation()
}

// isPolice tells the commune police, headed by the province's police.
func (e *entity) isPolice() bool {
	return !e.group && strings.HasPrefix(e.key, "cong an")
}

// isBank tells the social policy bank's office: it reports the credit
// indicators.
func (e *entity) isBank() bool {
	return !e.group && strings.Contains(e.key, "ngan hang chinh sach xa hoi")
}

// finish merges spellings, adds what the cycle needs that the appendix
// does not name, gives codes and names, and guesses the groups' members.
// collector is the code of the unit that collects the reports.
func (r *registry) finish() (collector string) {
	r.mergeContained()
	for _, e := range r.entities {
		e.name = bestName(e.spellings)
		if len(e.spellings) > 1 {
			var spell []string
			for _, s := range e.spellings {
				spell = append(spell, fmt.Sprintf("«%s» (%s)", s.text, placeList(s.places)))
			}
			what := "đơn vị"
			if e.group {
				what = "nhóm"
			}
			r.notes.add(topicUnits, e.spellings[0].places[0], fmt.Sprintf("các cách viết %s được coi là một %s, tên chính «%s», các cách viết khác là aliases: nếu không phải một, tách ra trong units.yaml", strings.Join(spell, ", "), what, e.name))
		}
	}

	// The office that collects the reports.
	var office *entity
	for _, e := range r.entities {
		if !e.group && strings.HasPrefix(e.key, "van phong") {
			office = e
			break
		}
	}
	if office == nil {
		name := "Văn phòng HĐND và UBND " + r.kind
		office = &entity{key: r.unitKey(name), name: name, added: true}
		r.entities = append([]*entity{office}, r.entities...)
		r.notes.add(topicUnits, "", fmt.Sprintf("phụ lục không nêu đơn vị thu nhận báo cáo: đã thêm đơn vị «%s» và ghi là collector trong plan.yaml; sửa tên hoặc chọn đơn vị khác nếu cần", name))
	}

	r.giveCodes()
	collector = office.code
	r.guessMembers()
	return collector
}

// giveCodes gives every entity a code, unique among all.
func (r *registry) giveCodes() {
	used := map[string]bool{}
	for _, e := range r.entities {
		if e.code != "" {
			used[e.code] = true
		}
	}
	for _, e := range r.entities {
		if e.code != "" {
			continue
		}
		base := codeFor(e.key)
		if e.group {
			base = groupCodeFor(e.key)
		}
		code := base
		for n := 2; used[code]; n++ {
			code = fmt.Sprintf("%s-%d", base, n)
		}
		e.code, used[code] = code, true
	}
}

// guessMembers fills the groups: the offices (and the police) for the
// "units concerned", the associations and the youth union for the
// socio-political organisations, every unit for another group. Every
// guess is in the review list: the appendix never says.
func (r *registry) guessMembers() {
	units := func(keep func(*entity) bool) []string {
		var out []string
		for _, e := range r.entities {
			if !e.group && keep(e) {
				out = append(out, e.code)
			}
		}
		return out
	}
	isOffice := func(e *entity) bool {
		return (strings.HasPrefix(e.key, "phong ") || strings.HasPrefix(e.key, "van phong") || strings.HasPrefix(e.key, "cong an")) && !e.isBank()
	}
	for _, g := range slices.Clone(r.entities) {
		if !g.group {
			continue
		}
		place := g.spellings[0].places[0]
		switch g.key {
		case "group:lien quan":
			g.members = units(isOffice)
		case "group:ctxh", "group:ctxh uy thac":
			g.members = units((*entity).isAssociation)
			if len(g.members) == 0 {
				var names []string
				for _, o := range standardOrganisations {
					name := o.name + " " + r.kind
					e := &entity{key: r.unitKey(name), name: name, added: true}
					if old := r.byKey[e.key]; old != nil {
						continue
					}
					r.byKey[e.key] = e
					r.entities = append(r.entities, e)
					names = append(names, name)
				}
				r.giveCodes()
				g.members = units((*entity).isAssociation)
				if len(names) > 0 {
					r.notes.add(topicUnits, place, fmt.Sprintf("phụ lục chỉ nêu các tổ chức chính trị - xã hội qua nhóm «%s»: đã thêm các đơn vị %s; bỏ đơn vị nào không có ở địa phương", g.name, strings.Join(names, ", ")))
				}
			}
		}
		if len(g.members) == 0 {
			g.members = units(func(e *entity) bool { return true })
		}
		r.notes.add(topicUnits, place, fmt.Sprintf("nhóm «%s» (%s) gồm những đơn vị nào thì phụ lục không nói: tạm ghi %s; sửa members trong units.yaml cho đúng", g.name, g.code, strings.Join(g.members, ", ")))
	}
}

// aliases are the spellings other than the name, one per folded form.
func (e *entity) aliases() []string {
	seen := map[string]bool{vntext.Fold(e.name): true}
	var out []string
	for _, s := range e.spellings {
		if f := vntext.Fold(s.text); !seen[f] {
			seen[f] = true
			out = append(out, s.text)
		}
	}
	return out
}

// placeList words rows compactly: "bảng 1, hàng 3, 4, 9; bảng 2, hàng 2",
// at most a dozen of them.
func placeList(places []string) string {
	var parts []string
	prefix := ""
	shown := 0
	for _, p := range places {
		if shown == 12 {
			parts = append(parts, fmt.Sprintf("… (%d hàng)", len(places)))
			break
		}
		shown++
		pre, num := p, ""
		for _, sep := range []string{", hàng ", ", dòng "} {
			if i := strings.LastIndex(p, sep); i >= 0 {
				pre, num = p[:i+len(sep)], p[i+len(sep):]
				break
			}
		}
		if num != "" && pre == prefix && len(parts) > 0 {
			parts[len(parts)-1] += ", " + num
			continue
		}
		prefix = pre
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}
