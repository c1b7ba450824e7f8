package render

import (
	"fmt"
	"sort"
	"strings"
)

// shape is what the data holds, for checking a template before filling it:
// a value, a group (map) or a list (its items' fields merged).
type shape struct {
	kind  byte // 'v', 'm' or 'l'
	keys  map[string]*shape
	empty bool  // a list without items: what its items hold is unknown
	spec  *Spec // the declared field, when the shape comes from specs
}

func shapeOf(v any) *shape {
	s := &shape{kind: 'v'}
	merge(s, v)
	return s
}

func merge(s *shape, v any) {
	addMap := func(m map[string]any) {
		if s.keys == nil {
			s.keys = map[string]*shape{}
		}
		for k, e := range m {
			c, ok := s.keys[k]
			if !ok {
				c = &shape{kind: 'v', empty: true}
				s.keys[k] = c
			}
			mergeItem(c, e)
		}
	}
	switch x := v.(type) {
	case Data:
		s.kind = 'm'
		addMap(x)
	case map[string]any:
		s.kind = 'm'
		addMap(x)
	}
}

// mergeItem adds one value seen under a name to that name's shape.
func mergeItem(c *shape, v any) {
	var items []any
	switch x := v.(type) {
	case Data, map[string]any:
		c.kind, c.empty = 'm', false
		merge(c, x)
		c.kind = 'm'
		return
	case []Data:
		for _, e := range x {
			items = append(items, map[string]any(e))
		}
	case []map[string]any:
		for _, e := range x {
			items = append(items, e)
		}
	case []any:
		items = x
	case []string:
		for _, e := range x {
			items = append(items, e)
		}
	default:
		if c.kind != 'l' && c.kind != 'm' {
			c.kind = 'v'
		}
		c.empty = false
		return
	}
	if c.kind != 'l' {
		c.kind = 'l'
		c.empty = true
	}
	for _, it := range items {
		c.empty = false
		if m := asMap(it); m != nil {
			merge(c, m)
			c.kind = 'l'
		}
	}
}

// checker compares a template with the data's shape: unknown names, lists
// printed as values, and which names the template uses.
type checker struct {
	problems []Problem
	used     map[string]bool
}

// lookup resolves a dotted name against the scopes' shapes. unknown is set
// when the name may be in a scope whose content cannot be known (an empty
// list).
func lookup(path []string, scopes []*shape) (s *shape, found, unknown bool) {
	if len(path) == 1 && path[0] == "." {
		return &shape{kind: 'v'}, true, false
	}
	for i := len(scopes) - 1; i >= 0; i-- {
		sc := scopes[i]
		c, ok := sc.keys[path[0]]
		if !ok {
			if sc.empty {
				unknown = true
			}
			continue
		}
		for _, seg := range path[1:] {
			if c.kind != 'm' {
				return nil, false, unknown || c.empty
			}
			next, ok := c.keys[seg]
			if !ok {
				return nil, false, unknown
			}
			c = next
		}
		return c, true, false
	}
	return nil, false, unknown
}

func (k *checker) add(p Problem) { k.problems = append(k.problems, p) }

func (k *checker) walk(ops []op, scopes []*shape, depth int) {
	for _, o := range ops {
		switch o := o.(type) {
		case *fieldOp:
			r := o.ref
			for _, seg := range r.path {
				k.used[seg] = true
			}
			s, found, unknown := lookup(r.path, scopes)
			name := strings.Join(r.path, ".")
			switch {
			case !found && !unknown:
				k.add(r.loc.problem(r.raw, "trường %s không có trong dữ liệu điền vào mẫu: %s", r.raw, k.hint(r.path, scopes, "{", r.raw[strings.Index(r.raw, name)+len(name):])))
			case found && s.kind == 'l':
				k.add(r.loc.problem(r.raw, "%s là một danh sách, không in thẳng được: dùng khối {#%s} ... {/%s}", r.raw, name, name))
			case found && s.kind == 'm':
				k.add(r.loc.problem(r.raw, "%s là một nhóm trường, không in thẳng được: ghi rõ trường con, ví dụ {%s.ten}", r.raw, name))
			case found && s.spec != nil && r.formatter != "":
				if f, _ := formatterOf(r.formatter); len(f.Kinds) > 0 && !contains(kinds(f.Kinds), string(s.spec.Kind)) {
					k.add(r.loc.problem(r.raw, "định dạng «%s» trong %s dùng cho trường kiểu %s, còn %s là %s: bỏ «|%s» hoặc chọn định dạng hợp với trường", r.formatter, r.raw, strings.Join(kinds(f.Kinds), ", "), name, s.spec.Kind, r.formatter))
				}
			}
		case *blockOp:
			for _, seg := range o.path {
				k.used[seg] = true
			}
			s, found, unknown := lookup(o.path, scopes)
			if !found && !unknown {
				k.add(o.loc.problem(o.marker, "khối %s: không có dữ liệu «%s»: %s", o.marker, o.name, k.hint(o.path, scopes, "{"+string(o.kind), "}")))
			}
			inner := scopes
			if o.kind == '#' {
				switch {
				case !found:
					inner = append(scopes[:len(scopes):len(scopes)], &shape{kind: 'm', empty: true})
				case s.kind == 'l' || s.kind == 'm':
					inner = append(scopes[:len(scopes):len(scopes)], s)
				}
			}
			k.walk(o.body, inner, depth+1)
		case *cellOp:
			k.walk(o.body, scopes, depth)
		case *tableOp:
			k.walk(o.body, scopes, depth)
		case *rowOp:
			k.walk(o.body, scopes, depth)
		}
	}
}

func kinds(ks []SpecKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// hint says what to do with a name that is not where it is used: the
// nearest name in reach ("có phải {ten_xa}?"), or the blocks it belongs to
// when it is a field of a list's items used outside them. open is the
// marker's opening ("{" or "{#"), rest what follows the name ("|so}").
func (k *checker) hint(path []string, scopes []*shape, open, rest string) string {
	if len(path) == 1 {
		switch within := blocksOf(path[0], scopes[0], nil); {
		case len(within) == 1:
			b := within[0]
			var opens, closes []string
			for i := range b {
				opens = append(opens, "{#"+b[i]+"}")
				closes = append([]string{"{/" + b[i] + "}"}, closes...)
			}
			return fmt.Sprintf("«%s» là trường của từng mục trong khối %s, chỉ dùng được giữa %s và %s", path[0], strings.Join(b, "."), strings.Join(opens, " "), strings.Join(closes, " "))
		case len(within) > 1:
			var names []string
			for _, b := range within {
				names = append(names, strings.Join(b, "."))
			}
			return fmt.Sprintf("«%s» là trường của từng mục trong các khối %s, chỉ dùng được bên trong một khối đó ({#...} ... {/...})", path[0], strings.Join(names, ", "))
		}
	}
	var names []string
	seen := map[string]bool{}
	for i := len(scopes) - 1; i >= 0; i-- {
		c := scopes[i]
		for _, seg := range path[:len(path)-1] {
			if c = c.keys[seg]; c == nil {
				break
			}
		}
		if c == nil {
			continue
		}
		for n := range c.keys {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	last := path[len(path)-1]
	if near := closest(last, names); near != "" {
		fixed := append(append([]string(nil), path[:len(path)-1]...), near)
		return fmt.Sprintf("có phải %s%s%s? Sửa lại tên cho đúng", open, strings.Join(fixed, "."), rest)
	}
	return "sửa tên theo danh sách trường của mẫu, hoặc xóa chỗ này"
}

// blocksOf finds the chains of list blocks, outermost first, whose items
// hold name, searching s depth first in the order of names.
func blocksOf(name string, s *shape, chain []string) [][]string {
	keys := make([]string, 0, len(s.keys))
	for n := range s.keys {
		keys = append(keys, n)
	}
	sort.Strings(keys)
	var out [][]string
	for _, n := range keys {
		c := s.keys[n]
		if c.kind != 'l' {
			continue
		}
		inner := append(append([]string(nil), chain...), n)
		if _, ok := c.keys[name]; ok {
			out = append(out, inner)
		}
		out = append(out, blocksOf(name, c, inner)...)
	}
	return out
}

// unusedWarnings names the data's fields that the template never uses.
func unusedWarnings(top *shape, used map[string]bool) []string {
	var out []string
	var walk func(s *shape, prefix string)
	walk = func(s *shape, prefix string) {
		for name, c := range s.keys {
			path := prefix + name
			if !used[name] {
				out = append(out, fmt.Sprintf("Mẫu báo cáo: trường «%s» có trong dữ liệu nhưng mẫu không dùng", path))
				continue
			}
			if c.kind == 'l' || c.kind == 'm' {
				walk(c, path+".")
			}
		}
	}
	walk(top, "")
	sort.Strings(out)
	return out
}
