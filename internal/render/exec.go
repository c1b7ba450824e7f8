package render

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// execer runs a program with data.
type execer struct {
	buf      bytes.Buffer
	rows     int
	warnings map[string]bool
}

func (x *execer) warn(format string, args ...any) {
	if x.warnings == nil {
		x.warnings = make(map[string]bool)
	}
	x.warnings[fmt.Sprintf(format, args...)] = true
}

func (x *execer) program(p *program, data Data) {
	x.buf.Write(p.head)
	mark := x.buf.Len()
	x.run(p.body, []any{map[string]any(data)})
	if p.ensurePara && !endsWithParagraph(x.buf.Bytes()[mark:]) {
		x.buf.WriteString("<w:p/>")
	}
	x.buf.Write(p.tail)
}

func (x *execer) run(ops []op, scopes []any) {
	for _, o := range ops {
		switch o := o.(type) {
		case rawOp:
			x.buf.Write(o)
		case *fieldOp:
			v, _ := resolve(o.ref.path, scopes)
			x.buf.WriteString(valueXML(x.format(o.ref, v)))
		case *blockOp:
			v, _ := resolve(o.path, scopes)
			switch o.kind {
			case '?':
				if truthy(v) {
					x.run(o.body, scopes)
				}
			case '^':
				if !truthy(v) {
					x.run(o.body, scopes)
				}
			default:
				x.enter(o, v, scopes)
			}
		case *cellOp:
			x.buf.Write(o.head)
			mark := x.buf.Len()
			x.run(o.body, scopes)
			if !endsWithParagraph(x.buf.Bytes()[mark:]) {
				x.buf.WriteString("<w:p/>")
			}
			x.buf.Write(o.tail)
		case *tableOp:
			mark, rows := x.buf.Len(), x.rows
			x.buf.Write(o.head)
			x.run(o.body, scopes)
			if x.rows == rows {
				x.buf.Truncate(mark) // a table without rows is corrupt: drop it
				continue
			}
			x.buf.Write(o.tail)
		case *rowOp:
			x.rows++
			x.run(o.body, scopes)
		}
	}
}

// enter runs a {#x} block: once per item of a list, once inside a group,
// once when x is true or holds something.
func (x *execer) enter(o *blockOp, v any, scopes []any) {
	inner := append(scopes[:len(scopes):len(scopes)], nil)
	last := len(inner) - 1
	switch l := v.(type) {
	case []Data:
		for _, it := range l {
			inner[last] = map[string]any(it)
			x.run(o.body, inner)
		}
	case []map[string]any:
		for _, it := range l {
			inner[last] = it
			x.run(o.body, inner)
		}
	case []any:
		for _, it := range l {
			inner[last] = it
			x.run(o.body, inner)
		}
	case []string:
		for _, it := range l {
			inner[last] = it
			x.run(o.body, inner)
		}
	case Data, map[string]any:
		inner[last] = v
		x.run(o.body, inner)
	default:
		if truthy(v) {
			x.run(o.body, scopes)
		}
	}
}

func (x *execer) format(r *ref, v any) string {
	if r.formatter == "" {
		return plain(v)
	}
	s, err := formatters[r.formatter](v, r.arg)
	if err != nil {
		x.warn("Mẫu báo cáo: %s, %s: %s %s", r.loc.part, r.loc.where, r.raw, err.Error())
	}
	return s
}

func asMap(v any) map[string]any {
	switch m := v.(type) {
	case Data:
		return m
	case map[string]any:
		return m
	}
	return nil
}

// resolve looks a dotted name up from the innermost scope outwards.
func resolve(path []string, scopes []any) (any, bool) {
	if len(path) == 1 && path[0] == "." {
		return scopes[len(scopes)-1], true
	}
	for i := len(scopes) - 1; i >= 0; i-- {
		m := asMap(scopes[i])
		v, ok := m[path[0]]
		if !ok {
			continue
		}
		for _, seg := range path[1:] {
			mm := asMap(v)
			if v, ok = mm[seg]; !ok {
				return nil, false
			}
		}
		return v, true
	}
	return nil, false
}

func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case string:
		return strings.TrimSpace(x) != ""
	case Note:
		return strings.TrimSpace(string(x)) != ""
	case time.Time:
		return !x.IsZero()
	case BlankDay:
		return x.Year != 0
	case []Data:
		return len(x) > 0
	case []map[string]any:
		return len(x) > 0
	case []any:
		return len(x) > 0
	case []string:
		return len(x) > 0
	case Data:
		return len(x) > 0
	case map[string]any:
		return len(x) > 0
	}
	if f, ok := toFloat(v); ok {
		return f != 0
	}
	return true
}

// cleanValue makes a value fit for a document: NFC, one kind of line
// break, no characters that XML forbids.
func cleanValue(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// valueXML writes a value as the text of a run: escaped, braces as
// character references (so nothing reads them as placeholders again), line
// breaks and tabs as their own run elements.
func valueXML(s string) string {
	s = cleanValue(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '{':
			b.WriteString("&#123;")
		case '}':
			b.WriteString("&#125;")
		case '\n':
			b.WriteString(`</w:t><w:br/><w:t xml:space="preserve">`)
		case '\t':
			b.WriteString(`</w:t><w:tab/><w:t xml:space="preserve">`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// endsWithParagraph tells whether block-level content ends with a w:p, as
// a table cell, header and footer must.
func endsWithParagraph(b []byte) bool {
	b = bytes.TrimSpace(b)
	if bytes.HasSuffix(b, []byte("</w:p>")) {
		return true
	}
	if !bytes.HasSuffix(b, []byte("/>")) {
		return false
	}
	i := bytes.LastIndexByte(b, '<')
	if i < 0 {
		return false
	}
	tag := b[i:]
	return bytes.HasPrefix(tag, []byte("<w:p/")) || bytes.HasPrefix(tag, []byte("<w:p "))
}
