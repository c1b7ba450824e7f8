package intake

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"baocao/internal/catalog"
	"baocao/internal/vntext"
)

// Thresholds of matching by content (vntext.Similarity, 0..1).
const (
	// contentAccept is the least similarity for a match by content.
	contentAccept = 0.5
	// contentMargin: a runner-up closer than this to the best makes the
	// match ambiguous (a warning names both).
	contentMargin = 0.08
	// contentCheck: a row whose code names a task but whose content is
	// less similar than this to it, and at least contentAccept to another
	// task, gets a warning.
	contentCheck = 0.25
	// contextConfidence is the confidence of a code completed from the
	// rows above it ("a" under IV.1).
	contextConfidence = 0.9
)

var romans = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"}

func romanOf(n int) string {
	if n >= 1 && n <= len(romans) {
		return romans[n-1]
	}
	return ""
}

func isRoman(s string) bool {
	for _, r := range romans {
		if s == r {
			return true
		}
	}
	return false
}

var (
	splitCode  = regexp.MustCompile(`[.\-_/,:;\s]+`)
	digitAlpha = regexp.MustCompile(`^(\d+)([A-Za-z])$`)
	romanDigit = regexp.MustCompile(`^([IVX]+)(\d+)([A-Za-z])?$`)
	// leadingCode finds a code written at the start of a content cell:
	// "IV.1.a. Bố trí ...", "2) Tổ chức ...".
	leadingCode = regexp.MustCompile(`^\s*((?:[IVX]+|\d+)(?:[.\-](?:\d+|[a-zđ]))*)[.):]?\s+\S`)
)

// codeParts splits a written code into its parts: "IV.1a" -> [IV 1 a],
// "4-1-a" -> [4 1 a], "a)" -> [a]. It returns nil for what is no code.
func codeParts(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Nhiệm vụ"), "nhiệm vụ")
	s = strings.Trim(s, " .)(:*")
	if s == "" || len(s) > 24 {
		return nil
	}
	var parts []string
	for _, p := range splitCode.Split(s, -1) {
		if p == "" {
			continue
		}
		if m := digitAlpha.FindStringSubmatch(p); m != nil {
			parts = append(parts, m[1], m[2])
			continue
		}
		if m := romanDigit.FindStringSubmatch(p); m != nil && isRoman(strings.ToUpper(m[1])) {
			parts = append(parts, m[1], m[2])
			if m[3] != "" {
				parts = append(parts, m[3])
			}
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 || len(parts) > 6 { // codes of any depth: II.3.b.1
		return nil
	}
	for i, p := range parts {
		switch {
		case isDigits(p):
		case isRoman(strings.ToUpper(p)) && i == 0 && (len(p) > 1 || p == strings.ToUpper(p) || len(parts) > 1):
			parts[i] = strings.ToUpper(p)
		case len(p) == 1 && p[0] >= 'a' && p[0] <= 'z', len(p) == 1 && p[0] >= 'A' && p[0] <= 'Z' && i > 0:
			parts[i] = strings.ToLower(p)
		default:
			return nil
		}
	}
	return parts
}

func isDigits(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// codeContext is what the rows above tell about the current place in the
// plan: the section (IV) and the group heading (IV.1).
type codeContext struct {
	section string
	parent  string
}

// codeResult is what a written code resolves to.
type codeResult struct {
	code     string // a task or heading code of the catalog, or ""
	full     bool   // written in full (no context needed)
	section  bool   // names a section
	heading  bool   // names a group heading
	tried    string // the code as understood, for messages
	notFound bool   // looked like a code but names nothing in the plan
}

// resolveCode turns a written code into a catalog code, using ctx for the
// parts that are left out.
func resolveCode(c *catalog.Catalog, written string, ctx codeContext) codeResult {
	parts := codeParts(written)
	if parts == nil {
		return codeResult{}
	}
	// Arabic section numbers: "4.1.a" and "4.1" are IV.1.a and IV.1;
	// "1.b" is item b of task 1 of the current section.
	if isDigits(parts[0]) && (len(parts) >= 3 || len(parts) == 2 && (isDigits(parts[1]) || ctx.section == "")) {
		n, _ := strconv.Atoi(parts[0])
		if r := romanOf(n); r != "" && c.Section(r) != nil {
			parts[0] = r
		}
	}
	var code string
	full := false
	switch {
	case isRoman(parts[0]):
		code, full = strings.Join(parts, "."), true
	case len(parts) == 1 && isDigits(parts[0]):
		if ctx.section == "" {
			return codeResult{tried: parts[0]}
		}
		code = ctx.section + "." + parts[0]
	case len(parts) == 1:
		if ctx.parent == "" {
			return codeResult{tried: parts[0]}
		}
		code = ctx.parent + "." + parts[0]
	case isDigits(parts[0]) && ctx.section != "":
		// "1.a" under a section heading: IV + 1.a
		code = ctx.section + "." + strings.Join(parts, ".")
	default:
		return codeResult{tried: strings.Join(parts, ".")}
	}
	res := codeResult{tried: code, full: full}
	if s := c.Section(code); s != nil {
		res.code, res.section = code, true
		return res
	}
	if t := c.Task(code); t != nil {
		res.code, res.heading = code, t.Heading
		return res
	}
	res.notFound = true
	return res
}

// candidate is a task and how similar a row's content is to it.
type candidate struct {
	task  *catalog.Task
	score float64
}

// rankContent returns the tasks most similar to text, best first. Tasks of
// the unit (when known) win ties: a unit mostly reports on its own tasks.
func rankContent(c *catalog.Catalog, text, unit string) []candidate {
	ix := c.TaskIndex()
	q := ix.Prepare(text)
	if q.Empty() {
		return nil
	}
	out := make([]candidate, 0, len(c.Tasks()))
	for i, t := range c.Tasks() {
		out = append(out, candidate{task: t, score: ix.Similarity(q, i)})
	}
	own := func(t *catalog.Task) float64 {
		if unit != "" && t.RoleOf(unit) != catalog.RoleNone {
			return 0.03
		}
		return 0
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].score+own(out[i].task) > out[j].score+own(out[j].task)
	})
	return out
}

// similarityTo returns the similarity of text to the task's content.
func similarityTo(c *catalog.Catalog, text, code string) float64 {
	t := c.Task(code)
	if t == nil {
		return 0
	}
	if text == t.Content {
		return 1 // our forms copy the content
	}
	ix := c.TaskIndex()
	for i, task := range c.Tasks() {
		if task == t {
			return ix.Similarity(ix.Prepare(text), i)
		}
	}
	return vntext.Similarity(text, t.Content) // a heading: not in the index
}
