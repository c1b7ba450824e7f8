package planimport

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// yamlWriter writes a data file by hand, so that it reads like the ones
// the office edits: comments, wrapped texts, codes in flow lists.
type yamlWriter struct{ b strings.Builder }

func (w *yamlWriter) line(indent int, format string, args ...any) {
	w.b.WriteString(strings.Repeat(" ", indent))
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w *yamlWriter) comment(indent int, text string) {
	for _, l := range strings.Split(text, "\n") {
		w.line(indent, "# %s", l)
	}
}

// field writes key: value, a long or multi-paragraph value as a folded
// block wrapped to the width of the data files.
func (w *yamlWriter) field(indent int, key, value string) {
	if utf8.RuneCountInString(value)+indent+len(key) > 96 || strings.Contains(value, "\n") {
		w.line(indent, "%s: >-", key)
		for i, p := range strings.Split(value, "\n") {
			if i > 0 {
				w.b.WriteByte('\n')
			}
			for _, l := range wrapWords(p, 96-indent-2) {
				w.line(indent+2, "%s", l)
			}
		}
		return
	}
	w.line(indent, "%s: %s", key, scalar(value))
}

func (w *yamlWriter) String() string { return w.b.String() }

// scalar writes s as a YAML scalar, quoted where YAML needs it.
func scalar(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSuffix(string(b), "\n")
}

// flow writes codes as a flow list: [KT, VHXH].
func flow(codes []string) string {
	quoted := make([]string, len(codes))
	for i, c := range codes {
		quoted[i] = scalar(c)
		if strings.ContainsAny(c, ",[]{}") && !strings.HasPrefix(quoted[i], `"`) && !strings.HasPrefix(quoted[i], "'") {
			quoted[i] = fmt.Sprintf("%q", c) // a name, not a code, in a flow list
		}
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// wrapWords breaks a paragraph into lines of at most width characters.
func wrapWords(p string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(p) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width:
			lines = append(lines, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
