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
	empty bool // a list without items: what its items hold is unknown
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

func (k *checker) walk(ops []op, scopes []*shape, depth int) {
	for _, o := range ops {
		switch o := o.(type) {
		case *fieldOp:
			r := o.ref
			for _, seg := range r.path {
				k.used[seg] = true
			}
			s, found, unknown := lookup(r.path, scopes)
			switch {
			case !found && !unknown:
				k.problems = append(k.problems, r.loc.problem(r.raw, "trường %s không có trong dữ liệu của báo cáo (xem danh sách trường trong docs/mau-bao-cao.md)", r.raw))
			case found && s.kind == 'l':
				k.problems = append(k.problems, r.loc.problem(r.raw, "%s là một danh sách, không in thẳng được: dùng khối {#%s} ... {/%s}", r.raw, strings.Join(r.path, "."), strings.Join(r.path, ".")))
			case found && s.kind == 'm':
				k.problems = append(k.problems, r.loc.problem(r.raw, "%s là một nhóm trường, không in thẳng được: ghi rõ trường con, ví dụ {%s.ten}", r.raw, strings.Join(r.path, ".")))
			}
		case *blockOp:
			for _, seg := range o.path {
				k.used[seg] = true
			}
			s, found, unknown := lookup(o.path, scopes)
			if !found && !unknown {
				k.problems = append(k.problems, o.loc.problem(o.marker, "khối %s: không có dữ liệu «%s» (xem danh sách trường trong docs/mau-bao-cao.md)", o.marker, o.name))
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
