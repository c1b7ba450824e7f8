package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// elem is one XML element of a part, located by byte offsets in the part's
// source so that what we do not touch can be copied verbatim.
type elem struct {
	name       string // qualified name as written, e.g. "w:p"
	start, end int    // the whole element
	openEnd    int    // end of the start tag
	closeStart int    // start of the end tag (== end when self-closing)
	kids       []*elem
	text       []byte // decoded character data, kept for w:t only
}

// parseXML reads a part into a tree of elements. The returned root is a
// pseudo element spanning the whole source whose kids are the top-level
// elements.
func parseXML(src []byte) (*elem, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	root := &elem{start: 0, end: len(src), openEnd: 0, closeStart: len(src)}
	stack := []*elem{root}
	for {
		before := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		after := int(d.InputOffset())
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if t.Name.Space != "" {
				name = t.Name.Space + ":" + name
			}
			e := &elem{name: name, start: before, openEnd: after}
			top.kids = append(top.kids, e)
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) < 2 {
				return nil, fmt.Errorf("unexpected end element at offset %d", before)
			}
			top.closeStart = before
			top.end = after
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top.name == "w:t" {
				top.text = append(top.text, t...)
			}
		}
	}
	if len(stack) != 1 {
		return nil, fmt.Errorf("unclosed element %s", stack[len(stack)-1].name)
	}
	return root, nil
}

// child returns the first child named name, or nil.
func (e *elem) child(name string) *elem {
	for _, k := range e.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// find calls fn on every descendant of e (not e itself), depth first in
// document order; fn returns false to skip the descendant's subtree.
func (e *elem) walk(fn func(*elem) bool) {
	for _, k := range e.kids {
		if fn(k) {
			k.walk(fn)
		}
	}
}
