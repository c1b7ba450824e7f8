package render

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// SpecKind is what a field of a template's data holds, as the clerk is
// told in the template guide.
type SpecKind string

const (
	SpecText   SpecKind = "chữ"
	SpecNumber SpecKind = "số"
	SpecDate   SpecKind = "ngày"
	SpecBool   SpecKind = "đúng/sai"
	SpecList   SpecKind = "khối"
	SpecGroup  SpecKind = "nhóm"
)

// Spec declares one field a template may use: the vocabulary that the
// program gives a template, so that CompileFor can check a template before
// any data exists and a help topic can list the fields.
type Spec struct {
	Name    string
	Kind    SpecKind
	Doc     string // what it holds, in Vietnamese
	Example string // optional
	Fields  []Spec // the fields of a list's items or of a group
}

// Formatter is one formatter a clerk may write after "|" in a placeholder.
type Formatter struct {
	Name    string
	Example string
	Arg     bool       // takes ":N" (digits after the comma)
	Kinds   []SpecKind // the kinds of fields it is for; nil: any
}

// Formatters lists the formatters the engine knows, for help texts.
func Formatters() []Formatter { return append([]Formatter(nil), formatterTable...) }

func formatterOf(name string) (Formatter, bool) {
	for _, f := range formatterTable {
		if f.Name == name {
			return f, true
		}
	}
	return Formatter{}, false
}

func formatterNames() []string {
	names := make([]string, 0, len(formatterTable))
	for _, f := range formatterTable {
		names = append(names, f.Name)
	}
	return names
}

// specShape turns declared fields into the shape the checker compares a
// template with. Nothing in it is unknown, unlike the shape of data whose
// lists may be empty.
func specShape(specs []Spec) *shape {
	s := &shape{kind: 'm', keys: map[string]*shape{}}
	for i := range specs {
		sp := &specs[i]
		c := specShape(sp.Fields)
		c.spec = sp
		switch sp.Kind {
		case SpecList:
			c.kind = 'l'
		case SpecGroup:
			c.kind = 'm'
		default:
			c.kind = 'v'
		}
		s.keys[sp.Name] = c
	}
	return s
}

// closest is the candidate nearest to name (by edit distance), "" when none is near enough to be a likely typing mistake.
func closest(name string, candidates []string) string {
	folded := strings.ToLower(name)
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(folded, strings.ToLower(c))
		if bestD < 0 || d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	n := utf8.RuneCountInString(folded)
	limit := 2
	if n <= 4 {
		limit = 1
	}
	if bestD < 0 || bestD > limit || bestD >= n {
		return ""
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of two neighbours that turn a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// DataMismatches compares the data given to a template with the fields
// declared for it: a field given but not declared, declared but not given,
// or of another kind. Lists are followed into their items; empty names the
// lists given without an item, whose items' fields could not be compared.
// Tests use it to hold a package's data and its declared fields together.
func DataMismatches(data map[string]any, specs []Spec) (mismatches, empty []string) {
	compareData("", []any{data}, specs, &mismatches, &empty)
	return mismatches, empty
}

func compareData(path string, items []any, specs []Spec, out, empty *[]string) {
	say := func(format string, args ...any) { *out = append(*out, fmt.Sprintf(format, args...)) }
	declared := map[string]Spec{}
	for _, s := range specs {
		if _, dup := declared[s.Name]; dup {
			say("%s%s declared twice", path, s.Name)
		}
		declared[s.Name] = s
	}
	given := map[string][]any{}
	for _, it := range items {
		m, _ := it.(map[string]any)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s, ok := declared[k]
			if !ok {
				say("%s%s is given to the template but not declared", path, k)
				continue
			}
			if given[k] == nil {
				given[k] = []any{}
			}
			kind := SpecText
			switch x := m[k].(type) {
			case []map[string]any:
				for _, e := range x {
					given[k] = append(given[k], e)
				}
				kind = SpecList
			case string:
				if s.Kind == SpecNumber {
					kind = SpecNumber // a figure left blank
				}
			case bool:
				kind = SpecBool
			case time.Time, BlankDay:
				kind = SpecDate
			case int, float64, Note:
				kind = SpecNumber
			default:
				say("%s%s: a value of type %T", path, k, x)
				continue
			}
			if kind != s.Kind {
				say("%s%s is %s, declared %s", path, k, kind, s.Kind)
			}
		}
	}
	if len(items) == 0 {
		return // an empty list: its items' fields cannot be compared
	}
	for _, s := range specs {
		got, ok := given[s.Name]
		if !ok {
			say("%s%s is declared but not given to the template", path, s.Name)
			continue
		}
		if s.Kind == SpecList {
			if len(got) == 0 {
				*empty = append(*empty, path+s.Name)
			}
			compareData(path+s.Name+".", got, s.Fields, out, empty)
		}
	}
}
