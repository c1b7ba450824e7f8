package cycle

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"baocao/internal/period"
)

// inputs lists what a build of p reads from the workspace, one line a
// received file: its folder and name, its size and time, and the unit the
// office gave it; sorted. Setting a file aside, putting it back, receiving
// one or giving one a unit changes the list.
func (w *Workspace) inputs(p period.Period) []string {
	unitOf := w.UnitOf(p)
	out := []string{}
	for _, path := range w.ReceivedFiles(p) {
		fi, err := os.Stat(path)
		if err != nil {
			continue
		}
		name := filepath.Base(path)
		folder := filepath.Base(filepath.Dir(filepath.Dir(path)))
		out = append(out, fmt.Sprintf("%s/%s\t%d\t%d\t%s", folder, name, fi.Size(), fi.ModTime().UnixNano(), unitOf[name]))
	}
	slices.Sort(out)
	return out
}

// Changes is what changed among the files a period's outputs were made
// from since they were made.
type Changes struct {
	Built    time.Time // when the first output out of date was made
	Added    []string  // files received (or put back) since: base names
	Removed  []string  // files set aside since
	Assigned []string  // files whose unit the office changed since
	// Changed: a file of the same name differs (replaced outside the page).
	Changed bool
	// Stale are the names of the outputs made before the change.
	Stale []string
}

// Changes says what changed among p's received files, their set-aside and
// their units since p's outputs were made; nil when every output is up to
// date (or was made by the command line, which records no inputs).
func (w *Workspace) Changes(p period.Period) *Changes {
	w.files.Lock()
	now := w.inputs(p)
	w.files.Unlock()
	l := readLedger(w.PeriodDir(p))
	current := digest([]byte(strings.Join(now, "\n")))
	var c *Changes
	var then string
	for _, o := range w.Outputs(p) {
		d, ok := l[inputsKey(o.Name)]
		if !ok || d == current {
			continue
		}
		if c == nil {
			c = &Changes{Built: o.ModTime}
			then = l[inputsList(d)]
		}
		c.Stale = append(c.Stale, o.Name)
	}
	if c == nil {
		return nil
	}
	type entry struct{ rest, unit string }
	parse := func(lines []string) (map[string]entry, []string) {
		m := map[string]entry{}
		var order []string
		for _, line := range lines {
			f := strings.Split(line, "\t")
			if len(f) != 4 {
				continue
			}
			m[f[0]] = entry{f[1] + "\t" + f[2], f[3]}
			order = append(order, f[0])
		}
		return m, order
	}
	var thenLines []string
	if then != "" {
		thenLines = strings.Split(then, "\n")
	}
	before, beforeOrder := parse(thenLines)
	after, afterOrder := parse(now)
	for _, k := range afterOrder {
		b, ok := before[k]
		switch {
		case !ok:
			c.Added = append(c.Added, filepath.Base(k))
		case b.unit != after[k].unit:
			c.Assigned = append(c.Assigned, filepath.Base(k))
		case b.rest != after[k].rest:
			c.Changed = true
		}
	}
	for _, k := range beforeOrder {
		if _, ok := after[k]; !ok {
			c.Removed = append(c.Removed, filepath.Base(k))
		}
	}
	return c
}
