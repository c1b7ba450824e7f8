package cli

import (
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"baocao/internal/consolidate"
	"baocao/internal/cycle"
)

// Placeholders in the help texts, filled from the plan that --data (or the
// folder here, or the built-in copy) gives when the help is shown, so that
// the examples are this plan's own units and tasks.
const (
	exUnit  = "«MÃ1»"    // a reporting unit's code
	exUnit2 = "«MÃ2»"    // another one
	exTask  = "«NV»"     // a task code, of the deepest kind the plan has
	exBody  = "«UBND»"   // "Ủy ban nhân dân xã Xốp"
	exPlan  = "«KHOẠCH»" // "kết quả triển khai kế hoạch ...", from the plan's title
)

// helpValues are the placeholders' values: from the plan when it loads,
// else neutral words.
func (g *globalOptions) helpValues() *strings.Replacer {
	v := map[string]string{
		exUnit: "MÃ", exUnit2: "MÃ_KHÁC", exTask: "I.1",
		exBody: "Ủy ban nhân dân xã, phường", exPlan: "kết quả thực hiện kế hoạch của xã, phường",
	}
	if c, err := cycle.LoadCatalog(g.dataDir); err == nil {
		units := c.ExampleUnits(2)
		if len(units) > 0 {
			v[exUnit] = units[0]
		}
		if len(units) > 1 {
			v[exUnit2] = units[1]
		}
		if t := c.ExampleTask(); t != "" {
			v[exTask] = t
		}
		v[exBody] = c.Plan.PlanIssuer
		v[exPlan] = lowerFirstRune(consolidate.ResultsOf(c.Plan.Title))
	}
	var pairs []string
	for k, val := range v {
		pairs = append(pairs, k, val)
	}
	return strings.NewReplacer(pairs...)
}

// fillHelp puts the plan's examples into a command's help before it is
// printed.
func (g *globalOptions) fillHelp(c *cobra.Command) {
	r := g.helpValues()
	c.Long = rewrap(r.Replace(c.Long), 96)
	c.Example = r.Replace(c.Example)
	c.Short = r.Replace(c.Short)
	for _, sub := range c.Commands() {
		sub.Short = r.Replace(sub.Short)
	}
	fill := func(f *pflag.Flag) { f.Usage = r.Replace(f.Usage) }
	c.Flags().VisitAll(fill)
	c.InheritedFlags().VisitAll(fill)
}

// rewrap breaks the lines longer than width that a long value made,
// keeping their layout: the indentation, and a description after a gap of
// spaces ("  FILE   what it is") hanging under itself.
func rewrap(text string, width int) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if utf8.RuneCountInString(l) <= width+4 {
			continue
		}
		rest := strings.TrimLeft(l, " ")
		head := l[:len(l)-len(rest)] // the indentation
		if gap := strings.Index(rest, "   "); gap > 0 {
			desc := strings.TrimLeft(rest[gap:], " ")
			head += rest[:len(rest)-len(desc)]
			rest = desc
		}
		hang := utf8.RuneCountInString(head)
		lines[i] = head + wrap(rest, max(width-hang, 20), strings.Repeat(" ", hang))
	}
	return strings.Join(lines, "\n")
}

func lowerFirstRune(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
